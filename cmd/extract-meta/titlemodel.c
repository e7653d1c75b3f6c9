/*
 * titlemodel.c - the features of a title candidate and its fitted score.
 * The features say where a line stands (relative to the body's first
 * paragraph, the date and byline lines), what shape it has (length,
 * punctuation, scripts, case), whether the page repeats it, how much of
 * it the body's lead repeats, and whether the page's head names it; none
 * names a site.  scripts/gen-metamodel.py fits the weights on what a
 * -DMETA_TUNE build prints of them, so the program and the model agree.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fitmodel.h"
#include "titlemodel.h"
#include "titlemodel_gen.h"
#include "utf8.h"
#include "winnow.h"

#define TF_NAME(n) #n,
const char *const title_feature_names[TF_N] = { TITLE_FEATURES(TF_NAME) };
#undef TF_NAME

/* How far (nonblank lines) a date or byline counts as near a candidate. */
#define NEAR 12
/* Candidates stand in the first max(MIN_CAND_LINES, 4/5 of the) nonblank lines. */
#define MIN_CAND_LINES 40
/* Candidates stand at most this many nonblank lines below the body's first paragraph. */
#define AFTER_BODY 15
/* Lines longer than this (characters) are neither keyed nor candidates. */
#define MAX_CAND_VIS 300
/* Of a longer line, the bytes whose shape is counted (it is only a neighbour). */
#define LONG_SHAPE 96

/* --- keys: a title as score-meta.py compares it ---------------------------- */

/* Blanks and the punctuation the scorer ignores when it compares titles. */
static int
key_ignored(uint32_t cp)
{
	static const uint32_t punct[] = { 0xa0, 0xb7, 0x2022, ':', ',', 0x3001, '(', ')',
		'[', ']', 0x3010, 0x3011, 0x300c, 0x300d, '<', '>', 0x300a, 0x300b, '"',
		'\'', 0x201c, 0x201d, 0x2018, 0x2019, 0x3000, 0xff1a, 0xff0c, 0xff08, 0xff09 };
	size_t k;

	if (cp <= ' ')
		return 1;
	for (k = 0; k < sizeof(punct) / sizeof(punct[0]); k++)
		if (punct[k] == cp)
			return 1;
	return 0;
}

/*
 * Append the key of s[0..n) to out: blanks and that punctuation dropped,
 * full-width ASCII folded, Latin letters lower-cased.
 */
static void
title_key(struct buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k;

		if (u[i] < 0x80) {
			cp = u[i++];
		} else {
			k = utf8_decode(u + i, n - i, &cp);
			i += k ? k : 1;
		}
		if (cp >= 0xff01 && cp <= 0xff5e)
			cp -= 0xfee0;
		if (key_ignored(cp))
			continue;
		if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xc0 && cp <= 0xde && cp != 0xd7))
			cp += 0x20;
		buf_addcp(out, cp);
	}
}

static uint32_t
fnv1a(const char *s, size_t n, uint32_t h)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* --- the page's facts ------------------------------------------------------- */

/* Does a sentence mark end at s[i] of s[0..n): . ! ? ; before a blank or the end, 。！？? */
static inline int
prose_mark(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c == '.' || c == '!' || c == '?' || c == ';')
		return i + 1 == n || s[i + 1] == ' ';
	if (c == 0xe3)
		return i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x82;	/* 。 */
	return c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbc &&
	    ((unsigned char)s[i + 2] == 0x81 || (unsigned char)s[i + 2] == 0x9f);	/* ！ ？ */
}

#if defined(__SSE2__)
/*
 * The blanks of s[0..n) and whether a sentence mark is among its first
 * bytes, sixteen at a test (a hand-tuned loop: every line of the title
 * window is read).  Counts the blanks of whole blocks in *spaces, sets
 * *mark, and returns where it stopped: at the last whole block, or where
 * a mark was found when han (the line's Han characters) >= 30, as then
 * the blanks do not matter.
 */
static size_t
prose_blocks(const char *s, size_t n, int han, size_t *spaces, int *mark)
{
	const __m128i blank = _mm_set1_epi8(' ');
	__m128i lanes = _mm_setzero_si128();
	size_t i = 0, blocks = 0;

	for (; i + 16 <= n; i += 16) {
		__m128i v = sse_load(s + i), b = _mm_cmpeq_epi8(v, blank);
		unsigned m = sse_eq(v, '.') | sse_eq(v, '!') | sse_eq(v, '?') | sse_eq(v, ';') |
		    sse_eq(v, 0xe3) | sse_eq(v, 0xef);

		lanes = _mm_sub_epi8(lanes, b);	/* each lane counts its blanks */
		for (; m && !*mark; m &= m - 1)
			*mark = prose_mark(s, n, i + (unsigned)__builtin_ctz(m));
		if (*mark && han >= 30)
			break;
		if (++blocks == 255 || i + 32 > n) {	/* before a lane overflows, and at the end */
			__m128i sum = _mm_sad_epu8(lanes, _mm_setzero_si128());

			*spaces += (size_t)_mm_cvtsi128_si32(sum) +
			    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
			lanes = _mm_setzero_si128();
			blocks = 0;
		}
	}
	return i;
}
#endif

/*
 * Is line l running text: sentence marks and a paragraph's length?  A
 * long line (LB_LONG) is, unless (sentences) it must show them as others do.
 */
static int
prose_shape(const struct page *pg, const struct line *l, int sentences)
{
	const char *s = pg->n + l->noff;
	size_t n = l->nlen, i = 0, spaces = 0;
	int mark = 0;

	if ((l->bits & LB_LONG) && !sentences)
		return 1;
	if (l->nvis < 40)
		return 0;
#if defined(__SSE2__)
	i = prose_blocks(s, n, l->nhan, &spaces, &mark);
#endif
	for (; i < n; i++) {
		if (s[i] == ' ')
			spaces++;
		else if (!mark)
			mark = prose_mark(s, n, i);
		if (mark && l->nhan >= 30)
			return 1;	/* the blanks do not matter */
	}
	return mark && (l->nhan >= 30 || (l->nvis >= 80 && spaces >= 12) ||
	    (l->nvis >= 60 && l->nhan == 0 && spaces * 20 < (size_t)l->nvis));
}

/* Is line l running text?  Every long line is (the date and authors choosers' prose). */
static int
prose_line(const struct page *pg, const struct line *l)
{
	return prose_shape(pg, l, 0);
}

/* Grow the per-line arrays to hold pg->nl lines and the hash table. */
static void
facts_reserve(struct title_facts *tf, size_t nl)
{
	size_t cap = 64;

	if (tf->lcap < nl) {
		tf->lcap = nl + nl / 2;
		tf->nb = xrealloc(tf->nb, tf->lcap * sizeof(*tf->nb));
		tf->lf = xrealloc(tf->lf, tf->lcap * sizeof(*tf->lf));
		tf->prose = xrealloc(tf->prose, tf->lcap);
		tf->hash = xrealloc(tf->hash, tf->lcap * sizeof(*tf->hash));
		tf->tl = xrealloc(tf->tl, tf->lcap);
		tf->tl_off = xrealloc(tf->tl_off, tf->lcap * sizeof(*tf->tl_off));
		tf->tl_len = xrealloc(tf->tl_len, tf->lcap * sizeof(*tf->tl_len));
	}
	while (cap < 2 * nl)
		cap *= 2;
	if (tf->hcap < cap) {
		tf->hcap = cap;
		tf->hslot = xrealloc(tf->hslot, cap * sizeof(*tf->hslot));
		tf->hcount = xrealloc(tf->hcount, cap * sizeof(*tf->hcount));
	}
}

