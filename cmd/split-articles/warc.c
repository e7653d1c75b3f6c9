/*
 * warc.c - WARC 1.0/1.1, ClueWeb's WARC/0.18, WET and WAT, framed by
 * Content-Length.  A length that lies (too short, counting characters, too
 * long, missing, not a number) shows as a block not followed by the next
 * record; the reader then resynchronises on the next line that starts with
 * "WARC/" and a digit, and reports it.
 */
#define _GNU_SOURCE	/* memmem, strncasecmp */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "split.h"
#include "stats.h"
#include "winnow.h"

/* The longest WARC header read; messages call it 1M. */
#define HEADER_MAX ((size_t)1 << 20)

/* The value of header field name in hdr[0..n) (first one wins), or NULL. */
static const char *
field(const char *hdr, size_t n, const char *name, size_t *vlen)
{
	size_t nlen = strlen(name);
	const char *p = hdr, *end = hdr + n;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *le = eol ? eol : end;

		if ((size_t)(le - p) > nlen && p[nlen] == ':' &&
		    !strncasecmp(p, name, nlen)) {
			const char *v = p + nlen + 1;

			while (v < le && (*v == ' ' || *v == '\t'))
				v++;
			while (le > v && (le[-1] == '\r' || le[-1] == ' ' || le[-1] == '\t'))
				le--;
			*vlen = (size_t)(le - v);
			return v;
		}
		p = eol ? eol + 1 : end;
	}
	return NULL;
}

/* How a WARC header ended: see read_header(). */
enum hdr_end {
	HDR_BLANK,	/* at its blank line, as it should */
	HDR_EOF,	/* at the end of input */
	HDR_RECORD,	/* at the next WARC/ line: no blank line and no block */
	HDR_BLOCK,	/* at a line that is no field: the blank line is missing */
	HDR_LONG,	/* not within HEADER_MAX bytes */
};

/* Does the line p[0..n) start "WARC/<digit>"? */
static int
is_warc_line(const unsigned char *p, size_t n)
{
	return n >= 6 && !memcmp(p, "WARC/", 5) && isdigit(p[5]);
}

/*
 * Is p[0..n) a header line: "Name: value", or the continuation of one?
 * Lenient about the name, as the readers of real dumps must be.
 */
static int
is_field_line(const unsigned char *p, size_t n, int after_field)
{
	const unsigned char *colon;

	if (n > 0 && (p[0] == ' ' || p[0] == '\t'))
		return after_field;
	colon = memchr(p, ':', n);
	return colon && colon > p && !is_warc_line(p, n);
}

/*
 * Read the WARC header that starts at offset start from pos, line by line,
 * so that each byte is looked at once however the header ends: at its
 * blank line, or at the first line that is no header field (a missing
 * blank line must not make us look for one a megabyte on, for every
 * WARC/ line of a dump: issue 20 H2).  *hend is the header's length from
 * start (its blank line included), *nfields its number of field lines.
 */
static enum hdr_end
read_header(struct src *s, size_t start, size_t *hend, int *nfields)
{
	size_t at = start, limit = sat_add(start, HEADER_MAX);

	*nfields = 0;
	for (;;) {
		long long nl = src_find(s, at, "\n", 1, limit);
		const unsigned char *line;
		size_t len;

		if (nl < 0) {
			if (!s->eof || src_avail(s) >= limit)
				return HDR_LONG;
			/* The last line, cut off by the end of input. */
			line = src_ptr(s) + at;
			len = src_avail(s) - at;
			if (at > start && len && is_field_line(line, len, *nfields > 0))
				(*nfields)++;
			*hend = src_avail(s) - start;
			return HDR_EOF;
		}
		line = src_ptr(s) + at;
		len = (size_t)nl + 1 - at;
		if (at > start) {
			if (len == 1 || (len == 2 && line[0] == '\r')) {
				*hend = at + len - start;
				return HDR_BLANK;
			}
			if (!is_field_line(line, len, *nfields > 0)) {
				*hend = at - start;
				return is_warc_line(line, len) ? HDR_RECORD : HDR_BLOCK;
			}
			(*nfields)++;
		}
		at += len;
	}
}

