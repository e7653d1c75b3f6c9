#!/bin/sh
# detect-encoding: detection over the 1,479 dev-corpus files in one process
# (files/s, MB/s; the issue's floor is 16,000 files/s and 75 MB/s), and -c
# conversion of 100 MB of GB18030 against iconv alone on the same bytes.
. "$(dirname "$0")/lib.sh"
B=$WINNOW_BIN
root=$(cd "$(dirname "$0")/../.." && pwd)/../shared/corpora
enc=$root/encoding
if [ -f "$enc/MANIFEST.tsv" ]; then
	list="$BENCH_TMP/enc.list"
	awk -F'\t' -v r="$enc" 'NR > 1 && $1 != "" { print r "/" $1 }' "$enc/MANIFEST.tsv" >"$list"
	n=$(wc -l <"$list")
	bytes=$(tr '\n' '\0' <"$list" | xargs -0 cat | wc -c)
	tcat=$(seconds sh -c "tr '\n' '\0' <'$list' | xargs -0 cat")
	t=$(seconds sh -c "tr '\n' '\0' <'$list' | xargs -0 '$B/detect-encoding'")
	echo "detect: $n files, $(awk "BEGIN{printf \"%.0f\", $n / $t}") files/s, $(mbps "$bytes" "$t") MB/s, $(ratio "$t" "$tcat")x the time of xargs cat"
	if command -v uchardet >/dev/null; then
		tu=$(seconds sh -c "tr '\n' '\0' <'$list' | xargs -0 uchardet")
		echo "detect: uchardet on the same files: $(mbps "$bytes" "$tu") MB/s ($(ratio "$tu" "$t")x our time)"
	fi
fi
# Conversion: the page texts in GB18030, 100 MB.
z=$(corpus_texts 100)
gb="$BENCH_TMP/pages.gb18030"
tr '\0' '\n' <"$z" | iconv -f UTF-8 -t GB18030 -c >"$gb" 2>/dev/null
gbytes=$(wc -c <"$gb")
ti=$(seconds iconv -f GB18030 -t UTF-8 "$gb")
tc=$(seconds "$B/detect-encoding" -c "$gb")
tf=$(seconds "$B/detect-encoding" -c --from=GB18030 "$gb")
echo "convert GB18030 -> UTF-8: $(mbps "$gbytes" "$tc") MB/s detected, $(mbps "$gbytes" "$tf") MB/s with --from; iconv alone $(mbps "$gbytes" "$ti") MB/s; $(ratio "$tc" "$ti")x iconv's time"
u8="$BENCH_TMP/pages.txt"
tr '\0' '\n' <"$z" >"$u8"
tu=$(seconds "$B/detect-encoding" -c "$u8")
tiu=$(seconds iconv -f UTF-8 -t UTF-8 "$u8")
ubytes=$(wc -c <"$u8")
echo "convert UTF-8 (validate): $(mbps "$ubytes" "$tu") MB/s; iconv alone $(mbps "$ubytes" "$tiu") MB/s; $(ratio "$tu" "$tiu")x iconv's time"
tz=$(seconds "$B/detect-encoding" -z "$z")
echo "detect -z per record (5-50 KB page texts): $(mbps "$(wc -c <"$z")" "$tz") MB/s"
# -j: the text is UTF-8 already; each line is checked for mojibake.
js="$BENCH_TMP/pages.jsonl"
"$B/split-articles" -j --format nul "$z" >"$js"
tj=$(seconds "$B/detect-encoding" -j "$js")
tjc=$(seconds cat "$js")
echo "detect -j (mojibake check of every line, JSON Lines of the same pages): $(mbps "$(wc -c <"$js")" "$tj") MB/s, $(ratio "$tj" "$tjc")x cat"
