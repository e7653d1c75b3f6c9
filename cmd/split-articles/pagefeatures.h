/*
 * pagefeatures.h - what is known about a line as the first line of a page,
 * as numbers for the model (pagemodel.h) to weigh: the lines before it
 * looking like the bottom of a page (copyright and ICP lines, "返回顶部",
 * privacy/terms/contact links, a counter image after the footer), the
 * lines from it like the top of one (a short site name or logo, skip
 * links, log-in and subscribe links, navigation bullets, breadcrumbs),
 * the two weighed by their distance so the score peaks where a footer
 * meets a header; the layout changing there (indentation, padding, width,
 * CJK against Latin, bullets, image placeholders, table borders); and the
 * words shared across the gap (links.h), while the page after it brings
 * words not seen for a long while.
 *
 * scripts/gen-pagemodel.py reads the F_* names below, in order, for the
 * weights it writes: a feature is added or moved here and nowhere else.
 */
#ifndef PAGEFEATURES_H
#define PAGEFEATURES_H

#include <stddef.h>
#include <stdint.h>

#include "pline.h"

#define CONTEXT 48		/* lines looked at either side */
#define NEAR 6			/* non-blank lines that make a page's edge */
#define ATTR_AT 6		/* lines whose attribute bits are weighed */
#define ROLE_LINES 3		/* non-blank lines whose roles are averaged */

/*
 * The classes of a line that the furniture features count, in one byte
 * (pline.fur): L_COPY, L_FOOT, L_TOP, L_CRUMB (bits 0-3 of cls),
 * L_BULLET (bit 6), L_HOME, L_SKIP and L_END (bits 10-12).
 */
#define FUR(cls) (((unsigned)(cls) & 0x0f) | ((unsigned)(cls) >> 2 & 0x10) | \
	((unsigned)(cls) >> 5 & 0xe0))

/* The features of a line i.  "Before" and "last" count the non-blank
   lines before i, nearest first; "first" and "next" those from i on. */
enum {
	F_COPY_NEAR,		/* copyright lines among the last 3 before */
	F_COPY_FAR,		/* ... among the 3 before those */
	F_FOOT_LAST,		/* the line before is footer furniture */
	F_FOOT_NEAR,		/* footer lines among the 5 before that */
	F_PIXEL_LAST,		/* the line before is a lone image or "*" */
	F_TOP_FIRST,		/* log-in, logo, ... among the first 2 */
	F_TOP_NEXT,		/* ... among the 6 after those */
	F_CRUMB_FIRST,		/* a breadcrumb among the first 4 */
	F_CRUMB_NEXT,		/* ... among the 4 after those */
	F_HOME_FIRST,		/* "首页"/home among the first 4 */
	F_BULLETS,		/* list items among the first 8 (0, 1, 2) */
	F_COPY_FIRST,		/* a copyright line among the first 3 */
	F_SHORT_FIRST,		/* the first line is short, not a sentence */
	F_PIXEL_FIRST,		/* the first line is a lone image or "*" */
	F_SENTENCE_FIRST,	/* the first line is a long sentence */
	F_BOTH,			/* bottom and top furniture both present */
	F_TOP_LAST,		/* the line before is top furniture */
	F_IN_LIST,		/* list items on both sides */
	F_SENTENCE_LAST,	/* the line before ends a long sentence */
	F_BLANK_FIRST,		/* line i is white space */
	F_TINY_LAST,		/* the line before has 1 or 2 characters */
	F_FOOT_FIRST,		/* footer lines among the first 2 */
	F_SKIP_FIRST,		/* a skip link among the first 2 */
	F_END_LAST,		/* article-end cues among the last 2 before */
	F_PIXEL_THEN_TOP,	/* a lone image first, page-top furniture next */
	F_TOP_BETWEEN,		/* top furniture among the last 3 before */
	F_LONE_FIRST,		/* the first line is a lone token after a footer */
	F_LONE_LAST,		/* the line before is one, after a footer */
	F_JUNCTION,		/* bottom furniture just before, top just after */
	F_STYLE,		/* the layout of the lines before and after differs */
	F_X_NEAR,		/* log(1 + links up to LINK_NEAR spanning the gap) */
	F_X_FAR,		/* ... up to LINK_FAR */
	F_X_RARE,		/* ... of rare words */
	F_X_TINY,		/* ... up to LINK_TINY */
	F_NEW_AFTER,		/* share of new words in the NEW_LINES from i */
	F_NEW_BEFORE,		/* ... in the NEW_LINES before i */
	F_FIRST_BACK,		/* log(1 + near links from line i back) */
	F_FIRST_FWD,		/* ... from line i on */
	F_LAST_BACK,		/* ... from line i - 1 back */
	F_LAST_FWD,		/* ... from line i - 1 on */
	F_BIAS,			/* 1 */
	F_SCRIPT,		/* CJK on one side of the gap, Latin on the other */
	F_SCRIPT_NB,		/* ... of the non-blank lines either side */
	F_INDENT,		/* the indent changes across the gap */
	F_LIST_START,		/* a list item right after text that is not one */
	F_AFTER_EMPTY,		/* line i - 1 is empty (w3m's block gap, or
				 * the empty line a file ends in) */
	/* The roles (pagerole.h, log-odds) of the lines about the gap. */
	F_ROLE_FOOT_LAST,	/* the line before is of a page's foot */
	F_ROLE_FOOT_BEFORE,	/* ... the last ROLE_LINES, on average */
	F_ROLE_HEAD_FIRST,	/* the first line is of a page's head */
	F_ROLE_HEAD_AFTER,	/* ... the first ROLE_LINES, on average */
	F_ROLE_HEAD_LAST,	/* the line before is of a head: i is inside it */
	F_ROLE_FOOT_FIRST,	/* the first line is of a foot: i is inside it */
	F_ROLE_TURN,		/* a foot before and a head after, both > 0 */
	/* Pairs of lines met before in the stream (recur.h; feat_recur()). */
	F_REC_SEEN,		/* the line before and line i were */
	F_REC_HEAD,		/* not: log(1 + pairs met before in a row from i) */
	F_REC_FOOT,		/* not: ... up to the line before */
	F_REC_NEAR_HEAD,	/* not: log(1 + near pairs, met again within
				 * RECUR_NEAR lines, in a row from i) */
	F_REC_NEAR_FOOT,	/* not: ... up to the line before */
	F_ATTR,			/* NATTRS attributes of lines i - 1, i, the non-blank
				 * lines either side, i - 2 and i + 1: see at[] */
	F_ATTR_END = F_ATTR + 6 * NATTRS - 1,
	F_NFEATURES
};

