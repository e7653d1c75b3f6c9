/*
 * links.c - the words shared across a gap between lines (see links.h).
 */
#include <stdlib.h>
#include <string.h>

#include "links.h"
#include "winnow.h"

#define LINK_BITS 16
#define LINK_SLOTS (1u << LINK_BITS)
#define DF_HALF 8192		/* lines between halvings of the word counts */

struct links {
	struct {
		uint32_t last;		/* stream line + 1 of the word's last line */
		uint32_t df;		/* lines it was in, halved now and then */
	} word[LINK_SLOTS];		/* one cache line holds both */
	uint32_t lines;			/* lines counted, halved alike */
	uint32_t lineno;		/* stream line + 1 of the newest line */
};

struct links *
links_new(void)
{
	return xcalloc(1, sizeof(struct links));
}

void
links_reset(struct links *k)
{
	memset(k, 0, sizeof *k);
}

void
links_free(struct links *k)
{
	free(k);
}

/*
 * A link d lines long, of weight wgt (rare when its word is): it spans the
 * gaps from the one before line from to the one before line l.
 */
static inline void
link_add(struct pline *from, struct pline *l, uint32_t d, float wgt, int rare)
{
	from->lin[X_FAR] += wgt;
	l->lout[X_FAR] += wgt;
	if (d <= LINK_NEAR) {
		from->lin[X_NEAR] += wgt;
		l->lout[X_NEAR] += wgt;
	}
	if (d <= LINK_TINY) {
		from->lin[X_TINY] += wgt;
		l->lout[X_TINY] += wgt;
	}
	if (rare) {
		from->lin[X_RARE] += 1;
		l->lout[X_RARE] += 1;
	}
}

void
links_line(struct links *k, struct pline *L, size_t idx, const uint32_t *tok,
    unsigned ntok)
{
	struct pline *l = &L[idx];
	uint32_t cur = ++k->lineno;
	float lg = fast_log2((float)k->lines + 1);
	unsigned t;

	l->cwords = idx > 0 ? l[-1].cwords : 0;
	l->cnovel = idx > 0 ? l[-1].cnovel : 0;
	/* The table is bigger than the caches: ask for every slot at once. */
	for (t = 0; t < ntok; t++)
		__builtin_prefetch(&k->word[tok[t] >> (32 - LINK_BITS)]);
	for (t = 0; t < ntok; t++) {
		uint32_t slot = tok[t] >> (32 - LINK_BITS), d;

		if (k->word[slot].last == cur)
			continue;	/* again in this line */
		d = cur - k->word[slot].last;
		l->cwords++;
		l->cnovel += !k->word[slot].last || d > NOVEL;
		if (k->word[slot].last && d <= LINK_FAR && d <= idx) {
			float wgt = lg - fast_log2((float)k->word[slot].df + 1);

			/* From the gap after the word's last line. */
			link_add(l - d + 1, l, d, wgt < 0 ? 0 : wgt,
			    (uint32_t)k->word[slot].df * 256 < k->lines);
		}
		k->word[slot].last = cur;
		k->word[slot].df++;
	}
	if (++k->lines >= 2 * DF_HALF) {
		size_t i;

		/* Four at a step: 65,536 slots, every DF_HALF lines. */
		_Static_assert(LINK_SLOTS % 4 == 0, "the slots go by four");
		for (i = 0; i < LINK_SLOTS; i += 4) {
			k->word[i].df /= 2;
			k->word[i + 1].df /= 2;
			k->word[i + 2].df /= 2;
			k->word[i + 3].df /= 2;
		}
		k->lines /= 2;
	}
}
