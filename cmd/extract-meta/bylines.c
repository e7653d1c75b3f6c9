/*
 * bylines.c - bylines with no label: role words before names ("本报记者
 * 张三", "(记者 唐霁 通讯员 许婷)"), names at the end of a paragraph
 * ("(蔡姝雯 张宣)"), a reporter's dateline, English "By NAME"; and the
 * cutting of Chinese names run together at surnames.
 */
#include <stdint.h>
#include <string.h>

#include "page.h"

/* Role words that open a byline inside parentheses or a short line. */
#define R(s) { s, sizeof(s) - 1 }
static const struct {
	const char *w;
	size_t wl;
} roles[] = {
	R("全媒体记者"), R("融媒体记者"), R("首席记者"), R("见习记者"), R("特约记者"),
	R("本报记者"), R("本刊记者"), R("本台记者"), R("记者"), R("記者"), R("通讯员"),
	R("通訊員"), R("实习生"), R("實習生"),
	/* Only with ':' or '/' or inside a byline's parentheses: */
	R("撰文"), R("作者"), R("执笔"), R("執筆"),
};
#undef R
#define ROLES_BARE 14	/* roles[0..ROLES_BARE) may precede a name directly */

/*
 * Can a role word start at s[i] of s[0..n)?  Its first character, one
 * switch (inline: short_byline asks it of every ideograph of a line).
 */
static inline int
role_first(const char *s, size_t n, size_t i)
{
	/* Every role word starts with a character in U+4E00..U+9FFF. */
	if (n - i < 6 || !scan_is_han_lead((unsigned char)s[i]))
		return 0;
	switch (((uint32_t)(s[i] & 0x0f) << 12) | ((uint32_t)(s[i + 1] & 0x3f) << 6) |
	    (s[i + 2] & 0x3f)) {
	case 0x5168: case 0x878d: case 0x9996: case 0x89c1: case 0x7279:
	case 0x672c: case 0x8bb0: case 0x8a18: case 0x901a: case 0x5b9e:
	case 0x5be6: case 0x64b0: case 0x4f5c: case 0x6267: case 0x57f7:
		return 1;	/* 全 融 首 见 特 本 记 記 通 实 實 撰 作 执 執 */
	default:
		return 0;
	}
}

size_t
scan_role_at(const char *s, size_t n, size_t i)
{
	size_t k;

	if (!role_first(s, n, i))
		return 0;
	for (k = 0; k < sizeof(roles) / sizeof(roles[0]); k++)
		if (n - i >= roles[k].wl && s[i + 1] == roles[k].w[1] &&
		    s[i + 2] == roles[k].w[2] && s[i] == roles[k].w[0] &&
		    memcmp(s + i, roles[k].w, roles[k].wl) == 0)
			return roles[k].wl;
	return 0;
}

/* Is the character at s a common Chinese surname? */
static int
common_surname(const char *s)
{
	static const char surnames[] =
	    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
	    "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟"
	    "熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤陳張劉黃趙"
	    "吳孫馬鄭謝許韓馮鄧葉蘇魏呂盧鍾譚陸範賈鄒龔嚴";
	const char *p;

	for (p = surnames; *p; p += 3)
		if (memcmp(p, s, 3) == 0)
			return 1;
	return 0;
}

/*
 * Names run together in s[0..n): "闵乐夫赵兰波刘韬刘晋芳胡玉顺".  Cut it into
 * names of two or three characters, each after the first opening with a
 * common surname.  Stores the byte length of each name in len[] (up to max)
 * and returns how many, or 0 unless exactly one such cut exists.
 */
