#!/usr/bin/env bats
# Hostile input (issue 6): every command, in every record mode, on input a
# crawler can bring back.  Whatever the bytes: exit status 0, 1 or 2, a
# message on stderr when it is not 0, one record out for every record in,
# memory flat in the length of the stream, and `| head` quiet.

setup_file() {
	export HOSTILE="$BATS_FILE_TMPDIR/in"
	mkdir -p "$HOSTILE"
	python3 "$BATS_TEST_DIRNAME/fixtures/hostile/make-inputs.py" "$HOSTILE"
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

# survive FILE [ARGS...]: run every command in every mode on FILE.
survive() {
	local in=$1 c mode st want got delim
	shift
	for c in $COMMANDS; do
		for mode in "" -z -j; do
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
			case $mode in
			-z) delim='\0' ;;
			-j) delim='\n' ;;
			*) continue ;;
			esac
			want=$(records "$delim" "$in")
			# Every record out is terminated, so delimiters count them.
			got=$(tr -cd "$delim" <"$BATS_TEST_TMPDIR/out" | wc -c)
			if [ "$got" -ne "$want" ]; then
				echo "$c $mode: $got records out for $want in ($(basename "$in"))"
				head -c 2000 "$BATS_TEST_TMPDIR/err"
				return 1
			fi
		done
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
		"$c" -j <"$HOSTILE/bad-utf8" >"$BATS_TEST_TMPDIR/out" 2>/dev/null || true
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
		"$c" -j <"$HOSTILE/surrogates" >"$BATS_TEST_TMPDIR/out" 2>/dev/null || true
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
		"$c" -j <"$HOSTILE/crlf" >"$BATS_TEST_TMPDIR/out" 2>/dev/null || true
		# Every JSON line of the input is still a JSON line in the output.
		grep -a '^{' "$BATS_TEST_TMPDIR/out" | tr -d '\r' >"$BATS_TEST_TMPDIR/json"
		[ "$(wc -l <"$BATS_TEST_TMPDIR/json")" -eq 2000 ]
		valid_json_lines "$BATS_TEST_TMPDIR/json"
	done
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
	# 200 real pages as records, and the same pages 50 times over.
	python3 - "$CORPORA/pages/text" "$BATS_TEST_TMPDIR" <<'PY'
import glob, json, os, sys
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(sys.argv[1] + "/*.txt"))]
texts = (texts * 200)[:200]
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
			echo "$c $mode: peak ${small} KiB for 200 records, ${large} KiB for 10,000"
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
			grep -q "larger than --max-record 1M" "$BATS_TEST_TMPDIR/err"
			# All of it goes on, plus the terminator in -z and -j.
			[ "$(cat "$BATS_TEST_TMPDIR/n")" -ge "$size" ]
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
