/*
 * line.h - a line of a page (or a cell of a table layout) as strip-chrome
 * judges it: its measures, its label and the reason, its score.  Shared
 * by line.c, which judges a line by itself, and classify.c, which judges
 * it among the others.  Private to the engine.
 */
#ifndef LINE_H
#define LINE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "strip.h"
#include "utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Display columns tracked for the body column of a table layout. */
#define COL_MAX 511

enum label {
	L_BLANK,
	L_PROSE,	/* a sentence or more */
	L_SHORT,	/* short, no sentence: heading, caption, or chrome */
	L_LIST,		/* bullet item or separator-joined links */
	L_CHROME,	/* keyword family of chrome */
	L_META,		/* date, source, author, editor line */
	L_MEDIA,	/* image placeholder, form field, table border */
	L_REPEAT,	/* seen on earlier pages of the stream */
	L_SPAM,		/* injected link farm */
	L_END,		/* a heading that ends articles: related, comments */
};

/*
 * Wide members first, flags last in bytes: a page's units are walked a
 * dozen times, and the fewer cache lines a unit spans the better.
 */
struct line {
	const char *raw;	/* the whole line, newline excluded */
	size_t rawlen;
	const char *s;		/* trimmed of white space */
	size_t n;
	uint64_t hash;		/* of the trimmed text */
	size_t phys;		/* the physical line it is on */
	size_t indent;		/* leading spaces known to be there, or 0 */
	size_t blanks;		/* blank lines folded into this unit, or 0 */
	size_t first;		/* the unit of the first copy */
	const char *reason;
	long score;
	long lscore;		/* the score when the page is a listing */
	unsigned han, words, digits, letters, upper, capwords;
	unsigned sent, clause, quote, brackets, seps, boxes, other;
	unsigned weight;	/* Han characters + 2 per word */
	unsigned col;		/* display column where the text starts */
	unsigned width;		/* display width of the text */
	unsigned copy;		/* which copy on the page, from 1 */
	unsigned copies;	/* how many copies the page holds */
	uint32_t last_punct;	/* the mark that ends the line, or 0 */
	unsigned kw;		/* keyword families found, KW_* */
	unsigned char label;	/* enum label */
	unsigned char dup;	/* the same text is elsewhere on the page:
				   1 the first copy, 2 a later one */
	unsigned char bullet, teaser, has_date;
	unsigned char ends_sentence;	/* 1 a sentence, 2 a list item of one */
	unsigned char last_word; /* ends in a letter or character, no mark */
	unsigned char wrapped;	/* part of a hard-wrapped paragraph */
	unsigned char other_col; /* a cell of a sidebar column */
	unsigned char seen;	/* on --repeat-min earlier pages */
	unsigned char toned;	/* holds a letter pinyin may mark a tone with */
	unsigned char chead;	/* may head a comment: who and when */
	unsigned char keep;
};

extern const char reason_meta_kw[];

/*
 * Measure l->raw[0..rawlen): trim it into s/n, count its characters by
 * class, its punctuation, display width and column, find its keyword
 * families.
 */
void measure(struct line *l);
/*
 * Is the line an author's biography: "作者简介:…", or a name and what the
 * person is, "Ann Lee is a reporter for The Times"?
 */
int is_bio(const struct line *l);
/* Label a measured line by itself, with the reason for --explain. */
void label_line(const struct strip_opts *o, struct line *l);

/*
 * uc_class() searches a table; the ranges most pages are made of are
 * answered first: Han, CJK punctuation, general punctuation, box drawing.
 * Only the classes measure() tells apart matter here.
 */
static inline enum uc_class
fast_class(uint32_t c)
{
	/* ASCII as uc_class() has it, without its search for marks. */
	if (c < 0x80) {
		if ((c | 0x20) - 'a' < 26)
			return UC_LATIN;
		if (c - '0' < 10)
			return UC_DIGIT;
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			return UC_SPACE;
		return c >= 0x21 && c <= 0x7E ? UC_PUNCT_ASCII : UC_OTHER;
	}
	if (c >= 0x4E00 && c <= 0x9FFF)
		return UC_HAN;
	if ((c >= 0x2010 && c <= 0x2BFF) || (c >= 0x3001 && c <= 0x3004) ||
	    (c >= 0x3008 && c <= 0x3020) || (c >= 0xFF01 && c <= 0xFF0F) ||
	    (c >= 0xFF1A && c <= 0xFF20))
		return UC_PUNCT_CJK;
	return uc_class(c);
}