size_t
scan_names_split(const char *s, size_t n, size_t *len, size_t max)
{
	/* ways[i]: cuts of s[i..n) (capped at 2); step[i]: the name at i. */
	unsigned char ways[64 + 1], step[64 + 1];
	size_t c = n / 3, i, k = 0;

	if (n % 3 || c > 64 || c < 4)
		return 0;
	ways[c] = 1;
	for (i = c; i-- > 0;) {
		int w = 0, st = 0;
		size_t l;

		for (l = 2; l <= 3; l++) {
			if (i + l > c || !ways[i + l] ||
			    (i + l < c && !common_surname(s + 3 * (i + l))))
				continue;
			w += ways[i + l];
			st = (int)l;
		}
		ways[i] = (unsigned char)(w > 2 ? 2 : w);
		step[i] = (unsigned char)st;
	}
	if (ways[0] != 1)
		return 0;
	for (i = 0; i < c && k < max; i += step[i])
		len[k++] = 3 * (size_t)step[i];
	return i == c ? k : 0;
}

/*
 * Where do two names run together in s[0..n) split?  Five or six
 * characters: before the surname that starts the second (宋怡|杨志华,
 * 段彦超|廖艳, 王建宏|张文攀); four: only between two surnames (张三|李四).
 * Returns the byte offset, or 0 when it cannot tell.
 */
size_t
scan_name_split(const char *s, size_t n)
{
	if (n == 12)
		return common_surname(s) && common_surname(s + 6) ? 6 : 0;
	if (n != 15 && n != 18)
		return 0;
	if (common_surname(s + 9) && n - 9 >= 6)
		return 9;
	if (common_surname(s + 6) && n - 6 <= 9)
		return 6;
	if (n == 18 && common_surname(s + 12))
		return 12;
	return 0;
}

/*
 * In a run of Han characters after 记者, the length of the name before a
 * province or city named as the place of the report (彭冲山东冠县报道), or 0.
 */
static size_t
name_before_place(const char *s, size_t n)
{
	static const char *const places[] = { "北京", "天津", "上海", "重庆", "河北",
		"山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
		"山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南",
		"陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆",
		"香港", "澳门", "广州", "深圳", "南京", "杭州", "武汉", "成都", "西安" };
	size_t at_, k;

	/* Names are two to four characters: try the place after each length. */
	for (at_ = 6; at_ <= 12 && at_ < n; at_ += 3)
		for (k = 0; k < sizeof(places) / sizeof(places[0]); k++) {
			size_t wl = strlen(places[k]);

			if (n - at_ >= wl && memcmp(s + at_, places[k], wl) == 0)
				return at_;
		}
	return 0;
}

/*
 * "陈小明编译", "陳小美報導", "陈小明综合外电报道": a run of Han characters
 * after 记者 that is a name of two to four characters and a verb of the
 * reporting.  Returns the name's length in bytes, or 0.
 */
static size_t
name_before_verb(const char *s, size_t h)
{
	static const char *const verbs[] = { "报道", "報道", "報導", "编译", "編譯",
		"整理", "摄影", "攝影", "翻摄", "翻攝", "摄", "攝", "供稿", "发自", "發自",
		"翻译", "翻譯", "综合", "綜合" };
	size_t at_, k;

	for (at_ = 6; at_ <= 12 && at_ < h; at_ += 3)
		for (k = 0; k < sizeof(verbs) / sizeof(verbs[0]); k++)
			if (scan_starts_with(s + at_, h - at_, verbs[k], strlen(verbs[k])))
				return at_;
	return 0;
}

/*
 * A reporter's dateline, "記者楊明珠東京2日專電": the Han run s[j..j+h) is
 * a name and a place, the day and 电 follow.  Returns the name's length:
 * before a known place, else three characters (the commonest name) before
 * a place of two or three, or two before a two-character place.  0 if the
 * run is no dateline.
 */
static size_t
dateline_name(const char *s, size_t n, size_t j, size_t h)
{
	size_t e = j + h, cut;

	if (h < 12 || h > 18 || e >= n || s[e] < '0' || s[e] > '9')
		return 0;
	while (e < n && s[e] >= '0' && s[e] <= '9')
		e++;
	if (!scan_starts_with(s + e, n - e, LIT("日")))
		return 0;
	e += 3;
	if (scan_starts_with(s + e, n - e, LIT("专")) || scan_starts_with(s + e, n - e, LIT("專")))
		e += 3;
	if (!scan_starts_with(s + e, n - e, LIT("电")) && !scan_starts_with(s + e, n - e, LIT("電")))
		return 0;
	if ((cut = name_before_place(s + j, h)) != 0)
		return cut;
	return h == 12 ? 6 : 9;
}

