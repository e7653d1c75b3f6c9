/*
 * pagerole.h - the role of a line in its page: of the head (site name,
 * navigation, breadcrumb, headline, byline), of the foot (related lists,
 * copyright, ICP licence, contact, footer links), or neither (the body).
 * A page boundary is where a foot is followed by a head, so the roles of
 * the lines about a gap are features of it (pagefeatures.h).
 *
 * A line's role is weighed from its role bits (its classes from the
 * lexicon, its layout attributes, whether it is a row of short items) and
 * those of the lines either side: two logistic models, head against the
 * rest and foot against the rest, fitted by scripts/gen-pagemodel.py on
 * the dev pages, whose gold bodies give the roles (the lines before the
 * body are its page's head, those after it the foot).
 */
#ifndef PAGEROLE_H
#define PAGEROLE_H

#include <stdint.h>

#include "pline.h"

/* Role bits: NCLASSES classes, NATTRS attributes, and the row bit. */
#define RB_ATTR NCLASSES
#define RB_ROW (NCLASSES + NATTRS)
#define NROLEBITS (RB_ROW + 1)
/* Where a line stands to the line whose role is weighed. */
enum { RP_PREV, RP_SELF, RP_NEXT, NROLEPOS };

/* The weights of the two role models: a weight for each role bit of the
   line before, the line and the line after, and a bias. */
struct pagerole {
	double w[NROLES][NROLEPOS][NROLEBITS];
	double bias[NROLES];
};

/* The role bits of line l, classified (pl_classify() keeps them in
   l->rbits). */
uint32_t role_bits(const struct pline *l);

/*
 * Set L[i].role[] (of lines L[0..n), 0 <= i < n) from the rbits of
 * L[i - 1], L[i] and L[i + 1], those that there are, by model m: log-odds,
 * clipped to [-8, 8]; 0 for a blank line, whose role no feature reads.
 */
void role_line(const struct pagerole *m, struct pline *L, size_t n, size_t i);

#endif
