/*
 * fold.c - the first pass of the extract-meta scanner: folds the page text
 * (full-width ASCII, ideographic spaces, pinyin injected after characters)
 * into pg->norm and cuts it into trimmed lines, counting what each holds
 * (visible and Han characters, the scripts, hints of what later passes may
 * find there).  It reads every byte of the page, so it is the one pass
 * whose speed is hand-tuned (ascii_run, punct_run, the ideographs' loop).
 */
#include <stdint.h>
#include <string.h>

#include "page.h"
#include "utf8.h"
#include "winnow.h"

/* Eight spaces, as load_le64() reads them. */
#define SPACES8 0x2020202020202020ULL

/*
 * The hints of every ASCII letter and every digit (fold_tables_init gives
 * all letters one, all digits another): ascii_run reads them from here.
 */
#define LETTER_HINTS H_LATIN
#define DIGIT_HINTS H_DATE

/* Pinyin letters: a-z and the tone-marked vowels (2-byte UTF-8). */
static size_t
pinyin_letter(const unsigned char *s, size_t n, char *base)
{
	static const char *const tones[] = { "ā", "á", "ǎ", "à", "ē", "é", "ě",
		"è", "ī", "í", "ǐ", "ì", "ō", "ó", "ǒ", "ò", "ū", "ú", "ǔ", "ù", "ü",
		"ǖ", "ǘ", "ǚ", "ǜ", "ń", "ň" };
	static const char bases[] = "aaaaeeeeiiiioooouuuuvvvvvnn";
	size_t k;

	if (n > 0 && s[0] >= 'a' && s[0] <= 'z') {
		*base = (char)s[0];
		return 1;
	}
	if (n >= 2 && s[0] >= 0xc3 && s[0] <= 0xc7)
		for (k = 0; k < sizeof(tones) / sizeof(tones[0]); k++)
			if (memcmp(s, tones[k], 2) == 0) {
				*base = bases[k];
				return 2;
			}
	if (n >= 3 && s[0] == 0xe1 && memcmp(s, "ḿ", 3) == 0) {
		*base = 'm';
		return 3;
	}
	return 0;
}

/*
 * Is p[0..n) (tone marks taken off, ü as v) a pinyin syllable: an initial,
 * vowels, then n, ng or r?  "zhen", "wang", "er", "ng"; not "app".
 */
static int
pinyin_syllable(const char *p, size_t n)
{
	size_t i = 0;

	if ((n == 1 && (p[0] == 'n' || p[0] == 'm')) || (n == 2 && memcmp(p, "ng", 2) == 0))
		return 1;	/* interjections: 嗯 n, 呣 m */
	if (n >= 2 && p[1] == 'h' && (p[0] == 'z' || p[0] == 'c' || p[0] == 's'))
		i = 2;
	else if (n >= 1 && strchr("bpmfdtnlgkhjqxrzcsyw", p[0]))
		i = 1;
	if (i >= n || !strchr("aeiouv", p[i]))
		return 0;
	while (i < n && strchr("aeiouv", p[i]))
		i++;
	if (i + 2 == n && memcmp(p + i, "ng", 2) == 0)
		return 1;
	if (i + 1 == n && (p[i] == 'n' || p[i] == 'r'))
		return 1;
	return i == n;
}

/*
 * Pinyin injected after a character: "(zhèn)" right after Han, 1..7
 * letters, closed by ')' or cut off by the end of the line.  Returns its
 * length or 0.
 */
static size_t
pinyin_run(const unsigned char *s, size_t n)
{
	size_t i = 1, k, letters = 0;
	char base[8];

	if (n < 2 || s[0] != '(')
		return 0;
	while (i < n && letters < sizeof(base) && (k = pinyin_letter(s + i, n - i,
	    &base[letters])) > 0) {
		i += k;
		letters++;
	}
	if (!letters || letters > 6)
		return 0;
	if (i < n && s[i] == ')')
		return pinyin_syllable(base, letters) ? i + 1 : 0;
	/* Cut off by the end of the line: "建設(s"; any start of a syllable. */
	return i == n ? i : 0;
}

/* Traditional-only and simplified-only forms of common characters. */
static const char trad_chars[] =
    "這們個來時會國說對學發過還與為後經開關長門問間見現電話當從點東車機業產際書記實";
