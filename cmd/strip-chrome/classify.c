/*
 * classify.c - label every line of a page as body or chrome.
 *
 * 1. Split the page into units: its lines, or, for a page laid out as a
 *    table with a sidebar printed beside the text, the cells of its lines
 *    with the display column each starts at.
 * 2. Measure each unit: weight (Han characters, two per word), sentence
 *    and clause punctuation, bullets, separators, dates, keyword families
 *    of chrome, copies on the page and on earlier pages of the stream.
 * 3. Label it by itself, then in context: hard-wrapped paragraphs, lists
 *    of teasers, sidebar columns.
 * 4. Score: prose counts for the body by its weight, a short line with no
 *    sentence costs a little, chrome a lot, a heading that ends articles
 *    ("相关阅读") is a wall.  The body is the run of units with the
 *    greatest total, the densest run of prose; the title, navigation,
 *    related lists and footers fall outside it.  A page with hardly any
 *    prose (an agenda, a table) is judged by its lines of text instead.
 * 5. Inside the run, drop what is chrome however it sits: metadata lines,
 *    image placeholders, share prompts, editor credits.
 */
#include <stdlib.h>
#include <string.h>

#include "strip.h"
#include "utf8.h"
#include "winnow.h"

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

struct line {
	const char *raw;	/* the whole line, newline excluded */
	size_t rawlen;
	const char *s;		/* trimmed of white space */
	size_t n;
	unsigned han, words, digits, letters, upper, capwords;
	unsigned sent, clause, quote, brackets, seps, boxes, other;
	unsigned weight;	/* Han characters + 2 per word */
	uint64_t hash;		/* of the trimmed text */
	size_t phys;		/* the physical line it is on */
	size_t blanks;		/* blank lines folded into this unit, or 0 */
	unsigned col;		/* display column where the text starts */
	unsigned width;		/* display width of the text */
	int dup;		/* the same text is elsewhere on the page */
	unsigned copy;		/* which copy on the page, from 1 */
	unsigned copies;	/* how many copies the page holds */
	size_t first;		/* the unit of the first copy */
	int bullet, ends_sentence, teaser, has_date;
	int last_word;		/* ends in a letter or character, no mark */
	uint32_t last_punct;	/* the mark that ends the line, or 0 */
	int wrapped;		/* part of a hard-wrapped paragraph */
	int other_col;		/* a cell of a sidebar column */
	int seen;		/* on --repeat-min earlier pages */
	unsigned kw;		/* keyword families found, KW_* */
	enum label label;
	const char *reason;
	long score;
	long lscore;		/* the score when the page is a listing */
	int keep;
};

void
strip_opts_init(struct strip_opts *o)
{
	memset(o, 0, sizeof *o);
	o->repair_pinyin = 1;
	o->repeat_min = 3;
	o->min_prose = 12;
	o->gap = 6;
}

/*
 * uc_class() searches a table; the ranges most pages are made of are
 * answered first: Han, CJK punctuation, general punctuation, box drawing.
 * Only the classes measure() tells apart matter here.
 */
static inline enum uc_class
fast_class(uint32_t c)
{
	if (c >= 0x4E00 && c <= 0x9FFF)
		return UC_HAN;
	if ((c >= 0x2010 && c <= 0x2BFF) || (c >= 0x3001 && c <= 0x3004) ||
	    (c >= 0x3008 && c <= 0x3020) || (c >= 0xFF01 && c <= 0xFF0F) ||
	    (c >= 0xFF1A && c <= 0xFF20))
		return UC_PUNCT_CJK;
	return uc_class(c);
}

