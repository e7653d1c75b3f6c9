/*
 * pages.c - the undelimited splitter (see pages.h): its handle, the lines
 * of an operand decoded for the scorer, and the pages written as records.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "decoder.h"
#include "encdetect.h"
#include "pagemodel.h"
#include "pages.h"
#include "pagewords.h"
#include "split.h"
#include "window.h"
#include "winnow.h"

struct pages {
	size_t piece_max;
	struct kwset *words;
	struct pagemodel model;
	struct window w;
	struct decoder dec;
	/* The operand's charset, when its lines are decoded for the scorer. */
	struct conv conv;
	int decode;		/* conv is open */
	int keeps_ascii;	/* conv decodes each ASCII byte to itself */
	struct buf line;	/* a line decoded */
	struct buf tmp;		/* ascii_kept()'s and raw_offset()'s scratch */
};

struct pages *
pages_new(const struct pages_opts *o)
{
	struct pages *h = xcalloc(1, sizeof *h);

	h->piece_max = o->piece_max ? o->piece_max : 64 * 1024;
	h->words = pw_new();
	pm_init(&h->model, o->tune);
	win_init(&h->w, h->words);
	h->dec.dump_features = o->dump_features;
	h->dec.dump_scores = o->dump_scores;
	return h;
}

void
pages_free(struct pages *h)
{
	if (!h)
		return;
	win_free(&h->w);
	kwset_free(h->words);
	buf_free(&h->line);
	buf_free(&h->tmp);
	free(h);
}

/*
 * Open h->conv to decode the dump's lines to UTF-8 when its first bytes
 * are in a legacy charset that keeps ASCII's newline (so lines split as
 * they are).  Returns 0 when the lines are scored as they are: UTF-8,
 * ASCII, UTF-16/32, or a charset iconv does not know.
 */
static int
open_decoder(struct pages *h, struct src *s)
{
	struct enc_guess g;
	size_t n = src_fill(s, PAGES_DETECT_PREFIX);

	if (n == 0)
		return 0;
	enc_detect(src_ptr(s), n, s->eof, NULL, &g);
	if (!g.name || !strcmp(g.name, "UTF-8") || !strcmp(g.name, "ASCII") ||
	    !strncmp(g.name, "UTF-16", 6) || !strncmp(g.name, "UTF-32", 6))
		return 0;
	return conv_open(&h->conv, "UTF-8", g.name, CONV_REPLACE) == 0;
}

/*
 * Whether c decodes each ASCII byte alone to itself: then a line of ASCII
 * bytes decodes to itself, and need not be decoded.  Not so in Shift_JIS
 * (\ is ¥), EBCDIC, or where an ASCII byte begins a sequence (ISO-2022's
 * ESC, HZ's ~): alone, that is a sequence cut short, replaced.
 */
static int
ascii_kept(struct conv *c, struct buf *b)
{
	unsigned char ch;
	int ok = 1;

	for (ch = 0; ch < 0x80 && ok; ch++) {
		buf_clear(b);
		conv_run(c, (const char *)&ch, 1, 1, b);
		ok = b->len == 1 && (unsigned char)b->data[0] == ch;
	}
	return ok;
}

/* Whether p[0..n) is all ASCII: eight bytes at a time. */
static int
all_ascii(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, p + i, 8);
		if (x & 0x8080808080808080ull)
			return 0;
	}
	for (; i < n; i++)
		if (p[i] & 0x80)
			return 0;
	return 1;
}

/*
 * The offset in raw[0..n) whose decoding through c is u[0..k), or 0 when
 * there is none (the glue point of a line in a legacy charset, found in
 * its UTF-8).  Rare, so a binary search over whole decodings will do: for
 * the first prefix that decodes to k bytes or more, then the next few.
 */
