/*
 * scan.c - the extract-meta scanner.  After fold.c has folded the page and
 * cut it into lines, one pass over the lines collects labelled values
 * (来源:, 作者:, 责任编辑:, 发布时间: ...), dates, bylines (bylines.c) and
 * breadcrumbs with their line numbers, for the choosers to choose from.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kwset.h"
#include "page.h"
#include "winnow.h"

/*
 * The label words, as data for a kwset, each tagged with its kind.  A
 * label is the first word in this order that ends right before a
 * separator, so within a family of suffixes the longest comes first
 * (最后更新时间, 更新时间, 时间).  English words count in either case and
 * only as whole words; the words marked B, and the English ones, do not
 * count right after a Han character (文 in 原文:, 标题 in 副标题:).
 */
#define L(s, k) { s, k, 0 }
#define B(s, k) { s, k, KWW_NOT_AFTER_HAN }
#define W(s, k) { s, k, KWW_NOT_AFTER_LETTER | KWW_NOT_AFTER_HAN }
static const struct kwset_word labels[] = {
	L("快照生成时间", LK_CRAWLED), L("快照時間", LK_CRAWLED),
	L("抓取时间", LK_CRAWLED), L("采集时间", LK_CRAWLED),
	L("信息原文地址", LK_URL), L("原文地址", LK_URL),
	L("本文链接", LK_URL), L("原文链接", LK_URL), L("本文鏈接", LK_URL),
	L("原文連結", LK_URL), L("文章链接", LK_URL), L("本文地址", LK_URL),
	L("文章地址", LK_URL), L("永久链接", LK_URL), L("原文网址", LK_URL),
	L("本文网址", LK_URL), L("文章网址", LK_URL), L("原文出处", LK_URL),
	L("最后更新时间", LK_MODIFIED), L("最后更新", LK_MODIFIED),
	L("最後更新", LK_MODIFIED), L("更新时间", LK_MODIFIED),
	L("更新時間", LK_MODIFIED), L("修改时间", LK_MODIFIED),
	L("最后修改", LK_MODIFIED), L("更新于", LK_MODIFIED),
	L("更新於", LK_MODIFIED), L("更新", LK_MODIFIED),
	L("发布时间", LK_PUBLISHED), L("發布時間", LK_PUBLISHED),
	L("發佈時間", LK_PUBLISHED), L("发表时间", LK_PUBLISHED),
	L("發表時間", LK_PUBLISHED), L("发稿时间", LK_PUBLISHED),
	L("上传时间", LK_PUBLISHED), L("录入时间", LK_PUBLISHED),
	L("发布日期", LK_PUBLISHED), L("發布日期", LK_PUBLISHED),
	L("发表日期", LK_PUBLISHED), L("刊发时间", LK_PUBLISHED),
	L("出版日期", LK_PUBLISHED), L("发表于", LK_PUBLISHED),
	L("發表於", LK_PUBLISHED), L("发布于", LK_PUBLISHED),
	L("时间", LK_PUBLISHED), L("時間", LK_PUBLISHED),
	L("日期", LK_PUBLISHED),
	L("图片来源", LK_STOP), L("圖片來源", LK_STOP),
	L("消息来源", LK_SOURCE), L("文章来源", LK_SOURCE),
	L("新闻来源", LK_SOURCE), L("本文来源", LK_SOURCE),
	L("来源于", LK_SOURCE), L("来源", LK_SOURCE), L("來源", LK_SOURCE),
	L("稿源", LK_SOURCE), L("出处", LK_SOURCE), L("出處", LK_SOURCE),
	L("本文转自", LK_REPRINT), L("本文轉自", LK_REPRINT),
	L("转载自", LK_REPRINT), L("转自", LK_REPRINT), L("转贴自", LK_REPRINT),
	L("转帖自", LK_REPRINT), L("轉貼自", LK_REPRINT), L("轉載自", LK_REPRINT),
	L("责任编辑", LK_EDITOR), L("責任編輯", LK_EDITOR),
	L("责任编缉", LK_EDITOR), L("责编", LK_EDITOR), L("責編", LK_EDITOR),
	L("值班编辑", LK_EDITOR), L("网络编辑", LK_EDITOR),
	L("编辑", LK_EDITOR_PLAIN), L("編輯", LK_EDITOR_PLAIN),
	B("小编", LK_EDITOR_PLAIN),
	L("作者", LK_AUTHOR), L("作 者", LK_AUTHOR), L("记者", LK_AUTHOR),
	L("記者", LK_AUTHOR), L("撰文", LK_AUTHOR), L("撰稿", LK_AUTHOR),
	L("采写", LK_AUTHOR), L("採寫", LK_AUTHOR),
	L("执笔", LK_AUTHOR), L("執筆", LK_AUTHOR), L("执笔人", LK_AUTHOR),
	L("執筆人", LK_AUTHOR), L("通讯员", LK_AUTHOR),
	L("通訊員", LK_AUTHOR), L("实习生", LK_AUTHOR), L("實習生", LK_AUTHOR),
	B("原创", LK_AUTHOR), B("文", LK_AUTHOR),
	L("所属分类", LK_CATEGORY), L("所属栏目", LK_CATEGORY),
	L("栏目", LK_CATEGORY), L("欄目", LK_CATEGORY), L("类别", LK_CATEGORY),
	L("類別", LK_CATEGORY), L("分类", LK_CATEGORY), L("分類", LK_CATEGORY),
	B("频道", LK_CATEGORY),
	L("您现在的位置", LK_PLACE), L("您的位置", LK_PLACE),
	L("当前位置", LK_PLACE), L("現在位置", LK_PLACE),
	L("现在位置", LK_PLACE), L("所在位置", LK_PLACE), L("位置", LK_PLACE),
	L("正在阅读", LK_TITLE), L("正在閱讀", LK_TITLE), L("原标题", LK_ORIG_TITLE),
	L("原標題", LK_ORIG_TITLE), L("原题", LK_ORIG_TITLE), B("标题", LK_TITLE),
	B("標題", LK_TITLE),
	L("摄影", LK_STOP), L("攝影", LK_STOP), L("字号", LK_STOP),
	L("浏览", LK_STOP), L("阅读", LK_STOP), L("点击", LK_STOP),
	L("评论", LK_STOP), L("关键词", LK_STOP), L("关键字", LK_STOP),
	L("标签", LK_STOP), L("分享到", LK_STOP), L("分享", LK_STOP),
	L("校对", LK_STOP), L("审核", LK_STOP), L("监制", LK_STOP),
	L("字体", LK_STOP), L("人气", LK_STOP), L("热度", LK_STOP),
	/* English, in either case. */
	W("published", LK_PUBLISHED), W("posted", LK_PUBLISHED),
	W("date", LK_PUBLISHED), W("updated", LK_MODIFIED),
	W("modified", LK_MODIFIED), W("source", LK_SOURCE),
	W("author", LK_AUTHOR), W("authors", LK_AUTHOR),
	W("editor", LK_EDITOR), W("url", LK_URL), W("permalink", LK_URL),
	/*
	 * The published words of other languages, with the preposition that
	 * joins them to a date ("Publié le 06/01/2026").
	 */
	W("veröffentlicht", LK_PUBLISHED), W("veröffentlicht am", LK_PUBLISHED),
	W("erschienen", LK_PUBLISHED), W("erschienen am", LK_PUBLISHED),
	W("erstveröffentlichung", LK_PUBLISHED), W("publié", LK_PUBLISHED),
	W("publié le", LK_PUBLISHED), W("publicado", LK_PUBLISHED),
	W("publicado el", LK_PUBLISHED), W("publicado em", LK_PUBLISHED),
	W("pubblicato", LK_PUBLISHED), W("pubblicato il", LK_PUBLISHED),
	W("gepubliceerd", LK_PUBLISHED), W("gepubliceerd op", LK_PUBLISHED),
	W("opublikowano", LK_PUBLISHED), W("yayınlanma", LK_PUBLISHED),
	/* Catalan: "Publicat el 12 d'abril de 2019", "Actualitzat: 13/04/2019" */
	W("publicat", LK_PUBLISHED), W("publicat el", LK_PUBLISHED),
	W("publicada", LK_PUBLISHED), W("publicada el", LK_PUBLISHED),
	W("actualitzat", LK_MODIFIED), W("actualitzat el", LK_MODIFIED),
	W("actualitzada", LK_MODIFIED), W("actualitzada el", LK_MODIFIED),
	W("опубликовано", LK_PUBLISHED), L("公開日", LK_PUBLISHED), L("投稿日", LK_PUBLISHED),
	/* German "Akt.:" (aktualisiert), an update: "Akt.: 29. Juni 2025 - 21.18 Uhr" */
	W("akt.", LK_MODIFIED),
	/* a post's footer in German ("Dieser Beitrag wurde am 04/02/2020 ... veröffentlicht") */
	W("beitrag wurde am", LK_PUBLISHED), W("artikel wurde am", LK_PUBLISHED),
	/*
	 * Labels of a date that is not the page's: a forum member's joining
	 * ("Registriert: 18.09.2008, 05:56"), a forum's clock ("Aktuelle Zeit:"),
	 * an event's day ("Termin: 28.02.2020"), a closing date.
	 */
	W("registriert", LK_STOP), W("mitglied seit", LK_STOP), W("dabei seit", LK_STOP),
	W("aktuelle zeit", LK_STOP), W("termin", LK_STOP), W("einsendeschluss", LK_STOP),
	W("joined", LK_STOP), W("member since", LK_STOP), W("registered", LK_STOP),
};
#undef L
#undef B
#undef W

