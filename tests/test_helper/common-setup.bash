# Shared setup for every bats suite: the commands under test on PATH, the
# corpora located, bats-support and bats-assert loaded from the system.
bats_require_minimum_version 1.5.0

_common_setup() {
	bats_load_library bats-support
	bats_load_library bats-assert
	PROJECT_ROOT="$(cd "$(dirname "$BATS_TEST_FILENAME")/.." && pwd)"
	WINNOW_BIN="${WINNOW_BIN:-$PROJECT_ROOT/bin}"
	PATH="$WINNOW_BIN:$PATH"
	SHARED="${WINNOW_SHARED:-$PROJECT_ROOT/../shared}"
	CORPORA="$SHARED/corpora"
	FIXTURES="$PROJECT_ROOT/tests/fixtures"
	COMMANDS="detect-encoding split-articles extract-meta strip-chrome"
}

# Tests that read the shared corpora skip, visibly, in a clone without them.
need_corpora() {
	[ -d "$CORPORA" ] || skip "needs $CORPORA (present in CI, absent in a user's clone)"
}

# Count NUL-terminated records on stdin.
count_nul() { tr -cd '\0' | wc -c | tr -d ' '; }

# The names of the corpus pages whose MANIFEST split is dev (one per line).
# Tests score only these: val pages are for measuring, never for a test's floor.
dev_pages() {
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "split") s = i; next }
		$s == "dev" { print $1 }' "$CORPORA/pages/MANIFEST.tsv"
}
