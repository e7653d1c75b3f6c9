/*
 * dates.c - the page's dates: crawled, published and modified, chosen
 * among the date candidates scan.c found (date.c is the grammar that
 * reads them).  Each candidate is scored by its label, its precision and
 * what surrounds it (the byline, lists of other articles, comments, a
 * portal's clock in its header, prose); the best is published.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datemodel.h"
#include "fitmodel.h"
#include "page.h"

/* Does d fall after the crawl time anchor (NULL: none)? */
static int
date_after_anchor(const struct mdate *d, const struct mdate *anchor)
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

/* A line of a comment or a reply: 发表人, 回复, 留言, 网友, 楼主. */
static int
comment_line(const struct page *pg, const struct line *l)
{
	static const char *const w[] = { "发表人", "回复", "留言", "网友", "楼主",
		"评论人", "跟帖" };
	size_t k;

	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (find_bytes(pg->n + l->noff, l->nlen, w[k], strlen(w[k])))
			return 1;
	return 0;
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
			if (find_bytes(pg->n + o->noff, o->nlen, nav[k], strlen(nav[k])))
				return 1;
	}
	return 0;
}

/*
 * The numbers of a candidate written "a/b/yyyy" (its whole span, at most a
 * time after it) into a, b: 1 if it is, else 0.
 */
static int
slash_numbers(const struct page *pg, const struct dcand *c, int *a, int *b)
{
	const char *s = pg->n + pg->ln[c->line].noff + c->start;
	size_t n = c->end - c->start, i = 0;
	int *v[2] = { a, b }, k;

	for (k = 0; k < 2; k++) {
		size_t from = i;

		*v[k] = 0;
		while (i < n && i - from < 2 && s[i] >= '0' && s[i] <= '9')
			*v[k] = *v[k] * 10 + (s[i++] - '0');
		if (i == from || i >= n || s[i++] != '/')
			return 0;
	}
	for (k = 0; k < 4; k++)
		if (i + (size_t)k >= n || s[i + k] < '0' || s[i + k] > '9')
			return 0;
	return i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9';
}

/*
 * date.c reads 11/01/2021 day first unless the date itself tells.  When
 * the head's published day is its month-first reading ("datePublished":
 * "2021-11-01"), the page writes its dates month first: so is c's date,
 * d (c's date as chosen), read.
 */
static void
head_month_first(const struct page *pg, const struct dcand *c, struct mdate *d)
{
	struct mdate hd;
	int a, b;

	if (slash_numbers(pg, c, &a, &b) && a != b && a <= 12 && b <= 12 &&
	    d->day == a && d->month == b && head_published_date(pg, &hd) &&
	    hd.year == d->year && hd.month == a && hd.day == b) {
		d->month = a;
		d->day = b;
	}
}

/*
 * scan.c reads a table's cells apart, so a day and the time in the next
 * cell of its row ("19.10.2019    11:36") are read as a day alone: the
 * chosen day c, d as chosen, takes the row's time.
 */
