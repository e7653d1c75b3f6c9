#!/usr/bin/env bats
# The record contract of DESIGN.md, checked on all four commands.

setup() {
	load test_helper/common-setup
	_common_setup
}

@test "every command: --help goes to stdout, status 0, shows the usage" {
	for c in $COMMANDS; do
		run --separate-stderr "$c" --help
		assert_success
		assert_output --partial "usage: $c"
		assert_output --partial "--max-record"
		[ -z "$stderr" ]
	done
}

@test "every command: --version prints name and version" {
	for c in $COMMANDS; do
		run "$c" --version
		assert_success
		assert_output --regexp "^$c \\(winnow\\) [0-9]+\\.[0-9]+"
	done
}

@test "every command: an unknown option prints usage to stderr, status 2" {
	for c in $COMMANDS; do
		run --separate-stderr "$c" --no-such-option
		assert_failure 2
		[ -z "$output" ]
		[[ "$stderr" == *"usage: $c"* ]]
	done
}

@test "every command: a bad --max-record value is a usage error" {
	for c in $COMMANDS; do
		run --separate-stderr "$c" --max-record 12q </dev/null
		assert_failure 2
		[[ "$stderr" == *"--max-record"* ]]
	done
}

@test "every command: a missing file is reported with its name, status 2" {
	for c in $COMMANDS; do
		run --separate-stderr "$c" /nonexistent/file
		assert_failure 2
		[[ "$stderr" == "$c: /nonexistent/file: No such file or directory"* ]]
	done
}

@test "every command -z: one record out per record in on real JSON Lines texts" {
	need_corpora
	src="$CORPORA/dumps/jsonl/wikiextractor-json/zhwiki_wiki_00.head20.jsonl"
	# NUL-separated records made from real page texts.
	python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    sys.stdout.write(json.loads(line)["text"] + "\0")
' "$src" >"$BATS_TEST_TMPDIR/in.z"
	want=$(count_nul <"$BATS_TEST_TMPDIR/in.z")
	[ "$want" -eq 20 ]
	for c in $COMMANDS; do
		args=-z
		"$c" $args <"$BATS_TEST_TMPDIR/in.z" >"$BATS_TEST_TMPDIR/out.z" 2>"$BATS_TEST_TMPDIR/err" || true
		got=$(count_nul <"$BATS_TEST_TMPDIR/out.z")
		[ "$got" -eq "$want" ] || { echo "$c: $got records out of $want"; cat "$BATS_TEST_TMPDIR/err"; false; }
	done
}

@test "every command -j: one line out per line in, other fields kept byte for byte" {
	need_corpora
	src="$CORPORA/dumps/jsonl/dolma/cc_en_head-0091.jsonl"
	for c in $COMMANDS; do
		"$c" -j <"$src" >"$BATS_TEST_TMPDIR/out.jsonl"
		[ "$(wc -l <"$BATS_TEST_TMPDIR/out.jsonl")" -eq "$(wc -l <"$src")" ]
		# id, source, added, created and metadata pass through untouched.
		python3 - "$src" "$BATS_TEST_TMPDIR/out.jsonl" <<'PY'
import json, sys
a = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
b = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(a) == len(b)
for x, y in zip(a, b):
    for k in ("id", "source", "added", "created", "metadata"):
        assert x[k] == y[k], k
PY
	done
}

@test "every command -j: invalid JSON and invalid UTF-8 lines pass unchanged, reported" {
	printf '%s\n' '{"text":"ok"}' '{"text": broken' >"$BATS_TEST_TMPDIR/in.jsonl"
	printf '{"text":"bad \xff byte"}\n' >>"$BATS_TEST_TMPDIR/in.jsonl"
	printf '%s\n' '[1,2]' '{"id":3}' >>"$BATS_TEST_TMPDIR/in.jsonl"
	for c in $COMMANDS; do
		run --separate-stderr "$c" -j "$BATS_TEST_TMPDIR/in.jsonl"
		assert_failure 1
		[ "${#lines[@]}" -eq 5 ]
		[ "${lines[1]}" = '{"text": broken' ]
		[ "${lines[3]}" = '[1,2]' ]
		[ "${lines[4]}" = '{"id":3}' ]
		[[ "$stderr" == *"in.jsonl: record 2: invalid JSON"* ]]
		[[ "$stderr" == *"record 3: invalid JSON"*"invalid UTF-8"* ]]
		[[ "$stderr" == *"record 5: no string field \"text\""* ]]
		cmp <(sed -n 3p "$BATS_TEST_TMPDIR/in.jsonl") <("$c" -j "$BATS_TEST_TMPDIR/in.jsonl" 2>/dev/null | sed -n 3p)
	done
}

