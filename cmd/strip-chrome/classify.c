/*
 * classify.c - label every line of a page as body or chrome.
 *
 * 1. Split the page into units (units.c): its lines, or, for a page laid
 *    out as a table with a sidebar printed beside the text, the cells of
 *    its lines with the display column each starts at.
 * 2. Measure each unit (line.c): weight (Han characters, two per word),
 *    sentence and clause punctuation, bullets, separators, dates, keyword
 *    families of chrome, copies on the page and on earlier pages of the
 *    stream.
 * 3. Label it by itself, then in context: copies on the page and on
 *    earlier pages, hard-wrapped paragraphs, lists of teasers, the heads
 *    of a list of comments.
 * 4. Score, the cells of sidebar columns set aside: prose counts for the body by its weight, a short line with no
 *    sentence costs a little, chrome a lot, a heading that ends articles
 *    ("相关阅读") is a wall.  The body is the run of units with the
 *    greatest total, the densest run of prose; the title, navigation,
 *    related lists and footers fall outside it.  A page with hardly any
 *    prose (an agenda, a table) is judged by its lines of text instead.
 * 5. Inside the run, drop what is chrome however it sits: metadata lines,
 *    image placeholders, share prompts, editor credits.
 *
 * strip_page() is these steps as calls, one function each below.
 */
#include <stdlib.h>
#include <string.h>

#include "line.h"
#include "strip.h"
#include "utf8.h"
#include "winnow.h"

/*
 * What a line adds to the body run.  Prose adds its weight (capped, so that
 * one huge line cannot carry a run across walls); a short line costs --gap,
 * a list item twice that, chrome three times; metadata is cheap to cross
 * because it sits between title and body; an end-of-article heading is a
 * wall; a link farm ends everything.
 */
static long
line_score(const struct strip_opts *o, const struct line *l)
{
	long w = l->weight;

	switch (l->label) {
	case L_BLANK:
		return 0;
	case L_PROSE:
		if (w < (long)o->min_prose)
			return w / 2 + 1;
		return w > 400 ? 400 : w;
	case L_SHORT:
		/* A program's listing in a technical article is long and
		   holds no sentence, yet the article goes on under it. */
		return l->code == 2 ? -1 : -(long)o->gap;
	case L_LIST:
		return -2 * (long)o->gap;
	case L_MEDIA:
		return -1;
	case L_META:
		return -(long)o->gap;
	case L_REPEAT:
		/* A paragraph printed twice counts once, where the body
		   is: the other copy is a summary or a teaser. */
		if (l->copy == 2 && !l->seen)
			return w > 400 ? 400 : w;
		return -3 * (long)o->gap;
	case L_CHROME:
		/* A link to another story set into the article is
		   chrome the article goes on under. */
		return l->aside ? -(long)o->gap : -3 * (long)o->gap;
	case L_SPAM:
		return -1000;
	case L_END:
		/* The body rarely goes on past "related news": a wall that
		   only a body far longer than what follows can cross. */
		return -25 * (long)o->gap;
	}
	return 0;
}

/*
 * The score of a line on a page with little prose: lines of some weight
 * count half of it, navigation-sized lines and chrome cost.
 */
static long
listing_score(const struct strip_opts *o, const struct line *l)
{
	long w = l->weight;

	switch (l->label) {
	case L_BLANK:
		return 0;
	case L_PROSE:
	case L_SHORT:
	case L_LIST:
	case L_META:
		if (l->bullet || w < 3 || l->seps >= 2)
			return -(long)o->gap;
		return w / 2;
	default:
		return line_score(o, l);
	}
}

static const char *const label_name[] = {
	[L_BLANK] = "blank", [L_PROSE] = "prose", [L_SHORT] = "short",
	[L_LIST] = "list", [L_CHROME] = "chrome", [L_META] = "meta",
	[L_MEDIA] = "media", [L_REPEAT] = "repeat", [L_SPAM] = "spam",
	[L_END] = "end",
};

/* The maximum-sum run of lines lo..hi-1; returns its sum, sets *bs, *be. */
static long
best_run(const struct line *v, size_t lo, size_t hi, size_t *bs, size_t *be)
{
	long best = 0, cur = 0;
	size_t i, start = lo;

	*bs = *be = lo;
	for (i = lo; i < hi; i++) {
		if (cur <= 0) {
			cur = 0;
			start = i;
		}
		cur += v[i].score;
		if (cur > best) {
			best = cur;
			*bs = start;
			*be = i + 1;
		}
	}
	return best;
}

/*
 * A short line that is little more than a date or a time; not the head
 * of a post or a comment ("山风 发表于 2006-5-1 10:12"), whose text under
 * it is no teaser.
 */
static int
is_bare_date(const struct line *l)
{
	return l->label == L_META && l->has_date && l->han + 2 * l->words <= 8 &&
	    !l->chead;
}

/* Are a and b in one column, on neighbouring lines? */
static int
same_column(const struct line *a, const struct line *b)
{
	return a->col + 4 >= b->col && b->col + 4 >= a->col &&
	    (a->phys + 1 == b->phys || b->phys + 1 == a->phys);
}

/*
 * Is v[i] a long line cut off mid-sentence, standing alone?  A paragraph
 * hard-wrapped by a table goes on in the next line instead.
 */
static inline int
cut_off(const struct line *v, size_t nl, size_t i)
{
	return (v[i].label == L_PROSE || v[i].label == L_SHORT) &&
	    v[i].ends_sentence == 0 && v[i].last_word && v[i].weight >= 36 &&
	    (i + 1 >= nl || v[i + 1].n == 0) &&
	    (i == 0 || v[i - 1].n == 0 || v[i - 1].label != L_PROSE);
}

/*
 * A list of other articles shows each as a teaser: its first sentence or
 * two, cut off, with a date on the line next to it.  Body paragraphs do not
 * sit against a bare date line.
 */
static void
mark_teasers(struct line *v, size_t nl)
{
	size_t i, teasers = 0, cut = 0, end = 0;

	for (i = 0; i < nl; i++) {
		teasers += v[i].teaser && v[i].label == L_PROSE;
		cut += cut_off(v, nl, i);
	}
	if (cut < 2)		/* no section holds two: most pages */
		end = nl;
	for (i = 0; i < nl; i++) {
		/* A list of teasers lies in one section: count the lines
		   cut off from here to the next heading that ends an
		   article ("You may also like"), under which they are. */
		if (i == end) {
			cut = 0;
			for (end = i; end < nl && (end == i ||
			    v[end].label != L_END); end++)
				cut += cut_off(v, nl, end);
		}
		if (v[i].label != L_PROSE && v[i].label != L_SHORT)
			continue;
		/* Two or more paragraphs cut short with "...": a list of
		   teasers.  One alone may be all a paywall lets through. */
		if (v[i].teaser && teasers >= 2) {
			v[i].label = L_LIST;
			v[i].reason = "one of several teasers ending in ...";
			continue;
		}
		/* Likewise paragraphs cut off mid-sentence: several make a
		   list of teasers; one alone is a paragraph that lost its
		   full stop. */
		if (cut >= 2 && cut_off(v, nl, i)) {
			v[i].label = L_LIST;
			v[i].reason = "one of several teasers cut off mid-sentence";
			continue;
		}
		if ((i > 0 && is_bare_date(&v[i - 1]) &&
		    same_column(&v[i - 1], &v[i])) || (i + 1 < nl &&
		    is_bare_date(&v[i + 1]) && same_column(&v[i + 1], &v[i]))) {
			v[i].label = L_LIST;
			v[i].reason = "teaser next to a date";
		}
	}
}

