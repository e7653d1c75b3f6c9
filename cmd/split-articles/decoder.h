/*
 * decoder.h - where the pages of a stream begin, decided as its lines
 * stream through the window (window.h).
 *
 * Every line start is a candidate, but no page starts on an empty line
 * (one after an empty line the model weighs as it weighs the rest); a page
 * begins inside a line where the window cut it at a glue cue (tokens.h).
 * A line's role (pagerole.h) is weighed once the line after it has come,
 * and it is scored (pagefeatures.h, pagemodel.h) once CONTEXT lines follow
 * it; a candidate is a boundary when its score passes the threshold and
 * is the highest within PAGE_MIN lines, so one page's furniture yields
 * one boundary, decided once the lines PAGE_MIN after it are scored.
 * Every line is handed on once, after it is decided, so records are
 * exact slices of the input.
 */
#ifndef DECODER_H
#define DECODER_H

#include <stddef.h>

#include "pagemodel.h"
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
