/*
 * encdetect.c - the encoding detector (see encdetect.h for the order of
 * decisions).  The scoring follows the idea of chardetng and uchardet: a
 * candidate charset is judged by how plausible the text it decodes to is,
 * as a cost in half bits, -log2 of the probability the models give the
 * text; the cheapest candidate that decodes every byte wins.  The models
 * are generated tables (encmodel.c).
 */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "encdetect.h"
#include "encmodel.h"
#include "utf8.h"

/*
 * Tunable constants, chosen by 4-fold cross-validation over the dev corpus
 * (models rebuilt without each fold); -D on the command line overrides
 * them for experiments.  Costs are in half bits.
 *
 * The four costs of what a reading does to words were swept with
 * scripts/sweep-encmodel.sh (2026-12-07): each is flat on the folds over a
 * wide range, so each takes the middle, on a log scale, of the range where
 * the folds (1470/1479) and the dev pages of scripts/enc-western --dev
 * (1924/1949 pages, 11257/11359 lines) are both at their best.
 * MIX_COST: 20 1467, 30 1468, 40..120 1470 (dev pages 1923 at 120): 40..80.
 * CASE_COST: 0 1468, 8 1469, 16..96 1470: 16..96.
 * IN_WORD_COST: 0 and 10 1468, 15 1469, 20..160 1470: 20..160.
 * CAPITAL_COST: 0..8 1469, 12..512 1470 (dev pages 1919 at 128, 1918 at
 * 256): 12..64.  Together (56, 40, 56, 28): 1470/1479, dev as above.
 */
#ifndef MIX_COST
#define MIX_COST 56		/* letter of another script beside an ASCII letter */
#endif
#ifndef CASE_COST
#define CASE_COST 40		/* an upper-case letter right after a lower-case one */
#endif
#ifndef IN_WORD_COST
#define IN_WORD_COST 56		/* a symbol between two ASCII letters */
#endif
#ifndef CAPITAL_COST
#define CAPITAL_COST 28		/* a capital right after an ASCII lower-case letter */
#endif
#ifndef CONTROL_COST
#define CONTROL_COST 60		/* a control decoded by a single-byte charset */
#endif
#ifndef DECLARED_SLACK
#define DECLARED_SLACK 3	/* per non-ASCII byte a declared charset may lose by */
#endif
#ifndef RARE_PRIOR
#define RARE_PRIOR 12		/* a charset seldom met on the web */
#endif
#ifndef CJK_PLAIN
#define CJK_PLAIN 11		/* per non-ASCII byte: only real CJK text is cheaper */
#endif
#ifndef QUICK_KEEP
#define QUICK_KEEP 64		/* charset/language maps given the bigram score */
#endif
#define RARE_COST 34		/* a valid multi-byte code with no table entry */
#define BAD_COST 80		/* an invalid sequence in damaged multi-byte text */
#ifndef LENIENT_ABOVE
#define LENIENT_ABOVE 14	/* per non-ASCII byte: worse is no reading at all */
#endif
#ifndef WORDS_WEIGHT
#define WORDS_WEIGHT 8		/* sixteenths: weight of the share of ASCII words */
#endif
#ifndef ASCII_WEIGHT
#define ASCII_WEIGHT 8		/* sixteenths: weight of the ASCII words' language */
#endif
/* How much of a long input is scored: plenty to decide, bounded time. */
#define SCORE_WINDOW (64 * 1024)
/* Single-byte scoring stops after this many non-ASCII bytes: enough to tell. */
#ifndef SB_MAX_HIGH
#define SB_MAX_HIGH 1024
#endif

/*
 * The prior of a charset, as a cost: those a web page or a text file is
 * most often in cost nothing, the rest a little, which tells only on short
 * inputs.
 */
static const char *const common_charsets[] = {
	"UTF-8", "GB18030", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR", "windows-1250",
	"windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255",
	"windows-1256", "windows-1257", "windows-1258", "KOI8-R", "ISO-8859-1",
	"ISO-8859-2", "ISO-8859-5", "ISO-8859-7", "ISO-8859-9", "ISO-8859-15", "TIS-620",
	"ISO-8859-6", "ISO-8859-8", "IBM866", "x-mac-cyrillic", "IBM855",
};

static long
prior(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof common_charsets / sizeof common_charsets[0]; i++)
		if (!strcmp(name, common_charsets[i]))
			return 0;
	return RARE_PRIOR;
}

/* ---- candidates ---------------------------------------------------- */

struct cand {
	const char *name;
	long cost;		/* half bits over the scored window */
	int rank;		/* preference among equal costs */
	int lenient;		/* decodes only with a few bad sequences forgiven */
};

#define MAXCAND 64

struct cands {
	struct cand c[MAXCAND];
	int n;
};

static void
add_cand(struct cands *cs, const char *name, long cost, int rank)
{
	int i;

	/* Names come from the static tables: one pointer per charset. */
	for (i = 0; i < cs->n; i++)
		if (cs->c[i].name == name) {
			if (cost < cs->c[i].cost)
				cs->c[i].cost = cost;
			return;
		}
	if (cs->n < MAXCAND)
		cs->c[cs->n++] = (struct cand){ name, cost, rank, 0 };
}

/* ---- multi-byte charsets ------------------------------------------- */

enum mb_kind { MB_GB18030, MB_BIG5, MB_SJIS, MB_EUCJP, MB_EUCKR, MB_JOHAB, MB_EUCTW };

static const struct mb_spec {
	enum mb_kind kind;
	const char *name, *wide_name;	/* base charset, and its superset */
	const unsigned char *table, *single;
	int rank;
	const unsigned short *words;	/* its language's word costs */
} mb_specs[] = {
	{ MB_GB18030, "GB18030", "GB18030", encm_gb18030, encm_gb18030_single, 0, encm_words_zh },
	{ MB_BIG5, "Big5", "Big5-HKSCS", encm_big5, encm_big5_single, 1, encm_words_zh },
	{ MB_SJIS, "Shift_JIS", "windows-31j", encm_sjis, encm_sjis_single, 2, encm_words_ja },
	{ MB_EUCJP, "EUC-JP", "EUC-JP", encm_eucjp, encm_eucjp_single, 3, encm_words_ja },
	{ MB_EUCKR, "EUC-KR", "windows-949", encm_euckr, encm_euckr_single, 4, encm_words_ko },
	{ MB_JOHAB, "Johab", "Johab", encm_johab, encm_johab_single, 20, encm_words_ko },
	{ MB_EUCTW, "x-EUC-TW", "x-EUC-TW", encm_euctw, encm_euctw_single, 21, encm_words_zh },
};