/*
 * A picture's caption is a sentence or two and its credit closes it, on
 * the line below, naming the agency last: "Burning crop stubble … harming
 * air quality." then "Sakib Ali/Hindustan Times/Getty Images".  The line
 * above such a credit describes the picture, not the story.  (A credit
 * that opens with its label, "Image copyright Reuters", stands above the
 * picture instead, under the article's paragraph.)
 */
static void
mark_captions(struct line *v, size_t nl)
{
	size_t i, j;

	for (i = 1; i < nl; i++) {
		if (v[i].reason != reason_credit_below)
			continue;
		for (j = i - 1; j > 0 && v[j].label == L_BLANK; j--)
			;
		if (v[j].label == L_PROSE && v[j].sent <= 2 &&
		    !v[j].other_col) {
			v[j].label = L_MEDIA;
			v[j].reason = "the caption above a picture's credit";
		}
	}
}

/*
 * An open-addressed set of line indices + 1 sized to a page of nl units,
 * in *set, cleared: returns its mask.
 */
static size_t
clear_set(uint32_t **set, size_t *setcap, size_t nl)
{
	size_t k;

	for (k = 64; k < 2 * nl; k *= 2)
		;
	if (k > *setcap) {
		*set = xreallocarray(*set, k, sizeof **set);
		*setcap = k;
	}
	memset(*set, 0, k * sizeof **set);
	return k - 1;
}

/*
 * The slot of v[i]'s hash in t, the open-addressed set of the indices + 1
 * of the units before it (mask, from clear_set()): t[k] - 1 is the first
 * unit with the same hash, or t[k] is 0.
 */
static size_t
copy_slot(const struct line *v, size_t i, const uint32_t *t, size_t mask)
{
	size_t k;

	for (k = v[i].hash & mask; t[k] != 0; k = (k + 1) & mask)
		if (v[t[k] - 1].hash == v[i].hash)
			break;
	return k;
}

/*
 * Mark lines whose text occurs twice or more on the page: a headline shown
 * as a link and again as an image title, a list repeated in header and
 * footer; body paragraphs do not repeat.  The first copy gets dup 1, later
 * copies dup 2.  v[i] is a copy of the unit at t[k] - 1 (copy_slot()), or
 * if t[k] is 0 the first, which t then holds.
 */
static void
mark_copy(struct line *v, size_t i, uint32_t *t, size_t k)
{
	size_t f;

	if (t[k] == 0) {
		t[k] = (uint32_t)i + 1;
		v[i].copy = 1;
		v[i].copies = 1;
		v[i].first = i;
		return;
	}
	f = t[k] - 1;
	if (v[f].dup == 0)
		v[f].dup = 1;
	v[i].dup = 2;
	v[i].first = f;
	v[i].copy = ++v[f].copies;
}

/* Once the page is marked, every copy knows how many the page holds. */
static void
count_copies(struct line *v, size_t nl)
{
	size_t i;

	for (i = 0; i < nl; i++)
		if (v[i].n > 0)
			v[i].copies = v[v[i].first].copies;
}

static void
emit_line(struct buf *out, const struct line *l)
{
	buf_add(out, l->raw, l->rawlen);
	buf_addc(out, '\n');
}

/* A small set of character pairs, for how much two texts share. */
#define PAIR_BITS 4096

/*
 * The engine: its options, keyword set and repetition memory, and the
 * scratch space of a page, kept from page to page so that a stream of
 * pages costs no allocation once the largest has been seen.
 */
struct strip {
	struct strip_opts o;
	struct kwset *kw;
	struct repeat_mem *mem;	/* NULL: no repetition memory */
	struct units units;	/* of the page */
	uint32_t *set;		/* line indices + 1, for measure_units */
	size_t setcap;
	struct buf fixed;	/* the page with its pinyin removed */
	long colweight[COL_MAX + 1];
	long midweight[COL_MAX + 1];	/* the same by the middle of a unit */
	uint64_t body_pairs[PAIR_BITS / 64];	/* for find_title() */
	struct buf out;		/* strip_run()'s body */
	struct buf comments;	/* the page's comments, --keep-comments */
	struct strip_stats st;	/* strip_run()'s counts */
};

/* The unit on the next physical line that continues the column of v[i]. */
static size_t
next_in_column(const struct line *v, size_t nl, size_t i)
{
	size_t j;

	for (j = i + 1; j < nl && v[j].phys == v[i].phys; j++)
		;
	for (; j < nl && v[j].phys == v[i].phys + 1; j++)
		if (v[j].n > 0 && v[j].col + 4 >= v[i].col &&
		    v[j].col <= v[i].col + 2)
			return j;
	return nl;
}

/*
 * Can the line be a piece of a wrapped paragraph?  A piece that happens
 * to hold a date or a keyword ("2004年5月25日,中国科协…") was judged as
 * a line of its own; inside the paragraph it is prose.
 */
static int
wrap_member(const struct line *l)
{
	/* A dated list item ends in its date or time. */
	if (l->last_punct >= '0' && l->last_punct <= '9')
		return l->label == L_SHORT || (l->label == L_PROSE &&
		    l->ends_sentence == 1);
	return l->label == L_SHORT || l->label == L_PROSE ||
	    ((l->label == L_META || l->label == L_CHROME) && l->weight >= 12);
}

/*
 * Table layouts and plain-text pages wrap paragraphs at a fixed width, so
 * no line but the last ends a sentence.  Chains of three or more lines of
 * one width in one column, ending a sentence, are paragraphs.
 */
static void
mark_wrapped(const struct strip_opts *o, struct line *v, size_t nl)
{
	size_t i, j, k, len;
	unsigned weight, punct, sent;

	for (i = 0; i < nl; i++) {
		if (!wrap_member(&v[i]))
			continue;
		if (v[i].width < 16 || v[i].ends_sentence == 1 || v[i].wrapped)
			continue;
		weight = v[i].weight;
		punct = v[i].sent + v[i].clause;
		sent = v[i].sent;
		len = 1;
		for (j = i, k = next_in_column(v, nl, i); k < nl;
		    j = k, k = next_in_column(v, nl, k)) {
			if (v[k].bullet || v[k].width > v[i].width + 2 ||
			    !wrap_member(&v[k]))
				break;
			weight += v[k].weight;
			punct += v[k].sent + v[k].clause;
			sent += v[k].sent;
			len++;
			/* A line shorter than the width ends the paragraph. */
			if (v[k].width + 4 < v[i].width || v[k].ends_sentence == 1)
				break;
		}
		if (k >= nl)
			k = j;
		/* A paragraph ends a sentence; a column of headlines cut to
		   one width does not. */
		if (len < 3 || punct == 0 || weight < o->min_prose ||
		    (v[k].ends_sentence != 1 && sent == 0))
			continue;
		for (j = i; ; j = next_in_column(v, nl, j)) {
			v[j].label = L_PROSE;
			v[j].reason = "hard-wrapped paragraph";
			v[j].wrapped = 1;
			if (j == k || j >= nl)
				break;
		}
	}
}

