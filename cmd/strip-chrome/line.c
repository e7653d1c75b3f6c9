/*
 * line.c - judge one line of a page by itself: measure it (weight,
 * scripts, punctuation, bullets, dates, display width, keyword families)
 * and label it prose, short, list, chrome, metadata, media or
 * end-of-article heading, with the reason --explain prints.
 */
#include <stdlib.h>
#include <string.h>

#include "line.h"
#include "strip.h"
#include "utf8.h"

const char reason_meta_kw[] = "metadata keyword";

static int
is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
	    c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) ||
	    c == 0xFEFF;
}

static int
is_clause_cp(uint32_t c)
{
	switch (c) {
	case ',': case ';': case 0xFF0C: case 0x3001: case 0xFF1B:
	case 0xFF1A: case ':':
		return 1;
	}
	return 0;
}

static int
is_bullet_cp(uint32_t c)
{
	switch (c) {
	case '*': case 0x2022: case 0x25A1: case 0x2606: case 0x25CB:
	case 0x25CF: case 0x25A0: case 0x00B7: case 0x25C6: case 0x25C7:
	case 0x2605: case 0x203A: case 0x00BB: case '>': case 0x2192:
	case 0x25B6: case 0x25BA: case '-': case '+': case 0x2013:
		return 1;
	}
	return 0;
}

static int
is_box_cp(uint32_t c)
{
	return c >= 0x2500 && c <= 0x257F;
}

static int
is_sep_cp(uint32_t c)
{
	return c == '|' || c == 0xFF5C || c == 0x4E28 /* 丨 */ || c == 0x2502;
}

/*
 * The first byte of s[i..n) within lo..hi (both ASCII), or n: sixteen
 * bytes at a test where SSE2 is there.
 */
static inline size_t
next_in_range(const char *s, size_t i, size_t n, char lo, char hi)
{
#if defined(__SSE2__)
	for (; i < n && n - i >= 16; i += 16) {
		const __m128i v = sse_load(s + i);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpgt_epi8(v, _mm_set1_epi8((char)(lo - 1))),
		    _mm_cmplt_epi8(v, _mm_set1_epi8((char)(hi + 1)))));

		if (m != 0)
			return i + (unsigned)__builtin_ctz(m);
	}
#endif
	for (; i < n; i++)
		if (s[i] >= lo && s[i] <= hi)
			return i;
	return n;
}

/* The first ASCII digit of s[i..n), or n. */
static inline size_t
next_digit(const char *s, size_t i, size_t n)
{
	return next_in_range(s, i, n, '0', '9');
}

/* The first of s[i..n) that is a capital of A..S, or n. */
static inline size_t
next_capital(const char *s, size_t i, size_t n)
{
	return next_in_range(s, i, n, 'A', 'S');
}

