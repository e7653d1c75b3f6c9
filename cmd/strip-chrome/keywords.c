/*
 * keywords.c - the keyword families of chrome, found in one pass over a
 * line: every keyword sits in a hash table under its first two bytes, so
 * a line costs one look-up per character however many keywords there are.
 * ASCII letters match without regard to case; a ':' or '(' in a keyword
 * also matches its full-width form.
 */
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "strip.h"
#include "winnow.h"

struct kw_list {
	unsigned family;
	const char *const *words;
};

/* Share and page tools. */
static const char *const kw_share[] = {
	"分享到", "分享至", "分享:", "微信扫", "扫一扫", "扫描二维码", "二维码",
	"朋友圈", "QQ空间", "新浪微博", "腾讯微博", "人人网", "豆瓣网",
	"收藏本文", "打印本页", "打印本文", "关闭窗口", "字号", "放大字体",
	"缩小字体", "纠错", "我要反馈", "复制链接", "返回顶部", "返回首页",
	"回到顶部", "点击进入", "点击查看", "高清原图", "举报",
	/* The button that unfolds the rest of an article: the rest is the
	   article, the button is not. */
	"展开全文", "展开剩余",
	/* The same in traditional characters. */
	"微信掃", "掃一掃", "掃描二維碼", "二維碼", "QQ空間", "騰訊微博",
	"人人網", "豆瓣網", "打印本頁", "關閉窗口", "字號", "放大字體",
	"縮小字體", "糾錯", "我要反饋", "複製鏈接", "返回頂部", "返回首頁",
	"回到頂部", "點擊進入", "點擊查看", "高清原圖", "舉報", "展開全文",
	"展開剩餘", "列印本頁", "列印本文", "關閉視窗", "複製連結", NULL
};
/* Login, subscription, app download. */
static const char *const kw_login[] = {
	"登录", "登陆", "注册", "忘记密码", "退出", "订阅", "客户端", "下载APP",
	"下载app", "App下载", "APP下载",
	/* The same in traditional characters. */
	"登錄", "登陸", "註冊", "忘記密碼", "訂閱", "客戶端", "下載APP",
	"下載app", "App下載", "APP下載", "訂閲", "登入", NULL
};
/* Related and recommended lists, navigation. */
static const char *const kw_related[] = {
	"相关阅读", "相关新闻", "相关文章", "相关推荐", "相关链接", "推荐阅读",
	"延伸阅读", "热门", "热点", "排行", "猜你喜欢", "上一篇", "下一篇",
	"上一页", "下一页", "更多>", "更多>>", "更多》", "查看更多", "阅读全文",
	"阅读原文", "精彩推荐", "精彩图片", "今日推荐", "编辑推荐", "大家都在看",
	"为您推荐", "专题", "栏目", "频道", "首页", "导航", "网站地图",
	/* The same in traditional characters. */
	"相關閱讀", "相關新聞", "相關文章", "相關推薦", "相關鏈接", "推薦閱讀",
	"延伸閱讀", "熱門", "熱點", "猜你喜歡", "上一頁", "下一頁", "閱讀全文",
	"閱讀原文", "精彩推薦", "精彩圖片", "今日推薦", "編輯推薦", "爲您推薦",
	"專題", "欄目", "頻道", "首頁", "導航", "網站地圖", "為您推薦",
	"相關閲讀", "推薦閲讀", "延伸閲讀", "閲讀全文", "閲讀原文", "相關連結",
	"檢視更多", NULL
};
/* Comment and mood widgets. */
static const char *const kw_comment[] = {
	"评论", "跟帖", "网友", "发表", "心情", "表态", "点赞", "已有", "参与",
	"留言",
	/* The same in traditional characters. */
	"評論", "網友", "發表", "表態", "點贊", "參與", NULL
};
/* Footers, copyright and licence lines. */
static const char *const kw_footer[] = {
	"版权所有", "版权声明", "版权归", "侵权", "Copyright", "copyright", "COPYRIGHT",
	"ICP备", "ICP证", "公网安备", "网安备", "免责声明", "本文链接",
	"转载请", "未经授权", "不得转载", "禁止转载", "关于我们", "联系我们",
	"广告服务", "广告合作", "法律声明", "隐私政策", "服务条款", "用户协议",
	"违法和不良信息", "举报电话", "举报邮箱", "增值电信", "经营许可证",
	"互联网新闻信息", "技术支持", "主办单位", "承办单位", "All Rights",
	"All rights", "ALL RIGHTS",
	/* The same in traditional characters. */
	"版權所有", "版權聲明", "版權歸", "侵權", "ICP備", "ICP證", "公網安備",
	"網安備", "免責聲明", "本文鏈接", "轉載請", "未經授權", "不得轉載",
	"禁止轉載", "關於我們", "聯繫我們", "廣告服務", "廣告合作", "法律聲明",
	"隱私政策", "服務條款", "用戶協議", "違法和不良信息", "舉報電話",
	"舉報郵箱", "增值電信", "經營許可證", "互聯網新聞信息", "技術支持",
	"主辦單位", "承辦單位", "用户協議", "聯絡我們", "本文連結", NULL
};
/* Contact adverts. */
static const char *const kw_contact[] = {
	"电话:", "电话:", "热线", "微信号", "公众号", "客服", "QQ:", "QQ群",
	"邮箱:", "E-mail", "Email:", "传真", "地址:",
	/* The same in traditional characters. */
	"電話:", "熱線", "微信號", "公衆號", "QQ羣", "郵箱:", "傳真", "公眾號",
	NULL
};
/* Date, source, author, editor and keyword lines. */
static const char *const kw_meta[] = {
	"责任编辑", "责编", "编辑:", "编辑:", "来源:", "来源:", "作者:",
	"作者:", "记者:", "原标题", "发布时间", "发布日期", "更新时间",
	"时间:", "日期:", "浏览次数", "阅读数", "阅读量", "点击数", "点击:",
	"摘要:", "关键字", "关键词", "标签:", "Tags:", "字体:", "【字体",
	"来源 :", "编辑 :", "来 源", "作 者", "稿源", "采写:", "供图",
	"图片来源", "资料来源", "文/", "图/", "编辑/",
	/* The same in traditional characters. */
	"責任編輯", "責編", "編輯:", "來源:", "記者:", "原標題", "發佈時間",
	"發佈日期", "更新時間", "時間:", "瀏覽次數", "閱讀數", "閱讀量",
	"點擊數", "點擊:", "關鍵字", "關鍵詞", "標籤:", "字體:", "【字體",
	"來源 :", "編輯 :", "來 源", "採寫:", "供圖", "圖片來源", "資料來源",
	"圖/", "編輯/", "閲讀數", "閲讀量", "發布時間", "發布日期", NULL
};
/* English chrome. */
static const char *const kw_en[] = {
	"share", "tweet", "facebook", "twitter", "linkedin", "whatsapp",
	"pinterest", "reddit", "email this", "print this", "sign in", "sign up",
	"log in", "login", "subscribe", "newsletter", "advertisement",
	"sponsored", "related", "recommended", "read more", "most popular",
	"most read", "trending", "comments", "copyright", "all rights reserved",
	"privacy", "cookie", "terms of", "follow us", "click here", "skip to",
	"menu", "search", "photo:", "image:", "getty", "shutterstock",
	"you may also like", "more from", "contact us", "about us", "loading",
	"posted in", "filed under", "updated", "published", "min read",
	"continue reading", "continues below", NULL
};
/*
 * Headings that close an article: what follows is a list of other pages,
 * comments or the footer.
 */