static const char reason_chead[] = "heads a comment";

/*
 * WordPress heads a comment with two lines, the author with "says:" and
 * the time under it ("Jane Doe says:" / "March 3, 2019 at 4:15 pm"): a
 * head even alone, which a quote in the article ("Smith says:" and his
 * words) is not.  Marks them as heads; returns how many.
 */
static size_t
two_line_heads(struct line *v, size_t nl)
{
	size_t i, j, found = 0;

	for (i = 0; i < nl; i++) {
		/* Its colon first: one test rules out most lines. */
		if (v[i].n == 0 || v[i].s[v[i].n - 1] != ':' ||
		    v[i].label == L_SPAM || !is_says_line(&v[i]))
			continue;
		for (j = i + 1; j < nl && v[j].label == L_BLANK; j++)
			;
		if (j < nl && v[j].label == L_META && v[j].has_date &&
		    v[j].weight < 24) {
			v[i].chead = 1;
			found++;
		}
	}
	return found;
}

/*
 * A video player's length, "Duration 1:30", "Duration: 12:38": the label
 * word and minutes and seconds (hours first if any), nothing else.
 */
static int
clip_length(const struct line *l)
{
	const char *s = l->s, *e = l->s + l->n;
	int digits = 0, colons = 0;

	if (l->n < 12 || l->n > 24 || (s[0] != 'D' && s[0] != 'd') ||
	    memcmp(s + 1, "uration", 7) != 0)
		return 0;
	for (s += 8; s < e && (*s == ' ' || *s == ':'); s++)
		;
	for (; s < e; s++)
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == ':' && digits > 0)
			colons++;
		else
			return 0;
	return colons >= 1 && colons <= 2 && digits >= 3;
}

/*
 * A video's card gives the time since it was posted, "14 hours ago", and
 * then its length: that time heads no comment.  Returns how many heads
 * it unmarks.
 */
static size_t
video_times(struct line *v, size_t nl)
{
	size_t i, j, n = 0;

	for (i = 0; i < nl; i++) {
		if (!v[i].chead)
			continue;
		for (j = i + 1; j < nl && v[j].label == L_BLANK; j++)
			;
		if (j < nl && clip_length(&v[j])) {
			v[i].chead = 0;
			v[i].label = L_META;
			v[i].reason = "the time of a video";
			v[j].label = L_MEDIA;
			v[j].reason = "a video's length";
			n++;
		}
	}
	return n;
}

/*
 * Two or more lines that head a comment, a name and a time ("Ann on Sep
 * 22, 5:00 AM said:", "Bo (1 day ago)", "网友 2005-9-15 11:46 发表"): a
 * list of comments, each of whose heads ends the body as "3 Comments"
 * does.  One alone may introduce a quote.  heads counts them, as the
 * lines were labelled.  Returns the first of them, or nl.
 */
static size_t
mark_comment_heads(struct line *v, size_t nl, size_t heads)
{
	size_t i, first = nl;

	heads += 2 * two_line_heads(v, nl);
	if (heads < 2)
		return nl;
	for (i = nl; i-- > 0;)
		if (v[i].chead && v[i].label != L_SPAM) {
			v[i].label = L_END;
			v[i].kw |= KW_CLOSE;
			v[i].reason = reason_chead;
			first = i;
		}
	return first;
}

/*
 * Does the item of a bulleted list open with a quantity, "8-9 ripe
 * pears", "1 tsp cinnamon": an ingredient or a spec, not a headline?
 */
static int
quantity_item(const struct line *l)
{
	size_t i = 0;
	uint32_t c;

	if (l->digits == 0)
		return 0;
	i += utf8_decode((const unsigned char *)l->s, l->n, &c);	/* bullet */
	while (i < l->n && l->s[i] == ' ')
		i++;
	return i < l->n && l->s[i] >= '0' && l->s[i] <= '9';
}

/*
 * Do three or more short bullet items start at v[i], that are not
 * quantities (a recipe's ingredients are no list of links)?
 */
static int
link_list_after(const struct line *v, size_t i, size_t be)
{
	size_t items = 0;

	for (; i < be; i++) {
		if (v[i].label == L_BLANK)
			continue;
		if (!v[i].bullet || v[i].weight > 40 || quantity_item(&v[i]))
			break;
		items++;
	}
	return items >= 3;
}

/*
 * Is the heading v[i] printed again further down the run, with a
 * paragraph of prose between?  Then it heads a box set into the article
 * at each place ("Most Popular" between the sections of a buying
 * guide), not the article's end.
 */
static int
box_again(const struct line *v, size_t i, size_t be, unsigned min_prose)
{
	size_t j;
	int prose = 0;

	if (v[i].copies < 2)
		return 0;
	for (j = i + 1; j < be; j++) {
		if (v[j].label == L_PROSE && v[j].weight >= min_prose)
			prose = 1;
		else if (v[j].n > 0 && v[j].first == v[i].first)
			return prose;
	}
	return 0;
}

/*
 * Does a paragraph follow the bulleted list that starts at i, within
 * three lines of text after its last item and before any end-of-article
 * heading?  A section's points lead into its text; a list of links does
 * not.
 */
static int
prose_after_list(const struct line *v, size_t i, size_t be,
    unsigned min_prose)
{
	size_t lines = 0;

	while (i < be && (v[i].label == L_BLANK || v[i].bullet))
		i++;
	for (; i < be && lines < 3; i++) {
		if (v[i].label == L_BLANK)
			continue;
		if (v[i].label == L_END)
			return 0;
		if (v[i].label == L_PROSE && v[i].weight >= min_prose)
			return 1;
		lines++;
	}
	return 0;
}

/*
 * The run may cross a wall when long teasers follow it.  Cut it at an
 * end-of-article heading that has less prose after it than before, if the
 * heading is an editor's credit or the heading over a blog's comments, or
 * another such heading follows, or a disclaimer sits just above it: one
 * "Read more" inside an article is a link, two signs together are where
 * it ends.
 */
static size_t
end_of_body(const struct line *v, size_t bs, size_t be, unsigned min_prose)
{
	size_t i, j, seen;
	long before = 0, after, total = 0;
	int pointed = 0;	/* a heading over a list seen in the article */

	for (i = bs; i < be; i++)
		if (v[i].label == L_PROSE)
			total += v[i].weight;
	for (i = bs; i < be; i++) {
		if (v[i].label == L_PROSE)
			before += v[i].weight;
		/* A heading over three or more links, with little prose
		   after them: "More Great Stories" and its list.  Not when
		   the article itself is laid out so, a heading and its
		   points between paragraphs (a review's sections): the
		   first such block has prose after it in the run.  A
		   link to another story (aside) heads such a list too. */
		if ((v[i].label == L_SHORT || v[i].aside) &&
		    !v[i].ends_sentence && link_list_after(v, i + 1, be)) {
			if (3 * (total - before) < before && !pointed)
				return i;
			pointed |= prose_after_list(v, i + 1, be, min_prose);
		}
		/*
		 * A short line first seen here and repeated down the page
		 * three or more times ("← 返回", "回复", "举报"): the widget
		 * of each item of a list of comments or replies.
		 */
		if (v[i].copy == 1 && v[i].copies >= 3 && v[i].weight >= 2 &&
		    v[i].weight < 12 && !v[i].other_col &&
		    v[i].label != L_MEDIA && v[i].ends_sentence != 1 &&
		    2 * (total - before) < before)
			return i;
		if (v[i].label != L_END || box_again(v, i, be, min_prose))
			continue;
		after = total - before;
		if (after >= before)
			continue;
		if (v[i].kw & (KW_EDITOR | KW_CLOSE))
			return i;
		for (j = i + 1; j < be; j++)
			if (v[j].label == L_END)
				return i;
		/* A disclaimer just above the heading confirms it too. */
		for (j = i, seen = 0; j-- > bs && seen < 3;) {
			if (v[j].label == L_BLANK)
				continue;
			seen++;
			if (v[j].label == L_CHROME && (v[j].kw & (KW_NOTICE | KW_FOOTER)))
				return i;
		}
	}
	return be;
}

