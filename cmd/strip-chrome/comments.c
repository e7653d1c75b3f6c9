/*
 * comments.c - the readers' comments under an article, for
 * --keep-comments.  The body ends where they begin (classify.c); this
 * finds them after it: a heading of the comment section ("6 thoughts on
 * …", "Leave a Reply", "网友评论", "Comments") or the head of a first
 * comment (a name and a time), then the comments themselves, the stretch
 * from there in which their text outweighs most what is not theirs; of
 * several such openings, the one whose stretch outweighs most.
 */
#include "line.h"

/* May the unit open the comment section: its heading, or a first head? */
static int
opens_comments(const struct line *l)
{
	if (l->label == L_END && l->chead)
		return 1;
	return l->weight > 0 && l->weight < 24 && l->ends_sentence != 1 &&
	    (l->kw & (KW_COMMENTS | KW_CLOSE)) != 0 &&
	    l->label != L_PROSE && l->label != L_META;
}

/*
 * What a unit adds to the comment section: a comment's text its weight;
 * names, dates and the heads of comments little; longer lines that are no
 * sentence (teasers after the section), the widgets of each comment
 * ("Reply", repeated on every one) and chrome cost; another
 * end-of-article heading, a copyright line or a link farm close it.
 */
static long
comment_score(const struct line *l, long gap)
{
	long w = l->weight;

	if (l->label == L_SPAM || (l->label == L_CHROME &&
	    (l->kw & (KW_FOOTER | KW_NOTICE))))
		return -100000;
	if (l->copies >= 3 && w < 12 && l->label != L_PROSE)
		return -1;	/* a widget of every comment: "Reply", "举报" */
	switch (l->label) {
	case L_BLANK:
		return 0;
	case L_PROSE:
		return w > 400 ? 400 : w;
	case L_SHORT:
	case L_LIST:
	case L_META:
	case L_MEDIA:
	case L_REPEAT:
		return w < 12 ? -1 : -gap;	/* a name; a teaser */
	case L_END:
		if (l->chead || (l->kw & KW_COMMENTS))
			return 0;
		return -100000;
	default:
		return -gap;
	}
}

/* Is the unit inside the comment section a comment's, not a widget's? */
static int
comment_text(const struct line *l)
{
	/* A heading: "1 comment", "Leave a Reply", "全部评论 23条"; not
	   "Thanks for your comment. 🙂". */
	if (opens_comments(l) && !l->chead && (l->label == L_END ||
	    l->label == L_CHROME || l->words + l->han / 2 <= 3))
		return 0;
	switch (l->label) {
	case L_PROSE:
	case L_SHORT:
	case L_LIST:
	case L_META:
	case L_REPEAT:
		return !(l->copies >= 3 && l->weight < 12);
	case L_END:
		return l->chead;
	default:
		return 0;
	}
}

/*
 * The end of the section that v[start] opens: where the sum of the scores
 * from start is greatest, *sum that sum.  A wall ends the search.
 */
static size_t
section_end(const struct line *v, size_t nl, size_t start, long gap,
    long *sum)
{
	size_t i, end = start;
	long s = 0;

	*sum = 0;
	for (i = start; i < nl && s > -10000; i++) {
		s += comment_score(&v[i], gap);
		if (s > *sum) {
			*sum = s;
			end = i + 1;
		}
	}
	return end;
}

/* Openings tried: a sidebar's "最新评论" may come before the real one. */
#define OPENINGS_MAX 16

size_t
mark_comments(struct line *v, size_t nl, size_t from, long gap)
{
	size_t i, start = nl, end = nl, tried = 0, marked = 0;
	long best = 0, sum;

	for (i = from; i < nl && tried < OPENINGS_MAX; i++) {
		size_t e;

		if (!opens_comments(&v[i]))
			continue;
		tried++;
		e = section_end(v, nl, i, gap, &sum);
		if (sum > best) {
			best = sum;
			start = i;
			end = e;
		}
	}
	for (i = start; i < end; i++)
		if (!v[i].keep && !v[i].other_col && v[i].n > 0 &&
		    comment_text(&v[i])) {
			v[i].comment = 1;
			marked++;
		}
	return marked;
}