/*
 * May the role word s[i..i+r) stand before a name without a colon?  Only
 * the reporter family, and only after a medium (扬子晚报记者) or alone.
 */
static int
bare_role(const char *s, size_t i, size_t r)
{
	static const char *const media[] = { "报", "報", "社", "网", "網", "台",
		"刊", "闻", "聞", "视", "视", "体" };
	size_t k;

	/* 作者 and the like only after a publication's name: 《棱镜》作者周纯 */
	for (k = ROLES_BARE; k < sizeof(roles) / sizeof(roles[0]); k++)
		if (roles[k].wl == r && memcmp(s + i, roles[k].w, r) == 0)
			return i >= 3 && memcmp(s + i - 3, "》", 3) == 0 ? 2 : 0;
	if (i < 3 || !scan_is_han_lead((unsigned char)s[i - 3]))
		return 1;
	for (k = 0; k < sizeof(media) / sizeof(media[0]); k++)
		if (memcmp(s + i - 3, media[k], 3) == 0)
			return 2;
	return 0;
}

/* Bytes of the run of CJK ideographs (U+4E00..U+9FFF) at s[i]. */
size_t
scan_han_run(const char *s, size_t n, size_t i)
{
	size_t j = i;

	while (j + 3 <= n && scan_is_han_lead((unsigned char)s[j]))
		j += 3;
	return j - i;
}

/*
 * Does a photographer's credit close the byline value at off, len bytes,
 * of line li: "记者杜洋摄", "記者陳嘉寧/攝影"?  He took the pictures; the
 * text is someone else's.
 */
static int
photo_credit(const struct page *pg, size_t li, size_t off, size_t len)
{
	static const char *const w[] = { "摄影", "攝影", "翻摄", "翻攝", "摄", "攝" };
	const char *p = pg->n + off + len, *end = pg->n + pg->ln[li].noff + pg->ln[li].nlen;
	size_t k, wl;

	while (len > 0 && strchr(" )]", pg->n[off + len - 1]))
		len--;
	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		wl = strlen(w[k]);
		if (len > wl && memcmp(pg->n + off + len - wl, w[k], wl) == 0)
			return 1;
	}
	while (p < end && (*p == ' ' || *p == '/'))
		p++;
	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		wl = strlen(w[k]);
		if ((size_t)(end - p) >= wl && memcmp(p, w[k], wl) == 0)
			return 1;
	}
	return 0;
}

/* Record a byline's value at off, len bytes, of line li, unless a photo credit. */
static void
add_byline(struct page *pg, size_t li, size_t off, size_t len)
{
	if (!photo_credit(pg, li, off, len))
		scan_add_value(pg, li, off, len, LK_AUTHOR, HOW_BYLINE);
}

/*
 * A byline in parentheses, "(记者 唐霁)", "(本报记者 过国忠 通讯员 许 婷)",
 * or, at the end of a paragraph, bare names "(蔡姝雯 张宣 程晓琳)".
 */
