/*
 * source.c - the bytes of one operand, with gzip members inflated as they
 * come: crawls ship as one member per record, as members that cut records
 * in two, as one member for the whole file, or cut short.
 */
#define _GNU_SOURCE	/* memmem */
#include <stdlib.h>
#include <string.h>

#include "split.h"
#include "winnow.h"

#define ZCHUNK (256 * 1024)

int
src_open(struct src *s, const char *operand)
{
	memset(s, 0, sizeof *s);
	if (in_open(&s->in, operand) < 0)
		return -1;
	s->path = s->in.path;
	in_fill(&s->in, 2);
	s->gz = s->in.end - s->in.pos >= 2 && s->in.buf[s->in.pos] == 0x1f &&
	    s->in.buf[s->in.pos + 1] == 0x8b;
	if (s->gz) {
		/* 16 + MAX_WBITS: gzip framing only; reset for every member. */
		if (inflateInit2(&s->zs, 16 + MAX_WBITS) != Z_OK)
			wn_fatal("zlib: cannot initialise");
		s->zs_open = 1;
		s->zcap = 2 * ZCHUNK + 1;
		s->zbuf = xmalloc(s->zcap);
		s->buf = s->zbuf;
	} else {
		s->buf = s->in.buf;
		s->pos = s->in.pos;
		s->end = s->in.end;
		s->eof = s->in.eof || s->in.err;
	}
	return 0;
}

void
src_close(struct src *s)
{
	if (s->zs_open)
		inflateEnd(&s->zs);
	free(s->zbuf);
	in_close(&s->in);
	memset(s, 0, sizeof *s);
}

static void
gz_stop(struct src *s, const char *why)
{
	wn_warn("%s: gzip stream %s at byte %llu of the file", s->path, why,
	    s->in.off + s->in.pos);
	wn_raise(WN_RECORD);
	s->bad = 1;
	s->eof = 1;
}

/*
 * Skip the raw input to the next gzip member header (magic, deflate, no
 * reserved flag bits).  Returns 1 there, 0 when the input ends first (all
 * of it skipped).  What inflate consumed is not looked at again: its bytes
 * belong to the damaged member.
 */
static int
gz_find_member(struct src *s)
{
	for (;;) {
		size_t n = in_fill(&s->in, 4), i = 0;
		const unsigned char *p = s->in.buf + s->in.pos, *q;

		if (n < 4) {
			s->in.pos = s->in.end;
			return 0;
		}
		while (i + 4 <= n && (q = memchr(p + i, 0x1f, n - 3 - i))) {
			i = (size_t)(q - p);
			if (q[1] == 0x8b && q[2] == 8 && !(q[3] & 0xe0)) {
				s->in.pos += i;
				return 1;
			}
			i++;
		}
		/* Keep a tail that may be the start of a header. */
		s->in.pos += n - 3;
	}
}

/*
 * A member that does not inflate, or bytes between members that are no
 * gzip: skip to the next member and go on, so that one damaged member of
 * a per-record .warc.gz costs its own records only (issue 20 D5).  The
 * record cut by the damage is reported by the format's reader.
 */
static void
gz_resync(struct src *s, const char *why)
{
	unsigned long long at = s->in.off + s->in.pos;

	s->bad = 1;
	wn_raise(WN_RECORD);
	if (!gz_find_member(s)) {
		wn_warn("%s: gzip stream %s at byte %llu of the file; no gzip member "
		    "after it", s->path, why, at);
		s->eof = 1;
		return;
	}
	wn_warn("%s: gzip stream %s at byte %llu of the file; %llu bytes skipped "
	    "to the next member", s->path, why, at, s->in.off + s->in.pos - at);
	inflateReset(&s->zs);
	s->z_member_done = 0;
}