/* The number an item opens with, "3) " or "3. ": 3; otherwise 0. */
static unsigned
item_number(const struct line *l)
{
	const char *s = l->s;
	size_t i = 0;
	unsigned k = 0;

	while (i < l->n && i < 3 && s[i] >= '0' && s[i] <= '9')
		k = 10 * k + (unsigned)(s[i++] - '0');
	if (i == 0 || i > 2 || i + 1 >= l->n || (s[i] != ')' && s[i] != '.') ||
	    s[i + 1] != ' ')
		return 0;
	return k;
}

/*
 * An article that announces a list in its last line ("…our picks for
 * Black Friday:") and numbers the items 1), 2), 3) right after it goes
 * on through them, however short they are: the list is what the article
 * is about.  A most-read list has a heading of its own above its 1.
 * Returns the end of the body: after the last item and as many lines as
 * the items had after them (a link, a price), or be.
 */
static size_t
announced_list(const struct line *v, size_t nl, size_t bs, size_t be)
{
	size_t i = be, last = be, gap = 0, since = 0;
	unsigned next = 1;

	while (i > bs && v[i - 1].label == L_BLANK)
		i--;
	if (i == bs || (v[i - 1].last_punct != ':' &&
	    v[i - 1].last_punct != 0xFF1A))
		return be;
	for (i = be; i < nl; i++) {
		if (v[i].label == L_BLANK)
			continue;
		if (item_number(&v[i]) == next) {
			next++;
			gap = since > gap ? since : gap;
			since = 0;
			last = i;
			continue;
		}
		if (v[i].label == L_END || v[i].label == L_SPAM ||
		    since >= 4 || next == 1)
			break;
		since++;
	}
	if (next <= 3)
		return be;
	for (i = last + 1, since = 0; i < nl && since < gap; i++)
		if (v[i].label == L_END || v[i].label == L_SPAM)
			break;
		else if (v[i].label != L_BLANK && item_number(&v[i]) == 0)
			since++;
	return i;
}

/*
 * Twitter's embed code quotes a tweet and closes it with its signature,
 * "— Name (@handle) Month D, YYYY".  A tweet right under the run's last
 * paragraph is quoted by the article; its text and signature cost a short
 * line each and so fall just outside the run.  If the run ends in prose
 * and a signature follows within three lines of text, none of them
 * chrome, the run ends after the signature.  Returns the new end, or be.
 */
static size_t
tweet_after(const struct line *v, size_t nl, size_t bs, size_t be)
{
	size_t i = be, lines = 0;

	while (i > bs && v[i - 1].label == L_BLANK)
		i--;
	if (i == bs || v[i - 1].label != L_PROSE)
		return be;
	for (i = be; i < nl && lines < 3; i++) {
		if (v[i].label == L_BLANK)
			continue;
		if (v[i].other_col || (v[i].label != L_SHORT &&
		    v[i].label != L_PROSE && v[i].label != L_MEDIA))
			return be;
		lines++;
		if (is_tweet_sign(&v[i]))
			return i + 1;
	}
	return be;
}

/*
 * A box of links to other stories ("Related Articles" and three headlines)
 * set into an article splits it; the part above the box may be the
 * smaller and left out of the run.  If just above the run there is such
 * a box, a heading and a few short lines, and above it two or more
 * paragraphs, the run starts at those paragraphs and the box is chrome.
 * Returns the new start, or bs.
 */
static size_t
box_before(const struct strip_opts *o, struct line *v, size_t bs)
{
	size_t i, wall = bs, lines = 0, top, paras = 0;
	unsigned weight = 0;

	for (i = bs; i-- > 0 && lines <= 10;) {
		if (v[i].label == L_BLANK || v[i].other_col)
			continue;
		if (v[i].label == L_END && !(v[i].kw & (KW_CLOSE | KW_EDITOR)) &&
		    v[i].reason != reason_chead)
			wall = i;
		else if (v[i].label == L_PROSE || v[i].label == L_REPEAT ||
		    v[i].label == L_SPAM || v[i].label == L_END)
			break;
		lines++;
		if (wall < bs)
			break;
	}
	if (wall == bs || lines < 2 || lines > 10)
		return bs;
	/* The heading sits on top of the box, the paragraphs on top of it. */
	for (i = top = wall; i-- > 0;) {
		if (v[i].label == L_BLANK || v[i].other_col)
			continue;
		if (v[i].label != L_PROSE)
			break;
		weight += v[i].weight;
		paras++;
		top = i;
	}
	if (paras < 2 || weight < 3 * o->min_prose)
		return bs;
	for (i = wall; i < bs; i++)
		if (v[i].label != L_BLANK) {
			v[i].label = L_CHROME;
			v[i].reason = "a box of links set into the article";
		}
	return top;
}

/*
 * The author box at an article's foot heads the biography with the
 * author's name on a line of its own: "Phil Helsel", then "Phil Helsel is
 * a reporter for NBC News."  The name is the bio's, not the article's.
 */
static int
names_bio(const struct line *name, const struct line *bio)
{
	return name->label == L_SHORT && name->ends_sentence != 1 &&
	    name->words >= 2 && name->words <= 4 && name->n < bio->n &&
	    is_bio(bio) && bio->s[name->n] == ' ' &&
	    memcmp(name->s, bio->s, name->n) == 0;
}

/*
 * An author's biography opens or closes many articles, prose though it
 * is: the first or the last lines the body keeps, not the article,
 * unless they are all it keeps (an "about" page).
 */
static void
drop_bios(struct line *v, size_t bs, size_t be)
{
	size_t i, end, j, bio;
	int dir;

	for (dir = -1; dir <= 1; dir += 2) {
		end = dir < 0 ? bs - 1 : be;
		for (i = dir < 0 ? be - 1 : bs, bio = end; i != end;
		    i += (size_t)dir)
			if (v[i].keep && v[i].label != L_BLANK) {
				if (!is_bio(&v[i]) && !(dir < 0 && bio != end &&
				    names_bio(&v[i], &v[bio])))
					break;
				bio = i;
			}
		if (i == end)
			return;
		for (j = dir < 0 ? be - 1 : bs; j != i; j += (size_t)dir)
			if (v[j].keep && v[j].label != L_BLANK) {
				v[j].keep = 0;
				v[j].reason = "the author's biography";
			}
	}
}

