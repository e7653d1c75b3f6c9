#!/usr/bin/env bats
# Files a command writes besides stdout (common/outfile.c): detect-encoding
# -c --in-place and split-articles -o DIR under nohup, detect-encoding
# --in-place under `ulimit -f`, and every command's stdout past `ulimit -f`.
# The rest of their contract (atomic, no clobber, SIGINT/SIGTERM/SIGPIPE
# cleanup, parallel writers, -o DIR past `ulimit -f`) is in
# detect-encoding.bats, split-articles.bats and hostile.bats.

setup() {
	load test_helper/common-setup
	_common_setup
	T=$BATS_TEST_TMPDIR
}

# A GB18030 file of about n KB of Chinese text.
gb_file() {
	python3 -c '
import sys
line = "中文测试，这是一个简单的句子。\n"
sys.stdout.buffer.write((line * (int(sys.argv[1]) * 1024 // len(line.encode("gb18030")))).encode("gb18030"))' "$2" >"$1"
}

# Python run under nohup's conditions (SIGHUP ignored, and so for the
# children); hangup_when(p, ready) sends p SIGHUP once ready() holds.
nohup_py='
import fcntl, os, signal, subprocess, sys, time
signal.signal(signal.SIGHUP, signal.SIG_IGN)
def hangup_when(p, ready):
    for _ in range(200):
        if ready():
            p.send_signal(signal.SIGHUP)
            time.sleep(0.1)
            return
        time.sleep(0.02)
    sys.exit("no temporary file seen")
'

@test "nohup: detect-encoding -c --in-place goes on through a SIGHUP that was ignored at start" {
	# Issue 20 C2: the cleanup handler was installed over an ignored
	# SIGHUP, so under nohup a hangup killed the run (status 129).  Here
	# the run is held in -v's message (stderr a full pipe) while its
	# temporary file exists, and gets SIGHUP there.
	gb_file "$T/a.txt" 4
	iconv -f GB18030 -t UTF-8 "$T/a.txt" >"$T/want"
	run python3 -c "$nohup_py$(cat <<'PY'
d = sys.argv[1]
r, w = os.pipe()
fcntl.fcntl(w, fcntl.F_SETFL, os.O_NONBLOCK)
for size in (4096, 1):
    try:
        while True:
            os.write(w, b"x" * size)
    except BlockingIOError:
        pass
fcntl.fcntl(w, fcntl.F_SETFL, 0)
p = subprocess.Popen(["detect-encoding", "-c", "--in-place", "-v", d + "/a.txt"], stderr=w)
hangup_when(p, lambda: any(n.startswith(".a.txt.") for n in os.listdir(d)))
os.close(w)
while os.read(r, 65536):
    pass
print(p.wait())
PY
)" "$T"
	assert_output 0
	cmp "$T/want" "$T/a.txt"
	[ -z "$(ls -A "$T" | grep '^\.')" ]
}

@test "nohup: split-articles -o DIR goes on through a SIGHUP that was ignored at start" {
	mkdir "$T/out"
	run python3 -c "$nohup_py$(cat <<'PY'
d = sys.argv[1]
# Past --max-record an article streams into its file as it comes.
p = subprocess.Popen(["split-articles", "-z", "--format", "nul", "--max-record", "1k",
                      "-o", d], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL)
p.stdin.write(b"one\0two\0" + b"x" * 2000)
p.stdin.flush()
hangup_when(p, lambda: len(os.listdir(d)) == 3)
p.stdin.write(b"yz\0")
p.stdin.close()
print(p.wait())
PY
)" "$T/out"
	assert_output 1		# the long article is reported
	run ls -A "$T/out"
	assert_output $'000001.txt\n000002.txt\n000003.txt'
	[ "$(wc -c <"$T/out/000003.txt")" -eq 2002 ]
}

@test "ulimit -f: detect-encoding --in-place reports the write error (status 2) and keeps the file" {
	gb_file "$T/a.txt" 80
	cp "$T/a.txt" "$T/a.orig"
	run --separate-stderr bash -c "ulimit -f 50; detect-encoding -c --in-place '$T/a.txt'"
	assert_failure 2
	[[ "$stderr" == *"write error: File too large"* ]]
	cmp "$T/a.orig" "$T/a.txt"
	[ -z "$(ls -A "$T" | grep '^\.')" ]
}

@test "ulimit -f: every command's stdout into a file past the limit is a write error, status 2" {
	# A member every -j filter passes on byte for byte, 500 KB in all.
	python3 -c '
for i in range(50):
    print("{\"id\":%d,\"pad\":\"%s\",\"text\":\"Hello.\"}" % (i, "x" * 10000))' >"$T/in"
	for c in $COMMANDS; do
		run --separate-stderr bash -c "ulimit -f 20; $c -j <'$T/in' >'$T/out'"
		assert_failure 2
		[[ "$stderr" == *"$c: write error: File too large"* ]]
	done
}

@test "split-articles -o DIR --force: a directory where an article's file goes costs that article, not the run (issue 20 M7)" {
	mkdir -p "$T/out/000002.txt"
	run --separate-stderr split-articles -o "$T/out" --force "$PROJECT_ROOT/demo/sample/zh-seed.warc.wet"
	assert_failure 1
	[[ "$stderr" == *"zh-seed.warc.wet: record "*": $T/out/000002.txt is a directory; not replaced"* ]]
	[ "${#lines[@]}" -eq 4 ]
	[ "${lines[0]}" = "$T/out/000001.txt" ]
	[ "${lines[1]}" = "$T/out/000003.txt" ]
	[ -d "$T/out/000002.txt" ]
	[ -s "$T/out/000005.txt" ]
	[ -z "$(ls -A "$T/out" | grep '^\.')" ]
}

@test "split-articles -o DIR killed mid-run: every file it made is in the list it printed (issue 20 M6)" {
	# Found by the audit: the list of paths sat in stdout's buffer, and a
	# SIGTERM lost it while the files stayed.  Input from a regular file,
	# so nothing flushes while waiting for input.
	python3 -c 'import sys; sys.stdout.buffer.write(b"".join(b"article %d\n\0" % i for i in range(200000)))' >"$T/in.z"
	mkdir "$T/out"
	run python3 - "$T/in.z" "$T/out" "$T/list" <<'PY'
import os, signal, subprocess, sys, time
src, d, lst = sys.argv[1:]
with open(src, "rb") as i, open(lst, "wb") as o:
    p = subprocess.Popen(["split-articles", "-z", "--format", "nul", "-o", d], stdin=i, stdout=o)
    for _ in range(1000):
        if len(os.listdir(d)) >= 300:
            break
        time.sleep(0.01)
    p.send_signal(signal.SIGTERM)
    p.wait()
made = sorted(n for n in os.listdir(d) if not n.startswith("."))
listed = [os.path.basename(n.decode()) for n in open(lst, "rb").read().split(b"\0") if n]
assert len(made) >= 250, len(made)
# A file linked a moment before the signal may miss its line; no other.
missing = set(made) - set(listed)
assert missing <= {made[-1]}, (len(made), len(listed))
assert set(listed) <= set(made)
print("ok", len(made), len(listed))
PY
	assert_success
	[[ "$output" == "ok "* ]]
	[ -z "$(ls -A "$T/out" | grep '^\.')" ]
}
