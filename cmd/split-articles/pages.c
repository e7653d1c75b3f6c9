/*
 * pages.c - the undelimited splitter: web pages saved as text and
 * concatenated with no separator (`cat *.txt > dump.txt`), split back where
 * one page ends and the next begins.
 *
 * Every line start is a candidate.  It scores high when the lines before it
 * look like the bottom of a page (copyright and ICP lines, "返回顶部",
 * privacy/terms/contact links, a lone tracking-pixel placeholder) and the
 * lines from it look like the top of one (a short site name or logo, log-in
 * and subscribe links, navigation bullets, breadcrumbs).  A candidate is a
 * boundary when its score passes a threshold and is the highest within
 * PAGE_MIN lines, so one page's furniture yields one boundary.  The words
 * are page furniture in general, in Chinese (simplified and traditional),
 * English, Japanese and Korean; no site is named.
 *
 * Lines stream through a window of CONTEXT lines either side of the one
 * being decided; every line is written once, as it is decided, so records
 * are exact slices of the input and memory is bounded by the window.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "split.h"
#include "winnow.h"

/* Line classes. */
enum {
	L_COPY = 1 << 0,	/* copyright, ICP licence, all rights reserved */
	L_FOOT = 1 << 1,	/* privacy, terms, contact us, back to top, ... */
	L_TOP = 1 << 2,		/* log in, subscribe, skip to content, logo, ... */
	L_CRUMB = 1 << 3,	/* 当前位置 / Home > ... */
	L_BLANK = 1 << 4,	/* white space only */
	L_EMPTY = 1 << 5,	/* no bytes at all before the newline */
	L_BULLET = 1 << 6,	/* a list item: • □ ● ◆ · */
	L_PIXEL = 1 << 7,	/* a lone "*", or an image placeholder "[...]" */
	L_SENTENCE = 1 << 8,	/* ends like a sentence */
	L_PIECE = 1 << 9,	/* a piece of a line too long to hold */
	L_HOME = 1 << 10,	/* 首页 / home: navigation */
};

#define CONTEXT 48		/* lines looked at either side */
#define NEAR 6			/* non-blank lines that make a page's edge */
#define PAGE_MIN 12		/* lines: one boundary per stretch this long */
#define THRESHOLD 5.0

