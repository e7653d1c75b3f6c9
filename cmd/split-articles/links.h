/*
 * links.h - the words shared across a gap between lines.  A word in line
 * j that was last seen in line p, at most LINK_FAR lines before, links
 * the two and spans the gaps between them, weighted by how rare the word
 * is in the stream so far (its inverse line frequency).  Lines of one
 * page share words (the site's name, the navigation, the story's names),
 * two pages of different sites share few but the commonest, so the links
 * spanning a gap fall where one page ends and the next begins.  Four sums
 * (pline.h, X_*): links up to LINK_NEAR lines long, up to LINK_FAR, those
 * up to LINK_FAR of words in fewer than 1 line in 256, and those up to
 * LINK_TINY (which tell just where, among the lines about a boundary).
 *
 * Memory is a fixed table of LINK_SLOTS words, a word's slot told by its
 * token's hash; words that share a slot count as one.
 */
#ifndef LINKS_H
#define LINKS_H

#include <stddef.h>
#include <stdint.h>

#include "pline.h"

#define LINK_NEAR 16
#define LINK_TINY 4
#define LINK_FAR 48
#define NOVEL 2000		/* lines: a word unseen for this long is new */

struct links;

/* A table for one stream, empty; free with links_free(). */
struct links *links_new(void);
/* Empty it, for the next stream. */
void links_reset(struct links *k);
void links_free(struct links *k);

/*
 * Line L[idx], the newest of the stream, with tokens tok[0..ntok): add
 * its links to the lout[] of L[idx] and the lin[] of the lines they
 * start after (which must be L[idx - LINK_FAR + 1 ..] as far as idx
 * reaches; those lines' sums start at 0), and set its running sums
 * cwords and cnovel on from L[idx - 1]'s.
 */
void links_line(struct links *k, struct pline *L, size_t idx,
    const uint32_t *tok, unsigned ntok);

/* log2(x) for x >= 1, to within 0.09: the exponent and mantissa of a float. */
static inline float
fast_log2(float x)
{
	union { float f; uint32_t u; } v = { x };

	return (float)(int)((v.u >> 23) - 127) + (float)(v.u & 0x7fffff) / 8388608.0f;
}

#endif