/* A date such as 2019-11-25, 2019/11/25, 2019.11.25, 2019年11月25日, 11月25日. */
/* "Nov. 18, 2019", "18 November 2019": a month name and a year. */
static int
has_english_date(const char *s, size_t n)
{
	static const char *const month[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec",
	};
	size_t i, m;
	int year = 0, name = 0;

	/* A year starts with a digit: only digits are looked at. */
	for (i = next_digit(s, 0, n); i + 4 <= n && !year;
	    i = next_digit(s, i + 1, n))
		if ((s[i] == '1' || s[i] == '2') && (s[i + 1] == '9' ||
		    s[i + 1] == '0') && s[i + 2] >= '0' && s[i + 2] <= '9' &&
		    s[i + 3] >= '0' && s[i + 3] <= '9' && (i + 4 == n ||
		    s[i + 4] < '0' || s[i + 4] > '9') && (i == 0 ||
		    s[i - 1] < '0' || s[i - 1] > '9'))
			year = 1;
	if (!year)
		return 0;
	/* A month's name starts with a capital of A..S: only those are
	   looked at. */
	for (i = next_capital(s, 0, n); i + 3 <= n && !name;
	    i = next_capital(s, i + 1, n))
		for (m = 0; m < 12; m++)
			if (!memcmp(s + i, month[m], 3) && (i == 0 ||
			    !((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z')))
				name = 1;
	return name;
}

static int
has_date(const char *s, size_t n, int upper)
{
	size_t i, d;

	/* A month name starts with a capital: no capital, no English date. */
	if (upper && has_english_date(s, n))
		return 1;

	for (i = next_digit(s, 0, n); i < n; i = next_digit(s, i + 1, n)) {
		for (d = 0; i + d < n && s[i + d] >= '0' && s[i + d] <= '9'; d++)
			;
		if (d == 4 && i + d + 2 < n && (s[i + d] == '-' ||
		    s[i + d] == '/' || s[i + d] == '.') &&
		    s[i + d + 1] >= '0' && s[i + d + 1] <= '9')
			return 1;
		if (d >= 1 && d <= 4 && i + d + 3 <= n &&
		    (!memcmp(s + i + d, "年", 3) || !memcmp(s + i + d, "月", 3))) {
			size_t j = i + d + 3;

			if (j < n && s[j] >= '0' && s[j] <= '9')
				return 1;
		}
		if (d == 2 && i + d + 3 < n && s[i + d] == ':' &&
		    s[i + d + 1] >= '0' && s[i + d + 1] <= '5')
			return 1;
		i += d;
	}
	return 0;
}

/*
 * ASCII for the measuring loop: ' ' the space, 'a' and 'A' letters, '0'
 * digits, '.' punctuation and controls.
 */
static const char ascii_kind[128 + 1] =
    "................................"
    " ...............0000000000......"
    ".AAAAAAAAAAAAAAAAAAAAAAAAAA....."
    ".aaaaaaaaaaaaaaaaaaaaaaaaaa.....";

/* uc_is_sentence_end(), with ASCII answered here. */
static inline int
sentence_end(uint32_t c)
{
	if (c < 0x80)
		return c == '.' || c == '!' || c == '?';
	return uc_is_sentence_end(c);
}

/* Per ASCII mark, the count it adds to: 1 sent, 2 clause, 4 quote,
   8 brackets, 16 seps. */
static const unsigned char punct_bits[128] = {
	['!'] = 1, ['?'] = 1, [','] = 2, [';'] = 2, [':'] = 2, ['"'] = 4,
	['['] = 8, [']'] = 8, ['|'] = 16,
};

/* Per ASCII byte: 1 a letter or digit, 2 a letter, 4 an upper-case one. */
static const unsigned char word_bits[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
#define L(c) [c] = 3, [c - 32] = 7
	L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'),
	L('i'), L('j'), L('k'), L('l'), L('m'), L('n'), L('o'), L('p'),
	L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'),
	L('y'), L('z'),
#undef L
};

/*
 * The counts of a line while it is measured: kept apart from struct line,
 * which the compiler must assume any byte of the text may alias, so that
 * they stay in registers.
 */
struct tally {
	unsigned han, words, digits, letters, upper, capwords;
	unsigned sent, clause, quote, brackets, seps, boxes, other, width;
};

/*
 * Count the run of ASCII letters and digits at s[0..n), s[0] one of them:
 * a word or a number starts with it unless inword.  Returns its length.
 */
static inline size_t
word_run(struct tally *l, const unsigned char *s, size_t n, int inword)
{
	size_t i;
	unsigned letters = 0, upper = 0, t;

	if (!inword) {
		if (s[0] <= '9')
			l->digits++;
		else {
			l->words++;
			l->capwords += s[0] <= 'Z';
		}
	}
	/*
	 * Eight bytes at a time while the word goes on, each byte classed
	 * by adding to it in its own lane: where a word ends is a coin toss
	 * to the branch predictor, whether it ends within eight bytes much
	 * less so.
	 */
	for (i = 0; n - i >= 8; ) {
		const uint64_t ones = 0x0101010101010101ULL, hi = 0x80 * ones;
		uint64_t x = load_le64(s + i), v = x & ~hi;
		uint64_t lc = v | 0x20 * ones, ascii = ~x & hi;
		uint64_t letter, cap, digit, m;
		unsigned run;

		letter = (lc + 0x1F * ones) & ~(lc + 0x05 * ones) & ascii;
		cap = (v + 0x3F * ones) & ~(v + 0x25 * ones) & ascii;
		digit = (v + 0x50 * ones) & ~(v + 0x46 * ones) & ascii;
		m = ~(letter | digit) & hi;
		/* The lanes before the first that is not a letter or digit. */
		m = ((m & (0 - m)) - 1) & hi;
		run = (unsigned)(((m >> 7) * ones) >> 56);
		letters += (unsigned)((((letter & m) >> 7) * ones) >> 56);
		upper += (unsigned)((((cap & m) >> 7) * ones) >> 56);
		i += run;
		if (run < 8)
			goto counted;
	}
	for (; i < n && ((t = word_bits[s[i]]) & 1); i++) {
		letters += t >> 1 & 1;
		upper += t >> 2;
	}
counted:
	l->letters += letters;
	l->upper += upper;
	l->width += (unsigned)i;
	return i;
}

/*
 * Does s[0..n) hold "Copyright" in either case of its first letter?  A
 * footer line may be long.  Its letters are all in one run of ASCII
 * letters, so the line is searched once rather than each word.
 */
static int
has_copyright(const unsigned char *s, size_t n)
{
	size_t i = 1;

#if defined(__SSE2__)
	/* Where "opy" starts, sixteen bytes at a time, windows overlapping
	   by two; every place a word of eight fits in the line. */
	for (; i + 16 + 7 <= n; i += 14) {
		const __m128i v = sse_load(s + i);
		unsigned m = sse_eq(v, 'o') & sse_eq(v, 'p') >> 1 &
		    sse_eq(v, 'y') >> 2 & 0x3FFF;

		for (; m != 0; m &= m - 1) {
			size_t j = i + (unsigned)__builtin_ctz(m);

			if ((s[j - 1] | 0x20) == 'c' && !memcmp(s + j, "opyright", 8))
				return 1;
		}
	}
#endif
	for (; i + 8 <= n; i++)
		if (s[i] == 'o' && (s[i - 1] | 0x20) == 'c' &&
		    !memcmp(s + i, "opyright", 8))
			return 1;
	return 0;
}

/* The code point of a 3-byte sequence known to be well formed. */
static inline uint32_t
han3(const unsigned char *s)
{
	return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
	    (s[2] & 0x3F);
}

/* Are s[0] and s[1] both continuation bytes?  One load, either byte order. */
static inline int
cont2(const unsigned char *s)
{
	uint16_t w;

	memcpy(&w, s, 2);
	return (w & 0xC0C0) == 0x8080;
}

/*
 * The second characters of 蜘蛛, 友情, 版权, 侵权, 免责 (and 權, 責 as
 * traditional characters write them): under its last byte, the middle
 * byte of 蛛, 情, 权, 责, 權 or 責.  No two of them end in one byte, and
 * a middle byte is never 0.
 */
static const unsigned char pair_end[256] = {
	[0x9B] = 0x9B, [0x85] = 0x83, [0x83] = 0x9D, [0xA3] = 0xB4,
	[0x8A] = 0xAC, [0xAC] = 0xB2,
};

/* What the pairs of Han characters a line holds say of it. */
#define MARK_SPAM 1	/* 蜘蛛, 友情: opening 蜘蛛池, 友情链接 */
#define MARK_FOOTER 2	/* 版权, 侵权, 免责 (版權, 侵權, 免責): a copyright
			   line may be long */

/* No character before: where measure() keeps the last two it passed. */
#define NO_POS ((size_t)-1)

/*
 * The character at s[i], whose last bytes pair_end[] picked out, and the
 * one before it (at last if the run of Han characters starts at i) may be
 * a pair that marks the line.
 */
static inline void
han_pair(const unsigned char *s, size_t n, size_t i, size_t start,
    size_t last, int *marks)
{
	uint32_t p = 0, c = han3(s + i);

	if (i > start)
		p = han3(s + i - 3);
	else if (last != NO_POS)
		(void)cls_next(s + last, n - last, &p);

	if ((c == 0x86DB && p == 0x8718) || (c == 0x60C5 && p == 0x53CB))
		*marks |= MARK_SPAM;
	if (((c == 0x6743 || c == 0x6B0A) && (p == 0x7248 || p == 0x4FB5)) ||
	    ((c == 0x8D23 || c == 0x8CAC) && p == 0x514D))
		*marks |= MARK_FOOTER;
}

/* Does s[0..i) end in a full stop, a question or an exclamation mark? */
static int
ends_stop(const unsigned char *s, size_t i)
{
	return i > 0 && (s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?' ||
	    (i >= 3 && (!memcmp(s + i - 3, "\xE3\x80\x82", 3) ||	/* 。 */
	    !memcmp(s + i - 3, "\xEF\xBC\x81", 3) ||		/* ！ */
	    !memcmp(s + i - 3, "\xEF\xBC\x9F", 3))));		/* ？ */
}

/*
 * Where the sentence that ends s[0..n) ends: before a short note in
 * brackets after its full stop, "。(完)", "。(记者 张三)", ". (bsc)";
 * else n.  A photo credit, "(AP Photo/Ann Lee)", "(Photo: Bo)", is no
 * such note: the line is a caption.
 */
static size_t
trailing_note(const unsigned char *s, size_t n)
{
	size_t i, lo = n > 26 ? n - 26 : 0;

	if (n >= 1 && s[n - 1] == ')')
		i = n - 1;
	else if (n >= 3 && !memcmp(s + n - 3, "\xEF\xBC\x89", 3))	/* ） */
		i = n - 3;
	else
		return n;
	for (; i > lo; i--) {
		if (ends_stop(s, i) || s[i - 1] == '/' || s[i - 1] == ':')
			return n;	/* a sentence of its own, a credit */
		if (s[i - 1] == '(' || (i >= 3 &&
		    !memcmp(s + i - 3, "\xEF\xBC\x88", 3))) {		/* （ */
			i -= s[i - 1] == '(' ? 1 : 3;
			while (i > 0 && s[i - 1] == ' ')
				i--;
			return ends_stop(s, i) ? i : n;
		}
	}
	return n;
}

#if defined(__SSE2__)
/* How many of the five characters at s[0..15) are box drawing, E2 94 or
   E2 95 and a continuation byte, in a row from the first. */
static inline unsigned
box_run16(const unsigned char *s)
{
	const __m128i v = sse_load(s);
	unsigned lead, cont, bad;

	sse_han_bytes(v, &lead, &cont);
	bad = (~sse_eq(v, 0xE2) & 0x1249) |
	    (~(sse_eq(v, 0x94) | sse_eq(v, 0x95)) & 0x2492) | (~cont & 0x4924);
	return bad ? (unsigned)__builtin_ctz(bad) / 3 : 5;
}
#endif

#if defined(__SSE2__)
/* The bits set in each of the four 16-bit fields of x, in their fields. */
static inline uint64_t
popcount4x16(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (x + (x >> 8)) & 0x00FF00FF00FF00FFULL;
}

/* The shortest run of plain bytes plain_block() counts: below it the
   byte-wise loop is cheaper than the masks. */
#define PLAIN_MIN 5

/* The marks of the bits of m among the bytes s[0..16), counted into *tl
   as the byte-wise loop counts a mark that is no full stop. */
static inline void
count_marks(struct tally *tl, const unsigned char *s, unsigned m)
{
	unsigned marks = 0;

	for (; m != 0; m &= m - 1) {
		unsigned t = punct_bits[s[__builtin_ctz(m)]];

		tl->sent += t & 1;
		tl->clause += t >> 1 & 1;
		tl->quote += t >> 2 & 1;
		tl->brackets += t >> 3 & 1;
		tl->seps += t >> 4;
		marks++;
	}
	/* The width the mark was laid out in, see tally_chars(). */
	if (tl->han > 0)
		tl->width += marks;
}

/*
 * Sixteen bytes of ASCII but full stops, counted at once into *tl as the
 * byte-wise loop counts them: a word or a number where a run of letters
 * and digits starts (carried in and out through *inword), its capital,
 * its letters, one column a byte, the marks by count_marks().  Where a
 * byte of the sixteen is a full stop or no ASCII, the bytes before it
 * are counted so, if there are PLAIN_MIN of them.  Returns how many
 * bytes were counted, 0 if none; *retry is the offset where a next try
 * may succeed, past the byte that stopped this one; *last the offset of
 * the last byte counted that is no space, or -1.
 */
static inline unsigned
plain_block(struct tally *tl, const unsigned char *s, int *inword, int *last,
    unsigned *retry)
{
	const __m128i v = sse_load(s);
	const __m128i lc = _mm_or_si128(v, _mm_set1_epi8(0x20));
	unsigned letter, upper, digit, alnum, starts, len, keep, space;
	uint64_t c;

	len = (unsigned)__builtin_ctz((unsigned)_mm_movemask_epi8(v) |
	    sse_eq(v, '.') | 0x10000);
	*retry = len + (len < 16);
	if (len < PLAIN_MIN)
		return 0;
	keep = (1u << len) - 1;
	letter = (unsigned)_mm_movemask_epi8(_mm_and_si128(
	    _mm_cmpgt_epi8(lc, _mm_set1_epi8('a' - 1)),
	    _mm_cmplt_epi8(lc, _mm_set1_epi8('z' + 1)))) & keep;
	digit = sse_digits(v) & keep;
	space = sse_eq(v, ' ') & keep;
	upper = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v,
	    _mm_set1_epi8('Z' + 1))) & letter;
	alnum = letter | digit;
	starts = alnum & ~((alnum << 1 | (unsigned)*inword) & 0xFFFF);
	c = popcount4x16((uint64_t)letter | (uint64_t)upper << 16 |
	    (uint64_t)(starts & letter) << 32 | (uint64_t)(starts & upper) << 48);
	tl->letters += (unsigned)(c & 0xFF);
	tl->upper += (unsigned)(c >> 16 & 0xFF);
	tl->words += (unsigned)(c >> 32 & 0xFF);
	tl->capwords += (unsigned)(c >> 48);
	tl->digits += (unsigned)popcount4x16(starts & digit);
	tl->width += len;
	if ((alnum | space) != keep)
		count_marks(tl, s, keep & ~(alnum | space));
	*inword = alnum >> (len - 1) & 1;
	*last = keep & ~space ? 31 - __builtin_clz(keep & ~space) : -1;
	return len;
}
#endif

/* What tally_chars() finds of a line besides its counts. */
struct signs {
	int marks;		/* MARK_*, from pairs of Han characters */
	int footer;		/* © (line_keywords() looks for "Copyright"
				   where it may matter) */
	int bad_utf8;		/* a byte that starts no character */
	int toned;		/* a letter pinyin may mark a tone with */
};

/*
 * Trim white space, including U+3000 and NBSP, off both ends of the line
 * into l->s, l->n; l->col goes past the columns the start took.
 */
static void
trim(struct line *l)
{
	const unsigned char *s = (const unsigned char *)l->raw;
	size_t n = l->rawlen, k;
	uint32_t c;
	const char *t = (const char *)s + l->indent;

	/* split_units() skipped the indentation: it is seldom followed by
	   more spaces. */
	if (l->indent >= n || *t == ' ')
		t = skip_spaces(t, (const char *)s + n);
	l->col += (unsigned)(t - (const char *)s);
	n -= (size_t)(t - (const char *)s);
	s = (const unsigned char *)t;
	while (n > 0) {
		k = cls_next(s, n, &c);
		if (!is_space_cp(c))
			break;
		l->col += c == '\t' ? 8 - l->col % 8 : c == 0x3000 ? 2 : 1;
		s += k;
		n -= k;
	}
	/* Most lines end in a letter, a character or a mark: none of the
	   spaces below ends in a byte above ' ' but 0x80..0x8B after 0x80
	   (U+3000, U+2000..U+200B) and 0xA0 (NBSP). */
	if (n >= 2 && s[n - 1] > ' ' && s[n - 1] != 0xA0 &&
	    (s[n - 2] != 0x80 || s[n - 1] > 0x8B)) {
		l->s = (const char *)s;
		l->n = n;
		return;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	while (n >= 3 && ((s[n - 3] == 0xE3 && s[n - 2] == 0x80 && s[n - 1] == 0x80) ||
	    (s[n - 3] == 0xE2 && s[n - 2] == 0x80 && s[n - 1] <= 0x8B)))
		n -= 3;
	while (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xA0)
		n -= 2;
	l->s = (const char *)s;
	l->n = n;
}

/*
 * Count the characters of s[0..n) by class into *tl, their punctuation
 * and display width, and note in *sg what else they show.  A hand-tuned
 * hot loop, longer than a function should be for it: it is a third of
 * strip-chrome's time.  Runs of Han characters, ASCII words and box
 * drawing are taken whole without decoding, and the counts stay in
 * registers (struct tally is apart from struct line for that).
 */
static inline void
tally_chars(const unsigned char *s, size_t n, struct tally *tl,
    struct signs *sg)
{
	size_t i, k;
	uint32_t c;
	/* Where the last two characters passed start: decoded only when
	   asked about, which is seldom. */
	size_t last = NO_POS, prev = NO_POS;
	int inword = 0, footer = 0, marks = 0, bad_utf8 = 0, toned = 0;
#if defined(__SSE2__)
	size_t plain_after = 0;	/* where plain_block() may succeed */
#endif

	for (i = 0; i < n; i += k) {
		unsigned b = s[i];

		/* Most characters of a Chinese page: U+4000..U+9FFF, lead
		   bytes E4..E9, counted a run at a time without decoding. */
		if (b - 0xE4 <= 0xE9 - 0xE4 && i + 2 < n &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			size_t start = i;

			/* A character at a time: runs are short, two or
			   three characters between marks and digits, and
			   a vector step did not pay for itself. */
			for (;;) {
				if (pair_end[s[i + 2]] == s[i + 1])
					han_pair(s, n, i, start, last, &marks);
				i += 3;
				if (!(i + 2 < n && s[i] - 0xE4u <= 0xE9 - 0xE4 &&
				    cont2(s + i + 1)))
					break;
			}
			k = (i - start) / 3;
			tl->han += (unsigned)k;
			tl->width += 2 * (unsigned)k;
			inword = 0;
			prev = k >= 2 ? i - 6 : last;
			last = i - 3;
			k = 0;		/* i is past the run */
			continue;
		}
		if (b < 0x80) {
#if defined(__SSE2__)
			/* Not again before the byte that made the last
			   try fail. */
			if (i >= plain_after && n - i >= 16) {
				int at;
				unsigned retry;

				k = plain_block(tl, s + i, &inword, &at, &retry);
				plain_after = i + retry;
				if (k > 0) {
					/* No full stop here: all the '.'
					   rule asks of the last two is
					   that they are no full stops,
					   and spaces are not among them. */
					if (at >= 0)
						prev = last = i + (size_t)at;
					continue;
				}
			}
#endif
			switch (ascii_kind[b]) {
			case 'a':
			case 'A':
			case '0':
				k = word_run(tl, s + i, n - i, inword);
				inword = 1;
				prev = k >= 2 ? i + k - 2 : last;
				last = i + k - 1;
				continue;
			case ' ':
				/* One space between words, or w3m's padding. */
				if (i + 1 >= n || s[i + 1] != ' ')
					k = 1;
				else
					k = (size_t)((const unsigned char *)
					    skip_spaces((const char *)s + i,
					    (const char *)s + n) - (s + i));
				tl->width += (unsigned)k;
				inword = 0;
				continue;
			}
			/* Punctuation and controls.  Crawl texts fold
			   full-width ，：（） to ASCII after layout: count
			   them at the width they were laid out in. */
			k = 1;
			tl->width += 1 + (tl->han > 0);
			inword = 0;
			/* Counted without a branch: which mark comes next is
			   anyone's guess. */
			{
				unsigned t = punct_bits[b];

				tl->sent += t & 1;
				tl->clause += t >> 1 & 1;
				tl->quote += t >> 2 & 1;
				tl->brackets += t >> 3 & 1;
				tl->seps += t >> 4;
			}
			/* A full stop, not a decimal point or a domain. */
			if (b == '.' && (i + 1 >= n || s[i + 1] == ' ' ||
			    s[i + 1] == '"') && (prev == NO_POS ||
			    s[prev] != '.' || s[last] != '.'))
				tl->sent++;
			prev = last;
			last = i;
			continue;
		}
		/* Box drawing, U+2500..U+257F: w3m's table borders, runs of
		   ━ and ─ as long as the page is wide. */
		if (b == 0xE2 && i + 2 < n && (s[i + 1] == 0x94 ||
		    s[i + 1] == 0x95) && (s[i + 2] & 0xC0) == 0x80) {
			size_t start = i;

			for (;;) {
#if defined(__SSE2__)
				/* Five at a time while the line has them. */
				while (n - i >= 16 && box_run16(s + i) == 5)
					i += 15;
#endif
				if (!(i + 2 < n && s[i] == 0xE2 && (s[i + 1] == 0x94 ||
				    s[i + 1] == 0x95) && (s[i + 2] & 0xC0) == 0x80))
					break;
				i += 3;
			}
			k = (i - start) / 3;
			tl->boxes += (unsigned)k;
			tl->width += (unsigned)k;
			inword = 0;
			prev = k >= 2 ? i - 6 : last;
			last = i - 3;
			k = 0;
			continue;
		}
		k = cls_next(s + i, n - i, &c);
		tl->width += 1 + is_wide_cp(c);
		if (c == 0xA9)		/* © */
			footer = 1;
		bad_utf8 |= c == UTF8_BAD;
		/* à (U+00E0) to ǹ (U+01F9), and ḿ: the toned letters
		   of pinyin_repair() and some others. */
		toned |= (c >= 0xE0 && c <= 0x1F9) || c == 0x1E3F;
		switch (fast_class(c)) {
		case UC_HAN:
		case UC_KANA:
		case UC_HANGUL:
			tl->han++;
			inword = 0;
			break;
		case UC_LATIN:
		case UC_LETTER:
			tl->letters++;
			if (!inword)
				tl->words++;
			inword = 1;
			break;
		case UC_DIGIT:
			if (!inword)
				tl->digits++;
			inword = 1;
			break;
		case UC_SPACE:
			inword = 0;
			continue;
		default:
			inword = 0;
			if (sentence_end(c))
				tl->sent++;
			else if (is_clause_cp(c))
				tl->clause++;
			else if (c == 0x201C || c == 0x201D || c == 0x300C ||
			    c == 0x300D)
				tl->quote++;
			else if (is_box_cp(c))
				tl->boxes++;
			else if (is_sep_cp(c))
				tl->seps++;
			else
				tl->other++;
			break;
		}
		prev = last;
		last = i;
	}
	sg->footer = footer;
	sg->marks = marks;
	sg->bad_utf8 = bad_utf8;
	sg->toned = toned;
}

/*
 * Does the line end a sentence (ends_sentence), a teaser (teaser), in a
 * letter (last_word), and with what mark (last_punct)?  Its last mark
 * counts, closing quotes and brackets and a short note after it aside.
 */
static void
sentence_ending(struct line *l, const unsigned char *s, size_t n)
{
	uint32_t c;
	size_t j = trailing_note(s, n);
	int quotes = 0;

	while (j > 0 && quotes < 3) {
		size_t b = j - 1;

		while (b > 0 && (s[b] & 0xC0) == 0x80)
			b--;
		(void)cls_next(s + b, j - b, &c);
		if (c == 0x201D || c == 0x300D || c == 0x300F ||
		    c == ')' || c == 0xFF09 || c == '"' || c == '\'' ||
		    c == 0x2019) {
			j = b;
			quotes++;
			continue;
		}
		/* A smiley or a pictograph after the mark, "today! 🙂",
		   closes the sentence as a quote would: blogs and social
		   posts end sentences so. */
		if ((c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 &&
		    c <= 0x27BF) || c == 0xFE0F || c == 0x200D) {
			for (j = b; j > 0 && s[j - 1] == ' '; j--)
				;
			quotes++;
			continue;
		}
		l->last_punct = c;
		if (quotes == 0) {
			/* fast_class() differs from uc_class() only
			   between marks, spaces and symbols. */
			enum uc_class cls = fast_class(c);

			l->last_word = cls == UC_HAN || cls == UC_LATIN ||
			    cls == UC_LETTER || cls == UC_DIGIT;
		}
		if (sentence_end(c) && c != 0x2026 && c != '.')
			l->ends_sentence = 1;
		else if (c == '.' && !(j >= 2 && s[j - 2] == '.'))
			l->ends_sentence = 1;
		else if (c == 0xFF1B || c == ';' || c == 0xFF1A || c == ':')
			l->ends_sentence = 2;	/* a list item of a sentence */
		/* "...", "..", or a lone "…" cuts a teaser short; the
		   doubled "……" is Chinese punctuation and may end a
		   sentence. */
		if (c == '.' && j >= 2 && s[j - 2] == '.')
			l->teaser = 1;
		else if (c == 0x2026 && !(j >= 6 && s[j - 6] == 0xE2 &&
		    s[j - 5] == 0x80 && s[j - 4] == 0xA6))
			l->teaser = 1;
		else if (c == 0x2026)
			l->ends_sentence = 1;
		break;
	}
}

/*
 * The keyword families of the line.  Keywords matter on short lines; a
 * long line is judged by them only for a notice at its start or a
 * link-farm marker, whose first characters tally_chars() watched for.
 */
static unsigned
line_keywords(const struct kwset *kw, const struct line *l,
    const struct signs *sg)
{
	int spam_char = (sg->marks & MARK_SPAM) != 0;

	if (l->weight == 0)
		return 0;	/* every keyword has a letter or a character */
	/* "Copyright" is searched for last, on the long lines alone where
	   it decides: a search of every line cost more than the rest. */
	if (l->weight < 28 || (l->weight < 40 && l->ends_sentence != 1) ||
	    (l->han < 4 && l->weight < 80) || spam_char ||
	    (l->ends_sentence != 1 && (sg->footer ||
	    (sg->marks & MARK_FOOTER) != 0 || (l->letters >= 9 &&
	    has_copyright((const unsigned char *)l->s, l->n)))))
		return sg->bad_utf8 ? kw_scan(kw, l->s, l->n) :
		    kw_scan_utf8(kw, l->s, l->n);
	return kw_scan_notice(kw, l->s, l->n < 24 ? l->n : 24);
}

void
measure_trim(struct line *l)
{
	if (l->blanks > 0)	/* a run of blank lines */
		l->s = l->raw;
	else
		trim(l);
}

void
measure_trimmed(const struct kwset *kw, struct line *l)
{
	const unsigned char *s = (const unsigned char *)l->s;
	size_t n = l->n, k;
	uint32_t c;
	struct tally tl = { 0 };
	struct signs sg = { 0 };

	if (l->blanks > 0)
		return;
	if (n > 0) {
		k = cls_next(s, n, &c);
		if (is_bullet_cp(c) && (k >= n || s[k] == ' ' ||
		    (c != '-' && c != '+' && c != '*' && c != '>')))
			l->bullet = 1;
	}
	tally_chars(s, n, &tl, &sg);
	l->toned |= (unsigned char)sg.toned;
	/* Stored, not added: split_units() left the unit's counts zero. */
	l->han = tl.han;
	l->words = tl.words;
	l->digits = tl.digits;
	l->letters = tl.letters;
	l->upper = tl.upper;
	l->capwords = tl.capwords;
	l->sent = tl.sent;
	l->clause = tl.clause;
	l->quote = tl.quote;
	l->brackets = tl.brackets;
	l->seps = tl.seps;
	l->boxes = tl.boxes;
	l->other = tl.other;
	l->width = tl.width;
	l->weight = tl.han + 2 * tl.words + tl.digits;
	sentence_ending(l, s, n);
	/* Dates matter on short lines only. */
	l->has_date = l->digits > 0 && l->weight < 48 &&
	    has_date(l->s, l->n, l->upper > 0);
	l->kw = line_keywords(kw, l, &sg);
}

void
measure(const struct kwset *kw, struct line *l)
{
	measure_trim(l);
	measure_trimmed(kw, l);
}

void
measure_copy(struct line *l, const struct line *twin)
{
	/* What split_units() and measure_trim() set is the unit's own:
	   where it is and how it is indented. */
	const char *raw = l->raw, *s = l->s;
	size_t rawlen = l->rawlen, phys = l->phys, indent = l->indent;
	unsigned col = l->col;

	*l = *twin;
	l->raw = raw;
	l->rawlen = rawlen;
	l->s = s;
	l->phys = phys;
	l->indent = indent;
	l->col = col;
}

/* Is s[0..n) a photo gallery's counter, "1 of 12" or "1/6"? */
static int
is_counter(const char *s, size_t n)
{
	size_t i = 0, d;
	unsigned a = 0, b;

	for (d = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, d++)
		a = 10 * a + (unsigned)(s[i] - '0');
	if (d == 0 || d > 3)
		return 0;
	if (n - i >= 5 && memcmp(s + i, " of ", 4) == 0)
		i += 4;
	else if (n - i >= 2 && s[i] == '/')
		i++;
	else
		return 0;
	for (b = 0, d = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, d++)
		b = 10 * b + (unsigned)(s[i] - '0');
	return d > 0 && d <= 3 && i == n && a >= 1 && a <= b;
}

/*
 * The length of the first of words[] (lower case, NULL-ended) that
 * s[0..n) opens with, A-Z folded, shorter than the line; 0 if none.
 */
static size_t
opening_word(const char *s, size_t n, const char *const *words)
{
	size_t i, k;

	for (i = 0; words[i] != NULL; i++) {
		k = strlen(words[i]);
		if (n > k && ascii_lower((unsigned char)s[0]) == words[i][0] &&
		    ci_rest(s, words[i], k))
			return k;
	}
	return 0;
}

/* The words a gallery puts before its counter: "Image 2 of 5", "Photo
   3/12", "Slide 1 of 8". */
static const char *const counter_words[] = { "image ", "photo ",
    "picture ", "slide ", NULL };

/* Does s[0..n) hold a text box as w3m draws one, "[" three or more
   spaces "]"? */
static int
has_text_box(const char *s, size_t n)
{
	const char *o = memchr(s, '[', n);

	while (o != NULL) {
		size_t i = (size_t)(o - s) + 1, sp = 0;

		while (i < n && s[i] == ' ')
			i++, sp++;
		if (sp >= 3 && i < n && s[i] == ']')
			return 1;
		o = i < n ? memchr(s + i, '[', n - i) : NULL;
	}
	return 0;
}

static const char reason_media[] = "image or form placeholder";

/*
 * Is the line a placeholder left by an image, a form field, or a border,
 * or what a photo gallery leaves?  The reason, or NULL.
 */
static const char *
is_media(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->n;
	/* a gallery's word before its counter, on a short line */
	size_t k = n <= 19 && l->digits > 0 ?
	    opening_word(s, n, counter_words) : 0;

	if (l->boxes > 0 && l->weight == 0)
		return reason_media;
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']' && l->sent == 0 &&
	    l->weight < 12)
		return reason_media;
	if (l->weight <= 3 && (l->kw & KW_IMAGE))
		return reason_media;
	/* What a photo gallery leaves: its counter and its buttons. */
	if ((n - k <= 11 && l->digits > 0 && is_counter(s + k, n - k)) ||
	    (l->weight < 16 && l->ends_sentence != 1 && (l->kw & KW_GALLERY)))
		return "photo gallery's counter or button";
	return NULL;
}

/*
 * Does s[0..n) end in the word w (small letters), in any case?  A byte
 * matches w's as it is or with its 0x20 bit set: that folds ASCII's
 * capitals, and the second byte of a capital of the Latin-1 Supplement
 * in UTF-8 ("É" C3 89, "é" C3 A9: French "RÉPONDRE" is "répondre"),
 * whose lead byte C3 matches as it is.  The words hold no letters of
 * other blocks, where 0x20 tells other characters apart.
 */
static int
ends_with_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i;

	if (n < k || (n > k && ((s[n - k - 1] | 0x20) >= 'a' &&
	    (s[n - k - 1] | 0x20) <= 'z')))
		return 0;
	for (i = 0; i < k; i++)
		if ((s[n - k + i] | 0x20) != w[i] && s[n - k + i] != w[i])
			return 0;
	return 1;
}

/* Does s[0..n) end in one of words (NULL-terminated), as ends_with_word()? */
static int
ends_with_any_word(const char *s, size_t n, const char *const *words)
{
	for (; *words; words++)
		if (ends_with_word(s, n, *words))
			return 1;
	return 0;
}

/*
 * The word blog software puts after a commenter's name ("Jane Doe says:"),
 * in English, German, French, Spanish, Portuguese or Dutch as WordPress
 * translates it.
 */
static const char *const says_words[] = {
	"says", "sagt", "dit", "dice", "diz", "zegt", NULL
};

/* The same of a quoted comment or post: "Jane Doe wrote:". */
static const char *const wrote_words[] = {
	"said", "wrote", "writes", "schreibt", "disse", "schreef", NULL
};

/*
 * The link to answer a comment that blog software puts on the comment's
 * head beside its time ("March 3, 2019 at 4:15 pm | Reply"), in English,
 * German, French, Spanish, Portuguese, Italian or Dutch.
 */
static const char *const reply_words[] = {
	"reply", "antworten", "r\xC3\xA9pondre", "responder", "rispondi",
	"reageren", "beantwoorden", NULL
};

/* Is s[0..n) a number, digits only? */
static int
digits_only(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* Is s[0..n) one of list's words, ASCII letters in any case? */
static int
word_in(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (n > 0 && ascii_lower((unsigned char)s[0]) ==
		    (unsigned char)(*list)[0] && strlen(*list) == n &&
		    ci_rest(s, *list, n))
			return 1;
	return 0;
}

/* The last words of s[0..n), at most max, from the last: w[i] and len[i]. */
static size_t
last_words(const char *s, size_t n, const char **w, size_t *len,
    size_t max)
{
	size_t k = 0, e;

	while (k < max) {
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (n == 0)
			break;
		e = n;
		while (n > 0 && s[n - 1] != ' ')
			n--;
		w[k] = s + n;
		len[k++] = e - n;
	}
	return k;
}

/*
 * Does s[0..n) end in the time since a comment was posted, as German,
 * French, Spanish, Portuguese, Italian and Dutch write English's "2 days
 * ago": "vor 22 Stunden", "il y a 3 jours", "hace 5 horas", "há 2 dias",
 * "4 ore fa", "3 uur geleden"?
 */
static int
ends_with_time_ago(const char *s, size_t n)
{
	static const char *const units[] = {
		"minute", "minuten", "stunde", "stunden", "tag", "tagen",
		"woche", "wochen", "monat", "monaten", "jahr", "jahren",
		"minutes", "heure", "heures", "jour", "jours", "semaines",
		"mois", "ans", "minutos", "hora", "horas", "d\xC3\xAD" "a",
		"d\xC3\xAD" "as", "semanas", "meses", "a\xC3\xB1" "os", "dia", "dias",
		"anos", "minuti", "ora", "ore", "giorno", "giorni", "settimane",
		"mesi", "anni", "uur", "dag", "dagen", "weken", "maanden",
		"jaar", NULL,
	};
	/* "il y a" ends in "a", which must follow "y". */
	static const char *const before[] = {
		"vor", "a", "hace", "h\xC3\xA1", NULL,
	};
	static const char *const after[] = { "fa", "geleden", NULL };
	const char *w[9];
	size_t len[9], k, phrase = 3;
	int il_y_a;

	/* Every word of units and after ends in a small ASCII letter. */
	if (n < 5 || s[n - 1] < 'a' || s[n - 1] > 'z')
		return 0;
	k = last_words(s, n, w, len, 3);

	/* The number first: most lines fail there, cheaply. */
	if (k < 3 || (!digits_only(w[1], len[1]) && !digits_only(w[2], len[2])))
		return 0;
	if (digits_only(w[1], len[1]) && word_in(w[0], len[0], units) &&
	    word_in(w[2], len[2], before))
		il_y_a = len[2] == 1;
	else if (digits_only(w[2], len[2]) && word_in(w[0], len[0], after) &&
	    word_in(w[1], len[1], units))
		il_y_a = 0;
	else
		return 0;
	k = last_words(s, n, w, len, 9);
	if (il_y_a)		/* "a" must follow "y" */
		phrase = k >= 4 && len[3] == 1 && (w[3][0] | 0x20) == 'y' ? 5 : 0;
	/* A name before it, three words at most: "Wie in Europas
	   Kolonialwarenläden vor 50 Jahren" is a subheading. */
	return phrase > 0 && k <= phrase + 3;
}

/*
 * Is the line the link to answer a comment and nothing else, a bullet
 * before it at most ("  • Antworten", "Reply")?  Printed under every
 * comment of a thread, it heads the next one.
 */
static int
reply_row(const struct line *l)
{
	size_t i = 0;

	if (l->letters == 0)	/* no letter to look for */
		return 0;
	while (i < l->n && !(word_bits[(unsigned char)l->s[i]] & 2))
		i++;
	return i < l->n && l->n - i <= 10 &&
	    ends_with_any_word(l->s + i, l->n - i, reply_words) &&
	    (word_bits[(unsigned char)l->s[i]] & 2) &&
	    memchr(l->s + i, ' ', l->n - i) == NULL;
}

/*
 * Could the line head a comment: a name and a time, and "said:" or
 * "(2 days ago)", or a dated line of a comment widget ("发表于 2005-9-15
 * 11:46")?  Asked of short lines with a digit that end no sentence.  One
 * alone may be a quote introduced in the article; the caller looks for
 * several.
 */
static int
comment_head(const struct line *l)
{
	static const char *const ago[] = {	/* before 前 */
		"分钟", "小时", "天", "分鐘", "小時",
	};
	const char *s = l->s;
	size_t n = l->n, i;

	/* A dated line that ends in a letter may end in "Reply". */
	if (l->has_date && ((l->kw & KW_COMMENT) || ((word_bits[(unsigned char)
	    s[n - 1]] & 2) && ends_with_any_word(s, n, reply_words))))
		return 1;
	/* "2 days ago", "(1 day ago)", "3小时前", "vor 22 Stunden" */
	if (ends_with_word(s, n, "ago") || (n > 0 && s[n - 1] == ')' &&
	    ends_with_word(s, n - 1, "ago")) || ends_with_time_ago(s, n))
		return 1;
	if (n >= 6 && !memcmp(s + n - 3, "\xE5\x89\x8D", 3))	/* 前 */
		for (i = 0; i < sizeof ago / sizeof ago[0]; i++) {
			size_t k = strlen(ago[i]);

			if (n >= k + 3 && !memcmp(s + n - 3 - k, ago[i], k))
				return 1;
		}
	if (n >= 3 && !memcmp(s + n - 3, "\xEF\xBC\x9A", 3))
		n -= 3;		/* a full-width colon */
	else if (n > 0 && s[n - 1] == ':')
		n--;
	else
		return 0;
	if (n > 0 && s[n - 1] == ' ')
		n--;		/* French spaces its colon: "Marie dit :" */
	return ends_with_any_word(s, n, says_words) ||
	    ends_with_any_word(s, n, wrote_words);
}

/* The length of a particle inside a name, "di" or "van", or 0. */
static size_t
name_particle(const char *p, const char *e)
{
	size_t k = 0;

	while (p + k < e && p[k] >= 'a' && p[k] <= 'z')
		k++;
	return k >= 2 && k <= 3 && p + k + 1 < e && p[k] == ' ' &&
	    p[k + 1] >= 'A' && p[k + 1] <= 'Z' ? k : 0;
}

int
is_says_line(const struct line *l)
{
	size_t n = l->n;

	if (n <= 6 || l->s[n - 1] != ':' || l->weight >= 16 || l->han >= 4)
		return 0;
	n -= l->s[n - 2] == ' ' ? 2 : 1;	/* "Marie dit :" */
	return ends_with_any_word(l->s, n, says_words);
}

/*
 * Does s[0..n) hold w as a word of its own, ASCII letters in any case?  A
 * biography names what its person is, "a writer", "the editor"; "the
 * highest contributors in urine" of an abstract names no one.
 */
static int
has_word_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), off = 0;
	const char *q;

	while ((q = find_ci(s + off, n - off, w)) != NULL) {
		size_t at = (size_t)(q - s);

		if ((at == 0 || !(word_bits[(unsigned char)s[at - 1]] & 2)) &&
		    (at + k == n || !(word_bits[(unsigned char)s[at + k]] & 2)))
			return 1;
		off = at + 1;
	}
	return 0;
}