void
scan_tables_init(struct scan_tables *t)
{
	size_t k;

	fold_tables_init(t);
	for (k = 0; k < LOG1P_N; k++)
		t->log1p_small[k] = log1p((double)k);
	t->labels = kwset_new(labels, sizeof(labels) / sizeof(labels[0]),
	    KWS_FOLD_ASCII | KWS_ENDINGS_ONLY);
}

void
scan_tables_free(struct scan_tables *t)
{
	kwset_free(t->labels);
	t->labels = NULL;
}

/*
 * The label of the separator at s[i] of a segment s[0..n), a label word
 * before ':' (or before '/' for people: 编辑/苏芳, 文/张三): 1 and *h
 * filled if there is one.
 */
static int
label_at(const struct scan_tables *tab, const char *s, size_t n, size_t i, struct hit *h)
{
	unsigned char c = (unsigned char)s[i];
	size_t sl, ls;
	enum lkind kd;

	/* People also take a bar, "记者 | 张三", "文丨张三", as a colon. */
	sl = c != 0xe4 ? 1 : n - i >= 3 && memcmp(s + i, "丨", 3) == 0 ? 3 : 0;
	if (!sl)
		return 0;
	if (s[i] == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/')
		return 0;	/* http:// */
	if ((kd = label_before(tab, s, i, &ls)) == LK_NONE)
		return 0;
	/* A bar only after a label that opens the segment: not in menus. */
	if ((s[i] == '|' || sl == 3) && ls > 0)
		return 0;
	if (s[i] != ':') {
		/*
		 * "编辑/X" only at the start of a segment: not in URLs.  A
		 * source takes a bar too, as WeChat's "来源 | 人民日报".
		 */
		if ((kd != LK_AUTHOR && kd != LK_EDITOR && kd != LK_EDITOR_PLAIN &&
		    !(kd == LK_SOURCE && s[i] != '/')) ||
		    (ls > 0 && s[ls - 1] != ' ' && s[ls - 1] != '(' &&
		    s[ls - 1] != '[' && !((unsigned char)s[ls - 1] >= 0x80)))
			return 0;
	}
	h->start = ls;
	h->vstart = i + sl;
	h->kind = kd;
	return 1;
}

/* Is c one of the separators label_at reads?  0xe4 leads 丨. */
static int
label_sep(unsigned char c)
{
	return c == ':' || c == '/' || c == '|' || c == 0xe4;
}

/*
 * Find the labels of a segment s[0..n) (s[n..lim) may be read): fills
 * hits, returns how many.  Most bytes are none of the separators, which
 * SSE2 finds sixteen bytes at a test.
 */
static size_t
find_labels(const struct scan_tables *tab, const char *s, size_t n, size_t lim,
    struct hit *hits, size_t max)
{
	size_t i = 0, nh = 0;

#if defined(__SSE2__)
	for (; i < n && lim - i >= 16; i += 16) {
		__m128i v = sse_load(s + i);
		unsigned m = sse_eq(v, ':') | sse_eq(v, '/') | sse_eq(v, '|') | sse_eq(v, 0xe4);

		if (n - i < 16)
			m &= (1u << (n - i)) - 1;
		for (; m && nh < max; m &= m - 1)
			nh += (size_t)label_at(tab, s, n, i + (size_t)__builtin_ctz(m), &hits[nh]);
	}
#endif
	for (; i < n && nh < max; i++)
		if (label_sep((unsigned char)s[i]))
			nh += (size_t)label_at(tab, s, n, i, &hits[nh]);
	return nh;
}

int
scan_is_home(const char *s, size_t n)
{
	static const char *const home[] = { "首页", "首頁", "主页", "Home", "home",
		"HOME", "网", "網" };
	size_t k, wl;

	for (k = 0; k < sizeof(home) / sizeof(home[0]); k++) {
		wl = strlen(home[k]);
		if (n >= wl && memcmp(s + n - wl, home[k], wl) == 0)
			return 1;
	}
	return 0;
}

int
scan_is_body_word(const char *s, size_t n)
{
	return (n >= 6 && memcmp(s + n - 6, "正文", 6) == 0) ||
	    (n >= 12 && memcmp(s + n - 12, "正文内容", 12) == 0) ||
	    (n >= 9 && memcmp(s + n - 9, "正文页", 9) == 0);
}

/*
 * The length of the home item "首页", "[首頁]", "Home" opening s[v..n) when
 * a '/' follows it (spaces between), else 0.
 */
static size_t
home_slash(const char *s, size_t v, size_t n)
{
	static const char *const home[] = { "首页", "首頁", "主页", "Home", "HOME" };
	size_t k, wl, e;
	int br = v < n && s[v] == '[';

	/* 首 主 H: most lines open with none of them. */
	if (v + br >= n || (s[v + br] != '\xe9' && s[v + br] != '\xe4' && s[v + br] != 'H'))
		return 0;
	for (k = 0; k < sizeof(home) / sizeof(home[0]); k++) {
		wl = strlen(home[k]);
		if (n - v < wl + br + 2 || memcmp(s + v + br, home[k], wl) != 0)
			continue;
		e = v + br + wl;
		if (br && s[e++] != ']')
			continue;
		while (e < n && s[e] == ' ')
			e++;
		if (e + 1 < n && s[e] == '/' && s[e + 1] != '/')
			return e - v;
	}
	return 0;
}

/*
 * "位置:首页/X/Y": a 位置 label, then 首页 and '/' between the items; or a
 * line that opens with the home item and a '/': "首页 / 新闻 / 国内",
 * "Home / Tech".
 */
static int
find_place_slash(const struct scan_tables *tab, const char *s, size_t n)
{
	const char *c = memchr(s, ':', n);
	size_t ls, v;

	if (home_slash(s, 0, n))
		return 1;
	if (!c || label_before(tab, s, (size_t)(c - s), &ls) != LK_PLACE)
		return 0;
	v = (size_t)(c - s) + 1;
	while (v < n && s[v] == ' ')
		v++;
	return n - v > 7 && (memcmp(s + v, "首页", 6) == 0 || memcmp(s + v, "首頁", 6) == 0) &&
	    memchr(s + v, '/', n - v) != NULL;
}

/*
 * A breadcrumb line: items separated by '>', starting at 首页 or a 位置:
 * label, or at least two items ending in 正文.
 */
static int
breadcrumb(struct page *pg, size_t li, const char *s, size_t n)
{
	size_t i, nsep = 0, items = 0, first_end = n;
	int home = 0, body = 0, place = 0;
	size_t ls;

	for (i = 0; i < n; i++) {
		size_t k = scan_crumb_sep(s, n, i);

		if (k) {
			if (!nsep)
				first_end = i;
			nsep++;
			i += k - 1;
		}
	}
	if (!nsep && find_place_slash(pg->tab, s, n)) {
		/* "当前位置:首页/要闻动态/今日关注" */
		pg->ln[li].bits |= LB_SLASH;
		if (pg->crumb_line < 0) {
			pg->crumb_line = (long)li;
			pg->crumb_off = (size_t)(s - pg->n);
			pg->crumb_len = n;
		}
		return 1;
	}
	if (!nsep || nsep > 12 || (n > 0 && scan_crumb_sep(s, n, n - 1) && nsep == 1 && n < 4))
		return 0;
	{
		size_t e = first_end;

		while (e > 0 && s[e - 1] == ' ')
			e--;
		/* "[首页] > [新闻]", "【首页】>" */
		if (e > 0 && s[e - 1] == ']')
			e--;
		else if (e >= 3 && memcmp(s + e - 3, "】", 3) == 0)
			e -= 3;
		home = scan_is_home(s, e);
		for (i = 0; i < e; i++)
			if (s[i] == ':' && label_before(pg->tab, s, i, &ls) == LK_PLACE)
				place = 1;
	}
	{
		size_t e = n;

		while (e > 0 && (s[e - 1] == ' '))
			e--;
		body = scan_is_body_word(s, e);
	}
	items = nsep + 1 - (home ? 1 : 0) - (body ? 1 : 0);
	if (!(home || place || (body && items >= 2)))
		return 0;
	if (pg->crumb_line < 0) {
		pg->crumb_line = (long)li;
		pg->crumb_off = (size_t)(s - pg->n);
		pg->crumb_len = n;
	}
	return 1;
}

/* A letter, digit, '_' or '.' of an account's @handle. */
static int
handle_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '_' || c == '.';
}