static const char *const kw_end[] = {
	"相关阅读", "相关新闻", "相关文章", "相关推荐", "相关链接", "相关报道",
	"推荐阅读", "延伸阅读", "热门推荐", "热门文章", "热门新闻", "热点推荐",
	"猜你喜欢", "上一篇", "下一篇", "阅读全文", "阅读剩余", "精彩推荐",
	"今日推荐", "编辑推荐", "大家都在看", "为你推荐", "为您推荐", "更多精彩",
	"网友评论", "发表评论", "我要评论", "评论列表", "最新评论", "热门评论",
	"参与评论", "已有", "责任编辑", "责编", "分享到", "版权所有", "免责声明",
	"侵权", "公告:",
	"Copyright", "copyright",
	/* The same in traditional characters. */
	"相關閱讀", "相關新聞", "相關文章", "相關推薦", "相關鏈接", "相關報道",
	"推薦閱讀", "延伸閱讀", "熱門推薦", "熱門文章", "熱門新聞", "熱點推薦",
	"猜你喜歡", "閱讀全文", "閱讀剩餘", "精彩推薦", "今日推薦", "編輯推薦",
	"爲你推薦", "爲您推薦", "網友評論", "發表評論", "我要評論", "評論列表",
	"最新評論", "熱門評論", "參與評論", "責任編輯", "責編", "版權所有",
	"免責聲明", "侵權", "為你推薦", "為您推薦", "相關閲讀", "推薦閲讀",
	"延伸閲讀", "閲讀全文", "閲讀剩餘", "相關連結", NULL
};
/* The same in English. */
static const char *const kw_end_en[] = {
	"related", "recommended", "read more", "more from", "most popular",
	"most read", "you may also like", "comments", "more stories",
	"trending", "editor's picks", "share this", "leave a reply",
	"about the author", "sign up for", "newsletter", NULL
};
/*
 * The heading blog software puts over the comments, '6 thoughts on
 * "Title"', '12 Responses to "Title"': nothing of the article follows.
 */