int
is_bio(const struct line *l)
{
	static const char *const hans[] = {
		"作者简介", "作者簡介", "作者介绍", "作者介紹", "关于作者",
		"關於作者",
	};
	static const char *const verb[] = {
		" is a ", " is an ", " works for ", " writes for ",
		" writes about ", " covers ", " is the ", " has been reporting ",
		" has been writing ",
	};
	static const char *const role[] = {
		"reporter", "writer", "editor", "correspondent", "journalist",
		"contributor", "columnist", "blogger", "producer", "reporting",
		"writing",
	};
	const char *s = l->s, *e = l->s + l->n, *p;
	size_t i, k, names = 0;

	for (i = 0; i < sizeof hans / sizeof hans[0]; i++)
		if (l->n >= 12 && !memcmp(s, hans[i], 12))
			return 1;
	if (l->han > 0 || l->words < 5)
		return 0;
	/* A name: two to four capitalised words, a handle beside them. */
	for (p = s; p < e && names < 5;) {
		if (*p == '(' || *p == '@') {
			while (p < e && *p != ' ')
				p++;
		} else if (*p >= 'A' && *p <= 'Z') {
			while (p < e && *p != ' ')
				p++;
			names++;
		} else if (names > 0 && (k = name_particle(p, e)) > 0) {
			p += k;
		} else
			break;
		while (p < e && *p == ' ')
			p++;
	}
	if (names < 2 || names > 4 || p == s)
		return 0;
	/* Then what the person is, within a word or so. */
	for (i = 0; i < sizeof verb / sizeof verb[0]; i++) {
		const char *q = find_ci(p - 1, (size_t)(e - p + 1), verb[i]);

		if (q != NULL && q - p <= 12)
			break;
	}
	if (i == sizeof verb / sizeof verb[0])
		return 0;
	for (i = 0; i < sizeof role / sizeof role[0]; i++)
		if (has_word_ci(p, (size_t)(e - p), role[i]))
			return 1;
	return 0;
}

