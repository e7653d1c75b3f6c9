/*
 * meta.c - the extract-meta chooser: from the candidates scan.c collected,
 * one value per field, chosen by its position relative to the date/source
 * block under the title, by its label, and by what surrounds it (lists of
 * other articles, comments, prose), never by site.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "utf8.h"
#include "winnow.h"

const char *const meta_field_names[MF_NFIELDS] = {
	"title", "published", "modified", "crawled", "source", "authors",
	"editors", "categories", "url", "lang", "flags",
};

/* --- choosing ---------------------------------------------------------- */

static int
after_anchor(const struct mdate *d, const struct mdate *anchor)
{
	return anchor && anchor->prec >= DP_DAY && d->year && mdate_cmp(d, anchor) > 0;
}

/* Resolve a relative date against the anchor; 0 if it cannot be. */
static int
resolve_relative(struct mdate *d, const struct mdate *anchor)
{
	struct mdate r;

	if (!anchor || anchor->prec < DP_DAY)
		return 0;
	r = *anchor;
	if (r.prec < DP_MINUTE)
		r.hour = r.min = 0;
	r.sec = 0;
	switch (d->rel_unit) {
	case 's':
	case 'm':
		mdate_add_minutes(&r, -(long long)d->rel_n);
		r.prec = DP_MINUTE;
		break;
	case 'h':
		mdate_add_minutes(&r, -60LL * d->rel_n);
		r.prec = DP_MINUTE;
		break;
	case 'd':
	case 'w':
		mdate_add_minutes(&r, -1440LL * d->rel_n * (d->rel_unit == 'w' ? 7 : 1));
		r.prec = DP_DAY;
		if (d->rel_time) {
			r.hour = d->hour;
			r.min = d->min;
			r.prec = DP_MINUTE;
		}
		break;
	case 'M': {
		int months = r.year * 12 + (r.month - 1) - d->rel_n;

		r.year = months / 12;
		r.month = months % 12 + 1;
		r.day = r.hour = r.min = 0;
		r.prec = DP_MONTH;
		break;
	}
	case 'y':
		r.year -= d->rel_n;
		r.month = r.day = r.hour = r.min = 0;
		r.prec = DP_YEAR;
		break;
	default:
		return 0;
	}
	r.flags = d->flags;
	r.rel_unit = 0;
	if (r.prec < DP_MINUTE)
		r.has_tz = 0;
	*d = r;
	return 1;
}

/* The year of a date written without one: the anchor's, or the page's. */
static void
infer_year(struct mdate *d, const struct mdate *anchor, int page_year)
{
	if (anchor && anchor->year) {
		d->year = anchor->year;
		if (mdate_cmp(d, anchor) > 0)
			d->year--;
	} else if (page_year)
		d->year = page_year;
}

static int
lines_equal_nospace(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < an && a[i] == ' ')
			i++;
		while (j < bn && b[j] == ' ')
			j++;
		if (i == an || j == bn)
			return i == an && j == bn;
		if (a[i] != b[j])
			return 0;
		i++, j++;
	}
}

static long
prev_nonblank(const struct page *pg, long li)
{
	for (li--; li >= 0; li--)
		if (pg->ln[li].nlen)
			return li;
	return -1;
}

/* A line of a comment or a reply: 发表人, 回复, 留言, 网友, 楼主. */
static int
comment_line(const struct page *pg, const struct line *l)
{
	static const char *const w[] = { "发表人", "回复", "留言", "网友", "楼主",
		"评论人", "跟帖" };
	size_t k;

	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (scan_find(pg->n + l->noff, l->nlen, w[k], strlen(w[k])))
			return 1;
	return 0;
}

static long
next_nonblank(const struct page *pg, long li)
{
	for (li++; (size_t)li < pg->nl; li++)
		if (pg->ln[li].nlen)
			return li;
	return -1;
}

/*
 * A date widget stacked on lines of its own: "2019" / "09/07" / "19:02".
 * Complete the year-only candidate c from the lines under it.
 */
static void
stacked_date(const struct page *pg, struct dcand *c)
{
	const struct line *l = &pg->ln[c->line];
	long nx = next_nonblank(pg, (long)c->line);
	const char *t;
	size_t n, i = 0;
	int mo = 0, d = 0, h = 0, mi = 0;

	if (c->d.prec != DP_YEAR || l->nlen != 4 || nx < 0)
		return;
	t = pg->n + pg->ln[nx].noff;
	n = pg->ln[nx].nlen;
	while (i < n && i < 2 && t[i] >= '0' && t[i] <= '9')
		mo = mo * 10 + (t[i++] - '0');
	if (!i || i >= n || (t[i] != '/' && t[i] != '-' && t[i] != '.'))
		return;
	for (i++; i < n && t[i] >= '0' && t[i] <= '9'; i++)
		d = d * 10 + (t[i] - '0');
	if (i != n || mo < 1 || mo > 12 || d < 1 || d > 31)
		return;
	c->d.month = mo;
	c->d.day = d;
	c->d.prec = DP_DAY;
	nx = next_nonblank(pg, nx);
	if (nx < 0 || pg->ln[nx].nlen != 5)
		return;
	t = pg->n + pg->ln[nx].noff;
	if (t[2] != ':' || t[0] < '0' || t[0] > '2' || t[3] < '0' || t[3] > '5')
		return;
	h = (t[0] - '0') * 10 + (t[1] - '0');
	mi = (t[3] - '0') * 10 + (t[4] - '0');
	if (h < 24 && mi < 60) {
		c->d.hour = h;
		c->d.min = mi;
		c->d.prec = DP_MINUTE;
	}
}

/*
 * The site's clock in its header, not the article's date: 2 for
 * "今日 2005年9月12日"; 1 for a bare day "2005年9月12日 星期一" among the
 * login and navigation lines (登录, 设为首页, a breadcrumb) at most two lines
 * away.  A blog's own date line over its title has none of them around it.
 */
static int
site_today(const struct page *pg, const struct dcand *c)
{
	static const char *const nav[] = { "登录", "登錄", "登入", "注册", "註冊",
		"设为首页", "設為首頁", "加入收藏", "收藏本站", "网站地图", "網站地圖",
		"天气", "天氣", "欢迎", "歡迎", "繁体", "繁體", "简体", "簡體" };
	const struct line *l = &pg->ln[c->line];
	const char *s = pg->n + l->noff;
	size_t e = c->start, k;
	long j;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e >= 6 && (memcmp(s + e - 6, "今日", 6) == 0 || memcmp(s + e - 6, "今天", 6) == 0))
		return 2;
	if (c->d.prec != DP_DAY || l->nvis > 60)
		return 0;
	for (e = c->end; e < l->nlen && (s[e] == ' ' || s[e] == '(' || s[e] == '['); e++)
		;
	if (!(scan_starts_with(s + e, l->nlen - e, LIT("星期")) ||
	    scan_starts_with(s + e, l->nlen - e, LIT("礼拜")) ||
	    scan_starts_with(s + e, l->nlen - e, LIT("禮拜"))))
		return 0;
	for (j = (long)c->line - 2; j <= (long)c->line + 2; j++) {
		const struct line *o;

		if (j < 0 || (size_t)j >= pg->nl)
			continue;
		o = &pg->ln[j];
		if (o->bits & LB_CRUMB)
			return 1;
		if (o->nvis > 80)
			continue;
		for (k = 0; k < sizeof(nav) / sizeof(nav[0]); k++)
			if (scan_find(pg->n + o->noff, o->nlen, nav[k], strlen(nav[k])))
				return 1;
	}
	return 0;
}

