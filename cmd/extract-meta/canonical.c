/*
 * canonical.c - the record's url and the page's canonical address, kept
 * apart (issue 19): a crawl's url is the record's identity and is never
 * replaced; the address the page names for itself (<link rel=canonical>,
 * og:url in the record's "html" head object, or a permalink label in the
 * text) is the canonical one.
 */
#include <string.h>

#include "canonical.h"
#include "json.h"

/* The length of "scheme://host" at the start of u[0..n), or 0. */
static size_t
origin_len(const char *u, size_t n)
{
	const char *p = memchr(u, ':', n < 8 ? n : 8);
	size_t i;

	if (!p || (size_t)(p - u) + 3 > n || memcmp(p, "://", 3) != 0)
		return 0;
	for (i = (size_t)(p - u) + 3; i < n && u[i] != '/' && u[i] != '?' && u[i] != '#'; i++)
		;
	return i;
}

/*
 * Put the address a head gave, a[0..n), into m->canonical: an absolute
 * http(s) address as it is; "//host/path" and "/path" completed from the
 * record's url base[0..bn) (bn 0: none), as a browser resolves them.
 * Anything else (a relative path, javascript:, an empty value) is no
 * canonical.  Returns 1 if it was taken.
 */
static int
take_address(struct meta *m, const char *a, size_t n, const char *base, size_t bn)
{
	size_t o;

	while (n > 0 && (a[0] == ' ' || a[0] == '\t'))
		a++, n--;
	while (n > 0 && (a[n - 1] == ' ' || a[n - 1] == '\t'))
		n--;
	buf_clear(&m->canonical);
	if ((n > 7 && memcmp(a, "http://", 7) == 0) || (n > 8 && memcmp(a, "https://", 8) == 0)) {
		buf_add(&m->canonical, a, n);
	} else if (n > 2 && a[0] == '/' && a[1] == '/' && (o = origin_len(base, bn)) > 0) {
		const char *colon = memchr(base, ':', o);

		buf_add(&m->canonical, base, (size_t)(colon - base) + 1);
		buf_add(&m->canonical, a, n);
	} else if (n > 0 && a[0] == '/' && (o = origin_len(base, bn)) > 0) {
		buf_add(&m->canonical, base, o);
		buf_add(&m->canonical, a, n);
	} else
		return 0;
	m->has_canonical = 1;
	m->ev[MF_CANONICAL].len = 0;	/* from the head, not a line of the text */
	return 1;
}

/*
 * The canonical address of the record's "html" head object head (parsed
 * from hs): its "canonical", else its "og:url".
 */
static void
head_canonical(struct meta *m, const struct json_obj *head, const char *hs,
    struct buf *tmp, const struct buf *url)
{
	static const char *const keys[] = { "canonical", "og:url" };
	size_t k;

	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		if (json_string_member(head, hs, keys[k], tmp) &&
		    take_address(m, tmp->data, tmp->len, url->data, url->len))
			return;
}

int
canonical_fields(const struct record *r, struct meta *m, const struct json_obj *head,
    const char *hs, struct buf *tmp)
{
	int own_url = 0;

	buf_clear(&m->url);
	m->has_url = 0;
	if (r->obj) {
		own_url = json_string_member(r->obj, r->line, "url", &m->url) && m->url.len;
		if (hs)
			head_canonical(m, head, hs, tmp, &m->url);
	}
	if (own_url) {
		m->has_url = 1;
		m->ev[MF_URL].len = 0;
	} else if (m->has_canonical) {
		buf_add(&m->url, m->canonical.data, m->canonical.len);
		m->has_url = 1;
		m->ev[MF_URL] = m->ev[MF_CANONICAL];
	}
	return own_url;
}
