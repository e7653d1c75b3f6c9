/*
 * page.h - the working state of the extract-meta engine, shared by its
 * scanner (fold.c: folding and lines; scan.c: labels, dates, breadcrumbs;
 * bylines.c) and its choosers (dates.c, title.c, people.c, names.c,
 * categories.c: one value per field from the candidates), which meta.c
 * runs in turn.  Private to cmd/extract-meta.
 */
#ifndef PAGE_H
#define PAGE_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include <string.h>

#include "bytes.h"
#include "meta.h"

/*
 * The English function words (the, and, of, to, is) that make a page
 * English to lang.c's script_lang, which asks no more of pg->en_words:
 * fold.c stops counting them on a page's lines once it has this many.
 */
#define EN_WORDS_ENOUGH 5

/* Lines longer than this are body paragraphs: only their ends are read. */
#define LONG_LINE 600
/* Longer lines with this many visible bytes are read at their ends only. */
#define LONG_BYTES 480
#define LONG_HEAD 180
#define LONG_TAIL 300
/* Lines read of one record: the first two thirds and the last third. */
#define MAX_LINES 30000

struct line {
	size_t off, len;	/* the trimmed line in the original text */
	size_t noff, nlen;	/* the trimmed line in pg->norm */
	int nvis;		/* characters other than spaces */
	int nhan;		/* Han characters */
	unsigned bits;
	unsigned hints;		/* H_*: what the line may hold */
};

/* Hints from the first pass over a line, so later passes can be skipped. */
enum {
	H_SEP = 1 << 0,		/* ':' or '/' */
	H_DATE = 1 << 1,	/* a digit, 年, 刚, 剛, 今, 昨, 前 */
	H_PAREN = 1 << 2,
	H_CRUMB = 1 << 3,	/* > » › → */
	H_BEN = 1 << 4,		/* 本: 本文由 */
	H_FA = 1 << 5,		/* 发 發: 发表于 */
	H_ROLE = 1 << 6,	/* the first character of a role word: 记者 通讯员 */
	H_REL = 1 << 7,		/* the first character of a related-list heading */
	H_LATIN = 1 << 8,	/* a Latin letter (ASCII) */
};

/* Line bits. */
enum {
	LB_DATE = 1 << 0,	/* holds a date candidate */
	LB_LABEL = 1 << 1,	/* holds a known label */
	LB_CRUMB = 1 << 2,	/* is a breadcrumb */
	LB_LONG = 1 << 3,
	LB_BULLET = 1 << 4,
	LB_META = 1 << 5,	/* a source or author label: the meta block */
	LB_END = 1 << 6,	/* editor line or a related-list heading */
	LB_FULLDATE = 1 << 7,	/* a date with year and day, or a time */
	LB_SLASH = 1 << 8,	/* a breadcrumb with '/' between its items */
	LB_BYLINE = 1 << 9,	/* names an English byline: "By NAME" */
};

/* Label kinds. */
enum lkind {
	LK_NONE, LK_SOURCE, LK_REPRINT, LK_AUTHOR, LK_EDITOR, LK_EDITOR_PLAIN,
	LK_PUBLISHED, LK_MODIFIED, LK_CRAWLED, LK_CATEGORY, LK_URL, LK_TITLE,
	LK_ORIG_TITLE, LK_PLACE, LK_STOP,
};

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
	enum lkind kind;	/* LK_PUBLISHED, LK_MODIFIED, LK_CRAWLED, LK_NONE; LK_STOP: another thing's */
	double score;
};

/* A candidate value of a text or list field. */
struct vcand {
	size_t line;
	size_t off, len;	/* in pg->norm */
	enum lkind kind;
	int how;		/* HOW_* */
};

enum { HOW_LABEL, HOW_BYLINE, HOW_BARE, HOW_POSTER, HOW_AFTER_DATE, HOW_PUBLISHED_BY };

/* Ideographs U+4E00..U+9FFF, the range the scanner's tables cover. */
#define HAN_N (0xa000 - 0x4e00)
/* The bits set in each byte value (fold.c), for scan_bits16(). */
extern const unsigned char scan_bits8[256];

/* The bits set in the low sixteen of m (no POPCNT instruction assumed). */
static inline int
scan_bits16(unsigned m)
{
	return scan_bits8[m & 0xff] + scan_bits8[m >> 8 & 0xff];
}

/* Counts whose log1p() scan_tables holds. */
#define LOG1P_N 1024

/* The scanner's lookup tables: built by scan_tables_init, then read only. */
struct scan_tables {
	/* The H_* hints of each ideograph, and in two bits its script (fold.c). */
	uint8_t han_info[HAN_N];
	uint16_t ascii_hints[128];	/* the H_* hints of ASCII characters */
	struct kwset *labels;		/* the label words (scan.c), tagged by kind */
	/* log1p(k) of each count k below LOG1P_N: the chooser's features (scan_log1p). */
	double log1p_small[LOG1P_N];
};

