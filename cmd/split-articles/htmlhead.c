/*
 * htmlhead.c - the "html" object of a page: what its head and its JSON-LD
 * say about it, bounded, in the order the page gives it.
 */
#include <string.h>

#include "bytes.h"
#include "entity.h"
#include "htmlhead.h"
#include "json.h"
#include "utf8.h"

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void
head_clear(struct head *h)
{
	buf_clear(&h->data);
	h->nkeys = 0;
	h->nv = 0;
	h->have_ld = 0;
}

void
head_free(struct head *h)
{
	buf_free(&h->data);
	buf_free(&h->tmp);
	buf_free(&h->dec);
	buf_free(&h->str);
	buf_free(&h->ld);
}

int
html_attr(const char *a, size_t n, const char *name, size_t *voff, size_t *vlen)
{
	size_t i = 0, k = strlen(name);

	while (i < n) {
		size_t ns, ne, vs, ve;

		while (i < n && (is_space((unsigned char)a[i]) || a[i] == '/'))
			i++;
		for (ns = i; i < n && !is_space((unsigned char)a[i]) && a[i] != '/' &&
		    a[i] != '>' && a[i] != '=' ; i++)
			;
		ne = i;
		if (ns == ne) {
			if (i < n && a[i] != '=')
				break;	/* '>': the end of the tag */
			i++;		/* a stray '=' */
			continue;
		}
		while (i < n && is_space((unsigned char)a[i]))
			i++;
		vs = ve = i;
		if (i < n && a[i] == '=') {
			for (i++; i < n && is_space((unsigned char)a[i]); i++)
				;
			if (i < n && (a[i] == '"' || a[i] == '\'')) {
				const char *q = memchr(a + i + 1, a[i], n - i - 1);

				vs = i + 1;
				ve = q ? (size_t)(q - a) : n;
				i = q ? ve + 1 : n;
			} else {
				for (vs = i; i < n && !is_space((unsigned char)a[i]) &&
				    a[i] != '>'; i++)
					;
				ve = i;
			}
		}
		if (ne - ns == k && find_ci(a + ns, k, name) == a + ns) {
			*voff = vs;
			*vlen = ve - vs;
			return 1;
		}
	}
	return 0;
}

/*
 * Append p[0..n) to out, runs of white space (no-break spaces too, as in
 * the text) as one space, trimmed.
 */
static void
put_collapsed(struct buf *out, const char *p, size_t n)
{
	size_t i = 0, start = out->len;
	int space = 0;

	for (; i < n; i++) {
		if (is_space((unsigned char)p[i]) || (p[i] == '\xc2' && i + 1 < n &&
		    p[i + 1] == '\xa0' && ++i)) {
			space = 1;
			continue;
		}
		if (space && out->len > start)
			buf_addc(out, ' ');
		space = 0;
		buf_addc(out, p[i]);
	}
}

/* The index of key, added if new; -1 when HEAD_KEYS are taken. */
static long
key_index(struct head *h, const char *key, size_t klen)
{
	size_t i;

	for (i = 0; i < h->nkeys; i++)
		if (h->key_len[i] == klen && !memcmp(h->data.data + h->key_off[i],
		    key, klen))
			return (long)i;
	if (h->nkeys == HEAD_KEYS)
		return -1;
	h->key_off[h->nkeys] = h->data.len;
	h->key_len[h->nkeys] = klen;
	buf_add(&h->data, key, klen);
	return (long)h->nkeys++;
}

/* 1 if key k already holds v[0..n) (or, single, any value). */
static int
has_value(const struct head *h, size_t k, const char *v, size_t n, int single)
{
	size_t i;

	for (i = 0; i < h->nv; i++)
		if (h->v[i].key == k && (single || (h->v[i].len == n &&
		    !memcmp(h->data.data + h->v[i].off, v, n))))
			return 1;
	return 0;
}