/* Score the date candidates for "published". */
static void
score_dates(struct page *pg, const struct mdate *anchor)
{
	size_t k;

	for (k = 0; k < pg->ndc; k++) {
		struct dcand *c = &pg->dc[k];
		const struct line *l = &pg->ln[c->line];
		double s = 0;
		int near = 0, closing;
		long j;

		stacked_date(pg, c);
		if (c->d.prec == DP_YEAR && l->nlen == 4 && c->kind == LK_NONE)
			s -= 10;	/* a bare year, not a stacked date */
		switch (c->d.prec) {
		case DP_SECOND:
		case DP_MINUTE: s += 3; break;
		case DP_DAY: s += 2; break;
		case DP_MONTH: s += 0.5; break;
		default: s += (c->d.flags & MF_RELATIVE) ? 2.5 : -1; break;
		}
		if (c->kind == LK_PUBLISHED && !comment_line(pg, l))
			s += 5;
		if (l->bits & LB_META)
			s += 2;
		/*
		 * "By NAME" then the date, on its line or the next two: the
		 * article's own, not the masthead's "November 20, 2019".
		 */
		if (c->kind == LK_NONE) {
			long b = (long)c->line;

			for (j = 0; j < 3 && b >= 0; j++, b = prev_nonblank(pg, b))
				if (pg->ln[b].bits & LB_BYLINE) {
					s += 2;
					break;
				}
		}
		if (c->d.flags & MF_RELATIVE)
			s -= 3;
		if (c->d.flags & MF_YEAR_INFERRED)
			s -= 2;
		/* Lists: other dated lines close by. */
		for (j = (long)c->line - 3; j <= (long)c->line + 3; j++)
			if (j >= 0 && (size_t)j < pg->nl && j != (long)c->line &&
			    (pg->ln[j].bits & LB_DATE))
				near++;
		if (near >= 2 && c->kind == LK_NONE)
			s -= 3;
		if ((l->bits & LB_BULLET) && c->kind == LK_NONE)
			s -= 2;
		/*
		 * A date inside parentheses closing a list item: "标题(2005-04-27)";
		 * after a full stop it closes the body: "…前往。(2005年9月10日)".
		 */
		closing = c->start > 3 && pg->n[l->noff + c->start - 1] == '(' &&
		    c->kind == LK_NONE && c->end + 1 >= l->nlen &&
		    memcmp(pg->n + l->noff + c->start - 4, "。", 3) == 0;
		if (c->start > 0 && pg->n[l->noff + c->start - 1] == '(' && c->kind == LK_NONE &&
		    l->nvis > 12 && c->end + 1 >= l->nlen && !closing)
			s -= 2;
		s -= 3.0 * (double)c->line / (double)(pg->nl ? pg->nl : 1);
		if (after_anchor(&c->d, anchor))
			s -= 20;
		/* Only a whole-line date or a labelled one may be this vague. */
		if (c->d.prec <= DP_MONTH && c->kind != LK_PUBLISHED &&
		    !(c->d.flags & MF_RELATIVE) && !(c->start == 0 && c->end == l->nlen))
			s -= 10;
		/* An English comment thread runs long: all of it is readers'. */
		if (pg->comments_line >= 0 && (long)c->line > pg->comments_line &&
		    c->kind == LK_NONE)
			s -= 6;
		/* Under a "相关阅读" heading: the dates of other articles. */
		for (j = (long)c->line - 1; j >= 0 && j >= (long)c->line - 15; j--)
			if ((pg->ln[j].bits & LB_END) && !(pg->ln[j].bits & LB_LABEL)) {
				if (c->kind == LK_NONE)
					s -= 4;
				break;
			}
		/* "今天是2019年9月26日 星期四": the clock in the page header. */
		if (c->kind == LK_NONE && (scan_find(pg->n + l->noff, l->nlen, "今天是", 9) ||
		    scan_find(pg->n + l->noff, l->nlen, "今日是", 9) ||
		    scan_find(pg->n + l->noff, l->nlen, "Today is", 8) ||
		    site_today(pg, c) == 2))
			s -= 5;
		else if (c->kind == LK_NONE && site_today(pg, c))
			s -= 3;	/* a weekday in the header: weak, yet kept if alone */
		/* A date in a sentence of the body tells of an event. */
		if (c->kind == LK_NONE && l->nvis > 50 && !closing &&
		    scan_find(pg->n + l->noff, l->nlen, "。", 3))
			s -= 4;
		/* 3小时前, 6月8日 inside prose are not the page's date. */
		if ((c->d.flags & (MF_RELATIVE | MF_YEAR_INFERRED)) && c->kind == LK_NONE &&
		    l->nvis > 30)
			s -= 10;
		c->score = s;
	}
}

static int title_cell(const char *, size_t, size_t, size_t, size_t *, size_t *, int);