/*
 * Does the date at s[st..) of a line s[0..n) sign an embedded social post?
 * Twitter's embed ends "— NAME (@handle) January 1, 2020", Instagram's
 * "A post shared by NAME (@handle) on Apr 21, 2019 at 4:40am PDT" (its
 * translations say "Ein Beitrag geteilt von NAME (@handle) am ..."): the
 * line opens with the dash or the caption, and the date follows the
 * account, after at most a preposition.  The post's date, not the page's.
 */
static int
embed_signature(const char *s, size_t n, size_t st)
{
	static const struct { const char *w; size_t wl; } open[] = {
		{ LIT("— ") }, { LIT("A post shared by ") },
		{ LIT("Ein Beitrag geteilt von ") }, { LIT("Une publication partagée par ") },
		{ LIT("Una publicación compartida de ") },
		{ LIT("Una publicación compartida por ") }, { LIT("Un post condiviso da ") },
		{ LIT("Uma publicação compartilhada por ") },
		{ LIT("Een bericht gedeeld door ") } };
	size_t e = st, k, w;

	for (k = 0; k < sizeof(open) / sizeof(open[0]); k++)
		if (scan_starts_with(s, n, open[k].w, open[k].wl))
			break;
	if (k == sizeof(open) / sizeof(open[0]))
		return 0;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	for (w = e; w > 0 && e - w < 3 && s[w - 1] >= 'a' && s[w - 1] <= 'z'; w--)
		;
	if (w < e && w > 0 && s[w - 1] == ' ')	/* "on", "am", "el": the preposition */
		for (e = w; e > 0 && s[e - 1] == ' '; e--)
			;
	if (e < 4 || s[e - 1] != ')')
		return 0;
	for (w = e - 1; w > 0 && handle_char(s[w - 1]); w--)
		;
	return w >= 2 && w < e - 1 && s[w - 1] == '@' && s[w - 2] == '(';
}