void
head_add(struct head *h, const char *key, size_t klen, const char *v,
    size_t n, int refs, int single)
{
	struct buf *t = &h->tmp;
	size_t len;
	long k;

	if (klen == 0 || klen > HEAD_KEY_MAX || h->nv == HEAD_VALUES)
		return;
	buf_clear(t);
	if (refs) {
		buf_clear(&h->dec);
		html_decode(v, n, CHARREF_ATTR, &h->dec);
		put_collapsed(t, h->dec.data, h->dec.len);
	} else {
		put_collapsed(t, v, n);
	}
	len = t->len < HEAD_VALUE_MAX ? t->len :
	    utf8_complete_prefix((const unsigned char *)t->data, HEAD_VALUE_MAX);
	if (len == 0)
		return;
	if ((k = key_index(h, key, klen)) < 0 ||
	    has_value(h, (size_t)k, t->data, len, single))
		return;
	h->v[h->nv].key = (size_t)k;
	h->v[h->nv].off = h->data.len;
	h->v[h->nv].len = len;
	h->nv++;
	buf_add(&h->data, t->data, len);
}

const char *
head_get(const struct head *h, const char *key, size_t *len)
{
	size_t i, klen = strlen(key);

	for (i = 0; i < h->nv; i++) {
		size_t k = h->v[i].key;

		if (h->key_len[k] == klen && !memcmp(h->data.data + h->key_off[k],
		    key, klen)) {
			*len = h->v[i].len;
			return h->data.data + h->v[i].off;
		}
	}
	return NULL;
}

int
head_json(const struct head *h, struct buf *out)
{
	size_t k, i;

	if (h->nv == 0)
		return 0;
	buf_addc(out, '{');
	for (k = 0; k < h->nkeys; k++) {
		size_t nvals = 0;

		for (i = 0; i < h->nv; i++)
			nvals += h->v[i].key == k;
		if (nvals == 0)
			continue;
		if (out->data[out->len - 1] != '{')
			buf_addc(out, ',');
		json_put_string(out, h->data.data + h->key_off[k], h->key_len[k]);
		buf_adds(out, nvals > 1 ? ":[" : ":");
		for (i = 0, nvals = 0; i < h->nv; i++)
			if (h->v[i].key == k) {
				if (nvals++)
					buf_addc(out, ',');
				json_put_string(out, h->data.data + h->v[i].off,
				    h->v[i].len);
			}
		if (nvals > 1)
			buf_addc(out, ']');
	}
	buf_addc(out, '}');
	return 1;
}

/*
 * <meta name> values that steer browsers, robots and search consoles and
 * say nothing about the page (prefixes).
 */
static const char *const browser_meta[] = {
	"viewport", "robots", "googlebot", "bingbot", "baiduspider",
	"theme-color", "color-scheme", "format-detection", "referrer",
	"renderer", "apple-", "msapplication-", "mobile-web-app",
	"handheldfriendly", "mobileoptimized", "csrf-", "x-ua-compatible",
	"google-site-verification", "baidu-site-verification",
	"360-site-verification", "sogou_site_verification",
	"shenma-site-verification", "msvalidate", "yandex-verification",
	"p:domain_verify", "facebook-domain-verification", NULL
};

static int
starts_with(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && !memcmp(s, prefix, k);
}

/* The attribute name of a[0..n) lower-cased into key; its length, 0 if absent or too long. */
static size_t
attr_key(const char *a, size_t n, const char *name, char key[HEAD_KEY_MAX])
{
	size_t off, len, i;

	if (!html_attr(a, n, name, &off, &len) || len > HEAD_KEY_MAX)
		return 0;
	for (i = 0; i < len; i++)
		key[i] = (char)ascii_lower((unsigned char)a[off + i]);
	return len;
}

/*
 * <meta property=og:X|article:X content>, <meta name=X content>, or
 * <meta http-equiv=content-language content> (as "content-language": the
 * page's language as its server would say it, extract-meta's lang hint).
 */
static void
head_meta(struct head *h, const char *a, size_t n)
{
	char key[HEAD_KEY_MAX];
	size_t klen, off, len, i;

	if (!html_attr(a, n, "content", &off, &len))
		return;
	klen = attr_key(a, n, "http-equiv", key);
	if (klen == 16 && !memcmp(key, "content-language", 16)) {
		head_add(h, key, klen, a + off, len, 1, 1);
		return;
	}
	klen = attr_key(a, n, "property", key);
	if (!starts_with(key, klen, "og:") && !starts_with(key, klen, "article:")) {
		klen = attr_key(a, n, "name", key);
		for (i = 0; klen && browser_meta[i]; i++)
			if (starts_with(key, klen, browser_meta[i]))
				klen = 0;
	}
	if (klen)
		head_add(h, key, klen, a + off, len, 1, 0);
}

