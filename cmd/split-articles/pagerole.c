/*
 * pagerole.c - the role of a line in its page (see pagerole.h).
 */
#include <stddef.h>

#include "pagerole.h"

/* A row of short items: a navigation bar, a list of footer links. */
#define ROW_ITEMS 4		/* fields at least */
#define ROW_ITEM_CHARS 8	/* characters a field, at most, on average */

uint32_t
role_bits(const struct pline *l)
{
	/* Not L_PIECE or L_GLUED: set after the line is classified. */
	uint32_t b = (l->cls & ((1u << NCLASSES) - 1) & ~(unsigned)(L_PIECE | L_GLUED)) |
	    (uint32_t)l->attr << RB_ATTR;

	if (l->items >= ROW_ITEMS && l->chars <= ROW_ITEM_CHARS * l->items)
		b |= 1u << RB_ROW;
	return b;
}

/* The sum of the weights w[] of the bits of b. */
static double
weigh(const double *w, uint32_t b)
{
	double s = 0;

	for (; b; b &= b - 1)
		s += w[__builtin_ctz(b)];
	return s;
}

void
role_line(const struct pagerole *m, struct pline *L, size_t n, size_t i)
{
	uint32_t self = L[i].rbits;
	uint32_t prev = i > 0 ? L[i - 1].rbits : 0;
	uint32_t next = i + 1 < n ? L[i + 1].rbits : 0;
	int r;

	/* No feature reads a blank line's role (pagefeatures.c: sides). */
	if (L[i].cls & L_BLANK) {
		L[i].role[R_HEAD] = L[i].role[R_FOOT] = 0;
		return;
	}
	for (r = 0; r < NROLES; r++) {
		double s = m->bias[r] + weigh(m->w[r][RP_SELF], self) +
		    weigh(m->w[r][RP_PREV], prev) + weigh(m->w[r][RP_NEXT], next);

		L[i].role[r] = (float)(s < -8 ? -8 : s > 8 ? 8 : s);
	}
}