@test "every command: --field names the text field" {
	printf '%s\n' '{"body":"x","text":5}' >"$BATS_TEST_TMPDIR/in.jsonl"
	for c in $COMMANDS; do
		run --separate-stderr "$c" --field body "$BATS_TEST_TMPDIR/in.jsonl"
		assert_success
		[[ "$output" == '{"body":'* ]]
	done
}

@test "every command -z: a record over --max-record passes unchanged, reported, status 1" {
	big=$(head -c 3000 /dev/zero | tr '\0' x)
	printf 'small\0%s\0tail\0' "$big" >"$BATS_TEST_TMPDIR/in.z"
	# Those whose -z output is the text; extract-meta and detect-encoding
	# without -c write their own record for it (the test below).
	for c in "detect-encoding -c" split-articles strip-chrome; do
		args=-z
		run --separate-stderr $c $args --max-record 1k "$BATS_TEST_TMPDIR/in.z"
		assert_failure 1
		[[ "$stderr" == *"record 2: larger than --max-record 1K"* ]]
		$c $args --max-record 1k "$BATS_TEST_TMPDIR/in.z" 2>/dev/null >"$BATS_TEST_TMPDIR/out.z" || true
		[ "$(count_nul <"$BATS_TEST_TMPDIR/out.z")" -eq 3 ]
		tr '\0' '\n' <"$BATS_TEST_TMPDIR/out.z" | sed -n 2p | grep -qx "$big"
	done
}

@test "every command: a write to /dev/full exits 2 with a message" {
	need_corpora
	for c in $COMMANDS; do
		run --separate-stderr sh -c "'$c' -j '$CORPORA/dumps/jsonl/dolma/cc_en_head-0091.jsonl' >/dev/full"
		assert_failure 2
		[[ "$stderr" == *"$c: write error: No space left on device"* ]]
	done
}

@test "every command: | head -c1 ends quietly" {
	need_corpora
	for c in $COMMANDS; do
		run --separate-stderr bash -c "for i in 1 2 3 4 5 6 7 8; do cat '$CORPORA/dumps/jsonl/wikiextractor-json/zhwiki_wiki_00.head20.jsonl'; done | '$c' -j | head -c1"
		[ -z "$stderr" ]
		[ "${#output}" -eq 1 ]
	done
}

@test "every command: empty input is zero records in -z and -j" {
	for c in $COMMANDS; do
		run "$c" -z </dev/null
		assert_success
		assert_output ""
		run "$c" -j </dev/null
		assert_success
		assert_output ""
	done
}

@test "extract-meta and detect-encoding without -c: a record over --max-record still gets its own output record" {
	# Their output is an object, a TSV line or a name per record: the text of
	# an oversized record copied through in its place (with no newline in
	# whole-file mode) ran into the next file's object.
	big=$(head -c 3000 /dev/zero | tr '\0' x)
	printf '%s' "$big" >"$BATS_TEST_TMPDIR/big.txt"
	printf 'Title\nbody\n' >"$BATS_TEST_TMPDIR/small.txt"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr extract-meta --max-record 1k big.txt small.txt
	assert_failure 1
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == '{"file":"big.txt",'* ]]
	[[ "${lines[1]}" == '{"file":"small.txt",'* ]]
	[[ "$stderr" == "extract-meta: big.txt: larger than --max-record 1K; only its first 1K read" ]]
	run --separate-stderr extract-meta -f file --max-record 1k big.txt small.txt
	assert_failure 1
	assert_output $'big.txt\nsmall.txt'
	printf 'a\0%s\0b\0' "$big" >in.z
	extract-meta -z --max-record 1k in.z >out.z 2>err || [ $? -eq 1 ]
	[ "$(count_nul <out.z)" -eq 3 ]
	! grep -q xxxx out.z || false
	grep -q 'in.z: record 2: larger than --max-record 1K; only its first 1K read' err
	run --separate-stderr sh -c 'detect-encoding -z --max-record 1k in.z | tr "\0" "\n"'
	assert_output $'ASCII\nASCII\nASCII'
	[[ "$stderr" == *"in.z: record 2: larger than --max-record 1K"* ]]
	# With -c the output is the text: the record is copied through whole.
	detect-encoding -z -c --max-record 1k in.z 2>/dev/null | tr '\0' '\n' | sed -n 2p | grep -qx "$big"
}