/* 1 if the rel value r[0..n) has the token canonical. */
static int
rel_canonical(const char *r, size_t n)
{
	const char *c = find_ci(r, n, "canonical");
	size_t at = c ? (size_t)(c - r) : 0;

	return c && (at == 0 || is_space((unsigned char)r[at - 1])) &&
	    (at + 9 == n || is_space((unsigned char)r[at + 9]));
}

void
head_tag(struct head *h, const char *name, const char *a, size_t n)
{
	size_t off, len;

	if (!strcmp(name, "meta")) {
		head_meta(h, a, n);
	} else if (!strcmp(name, "html")) {
		if (html_attr(a, n, "lang", &off, &len))
			head_add(h, "lang", 4, a + off, len, 1, 1);
	} else if (!strcmp(name, "link")) {
		if (html_attr(a, n, "rel", &off, &len) && rel_canonical(a + off, len) &&
		    html_attr(a, n, "href", &off, &len))
			head_add(h, "canonical", 9, a + off, len, 1, 1);
	}
}

/* JSON-LD: the first Article-like object, found at most this deep. */
#define LD_DEPTH 4
/* Values of one member taken from an array at most. */
#define LD_ARRAY_MAX 16

/*
 * The next element of the validated array whose elements start at or
 * after *i (just past its '['): its span in *off, *len, and *i past it.
 * 0 at the array's end.
 */
static int
ld_next(const char *s, size_t n, size_t *i, size_t *off, size_t *len)
{
	size_t j = *i;
	int depth = 0, str = 0;

	while (j < n && (is_space((unsigned char)s[j]) || s[j] == ','))
		j++;
	if (j >= n || s[j] == ']')
		return 0;
	*off = j;
	if (s[j] != '"' && s[j] != '{' && s[j] != '[') {
		while (j < n && s[j] != ',' && s[j] != ']' && !is_space((unsigned char)s[j]))
			j++;
	} else {
		for (; j < n; j++) {
			char c = s[j];

			if (str && c == '\\')
				j++;
			else if (str && c == '"')
				str = 0;
			else if (c == '"')
				str = 1;
			else if (c == '{' || c == '[')
				depth++;
			else if (c == '}' || c == ']')
				depth--;
			if (!str && depth == 0) {
				j++;
				break;
			}
		}
	}
	*i = j < n ? j : n;
	*len = *i - *off;
	return 1;
}

/* The first non-space byte of s[0..n), or 0. */
static char
first_byte(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_space((unsigned char)s[i]))
		i++;
	return i < n ? s[i] : 0;
}

/* A JSON string token s[0..n) under key, its references decoded. */
static void
ld_put_string(struct head *h, const char *key, const char *s, size_t n, int single)
{
	buf_clear(&h->str);
	json_decode_string(&h->str, s, n);
	head_add(h, key, strlen(key), h->str.data, h->str.len, 1, single);
}

/* A value under key: a string, an object's "name", or an array of them. */
static void
ld_put(struct head *h, const char *key, const char *s, size_t n, int single, int depth)
{
	char c = first_byte(s, n);

	if (c == '"') {
		while (*s != '"')
			s++, n--;
		ld_put_string(h, key, s, n, single);
	} else if (c == '{' && depth < 2) {
		struct json_obj o = { 0 };
		long m;

		if (json_parse(&o, s, n) == 0 && (m = json_find(&o, s, "name")) >= 0 &&
		    s[o.m[m].val_off] == '"')
			ld_put_string(h, key, s + o.m[m].val_off, o.m[m].val_len, single);
		json_obj_free(&o);
	} else if (c == '[' && depth < 2) {
		size_t i = (size_t)((const char *)memchr(s, '[', n) - s) + 1, off, len, k;

		for (k = 0; k < LD_ARRAY_MAX && ld_next(s, n, &i, &off, &len); k++)
			ld_put(h, key, s + off, len, single, depth + 1);
	}
}