/* What line_hash() hashes of byte c: 0 for none, a letter lower-cased. */
#define HB(c) ((c) >= 0x80 || ((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'z') ? \
	(c) : (c) >= 'A' && (c) <= 'Z' ? (c) | 0x20 : 0)
#define HB4(c) HB(c), HB((c) + 1), HB((c) + 2), HB((c) + 3)
#define HB16(c) HB4(c), HB4((c) + 4), HB4((c) + 8), HB4((c) + 12)
#define HB64(c) HB16(c), HB16((c) + 16), HB16((c) + 32), HB16((c) + 48)
static const unsigned char hash_byte[256] = { HB64(0), HB64(64), HB64(128), HB64(192) };
#undef HB64
#undef HB16
#undef HB4
#undef HB

/*
 * A line's hash for finding its repeats: blanks and ASCII punctuation
 * skipped, ASCII letters lower-cased, other bytes as they are (a cheaper
 * key than title_key, as every short line of the page is hashed).
 */
static uint32_t
line_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = hash_byte[(unsigned char)s[i]];

		if (c)
			h = (h ^ c) * 16777619u;
	}
	return h | 1;
}

/* Hash every short line, and count the lines of each hash. */
static void
hash_lines(struct page *pg, size_t upto)
{
	struct title_facts *tf = pg->tf;
	size_t li, mask = 63;

	/*
	 * A table for the lines hashed, not for the longest page yet
	 * (hcap): clearing all of it cost a short page more than hashing.
	 */
	while (mask + 1 < 2 * upto && mask + 1 < tf->hcap)
		mask = mask * 2 + 1;
	tf->hmask = mask;
	memset(tf->hslot, 0xff, (mask + 1) * sizeof(*tf->hslot));
	if (upto < pg->nl)
		memset(tf->hash + upto, 0, (pg->nl - upto) * sizeof(*tf->hash));
	for (li = 0; li < upto; li++) {
		const struct line *l = &pg->ln[li];
		size_t slot;

		tf->hash[li] = 0;
		if (!l->nlen || l->nvis < 4 || l->nvis > MAX_CAND_VIS || (l->bits & LB_LONG))
			continue;
		tf->hash[li] = line_hash(pg->n + l->noff, l->nlen);
		for (slot = tf->hash[li] & mask; tf->hslot[slot] >= 0; slot = (slot + 1) & mask)
			if (tf->hash[tf->hslot[slot]] == tf->hash[li])
				break;
		if (tf->hslot[slot] < 0) {
			tf->hslot[slot] = (long)li;
			tf->hcount[slot] = 0;
		}
		tf->hcount[slot]++;
	}
}

/* The slot of line li's key in the hash table; li's hash must be set. */
static size_t
hash_slot(const struct title_facts *tf, size_t li)
{
	size_t slot, mask = tf->hmask;

	for (slot = tf->hash[li] & mask; tf->hash[tf->hslot[slot]] != tf->hash[li];
	    slot = (slot + 1) & mask)
		;
	return slot;
}

/* Is a token's hash in the Bloom set?  Add it to add too, unless NULL. */
static int
bloom(const uint64_t *set, uint64_t *add, uint32_t h)
{
	uint32_t b = h & 1023;

	if (add)
		add[b >> 6] |= 1ULL << (b & 63);
	return (set[b >> 6] >> (b & 63)) & 1;
}

/*
 * The tokens of s[0..n): each Han character, and each Latin word of three
 * letters or more, lower-cased.  Counts those in the Bloom set (in *hits)
 * and adds them to add unless NULL; returns the number of tokens.
 */