/* The charset= parameter of a Content-Type value, or NULL. */
static const char *
charset_param(const char *v, size_t n, size_t *clen)
{
	size_t i;

	for (i = 0; i + 8 <= n; i++) {
		if (strncasecmp(v + i, "charset=", 8))
			continue;
		i += 8;
		while (i < n && (v[i] == '"' || v[i] == '\'' || v[i] == ' '))
			i++;
		*clen = 0;
		while (i + *clen < n && (isalnum((unsigned char)v[i + *clen]) ||
		    strchr("-_.:", v[i + *clen])))
			(*clen)++;
		return *clen ? v + i : NULL;
	}
	return NULL;
}

size_t
http_header_len(const char *p, size_t n)
{
	size_t i;

	if (n < 5 || memcmp(p, "HTTP/", 5))
		return 0;
	/* The header ends at an empty line, CRLF or bare LF. */
	for (i = 0; i < n; i++) {
		if (p[i] != '\n')
			continue;
		if (i + 1 < n && p[i + 1] == '\n')
			return i + 2;
		if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n')
			return i + 3;
	}
	return n;
}

int
http_dechunk(const char *p, size_t n, struct buf *out, size_t *bad_at)
{
	size_t i = 0, start = out->len, at = 0;
	int chunks = 0;

	for (;;) {
		unsigned long long size = 0;
		int digits = 0;

		at = i;
		while (i < n && isxdigit((unsigned char)p[i])) {
			int c = tolower((unsigned char)p[i++]);

			if (size >> 56)
				goto bad;
			size = size * 16 + (unsigned)(c <= '9' ? c - '0' : c - 'a' + 10);
			digits++;
		}
		if (!digits)
			goto bad;
		/* Chunk extensions, then the line end. */
		while (i < n && p[i] != '\n')
			i++;
		if (i == n)
			goto bad;
		i++;
		if (size == 0)
			return DECHUNK_WHOLE;
		if (size > n - i) {
			/* A first chunk longer than the body: this is no chunking. */
			if (!chunks)
				goto bad;
			buf_add(out, p + i, n - i);
			*bad_at = at;
			return DECHUNK_SHORT;
		}
		buf_add(out, p + i, (size_t)size);
		chunks++;
		i += (size_t)size;
		if (i < n && p[i] == '\r')
			i++;
		if (i < n && p[i] == '\n')
			i++;
		if (i == n)
			return DECHUNK_WHOLE;	/* no last chunk: take what came */
	}
bad:
	if (!chunks) {
		out->len = start;
		return DECHUNK_NONE;
	}
	/* What parsed is de-chunked; the rest goes as it is, reported. */
	buf_add(out, p + at, n - at);
	*bad_at = at;
	return DECHUNK_BAD;
}

/* What http_inflate() made of a body. */
enum inflated {
	INFLATE_NONE = -1,	/* it does not inflate: out untouched */
	INFLATE_WHOLE,		/* to the end of the compressed stream */
	INFLATE_OVER_MAX,	/* cut at max bytes */
	INFLATE_SHORT,		/* the compressed stream is cut short */
	INFLATE_CORRUPT,	/* corrupt after some bytes, kept */
};

/*
 * Inflate a gzip, zlib or raw deflate body into out, at most max bytes
 * of it.  Bytes that inflated are kept whatever stops the stream, and
 * what stopped it is returned, to be reported.  Raw deflate has no header
 * to check, so on bytes that are not deflate (a crawler that stored the
 * body decoded under the server's header) it may decode a little before
 * failing: that is INFLATE_NONE.
 */
static enum inflated
http_inflate(const char *p, size_t n, size_t max, struct buf *out)
{
	static const int wbits[] = { 15 + 32, -15 };
	size_t start = out->len, want = sat_add(max, 1);
	unsigned i;

	if (n == 0)
		return INFLATE_NONE;	/* nothing to inflate (a 204, a HEAD) */
	for (i = 0; i < sizeof wbits / sizeof wbits[0]; i++) {
		z_stream zs;
		int rc = Z_OK;
		size_t got;

		memset(&zs, 0, sizeof zs);
		if (inflateInit2(&zs, wbits[i]) != Z_OK)
			return INFLATE_NONE;
		zs.next_in = (unsigned char *)(uintptr_t)p;
		zs.avail_in = (uInt)n;
		/* One byte past max tells a body of max bytes from a longer one. */
		while (rc == Z_OK && out->len - start < want) {
			size_t room;

			buf_reserve(out, 64 * 1024);
			room = out->cap - out->len - 1;
			if (room > want - (out->len - start))
				room = want - (out->len - start);
			zs.next_out = (unsigned char *)out->data + out->len;
			zs.avail_out = (uInt)(room < UINT32_MAX ? room : UINT32_MAX);
			rc = inflate(&zs, Z_NO_FLUSH);
			out->len = (size_t)((char *)zs.next_out - out->data);
		}
		inflateEnd(&zs);
		got = out->len - start;
		if (got > max) {
			out->len = start + max;
			return INFLATE_OVER_MAX;
		}
		if (rc == Z_STREAM_END)
			return INFLATE_WHOLE;
		if (rc == Z_BUF_ERROR && zs.avail_in == 0)
			return INFLATE_SHORT;
		if (got > 0 && wbits[i] > 0)
			return INFLATE_CORRUPT;
		out->len = start;
	}
	return INFLATE_NONE;
}

