/*
 * recur.h - the pairs of lines a stream has shown before.  Pages of one
 * site share their head and foot, so in a stream of many pages the pairs
 * of their chrome lines recur, and a page begins where a run of
 * recurring pairs breaks: the line before it is of another site's page.
 * The splitter weighs that (pagefeatures.h, F_REC_*) as fitted features.
 *
 * The pairs are kept in a table of RECUR_SETS sets of RECUR_WAYS 32-bit
 * fingerprints, the latest first, so memory is bounded whatever the
 * stream.  scripts/screen-pagemodel.py (recurrence(), 2026-12-07, dev
 * pages, the generator's site folds; F_REC_SEEN and the two runs):
 * site-grouped F1 .657 without, .703 with 16,384 sets of 4; tables of
 * 8,192 / 32,768 / 65,536 pairs in sets of 4 .653 / .678 / .681 (pair
 * bits only); runs capped at 4 / 8 / 16 .694 / .701 / .702.  In C, as
 * fitted by gen-pagemodel.py (its site-grouped CV, threshold -2): .657 ->
 * .703 (P .739 R .671; newline .762, cat .642).
 *
 * A page may repeat its own blocks (a comment widget met twice in it),
 * and the end of such a repeat looks like the end of a run of the site's
 * chrome.  So each pair keeps where it was met last (the stream's count of
 * non-blank lines): a pair met again within RECUR_NEAR of them is near,
 * most likely the page's own repeat, where a site's chrome was met a page
 * before; the model weighs runs of near pairs apart (F_REC_NEAR_*).
 */
#ifndef RECUR_H
#define RECUR_H

#include <stddef.h>
#include <stdint.h>

#include "pline.h"

#define RECUR_SETS 16384
#define RECUR_WAYS 4
#define RECUR_RUN 8		/* runs of recurring pairs counted to this */
/*
 * Non-blank lines: a pair met again within this many is near.  By
 * scripts/screen-pagemodel.py's site-grouped CV (dev pages, 2026-12-07,
 * threshold -2; the runs of near pairs beside the C's F_REC_*): .703
 * without, .708 at 30 lines, .713 at 100.  Pairs met within them taken
 * for new instead (seen only when far): .697 at 30, .703 at 100; the log
 * of the ages of the pairs either side: .704.
 */
#define RECUR_NEAR 100
/* A stream that touched at most this many sets clears only those. */
#define RECUR_TOUCHED 1024

/* A set: the fingerprints of its pairs, the latest first, and where each
   was met last (struct recur, n); 32 bytes, so a set lies within one
   64-byte cache line wherever the table starts on a 32-byte boundary. */
struct recur_set {
	uint32_t fp[RECUR_WAYS];
	uint32_t at[RECUR_WAYS];
};

struct recur {
	struct recur_set set[RECUR_SETS];
	uint32_t touched[RECUR_TOUCHED];
	size_t ntouched;	/* > RECUR_TOUCHED: clear all */
	uint32_t last;		/* the last non-blank line's fingerprint */
	int have;		/* there is one */
	unsigned run;		/* pairs met before in a row up to it */
	unsigned near;		/* ... near pairs (RECUR_NEAR) */
	uint32_t n;		/* non-blank lines met */
};

/* Forget every pair: a new stream (rec must be zeroed once before). */
void rec_clear(struct recur *rec);

/*
 * The stream's next line l, its rhash set (pline.h): sets l->rseen,
 * l->rnear, l->rback and l->rnback, and the line is met.
 */
void rec_push(struct recur *rec, struct pline *l);

/*
 * Ask the memory for the set that rec_push() of line next will read, while
 * the line before it is weighed: the sets of the table are met at random,
 * and their misses cost more time than the lookups' instructions.
 */
void rec_prefetch(const struct recur *rec, const struct pline *next);

/*
 * The fingerprint of a line's text p[0..n), which begins at its first byte
 * not a space or a tab (tokens.h, first) and ends at its newline (and a
 * CR before it): one page centres a line by a run of spaces as long as the
 * bytes read, and a line of the same text indented otherwise is the same
 * line.
 */
uint32_t rec_line(const char *p, size_t n);

/*
 * Whether the pair of lines a, b (rec_line()) was met before: 0 if not,
 * else how many non-blank lines ago (now less the now it was met at, 1 at
 * least); it is met now, at now.
 */
uint32_t rec_seen(struct recur *rec, uint32_t a, uint32_t b, uint32_t now);

#endif