static int
tokens(const char *s, size_t n, const uint64_t *set, uint64_t *add, int *hits)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int count = 0;

	*hits = 0;
	while (i < n) {
		if (scan_is_han_lead(u[i]) && i + 3 <= n) {
			count++;
			*hits += bloom(set, add, fnv1a(s + i, 3, 2166136261u));
			i += 3;
		} else if ((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z') {
			uint32_t h = 2166136261u;
			size_t a = i;

			for (; i < n && (u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z'; i++)
				h = (h ^ (u[i] | 0x20)) * 16777619u;
			if (i - a >= 3) {
				count++;
				*hits += bloom(set, add, h);
			}
		} else
			i++;
	}
	return count;
}

/* Is line li running text?  Computed as far as asked, once (tf->pdone). */
static inline int
prose_at(struct page *pg, size_t li)
{
	struct title_facts *tf = pg->tf;

	for (; tf->pdone <= li; tf->pdone++)
		tf->prose[tf->pdone] = pg->ln[tf->pdone].nlen &&
		    prose_line(pg, &pg->ln[tf->pdone]);
	return tf->prose[li];
}

/*
 * Can line li open the body?  Running text, and a long line must show
 * sentences too: a rule drawn in box-drawing characters (how HTML-to-text
 * renders <hr> and a text field's frame), a line of minified script or of
 * a URL's escapes is long, but none of them opens an article.  Nor does
 * a line that names cookies: a consent banner, written as sentences,
 * stands above the headline; "cookie" is the word for them in every
 * language that has such banners.
 */
static int
body_text(struct page *pg, size_t li)
{
	const struct line *l = &pg->ln[li];

	return prose_at(pg, li) && (!(l->bits & LB_LONG) || prose_shape(pg, l, 1)) &&
	    !find_ci(pg->n + l->noff, l->nlen, "cookie");
}

/* The body's first paragraph (a nonblank index), and its lead's tokens. */
static void
find_body(struct page *pg, size_t upto)
{
	struct title_facts *tf = pg->tf;
	long first = -1, li, k;
	int taken = 0, hits;

	tf->body_start = -1;
	for (li = 0; (size_t)li < upto && tf->body_start < 0; li++) {
		long runs = 0, seen = 0;

		if (!body_text(pg, (size_t)li))
			continue;
		if (first < 0)
			first = li;
		for (k = li; (size_t)k < upto && seen < 3; k++)
			if (pg->ln[k].nlen) {
				seen++;
				runs += body_text(pg, (size_t)k);
			}
		if (runs >= 2)
			tf->body_start = li;
	}
	if (tf->body_start < 0)
		tf->body_start = first;
	memset(tf->lead, 0, sizeof(tf->lead));
	for (li = tf->body_start; li >= 0 && (size_t)li < upto && taken < 3; li++)
		if (prose_at(pg, (size_t)li)) {
			size_t n = pg->ln[li].nlen;

			tokens(pg->n + pg->ln[li].noff, n > 600 ? 600 : n, tf->lead, tf->lead, &hits);
			taken++;
		}
	tf->body_start = tf->body_start < 0 ? tf->nnb : tf->nb[tf->body_start];
}

/* Nonblank lines from nonblank index k to the line at index to (-1: none), at most cap. */
static unsigned char
capped(long to, long k, long cap)
{
	long d = to < 0 ? cap : to > k ? to - k : k - to;

	return (unsigned char)(d < cap ? d : cap);
}

/*
 * Each line's distances to the nearest date, byline and running text
 * below and above, the running text above, and whether a line that
 * closes an article (LB_END: an editor's credit, the heading of a
 * related or a comment list) stands above it: a sweep down the lines
 * before upto and one up, so no candidate walks its neighbourhood.
 * Forgets those lines' shapes of the page before.
 */
static void
line_distances(struct page *pg, size_t upto)
{
	struct title_facts *tf = pg->tf;
	long date = -1, by = -1, prose = -1, k;
	unsigned char ring[10] = { 0 };
	int inring = 0, end = 0;
	size_t li;

	for (li = upto; li-- > 0;) {
		struct line_facts *f = &tf->lf[li];
		unsigned bits = pg->ln[li].bits;

		f->counted = 0;
		if ((k = tf->nb[li]) < 0)
			continue;
		f->date_below = capped(date, k, NEAR);
		f->by_below = capped(by, k, NEAR);
		f->next_prose = capped(prose, k, 40);
		date = bits & LB_DATE ? k : date;
		by = bits & (LB_BYLINE | LB_META) ? k : by;
		prose = tf->prose[li] ? k : prose;
	}
	date = by = -1;
	for (li = 0; li < upto; li++) {
		struct line_facts *f = &tf->lf[li];
		unsigned bits = pg->ln[li].bits;

		if ((k = tf->nb[li]) < 0)
			continue;
		f->end_above = (unsigned char)end;
		end |= (bits & LB_END) != 0;
		f->date_above = capped(date, k, NEAR);
		f->by_above = capped(by, k, NEAR);
		f->prose_above = (unsigned char)inring;
		date = bits & LB_DATE ? k : date;
		by = bits & (LB_BYLINE | LB_META) ? k : by;
		inring += tf->prose[li] - ring[k % 10];
		ring[k % 10] = tf->prose[li];
	}
}

/*
 * The key of what follows the last " | ", " - ", " – ", " — " or "_" of
 * <title> ("Headline | Site"), the site's name, into out; 0 if none or
 * if it is longer than what stands before it.
 */
static int
site_tail(struct buf *out, const struct meta_str *title)
{
	static const char *const seps[] = { " | ", " - ", " – ", " — ", "_" };
	const char *s = title->s;
	size_t k, i, at = 0, sl = 0;

	for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		size_t l = strlen(seps[k]);

		for (i = title->n; i-- > 0;)
			if (i + l <= title->n && memcmp(s + i, seps[k], l) == 0) {
				if (i + l > at + sl)
					at = i, sl = l;
				break;
			}
	}
	if (!sl || title->n - at - sl >= at)
		return 0;	/* none, or "Site | Headline": a tail longer than its head */
	buf_clear(out);
	title_key(out, s + at + sl, title->n - at - sl);
	return out->len > 0;
}

/*
 * The head's titles as keys, and the site's name: og:site_name, else
 * <title>'s tail after its last separator.  An og:title that names the
 * site (equal to og:site_name, or <title>'s tail after its last
 * separator) is the same on every page of the site: no evidence of this
 * page's title.
 */
static void
head_keys(struct title_facts *tf, const struct meta_head *h)
{
	const struct meta_str *t[4] = { &h->title, &h->og_title, &h->ld_headline, &h->og_site };
	const struct buf *k = tf->hkey;
	size_t i;
	int hits;

	tf->hset = 0;
	for (i = 0; i < 4; i++) {
		buf_clear(&tf->hkey[i]);
		if (t[i]->n)
			title_key(&tf->hkey[i], t[i]->s, t[i]->n);
		if (k[i].len)
			tf->hset |= 1 << i;
		if (i < 3) {
			memset(tf->hbloom[i], 0, sizeof(tf->hbloom[i]));
			tf->htokens[i] = tokens(t[i]->s, t[i]->n, tf->hbloom[i], tf->hbloom[i],
			    &hits);
		}
	}
	if (!(tf->hset & 8) && (tf->hset & 1) && site_tail(&tf->hkey[3], &h->title))
		tf->hset |= 8;
	if ((tf->hset & 2) && (((tf->hset & 8) && k[3].len == k[1].len &&
	    memcmp(k[3].data, k[1].data, k[1].len) == 0) || ((tf->hset & 1) &&
	    k[1].len < k[0].len && memcmp(k[0].data + k[0].len - k[1].len, k[1].data,
	    k[1].len) == 0)))
		tf->hset &= ~2;
}

void
title_facts_begin(struct page *pg)
{
	facts_reserve(pg->tf, pg->nl);
	if (pg->nl)	/* (tl is NULL until a page has lines) */
		memset(pg->tf->tl, -1, pg->nl);
}

static long head_named_line(struct page *pg);

void
title_page_facts(struct page *pg, const struct meta_head *head, long rule_line)
{
	struct title_facts *tf = pg->tf;
	size_t li, upto, limit;
	long k = 0;

	facts_reserve(tf, pg->nl);
	for (li = 0; li < pg->nl; li++)
		tf->nb[li] = pg->ln[li].nlen ? k++ : -1;
	tf->nnb = k;
	limit = (size_t)k * 4 / 5;
	if (limit < MIN_CAND_LINES)
		limit = MIN_CAND_LINES;
	for (li = 0; li < pg->nl && (tf->nb[li] < 0 || (size_t)tf->nb[li] < limit); li++)
		;
	tf->first_cand_limit = (long)li;
	tf->heads_upto = 0;
	/* Facts of the lines a candidate looks at: NEAR and the lead beyond. */
	upto = li + 60 < pg->nl ? li + 60 : pg->nl;
	tf->pdone = 0;
	find_body(pg, upto);
	/*
	 * A title stands over the body, not deep inside it, and over the
	 * comments on it: the lines after them are read no further.
	 */
	for (li = 0; li < (size_t)tf->first_cand_limit; li++)
		if (tf->nb[li] >= tf->body_start + AFTER_BODY) {
			tf->first_cand_limit = (long)li;
			break;
		}
	if (pg->comments_line >= 0 && pg->comments_line < tf->first_cand_limit)
		tf->first_cand_limit = pg->comments_line + 1;
	/*
	 * The head names the page's headline: the first line it names is a
	 * candidate wherever it stands (a cookie notice or a menu of
	 * sentences can pass for the body and end the text's candidates
	 * above it).  Between text_cand_limit and it, weigh() takes only a
	 * line the head names (feature h_far).
	 */
	head_keys(tf, head);
	tf->text_cand_limit = tf->first_cand_limit;
	k = head_named_line(pg);
	if (k >= tf->first_cand_limit)
		tf->first_cand_limit = k + 1;
	upto = (size_t)tf->first_cand_limit + 60 < pg->nl ? (size_t)tf->first_cand_limit + 60 :
	    pg->nl;
	if (upto)
		prose_at(pg, upto - 1);
	if (tf->pdone < pg->nl)
		memset(tf->prose + tf->pdone, 0, pg->nl - tf->pdone);
	hash_lines(pg, (size_t)tf->first_cand_limit + 5 < pg->nl ?
	    (size_t)tf->first_cand_limit + 5 : pg->nl);
	/* The sweeps reach 40 nonblank lines past the last candidate and the rule's. */
	upto = (size_t)tf->first_cand_limit > (size_t)(rule_line + 1) ?
	    (size_t)tf->first_cand_limit : (size_t)(rule_line + 1);
	for (k = 0; upto < pg->nl && k <= 41; upto++)
		k += pg->ln[upto].nlen > 0;
	line_distances(pg, upto);
}

/* --- the features of one candidate ------------------------------------------ */

/*
 * Is cp a mark that ends a sentence wherever it stands: 。！？； and the
 * full stops of Devanagari and Bengali (।), Urdu (۔), Armenian (։),
 * Burmese (။) and Ethiopic (።)?
 */
static int
other_sentence_mark(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xff01 || cp == 0xff1f || cp == 0xff1b || cp == 0x964 ||
	    cp == 0x6d4 || cp == 0x589 || cp == 0x104b || cp == 0x1362;
}

/* Is cp a full stop: . 。 । ۔ ։ ။ ።? */
static int
full_stop(uint32_t cp)
{
	return cp == '.' || cp == 0x3002 || cp == 0x964 || cp == 0x6d4 || cp == 0x589 ||
	    cp == 0x104b || cp == 0x1362;
}

/*
 * ASCII letters and digits that count_span() counts only as a word's
 * characters, its case and its digits: not h, w (a link's "http",
 * "www."), which it looks at.  Each is SP_PLAIN, with SP_DIGIT or
 * SP_CAPITAL; every other byte (all of 0x80..0xff) is 0, so that a run is
 * told by one lookup a byte.
 */
enum { SP_PLAIN = 1, SP_DIGIT = 2, SP_CAPITAL = 4 };
#define SP_D(c) [c] = SP_PLAIN | SP_DIGIT
#define SP_L(c) [c] = SP_PLAIN, [(c) - 'a' + 'A'] = SP_PLAIN | SP_CAPITAL
static const unsigned char span_plain[256] = {
	SP_D('0'), SP_D('1'), SP_D('2'), SP_D('3'), SP_D('4'), SP_D('5'), SP_D('6'),
	SP_D('7'), SP_D('8'), SP_D('9'),
	SP_L('a'), SP_L('b'), SP_L('c'), SP_L('d'), SP_L('e'), SP_L('f'), SP_L('g'),
	SP_L('i'), SP_L('j'), SP_L('k'), SP_L('l'), SP_L('m'), SP_L('n'), SP_L('o'),
	SP_L('p'), SP_L('q'), SP_L('r'), SP_L('s'), SP_L('t'), SP_L('u'), SP_L('v'),
	SP_L('x'), SP_L('y'), SP_L('z'),
	['H'] = SP_PLAIN | SP_CAPITAL, ['W'] = SP_PLAIN | SP_CAPITAL,
};
#undef SP_L
#undef SP_D

/*
 * What count_span() asks of an ASCII byte out of a plain run: a letter,
 * a capital, a digit, or one of the marks it looks at (| , > : . ! ? ;
 * and h, w, @ of a link), so that a word's first letter skips those tests.
 */
enum { SC_LETTER = 1, SC_UPPER = 2, SC_DIGIT = 4, SC_MARK = 8 };
#define SC_L(c) [c] = SC_LETTER, [(c) - 'a' + 'A'] = SC_LETTER | SC_UPPER
static const unsigned char span_class[128] = {
	SC_L('a'), SC_L('b'), SC_L('c'), SC_L('d'), SC_L('e'), SC_L('f'), SC_L('g'),
	['h'] = SC_LETTER | SC_MARK, ['H'] = SC_LETTER | SC_UPPER, SC_L('i'), SC_L('j'),
	SC_L('k'), SC_L('l'), SC_L('m'), SC_L('n'), SC_L('o'), SC_L('p'), SC_L('q'),
	SC_L('r'), SC_L('s'), SC_L('t'), SC_L('u'), SC_L('v'),
	['w'] = SC_LETTER | SC_MARK, ['W'] = SC_LETTER | SC_UPPER, SC_L('x'), SC_L('y'),
	SC_L('z'),
	['0'] = SC_DIGIT, ['1'] = SC_DIGIT, ['2'] = SC_DIGIT, ['3'] = SC_DIGIT,
	['4'] = SC_DIGIT, ['5'] = SC_DIGIT, ['6'] = SC_DIGIT, ['7'] = SC_DIGIT,
	['8'] = SC_DIGIT, ['9'] = SC_DIGIT,
	['|'] = SC_MARK, [','] = SC_MARK, ['>'] = SC_MARK, [':'] = SC_MARK, ['.'] = SC_MARK,
	['!'] = SC_MARK, ['?'] = SC_MARK, [';'] = SC_MARK, ['@'] = SC_MARK,
};
#undef SC_L

/*
 * One pass over s[0..n): its characters, scripts, words, case, marks.
 * A word is a run of bytes between blanks; a Latin one starts with an
 * ASCII letter, and is upper case when all its bytes are A-Z.  (A hot
 * loop, over every line a candidate or its neighbour stands on.)
 */
static void
count_span(const char *s, size_t n, struct span_count *c)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int token = 0, upper = 0;

	memset(c, 0, sizeof(*c));
	while (i < n) {
		uint32_t cp;
		size_t k;

		if (span_plain[u[i]]) {
			/*
			 * A run of letters and digits that mark nothing (most of
			 * a Latin line): counted at once, with a word's first
			 * letter as the general case below counts it.
			 */
			size_t a = i;
			unsigned f = span_plain[u[i]];

			if (!token && !(f & SP_DIGIT)) {
				c->latin++;
				c->caps += (f & SP_CAPITAL) != 0;
				c->lowers += !(f & SP_CAPITAL);
				upper = 1;
			}
			do {
				if (f == SP_PLAIN) {
					/* Small letters, most of a run: nothing but its end to find. */
					upper = 0;
					while (++i < n && (f = span_plain[u[i]]) == SP_PLAIN)
						;
					continue;
				}
				upper &= f >> 2;	/* SP_CAPITAL */
				c->digits += f >> 1 & 1;	/* SP_DIGIT */
				f = ++i < n ? span_plain[u[i]] : 0;
			} while (i < n && f != 0);
			token += (int)(i - a);
			c->long_token |= token >= 25;
			c->vis += (int)(i - a);
			c->last = u[i - 1];
			continue;
		}
		if (u[i] == ' ') {
			if (i + 2 < n && s[i + 1] == ' ')
				c->seps++;
			else if (i + 2 < n && s[i + 2] == ' ' && (s[i + 1] == '|' ||
			    s[i + 1] == '/' || s[i + 1] == '>'))
				c->seps++;
			c->upper_words += upper;
			token = upper = 0;
			i++;
			continue;
		}
		if (u[i] < 0x80) {
			unsigned sc = span_class[u[i]];

			cp = u[i];
			k = 1;
			if (token == 0 && (sc & SC_LETTER)) {
				c->latin++;
				c->caps += cp <= 'Z';
				c->lowers += cp >= 'a';
				upper = 1;
			}
			upper &= (sc & SC_UPPER) != 0;
			c->digits += (sc & SC_DIGIT) != 0;
			if (!(sc & SC_MARK))
				;	/* most of what starts a word: nothing below */
			else if (cp == '|')
				c->pipes++;
			else if (cp == ',')
				c->commas++;
			else if (cp == '>')
				c->crumbs += i > 0 && s[i - 1] == ' ';
			else if (cp == ':' && i + 1 < n)
				c->colon_inside = 1;
			else if ((cp == '.' || cp == '!' || cp == '?' || cp == ';') &&
			    (i + 1 == n || s[i + 1] == ' '))
				c->sentences++;
			if (!(sc & SC_MARK))
				;
			else if ((cp == 'h' && n - i >= 4 && memcmp(s + i, "http", 4) == 0) ||
			    (cp == 'w' && n - i >= 4 && memcmp(s + i, "www.", 4) == 0) ||
			    (cp == '.' && n - i >= 4 && memcmp(s + i, ".com", 4) == 0) || cp == '@')
				c->url = 1;
		} else {
			/* Three bytes, most of what is not ASCII, decoded inline. */
			k = utf8_decode_multi(u + i, n - i, &cp);
			upper = 0;
			if (token == 0 && !scan_is_han_lead(u[i]))
				c->words++;	/* a word of another script */
			if (cp >= 0x4e00 && cp <= 0x9fff)
				c->han++;	/* most of a Chinese line: no mark */
			else if (cp >= 0xe000 && cp <= 0xf8ff)
				c->icon = 1;	/* an icon font's glyph */
			else if (cp == 0xff1a)
				c->colon_inside = 1;
			else if (other_sentence_mark(cp))
				c->sentences++;
			else if (cp == 0xbb || cp == 0x203a || cp == 0x2192)
				c->crumbs++;	/* » › → */
			else if (cp == 0x60c || cp == 0x3001 || cp == 0xff0c)
				c->commas++;	/* ، 、 ， */
		}
		if (++token == 25)
			c->long_token = 1;
		c->vis++;
		c->last = cp;
		i += k;
	}
	c->upper_words += upper;
	c->words += c->latin;
}