static const char simp_chars[] =
    "这们个来时会国说对学发过还与为后经开关长门问间见现电话当从点东车机业产际书记实";

/* The ideographs that hint at what a line may hold. */
static const struct {
	const char *chars;
	unsigned hints;
} han_hints[] = {
	{ "年刚剛今昨前", H_DATE },
	{ "本", H_BEN | H_ROLE },
	{ "全融首见特记記通实實撰作执執", H_ROLE },	/* role words' first */
	{ "相推延热猜为更", H_REL },
	{ "发發", H_FA },
	{ "丨", H_SEP },	/* a bar: 文丨张三 */
};

/*
 * What each ideograph U+4E00..U+9FFF tells, one byte looked up per
 * character (most of a Chinese page): its H_* hints, and in the two bits
 * no ideograph's hint uses, whether it is on one of the lists above.
 */
enum { HAN_TRAD = H_PAREN, HAN_SIMP = H_CRUMB, HAN_SCRIPT = HAN_TRAD | HAN_SIMP };

static void
mark_chars(uint8_t *han_info, const char *chars, unsigned bits)
{
	const unsigned char *p = (const unsigned char *)chars;
	size_t n = strlen(chars), i = 0;
	uint32_t c;

	while (i < n) {
		i += utf8_decode(p + i, n - i, &c);
		if (c >= 0x4e00 && c < 0xa000)
			han_info[c - 0x4e00] |= (uint8_t)bits;
	}
}

void
fold_tables_init(struct scan_tables *t)
{
	uint16_t *ascii_hints = t->ascii_hints;
	size_t k;

	for (k = 0; k < 26; k++)
		ascii_hints['a' + k] = ascii_hints['A' + k] = LETTER_HINTS;
	for (k = 0; k < 10; k++)
		ascii_hints['0' + k] = DIGIT_HINTS;
	ascii_hints[':'] = ascii_hints['/'] = ascii_hints['|'] = H_SEP;
	ascii_hints['('] = H_PAREN;
	ascii_hints['>'] = H_CRUMB;
	mark_chars(t->han_info, trad_chars, HAN_TRAD);
	mark_chars(t->han_info, simp_chars, HAN_SIMP);
	for (k = 0; k < sizeof(han_hints) / sizeof(han_hints[0]); k++)
		mark_chars(t->han_info, han_hints[k].chars, han_hints[k].hints);
}

/*
 * What the characters of a folded line tell: counts and hints.  Kept in a
 * local while folding (stores through the output buffer's char pointer
 * would otherwise force the compiler to reload every counter).
 */
struct tally {
	int nvis, nhan;		/* nhan also adds to the page's count */
	unsigned hints;
	int hant, hans, kana, hangul, latin, en_words;
};

/* One more ideograph of those on the script lists (HAN_SCRIPT in f). */
static inline void
note_script(struct tally *t, unsigned f)
{
	/* A sample decides the script; most pages are long. */
	if (t->hant + t->hans > 400)
		return;
	if (f & HAN_TRAD)
		t->hant++;
	else
		t->hans++;
}

static inline void
note_cp(struct tally *t, const struct scan_tables *tab, uint32_t cp)
{
	t->nvis++;
	if (cp >= 0x4e00 && cp <= 0x9fff) {
		unsigned f = tab->han_info[cp - 0x4e00];

		t->hints |= f & ~HAN_SCRIPT;
		t->nhan++;
		if (f & HAN_SCRIPT)
			note_script(t, f);
		return;
	}
	if (cp == 0xbb || cp == 0x203a || cp == 0x2192)	/* » › → */
		t->hints |= H_CRUMB;
	if (cp >= 0x3040 && cp <= 0x30ff)
		t->kana++;
	else if (cp >= 0xac00 && cp <= 0xd7a3)
		t->hangul++;
	else if (cp >= 0x3400 && uc_class(cp) == UC_HAN)
		t->nhan++;
}

/* An English word ended: count the commonest function words. */
static inline void
note_word(struct tally *t, const char *w, int wl)
{
	if ((wl == 3 && (memcmp(w, "the", 3) == 0 || memcmp(w, "and", 3) == 0)) ||
	    (wl == 2 && (memcmp(w, "of", 2) == 0 || memcmp(w, "to", 2) == 0 ||
	    memcmp(w, "is", 2) == 0)))
		t->en_words++;
}

