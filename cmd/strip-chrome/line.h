/*
 * line.h - a line of a page (or a cell of a table layout) as strip-chrome
 * judges it: its measures, its label and the reason, its score.  Shared
 * by line.c, which judges a line by itself, and classify.c, which judges
 * it among the others.  Private to the engine.
 */
#ifndef LINE_H
#define LINE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "strip.h"
#include "utf8.h"

/* Display columns tracked for the body column of a table layout. */
#define COL_MAX 511

enum label {
	L_BLANK,
	L_PROSE,	/* a sentence or more */
	L_SHORT,	/* short, no sentence: heading, caption, or chrome */
	L_LIST,		/* bullet item or separator-joined links */
	L_CHROME,	/* keyword family of chrome */
	L_META,		/* date, source, author, editor line */
	L_MEDIA,	/* image placeholder, form field, table border */
	L_REPEAT,	/* seen on earlier pages of the stream */
	L_SPAM,		/* injected link farm */
	L_END,		/* a heading that ends articles: related, comments */
};

/*
 * Wide members first, flags last in bytes: a page's units are walked a
 * dozen times, and the fewer cache lines a unit spans the better.
 */
struct line {
	const char *raw;	/* the whole line, newline excluded */
	size_t rawlen;
	const char *s;		/* trimmed of white space */
	size_t n;
	uint64_t hash;		/* of the trimmed text */
	size_t phys;		/* the physical line it is on */
	size_t indent;		/* leading spaces known to be there, or 0 */
	size_t blanks;		/* blank lines folded into this unit, or 0 */
	size_t first;		/* the unit of the first copy */
	const char *reason;
	long score;
	long lscore;		/* the score when the page is a listing */
	unsigned han, words, digits, letters, upper, capwords;
	unsigned sent, clause, quote, brackets, seps, boxes, other;
	unsigned weight;	/* Han characters + 2 per word */
	unsigned col;		/* display column where the text starts */
	unsigned width;		/* display width of the text */
	unsigned copy;		/* which copy on the page, from 1 */
	unsigned copies;	/* how many copies the page holds */
	uint32_t last_punct;	/* the mark that ends the line, or 0 */
	unsigned kw;		/* keyword families found, KW_* */
	unsigned char label;	/* enum label */
	unsigned char dup;	/* the same text is elsewhere on the page:
				   1 the first copy, 2 a later one */
	unsigned char bullet, teaser, has_date;
	unsigned char ends_sentence;	/* 1 a sentence, 2 a list item of one */
	unsigned char last_word; /* ends in a letter or character, no mark */
	unsigned char wrapped;	/* part of a hard-wrapped paragraph */
	unsigned char other_col; /* a cell of a sidebar column */
	unsigned char seen;	/* on --repeat-min earlier pages */
	unsigned char toned;	/* holds a letter pinyin may mark a tone with */
	unsigned char chead;	/* may head a comment: who and when */
	unsigned char keep;
	unsigned char comment;	/* a reader's comment (--keep-comments) */
	unsigned char code;	/* a line of a program's source */
	unsigned char button;	/* a row of chrome's labels (label_row())
				   or a credit (KW_CREDIT): dropped, scored
				   by its shape */
	unsigned char aside;	/* chrome set into the article, a link to
				   another story: crossed as a short line */
};

extern const char reason_meta_kw[];
extern const char reason_credit_below[];

/* The units of a page (units.c), and their room, kept from page to page. */
struct units {
	struct line *v;
	size_t n;		/* units in v */
	size_t cap;
	size_t clean;		/* v[n..clean) are cleared for new units */
	int overflow;		/* the page has more than STRIP_MAX_UNITS */
	struct line scratch;	/* where units past the limit land */
};

/*
 * Cut text[0..len) into units, in us->v[0..us->n), each with its raw
 * bytes, physical line, indentation and (for a page of columns) display
 * column, the rest zero.  *lines gets the physical lines, *columns whether
 * the page is laid out in columns side by side.  Returns 0, or -1 for a
 * page of more than STRIP_MAX_UNITS units.
 */