/* Lines from the page's top a Wayback Machine banner may reach. */
#define WAYBACK_LINES 24

/*
 * Is line li in the Wayback Machine's banner over an archived page?  It
 * opens with a line "Wayback Machine" and ends at "About this capture";
 * its dates ("10 Nov 2013   2012  2013  2014", "1 capture") are the
 * archive's captures, not the page's.
 */
static int
wayback_banner(const struct page *pg, size_t li)
{
	size_t j;
	int open = 0;

	if (li >= WAYBACK_LINES)
		return 0;
	for (j = 0; j < li && !open; j++)
		open = lines_equal_nospace(pg->n + pg->ln[j].noff, pg->ln[j].nlen,
		    LIT("Wayback Machine"));
	for (j = li + 1; open && j < pg->nl && j < WAYBACK_LINES; j++)
		if (scan_starts_with(pg->n + pg->ln[j].noff, pg->ln[j].nlen,
		    LIT("About this capture")))
			return 1;
	return 0;
}

/* Add the date candidates of a segment s[a..b) of line li. */
static void
scan_dates(struct page *pg, size_t li, size_t a, size_t b, const struct hit *hits, size_t nh)
{
	const char *s = pg->n + pg->ln[li].noff;
	size_t pos = a, st, en;
	struct mdate d;
	int absolute = 0, bare_year = 0;
	size_t first = pg->ndc;

	/* A line that is only a year may head a stacked date (stacked_date). */
	if (pg->ln[li].nlen == 4 && a == 0 && b == 4 && (s[0] == '1' || s[0] == '2') &&
	    s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' &&
	    s[3] >= '0' && s[3] <= '9')
		bare_year = 1;
	while (pos < b && (bare_year || date_scan(s, b, &pos, &d, &st, &en))) {
		if (bare_year) {
			memset(&d, 0, sizeof(d));
			d.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
			    (s[3] - '0');
			d.prec = DP_YEAR;
			st = 0, en = pos = 4;
			bare_year = 0;
			if (d.year < 1970 || d.year > 2099)
				break;
		} else if (embed_signature(s, pg->ln[li].nlen, st) || (st > 0 && s[st - 1] == '_'))
			continue;	/* a post's signature; a file's name, "Screenshot_2017-09-06" */
		struct dcand *c;
		size_t k;

		if (pg->ndc == pg->dccap) {
			pg->dccap = pg->dccap ? pg->dccap * 2 : 64;
			pg->dc = xreallocarray(pg->dc, pg->dccap, sizeof(*pg->dc));
		}
		c = &pg->dc[pg->ndc++];
		c->d = d;
		c->d.raw_off += pg->ln[li].noff;
		c->line = li;
		c->start = st;
		c->end = en;
		c->kind = LK_NONE;
		c->score = 0;
		if (!(d.flags & MF_RELATIVE))
			absolute = 1;
		if ((d.year && d.prec >= DP_DAY) || d.prec >= DP_MINUTE)
			pg->ln[li].bits |= LB_FULLDATE;
		/* The label right before the date, with only blanks between. */
		for (k = 0; k < nh; k++) {
			size_t v = hits[k].vstart;

			while (v < st && (s[v] == ' ' || s[v] == '['))
				v++;
			if (v == st && (hits[k].kind == LK_PUBLISHED || hits[k].kind == LK_STOP ||
			    hits[k].kind == LK_MODIFIED || hits[k].kind == LK_CRAWLED))
				c->kind = hits[k].kind;
		}
		/* "发表于 2005-9-15", "Published 3 May 2019" without a colon. */
		if (c->kind == LK_NONE && st >= a + 3) {
			size_t e = st, ls2;
			enum lkind k2;

			while (e > a && s[e - 1] == ' ')
				e--;
			if ((k2 = label_before(pg->tab, s, e, &ls2)) != LK_NONE && ls2 >= a &&
			    (k2 == LK_PUBLISHED || k2 == LK_MODIFIED || k2 == LK_CRAWLED))
				c->kind = k2;
		}
		/* "(2024/01/02 10:20 更新)", "2024-01-02 更新": the word after it. */
		if (c->kind == LK_NONE) {
			size_t e = en;

			while (e < b && s[e] == ' ')
				e++;
			if (b - e >= 6 && memcmp(s + e, "更新", 6) == 0 &&
			    (e + 6 == b || s[e + 6] == ')' || s[e + 6] == ' '))
				c->kind = LK_MODIFIED;
		}
		if (wayback_banner(pg, li))
			c->kind = LK_CRAWLED;
	}
	/* A relative phrase beside an absolute date is the absolute one's gloss. */
	if (absolute) {
		size_t r, w = first;

		for (r = first; r < pg->ndc; r++)
			if (!(pg->dc[r].d.flags & MF_RELATIVE))
				pg->dc[w++] = pg->dc[r];
		pg->ndc = w;
	}
	if (pg->ndc > first)
		pg->ln[li].bits |= LB_DATE;
}

