#!/bin/sh
# cv-encmodel.sh [CORPORA] - k-fold cross-validation of the encoding
# detector: the full files of the dev corpus are split into 4 folds by a hash
# of their path; for each fold the models are rebuilt without it (and without
# the short windows cut from it), and the fold is scored with
# score-encoding.py.  Prints the accuracy per group.  The dev-corpus figures
# are optimistic (the models learn from those very files); this is the honest
# estimate for files the models never saw.  Extra compiler flags in CVFLAGS
# (e.g. CVFLAGS=-DMIX_COST=20) try other tunables of encdetect.c.  CVMODELS=DIR keeps the
# four fold models (and their objects) in DIR and reuses them when there:
# the tunables of encdetect.c do not change the tables, so a sweep of them
# builds the models once.  CVMISSES=1 also lists each file scored wrong: path, expected, got.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
C=${1:-$root/../shared/corpora}
ENC=$C/encoding
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cat >"$t/driver.c" <<'CEOF'
#include <stdio.h>
#include "encdetect.h"
int
main(int argc, char **argv)
{
	static unsigned char buf[1 << 20];
	struct enc_guess g;
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		size_t n;

		if (!f)
			continue;
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		enc_detect(buf, n, 1, NULL, &g);
		printf("%s\t%s\n", argv[i], g.name);
	}
	return 0;
}
CEOF
python3 - "$ENC/MANIFEST.tsv" "$t" <<'PY'
import hashlib, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')]
hdr, rows = rows[0], rows[1:]
full = [r for r in rows if not r[0].startswith('short/')]
for k in range(4):
    fold = {r[0] for r in full if int(hashlib.md5(r[0].encode()).hexdigest(), 16) % 4 == k}
    open('%s/fold%d.ex' % (sys.argv[2], k), 'w').write('\n'.join(sorted(fold)) + '\n')
    with open('%s/fold%d.tsv' % (sys.argv[2], k), 'w') as f:
        f.write('\t'.join(hdr) + '\n')
        for r in rows:
            base = r[0][6:].rsplit('.w', 1)[0] if r[0].startswith('short/') else r[0]
            if base in fold:
                f.write('\t'.join(r) + '\n')
PY
models=${CVMODELS:-$t}
mkdir -p "$models"
for k in 0 1 2 3; do
	if [ ! -s "$models/model$k.c" ]; then
		ENCM_EXCLUDE=$t/fold$k.ex python3 "$root/scripts/gen-encmodel.py" "$C" \
		    >"$models/model$k.c.tmp" 2>/dev/null
		mv "$models/model$k.c.tmp" "$models/model$k.c"
		rm -f "$models/model$k.o"
	fi
	[ -s "$models/model$k.o" ] || ${CC:-cc} -O2 -I"$root/common" -c -o "$models/model$k.o" "$models/model$k.c"
	${CC:-cc} -O2 ${CVFLAGS:-} -I"$root/common" -o "$t/det$k" "$t/driver.c" \
	    "$root/common/encdetect.c" "$root/common/enclabel.c" "$root/common/utf8.c" "$models/model$k.o"
	python3 "$C/../tools/score-encoding.py" --quiet --batch 200 --root "$ENC" \
	    --results "$t/res$k.tsv" "$t/fold$k.tsv" "$t/det$k {}" >/dev/null
done
python3 - "$t" "${CVMISSES:-}" <<'PY'
import collections, csv, sys
CJK = {'GB2312', 'GBK', 'GB18030', 'Big5', 'Big5-HKSCS', 'x-EUC-TW', 'Shift_JIS', 'windows-31j',
       'EUC-JP', 'ISO-2022-JP', 'EUC-KR', 'windows-949', 'ISO-2022-KR', 'Johab'}
tot = collections.defaultdict(lambda: [0, 0])
for k in range(4):
    for r in csv.DictReader(open('%s/res%d.tsv' % (sys.argv[1], k)), delimiter='\t'):
        ok = r['ok'] == '1'
        if not ok and sys.argv[2]:
            print('miss\t%s\t%s\t%s' % (r['path'], r['expected'], r['answer']))
        groups = ['overall']
        if r['path'].startswith('short/'):
            groups.append('short')
        if r['expected'] in CJK:
            groups.append('cjk')
        if r['path'].startswith(('chardet/', 'short/chardet/')):
            groups.append('chardet')
        for g in groups:
            tot[g][0] += ok
            tot[g][1] += 1
for g, (a, n) in tot.items():
    print('cv %-8s %4d/%4d %5.1f%%' % (g, a, n, 100.0 * a / n))
PY
