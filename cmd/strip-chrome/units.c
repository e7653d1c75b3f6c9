/*
 * units.c - step 1 of strip_page(): a page cut into units.  A unit is a
 * line, or, for a page laid out as a table with a sidebar printed beside
 * the text, a cell of a line with the display column it starts at, so
 * that the body column can be told from the sidebar.  A run of blank lines
 * is one unit, so that memory goes with the text of a page, not with its
 * line count.
 */
#include <stdlib.h>
#include <string.h>

#include "line.h"
#include "winnow.h"

#define UNIT_BATCH 64

/*
 * Clear v[0..k).  A batch is a few kilobytes, where glibc's memset turns
 * to rep stosb; plain vector stores, sixteen bytes each, are as fast and
 * are counted as what they are by a profiler (callgrind counts each byte
 * of rep stosb as an instruction: 8% of the total, which hid the rest).
 */
static void
clear_units(struct line *v, size_t k)
{
	unsigned char *p = (unsigned char *)v, *end = p + k * sizeof *v;
	const uint64_t zero[2] = { 0, 0 };

	/* Four stores a turn: the loop's own count and test were half of
	   its instructions at one a turn. */
	for (; end - p >= 64; p += 64) {
		memcpy(p, zero, 16);
		memcpy(p + 16, zero, 16);
		memcpy(p + 32, zero, 16);
		memcpy(p + 48, zero, 16);
	}
	for (; end - p >= 16; p += 16)
		memcpy(p, zero, 16);
	memset(p, 0, (size_t)(end - p));
}