/* Skip ASCII spaces, eight at a time: w3m pads table cells with hundreds. */
static inline const char *
skip_spaces(const char *p, const char *end)
{
	uint64_t w;

	while (end - p >= 8) {
		memcpy(&w, p, 8);
		if (w != 0x2020202020202020ULL)
			break;
		p += 8;
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

static int
is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
	    c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) ||
	    c == 0xFEFF;
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

	for (i = 0; i + 4 <= n && !year; i++)
		if ((s[i] == '1' || s[i] == '2') && (s[i + 1] == '9' ||
		    s[i + 1] == '0') && s[i + 2] >= '0' && s[i + 2] <= '9' &&
		    s[i + 3] >= '0' && s[i + 3] <= '9' && (i + 4 == n ||
		    s[i + 4] < '0' || s[i + 4] > '9') && (i == 0 ||
		    s[i - 1] < '0' || s[i - 1] > '9'))
			year = 1;
	for (i = 0; i + 3 <= n && year && !name; i++)
		for (m = 0; m < 12 && s[i] >= 'A' && s[i] <= 'S'; m++)
			if (!memcmp(s + i, month[m], 3) && (i == 0 ||
			    !((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z')))
				name = 1;
	return year && name;
}

static int
has_date(const char *s, size_t n)
{
	size_t i, d;

	if (has_english_date(s, n))
		return 1;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			continue;
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

static void
measure(struct line *l)
{
	const unsigned char *s;
	size_t n, i, k;
	uint32_t c, last = 0, prev = 0;
	int inword = 0, spam_char = 0, footer_char = 0;

	if (l->blanks > 0) {	/* a run of blank lines */
		l->s = l->raw;
		return;
	}
	/* Trim white space, including U+3000 and NBSP, on both ends. */
	s = (const unsigned char *)l->raw;
	n = l->rawlen;
	{
		const char *t = skip_spaces((const char *)s, (const char *)s + n);

		l->col += (unsigned)(t - (const char *)s);
		n -= (size_t)(t - (const char *)s);
		s = (const unsigned char *)t;
	}
	while (n > 0) {
		k = cls_next(s, n, &c);
		if (!is_space_cp(c))
			break;
		l->col += c == '\t' ? 8 - l->col % 8 : c == 0x3000 ? 2 : 1;
		s += k;
		n -= k;
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

	if (n > 0) {
		k = cls_next(s, n, &c);
		if (is_bullet_cp(c) && (k >= n || s[k] == ' ' ||
		    (c != '-' && c != '+' && c != '*' && c != '>')))
			l->bullet = 1;
	}
	for (i = 0; i < n; i += k) {
		/* Most characters of a Chinese page: U+4000..U+9FFF, lead
		   bytes E4..E9, counted without the general path. */
		if (s[i] >= 0xE4 && s[i] <= 0xE9 && i + 2 < n &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			c = (uint32_t)(s[i] & 0x0F) << 12 |
			    (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
			k = 3;
			l->han++;
			l->width += 2;
			inword = 0;
			/* 蜘蛛 and 友情 open the link-farm markers 蜘蛛池,
			   友情链接. */
			if ((c == 0x86DB && last == 0x8718) ||
			    (c == 0x60C5 && last == 0x53CB))
				spam_char = 1;
			/* 版权, 侵权, 免责: a copyright line may be long. */
			if ((c == 0x6743 && (last == 0x7248 || last == 0x4FB5)) ||
			    (c == 0x8D23 && last == 0x514D))
				footer_char = 1;
			prev = last;
			last = c;
			continue;
		}
		k = cls_next(s + i, n - i, &c);
		/* Crawl texts fold full-width ，：（） to ASCII after layout:
		   count ASCII punctuation at the width it was laid out in. */
		l->width += 1 + (is_wide_cp(c) || (l->han > 0 && c < 0x80 &&
		    c != ' ' && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
		    !(c >= '0' && c <= '9')));
		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				l->letters++;
				l->upper += c <= 'Z';
				l->capwords += !inword && c <= 'Z';
				if ((c | 0x20) == 'c' && n - i >= 9 &&
				    !memcmp(s + i + 1, "opyright", 8))
					footer_char = 1;
				if (!inword)
					l->words++;
				inword = 1;
				prev = last;
				last = c;
				continue;
			}
			if (c >= '0' && c <= '9') {
				if (!inword)
					l->digits++;
				inword = 1;
				prev = last;
				last = c;
				continue;
			}
			inword = 0;
			if (c == '!' || c == '?')
				l->sent++;
			else if (c == '.') {
				/* A full stop, not a decimal point or a domain. */
				if (i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == '"')
					if (prev != '.' || last != '.')
						l->sent++;
			} else if (c == ',' || c == ';' || c == ':')
				l->clause++;
			else if (c == '"')
				l->quote++;
			else if (c == '[' || c == ']')
				l->brackets++;
			else if (c == '|')
				l->seps++;
			if (c != ' ') {
				prev = last;
				last = c;
			}
			continue;
		}
		if (c == 0xA9)		/* © */
			footer_char = 1;
		switch (fast_class(c)) {
		case UC_HAN:
		case UC_KANA:
		case UC_HANGUL:
			l->han++;
			inword = 0;
			break;
		case UC_LATIN:
		case UC_LETTER:
			l->letters++;
			if (!inword)
				l->words++;
			inword = 1;
			break;
		case UC_DIGIT:
			if (!inword)
				l->digits++;
			inword = 1;
			break;
		case UC_SPACE:
			inword = 0;
			continue;
		default:
			inword = 0;
			if (uc_is_sentence_end(c))
				l->sent++;
			else if (is_clause_cp(c))
				l->clause++;
			else if (c == 0x201C || c == 0x201D || c == 0x300C ||
			    c == 0x300D)
				l->quote++;
			else if (is_box_cp(c))
				l->boxes++;
			else if (is_sep_cp(c))
				l->seps++;
			else
				l->other++;
			break;
		}
		prev = last;
		last = c;
	}
	l->weight = l->han + 2 * l->words + l->digits;
	/* A line ends a sentence if its last mark (closing quotes and
	   brackets aside) is one. */
	{
		size_t j = n;
		int quotes = 0;

		while (j > 0 && quotes < 3) {
			size_t b = j - 1;

			while (b > 0 && (s[b] & 0xC0) == 0x80)
				b--;
			utf8_decode(s + b, j - b, &c);
			if (c == 0x201D || c == 0x300D || c == 0x300F ||
			    c == ')' || c == 0xFF09 || c == '"' || c == '\'' ||
			    c == 0x2019) {
				j = b;
				quotes++;
				continue;
			}
			l->last_punct = c;
			if (quotes == 0) {
				enum uc_class cls = uc_class(c);

				l->last_word = cls == UC_HAN || cls == UC_LATIN ||
				    cls == UC_LETTER || cls == UC_DIGIT;
			}
			if (uc_is_sentence_end(c) && c != 0x2026 && c != '.')
				l->ends_sentence = 1;
			else if (c == '.' && !(j >= 3 && s[j - 2] == '.' &&
			    s[j - 3] == '.'))
				l->ends_sentence = 1;
			else if (c == 0xFF1B || c == ';' || c == 0xFF1A || c == ':')
				l->ends_sentence = 2;	/* a list item of a sentence */
			/* "..." or a lone "…" cuts a teaser short; the doubled
			   "……" is Chinese punctuation and may end a sentence. */
			if (c == '.' && j >= 3 && s[j - 2] == '.' && s[j - 3] == '.')
				l->teaser = 1;
			else if (c == 0x2026 && !(j >= 6 && s[j - 6] == 0xE2 &&
			    s[j - 5] == 0x80 && s[j - 4] == 0xA6))
				l->teaser = 1;
			else if (c == 0x2026)
				l->ends_sentence = 1;
			break;
		}
	}
	/* Dates matter on short lines only. */
	l->has_date = l->digits > 0 && l->weight < 48 && has_date(l->s, l->n);
	/*
	 * Keywords matter on short lines; a long line is judged by them only
	 * for a notice at its start or a link-farm marker, whose first
	 * characters the loop above watched for.
	 */
	if (l->weight == 0)
		l->kw = 0;	/* every keyword has a letter or a character */
	else if (l->weight < 28 || (l->weight < 40 && l->ends_sentence != 1) ||
	    (l->han < 4 && l->weight < 80) ||
	    spam_char || (footer_char && l->ends_sentence != 1))
		l->kw = kw_scan(l->s, l->n);
	else
		l->kw = kw_scan(l->s, l->n < 24 ? l->n : 24) & KW_NOTICE;
}

/* Is the line a placeholder left by an image, a form field, or a border? */
static int
is_media(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->n;

	if (l->boxes > 0 && l->weight == 0)
		return 1;
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']' && l->sent == 0 &&
	    l->weight < 12)
		return 1;
	if (l->weight <= 3 && (l->kw & KW_IMAGE))
		return 1;
	return 0;
}

static const char reason_meta_kw[] = "metadata keyword";

/* The label of a line taken by itself, with the reason for --explain. */
static void
label_line(const struct strip_opts *o, struct line *l)
{
	unsigned w = l->weight;
	int short_line = w < 40 && !(l->ends_sentence == 1 && w >= 20);

	if (l->n == 0) {
		l->label = L_BLANK;
		l->reason = "blank";
		return;
	}
	if (w == 0 || is_media(l)) {
		l->label = L_MEDIA;
		l->reason = w == 0 ? "no words" : "image or form placeholder";
		return;
	}
	if (l->kw & KW_NOTICE) {
		l->label = L_CHROME;
		l->reason = "notice or disclaimer";
		return;
	}
	if (w < 24 && l->ends_sentence != 1 && ((l->kw & KW_END) ||
	    (l->han < 4 && (l->kw & KW_END_EN)))) {
		l->label = L_END;
		l->reason = "end-of-article heading";
		return;
	}
	if (short_line && (l->kw & KW_META)) {
		l->label = L_META;
		l->reason = reason_meta_kw;
		return;
	}
	if (short_line && l->has_date && l->ends_sentence != 1 && l->clause < 3) {
		l->label = L_META;
		l->reason = "date line";
		return;
	}
	/* A footer line of any length: it names the copyright and does not
	   end a sentence as prose mentioning it would. */
	if (l->ends_sentence != 1 && (l->kw & KW_FOOTER) && (l->kw & KW_END)) {
		l->label = L_CHROME;
		l->reason = "copyright line";
		return;
	}
	if (short_line && (l->kw & (KW_FOOTER | KW_SHARE |
	    KW_LOGIN | KW_CONTACT))) {
		l->label = L_CHROME;
		l->reason = "chrome keyword";
		return;
	}
	if (w < 16 && l->ends_sentence != 1 && (l->kw & (KW_RELATED | KW_COMMENT))) {
		l->label = L_CHROME;
		l->reason = "list or comment heading";
		return;
	}
	if (l->han < 4 && w < 24 && l->ends_sentence != 1 &&
	    (l->kw & KW_EN)) {
		l->label = L_CHROME;
		l->reason = "chrome keyword";
		return;
	}
	/* A headline shown twice is a link list; a paragraph shown twice is
	   an article printed twice, and its first copy is the body. */
	if (l->dup && !(l->ends_sentence == 1 && w >= 40)) {
		l->label = L_LIST;
		l->reason = "twice on the page";
		return;
	}
	if (l->dup == 2) {
		l->label = L_REPEAT;
		l->reason = "copy of an earlier paragraph";
		return;
	}
	if (l->han < 4 && w < 80 && (l->kw & KW_CTA)) {
		l->label = L_CHROME;
		l->reason = "call to action";
		return;
	}
	if (l->seps >= 2 && l->sent == 0 && l->seps * 6 >= w / 2) {
		l->label = L_LIST;
		l->reason = "separated links";
		return;
	}
	/* A line in capitals is a heading, a kicker or a promotion. */
	if (l->words >= 3 && l->han == 0 && l->upper * 10 >= l->letters * 8) {
		l->label = L_LIST;
		l->reason = "all capitals";
		return;
	}
	/* Most words capitalised: a headline in title case; as a bullet
	   item, a link to another article. */
	if (l->han == 0 && l->words >= 4 && l->capwords * 10 >= l->words * 7 &&
	    l->sent <= 1 && l->bullet) {
		l->label = L_CHROME;
		l->reason = "headline link";
		return;
	}
	if (l->han == 0 && l->words >= 4 && l->capwords * 10 >= l->words * 7 &&
	    l->sent <= 1) {
		l->label = L_SHORT;
		l->reason = "title case";
		return;
	}
	/* A short question or exclamation alone: a headline or a
	   subheading, which the body keeps only inside itself. */
	if (l->ends_sentence == 1 && l->sent == 1 && l->clause == 0 && w < 24 &&
	    l->last_punct != 0x3002 && l->last_punct != '.') {
		l->label = L_SHORT;
		l->reason = "short question or exclamation";
		return;
	}
	/* Headlines have commas too but no full stop: a line is prose if it
	   ends a sentence, or is long and built of clauses. */
	if (l->ends_sentence == 1 || (w >= 3 * o->min_prose &&
	    l->sent + l->clause >= 2)) {
		if (l->teaser && l->sent <= 1) {
			l->label = L_LIST;
			l->reason = "teaser ending in ...";
			return;
		}
		l->label = L_PROSE;
		l->reason = "prose";
		return;
	}
	if (l->bullet) {
		l->label = L_LIST;
		l->reason = "bullet item";
		return;
	}
	l->label = L_SHORT;
	l->reason = "short, no sentence";
}

static long
line_score(const struct strip_opts *o, const struct line *l)
{
	long w = l->weight;

	switch (l->label) {
	case L_BLANK:
		return 0;
	case L_PROSE:
		if (w < (long)o->min_prose)
			return w / 2 + 1;
		return w > 400 ? 400 : w;
	case L_SHORT:
		return -(long)o->gap;
	case L_LIST:
		return -2 * (long)o->gap;
	case L_MEDIA:
		return -1;
	case L_META:
		return -(long)o->gap;
	case L_CHROME:
	case L_REPEAT:
		return -3 * (long)o->gap;
	case L_SPAM:
		return -1000;
	case L_END:
		/* The body rarely goes on past "related news": a wall that
		   only a body far longer than what follows can cross. */
		return -25 * (long)o->gap;
	}
	return 0;
}

/*
 * The score of a line on a page with little prose: lines of some weight
 * count half of it, navigation-sized lines and chrome cost.
 */
static long
listing_score(const struct strip_opts *o, const struct line *l)
{
	long w = l->weight;

	switch (l->label) {
	case L_BLANK:
		return 0;
	case L_PROSE:
	case L_SHORT:
	case L_LIST:
	case L_META:
		if (l->bullet || w < 3 || l->seps >= 2)
			return -(long)o->gap;
		return w / 2;
	default:
		return line_score(o, l);
	}
}

static const char *const label_name[] = {
	[L_BLANK] = "blank", [L_PROSE] = "prose", [L_SHORT] = "short",
	[L_LIST] = "list", [L_CHROME] = "chrome", [L_META] = "meta",
	[L_MEDIA] = "media", [L_REPEAT] = "repeat", [L_SPAM] = "spam",
	[L_END] = "end",
};

/* The maximum-sum run of lines lo..hi-1; returns its sum, sets *bs, *be. */
static long
best_run(const struct line *v, size_t lo, size_t hi, size_t *bs, size_t *be)
{
	long best = 0, cur = 0;
	size_t i, start = lo;

	*bs = *be = lo;
	for (i = lo; i < hi; i++) {
		if (cur <= 0) {
			cur = 0;
			start = i;
		}
		cur += v[i].score;
		if (cur > best) {
			best = cur;
			*bs = start;
			*be = i + 1;
		}
	}
	return best;
}

/* A short line that is little more than a date or a time. */
static int
is_bare_date(const struct line *l)
{
	return l->label == L_META && l->has_date && l->han + 2 * l->words <= 8;
}

/* Are a and b in one column, on neighbouring lines? */
static int
same_column(const struct line *a, const struct line *b)
{
	return a->col + 4 >= b->col && b->col + 4 >= a->col &&
	    (a->phys + 1 == b->phys || b->phys + 1 == a->phys);
}

/*
 * Is v[i] a long line cut off mid-sentence, standing alone?  A paragraph
 * hard-wrapped by a table goes on in the next line instead.
 */
static int
cut_off(const struct line *v, size_t nl, size_t i)
{
	return (v[i].label == L_PROSE || v[i].label == L_SHORT) &&
	    v[i].ends_sentence == 0 && v[i].last_word && v[i].weight >= 36 &&
	    (i + 1 >= nl || v[i + 1].n == 0) &&
	    (i == 0 || v[i - 1].n == 0 || v[i - 1].label != L_PROSE);
}

/*
 * A list of other articles shows each as a teaser: its first sentence or
 * two, cut off, with a date on the line next to it.  Body paragraphs do not
 * sit against a bare date line.
 */
static void
mark_teasers(struct line *v, size_t nl)
{
	size_t i, teasers = 0, cut = 0;

	for (i = 0; i < nl; i++) {
		teasers += v[i].teaser && v[i].label == L_PROSE;
		cut += cut_off(v, nl, i);
	}
	for (i = 0; i < nl; i++) {
		if (v[i].label != L_PROSE && v[i].label != L_SHORT)
			continue;
		/* Two or more paragraphs cut short with "...": a list of
		   teasers.  One alone may be all a paywall lets through. */
		if (v[i].teaser && teasers >= 2) {
			v[i].label = L_LIST;
			v[i].reason = "one of several teasers ending in ...";
			continue;
		}
		/* Likewise paragraphs cut off mid-sentence: several make a
		   list of teasers; one alone is a paragraph that lost its
		   full stop. */
		if (cut >= 2 && cut_off(v, nl, i)) {
			v[i].label = L_LIST;
			v[i].reason = "one of several teasers cut off mid-sentence";
			continue;
		}
		if ((i > 0 && is_bare_date(&v[i - 1]) &&
		    same_column(&v[i - 1], &v[i])) || (i + 1 < nl &&
		    is_bare_date(&v[i + 1]) && same_column(&v[i + 1], &v[i]))) {
			v[i].label = L_LIST;
			v[i].reason = "teaser next to a date";
		}
	}
}

/*
 * Mark lines whose text occurs twice or more on the page: a headline shown
 * as a link and again as an image title, a list repeated in header and
 * footer; body paragraphs do not repeat.  The first copy gets dup 1, later
 * copies dup 2.  An open-addressed set of line indices, sized to the page.
 */
static void
mark_duplicates(struct line *v, size_t nl, uint32_t **set, size_t *setcap)
{
	size_t i, mask, k;
	uint32_t *t;

	for (k = 64; k < 2 * nl; k *= 2)
		;
	if (k > *setcap) {
		*set = xreallocarray(*set, k, sizeof **set);
		*setcap = k;
	}
	t = *set;
	memset(t, 0, k * sizeof *t);
	mask = k - 1;
	for (i = 0; i < nl; i++) {
		if (v[i].n == 0)
			continue;
		for (k = v[i].hash & mask; t[k] != 0; k = (k + 1) & mask)
			if (v[t[k] - 1].hash == v[i].hash)
				break;
		if (t[k] == 0) {
			t[k] = (uint32_t)i + 1;
			v[i].copy = 1;
			v[i].copies = 1;
			v[i].first = i;
			continue;
		}
		if (v[t[k] - 1].dup == 0)
			v[t[k] - 1].dup = 1;
		v[i].dup = 2;
		v[i].first = t[k] - 1;
		v[i].copy = ++v[t[k] - 1].copies;
	}
	for (i = 0; i < nl; i++)
		if (v[i].n > 0)
			v[i].copies = v[v[i].first].copies;
}

static void
emit_line(struct buf *out, const struct line *l)
{
	buf_add(out, l->raw, l->rawlen);
	buf_addc(out, '\n');
}

struct strip_work {
	struct line *v;
	uint32_t *set;		/* line indices + 1, for mark_duplicates */
	size_t cap, setcap;
	struct buf fixed;
	long colweight[COL_MAX + 1];
};

static struct strip_work work;

static struct line *
new_unit(size_t *nl)
{
	if (*nl == work.cap) {
		work.cap = work.cap ? 2 * work.cap : 256;
		work.v = xreallocarray(work.v, work.cap, sizeof *work.v);
	}
	memset(&work.v[*nl], 0, sizeof work.v[*nl]);
	return &work.v[(*nl)++];
}

static int
ascii_blank(const char *p, size_t n)
{
	const char *end = p + n;

	for (p = skip_spaces(p, end); p < end; p = skip_spaces(p + 1, end))
		if (*p != '\t' && *p != '\r')
			return 0;
	return 1;
}

/* The gap w3m leaves between table cells laid side by side. */
#define COL_GAP 4

/* Does the line hold a run of COL_GAP spaces between two pieces of text? */
static int
has_cell_gap(const char *s, size_t n)
{
	const char *p, *end = s + n;
	uint64_t w, m;

	/* Skip the indentation, then look for COL_GAP spaces before text:
	   eight bytes at a time, windows overlapping by four, so that every
	   run of four spaces falls whole in some window. */
	p = skip_spaces(s, end);
	/* Most lines of Chinese text hold no space at all after the indent:
	   memchr answers those at vector speed. */
	if ((p = memchr(p, ' ', (size_t)(end - p))) == NULL)
		return 0;
	for (; end - p >= 8; p += 4) {
		memcpy(&w, p, 8);
		w ^= 0x2020202020202020ULL;
		/* High bit of each byte that is zero, i.e. was a space. */
		m = ~(((w & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | w |
		    0x7F7F7F7F7F7F7F7FULL);
		if (m & (m >> 8) & (m >> 16) & (m >> 24))
			break;
	}
	for (; p < end; p++) {
		const char *q;

		if (*p != ' ')
			continue;
		q = skip_spaces(p, end);
		if (q - p >= COL_GAP && q < end)
			return 1;
		p = q;
	}
	return 0;
}

/*
 * Split a line of a page laid out as a table into its cells: the pieces
 * between runs of COL_GAP spaces, each with the display column it starts
 * at, so the body column can be told from the sidebar beside it.
 */
static void
split_cells(const char *s, size_t n, size_t phys, size_t *nl)
{
	size_t i = 0, start, run;
	unsigned col = 0, startcol;
	struct line *u;

	if (n == 0) {
		u = new_unit(nl);
		u->raw = s;
		u->phys = phys;
		return;
	}
	while (i < n) {
		size_t sp = (size_t)(skip_spaces(s + i, s + n) - (s + i));

		i += sp;
		col += (unsigned)sp;
		if (i >= n)
			break;
		start = i;
		startcol = col;
		run = 0;
		while (i < n) {
			uint32_t c;
			size_t k = cls_next((const unsigned char *)s + i, n - i, &c);

			if (c == ' ') {
				if (++run >= COL_GAP)
					break;
			} else
				run = 0;
			col += 1 + is_wide_cp(c);
			i += k;
		}
		u = new_unit(nl);
		u->raw = s + start;
		u->rawlen = i - start;
		u->phys = phys;
		u->col = startcol;
	}
}

/* The unit on the next physical line that continues the column of v[i]. */
static size_t
next_in_column(const struct line *v, size_t nl, size_t i)
{
	size_t j;

	for (j = i + 1; j < nl && v[j].phys == v[i].phys; j++)
		;
	for (; j < nl && v[j].phys == v[i].phys + 1; j++)
		if (v[j].n > 0 && v[j].col + 4 >= v[i].col &&
		    v[j].col <= v[i].col + 2)
			return j;
	return nl;
}

/*
 * Can the line be a piece of a wrapped paragraph?  A piece that happens
 * to hold a date or a keyword ("2004年5月25日,中国科协…") was judged as
 * a line of its own; inside the paragraph it is prose.
 */
static int
wrap_member(const struct line *l)
{
	/* A dated list item ends in its date or time. */
	if (l->last_punct >= '0' && l->last_punct <= '9')
		return l->label == L_SHORT || (l->label == L_PROSE &&
		    l->ends_sentence == 1);
	return l->label == L_SHORT || l->label == L_PROSE ||
	    ((l->label == L_META || l->label == L_CHROME) && l->weight >= 12);
}

/*
 * Table layouts and plain-text pages wrap paragraphs at a fixed width, so
 * no line but the last ends a sentence.  Chains of three or more lines of
 * one width in one column, ending a sentence, are paragraphs.
 */
static void
mark_wrapped(const struct strip_opts *o, struct line *v, size_t nl)
{
	size_t i, j, k, len;
	unsigned weight, punct, sent;

	for (i = 0; i < nl; i++) {
		if (!wrap_member(&v[i]))
			continue;
		if (v[i].width < 16 || v[i].ends_sentence == 1 || v[i].wrapped)
			continue;
		weight = v[i].weight;
		punct = v[i].sent + v[i].clause;
		sent = v[i].sent;
		len = 1;
		for (j = i, k = next_in_column(v, nl, i); k < nl;
		    j = k, k = next_in_column(v, nl, k)) {
			if (v[k].bullet || v[k].width > v[i].width + 2 ||
			    !wrap_member(&v[k]))
				break;
			weight += v[k].weight;
			punct += v[k].sent + v[k].clause;
			sent += v[k].sent;
			len++;
			/* A line shorter than the width ends the paragraph. */
			if (v[k].width + 4 < v[i].width || v[k].ends_sentence == 1)
				break;
		}
		if (k >= nl)
			k = j;
		/* A paragraph ends a sentence; a column of headlines cut to
		   one width does not. */
		if (len < 3 || punct == 0 || weight < o->min_prose ||
		    (v[k].ends_sentence != 1 && sent == 0))
			continue;
		for (j = i; ; j = next_in_column(v, nl, j)) {
			v[j].label = L_PROSE;
			v[j].reason = "hard-wrapped paragraph";
			v[j].wrapped = 1;
			if (j == k || j >= nl)
				break;
		}
	}
}

/* Do three or more short bullet items start at v[i]? */
static int
link_list_after(const struct line *v, size_t i, size_t be)
{
	size_t items = 0;

	for (; i < be; i++) {
		if (v[i].label == L_BLANK)
			continue;
		if (!v[i].bullet || v[i].weight > 40)
			break;
		items++;
	}
	return items >= 3;
}

/*
 * The run may cross a wall when long teasers follow it.  Cut it at an
 * end-of-article heading that has less prose after it than before, if the
 * heading is an editor's credit or another such heading follows: one
 * "Read more" inside an article is a link, two are where it ends.
 */
static size_t
end_of_body(const struct line *v, size_t bs, size_t be)
{
	size_t i, j;
	long before = 0, after, total = 0;

	for (i = bs; i < be; i++)
		if (v[i].label == L_PROSE)
			total += v[i].weight;
	for (i = bs; i < be; i++) {
		if (v[i].label == L_PROSE)
			before += v[i].weight;
		/* A heading over three or more links, with little prose
		   after them: "More Great Stories" and its list. */
		if (v[i].label == L_SHORT && !v[i].ends_sentence &&
		    link_list_after(v, i + 1, be) && 3 * (total - before) < before)
			return i;
		/*
		 * A short line first seen here and repeated down the page
		 * three or more times ("← 返回", "回复", "举报"): the widget
		 * of each item of a list of comments or replies.
		 */
		if (v[i].copy == 1 && v[i].copies >= 3 && v[i].weight >= 2 &&
		    v[i].weight < 12 && !v[i].other_col &&
		    v[i].label != L_MEDIA && v[i].ends_sentence != 1 &&
		    2 * (total - before) < before)
			return i;
		if (v[i].label != L_END)
			continue;
		after = total - before;
		if (after >= before)
			continue;
		if (v[i].kw & KW_EDITOR)
			return i;
		for (j = i + 1; j < be; j++)
			if (v[j].label == L_END)
				return i;
	}
	return be;
}

/* Could v[i] be the headline: short, a line of its own, not chrome? */
static int
title_like(const struct line *l)
{
	if (l->bullet || l->weight < 5 || l->weight > 80 ||
	    (l->ends_sentence == 1 && l->sent > 1))
		return 0;
	return l->label == L_SHORT || (l->label == L_LIST && l->dup) ||
	    (l->label == L_PROSE && l->sent <= 1);
}

/*
 * The title sits a few lines above the body, usually right above the
 * date and source line: the nearest title-like line above a metadata line,
 * else the nearest title-like line.  Returns nl if there is none.
 */
static size_t
find_title(const struct line *v, size_t nl, size_t bs)
{
	size_t i, lo = bs > 16 ? bs - 16 : 0, nearest = nl;
	int meta_below = 0;

	for (i = bs; i-- > lo;) {
		if (v[i].label == L_META)
			meta_below = 1;
		if (!title_like(&v[i]))
			continue;
		if (meta_below)
			return i;
		if (nearest == nl)
			nearest = i;
	}
	return nearest;
}

/*
 * In a page laid out as a table, the body is one column: the column where
 * most of the prose starts.  Cells of columns with little prose are
 * sidebars, set aside before the body run is sought, so that a heading
 * of a sidebar ("热点推荐") cannot cut the body beside it.  A box of prose
 * set beside the text holds a fair share of the prose and stays.
 */
static void
mark_other_columns(struct line *v, size_t nl)
{
	size_t i;
	unsigned c, body = 0;

	memset(work.colweight, 0, sizeof work.colweight);
	for (i = 0; i < nl; i++)
		if (v[i].label == L_PROSE)
			work.colweight[v[i].col < COL_MAX ? v[i].col : COL_MAX] +=
			    v[i].weight;
	for (c = 1; c <= COL_MAX; c++)
		if (work.colweight[c] > work.colweight[body])
			body = c;
	for (i = 0; i < nl; i++) {
		unsigned lo, hi;
		long most = 0;

		if (v[i].label == L_BLANK)
			continue;
		lo = v[i].col >= 4 ? v[i].col - 4 : 0;
		hi = v[i].col + 4 < COL_MAX ? v[i].col + 4 : COL_MAX;
		for (c = lo; c <= hi; c++)
			if (work.colweight[c] > most)
				most = work.colweight[c];
		if (4 * most < work.colweight[body])
			v[i].other_col = 1;
	}
}

void
strip_page(const struct strip_opts *o, struct repeat_mem *mem,
    const char *text, size_t len, struct buf *out, struct strip_stats *st)
{
	struct line *v;
	size_t nl = 0, nphys = 0, gaps = 0, nonblank = 0, i, bs, be, prev, title;
	size_t run_end;
	const char *p, *end, *nlp;
	int spam = 0, final_newline, any, columns, listing;
	struct strip_opts scaled;
	size_t han, words, prose = 0, prose_seen = 0;
	long best;

	if (o->repair_pinyin) {
		size_t removed;

		buf_clear(&work.fixed);
		if ((removed = pinyin_repair(text, len, &work.fixed)) > 0) {
			st->pinyin += removed;
			text = work.fixed.data;
			len = work.fixed.len;
		}
	}
	final_newline = len > 0 && text[len - 1] == '\n';

	/* A first look: is the page laid out in columns side by side? */
	for (p = text, end = text + len; p < end; p = nlp + 1) {
		nlp = memchr(p, '\n', (size_t)(end - p));
		if (nlp == NULL)
			nlp = end;
		if (nlp > p && !(nlp == p + 1 && *p == '\r')) {
			nonblank++;
			gaps += has_cell_gap(p, (size_t)(nlp - p));
		}
		if (nlp == end)
			break;
	}
	columns = gaps >= 8 && gaps * 5 >= nonblank;

	/*
	 * Units: lines, or in a page of columns the cells of each line.  A
	 * run of blank lines is one unit, so that memory goes with the text
	 * of a page, not with its line count.
	 */
	for (p = text; p < end; p = nlp + 1) {
		nlp = memchr(p, '\n', (size_t)(end - p));
		if (nlp == NULL)
			nlp = end;
		if (ascii_blank(p, (size_t)(nlp - p))) {
			struct line *u = nl > 0 ? &work.v[nl - 1] : NULL;

			if (u != NULL && u->blanks > 0 &&
			    u->phys + u->blanks == nphys) {
				u->rawlen = (size_t)(nlp - u->raw);
				u->blanks++;
			} else {
				u = new_unit(&nl);
				u->raw = p;
				u->rawlen = (size_t)(nlp - p);
				u->phys = nphys;
				u->blanks = 1;
			}
		} else if (columns)
			split_cells(p, (size_t)(nlp - p), nphys, &nl);
		else {
			struct line *u = new_unit(&nl);

			u->raw = p;
			u->rawlen = (size_t)(nlp - p);
			u->phys = nphys;
		}
		nphys++;
		if (nlp == end)
			break;
	}
	v = work.v;

	for (i = 0; i < nl; i++) {
		measure(&v[i]);
		if (v[i].n > 0)
			v[i].hash = repeat_hash(v[i].s, v[i].n);
	}
	mark_duplicates(v, nl, &work.set, &work.setcap);
	for (i = 0; i < nl; i++) {
		struct line *l = &v[i];

		if (!spam && l->n > 0 && (l->kw & KW_SPAM))
			spam = 1;
		if (spam && l->n > 0) {
			l->label = L_SPAM;
			l->reason = "after a link-farm marker";
		} else
			label_line(o, l);
		if (mem != NULL && l->n > 0) {
			l->seen = repeat_seen_note(mem, l->hash) >= o->repeat_min;
			if (l->label == L_PROSE) {
				prose += l->weight;
				prose_seen += l->seen ? l->weight : 0;
			}
		}
	}
	/*
	 * Lines seen on earlier pages are chrome, unless most of the prose
	 * was seen too: then the page itself came before (a page crawled
	 * twice, an article syndicated), and its body is still its body.
	 * A long paragraph is never chrome by repetition alone.
	 */
	if (mem != NULL && 2 * prose_seen <= prose)
		for (i = 0; i < nl; i++)
			if (v[i].seen && v[i].label != L_SPAM &&
			    !(v[i].label == L_PROSE && v[i].weight >= 40)) {
				v[i].label = L_REPEAT;
				v[i].reason = "seen on earlier pages";
			}
	if (mem != NULL)
		repeat_next_page(mem);
	mark_wrapped(o, v, nl);
	mark_teasers(v, nl);
	/*
	 * A word weighs two, a Han character one, yet an alphabetic page
	 * says less per unit of weight in its menus and link lists and more
	 * in its prose lines: its chrome costs half as much again.
	 */
	scaled = *o;
	for (i = 0, han = words = 0; i < nl; i++) {
		han += v[i].han;
		words += v[i].words;
	}
	if (words > han)
		scaled.gap = o->gap + o->gap / 2;
	o = &scaled;
	if (columns)
		mark_other_columns(v, nl);
	for (i = 0; i < nl; i++)
		v[i].score = v[i].other_col ? 0 : line_score(o, &v[i]);

	best = best_run(v, 0, nl, &bs, &be);
	listing = 0;
	if (best < 12 * (long)o->min_prose) {
		/*
		 * Little prose: an agenda, a table of figures, a list of
		 * terms.  Judge the lines of text that are not chrome by their
		 * weight instead; if they make a run far denser than the
		 * prose, that run is the page's content.
		 */
		long lbest;
		size_t ls, le;

		for (i = 0; i < nl; i++)
			v[i].lscore = v[i].other_col ? 0 : listing_score(o, &v[i]);
		for (i = 0; i < nl; i++) {
			long t = v[i].score;

			v[i].score = v[i].lscore;
			v[i].lscore = t;
		}
		lbest = best_run(v, 0, nl, &ls, &le);
		if (lbest > 3 * best) {
			listing = 1;
			best = lbest;
			bs = ls;
			be = le;
		}
	}
	run_end = be;
	if (!listing && best > 0)
		be = end_of_body(v, bs, be);
	for (i = 0; i < nl; i++) {
		struct line *l = &v[i];

		if (v[i].other_col) {
			l->keep = 0;
			l->reason = "another column";
			continue;
		}
		if (best <= 0 || i < bs || i >= be) {
			l->keep = 0;
			if (i >= be && i < run_end && l->label != L_END)
				l->reason = "after the end of the article";
			else if (l->label == L_PROSE)
				l->reason = "prose outside the main text";
			continue;
		}
		switch (l->label) {
		case L_PROSE:
		case L_SHORT:
		case L_LIST:
		case L_BLANK:
			l->keep = 1;
			break;
		case L_META:
			/* In a listing, dates and places are the content. */
			l->keep = listing && l->reason != reason_meta_kw;
			break;
		default:
			l->keep = 0;
		}
	}
	title = nl;
	if (o->keep_title && best > 0 && (title = find_title(v, nl, bs)) < nl) {
		v[title].keep = 1;
		v[title].reason = "title (--keep-title)";
	}

	if (o->explain) {
		for (i = 0; i < nl; i++) {
			const char *q = v[i].raw, *qend = q + v[i].rawlen, *nq;

			/* A run of blank lines is explained line by line. */
			do {
				nq = v[i].blanks > 1 ?
				    memchr(q, '\n', (size_t)(qend - q)) : NULL;
				if (nq == NULL)
					nq = qend;
				buf_adds(out, v[i].keep ? "keep\t" : "drop\t");
				buf_adds(out, label_name[v[i].label]);
				buf_addc(out, '\t');
				buf_adds(out, v[i].reason);
				buf_addc(out, '\t');
				buf_add(out, q, (size_t)(nq - q));
				buf_addc(out, '\n');
				q = nq + 1;
			} while (nq < qend);
		}
		goto done;
	}

	/* Blank lines stay between kept lines, not before the first or after
	   the last, so a page with no chrome comes out unchanged; where chrome
	   was cut out between two kept lines one blank line marks the seam. */
	prev = 0;
	any = 0;
	if (title < nl) {
		emit_line(out, &v[title]);
		buf_addc(out, '\n');
	}
	for (i = 0; i < nl; i++) {
		size_t j, blanks = 0;

		if (!v[i].keep || v[i].label == L_BLANK || i == title)
			continue;
		if (any) {
			for (j = prev + 1; j < i; j++)
				blanks += v[j].label == L_BLANK;
			if (blanks == i - prev - 1)
				for (j = prev + 1; j < i; j++)
					emit_line(out, &v[j]);
			else if (blanks > 0)
				buf_addc(out, '\n');
		}
		emit_line(out, &v[i]);
		any = 1;
		prev = i;
	}
	if (any && !final_newline && prev == nl - 1)
		out->len--;
done:
	st->lines += nphys;
	for (i = 0; i < nl; i++)
		if (v[i].label != L_BLANK) {
			if (v[i].keep)
				st->kept++;
			else
				st->dropped++;
		}
}
