/* convert.c - chunked iconv(3) conversion with an invalid-input policy. */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"
#include "convert.h"
#include "encdetect.h"
#include "winnow.h"

/*
 * The name iconv(3) knows a charset by: as given, else through the
 * detector's canonical names ("x-mac-ce" is MAC-CENTRALEUROPE to glibc), so
 * any name enc_detect() returns, or any WHATWG label, can be passed here.
 */
static iconv_t
open_names(const char *to, const char *from)
{
	const char *tos[3] = { to, enc_iconv_name(to), NULL };
	const char *froms[3] = { from, enc_iconv_name(from), NULL };
	const char *c;
	int i, j;

	if ((c = enc_canonical(to)))
		tos[2] = enc_iconv_name(c);
	if ((c = enc_canonical(from)))
		froms[2] = enc_iconv_name(c);
	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++) {
			iconv_t cd;

			if (!tos[i] || !froms[j])
				continue;
			cd = iconv_open(tos[i], froms[j]);
			if (cd != (iconv_t)-1)
				return cd;
		}
	errno = EINVAL;
	return (iconv_t)-1;
}

int
conv_open(struct conv *c, const char *to, const char *from, enum conv_invalid invalid)
{
	memset(c, 0, sizeof *c);
	c->cd = open_names(to, from);
	if (c->cd == (iconv_t)-1)
		return -1;
	/* glibc passes bad UTF-8 through UTF-8 to UTF-8: see run_utf8. */
	c->from_utf8 = (!strcasecmp(to, "UTF-8") || !strcasecmp(to, "UTF8")) &&
	    (!strcasecmp(from, "UTF-8") || !strcasecmp(from, "UTF8"));
	c->src_utf8 = !strcasecmp(from, "UTF-8") || !strcasecmp(from, "UTF8");
	c->invalid = invalid;
	c->to_utf8 = !strcasecmp(to, "UTF-8") || !strcasecmp(to, "UTF8");
	return 0;
}

static int
bad_input(struct conv *c, struct buf *out)
{
	if (!c->nbad++)
		c->first_bad = c->in_off;
	switch (c->invalid) {
	case CONV_REPLACE:
		if (c->to_utf8)
			buf_add(out, "\xEF\xBF\xBD", 3);
		else
			buf_addc(out, '?');
		return 0;
	case CONV_SKIP:
		return 0;
	case CONV_FAIL:
		break;
	}
	return -1;
}

/*
 * Bytes of the ill-formed sequence at s[0..n): a lead byte and the
 * continuation bytes that could still have followed it, replaced by one
 * U+FFFD as Unicode recommends (a character cut by the end of the input is
 * one replacement, as iconv's EINVAL is in conv_run).
 */
static size_t
maximal_subpart(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t need, i;

	if (c >= 0xC2 && c <= 0xDF)
		need = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		need = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		need = 4;
	else
		return 1;
	for (i = 1; i < need && i < n; i++) {
		unsigned char lo = 0x80, hi = 0xBF;

		if (i == 1) {
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
			else if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		}
		if (s[i] < lo || s[i] > hi)
			break;
	}
	return i;
}

/*
 * UTF-8 to UTF-8 is validation: glibc's iconv copies sequences above
 * U+10FFFF and 5- and 6-byte forms through as they are, which would hand
 * invalid UTF-8 to the next filter.  Found by tests/fuzz/fuzz_convert.
 */
static size_t
run_utf8(struct conv *c, const char *s, size_t n, int final, struct buf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, end = final ? n : utf8_complete_prefix(u, n);

	while (i < end) {
		size_t valid = utf8_valid_prefix(u + i, end - i), bad;

		buf_add(out, s + i, valid);
		i += valid;
		c->in_off += valid;
		if (i == end)
			break;
		if (bad_input(c, out) < 0)
			break;
		bad = maximal_subpart(u + i, end - i);
		i += bad;
		c->in_off += bad;
	}
	return i;
}

size_t
conv_run(struct conv *c, const char *s, size_t n, int final, struct buf *out)
{
	char *in = (char *)s;
	size_t inleft = n, step;
	int unmappable;

	if (c->from_utf8)
		return run_utf8(c, s, n, final, out);

	while (inleft > 0) {
		buf_reserve(out, inleft * 2 + 16);
		char *o = out->data + out->len;
		size_t oleft = out->cap - out->len - 1;
		size_t before = inleft;
		size_t r = iconv(c->cd, &in, &inleft, &o, &oleft);
		int e = errno;

		out->len = (size_t)(o - out->data);
		c->in_off += before - inleft;
		if (r != (size_t)-1)
			break;
		if (e == E2BIG)
			continue;
		if (e == EINVAL && !final)
			break;	/* the rest of the sequence is in the next chunk */
		if (e != EILSEQ && e != EINVAL)
			break;
		step = 1;
		unmappable = 0;
		if (e == EILSEQ && c->src_utf8) {
			/*
			 * Valid UTF-8 that iconv refuses is a character the
			 * target cannot hold (UTF-8 to ASCII or GBK): one
			 * replacement for the character, not one per byte.
			 */
			unsigned char lead = (unsigned char)*in;
			size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;

			if (len <= inleft &&
			    utf8_valid_prefix((const unsigned char *)in, len) == len) {
				step = len;
				unmappable = 1;
			}
		}
		if (!c->nbad)
			c->first_unmappable = unmappable;
		if (bad_input(c, out) < 0)
			break;
		if (e == EINVAL) {
			/* A sequence cut by the end of the input: one replacement. */
			c->in_off += inleft;
			in += inleft;
			inleft = 0;
			break;
		}
		/* Step over the character or one byte, and resynchronise. */
		in += step;
		inleft -= step;
		c->in_off += step;
	}
	if (final && (c->invalid != CONV_FAIL || !c->nbad)) {
		/* Flush a stateful encoding's shift sequence (ISO-2022-JP). */
		buf_reserve(out, 16);
		char *o = out->data + out->len;
		size_t oleft = out->cap - out->len - 1;

		iconv(c->cd, NULL, NULL, &o, &oleft);
		out->len = (size_t)(o - out->data);
	}
	return n - inleft;
}

void
conv_close(struct conv *c)
{
	if (c->cd != (iconv_t)-1 && c->cd)
		iconv_close(c->cd);
	c->cd = (iconv_t)-1;
}

unsigned long long
conv_to_utf8(const char *from, const char *s, size_t n, struct buf *out)
{
	struct conv c;
	unsigned long long bad;

	if (conv_open(&c, "UTF-8", from, CONV_REPLACE) < 0)
		return CONV_UNKNOWN;
	conv_run(&c, s, n, 1, out);
	bad = c.nbad;
	conv_close(&c);
	return bad;
}