/*
 * A link to another story set into an article: "Related: The 15
 * Weirdest Galaxies", "READ MORE: China plague outbreak confirmed".  The
 * label word and a colon open it and a headline of three words or more
 * follows; a heading that ends the article ("Related Articles", "More
 * from Space") has no headline after it.
 */
static int
inline_link(const struct line *l)
{
	const char *colon = memchr(l->s, ':', l->n < 24 ? l->n : 24);
	size_t i, words = 0;

	if (colon == NULL)
		return 0;
	for (i = (size_t)(colon - l->s) + 1; i < l->n; i++)
		if (l->s[i] != ' ' && l->s[i - 1] == ' ')
			words++;
	return words >= 3;
}

/*
 * A link to the same story on the publisher's other site, set into the
 * article: "Also on rt.com Journalists & politicians from Morales' party
 * threatened …".  The label, a host name (a word with a dot inside it),
 * then a headline of three words or more, no sentence.
 */
static int
also_on_link(const struct line *l)
{
	const char *s = l->s, *e = l->s + l->n, *p;
	size_t words = 0;
	int dot = 0;

	if (l->n < 16 || ascii_lower((unsigned char)s[0]) != 'a' ||
	    !ci_rest(s, "also on ", 8))
		return 0;
	for (p = s + 8; p < e && *p != ' '; p++)
		if (*p == '.' && p + 1 < e && p[1] != ' ' && p > s + 8)
			dot = 1;
	for (; p + 1 < e; p++)
		if (*p == ' ' && p[1] != ' ')
			words++;
	return dot && words >= 3;
}

