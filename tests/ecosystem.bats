#!/usr/bin/env bats
# The toolkit around the commands (issue 8): every option a command's --help
# shows is in its man page and its three completion files; make install and
# make uninstall put and remove everything where each tool looks for it;
# GNU parallel --pipe gives the serial output; --stats and --progress.

setup() {
	load test_helper/common-setup
	_common_setup
}

# The long options NAME --help shows, one per line.
long_options() {
	"$1" --help | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u
}

# A man page as text, overstriking and hyphen escapes gone.
man_text() {
	if command -v mandoc >/dev/null; then
		mandoc -Tascii "$1" | sed 's/.\x08//g'
	else
		groff -mdoc -Tascii -P-cbou "$1"
	fi
}

# documented NAME: fail when an option of NAME --help is missing from a man
# page or completion file that exists; skip, naming them, for those that
# do not exist yet (each command's author adds them on their branch).
documented() {
	local c=$1 opt o missing="" bad=""
	local man="$PROJECT_ROOT/man/$c.1"
	local bash="$PROJECT_ROOT/completions/bash/$c"
	local zsh="$PROJECT_ROOT/completions/zsh/_$c"
	local fish="$PROJECT_ROOT/completions/fish/$c.fish"

	for f in "$man" "$bash" "$zsh" "$fish"; do
		[ -f "$f" ] || missing="$missing ${f#"$PROJECT_ROOT"/}"
	done
	[ -f "$man" ] && man_text "$man" >"$BATS_TEST_TMPDIR/man.txt"
	for opt in $(long_options "$c"); do
		o=${opt#--}
		if [ -f "$man" ] && ! grep -qE -- "--$o([^a-z0-9-]|\$)" "$BATS_TEST_TMPDIR/man.txt"; then
			bad="$bad\n  man/$c.1 lacks $opt"
		fi
		for f in "$bash" "$zsh"; do
			if [ -f "$f" ] && ! grep -qE -- "--$o([^a-z0-9-]|\$)" "$f"; then
				bad="$bad\n  ${f#"$PROJECT_ROOT"/} lacks $opt"
			fi
		done
		# fish names long options as `-l NAME` (or --long-option NAME).
		if [ -f "$fish" ] && ! grep -qE -- "(-l|--long-option|--long) +['\"]?$o([^a-z0-9-]|\$)|--$o([^a-z0-9-]|\$)" "$fish"; then
			bad="$bad\n  ${fish#"$PROJECT_ROOT"/} lacks $opt"
		fi
	done
	if [ -n "$bad" ]; then
		printf "$c --help shows options not documented:$bad\n"
		return 1
	fi
	[ -z "$missing" ] || skip "$c: not on this branch yet:$missing"
}

@test "detect-encoding: every --help option is in its man page and completions" {
	documented detect-encoding
}

@test "split-articles: every --help option is in its man page and completions" {
	documented split-articles
}

@test "extract-meta: every --help option is in its man page and completions" {
	documented extract-meta
}

@test "strip-chrome: every --help option is in its man page and completions" {
	documented strip-chrome
}

@test "every command: man page and bash, zsh, fish completions list exactly the options main.c accepts" {
	# The tests above go from --help to the documents; this one from the
	# getopt tables (long names and short letters, common/opts.h included)
	# both ways, so an option --help forgets, or a completion offers that
	# the command refuses, is caught too.
	for c in $COMMANDS; do
		run python3 "$PROJECT_ROOT/tests/optlist.py" "$PROJECT_ROOT" "$c"
		assert_success
		assert_output ""
	done
}

@test "man pages: mandoc -Tlint clean" {
	command -v mandoc >/dev/null || skip "needs mandoc"
	[ -f "$PROJECT_ROOT/man/winnow.7" ]
	run mandoc -Tlint -Wwarning "$PROJECT_ROOT"/man/*.[17]
	assert_success
	assert_output ""
}

@test "make install puts binaries, man pages and completions in place; uninstall removes them" {
	d="$BATS_TEST_TMPDIR/root"
	# The binaries under test, as built: -o all keeps make from building
	# bin/ again with a user's flags while the other suites run them.
	run make -s -C "$PROJECT_ROOT" -o all install BIN="$WINNOW_BIN" DESTDIR="$d" PREFIX=/usr
	assert_success
	for c in $COMMANDS; do
		[ -x "$d/usr/bin/$c" ]
		"$d/usr/bin/$c" --version | grep -q "^$c (winnow)"
		if [ -f "$PROJECT_ROOT/man/$c.1" ]; then [ -f "$d/usr/share/man/man1/$c.1" ]; fi
		if [ -f "$PROJECT_ROOT/completions/bash/$c" ]; then
			[ -f "$d/usr/share/bash-completion/completions/$c" ]
		fi
		if [ -f "$PROJECT_ROOT/completions/zsh/_$c" ]; then
			[ -f "$d/usr/share/zsh/site-functions/_$c" ]
		fi
		if [ -f "$PROJECT_ROOT/completions/fish/$c.fish" ]; then
			[ -f "$d/usr/share/fish/vendor_completions.d/$c.fish" ]
		fi
	done
	[ -f "$d/usr/share/man/man7/winnow.7" ]
	# Nothing lands outside the standard places.
	run sh -c "cd '$d' && find . -type f | grep -vE '^\./usr/(bin/[a-z-]+|share/man/man[17]/[a-z-]+\.[17]|share/bash-completion/completions/[a-z-]+|share/zsh/site-functions/_[a-z-]+|share/fish/vendor_completions.d/[a-z-]+\.fish)\$'"
	assert_output ""
	run make -s -C "$PROJECT_ROOT" uninstall DESTDIR="$d" PREFIX=/usr
	assert_success
	run find "$d" -type f
	assert_output ""
}

@test "GNU parallel --pipe over JSON Lines gives the serial output, byte for byte" {
	need_corpora
	command -v parallel >/dev/null || skip "needs GNU parallel (Debian package parallel)"
	in="$BATS_TEST_TMPDIR/in.jsonl"
	for i in 1 2 3 4 5; do
		cat "$CORPORA/dumps/jsonl/dolma/cc_en_head-0091.jsonl" \
		    "$CORPORA/dumps/jsonl/wikiextractor-json/zhwiki_wiki_00.head20.jsonl"
	done >"$in"
	pipeline="split-articles -j | extract-meta -j | strip-chrome -j"
	sh -c "$pipeline" <"$in" >"$BATS_TEST_TMPDIR/serial" 2>/dev/null || true
	# Small blocks, so every job sees a different slice of the stream.
	parallel --will-cite --pipe -k --block 16k -j 4 "$pipeline" <"$in" \
		>"$BATS_TEST_TMPDIR/parallel" 2>/dev/null || true
	[ "$(wc -l <"$BATS_TEST_TMPDIR/serial")" -eq "$(wc -l <"$in")" ]
	cmp "$BATS_TEST_TMPDIR/serial" "$BATS_TEST_TMPDIR/parallel"
	for c in $COMMANDS; do
		"$c" -j <"$in" >"$BATS_TEST_TMPDIR/serial" 2>/dev/null || true
		parallel --will-cite --pipe -k --block 16k -j 4 "$c" -j <"$in" \
			>"$BATS_TEST_TMPDIR/parallel" 2>/dev/null || true
		cmp "$BATS_TEST_TMPDIR/serial" "$BATS_TEST_TMPDIR/parallel"
	done
}

@test "GNU parallel --pipe: strip-chrome -j --no-repeat is the serial output where lines recur across pages; the repetition memory is not" {
	command -v parallel >/dev/null || skip "needs GNU parallel (Debian package parallel)"
	# Found by the audit: README and winnow.7 said 'parallel --pipe -k
	# strip-chrome -j' is byte for byte the serial run, and winnow.7 that no
	# state is kept between records unless asked; the repetition memory is
	# on by default in -j, so a slice keeps lines the whole stream drops.
	python3 - >"$BATS_TEST_TMPDIR/in.jsonl" <<'PY'
import json
body = ["这是第%d篇文章的正文，讲述了一个很长很长的故事，其中包含了许多细节和描述，足以被认为是正文内容。" % i for i in range(40)]
for i in range(40):
    t = body[i] + "\n我们始终坚持为读者提供最真实最全面最及时的新闻资讯服务和深度报道内容。\n" + body[(i + 1) % 40] + "\n"
    print(json.dumps({"id": i, "text": t}, ensure_ascii=False))
PY
	in="$BATS_TEST_TMPDIR/in.jsonl"
	strip-chrome -j "$in" >"$BATS_TEST_TMPDIR/serial"
	parallel --will-cite --pipe -k --block 2k -j 2 strip-chrome -j <"$in" >"$BATS_TEST_TMPDIR/parallel"
	! cmp -s "$BATS_TEST_TMPDIR/serial" "$BATS_TEST_TMPDIR/parallel" || false
	strip-chrome -j --no-repeat "$in" >"$BATS_TEST_TMPDIR/serial"
	parallel --will-cite --pipe -k --block 2k -j 2 strip-chrome -j --no-repeat <"$in" >"$BATS_TEST_TMPDIR/parallel"
	cmp "$BATS_TEST_TMPDIR/serial" "$BATS_TEST_TMPDIR/parallel"
	# The documents say so wherever they show strip-chrome under parallel or as a mapper.
	grep -q 'parallel --pipe -k strip-chrome -j --no-repeat' "$PROJECT_ROOT/README.md"
	! grep -E 'parallel.*strip-chrome -j[^-]*$|mapper.*strip-chrome -j"' "$PROJECT_ROOT/man/winnow.7" || false
	grep -q 'the one exception is' "$PROJECT_ROOT/man/winnow.7"
}

@test "--stats: records and bytes in and out, on stderr, for every command" {
	need_corpora
	in="$CORPORA/dumps/jsonl/wikiextractor-json/zhwiki_wiki_00.head20.jsonl"
	for c in $COMMANDS; do
		"$c" -j --stats "$in" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || true
		grep -qx "$c: stats: records in: 20" "$BATS_TEST_TMPDIR/err"
		grep -qx "$c: stats: records out: 20" "$BATS_TEST_TMPDIR/err"
		grep -qx "$c: stats: bytes in: $(wc -c <"$in")" "$BATS_TEST_TMPDIR/err"
		grep -qx "$c: stats: bytes out: $(wc -c <"$BATS_TEST_TMPDIR/out")" "$BATS_TEST_TMPDIR/err"
		# Not asked for, not given.
		"$c" -j "$in" 2>"$BATS_TEST_TMPDIR/err" >/dev/null || true
		! grep -q "stats:" "$BATS_TEST_TMPDIR/err" || false
	done
}

@test "--progress: silent when stderr is not a terminal, one line when it is" {
	need_corpora
	command -v script >/dev/null || skip "needs script(1) for a terminal"
	in="$CORPORA/dumps/jsonl/wikiextractor-json/zhwiki_wiki_00.head20.jsonl"
	for c in $COMMANDS; do
		"$c" -j --progress "$in" >/dev/null 2>"$BATS_TEST_TMPDIR/err" || true
		! grep -q records "$BATS_TEST_TMPDIR/err" || false
		# Under script(1) stderr is a terminal: the last line shows 20
		# records and, the input being a file, 100%.
		script -qec "'$c' -j --progress '$in' >/dev/null" /dev/null >"$BATS_TEST_TMPDIR/tty" || true
		tr '\r' '\n' <"$BATS_TEST_TMPDIR/tty" | grep -q "^$c: .*, 20 records, .*100%, ETA"
		# From a pipe the size is unknown: bytes, records and rate, no percent.
		script -qec "cat '$in' | '$c' -j --progress >/dev/null" /dev/null >"$BATS_TEST_TMPDIR/tty" || true
		tr '\r' '\n' <"$BATS_TEST_TMPDIR/tty" | grep -q "^$c: .*, 20 records, .*/s"
		! grep -q "%" "$BATS_TEST_TMPDIR/tty" || false
	done
}

@test "make demo: the bundled sample is what demo/make-sample makes, and the demo's table counts what went in" {
	need_corpora
	python3 "$PROJECT_ROOT/demo/make-sample" "$BATS_TEST_TMPDIR/sample"
	for f in zh-seed-pages.gb18030.txt zh-seed.warc.wet crawl.warc.gz; do
		cmp "$BATS_TEST_TMPDIR/sample/$f" "$PROJECT_ROOT/demo/sample/$f"
	done
	# Five pages in GB18030 with no separator: it decodes as GB18030 throughout.
	iconv -f GB18030 -t UTF-8 "$PROJECT_ROOT/demo/sample/zh-seed-pages.gb18030.txt" >/dev/null
	[ "$(grep -ac '^WARC-Type: conversion' "$PROJECT_ROOT/demo/sample/zh-seed.warc.wet")" -eq 5 ]
	# The crawl's Chinese page is GB2312 bytes, as its <meta> says.
	zcat "$PROJECT_ROOT/demo/sample/crawl.warc.gz" | grep -aq 'charset=GB2312'
	run sh "$PROJECT_ROOT/scripts/demo"
	assert_success
	# A row per record, then the count against what the input held: the
	# WET's five records are five rows, whatever the splitter does.
	assert_output --partial 'the input held 5 pages; 5 records came out (right)'
	assert_output --regexp 'the input held 5 pages; [0-9]+ records came out'
	assert_output --partial 'the input held 2 pages; 2 records came out (right)'
	# The Chinese page's title, decoded from GB2312 and found by extract-meta.
	assert_output --partial '女儿出嫁'
	[ "$(echo "$output" | grep -c 'the input held')" -eq 3 ]
}

# The inputs the README's recipes and the man pages' examples name, made
# from the bundled samples and the fixture pages, in the current directory.
doc_inputs() {
	cp "$PROJECT_ROOT/demo/sample/crawl.warc.gz" crawl.warc.gz
	cp crawl.warc.gz dump.warc.gz
	gzip -c "$PROJECT_ROOT/demo/sample/zh-seed.warc.wet" >CC-MAIN-20240925-00000.warc.wet.gz
	cp CC-MAIN-20240925-00000.warc.wet.gz crawl.warc.wet.gz
	mkdir saved pages dump site
	# The crawl's HTML bodies as saved pages (the Chinese one in GB2312).
	python3 - <<'PY'
import gzip
data = gzip.decompress(open("crawl.warc.gz", "rb").read())
for i, rec in enumerate(data.split(b"WARC/1.0\r\n")[1:]):
    if b"WARC-Type: response" not in rec:
        continue
    http = rec.split(b"\r\n\r\n", 1)[1]
    body = http.split(b"\r\n\r\n", 1)[1].rstrip(b"\r\n")
    open("saved/page%d.html" % i, "wb").write(body)
PY
	cp saved/page1.html page.html
	for f in "$PROJECT_ROOT"/tests/fixtures/pages/zh-seed-00?.txt; do
		case $f in *.gold.txt) continue ;; esac
		n=${f##*/}
		cp "$f" dump/ && cp "$f" site/
		# Half the folder in GB18030, as mixed folders are.
		case $n in *[02].txt) iconv -f UTF-8 -t GB18030 "$f" >"pages/$n" ;; *) cp "$f" "pages/$n" ;; esac
	done
	chmod -R u+w . && cp site/zh-seed-000.txt page.txt
	iconv -f UTF-8 -t GBK site/zh-seed-003.txt >old.txt  # the one seed all in GBK
	python3 - "$PROJECT_ROOT"/tests/fixtures/pages/zh-seed-00[0-4].txt <<'PY'