static void
paren_byline(struct page *pg, size_t li, size_t a, size_t b, int at_end)
{
	const char *s = pg->n;
	size_t i, r, names = 0, start;
	int any_role = 0;

	for (i = a; i < b; i += 1) {
		if (role_first(s, b, i) && (r = scan_role_at(s, b, i)) > 0) {
			size_t j = i + r;

			any_role = 1;
			if (j < b && (s[j] == ':' || s[j] == '/'))
				j++;
			start = j;
			/* Names run to the next role word or the end. */
			while (j < b && !(role_first(s, b, j) && scan_role_at(s, b, j)))
				j++;
			{
				size_t dl = dateline_name(s, b, start, scan_han_run(s, b, start));

				if (dl)
					j = start + dl;
			}
			/* Only the first Han run when a verb follows: 记者唐霁 */
			add_byline(pg, li, start, j - start);
			i = j - 1;
		}
	}
	if (any_role || !at_end)
		return;
	/* Bare names: every token 2-4 Han characters, two or more tokens. */
	i = a;
	while (i < b) {
		size_t h;

		while (i < b && s[i] == ' ')
			i++;
		if (i >= b)
			break;
		h = scan_han_run(s, b, i);
		if (h < 6 || h > 12 || (i + h < b && s[i + h] != ' '))
			return;
		/* "(摄影 张三)": a label word is no name; the group is something else. */
		{
			size_t ls;

			if (label_before(pg->tab, s, i + h, &ls) != LK_NONE && ls == i)
				return;
		}
		/* "(新华社)", "(本报讯)": a medium, not a person. */
		{
			static const char *const media[] = { "社", "网", "報", "报", "台",
				"讯", "訊", "刊" };
			size_t k;

			for (k = 0; k < sizeof(media) / sizeof(media[0]); k++)
				if (memcmp(s + i + h - 3, media[k], 3) == 0)
					return;
		}
		names++;
		i += h;
	}
	/*
	 * ...closing a sentence, "格局。(蔡姝雯 张宣 程晓琳)", or alone on the
	 * line under the body, "(袁源)".
	 */
	if ((names >= 2 && a >= 4 && (memcmp(s + a - 4, "。", 3) == 0 ||
	    memcmp(s + a - 4, "”", 3) == 0 || s[a - 2] == '!' || s[a - 2] == '?')) ||
	    (at_end == 2 && names >= 1 && names <= 3))
		scan_add_value(pg, li, a, b - a, LK_AUTHOR, HOW_BYLINE);
}

/* Does a word of the reporter family, roles[0..ROLES_BARE), stand in s[a..b)? */
static int
reporter_in(const char *s, size_t a, size_t b)
{
	size_t k;

	for (k = 0; k < ROLES_BARE; k++)
		if (find_bytes(s + a, b - a, roles[k].w, roles[k].wl))
			return 1;
	return 0;
}

/*
 * "〔記者巫其倫/台北報導〕", "【记者 张三】": the brackets that open a
 * paragraph hold its byline, as parentheses do.
 */
void
bracket_byline(struct page *pg, size_t li, const char *s, size_t n)
{
	size_t i, off = (size_t)(s - pg->n);
	const char *close;

	if (n < 9 || (unsigned char)s[0] != 0xe3 || (unsigned char)s[1] != 0x80)
		return;
	if ((unsigned char)s[2] == 0x94)
		close = "〕";
	else if ((unsigned char)s[2] == 0x90)
		close = "】";
	else
		return;
	for (i = 3; i + 3 <= n && i < 120; i++)
		if (memcmp(s + i, close, 3) == 0) {
			/* A reporter's word within ("【作者单位:...】" is an affiliation). */
			if (reporter_in(s, 3, i))
				paren_byline(pg, li, off + 3, off + i, 0);
			return;
		}
}

/* Only blanks and box-drawing characters (│ ┃) in s[a..b)? */
static int
blank_or_box(const char *s, size_t a, size_t b)
{
	while (a < b) {
		if (s[a] == ' ')
			a++;
		else if (b - a >= 3 && (unsigned char)s[a] == 0xe2 &&
		    ((unsigned char)s[a + 1] == 0x94 || (unsigned char)s[a + 1] == 0x95))
			a += 3;
		else
			return 0;
	}
	return 1;
}