/*
 * The link to a video beside an article: w3m runs the headline into the
 * player's "Video" badge, "Taylor Swift 'informed enough' to talk
 * politicsVideo".  A word ending in small letters and then "Video" is
 * no word of English prose.
 */
static int
video_link(const struct line *l)
{
	const unsigned char *s = (const unsigned char *)l->s;
	size_t n = l->n;

	return n > 12 && l->han == 0 && !memcmp(s + n - 5, "Video", 5) &&
	    s[n - 6] >= 'a' && s[n - 6] <= 'z' && s[n - 7] >= 'a' &&
	    s[n - 7] <= 'z' && l->words >= 3;
}

/*
 * The rules a comment section states above its box: "As you comment,
 * please be respectful of other commenters…", "The Telegraph values
 * your comments but kindly requests all posts are … respectful.  Read
 * our community guidelines…".  A line about comments that speaks of
 * commenters, guidelines or respect is the box's, not the story's.
 */
static int
comment_rules(const struct line *l)
{
	static const char *const words[] = { "commenters", "guidelines",
	    "respectful", NULL };
	size_t i;

	/* Such a line names the comments in its first words; long lines
	   are not scanned for keywords, so there they are looked for. */
	if (l->han >= 4 || l->weight < 16 || l->weight >= 160 ||
	    (l->weight < 80 ? !(l->kw & KW_COMMENTS) :
	    find_ci(l->s, l->n < 48 ? l->n : 48, "comment") == NULL))
		return 0;
	for (i = 0; words[i] != NULL; i++)
		if (find_ci(l->s, l->n, words[i]) != NULL)
			return 1;
	return 0;
}

