/*
 * lang.c - the language of a page (the lang field, and langs with
 * --lang-detail).  A page written in ideographs, kana or hangul beyond
 * doubt is named by its scripts, Chinese as simplified or traditional by
 * its characters (zh-Hans, zh-Hant).  Any other page is CLD2's: its first
 * language over the page's lines of prose, with what the record claims
 * (<html lang>, og:locale, content-language in its <meta> and in its HTTP
 * response, its url's top-level domain)
 * as CLD2's hints.  Where CLD2 has no answer, the scripts and English
 * function words decide.
 */
#include <string.h>

#include "bytes.h"
#include "lang.h"
#include "page.h"
#include "utf8.h"

/*
 * The window CLD2 reads (CLD2 reads about 50 MB/s; extract-meta's other
 * work about 240): LANG_FIRST bytes, and LANG_BYTES when CLD2 is not sure
 * of those, sure being reliable with the first language at least
 * LANG_SURE percent of the text.  Measured on the corpora's pages with a
 * known language (dev / val, speed over the pages texts as -z records):
 * 16K at once .973 / .980, 0.37 -> 1.2 s; 1K then 8K at 90% .968 / .978,
 * 0.37 s; 1K then 8K at 80% .966 / .974; 2K alone .953 / .976 (a
 * window of the text as it runs from its first line of 40 visible
 * characters; the prose lines of scripts/lang-figures: .972 dev).
 * CLD2 is a sixth of extract-meta's CPU time.  A first window of 512
 * bytes, kept when CLD2 is sure of it, saved half of that (callgrind) but
 * changed lang on 6 of the 1,782 corpus pages (de/en, de/cs): not taken.
 */
#define LANG_FIRST 1024
#define LANG_BYTES (8 * 1024)
#define LANG_SURE 90
/*
 * The first window reads at most this many bytes of each prose line, so
 * that it samples several lines: one long paragraph of chrome (an
 * archive's banner over the page it captured, a cookie notice) filled it
 * and CLD2 was sure of that paragraph's language.  Compared on dev
 * (scripts/lang-figures): 128 bytes .976, 192 .977, 256 .975, 384 and
 * whole lines .974.
 */
#define LANG_FIRST_LINE 192
/* A line of prose has this many letters (prose_line). */
#define PROSE_CHARS 40
/*
 * CJK characters to one Latin letter that make a page CJK beyond doubt:
 * one character holds about what a short Latin word does.
 */
#define CJK_SHARE 2

/*
 * The CJK language that han ideographs, kana and hangul among latin
 * Latin letters tell, or NULL; Chinese as the page's characters are
 * (pg->hant, pg->hans).
 */
static const char *
cjk_script(const struct page *pg, int han, int kana, int hangul, int latin)
{
	if (kana > 20 && kana * 4 > han)
		return "ja";
	if (hangul > 20)
		return "ko";
	if (han > 20 && han * 3 > latin / 3)
		return pg->hant > pg->hans ? "zh-Hant" : "zh-Hans";
	return NULL;
}

/* The language the scripts of the page tell alone, or NULL. */
static const char *
script_lang(const struct page *pg)
{
	const char *cjk = cjk_script(pg, pg->han, pg->kana, pg->hangul, pg->latin);

	if (cjk)
		return cjk;
	if (pg->en_words >= EN_WORDS_ENOUGH)
		return "en";
	return NULL;
}

/*
 * Is the CJK language the scripts tell (ja, ko, zh-*) among CLD2's three?
 * CLD2 weighs languages by bytes of text, and a Chinese blog's code
 * samples or a Japanese page's English menus outweigh its prose that way:
 * where the page's own letters are mostly CJK (script_lang) and CLD2 sees
 * that language too, the script's language is the page's.
 */
static int
cjk_listed(const struct meta *m, const char *script)
{
	int k;

	if (!script || strcmp(script, "en") == 0)
		return 0;
	for (k = 0; k < m->nlangs; k++)
		if (strncmp(m->langs[k].code, script, 2) == 0)
			return 1;
	return 0;
}