/*
 * Score s[0..n) as charset sp.  Returns 0 and the cost, or -1 if some byte
 * sequence is not valid.  *base is cleared when a code is only valid in the
 * wide variant.  With tolerant set, a few invalid sequences (damaged text)
 * and a character cut by the end of the input (a truncated file) cost
 * BAD_COST each instead of ruling the charset out; too many still do.
 */
static int
mb_score(const struct mb_spec *sp, const unsigned char *s, size_t n, int final,
    int tolerant, long *cost, int *base)
{
	long c = 0;
	size_t i = 0, chars = 0, bad = 0;
	int has_sub = sp->kind == MB_BIG5 || sp->kind == MB_SJIS || sp->kind == MB_EUCKR;

	*base = 1;
	while (i < n) {
		unsigned b = s[i], t, e;
		size_t need = 2;

		if (b < 0x80) {
			i++;
			continue;
		}
		chars++;
		e = sp->single[b - 0x80];
		if (e) {
			if (has_sub && !(e & 0x80))
				*base = 0;
			c += e & 0x7F;
			/* Half-width kana inside a Latin word: an accented letter. */
			if ((i > 0 && isalpha(s[i - 1])) || (i + 1 < n && isalpha(s[i + 1])))
				c += MIX_COST;
			i++;
			continue;
		}
		t = i + 1 < n ? s[i + 1] : 0;
		if (sp->kind == MB_GB18030 && t >= 0x30 && t <= 0x39)
			need = 4;
		else if (sp->kind == MB_EUCJP && b == 0x8F)
			need = 3;
		else if (sp->kind == MB_EUCTW && b == 0x8E)
			need = 4;
		if (i + need > n) {
			/* Cut by the end: the next chunk has the rest, or the file was truncated. */
			if (final && !tolerant)
				return -1;
			if (final)
				c += BAD_COST;
			break;
		}
		if (need == 4 && sp->kind == MB_GB18030) {
			unsigned b3 = s[i + 2], b4 = s[i + 3];
			long lin = (((long)(b - 0x81) * 10 + (t - 0x30)) * 126 + (b3 - 0x81)) * 10 +
			    (b4 - 0x30);

			/* BMP: up to 0x8431A439; supplementary from 0x90308130. */
			e = b3 >= 0x81 && b3 <= 0xFE && b4 >= 0x30 && b4 <= 0x39 &&
			    (lin <= 39419 || (b >= 0x90 && b <= 0xE3 && lin >= 189000 &&
			    lin - 189000 <= 0xFFFFF)) ? RARE_COST : 0;
		} else if (need == 3) {
			unsigned b3 = s[i + 2];

			e = t >= 0xA1 && t <= 0xFE && b3 >= 0xA1 && b3 <= 0xFE &&
			    encm_x0212[(t - 0xA1) * 94 + (b3 - 0xA1)] ? RARE_COST : 0;
		} else if (need == 4) {
			e = t >= 0xA1 && t <= 0xB0 && s[i + 2] >= 0xA1 && s[i + 2] <= 0xFE &&
			    s[i + 3] >= 0xA1 && s[i + 3] <= 0xFE ? RARE_COST : 0;
		} else {
			e = t >= 0x30 ? sp->table[ENCM_MB_INDEX(b, t)] : 0;
			if (e && has_sub && !(e & 0x80))
				*base = 0;
			/*
			 * Letter, lead byte, letter as trail byte, letter: the
			 * pair is more likely an accented letter in a Latin word.
			 */
			if (e && i > 0 && isalpha(s[i - 1]) && i + 2 < n && isalpha(s[i + 2]) &&
			    (t >= 0x80 || isalpha(t)))
				c += MIX_COST;
		}
		if (!e) {
			if (!tolerant)
				return -1;
			/* Damaged text: step over one byte, as a decoder would. */
			if (++bad > 8 && bad * 16 > chars)
				return -1;
			c += BAD_COST;
			i++;
			continue;
		}
		c += e & 0x7F;
		i += need;
	}
	if (bad * 64 > chars + 64)
		return -1;
	*cost = c;
	return 0;
}

/* ---- words ---------------------------------------------------------- */

/*
 * The words of the scored window outside markup: maximal runs of ASCII
 * letters and high bytes.  A run with no high byte is an ASCII word in
 * every reading; the runs with one (at most one per high byte) are kept,
 * for each reading to split at the high bytes it does not read as letters.
 * English prose is nearly all ASCII words, Russian or Chinese nearly none:
 * the share tells a handful of high bytes in English text (a pound sign)
 * from a Cyrillic letter, which the bytes alone cannot.
 */
struct words {
	size_t ascii;		/* words with no high byte */
	int ntok;
	struct token {
		uint32_t at, len;
	} tok[SB_MAX_HIGH];
};

/* The end of the markup tag at s[i] ('<' and a name), or i when it is none. */
static size_t
skip_tag(const unsigned char *s, size_t i, size_t n)
{
	const unsigned char *end;

	if (s[i] != '<' || i + 1 >= n || !(isalpha(s[i + 1]) || s[i + 1] == '/' ||
	    s[i + 1] == '!' || s[i + 1] == '?'))
		return i;
	end = memchr(s + i, '>', n - i);
	return end ? (size_t)(end - s) : n - 1;
}

static void
find_words(struct words *w, const unsigned char *s, size_t n)
{
	size_t i = 0, start;
	int high;

	w->ascii = 0;
	w->ntok = 0;
	while (i < n) {
		if (skip_tag(s, i, n) != i) {
			i = skip_tag(s, i, n) + 1;
			continue;
		}
		if (!(s[i] >= 0x80 || isalpha(s[i]))) {
			i++;
			continue;
		}
		for (start = i, high = 0; i < n && (s[i] >= 0x80 || isalpha(s[i])); i++)
			high |= s[i] >= 0x80;
		if (!high)
			w->ascii++;
		else if (w->ntok < SB_MAX_HIGH)
			w->tok[w->ntok++] = (struct token){ (uint32_t)start, (uint32_t)(i - start) };
	}
}