/* Inflate until some output appears or the input ends. */
static void
gz_more(struct src *s)
{
	size_t got0 = s->end;

	if (s->pos > 0 && (s->pos == s->end || s->end + ZCHUNK > s->zcap)) {
		memmove(s->zbuf, s->zbuf + s->pos, s->end - s->pos);
		s->off += s->pos;
		s->end -= s->pos;
		s->pos = 0;
		got0 = s->end;
	}
	while (s->zcap - s->end < ZCHUNK + 1) {
		s->zcap *= 2;
		s->zbuf = xrealloc(s->zbuf, s->zcap);
	}
	s->buf = s->zbuf;
	while (s->end == got0 && !s->eof) {
		int rc;

		if (s->in.pos == s->in.end && !in_more(&s->in)) {
			if (s->in.err)
				s->eof = 1;
			else if (!s->z_member_done)
				gz_stop(s, "cut short");
			else
				s->eof = 1;
			break;
		}
		if (s->z_member_done) {
			/* Another member, or zero padding, or trailing garbage. */
			while (s->in.pos < s->in.end && s->in.buf[s->in.pos] == 0)
				s->in.pos++;
			if (s->in.pos == s->in.end)
				continue;
			if (in_fill(&s->in, 2) < 2 || s->in.buf[s->in.pos] != 0x1f ||
			    s->in.buf[s->in.pos + 1] != 0x8b) {
				gz_resync(s, "has bytes that are not gzip");
				continue;
			}
			inflateReset(&s->zs);
			s->z_member_done = 0;
		}
		s->zs.next_in = s->in.buf + s->in.pos;
		s->zs.avail_in = (uInt)(s->in.end - s->in.pos);
		s->zs.next_out = s->zbuf + s->end;
		s->zs.avail_out = (uInt)(s->zcap - s->end - 1);
		rc = inflate(&s->zs, Z_NO_FLUSH);
		s->in.pos = (size_t)(s->zs.next_in - s->in.buf);
		s->end = (size_t)(s->zs.next_out - s->zbuf);
		if (rc == Z_STREAM_END)
			s->z_member_done = 1;
		else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT)
			gz_resync(s, "is corrupt");
		else if (rc == Z_MEM_ERROR)
			gz_stop(s, "cannot be inflated (out of memory)");
	}
}

size_t
src_more(struct src *s)
{
	if (s->eof)
		return s->end - s->pos;
	if (s->gz) {
		gz_more(s);
		return s->end - s->pos;
	}
	s->in.pos = s->pos;
	in_more(&s->in);
	s->buf = s->in.buf;
	s->pos = s->in.pos;
	s->end = s->in.end;
	s->off = s->in.off;
	s->eof = s->in.eof || s->in.err;
	return s->end - s->pos;
}

size_t
src_fill(struct src *s, size_t want)
{
	while (s->end - s->pos < want && !s->eof)
		src_more(s);
	return s->end - s->pos;
}

long long
src_find(struct src *s, size_t from, const char *needle, size_t nlen, size_t limit)
{
	for (;;) {
		size_t avail = s->end - s->pos;
		size_t upto = avail < limit ? avail : limit;

		if (upto >= from + nlen) {
			const unsigned char *p = memmem(s->buf + s->pos + from,
			    upto - from, needle, nlen);

			if (p)
				return (long long)(p - (s->buf + s->pos));
			/* The needle may straddle what we have and what comes. */
			from = upto - nlen + 1;
		}
		if (upto >= limit || s->eof)
			return -1;
		src_more(s);
	}
}

long long
src_seek(struct src *s, const char *needle, size_t nlen)
{
	unsigned long long skipped = 0;

	for (;;) {
		size_t avail = src_avail(s);
		const unsigned char *p = avail >= nlen ?
		    memmem(src_ptr(s), avail, needle, nlen) : NULL;
		size_t drop;

		if (p) {
			drop = (size_t)(p - src_ptr(s));
			src_skip(s, drop);
			return (long long)(skipped + drop);
		}
		if (s->eof) {
			skipped += avail;
			src_skip(s, avail);
			return -1 - (long long)skipped;
		}
		/* Keep a tail that may be the start of the needle. */
		drop = avail >= nlen ? avail - nlen + 1 : 0;
		src_skip(s, drop);
		skipped += drop;
		src_more(s);
	}
}
