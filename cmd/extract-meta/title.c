/*
 * title.c - the page's title.  Each rule proposes the line where a title
 * stands in one kind of page (a label, the heading over an English byline
 * or over the date block, a forum row, a heading the page repeats, the
 * heading over the body); the rules' candidates are scored and the best
 * is the title, without a site's name after it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fitmodel.h"
#include "page.h"
#include "titlemodel.h"
#include "utf8.h"
#include "winnow.h"

/* --- what a title looks like --------------------------------------------- */

/*
 * Strip a site name after the title: "X_新浪网", "X - 人民网", "X | Site".
 * For each separator in turn its last place counts: the cut is made when
 * 1 to 30 bytes follow it and 12 or more stand before it.  Only the last
 * 30 bytes and the separator can hold such a place, so no more is read.
 */
static void
strip_site_suffix(const char *s, size_t *len)
{
	static const struct {
		const char *s;
		size_t n;
	} seps[] = { { LIT("_") }, { LIT(" - ") }, { LIT(" | ") }, { LIT("|") },
		{ LIT(" — ") }, { LIT(" – ") } };
	size_t k, i, t = *len > 36 ? *len - 36 : 0;

	if (*len < 12 + 1 + 1)
		return;		/* 12 bytes, a separator, a byte: (s may be NULL) */
	/* Most lines have no separator in their last bytes: look for one at once. */
	if (!memchr(s + t, '_', *len - t) && !memchr(s + t, '|', *len - t) &&
	    !memchr(s + t, '-', *len - t) && !memchr(s + t, 0xe2, *len - t))
		return;
	for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		size_t sl = seps[k].n, lo;

		if (*len < 12 + sl + 1)
			return;
		lo = *len - sl > 30 + 12 ? *len - sl - 30 : 12;
		for (i = *len - sl + 1; i-- > lo;) {
			if (s[i] == seps[k].s[0] && memcmp(s + i, seps[k].s, sl) == 0) {
				if (i + sl < *len) {
					*len = i;
					while (*len > 0 && s[*len - 1] == ' ')
						(*len)--;
					return;
				}
				break;
			}
		}
	}
}

/* Would strip_site_suffix() cut s[0..n)? */
static int
site_suffixed(const char *s, size_t n)
{
	size_t k = n;

	strip_site_suffix(s, &k);
	return k < n;
}

/*
 * Icon fonts draw their glyphs from the private use area (U+E000..U+F8FF,
 * EE 80 80 .. EF A3 BF): a dump keeps them after a heading as if text.
 */
static void
strip_private_use(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*len >= 3 && (u[*len - 3] == 0xee ||
	    (u[*len - 3] == 0xef && u[*len - 2] <= 0xa3))) {
		*len -= 3;
		while (*len > 0 && s[*len - 1] == ' ')
			(*len)--;
	}
}

/*
 * A line that opens with a rule or a table border (━━━, ───, │): layout
 * between the title and the byline, whatever cells a wide table adds to it.
 */
static int
rule_line(const struct page *pg, size_t li)
{
	const unsigned char *s = (const unsigned char *)pg->n + pg->ln[li].noff;

	/* U+2500..U+257F, the box-drawing block: E2 94 80 .. E2 95 BF. */
	return pg->ln[li].nlen >= 3 && s[0] == 0xe2 && (s[1] == 0x94 || s[1] == 0x95);
}

/* Does s[0..n) open with a dash: "——", "―", "--"? */
static int
dash_led(const char *s, size_t n)
{
	return scan_starts_with(s, n, LIT("—")) || scan_starts_with(s, n, LIT("―")) ||
	    scan_starts_with(s, n, LIT("--"));
}

/* Bullets and [tags] before a title: where the title starts in s[a..b). */
static size_t
skip_bullets(const char *s, size_t a, size_t b)
{
	for (;;) {
		if (scan_starts_with(s + a, b - a, LIT("• ")))
			a += 4;
		else if (scan_starts_with(s + a, b - a, LIT("•")) ||
		    scan_starts_with(s + a, b - a, LIT("●")) ||
		    scan_starts_with(s + a, b - a, LIT("□")) ||
		    scan_starts_with(s + a, b - a, LIT("◆")) ||
		    scan_starts_with(s + a, b - a, LIT("■")) ||
		    scan_starts_with(s + a, b - a, LIT("★")) ||
		    scan_starts_with(s + a, b - a, LIT("◎")) ||
		    scan_starts_with(s + a, b - a, LIT("▲")))
			a += 3;
		else if (scan_starts_with(s + a, b - a, LIT("· ")))
			a += 3;
		else if (scan_starts_with(s + a, b - a, LIT("* ")))
			a += 2;
		else if (s[a] == '[') {
			const char *q = memchr(s + a, ']', b - a);

			if (!q || q + 1 >= s + b)
				break;
			a = (size_t)(q - s) + 1;
		} else
			break;
		while (a < b && s[a] == ' ')
			a++;
	}
	return a;
}

/*
 * "论坛 » 学术前沿 » 标题", "专栏/轻小说/标题": where the last item of a
 * path in s[a..b) starts (a when there is no path).
 */