/* Cost in half bits, weighted, of ascii and other words under costs c. */
static long
words_cost(const unsigned short *c, size_t ascii, size_t other)
{
	return (long)((ascii * c[0] + other * c[1]) * WORDS_WEIGHT / 128);
}

/*
 * The words of the runs with high bytes as single-byte charset script reads
 * them: split where a high byte is no letter.  Adds to *ascii and *other.
 */
static void
split_words(const struct words *w, const unsigned char *s, const unsigned char *script,
    size_t *ascii, size_t *other)
{
	int t;

	for (t = 0; t < w->ntok; t++) {
		const unsigned char *p = s + w->tok[t].at, *end = p + w->tok[t].len;
		int in = 0, high = 0;

		for (; p < end; p++) {
			int letter = *p < 0x80 || ENCM_SCRIPT(script[*p - 0x80]);

			if (letter) {
				in = 1;
				high |= *p >= 0x80;
				continue;
			}
			if (in)
				*(high ? other : ascii) += 1;
			in = high = 0;
		}
		if (in)
			*(high ? other : ascii) += 1;
	}
}

/* ---- single-byte charsets ------------------------------------------ */

/*
 * Pairs of neighbouring bytes where at least one is not ASCII, counted once
 * per input: ASCII letters fold to 0..25, other ASCII to the gap (26), a
 * digits to 27, a high byte b to 28 + b - 0x80.  A pair is the key
 * a * PAIR_SYMS + b, below 2^15.  The window scored has at most
 * SB_MAX_HIGH high bytes, each in at most two pairs: the keys fit in a
 * small array, and sorting them counts them.
 */
#define PAIR_SYMS (ENCM_ASCII_SYMS + 128)
#define MAX_PAIRS (2 * SB_MAX_HIGH)
_Static_assert(PAIR_SYMS * PAIR_SYMS <= 1 << 15, "pair keys are 15 bits");

struct pairs {
	uint32_t high[128];	/* how often each high byte occurs */
	uint32_t after_lower[128];	/* ... right after an ASCII lower-case letter */
	uint32_t in_word[128];	/* ... between two ASCII letters */
	long lang_ascii[ENCM_MAX_LANGS];	/* each language's cost of the
					   ASCII words, over the cheapest's */
	uint16_t keys[MAX_PAIRS], sorted[MAX_PAIRS];
	int nused;		/* distinct pairs */
	struct pair {
		unsigned char a, b;
		uint32_t n;
	} list[MAX_PAIRS];
};

/* The symbol of an ASCII byte: a-z (either case) 0..25, digits, the rest. */
#define G ENCM_SYM_GAP
#define D ENCM_SYM_DIGIT
static const unsigned char ascii_sym[128] = {
	G, G, G, G, G, G, G, G, G, G, G, G, G, G, G, G,
	G, G, G, G, G, G, G, G, G, G, G, G, G, G, G, G,
	G, G, G, G, G, G, G, G, G, G, G, G, G, G, G, G,
	D, D, D, D, D, D, D, D, D, D, G, G, G, G, G, G,
	G, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, G, G, G, G, G,
	G, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, G, G, G, G, G,
};
#undef G
#undef D

static inline unsigned
pair_sym(unsigned b)
{
	return b < 0x80 ? ascii_sym[b] : ENCM_ASCII_SYMS + (b - 0x80);
}

/* Sort keys[0..n) by the bits of (key >> shift) & 255, into out. */
static void
radix_pass(uint16_t *keys, size_t n, unsigned shift, uint16_t *out)
{
	size_t at[257] = { 0 }, i;

	for (i = 0; i < n; i++)
		at[(keys[i] >> shift & 255) + 1]++;
	for (i = 1; i < 257; i++)
		at[i] += at[i - 1];
	for (i = 0; i < n; i++)
		out[at[keys[i] >> shift & 255]++] = keys[i];
}

/* Count the pairs and the high bytes of s[0..n) into p. */
static void
count_pairs(struct pairs *p, const unsigned char *s, size_t n)
{
	uint16_t *keys = p->keys;
	unsigned prev = ENCM_SYM_GAP, prevb = ' ';
	size_t i, nk = 0;

	memset(p->high, 0, sizeof p->high);
	memset(p->after_lower, 0, sizeof p->after_lower);
	memset(p->in_word, 0, sizeof p->in_word);
	for (i = 0; i < n; i++) {
		unsigned b = s[i], cur = pair_sym(b);

		if (b >= 0x80 || prevb >= 0x80)
			keys[nk++] = (uint16_t)(prev * PAIR_SYMS + cur);
		if (b >= 0x80) {
			p->high[b - 0x80]++;
			if (prevb >= 'a' && prevb <= 'z')
				p->after_lower[b - 0x80]++;
			if (prev < 26 && i + 1 < n && s[i + 1] < 0x80 && ascii_sym[s[i + 1]] < 26)
				p->in_word[b - 0x80]++;
		}
		prev = cur;
		prevb = b;
	}
	radix_pass(keys, nk, 0, p->sorted);
	radix_pass(p->sorted, nk, 8, keys);
	p->nused = 0;
	for (i = 0; i < nk; i++) {
		if (i == 0 || keys[i] != keys[i - 1]) {
			p->list[p->nused].a = (unsigned char)(keys[i] / PAIR_SYMS);
			p->list[p->nused].b = (unsigned char)(keys[i] % PAIR_SYMS);
			p->list[p->nused++].n = 0;
		}
		p->list[p->nused - 1].n++;
	}
}

/*
 * The language of the ASCII words.  Few high bytes say little on their
 * own (a lone 0xA3 is as good a Cyrillic letter as a pound sign); the
 * words around them say which language the text is in, and so which
 * charsets can be meant.  Pairs of ASCII symbols with a letter on one
 * side, outside markup, with runs of other bytes folded to one gap as
 * the models were fitted, are scored under every language's bigrams;
 * p->lang_ascii gets each language's cost over the cheapest one's,
 * weighted by ASCII_WEIGHT sixteenths.
 */