@test "every command -j: --field naming a member the command writes is a usage error, not a lost text" {
	# Found by the audit: detect-encoding --field encoding replaced every
	# record's text with "ASCII"; extract-meta --field lang (flags,
	# evidence, ...) with its metadata; split-articles --field title wrote
	# "title" twice.  Status 0 each time.
	printf '%s\n' '{"encoding":"中文正文","lang":"中文正文","title":"中文正文"}' >"$BATS_TEST_TMPDIR/in.jsonl"
	for args in "detect-encoding --field encoding" "detect-encoding --field mojibake" \
	    "extract-meta --field lang" "extract-meta --field flags" "extract-meta --field title" \
	    "extract-meta --evidence --field evidence" "split-articles --field title" \
	    "split-articles --field format"; do
		run --separate-stderr $args "$BATS_TEST_TMPDIR/in.jsonl"
		assert_failure 2
		assert_output ""
		[[ "$stderr" == *"--field: \""*"\" is a member "*" writes; the text in it would be lost"* ]]
		[[ "$stderr" == *"usage: "* ]]
	done
	# Other names work; -f output (TSV) and -z (no members) have no collision.
	run --separate-stderr extract-meta -f title --field lang "$BATS_TEST_TMPDIR/in.jsonl"
	assert_success
	run --separate-stderr sh -c "printf 'x\0' | split-articles --field title -z | tr '\0' '\n'"
	assert_success
	assert_output x
}

@test "every command -j: a UTF-8 byte order mark before the first line is skipped, as jq does" {
	# Found by the audit: JSON Lines saved by Windows tools start with
	# EF BB BF; jq reads them, but every command reported record 1 as
	# 'invalid JSON at byte 1: bad number' and passed it on, status 1.
	printf '\xef\xbb\xbf{"text":"a"}\n{"text":"b"}\n' >"$BATS_TEST_TMPDIR/bom.jsonl"
	for c in $COMMANDS; do
		run --separate-stderr "$c" -j "$BATS_TEST_TMPDIR/bom.jsonl"
		assert_success
		[ -z "$stderr" ]
		[ "${#lines[@]}" -eq 2 ]
		[[ "${lines[0]}" == '{"text":'* ]]
	done
	run --separate-stderr sh -c "split-articles -z '$BATS_TEST_TMPDIR/bom.jsonl' | tr '\0' '\n'"
	assert_success
	assert_output $'a\nb'
	# Only before the first line of an operand: elsewhere it is a bad byte.
	printf '{"text":"a"}\n\xef\xbb\xbf{"text":"b"}\n' >"$BATS_TEST_TMPDIR/mid.jsonl"
	run --separate-stderr extract-meta -j "$BATS_TEST_TMPDIR/mid.jsonl"
	assert_failure 1
	[[ "$stderr" == *"record 2: invalid JSON"* ]]
}

@test "every command: started with stdout or stdin closed, a read or write still fails (status 2) and no file gets what was meant for stdout" {
	# Found by the audit: with stdout closed (>&-) the next open took fd 1;
	# split-articles -o DIR reading a WARC from stdin made its temporary
	# article file fd 1, and a warning's fflush(stdout) wrote the list of
	# paths so far into that article.
	mkrec() { printf 'WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: text/plain\r\nContent-Length: %s\r\n\r\n%s\r\n\r\n' "$1" "$2" "$3"; }
	{ mkrec 1 5 hello; mkrec 2 5 world; mkrec 3 99 short; mkrec 4 3 end; } >"$BATS_TEST_TMPDIR/in.warc"
	d="$BATS_TEST_TMPDIR/out"
	mkdir "$d"
	run --separate-stderr sh -c "split-articles -o '$d' <'$BATS_TEST_TMPDIR/in.warc' >&-"
	assert_failure 2
	[[ "$stderr" == *"split-articles: write error: Bad file descriptor"* ]]
	# Each path is flushed as its file is named (issue 20 M6): the write
	# error comes at the first, and the run ends there, the article whole.
	run ls -A "$d"
	assert_output 000001.txt
	[ "$(cat "$d/000001.txt")" = hello ]
	for c in $COMMANDS; do
		run --separate-stderr sh -c "printf 'hi\\0' | $c -z >&-"
		assert_failure 2
		[[ "$stderr" == *"$c: write error: Bad file descriptor"* ]]
		run --separate-stderr sh -c "$c <&-"
		assert_failure 2
		[[ "$stderr" == *"$c: <stdin>: read error: Bad file descriptor"* ]]
	done
}