/* Could v[i] be the headline: short, a line of its own, not chrome? */
static int
title_like(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->n;

	if (l->bullet || l->weight < 5 || l->weight > 80 || l->other_col ||
	    (l->ends_sentence == 1 && l->sent > 1) || l->seps > 0 ||
	    l->brackets > 0 || l->clause > 3)
		return 0;
	/* Breadcrumbs, addresses and credits are not headlines. */
	if (memchr(s, '>', n) != NULL || memchr(s, '/', n) != NULL ||
	    l->last_punct == ',' || l->last_punct == 0xFF0C)
		return 0;
	return l->label == L_SHORT || (l->label == L_LIST && l->dup) ||
	    (l->label == L_PROSE && l->sent <= 1);
}

static unsigned
pair_hash(uint32_t a, uint32_t b)
{
	return (a * 0x9E3779B1u ^ b * 0x85EBCA6Bu) >> 20 & (PAIR_BITS - 1);
}

/* Note (or, with set NULL, count against bits) the pairs of Han
   characters and the words of s[0..n). */
static unsigned
pairs(const char *text, size_t n, uint64_t *bits, const uint64_t *have,
    unsigned *total)
{
	const unsigned char *s = (const unsigned char *)text;
	uint32_t c, prev = 0;
	size_t i, k;
	unsigned hits = 0, h;

	for (i = 0; i < n; i += k) {
		k = cls_next(s + i, n - i, &c);
		if (fast_class(c) != UC_HAN) {
			prev = 0;
			continue;
		}
		if (prev != 0) {
			h = pair_hash(prev, c);
			if (bits != NULL)
				bits[h / 64] |= 1ULL << (h % 64);
			else {
				hits += (have[h / 64] >> (h % 64)) & 1;
				++*total;
			}
		}
		prev = c;
	}
	return hits;
}

/*
 * The title sits a few lines above the body and says what the body's
 * opening says: among the headline-like lines above the body, the one
 * sharing most character pairs with the first paragraphs, helped by a
 * date or source line right under it.  Returns nl if there is none.
 */
static size_t
find_title(uint64_t *body, const struct line *v, size_t nl, size_t bs,
    size_t be)
{
	size_t i, lo = bs > 24 ? bs - 24 : 0, best = nl, used = 0;
	long score, best_score = 0;
	int meta_below = 0;

	memset(body, 0, PAIR_BITS / 8);
	for (i = bs; i < be && used < 1500; i++)
		if (v[i].label == L_PROSE) {
			pairs(v[i].s, v[i].n, body, NULL, NULL);
			used += v[i].n;
		}
	for (i = bs; i-- > lo;) {
		unsigned total = 0, hits;

		if (v[i].label == L_META)
			meta_below = 3;
		else if (v[i].label != L_BLANK && meta_below > 0)
			meta_below--;
		if (!title_like(&v[i]))
			continue;
		hits = pairs(v[i].s, v[i].n, NULL, body, &total);
		/* Share of the line's pairs found in the body, in percent,
		   with a little for sitting on a date line or being shown
		   twice, and a little less the farther up it is. */
		score = total ? 100L * hits / total : 0;
		score += meta_below > 0 ? 25 : 0;
		score += v[i].dup ? 10 : 0;
		score -= (long)(bs - i);
		if (score > best_score) {
			best_score = score;
			best = i;
		}
	}
	return best_score >= 20 ? best : nl;
}

/*
 * The display column that places a unit in its column: where it starts,
 * or in a column whose text is centred, its middle.
 */
static unsigned
col_key(const struct line *l, int centred)
{
	unsigned c = centred ? l->col + l->width / 2 : l->col;

	return c < COL_MAX ? c : COL_MAX;
}

/*
 * In a page laid out as a table, the body is one column: the column where
 * most of the prose starts.  Cells of columns with little prose are
 * sidebars, set aside before the body run is sought, so that a heading
 * of a sidebar ("热点推荐") cannot cut the body beside it.  A box of prose
 * set beside the text holds a fair share of the prose and stays.  Text
 * centred in its cell starts anywhere and lines up by its middle: if far
 * more prose has one middle than one start, the middles tell the columns.
 */
static void
mark_other_columns(struct strip *h, struct line *v, size_t nl)
{
	size_t i;
	unsigned c, body = 0, mid = 0;
	long prev, starts;
	int centred;

	memset(h->colweight, 0, sizeof h->colweight);
	memset(h->midweight, 0, sizeof h->midweight);
	for (i = 0; i < nl; i++)
		if (v[i].label == L_PROSE) {
			h->colweight[col_key(&v[i], 0)] += v[i].weight;
			h->midweight[col_key(&v[i], 1)] += v[i].weight;
		}
	/* Centring rounds half a column either way: a middle counts for
	   its neighbours too. */
	for (c = 0, prev = 0; c <= COL_MAX; c++) {
		long here = h->midweight[c];

		h->midweight[c] += prev + (c < COL_MAX ? h->midweight[c + 1] : 0);
		prev = here;
	}
	for (c = 1, starts = 0; c <= COL_MAX; c++) {
		long near = h->colweight[c - 1] + h->colweight[c] +
		    (c < COL_MAX ? h->colweight[c + 1] : 0);

		if (h->colweight[c] > h->colweight[body])
			body = c;
		if (h->midweight[c] > h->midweight[mid])
			mid = c;
		if (near > starts)
			starts = near;
	}
	/* Judged alike, three columns against three. */
	centred = h->midweight[mid] > 2 * starts;
	if (centred) {
		memcpy(h->colweight, h->midweight, sizeof h->colweight);
		body = mid;
	}
	for (i = 0; i < nl; i++) {
		unsigned lo, hi, k = col_key(&v[i], centred);
		long most = 0;

		if (v[i].label == L_BLANK)
			continue;
		lo = k >= 4 ? k - 4 : 0;
		hi = k + 4 < COL_MAX ? k + 4 : COL_MAX;
		for (c = lo; c <= hi; c++)
			if (h->colweight[c] > most)
				most = h->colweight[c];
		if (4 * most < h->colweight[body])
			v[i].other_col = 1;
	}
}

/* What strip_page() knows of the page it is on, step by step. */
struct page {
	const char *text;	/* the page, or the page without its pinyin */
	size_t len;
	size_t nl;		/* units, in h->units.v */
	size_t nphys;		/* physical lines */
	int columns;		/* laid out as a table with columns */
	size_t comments;	/* the first head of a list of comments, or nl */
	struct strip_opts o;	/* the options, --gap and --min-prose scaled
				   to the script */
	long best;		/* the score of the body run; <= 0: no body */
	size_t bs, be;		/* the body: units bs..be-1 */
	size_t run_end;		/* the end of the run before end_of_body() */
	int listing;		/* judged as a listing, see find_listing() */
	size_t title;		/* the title kept by --keep-title, or nl */
};

/*
 * Step 2.  Measure each unit by itself, and hash it for the repetition
 * memory, whose slot is asked for now and read in step 3; mark the
 * copies of a line on the page (mark_copy(), for step 3).  A line the
 * page holds again (a menu printed at the head and the foot, "Reply"
 * under every comment: a fifth of the lines) is measured as its first
 * copy was, not once more.  Returns whether some unit holds a letter
 * pinyin marks a tone with.
 */