static void
score_ascii_words(struct pairs *p, const unsigned char *s, size_t n)
{
	uint32_t count[ENCM_ASCII_SYMS * ENCM_ASCII_SYMS] = { 0 };
	uint16_t used[ENCM_ASCII_SYMS * ENCM_ASCII_SYMS];
	unsigned prev = ENCM_SYM_GAP, nused = 0, k;
	long best = LONG_MAX;
	size_t i;
	int l;

	for (i = 0; i < n; i++) {
		unsigned b = s[i], cur;

		if (b >= 0x80) {
			prev = UINT_MAX;	/* no ASCII pair across a high byte */
			continue;
		}
		if (skip_tag(s, i, n) != i) {
			i = skip_tag(s, i, n);
			cur = ENCM_SYM_GAP;
		} else {
			cur = ascii_sym[b];
		}
		if (cur == ENCM_SYM_GAP && prev == ENCM_SYM_GAP)
			continue;
		if (prev != UINT_MAX && (prev < 26 || cur < 26)) {
			k = prev * ENCM_ASCII_SYMS + cur;
			if (count[k]++ == 0)
				used[nused++] = (uint16_t)k;
		}
		prev = cur;
	}
	for (l = 0; l < encm_nlangs && l < ENCM_MAX_LANGS; l++) {
		const unsigned char *bg = encm_langs[l].bigram;
		long c = 0;

		for (k = 0; k < nused; k++)
			c += (long)count[used[k]] * bg[used[k] / ENCM_ASCII_SYMS * ENCM_NSYM +
			    used[k] % ENCM_ASCII_SYMS];
		p->lang_ascii[l] = c;
		if (c < best)
			best = c;
	}
	for (l = 0; l < encm_nlangs && l < ENCM_MAX_LANGS; l++)
		p->lang_ascii[l] = (p->lang_ascii[l] - best) * ASCII_WEIGHT / 16;
}

/*
 * What a charset's reading of the high bytes does to the words around
 * them, whatever the language: a capital right after a lower-case ASCII
 * letter ("baltÖ", "opnÜede") or a symbol between two ASCII letters
 * ("f¢rte", "ka˛nomo", "g▒andu") is what a wrong charset makes of a
 * letter; real text hardly has either.
 */
static long
word_shape_cost(const struct pairs *p, const unsigned char *present, int npresent,
    const unsigned char *script)
{
	long c = 0;
	int i;

	for (i = 0; i < npresent; i++) {
		unsigned b = present[i];

		if (script[b] & ENCM_UPPER)
			c += (long)p->after_lower[b] * CAPITAL_COST;
		else if (script[b] & ENCM_NOT_IN_WORD)
			c += (long)p->in_word[b] * IN_WORD_COST;
	}
	return c;
}

/*
 * Quick cost of the high bytes alone as charset/language map m (unigram),
 * or -1 if one is undefined in the charset.  Used to pick the maps worth
 * the bigram score.
 */
static long
sb_quick(const struct pairs *p, const unsigned char *present, int npresent,
    const struct encm_sbmap *m)
{
	const unsigned char *ug = encm_langs[m->lang].unigram;
	long c = 0;
	int i;

	for (i = 0; i < npresent; i++) {
		unsigned b = present[i], s = m->map[b];

		if (s == ENCM_MAP_INVALID)
			return -1;
		c += (long)p->high[b] * (s >= ENCM_NSYM ? CONTROL_COST : ug[s]);
	}
	return c + p->lang_ascii[m->lang];
}

/*
 * Cost of the pairs as charset/language map m.  A letter of another
 * script right beside an ASCII letter ("cafй") is what a wrong charset
 * makes of an accented Latin letter; real text hardly has it.
 */
static long
sb_score(const struct pairs *p, const struct encm_sbmap *m, const unsigned char *script)
{
	const unsigned char *bg = encm_langs[m->lang].bigram;
	long c = p->lang_ascii[m->lang];
	int i;

	for (i = 0; i < p->nused; i++) {
		unsigned a = p->list[i].a, b = p->list[i].b;
		unsigned sa = a < ENCM_ASCII_SYMS ? a : m->map[a - ENCM_ASCII_SYMS];
		unsigned sb = b < ENCM_ASCII_SYMS ? b : m->map[b - ENCM_ASCII_SYMS];
		long n = p->list[i].n;

		if (sa >= ENCM_NSYM || sb >= ENCM_NSYM) {
			/* A control: only the high side counts, once. */
			c += n * CONTROL_COST;
			continue;
		}
		c += n * bg[sa * ENCM_NSYM + sb];
		if (a >= ENCM_ASCII_SYMS && b >= ENCM_ASCII_SYMS) {
			/* An upper-case letter right after a lower-case one. */
			if ((script[a - ENCM_ASCII_SYMS] & ENCM_LOWER) &&
			    (script[b - ENCM_ASCII_SYMS] & ENCM_UPPER))
				c += n * CASE_COST;
		} else if ((a < 26 && ENCM_SCRIPT(script[b - ENCM_ASCII_SYMS]) == 2) ||
		    (b < 26 && ENCM_SCRIPT(script[a - ENCM_ASCII_SYMS]) == 2))
			c += n * MIX_COST;
	}
	return c;
}

/* ---- Unicode without a BOM ----------------------------------------- */

/* Is code point c likely in text (not a control, unassigned or private)? */
static int
plausible_cp(uint32_t c)
{
	if (c < 0x20)
		return c == '\t' || c == '\n' || c == '\r' || c == '\f';
	if (c < 0x7F)
		return 1;
	if (c < 0xA0)
		return 0;
	if (c < 0x0250 || (c >= 0x0370 && c < 0x0530) || (c >= 0x0590 && c < 0x0700) ||
	    (c >= 0x0900 && c < 0x0E80) || (c >= 0x10A0 && c < 0x1100) ||
	    (c >= 0x1E00 && c < 0x2070) || (c >= 0x20A0 && c < 0x20C0) ||
	    (c >= 0x2100 && c < 0x2600) || (c >= 0x3000 && c < 0x3100) ||
	    (c >= 0x3400 && c < 0x4DC0) || (c >= 0x4E00 && c < 0xA000) ||
	    (c >= 0xAC00 && c < 0xD7A4) || (c >= 0xFF00 && c < 0xFFF0) || c == 0xFEFF)
		return 1;
	return 0;
}

