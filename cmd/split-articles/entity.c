/*
 * entity.c - HTML character references, the WHATWG tokenizer's way
 * (https://html.spec.whatwg.org/#character-reference-state).
 */
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "entities_gen.h"
#include "entity.h"
#include "utf8.h"

/*
 * &#128;..&#159; name C1 controls, but pages mean windows-1252 by them
 * (&#151; for a dash), and the standard reads them so.  The five bytes
 * windows-1252 leaves undefined stay the control they name (0 here).
 */
static const uint16_t cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

static int
is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* The value of digit c in base 10 or 16, or -1. */
static int
digit_value(int c, int base)
{
	static const char digits[] = "0123456789abcdef";
	const char *d = c ? strchr(digits, ascii_lower((unsigned char)c)) : NULL;
	int v = d ? (int)(d - digits) : -1;

	return v < base ? v : -1;
}

/* &#DDD; or &#xHHH; at p: its length (0 without a digit), code point in *cp. */
static size_t
numeric_ref(const char *p, size_t n, uint32_t *cp)
{
	int hex = n > 2 && (p[2] == 'x' || p[2] == 'X');
	size_t i = hex ? 3 : 2, first = i;
	uint32_t v = 0;

	for (; i < n; i++) {
		int d = digit_value((unsigned char)p[i], hex ? 16 : 10);

		if (d < 0)
			break;
		/* Saturate: any overflow is as out of range as 0x110000. */
		v = v > 0x10ffff ? 0x110000 : v * (hex ? 16 : 10) + (uint32_t)d;
	}
	if (i == first)
		return 0;
	if (i < n && p[i] == ';')
		i++;
	if (v >= 0x80 && v < 0xa0 && cp1252[v - 0x80])
		v = cp1252[v - 0x80];
	else if (v == 0 || v > 0x10ffff || (v >= 0xd800 && v < 0xe000))
		v = 0xfffd;
	*cp = v;
	return i;
}

/* The row of name[0..len), or NULL: a binary search of the sorted table. */
static const struct html_named_ref *
find_name(const char *name, size_t len)
{
	size_t lo = 0, hi = HTML_NAMED_REFS;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct html_named_ref *r = &html_named_refs[mid];
		size_t k = r->len < len ? r->len : len;
		int c = memcmp(r->name, name, k);

		if (c == 0)
			c = r->len < len ? -1 : r->len > len;
		if (c == 0)
			return r;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * &name; at p, else the longest legacy name the letters begin with
 * ("&copy2019" is "©2019", "&notit;" is "¬it;"), which an attribute value
 * refuses before '=' or a letter or digit (URLs: "?a=1&copy=2").
 */
static size_t
named_ref(const char *p, size_t n, enum charref_ctx ctx,
    const struct html_named_ref **ref)
{
	size_t run = 1, k;

	while (run < n && run <= HTML_NAMED_REF_MAX && is_alnum((unsigned char)p[run]))
		run++;
	run--;			/* letters after the '&' */
	if (run == 0)
		return 0;
	if (run + 1 < n && p[run + 1] == ';' && (*ref = find_name(p + 1, run)))
		return run + 2;
	for (k = run < HTML_LEGACY_REF_MAX ? run : HTML_LEGACY_REF_MAX; k >= 2; k--) {
		const struct html_named_ref *r = find_name(p + 1, k);

		if (!r || !r->legacy)
			continue;
		if (ctx == CHARREF_ATTR && 1 + k < n &&
		    (p[1 + k] == '=' || is_alnum((unsigned char)p[1 + k])))
			return 0;
		*ref = r;
		return 1 + k;
	}
	return 0;
}

size_t
html_charref(const char *p, size_t n, enum charref_ctx ctx,
    char u[CHARREF_MAX], size_t *ulen)
{
	const struct html_named_ref *r = NULL;
	size_t len;
	uint32_t cp;

	if (n < 2 || p[0] != '&')
		return 0;
	if (p[1] == '#') {
		if ((len = numeric_ref(p, n, &cp)) > 0)
			*ulen = utf8_encode(cp, u);
		return len;
	}
	if ((len = named_ref(p, n, ctx, &r)) > 0) {
		memcpy(u, r->value, r->vlen);
		*ulen = r->vlen;
	}
	return len;
}

void
html_decode(const char *p, size_t n, enum charref_ctx ctx, struct buf *out)
{
	char u[CHARREF_MAX];
	size_t i = 0, ulen, len;

	while (i < n) {
		const char *amp = memchr(p + i, '&', n - i);
		size_t k = amp ? (size_t)(amp - p) : n;

		buf_add(out, p + i, k - i);
		i = k;
		if (i == n)
			break;
		if ((len = html_charref(p + i, n - i, ctx, u, &ulen)) > 0) {
			buf_add(out, u, ulen);
			i += len;
		} else {
			buf_addc(out, '&');
			i++;
		}
	}
}
