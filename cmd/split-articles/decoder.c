/*
 * decoder.c - where the pages of a stream begin (see decoder.h).
 */
#include <stdio.h>
#include <string.h>

#include "decoder.h"
#include "pagefeatures.h"

/*
 * What a page start after an empty line must score above the threshold.
 * An empty line is how w3m parts a page's own blocks, so most lines after
 * one are inside a page; the model was fitted on pages joined without one.
 * 2 costs nothing on pages so joined and finds half of the starts `cat`
 * leaves after a file's final empty line (P .65 R .49 on the dev pages as
 * cat joins them, against P .58 R .38 with no start allowed there).
 */
#define AFTER_EMPTY 2.0
/*
 * And it is not scored at all when the words of the lines about it link
 * across it this much: no place after an empty line that passed on the
 * dev pages had more than 26, half of them have more than 60.
 */
#define AFTER_EMPTY_LINKS 60
/*
 * What a place inside a line (tokens.h, glue) scores above its features:
 * text run straight into a page's first line is itself a sign of a join.
 * 1 finds 4 of the 5 pages of the demo's seed dump (3 with none) and
 * costs nothing on the pages joined by newlines, here or on other sites;
 * 2 finds 17 of the 40 mid-line starts of the dev pages as cat joins them
 * in 8 orders (15) but cuts a page whose own line runs into its
 * breadcrumb.
 */
#define GLUE_BONUS 1.0

/*
 * Lines kept before the one being decided: all it and its rivals look
 * back at.  The window drops the lines before them once DROP_LINES have
 * gathered there, or KEEP lines and DROP_BYTES: the text it keeps is
 * moved down seldom, and pieces of overlong lines are held no longer
 * than when it dropped every KEEP lines.
 */
#define KEEP (CONTEXT + PAGE_MIN)
#define DROP_LINES 1024
#define DROP_BYTES (256 * 1024)

void
dec_start(struct decoder *d, struct window *w, const struct pagemodel *model,
    dec_out_fn *out, void *ctx)
{
	d->w = w;
	d->model = model;
	d->out = out;
	d->ctx = ctx;
	d->written = d->scored = d->decided = 0;
	d->base = 0;
	d->started = d->run_start = 0;
	memset(d->run, 0, sizeof d->run);
	memset(d->lout, 0, sizeof d->lout);
}

/* Whether a page may start at line i of the window, by the lines about it. */
static int
candidate(const struct decoder *d, size_t i)
{
	const struct pline *L = d->w->lines;

	/*
	 * A page's text does not begin with an empty line, so no page starts
	 * on one: that rules out half the lines at no cost.  After an empty
	 * line a page may start (files that end in one, run together by
	 * cat), but see AFTER_EMPTY.  The model is fitted without those
	 * places: its pages are joined with no empty line, so every one
	 * would be a negative and teach it the join rather than the page.
	 */
	return i > 0 && !(L[i].cls & (L_PIECE | L_EMPTY)) &&
	    !((L[i - 1].cls & L_EMPTY) && (d->dump_features ||
	    L[i].cross[X_NEAR] > AFTER_EMPTY_LINKS));
}

/* How much line i of the window looks like the first line of a page. */
static double
score_line(const struct decoder *d, size_t i)
{
	const struct pline *L = d->w->lines, *at[ATTR_AT];
	double f[F_NFEATURES], s;
	int k;

	if (!candidate(d, i) || !feat_line(f, at, L, d->w->n, i, d->dump_features)) {
		if (d->dump_features)
			fprintf(stderr, "X\n");
		return -100;
	}
	s = pm_score(d->model, f, at);
	if (L[i - 1].cls & L_EMPTY)
		s -= AFTER_EMPTY;
	if (L[i].cls & L_GLUED)
		s += GLUE_BONUS;
	if (d->dump_features) {
		for (k = 0; k < F_NFEATURES; k++)
			fprintf(stderr, "%g ", f[k]);
		fprintf(stderr, "\n");
	}
	return s;
}

/* Hand on the decided lines not handed on yet as one run. */
static void
flush(struct decoder *d)
{
	const struct pline *a, *b;

	if (d->written == d->decided)
		return;
	a = &d->w->lines[d->written];
	b = &d->w->lines[d->decided - 1];
	d->out(d->ctx, d->base + d->written, d->decided - d->written, a,
	    d->w->text.data + a->off, b->off + b->len - a->off, d->run_start);
	d->written = d->decided;
	d->run_start = 0;
}

/* Score the lines that have their context after them (all at the end). */
static void
score(struct decoder *d, int more)
{
	struct window *w = d->w;

	while (d->scored < w->n && (!more || d->scored + CONTEXT < w->n)) {
		struct pline *l = &w->lines[d->scored];
		int k;

		for (k = 0; k < NLINKS; k++) {
			d->run[k] += l->lin[k] - d->lout[k];
			l->cross[k] = (float)d->run[k];
			d->lout[k] = l->lout[k];
		}
		l->score = score_line(d, d->scored);
		if (d->dump_scores)
			fprintf(stderr, "%.3f\n", l->score);
		d->scored++;
	}
}

/* Decide the lines whose rivals are scored (all at the end). */
static void
decide(struct decoder *d, int more)
{
	struct window *w = d->w;

	while (d->decided < d->scored && (!more || d->decided + PAGE_MIN < d->scored)) {
		size_t i = d->decided, j;
		const struct pline *l = &w->lines[i];
		int start = !d->started;

		if (!start && l->score >= d->model->threshold) {
			start = 1;
			for (j = i > PAGE_MIN ? i - PAGE_MIN : 0;
			    start && j < i + PAGE_MIN && j < w->n; j++)
				if (j != i && (w->lines[j].score > l->score ||
				    (j < i && w->lines[j].score == l->score)))
					start = 0;
		}
		d->started = 1;
		if (start) {
			flush(d);
			d->run_start = 1;
		}
		d->decided++;
		if (l->off + l->len - w->lines[d->written].off >= DEC_RUN_BYTES)
			flush(d);
	}
}

/* Drop the lines no decision looks back at, once enough have gathered. */
static void
drop(struct decoder *d)
{
	struct window *w = d->w;
	size_t k, off;

	if (d->decided <= KEEP)
		return;
	k = d->decided - KEEP;
	off = w->lines[k].off;
	if (k < DROP_LINES && (k <= KEEP || off < DROP_BYTES))
		return;
	flush(d);
	win_drop(w, k);
	d->written -= k;
	d->decided -= k;
	d->scored -= k;
	d->base += k;
}

void
dec_step(struct decoder *d, int more)
{
	score(d, more);
	decide(d, more);
	if (more)
		drop(d);
	else
		flush(d);
}
