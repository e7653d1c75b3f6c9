#!/bin/sh
# sweep-encmodel.sh NAME VALUE... - for each VALUE of the tunable NAME of
# common/encdetect.c (-DNAME=VALUE, the others as CVFLAGS gives them): the
# cross-validated accuracy of scripts/cv-encmodel.sh's four folds (files
# right overall, CJK, short windows), which picks the value, and beside it
# scripts/enc-western --dev on the dev pages (pages and lines right, both
# charsets), with the checked-in tables: the dev pages are in the fit, so
# that figure only breaks a tie of the folds.  Run `make` first.  The fold
# models are built once, in $CVMODELS (default: a directory under /tmp kept
# between runs).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: sweep-encmodel.sh NAME VALUE..." >&2; exit 2; }
name=$1
shift
CVMODELS=${CVMODELS:-${TMPDIR:-/tmp}/winnow-cv-encmodel}
export CVMODELS
O=$root/build/release
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
for v in "$@"; do
	flags="${CVFLAGS:-} -D$name=$v"
	cv=$(CVFLAGS=$flags "$root/scripts/cv-encmodel.sh" |
	    awk '{ k = $2; r = $3; for (i = 4; i <= NF; i++) r = r " " $i; right[k] = r }
		END { printf "overall %s\tcjk %s\tshort %s", right["overall"], right["cjk"], right["short"] }')
	# detect-encoding with this value: encdetect.o ahead of libwinnow.a's.
	${CC:-cc} -O2 $flags -I"$root/common" -c -o "$t/encdetect.o" "$root/common/encdetect.c"
	${CC:-cc} -o "$t/detect-encoding" "$O/cmd/detect-encoding/main.o" \
	    "$O/libdetect-encoding.a" "$t/encdetect.o" "$O/libwinnow.a" \
	    $(pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8) -lz -lbrotlidec -lm
	dev=$("$root/scripts/enc-western" --dev "$t" |
	    awk '$3 == "both" { r[$2] = $4 ($5 ~ /%/ ? "" : $5) } END { printf "dev pages %s lines %s", r["page"], r["line"] }')
	printf '%s=%s\t%s\t%s\n' "$name" "$v" "$cv" "$dev"
done
