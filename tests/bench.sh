#!/bin/sh
# tests/bench.sh - `make bench`: every tests/bench/*.sh in turn.  Each prints
# its figures as ratios against cat, sed, iconv and the peers, measured on
# the same bytes in the same run.  Never part of `make check`.
here=$(cd "$(dirname "$0")" && pwd)
export WINNOW_BIN="${WINNOW_BIN:-$(cd "$here/.." && pwd)/bin}"
export BENCH_TMP="${BENCH_TMP:-$(mktemp -d)}"
trap 'rm -rf "$BENCH_TMP"' EXIT INT TERM
. "$here/bench/lib.sh"
# CPU time to the microsecond (GNU time rounds to the hundredth).
${CC:-cc} -O2 -o "$BENCH_TMP/cputime" "$here/bench/cputime.c" || exit 2
export CPUTIME="$BENCH_TMP/cputime"
for b in "$here"/bench/[0-9a-z]*.sh; do
	[ "$(basename "$b")" = lib.sh ] && continue
	echo "== $(basename "$b" .sh)"
	sh "$b" || echo "bench $(basename "$b") failed"
done
