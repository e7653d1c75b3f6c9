/*
 * linecache.h - what the page splitter found in lines it has met lately,
 * by their bytes.  A site repeats its navigation, its footer and its
 * padding on every page (a fifth of the bytes of the corpus's page texts
 * are lines met within the last thousand), and what a line is on its
 * own (pageline.h: its classes, layout, words and glue point) depends
 * on its bytes alone, so a line met again is looked up, not read again.
 *
 * A fixed table of LC_SLOTS lines of at most LC_LINE_MAX bytes, each slot
 * holding the last line hashed to it: bounded memory, and a hit is
 * checked byte for byte, so the answers are those of reading the line.
 */
#ifndef LINECACHE_H
#define LINECACHE_H

#include <stddef.h>
#include <stdint.h>

#include "pline.h"
#include "tokens.h"

#define LC_SLOTS 1024
#define LC_LINE_MAX 256

struct lc_entry {
	uint64_t hash;
	size_t len;		/* of text; 0 in a slot never filled */
	struct pline line;	/* as pl_classify() left it */
	struct tokens tok;	/* as tok_line() left them */
	int glue_known;		/* glue is pw_glue()'s answer for the line */
	size_t glue;
	unsigned char text[LC_LINE_MAX];
};

struct linecache;

struct linecache *lc_new(void);
void lc_free(struct linecache *c);

/*
 * The entry of line p[0..n): *hit = 1 when it holds that line's answers;
 * else *hit = 0 and the entry is the slot to fill with lc_fill() once
 * the line is read, or NULL when the line is too long to keep.
 */
struct lc_entry *lc_look(struct linecache *c, const unsigned char *p, size_t n,
    int *hit);

/* Keep the answers l and t for line p[0..n) in e, from lc_look(). */
void lc_fill(struct lc_entry *e, const unsigned char *p, size_t n,
    const struct pline *l, const struct tokens *t);

/* Copy the tokens of s to d: the words in use, not the whole array. */
void lc_tokens(struct tokens *d, const struct tokens *s);

#endif