/* Fraction (per mille) of plausible characters when s is UTF-16 or UTF-32. */
static int
unicode_plausibility(const unsigned char *s, size_t n, int width, int big)
{
	size_t i, good = 0, total = 0;

	for (i = 0; i + width <= n; i += width) {
		uint32_t c;

		if (width == 4)
			c = big ? (uint32_t)s[i] << 24 | (uint32_t)s[i + 1] << 16 |
			    (uint32_t)s[i + 2] << 8 | s[i + 3] :
			    (uint32_t)s[i + 3] << 24 | (uint32_t)s[i + 2] << 16 |
			    (uint32_t)s[i + 1] << 8 | s[i];
		else
			c = big ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];
		total++;
		if (width == 2 && c >= 0xD800 && c < 0xDC00) {
			uint32_t d;

			if (i + 4 > n) {
				good++;		/* cut at the end of a chunk */
				break;
			}
			d = big ? (uint32_t)s[i + 2] << 8 | s[i + 3] :
			    (uint32_t)s[i + 3] << 8 | s[i + 2];
			if (d < 0xDC00 || d >= 0xE000)
				return -1;
			good++;
			i += 2;
			continue;
		}
		if (width == 2 && c >= 0xDC00 && c < 0xE000)
			return -1;
		if (width == 4 && (c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)))
			return -1;
		if (plausible_cp(c) || (width == 4 && c >= 0x10000))
			good++;
	}
	return total ? (int)(good * 1000 / total) : 0;
}

/* ---- 7-bit charsets ------------------------------------------------ */

static const char *
seven_bit(const unsigned char *s, size_t n)
{
	const unsigned char *p = s, *end = s + n;

	while ((p = memchr(p, 0x1B, (size_t)(end - p))) && end - p >= 3) {
		if (p[1] == '$' && (p[2] == 'B' || p[2] == '@'))
			return "ISO-2022-JP";
		if (p[1] == '(' && (p[2] == 'J' || p[2] == 'I'))
			return "ISO-2022-JP";
		if (end - p >= 4 && p[1] == '$' && p[2] == ')' && p[3] == 'C')
			return "ISO-2022-KR";
		if (end - p >= 4 && p[1] == '$' && (p[2] == ')' || p[2] == '*') &&
		    (p[3] == 'A' || p[3] == 'G' || p[3] == 'H'))
			return "ISO-2022-CN";
		if (end - p >= 4 && p[1] == '$' && p[2] == '(' && (p[3] == 'D' || p[3] == 'Q'))
			return "ISO-2022-JP";
		p++;
	}
	/* HZ: ~{ ... ~} around pairs of GB2312 bytes with the high bit off. */
	p = s;
	while ((p = memchr(p, '~', (size_t)(end - p))) && end - p >= 6) {
		if (p[1] == '{') {
			const unsigned char *q = p + 2;

			while (q + 1 < end && q[0] >= 0x21 && q[0] <= 0x77 && q[1] >= 0x21 &&
			    q[1] <= 0x7E)
				q += 2;
			if (q + 1 < end && q[0] == '~' && q[1] == '}' && q > p + 2)
				return "HZ-GB-2312";
		}
		p++;
	}
	return NULL;
}

/* ---- EBCDIC -------------------------------------------------------- */

/*
 * EBCDIC text: the space is 0x40, letters sit in 0x81..0xE9 (IBM037) or
 * Hebrew in 0x41..0x71 (IBM424), and the ASCII controls are almost absent.
 */
static const char *
ebcdic(const unsigned char *s, size_t n)
{
	size_t i, space = 0, latin = 0, hebrew = 0, other = 0;

	/* A few hundred bytes tell; ASCII spaces rule it out at once. */
	if (n > 4096)
		n = 4096;
	for (i = 0; i < n && i < 256; i++)
		if (s[i] == ' ')
			return NULL;
	for (i = 0; i < n; i++) {
		unsigned b = s[i];

		if (b == 0x40)
			space++;
		else if ((b >= 0x81 && b <= 0x89) || (b >= 0x91 && b <= 0x99) ||
		    (b >= 0xA2 && b <= 0xA9) || (b >= 0xC1 && b <= 0xC9) ||
		    (b >= 0xD1 && b <= 0xD9) || (b >= 0xE2 && b <= 0xE9))
			latin++;
		else if ((b >= 0x41 && b <= 0x49) || (b >= 0x51 && b <= 0x59) ||
		    (b >= 0x62 && b <= 0x69) || b == 0x71)
			hebrew++;
		else if (!((b >= 0xF0 && b <= 0xF9) || b == 0x4B || b == 0x6B || b == 0x25 ||
		    b == 0x15 || b == 0x0D || b == 0x05 || b == 0x60 || b == 0x4D || b == 0x5D ||
		    b == 0x7A || b == 0x5E || b == 0x6F || b == 0x5A || b == 0x7D || b == 0x7F))
			other++;
	}
	if (n < 16 || space * 12 < n || other * 8 > n)
		return NULL;
	return hebrew > latin ? "IBM424" : "IBM037";
}

/* ---- the decision -------------------------------------------------- */

/*
 * Does charset name decode all of s[0..n) (the scored window may be
 * shorter)?  A multi-byte base name (Big5, Shift_JIS, EUC-KR) must hold
 * for every code, not only its wide variant.
 */
static int
decodes_all(const char *name, const unsigned char *s, size_t n, int final, int tolerant)
{
	size_t j;
	int e, b;

	for (j = 0; j < sizeof mb_specs / sizeof mb_specs[0]; j++) {
		const struct mb_spec *sp = &mb_specs[j];
		long c;
		int base;

		if (strcmp(name, sp->name) && strcmp(name, sp->wide_name))
			continue;
		if (mb_score(sp, s, n, final, tolerant, &c, &base) < 0)
			return 0;
		return base || !strcmp(name, sp->wide_name);
	}
	for (e = 0; e < encm_nsbcs; e++) {
		const struct encm_sbcs *sb = &encm_sbcs[e];
		unsigned char seen[128] = { 0 };

		if (strcmp(name, sb->name) || sb->n == 0)
			continue;
		for (j = 0; j < n; j++)
			if (s[j] >= 0x80)
				seen[s[j] - 0x80] = 1;
		for (b = 0; b < 128; b++)
			if (seen[b] && encm_sbmaps[sb->first].map[b] == ENCM_MAP_INVALID)
				return 0;
		return 1;
	}
	return 1;
}

static int
confidence(long best, long next, size_t high)
{
	long d;

	if (next == LONG_MAX)
		return 99;
	d = (next - best) * 8 / (long)(high ? high : 1);	/* 1/4 half-bits per byte */
	if (d > 48)
		d = 48;
	return 50 + (int)d;
}