static const struct keyword {
	const char *s;
	unsigned cls;
} keywords[] = {
	/* Bottom of a page: copyright and licences. */
	{ "\xc2\xa9", L_COPY }, { "copyright", L_COPY }, { "(c) 20", L_COPY },
	{ "all rights reserved", L_COPY }, { "rights reserved", L_COPY },
	{ "版权所有", L_COPY }, { "版權所有", L_COPY }, { "版权声明", L_COPY },
	{ "版權聲明", L_COPY }, { "保留所有权利", L_COPY }, { "icp备", L_COPY },
	{ "icp证", L_COPY }, { "icp證", L_COPY }, { "icp经营许可", L_COPY },
	{ "公网安备", L_COPY }, { "公網安備", L_COPY }, { "不得转载", L_COPY },
	{ "不得轉載", L_COPY }, { "禁止转载", L_COPY }, { "请勿转载", L_COPY },
	{ "未经授权", L_COPY }, { "未经书面", L_COPY }, { "违法和不良信息", L_COPY },
	{ "不良信息举报", L_COPY }, { "网站标识码", L_COPY }, { "许可证编号", L_COPY },
	{ "增值电信业务", L_COPY }, { "저작권", L_COPY }, { "無断転載", L_COPY },
	{ "may not be published, broadcast", L_COPY },
	/* Bottom of a page: footer links and widgets. */
	{ "privacy", L_FOOT }, { "terms of", L_FOOT }, { "cookie", L_FOOT },
	{ "contact us", L_FOOT }, { "about us", L_FOOT }, { "sitemap", L_FOOT },
	{ "site map", L_FOOT }, { "powered by", L_FOOT }, { "back to top", L_FOOT },
	{ "advertise", L_FOOT }, { "feedback", L_FOOT }, { "rss", L_FOOT },
	{ "隐私", L_FOOT }, { "隱私", L_FOOT }, { "免责", L_FOOT }, { "免責", L_FOOT },
	{ "关于我们", L_FOOT }, { "關於我們", L_FOOT }, { "联系我们", L_FOOT },
	{ "聯繫我們", L_FOOT }, { "聯絡我們", L_FOOT }, { "网站地图", L_FOOT },
	{ "網站地圖", L_FOOT }, { "返回顶部", L_FOOT }, { "返回頂部", L_FOOT },
	{ "回到顶部", L_FOOT }, { "加载更多", L_FOOT }, { "載入更多", L_FOOT },
	{ "意见反馈", L_FOOT }, { "意見反饋", L_FOOT }, { "广告服务", L_FOOT },
	{ "廣告服務", L_FOOT }, { "诚聘英才", L_FOOT }, { "诚征英才", L_FOOT },
	{ "举报", L_FOOT }, { "舉報", L_FOOT }, { "站长统计", L_FOOT },
	{ "主办单位", L_FOOT }, { "主办：", L_FOOT }, { "主办:", L_FOOT },
	{ "主辦", L_FOOT }, { "承办", L_FOOT }, { "技术支持", L_FOOT },
	{ "给编辑写信", L_FOOT }, { "打印本页", L_FOOT }, { "关闭窗口", L_FOOT },
	{ "webmaster", L_FOOT }, { "联系电话", L_FOOT }, { "投诉", L_FOOT },
	/* Top of a page. */
	{ "skip to", L_TOP }, { "skip navigation", L_TOP }, { "logo", L_TOP },
	{ "log in", L_TOP }, { "login", L_TOP }, { "sign in", L_TOP },
	{ "sign up", L_TOP }, { "subscribe", L_TOP }, { "menu", L_TOP },
	{ "navigation", L_TOP }, { "search", L_TOP },
	{ "登录", L_TOP }, { "登錄", L_TOP }, { "登入", L_TOP }, { "注册", L_TOP },
	{ "註冊", L_TOP }, { "我的订阅", L_TOP }, { "订阅", L_TOP },
	{ "搜索", L_TOP }, { "搜尋", L_TOP }, { "设为首页", L_TOP },
	{ "設為首頁", L_TOP }, { "加入收藏", L_TOP }, { "收藏本站", L_TOP },
	{ "下载app", L_TOP }, { "app下载", L_TOP }, { "客户端", L_TOP },
	{ "手机版", L_TOP }, { "手機版", L_TOP }, { "繁體", L_TOP },
	{ "简体", L_TOP }, { "切换", L_TOP }, { "主屏幕", L_TOP },
	{ "访问主要内容", L_TOP }, { "跳到主要内容", L_TOP }, { "导航", L_TOP },
	{ "微信好友", L_TOP }, { "朋友圈", L_TOP }, { "ログイン", L_TOP },
	{ "로그인", L_TOP },
	{ "首页", L_HOME }, { "首頁", L_HOME }, { "home", L_HOME }, { "主页", L_HOME },
	/* Breadcrumbs. */
	{ "当前位置", L_CRUMB }, { "當前位置", L_CRUMB }, { "您的位置", L_CRUMB },
	{ "现在位置", L_CRUMB }, { "你的位置", L_CRUMB }, { "所在位置", L_CRUMB },
	{ "首页 >", L_CRUMB }, { "首页>", L_CRUMB }, { "首页 »", L_CRUMB },
	{ "首页»", L_CRUMB }, { "首頁 >", L_CRUMB }, { "首頁>", L_CRUMB },
	{ "首页 -", L_CRUMB }, { "首页|", L_CRUMB }, { "首页 |", L_CRUMB },
	{ "首页 >>", L_CRUMB }, { "首页>>", L_CRUMB }, { "home >", L_CRUMB },
	{ "home »", L_CRUMB }, { "home /", L_CRUMB },
};

#define NKEYWORDS (sizeof keywords / sizeof keywords[0])

/*
 * The keywords by their first two bytes (ASCII folded to lower case):
 * scanning a line costs one table probe per byte.
 */