/*
 * The stages in which the features of a line are computed, in order: the
 * page's edges first (the lines either side, their furniture and layout,
 * the links across the gap, the roles of the lines next to it), then what
 * costs more for what it tells.  After each the decoder may stop, once
 * what the features still to come can add cannot bring the line to the
 * threshold (decoder.c, score_line(); pagemodel.h, pm_init()).
 */
enum {
	FS_EDGE,		/* feat_first() */
	FS_ROLES,		/* the mean roles either side */
	FS_STYLE,		/* F_STYLE */
	FS_WORDS,		/* the new words, the links at lines i - 1, i */
	FS_NSTAGES
};

/*
 * What is known of feature k before it is computed: feat_info[k].stage
 * is 1 + the stage that sets it, 0 for a feature set elsewhere (the
 * decoder's, after the stages); [lo, hi] holds every value it can take
 * when bounded is 1 (by its definition, not by the pages seen).  A
 * feature not listed (stage 0, unbounded) is weighed only at the end and
 * keeps every line from being skipped: correct, and slow until listed.
 */
struct feat_info {
	unsigned char stage, bounded;
	double lo, hi;
};
extern const struct feat_info feat_info[F_NFEATURES];

/* The non-blank lines on one side of a candidate (pagefeatures.c). */
struct feat_side {
	size_t at[NEAR + 2], n;
	uint64_t fur;
};

/*
 * The sides of the line whose features were computed last, kept for a
 * line a few after it (feat_first()): the lines of a side move on, and
 * it gains lines only at its near end (P) or its far end (N).  of is 1 +
 * the window index of that line, 0 for none (a stream began, the
 * window's lines moved: window.c); N may gain lines from line more on.
 */
struct feat_sides {
	size_t of, more;
	struct feat_side P, N;	/* the lines before it and those from it on */
};

/* A line's features between stages. */
struct feat_ctx {
	const struct pline *L, *first, *last;
	size_t n, i;
	const struct feat_side *P, *N;	/* the lines before i and from i on */
	struct feat_sides own;	/* the sides, when none are kept */
};

/*
 * Stage FS_EDGE of line L[i] of the window's lines L[0..n), 0 < i < n,
 * with L[i].cross[] set (decoder.h): into c, and the features of the
 * stage into f; and in at[] the ATTR_AT lines whose attributes the model
 * weighs: L[i - 1], L[i], the nearest non-blank line before i and from
 * i, L[i - 2] and L[i + 1] (NULL where there is none); not the F_REC_*
 * (feat_recur()).  Returns 0, f and at[] unset, when there is no line but blank ones within CONTEXT before
 * i or from i on.  keep (or NULL) holds the sides of a line before i in
 * the same lines (with n as many or fewer), and then line i's: the
 * lines are the same either way, and found in fewer steps.
 */
int feat_first(struct feat_ctx *c, double f[F_NFEATURES],
    const struct pline *at[ATTR_AT], const struct pline *L, size_t n, size_t i,
    struct feat_sides *keep);

/* The features of stage (after FS_EDGE) of the line of c into f. */
void feat_next(struct feat_ctx *c, double f[F_NFEATURES], int stage);

/*
 * All the stages: the features f[0..F_ATTR) of line L[i] and at[], as
 * feat_first() says.  With all, every other f[k] too (F_ATTR on: the
 * attribute bits of at[], else 0), for fitting.
 */
int feat_line(double f[F_NFEATURES], const struct pline *at[ATTR_AT],
    const struct pline *L, size_t n, size_t i, int all);

/*
 * The F_REC_* features of line L[i] from the pairs met (pline.rseen,
 * pline.rback; recur.h) of the lines L[0..known), which follow it: its pair
 * with the non-blank line before was met before in the stream; or else
 * log(1 + the pairs met before in a row from it), RECUR_RUN at most, and
 * log(1 + those in a row up to the line before); and the same two runs of
 * near pairs (pline.rnear).  A page's first line ends one site's run of
 * chrome and begins another's; a run of near pairs is more likely a page
 * repeating its own block.
 */
void feat_recur(double f[F_NFEATURES], const struct pline *L, size_t known,
    size_t i);

#endif