/*
 * log1p(k) of a count k >= 0: looked up below LOG1P_N (the same double
 * log1p gives, computed once in scan_tables_init), computed above.
 */
static inline double
scan_log1p(const struct scan_tables *t, long k)
{
	return k >= 0 && k < LOG1P_N ? t->log1p_small[k] : log1p((double)k);
}

struct title_facts;

/*
 * The page being read: the engine's working state.  The arrays and the
 * folded text are kept from page to page and only grow; page_begin()
 * resets the rest.
 */
struct page {
	struct meta *m;
	const struct meta_opts *o;
	const struct scan_tables *tab;
	const char *text;
	size_t len;
	struct buf norm;	/* the folded text, line after line */
	const char *n;		/* norm.data */
	struct line *ln;
	size_t nl, lncap;
	struct dcand *dc;
	size_t ndc, dccap;
	struct vcand *vc;
	size_t nvc, vccap;
	long crumb_line;	/* first breadcrumb */
	size_t crumb_off, crumb_len;
	long title_label_line;
	long comments_line;	/* "6 thoughts on “TITLE”": comments below */
	int han, kana, hangul, latin, hans, hant;
	int en_words;		/* counted to EN_WORDS_ENOUGH at least (fold.c) */
	struct title_facts *tf;	/* the title chooser's scratch (titlemodel.h) */
	const struct meta_head *head;	/* never NULL: empty for none */
	long seq;		/* pages read by the engine before this one */
};

/* The engine behind struct meta_engine (meta.h). */
struct meta_engine {
	struct meta_opts o;
	struct meta out;		/* the result of the last meta_run() */
	struct page pg;
	struct scan_tables tab;
	long runs;			/* pages read */
};

/* Build the scanner's tables into t, zeroed; scan_tables_free() frees them. */
void scan_tables_init(struct scan_tables *t);
void scan_tables_free(struct scan_tables *t);
/* Fold the text, cut it into lines and collect every candidate. */
void scan_page(struct page *pg);

/* fold.c: the ideograph and ASCII hint tables into t (zeroed). */
void fold_tables_init(struct scan_tables *t);
/* Fold pg->text into pg->norm and cut it into pg->ln. */
void fold_page(struct page *pg);

/*
 * labels.c: the kind of the label word that ends at s[e) (blanks before e skipped),
 * its start stored in *ls; LK_NONE if there is none.
 */
enum lkind label_before(const struct scan_tables *tab, const char *s, size_t e, size_t *ls);
/*
 * bylines.c: a short line s[0..n) of line li, "责任编辑 张三", "[作者 李四]":
 * a label and its value with blanks for a colon.  1 and the value added if so.
 */
int spaced_label(struct page *pg, size_t li, const char *s, size_t n);

/*
 * bylines.c: the bylines of line li (s[0..n), its folded text): in its
 * parentheses, on a short line ("本报记者张三"); english_byline() records
 * the names of an English byline, s[na..b), which end where a date or the
 * next item starts.
 */
void scan_parens(struct page *pg, size_t li, const char *s, size_t n);
void bracket_byline(struct page *pg, size_t li, const char *s, size_t n);
void short_byline(struct page *pg, size_t li, const char *s, size_t n);
void english_byline(struct page *pg, size_t li, const char *s, size_t na, size_t b);

/* --- the scanner's word and name tests, which the choosers use too ----- */

/*
 * Is s[0..n) the head of an English comment thread, "6 thoughts on
 * “TITLE”", "12 Comments"?  When toff is not NULL, *toff and *tlen get
 * where TITLE is in s (0 and 0 when the heading names none).
 */
int english_comment_heading(const char *s, size_t n, size_t *toff, size_t *tlen);
/* Bytes of the run of CJK ideographs (U+4E00..U+9FFF) at s[i]. */
size_t scan_han_run(const char *s, size_t n, size_t i);
/* Where two Chinese names run together in s[0..n) split (bytes), or 0. */
size_t scan_name_split(const char *s, size_t n);
/* Names run together cut at surnames: how many, their lengths in len[]. */
size_t scan_names_split(const char *s, size_t n, size_t *len, size_t max);
/* Length of the role word (记者, 通讯员, ...) at s[i], or 0. */
size_t scan_role_at(const char *s, size_t n, size_t i);
/* Does s[0..n) end in 首页/Home (a breadcrumb's root)?  In 正文? */
int scan_is_home(const char *s, size_t n);
int scan_is_body_word(const char *s, size_t n);
/* labels.c: record a candidate value of kind at pg->norm[off..off+len) of line. */
void scan_add_value(struct page *pg, size_t line, size_t off, size_t len,
    enum lkind kind, int how);