/* Is a CJK language (ja, ko, zh-*) among CLD2's three? */
static int
lists_cjk(const struct meta *m)
{
	int k;

	for (k = 0; k < m->nlangs; k++)
		if (strcmp(m->langs[k].code, "ja") == 0 || strcmp(m->langs[k].code, "ko") == 0 ||
		    strncmp(m->langs[k].code, "zh", 2) == 0)
			return 1;
	return 0;
}

/*
 * A line with CODE_LINE of these is source code (CSS selectors, markup,
 * assignments, identifiers_with_underscores), whose words are English on
 * blogs of every language: prose seldom has them.  Compared on dev: 2
 * marks .973, 3 .974, 4 .973, 6 and none .972.
 */
#define CODE_LINE 3
/* The marks of code, "{}[]<>=_#$|\\~^*@&%", as a table: prose_line asks it of every byte. */
static const unsigned char code_mark[128] = {
	['{'] = 1, ['}'] = 1, ['['] = 1, [']'] = 1, ['<'] = 1, ['>'] = 1, ['='] = 1,
	['_'] = 1, ['#'] = 1, ['$'] = 1, ['|'] = 1, ['\\'] = 1, ['~'] = 1, ['^'] = 1,
	['*'] = 1, ['@'] = 1, ['&'] = 1, ['%'] = 1,
};
/* The line bytes prose_line() judges a line by: a prose line shows it early. */
#define PROSE_PEEK 256

static int
isalpha_c(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int
isalnum_c(unsigned char c)
{
	return isalpha_c(c) || (c >= '0' && c <= '9');
}

/*
 * Is c, of class cls (uc_class(c), which the caller has asked), a letter
 * of some script for prose_line()?  Digits, spaces, punctuation, the
 * symbol blocks U+2000..U+2BFF (arrows, box drawing, shapes, dingbats: a
 * ruler line of ━, a menu of ☆) and the private use area (icon fonts) are
 * not; scripts uc_class() does not list (Myanmar, Ethiopic...) are.
 */
static int
letter_like(uint32_t c, enum uc_class cls)
{
	switch (cls) {
	case UC_SPACE: case UC_DIGIT: case UC_PUNCT_ASCII: case UC_PUNCT_CJK:
		return 0;
	case UC_OTHER:
		return c >= 0xC0 && c != UTF8_BAD && !(c >= 0x2000 && c <= 0x2BFF) &&
		    !(c >= 0xE000 && c <= 0xF8FF);
	default:
		return 1;
	}
}

/*
 * Does the line s[0..n) begin with a line number and a run of spaces
 * ("12     startActivity(intent);")?  That is how a blog's code block
 * prints its gutter, and a line of a code listing is no prose, whatever
 * its words: prose numbers its list items "1." or "1)".
 */
static int
numbered_code(const unsigned char *s, size_t n)
{
	size_t i = 0, digits;

	while (i < n && s[i] == ' ')
		i++;
	for (digits = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	return i > digits && i + 1 < n && s[i] == ' ' && s[i + 1] == ' ';
}

/*
 * Is the line s[0..n) a line of prose: PROSE_CHARS letters at least in
 * its first PROSE_PEEK bytes, two of each three visible characters
 * letters, fewer than CODE_LINE marks of code?  An ideograph, kana or
 * hangul counts CJK_SHARE letters: a line of Chinese prose is shorter
 * than one of English.  A stock ticker ("ATX3078.02-0.24%ANDRITZ43.14"),
 * a ruler of box-drawing characters or a row of icons is not.
 */
static int
prose_line(const unsigned char *s, size_t n)
{
	size_t i = 0;
	int letters = 0, vis = 0, code = 0;
	uint32_t c;
	enum uc_class cls;

	if (numbered_code(s, n))
		return 0;
	if (n > PROSE_PEEK)
		n = utf8_complete_prefix(s, PROSE_PEEK);
	while (i < n) {
#if defined(__SSE2__)
		if (i + 16 <= n && !_mm_movemask_epi8(sse_load(s + i))) {
			/*
			 * Sixteen ASCII bytes at a test (a hand-tuned loop: the
			 * lines of every Latin-script page): visible ones, letters,
			 * and the marks of code among what is neither.
			 */
			__m128i v = sse_load(s + i), low = _mm_or_si128(v, _mm_set1_epi8(0x20));
			unsigned vis16 = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v,
			    _mm_set1_epi8(' ')));
			unsigned alpha = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
			    _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1))));
			unsigned other;

			vis += scan_bits16(vis16);
			letters += scan_bits16(alpha);
			for (other = vis16 & ~alpha & ~sse_digits(v); other; other &= other - 1)
				code += code_mark[s[i + (unsigned)__builtin_ctz(other)]];
			i += 16;
			continue;
		}
