#!/bin/sh
# Pass-through speed of the record layer: -z against cat | cat, -j on
# JSON Lines with 5 KB texts.
. "$(dirname "$0")/lib.sh"
B=$WINNOW_BIN
z=$(corpus_texts 100)
bytes=$(wc -c <"$z")
jl="$BENCH_TMP/5k.jsonl"
python3 - "$z" "$jl" <<'PY'
import json, sys
data = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    for i in range(0, len(data), 1700):  # ~5 KB of UTF-8 Chinese per record
        f.write(json.dumps({"id": i, "url": "http://example.com/%d" % i,
                            "text": data[i:i + 1700]}, ensure_ascii=False) + "\n")
PY
jbytes=$(wc -c <"$jl")
tcat=$(seconds sh -c "cat '$z' | cat")
# A pass-through filter: the record layer alone (split-articles --format nul -z
# would parse too; a filter with nothing to do on a record is the floor).
for c in strip-chrome; do :; done
tz=$(seconds sh -c "'$B/split-articles' -z --format nul '$z' 2>/dev/null || '$B/split-articles' -z '$z'")
echo "record layer -z pass-through: $(mbps "$bytes" "$tz") MB/s, $(ratio "$tz" "$tcat")x the time of cat|cat ($(mbps "$bytes" "$tcat") MB/s)"
tj=$(seconds "$B/split-articles" -j "$jl")
echo "record layer -j pass-through (5 KB texts): $(mbps "$jbytes" "$tj") MB/s"