/* Is line li a plausible title?  Returns the segment to use. */
static int
title_like(const struct page *pg, size_t li, size_t *toff, size_t *tlen, int zh)
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
	for (a = 0; a < n; a = b) {
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

/* Is the cell s[a..b) of a line (at noff in the text) a plausible title? */
static int
title_cell(const char *s, size_t a, size_t b, size_t noff, size_t *toff, size_t *tlen,
    int zh)
{
	int chars = 0;

	/* Bullets and [tags] before the title. */
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
	while (b > a && s[b - 1] == ' ')
		b--;
	/* "论坛 » 学术前沿 » 标题", "专栏/轻小说/标题": the last item. */
	{
		size_t i, last = a, seps = 0, slashes = 0, lastslash = a;

		for (i = a; i < b; i++) {
			size_t k = scan_crumb_sep(s, b, i);

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
		else if (slashes >= 2 && !scan_find(s + a, b - a, "://", 3))
			a = lastslash;
		while (a < b && s[a] == ' ')
			a++;
	}
	if (a >= b || (s[a] == '[' && s[b - 1] == ']') || s[a] == ']')
		return 0;
	{
		/*
		 * "chevron_left Browse All Posts": an icon font's ligature name
		 * (chevron_left, insert_chart) rendered as text opens a button.
		 */
		size_t i = a, under = 0;

		while (i < b && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
			under += s[i++] == '_';
		if (under && i < b && s[i] == ' ' && s[a] != '_' && s[i - 1] != '_')
			return 0;
	}
	{
		size_t i, opens = 0;

		for (i = a; i < b; i++)
			opens += s[i] == '[';
		if (opens >= 2)
			return 0;	/* form fields and image tags */
	}
	{
		const unsigned char *p = (const unsigned char *)s + a;
		int brackets = 0, spaces = 0, commas = 0, digits = 0, book = 0, run = 0, maxrun = 0;
		size_t i = 0, m = b - a;
		int han = 0, pipes = 0, slash = 0, lower = 0, capital = 0;
		uint32_t cp = 0;

		while (i < m) {
			if (p[i] >= 'a' && p[i] <= 'z')
				lower++;
			else if ((p[i] >= 'A' && p[i] <= 'Z') || p[i] >= 0x80)
				capital++;	/* or a letter with no case */
			if (p[i] == '|')
				pipes++;
			if (p[i] == '/')
				slash++;
			if (p[i] == ' ')
				spaces++;
			if (p[i] == ',')
				commas++;
			if (p[i] >= '0' && p[i] <= '9') {
				digits++;
				if (++run > maxrun)
					maxrun = run;
			} else if (p[i] != '-' && p[i] != ' ')
				run = 0;
			if (m - i >= 3 && memcmp(p + i, "【", 3) == 0)
				brackets++;
			if (m - i >= 3 && memcmp(p + i, "《", 3) == 0)
				book++;
			if (m - i >= 3 && memcmp(p + i, "》", 3) == 0)
				book--;
			i += utf8_decode(p + i, m - i, &cp);
			chars++;
			if (cp >= 0x4e00 && cp <= 0x9fff)
				han++;
			if (cp == 0x3002 && i < m)
				return 0;	/* a sentence goes on: prose */
		}
		/* English headlines run longer and list names: "Saraki, Melaye, Ben Bruce Drag ..." */
		/* A toolbar, "【打印本页】【关闭窗口】", not "【专题】标题". */
		if (brackets >= 2 && m >= 6 && memcmp(p, "【", 3) == 0 &&
		    memcmp(p + m - 3, "】", 3) == 0)
			return 0;
		if (chars < 5 + zh || chars > (zh ? 90 : 140) || pipes > 1 || brackets >= 3 ||
		    commas >= 3 + !zh ||
		    (zh && chars > 50) || book != 0)
			return 0;	/* a menu, prose, a fragment */
		/*
		 * A telephone number (a long run of digits) or a line of figures;
		 * "2005年第17届红叶节10月15日开幕" has many digits in short runs.
		 */
		if (digits >= 8 && (zh ? maxrun >= 7 || digits * 2 > chars : digits * 4 > chars))
			return 0;
		/* A menu: many short words ("首頁 專題新聞 本地專題 ..."). */
		if (zh && spaces >= 3 && chars / (spaces + 1) <= 5)
			return 0;
		if (zh && han < 4)
			return 0;
		if (!zh && (chars < 10 || spaces < 3))
			return 0;	/* English: four words or more */
		/* "twitter linkedin facebook instagram": links, no headline. */
		if (!zh && lower && !capital)
			return 0;
		if (slash && chars <= 16)
			return 0;	/* 石佳/中国青年报: a byline */
		/* A heading holds no link: an embedded tweet or a URL line does. */
		if (scan_find(s + a, b - a, "://", 3) || scan_find(s + a, b - a, "pic.twitter.com", 15))
			return 0;
		/* Prose, not a heading. */
		if (cp == 0x3002 || cp == ':' || cp == ',' ||
		    ((cp == '.' || cp == 0x2026) && !zh && chars > 60))
			return 0;
		/*
		 * An English sentence: a full stop after a small word ("...
		 * regarding this work.", "over a decade. Then"); "vs." and
		 * "U.S." are no sentence's end.
		 */
		if (!zh)
			for (i = 3; i < m; i++)
				if (p[i] == '.' && (i + 1 == m || p[i + 1] == ' ') &&
				    p[i - 1] >= 'a' && p[i - 1] <= 'z' &&
				    p[i - 2] >= 'a' && p[i - 2] <= 'z' &&
				    p[i - 3] >= 'a' && p[i - 3] <= 'z')
					return 0;
	}
	*toff = noff + a;
	*tlen = b - a;
	return 1;
}

/* Strip a site name after the title: "X_新浪网", "X - 人民网", "X | Site". */
static void
strip_site_suffix(const char *s, size_t *len)
{
	static const char *const seps[] = { "_", " - ", " | ", "|", " — ", " – " };
	size_t k, i;

	for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		size_t sl = strlen(seps[k]);

		for (i = *len; i-- > 6;) {
			if (i + sl <= *len && memcmp(s + i, seps[k], sl) == 0) {
				size_t tail = *len - i - sl;

				if (tail > 0 && tail <= 30 && i >= 12) {
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

static void
set_span(struct meta *m, enum meta_field f, const struct page *pg, size_t li)
{
	m->ev[f].off = pg->ln[li].off;
	m->ev[f].len = pg->ln[li].len ? pg->ln[li].len : 1;
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

/* Choose the title. */
static long
choose_title(struct page *pg, long date_line, int zh)
{
	struct meta *m = pg->m;
	size_t toff = 0, tlen = 0, joff = 0, jlen = 0;
	long li, got = -1, first_body = -1;
	size_t k;
	int taken = 0;

	/* 正在阅读:X, 标题:X */
	for (k = 0; k < pg->nvc; k++)
		if (pg->vc[k].kind == LK_TITLE && pg->vc[k].len >= 6) {
			toff = pg->vc[k].off;
			tlen = pg->vc[k].len;
			got = (long)pg->vc[k].line;
			goto found;
		}
	if (!zh && (got = headline_over_byline(pg, date_line, &toff, &tlen)) >= 0)
		goto found;
	/* "6 thoughts on “TITLE”" names the post the comments are on. */
	if (!zh && pg->comments_line >= 0) {
		const struct line *l = &pg->ln[pg->comments_line];
		size_t o, n;

		/* "12 Comments" names none. */
		if (english_comment_heading(pg->n + l->noff, l->nlen, &o, &n) && n > 0) {
			toff = l->noff + o;
			tlen = n;
			got = pg->comments_line;
			goto found;
		}
	}
	for (k = 0; k < 2 && got < 0; k++) {
		long from = date_line;

		/* Walk up from the date block, else from a 来源:/作者: line. */
		if (k == 1) {
			size_t v;

			from = -1;
			for (v = 0; v < pg->nvc; v++)
				if ((pg->vc[v].kind == LK_SOURCE || pg->vc[v].kind == LK_AUTHOR) &&
				    pg->vc[v].how == HOW_LABEL && pg->vc[v].line < pg->nl / 2 + 1) {
					from = (long)pg->vc[v].line;
					break;
				}
		}
		if (from < 0)
			continue;
		taken = 0;
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
	}
	/* A forum row: "cjy52191   从原子弹爆炸原理想开去   2005-09-11 18:04:42". */
	if (got < 0 && date_line >= 0) {
		const char *s = pg->n + pg->ln[date_line].noff;
		size_t n = pg->ln[date_line].nlen, a, b, o, tl;

		for (a = 0; a < n && got < 0; a = b) {
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
			    title_cell(s, a, b, pg->ln[date_line].noff, &o, &tl, zh)) {
				toff = o, tlen = tl, got = date_line;
			}
		}
	}
	if (got >= 0)
		goto found;
	/* No date: a heading the page repeats (title bar, heading, share text). */
	{
		long seen = 0, lj;

		for (li = 0; (size_t)li < pg->nl && li < 300 && got < 0; li++) {
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
					toff = o, tlen = n, got = li;
					break;
				}
		}
		if (got >= 0)
			goto found;
	}
	/* The first line of the page, when it is a heading (book chapters). */
	for (li = 0; (size_t)li < pg->nl && !pg->ln[li].nlen; li++)
		;
	if ((size_t)li < pg->nl && zh) {
		size_t o, n;

		if (title_like(pg, (size_t)li, &o, &n, zh)) {
			toff = o, tlen = n, got = li;
			goto found;
		}
	}
	/* The heading above the first body paragraph. */
	for (li = 0; (size_t)li < pg->nl; li++)
		if (pg->ln[li].nvis >= 40 && !(pg->ln[li].bits & LB_CRUMB)) {
			const char *s = pg->n + pg->ln[li].noff;
			size_t n = pg->ln[li].nlen;

			if (scan_find(s, n, "。", 3) || scan_find(s, n, ". ", 2)) {
				first_body = li;
				break;
			}
		}
	/*
	 * A title over a subtitle: the upper of two headings, among the ten
	 * lines above (empty lines, which a page may double, not counted).
	 */
	if (first_body >= 0)
		for (li = first_body - 1, k = 0; li >= 0 && k < 10; li--) {
			size_t o, n;

			if (!pg->ln[li].nlen)
				continue;
			k++;
			if (title_like(pg, (size_t)li, &o, &n, zh)) {
				if (got >= 0 && n < tlen / 2)
					break;
				toff = o, tlen = n;
				if (got >= 0) {
					got = li;
					break;
				}
				got = li;
			} else if (got >= 0)
				break;
		}
	if (got >= 0)
		goto found;
	return -1;
found:
	strip_site_suffix(pg->n + toff, &tlen);
	strip_private_use(pg->n + toff, &tlen);
	buf_add(&m->title, pg->n + toff, tlen);
	if (jlen) {
		buf_addc(&m->title, ' ');
		buf_add(&m->title, pg->n + joff, jlen);
	} else if ((size_t)got + 1 < pg->nl &&
	    toff + tlen == pg->ln[got].noff + pg->ln[got].nlen) {
		/* A narrow column wrapped the last characters onto a line. */
		const struct line *nx = &pg->ln[got + 1];

		if (nx->nlen && nx->nvis <= 3 && nx->nhan == nx->nvis && !nx->bits)
			buf_add(&m->title, pg->n + nx->noff, nx->nlen);
	}
	m->has_title = 1;
	set_span(m, MF_TITLE, pg, (size_t)got);
	return got;
}

/* Is s[0..n) one of the nw words w? */
static int
is_any(const char *s, size_t n, const char *const *w, size_t nw)
{
	size_t k;

	for (k = 0; k < nw; k++)
		if (strlen(w[k]) == n && memcmp(s, w[k], n) == 0)
			return 1;
	return 0;
}

/* Words that are not a person. */
static int
not_a_name(const char *s, size_t n)
{
	static const char *const w[] = { "未知", "佚名", "admin", "Admin", "管理员",
		"本站", "小编", "网友", "匿名", "unknown", "Unknown", "不详", "本网",
		"编辑", "记者", "作者", "原创", "转载", "综合", "供图", "图", "文",
		"摄", "整理", "报道", "null", "none", "阅读", "评论", "浏览", "点击",
		"查看更多", "更多", "发表评论", "回复", "收藏", "分享", "责编", "编者",
		"完", "待续", "未完" };

	return is_any(s, n, w, sizeof(w) / sizeof(w[0]));
}

static int
list_has(const struct meta_list *l, const char *s, size_t n)
{
	size_t i = 0, k;

	for (k = 0; k < l->n; k++) {
		size_t len = strlen(l->data.data + i);

		if (len == n && memcmp(l->data.data + i, s, n) == 0)
			return 1;
		i += len + 1;
	}
	return 0;
}

static void
list_add(struct meta_list *l, const char *s, size_t n)
{
	if (!n || list_has(l, s, n) || l->n >= 32)
		return;
	buf_add(&l->data, s, n);
	buf_addc(&l->data, '\0');
	l->n++;
}

/* Cut a name at a role word that follows it: 路闻卓立编译, 彭冲报道. */
static size_t
cut_role_suffix(const char *s, size_t n)
{
	static const char *const w[] = { "编译", "編譯", "報導", "報道", "报道", "整理",
		"摄影", "攝影", "供稿", "发自", "發自", "翻译", "翻譯", "综合", "綜合", "摄",
		"攝", "/文", "文/", "受访者", "受訪者" };
	size_t k, i;

	for (i = 3; i < n; i++)
		for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
			size_t wl = strlen(w[k]);

			if (n - i >= wl && memcmp(s + i, w[k], wl) == 0)
				return i;
		}
	return n;
}

/*
 * Credits for other work than the writing: after names they end the list
 * ("记者 张三 摄影 李四": 李四 took the pictures).
 */
static int
other_credit(const char *s, size_t n)
{
	static const char *const w[] = { "摄影", "攝影", "摄", "攝", "图", "圖",
		"图片", "圖片", "视频", "視頻", "校对", "校對", "审核", "審核", "监制",
		"監製", "制图", "製圖", "编辑", "編輯", "责编", "責編", "责任编辑",
		"責任編輯" };

	return is_any(s, n, w, sizeof(w) / sizeof(w[0]));
}

/* Does s[0..n) end with one of the nw words w? */
static int
ends_with_any(const char *s, size_t n, const char *const *w, size_t nw)
{
	size_t k;

	for (k = 0; k < nw; k++) {
		size_t wl = strlen(w[k]);

		if (n >= wl && memcmp(s + n - wl, w[k], wl) == 0)
			return 1;
	}
	return 0;
}

/* "CNN Business", "Fox News", "USA TODAY": a news organisation, not a person. */
static int
org_name(const char *s, size_t n)
{
	static const char *const suf[] = { "news", "business", "times", "post",
		"staff", "reporter", "correspondent", "press", "agency", "wire",
		"editors", "desk", "team", "writer", "editor", "contributor",
		"columnist", "photographer", "today", "daily", "journal", "herald",
		"tribune", "network", "media", "magazine", "radio", "service",
		"writers", "reporters", "staff writer" };
	size_t i, k, caps = 0, words = 1;
	size_t lower = 0, upper = 0;

	for (i = 0; i < n; i++) {
		lower += s[i] >= 'a' && s[i] <= 'z';
		upper += s[i] >= 'A' && s[i] <= 'Z';
		words += s[i] == ' ';
	}
	/* Suffixes in any case, "Associated Press", "USA TODAY", or run on: FOXNews. */
	for (k = 0; k < sizeof(suf) / sizeof(suf[0]); k++) {
		size_t wl = strlen(suf[k]), j;

		if (n < wl || (n > wl && s[n - wl - 1] != ' ' &&
		    !(s[n - wl] >= 'A' && s[n - wl] <= 'Z' && s[n - wl + 1] >= 'a' &&
		    s[n - wl + 1] <= 'z')))
			continue;
		for (j = 0; j < wl && (s[n - wl + j] | 0x20) == suf[k][j]; j++)
			;
		if (j == wl)
			return 1;
	}
	/*
	 * A byline in capitals, "JANE DOE", names a person; one word (REUTERS,
	 * AP) or THE ... is an outlet.
	 */
	if (upper >= 3 * lower)	/* McCOY DEVITO too */
		return words < 2 || (n > 4 && memcmp(s, "THE ", 4) == 0);
	for (i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			caps++;
		else if ((s[i] == ' ' || s[i] == '.') && caps >= 2)
			return 1;
		else
			caps = 0;
	}
	return caps >= 2;
}

/* A degree or licence after a name: PhD, M.D., RDN. */
static int
credential(const char *s, size_t n)
{
	static const char *const w[] = { "PhD", "Ph.D.", "Ph.D", "M.D.", "MBA", "Esq.",
		"MD", "MS", "MA", "MSc", "MPH", "RD", "RDN", "RN", "LD", "CDE", "CPT",
		"DO", "DDS", "DVM", "JD", "CFA", "CPA" };

	return is_any(s, n, w, sizeof(w) / sizeof(w[0]));
}

/*
 * Names in Latin script are separated by commas, "and" and '&', not by
 * spaces: "Jane Doe and John Q. Public".  Returns 1 if s is not Latin.
 */
static int
latin_names(struct meta_list *out, const char *s, size_t n)
{
	size_t i, st = 0, full = 0;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 && !(i + 1 < n &&
		    (unsigned char)s[i] >= 0xc3 && (unsigned char)s[i] <= 0xc5))
			return 1;	/* Han or other scripts: the general rules */
	for (i = 0; i <= n; i++) {
		size_t sep = 0;

		if (i == n)
			sep = 1;
		else if (s[i] == ',' || s[i] == ';' || s[i] == '&' || s[i] == '|')
			sep = 1;
		else if (n - i >= 5 && (memcmp(s + i, " and ", 5) == 0 ||
		    memcmp(s + i, " AND ", 5) == 0))
			sep = 5;
		if (!sep)
			continue;
		{
			size_t a = st, b = i, k, words = 1;
			int upper;

			while (a < b && s[a] == ' ')
				a++;
			while (b > a && s[b - 1] == ' ')
				b--;
			upper = a < b && s[a] >= 'A' && s[a] <= 'Z';
			for (k = a; k < b; k++)
				words += s[k] == ' ';
			/*
			 * An organisation is no person, nor is a credential in
			 * capitals after a name ("Ilana Muhlstein, MS, RDN").
			 */
			if (org_name(s + a, b - a) || credential(s + a, b - a))
				upper = 0, words = 99;
			/* "Jane Doe, Reuters": one word after a full name is its outlet. */
			if (words == 1 && full && s[st - 1] != '&' && s[st - 1] != ' ')
				words = 99;
			/* A name: capitalised, one to five words, no digits. */
			/* Capitalised, or a one-word handle (zboygirl). */
			if ((upper || (words == 1 && b - a >= 3)) && words <= 5 &&
			    b - a <= 60 && !not_a_name(s + a, b - a)) {
				for (k = a; k < b && !(s[k] >= '0' && s[k] <= '9'); k++)
					;
				if (k == b) {
					list_add(out, s + a, b - a);
					full += words >= 2;
				}
			}
		}
		st = i + sep;
		i = st - 1;
	}
	return 0;
}

/*
 * Split a people value into names: separators 、,;&/ and spaces; padded
 * two-character names "许 婷" joined; codes such as PK155 or _NB1 dropped.
 */
static void
add_names(struct meta_list *out, const char *s, size_t n, size_t max_han)
{
	size_t i = 0;
	const char *tok[24];
	size_t tl[24];
	size_t nt = 0, k, sp;

	/* A value in brackets: "[ 人民网 ]", "(责编:X)", "[作者:X] [日期:". */
	while (n > 0 && (s[n - 1] == ']' || s[n - 1] == ')' || s[n - 1] == ' ' ||
	    s[n - 1] == '.' || s[n - 1] == '[' || s[n - 1] == '('))
		n--;
	while (n >= 3 && (memcmp(s + n - 3, "】", 3) == 0 || memcmp(s + n - 3, "【", 3) == 0))
		n -= 3;
	if (!latin_names(out, s, n))
		return;
	/* "赵培:北京物资学院,北京": the name, then an affiliation. */
	{
		const char *c = memchr(s, ':', n);

		if (c)
			n = (size_t)(c - s);
	}
	/* A quotation or a question after 记者: is speech, not a name. */
	if (n >= 3 && (memcmp(s, "“", 3) == 0 || s[0] == '"'))
		return;
	while (i < n && nt < 24) {
		size_t st, sepl = 0;

		for (st = i; i < n; i++) {
			if (s[i] == ' ' || s[i] == ',' || s[i] == ';' || s[i] == '&' ||
			    s[i] == '/' || s[i] == '|' || s[i] == '(' || s[i] == ')') {
				sepl = 1;
				break;
			}
			if (n - i >= 3 && (memcmp(s + i, "、", 3) == 0 ||
			    memcmp(s + i, "，", 3) == 0 || memcmp(s + i, "；", 3) == 0)) {
				sepl = 3;
				break;
			}
		}
		if (i > st) {
			tok[nt] = s + st;
			tl[nt] = i - st;
			nt++;
		}
		i += sepl ? sepl : 1;
	}
	for (k = 0; k < nt; k++) {
		const char *t = tok[k];
		size_t len = tl[k], hl, j;
		int digits = 0, upper = 0, lower = 0;
		char joined[16];

		if (out->n > 0 && other_credit(t, len))
			break;
		/* A counter, "阅读(1660)", is not a name. */
		if (t + len < s + n && t[len] == '(' && t + len + 1 < s + n &&
		    t[len + 1] >= '0' && t[len + 1] <= '9')
			continue;
		/* 许 婷: two single characters make one name. */
		if (len == 3 && scan_is_han_lead((unsigned char)t[0]) && k + 1 < nt &&
		    tl[k + 1] == 3 && scan_is_han_lead((unsigned char)tok[k + 1][0])) {
			memcpy(joined, t, 3);
			memcpy(joined + 3, tok[k + 1], 3);
			list_add(out, joined, 6);
			k++;
			continue;
		}
		/* "赵培:北京物资学院": the name before a colon; "张三_NB1": a code. */
		{
			const char *c = memchr(t, ':', len);

			if (c)
				len = (size_t)(c - t);
			if ((c = memchr(t, '_', len)) != NULL && c > t)
				len = (size_t)(c - t);
		}
		{
			size_t whole = len;

			len = cut_role_suffix(t, len);
			/* "记者 张三 北京报道": after a name, the place it came from. */
			if (len < whole && out->n > 0 && len <= 9 &&
			    (scan_starts_with(t + len, whole - len, LIT("报道")) ||
			    scan_starts_with(t + len, whole - len, LIT("報導"))))
				break;
		}
		/* Leading role words inside a value: 本报记者张三. */
		for (j = 0; j < len;) {
			size_t r = scan_role_at(t, len, j);

			if (!r)
				break;
			t += r;
			len -= r;
		}
		if (!len || not_a_name(t, len))
			continue;
		for (j = 0; j < len; j++) {
			unsigned char c = (unsigned char)t[j];

			digits += c >= '0' && c <= '9';
			upper += c >= 'A' && c <= 'Z';
			lower += c >= 'a' && c <= 'z';
		}
		hl = scan_han_run(t, len, 0);
		/* A labelled list with the blanks lost: 执笔人:闵乐夫赵兰波刘韬. */
		if (hl == len && len >= 21 && max_han >= 8) {
			size_t nl[24], nn = scan_names_split(t, len, nl, 24), q, o = 0;

			for (q = 0; q < nn; o += nl[q++])
				list_add(out, t + o, nl[q]);
			if (nn)
				continue;
		}
		if (hl > 0) {
			/* A run of ten or more characters: prose, drop it all. */
			if (hl >= 30)
				return;
			/* A Han name: 2..8 characters; more is a phrase. */
			if (hl < len || len < 6 || len > max_han * 3)
				continue;
			/* Two names run together: 作者:宋怡杨志华. */
			if (hl == len && (sp = scan_name_split(t, len)) != 0) {
				list_add(out, t, sp);
				list_add(out, t + sp, len - sp);
				continue;
			}
		} else {
			if (digits || len < 2 || len > 40)
				continue;
			if (t[0] == '_' || (upper && !lower && len <= 6))
				continue;	/* editor codes: _NB1, PK */
		}
		list_add(out, t, len);
	}
}

/* Source value: the publisher up to a space, date or bracket. */
static void
set_source(struct page *pg, const struct vcand *v)
{
	struct meta *m = pg->m;
	const char *s = pg->n + v->off;
	size_t n = v->len, i;
	int han = 0;

	while (n && (*s == '[' || *s == ' ' || *s == '(')) {
		s++;
		n--;
	}
	if (n >= 3 && memcmp(s, "【", 3) == 0)
		s += 3, n -= 3;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			han = 1;
		/* "北京晚报(北京)": the place in brackets is no part of it. */
		if (c == ']' || c == ')' || c == '|' || (c == ' ' && han) ||
		    ((c == '[' || c == '(') && i > 0) ||
		    (c == ' ' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') ||
		    (c >= '0' && c <= '9' && han && i + 4 <= n &&
		    s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 3] >= '0'))
			break;
		if (n - i >= 3 && memcmp(s + i, "】", 3) == 0)
			break;
	}
	n = i;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ','))
		n--;
	if (n >= 6 && memcmp(s + n - 6, "[整理]", 6) == 0)
		n -= 6;
	if (!n || n > 90 || not_a_name(s, n))
		return;
	buf_add(&m->source, s, n);
	m->has_source = 1;
	set_span(m, MF_SOURCE, pg, v->line);
}

/* Text after the date on the meta line with no label: a publisher name? */
static int
publisher_like(const char *s, size_t n)
{
	static const char *const suf[] = { "报", "報", "网", "網", "社", "刊",
		"台", "消息", "综合", "频道", "日报", "晚报", "杂志",
		"周刊", "在线", "客户端", "[整理]", "[原创]", "[转载]", "时报", "星空" };

	return ends_with_any(s, n, suf, sizeof(suf) / sizeof(suf[0]));
}

/* Candidate publisher next to the chosen date: "2019年11月25日 18:57 参考消息". */
static void
bare_source(struct page *pg, const struct dcand *c)
{
	const struct line *l = &pg->ln[c->line];
	const char *s = pg->n + l->noff;
	size_t a = c->end, b;

	while (a < l->nlen && s[a] == ' ')
		a++;
	for (b = a; b < l->nlen && s[b] != ' '; b++)
		;
	if (b > a && !(l->bits & LB_LABEL) && publisher_like(s + a, b - a))
		scan_add_value(pg, c->line, l->noff + a, b - a, LK_SOURCE, HOW_AFTER_DATE);
	/* "北京晚报 2005-09-11": the publisher just before the date. */
	{
		size_t e = c->start, st;

		while (e > 0 && s[e - 1] == ' ')
			e--;
		for (st = e; st > 0 && s[st - 1] != ' '; st--)
			;
		if (e < c->start && e - st >= 6 && scan_han_run(s, e, st) == e - st &&
		    !(l->bits & LB_LABEL) && publisher_like(s + st, e - st))
			scan_add_value(pg, c->line, l->noff + st, e - st, LK_SOURCE,
			    HOW_AFTER_DATE);
	}
	/* "2004年7月16日08:19 [ 黄宇 ] 来源:": a bracketed name by the date. */
	if (a + 2 < l->nlen && s[a] == '[') {
		size_t q = a + 1, h;

		while (q < l->nlen && s[q] == ' ')
			q++;
		h = scan_han_run(s, l->nlen, q);
		b = q + h;
		while (b < l->nlen && s[b] == ' ')
			b++;
		if (h >= 6 && h <= 12 && b < l->nlen && s[b] == ']')
			scan_add_value(pg, c->line, l->noff + q, h, LK_AUTHOR, HOW_BYLINE);
	}
	/* A publisher alone on the line before the date: 新华社 */
	{
		long p = prev_nonblank(pg, (long)c->line);

		if (p >= 0 && pg->ln[p].nvis <= 12 && !(pg->ln[p].bits & LB_LABEL) &&
		    !memchr(pg->n + pg->ln[p].noff, '/', pg->ln[p].nlen) &&
		    publisher_like(pg->n + pg->ln[p].noff, pg->ln[p].nlen))
			scan_add_value(pg, (size_t)p, pg->ln[p].noff, pg->ln[p].nlen,
			    LK_SOURCE, HOW_AFTER_DATE);
		/* 石佳/中国青年报: author and publisher. */
		if (p >= 0 && pg->ln[p].nvis <= 20) {
			const char *q = pg->n + pg->ln[p].noff;
			const char *sl = memchr(q, '/', pg->ln[p].nlen);

			if (sl && !(pg->ln[p].bits & LB_LABEL)) {
				size_t an = (size_t)(sl - q), sn = pg->ln[p].nlen - an - 1;

				if (an >= 6 && an <= 12 && scan_han_run(q, an, 0) == an &&
				    publisher_like(sl + 1, sn)) {
					scan_add_value(pg, (size_t)p, pg->ln[p].noff, an, LK_AUTHOR,
					    HOW_BYLINE);
					scan_add_value(pg, (size_t)p, pg->ln[p].noff + an + 1, sn,
					    LK_SOURCE, HOW_AFTER_DATE);
				}
			}
		}
	}
}

/*
 * "赵延东、风笑天" on its own line under the title (or under the title's
 * repeat): two or more names of two or three characters joined by 、.
 */
static void
names_under_title(struct page *pg, long title_line)
{
	struct meta *m = pg->m;
	long li = title_line, k;

	/* Over the date line and repeats of the title, to the first other line. */
	for (k = 0; k < 6; k++) {
		const char *s;
		size_t n, i = 0, names = 0;

		if ((li = next_nonblank(pg, li)) < 0)
			return;
		s = pg->n + pg->ln[li].noff;
		n = pg->ln[li].nlen;
		if ((pg->ln[li].bits & (LB_DATE | LB_LABEL)) ||
		    lines_equal_nospace(s, n, m->title.data, m->title.len))
			continue;
		if (pg->ln[li].nvis > 20)
			return;
		while (i < n) {
			size_t h = scan_han_run(s, n, i);

			if (h < 6 || h > 9)
				break;
			names++;
			i += h;
			if (n - i >= 3 && memcmp(s + i, "、", 3) == 0)
				i += 3;
			else if (i < n)
				break;
		}
		if (i == n && names >= 2) {
			add_names(&m->authors, s, n, 3);
			set_span(m, MF_AUTHORS, pg, (size_t)li);
		}
		return;
	}
}

/* "Staff Writer", "Correspondent": a role after a name, not an outlet. */
static int
latin_role(const char *s, size_t n)
{
	static const char *const w[] = { "staff", "writer", "writers", "reporter",
		"reporters", "correspondent", "editor", "editors", "contributor",
		"columnist", "photographer", "desk", "team" };
	size_t k, j, wl;

	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		wl = strlen(w[k]);
		if (n < wl || (n > wl && s[n - wl - 1] != ' '))
			continue;
		for (j = 0; j < wl && (s[n - wl + j] | 0x20) == w[k][j]; j++)
			;
		if (j == wl)
			return 1;
	}
	return 0;
}

