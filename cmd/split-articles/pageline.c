/*
 * pageline.c - what one line is, on its own (see pageline.h).
 */
#include <string.h>

#include "bytes.h"
#include "pageline.h"
#include "pagerole.h"

/* Ends like a sentence: . ! ? or 。！？ and closing quotes after them. */
static int
ends_sentence(const unsigned char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r' || p[n - 1] == '\t'))
		n--;
	if (n >= 3 && p[n - 3] == 0xe2 && p[n - 2] == 0x80 && (p[n - 1] == 0x9d ||
	    p[n - 1] == 0x99))
		n -= 3;	/* ” ’ */
	if (n >= 1 && (p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?' ||
	    p[n - 1] == '"'))
		return n >= 2 && p[n - 2] != '.';	/* not "..." */
	if (n >= 3 && p[n - 3] == 0xe3 && p[n - 2] == 0x80 && p[n - 1] == 0x82)
		return 1;	/* 。 */
	if (n >= 3 && p[n - 3] == 0xef && p[n - 2] == 0xbc &&
	    (p[n - 1] == 0x81 || p[n - 1] == 0x9f))
		return 1;	/* ！？ */
	return 0;
}

/*
 * The classes of the shape of line p[0..end) with chars characters, its
 * text from p[first], given those of its words, cls: a list item, a lone
 * image, a sentence, a counter's token.
 */
static unsigned
shape(const unsigned char *p, size_t first, size_t end, unsigned chars,
    unsigned cls)
{
	if (chars == 0)
		cls |= L_BLANK;
	else if (first < end) {
		const unsigned char *f = p + first;
		size_t left = end - first;

		/* • U+2022, □ U+25A1, ● U+25CF, ◆ U+25C6, · U+00B7 */
		if (left >= 3 && f[0] == 0xe2 && ((f[1] == 0x80 && f[2] == 0xa2) ||
		    (f[1] == 0x96 && (f[2] == 0xa1 || f[2] == 0x8f || f[2] == 0x86))))
			cls |= L_BULLET;
		if (left >= 2 && f[0] == 0xc2 && f[1] == 0xb7)
			cls |= L_BULLET;
		if ((chars == 1 && f[0] == '*') || (f[0] == '[' && p[end - 1] == ']' &&
		    !memchr(f + 1, '[', left - 1)) ||
		    (end > first && p[end - 1] == '\r' && chars == 1 && f[0] == '*'))
			cls |= L_PIXEL;
	}
	if (ends_sentence(p, end))
		cls |= L_SENTENCE;
	if (first < end && chars >= 2 && chars <= 16 && !(cls & (L_TOP | L_SKIP))) {
		size_t j;

		/* "[m]", "[apstat]", "Quantcast": counters after the footer. */
		for (j = first; j < end && p[j] > ' ' && p[j] < 0x7f; j++)
			;
		while (j < end && (p[j] == ' ' || p[j] == '\r' || p[j] == '\t'))
			j++;
		if (j == end)
			cls |= L_LONE;
	}
	return cls;
}

/* The S_* bits of line p[0..end), its text from p[first], of class cls. */
static unsigned
style(const unsigned char *p, size_t first, size_t end, unsigned cls,
    unsigned cjk, unsigned latin)
{
	unsigned st = 0;

	if (end > 0 && (p[0] == ' ' || p[0] == '\t'))
		st |= 1u << S_INDENT;
	if (end > 0 && (p[end - 1] == ' ' || (p[end - 1] == '\r' && end > 1 &&
	    p[end - 2] == ' ')))
		st |= 1u << S_PADDED;
	if (cls & L_EMPTY)
		st |= 1u << S_EMPTY;
	if (cjk > latin)
		st |= 1u << S_CJK;
	if (cls & L_BULLET)
		st |= 1u << S_BULLET;
	if (first < end && p[first] == '[')
		st |= 1u << S_IMAGE;
	if (end >= 70)
		st |= 1u << S_WIDE;
	return st;
}

/* A line's NATTRS attributes, each 0 or 1, as bits. */
static unsigned
pl_attrs(const struct pline *l)
{
	return (unsigned)(l->digits * 2 > l->chars) |
	    (unsigned)((l->cls & (L_BLANK | L_EMPTY)) == L_BLANK) << 1 |
	    (unsigned)((l->cls & L_BULLET) != 0) << 2 |
	    (unsigned)((l->style >> S_IMAGE & 1) != 0) << 3 |
	    (unsigned)(l->box != 0) << 4 |
	    (unsigned)((l->style >> S_CJK & 1) != 0) << 5 |
	    (unsigned)(l->latin != 0) << 6 |
	    (unsigned)(l->chars > 0 && l->chars < 6) << 7 |
	    (unsigned)(l->chars >= 6 && l->chars < 20) << 8 |
	    (unsigned)(l->chars >= 60) << 9 |
	    (unsigned)(l->indent > 0 && !(l->cls & L_BLANK)) << 10 |
	    (unsigned)((l->cls & L_SENTENCE) != 0) << 11;
}

/*
 * An empty line, a third of the lines of a dump: what pl_classify()'s
 * steps make of it, set at once (no words, no shape, no layout).
 */
static void
empty_line(struct pline *l, struct tokens *t)
{
	tok_line(t, NULL, 0, 0, 0);
	l->cls = L_EMPTY | L_BLANK;
	l->style = 1u << S_EMPTY;
	l->width = 0;
	l->indent = 0;
	l->box = 0;
	l->latin = 0;
	l->digits = 0;
	l->chars = 0;
	l->attr = pl_attrs(l);
	l->items = 0;
	l->rbits = role_bits(l);
}

void
pl_classify(struct pline *l, struct tokens *t, const struct kwset *w,
    const unsigned char *p, size_t n)
{
	size_t end = n, first;
	unsigned cls = 0;

	if (end && p[end - 1] == '\n')
		end--;
	if (end == 0) {
		empty_line(l, t);
		return;
	}
	if (end == 1 && p[0] == '\r')
		cls |= L_EMPTY;
	first = (size_t)((const unsigned char *)skip_spaces((const char *)p,
	    (const char *)p + end) - p);
	while (first < end && (p[first] == ' ' || p[first] == '\t'))
		first++;
	cls |= pw_classes(w, p + first, end - first);
	tok_line(t, p, end, first, end < n);
	cls = shape(p, first, end, t->chars, cls);
	l->style = style(p, first, end, cls, t->cjk, t->latin);
	l->width = end < 200 ? (unsigned)end : 200;
	l->indent = first < 15 ? (unsigned char)first : 15;
	l->box = end - first >= 3 && p[first] == 0xe2 &&
	    (p[first + 1] == 0x94 || p[first + 1] == 0x95);
	l->latin = t->latin > t->cjk;
	l->digits = t->digits;
	l->cls = cls;
	l->chars = t->chars;
	l->attr = pl_attrs(l);
	l->items = t->chars == 0 ? 0 : t->gaps < 255 ? (unsigned char)(t->gaps + 1) : 255;
	l->rbits = role_bits(l);
}
