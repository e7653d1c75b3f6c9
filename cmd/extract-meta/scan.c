/*
 * scan.c - the extract-meta scanner.  One pass folds the page text
 * (full-width ASCII, ideographic spaces, pinyin injected after characters)
 * and cuts it into lines, counting what each holds; a second pass over the
 * lines collects labelled values (来源:, 作者:, 责任编辑:, 发布时间: ...),
 * dates, bylines and breadcrumbs with their line numbers, for meta.c to
 * choose from.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "utf8.h"
#include "winnow.h"

struct label {
	const char *w;
	size_t wl;
	enum lkind kind;
	int boundary;		/* must not follow a Han character */
};

#define L(s, k, b) { s, sizeof(s) - 1, k, b }
/* Longest first within a suffix family: matching takes the first hit. */
static const struct label labels[] = {
	L("快照生成时间", LK_CRAWLED, 0), L("快照時間", LK_CRAWLED, 0),
	L("抓取时间", LK_CRAWLED, 0), L("采集时间", LK_CRAWLED, 0),
	L("信息原文地址", LK_URL, 0), L("原文地址", LK_URL, 0),
	L("本文链接", LK_URL, 0), L("原文链接", LK_URL, 0), L("本文鏈接", LK_URL, 0),
	L("原文連結", LK_URL, 0), L("文章链接", LK_URL, 0), L("本文地址", LK_URL, 0),
	L("文章地址", LK_URL, 0), L("永久链接", LK_URL, 0), L("原文网址", LK_URL, 0),
	L("本文网址", LK_URL, 0), L("文章网址", LK_URL, 0), L("原文出处", LK_URL, 0),
	L("最后更新时间", LK_MODIFIED, 0), L("最后更新", LK_MODIFIED, 0),
	L("最後更新", LK_MODIFIED, 0), L("更新时间", LK_MODIFIED, 0),
	L("更新時間", LK_MODIFIED, 0), L("修改时间", LK_MODIFIED, 0),
	L("最后修改", LK_MODIFIED, 0), L("更新于", LK_MODIFIED, 0),
	L("更新於", LK_MODIFIED, 0), L("更新", LK_MODIFIED, 0),
	L("发布时间", LK_PUBLISHED, 0), L("發布時間", LK_PUBLISHED, 0),
	L("發佈時間", LK_PUBLISHED, 0), L("发表时间", LK_PUBLISHED, 0),
	L("發表時間", LK_PUBLISHED, 0), L("发稿时间", LK_PUBLISHED, 0),
	L("上传时间", LK_PUBLISHED, 0), L("录入时间", LK_PUBLISHED, 0),
	L("发布日期", LK_PUBLISHED, 0), L("發布日期", LK_PUBLISHED, 0),
	L("发表日期", LK_PUBLISHED, 0), L("刊发时间", LK_PUBLISHED, 0),
	L("出版日期", LK_PUBLISHED, 0), L("发表于", LK_PUBLISHED, 0),
	L("發表於", LK_PUBLISHED, 0), L("发布于", LK_PUBLISHED, 0),
	L("时间", LK_PUBLISHED, 0), L("時間", LK_PUBLISHED, 0),
	L("日期", LK_PUBLISHED, 0),
	L("图片来源", LK_STOP, 0), L("圖片來源", LK_STOP, 0),
	L("消息来源", LK_SOURCE, 0), L("文章来源", LK_SOURCE, 0),
	L("新闻来源", LK_SOURCE, 0), L("本文来源", LK_SOURCE, 0),
	L("来源于", LK_SOURCE, 0), L("来源", LK_SOURCE, 0), L("來源", LK_SOURCE, 0),
	L("稿源", LK_SOURCE, 0), L("出处", LK_SOURCE, 0), L("出處", LK_SOURCE, 0),
	L("本文转自", LK_REPRINT, 0), L("本文轉自", LK_REPRINT, 0),
	L("转载自", LK_REPRINT, 0), L("转自", LK_REPRINT, 0), L("转贴自", LK_REPRINT, 0),
	L("转帖自", LK_REPRINT, 0), L("轉貼自", LK_REPRINT, 0), L("轉載自", LK_REPRINT, 0),
	L("责任编辑", LK_EDITOR, 0), L("責任編輯", LK_EDITOR, 0),
	L("责任编缉", LK_EDITOR, 0), L("责编", LK_EDITOR, 0), L("責編", LK_EDITOR, 0),
	L("值班编辑", LK_EDITOR, 0), L("网络编辑", LK_EDITOR, 0),
	L("编辑", LK_EDITOR_PLAIN, 0), L("編輯", LK_EDITOR_PLAIN, 0),
	L("小编", LK_EDITOR_PLAIN, 1),
	L("作者", LK_AUTHOR, 0), L("作 者", LK_AUTHOR, 0), L("记者", LK_AUTHOR, 0),
	L("記者", LK_AUTHOR, 0), L("撰文", LK_AUTHOR, 0), L("撰稿", LK_AUTHOR, 0),
	L("采写", LK_AUTHOR, 0), L("採寫", LK_AUTHOR, 0),
	L("执笔", LK_AUTHOR, 0), L("執筆", LK_AUTHOR, 0), L("执笔人", LK_AUTHOR, 0),
	L("執筆人", LK_AUTHOR, 0), L("通讯员", LK_AUTHOR, 0),
	L("通訊員", LK_AUTHOR, 0), L("实习生", LK_AUTHOR, 0), L("實習生", LK_AUTHOR, 0),
	L("原创", LK_AUTHOR, 1), L("文", LK_AUTHOR, 1),
	L("所属分类", LK_CATEGORY, 0), L("所属栏目", LK_CATEGORY, 0),
	L("栏目", LK_CATEGORY, 0), L("欄目", LK_CATEGORY, 0), L("类别", LK_CATEGORY, 0),
	L("類別", LK_CATEGORY, 0), L("分类", LK_CATEGORY, 0), L("分類", LK_CATEGORY, 0),
	L("频道", LK_CATEGORY, 1),
	L("您现在的位置", LK_PLACE, 0), L("您的位置", LK_PLACE, 0),
	L("当前位置", LK_PLACE, 0), L("現在位置", LK_PLACE, 0),
	L("现在位置", LK_PLACE, 0), L("所在位置", LK_PLACE, 0), L("位置", LK_PLACE, 0),
	L("正在阅读", LK_TITLE, 0), L("正在閱讀", LK_TITLE, 0), L("原标题", LK_ORIG_TITLE, 0),
	L("原標題", LK_ORIG_TITLE, 0), L("原题", LK_ORIG_TITLE, 0), L("标题", LK_TITLE, 1),
	L("標題", LK_TITLE, 1),
	L("摄影", LK_STOP, 0), L("攝影", LK_STOP, 0), L("字号", LK_STOP, 0),
	L("浏览", LK_STOP, 0), L("阅读", LK_STOP, 0), L("点击", LK_STOP, 0),
	L("评论", LK_STOP, 0), L("关键词", LK_STOP, 0), L("关键字", LK_STOP, 0),
	L("标签", LK_STOP, 0), L("分享到", LK_STOP, 0), L("分享", LK_STOP, 0),
	L("校对", LK_STOP, 0), L("审核", LK_STOP, 0), L("监制", LK_STOP, 0),
	L("字体", LK_STOP, 0), L("人气", LK_STOP, 0), L("热度", LK_STOP, 0),
	/* English, matched case-insensitively before a colon. */
	L("published", LK_PUBLISHED, 1), L("posted", LK_PUBLISHED, 1),
	L("date", LK_PUBLISHED, 1), L("updated", LK_MODIFIED, 1),
	L("modified", LK_MODIFIED, 1), L("source", LK_SOURCE, 1),
	L("author", LK_AUTHOR, 1), L("authors", LK_AUTHOR, 1),
	L("editor", LK_EDITOR, 1), L("url", LK_URL, 1), L("permalink", LK_URL, 1),
};
#undef L

