#!/bin/sh
# strip-chrome over the corpus page texts as -z records (at least 100 MB),
# against LC_ALL=C sed s/a/b/ and cat on the same bytes, and its resident
# memory on one and on four times the stream (it must stay flat).
. "$(dirname "$0")/lib.sh"
B=$WINNOW_BIN
z=$(corpus_texts 100)
bytes=$(wc -c <"$z")
tcat=$(seconds cat "$z")
tsed=$(seconds sh -c "LC_ALL=C sed s/a/b/ '$z'")
ts=$(seconds "$B/strip-chrome" -z "$z")
tn=$(seconds "$B/strip-chrome" -z --no-repeat "$z")
echo "strip-chrome -z: $(mbps "$bytes" "$ts") MB/s, $(ratio "$ts" "$tsed")x the time of LC_ALL=C sed s/a/b/ ($(mbps "$bytes" "$tsed") MB/s), $(ratio "$ts" "$tcat")x cat ($(mbps "$bytes" "$tcat") MB/s)"
echo "strip-chrome -z --no-repeat: $(mbps "$bytes" "$tn") MB/s"
if [ -x /usr/bin/time ]; then
	m1=$( { /usr/bin/time -f %M "$B/strip-chrome" -z "$z" >/dev/null; } 2>&1 | tail -1)
	m4=$( { /usr/bin/time -f %M sh -c "cat '$z' '$z' '$z' '$z' | '$B/strip-chrome' -z" >/dev/null; } 2>&1 | tail -1)
	echo "strip-chrome -z max RSS: ${m1} KB on $(mbps "$bytes" 1) MB, ${m4} KB on 4x that"
fi
cs=$(cpu_seconds "$B/strip-chrome" -z "$z")
cd=$(cpu_seconds env LC_ALL=C sed s/a/b/ "$z")
echo "strip-chrome -z CPU time: $(mbps "$bytes" "$cs") MB/s, $(ratio "$cs" "$cd")x the CPU time of LC_ALL=C sed s/a/b/ ($(mbps "$bytes" "$cd") MB/s)"
