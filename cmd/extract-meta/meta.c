/*
 * meta.c - the extract-meta engine.  One pass folds the page text (full-width
 * ASCII, ideographic spaces, pinyin injected after characters) and cuts it
 * into lines; a second pass over the lines collects labelled values
 * (来源:, 作者:, 责任编辑:, 发布时间: ...), dates, bylines and breadcrumbs
 * with their line numbers; then each field is chosen by its position
 * relative to the date/source block under the title, never by site.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"
#include "utf8.h"
#include "winnow.h"

#define LIT(s) (s), (sizeof(s) - 1)

/* Lines longer than this are body paragraphs: only their ends are read. */
#define LONG_LINE 600
/* Longer lines with this many visible bytes are read at their ends only. */
#define LONG_BYTES 480
#define LONG_HEAD 180
#define LONG_TAIL 300
/* Lines read of one record: the first two thirds and the last third. */
#define MAX_LINES 30000

const char *const meta_field_names[MF_NFIELDS] = {
	"title", "published", "modified", "crawled", "source", "authors",
	"editors", "categories", "url", "lang", "flags",
};

struct line {
	size_t off, len;	/* the trimmed line in the original text */
	size_t noff, nlen;	/* the trimmed line in m->norm */
	int nchars;		/* characters */
	int nvis;		/* characters other than spaces */
	int nhan;		/* Han characters */
	unsigned bits;
	unsigned hints;		/* H_*: what the line may hold */
};

/* Hints from the first pass over a line, so later passes can be skipped. */
enum {
	H_SEP = 1 << 0,		/* ':' or '/' */
	H_DATE = 1 << 1,	/* a digit, a Latin letter, 年, 刚, 今, 昨, 前 */
	H_PAREN = 1 << 2,
	H_CRUMB = 1 << 3,	/* > » › → */
	H_BEN = 1 << 4,		/* 本: 本文由 */
	H_FA = 1 << 5,		/* 发 發: 发表于 */
	H_ROLE = 1 << 6,	/* the first character of a role word: 记者 通讯员 */
	H_REL = 1 << 7,		/* the first character of a related-list heading */
};

/* Line bits. */
enum {
	LB_DATE = 1 << 0,	/* holds a date candidate */
	LB_LABEL = 1 << 1,	/* holds a known label */
	LB_CRUMB = 1 << 2,	/* is a breadcrumb */
	LB_LONG = 1 << 3,
	LB_BULLET = 1 << 4,
	LB_META = 1 << 5,	/* source/author/date label: the meta block */
	LB_END = 1 << 6,	/* editor line or a related-list heading */
	LB_FULLDATE = 1 << 7,	/* a date with year and day, or a time */
};

/* Label kinds. */
enum lkind {
	LK_NONE, LK_SOURCE, LK_REPRINT, LK_AUTHOR, LK_EDITOR, LK_EDITOR_PLAIN,
	LK_PUBLISHED, LK_MODIFIED, LK_CRAWLED, LK_CATEGORY, LK_URL, LK_TITLE,
	LK_ORIG_TITLE, LK_PLACE, LK_STOP,
};

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
	L("转载自", LK_REPRINT, 0), L("转自", LK_REPRINT, 0),
	L("责任编辑", LK_EDITOR, 0), L("責任編輯", LK_EDITOR, 0),
	L("责任编缉", LK_EDITOR, 0), L("责编", LK_EDITOR, 0), L("責編", LK_EDITOR, 0),
	L("值班编辑", LK_EDITOR, 0), L("网络编辑", LK_EDITOR, 0),
	L("编辑", LK_EDITOR_PLAIN, 0), L("編輯", LK_EDITOR_PLAIN, 0),
	L("小编", LK_EDITOR_PLAIN, 1),
	L("作者", LK_AUTHOR, 0), L("作 者", LK_AUTHOR, 0), L("记者", LK_AUTHOR, 0),
	L("記者", LK_AUTHOR, 0), L("撰文", LK_AUTHOR, 0), L("撰稿", LK_AUTHOR, 0),
	L("执笔", LK_AUTHOR, 0), L("執筆", LK_AUTHOR, 0), L("通讯员", LK_AUTHOR, 0),
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
 * The first label that can end with a given byte (folded to lower case):
 * most colons follow no label at all, so skip the table for them.
 */
static size_t label_first[256];

static void
label_index_init(void)
{
	static int done;
	size_t k, b;

	if (done)
		return;
	done = 1;
	for (b = 0; b < 256; b++)
		label_first[b] = NLABELS;
	for (k = NLABELS; k-- > 0;)
		label_first[(unsigned char)(labels[k].w[labels[k].wl - 1] | 0x20)] = k;
}

/* A found label: where it is in the line and where its value starts. */
struct hit {
	size_t start, vstart;	/* offsets within the line */
	enum lkind kind;
};

/* A date candidate. */
struct dcand {
	struct mdate d;
	size_t line;
	size_t start, end;	/* in the normalised line */
	enum lkind kind;	/* LK_PUBLISHED, LK_MODIFIED, LK_CRAWLED, LK_NONE */
	double score;
};

/* A candidate value of a text or list field. */
struct vcand {
	size_t line;
	size_t off, len;	/* in m->norm */
	enum lkind kind;
	int how;		/* HOW_* */
};

enum { HOW_LABEL, HOW_BYLINE, HOW_BARE, HOW_POSTER, HOW_AFTER_DATE, HOW_PUBLISHED_BY };

/* The page being read: the engine's working state. */
struct page {
	struct meta *m;
	const struct meta_opts *o;
	const char *text;
	size_t len;
	const char *n;		/* m->norm.data */
	struct line *ln;
	size_t nl;
	struct dcand *dc;
	size_t ndc, dccap;
	struct vcand *vc;
	size_t nvc, vccap;
	long crumb_line;	/* first breadcrumb */
	size_t crumb_off, crumb_len;
	long title_label_line;
	int han, kana, hangul, latin, hans, hant, en_words;
};

/* memmem(3) is not POSIX: the first w[0..wl) in s[0..n), or NULL. */
static const char *
find_bytes(const char *s, size_t n, const char *w, size_t wl)
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

static int
is_han_lead(unsigned char c)
{
	return c >= 0xe4 && c <= 0xe9;
}

/* Pinyin letters: a-z and the tone-marked vowels (2-byte UTF-8). */
static size_t
pinyin_letter(const unsigned char *s, size_t n)
{
	static const char *const tones[] = { "ā", "á", "ǎ", "à", "ē", "é", "ě",
		"è", "ī", "í", "ǐ", "ì", "ō", "ó", "ǒ", "ò", "ū", "ú", "ǔ", "ù", "ü",
		"ǖ", "ǘ", "ǚ", "ǜ", "ń", "ň", "ḿ" };
	size_t k;

	if (n > 0 && s[0] >= 'a' && s[0] <= 'z')
		return 1;
	if (n >= 2 && s[0] >= 0xc3 && s[0] <= 0xc7)
		for (k = 0; k < sizeof(tones) / sizeof(tones[0]); k++)
			if (memcmp(s, tones[k], 2) == 0)
				return 2;
	if (n >= 3 && s[0] == 0xe1 && memcmp(s, "ḿ", 3) == 0)
		return 3;
	return 0;
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
	int vowel = 0;

	if (n < 2 || s[0] != '(')
		return 0;
	while (i < n && (k = pinyin_letter(s + i, n - i)) > 0) {
		if (k > 1 || strchr("aeiouv", s[i]))
			vowel = 1;
		i += k;
		if (++letters > 7)
			return 0;
	}
	if (!letters || (!vowel && !(letters == 1 && (s[1] == 'n' || s[1] == 'm'))))
		return 0;
	if (i < n && s[i] == ')')
		return i + 1;
	return i == n ? i : 0;
}


/* Traditional-only and simplified-only forms of common characters. */
static const char trad_chars[] =
    "這們個來時會國說對學發過還與為後經開關長門問間見現電話當從點東車機業產際書記實";
static const char simp_chars[] =
    "这们个来时会国说对学发过还与为后经开关长门问间见现电话当从点东车机业产际书记实";

/* Bit sets over U+4E00..U+9FFF of the two lists, built once. */
static uint8_t trad_bits[(0xa000 - 0x4e00) / 8], simp_bits[(0xa000 - 0x4e00) / 8];

static void
script_bits_init(void)
{
	static int done;
	const char *sets[2] = { trad_chars, simp_chars };
	uint8_t *bits[2] = { trad_bits, simp_bits };
	int k;

	if (done)
		return;
	done = 1;
	for (k = 0; k < 2; k++) {
		const unsigned char *p = (const unsigned char *)sets[k];
		size_t n = strlen(sets[k]), i = 0;
		uint32_t c;

		while (i < n) {
			i += utf8_decode(p + i, n - i, &c);
			if (c >= 0x4e00 && c < 0xa000)
				bits[k][(c - 0x4e00) >> 3] |= (uint8_t)(1u << ((c - 0x4e00) & 7));
		}
	}
}

static int
in_bits(const uint8_t *bits, uint32_t cp)
{
	return (bits[(cp - 0x4e00) >> 3] >> ((cp - 0x4e00) & 7)) & 1;
}

/*
 * What the characters of a folded line tell: counts and hints.  Kept in a
 * local while folding (stores through the output buffer's char pointer
 * would otherwise force the compiler to reload every counter).
 */