/*
 * The outlet in an English byline's value, "JANE DOE, Associated Press",
 * "USA TODAY": the first item that is an organisation, not a role.  Stores
 * its start and length; 0 when there is none or the value is not Latin.
 */
static int
latin_outlet(const char *s, size_t n, size_t *start, size_t *len)
{
	size_t i, a = 0, b;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != ',' && s[i] != '|' && s[i] != ';')
			continue;
		for (b = i; b > a && s[b - 1] == ' '; b--)
			;
		while (a < b && s[a] == ' ')
			a++;
		if (b > a && s[a] >= 'A' && s[a] <= 'Z' && org_name(s + a, b - a) &&
		    !latin_role(s + a, b - a) && !credential(s + a, b - a)) {
			*start = a;
			*len = b - a;
			return 1;
		}
		a = i + 1;
	}
	return 0;
}

/*
 * An English byline with no "By" on the line under the headline: "Jane
 * Doe, Staff Writer", "Jane Doe | Reuters": two to four capitalised words,
 * then a role or an outlet.  The outlet is a source candidate.
 */
static void
latin_under_title(struct page *pg, long title_line)
{
	struct meta *m = pg->m;
	long li = title_line;
	const char *s;
	size_t n, i, e, r, words = 1;
	int bar;

	do
		li = next_nonblank(pg, li);
	while (li >= 0 && lines_equal_nospace(pg->n + pg->ln[li].noff, pg->ln[li].nlen,
	    m->title.data, m->title.len));
	if (li < 0 || pg->ln[li].nvis > 80 || (pg->ln[li].bits & (LB_DATE | LB_LABEL)))
		return;
	s = pg->n + pg->ln[li].noff;
	n = pg->ln[li].nlen;
	for (e = 0; e < n && s[e] != ',' && s[e] != '|'; e++)
		if ((unsigned char)s[e] >= 0x80 || (s[e] >= '0' && s[e] <= '9'))
			return;
	if (e == n || e < 3 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return;
	bar = s[e] == '|';
	for (r = e; r > 0 && s[r - 1] == ' '; r--)
		;
	for (i = 0; i < r; i++)
		if (s[i] == ' ') {
			words++;
			if (i + 1 < r && !(s[i + 1] >= 'A' && s[i + 1] <= 'Z') &&
			    !scan_starts_with(s + i + 1, r - i - 1, LIT("and ")))
				return;	/* a sentence, not a name */
		}
	if (words < 2 || words > 9)
		return;
	/* The item after the name, past credentials: "Dana Fry, MS, RDN | X". */
	for (;;) {
		for (i = e + 1; i < n && s[i] == ' '; i++)
			;
		for (e = i; e < n && s[e] != ',' && s[e] != '|'; e++)
			;
		while (e > i && s[e - 1] == ' ')
			e--;
		if (!credential(s + i, e - i))
			break;
		while (e < n && s[e] == ' ')
			e++;
		if (e == n)
			return;
		bar = s[e] == '|';
	}
	n = e;
	if (i == n || !(s[i] >= 'A' && s[i] <= 'Z') || n - i > 40 ||
	    !(latin_role(s + i, n - i) || org_name(s + i, n - i) || bar))
		return;
	{
		size_t before = m->authors.n;

		latin_names(&m->authors, s, r);
		if (m->authors.n == before)
			return;
	}
	set_span(m, MF_AUTHORS, pg, (size_t)li);
	if (!latin_role(s + i, n - i)) {
		for (r = 0; r < pg->nvc; r++)
			if (pg->vc[r].kind == LK_SOURCE || pg->vc[r].kind == LK_REPRINT)
				return;
		scan_add_value(pg, (size_t)li, pg->ln[li].noff + i, n - i, LK_SOURCE,
		    HOW_BYLINE);
	}
}

/* A follow button: 关注, +关注, + 关注, 关注作者. */
static int
follow_button(const char *s, size_t n)
{
	if (n && s[0] == '+') {
		s++, n--;
		while (n && *s == ' ')
			s++, n--;
	}
	return (n == 6 && memcmp(s, "关注", 6) == 0) ||
	    (n == 6 && memcmp(s, "關注", 6) == 0) ||
	    (n == 12 && memcmp(s, "关注作者", 12) == 0);
}

/*
 * Platforms with columns by their users (blogs, 号, 专栏) put the writer's
 * handle on a line of its own over a follow button: "魑皇" / "关注".  The
 * first such pair within a few lines of the title is the author.
 */
static void
name_over_follow(struct page *pg, long near)
{
	struct meta *m = pg->m;
	long li, nx;

	for (li = near > 8 ? near - 8 : 0; li <= near + 8 && (size_t)li < pg->nl; li++) {
		const struct line *l = &pg->ln[li];
		const char *s = pg->n + l->noff;

		if (!l->nlen || l->nvis > 16 || l->nvis < 2 ||
		    (l->bits & (LB_DATE | LB_LABEL | LB_CRUMB)) || memchr(s, ' ', l->nlen) ||
		    not_a_name(s, l->nlen) || follow_button(s, l->nlen) ||
		    publisher_like(s, l->nlen))
			continue;	/* a medium's account (人民日报) is no author */
		if ((nx = next_nonblank(pg, li)) < 0 || nx > li + 2)
			continue;
		if (!follow_button(pg->n + pg->ln[nx].noff, pg->ln[nx].nlen))
			continue;
		list_add(&m->authors, s, l->nlen);
		set_span(m, MF_AUTHORS, pg, (size_t)li);
		return;
	}
}

static void
choose_people_and_source(struct page *pg, long title_line, long date_line)
{
	struct meta *m = pg->m;
	long top = title_line >= 0 ? title_line : (date_line >= 0 ? date_line : 0);

	if (date_line >= 0 && date_line < top)
		top = date_line;
	long end = (long)pg->nl, k;
	long best_src = -1, best_d = 0;
	int src_rank = 99;
	size_t i;

	if (top > 2)
		top -= 2;
	else
		top = 0;
	/* The article ends at the first related-list heading after it. */
	{
		long body = 0;

		/* ...but only after some body text: side columns have headings too. */
		for (k = (date_line >= 0 ? date_line : top) + 1; k < (long)pg->nl; k++) {
			if ((pg->ln[k].bits & LB_END) && !(pg->ln[k].bits & LB_LABEL) &&
			    body >= 300) {
				end = k;
				break;
			}
			body += pg->ln[k].nvis;
		}
	}
	/* Editors: the labelled ones in the article, the first group else. */
	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];

		if ((v->kind == LK_EDITOR || v->kind == LK_EDITOR_PLAIN) &&
		    (long)v->line >= top && (long)v->line <= end + 2) {
			add_names(&m->editors, pg->n + v->off, v->len, 8);
			if (m->ev[MF_EDITORS].len == 0)
				set_span(m, MF_EDITORS, pg, v->line);
		}
	}
	/*
	 * Authors: labels and bylines in the article, from two lines at most
	 * (a byline under the title and one closing the body); more is a
	 * thread of replies, each with its poster.
	 */
	{
		long lines_used = 0, last_line = -1, labelled = 0, max_lines = 2;

		/*
		 * Three or more 作者: lines with posts between them: a forum
		 * thread, one per floor; the first post's is the author, the
		 * others replied.  (记者/通讯员/实习生 on lines of their own are
		 * one byline block, not a thread.)
		 */
		for (i = 0; i < pg->nvc; i++) {
			const struct vcand *v = &pg->vc[i];

			if (v->kind == LK_AUTHOR && v->how == HOW_LABEL &&
			    (long)v->line >= top && (long)v->line <= end &&
			    (last_line < 0 || (long)v->line > last_line + 3)) {
				labelled++;
				last_line = (long)v->line;
			}
		}
		if (labelled >= 3)
			max_lines = 1;
		last_line = -1;
		for (i = 0; i < pg->nvc; i++) {
			const struct vcand *v = &pg->vc[i];
			size_t before = m->authors.n;

			if (v->kind != LK_AUTHOR || (long)v->line < top || (long)v->line > end)
				continue;
			if (v->how == HOW_POSTER && m->authors.n)
				continue;
			if ((long)v->line != last_line && lines_used >= max_lines)
				break;
			/* A byline names people (2-4 characters); a label may name a team. */
			add_names(&m->authors, pg->n + v->off, v->len, v->how == HOW_LABEL ? 8 : 4);
			if (m->authors.n > before && (long)v->line != last_line) {
				lines_used++;
				last_line = (long)v->line;
			}
			if (m->ev[MF_AUTHORS].len == 0 && m->authors.n)
				set_span(m, MF_AUTHORS, pg, v->line);
		}
	}
	/* A page whose only credit is 编辑: that person wrote it. */
	for (i = 0; i < pg->nvc; i++)
		if (pg->vc[i].kind == LK_EDITOR)
			break;	/* a 责任编辑 too: 编辑 is one of the editors */
	if (!m->authors.n && i == pg->nvc)
		for (i = 0; i < pg->nvc; i++) {
			const struct vcand *v = &pg->vc[i];

			if (v->kind == LK_EDITOR_PLAIN && (long)v->line >= top &&
			    (long)v->line <= end + 2)
				add_names(&m->authors, pg->n + v->off, v->len, 8);
		}
	/* Still none: an 作者: label anywhere, as on a book or paper page. */
	if (!m->authors.n)
		for (i = 0; i < pg->nvc && !m->authors.n; i++) {
			const struct vcand *v = &pg->vc[i];

			if (v->kind == LK_AUTHOR && v->how == HOW_LABEL &&
			    v->line < pg->nl / 2 + 1) {
				add_names(&m->authors, pg->n + v->off, v->len, 8);
				if (m->authors.n)
					set_span(m, MF_AUTHORS, pg, v->line);
			}
		}
	/* Still none: names alone under the title, as a paper gives them. */
	if (!m->authors.n && title_line >= 0)
		names_under_title(pg, title_line);
	/* Still none: an English name and role or outlet under the headline. */
	if (!m->authors.n && title_line >= 0)
		latin_under_title(pg, title_line);
	/* Still none: the handle over a follow button, by the title. */
	if (!m->authors.n && (title_line >= 0 || date_line >= 0))
		name_over_follow(pg, title_line >= 0 ? title_line : date_line);
	/* Source: the labelled one nearest the date block. */
	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];
		int rank;
		long d;

		if (v->kind != LK_SOURCE && v->kind != LK_REPRINT)
			continue;
		if (v->how == HOW_PUBLISHED_BY)
			rank = 4;
		else if (v->kind == LK_REPRINT)
			rank = 2;
		else if (v->how == HOW_AFTER_DATE)
			rank = 3;
		else
			rank = (long)v->line >= top && (long)v->line <= end ? 0 : 1;
		d = date_line >= 0 ? labs((long)v->line - date_line) : (long)v->line;
		if (rank < src_rank || (rank == src_rank && d < best_d)) {
			src_rank = rank;
			best_src = (long)i;
			best_d = d;
		}
	}
	/* None: the outlet of an English byline, "By Associated Press". */
	for (i = 0; best_src < 0 && i < pg->nvc; i++) {
		struct vcand v = pg->vc[i];
		size_t st, len;

		if (v.kind == LK_AUTHOR && v.how == HOW_BYLINE && (long)v.line >= top &&
		    (long)v.line <= end && latin_outlet(pg->n + v.off, v.len, &st, &len)) {
			v.off += st;
			v.len = len;
			set_source(pg, &v);
			return;
		}
	}
	if (best_src >= 0)
		set_source(pg, &pg->vc[best_src]);
}

