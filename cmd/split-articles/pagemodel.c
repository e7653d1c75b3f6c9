/*
 * pagemodel.c - the page model's score (see pagemodel.h); its fitted
 * weights are in pagemodel_gen.c.
 */
#include <stdlib.h>
#include <string.h>

#include "pagemodel.h"
#include "pagemodel_gen.h"

void
pm_init(struct pagemodel *m, const char *tune)
{
	int at, half, bits, k;

	memcpy(m->weights, pagemodel_weights, sizeof m->weights);
	m->threshold = pagemodel_threshold;
	for (k = 0; tune && k < F_NFEATURES && *tune; k++) {
		char *end;

		m->weights[k] = strtod(tune, &end);
		tune = *end ? end + 1 : end;
	}
	if (tune && *tune)
		m->threshold = strtod(tune, NULL);
	memset(m->attr, 0, sizeof m->attr);
	for (at = 0; at < ATTR_AT; at++)
		for (half = 0; half < 2; half++)
			for (bits = 0; bits < 64; bits++)
				for (k = 0; k < 6; k++)
					if (bits >> k & 1)
						m->attr[at][half][bits] +=
						    m->weights[F_ATTR + at * NATTRS + half * 6 + k];
}