struct tally {
	int nchars, nvis, nhan;
	unsigned hints;
	int han, hant, hans, kana, hangul, latin, en_words;
};

static inline void
note_cp(struct tally *t, uint32_t cp)
{
	t->nchars++;
	t->nvis++;
	switch (cp) {
	case 0x5e74: case 0x521a: case 0x525b: case 0x4eca: case 0x6628:
	case 0x524d:	/* 年 刚 剛 今 昨 前 */
		t->hints |= H_DATE;
		break;
	case 0x672c:	/* 本 */
		t->hints |= H_BEN | H_ROLE;
		break;
	case 0x5168: case 0x878d: case 0x9996: case 0x89c1: case 0x7279:
	case 0x8bb0: case 0x8a18: case 0x901a: case 0x5b9e: case 0x5be6:
	case 0x64b0: case 0x4f5c: case 0x6267: case 0x57f7:
		/* 全 融 首 见 特 记 記 通 实 實 撰 作 执 執 */
		t->hints |= H_ROLE;
		break;
	case 0x76f8: case 0x63a8: case 0x5ef6: case 0x70ed: case 0x731c:
	case 0x4e3a: case 0x66f4:	/* 相 推 延 热 猜 为 更 */
		t->hints |= H_REL;
		break;
	case 0x53d1: case 0x767c:	/* 发 發 */
		t->hints |= H_FA;
		break;
	case 0xbb: case 0x203a: case 0x2192:	/* » › → */
		t->hints |= H_CRUMB;
		break;
	}
	if (cp >= 0x4e00 && cp <= 0x9fff) {
		t->nhan++;
		t->han++;
		/* A sample decides the script; most pages are long. */
		if (t->hant + t->hans > 400)
			;
		else if (in_bits(trad_bits, cp))
			t->hant++;
		else if (in_bits(simp_bits, cp))
			t->hans++;
	} else if (cp >= 0x3040 && cp <= 0x30ff)
		t->kana++;
	else if (cp >= 0xac00 && cp <= 0xd7a3)
		t->hangul++;
	else if (cp >= 0x3400 && uc_class(cp) == UC_HAN) {
		t->nhan++;
		t->han++;
	}
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

/*
 * Fold one line into m->norm and count what is in it, in one pass:
 * full-width ASCII to ASCII, U+3000 and NBSP to a space, tabs to spaces,
 * CR dropped, pinyin after Han removed.
 */
static void
fold_line(struct page *pg, struct line *l, const unsigned char *s, size_t n)
{
	struct buf *out = &pg->m->norm;
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
		uint32_t cp;

		if (c == ' ') {
			size_t e = skip_blank_run((const char *)s, i, n);

			if (wl)
				note_word(&t, w, wl), wl = 0;
			memset(o, ' ', e - i);
			o += e - i;
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
			i++;
			if (c == '\r')
				continue;
			if (c == '\t')
				c = ' ';
ascii:
			*o++ = (char)c;
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				t.latin++;
				if (wl < 7)
					w[wl] = (char)(c | 0x20);
				wl++;
				t.hints |= H_DATE;
			} else if (wl)
				note_word(&t, w, wl), wl = 0;
			if (c == ' ')
				continue;
			t.nchars++;
			t.nvis++;
			if (c == ':' || c == '/')
				t.hints |= H_SEP;
			else if (c == '(')
				t.hints |= H_PAREN;
			else if (c == '>')
				t.hints |= H_CRUMB;
			else if (c >= '0' && c <= '9')
				t.hints |= H_DATE;
			continue;
		}
		if (wl)
			note_word(&t, w, wl), wl = 0;
		if (c == 0xef && i + 2 < n && (s[i + 1] == 0xbc || s[i + 1] == 0xbd)) {
			cp = 0xf000 | ((uint32_t)(s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
			if (cp >= 0xff01 && cp <= 0xff5e) {
				prev_han = 0;
				i += 3;
				c = (unsigned char)(cp - 0xfee0);
				goto ascii;
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
		note_cp(&t, cp);
	}
	if (wl)
		note_word(&t, w, wl);
	out->len = (size_t)(o - out->data);
	l->nchars += t.nchars;
	l->nvis += t.nvis;
	l->nhan += t.nhan;
	l->hints |= t.hints;
	pg->han += t.han;
	pg->hant = t.hant;
	pg->hans = t.hans;
	pg->kana += t.kana;
	pg->hangul += t.hangul;
	pg->latin += t.latin;
	pg->en_words += t.en_words;
}


/* Bytes other than spaces: table layouts pad their cells with spaces. */
static size_t
visible_bytes(const char *s, size_t n)
{
	size_t i, sp = 0;

	for (i = 0; i < n; i++)
		sp += s[i] == ' ';
	return n - sp;
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
	struct meta *m = pg->m;
	const char *t = pg->text, *end = t + pg->len;
	size_t off = 0;

	size_t skip_at = (size_t)-1, skip_to = 0;

	buf_clear(&m->norm);
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

		if (pg->nl == m->lines_cap) {
			m->lines_cap = m->lines_cap ? m->lines_cap * 2 : 256;
			m->lines = xreallocarray(m->lines, m->lines_cap, sizeof(struct line));
		}
		ln = (struct line *)m->lines + pg->nl++;
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
		na = m->norm.len;
		if (b - a > LONG_BYTES && visible_bytes(p + a, b - a) > LONG_BYTES) {
			/*
			 * A body paragraph: only its ends can hold metadata (a
			 * dateline, a closing byline), so fold just those.
			 */
			size_t h = char_start(p + a, LONG_HEAD);
			size_t t0 = (b - a) - LONG_TAIL;

			t0 = char_start(p + a, t0);
			fold_line(pg, ln, (const unsigned char *)p + a, h);
			buf_add(&m->norm, "   ", 3);
			fold_line(pg, ln, (const unsigned char *)p + a + t0, (b - a) - t0);
			ln->bits |= LB_LONG;
		} else
			fold_line(pg, ln, (const unsigned char *)p + a, b - a);
		nb = m->norm.len;
		/* Trim again: folded ideographic spaces. */
		while (na < nb && m->norm.data[na] == ' ')
			na++;
		while (nb > na && m->norm.data[nb - 1] == ' ')
			nb--;
		ln->noff = na;
		ln->nlen = nb - na;
		buf_addc(&m->norm, '\n');
		off += l + 1;
	}
	pg->ln = m->lines;
	pg->n = m->norm.data;
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
label_before(const char *s, size_t e, size_t *ls)
{
	size_t k;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e == 0)
		return -1;
	label_index_init();
	for (k = label_first[(unsigned char)(s[e - 1] | 0x20)]; k < NLABELS; k++) {
		const struct label *lb = &labels[k];
		size_t st, j;
		int ok = 1;

		if (lb->wl > e || (s[e - 1] | 0x20) != (lb->w[lb->wl - 1] | 0x20))
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
		if (lb->boundary && st >= 3 && is_han_lead((unsigned char)s[st - 3]))
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
find_labels(const char *s, size_t n, struct hit *hits, size_t max)
{
	size_t i, nh = 0, ls;
	int k;

	for (i = 0; i < n && nh < max; i++) {
		if (s[i] != ':' && s[i] != '/')
			continue;
		if (s[i] == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/')
			continue;	/* http:// */
		if ((k = label_before(s, i, &ls)) < 0)
			continue;
		if (s[i] == '/') {
			enum lkind kd = labels[k].kind;

			/* "编辑/X" only at the start of a segment: not in URLs. */
			if ((kd != LK_AUTHOR && kd != LK_EDITOR && kd != LK_EDITOR_PLAIN) ||
			    (ls > 0 && s[ls - 1] != ' ' && s[ls - 1] != '(' &&
			    s[ls - 1] != '[' && !((unsigned char)s[ls - 1] >= 0x80)))
				continue;
		}
		hits[nh].start = ls;
		hits[nh].vstart = i + 1;
		hits[nh].kind = labels[k].kind;
		nh++;
	}
	return nh;
}

/* --- candidates ------------------------------------------------------- */

static void
add_vcand(struct page *pg, size_t line, size_t off, size_t len, enum lkind kind, int how)
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

static int
starts_with(const char *s, size_t n, const char *w, size_t wl)
{
	return n >= wl && memcmp(s, w, wl) == 0;
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

static size_t
role_at(const char *s, size_t n, size_t i)
{
	size_t k;

	/* Every role word starts with a character in U+4E00..U+9FFF. */
	if (n - i < 6 || !is_han_lead((unsigned char)s[i]))
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
	if (i < 3 || !is_han_lead((unsigned char)s[i - 3]))
		return 1;
	for (k = 0; k < sizeof(media) / sizeof(media[0]); k++)
		if (memcmp(s + i - 3, media[k], 3) == 0)
			return 2;
	return 0;
}

/* Bytes of the run of CJK ideographs (U+4E00..U+9FFF) at s[i]. */
static size_t
han_run(const char *s, size_t n, size_t i)
{
	size_t j = i;

	while (j + 3 <= n && is_han_lead((unsigned char)s[j]))
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
		if ((r = role_at(s, b, i)) > 0) {
			size_t j = i + r;

			any_role = 1;
			if (j < b && (s[j] == ':' || s[j] == '/'))
				j++;
			start = j;
			/* Names run to the next role word or the end. */
			while (j < b && !role_at(s, b, j))
				j++;
			/* Only the first Han run when a verb follows: 记者唐霁 */
			add_vcand(pg, li, start, j - start, LK_AUTHOR, HOW_BYLINE);
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
		h = han_run(s, b, i);
		if (h < 6 || h > 12 || (i + h < b && s[i + h] != ' '))
			return;
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
		add_vcand(pg, li, a, b - a, LK_AUTHOR, HOW_BYLINE);
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
		if (!is_han_lead((unsigned char)s[i]) || !(r = role_at(s, n, i)))
			continue;
		/* "作者须知" is not a byline; "小记者" is not a reporter. */
		if (!(media = bare_role(s, i, r)))
			return;
		{
			size_t j = i + r, st, h;

			while (j < n && s[j] == ' ')
				j++;
			st = j;
			h = han_run(s, n, j);
			/* "彭冲山东冠县报道", "王建宏张文攀": names run into more text. */
			if (h > 12 && h <= 30) {
				size_t cut = name_before_place(s + j, h);

				if (cut) {
					add_vcand(pg, li, (size_t)(s - pg->n) + j, cut, LK_AUTHOR,
					    HOW_BYLINE);
					return;
				}
				if ((h == 18 || h == 15) && j + h == n && media == 2) {
					/*
					 * Two names run together: three characters, the
					 * commonest length, then the rest.
					 */
					size_t at0 = (size_t)(s - pg->n) + j;

					add_vcand(pg, li, at0, 9, LK_AUTHOR, HOW_BYLINE);
					add_vcand(pg, li, at0 + 9, h - 9, LK_AUTHOR, HOW_BYLINE);
					return;
				}
			}
			/* 2-4 characters, then the end, a space, '/' or a role. */
			if (h >= 6 && h <= 12 && (j + h == n || s[j + h] == ' ' ||
			    s[j + h] == '/' || role_at(s, n, j + h))) {
				size_t e = j + h;

				/* "记者  伊琳  李清芬": more names, blank-separated. */
				for (;;) {
					size_t q = e, h2;

					while (q < n && s[q] == ' ')
						q++;
					if (q == e || q >= n)
						break;
					h2 = han_run(s, n, q);
					if (h2 < 6 || h2 > 9 || (q + h2 < n && s[q + h2] != ' '))
						break;
					e = q + h2;
				}
				add_vcand(pg, li, (size_t)(s - pg->n) + st, e - st, LK_AUTHOR,
				    HOW_BYLINE);
				return;
			}
			if (h == 0 && j < n && ((unsigned char)s[j] < 0x80) && s[j] != ' ') {
				size_t e = j;

				while (e < n && s[e] != ' ' && (unsigned char)s[e] < 0x80)
					e++;
				if (e - j >= 2 && e - j <= 30)
					add_vcand(pg, li, (size_t)(s - pg->n) + j, e - j,
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
static void
spaced_label(struct page *pg, size_t li, const char *s, size_t n)
{
	size_t a = 0, e, v, ls;
	int k;

	if (n && (s[0] == '[' || s[0] == '('))
		a = 1;
	while (a < n && s[a] == ' ')
		a++;
	e = a + han_run(s, n, a);
	if (e == a || e - a > 18 || e >= n || s[e] != ' ')
		return;
	for (v = e; v < n && s[v] == ' '; v++)
		;
	if (v >= n || (k = label_before(s, e, &ls)) < 0 || ls != a || labels[k].wl < 6)
		return;
	switch (labels[k].kind) {
	case LK_SOURCE:
	case LK_AUTHOR:
	case LK_EDITOR:
	case LK_EDITOR_PLAIN:
		pg->ln[li].bits |= LB_LABEL | (labels[k].kind == LK_SOURCE ||
		    labels[k].kind == LK_AUTHOR ? LB_META : LB_END);
		add_vcand(pg, li, (size_t)(s - pg->n) + v, n - v, labels[k].kind, HOW_LABEL);
		break;
	default:
		break;
	}
}

/* A breadcrumb separator at s[i]: ">" ">>" "»" "›" "→"; returns its length. */
static size_t
crumb_sep(const char *s, size_t n, size_t i)
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

static int
is_home(const char *s, size_t n)
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

static int
is_body_word(const char *s, size_t n)
{
	return (n >= 6 && memcmp(s + n - 6, "正文", 6) == 0) ||
	    (n >= 12 && memcmp(s + n - 12, "正文内容", 12) == 0) ||
	    (n >= 9 && memcmp(s + n - 9, "正文页", 9) == 0);
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
		size_t k = crumb_sep(s, n, i);

		if (k) {
			if (!nsep)
				first_end = i;
			nsep++;
			i += k - 1;
		}
	}
	if (!nsep || nsep > 12 || (n > 0 && crumb_sep(s, n, n - 1) && nsep == 1 && n < 4))
		return 0;
	{
		size_t e = first_end;

		while (e > 0 && s[e - 1] == ' ')
			e--;
		home = is_home(s, e);
		for (i = 0; i < e; i++)
			if (s[i] == ':' && label_before(s, i, &ls) >= 0 &&
			    labels[label_before(s, i, &ls)].kind == LK_PLACE)
				place = 1;
	}
	{
		size_t e = n;

		while (e > 0 && (s[e - 1] == ' '))
			e--;
		body = is_body_word(s, e);
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
			if ((k2 = label_before(s, e, &ls2)) >= 0 && ls2 >= a &&
			    (labels[k2].kind == LK_PUBLISHED || labels[k2].kind == LK_MODIFIED ||
			    labels[k2].kind == LK_CRAWLED))
				c->kind = labels[k2].kind;
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

static int
is_related_heading(const char *s, size_t n)
{
	static const char *const w[] = { "相关阅读", "相关文章", "相关新闻", "相关推荐",
		"推荐阅读", "延伸阅读", "热门推荐", "相關閱讀", "相關新聞", "猜你喜欢",
		"热点推荐", "为您推荐", "更多精彩", "相关链接", "相关报道", "Related" };
	size_t k;

	if (n > 24)
		return 0;
	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (find_bytes(s, n, w[k], strlen(w[k])))
			return 1;
	return 0;
}

/* Read one line: labels, values, dates, bylines, breadcrumb. */
static void
scan_line(struct page *pg, size_t li)
{
	struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t n = l->nlen, a, b;
	struct hit hits[16];

	if (n == 0)
		return;
	if (starts_with(s, n, LIT("•")) || starts_with(s, n, LIT("·")) ||
	    starts_with(s, n, LIT("□")) || starts_with(s, n, LIT("●")) ||
	    starts_with(s, n, LIT("*")) || starts_with(s, n, LIT("-")))
		l->bits |= LB_BULLET;
	if ((size_t)l->nvis > LONG_LINE / 3 || (l->bits & LB_LONG)) {
		l->bits |= LB_LONG;
		if (l->hints & H_PAREN)
			scan_parens(pg, li, s, n);
		return;
	}
	if (((l->hints & H_REL) || (l->hints & H_DATE)) && is_related_heading(s, n))
		l->bits |= LB_END;
	if ((l->hints & H_CRUMB) && breadcrumb(pg, li, s, n))
		l->bits |= LB_CRUMB;
	/* Segments: runs of two or more spaces split table layouts. */
	for (a = 0; a < n; a = b) {
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
		nh = (l->hints & H_SEP) ? find_labels(s + a, b - a, hits, 16) : 0;
		for (k = 0; k < nh; k++) {
			hits[k].start += a;
			hits[k].vstart += a;
		}
		if (l->hints & H_DATE)
			scan_dates(pg, li, a, b, hits, nh);
		for (k = 0; k < nh; k++) {
			size_t ve = k + 1 < nh ? hits[k + 1].start : b;
			enum lkind kd = hits[k].kind;

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
			add_vcand(pg, li, l->noff + hits[k].vstart, ve - hits[k].vstart,
			    kd, HOW_LABEL);
		}
		/* "ggjjzhzz 发表于 2005-9-15": the poster before the verb. */
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
					add_vcand(pg, li, l->noff + st, e - st, LK_AUTHOR,
					    HOW_POSTER);
			}
		}
		/* A forum signature: "发布时间 2005/03/15 22:36:13 by duscha". */
		if ((l->bits & LB_FULLDATE) && l->nvis <= 60) {
			const char *q = find_bytes(s + a, b - a, " by ", 4);

			if (q) {
				size_t st = (size_t)(q - s) + 4, e = st;

				while (e < b && s[e] != ' ')
					e++;
				if (e > st && e - st <= 30)
					add_vcand(pg, li, l->noff + st, e - st, LK_AUTHOR,
					    HOW_POSTER);
			}
		}
		/* English "By NAME". */
		if (b - a > 3 && (starts_with(s + a, b - a, LIT("By ")) ||
		    starts_with(s + a, b - a, LIT("BY "))) && b - a < 120) {
			static const char *const stops[] = { "|", " On ", " on ", " at ",
				" - ", " — ", " Updated", " Published", " Posted" };
			size_t e = b, k2, dpos = a + 3, ds, de;
			struct mdate dd;

			/* The names end where the date or the next item starts. */
			for (k2 = 0; k2 < sizeof(stops) / sizeof(stops[0]); k2++) {
				const char *q = find_bytes(s + a + 3, e - a - 3, stops[k2],
				    strlen(stops[k2]));

				if (q)
					e = (size_t)(q - s);
			}
			if (date_scan(s, e, &dpos, &dd, &ds, &de))
				e = ds;
			add_vcand(pg, li, l->noff + a + 3, e - a - 3, LK_AUTHOR, HOW_BYLINE);
		}
	}
	if (l->hints & H_PAREN)
		scan_parens(pg, li, s, n);
	if (l->nvis <= 40 && (l->hints & H_ROLE))
		short_byline(pg, li, s, n);
	if (l->nvis <= 30 && !(l->bits & LB_LABEL))
		spaced_label(pg, li, s, n);
	/* 本文由X发布: the publisher in a copyright line. */
	if (l->hints & H_BEN) {
		const char *p = find_bytes(s, n, "本文由", 9);

		if (p) {
			size_t st = (size_t)(p - s) + 9, e;
			const char *q = find_bytes(s + st, n - st, "发布", 6);

			if (q && (e = (size_t)(q - s)) > st && e - st <= 45)
				add_vcand(pg, li, l->noff + st, e - st, LK_SOURCE,
				    HOW_PUBLISHED_BY);
		}
	}
}

/* --- choosing ---------------------------------------------------------- */

static int
after_anchor(const struct mdate *d, const struct mdate *anchor)
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

static int
lines_equal_nospace(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < an && a[i] == ' ')
			i++;
		while (j < bn && b[j] == ' ')
			j++;
		if (i == an || j == bn)
			return i == an && j == bn;
		if (a[i] != b[j])
			return 0;
		i++, j++;
	}
}

static long
prev_nonblank(const struct page *pg, long li)
{
	for (li--; li >= 0; li--)
		if (pg->ln[li].nlen)
			return li;
	return -1;
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

static long
next_nonblank(const struct page *pg, long li)
{
	for (li++; (size_t)li < pg->nl; li++)
		if (pg->ln[li].nlen)
			return li;
	return -1;
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

/* Score the date candidates for "published". */
static void
score_dates(struct page *pg, const struct mdate *anchor)
{
	size_t k;

	for (k = 0; k < pg->ndc; k++) {
		struct dcand *c = &pg->dc[k];
		const struct line *l = &pg->ln[c->line];
		double s = 0;
		int near = 0;
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
		/* A date inside parentheses at the end of a list item. */
		if (c->start > 0 && pg->n[l->noff + c->start - 1] == '(' && c->kind == LK_NONE &&
		    l->nvis > 12)
			s -= 2;
		s -= 3.0 * (double)c->line / (double)(pg->nl ? pg->nl : 1);
		if (after_anchor(&c->d, anchor))
			s -= 20;
		/* Only a whole-line date or a labelled one may be this vague. */
		if (c->d.prec <= DP_MONTH && c->kind != LK_PUBLISHED &&
		    !(c->d.flags & MF_RELATIVE) && !(c->start == 0 && c->end == l->nlen))
			s -= 10;
		/* Under a "相关阅读" heading: the dates of other articles. */
		for (j = (long)c->line - 1; j >= 0 && j >= (long)c->line - 15; j--)
			if ((pg->ln[j].bits & LB_END) && !(pg->ln[j].bits & LB_LABEL)) {
				if (c->kind == LK_NONE)
					s -= 4;
				break;
			}
		/* A date in a sentence of the body tells of an event. */
		if (c->kind == LK_NONE && l->nvis > 50 &&
		    find_bytes(pg->n + l->noff, l->nlen, "。", 3))
			s -= 4;
		/* 3小时前, 6月8日 inside prose are not the page's date. */
		if ((c->d.flags & (MF_RELATIVE | MF_YEAR_INFERRED)) && c->kind == LK_NONE &&
		    l->nvis > 30)
			s -= 10;
		c->score = s;
	}
}

static int title_cell(const char *, size_t, size_t, size_t, size_t *, size_t *, int);

/* Is line li a plausible title?  Returns the segment to use. */
static int
title_like(const struct page *pg, size_t li, size_t *toff, size_t *tlen, int zh)
{
	const struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t n = l->nlen, a, b, best_a = 0, best_len = 0, best_w = 0;

	if (!n || (l->bits & (LB_FULLDATE | LB_CRUMB | LB_LONG)))
		return 0;
	if ((l->bits & LB_LABEL) && (long)li != pg->title_label_line)
		return 0;
	/*
	 * The main cell of a table row (cells are 3 or more spaces apart):
	 * the longest, counting Han characters thrice on a Chinese page so
	 * that "milimage.gif (2200 bytes)" loses to "飞行物理学常识".
	 */
	for (a = 0; a < n; a = b) {
		size_t w = 0, k;

		while (a < n && s[a] == ' ')
			a++;
		for (b = a; b < n && !(s[b] == ' ' && b + 2 < n && s[b + 1] == ' ' &&
		    s[b + 2] == ' '); b++)
			;
		for (k = a; k < b; k++) {
			unsigned char c = (unsigned char)s[k];

			w += !zh ? 1 : is_han_lead(c) ? 9 : c < 0x80;
		}
		if (w > best_w) {
			best_a = a;
			best_len = b - a;
			best_w = w;
		}
	}
	return title_cell(s, best_a, best_a + best_len, l->noff, toff, tlen, zh);
}

/* Is the cell s[a..b) of a line (at noff in the text) a plausible title? */
static int
title_cell(const char *s, size_t a, size_t b, size_t noff, size_t *toff, size_t *tlen,
    int zh)
{
	int chars = 0;

	/* Bullets and [tags] before the title. */
	for (;;) {
		if (starts_with(s + a, b - a, LIT("• ")))
			a += 4;
		else if (starts_with(s + a, b - a, LIT("•")) ||
		    starts_with(s + a, b - a, LIT("●")) ||
		    starts_with(s + a, b - a, LIT("□")))
			a += 3;
		else if (starts_with(s + a, b - a, LIT("· ")))
			a += 3;
		else if (starts_with(s + a, b - a, LIT("* ")))
			a += 2;
		else if (s[a] == '[') {
			const char *q = memchr(s + a, ']', b - a);

			if (!q || q + 1 >= s + b)
				break;
			a = (size_t)(q - s) + 1;
		} else
			break;
		while (a < b && s[a] == ' ')
			a++;
	}
	while (b > a && s[b - 1] == ' ')
		b--;
	/* "论坛 » 学术前沿 » 标题", "专栏/轻小说/标题": the last item. */
	{
		size_t i, last = a, seps = 0, slashes = 0, lastslash = a;

		for (i = a; i < b; i++) {
			size_t k = crumb_sep(s, b, i);

			if (k) {
				seps++;
				last = i + k;
				i += k - 1;
			} else if (s[i] == '/') {
				slashes++;
				lastslash = i + 1;
			}
		}
		if (seps)
			a = last;
		else if (slashes >= 2 && !find_bytes(s + a, b - a, "://", 3))
			a = lastslash;
		while (a < b && s[a] == ' ')
			a++;
	}
	if (a >= b || (s[a] == '[' && s[b - 1] == ']') || s[a] == ']')
		return 0;
	{
		size_t i, opens = 0;

		for (i = a; i < b; i++)
			opens += s[i] == '[';
		if (opens >= 2)
			return 0;	/* form fields and image tags */
	}
	{
		const unsigned char *p = (const unsigned char *)s + a;
		int brackets = 0, spaces = 0, commas = 0, digits = 0;
		size_t i = 0, m = b - a;
		int han = 0, pipes = 0, slash = 0;
		uint32_t cp = 0;

		while (i < m) {
			if (p[i] == '|')
				pipes++;
			if (p[i] == '/')
				slash++;
			if (p[i] == ' ')
				spaces++;
			if (p[i] == ',')
				commas++;
			if (p[i] >= '0' && p[i] <= '9')
				digits++;
			if (m - i >= 3 && memcmp(p + i, "【", 3) == 0)
				brackets++;
			i += utf8_decode(p + i, m - i, &cp);
			chars++;
			if (cp >= 0x4e00 && cp <= 0x9fff)
				han++;
			if (cp == 0x3002 && i < m)
				return 0;	/* a sentence goes on: prose */
		}
		if (chars < 5 + zh || chars > 90 || pipes > 1 || brackets >= 3 || commas >= 3 ||
		    (zh && chars > 50) || digits >= 8)
			return 0;	/* a menu, prose, a telephone number */
		/* A menu: many short words ("首頁 專題新聞 本地專題 ..."). */
		if (zh && spaces >= 3 && chars / (spaces + 1) <= 5)
			return 0;
		if (zh && han < 4)
			return 0;
		if (!zh && (chars < 10 || spaces < 3))
			return 0;	/* English: four words or more */
		if (slash && chars <= 16)
			return 0;	/* 石佳/中国青年报: a byline */
		/* Prose, not a heading. */
		if (cp == 0x3002 || cp == ':' || cp == ',' || (cp == '.' && !zh && chars > 60))
			return 0;
	}
	*toff = noff + a;
	*tlen = b - a;
	return 1;
}

/* Strip a site name after the title: "X_新浪网", "X - 人民网", "X | Site". */
static void
strip_site_suffix(const char *s, size_t *len)
{
	static const char *const seps[] = { "_", " - ", " | ", "|", " — ", " – " };
	size_t k, i;

	for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		size_t sl = strlen(seps[k]);

		for (i = *len; i-- > 6;) {
			if (i + sl <= *len && memcmp(s + i, seps[k], sl) == 0) {
				size_t tail = *len - i - sl;

				if (tail > 0 && tail <= 30 && i >= 12) {
					*len = i;
					while (*len > 0 && s[*len - 1] == ' ')
						(*len)--;
					return;
				}
				break;
			}
		}
	}
}

static void
set_span(struct meta *m, enum meta_field f, const struct page *pg, size_t li)
{
	m->ev[f].off = pg->ln[li].off;
	m->ev[f].len = pg->ln[li].len ? pg->ln[li].len : 1;
}

/* Choose the title. */
static long
choose_title(struct page *pg, long date_line, int zh)
{
	struct meta *m = pg->m;
	size_t toff = 0, tlen = 0, joff = 0, jlen = 0;
	long li, got = -1, first_body = -1;
	size_t k;
	int taken = 0;

	/* 正在阅读:X, 标题:X */
	for (k = 0; k < pg->nvc; k++)
		if (pg->vc[k].kind == LK_TITLE && pg->vc[k].len >= 6) {
			toff = pg->vc[k].off;
			tlen = pg->vc[k].len;
			got = (long)pg->vc[k].line;
			goto found;
		}
	for (k = 0; k < 2 && got < 0; k++) {
		long from = date_line;

		/* Walk up from the date block, else from a 来源:/作者: line. */
		if (k == 1) {
			size_t v;

			from = -1;
			for (v = 0; v < pg->nvc; v++)
				if ((pg->vc[v].kind == LK_SOURCE || pg->vc[v].kind == LK_AUTHOR) &&
				    pg->vc[v].how == HOW_LABEL && pg->vc[v].line < pg->nl / 2 + 1) {
					from = (long)pg->vc[v].line;
					break;
				}
		}
		if (from < 0)
			continue;
		taken = 0;
		for (li = from - 1; li >= 0 && li >= from - 8; li--) {
			size_t o, n;

			if (!pg->ln[li].nlen)
				continue;
			if (title_like(pg, (size_t)li, &o, &n, zh)) {
				if (taken && (pg->ln[li].bits & LB_BULLET))
					break;
				if (taken && n < tlen / 2)
					break;
				/* A title wrapped onto two lines: join them. */
				if (taken == 1 && li == got - 1 && pg->ln[li].nvis >= 8 &&
				    pg->ln[got].nvis >= 8 &&
				    pg->ln[li].nvis + pg->ln[got].nvis <= 60) {
					joff = toff;
					jlen = tlen;
				}
				toff = o, tlen = n, got = li;
				taken++;
				if ((pg->ln[li].bits & LB_BULLET) || taken == 2)
					break;
				continue;
			}
			if (taken)
				break;
			/* A label line (source, author) between title and date. */
			if (pg->ln[li].nvis <= 20 || (pg->ln[li].bits & LB_LABEL) ||
			    pg->ln[li].nhan < 4)
				continue;
			break;
		}
	}
	/* A forum row: "cjy52191   从原子弹爆炸原理想开去   2005-09-11 18:04:42". */
	if (got < 0 && date_line >= 0) {
		const char *s = pg->n + pg->ln[date_line].noff;
		size_t n = pg->ln[date_line].nlen, a, b, o, tl;

		for (a = 0; a < n && got < 0; a = b) {
			size_t pos, ds, de;
			struct mdate dd;

			while (a < n && s[a] == ' ')
				a++;
			for (b = a; b < n && !(s[b] == ' ' && b + 2 < n && s[b + 1] == ' ' &&
			    s[b + 2] == ' '); b++)
				;
			pos = a;
			if (b > a && !date_scan(s, b, &pos, &dd, &ds, &de) &&
			    han_run(s, b, a) >= 12 &&
			    title_cell(s, a, b, pg->ln[date_line].noff, &o, &tl, zh)) {
				toff = o, tlen = tl, got = date_line;
			}
		}
	}
	if (got >= 0)
		goto found;
	/* No date: a heading the page repeats (title bar, heading, share text). */
	{
		long seen = 0, lj;

		for (li = 0; (size_t)li < pg->nl && li < 300 && got < 0; li++) {
			size_t o, n, o2, n2;

			if (pg->ln[li].nvis < 8 || !title_like(pg, (size_t)li, &o, &n, zh))
				continue;
			if (++seen > 60)
				break;
			for (lj = li + 1; (size_t)lj < pg->nl; lj++)
				if (pg->ln[lj].nvis == pg->ln[li].nvis &&
				    lines_equal_nospace(pg->n + pg->ln[li].noff, pg->ln[li].nlen,
				    pg->n + pg->ln[lj].noff, pg->ln[lj].nlen) &&
				    title_like(pg, (size_t)lj, &o2, &n2, zh) &&
				    lines_equal_nospace(pg->n + o, n, pg->n + o2, n2)) {
					toff = o, tlen = n, got = li;
					break;
				}
		}
		if (got >= 0)
			goto found;
	}
	/* The first line of the page, when it is a heading (book chapters). */
	for (li = 0; (size_t)li < pg->nl && !pg->ln[li].nlen; li++)
		;
	if ((size_t)li < pg->nl && zh) {
		size_t o, n;

		if (title_like(pg, (size_t)li, &o, &n, zh)) {
			toff = o, tlen = n, got = li;
			goto found;
		}
	}
	/* The heading above the first body paragraph. */
	for (li = 0; (size_t)li < pg->nl; li++)
		if (pg->ln[li].nvis >= 40 && !(pg->ln[li].bits & LB_CRUMB)) {
			const char *s = pg->n + pg->ln[li].noff;
			size_t n = pg->ln[li].nlen;

			if (find_bytes(s, n, "。", 3) || find_bytes(s, n, ". ", 2)) {
				first_body = li;
				break;
			}
		}
	/* A title over a subtitle: the upper of two headings. */
	if (first_body >= 0)
		for (li = first_body - 1; li >= 0 && li >= first_body - 10; li--) {
			size_t o, n;

			if (!pg->ln[li].nlen)
				continue;
			if (title_like(pg, (size_t)li, &o, &n, zh)) {
				if (got >= 0 && n < tlen / 2)
					break;
				toff = o, tlen = n;
				if (got >= 0) {
					got = li;
					break;
				}
				got = li;
			} else if (got >= 0)
				break;
		}
	if (got >= 0)
		goto found;
	return -1;
found:
	strip_site_suffix(pg->n + toff, &tlen);
	buf_add(&m->title, pg->n + toff, tlen);
	if (jlen) {
		buf_addc(&m->title, ' ');
		buf_add(&m->title, pg->n + joff, jlen);
	} else if ((size_t)got + 1 < pg->nl &&
	    toff + tlen == pg->ln[got].noff + pg->ln[got].nlen) {
		/* A narrow column wrapped the last characters onto a line. */
		const struct line *nx = &pg->ln[got + 1];

		if (nx->nlen && nx->nvis <= 3 && nx->nhan == nx->nvis && !nx->bits)
			buf_add(&m->title, pg->n + nx->noff, nx->nlen);
	}
	m->has_title = 1;
	set_span(m, MF_TITLE, pg, (size_t)got);
	return got;
}

/* Words that are not a person. */
static int
not_a_name(const char *s, size_t n)
{
	static const char *const w[] = { "未知", "佚名", "admin", "Admin", "管理员",
		"本站", "小编", "网友", "匿名", "unknown", "Unknown", "不详", "本网",
		"编辑", "记者", "作者", "原创", "转载", "综合", "供图", "图", "文",
		"摄", "整理", "报道", "null", "none", "阅读", "评论", "浏览", "点击",
		"查看更多", "更多", "发表评论", "回复", "收藏", "分享", "责编", "编者",
		"完", "待续", "未完" };
	size_t k;

	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (strlen(w[k]) == n && memcmp(s, w[k], n) == 0)
			return 1;
	return 0;
}

static int
list_has(const struct meta_list *l, const char *s, size_t n)
{
	size_t i = 0, k;

	for (k = 0; k < l->n; k++) {
		size_t len = strlen(l->data.data + i);

		if (len == n && memcmp(l->data.data + i, s, n) == 0)
			return 1;
		i += len + 1;
	}
	return 0;
}

static void
list_add(struct meta_list *l, const char *s, size_t n)
{
	if (!n || list_has(l, s, n) || l->n >= 32)
		return;
	buf_add(&l->data, s, n);
	buf_addc(&l->data, '\0');
	l->n++;
}

/* Cut a name at a role word that follows it: 路闻卓立编译, 彭冲报道. */
static size_t
cut_role_suffix(const char *s, size_t n)
{
	static const char *const w[] = { "编译", "報導", "报道", "整理", "摄影", "供稿",
		"发自", "翻译", "综合", "摄", "/文", "文/", "受访者" };
	size_t k, i;

	for (i = 3; i < n; i++)
		for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
			size_t wl = strlen(w[k]);

			if (n - i >= wl && memcmp(s + i, w[k], wl) == 0)
				return i;
		}
	return n;
}

/* "CNN Business", "Fox News", "USA TODAY": a news organisation, not a person. */
static int
org_name(const char *s, size_t n)
{
	static const char *const suf[] = { "News", "Business", "Times", "Post",
		"Staff", "Reporter", "Correspondent", "Press", "Agency", "Wire",
		"Editors", "Desk", "Team", "Writer", "Editor", "Contributor",
		"Columnist", "Photographer" };
	size_t i, k, caps = 0;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			caps++;
		else if ((s[i] == ' ' || s[i] == '.') && caps >= 2)
			return 1;
		else
			caps = 0;
	}
	if (caps >= 2)
		return 1;
	for (k = 0; k < sizeof(suf) / sizeof(suf[0]); k++) {
		size_t wl = strlen(suf[k]);

		if (n >= wl && memcmp(s + n - wl, suf[k], wl) == 0)
			return 1;
	}
	return 0;
}

/*
 * Names in Latin script are separated by commas, "and" and '&', not by
 * spaces: "Jane Doe and John Q. Public".  Returns 1 if s is not Latin.
 */
static int
latin_names(struct meta_list *out, const char *s, size_t n)
{
	size_t i, st = 0;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 && !(i + 1 < n &&
		    (unsigned char)s[i] >= 0xc3 && (unsigned char)s[i] <= 0xc5))
			return 1;	/* Han or other scripts: the general rules */
	for (i = 0; i <= n; i++) {
		size_t sep = 0;

		if (i == n)
			sep = 1;
		else if (s[i] == ',' || s[i] == ';' || s[i] == '&' || s[i] == '|')
			sep = 1;
		else if (n - i >= 5 && memcmp(s + i, " and ", 5) == 0)
			sep = 5;
		if (!sep)
			continue;
		{
			size_t a = st, b = i, k, words = 1;
			int upper;

			while (a < b && s[a] == ' ')
				a++;
			while (b > a && s[b - 1] == ' ')
				b--;
			upper = a < b && s[a] >= 'A' && s[a] <= 'Z';
			for (k = a; k < b; k++)
				words += s[k] == ' ';
			if (org_name(s + a, b - a))
				upper = 0;
			/* A name: capitalised, one to five words, no digits. */
			/* Capitalised, or a one-word handle (zboygirl). */
			if ((upper || (words == 1 && b - a >= 3)) && words <= 5 &&
			    b - a <= 60 && !not_a_name(s + a, b - a)) {
				for (k = a; k < b && !(s[k] >= '0' && s[k] <= '9'); k++)
					;
				if (k == b)
					list_add(out, s + a, b - a);
			}
		}
		st = i + sep;
		i = st - 1;
	}
	return 0;
}

/*
 * Split a people value into names: separators 、,;&/ and spaces; padded
 * two-character names "许 婷" joined; codes such as PK155 or _NB1 dropped.
 */
static void
add_names(struct meta_list *out, const char *s, size_t n, size_t max_han)
{
	size_t i = 0;
	const char *tok[24];
	size_t tl[24];
	size_t nt = 0, k;

	/* A value in brackets: "[ 人民网 ]", "(责编:X)". */
	while (n > 0 && (s[n - 1] == ']' || s[n - 1] == ')' || s[n - 1] == ' ' ||
	    s[n - 1] == '.'))
		n--;
	if (n >= 3 && memcmp(s + n - 3, "】", 3) == 0)
		n -= 3;
	if (!latin_names(out, s, n))
		return;
	/* "赵培:北京物资学院,北京": the name, then an affiliation. */
	{
		const char *c = memchr(s, ':', n);

		if (c)
			n = (size_t)(c - s);
	}
	/* A quotation or a question after 记者: is speech, not a name. */
	if (n >= 3 && (memcmp(s, "“", 3) == 0 || s[0] == '"'))
		return;
	while (i < n && nt < 24) {
		size_t st, sepl = 0;

		for (st = i; i < n; i++) {
			if (s[i] == ' ' || s[i] == ',' || s[i] == ';' || s[i] == '&' ||
			    s[i] == '/' || s[i] == '|' || s[i] == '(' || s[i] == ')') {
				sepl = 1;
				break;
			}
			if (n - i >= 3 && (memcmp(s + i, "、", 3) == 0 ||
			    memcmp(s + i, "，", 3) == 0 || memcmp(s + i, "；", 3) == 0)) {
				sepl = 3;
				break;
			}
		}
		if (i > st) {
			tok[nt] = s + st;
			tl[nt] = i - st;
			nt++;
		}
		i += sepl ? sepl : 1;
	}
	for (k = 0; k < nt; k++) {
		const char *t = tok[k];
		size_t len = tl[k], hl, j;
		int digits = 0, upper = 0, lower = 0;
		char joined[16];

		/* A counter, "阅读(1660)", is not a name. */
		if (t + len < s + n && t[len] == '(' && t + len + 1 < s + n &&
		    t[len + 1] >= '0' && t[len + 1] <= '9')
			continue;
		/* 许 婷: two single characters make one name. */
		if (len == 3 && is_han_lead((unsigned char)t[0]) && k + 1 < nt &&
		    tl[k + 1] == 3 && is_han_lead((unsigned char)tok[k + 1][0])) {
			memcpy(joined, t, 3);
			memcpy(joined + 3, tok[k + 1], 3);
			list_add(out, joined, 6);
			k++;
			continue;
		}
		/* "赵培:北京物资学院": the name before a colon; "张三_NB1": a code. */
		{
			const char *c = memchr(t, ':', len);

			if (c)
				len = (size_t)(c - t);
			if ((c = memchr(t, '_', len)) != NULL && c > t)
				len = (size_t)(c - t);
		}
		len = cut_role_suffix(t, len);
		/* Leading role words inside a value: 本报记者张三. */
		for (j = 0; j < len;) {
			size_t r = role_at(t, len, j);

			if (!r)
				break;
			t += r;
			len -= r;
		}
		if (!len || not_a_name(t, len))
			continue;
		for (j = 0; j < len; j++) {
			unsigned char c = (unsigned char)t[j];

			digits += c >= '0' && c <= '9';
			upper += c >= 'A' && c <= 'Z';
			lower += c >= 'a' && c <= 'z';
		}
		hl = han_run(t, len, 0);
		if (hl > 0) {
			/* A run of ten or more characters: prose, drop it all. */
			if (hl >= 30)
				return;
			/* A Han name: 2..8 characters; more is a phrase. */
			if (hl < len || len < 6 || len > max_han * 3)
				continue;
		} else {
			if (digits || len < 2 || len > 40)
				continue;
			if (t[0] == '_' || (upper && !lower && len <= 6))
				continue;	/* editor codes: _NB1, PK */
		}
		list_add(out, t, len);
	}
}

/* Source value: the publisher up to a space, date or bracket. */
static void
set_source(struct page *pg, const struct vcand *v)
{
	struct meta *m = pg->m;
	const char *s = pg->n + v->off;
	size_t n = v->len, i;
	int han = 0;

	while (n && (*s == '[' || *s == ' ' || *s == '(')) {
		s++;
		n--;
	}
	if (n >= 3 && memcmp(s, "【", 3) == 0)
		s += 3, n -= 3;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			han = 1;
		if (c == ']' || c == ')' || c == '|' || (c == ' ' && han) ||
		    (c == '[' && i > 0) ||
		    (c >= '0' && c <= '9' && han && i + 4 <= n &&
		    s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 3] >= '0'))
			break;
		if (n - i >= 3 && memcmp(s + i, "】", 3) == 0)
			break;
	}
	n = i;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ','))
		n--;
	if (n >= 6 && memcmp(s + n - 6, "[整理]", 6) == 0)
		n -= 6;
	if (!n || n > 90 || not_a_name(s, n))
		return;
	buf_add(&m->source, s, n);
	m->has_source = 1;
	set_span(m, MF_SOURCE, pg, v->line);
}

/* Text after the date on the meta line with no label: a publisher name? */
static int
publisher_like(const char *s, size_t n)
{
	static const char *const suf[] = { "报", "報", "网", "網", "社", "刊",
		"台", "消息", "综合", "频道", "日报", "晚报", "杂志",
		"周刊", "在线", "客户端", "[整理]", "[原创]", "[转载]", "时报", "星空" };
	size_t k;

	for (k = 0; k < sizeof(suf) / sizeof(suf[0]); k++) {
		size_t wl = strlen(suf[k]);

		if (n >= wl && memcmp(s + n - wl, suf[k], wl) == 0)
			return 1;
	}
	return 0;
}

/* Candidate publisher next to the chosen date: "2019年11月25日 18:57 参考消息". */
static void
bare_source(struct page *pg, const struct dcand *c)
{
	const struct line *l = &pg->ln[c->line];
	const char *s = pg->n + l->noff;
	size_t a = c->end, b;

	while (a < l->nlen && s[a] == ' ')
		a++;
	for (b = a; b < l->nlen && s[b] != ' '; b++)
		;
	if (b > a && !(l->bits & LB_LABEL) && publisher_like(s + a, b - a))
		add_vcand(pg, c->line, l->noff + a, b - a, LK_SOURCE, HOW_AFTER_DATE);
	/* "2004年7月16日08:19 [ 黄宇 ] 来源:": a bracketed name by the date. */
	if (a + 2 < l->nlen && s[a] == '[') {
		size_t q = a + 1, h;

		while (q < l->nlen && s[q] == ' ')
			q++;
		h = han_run(s, l->nlen, q);
		b = q + h;
		while (b < l->nlen && s[b] == ' ')
			b++;
		if (h >= 6 && h <= 12 && b < l->nlen && s[b] == ']')
			add_vcand(pg, c->line, l->noff + q, h, LK_AUTHOR, HOW_BYLINE);
	}
	/* A publisher alone on the line before the date: 新华社 */
	{
		long p = prev_nonblank(pg, (long)c->line);

		if (p >= 0 && pg->ln[p].nvis <= 12 && !(pg->ln[p].bits & LB_LABEL) &&
		    !memchr(pg->n + pg->ln[p].noff, '/', pg->ln[p].nlen) &&
		    publisher_like(pg->n + pg->ln[p].noff, pg->ln[p].nlen))
			add_vcand(pg, (size_t)p, pg->ln[p].noff, pg->ln[p].nlen,
			    LK_SOURCE, HOW_AFTER_DATE);
		/* 石佳/中国青年报: author and publisher. */
		if (p >= 0 && pg->ln[p].nvis <= 20) {
			const char *q = pg->n + pg->ln[p].noff;
			const char *sl = memchr(q, '/', pg->ln[p].nlen);

			if (sl && !(pg->ln[p].bits & LB_LABEL)) {
				size_t an = (size_t)(sl - q), sn = pg->ln[p].nlen - an - 1;

				if (an >= 6 && an <= 12 && han_run(q, an, 0) == an &&
				    publisher_like(sl + 1, sn)) {
					add_vcand(pg, (size_t)p, pg->ln[p].noff, an, LK_AUTHOR,
					    HOW_BYLINE);
					add_vcand(pg, (size_t)p, pg->ln[p].noff + an + 1, sn,
					    LK_SOURCE, HOW_AFTER_DATE);
				}
			}
		}
	}
}

/*
 * "赵延东、风笑天" on its own line under the title (or under the title's
 * repeat): two or more names of two or three characters joined by 、.
 */
static void
names_under_title(struct page *pg, long title_line)
{
	struct meta *m = pg->m;
	long li = title_line, k;

	/* Over the date line and repeats of the title, to the first other line. */
	for (k = 0; k < 6; k++) {
		const char *s;
		size_t n, i = 0, names = 0;

		if ((li = next_nonblank(pg, li)) < 0)
			return;
		s = pg->n + pg->ln[li].noff;
		n = pg->ln[li].nlen;
		if ((pg->ln[li].bits & (LB_DATE | LB_LABEL)) ||
		    lines_equal_nospace(s, n, m->title.data, m->title.len))
			continue;
		if (pg->ln[li].nvis > 20)
			return;
		while (i < n) {
			size_t h = han_run(s, n, i);

			if (h < 6 || h > 9)
				break;
			names++;
			i += h;
			if (n - i >= 3 && memcmp(s + i, "、", 3) == 0)
				i += 3;
			else if (i < n)
				break;
		}
		if (i == n && names >= 2) {
			add_names(&m->authors, s, n, 3);
			set_span(m, MF_AUTHORS, pg, (size_t)li);
		}
		return;
	}
}

static void
choose_people_and_source(struct page *pg, long title_line, long date_line)
{
	struct meta *m = pg->m;
	long top = title_line >= 0 ? title_line : (date_line >= 0 ? date_line : 0);

	if (date_line >= 0 && date_line < top)
		top = date_line;
	long end = (long)pg->nl, k;
	long best_src = -1, best_d = 0;
	int src_rank = 99;
	size_t i;

	if (top > 2)
		top -= 2;
	else
		top = 0;
	/* The article ends at the first related-list heading after it. */
	{
		long body = 0;

		/* ...but only after some body text: side columns have headings too. */
		for (k = (date_line >= 0 ? date_line : top) + 1; k < (long)pg->nl; k++) {
			if ((pg->ln[k].bits & LB_END) && !(pg->ln[k].bits & LB_LABEL) &&
			    body >= 300) {
				end = k;
				break;
			}
			body += pg->ln[k].nvis;
		}
	}
	/* Editors: the labelled ones in the article, the first group else. */
	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];

		if ((v->kind == LK_EDITOR || v->kind == LK_EDITOR_PLAIN) &&
		    (long)v->line >= top && (long)v->line <= end + 2) {
			add_names(&m->editors, pg->n + v->off, v->len, 8);
			if (m->ev[MF_EDITORS].len == 0)
				set_span(m, MF_EDITORS, pg, v->line);
		}
	}
	/*
	 * Authors: labels and bylines in the article, from two lines at most
	 * (a byline under the title and one closing the body); more is a
	 * thread of replies, each with its poster.
	 */
	{
		long lines_used = 0, last_line = -1;

		for (i = 0; i < pg->nvc; i++) {
			const struct vcand *v = &pg->vc[i];
			size_t before = m->authors.n;

			if (v->kind != LK_AUTHOR || (long)v->line < top || (long)v->line > end)
				continue;
			if (v->how == HOW_POSTER && m->authors.n)
				continue;
			if ((long)v->line != last_line && lines_used >= 2)
				break;
			/* A byline names people (2-4 characters); a label may name a team. */
			add_names(&m->authors, pg->n + v->off, v->len, v->how == HOW_LABEL ? 8 : 4);
			if (m->authors.n > before && (long)v->line != last_line) {
				lines_used++;
				last_line = (long)v->line;
			}
			if (m->ev[MF_AUTHORS].len == 0 && m->authors.n)
				set_span(m, MF_AUTHORS, pg, v->line);
		}
	}
	/* A page whose only credit is 编辑: that person wrote it. */
	for (i = 0; i < pg->nvc; i++)
		if (pg->vc[i].kind == LK_EDITOR)
			break;	/* a 责任编辑 too: 编辑 is one of the editors */
	if (!m->authors.n && i == pg->nvc)
		for (i = 0; i < pg->nvc; i++) {
			const struct vcand *v = &pg->vc[i];

			if (v->kind == LK_EDITOR_PLAIN && (long)v->line >= top &&
			    (long)v->line <= end + 2)
				add_names(&m->authors, pg->n + v->off, v->len, 8);
		}
	/* Still none: an 作者: label anywhere, as on a book or paper page. */
	if (!m->authors.n)
		for (i = 0; i < pg->nvc && !m->authors.n; i++) {
			const struct vcand *v = &pg->vc[i];

			if (v->kind == LK_AUTHOR && v->how == HOW_LABEL &&
			    v->line < pg->nl / 2 + 1) {
				add_names(&m->authors, pg->n + v->off, v->len, 8);
				if (m->authors.n)
					set_span(m, MF_AUTHORS, pg, v->line);
			}
		}
	/* Still none: names alone under the title, as a paper gives them. */
	if (!m->authors.n && title_line >= 0)
		names_under_title(pg, title_line);
	/* Source: the labelled one nearest the date block. */
	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];
		int rank;
		long d;

		if (v->kind != LK_SOURCE && v->kind != LK_REPRINT)
			continue;
		if (v->how == HOW_PUBLISHED_BY)
			rank = 4;
		else if (v->kind == LK_REPRINT)
			rank = 2;
		else if (v->how == HOW_AFTER_DATE)
			rank = 3;
		else
			rank = (long)v->line >= top && (long)v->line <= end ? 0 : 1;
		d = date_line >= 0 ? labs((long)v->line - date_line) : (long)v->line;
		if (rank < src_rank || (rank == src_rank && d < best_d)) {
			src_rank = rank;
			best_src = (long)i;
			best_d = d;
		}
	}
	if (best_src >= 0)
		set_source(pg, &pg->vc[best_src]);
}

