/*
 * pages.c - the undelimited splitter: web pages saved as text and
 * concatenated with no separator (`cat *.txt > dump.txt`), split back where
 * one page ends and the next begins.
 *
 * Every line start is a candidate, scored by a logistic model (weights in
 * pagemodel.h, fitted by scripts/gen-pagemodel.py on the dev pages, with
 * the threshold chosen by site-grouped cross-validation) over what is
 * around it: the lines before it looking like the bottom of a page
 * (copyright and ICP lines, "返回顶部", privacy/terms/contact links, a
 * counter image after the footer), the lines from it like the top of one
 * (a short site name or logo, skip links, log-in and subscribe links,
 * navigation bullets, breadcrumbs), the two weighed by their distance so
 * the score peaks where a footer meets a header; the layout changing there
 * (indentation, padding, width, CJK against Latin, bullets, image
 * placeholders, table borders); and the words shared across the gap: each
 * word links a line to the last line it was in, weighted by its rarity in
 * the stream, and few links span the gap between two pages of different
 * sites (see link_line), while the page after it brings words not seen
 * for a long while.  No page starts on an empty line, and one after an
 * empty line needs a higher score (AFTER_EMPTY).  A page may also begin
 * inside a line, where cat ran a file with no final newline into the next
 * (see glue_at).  A
 * candidate is a boundary when its score passes the threshold and is the
 * highest within PAGE_MIN lines, so one page's furniture yields one
 * boundary.  The words are page furniture in general, in Chinese
 * (simplified and traditional), English, Japanese and Korean; no site is
 * named.
 *
 * Lines stream through a window of CONTEXT lines either side of the one
 * being decided; every line is handed on once, after it is decided, so
 * records are exact slices of the input and memory is bounded by the
 * window (and by 64 KiB per piece of an overlong line, and what gathers
 * before it is dropped: see KEEP) and the fixed table of words the links
 * are made with (LINK_SLOTS entries).
 *
 * The words are UTF-8.  A dump in a legacy charset (GB18030, Big5,
 * Shift_JIS, ...), told once by the shared detector from its first
 * DETECT_PREFIX bytes, has each line decoded to UTF-8 for the scorer
 * alone; the window keeps, and the records hold, the raw bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "encdetect.h"
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
	L_SKIP = 1 << 11,	/* skip links: only ever at the very top */
	L_END = 1 << 12,	/* share, comments, more, back: article ends */
	L_LONE = 1 << 13,	/* one short ASCII token: a tracker's image */
	L_GLUED = 1 << 14,	/* begins inside a line, at a cue: see glue_at */
};
#define NCLASSES 15

#define NATTRS 12		/* attributes of a line, see attrs() */
#define CONTEXT 48		/* lines looked at either side */
#define NEAR 6			/* non-blank lines that make a page's edge */
#define PAGE_MIN 30		/* lines: one boundary per stretch this long */
/*
 * What a page start after an empty line must score above the threshold.
 * An empty line is how w3m parts a page's own blocks, so most lines after
 * one are inside a page; the model was fitted on pages joined without one.
 * 2 costs nothing on pages so joined and finds half of the starts `cat`
 * leaves after a file's final empty line (P .65 R .49 on the dev pages as
 * cat joins them, against P .58 R .38 with no start allowed there).
 */
#define AFTER_EMPTY 2.0
/*
 * And it is not scored at all when the words of the lines about it link
 * across it this much: no place after an empty line that passed on the
 * dev pages had more than 26, half of them have more than 60.
 */
#define AFTER_EMPTY_LINKS 60