static int
measure_units(struct strip *h, const struct page *pg)
{
	struct line *v = h->units.v;
	size_t i, k = 0, mask = clear_set(&h->set, &h->setcap, pg->nl);
	const struct line *f;
	int toned = 0;

	for (i = 0; i < pg->nl; i++) {
		measure_trim(&v[i]);
		f = NULL;
		if (v[i].n > 0) {
			v[i].hash = repeat_hash(v[i].s, v[i].n);
			if (h->mem != NULL)
				repeat_prefetch(h->mem, v[i].hash);
			k = copy_slot(v, i, h->set, mask);
			if (h->set[k] != 0)
				f = &v[h->set[k] - 1];
		}
		if (f != NULL && f->n == v[i].n &&
		    memcmp(f->s, v[i].s, v[i].n) == 0)
			measure_copy(&v[i], f);
		else
			measure_trimmed(h->kw, &v[i]);
		if (v[i].n > 0)
			mark_copy(v, i, h->set, k);
		toned |= v[i].toned;
	}
	count_copies(v, pg->nl);
	return toned;
}

/*
 * Remove the pinyin a spam site put after the characters of the page;
 * if there was any, the page is the text without it and return 1.
 */
static int
fix_pinyin(struct strip *h, struct page *pg, struct strip_stats *st)
{
	size_t removed;

	buf_clear(&h->fixed);
	if ((removed = pinyin_repair(pg->text, pg->len, &h->fixed)) == 0)
		return 0;
	st->pinyin += removed;
	pg->text = h->fixed.data;
	pg->len = h->fixed.len;
	return 1;
}

/*
 * Steps 1 and 2, the page split into units and measured.  Pinyin is
 * looked for only on a page that holds a letter it marks tones with,
 * which measure() notes: most pages hold none, and are not read once more
 * for it.  A page it is removed from is judged anew, before anything is
 * noted in the repetition memory; so is a page too long to judge, which
 * pinyin may have made so.  Returns 0, or -1 for a page too long.
 */
static int
read_page(struct strip *h, const char *text, size_t len, struct page *pg,
    struct strip_stats *st)
{
	int repaired = !h->o.repair_pinyin, too_long;

	pg->text = text;
	pg->len = len;
	for (;;) {
		/* Step 1. */
		too_long = split_units(&h->units, pg->text, pg->len, &pg->nphys,
		    &pg->columns) < 0;
		pg->nl = h->units.n;
		if (!too_long && !measure_units(h, pg))
			return 0;
		if (repaired || !fix_pinyin(h, pg, st))
			return too_long ? -1 : 0;
		repaired = 1;
	}
}

/*
 * The options a page is labelled and scored with.  A word weighs two, a
 * Han character one, yet an alphabetic page says less per unit of weight
 * in its menus and link lists and more in its prose lines: its chrome
 * costs half as much again, and a line must weigh a third more to be
 * prose on its own (12 -> 16, the value the site-grouped CV of
 * scripts/fit-strip-params.py picks for English in every fold).
 */
static void
scale_options(const struct strip *h, struct page *pg)
{
	size_t i, han = 0, words = 0;

	pg->o = h->o;
	for (i = 0; i < pg->nl; i++) {
		han += h->units.v[i].han;
		words += h->units.v[i].words;
	}
	if (words > han) {
		pg->o.gap = h->o.gap + h->o.gap / 2;
		pg->o.min_prose = h->o.min_prose + h->o.min_prose / 3;
	}
}

/*
 * Label the units by themselves: after a link-farm marker everything is
 * spam.  Note each in the repetition memory, and whether it was seen on
 * --repeat-min earlier pages; count in *codes the lines a listing may
 * hold (code, or a line opening with a digit, a gutter's number), so that
 * mark_code_blocks runs only on a page with two.  Returns how many may
 * head a comment.
 */
static size_t
label_alone(struct strip *h, const struct page *pg, long *prose,
    long *prose_seen, size_t *codes)
{
	struct line *v = h->units.v;
	size_t i, heads = 0;
	int spam = 0;

	for (i = 0; i < pg->nl; i++) {
		struct line *l = &v[i];

		if (!spam && l->n > 0 && (l->kw & KW_SPAM))
			spam = 1;
		if (spam && l->n > 0) {
			l->label = L_SPAM;
			l->reason = "after a link-farm marker";
		} else {
			label_line(&pg->o, l);
			heads += l->chead;
			*codes += l->code || (l->n > 0 && l->s[0] >= '0' &&
			    l->s[0] <= '9');
		}
		if (h->mem != NULL && l->n > 0) {
			l->seen = repeat_seen_note(h->mem, l->hash) >=
			    h->o.repeat_min;
			if (l->label == L_PROSE) {
				*prose += l->weight;
				*prose_seen += l->seen ? l->weight : 0;
			}
		}
	}
	return heads;
}

/*
 * The number a listing's gutter prints at the start of a line of code:
 * digits alone, or digits and then the code two spaces on, or one space
 * on once the numbers have two digits ("1  org 10000h", "10 jmp x").  A
 * list's "1. " or "2) " is no gutter, nor "3 Headline" in a ranking.
 * Returns the number, or -1.
 */
static long
gutter_number(const struct line *l)
{
	size_t i = 0;
	long k = 0;

	while (i < l->n && i < 5 && l->s[i] >= '0' && l->s[i] <= '9')
		k = 10 * k + (l->s[i++] - '0');
	if (i == 0 || (i < l->n && l->s[i] != ' '))
		return -1;
	if (i == l->n || (i + 1 < l->n && l->s[i + 1] == ' ') || k >= 10)
		return k;
	return -1;
}

/* Make v[i] a line of a program's listing, unless it is prose. */
static void
set_listing(struct line *v, size_t i)
{
	if (v[i].label == L_PROSE)
		return;
	v[i].code = 2;
	v[i].label = L_SHORT;
	v[i].reason = "a line of source code";
}

/*
 * A line of code next to another (blanks aside) is part of a program's
 * listing, which a technical article prints inside itself: it is a short
 * line that costs the body run little.  One alone is no listing; a
 * comment in Chinese long enough to be prose stays prose.  So are lines
 * whose gutter numbers follow each other (k within three units of k - 1),
 * however the code in them looks.
 */
static void
mark_code_blocks(struct line *v, size_t nl)
{
	size_t i, j, prev = nl, numbered = nl, since = 0;
	long last = -1, k;

	for (i = 0; i < nl; i++) {
		if (v[i].label == L_BLANK)
			continue;
		if (v[i].code) {
			for (j = i + 1; j < nl && v[j].label == L_BLANK; j++)
				;
			if ((prev < nl && v[prev].code) ||
			    (j < nl && v[j].code))
				set_listing(v, i);
		}
		prev = i;
		since++;
		if (v[i].s[0] < '0' || v[i].s[0] > '9' ||
		    (k = gutter_number(&v[i])) < 0)
			continue;
		if (last >= 0 && k == last + 1 && since <= 3) {
			set_listing(v, numbered);
			set_listing(v, i);
		}
		last = k;
		numbered = i;
		since = 0;
	}
}

