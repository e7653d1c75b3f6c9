/*
 * pages.h - the undelimited splitter: web pages saved as text and
 * concatenated with no separator (`cat *.txt > dump.txt`), split back
 * where one page ends and the next begins.
 *
 * Lines stream through a window (window.h): each is classified on its own
 * (pageline.h: the lexicon's words, pagewords.h, and its layout) and
 * linked to the lines before it by the words they share (links.h).  Once
 * the line after it has arrived, its role in its page is weighed (head,
 * foot or neither: pagerole.h); once its context has, its features as a
 * page's first line (pagefeatures.h) are weighed by
 * a logistic model (pagemodel.h) fitted by scripts/gen-pagemodel.py, and
 * the decoder (decoder.h) takes the best-scored candidates as the first
 * lines of pages.  A page may also begin inside a line, where cat ran a
 * file with no final newline into the next (tokens.h, glue; pagewords.h,
 * pw_glue()).
 *
 * Records are exact slices of the input.  Memory is bounded by the window
 * (and by piece_max bytes per piece of an overlong line) and by the fixed
 * table of words the links are made with.
 *
 * The lexicon is UTF-8.  A dump in a legacy charset (GB18030, Big5,
 * Shift_JIS, ...), told once by the shared detector from its first
 * PAGES_DETECT_PREFIX bytes, has each line decoded to UTF-8 for the scorer
 * alone; the window keeps, and the records hold, the raw bytes.
 */
#ifndef PAGES_H
#define PAGES_H

#include <stddef.h>

struct src;
struct emitter;

/* Bytes the dump's charset is told from: enough for the detector's window. */
#define PAGES_DETECT_PREFIX (256 * 1024)

struct pages_opts {
	/*
	 * The longest line taken whole; a longer one is scored in pieces of
	 * this many bytes, so that memory stays bounded (page text has no
	 * such lines).  0 means 64K.
	 */
	size_t piece_max;
	/* For fitting the model (scripts/gen-pagemodel.py); 0 and NULL else. */
	const char *tune;	/* weights in place of the fitted: pm_init() */
	int dump_features;	/* each line's features to stderr, "X" for a
				 * line that cannot start a page; no page
				 * starts inside a line */
	int dump_scores;	/* each line's score to stderr */
};

/* A splitter with options o (copied); free with pages_free(). */
struct pages *pages_new(const struct pages_opts *o);
void pages_free(struct pages *h);

/*
 * Split the text of s, to its end, into pages: each is a record of e
 * (format "text"), numbered from 1 within s->path.  Nothing carries over
 * from one run to the next.
 */
void pages_run(struct pages *h, struct src *s, struct emitter *e);

/*
 * The same decisions over a text in memory, for tests: given the lines of
 * text[0..len) (line i starts at line_off[i], nlines of them, each taken
 * whole, UTF-8), set is_start[i] to 1 for the lines that begin a page and
 * 0 for the others, and score[i] (unless score is NULL) to the score of
 * line i as a page's first, -100 where none can start.  Below the
 * threshold the score may be a bound above it (the decoder stops weighing
 * a line once it cannot reach the threshold: decoder.c, score_staged()).
 * Line 0 always begins a page.
 */
void pages_boundaries(struct pages *h, const char *text, size_t len,
    const size_t *line_off, size_t nlines, unsigned char *is_start,
    double *score);

#endif