/* Categories from the breadcrumb, else a 类别:/栏目: label. */
static void
choose_categories(struct page *pg, long title_line)
{
	struct meta *m = pg->m;
	size_t i;
	long li;

	/* The breadcrumb nearest above the title, else the first one. */
	for (li = title_line; li >= 0 && li >= title_line - 60; li--)
		if (pg->ln[li].bits & LB_CRUMB) {
			pg->crumb_line = li;
			pg->crumb_off = pg->ln[li].noff;
			pg->crumb_len = pg->ln[li].nlen;
			break;
		}
	if (pg->crumb_line >= 0) {
		const char *s = pg->n + pg->crumb_off;
		size_t n = pg->crumb_len, a = 0;

		while (a < n) {
			size_t b = a, k = 0, st, en;

			while (b < n && !(k = crumb_sep(s, n, b)))
				b++;
			st = a, en = b;
			while (st < en && s[st] == ' ')
				st++;
			/* An item ends at a wide gap: table cells around it. */
			{
				size_t g;

				for (g = st; g + 1 < en; g++)
					if (s[g] == ' ' && s[g + 1] == ' ') {
						if (a == 0) {
							/* the first item: the cell before '>' */
							size_t h = en;

							while (h > st && s[h - 1] == ' ')
								h--;
							while (g + 1 < h && s[g] == ' ')
								g++;
							st = g;
							for (; g + 1 < h; g++)
								if (s[g] == ' ' && s[g + 1] == ' ')
									st = g + 2;
						} else
							en = g;
						break;
					}
			}
			while (st < en && s[st] == ' ')
				st++;
			while (en > st && s[en - 1] == ' ')
				en--;
			/* "位置:首页": drop the label. */
			{
				const char *c = memchr(s + st, ':', en - st);

				if (c)
					st = (size_t)(c - s) + 1;
				while (st < en && s[st] == ' ')
					st++;
			}
			if (en > st && !is_home(s + st, en - st) &&
			    !is_body_word(s + st, en - st) &&
			    s[st] != '[' && en - st <= 60 &&
			    !(m->has_title && en - st >= m->title.len && en - st > 30))
				list_add(&m->categories, s + st, en - st);
			a = b + k;
			if (!k)
				break;
		}
		if (m->categories.n) {
			set_span(m, MF_CATEGORIES, pg, (size_t)pg->crumb_line);
			return;
		}
	}
	/* A vertical breadcrumb: "1. 首页" / "• 首页" then items, one a line. */
	for (i = 0; i + 1 < pg->nl && i < 400; i++) {
		const char *s = pg->n + pg->ln[i].noff;
		size_t n = pg->ln[i].nlen, j, p;

		if (!((n == 9 && memcmp(s, "1. 首页", 9) == 0) ||
		    (n == 10 && memcmp(s, "• 首页", 10) == 0) ||
		    (n == 10 && memcmp(s, "• 首頁", 10) == 0)))
			continue;
		for (j = i + 1; j < pg->nl && j <= i + 6; j++) {
			const char *t = pg->n + pg->ln[j].noff;
			size_t tn = pg->ln[j].nlen;

			p = 0;
			if (tn > 3 && t[0] >= '2' && t[0] <= '9' && t[1] == '.' && t[2] == ' ')
				p = 3;
			else if (starts_with(t, tn, LIT("• > ")))
				p = 6;
			else if (starts_with(t, tn, LIT("• » ")))
				p = 7;
			if (!p || tn - p > 30)
				break;
			if (!is_body_word(t + p, tn - p))
				list_add(&m->categories, t + p, tn - p);
		}
		if (m->categories.n) {
			set_span(m, MF_CATEGORIES, pg, i);
			return;
		}
	}
	for (i = 0; i < pg->nvc; i++)
		if (pg->vc[i].kind == LK_CATEGORY) {
			const char *s = pg->n + pg->vc[i].off;
			size_t n = pg->vc[i].len, e = 0;

			while (e < n && s[e] != ' ')
				e++;
			if (e && e <= 30) {
				list_add(&m->categories, s, e);
				set_span(m, MF_CATEGORIES, pg, pg->vc[i].line);
			}
			return;
		}
}