/*
 * Step 3.  Label the units by themselves, then in context: copies on the
 * page and on earlier pages, hard-wrapped paragraphs, lists of teasers,
 * the heads of a list of comments.
 */
static void
label_units(struct strip *h, struct page *pg)
{
	struct line *v = h->units.v;
	size_t i, nl = pg->nl, heads;
	long prose = 0, prose_seen = 0;
	size_t codes = 0;

	scale_options(h, pg);
	heads = label_alone(h, pg, &prose, &prose_seen, &codes);
	/*
	 * Lines seen on earlier pages are chrome, unless most of the prose
	 * was seen too: then the page itself came before (a page crawled
	 * twice, an article syndicated), and its body is still its body.
	 * A long paragraph is never chrome by repetition alone.
	 */
	if (h->mem != NULL && 2 * prose_seen <= prose)
		for (i = 0; i < nl; i++)
			if (v[i].seen && v[i].label != L_SPAM &&
			    !(v[i].label == L_PROSE && v[i].weight >= 40)) {
				v[i].label = L_REPEAT;
				v[i].reason = "seen on earlier pages";
			}
	if (h->mem != NULL)
		repeat_next_page(h->mem);
	mark_wrapped(&pg->o, v, nl);
	mark_teasers(v, nl);
	if (codes >= 2)
		mark_code_blocks(v, nl);
	mark_captions(v, nl);
	heads -= heads > 0 ? video_times(v, nl) : 0;
	pg->comments = mark_comment_heads(v, nl, heads);
}

/*
 * The article comes before its comments: one long comment may outweigh a
 * short article, but not when the article is there, two paragraphs or as
 * much text as the first comment.  On a forum the first head is the
 * thread's own, and the post under it the body.  Returns where the body
 * run must end: the first head, or nl.
 */
static size_t
before_comments(const struct line *v, const struct page *pg)
{
	size_t comments = pg->comments, nl = pg->nl, second, paras = 0, i;
	size_t bs, be;
	long before;

	if (comments >= nl)
		return nl;
	second = comments + 1;
	while (second < nl && v[second].reason != reason_chead)
		second++;
	before = best_run(v, 0, comments, &bs, &be);
	for (i = bs; i < be; i++)
		paras += v[i].label == L_PROSE;
	if (before < 3 * (long)pg->o.min_prose || (paras < 2 &&
	    before < best_run(v, comments + 1, second, &bs, &be)))
		return nl;
	return comments;
}

/*
 * Little prose: an agenda, a table of figures, a list of terms.  Judge
 * the lines of text that are not chrome by their weight instead; if they
 * make a run far denser than the prose, that run is the page's content.
 * The units keep the listing scores in score and the others in lscore.
 */
static void
find_listing(struct line *v, struct page *pg)
{
	long lbest;
	size_t i, ls, le;

	for (i = 0; i < pg->nl; i++)
		v[i].lscore = v[i].other_col ? 0 : listing_score(&pg->o, &v[i]);
	for (i = 0; i < pg->nl; i++) {
		long t = v[i].score;

		v[i].score = v[i].lscore;
		v[i].lscore = t;
	}
	lbest = best_run(v, 0, pg->nl, &ls, &le);
	if (lbest > 3 * pg->best) {
		pg->listing = 1;
		pg->best = lbest;
		pg->bs = ls;
		pg->be = le;
	}
}

/*
 * Step 4.  Score the units: prose counts for the body by its weight, a
 * short line with no sentence costs a little, chrome a lot, a heading that
 * ends articles is a wall.  The body is the run of units with the
 * greatest total, ended where the article ends inside it and begun above
 * a box of links set into it.
 */
static void
find_body(struct strip *h, struct page *pg)
{
	struct line *v = h->units.v;
	size_t i, nl = pg->nl;

	if (pg->columns)
		mark_other_columns(h, v, nl);
	for (i = 0; i < nl; i++)
		v[i].score = v[i].other_col ? 0 : line_score(&pg->o, &v[i]);
	pg->best = best_run(v, 0, before_comments(v, pg), &pg->bs, &pg->be);
	pg->listing = 0;
	if (pg->best < 12 * (long)pg->o.min_prose)
		find_listing(v, pg);
	if (!pg->listing && pg->best > 0)
		while ((i = box_before(&pg->o, v, pg->bs)) < pg->bs)
			pg->bs = i;
	pg->run_end = pg->be;
	if (!pg->listing && pg->best > 0) {
		pg->be = end_of_body(v, pg->bs, pg->be, pg->o.min_prose);
		pg->be = announced_list(v, nl, pg->bs, pg->be);
		pg->be = tweet_after(v, nl, pg->bs, pg->be);
	}
}

/*
 * Is the line before or after v[i], blanks aside, a copy of it?  w3m prints an
 * embedded video's title and then the title of its thumbnail, the same
 * words twice in a row; a subheading of the article is printed once.
 * (A table's header row, cells apart, may repeat: the caller asks.)
 */
static int
copy_beside(const struct line *v, size_t nl, size_t i)
{
	size_t j;

	for (j = i + 1; j < nl && v[j].label == L_BLANK; j++)
		;
	if (j < nl && v[j].first == v[i].first)
		return 1;
	for (j = i; j-- > 0 && v[j].label == L_BLANK;)
		;
	return j < nl && v[j].first == v[i].first;
}

/* Does the unit v[i] stay, by where it is and what it is? */
static void
keep_unit(struct line *v, const struct page *pg, size_t i)
{
	struct line *l = &v[i];

	if (l->other_col) {
		l->keep = 0;
		l->reason = "another column";
		return;
	}
	if (pg->best <= 0 || i < pg->bs || i >= pg->be) {
		l->keep = 0;
		if (i >= pg->be && i < pg->run_end && l->label != L_END)
			l->reason = "after the end of the article";
		else if (l->label == L_PROSE)
			l->reason = "prose outside the main text";
		return;
	}
	if (l->button) {
		l->keep = 0;
		return;
	}
	switch (l->label) {
	case L_LIST:
		/* A headline shown again in the body: a teaser of a story
		   whose first copy is kept already. */
		l->keep = !(l->dup == 2 && l->han < 4 && l->weight >= 12 &&
		    v[l->first].keep);
		if (l->keep && l->han == 0 && l->letters > 0 &&
		    l->ends_sentence != 1 && copy_beside(v, pg->nl, i) &&
		    find_ci(l->s, l->n, "   ") == NULL) {
			l->keep = 0;
			l->reason = "printed twice in a row";
		}
		break;
	case L_PROSE:
	case L_SHORT:
	case L_BLANK:
		l->keep = 1;
		break;
	case L_META:
		/* In a listing, dates and places are the content. */
		l->keep = pg->listing && l->reason != reason_meta_kw;
		break;
	case L_REPEAT:
		l->keep = l->copy == 2 && !l->seen && !v[l->first].keep;
		break;
	default:
		l->keep = 0;
	}
}

/*
 * Step 5.  Inside the run, drop what is chrome however it sits: metadata
 * lines, image placeholders, share prompts, editor credits, an author's
 * biography at either end; keep the title above it with --keep-title.
 */
