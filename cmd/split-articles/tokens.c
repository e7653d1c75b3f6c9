/*
 * tokens.c - the page splitter's one pass over a line: characters counted
 * by kind, words cut out for the links, glue cues found (see tokens.h).
 */
#include <string.h>

#include "bytes.h"
#include "tokens.h"

/* Tables of 256 and 4096 entries, entry i being F(i), built by the compiler. */
#define T4(F, i) F(i), F((i) + 1), F((i) + 2), F((i) + 3)
#define T16(F, i) T4(F, i), T4(F, (i) + 4), T4(F, (i) + 8), T4(F, (i) + 12)
#define T64(F, i) T16(F, i), T16(F, (i) + 16), T16(F, (i) + 32), T16(F, (i) + 48)
#define T256(F, i) T64(F, i), T64(F, (i) + 64), T64(F, (i) + 128), T64(F, (i) + 192)
#define T1024(F, i) T256(F, i), T256(F, (i) + 256), T256(F, (i) + 512), \
	T256(F, (i) + 768)
#define T4096(F, i) T1024(F, i), T1024(F, (i) + 1024), T1024(F, (i) + 2048), \
	T1024(F, (i) + 3072)

/* ASCII letters and digits. */
#define WORD(c) (((c) >= '0' && (c) <= '9') || \
	((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
/*
 * A word's byte folded to lower case (a digit is its own: 0x30..0x39 have
 * the 0x20 bit), any other byte 0: read, tested and folded by one load.
 */
#define WORDC(c) (unsigned char)(WORD(c) ? (c) | 0x20 : 0)
static const unsigned char wordc[256] = { T256(WORDC, 0) };

/* Not ASCII, not punctuation, symbols, box drawing or full-width forms. */
#define LETTER(c) ((c) >= 0xc0 && !((c) >= 0x2000 && (c) < 0x2e80) && \
	!((c) >= 0x3000 && (c) < 0x3040) && !((c) >= 0xfe30 && (c) < 0xff10))
/* Counted as CJK: the CJK blocks and Hangul syllables. */
#define CJK(c) (((c) >= 0x3000 && (c) < 0xa000) || ((c) >= 0xac00 && (c) < 0xd7b0))

/*
 * LETTER() and CJK() of the code points below 0x10000 by blocks of 16
 * (every bound above is a multiple of 16), the blocks of the two glue
 * cues of glue_cue() and ASCII's (three bytes can spell it, overlong):
 * one lookup per character, not eight comparisons.
 */
enum { U_CJK = 1, U_LETTER = 2, U_CUE = 4, U_ASCII = 8 };
#define UBLOCK(b) (unsigned char)((LETTER((b) << 4) ? U_LETTER : 0) | \
	(CJK((b) << 4) ? U_CJK : 0) | \
	((b) == 0x2022 >> 4 || (b) == 0x7f6e >> 4 ? U_CUE : 0) | \
	((b) < 0x80 >> 4 ? U_ASCII : 0))
static const unsigned char ublock[0x10000 >> 4] = { T4096(UBLOCK, 0u) };

/*
 * Whether p[i..n), i < n, starts with three bytes of UTF-8, and *c their
 * code point: the bytes are tested and decoded in one register.
 */