/*
 * A newsletter's pitch promises the reader's inbox: "Get Quanta Magazine
 * delivered to your inbox", "Watch for us in your inbox.", "Let our news
 * meet your inbox."  A sentence or two that says "your inbox" sells a
 * newsletter; an article about e-mail says more around it.
 */
static int
inbox_pitch(const struct line *l)
{
	return (l->kw & KW_PITCH) && l->han < 4 && l->sent <= 2;
}

/* Give l its label and the reason for --explain; returns 1, so that a
   rule below reads as one statement. */
static int
set_label(struct line *l, enum label label, const char *reason)
{
	l->label = (unsigned char)label;
	l->reason = reason;
	return 1;
}

/*
 * A numbered list of headlines run into one line, as w3m prints a
 * most-read box: "1 Taliban say … 2 Obama aides … 3 Don't toot … 4 …",
 * the numbers 1, 2, 3, 4 in order, each alone and before a capital.
 */
static int
numbered_run_together(const struct line *l)
{
	const char *s = l->s;
	size_t i, n = l->n;
	unsigned next = 1;

	if (l->digits < 4 || l->han >= 4)
		return 0;
	/* From digit to digit: the other bytes are passed over. */
	for (i = next_digit(s, 0, n); i + 2 < n && next <= 4;
	    i = next_digit(s, i + 1, n)) {
		unsigned k = 0;
		size_t j = i;

		if (i > 0 && s[i - 1] != ' ')
			continue;
		while (j < n && j < i + 2 && s[j] >= '0' && s[j] <= '9')
			k = 10 * k + (unsigned)(s[j++] - '0');
		if (k == next && j + 1 < n && s[j] == ' ' && s[j + 1] >= 'A' &&
		    s[j + 1] <= 'Z')
			next++;
		i = j;
	}
	return next > 4;
}

/*
 * An English byline: "By", then names in capitals, "By Phil Helsel",
 * "By Ann Lee and Bo Chan", no sentence.
 */
static int
is_byline(const struct line *l)
{
	const char *s = l->s;

	return l->n > 4 && (s[0] == 'B' || s[0] == 'b') && (s[1] == 'y' ||
	    s[1] == 'Y') && s[2] == ' ' && s[3] >= 'A' && s[3] <= 'Z' &&
	    l->han == 0 && l->words >= 3 && l->words <= 9 &&
	    l->capwords * 10 >= l->words * 6 && l->ends_sentence != 1 &&
	    l->digits == 0;
}

/*
 * The sign-off under an English article: how to write to the author or
 * follow the desk, "Email Tariq Malik at tmalik@space.com or follow him
 * @tariqjmalik.", "Write to Al Root at allen.root@dowjones.com", "Follow
 * Newsbeat on Instagram, Facebook, Twitter and YouTube."  An address or a
 * social network in the line, opened by the verb.
 */
static int
is_sign_off(const struct line *l)
{
	static const char *const verbs[] = { "email ", "e-mail ", "write to ",
	    "contact ", "reach ", "follow ", NULL };

	/* Every verb starts with one of these: most lines ask no more. */
	if (l->han >= 4 || l->weight >= 60)
		return 0;
	switch (ascii_lower((unsigned char)l->s[0])) {
	case 'e': case 'w': case 'c': case 'r': case 'f':
		break;
	default:
		return 0;
	}
	return opening_word(l->s, l->n, verbs) > 0 &&
	    ((l->kw & KW_EN) || memchr(l->s, '@', l->n) != NULL);
}

/*
 * The count a comment section opens with, alone on its line: "1
 * Comment", "12 Responses", "No Comments", "One thought", "0 replies",
 * "Comments (3)" (WordPress's comments_number and its kin).
 */
