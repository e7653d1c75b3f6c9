#!/usr/bin/env bats
# The generated tables (scripts/models lists them) are what their
# generators make of the corpora: `make models` would not change them.

setup() {
	load test_helper/common-setup
	_common_setup
}

@test "models: every generated table is what its generator makes of the corpora" {
	need_corpora
	# Two minutes of fitting that no build changes: make check runs it.
	[ -z "${WINNOW_SANITIZE:-}" ] || skip "the tables do not depend on the build"
	/usr/bin/python3 -c 'import numpy' 2>/dev/null ||
		skip "needs Debian's python3-numpy (scripts/deps installs it as root)"
	tune=${WINNOW_TUNE:-$PROJECT_ROOT/build/tune/bin}
	[ -x "$tune/split-articles" ] || skip "needs $tune/split-articles: make tune"
	run --separate-stderr env WINNOW_TUNE="$tune" "$PROJECT_ROOT/scripts/models" \
		--into "$BATS_TEST_TMPDIR"
	assert_success
	tables=$("$PROJECT_ROOT/scripts/models" --list)
	[ -n "$tables" ]
	for t in $tables; do
		cmp "$BATS_TEST_TMPDIR/$t" "$PROJECT_ROOT/$t" ||
			{ echo "$t differs from what make models makes"; return 1; }
	done
}

@test "models: the fitting corpus takes dev pages only" {
	need_corpora
	d=$BATS_TEST_TMPDIR/shared
	mkdir -p "$d/corpora/pages/text"
	val=$(awk -F'\t' 'NR > 1 && $4 == "val" { print $1; exit }' "$CORPORA/pages/MANIFEST.tsv")
	[ -n "$val" ]
	printf 'name\tlang\tsite\tsplit\n%s\ten\tx\tval\n' "$val" >"$d/corpora/pages/MANIFEST.tsv"
	mkdir "$d/scripts"
	cp "$PROJECT_ROOT/scripts/models" "$d/scripts/"
	printf '%s\n' "$val" >"$d/scripts/model-pages.txt"
	run --separate-stderr env WINNOW_SHARED="$d" "$d/scripts/models" --into "$BATS_TEST_TMPDIR" \
		common/encmodel.c
	assert_failure 2
	[[ "$stderr" == *"$val: split 'val', not dev"* ]]
}

@test "models: the encoding models read meta-pages' dev pages, never its val pages" {
	need_corpora
	M=$CORPORA/meta-pages
	val=$(awk -F'\t' 'NR > 1 && $2 == "de" && $4 == "val" { print $1; exit }' "$M/MANIFEST.tsv")
	[ -n "$val" ]
	# The corpora as they are, but for a meta-pages/ of one page.
	c=$BATS_TEST_TMPDIR/corpora
	mkdir -p "$c/meta-pages/text"
	for d in "$CORPORA"/*; do [ "${d##*/}" = meta-pages ] || ln -s "$d" "$c/"; done
	gen() { /usr/bin/python3 "$PROJECT_ROOT/scripts/gen-encmodel.py" "$c" 2>/dev/null; }
	gen >"$BATS_TEST_TMPDIR/none.c"
	cp "$M/text/$val.txt" "$c/meta-pages/text/"
	printf 'name\tlang\tsite\tsplit\n%s\tde\tx\tval\n' "$val" >"$c/meta-pages/MANIFEST.tsv"
	gen | cmp - "$BATS_TEST_TMPDIR/none.c"
	# The same page marked dev is read: the check above can fail.
	printf 'name\tlang\tsite\tsplit\n%s\tde\tx\tdev\n' "$val" >"$c/meta-pages/MANIFEST.tsv"
	! gen | cmp -s - "$BATS_TEST_TMPDIR/none.c"
}