#endif
		if (s[i] < 0x80) {
			/* ASCII, most of a Latin-script page, without a decode. */
			c = s[i++];
			if (c <= ' ')
				continue;
			vis++;
			letters += isalpha_c((unsigned char)c);
			code += code_mark[c];
			continue;
		}
		i += utf8_decode(s + i, n - i, &c);
		switch (cls = uc_class(c)) {	/* a search of the ranges: asked once */
		case UC_SPACE:
			continue;
		case UC_HAN: case UC_KANA: case UC_HANGUL:
			letters += CJK_SHARE;
			vis += CJK_SHARE;
			break;
		default:
			letters += letter_like(c, cls);
			vis++;
		}
	}
	return letters >= PROSE_CHARS && letters * 3 >= vis * 2 && code < CODE_LINE;
}

/* Append the tag s[0..n) to b as CLD2 reads tags: lower case, '-' for '_'. */
static void
add_tag(struct buf *b, const char *s, size_t n)
{
	size_t i;

	while (n && (*s == ' ' || *s == '"'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '"'))
		n--;
	if (!n || n > 16)
		return;
	for (i = 0; i < n; i++)
		if (!(isalnum_c((unsigned char)s[i]) || s[i] == '-' || s[i] == '_'))
			return;
	if (b->len && b->data[b->len - 1] != '\0')
		buf_addc(b, ',');
	for (i = 0; i < n; i++)
		buf_addc(b, s[i] == '_' ? '-' : (char)ascii_lower((unsigned char)s[i]));
}

/*
 * Append each tag of the list s[0..n) ("mi, en": HTTP's Content-Language
 * and <meta http-equiv=content-language> may name several) with add_tag().
 */
static void
add_tags(struct buf *b, const char *s, size_t n)
{
	const char *comma;

	while (n && (comma = memchr(s, ',', n)) != NULL) {
		add_tag(b, s, (size_t)(comma - s));
		n -= (size_t)(comma - s) + 1;
		s = comma + 1;
	}
	add_tag(b, s, n);
}

/*
 * The top-level domain of the address u: "de" of "https://www.faz.net.de:80/x"
 * (letters only, at most three: CLD2 reads no longer ones), or length 0.
 */
static size_t
url_tld(const struct meta_str *u, const char **tld)
{
	const char *s = u->s, *e, *dot;
	size_t n = u->n, at;

	if (!n || (e = memchr(s, ':', n)) == NULL || (size_t)(e - s) + 3 > n || e[1] != '/' ||
	    e[2] != '/')
		return 0;
	s = e + 3;
	n -= (size_t)(s - u->s);
	for (at = 0; at < n && s[at] != '/' && s[at] != ':' && s[at] != '?' && s[at] != '#'; at++)
		;
	for (dot = s + at; dot > s && dot[-1] != '.'; dot--)
		;
	if (dot == s)
		return 0;
	*tld = dot;
	n = at - (size_t)(dot - s);
	for (at = 0; at < n; at++)
		if (!isalpha_c((unsigned char)(*tld)[at]))
			return 0;
	return n >= 2 && n <= 3 ? n : 0;
}

