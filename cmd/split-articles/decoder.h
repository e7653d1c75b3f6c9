/*
 * decoder.h - where the pages of a stream begin, decided as its lines
 * stream through the window (window.h).
 *
 * Every line start is a candidate, but no page starts on an empty line
 * (one after an empty line the model weighs as it weighs the rest); a page
 * begins inside a line where the window cut it at a glue cue (tokens.h).
 * A line's role (pagerole.h) is weighed once the line after it has come,
 * its pair with the line before looked up among the stream's (recur.h),
 * and it is scored (pagefeatures.h, pagemodel.h) once CONTEXT lines follow
 * it; a candidate is a boundary when its score passes the threshold and
 * is the highest within PAGE_MIN lines, so one page's furniture yields
 * one boundary, decided once the lines PAGE_MIN after it are scored; and
 * the highest of those between two lines of prose (dec_body()), known
 * when the next prose line comes (or GAP_LINES later).  Every line is
 * handed on once, after it is decided, so records are exact slices of
 * the input.
 */
#ifndef DECODER_H
#define DECODER_H

#include <stddef.h>

#include "pagemodel.h"
#include "recur.h"
#include "window.h"

/*
 * Lines: one boundary per stretch this long.  The site-grouped
 * cross-validation of scripts/gen-pagemodel.py (2026-12-06, threshold
 * -1.5) gives F1 .624 at 8 lines, .630 at 12, .634 at 16, .639 at 20 and
 * 25, .633 at 30: below 20 the furniture of one page is cut twice, above
 * 25 a true start is lost to a stronger line of the same page's head.
 */
#define PAGE_MIN 25

/*
 * A page has a body: at least one line of prose (dec_body()), so two
 * page starts with no prose line between them are one too many, and of
 * the candidates that pass the threshold between two prose lines only
 * the highest is a boundary (none before the stream's first prose line:
 * its first line begins a page).  A candidate waits for the next prose line
 * (or a higher rival) before it is handed on; it waits no longer than
 * GAP_LINES lines or GAP_BYTES bytes after it, which keeps memory bounded
 * and pages with no prose line apart.  The site-grouped cross-validation
 * of scripts/gen-pagemodel.py (2026-12-07, dev pages, the model's weights
 * unchanged, prose by its shape alone; F1 at the threshold each chose)
 * gives .639 with no such wait, .639 at 25 and 50 lines, .644 at 100,
 * .656 at 200, .658 at 400 and .657 with no limit.
 */
#define GAP_LINES 200
#define GAP_BYTES (1024 * 1024)
/*
 * Prose by its shape: a line that ends like a sentence (pageline.c) with
 * BODY_CHARS characters or more and none of the furniture words.  By the
 * same cross-validation (prose by shape alone): 30 characters .653, 40
 * .657, 50 .639, 60 .629 (at 50 and more, pages whose longest sentence is
 * shorter lose their starts).
 */
#define BODY_CHARS 40
#define BODY_NOT (L_COPY | L_FOOT | L_TOP | L_CRUMB | L_HOME | L_SKIP | \
	L_END | L_BYLINE | L_RELATED | L_CONTACT)

static inline int
dec_prose_shape(const struct pline *l)
{
	return (l->cls & L_SENTENCE) && l->chars >= BODY_CHARS && !(l->cls & BODY_NOT);
}

/*
 * And prose only where its role (pagerole.h) is not of a page's foot:
 * log-odds below BODY_FOOT, the role model's own line between foot and
 * not.  A related list's teasers end like sentences too (one of them
 * split the five seeds at threshold -2).  The cross-validation's F1 is
 * the same (.657) from no such limit down to -1, and falls at -2 (.600),
 * where half the prose by shape is taken for a foot.
 */
#define BODY_FOOT 0.0

/* Whether line l is prose: a page's body, which no page's furniture is. */
static inline int
dec_body(const struct pline *l)
{
	return dec_prose_shape(l) && l->role[R_FOOT] < BODY_FOOT;
}

/*
 * Decided lines go to out in runs: lines [lineno, lineno + nlines) of the
 * stream, their records L[0..nlines) (valid during the call) and bytes
 * p[0..n), the first of which starts a page when start says so and the
 * others do not.  A run ends before a page starts, before the
 * window drops its lines and at DEC_RUN_BYTES, so a writer whose cost is
 * mostly per call is called about once a page, not once a line, and
 * holds no more than a line's piece beyond that (-j over --max-record).
 */
#define DEC_RUN_BYTES (64 * 1024)
typedef void dec_out_fn(void *ctx, unsigned long long lineno, size_t nlines,
    const struct pline *L, const char *p, size_t n, int start);

struct decoder {
	struct window *w;
	const struct pagemodel *model;
	int dump_features;	/* each line's features to stderr (fitting) */
	int dump_scores;	/* each line's score to stderr */
	dec_out_fn *out;
	void *ctx;
	/* The stream so far; window indexes but base. */
	size_t written, roled, scored, decided;
	unsigned long long base;	/* stream line number of window line 0 */
	int started;
	int run_start;		/* line `written` starts a page */
	/*
	 * A boundary waiting for the next prose line: line `written`, which
	 * a candidate scoring more than wait_score replaces (the stream's
	 * first line waits too, and nothing replaces it).
	 */
	int pending;
	double wait_score;
	struct recur rec;	/* the pairs of lines met (recur.h) */
	double run[NLINKS];	/* links spanning the gap before line `scored` */
	float lout[NLINKS];	/* ... that end at the line before it */
};

/*
 * Start decoding a stream whose lines w gets (empty), scored by model,
 * decided lines to out(ctx, ...).  w and model must outlive the stream.
 * The dump flags are the caller's to set, and stay as they are.
 */
void dec_start(struct decoder *d, struct window *w, const struct pagemodel *model,
    dec_out_fn *out, void *ctx);

/*
 * After lines joined the window: score what has its context after it,
 * decide what has its rivals scored, hand on and drop what is decided.
 * more = 0 at the end of the stream: everything is decided and handed on.
 */
void dec_step(struct decoder *d, int more);

#endif
