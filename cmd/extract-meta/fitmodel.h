/*
 * fitmodel.h - what the fitted choosers (titlemodel.c, datemodel.c,
 * authmodel.c) share: a candidate's score under generated weights, and the
 * row of features a -DMETA_TUNE build prints for the generators
 * (scripts/gen-metamodel.py, scripts/metafit.py).
 * Private to cmd/extract-meta.
 */
#ifndef FITMODEL_H
#define FITMODEL_H

#include <stddef.h>
#include <stdio.h>

/* w . x over n features, summed in their order (the generators' round trip checks it). */
static inline double
fitmodel_score(const double *w, const double *x, size_t n)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += w[i] * x[i];
	return s;
}

/* Print "\tSCORE\tX..." to stderr, 0 and 1 short, the rest exactly, and the newline. */
static inline void
fitmodel_dump_row(double score, const double *x, size_t n)
{
	size_t k;

	fprintf(stderr, "\t%.17g", score);
	for (k = 0; k < n; k++)
		if (x[k] == 0 || x[k] == 1)
			fputs(x[k] == 0 ? "\t0" : "\t1", stderr);
		else
			fprintf(stderr, "\t%.17g", x[k]);
	fputc('\n', stderr);
}

#endif
