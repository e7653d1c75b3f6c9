/*
 * keywords.c - strip-chrome's keyword families of chrome: the word lists,
 * handed to the shared matcher (common/kwset.h) as one set whose tags are
 * the families.  ASCII letters match without regard to case; a ':' or '('
 * in a keyword also matches its full-width form.
 */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "kwset.h"
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
	/* The tip box under a blog post (Hexo's NexT theme and others):
	   "打赏", "[ ] 赞赏", then "微信支付", "支付宝". */
	"打赏", "赞赏", "打賞", "讚賞",
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
	"©",	/* the copyright sign, in kw_end too */
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
	"continue reading", "continues below", "story continues",
	"social sharing", NULL
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
	"Copyright", "copyright", "©",
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
	"trending", "editor's picks", "leave a reply",
	"about the author", "sign up for", "newsletter",
	/* The comment box's own heading: "Leave A Comment", "Add a
	   Comment", "WRITE A COMMENT". */
	"leave a comment", "add a comment", "write a comment",
	"post a comment",
	/* "You may (also) like" in the other languages written in
	   Latin letters: a list of other pages follows, never the
	   article ("Você pode gostar...", "También te puede
	   interesar", "Vous aimerez aussi", "Potrebbe interessarti").
	   Not German's "Das könnte Sie auch interessieren": on a
	   paywalled page (a dev meta-page) the article above it is cut
	   short and its teasers, prose-like, would win the body. */
	"voc\xC3\xAA pode gostar", "voc\xC3\xAA tamb\xC3\xA9m pode gostar",
	"te puede interesar", "vous aimerez aussi",
	"vous aimerez peut-\xC3\xAAtre",
	"potrebbe interessarti", "ti potrebbe interessare",
	/* The comment form's title and its button as WordPress prints
	   them in German, French, Spanish, Portuguese and Italian ("Leave
	   a Reply", "Cancel reply"): "Schreibe einen Kommentar Antworten
	   abbrechen", "Laisser un commentaire", "Deja un comentario". */
	"cancel reply", "schreibe einen kommentar",
	"schreiben sie einen kommentar", "hinterlasse einen kommentar",
	"antworten abbrechen", "laisser un commentaire",
	"annuler la r\xC3\xA9ponse", "deja un comentario",
	"cancelar respuesta", "deixe um coment\xC3\xA1rio",
	"cancelar resposta", "lascia un commento", "annulla risposta",
	NULL
};
/*
 * The heading blog software puts over the comments, '6 thoughts on
 * "Title"', '12 Responses to "Title"': nothing of the article follows.
 */
static const char *const kw_close[] = {
	"thoughts on \xE2\x80\x9C", "thought on \xE2\x80\x9C",
	"responses to \xE2\x80\x9C", "response to \xE2\x80\x9C",
	"thoughts on \"", "thought on \"", "responses to \"",
	"response to \"", NULL
};
/*
 * Headings of a comment section, and what its widgets say; they matter
 * only after the body, for --keep-comments.
 */