static const char *const kw_close[] = {
	"thoughts on \xE2\x80\x9C", "thought on \xE2\x80\x9C",
	"responses to \xE2\x80\x9C", "thoughts on \"", "thought on \"",
	"responses to \"", NULL
};
/* Openings of a disclaimer or a reprint notice (at the start only). */
static const char *const kw_notice[] = {
	"声明:", "声明:", "免责声明", "版权声明", "特别声明", "郑重声明",
	"本文为", "本文系", "本文来源", "本文来自", "本文转载", "转载请",
	"原标题", "(原标题", "(原标题", "本网站", "凡本网", "【免责", "【声明",
	"[免责",
	/* The same in traditional characters. */
	"聲明:", "免責聲明", "版權聲明", "特別聲明", "鄭重聲明", "本文爲",
	"本文來源", "本文來自", "本文轉載", "轉載請", "原標題", "(原標題",
	"本網站", "凡本網", "【免責", "【聲明", "[免責", "本文為", NULL
};
/* Markers after which a spam site pastes its link farm to the page end. */
static const char *const kw_spam[] = {
	"蜘蛛池", "友情链接:", "友情链接:",
	/* The same in traditional characters. */
	"友情鏈接:", "友情連結:", NULL
};
/* The buttons of a photo gallery or a video player. */
static const char *const kw_gallery[] = {
	"上一张", "下一张", "查看原图", "跳过广告", "全屏", "skip ad",
	"autoplay", "full screen", "fullscreen", "view photos", "buy photo",
	"view this image", "view gallery", "enlarge this",
	/* The same in traditional characters. */
	"上一張", "下一張", "查看原圖", "跳過廣告", "全螢幕", NULL
};
/* File names of images that w3m prints for a picture. */
static const char *const kw_image[] = {
	".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", NULL
};

/*
 * Calls to action that close English pages, sentences though they are;
 * only where a sentence starts, so that prose about subscriptions stays.
 */
static const char *const kw_cta[] = {
	"subscribe", "newsletter", "sign up", "follow us", "join our",
	"click here", "download the app", "download our", "want more",
	"don't miss", "like us on", "get the latest", "support our",
	"become a member", "become a patron", "check out more", "check out our",
	"check out my", NULL
};

/* The editor's credit, the last line of a Chinese news item. */
static const char *const kw_editor[] = {
	"责任编辑", "责编", "編輯", "责任编缉",
	/* The same in traditional characters. */
	"責任編輯", "責編", "責任編緝", NULL
};

static const struct kw_list kw_lists[] = {
	{ KW_SHARE, kw_share },
	{ KW_LOGIN, kw_login },
	{ KW_RELATED, kw_related },
	{ KW_COMMENT, kw_comment },
	{ KW_FOOTER, kw_footer },
	{ KW_CONTACT, kw_contact },
	{ KW_META, kw_meta },
	{ KW_EN, kw_en },
	{ KW_END, kw_end },
	{ KW_END_EN, kw_end_en },
	{ KW_NOTICE, kw_notice },
	{ KW_SPAM, kw_spam },
	{ KW_IMAGE, kw_image },
	{ KW_GALLERY, kw_gallery },
	{ KW_EDITOR, kw_editor },
	{ KW_CTA, kw_cta },
	{ KW_END_EN | KW_CLOSE, kw_close },
};

#define KW_BUCKETS 1024
#define KW_MAX 1024

/* What a look-up reads first, in the first 32 bytes of an entry. */
struct kw_entry {
	uint64_t head;		/* the first eight bytes, folded as kw_fold8() */
	uint64_t mask;		/* of the bytes of head that are the word's */
	int next;
	unsigned family;
	unsigned char len;
	char word[48];
};

