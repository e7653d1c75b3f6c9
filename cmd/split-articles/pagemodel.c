/*
 * pagemodel.c - the page model's score (see pagemodel.h); its fitted
 * weights are in pagemodel_gen.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pagemodel.h"
#include "pagemodel_gen.h"

/* Up to n numbers of the tune list s into v; the rest of s (NULL: none). */
static const char *
tune_read(double *v, size_t n, const char *s)
{
	size_t k;

	for (k = 0; s && *s && k < n; k++) {
		char *end;

		v[k] = strtod(s, &end);
		s = *end ? end + 1 : end;
	}
	return s;
}

/*
 * What the stages' shares of a score and pm_score() may part by in
 * rounding, and a bound beyond what feat_info[] says: far more than the
 * sums of a hundred terms of a few units can lose.
 */
#define ROUNDING 1e-6

/* The most feature k can add to a score: its weight times its range. */
static double
most(const struct pagemodel *m, int k)
{
	double w = m->weights[k];

	if (w == 0)
		return 0;
	if (!feat_info[k].bounded)
		return INFINITY;
	return w > 0 ? w * feat_info[k].hi : w * feat_info[k].lo;
}

_Static_assert(F_ATTR <= 256, "stage_feat holds a feature in a byte");

/* The stages' features and bounds (struct pagemodel) of m's weights. */
static void
stages(struct pagemodel *m)
{
	int s, k;

	memset(m->stage_n, 0, sizeof m->stage_n);
	m->nlater = 0;
	for (k = 0; k < F_ATTR; k++) {
		m->edge_w[k] = feat_info[k].stage == 1 + FS_EDGE ? m->weights[k] : 0;
		if (feat_info[k].stage != 1 + FS_EDGE)
			m->later[m->nlater++] = (unsigned char)k;
	}
	for (k = 0; k < F_ATTR; k++)
		if (feat_info[k].stage > 0) {
			s = feat_info[k].stage - 1;
			m->stage_feat[s][m->stage_n[s]++] = (unsigned char)k;
		}
	for (s = 0; s < FS_NSTAGES; s++) {
		m->rest[s] = ROUNDING;
		for (k = 0; k < F_ATTR; k++)
			if (feat_info[k].stage == 0 || feat_info[k].stage - 1 > s)
				m->rest[s] += most(m, k);
	}
}

void
pm_init(struct pagemodel *m, const char *tune)
{
	int at, half, bits, k;

	memcpy(m->weights, pagemodel_weights, sizeof m->weights);
	m->threshold = pagemodel_threshold;
	memcpy(m->roles.w, pagemodel_roles, sizeof m->roles.w);
	memcpy(m->roles.bias, pagemodel_role_bias, sizeof m->roles.bias);
	tune = tune_read(m->weights, F_NFEATURES, tune);
	tune = tune_read(&m->threshold, 1, tune);
	tune = tune_read(&m->roles.w[0][0][0],
	    sizeof m->roles.w / sizeof m->roles.w[0][0][0], tune);
	tune_read(m->roles.bias, NROLES, tune);
	memset(m->attr, 0, sizeof m->attr);
	for (at = 0; at < ATTR_AT; at++)
		for (half = 0; half < 2; half++)
			for (bits = 0; bits < 64; bits++)
				for (k = 0; k < 6; k++)
					if (bits >> k & 1)
						m->attr[at][half][bits] +=
						    m->weights[F_ATTR + at * NATTRS + half * 6 + k];
	stages(m);
}