static void
time_in_next_cell(const struct page *pg, const struct dcand *c, struct mdate *d)
{
	const struct line *l = &pg->ln[c->line];

	if (!(d->flags & MF_RELATIVE))
		mdate_time_in_next_cell(pg->n + l->noff, l->nlen, c->end, d);
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
		if (date_after_anchor(&c->d, anchor))
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
		if (c->kind == LK_NONE && (find_bytes(pg->n + l->noff, l->nlen, "今天是", 9) ||
		    find_bytes(pg->n + l->noff, l->nlen, "今日是", 9) ||
		    find_bytes(pg->n + l->noff, l->nlen, "Today is", 8) ||
		    site_today(pg, c) == 2))
			s -= 5;
		else if (c->kind == LK_NONE && site_today(pg, c))
			s -= 3;	/* a weekday in the header: weak, yet kept if alone */
		/* A date in a sentence of the body tells of an event. */
		if (c->kind == LK_NONE && l->nvis > 50 && !closing &&
		    find_bytes(pg->n + l->noff, l->nlen, "。", 3))
			s -= 4;
		/* 3小时前, 6月8日 inside prose are not the page's date. */
		if ((c->d.flags & (MF_RELATIVE | MF_YEAR_INFERRED)) && c->kind == LK_NONE &&
		    l->nvis > 30)
			s -= 10;
		c->score = s;
	}
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
/* The year cited_year() reads, its line into *line; 0 if none. */
static int
cited_year_of(const struct page *pg, size_t *line)
{
	const struct meta *m = pg->m;
	size_t li;

	for (li = 0; m->has_title && li < pg->nl; li++) {
		const char *s = pg->n + pg->ln[li].noff, *j, *t;
		size_t n = pg->ln[li].nlen, i;

		if (n < 20 || !(j = find_bytes(s, n, "[J]", 3)) ||
		    !(t = find_bytes(s, n, m->title.data, m->title.len)) || t > j)
			continue;
		for (i = (size_t)(j - s) + 3; i + 6 <= n; i++) {
			const char *y = s + i + 2;

			if (s[i] != ',' || s[i + 1] != ' ' || !((y[0] == '1' && y[1] == '9') ||
			    (y[0] == '2' && y[1] == '0')) || y[2] < '0' || y[2] > '9' ||
			    y[3] < '0' || y[3] > '9' || (i + 6 < n && s[i + 6] != ','))
				continue;
			*line = li;
			return (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 +
			    (y[3] - '0');
		}
	}
	return 0;
}

void
cited_year(struct page *pg)
{
	struct meta *m = pg->m;
	size_t li;
	int y = cited_year_of(pg, &li);

	if (!y)
		return;
	m->published.year = y;
	m->published.prec = DP_YEAR;
	set_span(m, MF_PUBLISHED, pg, li);
}

/*
 * The crawl time: given from outside (anchor), else the page's snapshot
 * line.  Returns the anchor relative dates count from: the one given, else
 * the page's own clock, copied to *clock; NULL when there is neither.
 */
const struct mdate *
choose_crawled(struct page *pg, const struct mdate *anchor, struct mdate *clock)
{
	struct meta *m = pg->m;
	size_t i;

	for (i = 0; i < pg->ndc; i++)
		if (pg->dc[i].kind == LK_CRAWLED && pg->dc[i].d.year) {
			m->crawled = pg->dc[i].d;
			set_span(m, MF_CRAWLED, pg, pg->dc[i].line);
			break;
		}
	if (anchor && anchor->prec >= DP_DAY) {
		m->crawled = *anchor;
		m->ev[MF_CRAWLED].len = 0;
		return anchor;
	}
	if (m->crawled.prec < DP_DAY)
		return anchor;
	/* Relative dates count from the page's own clock... */
	*clock = m->crawled;
	/* ...while crawled is given in UTC once the zone is known. */
	if (!m->crawled.has_tz && pg->o->assume_tz && m->crawled.prec >= DP_MINUTE) {
		m->crawled.has_tz = 1;
		m->crawled.tz_min = pg->o->tz_min;
		m->crawled.flags |= MF_TZ_ASSUMED;
	}
	if (m->crawled.has_tz && m->crawled.tz_min) {
		mdate_add_minutes(&m->crawled, -(long long)m->crawled.tz_min);
		m->crawled.tz_min = 0;
	}
	return clock;
}

/* The best-scored candidate for "published" (the first of equals), or -1. */
static long
best_published(const struct page *pg)
{
	long best = -1;
	size_t i;

	for (i = 0; i < pg->ndc; i++) {
		if (!date_eligible(&pg->dc[i]))
			continue;
		if (best < 0 || pg->dc[i].score > pg->dc[best].score)
			best = (long)i;
	}
	return best;
}

/* Is the best candidate good enough to be the page's date at all? */
static int
good_date(const struct page *pg, long best)
{
	return best >= 0 && pg->dc[best].score > -2;
}

long
date_block_line(struct page *pg, const struct mdate *anchor)
{
	long best;

	score_dates(pg, anchor);
	best = best_published(pg);
	return good_date(pg, best) ? (long)pg->dc[best].line : -1;
}

#ifdef META_TUNE
/*
 * A build for fitting (scripts/gen-datemodel.py): every candidate's
 * features, and the value it gives (empty for the "none" candidate).
 */
static void
tune_dump(struct page *pg, long i, const double *x, int zh, double score,
    const struct mdate *anchor)
{
	struct buf v = { 0 }, raw = { 0 };
	struct mdate hd;
	size_t k;

	if (!getenv("META_FEATURES"))
		return;
	if (i == -2) {
		if (pg->seq == 0) {
			fputs("#dfeatures", stderr);
			for (k = 0; k < DF_N; k++)
				fprintf(stderr, "\t%s", date_feature_names[k]);
			fputc('\n', stderr);
		}
		/*
		 * What the page gets when no candidate is chosen: the head's
		 * date, else the year a paper cites itself with (cited_year).
		 */
		if (!head_published_date(pg, &hd)) {
			memset(&hd, 0, sizeof(hd));
			if ((hd.year = cited_year_of(pg, &k)) != 0)
				hd.prec = DP_YEAR;
		}
		if (hd.prec)
			mdate_format(&v, &hd);
		fprintf(stderr, "dpage\t%ld\t%d\t%.*s\n", pg->seq, zh, (int)v.len,
		    v.data ? v.data : "");
		buf_free(&v);
		return;
	}
	if (i >= 0) {
		struct mdate d = pg->dc[i].d;

		finish_date(pg, &d, anchor, &raw);
		if (d.prec)
			mdate_format(&v, &d);
	}
	fprintf(stderr, "dcand\t%ld\t%.*s", i >= 0 ? (long)pg->dc[i].line : -1, (int)v.len,
	    v.data ? v.data : "");
	fitmodel_dump_row(score, x, DF_N);
	buf_free(&v);
	buf_free(&raw);
}
#else
#define tune_dump(pg, i, x, zh, score, anchor) ((void)0)
#endif

/*
 * The published date: the best-scored candidate under the fitted model
 * (datemodel.h), or none when the page's "none" candidate scores higher.
 * The candidates keep the hand rules' scores: page_year() reads them.
 */
long
choose_published(struct page *pg, long title_line, const struct mdate *anchor, int zh)
{
	struct meta *m = pg->m;
	struct date_page dp;
	double x[DF_N], best_score, s;
	long best = -1;
	size_t i;

	tune_dump(pg, -2, NULL, zh, 0, anchor);
	if (!pg->ndc)
		return -1;
	date_page_facts(pg, title_line, &dp);
	date_features(pg, &dp, -1, x);
	best_score = date_model_score(x, zh);
	tune_dump(pg, -1, x, zh, best_score, anchor);
	for (i = 0; i < pg->ndc; i++) {
		/* A reader's date, or one after the crawl: never the page's. */
		if (!date_weighed(&pg->dc[i]) || date_in_comments(pg, pg->dc[i].line) ||
		    date_after_anchor(&pg->dc[i].d, anchor))
			continue;
		date_features(pg, &dp, (long)i, x);
		s = date_model_score(x, zh);
		tune_dump(pg, (long)i, x, zh, s, anchor);
		if (s > best_score) {
			best = (long)i;
			best_score = s;
		}
	}
	if (best < 0)
		return -1;
	m->published = pg->dc[best].d;
	head_month_first(pg, &pg->dc[best], &m->published);
	time_in_next_cell(pg, &pg->dc[best], &m->published);
	finish_date(pg, &m->published, anchor, &m->raw_published);
	set_span(m, MF_PUBLISHED, pg, pg->dc[best].line);
	return best;
}

long
choose_modified(struct page *pg, long date_line, const struct mdate *anchor)
{
	struct meta *m = pg->m;
	size_t i;

	for (i = 0; i < pg->ndc; i++)
		if (pg->dc[i].kind == LK_MODIFIED)
			break;
	if (i == pg->ndc)
		return date_line;
	m->modified = pg->dc[i].d;
	finish_date(pg, &m->modified, anchor, &m->raw_modified);
	set_span(m, MF_MODIFIED, pg, pg->dc[i].line);
	/*
	 * "作者:佚名 文章来源:X 更新时间:2005-9-11" under the title, as old
	 * CMS pages print it: their only date is the article's.
	 */
	if (!m->published.prec && (date_under_title(pg, pg->dc[i].line) ||
	    (pg->ln[pg->dc[i].line].bits & LB_META))) {
		m->published = m->modified;
		buf_add(&m->raw_published, m->raw_modified.data, m->raw_modified.len);
		m->ev[MF_PUBLISHED] = m->ev[MF_MODIFIED];
		date_line = (long)pg->dc[i].line;
	}
	return date_line;
}
