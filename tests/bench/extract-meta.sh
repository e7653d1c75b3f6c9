#!/bin/sh
# extract-meta over the corpus page texts as -z records: MB/s, against
# cat and a sed that touches every line, on the same bytes in one run;
# and -j on JSON Lines of the same texts.
. "$(dirname "$0")/lib.sh"
B=$WINNOW_BIN
z=$(corpus_texts 100)
bytes=$(wc -c <"$z")
tcat=$(seconds sh -c "cat '$z' | cat")
tsed=$(seconds sed -z 's/来源/来源/g' "$z")
tm=$(seconds "$B/extract-meta" -z "$z")
echo "extract-meta -z: $(mbps "$bytes" "$tm") MB/s over $(mbps "$bytes" 1) MB of page texts;" \
    "$(ratio "$tm" "$tcat")x the time of cat|cat, $(ratio "$tm" "$tsed")x the time of sed -z ($(mbps "$bytes" "$tsed") MB/s)"
cpu=$(cpu_seconds "$B/extract-meta" -z "$z")
echo "extract-meta -z: $(mbps "$bytes" "$cpu") MB/s of CPU time on one core (user+sys $cpu s)"
jl="$BENCH_TMP/meta-pages.jsonl"
python3 - "$z" "$jl" <<'PY'
import json, sys
recs = open(sys.argv[1], 'rb').read().split(b'\0')[:-1]
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    for i, r in enumerate(recs):
        f.write(json.dumps({"id": i, "url": "http://example.com/%d" % i,
                            "text": r.decode('utf-8', 'replace')}, ensure_ascii=False) + "\n")
PY
jbytes=$(wc -c <"$jl")
tj=$(seconds "$B/extract-meta" -j "$jl")
echo "extract-meta -j: $(mbps "$jbytes" "$tj") MB/s on JSON Lines of the same pages"
