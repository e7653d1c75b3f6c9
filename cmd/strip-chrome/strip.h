/*
 * strip.h - the strip-chrome engine: splits a page into lines, labels every
 * line as article body or page chrome from general signals (length, script
 * and punctuation mix, list-likeness, keyword families of chrome, position
 * relative to the densest run of prose, repetition across the pages of a
 * stream) and writes the body, or with explain every line with its label.
 */
#ifndef STRIP_H
#define STRIP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "kwset.h"
#include "record.h"

struct strip_opts {
	int explain;		/* write every line with label and reason */
	int keep_title;		/* keep the title line above the body */
	int repair_pinyin;	/* drop pinyin injected after Han characters */
	/* Keep the readers' comments, apart from the body: after it, behind
	   a line of a form feed alone (COMMENTS_AFTER), or as the -j
	   record's member "comments" (COMMENTS_MEMBER); 0 drops them. */
	int keep_comments;
	/* The repetition memory across records: 2^repeat_bits slots, or 0
	   for none (--no-repeat). */
	unsigned repeat_bits;
	unsigned repeat_min;	/* a line seen in this many earlier pages is chrome */
	unsigned min_prose;	/* weight of a line that is prose on its own */
	unsigned gap;		/* cost of a non-prose line inside the body */
};

enum { COMMENTS_AFTER = 1, COMMENTS_MEMBER = 2 };

/* The defaults: no memory, pinyin repaired, --repeat-min 3,
   --min-prose 12, --gap 6. */
void strip_opts_init(struct strip_opts *o);

/* The repetition memory: a fixed-size table, memory flat in stream length. */
struct repeat_mem;
struct repeat_mem *repeat_new(unsigned bits);
void repeat_free(struct repeat_mem *m);
/* Start a new page; lines noted from now on belong to it. */
void repeat_next_page(struct repeat_mem *m);
/* How many earlier pages held a line with hash h (saturating). */
unsigned repeat_seen(const struct repeat_mem *m, uint64_t h);
/* Note that the current page holds a line with hash h. */
void repeat_note(struct repeat_mem *m, uint64_t h);
/* Both at once: the count of earlier pages, then the note. */
unsigned repeat_seen_note(struct repeat_mem *m, uint64_t h);
uint64_t repeat_hash(const char *s, size_t n);
/* Ask for the slot of h to be in the cache by the time it is looked up. */
void repeat_prefetch(const struct repeat_mem *m, uint64_t h);

/* Keyword families of chrome (keywords.c). */
enum {
	KW_SHARE = 1 << 0,	/* share prompts, page tools */
	KW_LOGIN = 1 << 1,	/* login, subscription */
	KW_RELATED = 1 << 2,	/* related lists, navigation */
	KW_COMMENT = 1 << 3,	/* comment and mood widgets */
	KW_FOOTER = 1 << 4,	/* copyright, licence, footer links */
	KW_CONTACT = 1 << 5,	/* contact adverts */
	KW_META = 1 << 6,	/* date, source, author, editor lines */
	KW_EN = 1 << 7,		/* English chrome */
	KW_END = 1 << 8,	/* headings that end an article */
	KW_END_EN = 1 << 9,	/* the same in English */
	KW_NOTICE = 1 << 10,	/* a disclaimer opening the line */
	KW_SPAM = 1 << 11,	/* link-farm markers */
	KW_IMAGE = 1 << 12,	/* image file names */
	KW_EDITOR = 1 << 13,	/* the editor's credit that closes a news item */
	KW_CTA = 1 << 14,	/* calls to action opening a sentence */
	KW_CLOSE = 1 << 15,	/* the heading over the comments of a blog */
	KW_GALLERY = 1 << 16,	/* buttons of a photo gallery, a video player */
	KW_COMMENTS = 1 << 17,	/* headings of a comment section */
	KW_PITCH = 1 << 18,	/* what a newsletter promises: "your inbox" */
	KW_LABEL = 1 << 19,	/* a word of label_row(), somewhere */
	KW_POINTER = 1 << 20,	/* a word of pointer_link(), somewhere */
	KW_CREDIT = 1 << 21,	/* a picture's credit in another language */
	KW_SCRIPT = 1 << 22,	/* "JavaScript": what a page without it says */
};

/* strip-chrome's keyword families as a set (kwset_free() it). */
struct kwset *kw_new(void);
/* The families of kw_new()'s set whose keywords occur in line[0..n). */
unsigned kw_scan(const struct kwset *ks, const char *line, size_t n);
/* The same for a line known to be valid UTF-8, faster. */
unsigned kw_scan_utf8(const struct kwset *ks, const char *line, size_t n);
/* KW_NOTICE if a disclaimer opens line[0..n), else 0: what kw_scan()
   finds of that family, looking at the start only. */
unsigned kw_scan_notice(const struct kwset *ks, const char *line, size_t n);

/*
 * Is s[0..n) a row of chrome's labels in a language other than English
 * and Chinese, and nothing else but marks and counts: "Teilen",
 * "Weiterlesen", "Kommentare (3)", "Partager | Imprimer"?
 */
int label_row(const char *s, size_t n);
/*
 * Does s[0..n) open with the words that point to another story ("SEE
 * ALSO: This clever pilot…", "À lire aussi La natalité russe…", "Lesen
 * Sie auch:")?  0 if not, else 1 + the words after them (at most 16).
 */
int pointer_link(const char *s, size_t n);

/*
 * Pinyin repair: if s[0..n) holds romanisation a spam site put after
 * characters, "鎮(zhèn)江" for "鎮江", append the text without it to out
 * and return how many it removed; else return 0 and leave out alone.
 */
size_t pinyin_repair(const char *s, size_t n, struct buf *out);

struct strip_stats {
	size_t lines, kept, dropped, pinyin;
};

/*
 * An engine with options o (copied), its keyword set, its repetition
 * memory if o->repeat_bits, and the scratch space of its pages, reused
 * from page to page.  Engines share nothing: two may run side by side
 * with different options.  Free with strip_free().
 */
struct strip *strip_new(const struct strip_opts *o);
void strip_free(struct strip *h);

/*
 * Strip one page: append the body (or the explanation) of text[0..len) to
 * out and add its counts to *st.  Lines are remembered for the pages
 * after it, when the engine has a memory.  Returns 0, or -1 for a page of
 * more than STRIP_MAX_UNITS lines (or cells), which no crawled page has:
 * judging it would take memory out of proportion; the caller passes it on
 * unchanged.
 */
#define STRIP_MAX_UNITS (1 << 18)
int strip_page(struct strip *h, const char *text, size_t len,
    struct buf *out, struct strip_stats *st);

/*
 * Strip the record r: its body becomes its text (rec_put_text()), the
 * counts are added to strip_stats().  Returns 0, or -1 for a page
 * strip_page() gives up, reported with rec_warn() and left to the record
 * layer to pass on unchanged.
 */
int strip_run(struct strip *h, struct record *r);
/*
 * With keep_comments: the readers' comments under the article of the
 * page strip_page() last stripped (one per line, as the page has them),
 * empty if it has none.  strip_page() leaves them out of its body;
 * strip_run() writes them after the body, behind a line that holds a
 * form feed alone, or with -j as the record's member "comments".
 */
const struct buf *strip_comments(const struct strip *h);
/* The counts of the records strip_run() has stripped. */
const struct strip_stats *strip_stats(const struct strip *h);

#endif