#define NLABELS (sizeof(labels) / sizeof(labels[0]))

/*
 * The first label that can end with a given byte (folded to lower case),
 * and after each label the next that ends with its byte: most colons
 * follow no label at all, and the rest need try only a few.
 */
static void
label_index_init(struct scan_tables *t)
{
	size_t k, b;

	t->label_next = xreallocarray(NULL, NLABELS, sizeof(*t->label_next));
	for (b = 0; b < 256; b++)
		t->label_first[b] = NLABELS;
	for (k = NLABELS; k-- > 0;) {
		b = (unsigned char)(labels[k].w[labels[k].wl - 1] | 0x20);
		t->label_next[k] = t->label_first[b];
		t->label_first[b] = k;
	}
}

/* memmem(3) is not POSIX: the first w[0..wl) in s[0..n), or NULL. */
const char *
scan_find(const char *s, size_t n, const char *w, size_t wl)
{
	const char *p = s, *end = s + n;

	if (wl == 0 || wl > n)
		return NULL;
	while ((p = memchr(p, w[0], (size_t)(end - p) - wl + 1)) != NULL) {
		if (memcmp(p, w, wl) == 0)
			return p;
		if (++p + wl > end)
			break;
	}
	return NULL;
}

#define SPACES8 0x2020202020202020ULL

