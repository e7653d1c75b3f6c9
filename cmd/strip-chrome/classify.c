/*
 * classify.c - label every line of a page as body or chrome.
 *
 * 1. Split the page into units: its lines, or, for a page laid out as a
 *    table with a sidebar printed beside the text, the cells of its lines
 *    with the display column each starts at.
 * 2. Measure each unit: weight (Han characters, two per word), sentence
 *    and clause punctuation, bullets, separators, dates, keyword families
 *    of chrome, copies on the page and on earlier pages of the stream.
 * 3. Label it by itself, then in context: hard-wrapped paragraphs, lists
 *    of teasers, sidebar columns.
 * 4. Score: prose counts for the body by its weight, a short line with no
 *    sentence costs a little, chrome a lot, a heading that ends articles
 *    ("相关阅读") is a wall.  The body is the run of units with the
 *    greatest total, the densest run of prose; the title, navigation,
 *    related lists and footers fall outside it.  A page with hardly any
 *    prose (an agenda, a table) is judged by its lines of text instead.
 * 5. Inside the run, drop what is chrome however it sits: metadata lines,
 *    image placeholders, share prompts, editor credits.
 */
#include <stdlib.h>
#include <string.h>

#include "line.h"
#include "strip.h"
#include "utf8.h"
#include "winnow.h"