static struct kw_entry kw_table[KW_MAX];
/*
 * One bit per hash of the first three bytes of some keyword, as they may
 * stand in a line: every case of its ASCII letters is put in, so that the
 * bytes of the line are hashed as they are, with no table to fold them.
 * Most characters of a line are ruled out by one load from L1.
 */
static uint64_t kw_bloom[65536 / 64];
/*
 * A character of a line often opens some keyword (热, 相, 发) and seldom
 * the keyword: one bit per hash of the first six bytes of a keyword, and
 * one per hash of the first three of a keyword shorter than six, rule out
 * most of those places before the bucket is searched.
 */
static uint64_t kw_bloom6[65536 / 64];
static uint64_t kw_short[65536 / 64];
static int kw_head[KW_BUCKETS];
static int kw_count, kw_built;

/* ASCII folded to lower case, every other byte as it is. */
static unsigned char kw_fold[256];

#define kw_fold_byte(c) kw_fold[(unsigned char)(c)]

/* A word loaded from memory, as if the first byte were the low one. */
static inline uint32_t
kw_le32(uint32_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return __builtin_bswap32(w);
#else
	return w;
#endif
}

/* The hash of the three bytes of w, the first in the low byte, for
   kw_bloom. */
static inline unsigned
kw_hash_word(uint32_t w)
{
	return (w * 0x9E3779B1u) >> 16;
}

/* The places kw_bloom cannot tell: the copyright sign, C2 A9, and
   "QQ:", keywords of fewer than four bytes.  0 or 1. */
static inline unsigned
kw_apart(uint32_t w)
{
	return ((w & 0xFF) == 0xC2) | (((w | 0x2020) & 0xFFFFFF) == 0x3A7171);
}

/*
 * Note the first four bytes of w[0..n) in kw_bloom, under every case of
 * their ASCII letters: four tell the first character of a keyword and
 * the lead byte of its second, and rule out twice the places three did.
 */
static void
kw_bloom_add(const char *w, size_t n)
{
	unsigned char v[4];
	unsigned cases, bit, k, bytes = 4;

	if (n < bytes)
		return;		/* looked for apart, see kw_apart() */
	for (cases = 0; cases < 16; cases++) {
		uint32_t key = 0;

		for (bit = 0; bit < bytes; bit++) {
			unsigned char c = kw_fold[(unsigned char)w[bit]];

			v[bit] = c >= 'a' && c <= 'z' && (cases >> bit & 1) ?
			    (unsigned char)(c - 32) : c;
			key |= (uint32_t)v[bit] << 8 * bit;
		}
		k = kw_hash_word(key);
		kw_bloom[k / 64] |= 1ULL << (k % 64);
	}
}

/*
 * The first eight bytes of s[0..avail), fewer if avail is less (the rest
 * zero), the first in the low byte, ASCII letters folded to lower case:
 * a keyword candidate is hashed and compared in a register.
 */
static inline uint64_t
kw_fold_word(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, hi = 0x80 * ones;
	uint64_t v = w & ~hi, upper;

	upper = (v + (0x80 - 'A') * ones) & ~(v + (0x80 - 'Z' - 1) * ones) &
	    ~w & hi;
	return w | upper >> 2;
}

static inline uint64_t
kw_fold8(const unsigned char *s, size_t avail)
{
	uint64_t w = 0;
	size_t i;

	if (avail >= 8)
		return kw_fold_word(load_le64(s));
	for (i = 0; i < avail; i++)
		w |= (uint64_t)s[i] << 8 * i;
	return kw_fold_word(w);
}

/* Hashes of the first three and six bytes of a folded word, and its
   bucket in kw_head. */
static inline unsigned
kw_hash3(uint64_t f)
{
	return (unsigned)(((f & 0xFFFFFF) * 0x9E3779B97F4A7C15ULL) >> 48);
}

static inline unsigned
kw_hash6(uint64_t f)
{
	return (unsigned)(((f & 0xFFFFFFFFFFFFULL) * 0xC2B2AE3D27D4EB4FULL) >> 48);
}

static inline unsigned
kw_bucket(uint64_t f)
{
	return (unsigned)(((f & 0xFFFFFF) * 0x165667B19E3779F9ULL) >> 54) &
	    (KW_BUCKETS - 1);
}

