/*
 * detect.c - which dump format a stream holds, from its first bytes
 * (after gzip, which source.c takes off).
 */
#include <string.h>
#include <strings.h>

#include "json.h"
#include "split.h"

#define SNIFF ((size_t)1 << 20)

static const struct {
	const char *name;
	enum fmt fmt;
} names[] = {
	{ "auto", FMT_AUTO }, { "warc", FMT_WARC }, { "wet", FMT_WARC },
	{ "wat", FMT_WARC }, { "sogou", FMT_SOGOU }, { "wikiextractor", FMT_WIKI },
	{ "jsonl", FMT_JSONL }, { "nul", FMT_NUL }, { "text", FMT_TEXT },
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

enum fmt
fmt_sniff(struct src *s)
{
	size_t n = src_fill(s, 64 * 1024), i = 0;
	const unsigned char *p = src_ptr(s);

	if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		i = 3;
	/* strchr finds a NUL too: that is a record separator, not space. */
	while (i < n && p[i] && strchr(" \t\r\n", p[i]))
		i++;
	if (starts(p + i, n - i, "WARC/"))
		return FMT_WARC;
	if (starts(p + i, n - i, "<doc id=\""))
		return FMT_WIKI;
	/* "<docs" at the very end is not "<docs>": past n is not input. */
	if (starts(p + i, n - i, "<doc>") || starts(p + i, n - i, "<docs>") ||
	    starts(p + i, n - i, "<doclist>"))
		return FMT_SOGOU;
	if (n - i >= 1 && p[i] == '{') {
		const unsigned char *nl;
		struct json_obj o;
		int ok;

		n = src_fill(s, SNIFF);
		p = src_ptr(s);
		nl = memchr(p + i, '\n', n - i);
		if (!nl)
			return FMT_JSONL;	/* one long line: hardly a page */
		memset(&o, 0, sizeof o);
		ok = json_parse(&o, (const char *)p + i, (size_t)(nl - p) - i) == 0 &&
		    o.close_off != (size_t)-1;
		json_obj_free(&o);
		if (ok)
			return FMT_JSONL;
	}
	n = src_fill(s, SNIFF);
	p = src_ptr(s);
	if (memchr(p, '\0', n) && !looks_utf16(p, n))
		return FMT_NUL;
	return FMT_TEXT;
}