/* Categories from the breadcrumb, else a 类别:/栏目: label. */
static void
choose_categories(struct page *pg, long title_line)
{
	struct meta *m = pg->m;
	size_t i;
	long li;

	/* The breadcrumb nearest above the title, else the first one. */
	for (li = title_line; li >= 0 && li >= title_line - 60; li--)
		if (pg->ln[li].bits & LB_CRUMB) {
			pg->crumb_line = li;
			pg->crumb_off = pg->ln[li].noff;
			pg->crumb_len = pg->ln[li].nlen;
			break;
		}
	if (pg->crumb_line >= 0) {
		const char *s = pg->n + pg->crumb_off;
		size_t n = pg->crumb_len, a = 0;
		int slash = (pg->ln[pg->crumb_line].bits & LB_SLASH) != 0;

		while (a < n) {
			size_t b = a, k = 0, st, en;

			while (b < n && !(k = scan_crumb_sep(s, n, b)) && !(slash && s[b] == '/'))
				b++;
			if (slash && b < n && s[b] == '/')
				k = 1;
			st = a, en = b;
			while (st < en && s[st] == ' ')
				st++;
			/* An item ends at a wide gap: table cells around it. */
			{
				size_t g;

				for (g = st; g + 1 < en; g++)
					if (s[g] == ' ' && s[g + 1] == ' ') {
						if (a == 0) {
							/* the first item: the cell before '>' */
							size_t h = en;

							while (h > st && s[h - 1] == ' ')
								h--;
							while (g + 1 < h && s[g] == ' ')
								g++;
							st = g;
							for (; g + 1 < h; g++)
								if (s[g] == ' ' && s[g + 1] == ' ')
									st = g + 2;
						} else
							en = g;
						break;
					}
			}
			while (st < en && s[st] == ' ')
				st++;
			while (en > st && s[en - 1] == ' ')
				en--;
			/* "位置:首页": drop the label. */
			{
				const char *c = memchr(s + st, ':', en - st);

				if (c)
					st = (size_t)(c - s) + 1;
				while (st < en && s[st] == ' ')
					st++;
			}
			/* "[新闻]", "【新闻】": a bracketed item; "新闻(1234)": a counter. */
			if (en - st > 2 && s[st] == '[' && s[en - 1] == ']' &&
			    !memchr(s + st + 1, '[', en - st - 2))
				st++, en--;
			else if (en - st > 6 && memcmp(s + st, "【", 3) == 0 &&
			    memcmp(s + en - 3, "】", 3) == 0)
				st += 3, en -= 3;
			if (en > st + 2 && s[en - 1] == ')') {
				size_t d = en - 1;

				while (d > st && s[d - 1] >= '0' && s[d - 1] <= '9')
					d--;
				if (d < en - 1 && d > st + 1 && s[d - 1] == '(') {
					en = d - 1;
					while (en > st && s[en - 1] == ' ')
						en--;
				}
			}
			if (en > st && !scan_is_home(s + st, en - st) &&
			    !scan_is_body_word(s + st, en - st) &&
			    s[st] != '[' && en - st <= 60 &&
			    !(m->has_title && en - st >= m->title.len && en - st > 30))
				list_add(&m->categories, s + st, en - st);
			a = b + k;
			if (!k)
				break;
		}
		if (m->categories.n) {
			set_span(m, MF_CATEGORIES, pg, (size_t)pg->crumb_line);
			return;
		}
	}
	/* A vertical breadcrumb: "1. 首页" / "• 首页" then items, one a line. */
	for (i = 0; i + 1 < pg->nl && i < 400; i++) {
		const char *s = pg->n + pg->ln[i].noff;
		size_t n = pg->ln[i].nlen, j, p;

		if (!((n == 9 && memcmp(s, "1. 首页", 9) == 0) ||
		    (n == 10 && memcmp(s, "• 首页", 10) == 0) ||
		    (n == 10 && memcmp(s, "• 首頁", 10) == 0)))
			continue;
		for (j = i + 1; j < pg->nl && j <= i + 6; j++) {
			const char *t = pg->n + pg->ln[j].noff;
			size_t tn = pg->ln[j].nlen;

			p = 0;
			if (tn > 3 && t[0] >= '2' && t[0] <= '9' && t[1] == '.' && t[2] == ' ')
				p = 3;
			else if (scan_starts_with(t, tn, LIT("• > ")))
				p = 6;
			else if (scan_starts_with(t, tn, LIT("• » ")))
				p = 7;
			if (!p || tn - p > 30)
				break;
			if (!scan_is_body_word(t + p, tn - p))
				list_add(&m->categories, t + p, tn - p);
		}
		if (m->categories.n) {
			set_span(m, MF_CATEGORIES, pg, i);
			return;
		}
	}
	for (i = 0; i < pg->nvc; i++)
		if (pg->vc[i].kind == LK_CATEGORY) {
			const char *s = pg->n + pg->vc[i].off;
			size_t n = pg->vc[i].len, e = 0;

			while (e < n && s[e] != ' ')
				e++;
			if (e && e <= 30) {
				list_add(&m->categories, s, e);
				set_span(m, MF_CATEGORIES, pg, pg->vc[i].line);
			}
			return;
		}
}

