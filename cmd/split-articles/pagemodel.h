/*
 * pagemodel.h - how much a line looks like the first line of a page: a
 * logistic model over its features (pagefeatures.h), whose weights and
 * threshold scripts/gen-pagemodel.py fits on the dev pages and writes to
 * pagemodel_gen.c.
 */
#ifndef PAGEMODEL_H
#define PAGEMODEL_H

#include "pagefeatures.h"
#include "pagerole.h"
#include "pline.h"

struct pagemodel {
	double weights[F_NFEATURES];
	double threshold;	/* a line scoring this or more may start a page */
	/*
	 * The attributes' share of the score, by where the line stands
	 * (pagefeatures.h, at[]) and its attribute bits, in two tables of six
	 * bits each: a line's attributes are weighed with two lookups, not
	 * NATTRS products.
	 */
	double attr[ATTR_AT][2][64];
	struct pagerole roles;	/* the role models of the lines */
	/*
	 * For scoring by stages (pagefeatures.h, FS_*; decoder.c): the
	 * features below F_ATTR each stage sets, stage_feat[s][0..
	 * stage_n[s]), and the most that the features still unset after
	 * stage s can add to a score, rest[s] (+inf when one of them is
	 * unbounded; the attributes count in stage FS_EDGE).
	 */
	double edge_w[F_ATTR];	/* the weights of FS_EDGE's features, else 0 */
	unsigned char later[F_ATTR];	/* the features FS_EDGE leaves unset */
	unsigned nlater;
	unsigned char stage_feat[FS_NSTAGES][F_ATTR];
	unsigned stage_n[FS_NSTAGES];
	double rest[FS_NSTAGES];
};

/*
 * The fitted model into *m.  For fitting, tune ("w1,...,wN[,threshold[,r...]]",
 * as many weights as there are features, in pagefeatures.h's order, then
 * the role models' weights in the order of struct pagerole, w[][][] then
 * bias[]) replaces the weights it gives and the threshold; NULL keeps the
 * fitted ones.
 */
void pm_init(struct pagemodel *m, const char *tune);

/* The share of the attributes of line l, standing at place at. */
static inline double
pm_attr(const struct pagemodel *m, int at, const struct pline *l)
{
	return m->attr[at][0][l->attr & 63] + m->attr[at][1][l->attr >> 6];
}

/*
 * The share of the score of the features that stage sets (and for
 * FS_EDGE, the attributes of the lines at[]): the stages' shares sum to
 * pm_score() but for rounding and the features set outside them.  The
 * first stage sets most features: its share is a sum over all of f
 * (edge_w[], 0 for the features of the stages after it, which f must
 * hold as numbers: later[]).
 */
static inline double
pm_part(const struct pagemodel *m, const double *f,
    const struct pline *const at[ATTR_AT], int stage)
{
	double part[4] = { 0, 0, 0, 0 }, s;
	unsigned j;
	int k;

	if (stage != FS_EDGE) {
		for (s = 0, j = 0; j < m->stage_n[stage]; j++) {
			k = m->stage_feat[stage][j];
			s += m->weights[k] * f[k];
		}
		return s;
	}
	s = pm_attr(m, 0, at[0]) + pm_attr(m, 1, at[1]) +
	    pm_attr(m, 2, at[2]) + pm_attr(m, 3, at[3]) +
	    (at[4] ? pm_attr(m, 4, at[4]) : 0) +
	    (at[5] ? pm_attr(m, 5, at[5]) : 0);
	for (k = 0; k + 4 <= F_ATTR; k += 4) {
		part[0] += m->edge_w[k] * f[k];
		part[1] += m->edge_w[k + 1] * f[k + 1];
		part[2] += m->edge_w[k + 2] * f[k + 2];
		part[3] += m->edge_w[k + 3] * f[k + 3];
	}
	for (; k < F_ATTR; k++)
		part[0] += m->edge_w[k] * f[k];
	return s + ((part[0] + part[1]) + (part[2] + part[3]));
}

/*
 * The score of a line from its features f[0..F_ATTR) and the lines at[]
 * whose attributes count (feat_line(); NULL adds nothing).  Inline: it is
 * weighed for every line of the stream.
 */
static inline double
pm_score(const struct pagemodel *m, const double *f,
    const struct pline *const at[ATTR_AT])
{
	/* Four sums, not one chain of dependent additions. */
	double part[4] = { 0, 0, 0, 0 }, s;
	int k;

	s = pm_attr(m, 0, at[0]) + pm_attr(m, 1, at[1]) +
	    pm_attr(m, 2, at[2]) + pm_attr(m, 3, at[3]) +
	    (at[4] ? pm_attr(m, 4, at[4]) : 0) +
	    (at[5] ? pm_attr(m, 5, at[5]) : 0);
	for (k = 0; k + 4 <= F_ATTR; k += 4) {
		part[0] += m->weights[k] * f[k];
		part[1] += m->weights[k + 1] * f[k + 1];
		part[2] += m->weights[k + 2] * f[k + 2];
		part[3] += m->weights[k + 3] * f[k + 3];
	}
	/* The rest by constants: a loop over none draws gcc's warning. */
	if (F_ATTR % 4 > 0)
		part[0] += m->weights[F_ATTR / 4 * 4] * f[F_ATTR / 4 * 4];
	if (F_ATTR % 4 > 1)
		part[1] += m->weights[F_ATTR / 4 * 4 + 1] * f[F_ATTR / 4 * 4 + 1];
	if (F_ATTR % 4 > 2)
		part[2] += m->weights[F_ATTR / 4 * 4 + 2] * f[F_ATTR / 4 * 4 + 2];
	return s + ((part[0] + part[1]) + (part[2] + part[3]));
}

#endif