/*
 * The hints of the page's record (CLD2's CLDHints): the tags its head
 * gives, and the top-level domain of its url, written into b after what
 * b holds (b must not grow after *h is set: h points into it).
 */
static void
record_hints(const struct meta_head *hd, struct buf *b, struct lang_hints *h)
{
	size_t tags, tld, n;
	const char *t;

	h->tags = h->tld = NULL;
	if (!hd)
		return;
	buf_addc(b, '\0');
	tags = b->len;
	add_tag(b, hd->lang.s, hd->lang.n);
	add_tag(b, hd->locale.s, hd->locale.n);
	add_tags(b, hd->content_lang.s, hd->content_lang.n);
	add_tags(b, hd->http_lang.s, hd->http_lang.n);
	buf_addc(b, '\0');
	tld = b->len;
	if ((n = url_tld(&hd->url, &t)) != 0)
		for (size_t i = 0; i < n; i++)
			buf_addc(b, (char)ascii_lower((unsigned char)t[i]));
	buf_addc(b, '\0');
	if (b->data[tags])
		h->tags = b->data + tags;
	if (b->data[tld])
		h->tld = b->data + tld;
}

/*
 * Add the page's prose lines (prose_line), from line *next on, to the
 * window b until it holds limit bytes, each line's valid UTF-8 (at most
 * line_max bytes of it) and a newline; *next is left at the first line
 * not read.  Menus, tickers, rulers and code between the paragraphs stay
 * out of what CLD2 reads.
 */
static void
prose_window(const struct page *pg, struct buf *b, size_t *next, size_t limit, size_t line_max)
{
	const unsigned char *t = (const unsigned char *)pg->text;
	size_t i, k;

	for (i = *next; i < pg->nl && b->len < limit; i++) {
		const struct line *l = &pg->ln[i];

		if (l->nvis * CJK_SHARE < PROSE_CHARS || !prose_line(t + l->off, l->len))
			continue;
		/*
		 * At most line_max bytes are taken: the line is checked no
		 * further than a character past them (whether its valid prefix
		 * passes line_max is told there), not to its end.
		 */
		k = utf8_valid_prefix(t + l->off, l->len < line_max + 4 ? l->len : line_max + 4);
		if (k > line_max)
			k = utf8_complete_prefix(t + l->off, line_max);
		if (k > limit - b->len)
			k = utf8_complete_prefix(t + l->off, limit - b->len);
		buf_add(b, t + l->off, k);
		if (b->len < limit)
			buf_addc(b, '\n');
	}
	*next = i;
}

/*
 * CLD2's answer on the window b (its text, then LANG_PAD zero bytes and
 * the record's hints after them) into m.  Returns 1 when CLD2 is sure:
 * reliable, its first language LANG_SURE percent of the text.
 */
static int
cld2_window(const struct page *pg, struct buf *b, struct meta *m)
{
	size_t n = b->len;
	struct lang_hints h;
	int reliable;

	buf_reserve(b, LANG_PAD);
	memset(b->data + n, 0, LANG_PAD);
	b->len += LANG_PAD;
	record_hints(pg->head, b, &h);
	m->nlangs = lang_cld2_detect(b->data, n, &h, m->langs, &reliable);
	b->len = n;
	return reliable && m->nlangs > 0 && m->langs[0].percent >= LANG_SURE;
}

/*
 * CLD2's languages of the page into m: its prose lines (prose_window),
 * LANG_FIRST bytes of them, and LANG_BYTES when CLD2 is not sure of those.
 * Most pages are told by their first kilobyte, and CLD2 reads about 50
 * MB/s.  A page with no line of prose (a list, a table of short cells) is
 * read as it runs, from its start.
 */
