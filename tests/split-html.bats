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

# The first dev page of meta-pages/html that begins with a comment before
# its doctype and that the page splitter used to cut into two records.
SAVED=zh-blog-architectang-2018-07-09-tomcat

@test "split-articles: a saved .html file is one record, guessed or with --format html, in every mode" {
	need_corpora
	f="$CORPORA/meta-pages/html/$SAVED.html"
	[ -f "$f" ]
	for opt in "" "--format html"; do
		# shellcheck disable=SC2086
		run --separate-stderr split-articles --html-to-text $opt "$f"
		assert_success
		[ "${#lines[@]}" -eq 1 ]
		python3 - "$output" "$f" <<'PY'
import html, json, re, sys
r = json.loads(sys.argv[1])
page = open(sys.argv[2], encoding="utf-8").read()
want = " ".join(html.unescape(re.search(r"<title[^>]*>(.*?)</title", page, re.S | re.I).group(1)).split())
assert r["format"] == "html", r["format"]
assert r["title"] == want, (r["title"], want)
assert r["html"]["title"] == want and r["html"]["lang"] == "zh-Hans", r["html"]
assert r["text"].split("\n")[0] == want
# (its code blocks show XML as text: look for the page's own tags)
assert not re.search(r"</?(html|head|body|div|span|script|meta|link|p|a)[\s>/]", r["text"]), "markup left"
PY
	done
	# Without --html-to-text the one record is the page as it is.
	split-articles "$f" | python3 -c 'import json, sys; r = json.loads(sys.stdin.read()); assert r["text"] == open(sys.argv[1], encoding="utf-8").read()' "$f"
	# -z: one text, no head object (no place for it).
	split-articles -z --html-to-text "$f" >"$T/out.z"
	[ "$(count_nul <"$T/out.z")" -eq 1 ]
	! grep -q '<html' "$T/out.z"
	# -o DIR: one file of text; with -j one JSON object with its head.
	mkdir "$T/d" "$T/j"
	run split-articles -o "$T/d" --html-to-text "$f"
	assert_success
	[ "$output" = "$T/d/000001.txt" ]
	head -1 "$T/d/000001.txt" | grep -q '^tomcat 入门'
	run split-articles -j -o "$T/j" --html-to-text "$f"
	assert_success
	[ "$output" = "$T/j/000001.json" ]
	python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); assert "html" in r and r["title"]' "$T/j/000001.json"
	# gzip'd the same.
	gzip -c "$f" >"$T/page.html.gz"
	[ "$(split-articles --html-to-text "$T/page.html.gz" | wc -l)" -eq 1 ]
}

@test "extract-meta and strip-chrome: raw HTML is reported per record, status 1" {
	need_corpora
	f="$CORPORA/meta-pages/html/$SAVED.html"
	for cmd in extract-meta strip-chrome; do
		run --separate-stderr "$cmd" "$f"
		assert_failure 1
		[[ "$stderr" == *"$cmd: $f: looks like HTML; run split-articles --html-to-text first"* ]]
		run --separate-stderr sh -c "split-articles '$f' | $cmd -j"
		assert_failure 1
		[[ "$stderr" == *"$cmd: <stdin>: record 1: looks like HTML; run split-articles --html-to-text first"* ]]
		[ "${#lines[@]}" -eq 1 ]
		# The page's text is what they read: no warning.
		run --separate-stderr sh -c "split-articles --html-to-text '$f' | $cmd -j"
		assert_success
		[ -z "$stderr" ]
	done
}