/*
 * Does s[0..n) read like a byline in some language: at its start, or
 * after a bar, a bullet or a run of blanks, a byline's word ("by", "von",
 * "par", "por", "di", "door", "av", "af", "przez", "autor", "auteur",
 * "texto", "redacción", "от", "автор", "as told to"), a colon or not, and
 * a word?
 */
static int
byline_words(const char *s, size_t n)
{
	static const struct {
		const char *s;
		size_t n;
	} kw[] = { { LIT("by") }, { LIT("von") }, { LIT("par") }, { LIT("por") }, { LIT("di") },
		{ LIT("door") }, { LIT("av") }, { LIT("af") }, { LIT("przez") }, { LIT("autor") },
		{ LIT("autorin") }, { LIT("author") }, { LIT("auteur") }, { LIT("texto") },
		{ LIT("redacción") }, { LIT("от") }, { LIT("автор") }, { LIT("as told to") } };
	size_t i = 0, k;

	if (n >= 200)
		return 0;
	for (;;) {
		unsigned char c0 = ascii_lower((unsigned char)s[i]);

		/* The words' first letters: b v p d a t r, and Cyrillic о а (D0 BE, D0 B0). */
		for (k = 0; k < sizeof(kw) / sizeof(kw[0]) && (c0 == 'b' || c0 == 'v' ||
		    c0 == 'p' || c0 == 'd' || c0 == 'a' || c0 == 't' || c0 == 'r' || c0 == 0xd0);
		    k++) {
			size_t j = i + kw[k].n, w;

			if (n - i <= kw[k].n + 1 || c0 != (unsigned char)kw[k].s[0])
				continue;
			for (w = 1; w < kw[k].n && ascii_lower((unsigned char)s[i + w]) ==
			    (unsigned char)kw[k].s[w]; w++)
				;
			if (w < kw[k].n)
				continue;
			j += j < n && (s[j] == ':' || (unsigned char)s[j] == 0xef);	/* (：) */
			if (j < n && (unsigned char)s[j - 1] == 0xef)
				j += 2;
			if (j < n && s[j] == ' ') {
				while (j < n && s[j] == ' ')
					j++;
				if (j < n && s[j] != '|' && s[j] != '-')
					return 1;
			}
		}
		/* The next place a byline may start: after "| ", "• ", "· " or blanks. */
		for (; i < n; i++) {
			unsigned char c;

#if defined(__SSE2__)
			/* Sixteen bytes at a test: a line's words go by at once. */
			for (; i + 17 <= n; i += 16) {
				__m128i v = sse_load(s + i);
				unsigned m = (sse_eq(v, ' ') & sse_eq(sse_load(s + i + 1), ' ')) |
				    sse_eq(v, '|') | sse_eq(v, 0xe2) | sse_eq(v, 0xc2);

				if (m) {
					i += (unsigned)__builtin_ctz(m);
					break;
				}
			}
#endif
			c = (unsigned char)s[i];
			if ((c == ' ' && i + 1 < n && s[i + 1] == ' ') || c == '|' ||
			    (c == 0xe2 && n - i >= 3 && (unsigned char)s[i + 1] == 0x80 &&
			    (unsigned char)s[i + 2] == 0xa2) ||
			    (c == 0xc2 && n - i >= 2 && (unsigned char)s[i + 1] == 0xb7))
				break;
		}
		if (i >= n)
			return 0;
		i += (unsigned char)s[i] == 0xe2 ? 3 : (unsigned char)s[i] == 0xc2 ? 2 : 1;
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			return 0;
	}
}