/* Eight bytes, the first in the low lane, in any byte order. */
static inline uint64_t
load_le64(const unsigned char *s)
{
	return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 |
	    (uint64_t)s[3] << 24 | (uint64_t)s[4] << 32 | (uint64_t)s[5] << 40 |
	    (uint64_t)s[6] << 48 | (uint64_t)s[7] << 56;
}

/*
 * Skip ASCII spaces, 32 and then eight at a time: w3m pads table cells with
 * hundreds, and indentation is half the bytes of its pages.
 */
static inline const char *
skip_spaces(const char *p, const char *end)
{
	const uint64_t sp = 0x2020202020202020ULL;
	uint64_t w, x, y, z;

	if (p < end && *p != ' ')
		return p;
#if defined(__SSE2__)
	/* Sixteen at a time, the first other byte found by its bit. */
	for (; end - p >= 16; p += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)p), _mm_set1_epi8(' ')));

		if (m != 0xFFFF)
			return p + __builtin_ctz(~m);
	}
#endif
	while (end - p >= 32) {
		memcpy(&w, p, 8);
		memcpy(&x, p + 8, 8);
		memcpy(&y, p + 16, 8);
		memcpy(&z, p + 24, 8);
		if (((w ^ sp) | (x ^ sp) | (y ^ sp) | (z ^ sp)) != 0)
			break;
		p += 32;
	}
	/* Then the spaces before the first other byte of eight, counted
	   lane by lane: no branch on each byte to mispredict at the end. */
	while (end - p >= 8) {
		const uint64_t ones = 0x0101010101010101ULL, hi = 0x80 * ones;
		uint64_t m = load_le64((const unsigned char *)p) ^ sp;
		unsigned run;

		/* The lanes that are not a space, then those before the
		   first of them. */
		m = (((m & ~hi) + ~hi) | m) & hi;
		m = ((m & (0 - m)) - 1) & hi;
		run = (unsigned)(((m >> 7) * ones) >> 56);
		p += run;
		if (run < 8)
			return p;
	}
	while (p < end && *p == ' ')
		p++;
	return p;
}

/* Decode, with the common 3-byte Han range answered without a search. */
static inline size_t
cls_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	/* Three-byte sequences hold all of CJK: decode them inline. */
	if (n >= 3 && s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED &&
	    (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
		return 3;
	}
	return utf8_decode(s, n, cp);
}

/* East Asian wide characters take two columns in w3m's layout. */
static inline int
is_wide_cp(uint32_t c)
{
	return c >= 0x1100 && ((c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD));
}

#if defined(__SSE2__)
/* Sixteen bytes from s, which need not be aligned. */
static inline __m128i
sse_load(const void *s)
{
	return _mm_loadu_si128((const __m128i *)s);
}

/* One bit for each of the bytes of v equal to c. */
static inline unsigned
sse_eq(__m128i v, unsigned char c)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8((char)c)));
}

/*
 * One bit for each lead byte E4..E9 of v (the Han of U+4000..U+9FFF, most
 * of a Chinese page) in *lead, for each continuation byte in *cont.
 */
static inline void
sse_han_bytes(__m128i v, unsigned *lead, unsigned *cont)
{
	/* Compared as signed bytes once the top bit is flipped. */
	const __m128i x = _mm_xor_si128(v, _mm_set1_epi8((char)0x80));

	*lead = (unsigned)_mm_movemask_epi8(_mm_and_si128(
	    _mm_cmpgt_epi8(x, _mm_set1_epi8(0x63)),
	    _mm_cmplt_epi8(x, _mm_set1_epi8(0x6A))));
	*cont = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v,
	    _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80)));
}
#endif

#endif
