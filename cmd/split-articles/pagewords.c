/*
 * pagewords.c - the page splitter's lexicon (see pagewords.h) and its
 * matcher.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pagewords.h"
#include "pline.h"
#include "winnow.h"

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
 * either case), hashed to a bit of any: scanning a line costs one probe
 * of a bitmap in L1 per character, with no case folding.  A probe that
 * hits, seldom, finds the keywords by their first two bytes (ASCII folded
 * to lower case) and compares four bytes at once before it compares the
 * rest.  © (c2 a9), the one keyword of two bytes, has the bits of all
 * that may follow it, and a test of its own.
 */
#define KW_BITS 16

struct pagewords {
	uint64_t any[(1u << KW_BITS) / 64];
	uint16_t head[65536];		/* index + 1 of the first keyword */
	uint16_t next[NKEYWORDS];	/* index + 1 of the next one */
	uint32_t pre[NKEYWORDS], mask[NKEYWORDS];
	size_t len[NKEYWORDS];
	unsigned char lower[256];	/* ASCII folded, other bytes as they are */
	unsigned char utf8_tail[256];	/* continuation bytes after a lead byte */
};

static uint32_t
four(const struct pagewords *w, const unsigned char *p, size_t n)
{
	uint32_t x = 0;
	size_t i;

	for (i = 0; i < 4 && i < n; i++)
		x |= (uint32_t)w->lower[p[i]] << (8 * i);
	return x;
}

/* The bit of any of three bytes, the first lowest in x. */
static inline unsigned
kw_bit(uint32_t x)
{
	return (x * 0x9e3779b1u) >> (32 - KW_BITS);
}

static void
kw_set(struct pagewords *w, uint32_t x)
{
	unsigned b = kw_bit(x);

	w->any[b >> 6] |= (uint64_t)1 << (b & 63);
}

struct pagewords *
pw_new(void)
{
	struct pagewords *w = xcalloc(1, sizeof *w);
	size_t i;
	unsigned m, j;

	for (i = 0; i < 256; i++) {
		w->lower[i] = (unsigned char)(i >= 'A' && i <= 'Z' ? i + 32 : i);
		w->utf8_tail[i] = i >= 0xf0 ? 3 : i >= 0xe0 ? 2 : i >= 0xc0 ? 1 : 0;
	}
	for (i = NKEYWORDS; i-- > 0;) {
		const unsigned char *k = (const unsigned char *)keywords[i].s;
		unsigned h = (unsigned)w->lower[k[0]] << 8 | w->lower[k[1]];

		w->len[i] = strlen(keywords[i].s);
		w->pre[i] = four(w, k, w->len[i]);
		w->mask[i] = w->len[i] >= 4 ? 0xffffffffu :
		    ((uint32_t)1 << (8 * w->len[i])) - 1;
		w->next[i] = w->head[h];
		w->head[h] = (uint16_t)(i + 1);
		/* All have 3 bytes, letters in lower case: the bits of both cases. */
		for (m = 0; m < 8; m++) {
			uint32_t x = 0;

			for (j = 0; j < 3; j++)
				x |= (uint32_t)(m >> j & 1 && k[j] >= 'a' && k[j] <= 'z' ?
				    k[j] - 32 : k[j]) << (8 * j);
			kw_set(w, x);
		}
	}
	for (m = 0; m < 256; m++)
		kw_set(w, 0xc2 | 0xa9 << 8 | m << 16);
	return w;
}

void
pw_free(struct pagewords *w)
{
	free(w);
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

/* The keyword classes found in p[0..n). */
static unsigned
kw_scan(const struct pagewords *w, const unsigned char *p, size_t n)
{
	const unsigned char *lower = w->lower;
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
		if (!(w->any[b >> 6] >> (b & 63) & 1)) {
			/*
			 * Keywords start where characters do: skip the rest of this
			 * one.  A test first, so that after ASCII the next probe need
			 * not wait for a table.
			 */
			if (p[i] >= 0xc0)
				i += w->utf8_tail[p[i]];
			continue;
		}
		if (p[i] == 0xc2 && p[i + 1] == 0xa9) {
			cls |= L_COPY;
			i++;
			continue;
		}
		k = w->head[(unsigned)lower[p[i]] << 8 | lower[p[i + 1]]];
		x = n - i >= 4 ? (uint32_t)lower[p[i]] | (uint32_t)lower[p[i + 1]] << 8 |
		    (uint32_t)lower[p[i + 2]] << 16 | (uint32_t)lower[p[i + 3]] << 24 :
		    four(w, p + i, n - i);
		for (; k; k = w->next[k - 1]) {
			size_t j = k - 1, m;

			if ((cls & keywords[j].cls) || (x & w->mask[j]) != w->pre[j] ||
			    w->len[j] > n - i)
				continue;
			for (m = 4; m < w->len[j] &&
			    lower[p[i + m]] == (unsigned char)keywords[j].s[m]; m++)
				;
			if (m >= w->len[j])
				cls |= keywords[j].cls;
		}
	}
	/* © in the last two bytes, too short for a probe. */
	if (i + 2 == n && p[i] == 0xc2 && p[i + 1] == 0xa9)
		cls |= L_COPY;
	return cls;
}

unsigned
pw_classes(const struct pagewords *w, const unsigned char *p, size_t n)
{
	if (n <= PW_HEAD + PW_TAIL)
		return kw_scan(w, p, n);
	return kw_scan(w, p, PW_HEAD) | kw_scan(w, p + n - PW_TAIL, PW_TAIL);
}
