#!/usr/bin/env bats
# Hostile input (issue 6): every command, in every record mode, on input a
# crawler can bring back.  Whatever the bytes: exit status 0, 1 or 2, a
# message on stderr when it is not 0, one record out for every record in,
# memory flat in the length of the stream, and `| head` quiet.

setup_file() {
	export HOSTILE="$BATS_FILE_TMPDIR/in"
	mkdir -p "$HOSTILE"
	python3 "$BATS_TEST_DIRNAME/fixtures/hostile/make-inputs.py" "$HOSTILE" \
		"${WINNOW_SHARED:-$BATS_TEST_DIRNAME/../../shared}/corpora"
}

setup() {
	load test_helper/common-setup
	_common_setup
}

# records DELIM FILE: records in FILE; every delimiter ends one, and so does
# the end of a non-empty file that lacks a final delimiter.
records() {
	local n last
	n=$(tr -cd "$1" <"$2" | wc -c)
	if [ -s "$2" ]; then
		last=$(tail -c1 "$2" | od -An -c | tr -d ' ')
		case $1 in
		'\0') [ "$last" = '\0' ] || n=$((n + 1)) ;;
		'\n') [ "$last" = '\n' ] || n=$((n + 1)) ;;
		esac
	fi
	echo "$n"
}

# modes CMD: the invocations to try, one per line.  A splitter makes many
# records from one (a WET file, blank-line text), so split-articles counts
# only where its input format is forced to pass records through: -z with
# --format nul, -j with --format jsonl.  Its auto-detecting runs must still
# survive.
modes() {
	if splitter "$1"; then
		printf '%s\n' "" "-z" "-j" "-z --format nul" "-j --format jsonl"
	else
		printf '%s\n' "" "-z" "-j"
	fi
}

# splitter CMD: CMD makes records of its own from a stream (--format).
splitter() {
	[ "$1" = split-articles ] && "$1" --help 2>/dev/null | grep -q -- '--format'
}

# json_out CMD FILE: CMD's JSON Lines mode on FILE (split-articles told the
# input is JSON Lines) into $BATS_TEST_TMPDIR/out; its status is not the test.
json_out() {
	jmode=-j
	! splitter "$1" || jmode="-j --format jsonl"
	"$1" $jmode <"$2" >"$BATS_TEST_TMPDIR/out" 2>/dev/null || true
}

# counted CMD MODE FILE: whether MODE of CMD keeps one record out per
# record in of FILE.  split-articles reads gzip through, so a compressed
# file's bytes are not its records.
counted() {
	if splitter "$1"; then
		case $2 in
		-z | -j) return 1 ;;
		esac
		[ "$(head -c2 "$3" | od -An -tx1 | tr -d ' ')" != 1f8b ] || return 1
	fi
	case $2 in
	-z* | -j*) return 0 ;;
	esac
	return 1
}

# survive FILE [ARGS...]: run every command in every mode on FILE: exit
# status 0, 1 or 2, a message when not 0, and the records counted.
survive() {
	local in=$1 c mode st want got delim blank
	shift
	for c in $COMMANDS; do
		while IFS= read -r mode; do
			st=0
			timeout 300 "$c" $mode "$@" <"$in" >"$BATS_TEST_TMPDIR/out" \
				2>"$BATS_TEST_TMPDIR/err" || st=$?
			if [ "$st" -gt 2 ]; then
				echo "$c $mode $*: exit status $st on $(basename "$in")"
				head -c 2000 "$BATS_TEST_TMPDIR/err"
				return 1
			fi
			if [ "$st" -ne 0 ] && [ ! -s "$BATS_TEST_TMPDIR/err" ]; then
				echo "$c $mode: exit status $st without a message"
				return 1
			fi
			counted "$c" "$mode" "$in" || continue
			case $mode in
			-z*) delim='\0' ;;
			*) delim='\n' ;;
			esac
			want=$(records "$delim" "$in")
			# JSON Lines into split-articles: a line of nothing but white
			# space holds no record (the record layer passes it on, reported).
			if [ "$c $mode" = "split-articles -j --format jsonl" ]; then
				blank=$(tr -d ' \t\r' <"$in" | grep -ac '^$' || true)
				want=$((want - blank))
			fi
			# Every record out is terminated, so delimiters count them.
			got=$(tr -cd "$delim" <"$BATS_TEST_TMPDIR/out" | wc -c)
			if [ "$got" -ne "$want" ]; then
				echo "$c $mode: $got records out for $want in ($(basename "$in"))"
				head -c 2000 "$BATS_TEST_TMPDIR/err"
				return 1
			fi
		done <<EOM
