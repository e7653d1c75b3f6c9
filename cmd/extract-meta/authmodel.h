/*
 * authmodel.h - the fitted authors chooser of pages not in Chinese: the
 * name lists a byline can give (read by the byline grammar of the
 * languages in Latin and Cyrillic script, near the title), their features
 * as the C code computes them and scripts/gen-authmodel.py fits them (a
 * build with -DMETA_TUNE prints them), and their score under the
 * generated weights (authmodel_gen.c).  Private to cmd/extract-meta.
 */
#ifndef AUTHMODEL_H
#define AUTHMODEL_H

#include "page.h"

/*
 * The features, in the order of the weights.  rule_list marks the hand
 * rules' list (people.c) as a candidate of its own, rule_match a read
 * list equal to it; h_ld_list and h_meta_list the head's lists (JSON-LD's,
 * article:author's or <meta name=author>'s), h_match a list sharing names
 * with them; none the page's "none" candidate (no authors).  segment: read
 * from a part of a line between bars or bullets; in_title: a name the
 * title holds; lead_name, lead_words: the share of the names, and of their
 * words, that the body's first paragraphs hold (the people an article is
 * about are named there; its author seldom is).
 */
#define AUTH_FEATURES(X) \
	X(rule_list) X(rule_match) X(none) X(var_droplast) X(var_cut2) X(var_cut3) \
	X(kw) X(kw_by) X(kw_other) X(kw_at_start) X(bare) X(after_title) \
	X(title_dist_log) X(title_dist) X(before_body) X(date_here) X(date_near) \
	X(n_names) X(toks_per_name) X(one_token) X(allcaps) X(line_log_vis) \
	X(name_share) X(in_prose) X(role) X(credit) X(repeat) X(dup_cand) \
	X(tail_repeat) X(byline_line) X(meta_line) X(h_ld_list) X(h_meta_list) \
	X(h_has) X(h_match) X(org) X(slash_after) X(segment) X(in_title) X(lead_name) \
	X(lead_words) X(date_window) X(kw_line_before)

#define AF_ENUM(n) AF_##n,
enum auth_feature { AUTH_FEATURES(AF_ENUM) AF_N };
#undef AF_ENUM

extern const char *const auth_feature_names[AF_N];

/* Names a candidate holds at most. */
#define ACAND_NAMES 8

/* Where a candidate list comes from. */
enum acand_from { AC_READ, AC_RULES, AC_HEAD_LD, AC_HEAD_META };

/* A candidate list of authors: spans of pg->n, or a list made elsewhere. */
struct acand {
	enum acand_from from;
	const struct meta_list *list;	/* the names of a list not read here */
	long line;		/* its line, -1 for a list not read here */
	size_t at;		/* where its keyword (or the line) starts */
	int kw;			/* 0 a bare line, 1 "by" and its kin, 2 another keyword */
	int variant;		/* 0 as read, 1 without its last item, 2 and 3 cut to words */
	size_t whole;		/* variants 2 and 3: the length of the name they cut */
	int slash;		/* a '/' ends the names: "Amy K. Dragoo/AIMMEDIA", a credit */
	int segment;		/* read from a part of a line between bars or bullets */
	int date_window;	/* read near the date's line, outside the title's window */
	int kw_before;		/* its keyword stands alone on the line before */
	size_t nn;
	size_t off[ACAND_NAMES], len[ACAND_NAMES];	/* in pg->n */
};

/* Candidates a page's lines give at most (the rules' and the head's lists come on top). */
#define ACANDS 48

/*
 * Read the candidate lists of the lines near the title (title_line, or the
 * body's start when -1) and near the published date's line date_line (-1:
 * none) into c[0..ACANDS); returns how many.
 */
size_t auth_candidates(const struct page *pg, long title_line, long date_line,
    struct acand *c);
/*
 * The features of c[i] of the n candidates into x[AF_N]; i == n: the
 * page's "none" candidate.
 */
void auth_features(const struct page *pg, long title_line, const struct acand *c,
    size_t n, size_t i, double *x);
/*
 * The candidate to write for the chosen c[best]: a list the page itself
 * spells the same way but for case ("Terry Pluto" for the head's "terry
 * pluto"), else best.
 */
size_t auth_visible(const struct page *pg, const struct acand *c, size_t n, size_t best);
/* The fitted score of x. */
double auth_model_score(const double *x);

#endif