static size_t
last_path_item(const char *s, size_t a, size_t b)
{
	size_t i, last = a, seps = 0, slashes = 0, lastslash = a;

	for (i = a; i < b; i++) {
		unsigned char c;
		size_t k;

#if defined(__SSE2__)
		if (i + 16 <= b) {
			/* Sixteen bytes at a test: most hold no separator and no slash. */
			__m128i v = sse_load(s + i);
			unsigned m = sse_eq(v, '>') | sse_eq(v, 0xc2) | sse_eq(v, 0xe2) |
			    sse_eq(v, '/');

			if (!m) {
				i += 15;
				continue;
			}
			i += (unsigned)__builtin_ctz(m);
		}
#endif
		c = (unsigned char)s[i];
		k = c == '>' || c == 0xc2 || c == 0xe2 ? scan_crumb_sep(s, b, i) : 0;

		if (k) {
			seps++;
			last = i + k;
			i += k - 1;
		} else if (s[i] == '/') {
			slashes++;
			lastslash = i + 1;
		}
	}
	if (seps)
		a = last;
	else if (slashes >= 2 && !find_bytes(s + a, b - a, "://", 3))
		a = lastslash;
	while (a < b && s[a] == ' ')
		a++;
	return a;
}

/*
 * "chevron_left Browse All Posts": an icon font's ligature name
 * (chevron_left, insert_chart) rendered as text opens a button.
 */