static void
choose_url(struct page *pg)
{
	struct meta *m = pg->m;
	size_t i;

	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];
		const char *s = pg->n + v->off;
		size_t n = v->len, e;

		if (v->kind != LK_URL)
			continue;
		if (!(starts_with(s, n, LIT("http://")) || starts_with(s, n, LIT("https://"))))
			continue;
		for (e = 0; e < n && s[e] != ' ' && (unsigned char)s[e] < 0x80; e++)
			;
		buf_add(&m->url, s, e);
		m->has_url = 1;
		set_span(m, MF_URL, pg, v->line);
		return;
	}
}

static void
choose_lang(struct page *pg)
{
	struct meta *m = pg->m;
	const char *lang = NULL;

	if (pg->kana > 20 && pg->kana * 4 > pg->han)
		lang = "ja";
	else if (pg->hangul > 20)
		lang = "ko";
	else if (pg->han > 20 && pg->han * 3 > pg->latin / 3)
		lang = pg->hant > pg->hans ? "zh-Hant" : "zh-Hans";
	else if (pg->en_words >= 5)
		lang = "en";
	if (lang) {
		buf_adds(&m->lang, lang);
		m->has_lang = 1;
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
	if (!d->has_tz && pg->o && pg->o->assume_tz && d->prec >= DP_MINUTE) {
		d->has_tz = 1;
		d->tz_min = pg->o->tz_min;
		d->flags |= MF_TZ_ASSUMED;
	}
}

void
meta_extract(struct meta *m, const char *text, size_t len,
    const struct meta_opts *o, const struct mdate *anchor)
{
	struct page pg;
	struct mdate crawled_anchor;
	size_t i;
	long best = -1, title_line, date_line = -1;
	int zh;

	buf_clear(&m->title);
	buf_clear(&m->source);
	buf_clear(&m->url);
	buf_clear(&m->lang);
	buf_clear(&m->raw_published);
	buf_clear(&m->raw_modified);
	m->has_title = m->has_source = m->has_url = m->has_lang = 0;
	memset(&m->published, 0, sizeof(m->published));
	memset(&m->modified, 0, sizeof(m->modified));
	memset(&m->crawled, 0, sizeof(m->crawled));
	buf_clear(&m->authors.data);
	buf_clear(&m->editors.data);
	buf_clear(&m->categories.data);
	m->authors.n = m->editors.n = m->categories.n = 0;
	m->flags = 0;
	memset(m->ev, 0, sizeof(m->ev));

	script_bits_init();
	memset(&pg, 0, sizeof(pg));
	pg.m = m;
	pg.o = o;
	pg.text = text;
	pg.len = len;
	pg.crumb_line = -1;
	pg.title_label_line = -1;
	pg.dc = m->dates;
	pg.dccap = m->dates_cap;
	pg.vc = m->vals;
	pg.vccap = m->vals_cap;
	split_lines(&pg);
	for (i = 0; i < pg.nl; i++)
		scan_line(&pg, i);
	zh = pg.han > 20 && pg.han * 3 > pg.latin / 3;

	/* The crawl time: given from outside, else the page's snapshot line. */
	for (i = 0; i < pg.ndc; i++)
		if (pg.dc[i].kind == LK_CRAWLED && pg.dc[i].d.year) {
			m->crawled = pg.dc[i].d;
			set_span(m, MF_CRAWLED, &pg, pg.dc[i].line);
			break;
		}
	if (anchor && anchor->prec >= DP_DAY) {
		m->crawled = *anchor;
		m->ev[MF_CRAWLED].len = 0;
	} else if (m->crawled.prec >= DP_DAY) {
		/* Relative dates count from the page's own clock... */
		crawled_anchor = m->crawled;
		anchor = &crawled_anchor;
		/* ...while crawled is given in UTC once the zone is known. */
		if (!m->crawled.has_tz && o && o->assume_tz && m->crawled.prec >= DP_MINUTE) {
			m->crawled.has_tz = 1;
			m->crawled.tz_min = o->tz_min;
			m->crawled.flags |= MF_TZ_ASSUMED;
		}
		if (m->crawled.has_tz && m->crawled.tz_min) {
			mdate_add_minutes(&m->crawled, -(long long)m->crawled.tz_min);
			m->crawled.tz_min = 0;
		}
	}

	score_dates(&pg, anchor);
	for (i = 0; i < pg.ndc; i++) {
		if (pg.dc[i].kind == LK_CRAWLED || pg.dc[i].kind == LK_MODIFIED)
			continue;
		if (best < 0 || pg.dc[i].score > pg.dc[best].score)
			best = (long)i;
	}
	if (best >= 0 && pg.dc[best].score > -2)
		date_line = (long)pg.dc[best].line;
	title_line = choose_title(&pg, date_line, zh);
	/* A date right under a repeat of the title belongs to it. */
	if (title_line >= 0 && date_line >= 0) {
		for (i = 0; i < pg.ndc; i++) {
			long p = prev_nonblank(&pg, (long)pg.dc[i].line);

			if (p >= 0 && pg.dc[i].kind == LK_NONE &&
			    lines_equal_nospace(pg.n + pg.ln[p].noff, pg.ln[p].nlen,
			    m->title.data, m->title.len))
				pg.dc[i].score += 4;
		}
		best = -1;
		for (i = 0; i < pg.ndc; i++) {
			if (pg.dc[i].kind == LK_CRAWLED || pg.dc[i].kind == LK_MODIFIED)
				continue;
			if (best < 0 || pg.dc[i].score > pg.dc[best].score)
				best = (long)i;
		}
	}
	if (best >= 0 && pg.dc[best].score > -2) {
		m->published = pg.dc[best].d;
		finish_date(&pg, &m->published, anchor, &m->raw_published);
		set_span(m, MF_PUBLISHED, &pg, pg.dc[best].line);
		bare_source(&pg, &pg.dc[best]);
		date_line = (long)pg.dc[best].line;
	}
	for (i = 0; i < pg.ndc; i++)
		if (pg.dc[i].kind == LK_MODIFIED) {
			m->modified = pg.dc[i].d;
			finish_date(&pg, &m->modified, anchor, &m->raw_modified);
			set_span(m, MF_MODIFIED, &pg, pg.dc[i].line);
			break;
		}
	choose_people_and_source(&pg, title_line, date_line);
	choose_categories(&pg, title_line);
	choose_url(&pg);
	choose_lang(&pg);
	m->flags = m->published.flags | m->modified.flags | (m->crawled.flags & MF_TZ_ASSUMED);
	if (m->published.prec && m->published.year == 0)
		m->flags |= MF_YEAR_INFERRED;

	m->dates = pg.dc;
	m->dates_cap = pg.dccap;
	m->vals = pg.vc;
	m->vals_cap = pg.vccap;
}

void
meta_free(struct meta *m)
{
	buf_free(&m->title);
	buf_free(&m->source);
	buf_free(&m->url);
	buf_free(&m->lang);
	buf_free(&m->authors.data);
	buf_free(&m->editors.data);
	buf_free(&m->categories.data);
	buf_free(&m->norm);
	free(m->lines);
	free(m->dates);
	free(m->vals);
	buf_free(&m->raw_published);
	buf_free(&m->raw_modified);
}
