#!/bin/sh
# The brief's pipeline, split-articles -j | extract-meta -j | strip-chrome -j,
# over the corpus page texts as a NUL-separated stream (at least 100 MB),
# against LC_ALL=C sed s/a/b/ and cat on the same bytes: wall time (the
# three run side by side on as many cores as there are) and their CPU time
# summed.
. "$(dirname "$0")/lib.sh"
B=$WINNOW_BIN
z=$(corpus_texts 100)
bytes=$(wc -c <"$z")
pipe="'$B/split-articles' -j --format nul '$z' | '$B/extract-meta' -j | '$B/strip-chrome' -j"
tcat=$(seconds cat "$z")
tsed=$(seconds sh -c "LC_ALL=C sed s/a/b/ '$z'")
tp=$(seconds sh -c "$pipe")
echo "pipeline split-articles -j | extract-meta -j | strip-chrome -j: $(mbps "$bytes" "$tp") MB/s, $(ratio "$tp" "$tsed")x the time of LC_ALL=C sed s/a/b/ ($(mbps "$bytes" "$tsed") MB/s), $(ratio "$tp" "$tcat")x cat"
cp=$(cpu_seconds sh -c "$pipe")
cd=$(cpu_seconds env LC_ALL=C sed s/a/b/ "$z")
echo "pipeline CPU time, the three summed: $(mbps "$bytes" "$cp") MB/s, $(ratio "$cp" "$cd")x the CPU time of LC_ALL=C sed s/a/b/"