/* A visible ASCII character c; w[0..*wl) is the English word it may go on. */
static inline void
note_ascii(struct tally *t, const uint16_t *ascii_hints, unsigned char c, char *w, int *wl)
{
	t->nvis++;
	t->hints |= ascii_hints[c];
	if ((unsigned char)((c | 0x20) - 'a') < 26) {
		t->latin++;
		if (*wl < 7)
			w[*wl] = (char)(c | 0x20);
		(*wl)++;
	} else if (*wl) {
		note_word(t, w, *wl);
		*wl = 0;
	}
}

#if defined(__SSE2__)
/*
 * The letters of a block of ascii_run, bit k for byte k (bits at and
 * past its run's end clear), as note_ascii would take them one by one
 * into w[0..*wl): each word that ends inside the block is counted, the
 * one that runs to its end is left in w for the bytes after.  Only a word
 * of two or three letters can count (note_word), so only three are kept.
 */
static inline void
note_letters(struct tally *t, const unsigned char *s, unsigned letters, unsigned k,
    char *w, int *wl)
{
	unsigned pos = 0, r;
	int len = *wl;

	while (pos < k) {
		if (!(letters >> pos & 1)) {
			if (len)
				note_word(t, w, len), len = 0;
			if (!(letters >> pos))
				break;
			pos += (unsigned)__builtin_ctz(letters >> pos);
		}
		r = (unsigned)__builtin_ctz(~(letters >> pos));
		switch (len) {	/* the first three letters */
		case 0:
			w[0] = (char)(s[pos] | 0x20);
			if (r < 2)
				break;
			w[1] = (char)(s[pos + 1] | 0x20);
			if (r < 3)
				break;
			w[2] = (char)(s[pos + 2] | 0x20);
			break;
		case 1:
			w[1] = (char)(s[pos] | 0x20);
			if (r < 2)
				break;
			w[2] = (char)(s[pos + 1] | 0x20);
			break;
		case 2:
			w[2] = (char)(s[pos] | 0x20);
			break;
		}
		len += (int)r;
		pos += r;
	}
	*wl = len;
}

/* The bits set in each byte value (no POPCNT instruction assumed): scan_bits16(). */
#define B2(k) k, k + 1, k + 1, k + 2
#define B4(k) B2(k), B2(k + 1), B2(k + 1), B2(k + 2)
#define B6(k) B4(k), B4(k + 1), B4(k + 1), B4(k + 2)
const unsigned char scan_bits8[256] = { B6(0), B6(1), B6(1), B6(2) };
#undef B2
#undef B4
#undef B6

/*
 * A run of printable ASCII (blanks and visible characters) at s[i..n),
 * sixteen bytes at a test: copied to *op as it is and counted into t, as
 * fold_line's loops one byte at a time would.  A hand-tuned hot loop:
 * half the bytes of the pages are blanks and ASCII.  Reads s[i..lim), lim
 * >= n (the rest of the record), and may store sixteen bytes at *op.
 * English words are counted only when words is not 0.  Returns where the
 * run ends, i itself when fewer than sixteen can be read.
 */
static size_t
ascii_run(struct tally *t, const uint16_t *ascii_hints, const unsigned char *s, size_t i,
    size_t n, size_t lim, char **op, char *w, int *wl, int words)
{
	char *o = *op;
	unsigned hints = 0;

	while (i < n && lim - i >= 16) {
		__m128i v = sse_load(s + i);
		__m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
		unsigned in = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1f)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7f))));
		unsigned k, blank, letters, digits, other;

		if (n - i < 16)
			in &= (1u << (n - i)) - 1;
		k = (unsigned)__builtin_ctz(~in);	/* ~in has bit 16 set */
		if (k == 0)
			break;
		in = (1u << k) - 1;
		_mm_storeu_si128((__m128i *)o, v);
		o += k;
		blank = sse_eq(v, ' ') & in;
		letters = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
		    _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)))) & in;
		digits = sse_digits(v) & in;
		t->nvis += (int)k - scan_bits16(blank);
		t->latin += scan_bits16(letters);
		if (letters)
			hints |= LETTER_HINTS;
		if (digits)
			hints |= DIGIT_HINTS;
		for (other = in & ~(blank | letters | digits); other; other &= other - 1)
			hints |= ascii_hints[s[i + (unsigned)__builtin_ctz(other)]];
		if (words)
			note_letters(t, s + i, letters, k, w, wl);
		i += k;
		if (k < 16)
			break;
	}
	t->hints |= hints;
	*op = o;
	return i;
}
#endif

