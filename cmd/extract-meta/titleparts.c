/*
 * titleparts.c - which lines of a page are a part of another line, for
 * the title chooser's features (titlemodel.c).  A headline recurs on its
 * own page inside longer lines: at the end of a breadcrumb ("Startseite »
 * Aktuelles » HEADLINE", "Home/News/HEADLINE"), as a bulleted item of a
 * related or "more from" list, before a site's tagline ("HEADLINE Hello
 * World").  The line that holds another whole line at its start or end
 * is the joined one: a kicker run into the headline ("Premier League
 * HEADLINE"), a path, a section over its title.  Both are facts of how
 * pages are built, whatever the site or language.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "titlemodel.h"
#include "utf8.h"
#include "winnow.h"

/* Bytes of a line's first and last part that are hashed (and at least matched). */
#define PART_KEY 8
/* Lines longer than this (characters) hold no part a title is made of. */
#define PART_MAX_VIS 300
/* Lines of a chain compared with one line at most: a page of many lines
 * that start alike (a table of dates) costs no more than this each. */
#define PART_CHAIN 64

static uint32_t
part_hash(const char *s)
{
	uint32_t h = 2166136261u;
	int i;

	for (i = 0; i < PART_KEY; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The text of line li less its marker ("• ", "3. "): *s and *n; 0 if too short. */
static int
part_text(const struct page *pg, size_t li, const char **s, size_t *n)
{
	const struct line *l = &pg->ln[li];
	size_t a;

	if (l->nlen < PART_KEY || l->nvis > PART_MAX_VIS || (l->bits & LB_LONG))
		return 0;
	a = title_marker(pg->n + l->noff, l->nlen);
	*s = pg->n + l->noff + a;
	*n = l->nlen - a;
	return *n >= PART_KEY;
}

/*
 * Is the character that ends just before p (back) or starts at p (!back)
 * no letter or digit: a blank, ASCII punctuation, or a mark of the
 * general punctuation, CJK punctuation, Latin-1 or geometric-shape blocks
 * (» · • › 】 「 ■)?  Then a part of a line may end or start there.
 */
static int
part_boundary(const char *line, size_t n, size_t at, int back)
{
	const unsigned char *u = (const unsigned char *)line;
	size_t i = at;
	uint32_t cp;

	if (back) {
		if (at == 0)
			return 1;
		for (i = at - 1; i > 0 && (u[i] & 0xc0) == 0x80; i--)
			;
	} else if (at >= n)
		return 1;
	if (u[i] < 0x80)
		return !((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z') &&
		    !(u[i] >= '0' && u[i] <= '9');
	if (utf8_decode(u + i, n - i, &cp) == 0)
		return 0;
	return (cp >= 0xa0 && cp <= 0xbf) || (cp >= 0x2000 && cp <= 0x206f) ||
	    (cp >= 0x2190 && cp <= 0x21ff) || (cp >= 0x25a0 && cp <= 0x25ff) ||
	    (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff0f) ||
	    cp == 0xff1a || cp == 0xff5c;
}

/* Grow the chained tables of first and last parts for nl lines. */
static void
parts_reserve(struct title_facts *tf, size_t nl)
{
	size_t cap = 64;

	if (tf->part_lcap < nl) {
		tf->part_lcap = nl + nl / 2;
		tf->part = xrealloc(tf->part, tf->part_lcap);
		tf->part_next[0] = xrealloc(tf->part_next[0], tf->part_lcap * sizeof(long));
		tf->part_next[1] = xrealloc(tf->part_next[1], tf->part_lcap * sizeof(long));
	}
	while (cap < 2 * nl)
		cap *= 2;
	if (tf->part_cap < cap) {
		tf->part_cap = cap;
		tf->part_slot[0] = xrealloc(tf->part_slot[0], cap * sizeof(long));
		tf->part_slot[1] = xrealloc(tf->part_slot[1], cap * sizeof(long));
	}
}

/*
 * Mark line a (text t[0..m)) and each longer line b whose start (end 0)
 * or end (end 1) is t, at a boundary of b's words, in the chain of t's
 * hash.
 */
static void
part_match(const struct page *pg, size_t a, const char *t, size_t m, int end)
{
	struct title_facts *tf = pg->tf;
	long b = tf->part_slot[end][part_hash(end ? t + m - PART_KEY : t) & (tf->part_cap - 1)];
	int walked = 0;

	for (; b >= 0 && walked < PART_CHAIN; b = tf->part_next[end][b], walked++) {
		const char *s;
		size_t n;

		if ((size_t)b == a || !part_text(pg, (size_t)b, &s, &n) || n < m)
			continue;
		/*
		 * The same text as a list's item ("4. COP26 in Glasgow", the
		 * last crumb of a numbered path): a part too.  The same line
		 * twice is the repeat feature's.
		 */
		if (n == m && (memcmp(s, t, m) != 0 ||
		    pg->ln[b].nlen <= pg->ln[a].nlen)) {
			continue;
		} else if (n == m) {
			tf->part[a] |= end ? TP_TAIL_OF : TP_HEAD_OF;
			continue;
		}
		if (end ? memcmp(s + n - m, t, m) != 0 ||
		    !part_boundary(s, n, n - m, 1) : memcmp(s, t, m) != 0 ||
		    !part_boundary(s, n, m, 0))
			continue;
		tf->part[a] |= end ? TP_TAIL_OF : TP_HEAD_OF;
		tf->part[b] |= end ? TP_HOLDS_TAIL : TP_HOLDS_HEAD;
	}
}

void
title_line_parts(struct page *pg, size_t upto)
{
	struct title_facts *tf = pg->tf;
	size_t li, mask;
	const char *s;
	size_t n;
	int end;

	parts_reserve(tf, pg->nl);
	mask = tf->part_cap - 1;
	memset(tf->part_slot[0], 0xff, tf->part_cap * sizeof(long));
	memset(tf->part_slot[1], 0xff, tf->part_cap * sizeof(long));
	if (pg->nl)
		memset(tf->part, 0, pg->nl);
	for (li = 0; li < pg->nl; li++) {
		if (!part_text(pg, li, &s, &n))
			continue;
		for (end = 0; end < 2; end++) {
			size_t slot = part_hash(end ? s + n - PART_KEY : s) & mask;

			tf->part_next[end][li] = tf->part_slot[end][slot];
			tf->part_slot[end][slot] = (long)li;
		}
	}
	for (li = 0; li < upto && li < pg->nl; li++)
		if (part_text(pg, li, &s, &n))
			for (end = 0; end < 2; end++)
				part_match(pg, li, s, n, end);
}

void
title_part_features(const struct page *pg, long li, double *x)
{
	unsigned char p = pg->tf->part[li];

	x[TF_part_tail] = (p & TP_TAIL_OF) != 0;
	x[TF_part_head] = (p & TP_HEAD_OF) != 0;
	x[TF_holds_tail] = (p & TP_HOLDS_TAIL) != 0;
	x[TF_holds_head] = (p & TP_HOLDS_HEAD) != 0;
}

void
title_parts_free(struct title_facts *tf)
{
	free(tf->part);
	free(tf->part_next[0]);
	free(tf->part_next[1]);
	free(tf->part_slot[0]);
	free(tf->part_slot[1]);
}
