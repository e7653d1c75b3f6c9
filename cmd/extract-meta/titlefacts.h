/*
 * titlefacts.h - what the title chooser knows of a page's lines, shared
 * by titlemodel.c (the features) and titleparts.c (which lines are a
 * part of another, and a line's marker): the page's facts, computed
 * once per page, and the few functions of titleparts.c that
 * titlemodel.c and title.c call.  titleparts.c needs nothing of
 * titlemodel.c or of the features: the dependence runs one way.
 * Private to cmd/extract-meta.
 */
#ifndef TITLEFACTS_H
#define TITLEFACTS_H

#include <stddef.h>
#include <stdint.h>

#include "page.h"

struct tcand;		/* a candidate title (titlemodel.h) */

/* What one pass over a candidate's text counts (titlemodel.c). */
struct span_count {
	int vis, han, digits, words, latin, caps, lowers, upper_words, pipes, seps;
	int url, colon_inside, sentences, long_token, icon;
	int crumbs;		/* breadcrumb separators: > » › → */
	int commas;		/* , ، 、 ， */
	uint32_t last;
};

/*
 * What the chooser asks of a line, for its own candidate and as the
 * neighbour of another: distances in nonblank lines (capped), counted
 * once per page in two sweeps; the shape of the line less its marker,
 * counted the first time it is asked (counted 0 until then).
 */
struct line_facts {
	unsigned char date_below, date_above, by_below, by_above;
	unsigned char next_prose;	/* to the next running text below, at most 40 */
	unsigned char prose_above;	/* running-text lines among the 10 above */
	unsigned char counted;	/* 1: shape counted, 2: by_word and credit too */
	unsigned char end_above;	/* a line that closes an article stands above */
	unsigned char by_word;	/* "von NAME", "par NAME": a byline's word before a name */
	unsigned char credit;	/* a photo's credit: "©", "Foto:", "Crédits photo :" */
	unsigned char heading;	/* title.c's heading test passed (mark_headings) */
	unsigned char heads_above;	/* headings above it, at most 255 */
	struct span_count shape;
};

/* A candidate set aside (title.c): the most it can score, and where it is in tf->pend. */
struct tbound {
	double most;
	size_t at;
};

/*
 * What the page says of its lines, once per page for every candidate:
 * filled by title_page_facts() into the page's scratch (pg->tf).
 */
struct title_facts {
	struct line_facts *lf;	/* of each line */
	uint64_t hbloom[3][16];	/* tokens of <title>, og:title, ld:headline */
	int htokens[3];		/* and how many */
	long *nb;		/* nonblank index of each line, -1 for an empty one */
	unsigned char *prose;	/* line is running text */
	size_t pdone;		/* prose[] is known below this line */
	signed char *tl;	/* title.c's title_like() of each line: -1 unknown */
	size_t *tl_off, *tl_len;	/* and the segment it gave */
	uint32_t *hash;		/* the line's key hashed, 0 for none */
	long *hslot;		/* hash table of line keys: first line, -1 empty */
	int *hcount;		/* lines with the key of hslot's line */
	size_t hcap, lcap;
	size_t hmask;		/* the page's table: hslot[0..hmask], a power of 2 less 1 */
	uint64_t lead[16];	/* tokens of the body's lead, a 1,024-bit Bloom set */
	long body_start;	/* nonblank index of the body's first paragraph */
	long nnb;		/* nonblank lines */
	long first_cand_limit;	/* candidates stand on lines before it */
	long text_cand_limit;	/* where they would stop without the head's line */
	long heads_upto;	/* lf[].heading and heads_above are set below this line */
	int head_max_vis;	/* the longest heading above the body, in characters */
	struct buf key;		/* a candidate's key */
	struct buf hkey[4];	/* <title>, og:title, ld:headline, og:site_name keys */
	struct buf cut;		/* a cut of <title> */
	struct buf text;	/* a candidate's title, for the -DMETA_TUNE dump */
	int hset;		/* bits: which hkey[0..2] hold a head title; 8: hkey[3] the site */
	unsigned char *part;	/* TP_* of each line (titleparts.c) */
	unsigned char *part_mark;	/* bytes of its marker; 255: no part */
	uint32_t *part_h[2];	/* hashes of its text's first and last bytes */
	int32_t *part_slot[2], *part_next[2];	/* chained tables of first, last parts */
	size_t part_cap, part_lcap, part_mask;
	struct tcand *pend;	/* the candidates set aside to be scored in full (title.c) */
	struct tbound *bound;	/* and the most each can score */
	size_t npend, pend_cap;
	double gain_own, gain_lead;	/* the most the words of a line, and the lead's overlap, add */
	double gain_side[2], gain_side_by[2];	/* and a neighbour's (above, below), its byline word */
};

/* How a line and the page's longer lines share text (title_line_parts()). */
enum {
	TP_HEAD_OF = 1,		/* it starts a longer line: "HEADLINE Hello World" */
	TP_TAIL_OF = 2,		/* it ends one: "Home » News » HEADLINE", "• HEADLINE" */
	TP_HOLDS_HEAD = 4,	/* another line starts it */
	TP_HOLDS_TAIL = 8,	/* another line ends it: a kicker or a path before a line */
	TP_KNOWN = 16		/* the bits above are known */
};

/* Bytes of the bullet or list number ("• ", "3. ", "» ") that opens s[0..n), or 0. */
size_t title_marker(const char *s, size_t n);
/*
 * Index every line of pg by its text's first and last bytes (less its
 * marker), so that title_part_features() can tell which lines a
 * candidate's line starts or ends, at a word's boundary, and which lines
 * start or end it (titleparts.c).  After title_facts_begin().
 */
void title_line_parts(struct page *pg);
/*
 * The TP_* bits of line li (TP_KNOWN among them), worked out the first
 * time a candidate on it asks; titlemodel.c makes them the part_* and
 * holds_* features.
 */
unsigned char title_line_part(const struct page *pg, long li);
/* Free what title_line_parts() keeps in tf (not tf). */
void title_parts_free(struct title_facts *tf);

#endif
