/*
 * window.c - the lines of a stream that the page splitter holds (see
 * window.h).
 */
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pagefeatures.h"
#include "pageline.h"
#include "recur.h"
#include "window.h"
#include "winnow.h"

void
win_init(struct window *w, const struct kwset *words)
{
	memset(w, 0, sizeof *w);
	w->words = words;
	w->links = links_new();
}

void
win_reset(struct window *w)
{
	buf_clear(&w->text);
	w->n = 0;
	w->sides.of = 0;
	links_reset(w->links);
}

void
win_free(struct window *w)
{
	buf_free(&w->text);
	free(w->lines);
	links_free(w->links);
}

/*
 * Line j's nb_back, nb_fwd and fur (pline.h), and the nb_fwd of the
 * blank lines before it when it is not blank: the features look no
 * further than CONTEXT lines, so neither does this.
 */
static void
nb_link(struct pline *L, size_t j)
{
	struct pline *l = &L[j];
	size_t k;

	l->fur = (unsigned char)FUR(l->cls);
	l->nb_fwd = NB_NONE;
	if (l->cls & L_BLANK) {
		l->nb_back = j > 0 && L[j - 1].nb_back < NB_NONE - 1 ?
		    (unsigned char)(L[j - 1].nb_back + 1) : NB_NONE;
		return;
	}
	l->nb_back = l->nb_fwd = 0;
	for (k = j; k > 0 && j - k < CONTEXT && (L[k - 1].cls & L_BLANK); k--)
		L[k - 1].nb_fwd = (unsigned char)(j - k + 1);
}

/*
 * The running sums of a line (pline.cum) from those before it: the
 * S_* bits of style, one each, and width.  Unsigned sums wrap alike, so
 * differences stay right.
 */
_Static_assert(S_NBITS == 7, "cum_add() holds the S_* bits in two vectors");

static inline void
cum_add(uint32_t cum[S_NBITS + 1], const uint32_t before[S_NBITS + 1],
    unsigned style, unsigned width)
{
#if defined(__SSE2__)
	/*
	 * Four sums at a time: a lane whose bit is set adds 1 (less -1).  The
	 * last lane's is a bit style never holds: it adds width alone.
	 */
	const __m128i bits_lo = _mm_setr_epi32(1, 2, 4, 8);
	const __m128i bits_hi = _mm_setr_epi32(16, 32, 64, 1 << S_NBITS);
	__m128i st = _mm_set1_epi32((int)style);
	__m128i lo = _mm_loadu_si128((const __m128i *)before);
	__m128i hi = _mm_loadu_si128((const __m128i *)(before + 4));

	lo = _mm_sub_epi32(lo, _mm_cmpeq_epi32(_mm_and_si128(st, bits_lo), bits_lo));
	hi = _mm_sub_epi32(hi, _mm_cmpeq_epi32(_mm_and_si128(st, bits_hi), bits_hi));
	hi = _mm_add_epi32(hi, _mm_setr_epi32(0, 0, 0, (int)width));
	_mm_storeu_si128((__m128i *)cum, lo);
	_mm_storeu_si128((__m128i *)(cum + 4), hi);
#else
	int b;

	for (b = 0; b < S_NBITS; b++)
		cum[b] = before[b] + (style >> b & 1);
	cum[S_NBITS] = before[S_NBITS] + width;
#endif
}

size_t
win_push(struct window *w, const unsigned char *p, size_t n,
    const unsigned char *u, size_t un, int piece, int may_glue)
{
	static const uint32_t none[S_NBITS + 1];
	const uint32_t *before;
	struct pline *l;

	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->lines = xreallocarray(w->lines, w->cap, sizeof *w->lines);
	}
	l = &w->lines[w->n];
	pl_classify(l, &w->tok, w->words, u, un);
	/*
	 * A page's first line names its site, its sections or where it is;
	 * it does not end like a sentence, so a line that does holds none
	 * ("...即可将网页分享到我的朋友圈。").
	 */
	if (may_glue && !(l->cls & L_SENTENCE)) {
		size_t at = w->tok.glue_at;
		size_t words = pw_glue(w->words, u, un && u[un - 1] == '\n' ? un - 1 : un,
		    w->tok.first, l->cls);

		if (words && (!at || words < at))
			at = words;
		if (at)
			return at;
	}
	w->n++;
	l->off = w->text.len;
	l->len = n;
	buf_add(&w->text, p, n);
	memset(l->lin, 0, sizeof l->lin);
	memset(l->lout, 0, sizeof l->lout);
	links_line(w->links, w->lines, w->n - 1, w->tok.tok, w->tok.n);
	before = w->n > 1 ? l[-1].cum : none;
	cum_add(l->cum, before, l->style, l->width);
	if (piece)
		l->cls |= L_PIECE;
	if (!(l->cls & L_BLANK))
		l->rhash = rec_line((const char *)u + w->tok.first, un - w->tok.first);
	nb_link(w->lines, w->n - 1);
	l->after_text = 0;
	l->score = 0;
	return 0;
}

void
win_drop(struct window *w, size_t k)
{
	size_t off, i;

	if (k == 0)
		return;
	off = k < w->n ? w->lines[k].off : w->text.len;
	if (off)
		memmove(w->text.data, w->text.data + off, w->text.len - off);
	w->text.len -= off;
	memmove(w->lines, w->lines + k, (w->n - k) * sizeof *w->lines);
	w->n -= k;
	w->sides.of = 0;
	for (i = 0; i < w->n; i++)
		w->lines[i].off -= off;
}