@test "split-articles --html-to-text: title is the <title> of every HTML response of the WARC samples" {
	need_corpora
	python3 - "$D/warc" <<'PY'
import glob, html, json, re, subprocess, sys
total = right = 0
misses = []
for w in sorted(glob.glob(sys.argv[1] + "/*/*")):
    raw = subprocess.run(["split-articles", w], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().splitlines()
    txt = subprocess.run(["split-articles", "--html-to-text", w], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().splitlines()
    assert len(raw) == len(txt), w
    for a, b in zip(raw, txt):
        a, b = json.loads(a), json.loads(b)
        m = re.search(r"<title[^>]*>(.*?)</title", a["text"], re.I | re.S)
        if not m or not m.group(1).strip():
            continue
        # Decoded, white space collapsed, padding of U+3000 trimmed.
        want = " ".join(html.unescape(m.group(1)).split())
        total += 1
        if b["title"] == want and b["html"]["title"] == want:
            right += 1
        else:
            misses.append((w, b["title"], want))
assert total >= 70, total
assert right == total, (right, total, misses[:5])
PY
}

@test "split-articles -j: the html object of real heads (dev pages of meta-pages) against Python's reading" {
	need_corpora
	M="$CORPORA/meta-pages"
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "split") s = i; next }
		$s == "dev" { print $1 }' "$M/MANIFEST.tsv" >"$T/dev.txt"
	while read -r n; do
		split-articles --html-to-text --format html "$M/head/$n.head.html"
	done <"$T/dev.txt" >"$T/heads.jsonl"
	python3 - "$M/head" "$T/dev.txt" "$T/heads.jsonl" <<'PY'
import html, json, re, sys
from html.parser import HTMLParser
d, names, recs = sys.argv[1], open(sys.argv[2]).read().split(), [json.loads(l) for l in open(sys.argv[3])]
assert len(names) == len(recs) > 1000

def norm(s):
    # HTML's white space and the no-break space collapse; U+3000 is text.
    return " ".join(re.split(r"[ \t\n\r\f\u00a0]+", s)).strip()

def article(v, depth=0):
    """The first object whose @type names an Article or Posting kind."""
    def kind(t):
        if isinstance(t, list):
            return any(kind(x) for x in t)
        t = re.split(r"[/:]", t)[-1] if isinstance(t, str) else ""
        return t.endswith("Article") or t.endswith("Posting") or t == "Report"
    if depth > 4:
        return None
    if isinstance(v, list):
        for x in v[:16]:
            a = article(x, depth + 1)
            if a is not None:
                return a
    elif isinstance(v, dict):
        if kind(v.get("@type")):
            return v
        if "@graph" in v:
            return article(v["@graph"], depth + 1)
    return None

class Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.og, self.canonical, self.lang, self.ld, self.script = {}, None, None, [], None
        self.content_language = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html" and self.lang is None:
            self.lang = a.get("lang")
        if (tag == "meta" and (a.get("http-equiv") or "").lower() == "content-language" and
                norm(a.get("content") or "") and self.content_language is None):
            self.content_language = norm(a["content"])
        if tag == "meta" and (a.get("property") or "").lower().startswith("og:") and a.get("content"):
            self.og.setdefault(a["property"].lower(), norm(a["content"]))
        if tag == "link" and "canonical" in (a.get("rel") or "").lower().split() and self.canonical is None:
            self.canonical = norm(a.get("href") or "")
        if tag == "script" and "ld+json" in (a.get("type") or ""):
            self.script = []
    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)
    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            self.ld.append("".join(self.script))
            self.script = None

checked = {"og": 0, "canonical": 0, "lang": 0, "ld": 0, "content-language": 0}
bad = []
for n, r in zip(names, recs):
    h = r.get("html") or {}
    # The contract's bounds.
    assert len(h) <= 64, n
    for k, v in h.items():
        for x in (v if isinstance(v, list) else [v]):
            assert isinstance(x, str) and 0 < len(x.encode()) <= 1024, (n, k)
    p = Head()
    p.feed(open(f"{d}/{n}.head.html", encoding="utf-8", errors="replace").read())
    for k in ("og:title", "og:site_name", "og:type"):
        if k in p.og:
            checked["og"] += 1
            got = h.get(k)
            got = got[0] if isinstance(got, list) else got
            if got != p.og[k][:len(got or "")] or not got:
                bad.append((n, k, got, p.og[k]))
    if p.canonical:
        checked["canonical"] += 1
        if h.get("canonical") != p.canonical:
            bad.append((n, "canonical", h.get("canonical"), p.canonical))
    if p.lang and p.lang.strip():
        checked["lang"] += 1
        if h.get("lang") != norm(p.lang):
            bad.append((n, "lang", h.get("lang"), p.lang))
    if p.content_language:
        checked["content-language"] += 1
        if h.get("content-language") != p.content_language:
            bad.append((n, "content-language", h.get("content-language"), p.content_language))
    a = None
    for s in p.ld:
        # As pages write it: in a CDATA or comment wrapper, raw line breaks
        # inside strings (JSON forbids both; the reader takes them).
        s = re.sub(r"^\s*(//<!\[CDATA\[|<!\[CDATA\[|<!--)", "", s)
        s = re.sub(r"(//\]\]>|\]\]>|-->)\s*$", "", s)
        try:
            a = article(json.loads(s, strict=False))
        except ValueError:
            continue
        if a is not None:
            break
    if a is not None and isinstance(a.get("headline"), str) and norm(html.unescape(a["headline"])):
        checked["ld"] += 1
        if h.get("ld:headline") != norm(html.unescape(a["headline"])):
            bad.append((n, "ld:headline", h.get("ld:headline"), a["headline"]))