static int
is_comment_count(const char *s, size_t n)
{
	static const struct { const char *s; size_t n; } nouns[] = {
		{ "comments", 8 }, { "comment", 7 }, { "responses", 9 },
		{ "response", 8 }, { "replies", 7 }, { "reply", 5 },
		{ "thoughts", 8 }, { "thought", 7 },
	};
	size_t i = 0, j, k, d = 0;

	while (n > 0 && s[n - 1] == ':')
		n--;
	while (i < n && i < 6 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 0 && i < n && s[i] == ' ')
		i++;
	else if (i > 0)
		return 0;
	else if (n >= 4 && ascii_lower((unsigned char)s[0]) == 'o' &&
	    !memcmp(s + 1, "ne ", 3))
		i = 4;
	else if (n >= 3 && ascii_lower((unsigned char)s[0]) == 'n' &&
	    s[1] == 'o' && s[2] == ' ')
		i = 3;
	else if (ascii_lower((unsigned char)s[0]) != 'c' || s[n - 1] != ')')
		return 0;	/* not "Comments (3)" either */
	for (j = 0; j < sizeof nouns / sizeof nouns[0]; j++) {
		k = nouns[j].n;
		if (n - i < k || ascii_lower((unsigned char)s[i]) != nouns[j].s[0] ||
		    !ci_rest(s + i, nouns[j].s, k))
			continue;
		if (i > 0)	/* the count, then the noun alone */
			return i + k == n;
		/* "Comments (3)" */
		for (i = k + 2; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		return n - k >= 4 && s[k] == ' ' && s[k + 1] == '(' &&
		    d > 0 && i + 1 == n && s[i] == ')';
	}
	return 0;
}

/*
 * The heading of a comment section: its count alone, or the heading blog
 * software writes with the post's name, as long as a title: "10
 * thoughts on “Title”", "One Response to “Title”" (WordPress's
 * comments_number and the post's title), a count in figures or "One",
 * then the words kw_close holds, no sentence.
 */
static int
is_comments_heading(const struct line *l)
{
	if (l->ends_sentence == 1 || l->han >= 4 || l->weight >= 80)
		return 0;
	if (l->weight <= 4 && l->n < 32 && is_comment_count(l->s, l->n))
		return 1;
	if (!(l->kw & KW_CLOSE))
		return 0;
	return (l->s[0] >= '0' && l->s[0] <= '9') ||
	    (l->n > 4 && ascii_lower((unsigned char)l->s[0]) == 'o' &&
	    !memcmp(l->s + 1, "ne ", 3));
}

/* The signature that closes an embedded tweet (line.h). */
int
is_tweet_sign(const struct line *l)
{
	const char *h;

	if (!l->has_date || l->n < 8 || memcmp(l->s, "\xE2\x80\x94 ", 4) != 0 ||
	    (h = memchr(l->s, '(', l->n)) == NULL || h + 2 >= l->s + l->n ||
	    h[1] != '@')
		return 0;
	return memchr(h, ')', (size_t)(l->s + l->n - h)) != NULL;
}

/*
 * A line of a tweet embedded in the article: Twitter's embed code ends
 * its quote of the tweet with "— Name (@handle) Month D, YYYY", and the
 * tweet's picture is a pic.twitter.com link, the last word of its text.  The
 * tweet is part of the article, which quotes it; a date line or a
 * keyword of chrome ("twitter") it is not.
 */
static int
is_tweet_line(const struct line *l)
{
	const char *w;

	if (l->han >= 4)
		return 0;
	/* The link is the tweet's last word, which has a '/': looked for
	   first, the walk back to the word's start on every line showed in
	   profiles. */
	if (l->n > 16 && memchr(l->s, '/', l->n) != NULL) {
		for (w = l->s + l->n; w > l->s && w[-1] != ' '; w--)
			;
		if (l->s + l->n - w > 16 &&
		    memcmp(w, "pic.twitter.com/", 16) == 0)
			return 1;
	}
	return is_tweet_sign(l);
}

/*
 * A sign-up form's consent opens with "By signing up", "By clicking…" and
 * says what the reader agrees to; a paragraph that opens the same way
 * without agreeing to anything ("By clicking the gear icon, you…") is the
 * article's.
 */
static int
consent_words_alone(const struct line *l)
{
	size_t i = 0;

	while (i < l->n && l->s[i] == ' ')
		i++;
	return l->n - i > 3 && (l->s[i] | 0x20) == 'b' && (l->s[i + 1] | 0x20) == 'y' &&
	    l->s[i + 2] == ' ' && find_ci(l->s, l->n, "agree") == NULL;
}

/*
 * What a page prints for a browser that runs no JavaScript (its
 * <noscript>), in English, German, French, Spanish, Italian, Chinese and
 * Japanese: "JavaScript is currently disabled in this browser", "Bitte
 * aktivieren Sie JavaScript", "Theme NexT works best with JavaScript
 * enabled", "该网站在启用 JavaScript 的情况下效果最佳": a line short of a
 * paragraph that names the scripts and turning them on or off.  An
 * article about JavaScript says more than that, or says it otherwise.
 */
static int
noscript_line(const struct line *l)
{
	static const char *const turn[] = {
		"enable", "disabled", "turned off", "turn on", "aktivier",
		"deaktivier", "einschalten", "eingeschaltet", "ausgeschaltet",
		"activer", "activez", "habilit", "abilita", "\xE5\x90\xAF\xE7\x94\xA8",
		"\xE5\xBC\x80\xE5\x90\xAF", "\xE5\x85\x81\xE8\xAE\xB8",
		"\xE3\x82\xAA\xE3\x83\xB3", "\xE6\x9C\x89\xE5\x8A\xB9",
		"\xE7\x84\xA1\xE5\x8A\xB9",
	};
	size_t i;

	if (!(l->kw & KW_SCRIPT) || l->weight >= 48 || l->sent > 2)
		return 0;
	for (i = 0; i < sizeof turn / sizeof turn[0]; i++)
		if (find_ci(l->s, l->n, turn[i]) != NULL)
			return 1;
	return 0;
}

/*
 * A message PHP printed into the page in place of the markup it failed to
 * make: "Warning: Use of undefined constant x - assumed 'x' in
 * /var/www/wp-content/themes/t/sidebar.php on line 45", as its error
 * handler formats every one: the level, a colon, the message, " in ",
 * the script's path and " on line " with the number.
 */
static int
php_message(const struct line *l)
{
	static const char *const level[] = {
		"Warning: ", "Notice: ", "Deprecated: ", "Fatal error: ",
		"Parse error: ", "Strict Standards: ", "Catchable fatal error: ",
	};
	static const char on_line[] = " on line ";
	const char *s = l->s, *e = l->s + l->n;
	size_t i, k;

	while (e > s && e[-1] >= '0' && e[-1] <= '9')
		e--;
	k = sizeof on_line - 1;
	if ((size_t)(e - s) < k || memcmp(e - k, on_line, k) != 0)
		return 0;
	while (s < e && *s == ' ')
		s++;
	for (i = 0; i < sizeof level / sizeof level[0]; i++) {
		k = strlen(level[i]);
		if ((size_t)(e - s) > k && !memcmp(s, level[i], k))
			return find_bytes(s + k, (size_t)(e - s) - k,
			    LIT(" in /")) != NULL || find_bytes(s + k,
			    (size_t)(e - s) - k, LIT(":\\")) != NULL;
	}
	return 0;
}

/*
 * The labels a line takes by its keywords and dates: a notice, a heading
 * that ends the article, a credit or date line, a copyright line, a
 * widget.  Returns 0 if it takes none of them.
 */
static int
label_by_words(struct line *l)
{
	unsigned w = l->weight;
	int short_line = w < 40 && !(l->ends_sentence == 1 && w >= 20);

	if (is_tweet_line(l))
		return set_label(l, L_SHORT, "a tweet quoted in the article");
	if (l->n >= 40 && l->s[l->n - 1] >= '0' && l->s[l->n - 1] <= '9' &&
	    php_message(l))
		return set_label(l, L_CHROME, "a message of PHP's error handler");
	if ((l->kw & KW_NOTICE) && !consent_words_alone(l))
		return set_label(l, L_CHROME, "notice or disclaimer");
	if (numbered_run_together(l))
		return set_label(l, L_CHROME, "numbered headlines run together");
	/* A form's field and its label, "Email(required) [      ]": a
	   widget, which the body does not cross as it crosses a picture. */
	if (w < 12 && l->sent == 0 && has_text_box(l->s, l->n))
		return set_label(l, L_CHROME, "form field");
	if (w < 48 && l->ends_sentence != 1 && l->han < 4 &&
	    !(l->kw & (KW_END | KW_CLOSE)) && (l->kw & KW_END_EN) &&
	    inline_link(l))
		return set_label(l, L_CHROME, "link to another story");
	if (w < 40 && l->ends_sentence != 1 && (also_on_link(l) ||
	    video_link(l)))
		return set_label(l, L_CHROME, "link to another story");
	if ((l->kw & KW_POINTER) && w < 80 && l->han == 0 &&
	    pointer_link(l->s, l->n) >= 4) {
		/* Set into the article: the run crosses it as it crosses
		   a short line. */
		l->aside = 1;
		return set_label(l, L_CHROME, "link to another story");
	}
	if (w < 24 && l->ends_sentence != 1 && ((l->kw & KW_END) ||
	    (l->han < 4 && (l->kw & KW_END_EN))))
		return set_label(l, L_END, "end-of-article heading");
	if (is_comments_heading(l))
		return set_label(l, L_END, "heading of the comments");
	if (short_line && (l->kw & KW_META))
		return set_label(l, L_META, reason_meta_kw);
	if (short_line && is_byline(l))
		return set_label(l, L_META, "byline");
	/* "By Oliver Staley • 05/26/22 4:20pm": the byline with its date. */
	if (short_line && l->has_date && l->ends_sentence != 1 && l->n > 4 &&
	    l->s[0] == 'B' && l->s[1] == 'y' && l->s[2] == ' ' &&
	    l->s[3] >= 'A' && l->s[3] <= 'Z' && l->han == 0)
		return set_label(l, L_META, "byline with its date");
	if (inbox_pitch(l))
		return set_label(l, L_CHROME, "a newsletter's pitch");
	if (comment_rules(l))
		return set_label(l, L_CHROME, "the rules of the comment section");
	if (is_sign_off(l))
		return set_label(l, L_CHROME, "the author's address or a follow prompt");
	/* A dateline with its time has commas and a colon and no clause:
	   "Nov. 19, 2019, 8:41 AM UTC". */
	if (short_line && l->has_date && l->ends_sentence != 1 &&
	    (l->clause < 3 || (w < 16 && l->han == 0 && l->upper > 0)))
		return set_label(l, L_META, "date line");
	/* A footer line of any length: it names the copyright and does not
	   end a sentence as prose mentioning it would. */
	if (l->ends_sentence != 1 && (l->kw & KW_FOOTER) && (l->kw & KW_END))
		return set_label(l, L_CHROME, "copyright line");
	if (short_line && (l->kw & (KW_FOOTER | KW_SHARE |
	    KW_LOGIN | KW_CONTACT)))
		return set_label(l, L_CHROME, "chrome keyword");
	if (w < 16 && l->ends_sentence != 1 && (l->kw & (KW_RELATED | KW_COMMENT)))
		return set_label(l, L_CHROME, "list or comment heading");
	if (l->han < 4 && w < 24 && l->ends_sentence != 1 &&
	    (l->kw & KW_EN))
		return set_label(l, L_CHROME, "chrome keyword");
	return 0;
}

/*
 * The labels a line takes by its shape: copies on the page, separators,
 * capitals, sentences; a call to action among them.
 */
static void
label_by_shape(const struct strip_opts *o, struct line *l)
{
	unsigned w = l->weight;

	/* A headline shown twice is a link list; a paragraph shown twice is
	   an article printed twice, and its first copy is the body. */
	if (l->dup && (l->copies >= 3 || w <= 2) && w <= 4 &&
	    l->digits == 0 && !l->bullet && l->ends_sentence != 1 &&
	    l->han == 0)
		/* A word on two rows, or two on three or more: the label of
		   a button each box of the page repeats ("Report", "Buy
		   Now", "Reply") or the name of a byline box, not a
		   heading of the article. */
		set_label(l, L_CHROME, "a word or two repeated on the page");
	/* A call to action is chrome however often the page prints it. */
	else if (l->han < 4 && w < 80 && (l->kw & KW_CTA))
		set_label(l, L_CHROME, "call to action");
	else if (l->dup && !(l->ends_sentence == 1 && w >= 40))
		set_label(l, L_LIST, "twice on the page");
	else if (l->dup == 2)
		set_label(l, L_REPEAT, "copy of an earlier paragraph");
	else if (l->seps >= 2 && l->sent == 0 && l->seps * 6 >= w / 2)
		set_label(l, L_LIST, "separated links");
	/*
	 * A line in capitals is a heading, a kicker or a promotion; a long
	 * one that is not a row of figures shouts another story's headline
	 * or an app at the reader: subheadings in capitals are a few words.
	 */
	else if (l->words >= 6 && l->han == 0 &&
	    l->upper * 10 >= l->letters * 8 && 2 * l->digits < l->words)
		set_label(l, L_CHROME, "headline in capitals");
	else if (l->words >= 3 && l->han == 0 && l->upper * 10 >= l->letters * 8)
		set_label(l, L_LIST, "all capitals");
	/* Most words capitalised: a headline in title case; as a bullet
	   item, a link to another article. */
	else if (l->han == 0 && l->words >= 4 &&
	    l->capwords * 10 >= l->words * 7 && l->sent <= 1)
		set_label(l, l->bullet ? L_CHROME : L_SHORT, l->bullet ?
		    "headline link" : "title case");
	/* A short question or exclamation alone: a headline or a
	   subheading, which the body keeps only inside itself. */
	else if (l->ends_sentence == 1 && l->sent == 1 && l->clause == 0 &&
	    w < 24 && l->last_punct != 0x3002 && l->last_punct != '.')
		set_label(l, L_SHORT, "short question or exclamation");
	/* Headlines have commas too but no full stop: a line is prose if it
	   ends a sentence, or is long and built of clauses. */
	else if (l->ends_sentence == 1 || (w >= 3 * o->min_prose &&
	    l->sent + l->clause >= 2)) {
		if (l->teaser && l->sent <= 1)
			set_label(l, L_LIST, "teaser ending in ...");
		else
			set_label(l, L_PROSE, "prose");
	} else if (l->bullet)
		set_label(l, L_LIST, "bullet item");
	else
		set_label(l, L_SHORT, "short, no sentence");
}

/* Is c a byte of a name in a program: a letter, a digit or '_'? */
static int
name_byte(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z') || c == '_';
}

/*
 * Does s[0..n) hold what only programs write: an assignment, a call or
 * an index right after a name ("x = 1", "f(a)", "v[i]"), a brace or a
 * '$'?  An enumeration's "(2)" or "(a)" opens no call.
 */
static int
has_code_mark(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		char c = s[i];

		if (c == '=' || c == '{' || c == '}' || c == '$')
			return 1;
		if ((c == '(' || c == '[') && i > 0 && name_byte(s[i - 1]))
			return 1;
	}
	return 0;
}

