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

/* Count the "Name: value" lines of a header (the first line excluded). */
static int
has_fields(const char *hdr, size_t n)
{
	const char *nl = memchr(hdr, '\n', n);

	return nl && memchr(nl + 1, ':', n - (size_t)(nl + 1 - hdr)) != NULL;
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
http_dechunk(const char *p, size_t n, struct buf *out)
{
	size_t i = 0, start = out->len;

	for (;;) {
		unsigned long long size = 0;
		int digits = 0;

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
			return 0;
		if (size > n - i)
			goto bad;
		buf_add(out, p + i, (size_t)size);
		i += (size_t)size;
		if (i < n && p[i] == '\r')
			i++;
		if (i < n && p[i] == '\n')
			i++;
		if (i == n)
			return 0;	/* no last chunk: take what came */
	}
bad:
	out->len = start;
	return -1;
}

/*
 * Inflate a gzip, zlib or raw deflate body into out, holding no more than
 * max bytes.  Returns 0, or -1 (out untouched) if it does not inflate.
 */
static int
http_inflate(const char *p, size_t n, size_t max, struct buf *out)
{
	static const int wbits[] = { 15 + 32, -15 };
	size_t start = out->len;
	unsigned i;

	for (i = 0; i < sizeof wbits / sizeof wbits[0]; i++) {
		z_stream zs;
		int rc = Z_OK;

		memset(&zs, 0, sizeof zs);
		if (inflateInit2(&zs, wbits[i]) != Z_OK)
			return -1;
		zs.next_in = (unsigned char *)(uintptr_t)p;
		zs.avail_in = (uInt)n;
		while (rc == Z_OK && out->len - start < max) {
			buf_reserve(out, 64 * 1024);
			zs.next_out = (unsigned char *)out->data + out->len;
			zs.avail_out = (uInt)(out->cap - out->len - 1);
			rc = inflate(&zs, Z_NO_FLUSH);
			out->len = (size_t)((char *)zs.next_out - out->data);
			if (rc == Z_BUF_ERROR && zs.avail_in == 0)
				rc = Z_STREAM_END;	/* cut short: keep what came */
		}
		inflateEnd(&zs);
		if (rc == Z_STREAM_END || (rc == Z_OK && out->len > start))
			return 0;
		out->len = start;
	}
	return -1;
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

/* The block ends well if only line ends, then "WARC/" or the end, follow. */
static int
ends_well(struct src *s, size_t at)
{
	size_t avail = src_fill(s, at + 16 + 5), i = at;

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
 * Emit the block body[0..n): a response loses its HTTP header (whose
 * charset is kept) and a body still chunked is de-chunked.
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
			const char *http = body;

			if ((v = field(body, h, "Content-Type", &vlen)) &&
			    (cs = charset_param(v, vlen, &clen)))
				em_meta(e, F_CHARSET, cs, clen);
			if (v && html_content_type(v, vlen))
				em_html(e);
			v = field(body, h, "Transfer-Encoding", &vlen);
			body += h;
			n -= h;
			buf_clear(tmp);
			if (v && vlen >= 7 && !strncasecmp(v, "chunked", 7) &&
			    http_dechunk(body, n, tmp) == 0) {
				body = tmp->data;
				n = tmp->len;
			}
			/* Crawlers store what the server sent, compressed or not. */
			v = field(http, h, "Content-Encoding", &vlen);
			buf_clear(tmp2);
			if (v && ((vlen >= 4 && !strncasecmp(v, "gzip", 4)) ||
			    (vlen >= 6 && !strncasecmp(v, "x-gzip", 6)) ||
			    (vlen >= 7 && !strncasecmp(v, "deflate", 7)))) {
				if (http_inflate(body, n, e->max_record, tmp2) == 0) {
					body = tmp2->data;
					n = tmp2->len;
				}
				/*
				 * Else the crawler stored the decoded body under the
				 * server's header (ClueWeb does): keep it as it is.
				 */
			}
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

void
split_warc(struct src *s, struct emitter *e, const struct split_opts *o)
{
	unsigned long long recno = 0;
	struct buf hdr = { 0 }, tmp = { 0 }, tmp2 = { 0 };
	char sz[32];

	for (;;) {
		size_t avail, hend, clen = 0, body_len, next, vlen;
		const char *v;
		long long q;
		int emit, response, cl_ok;

		/* Blank lines between records. */
		while (src_fill(s, 1) && (*src_ptr(s) == '\r' || *src_ptr(s) == '\n'))
			src_skip(s, 1);
		if (!src_avail(s))
			break;
		if (src_fill(s, 5) < 5 || memcmp(src_ptr(s), "WARC/", 5)) {
			unsigned long long n = skip_garbage(s);

			wn_warn("%s: after record %llu: %llu bytes that are not a WARC "
			    "record skipped", s->path, recno, n);
			wn_raise(WN_RECORD);
			continue;
		}
		q = src_find(s, 0, "\n\r\n", 3, HEADER_MAX);
		{
			long long q2 = src_find(s, 0, "\n\n", 2,
			    q >= 0 ? (size_t)q + 3 : HEADER_MAX);

			if (q2 >= 0 && (q < 0 || q2 < q))
				hend = (size_t)q2 + 2;
			else if (q >= 0)
				hend = (size_t)q + 3;
			else if (s->eof && src_avail(s) < HEADER_MAX)
				hend = src_avail(s);	/* cut off in the header */
			else
				hend = 0;
		}
		if (hend == 0 || !has_fields((const char *)src_ptr(s), hend)) {
			wn_warn("%s: after record %llu: a WARC/ line with no header "
			    "fields skipped", s->path, recno);
			wn_raise(WN_RECORD);
			skip_garbage(s);
			continue;
		}
		recno++;
		stats_add("records in", 1);
		/* Copy the header: the buffer moves as we read the block. */
		buf_clear(&hdr);
		buf_add(&hdr, src_ptr(s), hend);
		v = field(hdr.data, hdr.len, "WARC-Type", &vlen);
		response = v && vlen == 8 && !strncasecmp(v, "response", 8);
		emit = o->all_types || (v && is_document(v, vlen));
		if (emit) {
			em_begin(e, s->path, recno, "warc");
			put_meta_field(e, F_ID, hdr.data, hdr.len, "WARC-Record-ID");
			put_meta_field(e, F_URL, hdr.data, hdr.len, "WARC-Target-URI");
			put_meta_field(e, F_DATE, hdr.data, hdr.len, "WARC-Date");
			put_meta_field(e, F_TYPE, hdr.data, hdr.len, "WARC-Type");
		}
		v = field(hdr.data, hdr.len, "Content-Length", &vlen);
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
			/* Too big to hold: stream it, check the end afterwards. */
			size_t left = clen, first = 1;

			src_skip(s, hend);
			while (left > 0 && src_fill(s, 1)) {
				size_t n = src_avail(s) < left ? src_avail(s) : left;

				/* JSON output says so itself; raw output holds nothing. */
				if (emit && first && em_is_raw(e))
					em_warn(e, "Content-Length %zu larger than "
					    "--max-record %s; written as found, HTTP "
					    "header and all", clen,
					    em_size_name(o->max_record, sz, sizeof sz));
				if (emit)
					em_add(e, src_ptr(s), n);
				first = 0;
				src_skip(s, n);
				left -= n;
			}
			if (left > 0)
				em_warn(e, "cut off at the end of input: Content-Length "
				    "%zu, %zu bytes there", clen, clen - left);
			else if (!ends_well(s, 0))
				em_warn(e, "Content-Length %zu does not end the record",
				    clen);
			if (emit)
				em_end(e);
			continue;
		}

		avail = src_fill(s, cl_ok ? hend + clen : hend);
		if (cl_ok && avail >= hend + clen && ends_well(s, hend + clen)) {
			body_len = clen;
			next = hend + clen;
		} else {
			q = next_header(s, hend, sat_add(hend, o->max_record));
			avail = src_avail(s);
			if (q >= 0) {
				body_len = trim_separator(src_ptr(s) + hend,
				    (size_t)q - hend);
				next = (size_t)q;
				if (!cl_ok)
					wn_warn("%s: record %llu: no valid Content-Length; "
					    "framed by the next WARC/ line", s->path, recno);
				else
					wn_warn("%s: record %llu: Content-Length %zu is wrong, "
					    "the block has %zu bytes; resynchronised on the "
					    "next WARC/ line", s->path, recno, clen, body_len);
			} else if (cl_ok && avail < hend + clen) {
				body_len = avail - hend;
				next = avail;
				wn_warn("%s: record %llu: cut off at the end of input: "
				    "Content-Length %zu, %zu bytes there", s->path,
				    recno, clen, body_len);
			} else {
				/*
				 * A length that fits, then bytes that are not a record:
				 * the length was too short (it counted characters, say)
				 * and the block runs to the end.
				 */
				body_len = trim_separator(src_ptr(s) + hend, avail - hend);
				next = avail;
				if (!cl_ok)
					wn_warn("%s: record %llu: no valid Content-Length; "
					    "the block runs to the end of input", s->path,
					    recno);
				else
					wn_warn("%s: record %llu: Content-Length %zu is wrong, "
					    "the block runs to the end of input with %zu bytes",
					    s->path, recno, clen, body_len);
			}
			wn_raise(WN_RECORD);
		}
		if (emit) {
			emit_block(e, hdr.data, hdr.len, (const char *)src_ptr(s) + hend,
			    body_len, response, &tmp, &tmp2);
			em_end(e);
		}
		src_skip(s, next);
	}
	buf_free(&hdr);
	buf_free(&tmp);
	buf_free(&tmp2);
}