static const char *const kw_comments[] = {
	"comment", "leave a reply", "responses", "replies", "thoughts on",
	"join the discussion", "join the conversation", "评论", "留言",
	"跟帖", "回复",
	/* The same in traditional characters. */
	"評論", "回覆", "回復", NULL
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
	"本網站", "凡本網", "【免責", "【聲明", "[免責", "本文為",
	/* The consent under an English sign-up form: "By signing up, you
	   agree to our Privacy Policy…", "By submitting your information
	   you agree to…", "By clicking Subscribe you agree…". */
	"by signing up", "by submitting", "by subscribing", "by clicking",
	"by registering",
	/* What an embedded player or post says where it did not load:
	   "To view this video please enable JavaScript…", "Please enable
	   JavaScript to view the comments…", "Listen to this story." */
	"to view this video", "please enable javascript",
	"listen to this story", "listen to this article",
	/* What a browser prints for an <audio> or <video> element it cannot
	   play: "Your browser does not support the <audio> element." */
	"your browser does not support the",
	/* The note under a comment form, as WordPress prints it in English,
	   German, French, Spanish, Portuguese and Italian: "Your email
	   address will not be published." (its opening words; the set holds
	   no word longer than 47 bytes) */
	"your email address will not be",
	"deine e-mail-adresse wird nicht",
	"ihre e-mail-adresse wird nicht",
	"votre adresse e-mail ne sera pas",
	"votre adresse de messagerie ne sera",
	"tu direcci\xC3\xB3n de correo electr\xC3\xB3nico no",
	"o seu endere\xC3\xA7o de e-mail n\xC3\xA3o",
	"o seu endere\xC3\xA7o de email n\xC3\xA3o",
	"il tuo indirizzo email non sar\xC3\xA0",
	/* What an advert's empty slot says: "This advertisement has not
	   loaded yet, but your article continues below.", "Advertisement.
	   Scroll to continue reading." */
	"this advertisement has not loaded", "advertisement. scroll to",
	"advertisement - scroll to", "scroll to continue with content",
	/* A cookie banner: "We use cookies to…", "This website uses
	   cookies…". */
	"we use cookies", "we also use cookies", "this website uses cookies",
	"this site uses cookies", "our website uses cookies", NULL
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
	"thanks for watching", "view this post on", "apple podcasts",
	"image no longer available", "no caption provided",
	"image may contain", "ad feedback", "view full size", "up next",
	/* "View this post on Instagram" as Instagram prints it in German. */
	"sieh dir diesen beitrag auf",
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
	"check out my",
	/* A share prompt asks the reader: "Like this story? Share it with a
	   friend!" */
	"share it with", "share this story", "share this article",
	/* A newsletter's pitch says what it sends: "Get breaking news
	   alerts and special reports." */
	"get breaking news", NULL
};

/* What a newsletter's pitch promises the reader. */
static const char *const kw_pitch[] = { "your inbox", NULL };

/* The editor's credit, the last line of a Chinese news item. */
static const char *const kw_editor[] = {
	"责任编辑", "责编", "編輯", "责任编缉",
	/* The same in traditional characters. */
	"責任編輯", "責編", "責任編緝", NULL
};

/*
 * The labels of page chrome in the other languages written in Latin
 * letters (German, French, Spanish, Portuguese, Italian, Dutch), in lower
 * case: a share or print button, the link to the rest, the heading of
 * related articles, the heading or button of the comments.  Not the
 * pointers of pointer_link() alone ("Lesen Sie auch", "Leggi anche"):
 * they head a box set into the article, which the gold of a dev page
 * keeps.  Not an advert's label ("Anzeige", "Publicidade"):
 * where the page prints it once it sits between paragraphs, and on two
 * pages (a dev page and a dev meta-page) the run moved to chrome when
 * it cost as chrome or as little as a short line.  They
 * count only as a row of their own ("Teilen", "Weiterlesen", "Teilen
 * Kommentare", "TeilenMerkenDrucken"), never inside a sentence or a
 * heading that merely holds one of them; label_row() matches them.
 */
