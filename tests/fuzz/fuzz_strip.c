/*
 * fuzz_strip.c - strip-chrome's engine (cmd/strip-chrome/): any bytes as a
 * page, or as a stream of pages cut at NUL bytes through the repetition
 * memory (of 16 slots and up, so it fills), with --keep-title, --no-pinyin,
 * --repeat-min, --min-prose, --gap and --keep-comments taken from the
 * input.  Each page is
 * stripped twice, once as the body and once with --explain, by two
 * engines, each with a memory of its own fed the same pages.
 * Properties:
 *  - every --explain line is LABEL, CLASS, REASON and LINE, LABEL keep or
 *    drop (or comment, with --keep-comments), CLASS one of the ten;
 *  - the LINEs are the page's lines (of the page as it is, or with its
 *    pinyin removed) in order: joined by newlines they give the page back,
 *    less a final newline; in a page that may be laid out as a table
 *    (a line with a gap of 4 spaces between two pieces of text) each is a
 *    piece of a line, after the one before;
 *  - the body is what --explain says is kept: the title line first with
 *    --keep-title, then the kept lines, the blank lines between two of
 *    them as they were or one where chrome was cut, no final newline where
 *    the page had none after its last line;
 *  - with --keep-comments, strip_comments() holds the lines --explain
 *    labels comment, each with a newline, in order.
 * seeds: pages/text dumps/plaintext
 */
#define _GNU_SOURCE
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "strip.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_strip");
	return 0;
}

/* One line of --explain. */
struct xline {
	int keep, blank, title, comment;
	const char *s;
	size_t n;
};

static struct xline *xl;
static size_t nxl, xlcap;

static void
parse_explain(const struct buf *out)
{
	static const char *const classes[] = { "blank", "prose", "short", "list",
	    "chrome", "meta", "media", "repeat", "spam", "end" };
	const char *p = out->data, *end;

	nxl = 0;
	if (out->len == 0)
		return;
	end = out->data + out->len;
	fuzz_assert(end[-1] == '\n');
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *t1, *t2, *t3;
		struct xline *x;
		size_t k, known = 0;

		t1 = memchr(p, '\t', (size_t)(nl - p));
		fuzz_assert(t1 != NULL);
		t2 = memchr(t1 + 1, '\t', (size_t)(nl - t1 - 1));
		fuzz_assert(t2 != NULL);
		t3 = memchr(t2 + 1, '\t', (size_t)(nl - t2 - 1));
		fuzz_assert(t3 != NULL);
		if (nxl == xlcap) {
			xlcap = xlcap ? 2 * xlcap : 256;
			xl = xreallocarray(xl, xlcap, sizeof *xl);
		}
		x = &xl[nxl++];
		fuzz_assert((t1 - p == 4 && !memcmp(p, "keep", 4)) ||
		    (t1 - p == 4 && !memcmp(p, "drop", 4)) ||
		    (t1 - p == 7 && !memcmp(p, "comment", 7)));
		x->keep = p[0] == 'k';
		x->comment = p[0] == 'c';
		for (k = 0; k < sizeof classes / sizeof classes[0]; k++)
			if ((size_t)(t2 - t1 - 1) == strlen(classes[k]) &&
			    !memcmp(t1 + 1, classes[k], strlen(classes[k])))
				known = 1;
		fuzz_assert(known);
		x->blank = t2 - t1 - 1 == 5 && !memcmp(t1 + 1, "blank", 5);
		x->title = (size_t)(t3 - t2 - 1) == strlen("title (--keep-title)") &&
		    !memcmp(t2 + 1, "title (--keep-title)", (size_t)(t3 - t2 - 1));
		x->s = t3 + 1;
		x->n = (size_t)(nl - t3 - 1);
		p = nl + 1;
	}
}

/* Could the page be laid out as a table: a gap of 4 spaces before text? */
static int
may_have_cells(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t run = 0;
		int text = 0;

		/* The indentation is not a gap. */
		while (i < n && s[i] == ' ')
			i++;
		for (; i < n && s[i] != '\n'; i++) {
			if (s[i] == ' ') {
				run++;
				continue;
			}
			if (run >= 4 && text)
				return 1;
			run = 0;
			text = 1;
		}
		i++;
	}
	return 0;
}

/* The LINEs are the page's lines, or pieces of them, in order. */
static int
lines_match(const char *text, size_t len, int cells)
{
	size_t i, at = 0;

	if (!cells) {
		size_t want = len - (len > 0 && text[len - 1] == '\n');

		for (i = 0; i < nxl; i++) {
			if (i > 0) {
				if (at >= want || text[at] != '\n')
					return 0;
				at++;
			}
			if (xl[i].n > want - at || (xl[i].n &&
			    memcmp(text + at, xl[i].s, xl[i].n)))
				return 0;
			at += xl[i].n;
		}
		return at == want;
	}
	for (i = 0; i < nxl; i++) {
		const char *p;

		if (xl[i].n == 0)
			continue;
		p = memmem(text + at, len - at, xl[i].s, xl[i].n);
		if (p == NULL)
			return 0;
		at = (size_t)(p - text) + xl[i].n;
	}
	return 1;
}