static void
keep_units(struct strip *h, struct page *pg)
{
	struct line *v = h->units.v;
	size_t i, nl = pg->nl;

	for (i = 0; i < nl; i++)
		keep_unit(v, pg, i);
	if (!pg->listing && pg->best > 0)
		drop_bios(v, pg->bs, pg->be);
	if (pg->o.keep_comments && pg->best > 0)
		(void)mark_comments(v, nl, pg->be, (long)pg->o.gap);
	pg->title = nl;
	if (pg->o.keep_title && pg->best > 0 && (pg->title =
	    find_title(h->body_pairs, v, nl, pg->bs, pg->be)) < nl) {
		v[pg->title].keep = 1;
		v[pg->title].reason = "title (--keep-title)";
	}
}

#ifdef STRIP_TUNE
/*
 * A build for fitting (make tune) prints, before each --explain line, the
 * numbers of the unit that scripts/fit-strip-stack.py stacks a model on:
 * score weight in_body after_end best copies dup listing kw ends seen.
 */
static void
explain_numbers(const struct line *l, const struct page *pg, size_t i,
    struct buf *out)
{
	char num[192];

	snprintf(num, sizeof num, "%ld\t%u\t%d\t%d\t%ld\t%u\t%u\t%d\t%u\t%u\t%u\t",
	    l->score, l->weight, pg->best > 0 && i >= pg->bs && i < pg->be,
	    pg->best > 0 && i >= pg->be && i < pg->run_end, pg->best,
	    l->copies, (unsigned)l->dup, pg->listing, l->kw,
	    (unsigned)l->ends_sentence, (unsigned)l->seen);
	buf_adds(out, num);
}
#endif

/* Every line with its label, class and reason, for --explain. */
static void
write_explain(const struct line *v, const struct page *pg, struct buf *out)
{
	size_t i;

	for (i = 0; i < pg->nl; i++) {
		const char *q = v[i].raw, *qend = q + v[i].rawlen, *nq;

		/* A run of blank lines is explained line by line. */
		do {
			nq = v[i].blanks > 1 ?
			    memchr(q, '\n', (size_t)(qend - q)) : NULL;
			if (nq == NULL)
				nq = qend;
#ifdef STRIP_TUNE
			explain_numbers(&v[i], pg, i, out);
#endif
			buf_adds(out, v[i].keep ? "keep\t" :
			    v[i].comment ? "comment\t" : "drop\t");
			buf_adds(out, label_name[v[i].label]);
			buf_addc(out, '\t');
			buf_adds(out, v[i].reason);
			buf_addc(out, '\t');
			buf_add(out, q, (size_t)(nq - q));
			buf_addc(out, '\n');
			q = nq + 1;
		} while (nq < qend);
	}
}

/*
 * The body.  Blank lines stay between kept lines, not before the first or
 * after the last, so a page with no chrome comes out unchanged; where
 * chrome was cut out between two kept lines one blank line marks the
 * seam.
 */
static void
write_body(const struct line *v, const struct page *pg, struct buf *out)
{
	size_t i, j, prev = 0, nl = pg->nl;
	int any = 0;

	if (pg->title < nl) {
		emit_line(out, &v[pg->title]);
		buf_addc(out, '\n');
	}
	for (i = 0; i < nl; i++) {
		size_t blanks = 0;

		if (!v[i].keep || v[i].label == L_BLANK || i == pg->title)
			continue;
		if (any) {
			for (j = prev + 1; j < i; j++)
				blanks += v[j].label == L_BLANK;
			if (blanks == i - prev - 1)
				for (j = prev + 1; j < i; j++)
					emit_line(out, &v[j]);
			else if (blanks > 0)
				buf_addc(out, '\n');
		}
		emit_line(out, &v[i]);
		any = 1;
		prev = i;
	}
	if (any && !(pg->len > 0 && pg->text[pg->len - 1] == '\n') &&
	    prev == nl - 1)
		out->len--;
}

/* The readers' comments, a line each, into out (emptied first). */
static void
write_comments(const struct line *v, const struct page *pg, struct buf *out)
{
	size_t i;

	buf_clear(out);
	for (i = 0; i < pg->nl; i++)
		if (v[i].comment)
			emit_line(out, &v[i]);
}

/* Add the page's lines, and its units kept and dropped, to *st. */
static void
count_units(const struct line *v, const struct page *pg,
    struct strip_stats *st)
{
	size_t i;

	st->lines += pg->nphys;
	for (i = 0; i < pg->nl; i++)
		if (v[i].label != L_BLANK) {
			if (v[i].keep)
				st->kept++;
			else
				st->dropped++;
		}
}

int
strip_page(struct strip *h, const char *text, size_t len, struct buf *out,
    struct strip_stats *st)
{
	struct page pg;

	if (read_page(h, text, len, &pg, st) < 0)	/* steps 1 and 2 */
		return -1;
	label_units(h, &pg);				/* 3 */
	find_body(h, &pg);				/* 4 */
	keep_units(h, &pg);				/* 5 */
	if (h->o.explain)
		write_explain(h->units.v, &pg, out);
	else
		write_body(h->units.v, &pg, out);
	if (h->o.keep_comments && !h->o.explain)
		write_comments(h->units.v, &pg, &h->comments);
	count_units(h->units.v, &pg, st);
	return 0;
}

/* --- the engine ------------------------------------------------------- */

void
strip_opts_init(struct strip_opts *o)
{
	memset(o, 0, sizeof *o);
	o->repair_pinyin = 1;
	o->repeat_min = 3;
	o->min_prose = 12;
	o->gap = 6;
}

struct strip *
strip_new(const struct strip_opts *o)
{
	struct strip *h = xcalloc(1, sizeof *h);

	h->o = *o;
	h->kw = kw_new();
	if (o->repeat_bits > 0)
		h->mem = repeat_new(o->repeat_bits);
	return h;
}

void
strip_free(struct strip *h)
{
	if (h == NULL)
		return;
	kwset_free(h->kw);
	repeat_free(h->mem);
	free(h->units.v);
	free(h->set);
	buf_free(&h->fixed);
	buf_free(&h->out);
	buf_free(&h->comments);
	free(h);
}

int
strip_run(struct strip *h, struct record *r)
{
	buf_clear(&h->out);
	if (strip_page(h, r->text, r->len, &h->out, &h->st) < 0) {
		rec_warn(r, "more than %d lines; passed on unchanged",
		    STRIP_MAX_UNITS);
		return -1;
	}
	if (h->o.keep_comments && !h->o.explain) {
		/* The comments, apart from the body: a member of their
		   own, or after a form feed. */
		if (h->o.keep_comments == COMMENTS_MEMBER)
			rec_set_str(r, "comments", h->comments.data ?
			    h->comments.data : "", h->comments.len);
		else if (h->comments.len > 0) {
			if (h->out.len > 0 && h->out.data[h->out.len - 1] != '\n')
				buf_addc(&h->out, '\n');
			buf_adds(&h->out, "\f\n");
			buf_add(&h->out, h->comments.data, h->comments.len);
		}
	}
	rec_put_text(r, h->out.data ? h->out.data : "", h->out.len);
	return 0;
}

const struct buf *
strip_comments(const struct strip *h)
{
	return &h->comments;
}

const struct strip_stats *
strip_stats(const struct strip *h)
{
	return &h->st;
}