/* schema.org's Article and its kinds: NewsArticle, BlogPosting, Report ... */
static int
article_type(const char *t, size_t n)
{
	size_t i;

	for (i = n; i > 0 && t[i - 1] != '/' && t[i - 1] != ':'; i--)
		;
	t += i;
	n -= i;
	return (n >= 7 && !memcmp(t + n - 7, "Article", 7)) ||
	    (n >= 7 && !memcmp(t + n - 7, "Posting", 7)) ||
	    (n == 6 && !memcmp(t, "Report", 6));
}

/* 1 if the object's @type (a string or an array of them) is an article. */
static int
is_article(struct head *h, const char *s, const struct json_obj *o)
{
	long m = json_find(o, s, "@type");
	const char *v;
	size_t n, i, off, len, k;

	if (m < 0)
		return 0;
	v = s + o->m[m].val_off;
	n = o->m[m].val_len;
	if (v[0] == '"') {
		buf_clear(&h->str);
		json_decode_string(&h->str, v, n);
		return article_type(h->str.data, h->str.len);
	}
	if (v[0] != '[')
		return 0;
	for (i = 1, k = 0; k < LD_ARRAY_MAX && ld_next(v, n, &i, &off, &len); k++)
		if (v[off] == '"') {
			buf_clear(&h->str);
			json_decode_string(&h->str, v + off, len);
			if (article_type(h->str.data, h->str.len))
				return 1;
		}
	return 0;
}

/* The members taken from an article, with the key each goes under. */
static const struct {
	const char *member, *key;
	int single;
} ld_members[] = {
	{ "headline", "ld:headline", 1 },
	{ "datePublished", "ld:datePublished", 1 },
	{ "dateModified", "ld:dateModified", 1 },
	{ "author", "ld:author", 0 },
	{ "publisher", "ld:publisher", 0 },
	{ "articleSection", "ld:articleSection", 0 },
};

static void
ld_take(struct head *h, const char *s, const struct json_obj *o)
{
	size_t i;

	for (i = 0; i < sizeof ld_members / sizeof ld_members[0]; i++) {
		long m = json_find(o, s, ld_members[i].member);

		if (m >= 0)
			ld_put(h, ld_members[i].key, s + o->m[m].val_off,
			    o->m[m].val_len, ld_members[i].single, 0);
	}
	h->have_ld = 1;
}

/* Look for the article in the valid JSON value s[0..n): itself, its elements, its @graph. */
static void
ld_walk(struct head *h, const char *s, size_t n, int depth)
{
	char c = first_byte(s, n);

	if (depth > LD_DEPTH || h->have_ld)
		return;
	if (c == '[') {
		size_t i = (size_t)((const char *)memchr(s, '[', n) - s) + 1, off, len, k;

		for (k = 0; k < LD_ARRAY_MAX && !h->have_ld &&
		    ld_next(s, n, &i, &off, &len); k++)
			ld_walk(h, s + off, len, depth + 1);
	} else if (c == '{') {
		struct json_obj o = { 0 };
		long m;

		if (json_parse(&o, s, n) == 0) {
			if (is_article(h, s, &o))
				ld_take(h, s, &o);
			else if ((m = json_find(&o, s, "@graph")) >= 0)
				ld_walk(h, s + o.m[m].val_off, o.m[m].val_len, depth + 1);
		}
		json_obj_free(&o);
	}
}

/* p[0..n) starts with w, after white space; the length to w's end, or 0. */
static size_t
after_word(const char *p, size_t n, const char *w)
{
	size_t i = 0, k = strlen(w);

	while (i < n && is_space((unsigned char)p[i]))
		i++;
	return n - i >= k && !memcmp(p + i, w, k) ? i + k : 0;
}

/*
 * The script as pages write it when it is not quite JSON, into h->ld: a
 * "//<![CDATA[" or "<!--" wrapper taken off, and control characters (raw
 * line breaks and tabs inside strings) made spaces, which the values'
 * white space collapsing would make of them anyway.
 */