static uint16_t kw_head[65536];		/* index + 1 of the first keyword */
static uint16_t kw_next[NKEYWORDS];	/* index + 1 of the next one */
static size_t kw_len[NKEYWORDS];
static int kw_ready;

static void
kw_init(void)
{
	size_t i;

	for (i = NKEYWORDS; i-- > 0;) {
		const unsigned char *k = (const unsigned char *)keywords[i].s;
		unsigned h = (unsigned)tolower(k[0]) << 8 | (unsigned)tolower(k[1]);

		kw_len[i] = strlen(keywords[i].s);
		kw_next[i] = kw_head[h];
		kw_head[h] = (uint16_t)(i + 1);
	}
	kw_ready = 1;
}

static unsigned
fold(unsigned char c)
{
	return c < 0x80 ? (unsigned)tolower(c) : c;
}

/* Ends like a sentence: . ! ? or 。！？ and closing quotes after them. */
static int
sentence_end(const unsigned char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r' || p[n - 1] == '\t'))
		n--;
	if (n >= 3 && p[n - 3] == 0xe2 && p[n - 2] == 0x80 && (p[n - 1] == 0x9d ||
	    p[n - 1] == 0x99))
		n -= 3;	/* ” ’ */
	if (n >= 1 && strchr(".!?\"", p[n - 1]) && p[n - 1])
		return n >= 2 && p[n - 2] != '.';	/* not "..." */
	if (n >= 3 && p[n - 3] == 0xe3 && p[n - 2] == 0x80 && p[n - 1] == 0x82)
		return 1;	/* 。 */
	if (n >= 3 && p[n - 3] == 0xef && p[n - 2] == 0xbc &&
	    (p[n - 1] == 0x81 || p[n - 1] == 0x9f))
		return 1;	/* ！？ */
	return 0;
}

struct pline {
	size_t off, len;	/* in the window text, newline included */
	unsigned cls;
	unsigned chars;		/* characters, white space excluded */
	double score;
};