/* Does s[0..n) end in a character reference left by the page ("&#8230;",
   "&amp;")?  Its ';' ends no statement. */
static int
ends_in_entity(const char *s, size_t n)
{
	size_t i = n - 1, k = 0;

	while (i > 0 && k <= 8 && ((s[i - 1] >= '0' && s[i - 1] <= '9') ||
	    ((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z') ||
	    s[i - 1] == '#'))
		i--, k++;
	return i > 0 && k > 0 && s[i - 1] == '&';
}

/*
 * Is the line one of a program's source, as a technical article prints
 * it: a statement ended by ';' or a block opened by '{', with a mark of
 * code in it and no Han character ("$im = $bg->merge($a, 10, 20);",
 * "if (x) {"; an enumeration's "(2) 传递这种资源的某种表现层;" is none),
 * or a comment opened by two slashes or a slash and a star ("// Load
 * the avatar"; '#' opens too many lines of prose to count).  Only a
 * line among others of code counts (mark_code_blocks).  A markup tag
 * alone is no sign: the HTML a dump leaks is an advert's or a tracker's
 * more often than an article's listing.
 */
static int
is_code(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->n;

	if (n < 2 || l->ends_sentence == 1)
		return 0;
	if (s[0] == '/' && (s[1] == '/' || s[1] == '*'))
		return 1;
	if ((s[n - 1] != ';' && s[n - 1] != '{') || ends_in_entity(s, n) ||
	    l->han > 0)
		return 0;
	return has_code_mark(s, n);
}

/* Does s[0..n) open with the word w, then a space, a ':' or its end? */
static int
opens_with_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s, w, k) == 0 &&
	    (n == k || s[k] == ' ' || s[k] == ':');
}

/* The length of the name s[0..n) opens with, dots and indexes in it
   ("self.val", "stack[-1]"), 0 if it opens with none. */
static size_t
dotted_name(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0 || !name_byte(s[0]) || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	while (i < n && (name_byte(s[i]) || s[i] == '.' ||
	    (s[i] == '[' && memchr(s + i, ']', n - i) != NULL) ||
	    s[i] == ']' || s[i] == '-'))
		i++;
	return i;
}

/*
 * Is the line, no Han in it, one of a Python program's (whose statements
 * end in no ';'): a compound statement's header ("def f(a):", "for i in
 * range(n):", "class Solution:", "else:"), a simple statement opened by
 * its keyword ("return res", "import os", "pass"), an assignment ("stack
 * = []", "node = stack.pop(0)") or a call through a dotted name
 * ("res.append(node.val)").  The words of the grammar are lower case;
 * "For example:" is prose.
 */
static int
is_python(const struct line *l)
{
	static const char *const header[] = {
		"def", "class", "if", "elif", "else", "for", "while", "with",
		"try", "except", "finally", NULL
	};
	const char *s = l->s, *const *w, *simple;
	size_t n = l->n, k;

	if (l->han > 0 || l->ends_sentence == 1 || s[0] < 'a' || s[0] > 'z')
		return 0;
	if (s[n - 1] == ':') {
		for (w = header; *w; w++)
			if (opens_with_word(s, n, *w))
				return 1;
		return 0;
	}
	/* The simple statements' keywords, one to a first letter but for
	   "break" beside "b"'s none else: most lines ask one question. */
	switch (s[0]) {
	case 'r': simple = n > 2 && s[2] == 't' ? "return" : "raise";
		break;
	case 'i': simple = "import"; break;
	case 'f': simple = "from"; break;
	case 'p': simple = "pass"; break;
	case 'b': simple = "break"; break;
	case 'c': simple = "continue"; break;
	case 'y': simple = "yield"; break;
	default: simple = NULL;
	}
	if (simple != NULL && opens_with_word(s, n, simple))
		return s[n - 1] != ',';
	k = dotted_name(s, n);
	if (k == 0 || k == n)
		return 0;
	if (s[k] == '(' && s[n - 1] == ')' && memchr(s, '.', k) != NULL)
		return 1;
	while (k < n && s[k] == ' ')
		k++;
	if (k + 1 < n && strchr("+-*/", s[k]) != NULL && s[k + 1] == '=')
		k++;
	return k + 1 < n && s[k] == '=' && s[k + 1] == ' ';
}

/* The label of a line taken by itself, with the reason for --explain. */
void
label_line(const struct strip_opts *o, struct line *l)
{
	unsigned w = l->weight;
	const char *media;

	if (l->n == 0) {
		set_label(l, L_BLANK, "blank");
		return;
	}
	if (w < 24 && l->digits > 0 && l->ends_sentence != 1)
		l->chead = (unsigned char)comment_head(l);
	else if (w <= 2 && l->copies >= 2 && reply_row(l))
		l->chead = 1;
	if (w == 0 || (media = is_media(l)) != NULL ||
	    (media = is_caption(l)) != NULL)
		set_label(l, L_MEDIA, w == 0 ? "no words" : media);
	else if (!label_by_words(l)) {
		label_by_shape(o, l);
		/* A button's label in another language is dropped, but
		   costs the run what its shape costs: where such rows
		   cost as chrome (or as a short line) the run of a few dev
		   meta-pages lost a lead paragraph (or crossed into the
		   comments). */
		if ((l->kw & KW_LABEL) && l->han == 0 && w < 24 &&
		    l->ends_sentence != 1 && label_row(l->s, l->n)) {
			l->button = 1;
			l->reason = "a label of page chrome";
		} else if ((l->kw & KW_CREDIT) && w < 24 && l->han == 0) {
			/* The same for a picture's credit in another
			   language: as a credit (cheap to cross) the run
			   of three dev meta-pages crossed into the boxes
			   of teasers whose pictures they credit. */
			l->button = 1;
			l->reason = "photo credit";
		} else if (noscript_line(l)) {
			/* The same for what a page says without its
			   scripts: as chrome it cut the run of a zh blog
			   (dev meta-page) between the title and its
			   first section. */
			l->button = 1;
			l->reason = "what a page says without JavaScript";
		}
	}
	/* Most lines are told from code by their first and last bytes. */
	if (l->label != L_MEDIA && (l->s[0] == '/' || l->s[l->n - 1] == ';' ||
	    l->s[l->n - 1] == '{'))
		l->code = (unsigned char)is_code(l);
	else if (l->label != L_MEDIA && l->s[0] >= 'a' && l->s[0] <= 'z')
		l->code = (unsigned char)is_python(l);
}