int split_units(struct units *us, const char *text, size_t len,
    size_t *lines, int *columns);

/*
 * Measure l->raw[0..rawlen): trim it into s/n, count its characters by
 * class, its punctuation, display width and column, find its keyword
 * families in kw (kw_new()'s set).  The unit is as split_units() left it:
 * its counts are stored, not added to.
 */
void measure(const struct kwset *kw, struct line *l);
/* measure() in two steps: the unit trimmed into s/n (and its column),
   then its text measured. */
void measure_trim(struct line *l);
void measure_trimmed(const struct kwset *kw, struct line *l);
/*
 * Measure the trimmed unit l as its twin was, a unit of the same page
 * whose trimmed text is the same bytes: every member is the twin's but
 * those of l's place (raw, rawlen, s, phys, indent, col).  A member that
 * split_units() sets for a unit's place must be kept here too.
 */
void measure_copy(struct line *l, const struct line *twin);
/*
 * Is the labelled line the first of WordPress's two-line comment head,
 * the author and "says:" ("Jane Doe says:", "1. [a4e] Art says:")?
 * The time on the line under it is the caller's to see.
 */
int is_says_line(const struct line *l);

/*
 * Is the line an author's biography: "作者简介:…", or a name and what the
 * person is, "Ann Lee is a reporter for The Times"?
 */
int is_bio(const struct line *l);
/*
 * Is the measured line, alphabetic, a picture's caption or credit: alt
 * text printed twice, a gallery's counter run into its caption, an
 * agency's credit ("(AP Photo/…)", "Name, AP", "Image caption")?  The
 * reason, or NULL (caption.c).
 */
const char *is_caption(const struct line *l);
/*
 * Is the line the signature that closes a tweet embedded in the article,
 * "— Name (@handle) Month D, YYYY"?
 */
int is_tweet_sign(const struct line *l);
/* Label a measured line by itself, with the reason for --explain. */
void label_line(const struct strip_opts *o, struct line *l);

/*
 * Mark the readers' comments after the body, which ends at unit from:
 * the section that a comment heading or the head of a comment opens
 * (comments.c), its text and the heads of its comments, not its widgets
 * or form.  gap is the page's --gap.  Returns how many units it marked.
 */
size_t mark_comments(struct line *v, size_t nl, size_t from, long gap);

/*
 * uc_class() searches a table; the ranges most pages are made of are
 * answered first: Han, CJK punctuation, general punctuation, box drawing.
 * Only the classes measure() tells apart matter here.
 */
static inline enum uc_class
fast_class(uint32_t c)
{
	/* ASCII as uc_class() has it, without its search for marks. */
	if (c < 0x80) {
		if ((c | 0x20) - 'a' < 26)
			return UC_LATIN;
		if (c - '0' < 10)
			return UC_DIGIT;
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			return UC_SPACE;
		return c >= 0x21 && c <= 0x7E ? UC_PUNCT_ASCII : UC_OTHER;
	}
	if (c >= 0x4E00 && c <= 0x9FFF)
		return UC_HAN;
	if ((c >= 0x2010 && c <= 0x2BFF) || (c >= 0x3001 && c <= 0x3004) ||
	    (c >= 0x3008 && c <= 0x3020) || (c >= 0xFF01 && c <= 0xFF0F) ||
	    (c >= 0xFF1A && c <= 0xFF20))
		return UC_PUNCT_CJK;
	return uc_class(c);
}

/* Decode, with the common 3-byte Han range answered without a search. */
static inline size_t
cls_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	/* Three-byte sequences hold all of CJK: decode them inline. */
	if (n >= 3 && s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED &&
	    (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
		return 3;
	}
	return utf8_decode(s, n, cp);
}

/* East Asian wide characters take two columns in w3m's layout. */
static inline int
is_wide_cp(uint32_t c)
{
	return c >= 0x1100 && ((c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD));
}

#endif