static void
choose_url(struct page *pg)
{
	struct meta *m = pg->m;
	size_t i;

	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];
		const char *s = pg->n + v->off;
		size_t n = v->len, e;

		if (v->kind != LK_URL)
			continue;
		if (!(scan_starts_with(s, n, LIT("http://")) || scan_starts_with(s, n, LIT("https://"))))
			continue;
		for (e = 0; e < n && s[e] != ' ' && (unsigned char)s[e] < 0x80; e++)
			;
		buf_add(&m->url, s, e);
		m->has_url = 1;
		set_span(m, MF_URL, pg, v->line);
		return;
	}
}

static void
choose_lang(struct page *pg)
{
	struct meta *m = pg->m;
	const char *lang = NULL;

	if (pg->kana > 20 && pg->kana * 4 > pg->han)
		lang = "ja";
	else if (pg->hangul > 20)
		lang = "ko";
	else if (pg->han > 20 && pg->han * 3 > pg->latin / 3)
		lang = pg->hant > pg->hans ? "zh-Hant" : "zh-Hans";
	else if (pg->en_words >= 5)
		lang = "en";
	if (lang) {
		buf_adds(&m->lang, lang);
		m->has_lang = 1;
	}
}

/* Is line li the title (m->title), blanks aside? */
static int
is_title_line(const struct page *pg, long li)
{
	return li >= 0 && lines_equal_nospace(pg->n + pg->ln[li].noff, pg->ln[li].nlen,
	    pg->m->title.data, pg->m->title.len);
}