$(modes "$c")
EOM
	done
}

# Every line of FILE is valid JSON in valid UTF-8.
valid_json_lines() {
	python3 - "$1" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1], "rb"), 1):
    json.loads(line.decode("utf-8", errors="strict"))
PY
}

@test "hostile: empty input" {
	survive "$HOSTILE/empty"
}

@test "hostile: NUL bytes inside text and JSON" {
	survive "$HOSTILE/nul-in-text"
}

@test "hostile: 1 MB of random bytes" {
	survive "$HOSTILE/random"
}

@test "hostile: random bytes cut into tiny records under a tiny --max-record" {
	survive "$HOSTILE/random" --max-record 64
}

@test "hostile: invalid and overlong UTF-8, surrogates, cut sequences" {
	survive "$HOSTILE/bad-utf8"
}

@test "hostile -j: what goes out for invalid UTF-8 is valid JSON or the line unchanged" {
	for c in $COMMANDS; do
		json_out "$c" "$HOSTILE/bad-utf8"
		# Lines the filter handled are re-encoded, the rest passed through as
		# they came: either way the count holds and nothing new is broken.
		python3 - "$HOSTILE/bad-utf8" "$BATS_TEST_TMPDIR/out" "$c" <<'PY'
import json, sys
a = open(sys.argv[1], "rb").read().split(b"\n")[:-1]
b = open(sys.argv[2], "rb").read().split(b"\n")[:-1]
assert len(a) == len(b), (sys.argv[3], len(a), len(b))
for x, y in zip(a, b):
    if x == y:
        continue
    json.loads(y.decode("utf-8", errors="strict"))
PY
	done
}

@test "hostile: lone surrogates in JSON escapes" {
	survive "$HOSTILE/surrogates"
	for c in $COMMANDS; do
		json_out "$c" "$HOSTILE/surrogates"
		valid_json_lines "$BATS_TEST_TMPDIR/out"
	done
}

@test "hostile: 100,000-deep JSON nesting" {
	survive "$HOSTILE/deep"
}

@test "hostile: a 20 MB line with no newline" {
	survive "$HOSTILE/long-line"
	survive "$HOSTILE/long-line-open"
}

@test "hostile: two million empty lines" {
	survive "$HOSTILE/empty-lines"
}

@test "hostile: CRLF everywhere" {
	survive "$HOSTILE/crlf"
	for c in $COMMANDS; do
		json_out "$c" "$HOSTILE/crlf"
		# Every JSON line of the input is still a JSON line in the output.
		grep -a '^{' "$BATS_TEST_TMPDIR/out" | tr -d '\r' >"$BATS_TEST_TMPDIR/json"
		[ "$(wc -l <"$BATS_TEST_TMPDIR/json")" -eq 2000 ]
		valid_json_lines "$BATS_TEST_TMPDIR/json"
	done
}

@test "hostile: WARC lengths huge, negative, not numbers" {
	need_corpora
	survive "$HOSTILE/warc-lengths"
}

@test "hostile: gzip cut mid-member, cut in its trailer, followed by garbage" {
	need_corpora
	survive "$HOSTILE/gzip-cut-half"
	survive "$HOSTILE/gzip-cut-trailer"
	survive "$HOSTILE/gzip-then-garbage"
}

@test "hostile: bit flips in a real WARC and WET, plain and gzipped" {
	need_corpora
	survive "$HOSTILE/bitflip-warc"
	survive "$HOSTILE/bitflip-wet"
	survive "$HOSTILE/bitflip-warc-gz"
}

# Peak resident set size, in KiB, of a command reading FILE.
peak_kib() {
	local in=$1
	shift
	/usr/bin/time -f %M -o "$BATS_TEST_TMPDIR/rss" "$@" <"$in" >/dev/null 2>&1 || true
	tail -1 "$BATS_TEST_TMPDIR/rss"
}