static void
kw_add(const char *w, size_t n, unsigned family)
{
	struct kw_entry *e;
	unsigned h, k;

	if (kw_count == KW_MAX || n < 3 || n >= sizeof e->word)
		wn_fatal("keyword table: '%s' does not fit", w);
	/* kw_scan_utf8() looks for none at these. */
	if (w[0] == ' ' || (w[0] >= '0' && w[0] <= '9') ||
	    ((unsigned char)w[0] & 0xC0) == 0x80)
		wn_fatal("keyword table: '%s' starts with a space, a digit "
		    "or in a character", w);
	e = &kw_table[kw_count];
	memcpy(e->word, w, n);
	e->len = (unsigned char)n;
	e->family = family;
	e->head = kw_fold8((const unsigned char *)w, n);
	e->mask = n >= 8 ? ~0ULL : (1ULL << 8 * n) - 1;
	h = kw_bucket(e->head);
	kw_bloom_add(w, n);
	k = kw_hash3(e->head);
	if (n < 6)
		kw_short[k / 64] |= 1ULL << (k % 64);
	else {
		k = kw_hash6(e->head);
		kw_bloom6[k / 64] |= 1ULL << (k % 64);
	}
	e->next = kw_head[h];
	kw_head[h] = kw_count++;
}

/* Add w, and once more with its first ':' or '(' in full width. */
static void
kw_add_forms(const char *w, unsigned family)
{
	char alt[48];
	size_t n = strlen(w), i;

	kw_add(w, n, family);
	for (i = 0; i < n; i++)
		if (w[i] == ':' || w[i] == '(') {
			if (n + 2 >= sizeof alt)
				return;
			memcpy(alt, w, i);
			memcpy(alt + i, w[i] == ':' ? "\xEF\xBC\x9A" : "\xEF\xBC\x88", 3);
			memcpy(alt + i + 3, w + i + 1, n - i - 1);
			kw_add(alt, n + 2, family);
			return;
		}
}

static void
kw_build(void)
{
	size_t i;
	const char *const *w;

	for (i = 0; i < 256; i++)
		kw_fold[i] = i >= 'A' && i <= 'Z' ? (unsigned char)(i + 32) :
		    (unsigned char)i;
	memset(kw_head, -1, sizeof kw_head);
	for (i = 0; i < sizeof kw_lists / sizeof kw_lists[0]; i++)
		for (w = kw_lists[i].words; *w; w++)
			kw_add_forms(*w, kw_lists[i].family);
	kw_built = 1;
}

static int
kw_equal(const unsigned char *s, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (kw_fold_byte(s[i]) != kw_fold_byte((unsigned char)w[i]))
			return 0;
	return 1;
}

/* The families of the keywords in the chain of f that start at s[i]. */
static unsigned
kw_chain(const unsigned char *s, size_t n, size_t i, uint64_t f)
{
	unsigned found = 0;
	int e;

	for (e = kw_head[kw_bucket(f)]; e >= 0; e = kw_table[e].next) {
		const struct kw_entry *k = &kw_table[e];

		if (k->len > n - i || (f & k->mask) != k->head ||
		    (k->len > 8 && !kw_equal(s + i + 8, k->word + 8,
		    k->len - 8u)))
			continue;
		if (k->family == KW_NOTICE && i != 0)
			continue;
		if (k->family == KW_CTA && i != 0 && !(i >= 2 &&
		    s[i - 1] == ' ' && (s[i - 2] == '.' ||
		    s[i - 2] == '?' || s[i - 2] == '!')))
			continue;
		found |= k->family;
	}
	return found;
}

static unsigned
kw_match_slow(const unsigned char *s, size_t n, size_t i)
{
	unsigned h;
	uint64_t f;

	if (s[i] == 0xC2 && s[i + 1] == 0xA9)
		return KW_FOOTER | KW_END;
	f = kw_fold8(s + i, n - i);
	h = kw_hash3(f);
	if (!(kw_short[h / 64] & 1ULL << (h % 64))) {
		if (n - i < 6)
			return 0;
		h = kw_hash6(f);
		if (!(kw_bloom6[h / 64] & 1ULL << (h % 64)))
			return 0;
	}
	return kw_chain(s, n, i, f);
}

