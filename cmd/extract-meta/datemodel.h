/*
 * datemodel.h - the fitted published-date chooser: the features of a date
 * candidate, as the C code computes them and scripts/gen-datemodel.py fits
 * them (a build with -DMETA_TUNE prints them), and the score of a
 * candidate under the generated weights (datemodel_gen.c).  Private to
 * cmd/extract-meta.
 */
#ifndef DATEMODEL_H
#define DATEMODEL_H

#include "page.h"

/*
 * The features, in the order of the weights.  rule_* are the hand rules'
 * view (dates.c's score_dates: label, precision, lists, comment threads,
 * the site's clock); the rest place the date against the chosen title
 * and the body, against the page's other dates, and against the head's;
 * said_above is a comment's "NAME says:" line over the date, mod_label a
 * date labelled as the update ("Updated May 06, 2019": a page that shows
 * no other shows its date there).  The last two belong to the page's "none" candidate (no date shown).
 */
#define DATE_FEATURES(X) \
	X(rule_score) X(rule_pick) X(rule_good) X(under_title) \
	X(after_title) X(near_title) X(title_dist) X(title_dist_log) \
	X(rank_after) X(first_after) X(pub_label) X(prec_time) X(prec_day) \
	X(prec_vague) X(relative) X(year_inferred) \
	X(is_latest) X(year_off) X(same_day) X(in_byline) X(by_near) \
	X(meta_line) X(in_prose) X(before_body) X(rel_pos) X(line_log_vis) \
	X(date_share) X(n_dates_line) X(whole_line) X(named_month) \
	X(list_near) X(bullet) X(under_related) X(in_sentence) \
	X(h_has_pub) X(h_pub_day) X(h_pub_time) X(h_contradicted) \
	X(said_above) X(mod_label) \
	X(none) X(none_head)

#define DF_ENUM(n) DF_##n,
enum date_feature { DATE_FEATURES(DF_ENUM) DF_N };
#undef DF_ENUM

extern const char *const date_feature_names[DF_N];

/* What the page says of all its dates, once per page for every candidate. */
struct date_page {
	long title_nb;		/* nonblank index dates are placed from: the title's, else the body's */
	long body_nb;		/* nonblank index of the body's first paragraph */
	long rule_pick;		/* the hand rules' pick (pg->dc index), -1 none */
	long latest;		/* year*10000+month*100+day of the latest full date */
	int median_year;	/* of the dated candidates, 0 if none */
	int head;		/* the head gives a published day (hd) */
	int contradicted;	/* ... which a byline or labelled date on the page denies */
	struct mdate hd;	/* the head's published date */
	int has_title;		/* a title line was chosen */
	long seen_after;	/* candidates at or after the title so far (date_features) */
};

/*
 * Is line li right under the title's repeat (the article's head)?  Both
 * choosers ask: dates.c's hand rules and the features here.  (Defined here,
 * not in dates.c, so the model never calls back into the chooser that
 * uses it.)
 */
int date_under_title(const struct page *pg, size_t li);
/* The head's published date into *d: 1 if it reads as a day at least, else 0. */
int head_published_date(const struct page *pg, struct mdate *d);

/*
 * May candidate c be the published date at all (not a modified or crawl
 * date, nor one a label gives to another thing: LK_STOP)?
 */
int date_eligible(const struct dcand *c);
/*
 * Does the fitted chooser weigh c?  Every date but a crawl's: a page that
 * shows only "Updated May 06, 2019" shows its date there (mod_label).
 */
int date_weighed(const struct dcand *c);
/*
 * Fill *dp for pg's date candidates, whose score is the hand rules' (dates.c);
 * title_line is the chosen title's line or -1.
 */
void date_page_facts(const struct page *pg, long title_line, struct date_page *dp);
/*
 * The features of eligible candidate i into x[DF_N]; call in page order
 * (rank_after counts).  i == -1: the page's "none" candidate.
 */
void date_features(const struct page *pg, struct date_page *dp, long i, double *x);
/*
 * Is line li in an English comment thread (under "6 thoughts on “TITLE”")?
 * Its dates are the readers', never the page's.
 */
int date_in_comments(const struct page *pg, size_t li);
/* The fitted score of x for a page in (zh) Chinese or not. */
double date_model_score(const double *x, int zh);
/* Do a and b fall on the same day? */
int mdate_same_day(const struct mdate *a, const struct mdate *b);

#endif