void
strip_opts_init(struct strip_opts *o)
{
	memset(o, 0, sizeof *o);
	o->repair_pinyin = 1;
	o->repeat_min = 3;
	o->min_prose = 12;
	o->gap = 6;
}

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
		return -(long)o->gap;
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
		return -3 * (long)o->gap;
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
static int
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
	size_t i, teasers = 0, cut = 0;

	for (i = 0; i < nl; i++) {
		teasers += v[i].teaser && v[i].label == L_PROSE;
		cut += cut_off(v, nl, i);
	}
	for (i = 0; i < nl; i++) {
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
 * Mark lines whose text occurs twice or more on the page: a headline shown
 * as a link and again as an image title, a list repeated in header and
 * footer; body paragraphs do not repeat.  The first copy gets dup 1, later
 * copies dup 2.  An open-addressed set of line indices, sized to the page.
 */
static void
mark_duplicates(struct line *v, size_t nl, uint32_t **set, size_t *setcap)
{
	size_t i, mask, k;
	uint32_t *t;

	for (k = 64; k < 2 * nl; k *= 2)
		;
	if (k > *setcap) {
		*set = xreallocarray(*set, k, sizeof **set);
		*setcap = k;
	}
	t = *set;
	memset(t, 0, k * sizeof *t);
	mask = k - 1;
	for (i = 0; i < nl; i++) {
		if (v[i].n == 0)
			continue;
		for (k = v[i].hash & mask; t[k] != 0; k = (k + 1) & mask)
			if (v[t[k] - 1].hash == v[i].hash)
				break;
		if (t[k] == 0) {
			t[k] = (uint32_t)i + 1;
			v[i].copy = 1;
			v[i].copies = 1;
			v[i].first = i;
			continue;
		}
		if (v[t[k] - 1].dup == 0)
			v[t[k] - 1].dup = 1;
		v[i].dup = 2;
		v[i].first = t[k] - 1;
		v[i].copy = ++v[t[k] - 1].copies;
	}
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

struct strip_work {
	struct line *v;
	uint32_t *set;		/* line indices + 1, for mark_duplicates */
	int overflow;		/* the page has more than STRIP_MAX_UNITS */
	size_t cap, setcap;
	size_t clean;		/* v[nl..clean) are cleared for new units */
	struct buf fixed;
	long colweight[COL_MAX + 1];
	long midweight[COL_MAX + 1];	/* the same by the middle of a unit */
};

static struct strip_work work;

#define UNIT_BATCH 64

static struct line *
new_unit(size_t *nl)
{
	static struct line scratch;

	/* Past the limit, units land in a scratch slot; the caller sees
	   work.overflow and gives the page up. */
	if (*nl >= STRIP_MAX_UNITS) {
		work.overflow = 1;
		memset(&scratch, 0, sizeof scratch);
		return &scratch;
	}
	if (*nl == work.cap) {
		work.cap = work.cap ? 2 * work.cap : 256;
		work.v = xreallocarray(work.v, work.cap, sizeof *work.v);
	}
	/* Units are cleared UNIT_BATCH at a time: for one unit the compiler's
	   memset is rep stos, whose start-up costs more than its stores. */
	if (*nl >= work.clean) {
		size_t k = work.cap - *nl < UNIT_BATCH ? work.cap - *nl : UNIT_BATCH;

		memset(&work.v[*nl], 0, k * sizeof *work.v);
		work.clean = *nl + k;
	}
	return &work.v[(*nl)++];
}

static int
ascii_blank(const char *p, size_t n)
{
	const char *end = p + n;

	for (p = skip_spaces(p, end); p < end; p = skip_spaces(p + 1, end))
		if (*p != '\t' && *p != '\r')
			return 0;
	return 1;
}

/*
 * Add the line p..nlp, indented up to t, as a unit, or fold it into the
 * run of blank lines before it.
 */
static void
add_line(const char *p, const char *t, const char *nlp, size_t phys,
    size_t *nl)
{
	struct line *u;

	if (ascii_blank(t, (size_t)(nlp - t))) {
		u = *nl > 0 ? &work.v[*nl - 1] : NULL;
		if (u != NULL && u->blanks > 0 && u->phys + u->blanks == phys) {
			u->rawlen = (size_t)(nlp - u->raw);
			u->blanks++;
			return;
		}
		u = new_unit(nl);
		u->blanks = 1;
	} else {
		u = new_unit(nl);
		u->indent = (size_t)(t - p);
	}
	u->raw = p;
	u->rawlen = (size_t)(nlp - p);
	u->phys = phys;
}

/* The gap w3m leaves between table cells laid side by side. */
#define COL_GAP 4

/* Does the line hold a run of COL_GAP spaces between two pieces of text? */
static int
has_cell_gap(const char *s, size_t n)
{
	const char *p, *end = s + n;
	uint64_t w, m;

	/* Skip the indentation, then look for COL_GAP spaces before text:
	   eight bytes at a time, windows overlapping by four, so that every
	   run of four spaces falls whole in some window. */
	p = skip_spaces(s, end);
	/* Most lines of Chinese text hold no space at all after the indent:
	   memchr answers those at vector speed. */
	if ((p = memchr(p, ' ', (size_t)(end - p))) == NULL)
		return 0;
#if defined(__SSE2__)
	/* Sixteen bytes at a time, windows overlapping by four. */
	for (; end - p >= 16; p += 12) {
		unsigned sp = sse_eq(sse_load(p), ' ');

		sp &= sp >> 1 & sp >> 2 & sp >> 3;
		if (sp != 0) {
			p += __builtin_ctz(sp);
			break;
		}
	}
#endif
	for (; end - p >= 8; p += 4) {
		memcpy(&w, p, 8);
		w ^= 0x2020202020202020ULL;
		/* High bit of each byte that is zero, i.e. was a space. */
		m = ~(((w & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | w |
		    0x7F7F7F7F7F7F7F7FULL);
		if (m & (m >> 8) & (m >> 16) & (m >> 24))
			break;
	}
	for (; p < end; p++) {
		const char *q;

		if (*p != ' ')
			continue;
		q = skip_spaces(p, end);
		if (q - p >= COL_GAP && q < end)
			return 1;
		p = q;
	}
	return 0;
}

#if defined(__SSE2__)
/* The bits set in a 16-bit mask. */
static inline unsigned
popcount16(unsigned x)
{
	x = x - ((x >> 1) & 0x5555);
	x = (x & 0x3333) + ((x >> 2) & 0x3333);
	x = (x + (x >> 4)) & 0x0F0F;
	return (x + (x >> 8)) & 0x1F;
}

/*
 * split_cells() sixteen bytes at a time.  Of the bytes from b on, take
 * those that are ASCII, whole Han characters of lead bytes E4..E9 or box
 * drawing characters, up to the space that makes a run of COL_GAP with the
 * run of spaces carried in: return how many are taken, with their display
 * width in *cols and the spaces they end in in *run; *gap if the cell ends
 * where they do.  0: the first character needs a closer look.
 */
static inline size_t
cells16(const unsigned char *b, size_t run0, unsigned *cols, size_t *run,
    int *gap)
{
	const __m128i v = sse_load(b);
	unsigned lead, box, cont, want, bad, len, sp, quad, rest;

	sse_han_bytes(v, &lead, &cont);
	/* Box drawing, E2 94 or E2 95 and one more: table borders. */
	box = sse_eq(v, 0xE2) & (sse_eq(v, 0x94) | sse_eq(v, 0x95)) >> 1;
	/* The continuation bytes the characters need. */
	want = (lead | box) << 1 | (lead | box) << 2;
	bad = ((unsigned)_mm_movemask_epi8(v) & ~(lead | box | want)) |
	    (want & ~cont) | 0x10000;
	len = (unsigned)__builtin_ctz(bad);
	/* Not a character cut by the first byte out of place. */
	if (len >= 1 && ((lead | box) >> (len - 1) & 1))
		len -= 1;
	else if (len >= 2 && ((lead | box) >> (len - 2) & 1))
		len -= 2;
	/*
	 * Nothing taken: the caller decodes the first character itself and
	 * its run of spaces stands.  (Three spaces carried in and no byte
	 * taken would leave no bit in rest below, and clz(0) is undefined.)
	 */
	if (len == 0)
		return 0;
	/* Spaces, three places up, below them the run carried in: bit k of
	   quad says byte k - 3 is the last of COL_GAP spaces. */
	sp = (sse_eq(v, ' ') & ((1u << len) - 1)) << 3 |
	    ((0x7u << (3 - run0)) & 0x7);
	quad = sp & sp << 1 & sp << 2 & sp << 3;
	if (quad != 0) {
		len = (unsigned)__builtin_ctz(quad) - 3;
		*gap = 1;
	} else {
		*gap = 0;
		/* The spaces the bytes end in: up to the highest byte that
		   is not one (there is one: else four spaces had been seen). */
		rest = ~sp & ((1u << (len + 3)) - 1);
		*run = len + 2 - (31 - (unsigned)__builtin_clz(rest));
	}
	/* A Han character is three bytes and two columns, a box one. */
	*cols = len - popcount16(lead & ((1u << len) - 1)) -
	    2 * popcount16(box & ((1u << len) - 1));
	return len;
}
#endif

/*
 * The end of the line that goes on at t, a character that is not a space:
 * its newline, or end.  *gap: has_cell_gap() of the line from t.  Both in
 * one pass where SSE2 allows, sixteen bytes at a time.
 */
static const char *
line_end(const char *t, const char *end, int *gap)
{
	const char *p = t, *nlp;
	int g = 0;
#if defined(__SSE2__)
	unsigned run = 0;	/* spaces just before p, at most COL_GAP */

	for (; end - p >= 16; p += 16) {
		const __m128i v = sse_load(p);
		unsigned nl = sse_eq(v, '\n'), sp = sse_eq(v, ' '), x;

		if (!g) {
			/* Bit k + 4 of x: byte k a space; below, the run
			   carried in.  A gap is COL_GAP spaces, then text. */
			x = sp << 4 | ((0xFu << (4 - run)) & 0xF);
			x &= x >> 1 & x >> 2 & x >> 3;
			g = (x & ~sp & (nl ? (nl & (0 - nl)) - 1 : 0xFFFF)) != 0;
		}
		if (nl != 0) {
			*gap = g;
			return p + __builtin_ctz(nl);
		}
		if (sp == 0xFFFF)
			run = COL_GAP;
		else {
			run = 15 - (31 - (unsigned)__builtin_clz(~sp & 0xFFFF));
			run = run > COL_GAP ? COL_GAP : run;
		}
	}
#endif
	/* The last bytes of the page. */
	if ((nlp = memchr(p, '\n', (size_t)(end - p))) == NULL)
		nlp = end;
	*gap = g || has_cell_gap(t, (size_t)(nlp - t));
	return nlp;
}

/*
 * Split a line of a page laid out as a table into its cells: the pieces
 * between runs of COL_GAP spaces, each with the display column it starts
 * at, so the body column can be told from the sidebar beside it.
 */
static void
split_cells(const char *s, size_t n, size_t phys, size_t *nl)
{
	size_t i = 0, start, run;
	unsigned col = 0, startcol;
	struct line *u;

	if (n == 0) {
		u = new_unit(nl);
		u->raw = s;
		u->phys = phys;
		return;
	}
	while (i < n) {
		size_t sp = (size_t)(skip_spaces(s + i, s + n) - (s + i));

		i += sp;
		col += (unsigned)sp;
		if (i >= n)
			break;
		start = i;
		startcol = col;
		run = 0;
		while (i < n) {
			const unsigned char *b = (const unsigned char *)s + i;
			uint32_t c;
			size_t k;

#if defined(__SSE2__)
			if (n - i >= 16) {
				unsigned cols;
				int gap;

				if ((k = cells16(b, run, &cols, &run, &gap)) > 0) {
					i += k;
					col += cols;
					if (gap)
						break;	/* at the last space */
					continue;
				}
			}
#endif
			if (b[0] == ' ') {
				if (++run >= COL_GAP)
					break;
				col++;
				i++;
				continue;
			}
			run = 0;
			/* ASCII and the Han of lead bytes E4..E9, most of a
			   page, without decoding. */
			if (b[0] < 0x80) {
				col++;
				i++;
				continue;
			}
			if (b[0] - 0xE4u <= 0xE9 - 0xE4 && n - i >= 3 &&
			    (b[1] & 0xC0) == 0x80 && (b[2] & 0xC0) == 0x80) {
				col += 2;
				i += 3;
				continue;
			}
			/* Box drawing, U+2500..U+257F: table borders. */
			if (b[0] == 0xE2 && n - i >= 3 && (b[1] == 0x94 ||
			    b[1] == 0x95) && (b[2] & 0xC0) == 0x80) {
				col++;
				i += 3;
				continue;
			}
			k = cls_next(b, n - i, &c);
			col += 1 + is_wide_cp(c);
			i += k;
		}
		u = new_unit(nl);
		u->raw = s + start;
		u->rawlen = i - start;
		u->phys = phys;
		u->col = startcol;
	}
}

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

/* Do three or more short bullet items start at v[i]? */
static int
link_list_after(const struct line *v, size_t i, size_t be)
{
	size_t items = 0;

	for (; i < be; i++) {
		if (v[i].label == L_BLANK)
			continue;
		if (!v[i].bullet || v[i].weight > 40)
			break;
		items++;
	}
	return items >= 3;
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
end_of_body(const struct line *v, size_t bs, size_t be)
{
	size_t i, j, seen;
	long before = 0, after, total = 0;

	for (i = bs; i < be; i++)
		if (v[i].label == L_PROSE)
			total += v[i].weight;
	for (i = bs; i < be; i++) {
		if (v[i].label == L_PROSE)
			before += v[i].weight;
		/* A heading over three or more links, with little prose
		   after them: "More Great Stories" and its list. */
		if (v[i].label == L_SHORT && !v[i].ends_sentence &&
		    link_list_after(v, i + 1, be) && 3 * (total - before) < before)
			return i;
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
		if (v[i].label != L_END)
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
 * An author's biography opens or closes many articles, prose though it
 * is: the first or the last lines the body keeps, not the article,
 * unless they are all it keeps (an "about" page).
 */
static void
drop_bios(struct line *v, size_t bs, size_t be)
{
	size_t i, end, j;
	int dir;

	for (dir = -1; dir <= 1; dir += 2) {
		end = dir < 0 ? bs - 1 : be;
		for (i = dir < 0 ? be - 1 : bs; i != end; i += (size_t)dir)
			if (v[i].keep && v[i].label != L_BLANK && !is_bio(&v[i]))
				break;
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

/* A small set of character pairs, for how much two texts share. */
#define PAIR_BITS 4096

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
find_title(const struct line *v, size_t nl, size_t bs, size_t be)
{
	static uint64_t body[PAIR_BITS / 64];
	size_t i, lo = bs > 24 ? bs - 24 : 0, best = nl, used = 0;
	long score, best_score = 0;
	int meta_below = 0;

	memset(body, 0, sizeof body);
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
mark_other_columns(struct line *v, size_t nl)
{
	size_t i;
	unsigned c, body = 0, mid = 0;
	long prev, starts;
	int centred;

	memset(work.colweight, 0, sizeof work.colweight);
	memset(work.midweight, 0, sizeof work.midweight);
	for (i = 0; i < nl; i++)
		if (v[i].label == L_PROSE) {
			work.colweight[col_key(&v[i], 0)] += v[i].weight;
			work.midweight[col_key(&v[i], 1)] += v[i].weight;
		}
	/* Centring rounds half a column either way: a middle counts for
	   its neighbours too. */
	for (c = 0, prev = 0; c <= COL_MAX; c++) {
		long here = work.midweight[c];

		work.midweight[c] += prev + (c < COL_MAX ? work.midweight[c + 1] : 0);
		prev = here;
	}
	for (c = 1, starts = 0; c <= COL_MAX; c++) {
		long near = work.colweight[c - 1] + work.colweight[c] +
		    (c < COL_MAX ? work.colweight[c + 1] : 0);

		if (work.colweight[c] > work.colweight[body])
			body = c;
		if (work.midweight[c] > work.midweight[mid])
			mid = c;
		if (near > starts)
			starts = near;
	}
	/* Judged alike, three columns against three. */
	centred = work.midweight[mid] > 2 * starts;
	if (centred) {
		memcpy(work.colweight, work.midweight, sizeof work.colweight);
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
			if (work.colweight[c] > most)
				most = work.colweight[c];
		if (4 * most < work.colweight[body])
			v[i].other_col = 1;
	}
}

/*
 * Remove the pinyin a spam site put after the characters of text[0..*len);
 * if there was any, point *text at the page without it and return 1.
 */
static int
fix_pinyin(const char **text, size_t *len, struct strip_stats *st)
{
	size_t removed;

	buf_clear(&work.fixed);
	if ((removed = pinyin_repair(*text, *len, &work.fixed)) == 0)
		return 0;
	st->pinyin += removed;
	*text = work.fixed.data;
	*len = work.fixed.len;
	return 1;
}

int
strip_page(const struct strip_opts *o, struct repeat_mem *mem,
    const char *text, size_t len, struct buf *out, struct strip_stats *st)
{
	struct line *v;
	size_t nl = 0, nphys = 0, gaps = 0, nonblank = 0, i, bs, be, prev, title;
	size_t run_end, comments, heads = 0;
	const char *p, *end, *nlp;
	int spam = 0, final_newline, any, columns, listing;
	struct strip_opts scaled;
	size_t han, words, prose = 0, prose_seen = 0;
	long best, before;
	int toned = 0, repaired = !o->repair_pinyin;

	/*
	 * Pinyin is looked for only on a page that holds a letter it marks
	 * tones with, which measure() notes: most pages hold none, and are
	 * not read once more for it.  A page it is removed from is judged
	 * anew, before anything is noted in the repetition memory.
	 */
again:
	final_newline = len > 0 && text[len - 1] == '\n';
	work.clean = 0;
	nl = nphys = gaps = nonblank = heads = 0;

	/*
	 * Units: lines, or in a page of columns the cells of each line.  A
	 * run of blank lines is one unit, so that memory goes with the text
	 * of a page, not with its line count.  One pass makes the lines and
	 * counts the lines with a gap between cells; a page laid out in
	 * columns side by side takes a second pass for its cells.  The
	 * indentation found here is not looked at again: it is half the
	 * bytes of a w3m page.
	 */
	for (p = text, end = text + len; p < end; p = nlp + 1) {
		/* The indentation first: the newline is not a space. */
		const char *t = skip_spaces(p, end);
		int gap;

		nlp = line_end(t, end, &gap);
		if (nlp > p && !(nlp == p + 1 && *p == '\r')) {
			nonblank++;
			gaps += gap;
		}
		add_line(p, t, nlp, nphys, &nl);
		nphys++;
		if (nlp == end)
			break;
	}
	columns = gaps >= 8 && gaps * 5 >= nonblank;
	if (columns) {
		work.overflow = 0;
		work.clean = 0;
		nl = nphys = 0;
		for (p = text; p < end; p = nlp + 1) {
			const char *t;

			nlp = memchr(p, '\n', (size_t)(end - p));
			if (nlp == NULL)
				nlp = end;
			t = skip_spaces(p, nlp);
			if (ascii_blank(t, (size_t)(nlp - t)))
				add_line(p, t, nlp, nphys, &nl);
			else
				split_cells(p, (size_t)(nlp - p), nphys, &nl);
			nphys++;
			if (nlp == end)
				break;
		}
	}
	v = work.v;
	if (work.overflow) {
		work.overflow = 0;
		if (!repaired) {
			repaired = 1;
			if (fix_pinyin(&text, &len, st))
				goto again;
		}
		return -1;
	}

	for (i = 0; i < nl; i++) {
		measure(&v[i]);
		toned |= v[i].toned;
		if (v[i].n > 0) {
			v[i].hash = repeat_hash(v[i].s, v[i].n);
			if (mem != NULL)
				repeat_prefetch(mem, v[i].hash);
		}
	}
	if (toned && !repaired) {
		repaired = 1;
		if (fix_pinyin(&text, &len, st))
			goto again;
	}
	mark_duplicates(v, nl, &work.set, &work.setcap);
	for (i = 0; i < nl; i++) {
		struct line *l = &v[i];

		if (!spam && l->n > 0 && (l->kw & KW_SPAM))
			spam = 1;
		if (spam && l->n > 0) {
			l->label = L_SPAM;
			l->reason = "after a link-farm marker";
		} else {
			label_line(o, l);
			heads += l->chead;
		}
		if (mem != NULL && l->n > 0) {
			l->seen = repeat_seen_note(mem, l->hash) >= o->repeat_min;
			if (l->label == L_PROSE) {
				prose += l->weight;
				prose_seen += l->seen ? l->weight : 0;
			}
		}
	}
	/*
	 * Lines seen on earlier pages are chrome, unless most of the prose
	 * was seen too: then the page itself came before (a page crawled
	 * twice, an article syndicated), and its body is still its body.
	 * A long paragraph is never chrome by repetition alone.
	 */
	if (mem != NULL && 2 * prose_seen <= prose)
		for (i = 0; i < nl; i++)
			if (v[i].seen && v[i].label != L_SPAM &&
			    !(v[i].label == L_PROSE && v[i].weight >= 40)) {
				v[i].label = L_REPEAT;
				v[i].reason = "seen on earlier pages";
			}
	if (mem != NULL)
		repeat_next_page(mem);
	mark_wrapped(o, v, nl);
	mark_teasers(v, nl);
	comments = mark_comment_heads(v, nl, heads);
	/*
	 * A word weighs two, a Han character one, yet an alphabetic page
	 * says less per unit of weight in its menus and link lists and more
	 * in its prose lines: its chrome costs half as much again.
	 */
	scaled = *o;
	for (i = 0, han = words = 0; i < nl; i++) {
		han += v[i].han;
		words += v[i].words;
	}
	if (words > han)
		scaled.gap = o->gap + o->gap / 2;
	o = &scaled;
	if (columns)
		mark_other_columns(v, nl);
	for (i = 0; i < nl; i++)
		v[i].score = v[i].other_col ? 0 : line_score(o, &v[i]);

	/*
	 * The article comes before its comments: one long comment may
	 * outweigh a short article, but not when the article is there,
	 * two paragraphs or as much text as the first comment.  On a
	 * forum the first head is the thread's own, and the post under it
	 * the body.
	 */
	if (comments < nl) {
		size_t second = comments + 1, paras = 0;

		while (second < nl && v[second].reason != reason_chead)
			second++;
		before = best_run(v, 0, comments, &bs, &be);
		for (i = bs; i < be; i++)
			paras += v[i].label == L_PROSE;
		if (before < 3 * (long)o->min_prose || (paras < 2 &&
		    before < best_run(v, comments + 1, second, &bs, &be)))
			comments = nl;
	}
	best = best_run(v, 0, comments, &bs, &be);
	listing = 0;
	if (best < 12 * (long)o->min_prose) {
		/*
		 * Little prose: an agenda, a table of figures, a list of
		 * terms.  Judge the lines of text that are not chrome by their
		 * weight instead; if they make a run far denser than the
		 * prose, that run is the page's content.
		 */
		long lbest;
		size_t ls, le;

		for (i = 0; i < nl; i++)
			v[i].lscore = v[i].other_col ? 0 : listing_score(o, &v[i]);
		for (i = 0; i < nl; i++) {
			long t = v[i].score;

			v[i].score = v[i].lscore;
			v[i].lscore = t;
		}
		lbest = best_run(v, 0, nl, &ls, &le);
		if (lbest > 3 * best) {
			listing = 1;
			best = lbest;
			bs = ls;
			be = le;
		}
	}
	if (!listing && best > 0)
		while ((i = box_before(o, v, bs)) < bs)
			bs = i;
	run_end = be;
	if (!listing && best > 0)
		be = end_of_body(v, bs, be);
	for (i = 0; i < nl; i++) {
		struct line *l = &v[i];

		if (v[i].other_col) {
			l->keep = 0;
			l->reason = "another column";
			continue;
		}
		if (best <= 0 || i < bs || i >= be) {
			l->keep = 0;
			if (i >= be && i < run_end && l->label != L_END)
				l->reason = "after the end of the article";
			else if (l->label == L_PROSE)
				l->reason = "prose outside the main text";
			continue;
		}
		switch (l->label) {
		case L_PROSE:
		case L_SHORT:
		case L_LIST:
		case L_BLANK:
			l->keep = 1;
			break;
		case L_META:
			/* In a listing, dates and places are the content. */
			l->keep = listing && l->reason != reason_meta_kw;
			break;
		case L_REPEAT:
			l->keep = l->copy == 2 && !l->seen && !v[l->first].keep;
			break;
		default:
			l->keep = 0;
		}
	}
	if (!listing && best > 0)
		drop_bios(v, bs, be);
	title = nl;
	if (o->keep_title && best > 0 && (title = find_title(v, nl, bs, be)) < nl) {
		v[title].keep = 1;
		v[title].reason = "title (--keep-title)";
	}

	if (o->explain) {
		for (i = 0; i < nl; i++) {
			const char *q = v[i].raw, *qend = q + v[i].rawlen, *nq;

			/* A run of blank lines is explained line by line. */
			do {
				nq = v[i].blanks > 1 ?
				    memchr(q, '\n', (size_t)(qend - q)) : NULL;
				if (nq == NULL)
					nq = qend;
				buf_adds(out, v[i].keep ? "keep\t" : "drop\t");
				buf_adds(out, label_name[v[i].label]);
				buf_addc(out, '\t');
				buf_adds(out, v[i].reason);
				buf_addc(out, '\t');
				buf_add(out, q, (size_t)(nq - q));
				buf_addc(out, '\n');
				q = nq + 1;
			} while (nq < qend);
		}
		goto done;
	}

	/* Blank lines stay between kept lines, not before the first or after
	   the last, so a page with no chrome comes out unchanged; where chrome
	   was cut out between two kept lines one blank line marks the seam. */
	prev = 0;
	any = 0;
	if (title < nl) {
		emit_line(out, &v[title]);
		buf_addc(out, '\n');
	}
	for (i = 0; i < nl; i++) {
		size_t j, blanks = 0;

		if (!v[i].keep || v[i].label == L_BLANK || i == title)
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
	if (any && !final_newline && prev == nl - 1)
		out->len--;
done:
	st->lines += nphys;
	for (i = 0; i < nl; i++)
		if (v[i].label != L_BLANK) {
			if (v[i].keep)
				st->kept++;
			else
				st->dropped++;
		}
	return 0;
}