/* In line: the second filter for the places with eight bytes. */
static inline unsigned
kw_match_at(const unsigned char *s, size_t n, size_t i)
{
	unsigned h;
	uint64_t f;

	if (n - i < 8 || s[i] == 0xC2)
		return kw_match_slow(s, n, i);
	f = kw_fold_word(load_le64(s + i));
	h = kw_hash3(f);
	if (!(kw_short[h / 64] & 1ULL << (h % 64))) {
		h = kw_hash6(f);
		if (!(kw_bloom6[h / 64] & 1ULL << (h % 64)))
			return 0;
	}
	return kw_chain(s, n, i, f);
}

/* Is the bit of the hash h set in kw_bloom? 0 or 1. */
static inline unsigned
kw_bloom_has(unsigned h)
{
	return (unsigned)(kw_bloom[h / 64] >> (h % 64)) & 1;
}

/* Bytes to the next character, by the high nibble of the lead byte. */
static const unsigned char kw_charlen[16] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4
};

/*
 * The families of the keywords that start in line[0..upto) and end in
 * line[0..n), at the places a walk from character to character by the
 * length its lead byte gives steps on.
 */
static unsigned
kw_scan_upto(const char *line, size_t n, size_t upto)
{
	const unsigned char *s = (const unsigned char *)line;
	unsigned found = 0;
	size_t i, end = n > 2 ? n - 2 : 0;

	if (!kw_built)
		kw_build();
	if (upto < end)
		end = upto;
	for (i = 0; i < end; i += kw_charlen[s[i] >> 4]) {
		uint32_t w = (uint32_t)s[i] | (uint32_t)s[i + 1] << 8 |
		    (uint32_t)s[i + 2] << 16;

		if (i + 3 < n)
			w |= (uint32_t)s[i + 3] << 24;
		if ((i + 3 < n && kw_bloom_has(kw_hash_word(w))) || kw_apart(w))
			found |= kw_match_at(s, n, i);
	}
	return found;
}

unsigned
kw_scan_utf8(const char *line, size_t n)
{
	const unsigned char *s = (const unsigned char *)line;
	unsigned found = 0;
	size_t i, end = n > 2 ? n - 2 : 0, fast_end;

	if (!kw_built)
		kw_build();
	/*
	 * In valid UTF-8 the characters start at the bytes that are not
	 * continuation bytes: the places are taken a byte at a time, those
	 * masked out, rather than a character at a time, so that the next
	 * place does not wait on the length of this character and the loop
	 * runs at the speed of its arithmetic, not of two loads in a row.
	 * Four bytes are loaded at once where the line has them.
	 */
	i = 0;
#if defined(__SSE2__)
	/*
	 * Sixteen bytes at a time, and of them only the places a keyword
	 * can start: not continuation bytes, spaces or digits (kw_add()
	 * sees that none starts so).  Every place needs four bytes.
	 */
	for (; n - i >= 16 + 3; i += 16) {
		const __m128i v = sse_load(s + i);
		unsigned lead, cont, m;

		sse_han_bytes(v, &lead, &cont);
		m = ~(cont | sse_eq(v, ' ') | (unsigned)_mm_movemask_epi8(
		    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
		    _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1))))) & 0xFFFF;
		for (; m != 0; m &= m - 1) {
			size_t j = i + (unsigned)__builtin_ctz(m);
			uint32_t w;

			memcpy(&w, s + j, 4);
			w = kw_le32(w);
			/* The copyright sign, C2 A9, is the one keyword
			   of two bytes: C2 is always looked at. */
			if (kw_bloom_has(kw_hash_word(w)) |
			    kw_apart(w))
				found |= kw_match_at(s, n, j);
		}
	}
#endif
	fast_end = n < 4 ? 0 : n - 3;
	for (; i < fast_end; i++) {
		uint32_t w;

		memcpy(&w, s + i, 4);
		w = kw_le32(w);
		if ((kw_bloom_has(kw_hash_word(w)) |
		    kw_apart(w)) & ((w & 0xC0) != 0x80))
			found |= kw_match_at(s, n, i);
	}
	/* The last place has three bytes: no keyword that starts with a
	   multibyte character is that short, but the copyright sign. */
	for (; i < end; i++)
		if (kw_apart((uint32_t)s[i] | (uint32_t)s[i + 1] << 8 |
		    (uint32_t)s[i + 2] << 16))
			found |= kw_match_at(s, n, i);
	return found;
}

unsigned
kw_scan(const char *line, size_t n)
{
	return kw_scan_upto(line, n, n);
}

/* A notice counts at the start only: one place to look at. */
unsigned
kw_scan_notice(const char *line, size_t n)
{
	return kw_scan_upto(line, n, 1) & KW_NOTICE;
}