static int
is_document(const char *type, size_t n)
{
	static const char *const docs[] = { "response", "resource", "conversion" };
	size_t i;

	for (i = 0; i < sizeof docs / sizeof docs[0]; i++)
		if (n == strlen(docs[i]) && !strncasecmp(type, docs[i], n))
			return 1;
	return 0;
}

/* Do a record separator's two line ends start at offset at? */
static int
separator_at(struct src *s, size_t at)
{
	size_t avail = src_fill(s, at + 4), i = at, ends = 0;

	while (ends < 2 && i < avail) {
		if (src_ptr(s)[i] == '\n')
			ends++;
		else if (src_ptr(s)[i] != '\r' || i + 1 == avail ||
		    src_ptr(s)[i + 1] != '\n')
			break;
		i++;
	}
	return ends == 2;
}

/*
 * The block ends well if the record separator (two line ends) follows it,
 * as the WARC spec writes it, or only line ends and then "WARC/" or the
 * end.  The separator alone decides without reading the next record, so
 * a live pipeline's record is framed when it has come (issue 20 K1), and
 * junk after the last record (NUL padding) does not make its right length
 * wrong (W4): the junk is reported as not a record.
 */
static int
ends_well(struct src *s, size_t at)
{
	size_t avail, i = at;

	if (separator_at(s, at))
		return 1;
	avail = src_fill(s, at + 16 + 5);
	while (i < avail && i < at + 16 && (s->buf[s->pos + i] == '\r' ||
	    s->buf[s->pos + i] == '\n'))
		i++;
	if (i == avail)
		return s->eof;
	return avail - i >= 5 && !memcmp(src_ptr(s) + i, "WARC/", 5);
}

/* Offset of the next line that starts "WARC/<digit>" at or after from. */
static long long
next_header(struct src *s, size_t from, size_t limit)
{
	long long q;

	if (from > 0)
		from--;		/* the line may start right at from */
	while ((q = src_find(s, from, "\nWARC/", 6, limit)) >= 0) {
		if (src_fill(s, (size_t)q + 7) >= (size_t)q + 7 &&
		    isdigit(src_ptr(s)[q + 6]))
			return q + 1;
		from = (size_t)q + 1;
	}
	return -1;
}

/*
 * Drop what is not a record, up to the next "WARC/<digit>" line start,
 * without holding it.  Returns the number of bytes dropped.
 */
static unsigned long long
skip_garbage(struct src *s)
{
	unsigned long long n = 1;
	long long r;

	src_skip(s, 1);
	for (;;) {
		if ((r = src_seek(s, "\nWARC/", 6)) < 0)
			return n + (unsigned long long)(-1 - r);
		n += (unsigned long long)r + 1;
		src_skip(s, 1);
		if (src_fill(s, 6) >= 6 && isdigit(src_ptr(s)[5]))
			return n;
	}
}

static void
put_meta_field(struct emitter *e, enum em_field f, const char *hdr, size_t n,
    const char *name)
{
	size_t vlen;
	const char *v = field(hdr, n, name, &vlen);

	if (!v)
		return;
	if (vlen >= 2 && v[0] == '<' && v[vlen - 1] == '>') {
		v++;
		vlen -= 2;
	}
	em_meta(e, f, v, vlen);
}

/*
 * The HTTP body body[0..n) as the server meant it: de-chunked when its
 * header says chunked, inflated when it says gzip or deflate, each step
 * that stopped short reported.  Points *out at the result (body itself,
 * tmp or tmp2).
 */