static void
classify(struct pline *l, const unsigned char *p, size_t n)
{
	size_t i, end = n, first;
	unsigned cls = 0, chars = 0;

	if (!kw_ready)
		kw_init();
	if (end && p[end - 1] == '\n')
		end--;
	if (end == 0 || (end == 1 && p[0] == '\r'))
		cls |= L_EMPTY;
	for (i = 0; i < end; i++) {
		unsigned h = fold(p[i]) << 8 | (i + 1 < end ? fold(p[i + 1]) : 0);
		uint16_t k;

		if ((p[i] & 0xc0) != 0x80 && p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			chars++;
		for (k = kw_head[h]; k; k = kw_next[k - 1])
			if (!(cls & keywords[k - 1].cls) && kw_len[k - 1] <= end - i &&
			    !strncasecmp((const char *)p + i, keywords[k - 1].s,
			    kw_len[k - 1]))
				cls |= keywords[k - 1].cls;
	}
	for (first = 0; first < end && (p[first] == ' ' || p[first] == '\t'); first++)
		;
	if (chars == 0)
		cls |= L_BLANK;
	else if (first < end) {
		const unsigned char *f = p + first;
		size_t left = end - first;

		/* • U+2022, □ U+25A1, ● U+25CF, ◆ U+25C6, · U+00B7 */
		if (left >= 3 && f[0] == 0xe2 && ((f[1] == 0x80 && f[2] == 0xa2) ||
		    (f[1] == 0x96 && (f[2] == 0xa1 || f[2] == 0x8f || f[2] == 0x86))))
			cls |= L_BULLET;
		if (left >= 2 && f[0] == 0xc2 && f[1] == 0xb7)
			cls |= L_BULLET;
		if ((chars == 1 && f[0] == '*') || (f[0] == '[' && p[end - 1] == ']' &&
		    !memchr(f + 1, '[', left - 1)) ||
		    (end > first && p[end - 1] == '\r' && chars == 1 && f[0] == '*'))
			cls |= L_PIXEL;
	}
	if (sentence_end(p, end))
		cls |= L_SENTENCE;
	l->cls = cls;
	l->chars = chars;
}

/*
 * The window: lines [base, base + n) of the operand; line base + i is
 * lines[i].  Lines before `decided` have been written.
 */
struct window {
	struct buf text;
	struct pline *lines;
	size_t n, cap;
	size_t base_off;	/* text offset dropped so far (for compaction) */
};

/* Up to k non-blank lines from line i going in step (+1/-1), within CONTEXT. */
static size_t
nonblank(const struct pline *lines, size_t n, size_t i, int step, size_t k,
    size_t *out)
{
	size_t got = 0, seen = 0;
	long j = (long)i;

	while (j >= 0 && (size_t)j < n && got < k && seen < CONTEXT) {
		if (!(lines[j].cls & L_BLANK))
			out[got++] = (size_t)j;
		j += step;
		seen++;
	}
	return got;
}

/*
 * What is known about a candidate line i, as numbers; score_line weighs
 * them.  prev[] are the non-blank lines before i, nearest first; next[]
 * those from i on.
 */
enum {
	F_COPY_NEAR,		/* copyright lines among the last 3 before */
	F_COPY_FAR,		/* ... among the 3 before those */
	F_FOOT_LAST,		/* the line before is footer furniture */
	F_FOOT_NEAR,		/* footer lines among the 5 before that */
	F_PIXEL_LAST,		/* the line before is a lone image or "*" */
	F_TOP_FIRST,		/* log-in, logo, ... among the first 2 */
	F_TOP_NEXT,		/* ... among the 6 after those */
	F_CRUMB_FIRST,		/* a breadcrumb among the first 4 */
	F_CRUMB_NEXT,		/* ... among the 4 after those */
	F_HOME_FIRST,		/* "首页"/home among the first 4 */
	F_BULLETS,		/* list items among the first 8 (0, 1, 2) */
	F_COPY_FIRST,		/* a copyright line among the first 3 */
	F_SHORT_FIRST,		/* the first line is short, not a sentence */
	F_PIXEL_FIRST,		/* the first line is a lone image or "*" */
	F_SENTENCE_FIRST,	/* the first line is a long sentence */
	F_BOTH,			/* bottom and top furniture both present */
	F_TOP_LAST,		/* the line before is top furniture */
	F_EMPTY_LAST,		/* the line before is empty */
	F_EMPTY_FIRST,		/* line i is empty */
	F_IN_LIST,		/* list items on both sides */
	F_SENTENCE_LAST,	/* the line before ends a long sentence */
	F_BLANK_FIRST,		/* line i is white space */
	F_TINY_LAST,		/* the line before has 1 or 2 characters */
	F_FOOT_FIRST,		/* footer lines among the first 2 */
	F_NFEATURES
};

static double weights[F_NFEATURES] = {
	[F_COPY_NEAR] = 3.50, [F_COPY_FAR] = 2.00, [F_FOOT_LAST] = 1.00,
	[F_FOOT_NEAR] = 1.50, [F_PIXEL_LAST] = -0.50, [F_TOP_FIRST] = 1.50,
	[F_TOP_NEXT] = 0.25, [F_CRUMB_FIRST] = 2.50, [F_CRUMB_NEXT] = 1.50,
	[F_HOME_FIRST] = 1.00, [F_BULLETS] = 0.00, [F_COPY_FIRST] = -3.00,
	[F_SHORT_FIRST] = 0.50, [F_PIXEL_FIRST] = 1.00, [F_SENTENCE_FIRST] = -2.50,
	[F_BOTH] = 1.00, [F_TOP_LAST] = -1.50, [F_EMPTY_LAST] = -4.00,
	[F_EMPTY_FIRST] = -4.00, [F_IN_LIST] = -4.00, [F_SENTENCE_LAST] = -1.50,
	[F_BLANK_FIRST] = 0.00, [F_TINY_LAST] = -2.00, [F_FOOT_FIRST] = -2.00,
};
static double threshold = THRESHOLD;

static int
count(const struct pline *L, const size_t *idx, size_t from, size_t to,
    size_t n, unsigned cls)
{
	int c = 0;

	for (; from < to && from < n; from++)
		c += (L[idx[from]].cls & cls) != 0;
	return c;
}

/* How much line i looks like the first line of a page. */
static double
score_line(const struct pline *L, size_t n, size_t i)
{
	size_t prev[NEAR], next[NEAR + 2], np, nn, k;
	double f[F_NFEATURES], s = 0;
	const struct pline *first, *last;
	int bullets, bottom, top;

	if (i == 0 || (L[i].cls & L_PIECE))
		return -100;
	np = nonblank(L, n, i - 1, -1, NEAR, prev);
	nn = nonblank(L, n, i, 1, NEAR + 2, next);
	if (np == 0 || nn == 0)
		return -100;
	first = &L[next[0]];
	last = &L[prev[0]];
	memset(f, 0, sizeof f);
	f[F_COPY_NEAR] = count(L, prev, 0, 3, np, L_COPY);
	f[F_COPY_FAR] = count(L, prev, 3, 6, np, L_COPY);
	f[F_FOOT_LAST] = (last->cls & L_FOOT) != 0;
	f[F_FOOT_NEAR] = count(L, prev, 1, 6, np, L_FOOT);
	f[F_PIXEL_LAST] = (last->cls & L_PIXEL) != 0;
	f[F_TOP_FIRST] = count(L, next, 0, 2, nn, L_TOP);
	f[F_TOP_NEXT] = count(L, next, 2, 8, nn, L_TOP);
	f[F_CRUMB_FIRST] = count(L, next, 0, 4, nn, L_CRUMB) != 0;
	f[F_CRUMB_NEXT] = count(L, next, 4, 8, nn, L_CRUMB) != 0;
	f[F_HOME_FIRST] = count(L, next, 0, 4, nn, L_HOME) != 0;
	bullets = count(L, next, 0, 8, nn, L_BULLET);
	f[F_BULLETS] = bullets >= 4 ? 2 : bullets >= 2;
	f[F_COPY_FIRST] = count(L, next, 0, 3, nn, L_COPY) != 0;
	f[F_SHORT_FIRST] = first->chars <= 24 && !(first->cls & L_SENTENCE);
	f[F_PIXEL_FIRST] = (first->cls & L_PIXEL) != 0;
	f[F_SENTENCE_FIRST] = (first->cls & L_SENTENCE) && first->chars > 40;
	bottom = f[F_COPY_NEAR] + f[F_COPY_FAR] + f[F_FOOT_LAST] + f[F_FOOT_NEAR] > 0;
	top = f[F_TOP_FIRST] + f[F_TOP_NEXT] + f[F_CRUMB_FIRST] + f[F_BULLETS] > 0;
	f[F_BOTH] = bottom && top;
	f[F_TOP_LAST] = (last->cls & (L_TOP | L_CRUMB)) != 0;
	f[F_EMPTY_LAST] = (L[i - 1].cls & L_EMPTY) != 0;
	f[F_EMPTY_FIRST] = (L[i].cls & L_EMPTY) != 0;
	f[F_IN_LIST] = (last->cls & L_BULLET) && (first->cls & L_BULLET);
	f[F_SENTENCE_LAST] = (last->cls & L_SENTENCE) && last->chars > 60;
	f[F_BLANK_FIRST] = (L[i].cls & L_BLANK) && !(L[i].cls & L_EMPTY);
	f[F_TINY_LAST] = last->chars <= 2;
	f[F_FOOT_FIRST] = count(L, next, 0, 2, nn, L_FOOT);
	for (k = 0; k < F_NFEATURES; k++)
		s += weights[k] * f[k];
	return s;
}

#ifdef PAGES_TUNE
/* Development only: weights and threshold from the environment. */
#include <stdio.h>
static void
tune_init(void)
{
	const char *e = getenv("PAGES_WEIGHTS");
	int k;

	if (!e)
		return;
	for (k = 0; k < F_NFEATURES && *e; k++) {
		char *end;

		weights[k] = strtod(e, &end);
		e = *end ? end + 1 : end;
	}
	if (*e)
		threshold = strtod(e, NULL);
}
#endif

void
pages_boundaries(const char *text, size_t len, const size_t *line_off,
    size_t nlines, unsigned char *is_start)
{
	struct pline *L = xcalloc(nlines ? nlines : 1, sizeof *L);
	size_t i, j;

	for (i = 0; i < nlines; i++) {
		L[i].off = line_off[i];
		L[i].len = (i + 1 < nlines ? line_off[i + 1] : len) - line_off[i];
		classify(&L[i], (const unsigned char *)text + L[i].off, L[i].len);
	}
	for (i = 0; i < nlines; i++)
		L[i].score = score_line(L, nlines, i);
	for (i = 0; i < nlines; i++) {
		int best = L[i].score >= threshold;

		for (j = i > PAGE_MIN ? i - PAGE_MIN : 0; best && j < i + PAGE_MIN &&
		    j < nlines; j++)
			if (j != i && (L[j].score > L[i].score ||
			    (j < i && L[j].score == L[i].score)))
				best = 0;
		is_start[i] = i == 0 || best;
	}
	free(L);
}

static void
win_push(struct window *w, const unsigned char *p, size_t n, int piece)
{
	struct pline *l;

	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->lines = xreallocarray(w->lines, w->cap, sizeof *w->lines);
	}
	l = &w->lines[w->n++];
	l->off = w->text.len;
	l->len = n;
	buf_add(&w->text, p, n);
	classify(l, p, n);
	if (piece)
		l->cls |= L_PIECE;
	l->score = 0;
}