static void
ld_repair(struct head *h, const char *p, size_t n)
{
	static const char *const open[] = { "//<![CDATA[", "<![CDATA[", "<!--", NULL };
	static const char *const close[] = { "//]]>", "]]>", "-->", NULL };
	size_t i, k;

	for (i = 0; open[i]; i++)
		if ((k = after_word(p, n, open[i])) > 0) {
			p += k;
			n -= k;
			break;
		}
	while (n && is_space((unsigned char)p[n - 1]))
		n--;
	for (i = 0; close[i]; i++)
		if (n >= strlen(close[i]) && !memcmp(p + n - strlen(close[i]), close[i],
		    strlen(close[i]))) {
			n -= strlen(close[i]);
			break;
		}
	buf_clear(&h->ld);
	buf_add(&h->ld, p, n);
	for (i = 0; i < h->ld.len; i++)
		if ((unsigned char)h->ld.data[i] < 0x20)
			h->ld.data[i] = ' ';
}

void
head_jsonld(struct head *h, const char *p, size_t n)
{
	struct json_obj o = { 0 };
	int valid;

	if (h->have_ld || n > HEAD_JSONLD_MAX)
		return;
	/* Validate once: the walk below then reads only well-formed JSON. */
	valid = json_parse(&o, p, n) == 0;
	if (!valid) {
		ld_repair(h, p, n);
		p = h->ld.data ? h->ld.data : "";
		n = h->ld.len;
		valid = json_parse(&o, p, n) == 0;
	}
	json_obj_free(&o);
	if (valid)
		ld_walk(h, p, n, 0);
}

/*
 * The charset named in a <meta http-equiv=Content-Type content> value
 * c[0..n), by the HTML standard's "extracting a character encoding from
 * a meta element": "charset", white space, '=', a quoted or bare value.
 */
static const char *
content_charset(const char *c, size_t n, size_t *len)
{
	const char *at;
	size_t i = 0, k;

	while ((at = find_ci(c + i, n - i, "charset")) != NULL) {
		i = (size_t)(at - c) + 7;
		while (i < n && is_space((unsigned char)c[i]))
			i++;
		if (i >= n || c[i] != '=')
			continue;
		for (i++; i < n && is_space((unsigned char)c[i]); i++)
			;
		if (i < n && (c[i] == '"' || c[i] == '\'')) {
			const char *q = memchr(c + i + 1, c[i], n - i - 1);

			if (!q)
				return NULL;
			*len = (size_t)(q - c) - i - 1;
			return c + i + 1;
		}
		for (k = i; k < n && !is_space((unsigned char)c[k]) && c[k] != ';'; k++)
			;
		*len = k - i;
		return k > i ? c + i : NULL;
	}
	return NULL;
}

const char *
html_meta_charset(const char *p, size_t n, size_t *len)
{
	const char *m = p, *cs;
	size_t off, vlen;

	while ((m = find_ci(m, (size_t)(p + n - m), "<meta")) != NULL) {
		const char *a = m + 5, *gt = memchr(a, '>', (size_t)(p + n - a));
		size_t alen = gt ? (size_t)(gt - a) : (size_t)(p + n - a);

		m = a;
		if (html_attr(a, alen, "charset", &off, &vlen) && vlen) {
			*len = vlen;
			return a + off;
		}
		if (html_attr(a, alen, "http-equiv", &off, &vlen) &&
		    vlen == 12 && find_ci(a + off, vlen, "content-type") == a + off &&
		    html_attr(a, alen, "content", &off, &vlen) &&
		    (cs = content_charset(a + off, vlen, len)))
			return cs;
	}
	return NULL;
}

const char *
html_bom_charset(const char *p, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)p;

	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return *len = 5, "UTF-8";
	if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return *len = 8, "UTF-16BE";
	if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return *len = 8, "UTF-16LE";
	return NULL;
}

const char *
html_prescan_charset(const char *p, size_t n, size_t *len)
{
	const char *cs = html_meta_charset(p, n < HTML_PRESCAN ? n : HTML_PRESCAN, len);

	if (!cs)
		return NULL;
	if (*len >= 6 && find_ci(cs, *len, "utf-16") == cs)
		return *len = 5, "UTF-8";
	if (*len == 14 && find_ci(cs, *len, "x-user-defined") == cs)
		return *len = 12, "windows-1252";
	return cs;
}
