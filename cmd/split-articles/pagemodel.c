/*
 * pagemodel.c - the page model's score (see pagemodel.h); its fitted
 * weights are in pagemodel_gen.c.
 */
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
}