/*
 * The index in han_info of the ideograph (U+4E00..U+9FFF) whose UTF-8
 * bytes would be b0 b1 b2, or HAN_N and above when they are none: a lead
 * byte out of 0xe0..0xef puts the difference out of range.
 */
static inline uint32_t
han_index(unsigned b0, unsigned b1, unsigned b2)
{
	b1 ^= 0x80;
	b2 ^= 0x80;
	if ((b1 | b2) >= 0x40)
		return HAN_N;	/* not continuation bytes */
	return (((uint32_t)(b0 - 0xe0) << 12) | (b1 << 6) | b2) - 0x4e00;
}

/*
 * A run of characters U+2000..U+2FFF at s[i..n) (general punctuation,
 * arrows, box drawing: the rules ━━━ and bullets of w3m's pages), copied
 * to *op and counted as note_cp counts them: visible, of no script, and
 * › → hinting at a breadcrumb.  Returns where the run ends.
 */
static size_t
punct_run(struct tally *t, const unsigned char *s, size_t i, size_t n, char **op)
{
	char *o = *op;

	while (i + 2 < n && s[i] == 0xe2 && (s[i + 1] & 0xc0) == 0x80 &&
	    (s[i + 2] & 0xc0) == 0x80) {
		uint32_t cp = 0x2000 | (uint32_t)(s[i + 1] & 0x3f) << 6 | (s[i + 2] & 0x3f);

		if (cp == 0x203a || cp == 0x2192)
			t->hints |= H_CRUMB;
		o[0] = (char)s[i];
		o[1] = (char)s[i + 1];
		o[2] = (char)s[i + 2];
		o += 3;
		i += 3;
		t->nvis++;
	}
	*op = o;
	return i;
}

/*
 * Fold one line s[0..n) into pg->norm and count what is in it, in one
 * pass (s[n..lim) is the rest of the record, which ascii_run may read):
 * full-width ASCII to ASCII, U+3000 and NBSP to a space, tabs to spaces,
 * CR dropped, pinyin after Han removed.  A hand-tuned hot loop, longer
 * than a function should be: a sixth of extract-meta's instructions are
 * here, and its runs of ideographs, ASCII and blanks, and U+2000..U+2FFF
 * each have a loop of their own so that every byte is read once.
 */