/* One detection: the input, what a first look counted, the candidates. */
struct detection {
	const unsigned char *s;
	size_t n;		/* bytes looked at: a long input is cut */
	int final;		/* s[n - 1] is the end of the input */
	struct enc_guess *g;	/* the answer, g->declared set first */

	/* survey(): over s[0..n) */
	size_t high;		/* bytes >= 0x80; after the survey, those
				   of the scored window */
	size_t zero_even, zero_odd, controls, esc;
	size_t mb_ok, mb_bad;	/* UTF-8 sequences valid and not */

	/* The legacy charsets: scored on s[0..win). */
	size_t win;
	int wfinal;		/* the window is all the input */
	struct cands cs;
	struct words words;	/* of s[0..win) */
};

static int
answer(struct detection *d, const char *name, int conf)
{
	d->g->name = name;
	d->g->confidence = conf;
	return 1;
}

/* Nothing, or a byte order mark: the answer without a look at the text. */
static int
by_bom(struct detection *d)
{
	if (d->n == 0)
		return answer(d, "ASCII", 100);
	switch (enc_bom_length(d->s, d->n)) {
	case 3:
		return answer(d, "UTF-8", 100);
	case 4:
		/* FF FE 00 00 could be UTF-16LE with a NUL first: UTF-32 is likelier. */
		return answer(d, d->s[0] == 0xFF ? "UTF-32LE" : "UTF-32BE", 100);
	case 2:
		return answer(d, d->s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", 100);
	}
	return 0;
}

/*
 * One pass for the cheap statistics and UTF-8 validity.  A hand-tuned hot
 * loop: printable ASCII eight bytes at a test, the common two- and
 * three-byte UTF-8 sequences inline.
 */
static void
survey(struct detection *d)
{
	const unsigned char *s = d->s;
	size_t i, n = d->n;

	for (i = 0; i < n;) {
		unsigned b;

		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if ((w | (w - 0x2020202020202020ULL)) & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		b = s[i];

		if (b < 0x80) {
			if (b < 0x20) {
				if (b == 0)
					*(i & 1 ? &d->zero_odd : &d->zero_even) += 1;
				else if (b == 0x1B)
					d->esc++;
				else if (b != '\t' && b != '\n' && b != '\r' && b != '\f')
					d->controls++;
			}
			i++;
			continue;
		}
		d->high++;
		if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
			d->mb_ok++;
			d->high++;
			i += 2;
			continue;
		}
		if (b >= 0xE1 && b <= 0xEC && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
		    (s[i + 2] & 0xC0) == 0x80) {
			d->mb_ok++;
			d->high += 2;
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (cp == UTF8_BAD) {
			/* A sequence cut by the end of a chunk is not an error. */
			if (!d->final && utf8_complete_prefix(s + i, n - i) == 0 && n - i < 4)
				break;
			d->mb_bad++;
		} else {
			d->mb_ok++;
			d->high += k - 1;
		}
		i += k;
	}
}

static const struct {
	const char *name;
	int width, big;
} unicode_forms[] = {
	{ "UTF-32LE", 4, 0 }, { "UTF-32BE", 4, 1 },
	{ "UTF-16LE", 2, 0 }, { "UTF-16BE", 2, 1 },
};

/* UTF-32 and UTF-16 without a BOM: NULs in a telling pattern. */
static int
by_nul_pattern(struct detection *d)
{
	int best = 0, p;
	const char *uname = NULL;
	size_t i;

	if (d->zero_even + d->zero_odd + d->controls == 0 || d->n < 4)
		return 0;
	for (i = 0; i < 4; i++) {
		if (d->final && d->n % (size_t)unicode_forms[i].width)
			continue;
		p = unicode_plausibility(d->s, d->n, unicode_forms[i].width,
		    unicode_forms[i].big);
		/*
		 * ASCII in UTF-16BE puts its NUL at even offsets, in
		 * UTF-16LE at odd ones: that breaks a tie.
		 */
		if (unicode_forms[i].width == 2 && p > 0 && (unicode_forms[i].big ?
		    d->zero_even > 2 * d->zero_odd : d->zero_odd > 2 * d->zero_even))
			p += 1;
		/* Prefer UTF-32 at equal plausibility: it is the stricter form. */
		if (p > best) {
			best = p;
			uname = unicode_forms[i].name;
		}
	}
	if (best > 1000)
		best = 1000;
	if (uname && best >= 950 && (d->zero_even + d->zero_odd) * 8 >= d->n / 2)
		return answer(d, uname, best / 10);
	if (uname && best >= 980 && d->controls * 20 >= d->n / 2)
		return answer(d, uname, best / 10);
	return 0;
}

/* No byte above 0x7F: a 7-bit charset, EBCDIC, or ASCII. */
static int
by_seven_bits(struct detection *d)
{
	const char *name;

	if (d->high)
		return 0;
	name = d->esc || memchr(d->s, '~', d->n) ? seven_bit(d->s, d->n) : NULL;
	if (!name)
		name = ebcdic(d->s, d->n);
	return answer(d, name ? name : "ASCII", 100);
}

/* Valid UTF-8, or nearly: a few stray bad bytes among many good sequences. */
static int
by_utf8(struct detection *d)
{
	if (d->mb_bad && (d->mb_ok < 8 || d->mb_bad * 16 > d->mb_ok))
		return 0;
	return answer(d, "UTF-8", d->mb_bad ? 90 : (d->mb_ok > 3 ? 100 : 90));
}

static int
by_ebcdic(struct detection *d)
{
	const char *name = ebcdic(d->s, d->n);

	return name ? answer(d, name, 80) : 0;
}

/* The window the legacy charsets are scored on: enough non-ASCII to tell. */
static void
cut_window(struct detection *d)
{
	size_t i, nh = 0;

	d->win = d->n < SCORE_WINDOW ? d->n : SCORE_WINDOW;
	for (i = 0; i < d->win; i++)
		if (d->s[i] >= 0x80 && ++nh == SB_MAX_HIGH) {
			d->win = i + 1;
			break;
		}
	d->high = nh;
	d->wfinal = d->final && d->win == d->n;
}

/*
 * Every multi-byte charset that decodes the window strictly.  Returns
 * whether one reads as well as real CJK text does: no single-byte reading
 * of such bytes comes close.
 */
static int
score_multibyte(struct detection *d)
{
	long best = LONG_MAX;
	size_t j;
	int k;

	for (j = 0; j < sizeof mb_specs / sizeof mb_specs[0]; j++) {
		const struct mb_spec *sp = &mb_specs[j];
		long c;
		int base;

		if (mb_score(sp, d->s, d->win, d->wfinal, 0, &c, &base) < 0)
			continue;
		c += words_cost(sp->words, d->words.ascii, (size_t)d->words.ntok);
		add_cand(&d->cs, base ? sp->name : sp->wide_name, c + prior(sp->name),
		    sp->rank);
	}
	for (k = 0; k < d->cs.n; k++)
		if (d->cs.c[k].cost < best)
			best = d->cs.c[k].cost;
	return d->high >= 8 && best <= CJK_PLAIN * (long)d->high;
}

/* A charset/language map and the quick cost of the high bytes under it. */
struct quick {
	long quick;		/* with words */
	long words;		/* the cost of the words, and their shape */
	int map, sbcs;
};
#define MAX_QUICK 1024

/*
 * The quick unigram cost of every map of every single-byte charset that
 * defines all the high bytes present; into q, returns how many.
 */
static int
quick_costs(const struct pairs *p, const struct detection *d, struct quick *q)
{
	unsigned char present[128];
	int npresent = 0, nq = 0, nseen = 0, e, k;
	struct {
		uint64_t letters[2];	/* which present high bytes are letters */
		size_t ascii, other;
	} seen[8];

	for (k = 0; k < 128; k++)
		if (p->high[k])
			present[npresent++] = (unsigned char)k;
	for (e = 0; e < encm_nsbcs && e < ENCM_MAX_SBCS; e++) {
		const struct encm_sbcs *sb = &encm_sbcs[e];
		uint64_t letters[2] = { 0, 0 };
		size_t ascii = d->words.ascii, other = (size_t)d->words.ntok;
		long shape = word_shape_cost(p, present, npresent, sb->script);
		int i;

		/*
		 * Only a high byte read as no letter splits a word: charsets
		 * that read the same bytes as letters count the same words.
		 */
		for (k = 0; k < npresent; k++)
			if (ENCM_SCRIPT(sb->script[present[k]]))
				letters[present[k] >> 6] |= 1ULL << (present[k] & 63);
		for (i = 0; i < nseen; i++)
			if (!memcmp(seen[i].letters, letters, sizeof letters))
				break;
		if (i < nseen) {
			ascii = seen[i].ascii;
			other = seen[i].other;
		} else if (__builtin_popcountll(letters[0]) + __builtin_popcountll(letters[1]) <
		    npresent) {
			other = 0;
			split_words(&d->words, d->s, sb->script, &ascii, &other);
			if (nseen < 8) {
				memcpy(seen[nseen].letters, letters, sizeof letters);
				seen[nseen].ascii = ascii;
				seen[nseen++].other = other;
			}
		}
		for (k = 0; k < sb->n && nq < MAX_QUICK; k++) {
			const struct encm_sbmap *m = &encm_sbmaps[sb->first + k];
			long c = sb_quick(p, present, npresent, m);

			if (c < 0)
				break;
			q[nq].words = words_cost(encm_langs[m->lang].words, ascii, other) + shape;
			q[nq].quick = c + q[nq].words;
			q[nq].map = sb->first + k;
			q[nq].sbcs = e;
			nq++;
		}
		if (k < sb->n)		/* a byte undefined: drop the charset */
			while (nq > 0 && q[nq - 1].sbcs == e)
				nq--;
	}
	return nq;
}

/* The QUICK_KEEP-th smallest quick cost, by partial selection (LONG_MAX: all). */
static long
quick_cut(const struct quick *q, int nq)
{
	long best[QUICK_KEEP];
	int nb = 0, k, j;

	if (nq <= QUICK_KEEP)
		return LONG_MAX;
	for (k = 0; k < nq; k++) {
		long c = q[k].quick;

		if (nb < QUICK_KEEP)
			nb++;
		else if (c >= best[nb - 1])
			continue;
		for (j = nb - 1; j > 0 && best[j - 1] > c; j--)
			best[j] = best[j - 1];
		best[j] = c;
	}
	return best[QUICK_KEEP - 1];
}

/*
 * Every single-byte charset: each charset/language map gets the quick
 * unigram cost; only the cheapest few (and the declared charset's) get
 * the bigram score.
 */
static void
score_single_byte(struct detection *d)
{
	struct pairs p;
	struct quick q[MAX_QUICK];
	long sbcs_prior[ENCM_MAX_SBCS];	/* prior() of each charset, -1 until asked */
	int nq, k, e, declared_sbcs = -1;
	long cut;

	count_pairs(&p, d->s, d->win);
	score_ascii_words(&p, d->s, d->win);
	nq = quick_costs(&p, d, q);
	cut = quick_cut(q, nq);
	for (e = 0; e < encm_nsbcs && e < ENCM_MAX_SBCS; e++) {
		sbcs_prior[e] = -1;
		if (d->g->declared && !strcmp(d->g->declared, encm_sbcs[e].name))
			declared_sbcs = e;
	}
	for (k = 0; k < nq; k++) {
		const struct encm_sbcs *sb = &encm_sbcs[q[k].sbcs];
		long sc;

		if (q[k].quick > cut && q[k].sbcs != declared_sbcs)
			continue;
		if (sbcs_prior[q[k].sbcs] < 0)
			sbcs_prior[q[k].sbcs] = prior(sb->name);
		sc = sb_score(&p, &encm_sbmaps[q[k].map], sb->script) + q[k].words +
		    sbcs_prior[q[k].sbcs];
#ifdef ENC_DEBUG
		fprintf(stderr, "  %s/%s %ld quick %ld\n", sb->name,
		    encm_langs[encm_sbmaps[q[k].map].lang].code, sc, q[k].quick);
#endif
		add_cand(&d->cs, sb->name, sc, 10 + sb->rank);
	}
}

/*
 * No reading that decodes every byte is plausible: the text may be
 * damaged or truncated multi-byte text.  Forgive a few bad sequences and
 * weigh those readings too, if they read as real CJK text does.
 */
static void
forgive_damage(struct detection *d)
{
	long best = LONG_MAX, per = (long)(d->high ? d->high : 1);
	size_t j;
	int k;

	for (k = 0; k < d->cs.n; k++)
		if (d->cs.c[k].cost < best)
			best = d->cs.c[k].cost;
	if (best <= LENIENT_ABOVE * per)
		return;
	for (j = 0; j < sizeof mb_specs / sizeof mb_specs[0]; j++) {
		const struct mb_spec *sp = &mb_specs[j];
		long c;
		int base, seen = 0;

		for (k = 0; k < d->cs.n; k++)
			if (d->cs.c[k].name == sp->name || d->cs.c[k].name == sp->wide_name)
				seen = 1;
		if (seen || mb_score(sp, d->s, d->win, d->wfinal, 1, &c, &base) < 0)
			continue;
		if (c > (CJK_PLAIN + 1) * per)
			continue;
		c += words_cost(sp->words, d->words.ascii, (size_t)d->words.ntok);
		add_cand(&d->cs, sp->wide_name, c + prior(sp->name), sp->rank);
		d->cs.c[d->cs.n - 1].lenient = 1;
	}
}

/* The cheapest candidate but skip (-1: none), the lower rank among equals. */
static int
cheapest(const struct cands *cs, int skip)
{
	int k, best = -1;

	for (k = 0; k < cs->n; k++)
		if (k != skip && (best < 0 || cs->c[k].cost < cs->c[best].cost ||
		    (cs->c[k].cost == cs->c[best].cost && cs->c[k].rank < cs->c[best].rank)))
			best = k;
	return best;
}

/* The base name's wide variant (Big5 -> Big5-HKSCS), or NULL. */
static const char *
widened(const char *name)
{
	const char *wide = NULL;
	size_t j;

	for (j = 0; j < sizeof mb_specs / sizeof mb_specs[0]; j++)
		if (!strcmp(name, mb_specs[j].name) &&
		    strcmp(mb_specs[j].name, mb_specs[j].wide_name))
			wide = mb_specs[j].wide_name;
	return wide;
}

/*
 * The window decided; the answer must hold for all the input.  While the
 * best (*bi) does not, widen it, or drop it for the runner-up (*ri).
 */
static void
hold_for_all(struct detection *d, int *bi, int *ri)
{
	struct cands *cs = &d->cs;
	int k;

	while (cs->n > 0 && !cs->c[*bi].lenient &&
	    !decodes_all(cs->c[*bi].name, d->s, d->n, d->final, 0)) {
		const char *wide;

		/* Damaged or cut after the window: still the best reading. */
		if (d->high > 0 && cs->c[*bi].cost <= LENIENT_ABOVE * (long)d->high &&
		    decodes_all(cs->c[*bi].name, d->s, d->n, d->final, 1))
			break;
		wide = widened(cs->c[*bi].name);
		if (wide && decodes_all(wide, d->s, d->n, d->final, 0)) {
			cs->c[*bi].name = wide;
			break;
		}
		cs->c[*bi] = cs->c[--cs->n];
		if (*ri == cs->n)
			*ri = *bi;
		*bi = *ri >= 0 && *ri < cs->n ? *ri : 0;
		*ri = -1;
		for (k = 0; k < cs->n; k++)
			if (k != *bi && (*ri < 0 || cs->c[k].cost < cs->c[*ri].cost))
				*ri = k;
	}
}

/* The declaration wins when it decodes and is nearly as plausible. */
static void
prefer_declared(struct detection *d, int *bi, int *ri)
{
	const char *declared = d->g->declared;
	int k;

	for (k = 0; declared && k < d->cs.n; k++) {
		if (strcmp(d->cs.c[k].name, declared) || k == *bi)
			continue;
		if (d->cs.c[k].cost - d->cs.c[*bi].cost <= (long)(DECLARED_SLACK * d->high)) {
			*ri = *bi;
			*bi = k;
		}
		break;
	}
}

/* The best candidate, checked against all the input, is the answer. */
static void
choose(struct detection *d)
{
	struct cands *cs = &d->cs;
	struct enc_guess *g = d->g;
	int bi = cheapest(cs, -1), ri = cheapest(cs, bi);

	if (d->win < d->n)
		hold_for_all(d, &bi, &ri);
	if (cs->n == 0) {
		/* Nothing decodes it strictly: UTF-8 is the least surprising. */
		answer(d, "UTF-8", 10);
		return;
	}
	prefer_declared(d, &bi, &ri);
	answer(d, cs->c[bi].name, confidence(cs->c[bi].cost,
	    ri >= 0 ? cs->c[ri].cost : LONG_MAX, d->high));
	/*
	 * A declaration that won against a slightly more plausible decoding
	 * is the answer we believe more, so it is never below an even bet.
	 */
	if (g->confidence < 50)
		g->confidence = 50;
	if (ri >= 0) {
		g->runner_up = cs->c[ri].name;
		g->runner_confidence = 100 - g->confidence;
	}
#ifdef ENC_DEBUG
	/* Build with -DENC_DEBUG to see every candidate's cost. */
	for (int k = 0; k < cs->n; k++)
		fprintf(stderr, "  %s %ld (%.2f/high)\n", cs->c[k].name, cs->c[k].cost,
		    (double)cs->c[k].cost / (double)d->high);
#endif
}

/* Score every legacy charset that decodes the bytes, and choose. */
static void
by_legacy(struct detection *d)
{
	cut_window(d);
	find_words(&d->words, d->s, d->win);
	if (!score_multibyte(d))
		score_single_byte(d);
	forgive_damage(d);
	choose(d);
}

void
enc_detect(const unsigned char *s, size_t n, int final, const char *hint,
    struct enc_guess *g)
{
	struct detection d = { .s = s, .n = n, .final = final, .g = g };

	memset(g, 0, sizeof *g);
	g->declared = hint ? enc_canonical(hint) : NULL;
	if (!g->declared)
		g->declared = enc_declared(s, n);
	if (by_bom(&d))
		return;
	/* A long input is judged on its start (the answer is checked on all of s). */
	if (d.n > SCORE_WINDOW * 4) {
		d.final = 0;
		d.n = SCORE_WINDOW * 4;
	}
	survey(&d);
	if (by_nul_pattern(&d) || by_seven_bits(&d) || by_utf8(&d) || by_ebcdic(&d))
		return;
	by_legacy(&d);
}
