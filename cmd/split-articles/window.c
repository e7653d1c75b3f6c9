/*
 * window.c - the lines of a stream that the page splitter holds (see
 * window.h).
 */
#include <stdlib.h>
#include <string.h>

#include "pagefeatures.h"
#include "pageline.h"
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

size_t
win_push(struct window *w, const unsigned char *p, size_t n,
    const unsigned char *u, size_t un, int piece, int may_glue)
{
	static const uint32_t none[S_NBITS + 1];
	const uint32_t *before;
	struct pline *l;
	int b;

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
	/* Unsigned sums wrap alike, so differences stay right. */
	before = w->n > 1 ? l[-1].cum : none;
	for (b = 0; b < S_NBITS; b++)
		l->cum[b] = before[b] + (l->style >> b & 1);
	l->cum[S_NBITS] = before[S_NBITS] + l->width;
	if (piece)
		l->cls |= L_PIECE;
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
	for (i = 0; i < w->n; i++)
		w->lines[i].off -= off;
}