static void
fold_line(struct page *pg, struct line *l, const unsigned char *s, size_t n, size_t lim)
{
	struct buf *out = &pg->norm;
	const struct scan_tables *tab = pg->tab;
	struct tally t;
	char *o;
	size_t i = 0, run;
	int prev_han = 0, wl = 0;
	char w[8];
#if defined(__SSE2__)
	/* Enough English words counted: ascii_run need not find the words. */
	const int words = pg->en_words < EN_WORDS_ENOUGH;
#endif

	buf_reserve(out, n + 17);	/* ascii_run stores sixteen at a time */
	o = out->data + out->len;
	memset(&t, 0, sizeof(t));
	t.hant = pg->hant;
	t.hans = pg->hans;
	while (i < n) {
		unsigned char c = s[i];
		uint32_t cp, hk;

#if defined(__SSE2__)
		if (c >= ' ' && c < 0x7f && !(c == '(' && prev_han)) {
			size_t e = ascii_run(&t, tab->ascii_hints, s, i, n, lim, &o, w, &wl, words);

			if (e > i) {
				prev_han = 0;
				i = e;
				continue;
			}
		}
#endif
		if (c == ' ') {
			size_t e = (size_t)(skip_spaces((const char *)s + i, (const char *)s + n) -
			    (const char *)s);

			if (wl)
				note_word(&t, w, wl), wl = 0;
			if (e - i == 1)
				*o++ = ' ';	/* most often: a call costs more */
			else {
				memset(o, ' ', e - i);
				o += e - i;
			}
			prev_han = 0;
			i = e;
			continue;
		}
		if (c < 0x80) {
			if (c == '(' && prev_han && (run = pinyin_run(s + i, n - i)) > 0) {
				i += run;
				continue;	/* prev_han stays: 鎮(zhèn)江 */
			}
			prev_han = 0;
			if (c > ' ' && c < 0x7f) {
				/* The rest of a run of visible ASCII, which needs no folding. */
				do {
					*o++ = (char)c;
					note_ascii(&t, tab->ascii_hints, c, w, &wl);
				} while (++i < n && (c = s[i]) > ' ' && c < 0x7f);
				continue;
			}
			i++;
			if (c == '\r')
				continue;
			/* Tabs; NUL and other controls never reach a field. */
			*o++ = ' ';
			if (wl)
				note_word(&t, w, wl), wl = 0;
			continue;
		}
		if (wl)
			note_word(&t, w, wl), wl = 0;
		if (i + 2 < n && han_index(c, s[i + 1], s[i + 2]) < HAN_N) {
			/*
			 * A run of ideographs, most of a Chinese page: each
			 * character looked up once, the run counted and copied
			 * as is when it ends.
			 */
			unsigned hf = 0;
			size_t start = i;
			int chars;

			while (i + 2 < n) {
				unsigned f;

				if ((hk = han_index(s[i], s[i + 1], s[i + 2])) >= HAN_N)
					break;
				f = tab->han_info[hk];
				i += 3;
				hf |= f;
				if (f & HAN_SCRIPT)
					note_script(&t, f);
			}
			chars = (int)((i - start) / 3);
			memcpy(o, s + start, i - start);
			o += i - start;
			t.nvis += chars;
			t.nhan += chars;
			t.hints |= hf & ~HAN_SCRIPT;
			prev_han = 1;
			continue;
		}
		if (c == 0xef && i + 2 < n && (s[i + 1] == 0xbc || s[i + 1] == 0xbd)) {
			cp = 0xf000 | ((uint32_t)(s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
			if (cp >= 0xff01 && cp <= 0xff5e) {
				prev_han = 0;
				i += 3;
				c = (unsigned char)(cp - 0xfee0);
				*o++ = (char)c;
				note_ascii(&t, tab->ascii_hints, c, w, &wl);
				continue;
			}
		}
		if ((c == 0xe3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) ||
		    (c == 0xc2 && i + 1 < n && s[i + 1] == 0xa0)) {
			*o++ = ' ';
			prev_han = 0;
			i += c == 0xe3 ? 3 : 2;
			continue;
		}
		if (c == 0xe2 && (run = punct_run(&t, s, i, n, &o)) > i) {
			prev_han = 0;
			i = run;
			continue;
		}
		if ((c & 0xf0) == 0xe0 && i + 2 < n && (s[i + 1] & 0xc0) == 0x80 &&
		    (s[i + 2] & 0xc0) == 0x80) {
			cp = ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(s[i + 1] & 0x3f) << 6) |
			    (s[i + 2] & 0x3f);
			o[0] = (char)c;
			o[1] = (char)s[i + 1];
			o[2] = (char)s[i + 2];
			o += 3;
			i += 3;
		} else {
			size_t k = utf8_decode(s + i, n - i, &cp);

			memcpy(o, s + i, k);
			o += k;
			i += k;
		}
		prev_han = (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff);
		note_cp(&t, tab, cp);
	}
	if (wl)
		note_word(&t, w, wl);
	out->len = (size_t)(o - out->data);
	l->nvis += t.nvis;
	l->nhan += t.nhan;
	l->hints |= t.hints;
	pg->han += t.nhan;
	pg->hant = t.hant;
	pg->hans = t.hans;
	pg->kana += t.kana;
	pg->hangul += t.hangul;
	pg->latin += t.latin;
	pg->en_words += t.en_words;
}

/*
 * Has s[0..n) more than lim bytes other than spaces?  Table layouts pad
 * their cells with spaces; a body paragraph is past lim early on, so stop
 * there.  Eight bytes at a time: the high bit of each byte of v is set
 * where the byte is no space, and a multiply adds those bits up.
 */
static int
visible_over(const char *s, size_t n, size_t lim)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
	size_t i = 0, vis = 0;

	for (; i + 8 <= n && vis <= lim; i += 8) {
		uint64_t v = load_le64((const unsigned char *)s + i) ^ SPACES8;

		v = (((v & low7) + low7) | v) & ~low7;
		vis += (size_t)(((v >> 7) * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n && vis <= lim; i++)
		vis += s[i] != ' ';
	return vis > lim;
}

/* The start of the UTF-8 character holding byte i. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/*
 * Where line MAX_LINES - MAX_LINES / 3 of t[0..end), which starts at
 * off, should skip to: the start of the last MAX_LINES / 3 lines when the
 * record has more than MAX_LINES lines (metadata sits at the top and the
 * bottom of a page: the line table stays bounded), else off itself.
 * Asked when that line is reached, so that a record of fewer lines is not
 * counted through first: off's lines each ended in a newline.
 */
static size_t
skip_middle(const char *t, size_t off, const char *end)
{
	size_t lines = MAX_LINES - MAX_LINES / 3, tail = 0;
	const char *q = t + off;

	while ((q = memchr(q, '\n', (size_t)(end - q))) != NULL && lines <= MAX_LINES)
		q++, lines++;
	if (lines <= MAX_LINES)
		return off;
	q = end;
	while (q > t && tail < MAX_LINES / 3)
		if (*--q == '\n')
			tail++;
	return (size_t)(q - t) + 1 > off ? (size_t)(q - t) + 1 : off;
}

/* Fold the text and cut it into trimmed lines. */
void
fold_page(struct page *pg)
{
	struct buf *norm = &pg->norm;
	const char *t = pg->text, *end = t + pg->len;
	size_t off = 0;

	buf_clear(norm);
	pg->nl = 0;
	while (off < (size_t)(end - t)) {
		if (pg->nl == MAX_LINES - MAX_LINES / 3)
			off = skip_middle(t, off, end);

		const char *p = t + off;
		/* A third of a dump's lines are empty: no call to find their end. */
		const char *nl = *p == '\n' ? p : memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct line *ln;
		size_t a, b, na, nb;

		if (pg->nl == pg->lncap) {
			pg->lncap = pg->lncap ? pg->lncap * 2 : 256;
			pg->ln = xreallocarray(pg->ln, pg->lncap, sizeof(struct line));
		}
		ln = pg->ln + pg->nl++;
		memset(ln, 0, sizeof(*ln));
		if (l == 0) {	/* nothing to fold or trim */
			ln->off = off;
			ln->noff = norm->len;
			buf_addc(norm, '\n');
			off++;
			continue;
		}
		/* Most lines start with no blank: skip_spaces is for the runs of them. */
		a = l && p[0] == ' ' ? (size_t)(skip_spaces(p, p + l) - p) : 0, b = l;
		while (a < b && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r'))
			a++;
		while (b >= a + 8 && load_le64((const unsigned char *)p + b - 8) == SPACES8)
			b -= 8;
		while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t' || p[b - 1] == '\r'))
			b--;
		ln->off = off + a;
		ln->len = b - a;
		na = norm->len;
		if (b - a > LONG_BYTES && visible_over(p + a, b - a, LONG_BYTES)) {
			/*
			 * A body paragraph: only its ends can hold metadata (a
			 * dateline, a closing byline), so fold just those.
			 */
			size_t h = char_start(p + a, LONG_HEAD);
			size_t t0 = (b - a) - LONG_TAIL;

			t0 = char_start(p + a, t0);
			fold_line(pg, ln, (const unsigned char *)p + a, h, (size_t)(end - p) - a);
			buf_add(norm, "   ", 3);
			fold_line(pg, ln, (const unsigned char *)p + a + t0, (b - a) - t0,
			    (size_t)(end - p) - a - t0);
			ln->bits |= LB_LONG;
		} else
			fold_line(pg, ln, (const unsigned char *)p + a, b - a, (size_t)(end - p) - a);
		nb = norm->len;
		/* Trim again: folded ideographic spaces. */
		while (na < nb && norm->data[na] == ' ')
			na++;
		while (nb > na && norm->data[nb - 1] == ' ')
			nb--;
		ln->noff = na;
		ln->nlen = nb - na;
		buf_addc(norm, '\n');
		off += l + 1;
	}
	pg->n = norm->data;
}
