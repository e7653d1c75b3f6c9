/*
 * window.h - the lines of a stream that the page splitter holds: each
 * line's bytes as they came (raw, in the dump's charset) and its record
 * (pline.h), classified and linked to the lines before it as it joins.
 * Memory is bounded by what the decoder (decoder.h) keeps before dropping
 * lines, and by the fixed table of links.
 */
#ifndef WINDOW_H
#define WINDOW_H

#include <stddef.h>

#include "buf.h"
#include "links.h"
#include "pagefeatures.h"
#include "pagewords.h"
#include "pline.h"
#include "tokens.h"

/* Lines [base, base + n) of the stream; line base + i is lines[i]. */
struct window {
	struct buf text;		/* the lines' bytes, one after another */
	struct pline *lines;
	size_t n, cap;
	struct links *links;
	const struct kwset *words;
	struct tokens tok;		/* the tokens of the line joining */
	/* The sides of the line scored last (pagefeatures.h), until the
	   lines move or the next stream. */
	struct feat_sides sides;
};

/* An empty window that classifies lines by words, which must outlive it. */
void win_init(struct window *w, const struct kwset *words);
/* Empty it, links and all, for the next stream. */
void win_reset(struct window *w);
void win_free(struct window *w);

/*
 * Line p[0..n) (a piece of an overlong line with piece) joins the window;
 * it is classified by u[0..un), the same line decoded to UTF-8 (p itself
 * when the dump is UTF-8 already).  With may_glue, a line where a page
 * may begin inside (tokens.h; pw_glue() of pagewords.h) does not join:
 * the offset in u is returned, and the caller pushes its two parts.  Else
 * returns 0.
 */
size_t win_push(struct window *w, const unsigned char *p, size_t n,
    const unsigned char *u, size_t un, int piece, int may_glue);

/* Forget lines [0, k): the rest move down to [0, n - k). */
void win_drop(struct window *w, size_t k);

#endif