static inline uint64_t
load8(const char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

/*
 * Skip a run of spaces from s[i] eight bytes at a time: table layouts pad
 * their cells with hundreds of them.
 */
static inline size_t
skip_blank_run(const char *s, size_t i, size_t n)
{
	while (i + 8 <= n && load8(s + i) == SPACES8)
		i += 8;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* Pinyin letters: a-z and the tone-marked vowels (2-byte UTF-8). */
static size_t
pinyin_letter(const unsigned char *s, size_t n, char *base)
{
	static const char *const tones[] = { "ā", "á", "ǎ", "à", "ē", "é", "ě",
		"è", "ī", "í", "ǐ", "ì", "ō", "ó", "ǒ", "ò", "ū", "ú", "ǔ", "ù", "ü",
		"ǖ", "ǘ", "ǚ", "ǜ", "ń", "ň" };
	static const char bases[] = "aaaaeeeeiiiioooouuuuvvvvvnn";
	size_t k;

	if (n > 0 && s[0] >= 'a' && s[0] <= 'z') {
		*base = (char)s[0];
		return 1;
	}
	if (n >= 2 && s[0] >= 0xc3 && s[0] <= 0xc7)
		for (k = 0; k < sizeof(tones) / sizeof(tones[0]); k++)
			if (memcmp(s, tones[k], 2) == 0) {
				*base = bases[k];
				return 2;
			}
	if (n >= 3 && s[0] == 0xe1 && memcmp(s, "ḿ", 3) == 0) {
		*base = 'm';
		return 3;
	}
	return 0;
}

/*
 * Is p[0..n) (tone marks taken off, ü as v) a pinyin syllable: an initial,
 * vowels, then n, ng or r?  "zhen", "wang", "er", "ng"; not "app".
 */
static int
pinyin_syllable(const char *p, size_t n)
{
	size_t i = 0;

	if ((n == 1 && (p[0] == 'n' || p[0] == 'm')) || (n == 2 && memcmp(p, "ng", 2) == 0))
		return 1;	/* interjections: 嗯 n, 呣 m */
	if (n >= 2 && p[1] == 'h' && (p[0] == 'z' || p[0] == 'c' || p[0] == 's'))
		i = 2;
	else if (n >= 1 && strchr("bpmfdtnlgkhjqxrzcsyw", p[0]))
		i = 1;
	if (i >= n || !strchr("aeiouv", p[i]))
		return 0;
	while (i < n && strchr("aeiouv", p[i]))
		i++;
	if (i + 2 == n && memcmp(p + i, "ng", 2) == 0)
		return 1;
	if (i + 1 == n && (p[i] == 'n' || p[i] == 'r'))
		return 1;
	return i == n;
}

/*
 * Pinyin injected after a character: "(zhèn)" right after Han, 1..7
 * letters, closed by ')' or cut off by the end of the line.  Returns its
 * length or 0.
 */
static size_t
pinyin_run(const unsigned char *s, size_t n)
{
	size_t i = 1, k, letters = 0;
	char base[8];

	if (n < 2 || s[0] != '(')
		return 0;
	while (i < n && letters < sizeof(base) && (k = pinyin_letter(s + i, n - i,
	    &base[letters])) > 0) {
		i += k;
		letters++;
	}
	if (!letters || letters > 6)
		return 0;
	if (i < n && s[i] == ')')
		return pinyin_syllable(base, letters) ? i + 1 : 0;
	/* Cut off by the end of the line: "建設(s"; any start of a syllable. */
	return i == n ? i : 0;
}


/* Traditional-only and simplified-only forms of common characters. */
static const char trad_chars[] =
    "這們個來時會國說對學發過還與為後經開關長門問間見現電話當從點東車機業產際書記實";
static const char simp_chars[] =
    "这们个来时会国说对学发过还与为后经开关长门问间见现电话当从点东车机业产际书记实";

/* The ideographs that hint at what a line may hold. */
static const struct {
	const char *chars;
	unsigned hints;
} han_hints[] = {
	{ "年刚剛今昨前", H_DATE },
	{ "本", H_BEN | H_ROLE },
	{ "全融首见特记記通实實撰作执執", H_ROLE },	/* role words' first */
	{ "相推延热猜为更", H_REL },
	{ "发發", H_FA },
	{ "丨", H_SEP },	/* a bar: 文丨张三 */
};

/*
 * What each ideograph U+4E00..U+9FFF tells, one byte looked up per
 * character (most of a Chinese page): its H_* hints, and in the two bits
 * no ideograph's hint uses, whether it is on one of the lists above.
 */
enum { HAN_TRAD = H_PAREN, HAN_SIMP = H_CRUMB, HAN_SCRIPT = HAN_TRAD | HAN_SIMP };

static void
mark_chars(uint8_t *han_info, const char *chars, unsigned bits)
{
	const unsigned char *p = (const unsigned char *)chars;
	size_t n = strlen(chars), i = 0;
	uint32_t c;

	while (i < n) {
		i += utf8_decode(p + i, n - i, &c);
		if (c >= 0x4e00 && c < 0xa000)
			han_info[c - 0x4e00] |= (uint8_t)bits;
	}
}

static void
hint_tables_init(struct scan_tables *t)
{
	uint8_t *ascii_hints = t->ascii_hints;
	size_t k;

	for (k = 0; k < 26; k++)
		ascii_hints['a' + k] = ascii_hints['A' + k] = H_DATE;
	for (k = 0; k < 10; k++)
		ascii_hints['0' + k] = H_DATE;
	ascii_hints[':'] = ascii_hints['/'] = ascii_hints['|'] = H_SEP;
	ascii_hints['('] = H_PAREN;
	ascii_hints['>'] = H_CRUMB;
	mark_chars(t->han_info, trad_chars, HAN_TRAD);
	mark_chars(t->han_info, simp_chars, HAN_SIMP);
	for (k = 0; k < sizeof(han_hints) / sizeof(han_hints[0]); k++)
		mark_chars(t->han_info, han_hints[k].chars, han_hints[k].hints);
}

void
scan_tables_init(struct scan_tables *t)
{
	hint_tables_init(t);
	label_index_init(t);
}

void
scan_tables_free(struct scan_tables *t)
{
	free(t->label_next);
	t->label_next = NULL;
}

/*
 * What the characters of a folded line tell: counts and hints.  Kept in a
 * local while folding (stores through the output buffer's char pointer
 * would otherwise force the compiler to reload every counter).
 */
struct tally {
	int nvis, nhan;		/* nhan also adds to the page's count */
	unsigned hints;
	int hant, hans, kana, hangul, latin, en_words;
};

/* One more ideograph of those on the script lists (HAN_SCRIPT in f). */
static inline void
note_script(struct tally *t, unsigned f)
{
	/* A sample decides the script; most pages are long. */
	if (t->hant + t->hans > 400)
		return;
	if (f & HAN_TRAD)
		t->hant++;
	else
		t->hans++;
}

static inline void
note_cp(struct tally *t, const struct scan_tables *tab, uint32_t cp)
{
	t->nvis++;
	if (cp >= 0x4e00 && cp <= 0x9fff) {
		unsigned f = tab->han_info[cp - 0x4e00];

		t->hints |= f & ~HAN_SCRIPT;
		t->nhan++;
		if (f & HAN_SCRIPT)
			note_script(t, f);
		return;
	}
	if (cp == 0xbb || cp == 0x203a || cp == 0x2192)	/* » › → */
		t->hints |= H_CRUMB;
	if (cp >= 0x3040 && cp <= 0x30ff)
		t->kana++;
	else if (cp >= 0xac00 && cp <= 0xd7a3)
		t->hangul++;
	else if (cp >= 0x3400 && uc_class(cp) == UC_HAN)
		t->nhan++;
}

/* An English word ended: count the commonest function words. */
static inline void
note_word(struct tally *t, const char *w, int wl)
{
	if ((wl == 3 && (memcmp(w, "the", 3) == 0 || memcmp(w, "and", 3) == 0)) ||
	    (wl == 2 && (memcmp(w, "of", 2) == 0 || memcmp(w, "to", 2) == 0 ||
	    memcmp(w, "is", 2) == 0)))
		t->en_words++;
}

/* A visible ASCII character c; w[0..*wl) is the English word it may go on. */
static inline void
note_ascii(struct tally *t, const uint8_t *ascii_hints, unsigned char c, char *w, int *wl)
{
	t->nvis++;
	t->hints |= ascii_hints[c];
	if ((unsigned char)((c | 0x20) - 'a') < 26) {
		t->latin++;
		if (*wl < 7)
			w[*wl] = (char)(c | 0x20);
		(*wl)++;
	} else if (*wl) {
		note_word(t, w, *wl);
		*wl = 0;
	}
}

/*
 * The index in han_info of the ideograph (U+4E00..U+9FFF) whose UTF-8
 * bytes would be b0 b1 b2, or HAN_N and above when they are none: a lead
 * byte out of 0xe0..0xef puts the difference out of range.
 */
static inline uint32_t
han_index(unsigned b0, unsigned b1, unsigned b2)
{
	b1 ^= 0x80;
	b2 ^= 0x80;
	if ((b1 | b2) >= 0x40)
		return HAN_N;	/* not continuation bytes */
	return (((uint32_t)(b0 - 0xe0) << 12) | (b1 << 6) | b2) - 0x4e00;
}

/*
 * Fold one line into pg->norm and count what is in it, in one pass:
 * full-width ASCII to ASCII, U+3000 and NBSP to a space, tabs to spaces,
 * CR dropped, pinyin after Han removed.
 */
static void
fold_line(struct page *pg, struct line *l, const unsigned char *s, size_t n)
{
	struct buf *out = &pg->norm;
	const struct scan_tables *tab = pg->tab;
	struct tally t;
	char *o;
	size_t i = 0, run;
	int prev_han = 0, wl = 0;
	char w[8];

	buf_reserve(out, n + 1);
	o = out->data + out->len;
	memset(&t, 0, sizeof(t));
	t.hant = pg->hant;
	t.hans = pg->hans;
	while (i < n) {
		unsigned char c = s[i];
		uint32_t cp, hk;

		if (c == ' ') {
			size_t e = skip_blank_run((const char *)s, i, n);

			if (wl)
				note_word(&t, w, wl), wl = 0;
			if (e - i == 1)
				*o++ = ' ';	/* most often: a call costs more */
			else {
				memset(o, ' ', e - i);
				o += e - i;
			}
			prev_han = 0;
			i = e;
			continue;
		}
		if (c < 0x80) {
			if (c == '(' && prev_han && (run = pinyin_run(s + i, n - i)) > 0) {
				i += run;
				continue;	/* prev_han stays: 鎮(zhèn)江 */
			}
			prev_han = 0;
			if (c > ' ' && c < 0x7f) {
				/* The rest of a run of visible ASCII, which needs no folding. */
				do {
					*o++ = (char)c;
					note_ascii(&t, tab->ascii_hints, c, w, &wl);
				} while (++i < n && (c = s[i]) > ' ' && c < 0x7f);
				continue;
			}
			i++;
			if (c == '\r')
				continue;
			/* Tabs; NUL and other controls never reach a field. */
			*o++ = ' ';
			if (wl)
				note_word(&t, w, wl), wl = 0;
			continue;
		}
		if (wl)
			note_word(&t, w, wl), wl = 0;
		if (i + 2 < n && han_index(c, s[i + 1], s[i + 2]) < HAN_N) {
			/*
			 * A run of ideographs, most of a Chinese page: copied as
			 * is, each byte read once (stores through o may alias s).
			 */
			unsigned hf = 0;

			while (i + 2 < n) {
				unsigned char b0 = s[i], b1 = s[i + 1], b2 = s[i + 2];
				unsigned f;

				if ((hk = han_index(b0, b1, b2)) >= HAN_N)
					break;
				f = tab->han_info[hk];
				o[0] = (char)b0;
				o[1] = (char)b1;
				o[2] = (char)b2;
				o += 3;
				i += 3;
				t.nvis++;
				t.nhan++;
				hf |= f;
				if (f & HAN_SCRIPT)
					note_script(&t, f);
			}
			t.hints |= hf & ~HAN_SCRIPT;
			prev_han = 1;
			continue;
		}
		if (c == 0xef && i + 2 < n && (s[i + 1] == 0xbc || s[i + 1] == 0xbd)) {
			cp = 0xf000 | ((uint32_t)(s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
			if (cp >= 0xff01 && cp <= 0xff5e) {
				prev_han = 0;
				i += 3;
				c = (unsigned char)(cp - 0xfee0);
				*o++ = (char)c;
				note_ascii(&t, tab->ascii_hints, c, w, &wl);
				continue;
			}
		}
		if ((c == 0xe3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) ||
		    (c == 0xc2 && i + 1 < n && s[i + 1] == 0xa0)) {
			*o++ = ' ';
			prev_han = 0;
			i += c == 0xe3 ? 3 : 2;
			continue;
		}
		if ((c & 0xf0) == 0xe0 && i + 2 < n && (s[i + 1] & 0xc0) == 0x80 &&
		    (s[i + 2] & 0xc0) == 0x80) {
			cp = ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(s[i + 1] & 0x3f) << 6) |
			    (s[i + 2] & 0x3f);
			o[0] = (char)c;
			o[1] = (char)s[i + 1];
			o[2] = (char)s[i + 2];
			o += 3;
			i += 3;
		} else {
			size_t k = utf8_decode(s + i, n - i, &cp);

			memcpy(o, s + i, k);
			o += k;
			i += k;
		}
		prev_han = (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff);
		note_cp(&t, tab, cp);
	}
	if (wl)
		note_word(&t, w, wl);
	out->len = (size_t)(o - out->data);
	l->nvis += t.nvis;
	l->nhan += t.nhan;
	l->hints |= t.hints;
	pg->han += t.nhan;
	pg->hant = t.hant;
	pg->hans = t.hans;
	pg->kana += t.kana;
	pg->hangul += t.hangul;
	pg->latin += t.latin;
	pg->en_words += t.en_words;
}


/*
 * Has s[0..n) more than lim bytes other than spaces?  Table layouts pad
 * their cells with spaces; a body paragraph is past lim early on, so stop
 * there.  Eight bytes at a time: the high bit of each byte of v is set
 * where the byte is no space, and a multiply adds those bits up.
 */
static int
visible_over(const char *s, size_t n, size_t lim)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
	size_t i = 0, vis = 0;

	for (; i + 8 <= n && vis <= lim; i += 8) {
		uint64_t v = load8(s + i) ^ SPACES8;

		v = (((v & low7) + low7) | v) & ~low7;
		vis += (size_t)(((v >> 7) * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n && vis <= lim; i++)
		vis += s[i] != ' ';
	return vis > lim;
}

/* The start of the UTF-8 character holding byte i. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/* Fold the text and cut it into trimmed lines. */
static void
split_lines(struct page *pg)
{
	struct buf *norm = &pg->norm;
	const char *t = pg->text, *end = t + pg->len;
	size_t off = 0;

	size_t skip_at = (size_t)-1, skip_to = 0;

	buf_clear(norm);
	pg->nl = 0;
	/*
	 * A record of more than MAX_LINES lines: metadata sits at the top and
	 * the bottom of a page, so read the first lines and the last ones and
	 * keep the line table bounded.
	 */
	if (pg->len > MAX_LINES) {
		size_t lines = 0;
		const char *q = t;

		while ((q = memchr(q, '\n', (size_t)(end - q))) != NULL && lines <= MAX_LINES)
			q++, lines++;
		if (lines > MAX_LINES) {
			size_t tail = 0;

			q = end;
			while (q > t && tail < MAX_LINES / 3)
				if (*--q == '\n')
					tail++;
			skip_at = (size_t)(MAX_LINES - MAX_LINES / 3);
			skip_to = (size_t)(q - t) + 1;
		}
	}
	while (off < (size_t)(end - t)) {
		const char *p = t + off;

		if (pg->nl == skip_at && off < skip_to) {
			off = skip_to;
			continue;
		}
		p = t + off;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct line *ln;
		size_t a, b, na, nb;

		if (pg->nl == pg->lncap) {
			pg->lncap = pg->lncap ? pg->lncap * 2 : 256;
			pg->ln = xreallocarray(pg->ln, pg->lncap, sizeof(struct line));
		}
		ln = pg->ln + pg->nl++;
		memset(ln, 0, sizeof(*ln));
		a = skip_blank_run(p, 0, l), b = l;
		while (a < b && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r'))
			a++;
		while (b >= a + 8 && load8(p + b - 8) == SPACES8)
			b -= 8;
		while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t' || p[b - 1] == '\r'))
			b--;
		ln->off = off + a;
		ln->len = b - a;
		na = norm->len;
		if (b - a > LONG_BYTES && visible_over(p + a, b - a, LONG_BYTES)) {
			/*
			 * A body paragraph: only its ends can hold metadata (a
			 * dateline, a closing byline), so fold just those.
			 */
			size_t h = char_start(p + a, LONG_HEAD);
			size_t t0 = (b - a) - LONG_TAIL;

			t0 = char_start(p + a, t0);
			fold_line(pg, ln, (const unsigned char *)p + a, h);
			buf_add(norm, "   ", 3);
			fold_line(pg, ln, (const unsigned char *)p + a + t0, (b - a) - t0);
			ln->bits |= LB_LONG;
		} else
			fold_line(pg, ln, (const unsigned char *)p + a, b - a);
		nb = norm->len;
		/* Trim again: folded ideographic spaces. */
		while (na < nb && norm->data[na] == ' ')
			na++;
		while (nb > na && norm->data[nb - 1] == ' ')
			nb--;
		ln->noff = na;
		ln->nlen = nb - na;
		buf_addc(norm, '\n');
		off += l + 1;
	}
	pg->n = norm->data;
}

/* --- label finding --------------------------------------------------- */

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/*
 * Does a label end at s[e) (s[0..e) is the line up to the separator)?
 * Returns its index in labels[] or -1; *ls gets its start.
 */
static int
label_before(const struct scan_tables *tab, const char *s, size_t e, size_t *ls)
{
	size_t k;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e == 0)
		return -1;
	for (k = tab->label_first[(unsigned char)(s[e - 1] | 0x20)]; k < NLABELS;
	    k = tab->label_next[k]) {
		const struct label *lb = &labels[k];
		size_t st, j;
		int ok = 1;

		if (lb->wl > e)
			continue;
		st = e - lb->wl;
		if ((unsigned char)lb->w[0] < 0x80) {
			for (j = 0; j < lb->wl; j++)
				if (ascii_lower((unsigned char)s[st + j]) != lb->w[j]) {
					ok = 0;
					break;
				}
			if (!ok)
				continue;
			/* An English label is a whole word. */
			if (st > 0 && ((ascii_lower((unsigned char)s[st - 1]) >= 'a' &&
			    ascii_lower((unsigned char)s[st - 1]) <= 'z')))
				continue;
		} else if (memcmp(s + st, lb->w, lb->wl) != 0)
			continue;
		if (lb->boundary && st >= 3 && scan_is_han_lead((unsigned char)s[st - 3]))
			continue;
		*ls = st;
		return (int)k;
	}
	return -1;
}

/*
 * Find the labels of a line: a label word before ':' (or before '/' for
 * people: 编辑/苏芳, 文/张三).  Fills hits, returns how many.
 */
static size_t
find_labels(const struct scan_tables *tab, const char *s, size_t n, struct hit *hits,
    size_t max)
{
	size_t i, nh = 0, ls;
	int k;

	for (i = 0; i < n && nh < max; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t sl;

		/* Most bytes are none of the separators; 0xe4 leads 丨. */
		if (c != ':' && c != '/' && c != '|' && c != 0xe4)
			continue;
		/* People also take a bar, "记者 | 张三", "文丨张三", as a colon. */
		sl = c != 0xe4 ? 1 : n - i >= 3 && memcmp(s + i, "丨", 3) == 0 ? 3 : 0;
		if (!sl)
			continue;
		if (s[i] == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/')
			continue;	/* http:// */
		if ((k = label_before(tab, s, i, &ls)) < 0)
			continue;
		/* A bar only after a label that opens the segment: not in menus. */
		if ((s[i] == '|' || sl == 3) && ls > 0)
			continue;
		if (s[i] != ':') {
			enum lkind kd = labels[k].kind;

			/* "编辑/X" only at the start of a segment: not in URLs. */
			if ((kd != LK_AUTHOR && kd != LK_EDITOR && kd != LK_EDITOR_PLAIN) ||
			    (ls > 0 && s[ls - 1] != ' ' && s[ls - 1] != '(' &&
			    s[ls - 1] != '[' && !((unsigned char)s[ls - 1] >= 0x80)))
				continue;
		}
		hits[nh].start = ls;
		hits[nh].vstart = i + sl;
		hits[nh].kind = labels[k].kind;
		nh++;
	}
	return nh;
}

/* --- candidates ------------------------------------------------------- */

void
scan_add_value(struct page *pg, size_t line, size_t off, size_t len, enum lkind kind, int how)
{
	struct vcand *v;

	while (len > 0 && pg->n[off] == ' ')
		off++, len--;
	while (len > 0 && pg->n[off + len - 1] == ' ')
		len--;
	if (len == 0)
		return;
	if (pg->nvc == pg->vccap) {
		pg->vccap = pg->vccap ? pg->vccap * 2 : 64;
		pg->vc = xreallocarray(pg->vc, pg->vccap, sizeof(*pg->vc));
	}
	v = &pg->vc[pg->nvc++];
	v->line = line;
	v->off = off;
	v->len = len;
	v->kind = kind;
	v->how = how;
}

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

size_t
scan_role_at(const char *s, size_t n, size_t i)
{
	size_t k;

	/* Every role word starts with a character in U+4E00..U+9FFF. */
	if (n - i < 6 || !scan_is_han_lead((unsigned char)s[i]))
		return 0;
	switch (((uint32_t)(s[i] & 0x0f) << 12) | ((uint32_t)(s[i + 1] & 0x3f) << 6) |
	    (s[i + 2] & 0x3f)) {
	case 0x5168: case 0x878d: case 0x9996: case 0x89c1: case 0x7279:
	case 0x672c: case 0x8bb0: case 0x8a18: case 0x901a: case 0x5b9e:
	case 0x5be6: case 0x64b0: case 0x4f5c: case 0x6267: case 0x57f7:
		break;	/* 全 融 首 见 特 本 记 記 通 实 實 撰 作 执 執 */
	default:
		return 0;
	}
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
		"整理", "摄影", "攝影", "摄", "攝", "供稿", "发自", "發自", "翻译", "翻譯",
		"综合", "綜合" };
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
		if ((r = scan_role_at(s, b, i)) > 0) {
			size_t j = i + r;

			any_role = 1;
			if (j < b && (s[j] == ':' || s[j] == '/'))
				j++;
			start = j;
			/* Names run to the next role word or the end. */
			while (j < b && !scan_role_at(s, b, j))
				j++;
			{
				size_t dl = dateline_name(s, b, start, scan_han_run(s, b, start));

				if (dl)
					j = start + dl;
			}
			/* Only the first Han run when a verb follows: 记者唐霁 */
			scan_add_value(pg, li, start, j - start, LK_AUTHOR, HOW_BYLINE);
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

			if (label_before(pg->tab, s, i + h, &ls) >= 0 && ls == i)
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
static int spaced_label(struct page *, size_t, const char *, size_t);

static void
scan_parens(struct page *pg, size_t li, const char *s, size_t n)
{
	size_t i, lim = n > LONG_LINE ? 200 : n;

	for (i = 0; i < n; i++) {
		size_t j;

		if (i == lim && n > lim)
			i = n - 200 > i ? n - 200 : i;
		if (s[i] != '(')
			continue;
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
static void
short_byline(struct page *pg, size_t li, const char *s, size_t n)
{
	size_t i, r;
	int media;

	for (i = 0; i < n; i++) {
		if (!scan_is_han_lead((unsigned char)s[i]) || !(r = scan_role_at(s, n, i)))
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
				scan_add_value(pg, li, (size_t)(s - pg->n) + j, r, LK_AUTHOR, HOW_BYLINE);
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
				scan_add_value(pg, li, (size_t)(s - pg->n) + st, e - st, LK_AUTHOR,
				    HOW_BYLINE);
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
 * A short line "责任编辑 张三", "来源 新华社", "[作者 李四]": a label and its
 * value with blanks instead of a colon.
 */
static int
spaced_label(struct page *pg, size_t li, const char *s, size_t n)
{
	size_t a = 0, e, v, ls;
	int k;

	if (n && (s[0] == '[' || s[0] == '('))
		a = 1;
	while (a < n && s[a] == ' ')
		a++;
	e = a + scan_han_run(s, n, a);
	if (e == a || e - a > 18 || e >= n || s[e] != ' ')
		return 0;
	for (v = e; v < n && s[v] == ' '; v++)
		;
	if (v >= n || (k = label_before(pg->tab, s, e, &ls)) < 0 || ls != a || labels[k].wl < 6)
		return 0;
	switch (labels[k].kind) {
	case LK_SOURCE:
	case LK_AUTHOR:
	case LK_EDITOR:
	case LK_EDITOR_PLAIN:
		pg->ln[li].bits |= LB_LABEL | (labels[k].kind == LK_SOURCE ||
		    labels[k].kind == LK_AUTHOR ? LB_META : LB_END);
		scan_add_value(pg, li, (size_t)(s - pg->n) + v, n - v, labels[k].kind, HOW_LABEL);
		return 1;
	default:
		return 0;
	}
}

/* A breadcrumb separator at s[i]: ">" ">>" "»" "›" "→"; returns its length. */
size_t
scan_crumb_sep(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c != '>' && c != 0xc2 && c != 0xe2)
		return 0;
	if (c == '>')
		return i + 1 < n && s[i + 1] == '>' ? 2 : 1;
	if (n - i >= 2 && memcmp(s + i, "»", 2) == 0)
		return 2;
	if (n - i >= 3 && (memcmp(s + i, "›", 3) == 0 || memcmp(s + i, "→", 3) == 0))
		return 3;
	return 0;
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
	int k;

	if (home_slash(s, 0, n))
		return 1;
	if (!c || (k = label_before(tab, s, (size_t)(c - s), &ls)) < 0 ||
	    labels[k].kind != LK_PLACE)
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
			if (s[i] == ':' && label_before(pg->tab, s, i, &ls) >= 0 &&
			    labels[label_before(pg->tab, s, i, &ls)].kind == LK_PLACE)
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
		}
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
			if (v == st && (hits[k].kind == LK_PUBLISHED ||
			    hits[k].kind == LK_MODIFIED || hits[k].kind == LK_CRAWLED))
				c->kind = hits[k].kind;
		}
		/* "发表于 2005-9-15", "Published 3 May 2019" without a colon. */
		if (c->kind == LK_NONE && st >= a + 3) {
			size_t e = st, ls2;
			int k2;

			while (e > a && s[e - 1] == ' ')
				e--;
			if ((k2 = label_before(pg->tab, s, e, &ls2)) >= 0 && ls2 >= a &&
			    (labels[k2].kind == LK_PUBLISHED || labels[k2].kind == LK_MODIFIED ||
			    labels[k2].kind == LK_CRAWLED))
				c->kind = labels[k2].kind;
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
			if (scan_find(s, n, w[k].w, w[k].wl))
				return 1;
	return (hints & H_DATE) && scan_find(s, n, LIT("Related"));
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

/*
 * The heading of a list of comments, a cell of its own: 已有1件评论, 3条评论,
 * 最新评论, 网友评论.  What follows are readers' posts and their dates.
 * Buttons (发表评论, 我要评论) stand by the title too and do not count.
 * Returns 2 for an English one ("6 thoughts on “TITLE”"), 1 for another.
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
			return 1;
	}
	return 0;
}

/* Read one line: labels, values, dates, bylines, breadcrumb. */
/*
 * Where the names of an English byline start in the segment s[a..b):
 * "By NAME" or "BY: NAME" opening it, or after a bar as in
 * "February 1, 2019 | BY: Ilana Muhlstein".  0 when there is none.
 */
static size_t
english_by(const char *s, size_t a, size_t b)
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
		if ((bar = memchr(s + p, '|', b - p)) == NULL)
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
	const char *p = scan_find(s + a, b - a, "Author ", 7), *q;
	size_t st;

	if (!p || (p > s + a && p[-1] != ' ' && p[-1] != ']'))
		return 0;
	st = (size_t)(p - s) + 7;
	if (!(q = scan_find(s + st, b - st, "Posted on", 9)))
		return 0;
	*e = (size_t)(q - s);
	while (*e > st && s[*e - 1] == ' ')
		(*e)--;
	return *e > st && *e - st <= 40 ? st : 0;
}

/*
 * Record the names of an English byline, s[na..b) of line li (s is the
 * line): they end where a date or the next item starts.
 */
static void
english_byline(struct page *pg, size_t li, const char *s, size_t na, size_t b)
{
	static const char *const stops[] = { "|", " On ", " on ", " at ",
		" - ", " — ", " Updated", " Published", " Posted" };
	size_t e = b, k, dpos = na, ds, de;
	struct mdate dd;

	for (k = 0; k < sizeof(stops) / sizeof(stops[0]); k++) {
		const char *q = scan_find(s + na, e - na, stops[k], strlen(stops[k]));

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
	    !memchr(s, '<', v->nlen) && !scan_find(s, v->nlen, "。", 3) &&
	    !scan_find(s, v->nlen, "：", 3);
}

static void
scan_line(struct page *pg, size_t li)
{
	struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t n = l->nlen, a, b, na, pa = 0, pb = 0;
	struct hit hits[16];

	if (n == 0)
		return;
	if (scan_starts_with(s, n, LIT("•")) || scan_starts_with(s, n, LIT("·")) ||
	    scan_starts_with(s, n, LIT("□")) || scan_starts_with(s, n, LIT("●")) ||
	    scan_starts_with(s, n, LIT("*")) || scan_starts_with(s, n, LIT("-")))
		l->bits |= LB_BULLET;
	if ((size_t)l->nvis > LONG_LINE / 3 || (l->bits & LB_LONG)) {
		l->bits |= LB_LONG;
		if (l->hints & H_PAREN)
			scan_parens(pg, li, s, n);
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
		size_t nh, k;
		const char *sp;

		a = skip_blank_run(s, a, n);
		if (a >= n)
			break;
		/* The segment ends at two spaces. */
		for (b = a; (sp = memchr(s + b, ' ', n - b)) != NULL; b = (size_t)(sp - s) + 1)
			if (sp + 1 < s + n && sp[1] == ' ')
				break;
		b = sp ? (size_t)(sp - s) : n;
		if ((k = is_comment_heading(s + a, b - a)) != 0) {
			l->bits |= LB_END;
			if (k == 2 && pg->comments_line < 0)
				pg->comments_line = (long)li;
		}
		nh = (l->hints & H_SEP) ? find_labels(pg->tab, s + a, b - a, hits, 16) : 0;
		for (k = 0; k < nh; k++) {
			hits[k].start += a;
			hits[k].vstart += a;
		}
		if (l->hints & H_DATE)
			scan_dates(pg, li, a, b, hits, nh);
		for (k = 0; k < nh; k++) {
			size_t ve = k + 1 < nh ? hits[k + 1].start : b;
			enum lkind kd = hits[k].kind;

			/*
			 * "作者:小林 提交日期:": the next label's verb (提交) is
			 * glued to it, not to the name: cut at the blank.
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
			if (kd == LK_PLACE || kd == LK_PUBLISHED || kd == LK_MODIFIED ||
			    kd == LK_CRAWLED)
				continue;
			if (kd == LK_TITLE && pg->title_label_line < 0)
				pg->title_label_line = (long)li;
			if (k + 1 == nh && hits[k].start == 0 && value_blank(s, hits[k].vstart, n) &&
			    label_value_below(pg, li)) {
				/* "Author:" / "    Jane Doe": a definition list. */
				struct line *v = &pg->ln[li + 1];

				scan_add_value(pg, li + 1, v->noff, v->nlen, kd, HOW_LABEL);
				v->bits |= l->bits & (LB_LABEL | LB_META | LB_END);
				continue;
			}
			scan_add_value(pg, li, l->noff + hits[k].vstart, ve - hits[k].vstart,
			    kd, HOW_LABEL);
		}
		/* "ggjjzhzz 发表于 2005-9-15": the poster before the verb. */
		if (l->hints & H_FA) {
			const char *p = scan_find(s + a, b - a, "发表于", 9);

			if (!p)
				p = scan_find(s + a, b - a, "發表於", 9);
			if (p && p > s + a) {
				size_t e = (size_t)(p - s), st;

				while (e > a && s[e - 1] == ' ')
					e--;
				st = e;
				while (st > a && s[st - 1] != ' ')
					st--;
				if (e > st && e - st <= 30)
					scan_add_value(pg, li, l->noff + st, e - st, LK_AUTHOR,
					    HOW_POSTER);
			} else if (p && pb > pa && pb - pa <= 30 && !memchr(s + pa, ' ', pb - pa)) {
				/* A forum's table row: the poster's cell, then 发表于. */
				scan_add_value(pg, li, l->noff + pa, pb - pa, LK_AUTHOR, HOW_POSTER);
			}
		}
		/* A forum signature: "发布时间 2005/03/15 22:36:13 by duscha". */
		if ((l->bits & LB_FULLDATE) && l->nvis <= 60) {
			const char *q = scan_find(s + a, b - a, " by ", 4);

			if (q) {
				size_t st = (size_t)(q - s) + 4, e = st;

				while (e < b && s[e] != ' ')
					e++;
				if (e > st && e - st <= 30)
					scan_add_value(pg, li, l->noff + st, e - st, LK_AUTHOR,
					    HOW_POSTER);
			}
		}
		/* English "By NAME", "BY: NAME", also after a bar. */
		if ((na = english_by(s, a, b)) != 0)
			english_byline(pg, li, s, na, b);
		else if ((l->hints & H_DATE) && (na = wordpress_author(s, a, b, &k)) != 0)
			scan_add_value(pg, li, l->noff + na, k - na, LK_AUTHOR, HOW_BYLINE);
		/* "By" alone, the name on the next line (as the WSJ has it). */
		if (a == 0 && b == n && n == 2 && s[0] == 'B' && (s[1] == 'y' || s[1] == 'Y') &&
		    li + 1 < pg->nl && pg->ln[li + 1].nlen > 0 && pg->ln[li + 1].nlen < 60)
			english_byline(pg, li + 1, pg->n + pg->ln[li + 1].noff, 0,
			    pg->ln[li + 1].nlen);
	}
	if (l->hints & H_PAREN)
		scan_parens(pg, li, s, n);
	if (l->nvis <= 40 && (l->hints & H_ROLE))
		short_byline(pg, li, s, n);
	if (l->nvis <= 30 && !(l->bits & LB_LABEL))
		spaced_label(pg, li, s, n);
	/* 本文由X发布: the publisher in a copyright line. */
	if (l->hints & H_BEN) {
		const char *p = scan_find(s, n, "本文由", 9);

		if (p) {
			size_t st = (size_t)(p - s) + 9, e;
			const char *q = scan_find(s + st, n - st, "发布", 6);

			if (q && (e = (size_t)(q - s)) > st && e - st <= 45)
				scan_add_value(pg, li, l->noff + st, e - st, LK_SOURCE,
				    HOW_PUBLISHED_BY);
		}
	}
}

void
scan_page(struct page *pg)
{
	size_t i;

	split_lines(pg);
	for (i = 0; i < pg->nl; i++)
		scan_line(pg, i);
}