static size_t
http_decode(struct emitter *e, const char *http, size_t h, const char *body,
    size_t n, struct buf *tmp, struct buf *tmp2, const char **out)
{
	size_t vlen, bad_at = 0;
	const char *v = field(http, h, "Transfer-Encoding", &vlen);
	char sz[32];

	*out = body;
	buf_clear(tmp);
	if (v && vlen >= 7 && !strncasecmp(v, "chunked", 7)) {
		int rc = http_dechunk(body, n, tmp, &bad_at);

		if (rc == DECHUNK_BAD)
			em_warn(e, "chunked body: no chunk size at byte %zu; the rest "
			    "written as found", bad_at);
		else if (rc == DECHUNK_SHORT)
			em_warn(e, "chunked body: the chunk at byte %zu runs past the "
			    "end of the body; cut short", bad_at);
		if (rc != DECHUNK_NONE) {
			*out = tmp->data;
			n = tmp->len;
		}
	}
	/* Crawlers store what the server sent, compressed or not. */
	v = field(http, h, "Content-Encoding", &vlen);
	buf_clear(tmp2);
	if (v && ((vlen >= 4 && !strncasecmp(v, "gzip", 4)) ||
	    (vlen >= 6 && !strncasecmp(v, "x-gzip", 6)) ||
	    (vlen >= 7 && !strncasecmp(v, "deflate", 7)))) {
		enum inflated rc = http_inflate(*out, n, e->max_record, tmp2);
		int name = 0;

		while ((size_t)name < vlen && !strchr(" \t;,", v[name]))
			name++;

		/*
		 * INFLATE_NONE: the crawler stored the decoded body under the
		 * server's header (ClueWeb does): keep it as it is.
		 */
		if (rc == INFLATE_OVER_MAX)
			em_warn(e, "Content-Encoding %.*s body inflates past "
			    "--max-record %s; cut there", name, v,
			    em_size_name(e->max_record, sz, sizeof sz));
		else if (rc == INFLATE_SHORT)
			em_warn(e, "Content-Encoding %.*s body cut short: %zu bytes "
			    "inflated, the rest is missing", name, v, tmp2->len);
		else if (rc == INFLATE_CORRUPT)
			em_warn(e, "Content-Encoding %.*s body corrupt after %zu "
			    "inflated bytes; the rest left out", name, v, tmp2->len);
		if (rc != INFLATE_NONE) {
			*out = tmp2->data;
			n = tmp2->len;
		}
	}
	return n;
}

/*
 * Emit the block body[0..n): a response loses its HTTP header (whose
 * charset is kept) and its body is decoded (http_decode).
 */
static void
emit_block(struct emitter *e, const char *hdr, size_t hlen, const char *body,
    size_t n, int response, struct buf *tmp, struct buf *tmp2)
{
	size_t vlen, clen;
	const char *v, *cs;

	if ((v = field(hdr, hlen, "Content-Type", &vlen)) &&
	    (cs = charset_param(v, vlen, &clen)))
		em_meta(e, F_CHARSET, cs, clen);
	/* A resource record's own Content-Type is its payload's. */
	if (v && !response && html_content_type(v, vlen))
		em_html(e);
	if (response) {
		size_t h = http_header_len(body, n);

		if (h) {
			if ((v = field(body, h, "Content-Type", &vlen)) &&
			    (cs = charset_param(v, vlen, &clen)))
				em_meta(e, F_CHARSET, cs, clen);
			if (v && html_content_type(v, vlen))
				em_html(e);
			n = http_decode(e, body, h, body + h, n - h, tmp, tmp2, &body);
		}
	}
	em_add(e, body, n);
}

/* Drop the record separator (CRLF CRLF or LF LF) a resync left on a block. */
static size_t
trim_separator(const unsigned char *p, size_t n)
{
	int k;

	for (k = 0; k < 4 && n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r'); k++)
		n--;
	return n;
}

static int
parse_length(const char *v, size_t n, size_t *out)
{
	size_t i, len = 0;

	if (!v || n == 0 || n > 19)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)v[i]))
			return -1;
		len = len * 10 + (size_t)(v[i] - '0');
	}
	*out = len;
	return 0;
}

/* One run of the WARC reader over a source. */
struct warc {
	struct src *s;
	struct emitter *e;
	const struct split_opts *o;
	unsigned long long recno;
	struct buf hdr, tmp, tmp2;
};

/* What is not a record: reported, and dropped up to the next WARC/ line. */
static void
skip_not_record(struct warc *w, const char *what)
{
	wn_warn("%s: after record %llu: %s skipped", w->s->path, w->recno, what);
	wn_raise(WN_RECORD);
	skip_garbage(w->s);
}