static const struct keyword {
	const char *s;
	unsigned cls;
} keywords[] = {
	/* Bottom of a page: copyright and licences. */
	{ "copyright", L_COPY }, { "(c) 20", L_COPY },
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
	{ "备案号", L_FOOT }, { "备案编号", L_FOOT }, { "協辦", L_FOOT },
	{ "协办", L_FOOT }, { "网站维护", L_FOOT }, { "建议使用", L_FOOT },
	{ "分辨率", L_FOOT }, { "最佳浏览", L_FOOT }, { "designed by", L_FOOT },
	{ "produced by", L_FOOT }, { "follow us", L_FOOT }, { "邮编", L_FOOT },
	{ "传真", L_FOOT }, { "傳真", L_FOOT }, { "友情链接", L_FOOT },
	{ "友情鏈接", L_FOOT }, { "法律声明", L_FOOT }, { "法律聲明", L_FOOT },
	{ "网站声明", L_FOOT }, { "網站聲明", L_FOOT }, { "联系方式", L_FOOT },
	{ "聯絡方式", L_FOOT }, { "terms of service", L_FOOT },
	{ "terms & conditions", L_FOOT }, { "newsletter", L_FOOT },
	{ "careers", L_FOOT },
	/* The end of an article, often the end of its page. */
	{ "share", L_END }, { "tweet", L_END }, { "comment", L_END },
	{ "bloggers like this", L_END }, { "read more", L_END },
	{ "评论", L_END }, { "評論", L_END }, { "返回", L_END }, { "更多", L_END },
	{ "上一篇", L_END }, { "下一篇", L_END }, { "上章", L_END },
	{ "下章", L_END }, { "相关", L_END }, { "相關", L_END }, { "分享", L_END },
	{ "打印", L_END }, { "责任编辑", L_END }, { "責任編輯", L_END },
	/* Top of a page. */
	{ "skip to", L_SKIP }, { "skip navigation", L_SKIP },
	{ "跳到主要内容", L_SKIP }, { "跳转到主要内容", L_SKIP },
	{ "访问主要内容", L_SKIP }, { "跳至主要內容", L_SKIP },
	{ "toggle navigation", L_SKIP }, { "open navigation", L_SKIP },
	{ "logo", L_TOP },
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
	{ "导航", L_TOP },
	{ "微信好友", L_TOP }, { "朋友圈", L_TOP }, { "ログイン", L_TOP },
	{ "网站导航", L_TOP }, { "无障碍", L_TOP }, { "無障礙", L_TOP },
	{ "关怀版", L_TOP }, { "长者模式", L_TOP }, { "欢迎访问", L_TOP },
	{ "欢迎光临", L_TOP }, { "歡迎光臨", L_TOP }, { "今天是", L_TOP },
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
 * The keywords by their first three bytes as they may be found (ASCII in
 * either case), hashed to a bit of kw_any: scanning a line costs one
 * probe of a bitmap in L1 per character, with no case folding.  A probe
 * that hits, seldom, finds the keywords by their first two bytes (ASCII
 * folded to lower case) and compares four bytes at once before it
 * compares the rest.  © (c2 a9), the one keyword of two bytes, has the
 * bits of all that may follow it, and a test of its own.
 */
#define KW_BITS 16
static uint64_t kw_any[(1u << KW_BITS) / 64];
static uint16_t kw_head[65536];		/* index + 1 of the first keyword */
static uint16_t kw_next[NKEYWORDS];	/* index + 1 of the next one */
static uint32_t kw_pre[NKEYWORDS], kw_mask[NKEYWORDS];
static size_t kw_len[NKEYWORDS];
static unsigned char lower[256];	/* ASCII folded, other bytes as they are */
static unsigned char word[256];		/* ASCII letters and digits */
static unsigned char utf8_tail[256];	/* continuation bytes after a lead byte */
static int kw_ready;

static uint32_t
four(const unsigned char *p, size_t n)
{
	uint32_t x = 0;
	size_t i;

	for (i = 0; i < 4 && i < n; i++)
		x |= (uint32_t)lower[p[i]] << (8 * i);
	return x;
}

/* The bit of kw_any of three bytes, the first lowest in x. */
static inline unsigned
kw_bit(uint32_t x)
{
	return (x * 0x9e3779b1u) >> (32 - KW_BITS);
}

static void
kw_set(uint32_t x)
{
	unsigned b = kw_bit(x);

	kw_any[b >> 6] |= (uint64_t)1 << (b & 63);
}

static void
kw_init(void)
{
	size_t i;
	unsigned m, j;

	for (i = 0; i < 256; i++) {
		lower[i] = (unsigned char)(i >= 'A' && i <= 'Z' ? i + 32 : i);
		word[i] = (i >= '0' && i <= '9') || (i >= 'a' && i <= 'z') ||
		    (i >= 'A' && i <= 'Z');
		utf8_tail[i] = i >= 0xf0 ? 3 : i >= 0xe0 ? 2 : i >= 0xc0 ? 1 : 0;
	}
	for (i = NKEYWORDS; i-- > 0;) {
		const unsigned char *k = (const unsigned char *)keywords[i].s;
		unsigned h = (unsigned)lower[k[0]] << 8 | lower[k[1]];

		kw_len[i] = strlen(keywords[i].s);
		kw_pre[i] = four(k, kw_len[i]);
		kw_mask[i] = kw_len[i] >= 4 ? 0xffffffffu :
		    ((uint32_t)1 << (8 * kw_len[i])) - 1;
		kw_next[i] = kw_head[h];
		kw_head[h] = (uint16_t)(i + 1);
		/* All have 3 bytes, letters in lower case: the bits of both cases. */
		for (m = 0; m < 8; m++) {
			uint32_t x = 0;

			for (j = 0; j < 3; j++)
				x |= (uint32_t)(m >> j & 1 && k[j] >= 'a' && k[j] <= 'z' ?
				    k[j] - 32 : k[j]) << (8 * j);
			kw_set(x);
		}
	}
	for (m = 0; m < 256; m++)
		kw_set(0xc2 | 0xa9 << 8 | m << 16);
	kw_ready = 1;
}

/* The end of the run of spaces at p[i], at most n: eight at a time. */
static inline size_t
spaces(const unsigned char *p, size_t i, size_t n)
{
	while (i + 8 <= n) {
		uint64_t x;

		memcpy(&x, p + i, 8);
		if (x != 0x2020202020202020ull)
			break;
		i += 8;
	}
	while (i < n && p[i] == ' ')
		i++;
	return i;
}

#define KW_HEAD 128		/* bytes of a line scanned for keywords ... */
#define KW_TAIL 64		/* ... and at its end */

/* The keyword classes found in p[0..n). */
static unsigned
kw_scan(const unsigned char *p, size_t n)
{
	unsigned cls = 0;
	size_t i;

	for (i = 0; i + 2 < n; i++) {
		unsigned b;
		uint16_t k;
		uint32_t x;

		if (p[i] == ' ') {
			/* No keyword starts with a space; w3m pads with runs of them. */
			i = spaces(p, i, n) - 1;
			continue;
		}
		b = kw_bit((uint32_t)p[i] | (uint32_t)p[i + 1] << 8 |
		    (uint32_t)p[i + 2] << 16);
		if (!(kw_any[b >> 6] >> (b & 63) & 1)) {
			/*
			 * Keywords start where characters do: skip the rest of this
			 * one.  A test first, so that after ASCII the next probe need
			 * not wait for a table.
			 */
			if (p[i] >= 0xc0)
				i += utf8_tail[p[i]];
			continue;
		}
		if (p[i] == 0xc2 && p[i + 1] == 0xa9) {
			cls |= L_COPY;
			i++;
			continue;
		}
		k = kw_head[(unsigned)lower[p[i]] << 8 | lower[p[i + 1]]];
		x = n - i >= 4 ? (uint32_t)lower[p[i]] | (uint32_t)lower[p[i + 1]] << 8 |
		    (uint32_t)lower[p[i + 2]] << 16 | (uint32_t)lower[p[i + 3]] << 24 :
		    four(p + i, n - i);
		for (; k; k = kw_next[k - 1]) {
			size_t j = k - 1, m;

			if ((cls & keywords[j].cls) || (x & kw_mask[j]) != kw_pre[j] ||
			    kw_len[j] > n - i)
				continue;
			for (m = 4; m < kw_len[j] &&
			    lower[p[i + m]] == (unsigned char)keywords[j].s[m]; m++)
				;
			if (m >= kw_len[j])
				cls |= keywords[j].cls;
		}
	}
	/* © in the last two bytes, too short for a probe. */
	if (i + 2 == n && p[i] == 0xc2 && p[i + 1] == 0xa9)
		cls |= L_COPY;
	return cls;
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

/*
 * How a line is laid out.  Pages from different sites are rendered
 * differently (indented or not, padded to a width, mostly CJK or mostly
 * Latin, bulleted lists, image placeholders), so where the mix changes
 * is where one page meets the next.
 */
enum {
	S_INDENT,		/* starts with white space */
	S_PADDED,		/* ends with white space */
	S_EMPTY,		/* no bytes */
	S_CJK,			/* more CJK characters than Latin letters */
	S_BULLET,		/* a list item */
	S_IMAGE,		/* starts with "[" */
	S_WIDE,			/* 70 bytes or more */
	S_NBITS
};


/*
 * Links: a word in line j that was last seen in line p, at most LINK_FAR
 * lines before, links the two and spans the gaps between them, weighted
 * by how rare the word is in the stream so far (its inverse line
 * frequency).  Lines of one page share words (the site's name, the
 * navigation, the story's names), two pages of different sites share few
 * but the commonest, so the links spanning a gap fall where one page ends
 * and the next begins.  Four sums: links up to LINK_NEAR lines long, up to
 * LINK_FAR, those up to LINK_FAR of words in fewer than 1 line in 256, and
 * those up to LINK_TINY (which tell just where, among the lines about a
 * boundary).
 */
enum { X_NEAR, X_FAR, X_RARE, X_TINY, NLINKS };

#define LINK_NEAR 16
#define LINK_TINY 4
#define LINK_FAR 48
#define LINK_BITS 16
#define LINK_SLOTS (1u << LINK_BITS)
#define DF_HALF 8192		/* lines between halvings of the word counts */
#define NOVEL 2000		/* lines: a word unseen for this long is new */

struct links {
	struct {
		uint32_t last;		/* stream line + 1 of the word's last line */
		uint32_t df;		/* lines it was in, halved now and then */
	} word[LINK_SLOTS];		/* one cache line holds both */
	uint32_t lines;			/* lines counted, halved alike */
	uint32_t lineno;		/* stream line + 1 of the newest line */
};

struct pline {
	size_t off, len;	/* in the window text, newline included */
	unsigned cls;
	unsigned chars;		/* characters, white space excluded */
	double score;
	unsigned style;		/* S_* bits */
	unsigned width;		/* bytes, at most 200 */
	unsigned char indent;	/* leading white space, at most 15 */
	unsigned char box;	/* starts with box drawing (a table's border) */
	unsigned char latin;	/* more Latin letters than CJK characters */
	unsigned digits;	/* ASCII digits */
	unsigned attr;		/* NATTRS bits, see attr_mask() */
	/* Running sums of the S_* bits and width over the lines up to this. */
	uint32_t cum[S_NBITS + 1];
	/*
	 * Links (see link_line) by the gaps they span: lin[] starts at the gap
	 * before this line, lout[] ends at the gap after it; cross[] is the sum
	 * over the gap before this line, set when it is scored.
	 */
	float lin[NLINKS], lout[NLINKS], cross[NLINKS];
	/* Running sums of its words and of those new (not in NOVEL lines). */
	uint32_t cwords, cnovel;
};

#define MAX_TOKENS 128

/* Not ASCII, not punctuation, symbols, box drawing or full-width forms. */
static inline int
letter(uint32_t c)
{
	return c >= 0xc0 && !(c >= 0x2000 && c < 0x2e80) &&
	    !(c >= 0x3000 && c < 0x3040) && !(c >= 0xfe30 && c < 0xff10);
}

/* Counted as CJK: the CJK blocks and Hangul syllables. */
static inline int
cjk_char(uint32_t c)
{
	return (c >= 0x3000 && c < 0xa000) || (c >= 0xac00 && c < 0xd7b0);
}

/*
 * letter() and cjk_char() of the code points below 0x10000 by blocks of
 * 16 (every bound above is a multiple of 16), the blocks of the two cues
 * of glue_cue() and ASCII's (three bytes can spell it, overlong): one
 * lookup per character, not eight comparisons.
 */
enum { U_CJK = 1, U_LETTER = 2, U_CUE = 4, U_ASCII = 8 };
static unsigned char ublock[0x10000 >> 4];

static void
ublock_init(void)
{
	uint32_t b;

	for (b = 0; b < sizeof ublock; b++)
		ublock[b] = (letter(b << 4) ? U_LETTER : 0) |
		    (cjk_char(b << 4) ? U_CJK : 0) |
		    (b == 0x2022 >> 4 || b == 0x7f6e >> 4 ? U_CUE : 0) |
		    (b < 0x80 >> 4 ? U_ASCII : 0);
}

/* Whether p[i..n) starts with three bytes of UTF-8, and *c their code point. */
static inline int
three(const unsigned char *p, size_t i, size_t n, uint32_t *c)
{
	if (i + 2 >= n || (p[i] & 0xf0) != 0xe0 || (p[i + 1] & 0xc0) != 0x80 ||
	    (p[i + 2] & 0xc0) != 0x80)
		return 0;
	*c = (uint32_t)(p[i] & 0x0f) << 12 | (uint32_t)(p[i + 1] & 0x3f) << 6 |
	    (p[i + 2] & 0x3f);
	return 1;
}

static uint32_t tokens[MAX_TOKENS];
static unsigned ntokens;

/*
 * Where a page may begin inside a line: cat runs a file that does not end
 * in a newline into the next, so the last line of one page and the first
 * of the next are one line ("...加载更多当前位置:首页 > ...").  Such a page
 * begins with a breadcrumb, a skip link, a list of links (with its
 * indent) or the site's logo that the text before it runs straight into,
 * which w3m seldom writes: its breadcrumbs, bullets and images mostly
 * begin lines or follow white space.
 * signature() sets glue_at to the offset of the first such cue after
 * GLUE_HEAD bytes of text, or 0; win_push() then hands the line on as
 * two, and the second starts a page as any line does, when it scores so.
 */
#define GLUE_HEAD 12
/*
 * What such a place scores above its features: text run straight into a
 * page's first line is itself a sign of a join.  1 finds 4 of the 5 pages
 * of the demo's seed dump (3 with none) and costs nothing on the pages
 * joined by newlines, here or on other sites; 2 finds 17 of the 40
 * mid-line starts of the dev pages as cat joins them in 8 orders (15) but
 * cuts a page whose own line runs into its breadcrumb.
 */
#define GLUE_BONUS 1.0
static size_t glue_at;

/* Whether a page may begin at p[k], a cue in line p: see glue_at. */
static inline int
glue_ok(const unsigned char *p, size_t k, size_t from)
{
	return k >= from && p[k - 1] != ' ' && p[k - 1] != '\t';
}

/* A breadcrumb's 位置 at p[at]: what comes before it, 当前/您的/... */
static void
glue_crumb(const unsigned char *p, size_t at, size_t from)
{
	static const char head[][7] = { "当前", "當前", "您的", "你的", "现在", "所在" };
	size_t j;

	if (at < 6 || !glue_ok(p, at - 6, from))
		return;
	for (j = 0; j < sizeof head / sizeof head[0]; j++)
		if (!memcmp(p + at - 6, head[j], 6)) {
			glue_at = at - 6;
			return;
		}
}

/* A site's logo as w3m writes its image, "[logo]", "[head_logo_]", at p[at]. */
static void
glue_logo(const unsigned char *p, size_t n, size_t at, size_t from)
{
	size_t j;

	for (j = at + 1; j < n && j < at + 24 && p[j] != ']'; j++)
		if (lower[p[j]] == 'l' && j + 4 <= n && lower[p[j + 1]] == 'o' &&
		    lower[p[j + 2]] == 'g' && lower[p[j + 3]] == 'o') {
			if (glue_ok(p, at, from))
				glue_at = at;
			return;
		}
}

/* A cue for glue_at: c, • or 置, at p[at], after prev. */
static void
glue_cue(const unsigned char *p, size_t n, size_t at, uint32_t c, uint32_t prev,
    size_t from)
{
	if (c == 0x2022 && at + 3 < n && p[at + 3] == ' ') {
		size_t k = at;	/* • and the indent before it */

		while (k > from && p[k - 1] == ' ')
			k--;
		if (glue_ok(p, k, from))
			glue_at = k;
	} else if (c == 0x7f6e && prev == 0x4f4d)
		glue_crumb(p, at - 3, from);	/* 位置 */
}

#define FNV_BASIS 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

/* The word hashed into wh, from wstart, ends at at: a token if it counts. */
static inline void
word_end(uint64_t wh, size_t wstart, size_t at, unsigned alpha, unsigned *nt)
{
	if (wh && at - wstart >= 3 && alpha && *nt < MAX_TOKENS)
		tokens[(*nt)++] = (uint32_t)(wh >> 32) | 1;
}

/*
 * Reads line p[0..n) once: counts its characters (white space excluded),
 * CJK characters, Latin letters and digits, and puts its words for the
 * links (see link_line) in tokens[]: each run of ASCII letters and digits
 * of 3 bytes or more that is not all digits, and each pair of adjacent
 * letters of other scripts (CJK has no spaces to cut words at); and on
 * the way, glue_at.  prev is the character before if it is a letter (the
 * first of a pair), else 0.
 */
static unsigned
signature(struct pline *l, const unsigned char *p, size_t n, unsigned *cjk,
    unsigned *latin, size_t glue_from)
{
	uint32_t prev = 0, c;
	size_t i = 0, wstart = 0;
	unsigned chars = 0, alpha = 0, nt = 0, ncjk = 0, nlatin = 0, digits = 0, u;
	uint64_t wh = 0;

	glue_at = 0;
	while (i < n) {
		size_t at = i;

		if (p[i] == ' ') {
			/* A run of spaces ends a word and a bigram, nothing else. */
			word_end(wh, wstart, at, alpha, &nt);
			wh = 0;
			prev = 0;
			i = spaces(p, i, n);
			continue;
		}
		if (word[p[i]]) {
			/* ASCII letters and digits, a word's, hashed at one go. */
			unsigned run = 0, alphas = 0;

			do {
				c = lower[p[i]];
				if (!wh) {
					if (c == 's' && p[i] == 'S' && !glue_at && n - i >= 8 &&
					    !memcmp(p + i, "Skip to ", 8) && glue_ok(p, i, glue_from))
						glue_at = i;
					wh = FNV_BASIS;
					wstart = i;
					alpha = 0;
				}
				wh = (wh ^ c) * FNV_PRIME;
				alpha |= c > '9';
				alphas += c > '9';
				run++;
			} while (++i < n && word[p[i]]);
			nlatin += alphas;
			digits += run - alphas;
			chars += run;
			prev = 0;
			continue;
		}
		if (p[i] < 0x80) {
			/* ASCII punctuation or control: ends a word and a bigram. */
			c = p[i++];
			word_end(wh, wstart, at, alpha, &nt);
			wh = 0;
			if (c != '\t' && c != '\r')
				chars++;
			if (c == '[' && !glue_at)
				glue_logo(p, n, at, glue_from);
			prev = 0;
			continue;
		}
		if (three(p, i, n, &c)) {
			/* Three bytes: all of CJK, the common case. */
			i += 3;
			u = ublock[c >> 4];
			if (__builtin_expect(u & U_CUE, 0) && (c == 0x2022 || c == 0x7f6e) &&
			    !glue_at)
				glue_cue(p, n, at, c, prev, glue_from);
		} else {
			/* The code point, or near enough for a stray byte. */
			c = p[i] >= 0xf0 ? p[i] & 0x07 : p[i] >= 0xe0 ? p[i] & 0x0f :
			    p[i] & 0x1f;
			for (i++; i < n && (p[i] & 0xc0) == 0x80; i++)
				c = c << 6 | (p[i] & 0x3f);
			if (c == 0xa0)	/* NBSP: white space, w3m pads with it */
				c = ' ';
			u = c < 0x10000 ? ublock[c >> 4] : letter(c) ? U_LETTER : 0;
		}
		if (c < 0x80) {
			/*
			 * NBSP, or a stray overlong form of an ASCII character: taken
			 * as that character (not folded to lower case).
			 */
			if (word[c]) {
				if (!wh) {
					wh = FNV_BASIS;
					wstart = at;
					alpha = 0;
				}
				wh = (wh ^ c) * FNV_PRIME;
				alpha |= c > '9';
				if (c > '9')
					nlatin++;
				else
					digits++;
				chars++;
			} else {
				word_end(wh, wstart, at, alpha, &nt);
				wh = 0;
				if (c != ' ' && c != '\t' && c != '\r')
					chars++;
				if (c == '[' && !glue_at)
					glue_logo(p, n, at, glue_from);
			}
			prev = 0;
			continue;
		}
		word_end(wh, wstart, at, alpha, &nt);
		wh = 0;
		/*
		 * This character, and those after it while they are three bytes
		 * long, not cues and not overlong ASCII: between them there is no
		 * word to end and no cue to see to.
		 */
		for (;;) {
			ncjk += u & U_CJK;
			chars++;
			if (!(u & U_LETTER))
				prev = 0;
			else {
				if (prev && nt < MAX_TOKENS)
					tokens[nt++] = (uint32_t)(((uint64_t)prev << 21 | c) *
					    0x9e3779b97f4a7c15ull) | 1;
				prev = c;
			}
			if (!three(p, i, n, &c) || ((u = ublock[c >> 4]) & (U_CUE | U_ASCII)))
				break;
			i += 3;
		}
	}
	word_end(wh, wstart, n, alpha, &nt);
	ntokens = nt;
	l->digits = digits;
	*cjk += ncjk;
	*latin += nlatin;
	return chars;
}

/* A line's NATTRS attributes, each 0 or 1, as bits. */
static unsigned
attr_mask(const struct pline *l)
{
	return (unsigned)(l->digits * 2 > l->chars) |
	    (unsigned)((l->cls & (L_BLANK | L_EMPTY)) == L_BLANK) << 1 |
	    (unsigned)((l->cls & L_BULLET) != 0) << 2 |
	    (unsigned)((l->style >> S_IMAGE & 1) != 0) << 3 |
	    (unsigned)(l->box != 0) << 4 |
	    (unsigned)((l->style >> S_CJK & 1) != 0) << 5 |
	    (unsigned)(l->latin != 0) << 6 |
	    (unsigned)(l->chars > 0 && l->chars < 6) << 7 |
	    (unsigned)(l->chars >= 6 && l->chars < 20) << 8 |
	    (unsigned)(l->chars >= 60) << 9 |
	    (unsigned)(l->indent > 0 && !(l->cls & L_BLANK)) << 10 |
	    (unsigned)((l->cls & L_SENTENCE) != 0) << 11;
}

static void
classify(struct pline *l, const unsigned char *p, size_t n)
{
	size_t end = n, first;
	unsigned cls = 0, chars = 0, cjk = 0, latin = 0, st = 0;

	if (!kw_ready) {
		kw_init();
		ublock_init();
	}
	if (end && p[end - 1] == '\n')
		end--;
	if (end == 0 || (end == 1 && p[0] == '\r'))
		cls |= L_EMPTY;
	first = spaces(p, 0, end);
	while (first < end && (p[first] == ' ' || p[first] == '\t'))
		first++;
	/*
	 * Page furniture says what it is early in its line (or at its very
	 * end): the head and tail of a long line are scanned, not the prose
	 * between them, which costs a fifth of the time and only adds noise.
	 */
	if (end - first <= KW_HEAD + KW_TAIL)
		cls |= kw_scan(p + first, end - first);
	else
		cls |= kw_scan(p + first, KW_HEAD) | kw_scan(p + end - KW_TAIL, KW_TAIL);
	chars = signature(l, p, end, &cjk, &latin, first + GLUE_HEAD);
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
	if (first < end && chars >= 2 && chars <= 16 && !(cls & (L_TOP | L_SKIP))) {
		size_t j;

		/* "[m]", "[apstat]", "Quantcast": counters after the footer. */
		for (j = first; j < end && p[j] > ' ' && p[j] < 0x7f; j++)
			;
		while (j < end && (p[j] == ' ' || p[j] == '\r' || p[j] == '\t'))
			j++;
		if (j == end)
			cls |= L_LONE;
	}
	if (end > 0 && (p[0] == ' ' || p[0] == '\t'))
		st |= 1u << S_INDENT;
	if (end > 0 && (p[end - 1] == ' ' || (p[end - 1] == '\r' && end > 1 &&
	    p[end - 2] == ' ')))
		st |= 1u << S_PADDED;
	if (cls & L_EMPTY)
		st |= 1u << S_EMPTY;
	if (cjk > latin)
		st |= 1u << S_CJK;
	if (cls & L_BULLET)
		st |= 1u << S_BULLET;
	if (first < end && p[first] == '[')
		st |= 1u << S_IMAGE;
	if (end >= 70)
		st |= 1u << S_WIDE;
	l->style = st;
	l->width = end < 200 ? (unsigned)end : 200;
	l->indent = first < 15 ? (unsigned char)first : 15;
	l->box = end - first >= 3 && p[first] == 0xe2 &&
	    (p[first + 1] == 0x94 || p[first + 1] == 0x95);
	l->latin = latin > cjk;
	l->cls = cls;
	l->chars = chars;
	l->attr = attr_mask(l);
}

/*
 * The window: lines [base, base + n) of the operand; line base + i is
 * lines[i].
 */
struct window {
	struct buf text;
	struct pline *lines;
	size_t n, cap;
	size_t base_off;	/* text offset dropped so far (for compaction) */
	struct links *links;
};

/* log2(x) for x >= 1, to within 0.09: the exponent and mantissa of a float. */
static inline float
fast_log2(float x)
{
	union { float f; uint32_t u; } v = { x };

	return (float)(int)((v.u >> 23) - 127) + (float)(v.u & 0x7fffff) / 8388608.0f;
}

/* log(1 + x) for x >= 0, to within 0.07. */
static inline double
ln1p(double x)
{
	return 0.6931472 * fast_log2((float)(1 + x));
}

/* Link line l, window line idx, to the lines before it by its words. */
static void
link_line(struct window *w, struct pline *l, size_t idx)
{
	struct links *k = w->links;
	uint32_t cur = ++k->lineno;
	float lg = fast_log2((float)k->lines + 1);
	unsigned t;

	l->cwords = idx > 0 ? l[-1].cwords : 0;
	l->cnovel = idx > 0 ? l[-1].cnovel : 0;
	/* The table is bigger than the caches: ask for every slot at once. */
	for (t = 0; t < ntokens; t++)
		__builtin_prefetch(&k->word[tokens[t] >> (32 - LINK_BITS)]);
	for (t = 0; t < ntokens; t++) {
		uint32_t slot = tokens[t] >> (32 - LINK_BITS), d;
		float wgt;

		if (k->word[slot].last == cur)
			continue;	/* again in this line */
		d = cur - k->word[slot].last;
		l->cwords++;
		l->cnovel += !k->word[slot].last || d > NOVEL;
		if (k->word[slot].last && d <= LINK_FAR && d <= idx) {
			struct pline *from = l - d + 1;	/* the gap after line p */

			wgt = lg - fast_log2((float)k->word[slot].df + 1);
			if (wgt < 0)
				wgt = 0;

			from->lin[X_FAR] += wgt;
			l->lout[X_FAR] += wgt;
			if (d <= LINK_NEAR) {
				from->lin[X_NEAR] += wgt;
				l->lout[X_NEAR] += wgt;
			}
			if (d <= LINK_TINY) {
				from->lin[X_TINY] += wgt;
				l->lout[X_TINY] += wgt;
			}
			if ((uint32_t)k->word[slot].df * 256 < k->lines) {
				from->lin[X_RARE] += 1;
				l->lout[X_RARE] += 1;
			}
		}
		k->word[slot].last = cur;
		k->word[slot].df++;
	}
	if (++k->lines >= 2 * DF_HALF) {
		size_t i;

		for (i = 0; i < LINK_SLOTS; i++)
			k->word[i].df /= 2;
		k->lines /= 2;
	}
}

/*
 * The non-blank lines on one side of a candidate, nearest first, within
 * CONTEXT: at[] their window indexes, and of[c] those of class 1 << c,
 * bit j for at[j], so that counting the lines of a class among some of
 * them is a mask and a popcount.
 */
struct side {
	size_t at[NEAR + 2], n;
	unsigned of[NCLASSES];
};

/* Up to k non-blank lines from line i going in step (+1/-1). */
static size_t
side_get(struct side *s, const struct pline *L, size_t n, size_t i, int step,
    size_t k)
{
	size_t lim = step > 0 ? n - i : i + 1, seen;

	if (lim > CONTEXT)
		lim = CONTEXT;
	memset(s->of, 0, sizeof s->of);
	s->n = 0;
	for (seen = 0; seen < lim && s->n < k; seen++, i += step) {
		unsigned c = L[i].cls;

		if (c & L_BLANK)
			continue;
		s->at[s->n] = i;
		for (; c; c &= c - 1)
			s->of[__builtin_ctz(c)] |= 1u << s->n;
		s->n++;
	}
	return s->n;
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
	F_IN_LIST,		/* list items on both sides */
	F_SENTENCE_LAST,	/* the line before ends a long sentence */
	F_BLANK_FIRST,		/* line i is white space */
	F_TINY_LAST,		/* the line before has 1 or 2 characters */
	F_FOOT_FIRST,		/* footer lines among the first 2 */
	F_SKIP_FIRST,		/* a skip link among the first 2 */
	F_END_LAST,		/* article-end cues among the last 2 before */
	F_PIXEL_THEN_TOP,	/* a lone image first, page-top furniture next */
	F_TOP_BETWEEN,		/* top furniture among the last 3 before */
	F_LONE_FIRST,		/* the first line is a lone token after a footer */
	F_LONE_LAST,		/* the line before is one, after a footer */
	F_JUNCTION,		/* bottom furniture just before, top just after */
	F_STYLE,		/* the layout of the lines before and after differs */
	F_X_NEAR,		/* log(1 + links up to LINK_NEAR spanning the gap) */
	F_X_FAR,		/* ... up to LINK_FAR */
	F_X_RARE,		/* ... of rare words */
	F_X_TINY,		/* ... up to LINK_TINY */
	F_NEW_AFTER,		/* share of new words in the NEW_LINES from i */
	F_NEW_BEFORE,		/* ... in the NEW_LINES before i */
	F_FIRST_BACK,		/* log(1 + near links from line i back) */
	F_FIRST_FWD,		/* ... from line i on */
	F_LAST_BACK,		/* ... from line i - 1 back */
	F_LAST_FWD,		/* ... from line i - 1 on */
	F_BIAS,			/* 1 */
	F_SCRIPT,		/* CJK on one side of the gap, Latin on the other */
	F_SCRIPT_NB,		/* ... of the non-blank lines either side */
	F_INDENT,		/* the indent changes across the gap */
	F_LIST_START,		/* a list item right after text that is not one */
	F_ATTR,			/* NATTRS attributes of lines i - 1, i, the non-blank
				 * lines either side, i - 2 and i + 1: attrs() */
	F_ATTR_END = F_ATTR + 6 * NATTRS - 1,
	F_NFEATURES
};

#include "pagemodel.h"

static double threshold = THRESHOLD;

#define NEW_LINES 10
#define BOTTOM (L_COPY | L_FOOT)
#define TOPISH (L_TOP | L_SKIP | L_CRUMB | L_HOME)

#ifdef PAGES_TUNE
static int dump_features;
#else
#define dump_features 0
#endif

/* The lines of s of a class in cls, as bits. */
static inline unsigned
side_of(const struct side *s, unsigned cls)
{
	unsigned m = 0;

	for (; cls; cls &= cls - 1)
		m |= s->of[__builtin_ctz(cls)];
	return m;
}

/*
 * How many of lines [from, to) of s are of a class in cls: a popcount of
 * eight bits by hand, as the target may have no instruction for it.
 */
static inline int
count(const struct side *s, unsigned from, unsigned to, unsigned cls)
{
	unsigned m = side_of(s, cls) & ((1u << to) - (1u << from));

	m -= m >> 1 & 0x55;
	m = (m & 0x33) + (m >> 2 & 0x33);
	return (int)((m + (m >> 4)) & 0x0f);
}

#define STYLE_LINES 15

/*
 * How differently the STYLE_LINES lines before i and those from i on are
 * laid out: the sum over the S_* bits (and width) of the difference of
 * their shares.
 */
static double
style_shift(const struct pline *L, size_t n, size_t i)
{
	size_t a = i > STYLE_LINES ? i - STYLE_LINES : 0;
	size_t b = i + STYLE_LINES < n ? i + STYLE_LINES : n;
	double na = (double)(i - a), nb = (double)(b - i), d, sum = 0, ia, ib;
	int k;

	if (na == 0 || nb == 0)
		return 0;
	ia = 1 / na;
	ib = 1 / nb;
	for (k = 0; k <= S_NBITS; k++) {
		/* Sums over [a, i) and [i, b) from the running sums. */
		uint32_t before = L[i - 1].cum[k] - (a > 0 ? L[a - 1].cum[k] : 0);
		uint32_t after = L[b - 1].cum[k] - L[i - 1].cum[k];

		d = (double)before * ia - (double)after * ib;
		if (d < 0)
			d = -d;
		if (k == S_NBITS)
			d /= 200;
		sum += d;
	}
	return sum;
}

/*
 * The attributes' share of the score, by where the line stands (ATTR_AT
 * places) and its attribute bits, in two tables of six bits each: a
 * line's attributes are weighed with two lookups, not NATTRS products.
 */
#define ATTR_AT 6
static double attr_weight[ATTR_AT][2][64];
static int attr_ready;

/* After the weights are final (tune_init may replace them). */
static void
attr_weights_init(void)
{
	int at, half, m, k;

	attr_ready = 1;
	for (at = 0; at < ATTR_AT; at++)
		for (half = 0; half < 2; half++)
			for (m = 0; m < 64; m++)
				for (k = 0; k < 6; k++)
					if (m >> k & 1)
						attr_weight[at][half][m] +=
						    weights[F_ATTR + at * NATTRS + half * 6 + k];
}

static inline double
attr_score(int at, const struct pline *l)
{
	return attr_weight[at][0][l->attr & 63] + attr_weight[at][1][l->attr >> 6];
}

/* How much line i looks like the first line of a page. */
static double
score_line(const struct pline *L, size_t n, size_t i)
{
	struct side P, N;	/* the lines before i and those from i on */
	size_t np, nn, k;
	double f[F_NFEATURES], s = 0, junction;
	const struct pline *first, *last;
	unsigned bp, tp, tn, bn;
	int bullets, bottom, top;

	/*
	 * A page's text does not begin with an empty line, so no page starts
	 * on one: that rules out half the lines at no cost.  After an empty
	 * line a page may start (files that end in one, run together by
	 * cat), but see AFTER_EMPTY.  The model is fitted without those
	 * places: its pages are joined with no empty line, so every one
	 * would be a negative and teach it the join rather than the page.
	 */
	np = i == 0 || (L[i].cls & (L_PIECE | L_EMPTY)) ||
	    ((L[i - 1].cls & L_EMPTY) && (dump_features ||
	    L[i].cross[X_NEAR] > AFTER_EMPTY_LINKS)) ?
	    0 : side_get(&P, L, n, i - 1, -1, NEAR);
	nn = np == 0 ? 0 : side_get(&N, L, n, i, 1, NEAR + 2);
	if (np == 0 || nn == 0) {
#ifdef PAGES_TUNE
		if (dump_features)
			fprintf(stderr, "X\n");
#endif
		return -100;
	}
	first = &L[N.at[0]];
	last = &L[P.at[0]];
	if (!attr_ready)
		attr_weights_init();
	/* Every feature before F_ATTR is set below; the rest only to be dumped. */
	if (dump_features)
		memset(f, 0, sizeof f);
	f[F_COPY_NEAR] = count(&P, 0, 3, L_COPY);
	f[F_COPY_FAR] = count(&P, 3, 6, L_COPY);
	f[F_FOOT_LAST] = (last->cls & L_FOOT) != 0;
	f[F_FOOT_NEAR] = count(&P, 1, 6, L_FOOT);
	f[F_PIXEL_LAST] = (last->cls & L_PIXEL) != 0;
	f[F_TOP_FIRST] = count(&N, 0, 2, L_TOP);
	f[F_TOP_NEXT] = count(&N, 2, 8, L_TOP);
	f[F_CRUMB_FIRST] = count(&N, 0, 4, L_CRUMB) != 0;
	f[F_CRUMB_NEXT] = count(&N, 4, 8, L_CRUMB) != 0;
	f[F_HOME_FIRST] = count(&N, 0, 4, L_HOME) != 0;
	bullets = count(&N, 0, 8, L_BULLET);
	f[F_BULLETS] = bullets >= 4 ? 2 : bullets >= 2;
	f[F_COPY_FIRST] = count(&N, 0, 3, L_COPY) != 0;
	f[F_SHORT_FIRST] = first->chars <= 24 && !(first->cls & L_SENTENCE);
	f[F_PIXEL_FIRST] = (first->cls & L_PIXEL) != 0;
	f[F_SENTENCE_FIRST] = (first->cls & L_SENTENCE) && first->chars > 40;
	bottom = f[F_COPY_NEAR] + f[F_COPY_FAR] + f[F_FOOT_LAST] + f[F_FOOT_NEAR] > 0;
	top = f[F_TOP_FIRST] + f[F_TOP_NEXT] + f[F_CRUMB_FIRST] + f[F_BULLETS] > 0;
	f[F_BOTH] = bottom && top;
	f[F_TOP_LAST] = (last->cls & (L_TOP | L_CRUMB)) != 0;
	f[F_IN_LIST] = (last->cls & L_BULLET) && (first->cls & L_BULLET);
	f[F_SENTENCE_LAST] = (last->cls & L_SENTENCE) && last->chars > 60;
	f[F_BLANK_FIRST] = (L[i].cls & L_BLANK) && !(L[i].cls & L_EMPTY);
	f[F_TINY_LAST] = last->chars <= 2;
	f[F_FOOT_FIRST] = count(&N, 0, 2, L_FOOT);
	f[F_SKIP_FIRST] = count(&N, 0, 2, L_SKIP) != 0;
	f[F_END_LAST] = count(&P, 0, 2, L_END);
	f[F_PIXEL_THEN_TOP] = (first->cls & L_PIXEL) &&
	    count(&N, 1, 2, L_TOP | L_SKIP | L_CRUMB);
	f[F_TOP_BETWEEN] = count(&P, 0, 3, L_TOP | L_SKIP | L_CRUMB | L_HOME);
	/* A counter right after the footer closes the page before it. */
	f[F_LONE_FIRST] = (first->cls & L_LONE) && count(&P, 0, 3, L_COPY | L_FOOT);
	f[F_LONE_LAST] = (last->cls & L_LONE) && count(&P, 1, 4, L_COPY | L_FOOT);
	/*
	 * Window counts tie over a stretch of lines; weighing furniture by
	 * its distance from i makes the score peak where the footer of one
	 * page meets the header of the next.  A line of both kinds or of
	 * neither, and a side's missing lines, add +0, which leaves the sum
	 * as it is: most places, with no furniture near, need no sum at all.
	 */
	bp = side_of(&P, BOTTOM);
	tp = side_of(&P, TOPISH);
	tn = side_of(&N, TOPISH);
	bn = side_of(&N, BOTTOM);
	junction = 0;
	for (k = 0; k < NEAR && ((bp ^ tp) | (tn ^ bn)) >> k; k++) {
		double d = 1.0 / (double)(k + 1);

		junction += d * ((int)(bp >> k & 1) - (int)(tp >> k & 1));
		junction += d * ((int)(tn >> k & 1) - (int)(bn >> k & 1));
	}
	f[F_JUNCTION] = junction;
	f[F_STYLE] = style_shift(L, n, i);
	f[F_X_NEAR] = ln1p(L[i].cross[X_NEAR]);
	f[F_X_FAR] = ln1p(L[i].cross[X_FAR]);
	f[F_X_RARE] = ln1p(L[i].cross[X_RARE]);
	f[F_X_TINY] = ln1p(L[i].cross[X_TINY]);
	f[F_BIAS] = 1;
	{
		/*
		 * A page of another site brings words not seen for a long while;
		 * the end of a page repeats words its top brought.
		 */
		size_t a = i > NEW_LINES ? i - NEW_LINES : 0;
		size_t b = i + NEW_LINES < n ? i + NEW_LINES : n;
		uint32_t wb = L[i - 1].cwords - (a > 0 ? L[a - 1].cwords : 0);
		uint32_t nb = L[i - 1].cnovel - (a > 0 ? L[a - 1].cnovel : 0);
		uint32_t wa = L[b - 1].cwords - L[i - 1].cwords;
		uint32_t na = L[b - 1].cnovel - L[i - 1].cnovel;

		f[F_NEW_AFTER] = wa ? (double)na / wa : 0;
		f[F_NEW_BEFORE] = wb ? (double)nb / wb : 0;
	}
	/*
	 * Where exactly: the line that opens a page shares words with what
	 * follows it, not with what precedes it; the last line of the page
	 * before the other way round.
	 */
	f[F_FIRST_BACK] = ln1p(L[i].lout[X_NEAR]);
	f[F_FIRST_FWD] = i + 1 < n ? ln1p(L[i + 1].lin[X_NEAR]) : 0;
	f[F_LAST_BACK] = ln1p(L[i - 1].lout[X_NEAR]);
	f[F_LAST_FWD] = ln1p(L[i].lin[X_NEAR]);
	{
		const struct pline *a = &L[i - 1], *b = &L[i];

		f[F_SCRIPT] = (a->latin && (b->style >> S_CJK & 1)) ||
		    (b->latin && (a->style >> S_CJK & 1));
		f[F_SCRIPT_NB] = (last->latin && (first->style >> S_CJK & 1)) ||
		    (first->latin && (last->style >> S_CJK & 1));
		f[F_INDENT] = !((a->cls | b->cls) & L_BLANK) && a->indent != b->indent;
		f[F_LIST_START] = (b->cls & L_BULLET) && !(a->cls & (L_BULLET | L_BLANK));
		s = attr_score(0, a) + attr_score(1, b) + attr_score(2, last) +
		    attr_score(3, first) + (i >= 2 ? attr_score(4, &L[i - 2]) : 0) +
		    (i + 1 < n ? attr_score(5, &L[i + 1]) : 0);
#ifdef PAGES_TUNE
		if (dump_features) {
			const struct pline *at[ATTR_AT] = { a, b, last, first,
			    i >= 2 ? &L[i - 2] : NULL, i + 1 < n ? &L[i + 1] : NULL };
			int m;

			for (m = 0; m < ATTR_AT; m++)
				for (k = 0; at[m] && k < NATTRS; k++)
					f[F_ATTR + m * NATTRS + k] = at[m]->attr >> k & 1;
		}
#endif
	}
	{
		/* Four sums, not one chain of dependent additions. */
		double part[4] = { 0, 0, 0, 0 };

		for (k = 0; k + 4 <= F_ATTR; k += 4) {
			part[0] += weights[k] * f[k];
			part[1] += weights[k + 1] * f[k + 1];
			part[2] += weights[k + 2] * f[k + 2];
			part[3] += weights[k + 3] * f[k + 3];
		}
		for (; k < F_ATTR; k++)
			part[0] += weights[k] * f[k];
		s += (part[0] + part[1]) + (part[2] + part[3]);
	}
	if (L[i - 1].cls & L_EMPTY)
		s -= AFTER_EMPTY;
	if (L[i].cls & L_GLUED)
		s += GLUE_BONUS;
#ifdef PAGES_TUNE
	if (dump_features) {
		for (k = 0; k < F_NFEATURES; k++)
			fprintf(stderr, "%g ", f[k]);
		fprintf(stderr, "\n");
	}
#endif
	return s;
}

#ifdef PAGES_TUNE
/*
 * Development only, for fitting the weights: built with -DPAGES_TUNE,
 * PAGES_WEIGHTS="w1,...,wN,threshold" replaces them, PAGES_DUMP=1
 * prints every line's score to stderr and PAGES_FEATURES=1 every line's
 * feature values (all of them, the vocabulary ones too; "X" for a line
 * that cannot start a page), for fitting the weights offline.
 */
static void
tune_init(void)
{
	const char *e = getenv("PAGES_WEIGHTS");
	int k;

	dump_features = getenv("PAGES_FEATURES") != NULL;
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

/*
 * Line p[0..n) joins the window; it is classified by u[0..un), the same
 * line decoded to UTF-8 (p itself when the dump is UTF-8 already).  With
 * may_glue, a line where a page may begin inside (see glue_at) does not
 * join: the offset in u is returned, and the caller pushes its two parts.
 */
static size_t
win_push(struct window *w, const unsigned char *p, size_t n,
    const unsigned char *u, size_t un, int piece, int may_glue)
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
	classify(l, u, un);
	if (may_glue && glue_at) {
		w->n--;
		w->text.len -= n;
		return glue_at;
	}
	memset(l->lin, 0, sizeof l->lin);
	memset(l->lout, 0, sizeof l->lout);
	if (!w->links)
		w->links = xcalloc(1, sizeof *w->links);
	link_line(w, l, w->n - 1);
	{
		static const uint32_t none[S_NBITS + 1];
		const uint32_t *before = w->n > 1 ? l[-1].cum : none;
		int b;

		/* Unsigned sums wrap alike, so differences stay right. */
		for (b = 0; b < S_NBITS; b++)
			l->cum[b] = before[b] + (l->style >> b & 1);
		l->cum[S_NBITS] = before[S_NBITS] + l->width;
	}
	if (piece)
		l->cls |= L_PIECE;
	l->score = 0;
	return 0;
}

/* Forget lines [0, k): they are written and out of every context. */
static void
win_drop(struct window *w, size_t k)
{
	size_t off, i;

	if (k == 0)
		return;
	off = k < w->n ? w->lines[k].off : w->text.len;
	if (off)
		memmove(w->text.data, w->text.data + off, w->text.len - off);
	w->text.len -= off;
	memmove(w->lines, w->lines + k, (w->n - k) * sizeof *w->lines);
	w->n -= k;
	for (i = 0; i < w->n; i++)
		w->lines[i].off -= off;
}

/*
 * The splitter's state over one stream: lines are pushed in, and handed
 * to the caller once decided, in runs: lines [lineno, lineno + nlines),
 * bytes p[0..n), the first of which starts a page when start says so and
 * the others do not.  A run ends before a page starts, before the window
 * drops its lines and at RUN_BYTES, so the writer, whose cost is mostly
 * per call, is called about once a page, not once a line, and holds no
 * more than a line's piece beyond that (-j over --max-record).
 */
#define RUN_BYTES (64 * 1024)

struct splitter {
	struct window w;
	size_t written, scored, decided;	/* window indexes */
	unsigned long long base;	/* stream line number of window line 0 */
	int started;
	int run_start;		/* line `written` starts a page */
	double run[NLINKS];	/* links spanning the gap before line `scored` */
	float lout[NLINKS];	/* ... that end at the line before it */
	void (*out)(void *ctx, unsigned long long lineno, size_t nlines,
	    const char *p, size_t n, int start);
	void *ctx;
};

/*
 * Lines kept before the one being decided: all it and its rivals look
 * back at.  The window drops the lines before them once DROP_LINES have
 * gathered there, or KEEP lines and DROP_BYTES: the text it keeps is
 * moved down seldom, and pieces of overlong lines are held no longer
 * than when it dropped every KEEP lines.
 */
#define KEEP (CONTEXT + PAGE_MIN)
#define DROP_LINES 1024
#define DROP_BYTES (256 * 1024)

/* Hand on the decided lines not handed on yet as one run. */
static void
sp_flush(struct splitter *sp)
{
	const struct pline *a, *b;

	if (sp->written == sp->decided)
		return;
	a = &sp->w.lines[sp->written];
	b = &sp->w.lines[sp->decided - 1];
	sp->out(sp->ctx, sp->base + sp->written, sp->decided - sp->written,
	    sp->w.text.data + a->off, b->off + b->len - a->off, sp->run_start);
	sp->written = sp->decided;
	sp->run_start = 0;
}

/* Score what has its context after it; decide what has its rivals scored. */
static void
sp_step(struct splitter *sp, int more)
{
	struct window *w = &sp->w;

	while (sp->scored < w->n && (!more || sp->scored + CONTEXT < w->n)) {
		struct pline *l = &w->lines[sp->scored];
		int k;

		for (k = 0; k < NLINKS; k++) {
			sp->run[k] += l->lin[k] - sp->lout[k];
			l->cross[k] = (float)sp->run[k];
			sp->lout[k] = l->lout[k];
		}
		w->lines[sp->scored].score = score_line(w->lines, w->n, sp->scored);
#ifdef PAGES_TUNE
		if (getenv("PAGES_DUMP"))
			fprintf(stderr, "%.3f\n", w->lines[sp->scored].score);
#endif
		sp->scored++;
	}
	while (sp->decided < sp->scored && (!more || sp->decided + PAGE_MIN < sp->scored)) {
		size_t d = sp->decided, j;
		struct pline *l = &w->lines[d];
		int start = !sp->started;

		if (!start && l->score >= threshold) {
			start = 1;
			for (j = d > PAGE_MIN ? d - PAGE_MIN : 0;
			    start && j < d + PAGE_MIN && j < w->n; j++)
				if (j != d && (w->lines[j].score > l->score ||
				    (j < d && w->lines[j].score == l->score)))
					start = 0;
		}
		sp->started = 1;
		if (start) {
			sp_flush(sp);
			sp->run_start = 1;
		}
		sp->decided++;
		if (l->off + l->len - w->lines[sp->written].off >= RUN_BYTES)
			sp_flush(sp);
	}
	if (!more)
		sp_flush(sp);
	else if (sp->decided > KEEP) {
		size_t k = sp->decided - KEEP, off = w->lines[k].off;

		if (k < DROP_LINES && (k <= KEEP || off < DROP_BYTES))
			return;
		sp_flush(sp);
		win_drop(w, k);
		sp->written -= k;
		sp->decided -= k;
		sp->scored -= k;
		sp->base += k;
	}
}

static void
sp_free(struct splitter *sp)
{
	buf_free(&sp->w.text);
	free(sp->w.lines);
	free(sp->w.links);
}

/*
 * The offset in raw[0..n) whose decoding through c is u[0..k), or 0 when
 * there is none (the glue point of a line in a legacy charset, found in
 * its UTF-8).  Rare, so a binary search over whole decodings will do: for
 * the first prefix that decodes to k bytes or more, then the next few.
 */
static size_t
raw_offset(struct conv *c, const unsigned char *raw, size_t n,
    const unsigned char *u, size_t k, struct buf *tmp)
{
	size_t lo = 1, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		buf_clear(tmp);
		conv_run(c, (const char *)raw, mid, 1, tmp);
		if (tmp->len < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* A prefix that ends inside a character decodes with a U+FFFD more. */
	for (hi = lo + 4; lo < n && lo < hi; lo++) {
		buf_clear(tmp);
		conv_run(c, (const char *)raw, lo, 1, tmp);
		if (tmp->len == k && !memcmp(tmp->data, u, k))
			return lo;
	}
	return 0;
}

static void
mark_start(void *ctx, unsigned long long lineno, size_t nlines, const char *p,
    size_t n, int start)
{
	unsigned char *is_start = ctx;

	(void)p;
	(void)n;
	is_start[lineno] = (unsigned char)start;
	memset(is_start + lineno + 1, 0, nlines - 1);
}

void
pages_boundaries(const char *text, size_t len, const size_t *line_off,
    size_t nlines, unsigned char *is_start)
{
	struct splitter sp;
	size_t i;

	memset(&sp, 0, sizeof sp);
	sp.out = mark_start;
	sp.ctx = is_start;
	for (i = 0; i < nlines; i++) {
		size_t end = i + 1 < nlines ? line_off[i + 1] : len;

		win_push(&sp.w, (const unsigned char *)text + line_off[i],
		    end - line_off[i], (const unsigned char *)text + line_off[i],
		    end - line_off[i], 0, 0);
		sp_step(&sp, 1);
	}
	sp_step(&sp, 0);
	sp_free(&sp);
}

struct page_out {
	struct emitter *e;
	const char *path;
	unsigned long long recno;
};

static void
emit_run(void *ctx, unsigned long long lineno, size_t nlines, const char *p,
    size_t n, int start)
{
	struct page_out *po = ctx;

	(void)lineno;
	(void)nlines;
	if (start) {
		if (po->recno)
			em_end(po->e);
		em_begin(po->e, po->path, ++po->recno, "text");
	}
	em_add(po->e, p, n);
}

size_t pages_piece_max = 64 * 1024;

/* Bytes the dump's charset is told from: enough for the detector's window. */
#define DETECT_PREFIX (256 * 1024)

/*
 * Open c to decode the dump's lines to UTF-8 when its first bytes are in
 * a legacy charset that keeps ASCII's newline (so lines split as they
 * are).  Returns 0 when the lines are scored as they are: UTF-8, ASCII,
 * UTF-16/32, or a charset iconv does not know.
 */
static int
open_decoder(struct src *s, struct conv *c)
{
	struct enc_guess g;
	size_t n = src_fill(s, DETECT_PREFIX);

	if (n == 0)
		return 0;
	enc_detect(src_ptr(s), n, s->eof, NULL, &g);
	if (!g.name || !strcmp(g.name, "UTF-8") || !strcmp(g.name, "ASCII") ||
	    !strncmp(g.name, "UTF-16", 6) || !strncmp(g.name, "UTF-32", 6))
		return 0;
	return conv_open(c, "UTF-8", g.name, CONV_REPLACE) == 0;
}

/*
 * Whether c decodes each ASCII byte alone to itself: then a line of ASCII
 * bytes decodes to itself, and need not be decoded.  Not so in Shift_JIS
 * (\ is ¥), EBCDIC, or where an ASCII byte begins a sequence (ISO-2022's
 * ESC, HZ's ~): alone, that is a sequence cut short, replaced.
 */
static int
ascii_kept(struct conv *c)
{
	struct buf b = { 0 };
	unsigned char ch;
	int ok = 1;

	for (ch = 0; ch < 0x80 && ok; ch++) {
		buf_clear(&b);
		conv_run(c, (const char *)&ch, 1, 1, &b);
		ok = b.len == 1 && (unsigned char)b.data[0] == ch;
	}
	buf_free(&b);
	return ok;
}

/* Whether p[0..n) is all ASCII: eight bytes at a time. */
static int
all_ascii(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, p + i, 8);
		if (x & 0x8080808080808080ull)
			return 0;
	}
	for (; i < n; i++)
		if (p[i] & 0x80)
			return 0;
	return 1;
}

void
split_pages(struct src *s, struct emitter *e, const struct split_opts *o)
{
	struct splitter sp;
	struct page_out po = { e, s->path, 0 };
	struct conv conv;
	struct buf dec = { 0 }, tmp = { 0 };
	int midline = 0, decode, keeps_ascii;

	(void)o;
#ifdef PAGES_TUNE
	tune_init();
#endif
	memset(&sp, 0, sizeof sp);
	sp.out = emit_run;
	sp.ctx = &po;
	decode = open_decoder(s, &conv);
	keeps_ascii = decode && ascii_kept(&conv);
	while (src_fill(s, 1)) {
		int complete, decoded = 0;
		/* Page text has no 64K lines; pieces keep the window small. */
		size_t n = split_next_line(s, pages_piece_max, &complete);
		size_t un = n, k, kr;
		const unsigned char *raw = src_ptr(s), *u = raw;

		if (decode && !(keeps_ascii && all_ascii(raw, n))) {
			/* Each line on its own: final flushes and resets the state. */
			decoded = 1;
			buf_clear(&dec);
			conv_run(&conv, (const char *)raw, n, 1, &dec);
			u = (const unsigned char *)dec.data;
			un = dec.len;
		}
		/* The features are fitted on whole lines: see glue_at. */
		k = win_push(&sp.w, raw, n, u, un, midline,
		    !midline && complete && !dump_features);
		kr = k && decoded ? raw_offset(&conv, raw, n, u, k, &tmp) : k;
		if (kr) {
			win_push(&sp.w, raw, kr, u, k, 0, 0);
			sp_step(&sp, 1);
			win_push(&sp.w, raw + kr, n - kr, u + k, un - k, 0, 0);
			sp.w.lines[sp.w.n - 1].cls |= L_GLUED;
		} else if (k)
			win_push(&sp.w, raw, n, u, un, midline, 0);
		src_skip(s, n);
		midline = !complete;
		sp_step(&sp, 1);
	}
	sp_step(&sp, 0);
	if (po.recno)
		em_end(e);
	if (decode)
		conv_close(&conv);
	buf_free(&dec);
	buf_free(&tmp);
	sp_free(&sp);
}