static const char *const labels[] = {
	/* German */
	"teilen", "drucken", "merken", "kommentare", "kommentieren",
	"kommentar schreiben", "kommentar hinzuf\xC3\xBCgen",
	"kommentar abschicken", "anzeigen", "ausblenden", "einblenden",
	"weiterlesen", "mehr lesen", "mehr dazu", "verwandte artikel",
	"\xC3\xA4hnliche artikel", "artikel teilen", "zur startseite",
	/* Where a page holds back an embed until the reader consents:
	   "Empfohlener redaktioneller Inhalt", "[ ] Externer Inhalt
	   Datenschutzerkl\xC3\xA4rung", "Externen Inhalt anzeigen". */
	"empfohlener redaktioneller inhalt", "externer inhalt",
	"externen inhalt", "datenschutzerkl\xC3\xA4rung",
	/* Buttons: "Mehr erfahren" (learn more), "Jetzt anmelden!" (sign
	   up now). */
	"mehr erfahren", "jetzt mehr erfahren", "jetzt anmelden",
	/* French */
	"partager", "partager via", "partager cet article", "imprimer",
	"commentaires", "commenter", "lire la suite", "lire plus",
	"articles similaires", "sur le m\xC3\xAAme sujet",
	/* Spanish */
	"compartir", "imprimir", "comentarios", "comentar",
	"leer m\xC3\xA1s", "seguir leyendo", "ver m\xC3\xA1s",
	"noticias relacionadas", "art\xC3\xAD" "culos relacionados",
	/* Portuguese */
	"compartilhar", "partilhar", "coment\xC3\xA1rios", "leia mais",
	"ver mais", "saiba mais", "not\xC3\xAD" "cias relacionadas",
	"artigos relacionados", "mat\xC3\xA9rias relacionadas",
	/* Italian */
	"condividi", "commenti", "commenta", "leggi tutto",
	"leggi di pi\xC3\xB9", "continua a leggere", "articoli correlati",
	/* Dutch */
	"delen", "reacties", "reageer", "lees meer", "lees verder",
	"gerelateerde artikelen",
	NULL
};

/*
 * A picture's credit in German, Danish, Dutch, Spanish, Italian,
 * Portuguese ("Foto: Mads Claus Rasmussen", "Bild: SN/APA") and French,
 * which spaces its colon ("Photo : Jean Dupont"); at the line's start.
 */
static const char *const kw_credit[] = {
	"foto: ", "fotos: ", "bild: ", "bilder: ", "photo : ",
	"cr\xC3\xA9" "dit photo", "cr\xC3\xA9" "dit : ",
	"Cr\xC3\xA9" "dit photo", "Cr\xC3\xA9" "dit : ", NULL
};

/* A page's word for the scripts its reader's browser does not run:
   noscript_line() (line.c) reads the rest of such a line. */
static const char *const kw_script[] = { "javascript", NULL };

/* The labels that open with a capital the key set does not fold. */
static const char *const labels_capital[] = {
	"\xC3\x84hnliche artikel", NULL
};

/* The byte at s[i] folded to lower case: ASCII letters, and the second
   byte of a capital of Latin-1's letters in UTF-8 ("À" -> "à"). */
static unsigned char
fold_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 &&
	    c <= 0x9E && c != 0x97)
		return (unsigned char)(c + 0x20);
	return ascii_lower(c);
}

/* Does a letter start at s[i]: an ASCII letter, or a character of more
   than one byte that is none of C2's signs and marks (the guillemets,
   the middle dot), E2's punctuation, arrows and bullets, or EF's
   full-width forms. */
static int
letter_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		return 1;
	return c >= 0xC3 && c != 0xE2 && c != 0xEF;
}

/* The length of the longest word of list that s[i..n) opens, ending
   where a word does (or where a capital runs the next label in), else 0. */
static size_t
label_at(const char *const *list, const char *s, size_t i, size_t n)
{
	const char *const *w;
	size_t best = 0, k, j;

	for (w = list; *w; w++) {
		k = strlen(*w);
		if (k > n - i || k <= best)
			continue;
		for (j = 0; j < k && fold_at(s, i + j) == (unsigned char)(*w)[j];
		    j++)
			;
		if (j < k)
			continue;
		if (i + k < n && letter_at(s, i + k) &&
		    !(s[i + k] >= 'A' && s[i + k] <= 'Z'))
			continue;
		best = k;
	}
	return best;
}

/* label_row() (strip.h) */
int
label_row(const char *s, size_t n)
{
	size_t i = 0, k, found = 0;

	if (n > 64)
		return 0;
	while (i < n) {
		if (!letter_at(s, i)) {
			i++;
			continue;
		}
		if ((k = label_at(labels, s, i, n)) == 0)
			return 0;
		found++;
		i += k;
	}
	return found > 0;
}

/*
 * The words that point the reader to another story, in English and the
 * other languages written in Latin letters, in lower case: "SEE ALSO: …",
 * "Also read: …", "À lire aussi …", "Lesen Sie auch: …", "Leia também".
 * With a headline after them they are a link set into the article;
 * pointer_link() matches them.
 */