/*
 * Does s[0..n) credit a photo: a "©", or at a word's start a credit's
 * word ("Foto", "Photo", "Bild", "Imagem", "Credit", "Crédits photo",
 * "Фото", "图片来源", ...) and a colon or a slash after it?
 */
static int
photo_credit(const char *s, size_t n)
{
	static const struct {
		const char *s;
		size_t n;
	} kw[] = { { LIT("foto") }, { LIT("fotos") }, { LIT("photo") }, { LIT("photos") },
		{ LIT("bild") }, { LIT("bilder") }, { LIT("image") }, { LIT("imagem") },
		{ LIT("imagen") }, { LIT("credit") }, { LIT("credits") }, { LIT("crédit") },
		{ LIT("crédits photo") }, { LIT("crédit photo") }, { LIT("фото") }, { LIT("Фото") },
		{ LIT("图片来源") }, { LIT("图片") }, { LIT("图") } };
	size_t i, k;

	/* A credit has a "©", a colon or a slash: most lines have none. */
	if (n >= 400 || (!memchr(s, ':', n) && !memchr(s, '/', n) && !memchr(s, 0xc2, n) &&
	    !memchr(s, 0xef, n)))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c;

#if defined(__SSE2__)
		/* Sixteen bytes at a test to the next that may start a "©" or a word above. */
		for (; i + 16 <= n; i += 16) {
			__m128i v = sse_load(s + i), low = _mm_or_si128(v, _mm_set1_epi8(0x20));
			unsigned m = sse_eq(low, 'f') | sse_eq(low, 'p') | sse_eq(low, 'b') |
			    sse_eq(low, 'i') | sse_eq(low, 'c') | sse_eq(v, 0xd0) | sse_eq(v, 0xe5) |
			    sse_eq(v, 0xc2);

			if (m) {
				i += (unsigned)__builtin_ctz(m);
				break;
			}
		}
		if (i >= n)
			break;
#endif
		c = ascii_lower((unsigned char)s[i]);
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa9)
			return 1;	/* © */
		if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '(' && s[i - 1] != '|' &&
		    s[i - 1] != '/')
			continue;
		if (c != 'f' && c != 'p' && c != 'b' && c != 'i' && c != 'c' && c != 0xd0 &&
		    c != 0xe5)
			continue;
		for (k = 0; k < sizeof(kw) / sizeof(kw[0]); k++) {
			size_t j = i + kw[k].n, w;

			if (n - i <= kw[k].n || c != (unsigned char)kw[k].s[0])
				continue;
			for (w = 1; w < kw[k].n && ascii_lower((unsigned char)s[i + w]) ==
			    (unsigned char)kw[k].s[w]; w++)
				;
			if (w < kw[k].n)
				continue;
			while (j < n && s[j] == ' ')
				j++;
			if (j < n && (s[j] == ':' || s[j] == '/' ||
			    scan_starts_with(s + j, n - j, LIT("："))))
				return 1;
		}
	}
	return 0;
}

