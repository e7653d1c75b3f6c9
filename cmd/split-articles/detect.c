/*
 * detect.c - which dump format a stream holds, from its first bytes
 * (after gzip, which source.c takes off).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "json.h"
#include "split.h"
#include "stats.h"

#define SNIFF ((size_t)1 << 20)
/* How far a page may begin with comments before its doctype. */
#define HTML_SNIFF ((size_t)1024)

static const struct {
	const char *name;
	enum fmt fmt;
} names[] = {
	{ "auto", FMT_AUTO }, { "warc", FMT_WARC }, { "wet", FMT_WARC },
	{ "wat", FMT_WARC }, { "arc", FMT_ARC }, { "sogou", FMT_SOGOU }, { "wikiextractor", FMT_WIKI },
	{ "jsonl", FMT_JSONL }, { "nul", FMT_NUL }, { "text", FMT_TEXT },
	{ "html", FMT_HTML },
};

int
fmt_parse(const char *name, enum fmt *f)
{
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcasecmp(name, names[i].name)) {
			*f = names[i].fmt;
			return 0;
		}
	return -1;
}

/* UTF-16/32 text has NUL bytes too; those are not record separators. */
static int
looks_utf16(const unsigned char *p, size_t n)
{
	size_t i, even = 0, odd = 0;

	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
		return 1;
	for (i = 0; i + 1 < n && i < 4096; i += 2) {
		even += p[i] == 0;
		odd += p[i + 1] == 0;
	}
	/* ASCII in UTF-16 has a NUL in every other byte. */
	return i > 16 && (even * 3 > i || odd * 3 > i) && (even == 0 || odd == 0 ||
	    even * 8 < odd || odd * 8 < even);
}

/* Does p[0..n) start with str?  Never reads past n. */
static int
starts(const unsigned char *p, size_t n, const char *str)
{
	size_t k = strlen(str);

	return n >= k && !memcmp(p, str, k);
}

/*
 * NUL-separated records, told from a text with a stray NUL in it (issue 20
 * W1): the stream starts with a NUL, or two NULs come within twice this
 * many bytes, or the stream is one record this long at most and its NUL.
 * One NUL in a megabyte of text is damage, not a separator.
 */
#define NUL_RECORD_AVG ((size_t)256 << 10)

static int
nul_separated(struct src *s, size_t first)
{
	long long a, b;
	size_t n;

	a = first < src_avail(s) && src_ptr(s)[first] == '\0' ? (long long)first :
	    src_find(s, 0, "", 1, SNIFF);
	if (a < 0)
		return 0;
	/* UTF-16/32 text has NUL bytes too; those are not record separators. */
	n = src_fill(s, 4096);
	if (looks_utf16(src_ptr(s), n < 4096 ? n : 4096))
		return 0;
	if ((size_t)a == first)
		return 1;
	b = src_find(s, (size_t)a + 1, "", 1, 2 * NUL_RECORD_AVG);
	if (b >= 0)
		return 1;
	return (size_t)a < NUL_RECORD_AVG && s->eof && src_avail(s) == (size_t)a + 1;
}

static const char *
fmt_name(enum fmt f)
{
	static const char *const name[] = {
		[FMT_AUTO] = "auto", [FMT_WARC] = "warc", [FMT_ARC] = "arc", [FMT_SOGOU] = "sogou",
		[FMT_WIKI] = "wikiextractor", [FMT_JSONL] = "jsonl",
		[FMT_NUL] = "nul", [FMT_TEXT] = "text", [FMT_HTML] = "html",
	};

	return name[f];
}

/* Does the line p[0..n) hold one JSON object? */
static int
json_object_line(const unsigned char *p, size_t n)
{
	struct json_obj o;
	int ok;

	memset(&o, 0, sizeof o);
	ok = json_parse(&o, (const char *)p, n) == 0 && o.close_off != (size_t)-1;
	json_obj_free(&o);
	return ok;
}

/*
 * The guess, reading only as far as it needs: "WARC/" or a <doc> tag at
 * the start decide at once, a JSON object at the first newline, NUL
 * records at the second NUL, so a live pipeline sees its first record as
 * it comes (issue 20 K1).  How far it reads depends on the bytes alone,
 * never on how the reads fall, so the guess does not either.
 */
static enum fmt
guess(struct src *s)
{
	size_t i = 0, n;
	const unsigned char *p;

	if (src_fill(s, 3) >= 3 && !memcmp(src_ptr(s), "\xEF\xBB\xBF", 3))
		i = 3;
	/* strchr finds a NUL too: that is a record separator, not space. */
	while (i < SNIFF && src_fill(s, i + 1) > i && src_ptr(s)[i] &&
	    strchr(" \t\r\n", src_ptr(s)[i]))
		i++;
	n = src_fill(s, i + 9);
	p = src_ptr(s);
	if (starts(p + i, n - i, "WARC/"))
		return FMT_WARC;
	n = src_fill(s, i + 11);
	p = src_ptr(s);
	if (starts(p + i, n - i, "filedesc://"))
		return FMT_ARC;
	n = src_fill(s, i + 11);
	p = src_ptr(s);
	if (starts(p + i, n - i, "filedesc://"))
		return FMT_ARC;
	if (starts(p + i, n - i, "<doc id=\""))
		return FMT_WIKI;
	/* "<docs" at the very end is not "<docs>": past n is not input. */
	if (starts(p + i, n - i, "<doc>") || starts(p + i, n - i, "<docs>") ||
	    starts(p + i, n - i, "<doclist>"))
		return FMT_SOGOU;
	/* A saved page: one record, however many pages its text holds. */
	/* A comment may come first (a build stamp): look at up to 1K. */
	n = src_fill(s, i + (n - i >= 1 && p[i] == '<' ? HTML_SNIFF : 16));
	p = src_ptr(s);
	if (html_sniff((const char *)p + i, n - i))
		return FMT_HTML;
	if (n - i >= 1 && p[i] == '{') {
		long long nl = src_find(s, i, "\n", 1, SNIFF);

		if (nl < 0)
			return FMT_JSONL;	/* one long line: hardly a page */
		if (json_object_line(src_ptr(s) + i, (size_t)nl - i))
			return FMT_JSONL;
	}
	return nul_separated(s, i) ? FMT_NUL : FMT_TEXT;
}

enum fmt
fmt_sniff(struct src *s)
{
	enum fmt f = guess(s);
	char name[40];

	/* --stats says what was guessed (issue 20 W1). */
	snprintf(name, sizeof name, "format guessed: %s", fmt_name(f));
	stats_add(name, 1);
	return f;
}