/*
 * Find the next record's header: blank lines and what is not a record are
 * skipped (reported).  Returns 1 with the header copied into w->hdr and
 * its length in *hend, or 0 at the end of input.
 */
static int
next_record(struct warc *w, size_t *hend)
{
	struct src *s = w->s;

	for (;;) {
		enum hdr_end how;
		int nfields;

		/* Blank lines between records. */
		while (src_fill(s, 1) && (*src_ptr(s) == '\r' || *src_ptr(s) == '\n'))
			src_skip(s, 1);
		if (!src_avail(s))
			return 0;
		if (src_fill(s, 5) < 5 || memcmp(src_ptr(s), "WARC/", 5)) {
			unsigned long long n = skip_garbage(s);

			wn_warn("%s: after record %llu: %llu bytes that are not a WARC "
			    "record skipped", s->path, w->recno, n);
			wn_raise(WN_RECORD);
			continue;
		}
		how = read_header(s, 0, hend, &nfields);
		if (how == HDR_LONG) {
			/* Issue 20 M1: not "no header fields" when it has many. */
			skip_not_record(w, "a WARC header longer than 1M");
			continue;
		}
		if (nfields == 0) {
			skip_not_record(w, "a WARC/ line with no header fields");
			continue;
		}
		if (how == HDR_RECORD) {
			/* Nothing to frame: the next record's WARC/ line follows. */
			wn_warn("%s: after record %llu: a WARC header with no blank line "
			    "after it skipped", s->path, w->recno);
			wn_raise(WN_RECORD);
			src_skip(s, *hend);
			continue;
		}
		w->recno++;
		stats_add("records in", 1);
		/* Messages name this record, written or not. */
		em_locate(w->e, s->path, w->recno);
		if (how == HDR_BLOCK)
			em_warn(w->e, "no blank line after the WARC header");
		/* Copy the header: the buffer moves as we read the block. */
		buf_clear(&w->hdr);
		buf_add(&w->hdr, src_ptr(s), *hend);
		return 1;
	}
}

/*
 * Offset of a WARC record that starts within the first n unread bytes: a
 * "WARC/<digit>" line after a blank line, with a whole header.  -1 if
 * none.  Offsets from pos, since looking reads more and may move bytes.
 */
static long long
record_within(struct src *s, size_t n)
{
	size_t from = 0;

	while (from + 6 <= n) {
		const unsigned char *p = src_ptr(s), *q = memmem(p + from, n - from,
		    "\nWARC/", 6);
		size_t at, hend;
		int nfields;

		if (!q)
			return -1;
		at = (size_t)(q - p) + 1;
		from = at;
		if (at < 2 || (p[at - 2] != '\n' && !(at >= 3 && p[at - 2] == '\r' &&
		    p[at - 3] == '\n')))
			continue;
		if (read_header(s, at, &hend, &nfields) == HDR_BLANK && nfields > 0 &&
		    is_warc_line(src_ptr(s) + at, hend))
			return (long long)at;
	}
	return -1;
}

/*
 * A block longer than --max-record: streamed as it comes, never held.  A
 * record that starts inside it shows its length lied (issue 20 M9): the
 * block ends there, so a lie cannot swallow the records after it.  Up to
 * 16 bytes wait for the next read, so that a separator and "\nWARC/" are
 * seen whole.
 */
static void
stream_block(struct warc *w, size_t hend, size_t clen, int emit)
{
	struct src *s = w->s;
	size_t left = clen, done = 0;
	long long cut = -1;
	char sz[32];

	src_skip(s, hend);
	if (emit && em_is_raw(w->e))
		/* JSON output says so itself; raw output holds nothing. */
		em_warn(w->e, "Content-Length %zu larger than --max-record %s; written "
		    "as found, HTTP header and all", clen,
		    em_size_name(w->o->max_record, sz, sizeof sz));
	while (left > 0 && src_fill(s, 4096)) {
		size_t n = src_avail(s) < left ? src_avail(s) : left;

		if ((cut = record_within(s, n)) >= 0)
			n = trim_separator(src_ptr(s), (size_t)cut);
		else if (n < left && !s->eof && n > 16)
			n -= 16;
		if (emit)
			em_add(w->e, src_ptr(s), n);
		if (cut >= 0) {
			src_skip(s, (size_t)cut);
			em_warn(w->e, "Content-Length %zu is wrong, the block has %zu "
			    "bytes; resynchronised on the next WARC/ line", clen,
			    done + n);
			return;
		}
		src_skip(s, n);
		left -= n;
		done += n;
	}
	if (left > 0)
		em_warn(w->e, "cut off at the end of input: Content-Length %zu, %zu "
		    "bytes there", clen, clen - left);
	else if (!ends_well(s, 0))
		em_warn(w->e, "Content-Length %zu does not end the record", clen);
}