/*
 * Is line li in the head of the article: right under a repeat of the title,
 * or under the title and one byline between them (an author or an
 * organisation: short, undated, not a sentence)?  A document's head reads
 * title / byline / date; a date there is the article's own, where a site's
 * posting stamp elsewhere on the page only says when it was copied.
 */
static int
under_title(const struct page *pg, size_t li)
{
	const struct line *l = &pg->ln[li], *b;
	long p = prev_nonblank(pg, (long)li);

	if (p < 0)
		return 0;
	if (is_title_line(pg, p))
		return 1;
	b = &pg->ln[p];
	if (l->nvis > 40 || b->nvis > 30 || (b->bits & LB_DATE) ||
	    scan_find(pg->n + b->noff, b->nlen, "。", 3))
		return 0;
	return is_title_line(pg, prev_nonblank(pg, p));
}

/* The year of the page's best full date, for dates written without one. */
static int
page_year(const struct page *pg)
{
	size_t k;
	const struct dcand *best = NULL;

	for (k = 0; k < pg->ndc; k++)
		if (pg->dc[k].d.year && !(pg->dc[k].d.flags & MF_RELATIVE) &&
		    (!best || pg->dc[k].score > best->score))
			best = &pg->dc[k];
	return best ? best->d.year : 0;
}

