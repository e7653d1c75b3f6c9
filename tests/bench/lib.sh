# lib.sh - helpers for the bench scripts (sourced).
# seconds CMD...: best wall-clock time of 3 runs, in seconds, output discarded.
seconds() {
	best=
	for _ in 1 2 3; do
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s.%N)
		t=$(echo "$t1 - $t0" | bc -l 2>/dev/null || awk "BEGIN{print $t1 - $t0}")
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
	done
	echo "$best"
}
# cpu_seconds CMD...: least CPU time (user+sys, children included) of 5
# runs, output discarded.  On a loaded machine the wall clock says more about
# the neighbours than about the filter.
cpu_seconds() {
	best=
	for _ in 1 2 3 4 5; do
		t=$("$CPUTIME" "$@") || return 1
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
	done
	echo "$best"
}
# mbps BYTES SECONDS
mbps() { awk "BEGIN{printf \"%.0f\", $1 / 1048576 / $2}"; }
# ratio A B: A/B with two decimals
ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
# corpus_texts: the page texts of ../shared/corpora as -z records, repeated to
# at least $1 MB, into $BENCH_TMP/pages.z (printed path).
corpus_texts() {
	want=$(( ${1:-100} * 1048576 ))
	out="$BENCH_TMP/pages.z"
	[ -s "$out" ] && { echo "$out"; return; }
	src=$(cd "$(dirname "$0")/../.." && pwd)/../shared/corpora/pages/text
	: >"$out"
	while [ "$(wc -c <"$out")" -lt "$want" ]; do
		for f in "$src"/*.txt; do cat "$f"; printf '\0'; done >>"$out"
	done
	echo "$out"
}
