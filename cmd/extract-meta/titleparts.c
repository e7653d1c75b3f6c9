/*
 * titleparts.c - which lines of a page are a part of another line, for
 * the title chooser's features (titlemodel.c).  A headline recurs on its
 * own page inside longer lines: at the end of a breadcrumb ("Startseite »
 * Aktuelles » HEADLINE", "Home/News/HEADLINE"), as a bulleted item of a
 * related or "more from" list, before a site's tagline ("HEADLINE Hello
 * World").  The line that holds another whole line at its start or end
 * is the joined one: a kicker run into the headline ("Premier League
 * HEADLINE"), a path, a section over its title.  Both are facts of how
 * pages are built, whatever the site or language.  And what a line's
 * marker is (a bullet or list number before its text), which the
 * chooser's shape features ask too.  Needs the page's facts only
 * (titlefacts.h), none of the features.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "titlefacts.h"
#include "utf8.h"
#include "winnow.h"

/* Bytes of a line's first and last part that are hashed (and at least matched). */
#define PART_KEY 8
/* Lines longer than this (characters) hold no part a title is made of. */
#define PART_MAX_VIS 300
/* Lines of a chain compared with one line at most: a page of many lines
 * that start alike (a table of dates) costs no more than this each. */
#define PART_CHAIN 64
/* Lines below the last candidate's that are indexed: a related list, share text. */
#define PART_BELOW 60
/* part_mark of a line that holds no part. */
#define NO_PART 255

/* A hash of the PART_KEY bytes at s: one load, one multiply. */
static uint32_t
part_hash(const char *s)
{
	uint64_t v;

	memcpy(&v, s, sizeof(v));
	return (uint32_t)((v * 0x9e3779b97f4a7c15ULL) >> 32);
}

/* The text of line li less its marker, as title_line_parts() found it: 0 for none. */
static int
part_text(const struct page *pg, size_t li, const char **s, size_t *n)
{
	const struct line *l = &pg->ln[li];
	unsigned char a = pg->tf->part_mark[li];

	if (a == NO_PART)
		return 0;
	*s = pg->n + l->noff + a;
	*n = l->nlen - a;
	return 1;
}

/*
 * The length of the bullet character s[0..n) starts with (• · ● ○ ■ □ ◆
 * ◇ ▪ ▶ ► » – —), or 0: one switch on its code point, not a compare
 * for each bullet (every line's shape asks; w3m's rules start with U+2500s).
 */
static size_t
bullet_char(const unsigned char *u, size_t n)
{
	if (n < 2 || (u[1] & 0xc0) != 0x80)
		return 0;
	if (u[0] == 0xc2)
		return u[1] == 0xb7 || u[1] == 0xbb ? 2 : 0;	/* · » */
	if (u[0] != 0xe2 || n < 3 || (u[2] & 0xc0) != 0x80)
		return 0;
	switch (0x2000 | (u[1] & 0x3f) << 6 | (u[2] & 0x3f)) {
	case 0x2022: case 0x25cf: case 0x25cb: case 0x25a0: case 0x25a1: case 0x25c6:
	case 0x25c7: case 0x25aa: case 0x25b6: case 0x25ba: case 0x2013: case 0x2014:
		return 3;
	default:
		return 0;
	}
}

size_t
title_marker(const char *s, size_t n)
{
	unsigned char c0 = n ? (unsigned char)s[0] : 0;
	size_t a = 0;

	if (c0 >= '0' && c0 <= '9' && n >= 2) {
		a = 1 + (s[1] >= '0' && s[1] <= '9');
		a = a < n && (s[a] == '.' || s[a] == ')') ? a + 1 : 0;
	} else if (c0 == '*' || c0 == '+' || c0 == '-' || c0 == '>')
		a = 1;
	else if (c0 == 0xc2 || c0 == 0xe2)
		a = bullet_char((const unsigned char *)s, n);
	if (!a || a >= n || s[a] != ' ')
		return 0;
	while (a < n && s[a] == ' ')
		a++;
	return a < n ? a : 0;
}

/* Bytes of line li's marker ("• ", "3. "), or NO_PART when it holds no part. */
static unsigned char
part_marker(const struct page *pg, size_t li)
{
	const struct line *l = &pg->ln[li];
	unsigned char c;
	size_t a;

	if (l->nlen < PART_KEY || l->nvis > PART_MAX_VIS || (l->bits & LB_LONG))
		return NO_PART;
	c = (unsigned char)pg->n[l->noff];
	/* The bytes a marker can start with: a digit, • · » – — ■ ..., * + - >. */
	a = (c >= '0' && c <= '9') || c == 0xc2 || c == 0xe2 || c == '*' || c == '+' ||
	    c == '-' || c == '>' ? title_marker(pg->n + l->noff, l->nlen) : 0;
	return a < NO_PART && l->nlen - a >= PART_KEY ? (unsigned char)a : NO_PART;
}

