#!/usr/bin/env bats
# split-articles --html-to-text: HTML's character references, the rendering
# of blocks, the title and the head object of -j records, and a file that is
# one HTML page (--format html and its detection).

setup() {
	load test_helper/common-setup
	_common_setup
	bats_require_minimum_version 1.8.0
	F="$FIXTURES/split-html"
	D="$CORPORA/dumps"
	T="$BATS_TEST_TMPDIR"
}

# The text member of the one JSON record on stdin.
text_of() { python3 -c 'import json, sys; sys.stdout.write(json.loads(sys.stdin.read())["text"])'; }

@test "split-articles --html-to-text: character references of every class, as HTML reads them" {
	split-articles --format nul --html-to-text "$F/entities.html" | text_of >"$T/out.txt"
	# Named with ';' (rare Latin letters, two code points, the longest
	# name); legacy names without ';' read by their longest prefix; decimal
	# and hex; &#128;-&#159; as windows-1252 (the five it leaves undefined
	# are controls: a space); 0, surrogates and past U+10FFFF as U+FFFD;
	# what is no reference stays as written.
	cat >"$T/want.txt" <<'TXT'
Entitäten „aller“ Klassen – Test

Named, with the semicolon

„Zitat“ ã ø Ñ x‎y … € & ² ¾ Ω →

Two code points: ≂̸ <⃒ and a long name: ∳

Legacy names without the semicolon

©2019 & co és ¬it; ∉ <tag> Æ

Numeric

ABC — 😀 A then Dz

windows-1252 and the invalid

€ … ’s — [ ] [�] [�] [�] [�]

Not references

&unknown; &#; &#x; & alone &; R&D AT&T

alt in an attribute: a&b &copy=c &copyd © e
TXT
	diff "$T/want.txt" "$T/out.txt"
}

@test "split-articles --html-to-text: every one of the 2,231 WHATWG names decodes as Python's html.unescape" {
	python3 - >"$T/all.html" <<'PY'
import html.entities
print("<html><body>")
for name in sorted(html.entities.html5):
    # one per line, bracketed: "[&name;]"
    print("<p>[&%s]</p>" % name)
print("</body></html>")
PY
	split-articles --format nul --html-to-text "$T/all.html" | text_of >"$T/out.txt"
	python3 - "$T/out.txt" <<'PY'
import html, html.entities, sys
got = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
names = sorted(html.entities.html5)
assert len(got) == len(names) == 2231, (len(got), len(names))
bad = []
for name, line in zip(names, got):
    want = html.entities.html5[name]
    # ASCII white space and the no-break space read as a space (w3m's way).
    if want in ("\t", "\n", "\u00a0"):
        want = " "
    if line != "[" + want + "]":
        bad.append((name, line, want))
assert not bad, bad[:10]
PY
}