/*
 * The shape of line li less its marker: counted once, when first asked.
 * A line too long to be a candidate is asked as a neighbour only: its
 * first LONG_SHAPE bytes and its last character tell enough of it.
 */
static const struct span_count *
line_shape(const struct page *pg, size_t li)
{
	struct line_facts *f = &pg->tf->lf[li];

	if (!f->counted) {
		const char *s = pg->n + pg->ln[li].noff;
		size_t n = pg->ln[li].nlen, a = title_marker(s, n);

		if ((pg->ln[li].bits & LB_LONG) || pg->ln[li].nvis > MAX_CAND_VIS) {
			size_t e = n - 1;

			count_span(s + a, n - a < LONG_SHAPE ? n - a : LONG_SHAPE, &f->shape);
			while (e > 0 && ((unsigned char)s[e] & 0xc0) == 0x80)
				e--;
			if (utf8_decode((const unsigned char *)s + e, n - e, &f->shape.last) == 0)
				f->shape.last = 0;
		} else
			count_span(s + a, n - a, &f->shape);
		f->counted = 1;
	}
	return &f->shape;
}

/*
 * Line li's byline word and photo credit (and its shape): found once,
 * when first asked (title_line_short() asks many lines for their shape
 * alone).
 */
static const struct line_facts *
line_words(const struct page *pg, size_t li)
{
	struct line_facts *f = &pg->tf->lf[li];

	if (f->counted < 2) {
		const char *s = pg->n + pg->ln[li].noff;
		size_t n = pg->ln[li].nlen;

		line_shape(pg, li);
		f->by_word = (unsigned char)byline_words(s, n);
		f->credit = (unsigned char)photo_credit(s, n);
		f->counted = 2;
	}
	return f;
}

/*
 * Has s[0..n) three words or Han characters at most, as count_span()
 * counts them (a word is what follows a blank or the start, of Latin
 * letters or of a script other than Han)?  It stops at the fourth: most
 * lines asked have more, and count_span() would read them to the end.
 */