/* --- page.c: the lines and lists, for every chooser --------------------- */

/* The nearest line before (after) li that is not empty, or -1. */
static inline long
prev_nonblank(const struct page *pg, long li)
{
	for (li--; li >= 0; li--)
		if (pg->ln[li].nlen)
			return li;
	return -1;
}

static inline long
next_nonblank(const struct page *pg, long li)
{
	for (li++; (size_t)li < pg->nl; li++)
		if (pg->ln[li].nlen)
			return li;
	return -1;
}
/* Do a[0..an) and b[0..bn) read the same when spaces are ignored? */
int lines_equal_nospace(const char *a, size_t an, const char *b, size_t bn);
/* Field f came from line li: its evidence span. */
void set_span(struct meta *m, enum meta_field f, const struct page *pg, size_t li);
/* Is s[0..n) one of the nw words w?  Does it end with one? */
int is_any(const char *s, size_t n, const char *const *w, size_t nw);
int ends_with_any(const char *s, size_t n, const char *const *w, size_t nw);
/* Add s[0..n) to l unless it is empty, there already, or l holds 32. */
void list_add(struct meta_list *l, const char *s, size_t n);

/* --- the field families: each chooses its fields from the candidates ----- */

/*
 * dates.c.  choose_crawled() sets m->crawled from the given anchor or the
 * page's snapshot line and returns the anchor for relative dates (the
 * given one, else the page's clock stored in *clock).  date_block_line()
 * scores the date candidates and returns the line of the best one, the
 * date block under the title, or -1.  choose_published() takes the
 * candidate the fitted model (datemodel.h) scores best, placed from the
 * title's line (title_line, -1 for none), with the weights of Chinese pages
 * when zh; returns its index in pg->dc, or -1 when it chose none.  choose_modified() takes the first
 * modified date, also as published when there is none and it stands in
 * the article's head; returns the date block's line, moved there if so.
 * cited_year() reads the year from a paper's citation of itself.
 */
const struct mdate *choose_crawled(struct page *pg, const struct mdate *anchor,
    struct mdate *clock);
long date_block_line(struct page *pg, const struct mdate *anchor);
long choose_published(struct page *pg, long title_line, const struct mdate *anchor,
    int zh);
long choose_modified(struct page *pg, long date_line, const struct mdate *anchor);
void cited_year(struct page *pg);

/* title.c: set the title (zh: a Chinese page); returns its line or -1. */
long choose_title(struct page *pg, long date_line, int zh);

/*
 * people.c.  bare_source() adds the source and author candidates that
 * stand by the chosen date with no label (a publisher's name, a bracketed
 * name, "石佳/中国青年报" on the line before).  choose_people_and_source()
 * sets the authors, editors and source; on a page not in Chinese (zh 0)
 * the fitted chooser (authmodel.h) has the last word on the authors.
 */
void bare_source(struct page *pg, const struct dcand *c);
void choose_people_and_source(struct page *pg, long title_line, long date_line, int zh);

/* categories.c: the categories, from the breadcrumb over the title line. */
void choose_categories(struct page *pg, long title_line);

/*
 * names.c.  add_names() adds the names in the people value s[0..n) to out,
 * Han names of at most max_han characters.  latin_names() does so for a
 * value in Latin script, returning 1 (and adding none) when it is not.
 * not_a_name(): a word that stands where names do (佚名, 记者, admin).
 * org_name(): a news organisation ("CNN Business", "USA TODAY").
 * credential(): a degree after a name (PhD, RDN).  latin_role(): a role
 * after a name ("Staff Writer").  latin_outlet(): the outlet in an English
 * byline's value, its start and length stored; 0 if none.
 */
void add_names(struct meta_list *out, const char *s, size_t n, size_t max_han);
int latin_names(struct meta_list *out, const char *s, size_t n);
int not_a_name(const char *s, size_t n);
int org_name(const char *s, size_t n);
int credential(const char *s, size_t n);
int latin_role(const char *s, size_t n);
int latin_outlet(const char *s, size_t n, size_t *start, size_t *len);

static inline int
scan_is_han_lead(unsigned char c)
{
	return c >= 0xe4 && c <= 0xe9;
}

/*
 * Length of the breadcrumb separator (> >> » › →) at s[i], or 0.  Inline:
 * the title chooser asks it of every byte of its candidates.
 */
static inline size_t
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

/*
 * The bytes of pg->norm that may be read from line li's start: past its
 * end too (the lines after it, and the newline after each), for the loops
 * that test sixteen bytes at a time.
 */
static inline size_t
line_room(const struct page *pg, size_t li)
{
	return pg->norm.len - pg->ln[li].noff;
}

static inline int
scan_starts_with(const char *s, size_t n, const char *w, size_t wl)
{
	return n >= wl && memcmp(s, w, wl) == 0;
}

#endif