@test "every command -j: a text field given many times is rewritten once, at the last, and reported (issue 20 C1)" {
	# Found by the audit: 200,000 empty "text" members before the real one
	# each got a copy of the new text (2 MB in, 584 MB out).  The last one
	# is the text (as jq and Python read it); the others pass unchanged.
	split-articles "$PROJECT_ROOT/demo/sample/zh-seed.warc.wet" | sed -n 2p >"$BATS_TEST_TMPDIR/rec.jsonl"
	python3 - "$BATS_TEST_TMPDIR/rec.jsonl" >"$BATS_TEST_TMPDIR/dup.jsonl" <<'PY'
import sys
line = open(sys.argv[1], encoding="utf-8").read().rstrip("\n")
assert line.startswith("{") and len(line) > 2000
sys.stdout.write("{" + '"text":"",' * 2000 + line[1:] + "\n")
PY
	insize=$(wc -c <"$BATS_TEST_TMPDIR/dup.jsonl")
	for args in "strip-chrome -j" "detect-encoding -j --fix" "extract-meta -j"; do
		status=0
		$args "$BATS_TEST_TMPDIR/dup.jsonl" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || status=$?
		[ "$status" -eq 1 ] || { echo "$args: status $status"; false; }
		grep -q 'dup.jsonl: record 1: field "text" given 2001 times; the last is taken as the text' "$BATS_TEST_TMPDIR/err"
		outsize=$(wc -c <"$BATS_TEST_TMPDIR/out")
		[ "$outsize" -lt $((insize + 4096)) ] || { echo "$args: $outsize bytes out of $insize"; false; }
		python3 - "$BATS_TEST_TMPDIR/rec.jsonl" "$BATS_TEST_TMPDIR/out" <<'PY'
import json, sys
out = open(sys.argv[2], encoding="utf-8").read()
assert out.count("\n") == 1
assert out.count('"text":"",') == 2000, out.count('"text":"",')
want = json.loads(open(sys.argv[1], encoding="utf-8").read())["text"]
got = json.loads(out)["text"]
assert got and len(got) <= len(want) and got.strip().split("\n")[-1] in want
PY
	done
}

@test "every command: -z with -j, or -z with --field, is a usage error in either order; getopt's messages name the command (issue 20 M5)" {
	# Found by the audit: the last of -z and -j won silently, and
	# split-articles -z --field body wrote JSON; getopt named the full path.
	for c in $COMMANDS; do
		for args in "-z -j" "-j -z" "--json --null"; do
			run --separate-stderr "$c" $args </dev/null
			assert_failure 2
			[[ "$stderr" == "$c: -z and -j exclude each other"* ]]
			[[ "$stderr" == *"usage: $c"* ]]
		done
		run --separate-stderr "$WINNOW_BIN/$c" --no-such-option </dev/null
		assert_failure 2
		[[ "$stderr" == "$c: unrecognized option '--no-such-option'"* ]]
		run --separate-stderr "$WINNOW_BIN/$c" --max-record </dev/null
		[[ "$stderr" == "$c: option '--max-record' requires an argument"* ]]
	done
	for c in detect-encoding extract-meta strip-chrome; do
		for args in "-z --field body" "--field body -z"; do
			run --separate-stderr "$c" $args </dev/null
			assert_failure 2
			[[ "$stderr" == "$c: --field names a member of a JSON record; -z records have none"* ]]
		done
	done
	# split-articles' --field also names the text of JSON Lines input: with
	# -z, in either order, the output is that text, NUL-terminated.
	for args in "-z --field body" "--field body -z"; do
		run --separate-stderr sh -c "printf '{\"body\":\"x y\"}\n' | split-articles $args | tr '\0' '\n'"
		assert_success
		assert_output "x y"
	done
}