/* How far into a long line its dateline may reach, and a byline row after its last sentence. */
#define DATELINE_HEAD 60
#define DATELINE_TAIL 120

/*
 * The dates of a long line (one of prose, not read whole): a lead that
 * opens with its dateline and a dash, "27.1.2022 - Bei der Erinnerung
 * ...", and the row of date and byline that w3m ran onto a teaser's last
 * sentence, "... Florian Wirtz. 07. November 2023 - 10:38 Uhr | Maximilian
 * Koch".  The tail is what follows the last full stop after a small
 * letter, when it is short and no sentence itself.  The dates are
 * candidates; the line keeps its bits.
 */
static void
long_line_dates(struct page *pg, size_t li, const char *s, size_t n)
{
	unsigned bits = pg->ln[li].bits;
	size_t k, tail = 0;

	if (!(pg->ln[li].hints & H_DATE))
		return;
	if (s[0] >= '0' && s[0] <= '9')
		for (k = 1; k + 1 < n && k < DATELINE_HEAD; k++)
			if (s[k] == ' ' && (s[k + 1] == '-' || scan_starts_with(s + k + 1,
			    n - k - 1, LIT("–")) || scan_starts_with(s + k + 1, n - k - 1,
			    LIT("—")))) {
				scan_dates(pg, li, 0, k, NULL, 0);
				break;
			}
	for (k = n - 1; k > 2 && n - k <= DATELINE_TAIL; k--)
		if (s[k] == ' ' && s[k - 1] == '.' && s[k - 2] >= 'a' && s[k - 2] <= 'z') {
			tail = k + 1;
			break;
		}
	if (tail && s[n - 1] != '.' && s[n - 1] != '!' && s[n - 1] != '?')
		scan_dates(pg, li, tail, n, NULL, 0);
	/* The line stays one of prose, not a date line (the title's features). */
	pg->ln[li].bits = bits;
}

/*
 * Is the line s[0..n), whose hints are hints, the heading of a related
 * list?  The Chinese words all start with an H_REL character, so lines
 * without one need only "Related".
 */
static int
is_related_heading(const char *s, size_t n, unsigned hints)
{
#define R(s) { s, sizeof(s) - 1 }
	static const struct {
		const char *w;
		size_t wl;
	} w[] = { R("相关阅读"), R("相关文章"), R("相关新闻"), R("相关推荐"),
		R("推荐阅读"), R("延伸阅读"), R("热门推荐"), R("相關閱讀"), R("相關新聞"),
		R("猜你喜欢"), R("热点推荐"), R("为您推荐"), R("更多精彩"), R("相关链接"),
		R("相关报道") };
#undef R
	size_t k;

	if (n > 24)
		return 0;
	if (hints & H_REL)
		for (k = 0; k < sizeof(w) / sizeof(w[0]); k++)
			if (find_bytes(s, n, w[k].w, w[k].wl))
				return 1;
	return (hints & H_LATIN) && find_bytes(s, n, LIT("Related"));
}