import json, sys
with open("news_sohusite_xml.dat", "wb") as dat, open("crawl.jsonl", "w") as jl, \
        open("dump.txt", "w") as txt, open("dump.jsonl", "w") as dj:
    for i, path in enumerate(sys.argv[1:]):
        text = open(path, encoding="utf-8").read()
        lines = text.splitlines()
        doc = ("<doc>\n<url>http://news.example.cn/%d.html</url>\n<docno>%d</docno>\n"
               "<contenttitle>%s</contenttitle>\n<content>%s</content>\n</doc>\n"
               % (i, i, lines[0], "".join(lines[1:])))
        dat.write(doc.encode("gb18030"))
        jl.write(json.dumps({"url": "http://news.example.cn/%d.html" % i, "content": text},
                            ensure_ascii=False) + "\n")
        txt.write("=====\n" + text)
        dj.write(json.dumps({"url": "http://news.example.cn/%d.html" % i, "text": text},
                            ensure_ascii=False) + "\n")
    # Mojibake in one record: UTF-8 read as GBK, as a mis-set crawler stores it.
    first = open(sys.argv[1], encoding="utf-8").read()
    garbled = first.encode("utf-8").decode("gbk", errors="replace")
    with open("corpus.jsonl", "w") as cj:
        cj.write(json.dumps({"text": garbled}, ensure_ascii=False) + "\n")
        cj.write(json.dumps({"text": first}, ensure_ascii=False) + "\n")