/* Parentheses of a line that may hold a byline: the first ones and the last. */
void
scan_parens(struct page *pg, size_t li, const char *s, size_t n)
{
	size_t i, lim = n > LONG_LINE ? 200 : n;
	const char *p;

	for (i = 0; i < n; i++) {
		size_t j;

		/*
		 * The next '(' (most bytes are none: memchr), in the first lim
		 * bytes, then from the last 200 on.
		 */
		if (i < lim && (p = memchr(s + i, '(', lim - i)) != NULL)
			i = (size_t)(p - s);
		else {
			if (lim == n)
				break;
			if (i <= lim)
				i = n - 200 > lim ? n - 200 : lim;
			if (i >= n || (p = memchr(s + i, '(', n - i)) == NULL)
				break;
			i = (size_t)(p - s);
		}
		for (j = i + 1; j < n && j - i < 120 && s[j] != ')' && s[j] != '('; j++)
			;
		if (j >= n || s[j] != ')')
			continue;
		{
			size_t rest = j + 1;

			/* At the end of a paragraph: nothing but punctuation after. */
			while (rest < n && (s[rest] == ' ' || s[rest] == '.'))
				rest++;
			/* "(责任编辑 张三)": a label and a blank instead of a colon. */
			if (j - i < 60 && spaced_label(pg, li, s + i, j - i + 1)) {
				i = j;
				continue;
			}
			paren_byline(pg, li, (size_t)(s - pg->n) + i + 1,
			    (size_t)(s - pg->n) + j,
			    blank_or_box(s, 0, i) && blank_or_box(s, j + 1, n) ? 2 :
			    rest == n && n > 60);
		}
		i = j;
	}
}

/* "扬子晚报记者张楠", "本报记者葛灵丹", "记者 刘涛": a short byline line. */
void
short_byline(struct page *pg, size_t li, const char *s, size_t n)
{
	size_t i, r;
	int media;

	for (i = 0; i < n; i++) {
		if (!role_first(s, n, i) || !(r = scan_role_at(s, n, i)))
			continue;
		/* "作者须知" is not a byline; "小记者" is not a reporter. */
		if (!(media = bare_role(s, i, r)))
			return;
		{
			size_t j = i + r, st, h;

			while (j < n && s[j] == ' ')
				j++;
			st = j;
			h = scan_han_run(s, n, j);
			if (media && (r = dateline_name(s, n, j, h)) != 0) {
				scan_add_value(pg, li, (size_t)(s - pg->n) + j, r, LK_AUTHOR, HOW_BYLINE);
				return;
			}
			/* "記者陳小美報道", "记者陈小明编译": the name, then the verb. */
			if (h >= 12 && h <= 30 && (r = name_before_verb(s + j, h)) != 0) {
				add_byline(pg, li, (size_t)(s - pg->n) + j, r);
				return;
			}
			/* "彭冲山东冠县报道", "王建宏张文攀": names run into more text. */
			if (h > 12 && h <= 30) {
				size_t cut = name_before_place(s + j, h);

				if (cut) {
					scan_add_value(pg, li, (size_t)(s - pg->n) + j, cut, LK_AUTHOR,
					    HOW_BYLINE);
					return;
				}
				if ((h == 18 || h == 15) && j + h == n && media == 2) {
					/* Two names run together: 段彦超廖艳, 王建宏张文攀. */
					size_t at0 = (size_t)(s - pg->n) + j;
					size_t sp = scan_name_split(s + j, h);

					if (!sp)
						sp = 9;	/* three characters: the commonest */
					scan_add_value(pg, li, at0, sp, LK_AUTHOR, HOW_BYLINE);
					scan_add_value(pg, li, at0 + sp, h - sp, LK_AUTHOR, HOW_BYLINE);
					return;
				}
			}
			/* 2-4 characters, then the end, a space, '/', 、 or a role. */
			if (h >= 6 && h <= 12 && (j + h == n || s[j + h] == ' ' ||
			    s[j + h] == '/' || scan_starts_with(s + j + h, n - j - h, LIT("、")) ||
			    scan_role_at(s, n, j + h))) {
				size_t e = j + h;

				/* "记者  伊琳  李清芬", "记者陈小明、林大华": more names. */
				for (;;) {
					size_t q = e, h2;

					while (q < n && s[q] == ' ')
						q++;
					if (q == e && scan_starts_with(s + q, n - q, LIT("、")))
						q += 3;
					if (q == e || q >= n)
						break;
					h2 = scan_han_run(s, n, q);
					if (h2 < 6 || h2 > 9 || (q + h2 < n && s[q + h2] != ' ' &&
					    s[q + h2] != '/' && !scan_starts_with(s + q + h2,
					    n - q - h2, LIT("、"))))
						break;
					e = q + h2;
				}
				add_byline(pg, li, (size_t)(s - pg->n) + st, e - st);
				return;
			}
			if (h == 0 && j < n && ((unsigned char)s[j] < 0x80) && s[j] != ' ') {
				size_t e = j;

				while (e < n && s[e] != ' ' && (unsigned char)s[e] < 0x80)
					e++;
				if (e - j >= 2 && e - j <= 30)
					scan_add_value(pg, li, (size_t)(s - pg->n) + j, e - j,
					    LK_AUTHOR, HOW_BYLINE);
				return;
			}
		}
		return;
	}
}

