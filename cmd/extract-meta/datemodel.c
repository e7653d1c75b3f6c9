/*
 * datemodel.c - the features of a published-date candidate and its score
 * under the fitted weights (datemodel_gen.c, made by scripts/gen-datemodel.py
 * from what a -DMETA_TUNE build prints of them, so the program and the
 * model agree).  The features are computed for the page's date candidates
 * only, never per line: a page has few.
 */
#include <math.h>
#include <stdlib.h>

#include "datemodel.h"
#include "datemodel_gen.h"
#include "fitmodel.h"
#include "titlemodel.h"

#define DF_NAME(n) #n,
const char *const date_feature_names[DF_N] = { DATE_FEATURES(DF_NAME) };
#undef DF_NAME

/* Candidates the same-day count compares with: a page's first ones. */
#define SAME_DAY_WINDOW 256

/* Is line li the title (m->title), blanks aside? */
static int
is_title_line(const struct page *pg, long li)
{
	return li >= 0 && lines_equal_nospace(pg->n + pg->ln[li].noff, pg->ln[li].nlen,
	    pg->m->title.data, pg->m->title.len);
}

/*
 * Is line li in the head of the article: right under a repeat of the title,
 * or under the title and one byline between them (an author or an
 * organisation: short, undated, not a sentence)?  A document's head reads
 * title / byline / date; a date there is the article's own, where a site's
 * posting stamp elsewhere on the page only says when it was copied.
 */
int
date_under_title(const struct page *pg, size_t li)
{
	const struct line *l = &pg->ln[li], *b;
	long p = prev_nonblank(pg, (long)li);

	if (p < 0)
		return 0;
	if (is_title_line(pg, p))
		return 1;
	b = &pg->ln[p];
	if (l->nvis > 40 || b->nvis > 30 || (b->bits & LB_DATE) ||
	    find_bytes(pg->n + b->noff, b->nlen, "。", 3))
		return 0;
	return is_title_line(pg, prev_nonblank(pg, p));
}

int
mdate_same_day(const struct mdate *a, const struct mdate *b)
{
	return a->prec >= DP_DAY && b->prec >= DP_DAY && a->year == b->year &&
	    a->month == b->month && a->day == b->day;
}

int
date_in_comments(const struct page *pg, size_t li)
{
	return pg->comments_line >= 0 && (long)li > pg->comments_line;
}

int
date_eligible(const struct dcand *c)
{
	return c->kind != LK_CRAWLED && c->kind != LK_MODIFIED && c->kind != LK_STOP;
}

int
date_weighed(const struct dcand *c)
{
	return c->kind != LK_CRAWLED && c->kind != LK_STOP;
}

/* A full date's day as one number, or 0 for a date without year or day. */
static long
day_key(const struct mdate *d)
{
	return d->year && d->prec >= DP_DAY ? d->year * 10000L + d->month * 100L + d->day : 0;
}

int
head_published_date(const struct page *pg, struct mdate *d)
{
	const struct meta_str *p = &pg->head->published;

	return p->n && mdate_parse(p->s, p->n, d) == 0 && d->prec >= DP_DAY;
}

/*
 * Does the page deny the head's date?  A byline, a meta line (来源/作者)
 * or a labelled published date that gives another day: what the reader
 * sees under the headline wins over the markup.
 */
static int
head_contradicted(const struct page *pg, const struct mdate *hd)
{
	size_t i;

	for (i = 0; i < pg->ndc; i++) {
		const struct dcand *c = &pg->dc[i];

		if (date_eligible(c) && (c->kind == LK_PUBLISHED ||
		    (pg->ln[c->line].bits & (LB_BYLINE | LB_META))) && !mdate_same_day(&c->d, hd))
			return 1;
	}
	return 0;
}

/* The hand rules' pick: the best score, those under the title counting more. */
static long
rule_pick(const struct page *pg, long title_line)
{
	long best = -1;
	double bs = 0;
	size_t i;

	for (i = 0; i < pg->ndc; i++) {
		const struct dcand *c = &pg->dc[i];
		double s = c->score;

		if (!date_eligible(c))
			continue;
		if (title_line >= 0 && c->kind == LK_NONE && date_under_title(pg, c->line))
			s += 4;
		if (best < 0 || s > bs) {
			best = (long)i;
			bs = s;
		}
	}
	return best >= 0 && bs > -2 ? best : -1;
}