/*
 * Is the character that ends just before at (back) or starts at at
 * (!back) no letter or digit of any script (common/utf8's classes): a
 * blank, punctuation (» · • › 】 「), or a symbol such as an arrow or a
 * geometric shape (→ ■ ▶)?  Then a part of a line may end or start
 * there.  A byte that decodes to no character is no boundary.
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
	utf8_decode(u + i, n - i, &cp);
	if (cp == UTF8_BAD)
		return 0;
	switch (uc_class(cp)) {
	case UC_SPACE:
	case UC_PUNCT_ASCII:
	case UC_PUNCT_CJK:
	case UC_OTHER:
		return 1;
	default:
		return 0;
	}
}

/* Grow the per-line arrays for nl lines, the chained tables for nidx of them. */
static void
parts_reserve(struct title_facts *tf, size_t nl, size_t nidx)
{
	size_t cap = 64;

	if (tf->part_lcap < nl) {
		tf->part_lcap = nl + nl / 2;
		tf->part = xrealloc(tf->part, tf->part_lcap);
		tf->part_mark = xrealloc(tf->part_mark, tf->part_lcap);
		tf->part_h[0] = xrealloc(tf->part_h[0], tf->part_lcap * sizeof(uint32_t));
		tf->part_h[1] = xrealloc(tf->part_h[1], tf->part_lcap * sizeof(uint32_t));
		tf->part_next[0] = xrealloc(tf->part_next[0], tf->part_lcap * sizeof(int32_t));
		tf->part_next[1] = xrealloc(tf->part_next[1], tf->part_lcap * sizeof(int32_t));
	}
	while (cap < nidx)
		cap *= 2;
	if (tf->part_cap < cap) {
		tf->part_cap = cap;
		tf->part_slot[0] = xrealloc(tf->part_slot[0], cap * sizeof(int32_t));
		tf->part_slot[1] = xrealloc(tf->part_slot[1], cap * sizeof(int32_t));
	}
}

/*
 * How line a (its text t[0..m)) and the lines in the chain of its first
 * (end 0) or last (end 1) bytes share text: TP_* bits.  A longer line
 * that starts (ends) with t at a boundary of its words holds a; a
 * shorter one that t starts (ends) with is held.  The hashes, the bytes
 * at the ends and the boundary are tested before the texts are compared.
 */
static unsigned char
part_match(const struct page *pg, size_t a, const char *t, size_t m, int end)
{
	const struct title_facts *tf = pg->tf;
	uint32_t h = tf->part_h[end][a];
	int32_t b = tf->part_slot[end][h & tf->part_mask];
	unsigned char got = 0;
	int walked = 0;

	for (; b >= 0 && walked < PART_CHAIN; b = tf->part_next[end][b], walked++) {
		const char *s, *lo, *hi;
		size_t n, k, at, nhi;

		if (tf->part_h[end][b] != h || (size_t)b == a ||
		    !part_text(pg, (size_t)b, &s, &n))
			continue;
		if (n == m) {
			/*
			 * The same text as a list's item ("4. COP26 in Glasgow",
			 * the last crumb of a numbered path): a part too.  The
			 * same line twice is the repeat feature's.
			 */
			if (pg->ln[b].nlen > pg->ln[a].nlen && memcmp(s, t, m) == 0)
				got |= end ? TP_TAIL_OF : TP_HEAD_OF;
			continue;
		}
		/* lo the shorter text, a part of hi where it is at its start or end. */
		lo = n < m ? s : t, hi = n < m ? t : s;
		k = n < m ? n : m, nhi = n < m ? m : n;
		at = end ? nhi - k : 0;
		if (hi[at + k - 1] != lo[k - 1] || hi[at] != lo[0] ||
		    !part_boundary(hi, nhi, end ? at : k, end) || memcmp(hi + at, lo, k) != 0)
			continue;
		got |= n < m ? (end ? TP_HOLDS_TAIL : TP_HOLDS_HEAD) :
		    (end ? TP_TAIL_OF : TP_HEAD_OF);
	}
	return got;
}

void
title_line_parts(struct page *pg)
{
	struct title_facts *tf = pg->tf;
	size_t li, mask, upto = (size_t)tf->first_cand_limit + PART_BELOW;
	const char *s;
	size_t n;
	int end;

	upto = upto < pg->nl ? upto : pg->nl;
	parts_reserve(tf, pg->nl, upto);
	/* This page's tables: the capacity may be a longer page's. */
	for (mask = 63; mask + 1 < upto; mask = mask * 2 + 1)
		;
	tf->part_mask = mask;
	memset(tf->part_slot[0], 0xff, (mask + 1) * sizeof(int32_t));
	memset(tf->part_slot[1], 0xff, (mask + 1) * sizeof(int32_t));
	if (pg->nl) {	/* (the arrays are NULL until a page has lines) */
		memset(tf->part, 0, pg->nl);
		memset(tf->part_mark + upto, NO_PART, pg->nl - upto);
	}
	for (li = 0; li < upto; li++) {
		tf->part_mark[li] = part_marker(pg, li);
		if (!part_text(pg, li, &s, &n))
			continue;
		tf->part_h[0][li] = part_hash(s);
		tf->part_h[1][li] = part_hash(s + n - PART_KEY);
		for (end = 0; end < 2; end++) {
			size_t slot = tf->part_h[end][li] & mask;

			tf->part_next[end][li] = tf->part_slot[end][slot];
			tf->part_slot[end][slot] = (int32_t)li;
		}
	}
}

unsigned char
title_line_part(const struct page *pg, long li)
{
	unsigned char p = pg->tf->part[li];
	const char *s;
	size_t n;

	if (!(p & TP_KNOWN)) {
		/* Asked of the lines that are candidates only, once each. */
		p = TP_KNOWN;
		if (part_text(pg, (size_t)li, &s, &n))
			p |= part_match(pg, (size_t)li, s, n, 0) | part_match(pg, (size_t)li, s, n, 1);
		pg->tf->part[li] = p;
	}
	return p;
}

void
title_parts_free(struct title_facts *tf)
{
	free(tf->part);
	free(tf->part_mark);
	free(tf->part_h[0]);
	free(tf->part_h[1]);
	free(tf->part_next[0]);
	free(tf->part_next[1]);
	free(tf->part_slot[0]);
	free(tf->part_slot[1]);
}