PY
}

@test "docs: every README recipe and man page example runs as written on inputs of the kinds it names" {
	mkdir "$BATS_TEST_TMPDIR/examples" "$BATS_TEST_TMPDIR/run"
	python3 "$PROJECT_ROOT/tests/doc-examples.py" "$BATS_TEST_TMPDIR/examples" \
		"$PROJECT_ROOT/README.md" "$PROJECT_ROOT"/man/*.[17] >"$BATS_TEST_TMPDIR/list"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/list")" -ge 20 ]
	cd "$BATS_TEST_TMPDIR/run"
	missing=
	while read -r script source needs; do
		case $needs in skip*) continue ;; esac
		absent=
		for tool in $needs; do command -v "$tool" >/dev/null || absent="$absent $tool"; done
		if [ -n "$absent" ]; then
			missing="$missing $source:$script($absent)"
			continue
		fi
		rm -rf ./* && doc_inputs
		run bash "$BATS_TEST_TMPDIR/examples/$script"
		[ "$status" -eq 0 ] ||
			{ echo "$source, $script:"; cat "$BATS_TEST_TMPDIR/examples/$script"; echo "$output"; return 1; }
		# What an example writes to a file, or prints, is there and not empty.
		target=$(grep -o '> *[A-Za-z][A-Za-z0-9._/-]*' "$BATS_TEST_TMPDIR/examples/$script" | tail -n 1 | tr -d '> ')
		if grep -q -- '--in-place' "$BATS_TEST_TMPDIR/examples/$script"; then
			# Converted where they lie: the GB18030 pages are UTF-8 now.
			for f in pages/*; do iconv -f UTF-8 -t UTF-8 "$f" >/dev/null; done
		elif [ -n "$target" ]; then
			[ -s "$target" ] || { echo "$source, $script: $target is empty"; return 1; }
		else
			[ -n "$output" ] || { echo "$source, $script: printed nothing"; return 1; }
		fi
	done <"$BATS_TEST_TMPDIR/list"
	[ -z "$missing" ] || skip "not run, tools absent:$missing"
}