/*
 * The length of the block of a record held whole: its Content-Length if
 * the next record (or the end) follows it, else up to the next WARC/ line
 * (resynchronised, reported).  *next is where the next record starts.
 */
static size_t
frame_block(struct warc *w, size_t hend, int cl_ok, size_t clen, size_t *next)
{
	struct src *s = w->s;
	size_t avail = src_fill(s, cl_ok ? hend + clen : hend), body_len;
	long long q;

	if (cl_ok && avail >= hend + clen && ends_well(s, hend + clen)) {
		*next = hend + clen;
		return clen;
	}
	q = next_header(s, hend, sat_add(hend, w->o->max_record));
	avail = src_avail(s);
	if (q >= 0) {
		body_len = trim_separator(src_ptr(s) + hend, (size_t)q - hend);
		*next = (size_t)q;
		if (!cl_ok)
			em_warn(w->e, "no valid Content-Length; framed by the next WARC/ "
			    "line");
		else
			em_warn(w->e, "Content-Length %zu is wrong, the block has %zu "
			    "bytes; resynchronised on the next WARC/ line", clen,
			    body_len);
	} else if (cl_ok && avail < hend + clen) {
		body_len = avail - hend;
		*next = avail;
		em_warn(w->e, "cut off at the end of input: Content-Length %zu, %zu "
		    "bytes there", clen, body_len);
	} else {
		/*
		 * A length that fits, then bytes that are not a record: the length
		 * was too short (it counted characters, say) and the block runs
		 * to the end.
		 */
		body_len = trim_separator(src_ptr(s) + hend, avail - hend);
		*next = avail;
		if (!cl_ok)
			em_warn(w->e, "no valid Content-Length; the block runs to the "
			    "end of input");
		else
			em_warn(w->e, "Content-Length %zu is wrong, the block runs to the "
			    "end of input with %zu bytes", clen, body_len);
	}
	return body_len;
}

void
split_warc(struct src *s, struct emitter *e, const struct split_opts *o)
{
	struct warc w = { .s = s, .e = e, .o = o };
	size_t hend;

	while (next_record(&w, &hend)) {
		struct buf *hdr = &w.hdr;
		size_t clen = 0, vlen, body_len, next;
		const char *v = field(hdr->data, hdr->len, "WARC-Type", &vlen);
		int response = v && vlen == 8 && !strncasecmp(v, "response", 8);
		int emit = o->all_types || (v && is_document(v, vlen)), cl_ok;

		if (emit) {
			em_begin(e, s->path, w.recno, "warc");
			put_meta_field(e, F_ID, hdr->data, hdr->len, "WARC-Record-ID");
			put_meta_field(e, F_URL, hdr->data, hdr->len, "WARC-Target-URI");
			put_meta_field(e, F_DATE, hdr->data, hdr->len, "WARC-Date");
			put_meta_field(e, F_TYPE, hdr->data, hdr->len, "WARC-Type");
		}
		v = field(hdr->data, hdr->len, "Content-Length", &vlen);
		cl_ok = parse_length(v, vlen, &clen) == 0;
		/*
		 * A length too big to hold is believed only if no record header
		 * comes within --max-record bytes: a huge lie must not swallow
		 * the records after it.
		 */
		if (cl_ok && clen > o->max_record &&
		    next_header(s, hend, sat_add(hend, o->max_record)) >= 0)
			cl_ok = 0;
		if (cl_ok && clen > o->max_record) {
			stream_block(&w, hend, clen, emit);
			if (emit)
				em_end(e);
			continue;
		}
		body_len = frame_block(&w, hend, cl_ok, clen, &next);
		if (emit) {
			emit_block(e, hdr->data, hdr->len, (const char *)src_ptr(s) + hend,
			    body_len, response, &w.tmp, &w.tmp2);
			em_end(e);
		}
		src_skip(s, next);
	}
	buf_free(&w.hdr);
	buf_free(&w.tmp);
	buf_free(&w.tmp2);
}