@test "memory: 50 times more records, the same peak" {
	need_corpora
	[ -z "${WINNOW_SANITIZE:-}" ] || skip "sanitizer allocators do not free eagerly; RSS says nothing"
	command -v /usr/bin/time >/dev/null || skip "needs /usr/bin/time (Debian package time)"
	# 100 real pages as records (3 MB), and the same pages 50 times over.
	python3 - "$CORPORA/pages/text" "$BATS_TEST_TMPDIR" <<'PY'
import glob, json, os, sys
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(sys.argv[1] + "/*.txt"))]
texts = (texts * 100)[:100]
for name, times in (("n", 1), ("n50", 50)):
    with open(os.path.join(sys.argv[2], name + ".jsonl"), "w", encoding="utf-8") as j, \
         open(os.path.join(sys.argv[2], name + ".z"), "w", encoding="utf-8") as z:
        for _ in range(times):
            for i, t in enumerate(texts):
                j.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
                z.write(t + "\0")
PY
	for c in $COMMANDS; do
		for mode in -j -z; do
			ext=${mode#-}; [ "$ext" = j ] && ext=jsonl
			small=$(peak_kib "$BATS_TEST_TMPDIR/n.$ext" "$c" $mode)
			large=$(peak_kib "$BATS_TEST_TMPDIR/n50.$ext" "$c" $mode)
			# Within 10% or 4 MiB, whichever is larger.
			margin=$((small / 10 > 4096 ? small / 10 : 4096))
			echo "$c $mode: peak ${small} KiB for 100 records, ${large} KiB for 5,000"
			[ "$large" -le $((small + margin)) ]
		done
	done
}

@test "memory: a record over --max-record is passed on without being held" {
	[ -z "${WINNOW_SANITIZE:-}" ] || skip "sanitizer allocators do not free eagerly; RSS says nothing"
	command -v /usr/bin/time >/dev/null || skip "needs /usr/bin/time (Debian package time)"
	size=$((100 << 20))
	for c in $COMMANDS; do
		for mode in "" -z -j; do
			st=0
			head -c "$size" /dev/zero | tr '\0' x |
				/usr/bin/time -f %M -o "$BATS_TEST_TMPDIR/rss" \
				"$c" $mode --max-record 1M 2>"$BATS_TEST_TMPDIR/err" |
				wc -c >"$BATS_TEST_TMPDIR/n" || st=$?
			rss=$(tail -1 "$BATS_TEST_TMPDIR/rss")
			echo "$c $mode: peak ${rss} KiB passing a 100 MiB record"
			# Passed on as it came (reported): all of it goes on.  A filter
			# may also handle it streaming (detect-encoding): memory is the
			# point either way.
			if grep -q "larger than --max-record 1M; passed on unchanged" "$BATS_TEST_TMPDIR/err"; then
				[ "$(cat "$BATS_TEST_TMPDIR/n")" -ge "$size" ]
			fi
			# Or, where the output is an object or a name per record, read
			# on its first --max-record bytes, the rest skipped.
			if grep -q "larger than --max-record 1M; only its first 1M read" "$BATS_TEST_TMPDIR/err"; then
				[ "$(cat "$BATS_TEST_TMPDIR/n")" -lt 4096 ]
			fi
			[ "$rss" -lt $((32 * 1024)) ]
		done
	done
}

@test "signals: SIGPIPE from | head is quiet, with SIGPIPE default or ignored" {
	for c in $COMMANDS; do
		run --separate-stderr bash -c "yes '{\"text\":\"新闻 news\"}' | '$c' -j | head -n 2"
		[ "${#lines[@]}" -eq 2 ]
		[ -z "$stderr" ]
		# A parent that ignores SIGPIPE: the command still ends, silently
		# (killed by SIGPIPE, which wn_init restores, or exiting on EPIPE).
		run bash -c "trap '' PIPE; yes '{\"text\":\"x\"}' 2>/dev/null |
			timeout 60 '$c' -j 2>'$BATS_TEST_TMPDIR/err' | head -n 1; exit \${PIPESTATUS[1]}"
		[ "$status" -le 1 ] || [ "$status" -eq 141 ]
		[ ! -s "$BATS_TEST_TMPDIR/err" ]
	done
}

# has_option CMD REGEX: CMD --help lists an option matching REGEX.
has_option() {
	"$1" --help 2>/dev/null | grep -qE -- "$2"
}