/*
 * Record the names of an English byline, s[na..b) of line li (s is the
 * line): they end where a date or the next item starts.
 */
void
english_byline(struct page *pg, size_t li, const char *s, size_t na, size_t b)
{
	static const char *const stops[] = { "|", " On ", " on ", " at ",
		" - ", " — ", " Updated", " Published", " Posted" };
	size_t e = b, k, dpos = na, ds, de;
	struct mdate dd;

	for (k = 0; k < sizeof(stops) / sizeof(stops[0]); k++) {
		const char *q = find_bytes(s + na, e - na, stops[k], strlen(stops[k]));

		if (q)
			e = (size_t)(q - s);
	}
	if (date_scan(s, e, &dpos, &dd, &ds, &de))
		e = ds;
	/*
	 * "Jonathan GarberFOXBusiness": w3m ran the name and the outlet's
	 * together; a small letter then two capitals is where they meet
	 * (McCoy and DeVito have one capital, and so has McCOY in a byline
	 * in capitals: the name before the join has two small letters).
	 */
	for (k = na + 1; k + 2 < e; k++)
		if (s[k] >= 'a' && s[k] <= 'z' && s[k - 1] >= 'a' && s[k - 1] <= 'z' &&
		    s[k + 1] >= 'A' && s[k + 1] <= 'Z' &&
		    s[k + 2] >= 'A' && s[k + 2] <= 'Z') {
			e = k + 1;
			break;
		}
	while (e > na && s[e - 1] == ' ')
		e--;
	if (e > na) {
		scan_add_value(pg, li, pg->ln[li].noff + na, e - na, LK_AUTHOR, HOW_BYLINE);
		pg->ln[li].bits |= LB_BYLINE;
	}
}

/*
 * A short line "责任编辑 张三", "来源 新华社", "[作者 李四]": a label and its
 * value with blanks instead of a colon.
 */
int
spaced_label(struct page *pg, size_t li, const char *s, size_t n)
{
	size_t a = 0, e, v, ls;
	enum lkind kd;

	if (n && (s[0] == '[' || s[0] == '('))
		a = 1;
	while (a < n && s[a] == ' ')
		a++;
	e = a + scan_han_run(s, n, a);
	if (e == a || e - a > 18 || e >= n || s[e] != ' ')
		return 0;
	for (v = e; v < n && s[v] == ' '; v++)
		;
	/* The label is the whole run (e - ls its length: no blank before e). */
	if (v >= n || (kd = label_before(pg->tab, s, e, &ls)) == LK_NONE || ls != a ||
	    e - ls < 6)
		return 0;
	switch (kd) {
	case LK_SOURCE:
	case LK_AUTHOR:
	case LK_EDITOR:
	case LK_EDITOR_PLAIN:
		pg->ln[li].bits |= LB_LABEL | (kd == LK_SOURCE || kd == LK_AUTHOR ? LB_META : LB_END);
		if (kd != LK_AUTHOR || !photo_credit(pg, li, (size_t)(s - pg->n) + v, n - v))
			scan_add_value(pg, li, (size_t)(s - pg->n) + v, n - v, kd, HOW_LABEL);
		return 1;
	default:
		return 0;
	}
}
