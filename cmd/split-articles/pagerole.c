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

/*
 * The sums of the weights of the bits of b in both role models at place
 * pos, into s[R_HEAD] and s[R_FOOT]: one walk over the bits for the two,
 * each sum in the order of the bits.
 */
static void
weigh(const struct pagerole *m, int pos, uint32_t b, double s[NROLES])
{
	const double *head = m->w[R_HEAD][pos], *foot = m->w[R_FOOT][pos];
	double h = 0, f = 0;

	for (; b; b &= b - 1) {
		int k = __builtin_ctz(b);

		h += head[k];
		f += foot[k];
	}
	s[R_HEAD] = h;
	s[R_FOOT] = f;
}

void
role_line(const struct pagerole *m, struct pline *L, size_t n, size_t i)
{
	uint32_t self = L[i].rbits;
	uint32_t prev = i > 0 ? L[i - 1].rbits : 0;
	uint32_t next = i + 1 < n ? L[i + 1].rbits : 0;
	double ws[NROLES], wp[NROLES], wn[NROLES];
	int r;

	/* No feature reads a blank line's role (pagefeatures.c: sides). */
	if (L[i].cls & L_BLANK) {
		L[i].role[R_HEAD] = L[i].role[R_FOOT] = 0;
		return;
	}
	weigh(m, RP_SELF, self, ws);
	weigh(m, RP_PREV, prev, wp);
	weigh(m, RP_NEXT, next, wn);
	for (r = 0; r < NROLES; r++) {
		double s = m->bias[r] + ws[r] + wp[r] + wn[r];

		L[i].role[r] = (float)(s < -8 ? -8 : s > 8 ? 8 : s);
	}
}
