/*
 * linecache.c - what the page splitter found in lines it has met lately
 * (see linecache.h).
 */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "linecache.h"
#include "winnow.h"

#define LC_BITS 10		/* LC_SLOTS is 1 << LC_BITS */
#define LC_MUL 0x9E3779B97F4A7C15ULL

struct linecache {
	struct lc_entry slot[LC_SLOTS];
};

struct linecache *
lc_new(void)
{
	return xcalloc(1, sizeof(struct linecache));
}

void
lc_free(struct linecache *c)
{
	free(c);
}

/* A hash of p[0..n), eight bytes at a time. */
static uint64_t
lc_hash(const unsigned char *p, size_t n)
{
	uint64_t h = LC_MUL ^ n, w = 0;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8)
		h = (h ^ load_le64(p + i)) * LC_MUL;
	for (; i < n; i++)
		w = w << 8 | p[i];
	h = (h ^ w) * LC_MUL;
	return h ^ h >> 29;
}

struct lc_entry *
lc_look(struct linecache *c, const unsigned char *p, size_t n, int *hit)
{
	uint64_t h;
	struct lc_entry *e;

	*hit = 0;
	if (n == 0 || n > LC_LINE_MAX)
		return NULL;
	h = lc_hash(p, n);
	e = &c->slot[h >> (64 - LC_BITS)];
	if (e->len == n && e->hash == h && !memcmp(e->text, p, n))
		*hit = 1;
	else {
		e->hash = h;
		e->len = 0;	/* empty until lc_fill() */
	}
	return e;
}

void
lc_tokens(struct tokens *d, const struct tokens *s)
{
	memcpy(d->tok, s->tok, s->n * sizeof *s->tok);
	d->n = s->n;
	d->glue_at = s->glue_at;
	d->first = s->first;
	d->chars = s->chars;
	d->cjk = s->cjk;
	d->latin = s->latin;
	d->digits = s->digits;
	d->gaps = s->gaps;
}

void
lc_fill(struct lc_entry *e, const unsigned char *p, size_t n,
    const struct pline *l, const struct tokens *t)
{
	memcpy(e->text, p, n);
	e->len = n;
	e->line = *l;
	lc_tokens(&e->tok, t);
	e->glue_known = 0;
}