/*
 * WordPress's and Disqus's head of the comments, "6 thoughts on “TITLE”",
 * "12 Comments", "3 Responses to “TITLE”": the dates under it are the
 * comments'.  Stores where TITLE is, between the quotes, when it is given;
 * when it is not ("12 Comments"), *toff and *tlen are 0.
 */
int
english_comment_heading(const char *s, size_t n, size_t *toff, size_t *tlen)
{
	static const char *const w[] = { "thoughts", "Thoughts", "comments", "Comments",
		"responses", "Responses", "replies", "Replies" };
	size_t i = 0, k, wl = 0, q;

	if (toff)
		*toff = *tlen = 0;
	if (n > 300)
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0 || i > 6 || i >= n || s[i] != ' ')
		return 0;
	i++;
	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		wl = strlen(w[k]);
		if (n - i >= wl && memcmp(s + i, w[k], wl) == 0)
			break;
	}
	if (k == sizeof(w) / sizeof(w[0]))
		return 0;
	i += wl;
	if (i == n)
		return 1;
	if (n - i < 4 || (memcmp(s + i, " on ", 4) != 0 && memcmp(s + i, " to ", 4) != 0))
		return 0;
	i += 4;
	/* “TITLE” or "TITLE" */
	if (n - i >= 7 && memcmp(s + i, "\xe2\x80\x9c", 3) == 0 &&
	    memcmp(s + n - 3, "\xe2\x80\x9d", 3) == 0)
		q = 3;
	else if (n - i >= 3 && s[i] == '"' && s[n - 1] == '"')
		q = 1;
	else
		return 0;
	if (toff) {
		*toff = i + q;
		*tlen = n - q - (i + q);
	}
	return 1;
}

/* Whether the n bytes before a counter word (件评论, 条评论) end in a number. */
static int
counted_heading(const char *s, size_t n)
{
	return n > 0 && s[n - 1] >= '0' && s[n - 1] <= '9';
}

/*
 * The heading of a list of comments, a cell of its own: 已有1件评论, 3条评论,
 * 最新评论, 网友评论.  What follows are readers' posts and their dates.
 * Buttons (发表评论, 我要评论) stand by the title too and do not count.
 * Returns 2 for an English one ("6 thoughts on “TITLE”"), 3 for a count of
 * this page's comments (已有1件评论, 3条评论: a blog's sidebar of the latest
 * comments on the site carries no count), 1 for another.
 */
static int
is_comment_heading(const char *s, size_t n)
{
	static const char *const w[] = { "最新评论", "网友评论", "文章评论", "读者评论",
		"全部评论", "热门评论", "评论列表", "最新評論", "網友評論", "件评论",
		"条评论", "條評論", "則評論" };
	size_t k, wl;

	if (s[0] >= '0' && s[0] <= '9' && english_comment_heading(s, n, NULL, NULL))
		return 2;
	if (n > 90 || n < 6 || (memcmp(s + n - 6, "评论", 6) != 0 &&
	    memcmp(s + n - 6, "評論", 6) != 0))
		return 0;
	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		wl = strlen(w[k]);
		if (n >= wl && memcmp(s + n - wl, w[k], wl) == 0)
			return counted_heading(s, n - wl) ? 3 : 1;
	}
	return 0;
}

static int
value_blank(const char *s, size_t a, size_t n)
{
	while (a < n && s[a] == ' ')
		a++;
	return a == n;
}

/*
 * A label alone on line li whose value is the next line, as a definition
 * list renders: "Author:" then "    Practical Horseman Editorial Staff",
 * "作者:" then "张三".  The value is short, holds no label, sentence or
 * markup of its own, and follows with no empty line between.
 */
static int
label_value_below(const struct page *pg, size_t li)
{
	const struct line *v;
	const char *s;

	if (li + 1 >= pg->nl)
		return 0;
	v = &pg->ln[li + 1];
	s = pg->n + v->noff;
	return v->nlen > 0 && v->nvis <= 40 && !memchr(s, ':', v->nlen) &&
	    !memchr(s, '<', v->nlen) && !find_bytes(s, v->nlen, "。", 3) &&
	    !find_bytes(s, v->nlen, "：", 3);
}

/*
 * The values of the labels hits[0..nh) of a segment ending at b of line
 * li: each runs to the next label.  Marks the line by what its labels are.
 */
static void
label_values(struct page *pg, size_t li, size_t b, const struct hit *hits, size_t nh)
{
	struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t k;

	for (k = 0; k < nh; k++) {
		size_t ve = k + 1 < nh ? hits[k + 1].start : b;
		enum lkind kd = hits[k].kind;

		/*
		 * "作者:小林 提交日期:": the next label's verb (提交) is glued to
		 * it, not to the name: cut at the blank.
		 */
		if (k + 1 < nh && ve >= 3 && scan_is_han_lead((unsigned char)s[ve - 3])) {
			size_t q = ve;

			while (q > hits[k].vstart && s[q - 1] != ' ')
				q--;
			if (q > hits[k].vstart)
				ve = q;
		}

		l->bits |= LB_LABEL;
		if (kd == LK_STOP)
			continue;
		if (kd == LK_SOURCE || kd == LK_AUTHOR)
			l->bits |= LB_META;
		if (kd == LK_EDITOR || kd == LK_EDITOR_PLAIN)
			l->bits |= LB_END;
		if (kd == LK_PLACE || kd == LK_PUBLISHED || kd == LK_MODIFIED || kd == LK_CRAWLED)
			continue;
		if (kd == LK_TITLE && pg->title_label_line < 0)
			pg->title_label_line = (long)li;
		if (k + 1 == nh && hits[k].start == 0 && value_blank(s, hits[k].vstart, l->nlen) &&
		    label_value_below(pg, li)) {
			/* "Author:" / "    Jane Doe": a definition list. */
			struct line *v = &pg->ln[li + 1];

			scan_add_value(pg, li + 1, v->noff, v->nlen, kd, HOW_LABEL);
			v->bits |= l->bits & (LB_LABEL | LB_META | LB_END);
			continue;
		}
		scan_add_value(pg, li, l->noff + hits[k].vstart, ve - hits[k].vstart, kd,
		    HOW_LABEL);
	}
}