/* The body as classify.c writes it, from what --explain says. */
static void
body_from_explain(int final_newline, struct buf *out)
{
	size_t i, j, prev = 0;
	int any = 0;

	buf_clear(out);
	for (i = 0; i < nxl; i++)
		if (xl[i].title) {
			/* A title is one unit, perhaps of a run of lines. */
			for (j = i; j < nxl && xl[j].title; j++) {
				buf_add(out, xl[j].s, xl[j].n);
				buf_addc(out, '\n');
			}
			buf_addc(out, '\n');
			break;
		}
	for (i = 0; i < nxl; i++) {
		size_t blanks = 0;

		if (!xl[i].keep || xl[i].blank || xl[i].title)
			continue;
		if (any) {
			for (j = prev + 1; j < i; j++)
				blanks += xl[j].blank;
			if (blanks == i - prev - 1) {
				for (j = prev + 1; j < i; j++) {
					buf_add(out, xl[j].s, xl[j].n);
					buf_addc(out, '\n');
				}
			} else if (blanks > 0) {
				buf_addc(out, '\n');
			}
		}
		buf_add(out, xl[i].s, xl[i].n);
		buf_addc(out, '\n');
		any = 1;
		prev = i;
	}
	if (any && !final_newline && prev == nxl - 1)
		out->len--;
}

static void
check_page(const struct strip_opts *o, struct strip *h_body,
    struct strip *h_explain, const char *text, size_t len)
{
	static struct buf body, explained, want, fixed;
	struct strip_stats st;
	int cells;

	memset(&st, 0, sizeof st);
	buf_clear(&body);
	buf_clear(&explained);
	fuzz_assert(strip_page(h_body, text, len, &body, &st) == 0);
	fuzz_assert(strip_page(h_explain, text, len, &explained, &st) == 0);
	parse_explain(&explained);

	cells = may_have_cells(text, len);
	if (!lines_match(text, len, cells)) {
		/* Then the lines are those of the page with its pinyin removed. */
		buf_clear(&fixed);
		fuzz_assert(o->repair_pinyin && pinyin_repair(text, len, &fixed) > 0);
		fuzz_assert(lines_match(fixed.data, fixed.len,
		    may_have_cells(fixed.data, fixed.len)));
	}
	body_from_explain(len > 0 && text[len - 1] == '\n', &want);
	fuzz_assert(body.len == want.len &&
	    (body.len == 0 || !memcmp(body.data, want.data, body.len)));
	if (o->keep_comments) {
		const struct buf *c = strip_comments(h_body);
		size_t i;

		buf_clear(&want);
		for (i = 0; i < nxl; i++)
			if (xl[i].comment) {
				buf_add(&want, xl[i].s, xl[i].n);
				buf_addc(&want, '\n');
			}
		fuzz_assert(c->len == want.len &&
		    (c->len == 0 || !memcmp(c->data, want.data, c->len)));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned repeat_min[] = { 1, 2, 3, 5 };
	static const unsigned min_prose[] = { 0, 3, 12, 40 };
	static const unsigned gap[] = { 0, 6, 20, 10000 };
	static const unsigned bits[] = { 4, 8, 12, 16 };
	uint32_t h = fuzz_mix(data, size);
	unsigned k0 = h & 0xff, k1 = h >> 8 & 0xff;
	struct strip *h_body, *h_explain;
	const char *p = (const char *)data, *end = p + size, *z;
	struct strip_opts o, ox;

	strip_opts_init(&o);
	o.keep_title = k0 & 1;
	o.repair_pinyin = !(k0 & 2);
	o.repeat_min = repeat_min[k0 >> 2 & 3];
	o.min_prose = min_prose[k0 >> 4 & 3];
	o.gap = gap[k0 >> 6 & 3];
	/* A stream, cut at NULs as -z cuts it, through the memory. */
	if (k1 & 1)
		o.repeat_bits = bits[k1 >> 1 & 3];
	if (k1 & 8)
		o.keep_comments = COMMENTS_AFTER;
	ox = o;
	ox.explain = 1;
	h_body = strip_new(&o);
	h_explain = strip_new(&ox);
	if (k1 & 1)
		while ((z = memchr(p, '\0', (size_t)(end - p))) != NULL) {
			check_page(&o, h_body, h_explain, p, (size_t)(z - p));
			p = z + 1;
		}
	check_page(&o, h_body, h_explain, p, (size_t)(end - p));
	strip_free(h_body);
	strip_free(h_explain);
	return 0;
}