static void
detect(const struct page *pg, struct meta *m)
{
	const unsigned char *s = (const unsigned char *)pg->text;
	struct buf *b = &m->lang_window;
	size_t next = 0, n;

	buf_clear(b);
	prose_window(pg, b, &next, LANG_FIRST, LANG_FIRST_LINE);
	if (b->len) {
		if (!cld2_window(pg, b, m) && next < pg->nl) {
			prose_window(pg, b, &next, LANG_BYTES, LANG_BYTES);
			cld2_window(pg, b, m);
		}
		return;
	}
	n = utf8_valid_prefix(s, pg->len < LANG_BYTES ? pg->len : LANG_BYTES);
	buf_add(b, s, utf8_complete_prefix(s, n < LANG_FIRST ? n : LANG_FIRST));
	if (!cld2_window(pg, b, m) && n > b->len) {
		buf_clear(b);
		buf_add(b, s, n);
		cld2_window(pg, b, m);
	}
}

/*
 * The CJK language the window CLD2 read (b: its prose lines, code
 * listings left out) is written in, by its letters, or NULL: a Chinese
 * blog's prose where the code and logs of the whole page outnumber its
 * ideographs.
 */
static const char *
window_cjk(const struct page *pg, const struct buf *b)
{
	const unsigned char *s = (const unsigned char *)b->data;
	int han = 0, kana = 0, hangul = 0, latin = 0;
	size_t i = 0, n = b->len;
	uint32_t c;

	while (i < n) {
		if (s[i] < 0x80) {
			latin += isalpha_c(s[i++]);
			continue;
		}
		i += utf8_decode(s + i, n - i, &c);
		switch (uc_class(c)) {
		case UC_HAN: han++; break;
		case UC_KANA: kana++; break;
		case UC_HANGUL: hangul++; break;
		case UC_LATIN: latin++; break;
		default: break;
		}
	}
	return cjk_script(pg, han, kana, hangul, latin);
}

/*
 * Is the page written in ideographs, kana or hangul beyond doubt, so that
 * its scripts name its language (script_lang) and CLD2 need not read it?
 * Most of the Chinese pages winnow is for are, and CLD2 would cost them
 * half their speed.
 */
static int
cjk_page(const struct page *pg)
{
	int cjk = pg->han + pg->kana + pg->hangul;

	return cjk >= 50 && (long)cjk * CJK_SHARE >= pg->latin && script_lang(pg) &&
	    strcmp(script_lang(pg), "en") != 0;
}

void
choose_lang(struct page *pg)
{
	struct meta *m = pg->m;
	const char *lang = NULL, *prose_cjk;
	int k;

	int cjk = cjk_page(pg);

	if (!cjk || pg->o->lang_detail)
		detect(pg, m);
	/* CLD2's "zh" is simplified Chinese. */
	for (k = 0; k < m->nlangs; k++)
		if (strcmp(m->langs[k].code, "zh") == 0)
			memcpy(m->langs[k].code, "zh-Hans", sizeof("zh-Hans"));
	if (m->nlangs > 0)
		lang = m->langs[0].code;
	if (lang && strncmp(lang, "zh-", 3) == 0)
		lang = pg->hant > pg->hans ? "zh-Hant" : "zh-Hans";
	if (cjk || !lang || cjk_listed(m, script_lang(pg)))
		lang = script_lang(pg);
	else if (lists_cjk(m) && cjk_listed(m, (prose_cjk = window_cjk(pg, &m->lang_window))))
		lang = prose_cjk;
	if (lang) {
		buf_adds(&m->lang, lang);
		m->has_lang = 1;
	}
}

void
lang_put_json(struct buf *b, const struct meta *m)
{
	int k;

	buf_addc(b, '[');
	for (k = 0; k < m->nlangs; k++)
		buf_printf(b, "%s{\"lang\":\"%s\",\"share\":%d.%02d}", k ? "," : "",
		    m->langs[k].code, m->langs[k].percent / 100, m->langs[k].percent % 100);
	buf_addc(b, ']');
}