/*
 * A forum's poster in segment s[a..b) of line li (pa..pb the segment
 * before): "ggjjzhzz 发表于 2005-9-15", the poster's cell then 发表于, or a
 * signature "发布时间 2005/03/15 22:36:13 by duscha".
 */
static void
forum_poster(struct page *pg, size_t li, size_t a, size_t b, size_t pa, size_t pb)
{
	const struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;

	if (l->hints & H_FA) {
		const char *p = find_bytes(s + a, b - a, "发表于", 9);

		if (!p)
			p = find_bytes(s + a, b - a, "發表於", 9);
		if (p && p > s + a) {
			size_t e = (size_t)(p - s), st;

			while (e > a && s[e - 1] == ' ')
				e--;
			st = e;
			while (st > a && s[st - 1] != ' ')
				st--;
			if (e > st && e - st <= 30)
				scan_add_value(pg, li, l->noff + st, e - st, LK_AUTHOR, HOW_POSTER);
		} else if (p && pb > pa && pb - pa <= 30 && !memchr(s + pa, ' ', pb - pa)) {
			/* A forum's table row: the poster's cell, then 发表于. */
			scan_add_value(pg, li, l->noff + pa, pb - pa, LK_AUTHOR, HOW_POSTER);
		}
	}
	if ((l->bits & LB_FULLDATE) && l->nvis <= 60) {
		const char *q = find_bytes(s + a, b - a, " by ", 4);

		if (q) {
			size_t st = (size_t)(q - s) + 4, e = st;

			while (e < b && s[e] != ' ')
				e++;
			if (e > st && e - st <= 30)
				scan_add_value(pg, li, l->noff + st, e - st, LK_AUTHOR, HOW_POSTER);
		}
	}
}

/*
 * Where the names of an English byline start in the segment s[a..b):
 * "By NAME" or "BY: NAME" opening it, or after a bar as in
 * "February 1, 2019 | BY: Ilana Muhlstein" (looked for only when bars is
 * not 0: the line's hints say it may hold one).  0 when there is none.
 */
static size_t
english_by(const char *s, size_t a, size_t b, int bars)
{
	size_t p = a, q;
	const char *bar;

	for (;;) {
		if (b - p > 3 && b - p < 120 && (s[p] == 'B') &&
		    (s[p + 1] == 'y' || s[p + 1] == 'Y') &&
		    (s[p + 2] == ' ' || s[p + 2] == ':')) {
			for (q = p + 3; q < b && s[q] == ' '; q++)
				;
			return q < b ? q : 0;
		}
		if (!bars || (bar = memchr(s + p, '|', b - p)) == NULL)
			return 0;
		for (p = (size_t)(bar - s) + 1; p < b && s[p] == ' '; p++)
			;
	}
}

/*
 * WordPress's entry meta, "Author janedoePosted on January 17, 2019": the
 * screen-reader words run into the name.  Returns the segment s[a..b)'s
 * name start and stores its end in *e, or 0.
 */
static size_t
wordpress_author(const char *s, size_t a, size_t b, size_t *e)
{
	const char *p = find_bytes(s + a, b - a, "Author ", 7), *q;
	size_t st;

	if (!p || (p > s + a && p[-1] != ' ' && p[-1] != ']'))
		return 0;
	st = (size_t)(p - s) + 7;
	if (!(q = find_bytes(s + st, b - st, "Posted on", 9)))
		return 0;
	*e = (size_t)(q - s);
	while (*e > st && s[*e - 1] == ' ')
		(*e)--;
	return *e > st && *e - st <= 40 ? st : 0;
}

/* An English byline in segment s[a..b) of line li: "By NAME", "BY: NAME", "Author NAMEPosted on". */
static void
segment_byline(struct page *pg, size_t li, size_t a, size_t b)
{
	const struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t n = l->nlen, na, e;

	/* English "By NAME", "BY: NAME", also after a bar. */
	if ((na = english_by(s, a, b, (l->hints & H_SEP) != 0)) != 0)
		english_byline(pg, li, s, na, b);
	else if ((l->hints & H_LATIN) && (na = wordpress_author(s, a, b, &e)) != 0)
		scan_add_value(pg, li, l->noff + na, e - na, LK_AUTHOR, HOW_BYLINE);
	/* "By" alone, the name on the next line (as the WSJ has it). */
	if (a == 0 && b == n && n == 2 && s[0] == 'B' && (s[1] == 'y' || s[1] == 'Y') &&
	    li + 1 < pg->nl && pg->ln[li + 1].nlen > 0 && pg->ln[li + 1].nlen < 60)
		english_byline(pg, li + 1, pg->n + pg->ln[li + 1].noff, 0, pg->ln[li + 1].nlen);
}

