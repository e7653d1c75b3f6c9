/*
 * titlemodel.h - the fitted title chooser: the features of a title
 * candidate, as the C code computes them and scripts/gen-metamodel.py
 * fits them (a build with -DMETA_TUNE prints them), and the score of a
 * candidate under the generated weights (titlemodel_gen.c).  Private to
 * cmd/extract-meta.
 */
#ifndef TITLEMODEL_H
#define TITLEMODEL_H

#include <stddef.h>
#include <stdint.h>

#include "page.h"
#include "titlefacts.h"

/*
 * The features, in the order of the weights: each is a number computed
 * by title_features(); the generator reads the names from the
 * dump's header and the generated table repeats them, which a unit test
 * compares.
 */
#define TITLE_FEATURES(X) \
	X(rule_pick) X(rule_label) X(rule_byline) X(rule_comments) X(rule_date) \
	X(rule_forum) X(rule_repeated) X(rule_first) X(rule_body) X(title_like) \
	X(rel_pos) X(log_k) X(before_body) X(body_dist) X(body_dist_log) \
	X(is_prose) X(next_prose_log) X(date_below) X(date_above) X(date_below_le3) \
	X(by_below) X(by_above) X(by_below_le3) X(has_date) X(is_label) X(is_crumb) \
	X(is_bullet) X(log_vis) X(short3) X(long_line) X(end_period) X(end_q) \
	X(end_colon) X(has_colon) X(pipe) X(sep_count) X(digit_share) X(han_share) \
	X(cap_share) X(lower_share) X(allcaps) X(url) X(repeat) X(seen_before) \
	X(dup_near) X(lead_overlap) X(p_log_vis) X(p_prose) X(p_date) X(p_none) \
	X(p_longer) X(n_log_vis) X(n_prose) X(n_date) X(n_none) X(n_longer) \
	X(prev_blank) X(next_blank) X(h_eq_title) X(h_cut) X(h_prefix) X(h_in) \
	X(h_eq_og) X(h_site) X(h_eq_ld) X(h_any) X(is_byline) X(date_short) \
	X(log_words) X(n_sentences) X(bracket) X(long_token) X(prose_above10) \
	X(is_cell) X(marker) X(p_short3) X(p_end_period) X(p_byline) X(p_cap_share) \
	X(n_short3) X(n_end_period) X(n_byline) X(n_cap_share) X(h_jacc) \
	X(site_cut) X(site_tail) X(icon) X(end_above) X(by_word) \
	X(crumbs) X(commas) X(credit) X(p_credit) X(n_credit) X(heads_near) \
	X(heads_above) X(head_len_ratio) X(part_tail) X(part_head) X(holds_tail) \
	X(holds_head) X(h_far)

#define TF_ENUM(n) TF_##n,
enum title_feature { TITLE_FEATURES(TF_ENUM) TF_N };
#undef TF_ENUM

extern const char *const title_feature_names[TF_N];

/* The rules of title.c that can propose a candidate (rule_* features). */
enum title_rule {
	TR_LABEL,		/* 标题:X, 正在阅读:X */
	TR_OVER_BYLINE,		/* English: the heading over "By NAME" */
	TR_COMMENTS,		/* English: "6 thoughts on “TITLE”" */
	TR_OVER_DATE,		/* the heading over the date block */
	TR_OVER_LABELS,		/* the heading over a 来源:/作者: line */
	TR_FORUM_ROW,		/* a cell of the date's own row */
	TR_REPEATED,		/* a heading the page repeats */
	TR_FIRST_LINE,		/* the page's first line, on a Chinese page */
	TR_OVER_BODY,		/* the heading over the first paragraph */
	TR_NRULES,
	TR_NONE = TR_NRULES	/* a line no rule proposed */
};

/* A candidate title. */
struct tcand {
	long line;		/* its line, the evidence */
	size_t off, len;	/* in the folded text */
	size_t joff, jlen;	/* the rest of a title wrapped onto the next line, or 0 */
	enum title_rule rule;	/* what proposed it */
	int title_like;		/* title.c's heading shape test passed on its line */
	int is_cell;		/* the part of its line that test kept, not the line */
	int whole;		/* its text is its line less the marker */
	int marker;		/* its line less a bullet or list number before it */
	int site_cut;		/* a site's name after it cut off */
	int site_tail;		/* a site's name after it kept */
	int vis;		/* its text's characters (title_features_shape() sets it) */
	double score;
};

/* Make room for pg's lines and forget the page before's title_like() results. */
void title_facts_begin(struct page *pg);
/*
 * Compute the page facts (nb, prose, hashes, body start, head keys, the
 * lines' distances) for the candidates of the window and the line of the
 * rules' pick, rule_line (-1 for none).
 */
void title_page_facts(struct page *pg, const struct meta_head *head, long rule_line);
/* The features of candidate c into x[TF_N]. */
void title_features(const struct page *pg, const struct tcand *c, double *x);
/*
 * title_features() in four steps, so that a candidate the chooser turns
 * away by its place and the head (title.c's weigh()) is spared counting
 * its text, one turned away by its text's shape the rest, and one that
 * cannot win its words: first x zeroed and the rule, place and head
 * features set; then its text's shape (and c->vis); then what the page's
 * tables tell without reading more text (the headings near it, its
 * repeats, where its neighbours stand); then the words of its line and
 * its neighbours', the lead's overlap and its parts.
 * title_bound() is the most the candidate can score, given the features
 * of the first three steps: its score so far (summed in any order, to
 * some 1e-13) and the most its words can add, every one of them in [0, 1].
 */
void title_features_place(const struct page *pg, const struct tcand *c, double *x);
void title_features_shape(const struct page *pg, struct tcand *c, double *x);
void title_features_near(const struct page *pg, const struct tcand *c, double *x);
void title_features_words(const struct page *pg, const struct tcand *c, double *x);
double title_bound(const struct page *pg, const struct tcand *c, const double *x, int zh);
/* What title_bound() adds up for the words, from the weights of a page in (zh) Chinese or not. */
void title_bound_begin(struct title_facts *tf, int zh);
/* Has line li (less its marker) three words or Han characters at most? */
int title_line_short(const struct page *pg, size_t li);
/* The fitted score of x for a page in (zh) Chinese or not. */
double title_model_score(const double *x, int zh);
/* Free the facts' storage. */
void title_facts_free(struct title_facts *tf);

#endif