# GB18030 copies of the Chinese page texts, COUNT files into DIR.
gb_pages() {
	local dir=$1 count=$2 i=0 f
	mkdir -p "$dir"
	while [ "$i" -lt "$count" ]; do
		for f in "$CORPORA"/pages/text/zh-*.txt; do
			[ "$i" -lt "$count" ] || break
			iconv -f UTF-8 -t GB18030 "$f" >"$dir/page-$i.txt" 2>/dev/null || continue
			i=$((i + 1))
		done
	done
}

@test "nothing lost: detect-encoding -c --in-place under xargs -P8 equals a serial run" {
	need_corpora
	has_option detect-encoding '--in-place' || skip "detect-encoding has no --in-place on this branch yet"
	d="$BATS_TEST_TMPDIR/pages"
	gb_pages "$d" 64
	cp -r "$d" "$BATS_TEST_TMPDIR/serial"
	detect-encoding -c --in-place "$BATS_TEST_TMPDIR/serial"/* >/dev/null 2>&1 || true
	st=0
	find "$d" -type f -print0 | xargs -0 -n 4 -P 8 detect-encoding -c --in-place \
		>/dev/null 2>"$BATS_TEST_TMPDIR/err" || st=$?
	# xargs says 123 when some run exited 1..125: allowed, if reported.
	[ "$st" -eq 0 ] || { [ "$st" -eq 123 ] && [ -s "$BATS_TEST_TMPDIR/err" ]; }
	# The same names, no temporary file left, every file as the serial run made it.
	diff -r "$d" "$BATS_TEST_TMPDIR/serial"
}

@test "nothing lost: SIGINT during detect-encoding --in-place leaves whole files, no temporary" {
	need_corpora
	has_option detect-encoding '--in-place' || skip "detect-encoding has no --in-place on this branch yet"
	d="$BATS_TEST_TMPDIR/pages"
	gb_pages "$d" 300
	cp -r "$d" "$BATS_TEST_TMPDIR/orig"
	cp -r "$d" "$BATS_TEST_TMPDIR/done"
	detect-encoding -c --in-place "$BATS_TEST_TMPDIR/done"/* >/dev/null 2>&1 || true
	ls "$d" >"$BATS_TEST_TMPDIR/before"
	detect-encoding -c --in-place "$d"/* >/dev/null 2>&1 &
	pid=$!
	sleep 0.2
	kill -INT "$pid" 2>/dev/null || true
	wait "$pid" || true
	ls "$d" | cmp - "$BATS_TEST_TMPDIR/before"
	# Each file is the original or the whole conversion, never a part.
	for f in "$d"/*; do
		cmp -s "$f" "$BATS_TEST_TMPDIR/orig/${f##*/}" ||
			cmp "$f" "$BATS_TEST_TMPDIR/done/${f##*/}"
	done
}