static const char *const pointers[] = {
	"see also", "also see", "also read", "read also",
	"\xC3\xA0 lire aussi", "a lire aussi", "lire aussi", "voir aussi",
	"lesen sie auch", "lesen sie mehr", "mehr zum thema",
	"auch interessant", "lea tambi\xC3\xA9n", "lee tambi\xC3\xA9n",
	"leia tamb\xC3\xA9m", "veja tamb\xC3\xA9m", "leggi anche", "lees ook",
	"bekijk ook", NULL
};

/* pointer_link() (strip.h) */
int
pointer_link(const char *s, size_t n)
{
	const char *const *w;
	size_t i = 0, k, j, words = 0;

	while (i < n && i < 8 && !letter_at(s, i))
		i++;
	for (w = pointers; *w; w++) {
		k = strlen(*w);
		if (k > n - i)
			continue;
		for (j = 0; j < k && fold_at(s, i + j) == (unsigned char)(*w)[j];
		    j++)
			;
		if (j == k && (i + k == n || !letter_at(s, i + k)))
			break;
	}
	if (*w == NULL)
		return 0;
	for (j = i + k; j < n; j++)
		if (s[j] != ' ' && s[j - 1] == ' ')
			words++;
	return 1 + (int)(words < 16 ? words : 16);
}

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
	{ KW_COMMENTS, kw_comments },
	{ KW_PITCH, kw_pitch },
	{ KW_LABEL, labels },
	{ KW_LABEL, labels_capital },
	{ KW_POINTER, pointers },
	{ KW_CREDIT, kw_credit },
	{ KW_SCRIPT, kw_script },
};

/* Where in a line the words of a family count: a notice or a credit at
   its start, a call to action where a sentence starts, a label or a
   pointer where a word starts. */
static unsigned
kw_flags(unsigned family)
{
	if (family == KW_NOTICE || family == KW_CREDIT)
		return KWW_AT_START;
	if (family == KW_CTA)
		return KWW_SENTENCE_START;
	if (family == KW_LABEL || family == KW_POINTER)
		return KWW_NOT_AFTER_LETTER;
	return 0;
}

struct kwset *
kw_new(void)
{
	struct kwset_word *words;
	struct kwset *ks;
	const char *const *w;
	size_t i, n = 0;

	for (i = 0; i < sizeof kw_lists / sizeof kw_lists[0]; i++)
		for (w = kw_lists[i].words; *w; w++)
			n++;
	words = xreallocarray(NULL, n, sizeof *words);
	n = 0;
	for (i = 0; i < sizeof kw_lists / sizeof kw_lists[0]; i++)
		for (w = kw_lists[i].words; *w; w++) {
			words[n].word = *w;
			words[n].tag = kw_lists[i].family;
			words[n].flags = kw_flags(kw_lists[i].family);
			n++;
		}
	ks = kwset_new(words, n, KWS_FOLD_ASCII | KWS_FULLWIDTH);
	free(words);
	return ks;
}

/*
 * A keyword that starts in the last two bytes of a line (the copyright
 * sign alone is that short) was never looked for; still not, so that the
 * labels stay as they were ("x ©" holds no keyword).
 */
static size_t
kw_upto(size_t n)
{
	return n > 2 ? n - 2 : 0;
}

unsigned
kw_scan(const struct kwset *ks, const char *line, size_t n)
{
	return kwset_scan_walk(ks, line, n, kw_upto(n));
}

unsigned
kw_scan_utf8(const struct kwset *ks, const char *line, size_t n)
{
	return kwset_scan(ks, line, n, kw_upto(n));
}

/* A notice counts at the start only: one place to look at. */
unsigned
kw_scan_notice(const struct kwset *ks, const char *line, size_t n)
{
	return kwset_scan_walk(ks, line, n, kw_upto(n) < 1 ? 0 : 1) &
	    KW_NOTICE;
}