static struct line *
new_unit(struct units *u, size_t *nl)
{
	/* Past the limit, units land in a scratch slot; the caller sees
	   u->overflow and gives the page up. */
	if (*nl >= STRIP_MAX_UNITS) {
		u->overflow = 1;
		memset(&u->scratch, 0, sizeof u->scratch);
		return &u->scratch;
	}
	if (*nl == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 256;
		u->v = xreallocarray(u->v, u->cap, sizeof *u->v);
	}
	/* Units are cleared UNIT_BATCH at a time: for one unit the compiler's
	   memset is rep stos, whose start-up costs more than its stores. */
	if (*nl >= u->clean) {
		size_t k = u->cap - *nl < UNIT_BATCH ? u->cap - *nl : UNIT_BATCH;

		clear_units(&u->v[*nl], k);
		u->clean = *nl + k;
	}
	return &u->v[(*nl)++];
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
add_line(struct units *us, const char *p, const char *t, const char *nlp,
    size_t phys, size_t *nl)
{
	struct line *u;

	/* t is past the spaces: text there, other than a tab or a carriage
	   return, is no blank line, which most lines show by their first
	   byte. */
	if (t == nlp || *t == '\t' || *t == '\r' ?
	    ascii_blank(t, (size_t)(nlp - t)) : 0) {
		u = *nl > 0 ? &us->v[*nl - 1] : NULL;
		if (u != NULL && u->blanks > 0 && u->phys + u->blanks == phys) {
			u->rawlen = (size_t)(nlp - u->raw);
			u->blanks++;
			return;
		}
		u = new_unit(us, nl);
		u->blanks = 1;
	} else {
		u = new_unit(us, nl);
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

#if defined(__SSE2__)
/* The spaces that end sixteen bytes whose spaces are the bits of sp, at
   most COL_GAP. */
static inline unsigned
trailing_spaces(unsigned sp)
{
	unsigned run;

	if (sp == 0xFFFF)
		return COL_GAP;
	run = 15 - (31 - (unsigned)__builtin_clz(~sp & 0xFFFF));
	return run > COL_GAP ? COL_GAP : run;
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
	unsigned before = 0;	/* the spaces of the sixteen bytes before p */

	for (; end - p >= 16; p += 16) {
		const __m128i v = sse_load(p);
		unsigned nl = sse_eq(v, '\n'), sp = sse_eq(v, ' '), x, run;

		/* No two spaces side by side and none carried in: no gap
		   here (prose, Chinese text), and none of the work below. */
		if (!g && ((sp & sp >> 1) | before >> 15) != 0) {
			/* Bit k + 4 of x: byte k a space; below, the run
			   carried in.  A gap is COL_GAP spaces, then text. */
			run = trailing_spaces(before);
			x = sp << 4 | ((0xFu << (4 - run)) & 0xF);
			x &= x >> 1 & x >> 2 & x >> 3;
			g = (x & ~sp & (nl ? (nl & (0 - nl)) - 1 : 0xFFFF)) != 0;
		}
		if (nl != 0) {
			*gap = g;
			return p + __builtin_ctz(nl);
		}
		before = sp;
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
split_cells(struct units *us, const char *s, size_t n, size_t phys,
    size_t *nl)
{
	size_t i = 0, start, run;
	unsigned col = 0, startcol;
	struct line *u;

	if (n == 0) {
		u = new_unit(us, nl);
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
		u = new_unit(us, nl);
		u->raw = s + start;
		u->rawlen = i - start;
		u->phys = phys;
		u->col = startcol;
	}
}

/*
 * Is the line at t..nlp (past its indentation) the next line of a
 * program's listing with a gutter, its number one more than *last's:
 * "12          <script src=…>"?  *last becomes the number the line opens
 * with, 0 if none.  The gap between a gutter's number and an indented
 * line of code is no gap between cells of a table, when it is the
 * line's only one.
 */
static int
gutter_next(const char *t, const char *nlp, size_t *last)
{
	size_t num = 0, prev = *last;
	const char *p = t;

	while (p < nlp && p - t < 6 && *p >= '0' && *p <= '9')
		num = num * 10 + (size_t)(*p++ - '0');
	if (p == t || (p < nlp && *p != ' ')) {
		*last = 0;
		return 0;
	}
	*last = num;
	/* A ranking's rows are numbered too, but hold more cells after
	   the number: "3   Kevin Harvick   5033   4". */
	return num == prev + 1 && !has_cell_gap(p, (size_t)(nlp - p));
}

/*
 * One pass makes the lines and counts the lines with a gap between
 * cells; a page laid out in columns side by side takes a second pass for
 * its cells.  The indentation found here is not looked at again: it is
 * half the bytes of a w3m page.
 */
int
split_units(struct units *us, const char *text, size_t len, size_t *lines,
    int *columns)
{
	const char *p, *end = text + len, *nlp;
	size_t nl = 0, nphys = 0, gaps = 0, nonblank = 0, gutter = 0;

	us->clean = 0;
	for (p = text; p < end; p = nlp + 1) {
		/* The indentation first: the newline is not a space. */
		const char *t = skip_spaces(p, end);
		int gap;

		nlp = line_end(t, end, &gap);
		if (nlp > p && !(nlp == p + 1 && *p == '\r')) {
			nonblank++;
			gaps += gap && !(*t >= '0' && *t <= '9' &&
			    gutter_next(t, nlp, &gutter));
		}
		add_line(us, p, t, nlp, nphys, &nl);
		nphys++;
		if (nlp == end)
			break;
	}
	*columns = gaps >= 8 && gaps * 5 >= nonblank;
	if (*columns) {
		us->overflow = 0;
		us->clean = 0;
		nl = nphys = 0;
		for (p = text; p < end; p = nlp + 1) {
			const char *t;

			nlp = memchr(p, '\n', (size_t)(end - p));
			if (nlp == NULL)
				nlp = end;
			t = skip_spaces(p, nlp);
			if (ascii_blank(t, (size_t)(nlp - t)))
				add_line(us, p, t, nlp, nphys, &nl);
			else
				split_cells(us, p, (size_t)(nlp - p), nphys, &nl);
			nphys++;
			if (nlp == end)
				break;
		}
	}
	us->n = nl;
	*lines = nphys;
	if (us->overflow) {
		us->overflow = 0;
		return -1;
	}
	return 0;
}