@test "nothing lost: eight split-articles -o DIR runs into one directory clobber nothing" {
	need_corpora
	has_option split-articles '(^|[ ,[])-o[ ,]' || skip "split-articles has no -o DIR on this branch yet"
	has_option split-articles '--name' || skip "split-articles has no --name TEMPLATE on this branch yet"
	# Eight WET files, each with ten different pages.
	python3 - "$CORPORA/pages/text" "$BATS_TEST_TMPDIR" <<'PY'
import glob, sys
pages = sorted(glob.glob(sys.argv[1] + "/*.txt"))
for b in range(8):
    with open("%s/in-%d.warc.wet" % (sys.argv[2], b), "wb") as f:
        for i, p in enumerate(pages[b * 10:b * 10 + 10]):
            body = open(p, "rb").read()
            f.write(("WARC/1.0\r\nWARC-Type: conversion\r\n"
                     "WARC-Target-URI: http://example.com/%d/%d\r\n"
                     "WARC-Record-ID: <urn:uuid:00000000-0000-0000-%04d-%012d>\r\n"
                     "Content-Type: text/plain\r\nContent-Length: %d\r\n\r\n"
                     % (b, i, b, i, len(body))).encode() + body + b"\r\n\r\n")
PY
	# What each batch writes when it has a directory to itself.
	for b in 0 1 2 3 4 5 6 7; do
		mkdir -p "$BATS_TEST_TMPDIR/solo-$b"
		split-articles -o "$BATS_TEST_TMPDIR/solo-$b" "$BATS_TEST_TMPDIR/in-$b.warc.wet" \
			>/dev/null 2>&1 || true
		(cd "$BATS_TEST_TMPDIR/solo-$b" && sha256sum -- * |
			cut -d' ' -f1 | sort) >"$BATS_TEST_TMPDIR/sums-$b"
		[ -s "$BATS_TEST_TMPDIR/sums-$b" ]
	done

	# Eight at once into one directory, the same default names: a file
	# is never written by two runs, and each holds one whole article of
	# the run that printed its path.
	out="$BATS_TEST_TMPDIR/articles"
	mkdir -p "$out"
	for b in 0 1 2 3 4 5 6 7; do
		split-articles -o "$out" "$BATS_TEST_TMPDIR/in-$b.warc.wet" \
			>"$BATS_TEST_TMPDIR/paths-$b" 2>>"$BATS_TEST_TMPDIR/err" &
	done
	wait
	cat "$BATS_TEST_TMPDIR"/paths-* | sort >"$BATS_TEST_TMPDIR/paths"
	[ -s "$BATS_TEST_TMPDIR/paths" ]
	[ -z "$(uniq -d "$BATS_TEST_TMPDIR/paths")" ]
	[ "$(find "$out" -type f | wc -l)" -eq "$(wc -l <"$BATS_TEST_TMPDIR/paths")" ]
	for b in 0 1 2 3 4 5 6 7; do
		while read -r p; do
			sum=$(sha256sum <"$p" | cut -d' ' -f1)
			grep -qx "$sum" "$BATS_TEST_TMPDIR/sums-$b" ||
				{ echo "$p: not an article of batch $b"; return 1; }
		done <"$BATS_TEST_TMPDIR/paths-$b"
	done

	# With a name template per batch, as xargs -P users give, all 80 land.
	out="$BATS_TEST_TMPDIR/named"
	mkdir -p "$out"
	for b in 0 1 2 3 4 5 6 7; do
		split-articles -o "$out" --name "b$b-%06d.txt" "$BATS_TEST_TMPDIR/in-$b.warc.wet" \
			>/dev/null 2>&1 &
	done
	wait
	[ "$(find "$out" -type f | wc -l)" -eq "$(cat "$BATS_TEST_TMPDIR"/sums-* | wc -l)" ]
}

@test "hostile: page cues run into text everywhere, in UTF-8 and GB18030: the splitter loses no byte" {
	# Breadcrumbs, bullets, skip links and logos glued to text, at line
	# ends, in cut or invalid sequences, in lines of 64K pieces and with
	# CR: whatever split-articles cuts inside a line, its records join back
	# to the input byte for byte.
	python3 - "$T" <<'PY'
import random, sys
t = sys.argv[1]
rnd = random.Random(7)
cues = ['当前位置:首页 > 新闻', '您的位置', '• 国内', '  • Home', 'Skip to content',
        '[logo]', '[Head_LOGO_x]', '[', '位置', '当前', '•', 'Skip to ']
fill = ['加载更多', '版权所有 ©2024', '这是一段正文。', 'text', ' ', '...', '|', '\r',
        '\ufffd', 'é', '[down-logo]', '*']
lines = []
for i in range(4000):
    parts = [rnd.choice(fill + cues) for _ in range(rnd.randint(0, 8))]
    lines.append(''.join(parts))
lines.insert(1000, '文字' * 40000 + '当前位置:首页')	# pieces of 64K
text = '\n'.join(lines)
open(t + '/cues.utf8', 'wb').write(text.encode('utf-8'))
open(t + '/cues.gb', 'wb').write(text.encode('gb18030', 'replace'))
raw = bytearray(text.encode('utf-8'))
for _ in range(300):	# cut and stray bytes
    raw[rnd.randrange(len(raw))] = rnd.choice([0x80, 0xe4, 0xbd, 0xff, 0x0a])
open(t + '/cues.bad', 'wb').write(bytes(raw))
PY
	for f in cues.utf8 cues.gb cues.bad; do
		run --separate-stderr split-articles -z "$T/$f"
		[ "$status" -eq 0 ] || { echo "$f: status $status: $stderr"; false; }
		split-articles -z "$T/$f" | tr -d '\0' | cmp - "$T/$f"
	done
}