void
date_page_facts(const struct page *pg, long title_line, struct date_page *dp)
{
	const struct title_facts *tf = pg->tf;
	int years[130] = { 0 };
	long ny = 0, half = 0;
	size_t i;

	dp->body_nb = tf->body_start;
	dp->title_nb = title_line >= 0 && tf->nb[title_line] >= 0 ? tf->nb[title_line] :
	    dp->body_nb;
	dp->has_title = title_line >= 0;
	dp->rule_pick = rule_pick(pg, title_line);
	dp->latest = 0;
	dp->seen_after = 0;
	for (i = 0; i < pg->ndc; i++) {
		const struct mdate *d = &pg->dc[i].d;

		if (!date_eligible(&pg->dc[i]))
			continue;
		if (day_key(d) > dp->latest)
			dp->latest = day_key(d);
		if (d->year >= 1970 && d->year < 2100) {
			years[d->year - 1970]++;
			ny++;
		}
	}
	dp->median_year = 0;
	for (i = 0; ny && i < 130; i++)
		if ((half += years[i]) * 2 > ny) {
			dp->median_year = 1970 + (int)i;
			break;
		}
	dp->head = head_published_date(pg, &dp->hd);
	dp->contradicted = dp->head && head_contradicted(pg, &dp->hd);
}

/* How many other candidates (among the first ones) fall on c's day. */
static int
same_day_count(const struct page *pg, size_t i)
{
	size_t k, n = pg->ndc < SAME_DAY_WINDOW ? pg->ndc : SAME_DAY_WINDOW;
	int count = 0;

	for (k = 0; k < n && count < 4; k++)
		if (k != i && date_eligible(&pg->dc[k]) && mdate_same_day(&pg->dc[k].d, &pg->dc[i].d))
			count++;
	return count;
}

/* Other candidates on c's own line (candidates come in page order). */
static int
dates_on_line(const struct page *pg, size_t i)
{
	size_t line = pg->dc[i].line, k;
	int count = 0;

	for (k = i; k > 0 && pg->dc[k - 1].line == line; k--)
		count++;
	for (k = i + 1; k < pg->ndc && pg->dc[k].line == line; k++)
		count++;
	return count < 3 ? count : 3;
}

/* Is a line within two nonblank lines of li (li too) a byline? */
static int
byline_near(const struct page *pg, long li)
{
	long a = li, b = li;
	int k;

	if (pg->ln[li].bits & LB_BYLINE)
		return 1;
	for (k = 0; k < 2; k++) {
		if (a >= 0 && (a = prev_nonblank(pg, a)) >= 0 && (pg->ln[a].bits & LB_BYLINE))
			return 1;
		if (b >= 0 && (b = next_nonblank(pg, b)) >= 0 && (pg->ln[b].bits & LB_BYLINE))
			return 1;
	}
	return 0;
}

/* What surrounds the date's line: lists of dated lines, a related-list heading above. */
static void
surroundings(const struct page *pg, long li, double *x)
{
	int near = 0;
	long j;

	for (j = li - 3; j <= li + 3; j++)
		if (j >= 0 && (size_t)j < pg->nl && j != li && (pg->ln[j].bits & LB_DATE))
			near++;
	x[DF_list_near] = near >= 2;
	for (j = li - 1; j >= 0 && j >= li - 15; j--)
		if ((pg->ln[j].bits & LB_END) && !(pg->ln[j].bits & LB_LABEL)) {
			x[DF_under_related] = 1;
			break;
		}
}

/*
 * Does line li end as a comment's head does, "NAME says:"?  The word
 * WordPress and its translations put after a commenter's name (sagt, dit,
 * dice, zegt, disse, diz, pisze), the date of the comment under it.
 */
static int
says_line(const struct page *pg, long li)
{
	static const char *const w[] = { " says:", " sagt:", " dit :", " dit:", " dice:",
		" zegt:", " disse:", " diz:", " pisze:" };
	const struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t e = l->nlen;

	/* (A no-break space at the end folds to a blank the trim left.) */
	while (e > 0 && s[e - 1] == ' ')
		e--;
	return l->nvis <= 80 && ends_with_any(s, e, w, sizeof(w) / sizeof(w[0]));
}

/* Is the date's line li, or the nonblank line above it, a comment's head? */
static int
said_above(const struct page *pg, long li)
{
	long p = prev_nonblank(pg, li);

	return says_line(pg, li) || (p >= 0 && says_line(pg, p));
}

