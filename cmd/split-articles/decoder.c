/*
 * decoder.c - where the pages of a stream begin (see decoder.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "decoder.h"
#include "pagefeatures.h"

/*
 * A line after an empty line is not scored at all when the words of the
 * lines about it link across it this much: no page start after an empty
 * line of the dev pages has more than 26, half of the other lines there
 * have more than 60.  (What else an empty line before costs, the model
 * weighs: F_AFTER_EMPTY, fitted on pages joined as cat joins them.)
 */
#define AFTER_EMPTY_LINKS 60
/*
 * What a place inside a line (tokens.h, glue; pw_glue()) scores above its
 * features: text run straight into a page's first line is itself a sign
 * of a join, which the model never sees (it is fitted on whole lines,
 * and a join inside a line has the lines about it weighed as if the page
 * before ran on: the words the two share, the indent of its last line).
 * Hand constants, not fitted: the dev pages hold a join inside a line
 * only where the five seeds end in no newline, and a model of such
 * places fitted on pages joined with none at all (every page .rstrip'd)
 * learnt that a cut is mostly no join (val F1 .587 -> .548).
 *
 * GLUE_BONUS_END where the text before the cut ends as text does
 * (pw_text_ends(): a mark, a foot's words) and a head word follows
 * unbroken.  By it, the dev pages' F1 (8 orders, newline / cat) and the
 * orders of the five seeds, cat-joined, that split right (of 120, alike
 * in UTF-8 and GB18030): 0.5 .790 / .648, none; 3 .790 / .648, 48; 4
 * .787 / .646, 104; 5 .784 / .644, all; 6 .777 / .640, all.  The val
 * pages' F1 is the same at each (.587 / .510).
 * GLUE_BONUS at a cue of tokens.h alone (a bullet, a logo, a
 * breadcrumb's 位置 after any text): 1 cuts a page at a list bullet its
 * own text runs into (tests/split-articles.bats).
 */
#define GLUE_BONUS_END 5.0
#define GLUE_BONUS 0.5

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
	d->written = d->roled = d->scored = d->decided = 0;
	d->base = 0;
	d->started = d->run_start = d->pending = 0;
	rec_clear(&d->rec);
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
	 * line a page may start (files that end in one, run together by cat).
	 */
	return i > 0 && !(L[i].cls & (L_PIECE | L_EMPTY)) &&
	    !((L[i - 1].cls & L_EMPTY) && L[i].cross[X_NEAR] > AFTER_EMPTY_LINKS);
}

/* What a line starting inside a line gets above its features. */
static double
glue_bonus(const struct pline *l)
{
	return !(l->cls & L_GLUED) ? 0 : l->after_text ? GLUE_BONUS_END : GLUE_BONUS;
}

/*
 * How much line i of the window looks like the first line of a page, by
 * stages (pagefeatures.h): once the score so far and the most the
 * features to come can add (pagemodel.h, rest[]) fall short of the
 * threshold, that sum, which is all a decision reads of a line below it
 * (decide(): the threshold; a rival passes the threshold to count).  At
 * the threshold and above, the score itself.
 */
static double
score_staged(const struct decoder *d, size_t i)
{
	const struct pline *L = d->w->lines, *at[ATTR_AT];
	const struct pagemodel *m = d->model;
	double f[F_NFEATURES], s, part;
	struct feat_ctx c;
	int stage = FS_EDGE;
	unsigned k;

	if (!candidate(d, i))
		return -100;
	if (!feat_first(&c, f, at, L, d->w->n, i, &d->w->sides))
		return -100;
	/* Numbers, for pm_part()'s first sum, where the stages after are. */
	for (k = 0; k < m->nlater; k++)
		f[m->later[k]] = 0;
	feat_recur(f, L, d->roled, i);
	part = glue_bonus(&L[i]) + pm_part(m, f, at, FS_EDGE);
	/* Stopped only where the line surely falls short (a NaN goes on). */
	while (!(part + m->rest[stage] < m->threshold)) {
		if (++stage == FS_NSTAGES) {
			s = pm_score(m, f, at);
			if (L[i].cls & L_GLUED)
				s += glue_bonus(&L[i]);
			return s;
		}
		feat_next(&c, f, stage);
		part += pm_part(m, f, at, stage);
	}
	return part + m->rest[stage];
}

/* The score of line i with every feature weighed (and dumped). */
static double
score_all(const struct decoder *d, size_t i)
{
	const struct pline *L = d->w->lines, *at[ATTR_AT];
	double f[F_NFEATURES], s;
	int k;

	if (!candidate(d, i) || !feat_line(f, at, L, d->w->n, i, d->dump_features)) {
		if (d->dump_features)
			fprintf(stderr, "X R %u B %g\n", (unsigned)L[i].rbits,
			    dec_prose_shape(&L[i]) ? L[i].role[R_FOOT] : 99.0);
		return -100;
	}
	feat_recur(f, L, d->roled, i);
	s = pm_score(d->model, f, at);
	if (L[i].cls & L_GLUED)
		s += glue_bonus(&L[i]);
	if (d->dump_features) {
		for (k = 0; k < F_NFEATURES; k++)
			fprintf(stderr, "%g ", f[k]);
		fprintf(stderr, "R %u B %g\n", (unsigned)L[i].rbits,
		    dec_prose_shape(&L[i]) ? L[i].role[R_FOOT] : 99.0);
	}
	return s;
}

/*
 * How much line i of the window looks like the first line of a page.
 * The build for fitting weighs every feature, and checks the stages: a
 * line they stop at must score below the threshold, any other exactly.
 */