static void
finish_date(struct page *pg, struct mdate *d, const struct mdate *anchor,
    struct buf *raw)
{
	if (d->flags & MF_RELATIVE) {
		if (!resolve_relative(d, anchor)) {
			/* No anchor: keep the phrase as written, flagged. */
			buf_add(raw, pg->n + d->raw_off, d->raw_len);
			return;
		}
	}
	if (!d->year && (d->flags & MF_YEAR_INFERRED))
		infer_year(d, anchor, page_year(pg));
	if (!d->has_tz && pg->o->assume_tz && d->prec >= DP_MINUTE) {
		d->has_tz = 1;
		d->tz_min = pg->o->tz_min;
		d->flags |= MF_TZ_ASSUMED;
	}
}

/*
 * A paper's page with no dated line cites itself in GB/T 7714 form:
 * "赵培. 淘宝网物流配送存在的问题及对策研究[J]. 现代市场营销, 2018, 8(2): 7-16."
 * The year after the journal in the line that names the title is the
 * year the paper was published.
 */
static void
cited_year(struct page *pg)
{
	struct meta *m = pg->m;
	size_t li;

	for (li = 0; li < pg->nl; li++) {
		const char *s = pg->n + pg->ln[li].noff, *j, *t;
		size_t n = pg->ln[li].nlen, i;

		if (n < 20 || !(j = scan_find(s, n, "[J]", 3)) ||
		    !(t = scan_find(s, n, m->title.data, m->title.len)) || t > j)
			continue;
		for (i = (size_t)(j - s) + 3; i + 6 <= n; i++) {
			const char *y = s + i + 2;

			if (s[i] != ',' || s[i + 1] != ' ' || !((y[0] == '1' && y[1] == '9') ||
			    (y[0] == '2' && y[1] == '0')) || y[2] < '0' || y[2] > '9' ||
			    y[3] < '0' || y[3] > '9' || (i + 6 < n && s[i + 6] != ','))
				continue;
			m->published.year = (y[0] - '0') * 1000 + (y[1] - '0') * 100 +
			    (y[2] - '0') * 10 + (y[3] - '0');
			m->published.prec = DP_YEAR;
			set_span(m, MF_PUBLISHED, pg, li);
			return;
		}
	}
}

/* Clear the result of the page before. */
static void
meta_reset(struct meta *m)
{
	buf_clear(&m->title);
	buf_clear(&m->source);
	buf_clear(&m->url);
	buf_clear(&m->lang);
	buf_clear(&m->raw_published);
	buf_clear(&m->raw_modified);
	m->has_title = m->has_source = m->has_url = m->has_lang = 0;
	memset(&m->published, 0, sizeof(m->published));
	memset(&m->modified, 0, sizeof(m->modified));
	memset(&m->crawled, 0, sizeof(m->crawled));
	buf_clear(&m->authors.data);
	buf_clear(&m->editors.data);
	buf_clear(&m->categories.data);
	m->authors.n = m->editors.n = m->categories.n = 0;
	m->flags = 0;
	memset(m->ev, 0, sizeof(m->ev));
}

/*
 * Start reading text[0..len) with h's page: what the page before left is
 * reset, save the storage it grew.
 */
static struct page *
page_begin(struct meta_engine *h, const char *text, size_t len)
{
	struct page *pg = &h->pg, keep = *pg;

	memset(pg, 0, sizeof(*pg));
	pg->norm = keep.norm;
	pg->ln = keep.ln;
	pg->lncap = keep.lncap;
	pg->dc = keep.dc;
	pg->dccap = keep.dccap;
	pg->vc = keep.vc;
	pg->vccap = keep.vccap;
	pg->m = &h->out;
	pg->o = &h->o;
	pg->tab = &h->tab;
	pg->text = text;
	pg->len = len;
	pg->crumb_line = -1;
	pg->title_label_line = -1;
	pg->comments_line = -1;
	return pg;
}

struct meta_engine *
meta_new(const struct meta_opts *o)
{
	struct meta_engine *h = xcalloc(1, sizeof(*h));

	if (o)
		h->o = *o;
	scan_tables_init(&h->tab);
	return h;
}

struct meta *
meta_run(struct meta_engine *h, const char *text, size_t len, const struct mdate *anchor)
{
	struct meta *m = &h->out;
	const struct meta_opts *o = &h->o;
	struct page *pg;
	struct mdate crawled_anchor;
	size_t i;
	long best = -1, title_line, date_line = -1;
	int zh;

	meta_reset(m);
	pg = page_begin(h, text, len);
	scan_page(pg);
	zh = pg->han >= 4 && pg->han * 3 > pg->latin / 3;

	/* The crawl time: given from outside, else the page's snapshot line. */
	for (i = 0; i < pg->ndc; i++)
		if (pg->dc[i].kind == LK_CRAWLED && pg->dc[i].d.year) {
			m->crawled = pg->dc[i].d;
			set_span(m, MF_CRAWLED, pg, pg->dc[i].line);
			break;
		}
	if (anchor && anchor->prec >= DP_DAY) {
		m->crawled = *anchor;
		m->ev[MF_CRAWLED].len = 0;
	} else if (m->crawled.prec >= DP_DAY) {
		/* Relative dates count from the page's own clock... */
		crawled_anchor = m->crawled;
		anchor = &crawled_anchor;
		/* ...while crawled is given in UTC once the zone is known. */
		if (!m->crawled.has_tz && o->assume_tz && m->crawled.prec >= DP_MINUTE) {
			m->crawled.has_tz = 1;
			m->crawled.tz_min = o->tz_min;
			m->crawled.flags |= MF_TZ_ASSUMED;
		}
		if (m->crawled.has_tz && m->crawled.tz_min) {
			mdate_add_minutes(&m->crawled, -(long long)m->crawled.tz_min);
			m->crawled.tz_min = 0;
		}
	}

	score_dates(pg, anchor);
	for (i = 0; i < pg->ndc; i++) {
		if (pg->dc[i].kind == LK_CRAWLED || pg->dc[i].kind == LK_MODIFIED)
			continue;
		if (best < 0 || pg->dc[i].score > pg->dc[best].score)
			best = (long)i;
	}
	if (best >= 0 && pg->dc[best].score > -2)
		date_line = (long)pg->dc[best].line;
	title_line = choose_title(pg, date_line, zh);
	/* A date in the head of the article, under a repeat of its title. */
	if (title_line >= 0 && date_line >= 0) {
		for (i = 0; i < pg->ndc; i++)
			if (pg->dc[i].kind == LK_NONE && under_title(pg, pg->dc[i].line))
				pg->dc[i].score += 4;
		best = -1;
		for (i = 0; i < pg->ndc; i++) {
			if (pg->dc[i].kind == LK_CRAWLED || pg->dc[i].kind == LK_MODIFIED)
				continue;
			if (best < 0 || pg->dc[i].score > pg->dc[best].score)
				best = (long)i;
		}
	}
	if (best >= 0 && pg->dc[best].score > -2) {
		m->published = pg->dc[best].d;
		finish_date(pg, &m->published, anchor, &m->raw_published);
		set_span(m, MF_PUBLISHED, pg, pg->dc[best].line);
		bare_source(pg, &pg->dc[best]);
		date_line = (long)pg->dc[best].line;
	}
	for (i = 0; i < pg->ndc; i++)
		if (pg->dc[i].kind == LK_MODIFIED) {
			m->modified = pg->dc[i].d;
			finish_date(pg, &m->modified, anchor, &m->raw_modified);
			set_span(m, MF_MODIFIED, pg, pg->dc[i].line);
			/*
			 * "作者:佚名 文章来源:X 更新时间:2005-9-11" under the title,
			 * as old CMS pages print it: their only date is the article's.
			 */
			if (!m->published.prec && (under_title(pg, pg->dc[i].line) ||
			    (pg->ln[pg->dc[i].line].bits & LB_META))) {
				m->published = m->modified;
				buf_add(&m->raw_published, m->raw_modified.data, m->raw_modified.len);
				m->ev[MF_PUBLISHED] = m->ev[MF_MODIFIED];
				date_line = (long)pg->dc[i].line;
			}
			break;
		}
	if (!m->published.prec && m->has_title)
		cited_year(pg);
	choose_people_and_source(pg, title_line, date_line);
	choose_categories(pg, title_line);
	choose_url(pg);
	choose_lang(pg);
	m->flags = m->published.flags | m->modified.flags | (m->crawled.flags & MF_TZ_ASSUMED);
	if (m->published.prec && m->published.year == 0)
		m->flags |= MF_YEAR_INFERRED;

	return m;
}

void
meta_free(struct meta_engine *h)
{
	struct meta *m;

	if (!h)
		return;
	m = &h->out;
	buf_free(&m->title);
	buf_free(&m->source);
	buf_free(&m->url);
	buf_free(&m->lang);
	buf_free(&m->authors.data);
	buf_free(&m->editors.data);
	buf_free(&m->categories.data);
	buf_free(&m->raw_published);
	buf_free(&m->raw_modified);
	buf_free(&h->pg.norm);
	free(h->pg.ln);
	free(h->pg.dc);
	free(h->pg.vc);
	scan_tables_free(&h->tab);
	free(h);
}