static size_t
raw_offset(struct conv *c, const unsigned char *raw, size_t n,
    const unsigned char *u, size_t k, struct buf *tmp)
{
	size_t lo = 1, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		buf_clear(tmp);
		conv_run(c, (const char *)raw, mid, 1, tmp);
		if (tmp->len < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* A prefix that ends inside a character decodes with a U+FFFD more. */
	for (hi = lo + 4; lo < n && lo < hi; lo++) {
		buf_clear(tmp);
		conv_run(c, (const char *)raw, lo, 1, tmp);
		if (tmp->len == k && !memcmp(tmp->data, u, k))
			return lo;
	}
	return 0;
}

/*
 * Line raw[0..n) of the operand joins the window (with midline it goes on
 * a line too long to take whole; without complete more of it follows),
 * decoded for the scorer when the dump is in a legacy charset, and in two
 * parts where a page may begin inside it.
 */
static void
feed(struct pages *h, const unsigned char *raw, size_t n, int midline,
    int complete)
{
	const unsigned char *u = raw;
	size_t un = n, k, kr;
	int decoded = 0;

	if (h->decode && !(h->keeps_ascii && all_ascii(raw, n))) {
		/* Each line on its own: final flushes and resets the state. */
		decoded = 1;
		buf_clear(&h->line);
		conv_run(&h->conv, (const char *)raw, n, 1, &h->line);
		u = (const unsigned char *)h->line.data;
		un = h->line.len;
	}
	/* The features are fitted on whole lines: see tokens.h, glue. */
	k = win_push(&h->w, raw, n, u, un, midline,
	    !midline && complete && !h->dec.dump_features);
	kr = k && decoded ? raw_offset(&h->conv, raw, n, u, k, &h->tmp) : k;
	if (kr) {
		win_push(&h->w, raw, kr, u, k, 0, 0);
		dec_step(&h->dec, 1);
		win_push(&h->w, raw + kr, n - kr, u + k, un - k, 0, 0);
		h->w.lines[h->w.n - 1].cls |= L_GLUED;
		h->w.lines[h->w.n - 1].after_text = (unsigned char)pw_text_ends(h->words, u, k);
	} else if (k)
		win_push(&h->w, raw, n, u, un, midline, 0);
	dec_step(&h->dec, 1);
}

/* Where the pages of an operand go: records of e. */
struct page_out {
	struct emitter *e;
	const char *path;
	unsigned long long recno;
};

static void
emit_run(void *ctx, unsigned long long lineno, size_t nlines,
    const struct pline *L, const char *p, size_t n, int start)
{
	struct page_out *po = ctx;

	(void)lineno;
	(void)nlines;
	(void)L;
	if (start) {
		if (po->recno)
			em_end(po->e);
		em_begin(po->e, po->path, ++po->recno, "text");
	}
	em_add(po->e, p, n);
}

void
pages_run(struct pages *h, struct src *s, struct emitter *e)
{
	struct page_out po = { e, s->path, 0 };
	int midline = 0, complete;

	win_reset(&h->w);
	dec_start(&h->dec, &h->w, &h->model, emit_run, &po);
	h->decode = open_decoder(h, s);
	h->keeps_ascii = h->decode && ascii_kept(&h->conv, &h->tmp);
	while (src_fill(s, 1)) {
		size_t n = split_next_line(s, h->piece_max, &complete);

		feed(h, src_ptr(s), n, midline, complete);
		src_skip(s, n);
		midline = !complete;
	}
	dec_step(&h->dec, 0);
	if (po.recno)
		em_end(e);
	if (h->decode)
		conv_close(&h->conv);
}

/* Where pages_boundaries() puts its answers. */
struct marks {
	unsigned char *is_start;
	double *score;
};

static void
mark_start(void *ctx, unsigned long long lineno, size_t nlines,
    const struct pline *L, const char *p, size_t n, int start)
{
	struct marks *m = ctx;
	size_t i;

	(void)p;
	(void)n;
	m->is_start[lineno] = (unsigned char)start;
	memset(m->is_start + lineno + 1, 0, nlines - 1);
	for (i = 0; m->score && i < nlines; i++)
		m->score[lineno + i] = L[i].score;
}

void
pages_boundaries(struct pages *h, const char *text, size_t len,
    const size_t *line_off, size_t nlines, unsigned char *is_start,
    double *score)
{
	struct marks m = { is_start, score };
	size_t i;

	win_reset(&h->w);
	dec_start(&h->dec, &h->w, &h->model, mark_start, &m);
	for (i = 0; i < nlines; i++) {
		size_t end = i + 1 < nlines ? line_off[i + 1] : len;
		const unsigned char *p = (const unsigned char *)text + line_off[i];

		win_push(&h->w, p, end - line_off[i], p, end - line_off[i], 0, 0);
		dec_step(&h->dec, 1);
	}
	dec_step(&h->dec, 0);
}