static double
score_line(const struct decoder *d, size_t i)
{
#ifdef PAGES_TUNE
	double s = score_all(d, i), t = score_staged(d, i);

	if (s >= d->model->threshold ? t != s : t >= d->model->threshold) {
		fprintf(stderr, "split-articles: line %llu: scored %.17g by stages, "
		    "%.17g in full (pagefeatures.c, feat_info[])\n",
		    d->base + i, t, s);
		abort();
	}
	return s;
#else
	if (d->dump_features || d->dump_scores)
		return score_all(d, i);
	return score_staged(d, i);
#endif
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

/* Weigh the roles of the lines the line after has joined (all at the end). */
static void
roles(struct decoder *d, int more)
{
	struct window *w = d->w;

	for (; d->roled < w->n && (!more || d->roled + 1 < w->n); d->roled++) {
		role_line(&d->model->roles, w->lines, w->n, d->roled);
		rec_push(&d->rec, &w->lines[d->roled]);
		if (d->roled + 1 < w->n)
			rec_prefetch(&d->rec, &w->lines[d->roled + 1]);
	}
}

/*
 * The sums of the links spanning the gap before line l, from those before
 * the line before it: the links that start after it come in, those that
 * end at the line before go.  In float, the sums run on in double, as
 * the four lanes of SSE2 give them.
 */
static inline void
cross_on(struct decoder *d, struct pline *l)
{
#if defined(__SSE2__)
	_Static_assert(NLINKS == 4, "the sums are the four lanes of SSE2");
	__m128 diff = _mm_sub_ps(_mm_loadu_ps(l->lin), _mm_loadu_ps(d->lout));
	__m128d lo = _mm_add_pd(_mm_loadu_pd(d->run), _mm_cvtps_pd(diff));
	__m128d hi = _mm_add_pd(_mm_loadu_pd(d->run + 2),
	    _mm_cvtps_pd(_mm_movehl_ps(diff, diff)));

	_mm_storeu_pd(d->run, lo);
	_mm_storeu_pd(d->run + 2, hi);
	_mm_storeu_ps(l->cross, _mm_movelh_ps(_mm_cvtpd_ps(lo), _mm_cvtpd_ps(hi)));
	memcpy(d->lout, l->lout, sizeof d->lout);
#else
	int k;

	for (k = 0; k < NLINKS; k++) {
		d->run[k] += l->lin[k] - d->lout[k];
		l->cross[k] = (float)d->run[k];
		d->lout[k] = l->lout[k];
	}
#endif
}

/* Score the lines that have their context after them (all at the end). */
static void
score(struct decoder *d, int more)
{
	struct window *w = d->w;

	while (d->scored < w->n && (!more || d->scored + CONTEXT < w->n)) {
		struct pline *l = &w->lines[d->scored];

		cross_on(d, l);
		l->score = score_line(d, d->scored);
		if (d->dump_scores)
			fprintf(stderr, "%.3f\n", l->score);
		d->scored++;
	}
}

/* The boundary waiting (line `written`) is one: its page has begun. */
static void
commit(struct decoder *d)
{
	d->pending = 0;
	d->run_start = 1;
}

/*
 * Whether the boundary waiting has waited long enough by line i: a page
 * with no prose line (dec_body()) must not hold the stream.
 */
static int
waited(const struct decoder *d, size_t i)
{
	const struct pline *L = d->w->lines;

	return i - d->written > GAP_LINES || L[i].off - L[d->written].off >= GAP_BYTES;
}

/*
 * Line i passed the threshold and its rivals within PAGE_MIN: it waits
 * for the next prose line, in place of a boundary waiting that scores
 * less (there is one page start between two prose lines at most).
 */
static void
candidate_found(struct decoder *d, size_t i)
{
	const struct pline *L = d->w->lines;

	if (d->pending && waited(d, i))
		commit(d);
	if (d->pending && L[i].score <= d->wait_score)
		return;
	/* The lines before i start no page, the one that waited neither. */
	flush(d);
	d->pending = 1;
	d->wait_score = L[i].score;
}

/* Decide the lines whose rivals are scored (all at the end). */
static void
decide(struct decoder *d, int more)
{
	struct window *w = d->w;

	while (d->decided < d->scored && (!more || d->decided + PAGE_MIN < d->scored)) {
		size_t i = d->decided, j;
		const struct pline *l = &w->lines[i];
		int start = 0;

		if (d->started && l->score >= d->model->threshold) {
			start = 1;
			for (j = i > PAGE_MIN ? i - PAGE_MIN : 0;
			    start && j < i + PAGE_MIN && j < w->n; j++)
				if (j != i && (w->lines[j].score > l->score ||
				    (j < i && w->lines[j].score == l->score)))
					start = 0;
		}
		if (!d->started) {
			/* The stream's first line begins its first page. */
			d->pending = 1;
			d->wait_score = HUGE_VAL;
			d->started = 1;
		} else if (start)
			candidate_found(d, i);
		d->decided++;
		if (d->pending && (dec_body(l) || waited(d, i)))
			commit(d);
		if (!d->pending &&
		    l->off + l->len - w->lines[d->written].off >= DEC_RUN_BYTES)
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
	/* A boundary waiting keeps its lines (at most GAP_LINES, GAP_BYTES). */
	if (!d->pending)
		flush(d);
	if (k > d->written)
		k = d->written;
	if (k == 0)
		return;
	win_drop(w, k);
	d->written -= k;
	d->roled -= k;
	d->decided -= k;
	d->scored -= k;
	d->base += k;
}

void
dec_step(struct decoder *d, int more)
{
	roles(d, more);
	score(d, more);
	decide(d, more);
	if (more)
		drop(d);
	else {
		if (d->pending)
			commit(d);
		flush(d);
	}
}
