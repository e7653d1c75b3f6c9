/*
 * htmlsniff.c - does a text start like an HTML page?  split-articles
 * guesses a saved page by it; extract-meta and strip-chrome warn by it
 * when they are handed markup instead of a page's text.
 */
#include <string.h>
#include <strings.h>

#include "htmlsniff.h"

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* p[0..n) starts with the tag name (a '<' and letters), any case. */
static int
starts_tag(const char *p, size_t n, const char *tag)
{
	size_t k = strlen(tag);

	return n >= k && !strncasecmp(p, tag, k) && (n == k || !is_alnum((unsigned char)p[k]));
}

/* Past white space and comments ("<!-- build time -->" before a doctype). */
static size_t
skip_prolog(const char *p, size_t n, size_t i)
{
	for (;;) {
		const char *end;

		while (i < n && is_space((unsigned char)p[i]))
			i++;
		if (n - i < 4 || memcmp(p + i, "<!--", 4))
			return i;
		for (end = p + i + 4; (end = memchr(end, '>', (size_t)(p + n - end))) &&
		    (end - p < (long)i + 6 || end[-1] != '-' || end[-2] != '-'); end++)
			;
		if (!end)
			return n;
		i = (size_t)(end - p) + 1;
	}
}

int
html_sniff(const char *p, size_t n)
{
	size_t i = 0;

	/* An empty record has no buffer at all: NULL + 0 is UB. */
	if (n == 0)
		return 0;
	if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		i = 3;
	i = skip_prolog(p, n, i);
	p += i;
	n -= i;
	return starts_tag(p, n, "<!doctype html") || starts_tag(p, n, "<html") ||
	    starts_tag(p, n, "<head");
}
