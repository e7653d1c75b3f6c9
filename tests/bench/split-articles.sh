#!/bin/sh
# split-articles: WARC and WET framing against cat, gzip WARC against zcat,
# and the undelimited page splitter against sed, on the same bytes.
. "$(dirname "$0")/lib.sh"
B=$WINNOW_BIN
D=$(cd "$(dirname "$0")/../.." && pwd)/../shared/corpora
[ -d "$D/dumps" ] || { echo "split-articles: no corpora, skipped"; exit 0; }

# About 200 MB of WARC: the real samples, inflated, repeated.
w="$BENCH_TMP/big.warc"
for f in "$D"/dumps/warc/*/*.warc.gz; do zcat "$f" 2>/dev/null; done >"$BENCH_TMP/one.warc"
: >"$w"
while [ "$(wc -c <"$w")" -lt 209715200 ]; do cat "$BENCH_TMP/one.warc" >>"$w"; done
wb=$(wc -c <"$w")
tcat=$(seconds cat "$w")
tz=$(seconds "$B/split-articles" --all-types -z "$w")
tj=$(seconds "$B/split-articles" -j "$w")
echo "WARC framing -z --all-types: $(mbps "$wb" "$tz") MB/s, $(ratio "$tz" "$tcat")x the time of cat ($(mbps "$wb" "$tcat") MB/s)"
echo "WARC documents -j (decoded to UTF-8): $(mbps "$wb" "$tj") MB/s"

# The same records, gzip one member per 8 MB: bounded by inflate.
gzip -1 -c "$w" >"$w.gz"
tzc=$(seconds sh -c "zcat '$w.gz' >/dev/null")
tg=$(seconds "$B/split-articles" --all-types -z "$w.gz")
echo "WARC.gz framing: $(mbps "$wb" "$tg") MB/s of WARC, $(ratio "$tg" "$tzc")x the time of zcat"

# Undelimited pages: the page texts concatenated, repeated to ~100 MB.
p="$BENCH_TMP/pages.txt"
: >"$p"
while [ "$(wc -c <"$p")" -lt 104857600 ]; do
	for f in "$D"/pages/text/*.txt; do cat "$f"; done >>"$p"
done
pb=$(wc -c <"$p")
tsed=$(seconds sed -n '/版权所有/p' "$p")
tp=$(seconds "$B/split-articles" -z "$p")
echo "undelimited pages -z: $(mbps "$pb" "$tp") MB/s, $(ratio "$tp" "$tsed")x the time of sed -n /版权所有/p ($(mbps "$pb" "$tsed") MB/s)"
cp=$(cpu_seconds "$B/split-articles" -z "$p")
echo "undelimited pages -z CPU time: $(mbps "$pb" "$cp") MB/s"

# Boundary accuracy on the dev pages, in a fixed random order.
python3 - "$B/split-articles" "$D/pages/text" <<'PY'
import os, random, subprocess, sys
sa, d = sys.argv[1:]
names = sorted(f for f in os.listdir(d) if f.endswith('.txt'))
random.Random(1).shuffle(names)
files = [open(os.path.join(d, f), 'rb').read() for f in names]


def figures(parts):
    data = b''.join(parts)
    true, off = set(), 0
    for p in parts:
        true.add(off); off += len(p)
    recs = subprocess.run([sa, '-z'], input=data, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL).stdout.split(b'\0')[:-1]
    pred, off = set(), 0
    for r in recs:
        pred.add(off); off += len(r)
    tp = len(true & pred)
    return tp / len(pred), tp / len(true), len(parts), b''.join(recs) == data


print('undelimited boundaries: P %.3f R %.3f over %d pages, lossless %s'
      % figures([f.strip(b'\n') + b'\n' for f in files]))
# As cat joins the files: a third end in an empty line, five in none.
print('undelimited boundaries, files as cat joins them: P %.3f R %.3f over %d pages, lossless %s'
      % figures(files))
PY
