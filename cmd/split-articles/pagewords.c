/*
 * pagewords.c - the page splitter's lexicon (see pagewords.h), as data for
 * the shared keyword matcher (kwset.h).  Words are lower case: the set
 * folds the ASCII letters of a line.
 */
#include <string.h>

#include "bytes.h"
#include "pagewords.h"
#include "pline.h"
#include "tokens.h"

/* Bottom of a page: copyright and licences, and © alone. */
static const char *const copy_words[] = {
	"copyright", "(c) 20", "all rights reserved", "rights reserved",
	"版权所有", "版權所有", "版权声明", "版權聲明", "保留所有权利",
	"icp备", "icp证", "icp證", "icp经营许可", "公网安备", "公網安備",
	"不得转载", "不得轉載", "禁止转载", "请勿转载", "未经授权", "未经书面",
	"违法和不良信息", "不良信息举报", "网站标识码", "许可证编号",
	"增值电信业务", "저작권", "無断転載",
	"may not be published, broadcast", "©", NULL
};

/* Bottom of a page: footer links and widgets. */
static const char *const foot_words[] = {
	"privacy", "terms of", "cookie", "contact us", "about us", "sitemap",
	"site map", "powered by", "back to top", "advertise", "feedback",
	"rss", "隐私", "隱私", "免责", "免責", "关于我们", "關於我們",
	"联系我们", "聯繫我們", "聯絡我們", "网站地图", "網站地圖", "返回顶部",
	"返回頂部", "回到顶部", "加载更多", "載入更多", "意见反馈", "意見反饋",
	"广告服务", "廣告服務", "诚聘英才", "诚征英才", "举报", "舉報",
	"站长统计", "主办单位", "主办：", "主办:", "主辦", "承办", "技术支持",
	"给编辑写信", "打印本页", "关闭窗口", "webmaster", "联系电话", "投诉",
	"备案号", "备案编号", "協辦", "协办", "网站维护", "建议使用", "分辨率",
	"最佳浏览", "designed by", "produced by", "follow us", "邮编", "传真",
	"傳真", "友情链接", "友情鏈接", "法律声明", "法律聲明", "网站声明",
	"網站聲明", "联系方式", "聯絡方式", "terms of service",
	"terms & conditions", "newsletter", "careers", NULL
};

/* The end of an article, often the end of its page. */
static const char *const end_words[] = {
	"share", "tweet", "comment", "bloggers like this", "read more", "评论",
	"評論", "返回", "更多", "上一篇", "下一篇", "上章", "下章", "相关",
	"相關", "分享", "打印", "责任编辑", "責任編輯", NULL
};

/* Top of a page: skip links, only ever at the very top. */
static const char *const skip_words[] = {
	"skip to", "skip navigation", "跳到主要内容", "跳转到主要内容",
	"访问主要内容", "跳至主要內容", "toggle navigation", "open navigation",
	NULL
};

/* Top of a page: log-in, subscribe, logo, language and app links. */
static const char *const top_words[] = {
	"logo", "log in", "login", "sign in", "sign up", "subscribe", "menu",
	"navigation", "search", "登录", "登錄", "登入", "注册", "註冊",
	"我的订阅", "订阅", "搜索", "搜尋", "设为首页", "設為首頁", "加入收藏",
	"收藏本站", "下载app", "app下载", "客户端", "手机版", "手機版", "繁體",
	"简体", "切换", "主屏幕", "导航", "微信好友", "朋友圈", "ログイン",
	"网站导航", "无障碍", "無障礙", "关怀版", "长者模式", "欢迎访问",
	"欢迎光临", "歡迎光臨", "今天是", "로그인", NULL
};

/* Navigation: the home page. */
static const char *const home_words[] = {
	"首页", "首頁", "home", "主页", NULL
};

/* Breadcrumbs. */
static const char *const crumb_words[] = {
	"当前位置", "當前位置", "您的位置", "现在位置", "你的位置", "所在位置",
	"首页 >", "首页>", "首页 »", "首页»", "首頁 >", "首頁>", "首页 -",
	"首页|", "首页 |", "首页 >>", "首页>>", "home >", "home »", "home /",
	NULL
};

/* A page's head: the labels of a byline and of its dates and counts. */
static const char *const byline_words[] = {
	"来源：", "来源:", "來源：", "來源:", "作者：", "作者:", "记者", "記者",
	"发布时间", "發佈時間", "发布日期", "發布日期", "发表于", "發表於",
	"更新时间", "更新時間", "时间：", "时间:", "时间 :", "浏览次数",
	"瀏覽次數", "阅读量", "阅读：", "点击数", "点击：", "字号", "字號",
	"编辑：", "编辑:", "編輯：", "通讯员", "通訊員", "published",
	"updated", "posted on", "posted by", "written by", "min read",
	"minute read", "投稿：", "出处：", "出處：", "稿源", NULL
};

/* A page's foot: the lists of other articles after the article. */
static const char *const related_words[] = {
	"相关阅读", "相關閱讀", "相关新闻", "相關新聞", "相关文章", "相關文章",
	"相关推荐", "相關推薦", "推荐阅读", "推薦閱讀", "延伸阅读", "延伸閱讀",
	"猜你喜欢", "猜你喜歡", "热门文章", "熱門文章", "热门推荐", "熱門推薦",
	"热点推荐", "精彩推荐", "精彩推薦", "热门排行", "排行榜", "最新文章",
	"最新资讯", "热门资讯", "更多新闻", "更多資訊", "图片新闻", "热点新闻",
	"网友评论", "網友評論", "发表评论", "發表評論", "related", "you may also",
	"recommended", "most popular", "most read", "trending", "more from",
	"more stories", "latest news", "leave a reply", "leave a comment",
	"previous post", "next post", "tags:", "标签：", "标签:", "標籤", NULL
};