static int
icon_ligature(const char *s, size_t a, size_t b)
{
	size_t i = a, under = 0;

	while (i < b && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
		under += s[i++] == '_';
	return under && i < b && s[i] == ' ' && s[a] != '_' && s[i - 1] != '_';
}

/* What one pass over a cell finds, for heading_shape(). */
struct cell_count {
	int chars, han, spaces, commas, pipes, slash, lower, capital;
	int digits, maxrun;	/* digits, and the longest run of them ('-' and ' ' inside) */
	int brackets, book;	/* 【 opened; 《 opened less 》 closed */
	int opens;		/* [ */
	uint32_t last;		/* the last character */
	int prose;		/* a 。 with more after it: a sentence goes on */
};

static void
count_cell(const unsigned char *p, size_t m, struct cell_count *c)
{
	size_t i = 0;
	int run = 0;
	uint32_t cp = 0;

	memset(c, 0, sizeof(*c));
	while (i < m) {
		if (p[i] >= 'a' && p[i] <= 'z') {
			/* A run of small letters: characters, none a digit. */
			size_t a = i;

			while (++i < m && p[i] >= 'a' && p[i] <= 'z')
				;
			c->lower += (int)(i - a);
			c->chars += (int)(i - a);
			run = 0;
			cp = p[i - 1];
			continue;
		}
		if ((p[i] >= 'A' && p[i] <= 'Z') || p[i] >= 0x80)
			c->capital++;	/* or a letter with no case */
		if (p[i] == '|')
			c->pipes++;
		if (p[i] == '/')
			c->slash++;
		if (p[i] == ' ')
			c->spaces++;
		if (p[i] == ',')
			c->commas++;
		if (p[i] == '[')
			c->opens++;
		if (p[i] >= '0' && p[i] <= '9') {
			c->digits++;
			if (++run > c->maxrun)
				c->maxrun = run;
		} else if (p[i] != '-' && p[i] != ' ')
			run = 0;
		/* 【 E3 80 90, 《 E3 80 8A, 》 E3 80 8B */
		if (p[i] == 0xe3 && m - i >= 3 && p[i + 1] == 0x80) {
			c->brackets += p[i + 2] == 0x90;
			c->book += (p[i + 2] == 0x8a) - (p[i + 2] == 0x8b);
		}
		if (p[i] < 0x80) {
			cp = p[i++];
		} else if (p[i] >= 0xe1 && p[i] < 0xed && m - i >= 3 && (p[i + 1] & 0xc0) == 0x80 &&
		    (p[i + 2] & 0xc0) == 0x80) {
			/* Three bytes (E1..EC need no range check): utf8_decode() inline. */
			cp = (uint32_t)(p[i] & 0x0f) << 12 | (uint32_t)(p[i + 1] & 0x3f) << 6 |
			    (p[i + 2] & 0x3f);
			i += 3;
		} else
			i += utf8_decode(p + i, m - i, &cp);
		c->chars++;
		if (cp >= 0x4e00 && cp <= 0x9fff)
			c->han++;
		if (cp == 0x3002 && i < m) {
			c->prose = 1;
			break;
		}
	}
	c->last = cp;
}

/*
 * An English sentence: a full stop after a small word ("... regarding
 * this work.", "over a decade. Then"); "vs." and "U.S." are no
 * sentence's end.
 */
static int
english_sentence(const unsigned char *p, size_t m)
{
	const unsigned char *q;
	size_t i;

	for (i = 3; i < m && (q = memchr(p + i, '.', m - i)) != NULL; i++) {
		i = (size_t)(q - p);	/* the full stops alone */
		if ((i + 1 == m || p[i + 1] == ' ') &&
		    p[i - 1] >= 'a' && p[i - 1] <= 'z' &&
		    p[i - 2] >= 'a' && p[i - 2] <= 'z' &&
		    p[i - 3] >= 'a' && p[i - 3] <= 'z')
			return 1;
	}
	return 0;
}

/* Has the cell p[0..m) a heading's shape, neither a menu nor prose nor a fragment? */
static int
heading_shape(const unsigned char *p, size_t m, int zh)
{
	struct cell_count c;
	uint32_t cp;

	count_cell(p, m, &c);
	cp = c.last;
	if (c.prose || c.opens >= 2)
		return 0;	/* prose; form fields and image tags */
	/* A toolbar, "【打印本页】【关闭窗口】", not "【专题】标题". */
	if (c.brackets >= 2 && m >= 6 && memcmp(p, "【", 3) == 0 &&
	    memcmp(p + m - 3, "】", 3) == 0)
		return 0;
	/* English headlines run longer and list names: "Saraki, Melaye, Ben Bruce Drag ..." */
	if (c.chars < 5 + zh || c.chars > (zh ? 90 : 140) || c.pipes > 1 || c.brackets >= 3 ||
	    c.commas >= 3 + !zh || (zh && c.chars > 50) || c.book != 0)
		return 0;	/* a menu, prose, a fragment */
	/*
	 * A telephone number (a long run of digits) or a line of figures;
	 * "2005年第17届红叶节10月15日开幕" has many digits in short runs.
	 */
	if (c.digits >= 8 && (zh ? c.maxrun >= 7 || c.digits * 2 > c.chars :
	    c.digits * 4 > c.chars))
		return 0;
	/* A menu: many short words ("首頁 專題新聞 本地專題 ..."). */
	if (zh && c.spaces >= 3 && c.chars / (c.spaces + 1) <= 5)
		return 0;
	if (zh && c.han < 4)
		return 0;
	if (!zh && (c.chars < 10 || c.spaces < 3))
		return 0;	/* English: four words or more */
	/* "twitter linkedin facebook instagram": links, no headline. */
	if (!zh && c.lower && !c.capital)
		return 0;
	if (c.slash && c.chars <= 16)
		return 0;	/* 石佳/中国青年报: a byline */
	/* A heading holds no link: an embedded tweet or a URL line does. */
	if (find_bytes((const char *)p, m, "://", 3) ||
	    find_bytes((const char *)p, m, "pic.twitter.com", 15))
		return 0;
	/* Prose, not a heading. */
	if (cp == 0x3002 || cp == ':' || cp == ',' ||
	    ((cp == '.' || cp == 0x2026) && !zh && c.chars > 60))
		return 0;
	return zh || !english_sentence(p, m);
}

/* Is the cell s[a..b) of a line (at noff in the text) a plausible title? */
static int
title_cell(const char *s, size_t a, size_t b, size_t noff, size_t *toff, size_t *tlen,
    int zh)
{
	a = skip_bullets(s, a, b);
	while (b > a && s[b - 1] == ' ')
		b--;
	a = last_path_item(s, a, b);
	if (a >= b || (s[a] == '[' && s[b - 1] == ']') || s[a] == ']')
		return 0;
	if (icon_ligature(s, a, b))
		return 0;
	if (!heading_shape((const unsigned char *)s + a, b - a, zh))
		return 0;
	*toff = noff + a;
	*tlen = b - a;
	return 1;
}

/*
 * Does s[0..n) hold three blanks in a row (a table row's cells)?  Sixteen
 * bytes at a test: a line's single blanks between words, which a search
 * for the first blank and a compare would stop at one by one, go by at once.
 */
static int
three_blanks(const char *s, size_t n)
{
	size_t i = 0;

#if defined(__SSE2__)
	for (; i + 18 <= n; i += 16)
		if (sse_eq(sse_load(s + i), ' ') & sse_eq(sse_load(s + i + 1), ' ') &
		    sse_eq(sse_load(s + i + 2), ' '))
			return 1;
#endif
	for (; i + 3 <= n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ')
			return 1;
	return 0;
}

/* Is line li a plausible title?  Returns the segment to use. */
static int
title_like_now(const struct page *pg, size_t li, size_t *toff, size_t *tlen, int zh)
{
	const struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t n = l->nlen, a, b, best_a = 0, best_len = 0, best_w = 0;

	if (!n || (l->bits & (LB_CRUMB | LB_LONG)))
		return 0;
	/*
	 * "香山红叶 (2005-09-11 18:04:42)": a blog's title with its date;
	 * "红叶节2005年10月15日开幕": a date inside a headline's words.
	 */
	if (l->bits & LB_FULLDATE) {
		size_t p = n, pos = 0, ds, de;
		struct mdate d;

		if (n > 2 && s[n - 1] == ')') {
			while (p > 0 && s[p - 1] != '(')
				p--;
			pos = p;
			if (p < 2 || !date_scan(s, n - 1, &pos, &d, &ds, &de) || ds != p ||
			    de + 1 != n)
				return 0;
			n = p - 1;
		} else if (!date_scan(s, n, &pos, &d, &ds, &de) || ds < 6 || de + 6 > n ||
		    !scan_is_han_lead((unsigned char)s[ds - 3]) ||
		    !scan_is_han_lead((unsigned char)s[de]) ||
		    date_scan(s, n, &pos, &d, &ds, &de))
			return 0;
	}
	if ((l->bits & LB_LABEL) && (long)li != pg->title_label_line)
		return 0;
	if (!zh) {
		/* "Areas of interest:" over its value. */
		long pv = prev_nonblank(pg, (long)li);

		if (pv >= 0 && pg->n[pg->ln[pv].noff + pg->ln[pv].nlen - 1] == ':')
			return 0;
	}
	/*
	 * The main cell of a table row (cells are 3 or more spaces apart):
	 * the longest, counting Han characters thrice on a Chinese page so
	 * that "milimage.gif (2200 bytes)" loses to "飞行物理学常识".
	 */
	if (!three_blanks(s, n)) {
		/* One cell, the whole line, when it weighs anything. */
		for (a = 0; zh && a < n && !scan_is_han_lead((unsigned char)s[a]) &&
		    (unsigned char)s[a] >= 0x80; a++)
			;
		best_len = a < n ? n : 0;
		a = n;
	} else
		a = 0;
	for (; a < n; a = b) {
		size_t w = 0, k;

		while (a < n && s[a] == ' ')
			a++;
		for (b = a; b < n && !(s[b] == ' ' && b + 2 < n && s[b + 1] == ' ' &&
		    s[b + 2] == ' '); b++)
			;
		for (k = a; k < b; k++) {
			unsigned char c = (unsigned char)s[k];

			w += !zh ? 1 : scan_is_han_lead(c) ? 9 : c < 0x80;
		}
		if (w > best_w) {
			best_a = a;
			best_len = b - a;
			best_w = w;
		}
	}
	return title_cell(s, best_a, best_a + best_len, l->noff, toff, tlen, zh);
}

/* title_like_now(), once per line of a page (the rules and the chooser ask again). */
static int
title_like(const struct page *pg, size_t li, size_t *toff, size_t *tlen, int zh)
{
	struct title_facts *tf = pg->tf;

	if (tf->tl[li] < 0) {
		tf->tl[li] = (signed char)title_like_now(pg, li, &tf->tl_off[li], &tf->tl_len[li], zh);
		if (!tf->tl[li])
			return 0;
	}
	if (tf->tl[li]) {
		*toff = tf->tl_off[li];
		*tlen = tf->tl_len[li];
	}
	return tf->tl[li];
}

/*
 * An English article's headline is the heading nearest above its byline:
 * "Dancing With the Stars" / "Published 22 hours ago" / headline / "By
 * NAME" puts a section kicker over the date, so walking up from the date
 * finds the kicker.  Between headline and byline go a deck that ends with
 * a full stop, share buttons and the word "By" alone.  The byline must be
 * near the date, so a "By" in a list further down does not count.
 * Returns the headline's line, or -1.
 */
static long
headline_over_byline(const struct page *pg, long date_line, size_t *toff, size_t *tlen)
{
	long by = -1, li;
	int looked = 0;

	if (date_line < 0)
		return -1;
	for (li = date_line > 12 ? date_line - 12 : 0; li <= date_line + 12 &&
	    (size_t)li < pg->nl; li++)
		if (pg->ln[li].bits & LB_BYLINE) {
			by = li;
			break;
		}
	if (by < 0)
		return -1;
	for (li = prev_nonblank(pg, by); li >= 0 && looked < 10; li = prev_nonblank(pg, li)) {
		const struct line *l = &pg->ln[li];
		const char *s = pg->n + l->noff;
		size_t o, n, k, words = 1;

		looked++;
		if (li == date_line || (l->bits & (LB_DATE | LB_LABEL)))
			continue;
		if ((l->bits & LB_BULLET) || l->nvis <= 12)
			continue;
		if (s[l->nlen - 1] == '.')
			continue;	/* the deck */
		if (!title_like(pg, (size_t)li, &o, &n, 0))
			return -1;
		for (k = o; k < o + n; k++)
			words += pg->n[k] == ' ';
		if (words < 3)
			return -1;
		*toff = o;
		*tlen = n;
		return li;
	}
	return -1;
}

/* --- where a title stands: the rules --------------------------------------- */

/* 正在阅读:X, 标题:X */
static int
title_by_label(const struct page *pg, long date_line, int zh, struct tcand *t)
{
	size_t k;

	for (k = 0; k < pg->nvc; k++)
		if (pg->vc[k].kind == LK_TITLE && pg->vc[k].len >= 6) {
			t->off = pg->vc[k].off;
			t->len = pg->vc[k].len;
			t->line = (long)pg->vc[k].line;
			return 1;
		}
	return 0;
}

/* English: the heading nearest above the byline by the date. */
static int
title_over_byline(const struct page *pg, long date_line, int zh, struct tcand *t)
{
	if (zh)
		return 0;
	t->line = headline_over_byline(pg, date_line, &t->off, &t->len);
	return t->line >= 0;
}

/* "6 thoughts on “TITLE”" names the post the comments are on. */
static int
title_of_comments(const struct page *pg, long date_line, int zh, struct tcand *t)
{
	const struct line *l;
	size_t o, n;

	if (zh || pg->comments_line < 0)
		return 0;
	l = &pg->ln[pg->comments_line];
	/* "12 Comments" names none. */
	if (!english_comment_heading(pg->n + l->noff, l->nlen, &o, &n) || n == 0)
		return 0;
	t->off = l->noff + o;
	t->len = n;
	t->line = pg->comments_line;
	return 1;
}

/*
 * Walk up from line from, over label lines (source, author) and layout,
 * to the heading above it: the upper of two headings when a subtitle
 * stands under the title, or both joined when they are one title
 * wrapped onto two lines.
 */
static int
title_over(const struct page *pg, long from, int zh, struct tcand *t)
{
	size_t toff = 0, tlen = 0, joff = 0, jlen = 0;
	long li, got = -1;
	int taken = 0;

	if (from < 0)
		return 0;
	for (li = from - 1; li >= 0 && li >= from - 8; li--) {
		size_t o, n;

		if (!pg->ln[li].nlen)
			continue;
		if (title_like(pg, (size_t)li, &o, &n, zh)) {
			if (taken && (pg->ln[li].bits & LB_BULLET))
				break;
			/*
			 * The last item of a list (related reading) over a
			 * date that closes the article: the title is far above.
			 * When the date's own row holds an item, the list is a
			 * side column beside the article: the title is in a
			 * row above it.
			 */
			if (!taken && (pg->ln[li].bits & LB_BULLET)) {
				long pv = prev_nonblank(pg, li);

				if (pg->ln[from].bits & LB_BULLET)
					continue;
				if (pv >= 0 && (pg->ln[pv].bits & LB_BULLET))
					break;
			}
			if (taken && n < tlen / 2)
				break;
			/*
			 * "新闻中心 - 北京新闻" over the headline: a section's
			 * header with its site, not a title over a subtitle.
			 */
			if (taken == 1 && li == prev_nonblank(pg, got) &&
			    site_suffixed(pg->n + o, n) && !site_suffixed(pg->n + toff, tlen))
				break;
			/*
			 * A title wrapped onto two lines: join them; a
			 * subtitle under a dash ("——预计...") stays out.
			 */
			if (taken == 1 && li == got - 1 && pg->ln[li].nvis >= 8 &&
			    pg->ln[got].nvis >= 8 &&
			    pg->ln[li].nvis + pg->ln[got].nvis <= 60 &&
			    !dash_led(pg->n + toff, tlen)) {
				joff = toff;
				jlen = tlen;
			}
			toff = o, tlen = n, got = li;
			taken++;
			if ((pg->ln[li].bits & LB_BULLET) || taken == 2)
				break;
			continue;
		}
		if (taken)
			break;
		/* A label line (source, author) between title and date. */
		if (pg->ln[li].nvis <= 20 || (pg->ln[li].bits & LB_LABEL) ||
		    pg->ln[li].nhan < 4 || rule_line(pg, (size_t)li))
			continue;
		break;
	}
	if (got < 0)
		return 0;
	t->line = got;
	t->off = toff;
	t->len = tlen;
	t->joff = joff;
	t->jlen = jlen;
	return 1;
}

/* The heading over the date block. */
static int
title_over_date(const struct page *pg, long date_line, int zh, struct tcand *t)
{
	return title_over(pg, date_line, zh, t);
}

/* Over the first 来源:/作者: line in the upper half of the page. */
static int
title_over_labels(const struct page *pg, long date_line, int zh, struct tcand *t)
{
	size_t v;

	for (v = 0; v < pg->nvc; v++)
		if ((pg->vc[v].kind == LK_SOURCE || pg->vc[v].kind == LK_AUTHOR) &&
		    pg->vc[v].how == HOW_LABEL && pg->vc[v].line < pg->nl / 2 + 1)
			return title_over(pg, (long)pg->vc[v].line, zh, t);
	return 0;
}

/* A forum row: "cjy52191   从原子弹爆炸原理想开去   2005-09-11 18:04:42". */
static int
title_in_forum_row(const struct page *pg, long date_line, int zh, struct tcand *t)
{
	const char *s;
	size_t n, a, b;

	if (date_line < 0)
		return 0;
	s = pg->n + pg->ln[date_line].noff;
	n = pg->ln[date_line].nlen;
	for (a = 0; a < n; a = b) {
		size_t pos, ds, de;
		struct mdate dd;

		while (a < n && s[a] == ' ')
			a++;
		for (b = a; b < n && !(s[b] == ' ' && b + 2 < n && s[b + 1] == ' ' &&
		    s[b + 2] == ' '); b++)
			;
		pos = a;
		if (b > a && !date_scan(s, b, &pos, &dd, &ds, &de) &&
		    scan_han_run(s, b, a) >= 12 &&
		    title_cell(s, a, b, pg->ln[date_line].noff, &t->off, &t->len, zh)) {
			t->line = date_line;
			return 1;
		}
	}
	return 0;
}

/* No date: a heading the page repeats (title bar, heading, share text). */
static int
title_repeated(const struct page *pg, long date_line, int zh, struct tcand *t)
{
	long seen = 0, li, lj;

	for (li = 0; (size_t)li < pg->nl && li < 300; li++) {
		size_t o, n, o2, n2;

		if (pg->ln[li].nvis < 8 || !title_like(pg, (size_t)li, &o, &n, zh))
			continue;
		if (++seen > 60)
			break;
		for (lj = li + 1; (size_t)lj < pg->nl; lj++)
			if (pg->ln[lj].nvis == pg->ln[li].nvis &&
			    lines_equal_nospace(pg->n + pg->ln[li].noff, pg->ln[li].nlen,
			    pg->n + pg->ln[lj].noff, pg->ln[lj].nlen) &&
			    title_like(pg, (size_t)lj, &o2, &n2, zh) &&
			    lines_equal_nospace(pg->n + o, n, pg->n + o2, n2)) {
				t->off = o, t->len = n, t->line = li;
				return 1;
			}
	}
	return 0;
}

/* The first line of a Chinese page, when it is a heading (book chapters). */
static int
title_first_line(const struct page *pg, long date_line, int zh, struct tcand *t)
{
	long li;

	for (li = 0; (size_t)li < pg->nl && !pg->ln[li].nlen; li++)
		;
	if ((size_t)li >= pg->nl || !zh || !title_like(pg, (size_t)li, &t->off, &t->len, zh))
		return 0;
	t->line = li;
	return 1;
}

/* The first paragraph of the body: 40 characters or more with a full stop. */
static long
first_body_line(const struct page *pg)
{
	long li;

	for (li = 0; (size_t)li < pg->nl; li++)
		if (pg->ln[li].nvis >= 40 && !(pg->ln[li].bits & LB_CRUMB)) {
			const char *s = pg->n + pg->ln[li].noff;
			size_t n = pg->ln[li].nlen;

			if (find_bytes(s, n, "。", 3) || find_bytes(s, n, ". ", 2))
				return li;
		}
	return -1;
}

/*
 * The heading above the first body paragraph; of a title over a subtitle,
 * the upper of the two, among the ten lines above (empty lines, which a
 * page may double, not counted).
 */
static int
title_over_body(const struct page *pg, long date_line, int zh, struct tcand *t)
{
	long li, got = -1, first_body = first_body_line(pg);
	size_t k;

	if (first_body < 0)
		return 0;
	for (li = first_body - 1, k = 0; li >= 0 && k < 10; li--) {
		size_t o, n;

		if (!pg->ln[li].nlen)
			continue;
		k++;
		if (title_like(pg, (size_t)li, &o, &n, zh)) {
			if (got >= 0 && n < t->len / 2)
				break;
			t->off = o, t->len = n;
			if (got >= 0) {
				got = li;
				break;
			}
			got = li;
		} else if (got >= 0)
			break;
	}
	t->line = got;
	return got >= 0;
}

/* --- choosing ------------------------------------------------------------- */

/* A rule: 1 and the candidate in *t (line, off, len set) if it finds one. */
typedef int title_rule_fn(const struct page *, long date_line, int zh, struct tcand *);

static title_rule_fn *const title_rules[TR_NRULES] = {
	[TR_LABEL] = title_by_label,
	[TR_OVER_BYLINE] = title_over_byline,
	[TR_COMMENTS] = title_of_comments,
	[TR_OVER_DATE] = title_over_date,
	[TR_OVER_LABELS] = title_over_labels,
	[TR_FORUM_ROW] = title_in_forum_row,
	[TR_REPEATED] = title_repeated,
	[TR_FIRST_LINE] = title_first_line,
	[TR_OVER_BODY] = title_over_body,
};

/*
 * The rules' candidate: the first rule, in the order they are trusted, that
 * proposes one.  The chooser weighs it among the page's lines; the later
 * rules are not run, as they cost time on every page.
 */
static int
rule_candidate(const struct page *pg, long date_line, int zh, struct tcand *c)
{
	int r;

	for (r = 0; r < TR_NRULES; r++) {
		memset(c, 0, sizeof(*c));
		c->line = -1;
		c->rule = (enum title_rule)r;
		if (title_rules[r](pg, date_line, zh, c))
			return 1;
	}
	return 0;
}

/*
 * Write candidate t's title to out: without a site's name after it and
 * icon glyphs, with its wrapped rest (or the last characters a narrow
 * column put on a line of their own).
 */
static void
title_text(const struct page *pg, const struct tcand *t, struct buf *out)
{
	size_t tlen = t->len;

	if (!t->site_cut && !t->site_tail)
		strip_site_suffix(pg->n + t->off, &tlen);
	strip_private_use(pg->n + t->off, &tlen);
	buf_add(out, pg->n + t->off, tlen);
	if (t->jlen) {
		buf_addc(out, ' ');
		buf_add(out, pg->n + t->joff, t->jlen);
	} else if ((size_t)t->line + 1 < pg->nl &&
	    t->off + tlen == pg->ln[t->line].noff + pg->ln[t->line].nlen) {
		/* A narrow column wrapped the last characters onto a line. */
		const struct line *nx = &pg->ln[t->line + 1];

		if (nx->nlen && nx->nvis <= 3 && nx->nhan == nx->nvis && !nx->bits)
			buf_add(out, pg->n + nx->noff, nx->nlen);
	}
}

#ifdef META_TUNE
/* A build for fitting (scripts/gen-metamodel.py): every candidate's features. */
static void
tune_dump(const struct page *pg, const struct tcand *c, const double *x, int zh)
{
	struct buf *b = &pg->tf->text;
	size_t i;

	if (!getenv("META_FEATURES"))
		return;
	if (c == NULL) {
		if (pg->seq == 0) {
			/* Unbuffered, the dump would take a write per feature. */
			setvbuf(stderr, NULL, _IOFBF, 1 << 16);
			fputs("#features", stderr);
			for (i = 0; i < TF_N; i++)
				fprintf(stderr, "\t%s", title_feature_names[i]);
			fputc('\n', stderr);
		}
		fprintf(stderr, "page\t%ld\t%d\n", pg->seq, zh);
		return;
	}
	buf_clear(b);
	title_text(pg, c, b);
	for (i = 0; i < b->len; i++)
		if (b->data[i] == '\t' || b->data[i] == '\n')
			b->data[i] = ' ';
	fprintf(stderr, "cand\t%ld\t%d\t%.*s", c->line, (int)c->rule, (int)b->len,
	    b->data);
	fitmodel_dump_row(c->score, x, TF_N);
}

/* Is the dump asked for?  Then every candidate is scored in full, in order. */
static int
tune_dumping(void)
{
	return getenv("META_FEATURES") != NULL;
}
#else
#define tune_dump(pg, c, x, zh) ((void)0)
#define tune_dumping() 0
#endif

/* The best candidate so far, and how many candidates were headings. */
struct tchoice {
	struct tcand best;
	size_t best_at;		/* its place among the candidates set aside */
	int headings;
	int in_order;		/* score every candidate in full, in order (the dump) */
};

/* Does the head name the candidate: <title>, its cut, og:title or the headline? */
static int
head_names(const double *x)
{
	return x[TF_h_eq_title] || x[TF_h_cut] || x[TF_h_eq_og] || x[TF_h_eq_ld];
}

/* Has candidate c a heading's shape, or does a rule propose it or the head name it? */
static int
heading(const struct tcand *c, const double *x)
{
	return c->title_like || c->rule != TR_NONE || head_names(x);
}

/* Set candidate c aside, with the most it can score. */
static void
set_aside(struct title_facts *tf, const struct tcand *c, double most)
{
	if (tf->npend == tf->pend_cap) {
		tf->pend_cap = tf->pend_cap ? 2 * tf->pend_cap : 64;
		tf->pend = xrealloc(tf->pend, tf->pend_cap * sizeof(*tf->pend));
		tf->bound = xrealloc(tf->bound, tf->pend_cap * sizeof(*tf->bound));
	}
	tf->pend[tf->npend] = *c;
	tf->bound[tf->npend].most = most;
	tf->bound[tf->npend].at = tf->npend;
	tf->npend++;
}

/*
 * Score candidate c, or set it aside with the most it can score, counting
 * it in ch->headings if heading() says so.  The site's name
 * (og:site_name) is no page's title, nor is a byline no rule proposed,
 * nor a line that closes an article (a comment count, a related list's
 * heading, a credit) or stands below one, unless the head names it.
 */
static void
weigh(const struct page *pg, struct tcand *c, int zh, struct tchoice *ch)
{
	double x[TF_N];

	title_features_place(pg, c, x);
	if (x[TF_h_site] || (x[TF_is_byline] && c->rule == TR_NONE))
		return;
	if (x[TF_h_far] && !head_names(x))
		return;		/* past the text's candidates: only the head's line */
	if ((x[TF_end_above] || (pg->ln[c->line].bits & LB_END)) &&
	    c->rule == TR_NONE && !head_names(x))
		return;		/* what closes the article, or below it */
	title_features_shape(pg, c, x);
	if (((x[TF_is_prose] && !x[TF_before_body]) || (x[TF_end_period] &&
	    x[TF_n_sentences] >= 2)) && !heading(c, x))
		return;		/* the body's running text, sentences */
	title_features_near(pg, c, x);
	ch->headings += heading(c, x);
	if (!ch->in_order) {
		set_aside(pg->tf, c, title_bound(pg, c, x, zh));
		return;
	}
	title_features_words(pg, c, x);
	c->score = title_model_score(x, zh);
	tune_dump(pg, c, x, zh);
	if (ch->best.line < 0 || c->score > ch->best.score)
		ch->best = *c;
}

/* Is p to be scored before q: it can score more, or as much and was set aside first? */
static int
before(const struct tbound *p, const struct tbound *q)
{
	return p->most > q->most || (p->most == q->most && p->at < q->at);
}

/* Move b[k] down the heap b[0..n) until no child of it comes before it. */
static void
sift_down(struct tbound *b, size_t n, size_t k)
{
	for (;;) {
		size_t c = 2 * k + 1, top = k;
		struct tbound t;

		if (c < n && before(&b[c], &b[top]))
			top = c;
		if (c + 1 < n && before(&b[c + 1], &b[top]))
			top = c + 1;
		if (top == k)
			return;
		t = b[k], b[k] = b[top], b[top] = t;
		k = top;
	}
}

/*
 * Score the candidates set aside, the one that can score most first (a
 * heap: most pages need a few of them), until the most the next can
 * score is below the best's score: the rest cannot win.  (A margin far
 * above the rounding of the sums.)  Of equal scores the first in the
 * page's order wins, as when all are scored in order.
 */
static void
weigh_aside(const struct page *pg, int zh, struct tchoice *ch)
{
	struct title_facts *tf = pg->tf;
	struct tbound *b = tf->bound;
	size_t n = tf->npend, k;
	double x[TF_N];

	for (k = n / 2; k-- > 0;)
		sift_down(b, n, k);
	while (n > 0) {
		size_t at = b[0].at;
		struct tcand *c = &tf->pend[at];

		if (ch->best.line >= 0 && b[0].most + 1e-6 < ch->best.score)
			break;
		b[0] = b[--n];
		sift_down(b, n, 0);
		title_features(pg, c, x);
		c->score = title_model_score(x, zh);
		if (ch->best.line < 0 || c->score > ch->best.score ||
		    (c->score == ch->best.score && at < ch->best_at)) {
			ch->best = *c;
			ch->best_at = at;
		}
	}
}

/* Is c the rules' candidate?  Then it takes the rule's name, once. */
static void
take_rule(struct tcand *c, const struct tcand *rule, int *rule_done)
{
	if (!*rule_done && rule->line == c->line && rule->off == c->off &&
	    rule->len == c->len && !rule->jlen) {
		c->rule = rule->rule;
		*rule_done = 1;
	}
}

/*
 * Weigh candidate c; when a site's name may follow it ("Headline - Site",
 * "Headline | Editorial"), weigh it with and without that tail: which one
 * is the title, the model says.
 */
static void
weigh_tails(const struct page *pg, struct tcand *c, int zh, struct tchoice *ch)
{
	size_t cut = c->len;

	strip_site_suffix(pg->n + c->off, &cut);
	if (cut == c->len) {
		weigh(pg, c, zh, ch);
		return;
	}
	c->site_tail = 1;
	weigh(pg, c, zh, ch);
	c->site_tail = 0;
	c->site_cut = 1;
	c->whole = 0;
	c->len = cut;
	weigh(pg, c, zh, ch);
}

/*
 * Is line li a heading: title_like(), asked only of lines of four Han
 * characters, or seven other ones, at least, and 60 (or 140) at most: the
 * shape test is not worth its cost on other lines.
 */
static int
heading_line(const struct page *pg, size_t li, int zh, size_t *o, size_t *n)
{
	const struct line *l = &pg->ln[li];

	return (zh ? l->nhan >= 4 && l->nvis <= 60 : l->nvis >= 7 && l->nvis <= 140) &&
	    title_like(pg, li, o, n, zh);
}

/*
 * Which lines before the candidates' limit and a few after it are
 * headings, how many stand above each, and the longest above the body,
 * for the candidates' features (titlemodel.c).
 */
static void
mark_headings(struct page *pg, int zh)
{
	struct title_facts *tf = pg->tf;
	size_t li, upto = (size_t)tf->first_cand_limit + 12, o, n;
	int above = 0;

	upto = upto < pg->nl ? upto : pg->nl;
	tf->head_max_vis = 0;
	for (li = 0; li < upto; li++) {
		struct line_facts *f = &tf->lf[li];

		f->heads_above = (unsigned char)(above < 255 ? above : 255);
		f->heading = pg->ln[li].nlen && !(pg->ln[li].bits & LB_LONG) &&
		    heading_line(pg, li, zh, &o, &n);
		above += f->heading;
		if (f->heading && tf->nb[li] < tf->body_start && pg->ln[li].nvis > tf->head_max_vis)
			tf->head_max_vis = pg->ln[li].nvis;
	}
	tf->heads_upto = (long)upto;
}

/*
 * Every line that could hold the title (less a bullet before it), the
 * part of it that has a heading's shape when that is less than the line
 * (a cell of a table row, the item after a path), and the rules'
 * candidate among them (or beside them, when it is a wrapped title):
 * the best scored into ch->best (line -1 if none).
 */
static void
weigh_lines(const struct page *pg, const struct tcand *rule, int zh, struct tchoice *ch)
{
	size_t li;
	int rule_done = rule == NULL;

	memset(ch, 0, sizeof(*ch));
	ch->best.line = -1;
	ch->in_order = tune_dumping();
	pg->tf->npend = 0;
	title_bound_begin(pg->tf, zh);
	for (li = 0; li < (size_t)pg->tf->first_cand_limit; li++) {
		const struct line *l = &pg->ln[li];
		struct tcand c, cell;
		size_t o = 0, n = 0, a;

		if (!l->nlen || l->nvis < 2 || l->nvis > 300 || (l->bits & LB_LONG))
			continue;
		memset(&c, 0, sizeof(c));
		c.line = (long)li;
		c.rule = TR_NONE;
		a = title_marker(pg->n + l->noff, l->nlen);
		c.marker = a > 0;
		c.whole = 1;
		c.off = l->noff + a;
		c.len = l->nlen - a;
		c.title_like = heading_line(pg, li, zh, &o, &n);
		cell = c;
		take_rule(&c, rule, &rule_done);
		/*
		 * A line of three words or less, with no heading's shape, stands
		 * as a title on its own, blank lines around it; in a block of
		 * lines it is a menu's or a list's item (two thirds of the
		 * candidates, 9 of the 1,412 dev titles).
		 */
		if (!c.title_like && c.rule == TR_NONE && !(li > 0 && !pg->ln[li - 1].nlen &&
		    li + 1 < pg->nl && !pg->ln[li + 1].nlen) && title_line_short(pg, li))
			continue;
		weigh_tails(pg, &c, zh, ch);
		/* "15. Zukunftsforum ...": a list's number, or the title's own. */
		if (a && pg->n[l->noff] >= '0' && pg->n[l->noff] <= '9') {
			struct tcand numbered = cell;

			numbered.whole = numbered.marker = 0;
			numbered.off = l->noff;
			numbered.len = l->nlen;
			take_rule(&numbered, rule, &rule_done);
			weigh_tails(pg, &numbered, zh, ch);
		}
		if (cell.title_like && (o != cell.off || n != cell.len)) {
			cell.whole = 0;
			cell.off = o;
			cell.len = n;
			cell.is_cell = 1;
			take_rule(&cell, rule, &rule_done);
			weigh_tails(pg, &cell, zh, ch);
		}
	}
	if (!rule_done) {
		struct tcand c = *rule;
		size_t o, n;

		c.title_like = title_like(pg, (size_t)c.line, &o, &n, zh);
		weigh(pg, &c, zh, ch);
	}
	weigh_aside(pg, zh, ch);
	/* A page none of whose lines is a heading has no title (a note, a list). */
	if (!ch->headings)
		ch->best.line = -1;
}

/*
 * No line of the text holds the title: the head's, JSON-LD headline
 * first, then an og:title that is not the site's name, then <title>
 * without a site's name after it.  No evidence span: it is not in the text.
 */
static void
title_from_head(struct page *pg)
{
	const struct meta_head *h = pg->head;
	const struct meta_str *t = h->ld_headline.n ? &h->ld_headline :
	    (pg->tf->hset & 2) ? &h->og_title : &h->title;
	size_t n = t->n;

	if (t == &h->title)
		strip_site_suffix(t->s, &n);
	if (!n)
		return;
	buf_add(&pg->m->title, t->s, n);
	pg->m->has_title = 1;
}

long
choose_title(struct page *pg, long date_line, int zh)
{
	struct tcand rule;
	struct tchoice ch;
	int have_rule;

	title_facts_begin(pg);
	have_rule = rule_candidate(pg, date_line, zh, &rule);

	title_page_facts(pg, pg->head, have_rule ? rule.line : -1);
	title_line_parts(pg);
	tune_dump(pg, NULL, NULL, zh);
	mark_headings(pg, zh);
	weigh_lines(pg, have_rule ? &rule : NULL, zh, &ch);
	if (ch.best.line < 0) {
		title_from_head(pg);
		return -1;
	}
	title_text(pg, &ch.best, &pg->m->title);
	pg->m->has_title = 1;
	set_span(pg->m, MF_TITLE, pg, (size_t)ch.best.line);
	return ch.best.line;
}