/* Where the date stands: against the title, the body and its own line. */
static void
place_features(const struct page *pg, struct date_page *dp, const struct dcand *c, double *x)
{
	const struct title_facts *tf = pg->tf;
	const struct line *l = &pg->ln[c->line];
	long k = tf->nb[c->line], d = k - dp->title_nb;
	size_t j;

	x[DF_after_title] = d >= 0;
	x[DF_near_title] = d >= 0 && d <= 6;
	x[DF_title_dist] = (double)(d < -30 ? -30 : d > 30 ? 30 : d) / 30.0;
	x[DF_title_dist_log] = log1p((double)labs(d));
	if (d >= 0) {
		x[DF_rank_after] = (double)(dp->seen_after < 5 ? dp->seen_after : 5) / 5.0;
		x[DF_first_after] = dp->seen_after == 0;
		dp->seen_after++;
	} else
		x[DF_rank_after] = 1;
	x[DF_in_byline] = (l->bits & LB_BYLINE) != 0;
	x[DF_by_near] = byline_near(pg, (long)c->line);
	x[DF_meta_line] = (l->bits & LB_META) != 0;
	x[DF_in_prose] = tf->prose[c->line];
	x[DF_before_body] = k < dp->body_nb;
	x[DF_rel_pos] = tf->nnb ? (double)k / (double)tf->nnb : 0;
	x[DF_line_log_vis] = log1p((double)l->nvis);
	x[DF_date_share] = l->nlen ? (double)(c->end - c->start) / (double)l->nlen : 0;
	x[DF_whole_line] = c->start == 0 && c->end == l->nlen;
	x[DF_bullet] = (l->bits & LB_BULLET) != 0;
	x[DF_in_sentence] = l->nvis > 50 && find_bytes(pg->n + l->noff, l->nlen, "。", 3);
	for (j = c->start; j < c->end; j++) {
		char ch = pg->n[l->noff + j];

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
			x[DF_named_month] = 1;
			break;
		}
	}
	surroundings(pg, (long)c->line, x);
	x[DF_said_above] = said_above(pg, (long)c->line);
}

void
date_features(const struct page *pg, struct date_page *dp, long i, double *x)
{
	const struct dcand *c;
	const struct mdate *d;
	int k;

	for (k = 0; k < DF_N; k++)
		x[k] = 0;
	if (i < 0) {
		x[DF_none] = 1;
		x[DF_none_head] = dp->head;
		x[DF_h_has_pub] = dp->head;
		return;
	}
	c = &pg->dc[i];
	d = &c->d;
	x[DF_rule_score] = (c->score < -20 ? -20 : c->score > 15 ? 15 : c->score) / 10.0;
	x[DF_rule_pick] = i == dp->rule_pick;
	x[DF_rule_good] = c->score > -2;
	x[DF_under_title] = dp->has_title && c->kind == LK_NONE &&
	    date_under_title(pg, c->line);
	place_features(pg, dp, c, x);
	x[DF_pub_label] = c->kind == LK_PUBLISHED;
	x[DF_mod_label] = c->kind == LK_MODIFIED;
	x[DF_prec_time] = d->prec >= DP_MINUTE;
	x[DF_prec_day] = d->prec == DP_DAY;
	x[DF_prec_vague] = d->prec <= DP_MONTH;
	x[DF_relative] = (d->flags & MF_RELATIVE) != 0;
	x[DF_year_inferred] = (d->flags & MF_YEAR_INFERRED) != 0;
	x[DF_is_latest] = day_key(d) && day_key(d) == dp->latest;
	k = d->year && dp->median_year ? abs(d->year - dp->median_year) : 5;
	x[DF_year_off] = (k < 5 ? k : 5) / 5.0;
	x[DF_same_day] = same_day_count(pg, (size_t)i) / 4.0;
	x[DF_n_dates_line] = dates_on_line(pg, (size_t)i);
	x[DF_h_has_pub] = dp->head;
	if (dp->head && mdate_same_day(d, &dp->hd)) {
		x[DF_h_pub_day] = !dp->contradicted;
		x[DF_h_contradicted] = dp->contradicted;
		x[DF_h_pub_time] = !dp->contradicted && d->prec >= DP_MINUTE &&
		    dp->hd.prec >= DP_MINUTE && d->hour == dp->hd.hour && d->min == dp->hd.min;
	}
}

double
date_model_score(const double *x, int zh)
{
	return fitmodel_score(date_model_weights[zh != 0], x, DF_N);
}