/* A page's foot: contact details. */
static const char *const contact_words[] = {
	"电话：", "电话:", "電話：", "電話:", "地址：", "地址:", "邮箱", "郵箱",
	"电子邮件", "電子郵件", "e-mail", "email:", "tel:", "tel.", "fax:",
	"客服", "热线", "熱線", "邮政编码", "郵政編碼", "qq：", "qq:",
	"微信公众号", "微信號", "微信号", NULL
};

static const struct kwset_list lists[] = {
	{ L_COPY, 0, copy_words },
	{ L_FOOT, 0, foot_words },
	{ L_END, 0, end_words },
	{ L_SKIP, 0, skip_words },
	{ L_TOP, 0, top_words },
	{ L_HOME, 0, home_words },
	{ L_CRUMB, 0, crumb_words },
	{ L_BYLINE, 0, byline_words },
	{ L_RELATED, 0, related_words },
	{ L_CONTACT, 0, contact_words },
};

struct kwset *
pw_new(void)
{
	return kwset_new_lists(lists, sizeof lists / sizeof lists[0],
	    KWS_FOLD_ASCII);
}

#define HEAD_WORDS (L_TOP | L_HOME | L_SKIP | L_CRUMB)
#define FOOT_WORDS (L_COPY | L_FOOT | L_END)

/* Whether c is an ASCII letter. */
static int
is_latin(unsigned char c)
{
	return ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z';
}

/*
 * Whether the text before p[at] ends as text does before a page's start.
 * Not "]": w3m's image or input field ("[thumb]", "[     ]") is no text,
 * and a page's own head holds them.  Not a "." or ":" with a Latin letter
 * or digit right after it: an address or a number ("3.5", "a.b/home").
 */
int
pw_text_ends(const struct kwset *words, const unsigned char *p, size_t at)
{
	static const char *const marks[] = { ":", "|", ".", ")", "：",
		"…", "。", "！", "？", NULL };
	struct kwset_match m;
	size_t k;

	for (k = 0; marks[k]; k++) {
		size_t len = strlen(marks[k]);

		if (at >= len && !memcmp(p + at - len, marks[k], len))
			return len > 1 || (p[at - 1] != '.' && p[at - 1] != ':') ||
			    !(is_latin(p[at]) || (p[at] >= '0' && p[at] <= '9'));
	}
	return kwset_ending_at(words, (const char *)p, at, &m) &&
	    (m.tag & FOOT_WORDS);
}

/*
 * Whether p[0..at) ends in a word of a page's head, with a colon after it
 * or not: a breadcrumb's label ("当前位置:") runs on into its path
 * ("首页 > ..."), in the same page.
 */
static int
head_ends(const struct kwset *words, const unsigned char *p, size_t at)
{
	struct kwset_match m;

	if (at >= 3 && !memcmp(p + at - 3, "：", 3))
		at -= 3;
	else if (at >= 1 && p[at - 1] == ':')
		at--;
	return kwset_ending_at(words, (const char *)p, at, &m) &&
	    (m.tag & HEAD_WORDS);
}

/*
 * Where a page may begin before a head word at p[at], or 0: see pw_glue().
 * The text from there to the word has no white space in it: what the
 * text before runs into is the page's first word ("首页", "Skip to"), or
 * a site's name written onto it ("点击右上角微信好友"), not a phrase of
 * the page before.
 */
static size_t
glue_back(const struct kwset *words, const unsigned char *p, size_t at,
    size_t from)
{
	size_t k;

	for (k = at; k >= from && k + PW_GLUE_BACK >= at; k--) {
		if ((p[k] & 0xc0) != 0x80 && pw_text_ends(words, p, k))
			return head_ends(words, p, k) ? 0 : k;
		if (k == 0 || p[k - 1] == ' ' || p[k - 1] == '\t')
			break;
	}
	return 0;
}

/* Whether p[at] begins a word: not a Latin letter right after another
   ("researchers" holds no "search"). */
static int
word_starts(const unsigned char *p, size_t at)
{
	return at == 0 || !is_latin(p[at]) || !is_latin(p[at - 1]);
}

size_t
pw_glue(const struct kwset *words, const unsigned char *p, size_t n,
    size_t first, unsigned cls)
{
	size_t from = first + GLUE_HEAD, upto;
	struct kwset_iter it;
	struct kwset_match m;

	if (n <= from || (!(cls & HEAD_WORDS) && n <= PW_HEAD + PW_TAIL))
		return 0;
	if (n - from > PW_GLUE_TAIL)
		from = n - PW_GLUE_TAIL;
	/*
	 * A line longer than pw_classes() reads whole, with no head word in
	 * its last PW_TAIL bytes (cls), has none starting there.
	 */
	upto = !(cls & HEAD_WORDS) && n - from > PW_TAIL ? n - PW_TAIL - from :
	    n - from;
	if (!(kwset_scan(words, (const char *)p + from, n - from, upto) &
	    HEAD_WORDS))
		return 0;
	kwset_iter_init(&it, words, (const char *)p + from, n - from);
	while (kwset_iter_next(&it, &m)) {
		size_t at = from + m.start, back;

		if ((m.tag & HEAD_WORDS) && p[at - 1] != ' ' && p[at - 1] != '\t' &&
		    word_starts(p, at) &&
		    (back = glue_back(words, p, at, first + GLUE_HEAD)))
			return back;
	}
	return 0;
}