static inline int
three(const unsigned char *p, size_t i, size_t n, uint32_t *c)
{
	uint32_t w;

	if (n - i >= 4)
		w = load_le32(p + i);
	else if (n - i == 3)
		w = (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16;
	else
		return 0;
	if ((w & 0xC0C0F0) != 0x8080E0)
		return 0;
	*c = (w & 0x0F) << 12 | (w >> 2 & 0xFC0) | (w >> 16 & 0x3F);
	return 1;
}

/* Whether a page may begin at p[k], a cue in line p: see tokens.h. */
static inline int
glue_ok(const unsigned char *p, size_t k, size_t from)
{
	return k >= from && p[k - 1] != ' ' && p[k - 1] != '\t';
}

/* A breadcrumb's 位置 at p[at]: where it begins with 当前/您的/..., or 0. */
static size_t
glue_crumb(const unsigned char *p, size_t at, size_t from)
{
	static const char head[][7] = { "当前", "當前", "您的", "你的", "现在", "所在" };
	size_t j;

	if (at < 6 || !glue_ok(p, at - 6, from))
		return 0;
	for (j = 0; j < sizeof head / sizeof head[0]; j++)
		if (!memcmp(p + at - 6, head[j], 6))
			return at - 6;
	return 0;
}

/*
 * A site's logo as w3m writes its image, "[logo]", "[head_logo_]", at
 * p[at]: at where a page may begin there, else 0.
 */
static size_t
glue_logo(const unsigned char *p, size_t n, size_t at, size_t from)
{
	size_t j;

	for (j = at + 1; j < n && j < at + 24 && p[j] != ']'; j++)
		if (ascii_lower(p[j]) == 'l' && j + 4 <= n &&
		    ascii_lower(p[j + 1]) == 'o' && ascii_lower(p[j + 2]) == 'g' &&
		    ascii_lower(p[j + 3]) == 'o')
			return glue_ok(p, at, from) ? at : 0;
	return 0;
}

/* A cue, c (• or 置) at p[at] after prev: where a page may begin, or 0. */
static size_t
glue_cue(const unsigned char *p, size_t n, size_t at, uint32_t c, uint32_t prev,
    size_t from)
{
	if (c == 0x2022 && at + 3 < n && p[at + 3] == ' ') {
		size_t k = at;	/* • and the indent before it */

		while (k > from && p[k - 1] == ' ')
			k--;
		return glue_ok(p, k, from) ? k : 0;
	}
	if (c == 0x7f6e && prev == 0x4f4d)
		return glue_crumb(p, at - 3, from);	/* 位置 */
	return 0;
}

#define FNV_BASIS 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

/*
 * Whether there is room for one more token at tp, the end of the table
 * being tend: always, in a line too short to fill the table (long is 0,
 * a constant where tok_scan() is inlined), see tok_line().
 */
static inline int
tok_room(const uint32_t *tp, const uint32_t *tend, int long_line)
{
	return !long_line || tp < tend;
}

/* The word hashed into wh, from wstart, ends at at: a token if it counts. */
static inline void
word_end(uint32_t **tp, const uint32_t *tend, int long_line, uint64_t wh,
    size_t wstart, size_t at, unsigned alpha)
{
	if (wh && at - wstart >= 3 && alpha && tok_room(*tp, tend, long_line))
		*(*tp)++ = (uint32_t)(wh >> 32) | 1;
}

/*
 * The run of ASCII letters and digits from p[i] (one at least) of
 * p[0..n), folded into the FNV-1a hash *h: returns where it ends, its
 * digits in *ndigits.  Its bytes are read once, each by one table load;
 * digits, rare in words, are counted apart, in a run that has one (a
 * folded letter has the 0x40 bit, a digit not).  With ends (p[n] is the
 * line's newline, which no word holds) the run needs no bound.
 */
static inline size_t
word_run(const unsigned char *p, size_t i, size_t n, int ends, uint64_t *h,
    unsigned *ndigits)
{
	uint64_t x = *h;
	unsigned c = wordc[p[i]], all = 0x40, d = 0;
	size_t from = i;

	if (ends)
		do {
			x = (x ^ c) * FNV_PRIME;
			all &= c;
			c = wordc[p[++i]];
		} while (c);
	else
		do {
			x = (x ^ c) * FNV_PRIME;
			all &= c;
			if (++i == n)
				break;
			c = wordc[p[i]];
		} while (c);
	if (!all)
		for (; from < i; from++)
			d += p[from] <= '9';
	*h = x;
	*ndigits = d;
	return i;
}

/*
 * The hottest loop of the splitter, hand-tuned (callgrind): longer than
 * a function should be, since each kind of byte has its own path and the
 * state of the word being read lives in registers across them.  prev is
 * the character before if it is a letter (the first of a pair), else 0.
 * long_line: the line may hold more than MAX_TOKENS tokens (a constant
 * where this is inlined).
 */
static inline __attribute__((always_inline)) void
tok_scan(struct tokens *t, const unsigned char *p, size_t n, size_t first,
    int nl, int long_line)
{
	uint32_t prev = 0, c, *tp = t->tok;
	const uint32_t *tend = t->tok + MAX_TOKENS;
	size_t i = first, wstart = 0, glue_at = 0, glue_from = first + GLUE_HEAD;
	/* Characters by kind: ASCII letters and digits (alnum), of them the
	   digits, and the others but white space. */
	unsigned alnum = 0, digits = 0, other = 0, alpha = 0, ncjk = 0, u;
	unsigned gaps = 0;
	uint64_t wh = 0;

	while (i < n) {
		size_t at = i;

		if (p[i] == ' ') {
			/* A run of spaces ends a word and a bigram, nothing else. */
			word_end(&tp, tend, long_line, wh, wstart, at, alpha);
			wh = 0;
			prev = 0;
			/* Mostly one space, between two words: no run to skip. */
			if (i + 1 < n && p[i + 1] != ' ')
				i++;
			else
				i = (size_t)((const unsigned char *)skip_spaces(
				    (const char *)p + i, (const char *)p + n) - p);
			/* Between text: p[first] is not a space (tokens.h). */
			gaps += i < n;
			continue;
		}
		if (wordc[p[i]]) {
			/* ASCII letters and digits, a word's, hashed at one go. */
			unsigned run, ndigits;

			if (!wh) {
				if (p[i] == 'S' && !glue_at && n - i >= 8 &&
				    !memcmp(p + i, "Skip to ", 8) && glue_ok(p, i, glue_from))
					glue_at = i;
				wh = FNV_BASIS;
				wstart = i;
				alpha = 0;
			}
			i = word_run(p, i, n, nl, &wh, &ndigits);
			run = (unsigned)(i - at);
			alpha |= run != ndigits;
			alnum += run;
			digits += ndigits;
			prev = 0;
			continue;
		}
		if (p[i] < 0x80) {
			/* ASCII punctuation or control: ends a word and a bigram. */
			c = p[i++];
			word_end(&tp, tend, long_line, wh, wstart, at, alpha);
			wh = 0;
			if (c != '\t' && c != '\r')
				other++;
			gaps += c == '|' && at > first && p[at - 1] != ' ';
			if (c == '[' && !glue_at)
				glue_at = glue_logo(p, n, at, glue_from);
			prev = 0;
			continue;
		}
		if (three(p, i, n, &c)) {
			/* Three bytes: all of CJK, the common case. */
			i += 3;
			u = ublock[c >> 4];
			if (__builtin_expect(u & U_CUE, 0) && (c == 0x2022 || c == 0x7f6e) &&
			    !glue_at)
				glue_at = glue_cue(p, n, at, c, prev, glue_from);
		} else {
			/* The code point, or near enough for a stray byte. */
			c = p[i] >= 0xf0 ? p[i] & 0x07 : p[i] >= 0xe0 ? p[i] & 0x0f :
			    p[i] & 0x1f;
			for (i++; i < n && (p[i] & 0xc0) == 0x80; i++)
				c = c << 6 | (p[i] & 0x3f);
			if (c == 0xa0)	/* NBSP: white space, w3m pads with it */
				c = ' ';
			u = c < 0x10000 ? ublock[c >> 4] : LETTER(c) ? U_LETTER : 0;
		}
		if (c < 0x80) {
			/*
			 * NBSP, or a stray overlong form of an ASCII character: taken
			 * as that character (not folded to lower case).
			 */
			if (wordc[c]) {
				if (!wh) {
					wh = FNV_BASIS;
					wstart = at;
					alpha = 0;
				}
				wh = (wh ^ c) * FNV_PRIME;
				alpha |= c > '9';
				alnum++;
				digits += c <= '9';
			} else {
				word_end(&tp, tend, long_line, wh, wstart, at, alpha);
				wh = 0;
				if (c != ' ' && c != '\t' && c != '\r')
					other++;
				if (c == '[' && !glue_at)
					glue_at = glue_logo(p, n, at, glue_from);
			}
			prev = 0;
			continue;
		}
		word_end(&tp, tend, long_line, wh, wstart, at, alpha);
		wh = 0;
		/*
		 * This character, and those after it while they are three bytes
		 * long, not cues and not overlong ASCII: between them there is no
		 * word to end and no cue to see to.
		 */
		for (;;) {
			ncjk += u & U_CJK;
			other++;
			if (!(u & U_LETTER))
				prev = 0;
			else {
				if (prev && tok_room(tp, tend, long_line))
					*tp++ = (uint32_t)(((uint64_t)prev << 21 | c) *
					    0x9e3779b97f4a7c15ull) | 1;
				prev = c;
			}
			if (!three(p, i, n, &c) || ((u = ublock[c >> 4]) & (U_CUE | U_ASCII)))
				break;
			i += 3;
		}
	}
	word_end(&tp, tend, long_line, wh, wstart, n, alpha);
	t->n = (unsigned)(tp - t->tok);
	t->glue_at = glue_at;
	t->first = first;
	t->chars = alnum + other;
	t->cjk = ncjk;
	t->latin = alnum - digits;
	t->digits = digits;
	t->gaps = gaps;
}

/*
 * Every token holds bytes of its own, two at least (a word's three or
 * more, a letter of a pair's two or more: no letter is ASCII), so a line
 * of at most 2 * MAX_TOKENS bytes from first, most lines, cannot fill the
 * table, and is read without asking for room at each token.  Most of
 * those end in a newline, where a word ends with no bound to check: that
 * path is compiled with both known.
 */
void
tok_line(struct tokens *t, const unsigned char *p, size_t n, size_t first,
    int nl)
{
	if (nl && n - first <= 2 * MAX_TOKENS)
		tok_scan(t, p, n, first, 1, 0);
	else
		tok_scan(t, p, n, first, nl, 1);
}