/* Forget lines [0, k): they are written and out of every context. */
static void
win_drop(struct window *w, size_t k)
{
	size_t off, i;

	if (k == 0)
		return;
	off = k < w->n ? w->lines[k].off : w->text.len;
	memmove(w->text.data, w->text.data + off, w->text.len - off);
	w->text.len -= off;
	memmove(w->lines, w->lines + k, (w->n - k) * sizeof *w->lines);
	w->n -= k;
	for (i = 0; i < w->n; i++)
		w->lines[i].off -= off;
}

void
split_pages(struct src *s, struct emitter *e, const struct split_opts *o)
{
	struct window w;
	unsigned long long recno = 0;
	size_t scored = 0, decided = 0;
	int midline = 0, open = 0;

	(void)o;
#ifdef PAGES_TUNE
	tune_init();
#endif
	memset(&w, 0, sizeof w);
	for (;;) {
		int more = src_fill(s, 1) > 0, complete = 1;

		if (more) {
			size_t n = split_next_line(s, &complete);

			win_push(&w, src_ptr(s), n, midline);
			src_skip(s, n);
			midline = !complete;
		}
		/* Score what has its context after it; decide what has its rivals. */
		while (scored < w.n && (!more || scored + CONTEXT < w.n)) {
			w.lines[scored].score = score_line(w.lines, w.n, scored);
			scored++;
		}
		while (decided < scored && (!more || decided + PAGE_MIN < scored)) {
			struct pline *l = &w.lines[decided];
			int start = !open;
			size_t j;

			if (!start && l->score >= threshold) {
				start = 1;
				for (j = decided > PAGE_MIN ? decided - PAGE_MIN : 0;
				    start && j < decided + PAGE_MIN && j < w.n; j++)
					if (j != decided && (w.lines[j].score > l->score ||
					    (j < decided && w.lines[j].score == l->score)))
						start = 0;
			}
			if (start) {
				if (open)
					em_end(e);
				em_begin(e, s->path, ++recno, "text");
				open = 1;
			}
			em_add(e, w.text.data + l->off, l->len);
			decided++;
		}
		if (!more)
			break;
		if (decided > 2 * (CONTEXT + PAGE_MIN)) {
			size_t k = decided - (CONTEXT + PAGE_MIN);

			win_drop(&w, k);
			decided -= k;
			scored -= k;
		}
	}
	if (open)
		em_end(e);
	buf_free(&w.text);
	free(w.lines);
}