/*
 * Can date_scan find a date in s[0..n), a segment of a line whose hints
 * are hints?  Every date it reads holds an ASCII digit, or one of the
 * ideographs of H_DATE (年 of 二〇二四年 and 令和元年; 刚刚, 昨天, 前天),
 * save the English relative words "yesterday" (or "Yesterday") and "just
 * now" ("today" counts only with a time, which has digits).  Most lines of English prose have neither, and
 * date_scan would otherwise try every word.
 */
static int
may_hold_date(unsigned hints, const char *s, size_t n)
{
	if (hints & H_DATE)
		return 1;
	/* Looked for by their first letters, rare in English: not by 'e'. */
	return (hints & H_LATIN) && (find_ci(s, n, "yesterday") ||
	    find_bytes(s, n, LIT("just now")));
}

/*
 * Read segment s[a..b) of line li (pa..pb the segment before it): a
 * comment heading, labels and their values, dates, posters, bylines.
 */
static void
scan_segment(struct page *pg, size_t li, size_t a, size_t b, size_t pa, size_t pb)
{
	struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	struct hit hits[16];
	size_t nh, k;

	if ((k = is_comment_heading(s + a, b - a)) != 0) {
		l->bits |= LB_END;
		if (k >= 2 && pg->comments_line < 0)
			pg->comments_line = (long)li;
	}
	nh = (l->hints & H_SEP) ?
	    find_labels(pg->tab, s + a, b - a, line_room(pg, li) - a, hits, 16) : 0;
	for (k = 0; k < nh; k++) {
		hits[k].start += a;
		hits[k].vstart += a;
	}
	if (may_hold_date(l->hints, s + a, b - a))
		scan_dates(pg, li, a, b, hits, nh);
	label_values(pg, li, b, hits, nh);
	forum_poster(pg, li, a, b, pa, pb);
	segment_byline(pg, li, a, b);
}

/* 本文由X发布: the publisher in a copyright line s[0..n) of line li. */
static void
published_by(struct page *pg, size_t li, const char *s, size_t n)
{
	const char *p = find_bytes(s, n, "本文由", 9);

	if (p) {
		size_t st = (size_t)(p - s) + 9, e;
		const char *q = find_bytes(s + st, n - st, "发布", 6);

		if (q && (e = (size_t)(q - s)) > st && e - st <= 45)
			scan_add_value(pg, li, pg->ln[li].noff + st, e - st, LK_SOURCE,
			    HOW_PUBLISHED_BY);
	}
}

/*
 * Where the first two spaces in a row of s[i..n) start, or n: where a
 * segment of a table layout's line ends.  Sixteen bytes at a test with
 * SSE2, fifteen apart so that a pair across two tests is seen; s[n..lim)
 * may be read.
 */
static size_t
two_spaces(const char *s, size_t i, size_t n, size_t lim)
{
#if defined(__SSE2__)
	for (; i < n && lim - i >= 16; i += 15) {
		unsigned m = sse_eq(sse_load(s + i), ' ');

		if (n - i < 16)
			m &= (1u << (n - i)) - 1;
		if ((m &= m >> 1 & 0x7fff) != 0)
			return i + (size_t)__builtin_ctz(m);
		if (n - i <= 16)
			return n;
	}
#endif
	for (; i + 1 < n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ')
			return i;
	return n;
}

/* Read one line: labels, values, dates, bylines, breadcrumb. */
static void
scan_line(struct page *pg, size_t li)
{
	struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t n = l->nlen, a, b, pa = 0, pb = 0;

	if (n == 0)
		return;
	if (scan_starts_with(s, n, LIT("•")) || scan_starts_with(s, n, LIT("·")) ||
	    scan_starts_with(s, n, LIT("□")) || scan_starts_with(s, n, LIT("●")) ||
	    scan_starts_with(s, n, LIT("*")) || scan_starts_with(s, n, LIT("-")))
		l->bits |= LB_BULLET;
	if ((unsigned char)s[0] == 0xe3)
		bracket_byline(pg, li, s, n);	/* 〔記者X/台北報導〕 */
	if ((size_t)l->nvis > LONG_LINE / 3 || (l->bits & LB_LONG)) {
		l->bits |= LB_LONG;
		if (l->hints & H_PAREN)
			scan_parens(pg, li, s, n);
		long_line_dates(pg, li, s, n);
		return;
	}
	if (is_related_heading(s, n, l->hints))
		l->bits |= LB_END;
	if ((l->hints & H_CRUMB) ? breadcrumb(pg, li, s, n) :
	    (l->hints & H_SEP) && l->nvis <= 80 && find_place_slash(pg->tab, s, n) &&
	    breadcrumb(pg, li, s, n))
		l->bits |= LB_CRUMB;
	/* Segments: runs of two or more spaces split table layouts. */
	for (a = 0; a < n; pa = a, pb = b, a = b) {
		a = (size_t)(skip_spaces(s + a, s + n) - s);
		if (a >= n)
			break;
		b = two_spaces(s, a, n, line_room(pg, li));
		scan_segment(pg, li, a, b, pa, pb);
	}
	if (l->hints & H_PAREN)
		scan_parens(pg, li, s, n);
	if (l->nvis <= 40 && (l->hints & H_ROLE))
		short_byline(pg, li, s, n);
	if (l->nvis <= 30 && !(l->bits & LB_LABEL))
		spaced_label(pg, li, s, n);
	if (l->hints & H_BEN)
		published_by(pg, li, s, n);
}

void
scan_page(struct page *pg)
{
	size_t i;

	fold_page(pg);
	for (i = 0; i < pg->nl; i++)
		scan_line(pg, i);
}

