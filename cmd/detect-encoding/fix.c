/*
 * fix.c - mojibake repair: UTF-8 text that was decoded once with the wrong
 * legacy charset and encoded again as UTF-8 ("ä¸­æ–‡" for "中文" via
 * windows-1252, "涓枃" via GBK).  Each line is encoded back into the
 * suspect charset; if that gives valid UTF-8 with fewer, multi-byte
 * characters, those bytes were the original text.  Legitimate text almost
 * never survives that round trip: GBK, Big5 or windows-1252 bytes of real
 * text are seldom valid UTF-8.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "detect.h"
#include "utf8.h"
#include "winnow.h"

static const struct {
	const char *name, *iconv;
} suspects[] = {
	{ "windows-1252", "CP1252" },
	{ "GBK", "GBK" },
	{ "Big5", "BIG5" },
	{ "Shift_JIS", "CP932" },
	{ "EUC-KR", "CP949" },
	{ "windows-1251", "CP1251" },
	{ "ISO-8859-1", "ISO-8859-1" },
};
#define NSUSPECT (sizeof suspects / sizeof suspects[0])

/*
 * Bytes from a line's first non-ASCII one tried first: a few characters
 * that do not encode back, or not into UTF-8, rule a suspect out without
 * encoding the whole line, which is most of the cost on real text.
 */
#define WINDOW 24

struct fixer {
	iconv_t cds[NSUSPECT];	/* UTF-8 to each suspect; (iconv_t)-1 if
				   iconv has no such charset */
	struct buf tmp;		/* a line encoded back */
};

struct fixer *
fix_new(void)
{
	struct fixer *f = xcalloc(1, sizeof *f);
	size_t i;

	for (i = 0; i < NSUSPECT; i++)
		f->cds[i] = iconv_open(suspects[i].iconv, "UTF-8");
	return f;
}

void
fix_free(struct fixer *f)
{
	size_t i;

	for (i = 0; i < NSUSPECT; i++)
		if (f->cds[i] != (iconv_t)-1)
			iconv_close(f->cds[i]);
	buf_free(&f->tmp);
	free(f);
}

/* Encode UTF-8 s[0..n) into suspect k strictly; -1 if it does not fit. */
static int
encode_back(iconv_t cd, const char *s, size_t n, struct buf *out)
{
	char *in = (char *)s;
	size_t inleft = n;

	if (cd == (iconv_t)-1)
		return -1;
	iconv(cd, NULL, NULL, NULL, NULL);
	out->len = 0;
	buf_reserve(out, n + 16);
	while (inleft > 0) {
		char *o = out->data + out->len;
		size_t oleft = out->cap - out->len - 1;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);

		out->len = (size_t)(o - out->data);
		if (r == (size_t)-1) {
			if (errno == E2BIG) {
				buf_reserve(out, inleft + 16);
				continue;
			}
			return -1;
		}
		if (r > 0)
			return -1;	/* approximated: not a faithful round trip */
	}
	return 0;
}

static size_t
count_chars(const unsigned char *s, size_t n, size_t *multi)
{
	size_t i, chars = 0;

	*multi = 0;
	for (i = 0; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			chars++;
		if (s[i] >= 0xC0)
			(*multi)++;
	}
	return chars;
}

/* Repair one line; returns the suspect index used or -1. */
static int
fix_line(struct fixer *f, const char *s, size_t n, struct buf *out)
{
	struct buf *tmp = &f->tmp;
	size_t i, k, multi, chars = 0, high = 0, first = 0, win;

	for (i = 0; i < n && high < 2; i++)
		if ((unsigned char)s[i] >= 0x80 && high++ == 0)
			first = i;
	if (high < 2)
		return -1;
	/*
	 * What comes before the first non-ASCII byte is ASCII, the same
	 * bytes in every suspect: only the rest is encoded back, and first a
	 * window of it, since where the rest encodes back into valid UTF-8
	 * the window does too.
	 */
	win = n - first > WINDOW ?
	    utf8_complete_prefix((const unsigned char *)s + first, WINDOW) : n - first;
	for (k = 0; k < NSUSPECT; k++) {
		size_t fmulti, fchars;

		if (first + win < n) {
			if (encode_back(f->cds[k], s + first, win, tmp) < 0)
				continue;
			size_t whole = utf8_complete_prefix((const unsigned char *)tmp->data, tmp->len);

			if (!utf8_valid((const unsigned char *)tmp->data, whole))
				continue;
		}
		if (encode_back(f->cds[k], s + first, n - first, tmp) < 0)
			continue;
		if (!utf8_valid((const unsigned char *)tmp->data, tmp->len))
			continue;
		if (chars == 0)
			chars = count_chars((const unsigned char *)s, n, &multi);
		fchars = first + count_chars((const unsigned char *)tmp->data, tmp->len, &fmulti);
		/*
		 * Still some characters that are not ASCII, and either fewer
		 * characters (windows-1252 mojibake spends two or three on
		 * one) or several multi-byte sequences: one could be chance,
		 * a run of them is not.
		 */
		if (fmulti == 0 || (fchars >= chars && fmulti < 2))
			continue;
		buf_add(out, s, first);
		buf_add(out, tmp->data, tmp->len);
		return (int)k;
	}
	return -1;
}

const char *
fix_mojibake(struct fixer *f, const char *s, size_t n, struct buf *out)
{
	const char *p = s, *end = s + n, *nl;
	int used = -1;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		int k = fix_line(f, p, len, out);

		if (k < 0)
			buf_add(out, p, len);
		else if (used < 0)
			used = k;
		if (nl)
			buf_addc(out, '\n');
		p += len + (nl != NULL);
	}
	return used < 0 ? NULL : suspects[used].name;
}