print(checked, len(bad), file=sys.stderr)
assert checked["og"] > 2000 and checked["ld"] >= 530 and checked["canonical"] > 900, checked
assert checked["content-language"] > 40, checked
assert not bad, bad[:8]
PY
}

@test "split-articles: a saved page in a legacy charset is decoded by its <meta> (the standard's prescan)" {
	# http-equiv Content-Type, GB2312 bytes ("你好", "中文测试").
	printf '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>\xc4\xe3\xba\xc3</title></head><body><p>\xd6\xd0\xce\xc4\xb2\xe2\xca\xd4</p></body></html>' >"$T/gbk.html"
	run --separate-stderr split-articles --html-to-text "$T/gbk.html"
	assert_success
	python3 - "$output" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
assert (r["title"], r["text"], r["format"]) == ("你好", "你好\n\n中文测试\n", "html"), r
PY
	# <meta charset>: a pound sign in Latin-1 English is not Cyrillic (issue 19.9).
	printf '<html><head><meta charset="windows-1252"><title>Caf\xe9 \xa39</title></head><body><p>Temporary work at \xa39 an hour.</p></body></html>' >"$T/latin1.html"
	run --separate-stderr split-articles --html-to-text "$T/latin1.html"
	assert_success
	python3 - "$output" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
assert r["title"] == "Café £9" and r["text"].endswith("Temporary work at £9 an hour.\n"), r
PY
}

@test "split-articles -j: the HTTP response's Content-Language is the head's \"http:content-language\"" {
	need_corpora
	# Common Crawl's sample (an.wikipedia.org) and Dolma's send the header.
	split-articles --html-to-text -j "$D/warc/commoncrawl-whirlwind/whirlwind.warc.gz" \
	    "$D/warc/dolma/sample-0000.warc.gz" >"$T/out.jsonl"
	python3 - "$T/out.jsonl" <<'PY'
import json, sys
got = {}
for l in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(l)
    if "http:content-language" in r.get("html", {}):
        got[r["url"]] = r["html"]["http:content-language"]
assert got == {"https://an.wikipedia.org/wiki/Escopete": "an",
               "https://www.cs.washington.edu/people/faculty/weld": "en"}, got
PY
	# Only --html-to-text -j writes the head object.
	run --separate-stderr split-articles --html-to-text -z "$D/warc/commoncrawl-whirlwind/whirlwind.warc.gz"
	[[ "$output" != *'http:content-language'* ]]
}

@test "extract-meta: the HTTP Content-Language of a WARC response is CLD2's hint for lang" {
	# One Croatian paragraph three times: without the header, with
	# "Content-Language: hr" and with the list "hr-HR, en".  CLD2 alone
	# reads it as Bosnian, its close neighbour; the header decides.
	split-articles --html-to-text -j "$F/content-language.warc" | extract-meta -j >"$T/out.jsonl"
	python3 - "$T/out.jsonl" <<'PY'
import json, sys
got = [(r["url"], r["lang"]) for r in map(json.loads, open(sys.argv[1], encoding="utf-8"))]
assert got == [("http://example.com/porez-1", "bs"), ("http://example.com/porez-2", "hr"),
               ("http://example.com/porez-3", "hr")], got
PY
}