static int
few_words(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int count = 0, start = 1;

	while (i < n) {
		uint32_t cp;
		size_t k;

		if (u[i] == ' ') {
			start = 1;
			i++;
			continue;
		}
		if (u[i] < 0x80) {
			count += start && ((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z');
			k = 1;
		} else {
			k = utf8_decode_multi(u + i, n - i, &cp);
			count += start && !scan_is_han_lead(u[i]);
			count += cp >= 0x4e00 && cp <= 0x9fff;
		}
		if (count > 3)
			return 0;
		start = 0;
		i += k;
	}
	return 1;
}

int
title_line_short(const struct page *pg, size_t li)
{
	const struct line *l = &pg->ln[li];
	const struct span_count *s;

	if (!pg->tf->lf[li].counted && !(l->bits & LB_LONG) && l->nvis <= MAX_CAND_VIS) {
		size_t a = title_marker(pg->n + l->noff, l->nlen);

		return few_words(pg->n + l->noff + a, l->nlen - a);
	}
	s = line_shape(pg, li);
	return s->words + s->han <= 3;
}

/* The features of a nonblank neighbour, above and below. */
static const enum title_feature neighbour_feature[2][10] = {
	{ TF_p_none, TF_p_log_vis, TF_p_prose, TF_p_date, TF_p_longer, TF_p_short3,
	  TF_p_end_period, TF_p_byline, TF_p_cap_share, TF_p_credit },
	{ TF_n_none, TF_n_log_vis, TF_n_prose, TF_n_date, TF_n_longer, TF_n_short3,
	  TF_n_end_period, TF_n_byline, TF_n_cap_share, TF_n_credit },
};

/*
 * Where the nonblank neighbour nb (-1: none), above (0) or below (1),
 * stands and how long it is against vis (the candidate's characters):
 * what the line table tells, without reading its text.
 */
static void
neighbour_place(const struct page *pg, long nb, int vis, double *x, int below)
{
	const enum title_feature *f = neighbour_feature[below];

	if (nb < 0) {
		x[f[0]] = 1;
		return;
	}
	x[f[1]] = scan_log1p(pg->tab, pg->ln[nb].nvis);
	x[f[2]] = pg->tf->prose[nb];
	x[f[3]] = (pg->ln[nb].bits & LB_DATE) != 0;
	x[f[4]] = pg->ln[nb].nvis > vis;
	x[f[7]] = (pg->ln[nb].bits & (LB_BYLINE | LB_META)) != 0;
}

/* The neighbour's words: its shape, a byline's word, a credit (after neighbour_place()). */
static void
neighbour_words(const struct page *pg, long nb, double *x, int below)
{
	const enum title_feature *f = neighbour_feature[below];
	const struct span_count *s;

	if (nb < 0)
		return;
	s = line_shape(pg, (size_t)nb);
	x[f[5]] = s->words + s->han <= 3;
	x[f[6]] = full_stop(s->last);
	if (!x[f[7]])
		x[f[7]] = line_words(pg, (size_t)nb)->by_word;
	x[f[8]] = s->latin ? (double)s->caps / s->latin : 0;
	x[f[9]] = line_words(pg, (size_t)nb)->credit;
}

/* Where the line stands: position, the body, dates and bylines near. */
static void
place_features(const struct page *pg, long li, double *x)
{
	const struct title_facts *tf = pg->tf;
	const struct line_facts *f = &tf->lf[li];
	long k = tf->nb[li], d = k - tf->body_start;

	x[TF_rel_pos] = tf->nnb ? (double)k / (double)tf->nnb : 0;
	x[TF_log_k] = scan_log1p(pg->tab, k);
	x[TF_before_body] = d < 0;
	x[TF_body_dist] = (double)(d < -40 ? -40 : d > 40 ? 40 : d) / 40;
	x[TF_body_dist_log] = scan_log1p(pg->tab, labs(d));
	x[TF_is_prose] = tf->prose[li];
	x[TF_next_prose_log] = scan_log1p(pg->tab, f->next_prose);
	x[TF_prose_above10] = f->prose_above / 10.0;
	x[TF_end_above] = f->end_above;
	x[TF_date_below] = f->date_below / (double)NEAR;
	x[TF_date_above] = f->date_above / (double)NEAR;
	x[TF_date_below_le3] = f->date_below <= 3;
	x[TF_by_below] = f->by_below / (double)NEAR;
	x[TF_by_above] = f->by_above / (double)NEAR;
	x[TF_by_below_le3] = f->by_below <= 3;
	x[TF_has_date] = (pg->ln[li].bits & LB_DATE) != 0;
	x[TF_is_byline] = (pg->ln[li].bits & (LB_BYLINE | LB_META)) != 0;
	x[TF_date_short] = (pg->ln[li].bits & LB_DATE) && pg->ln[li].nvis <= 30;
	x[TF_is_label] = (pg->ln[li].bits & LB_LABEL) != 0;
	x[TF_is_crumb] = (pg->ln[li].bits & LB_CRUMB) != 0;
	x[TF_is_bullet] = (pg->ln[li].bits & LB_BULLET) != 0;
	x[TF_prev_blank] = li > 0 && pg->ln[li - 1].nlen == 0;
	x[TF_next_blank] = (size_t)li + 1 < pg->nl && pg->ln[li + 1].nlen == 0;
}

/* The shape of candidate c's text: its line's (counted once), or own. */
static const struct span_count *
cand_shape(const struct page *pg, const struct tcand *c, struct span_count *own)
{
	if (c->whole)
		return line_shape(pg, (size_t)c->line);
	count_span(pg->n + c->off, c->len, own);
	return own;
}

/* The candidate's text: its shape (and its characters in c->vis). */
static void
shape_features(const struct page *pg, struct tcand *c, double *x)
{
	struct span_count own;
	const struct span_count *s = cand_shape(pg, c, &own);
	const char *t = pg->n + c->off;
	double lat;

	lat = s->latin ? s->latin : 1;
	c->vis = s->vis;
	x[TF_log_vis] = scan_log1p(pg->tab, s->vis);
	x[TF_log_words] = scan_log1p(pg->tab, s->words + s->han);
	x[TF_short3] = s->words + s->han <= 3;
	x[TF_long_line] = (s->words > 25 && !s->han) + (s->han > 50);
	x[TF_end_period] = full_stop(s->last);
	x[TF_end_q] = s->last == '?' || s->last == '!' || s->last == 0xff1f || s->last == 0xff01;
	x[TF_end_colon] = s->last == ':' || s->last == 0xff1a;
	x[TF_has_colon] = s->colon_inside;
	x[TF_n_sentences] = s->sentences > 3 ? 3 : s->sentences;
	x[TF_pipe] = s->pipes > 0;
	x[TF_sep_count] = s->seps > 3 ? 3 : s->seps;
	x[TF_digit_share] = s->vis ? (double)s->digits / s->vis : 0;
	x[TF_han_share] = s->vis ? (double)s->han / s->vis : 0;
	x[TF_cap_share] = s->caps / lat;
	x[TF_lower_share] = s->lowers / lat;
	x[TF_allcaps] = s->latin >= 2 && s->upper_words == s->latin;
	x[TF_url] = s->url;
	x[TF_long_token] = s->long_token;
	x[TF_bracket] = c->len && (t[0] == '[' || scan_starts_with(t, c->len, LIT("【")));
	x[TF_is_cell] = c->is_cell;
	x[TF_marker] = c->marker;
	x[TF_site_cut] = c->site_cut;
	x[TF_site_tail] = c->site_tail;
	x[TF_icon] = s->icon;
	x[TF_crumbs] = s->crumbs > 3 ? 3 : s->crumbs;
	x[TF_commas] = s->commas > 3 ? 3 : s->commas;
}

/* The candidate's neighbours above and below: where they stand. */
static void
context_place(const struct page *pg, const struct tcand *c, double *x)
{
	neighbour_place(pg, prev_nonblank(pg, c->line), c->vis, x, 0);
	neighbour_place(pg, next_nonblank(pg, c->line), c->vis, x, 1);
}

/* The words of the candidate's line, and its neighbours' (after context_place()). */
static void
context_words(const struct page *pg, const struct tcand *c, double *x)
{
	x[TF_by_word] = line_words(pg, (size_t)c->line)->by_word;
	x[TF_credit] = line_words(pg, (size_t)c->line)->credit;
	neighbour_words(pg, prev_nonblank(pg, c->line), x, 0);
	neighbour_words(pg, next_nonblank(pg, c->line), x, 1);
}

/*
 * The headings near line li (of the three nonblank lines above and below:
 * a list of teasers is headings in a row, a title stands alone), those
 * above it, and its length against the longest heading above the body.
 */
static void
heading_features(const struct page *pg, long li, double *x)
{
	const struct title_facts *tf = pg->tf;
	long j;
	int k, near = 0;

	if (li >= tf->heads_upto)
		return;
	for (j = prev_nonblank(pg, li), k = 0; j >= 0 && k < 3; j = prev_nonblank(pg, j), k++)
		near += tf->lf[j].heading;
	for (j = next_nonblank(pg, li), k = 0; j >= 0 && j < tf->heads_upto && k < 3;
	    j = next_nonblank(pg, j), k++)
		near += tf->lf[j].heading;
	x[TF_heads_near] = near / 6.0;
	x[TF_heads_above] = scan_log1p(pg->tab, tf->lf[li].heads_above);
	x[TF_head_len_ratio] = tf->head_max_vis ?
	    (double)pg->ln[li].nvis / tf->head_max_vis : 0;
	if (x[TF_head_len_ratio] > 2)
		x[TF_head_len_ratio] = 2;
}

/* Repetition on the page. */
static void
repeat_features(const struct page *pg, const struct tcand *c, double *x)
{
	const struct title_facts *tf = pg->tf;
	long li = c->line, j;

	if (tf->hash[li]) {
		size_t slot = hash_slot(tf, (size_t)li);

		x[TF_repeat] = tf->hcount[slot] - 1 > 3 ? 3 : tf->hcount[slot] - 1;
		x[TF_seen_before] = tf->hslot[slot] < li;
		for (j = li > 4 ? li - 4 : 0; j <= li + 4 && (size_t)j < pg->nl; j++)
			if (j != li && tf->hash[j] == tf->hash[li])
				x[TF_dup_near] = 1;
	}
}

/* How much of the title's words the body's lead repeats. */
static void
lead_features(const struct page *pg, const struct tcand *c, double *x)
{
	const struct title_facts *tf = pg->tf;
	int hits, n;

	/* The lead repeats the title's words, not its own: none at or below it. */
	if (tf->nb[c->line] < tf->body_start) {
		n = tokens(pg->n + c->off, c->len, tf->lead, NULL, &hits);
		x[TF_lead_overlap] = n ? (double)hits / n : 0;
	}
}

/* Is the candidate's key h (and h nonempty)? */
static int
key_is(const struct buf *k, const struct buf *h)
{
	return h->len && h->len == k->len && memcmp(h->data, k->data, k->len) == 0;
}

/* Does <title> begin with key k and go on after a separator ("Headline - Site", "X_Y_Z")? */
static int
title_cut(struct title_facts *tf, const struct meta_str *title, const struct buf *k)
{
	const char *s = title->s;
	size_t i;

	for (i = 1; i + 1 < title->n; i++)
		if (s[i] == '_' || s[i] == '|' || ((s[i] == '-' || s[i] == ':' ||
		    (unsigned char)s[i] == 0xe2) && s[i - 1] == ' ')) {
			buf_clear(&tf->cut);
			title_key(&tf->cut, s, i);
			if (key_is(k, &tf->cut))
				return 1;
			if (tf->cut.len > k->len)
				return 0;
		}
	return 0;
}

/*
 * The first line whose key is the head's <title>, og:title (when not the
 * site's), JSON-LD headline, or <title> cut before a site's name; -1 if
 * none or the head has no title.  Lines a candidate could not be are
 * passed over.
 */
static long
head_named_line(struct page *pg)
{
	struct title_facts *tf = pg->tf;
	const struct buf *h = tf->hkey, *k = &tf->key;
	size_t li;

	if (!(tf->hset & 7))
		return -1;
	for (li = 0; li < pg->nl; li++) {
		const struct line *l = &pg->ln[li];

		if (!l->nlen || l->nvis < 2 || l->nvis > MAX_CAND_VIS || (l->bits & LB_LONG))
			continue;
		buf_clear(&tf->key);
		title_key(&tf->key, pg->n + l->noff, l->nlen);
		if (!k->len)
			continue;
		if (key_is(k, &h[0]) || ((tf->hset & 2) && key_is(k, &h[1])) ||
		    key_is(k, &h[2]))
			return (long)li;
		if (k->len >= 8 && h[0].len > k->len && memcmp(h[0].data, k->data, k->len) == 0 &&
		    title_cut(tf, &pg->head->title, k))
			return (long)li;
	}
	return -1;
}

/*
 * The most the candidate's tokens and a head title's have in common, as
 * a share of the tokens of either (the Bloom sets make it approximate).
 */
static double
head_overlap(const struct page *pg, const struct tcand *c)
{
	const struct title_facts *tf = pg->tf;
	double best = 0;
	int i, n, hits;

	for (i = 0; i < 3; i++)
		if (tf->htokens[i] && (i != 1 || (tf->hset & 2))) {
			n = tokens(pg->n + c->off, c->len, tf->hbloom[i], NULL, &hits);
			if (n + tf->htokens[i] > hits && hits > 0 &&
			    (double)hits / (n + tf->htokens[i] - hits) > best)
				best = (double)hits / (n + tf->htokens[i] - hits);
		}
	return best > 1 ? 1 : best;
}

/* Does the head name the candidate: equal to, a cut of, inside its titles? */
static void
head_features(const struct page *pg, const struct tcand *c, double *x)
{
	struct title_facts *tf = pg->tf;
	const struct buf *k = &tf->key, *h = tf->hkey;
	int i;

	x[TF_h_any] = 1;
	buf_clear(&tf->key);
	title_key(&tf->key, pg->n + c->off, c->len);
	if (c->jlen)
		title_key(&tf->key, pg->n + c->joff, c->jlen);
	if (!k->len)
		return;
	x[TF_h_eq_title] = key_is(k, &h[0]);
	x[TF_h_eq_og] = (tf->hset & 2) && key_is(k, &h[1]);
	x[TF_h_eq_ld] = key_is(k, &h[2]);
	x[TF_h_site] = key_is(k, &h[3]);
	x[TF_h_jacc] = head_overlap(pg, c);
	x[TF_h_far] = c->line >= tf->text_cand_limit && c->line < tf->first_cand_limit;
	for (i = 0; i < 3 && k->len >= 8; i++)
		if ((tf->hset & (1 << i)) && h[i].len > k->len &&
		    find_bytes(h[i].data, h[i].len, k->data, k->len))
			x[TF_h_in] = 1;
	if (k->len >= 8 && h[0].len > k->len && memcmp(h[0].data, k->data, k->len) == 0) {
		x[TF_h_prefix] = 1;
		x[TF_h_cut] = title_cut(tf, &pg->head->title, k);
	}
}

/* The part_* and holds_* features of a candidate on line li (titleparts.c's bits). */
static void
part_features(const struct page *pg, long li, double *x)
{
	unsigned char p = title_line_part(pg, li);

	x[TF_part_tail] = (p & TP_TAIL_OF) != 0;
	x[TF_part_head] = (p & TP_HEAD_OF) != 0;
	x[TF_holds_tail] = (p & TP_HOLDS_TAIL) != 0;
	x[TF_holds_head] = (p & TP_HOLDS_HEAD) != 0;
}

void
title_features_place(const struct page *pg, const struct tcand *c, double *x)
{
	memset(x, 0, TF_N * sizeof(*x));
	if (c->rule != TR_NONE) {
		static const enum title_feature of_rule[TR_NRULES] = {
			TF_rule_label, TF_rule_byline, TF_rule_comments, TF_rule_date,
			TF_rule_date, TF_rule_forum, TF_rule_repeated, TF_rule_first,
			TF_rule_body,
		};

		x[TF_rule_pick] = 1;
		x[of_rule[c->rule]] = 1;
	}
	x[TF_title_like] = c->title_like;
	place_features(pg, c->line, x);
	if (pg->tf->hset)
		head_features(pg, c, x);
}

void
title_features_shape(const struct page *pg, struct tcand *c, double *x)
{
	shape_features(pg, c, x);
}

void
title_features_near(const struct page *pg, const struct tcand *c, double *x)
{
	heading_features(pg, c->line, x);
	context_place(pg, c, x);
	repeat_features(pg, c, x);
}

void
title_features_words(const struct page *pg, const struct tcand *c, double *x)
{
	context_words(pg, c, x);
	lead_features(pg, c, x);
	part_features(pg, c->line, x);
}

/* w if it is above 0, else 0: the most a feature of [0, 1] weighed w adds. */
static double
gain(double w)
{
	return w > 0 ? w : 0;
}

/*
 * x's score under the weights of a page in (zh) Chinese or not, summed two
 * features at a time: not in their order, so it may differ from
 * title_model_score() in the last bits (some 1e-13 at most), which is all
 * a bound needs.
 */
static double
score_unordered(const double *x, int zh)
{
	const double *w = title_model_weights[zh != 0];
	double s = 0;
	size_t i = 0;

#if defined(__SSE2__)
	__m128d acc = _mm_setzero_pd();
	double pair[2];

	for (; i + 2 <= TF_N; i += 2)
		acc = _mm_add_pd(acc, _mm_mul_pd(_mm_loadu_pd(w + i), _mm_loadu_pd(x + i)));
	_mm_storeu_pd(pair, acc);
	s = pair[0] + pair[1];
#endif
	for (; i < TF_N; i++)
		s += w[i] * x[i];
	return s;
}

void
title_bound_begin(struct title_facts *tf, int zh)
{
	static const enum title_feature own[] = { TF_by_word, TF_credit, TF_part_tail,
		TF_part_head, TF_holds_tail, TF_holds_head };
	const double *w = title_model_weights[zh != 0];
	const enum title_feature *f = neighbour_feature[0];
	size_t i;

	tf->gain_own = 0;
	for (i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		tf->gain_own += gain(w[own[i]]);
	tf->gain_lead = gain(w[TF_lead_overlap]);
	for (i = 0; i < 2; i++, f = neighbour_feature[1]) {
		tf->gain_side[i] = gain(w[f[5]]) + gain(w[f[6]]) + gain(w[f[8]]) + gain(w[f[9]]);
		tf->gain_side_by[i] = gain(w[f[7]]);
	}
}

double
title_bound(const struct page *pg, const struct tcand *c, const double *x, int zh)
{
	const struct title_facts *tf = pg->tf;
	double most = score_unordered(x, zh) + tf->gain_own;
	int side;

	if (tf->nb[c->line] < tf->body_start)
		most += tf->gain_lead;
	for (side = 0; side < 2; side++) {
		const enum title_feature *f = neighbour_feature[side];

		if (x[f[0]])
			continue;	/* no neighbour: its words are 0 */
		most += tf->gain_side[side];
		if (!x[f[7]])
			most += tf->gain_side_by[side];
	}
	return most;
}

void
title_features(const struct page *pg, const struct tcand *c, double *x)
{
	struct tcand t = *c;

	title_features_place(pg, &t, x);
	title_features_shape(pg, &t, x);
	title_features_near(pg, &t, x);
	title_features_words(pg, &t, x);
}

double
title_model_score(const double *x, int zh)
{
	return fitmodel_score(title_model_weights[zh != 0], x, TF_N);
}

void
title_facts_free(struct title_facts *tf)
{
	size_t k;

	if (!tf)
		return;
	free(tf->nb);
	free(tf->lf);
	free(tf->prose);
	free(tf->hash);
	free(tf->hslot);
	free(tf->hcount);
	free(tf->tl);
	free(tf->tl_off);
	free(tf->tl_len);
	title_parts_free(tf);
	free(tf->pend);
	free(tf->bound);
	buf_free(&tf->key);
	buf_free(&tf->text);
	buf_free(&tf->cut);
	for (k = 0; k < 4; k++)
		buf_free(&tf->hkey[k]);
	free(tf);
}