@test "every command in a live pipeline: a record goes out before the next one comes in (issue 20 K1)" {
	# Found by the audit: output was block-buffered, so with one record a
	# second nothing appeared until the input ended.  Now standard output
	# is flushed whenever a read would wait.
	split-articles -z "$PROJECT_ROOT/demo/sample/zh-seed.warc.wet" | head -zn 2 | tail -zn 1 |
	    tr -d '\0' >"$BATS_TEST_TMPDIR/page"
	[ "$(wc -c <"$BATS_TEST_TMPDIR/page")" -gt 2000 ]
	{ cat "$BATS_TEST_TMPDIR/page"; printf '\0'; } >"$BATS_TEST_TMPDIR/rec.z"
	python3 -c 'import json, sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read()}, ensure_ascii=False))' \
	    "$BATS_TEST_TMPDIR/page" >"$BATS_TEST_TMPDIR/rec.jsonl"
	# Write one record, keep the pipe open, wait up to 5 s for a whole
	# output record (its terminator), then end the input.
	live() {
		python3 - "$@" <<'PY'
import os, select, subprocess, sys, time
term = b"\0" if sys.argv[1] == "nul" else b"\n"
p = subprocess.Popen(sys.argv[3:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(open(sys.argv[2], "rb").read())
p.stdin.flush()
got, deadline = b"", time.time() + 5
while term not in got and time.time() < deadline:
    r, _, _ = select.select([p.stdout], [], [], max(0, deadline - time.time()))
    if r:
        got += os.read(p.stdout.fileno(), 65536)
p.stdin.close()
p.stdout.read()
p.wait()
sys.exit(0 if term in got else 1)
PY
	}
	for c in $COMMANDS; do
		z=-z
		# Its sniffer takes NUL records at the second NUL: name the format.
		[ "$c" = split-articles ] && z="-z --format nul"
		live nul "$BATS_TEST_TMPDIR/rec.z" "$WINNOW_BIN/$c" $z ||
		    { echo "$c $z: no record before the input ended"; false; }
		live nl "$BATS_TEST_TMPDIR/rec.jsonl" "$WINNOW_BIN/$c" -j ||
		    { echo "$c -j: no record before the input ended"; false; }
	done
}

@test "file names with a newline, a backslash or bytes not UTF-8: one line per name, and nothing lost unsaid (issue 20 M11)" {
	# Found by the audit: detect-encoding's FILE: NAME lines broke at a
	# newline in a name, and extract-meta's "file" turned bytes that are
	# not UTF-8 into U+FFFD without a word.
	d="$BATS_TEST_TMPDIR/names"
	mkdir "$d"
	split-articles -z "$PROJECT_ROOT/demo/sample/zh-seed.warc.wet" | head -zn 1 | tr -d '\0' >"$d/page"
	cp "$d/page" "$d/$(printf 'a\nb.txt')"
	cp "$d/page" "$d/$(printf 'c\\d.txt')"
	cp "$d/page" "$d/$(printf 'e\xff.txt')"
	cd "$d"
	# As GNU sha256sum writes them: a line starting with \ holds an escaped name.
	run --separate-stderr detect-encoding "$(printf 'a\nb.txt')" 'c\d.txt' page
	assert_success
	[ "${#lines[@]}" -eq 3 ]
	[ "${lines[0]}" = '\a\nb.txt: UTF-8' ]
	[ "${lines[1]}" = '\c\\d.txt: UTF-8' ]
	[ "${lines[2]}" = 'page: UTF-8' ]
	run --separate-stderr extract-meta "$(printf 'a\nb.txt')" "$(printf 'e\xff.txt')"
	assert_failure 1
	[ "${#lines[@]}" -eq 2 ]
	[[ "$stderr" == *$'e\xff.txt: the file name is not UTF-8; "file" holds U+FFFD'* ]]
	python3 - "$output" <<'PY'
import json, sys
a, b = (json.loads(l) for l in sys.argv[1].split("\n"))
assert a["file"] == "a\nb.txt" and b["file"] == "e\ufffd.txt", (a["file"], b["file"])
assert a["title"] == b["title"]
PY
	# TSV writes the bytes as they are, and escapes the newline.
	extract-meta -f file "$(printf 'e\xff.txt')" "$(printf 'a\nb.txt')" >"$BATS_TEST_TMPDIR/tsv"
	printf 'e\xff.txt\na\\nb.txt\n' | cmp - "$BATS_TEST_TMPDIR/tsv"
}

@test "split-articles --help: -z, -j and --field say what is written, not the input wording of the filters (issue 21)" {
	run --separate-stderr split-articles --help
	assert_success
	assert_output --partial "  -z, --null            write each article's text as found, NUL-terminated"
	assert_output --partial "  -j, --json            write JSON Lines, one object per article"
	refute_output --partial "records are JSON Lines"
	refute_output --partial "NUL-separated, in and out"
	# The three filters keep the shared wording.
	for c in detect-encoding extract-meta strip-chrome; do
		"$c" --help | grep -q -- '-z, --null            records are NUL-separated, in and out'
	done
}

@test "split-articles -z on JSON Lines: a text field given twice gives the last, reported (issue 20 C1)" {
	printf '{"text":"first","id":1,"text":"second"}\n{"text":"only"}\n' >"$BATS_TEST_TMPDIR/dup.jsonl"
	run --separate-stderr sh -c "split-articles -z '$BATS_TEST_TMPDIR/dup.jsonl' | tr '\0' '\n'"
	assert_output $'second\nonly'
	[[ "$stderr" == *'dup.jsonl: record 1: field "text" given 2 times; the last is taken as the text'* ]]
	[[ "$stderr" != *"record 2"* ]]
}
