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
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "payload.h"
#include "split.h"
#include "stats.h"
#include "winnow.h"

/* The longest WARC header read; messages call it 1M. */
#define HEADER_MAX ((size_t)1 << 20)

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
	const char *v = header_field(hdr, n, name, &vlen);

	if (!v)
		return;
	if (vlen >= 2 && v[0] == '<' && v[vlen - 1] == '>') {
		v++;
		vlen -= 2;
	}
	em_meta(e, f, v, vlen);
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
	struct buf hdr;
	struct payload pl;
	int is_doc;		/* the record is a response, resource or conversion */
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

/* Count a record of a type that holds no document, for --stats. */
static void
skip_type(const char *v, size_t vlen)
{
	static const char *const known[] = { "warcinfo", "request", "metadata",
		"revisit", "continuation" };
	char name[64];
	size_t i;

	/* Names from the input are not counters: a stream could make many. */
	snprintf(name, sizeof name, "records skipped: other record type");
	for (i = 0; v && i < sizeof known / sizeof known[0]; i++)
		if (vlen == strlen(known[i]) && !strncasecmp(v, known[i], vlen))
			snprintf(name, sizeof name, "records skipped: %s record",
			    known[i]);
	stats_add(name, 1);
}

/* What the WARC header says of a document's block at block[0..n). */
static void
doc_of(const struct warc *w, int response, const char *block, size_t n,
    struct doc *d)
{
	const struct buf *hdr = &w->hdr;

	memset(d, 0, sizeof *d);
	d->block = block;
	d->n = n;
	d->ctype = header_field(hdr->data, hdr->len, "Content-Type", &d->ctlen);
	d->http = response;
	d->truncated = header_field(hdr->data, hdr->len, "WARC-Truncated",
	    &d->trunclen);
	d->all_types = w->o->all_types;
	d->all_status = w->o->all_status;
}

/* A record to write: its number and the WARC header's metadata. */
static void
begin_record(struct warc *w)
{
	const struct buf *hdr = &w->hdr;
	struct emitter *e = w->e;

	em_begin(e, w->s->path, w->recno, "warc");
	put_meta_field(e, F_ID, hdr->data, hdr->len, "WARC-Record-ID");
	put_meta_field(e, F_URL, hdr->data, hdr->len, "WARC-Target-URI");
	put_meta_field(e, F_DATE, hdr->data, hdr->len, "WARC-Date");
	put_meta_field(e, F_TYPE, hdr->data, hdr->len, "WARC-Type");
}

/*
 * A block over --max-record: decided on its first bytes, then streamed
 * out or past.
 */
static void
stream_record(struct warc *w, size_t hend, size_t clen, int response)
{
	struct src *s = w->s;
	int emit = 0, empty = 0;

	if (w->o->all_types || w->is_doc) {
		size_t want = clen < STREAM_HEAD ? clen : STREAM_HEAD;
		size_t avail = src_fill(s, hend + want) - hend;
		struct doc d;

		doc_of(w, response, (const char *)src_ptr(s) + hend,
		    avail < want ? avail : want, &d);
		emit = payload_stream_ok(w->e, &d, d.block, d.n, &empty);
	}
	if (emit)
		begin_record(w);
	stream_block(w, hend, clen, emit && !empty);
	if (emit)
		em_end(w->e);
}

void
split_warc(struct src *s, struct emitter *e, const struct split_opts *o)
{
	struct warc w = { .s = s, .e = e, .o = o };
	size_t hend;

	while (next_record(&w, &hend)) {
		struct buf *hdr = &w.hdr;
		size_t clen = 0, vlen, body_len, next;
		const char *v = header_field(hdr->data, hdr->len, "WARC-Type", &vlen);
		int response = v && vlen == 8 && !strncasecmp(v, "response", 8);
		int cl_ok;

		w.is_doc = v && is_document(v, vlen);
		if (!o->all_types && !w.is_doc)
			skip_type(v, vlen);
		v = header_field(hdr->data, hdr->len, "Content-Length", &vlen);
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
			stream_record(&w, hend, clen, response);
			continue;
		}
		body_len = frame_block(&w, hend, cl_ok, clen, &next);
		if (o->all_types || w.is_doc) {
			struct doc d;
			struct page pg;

			doc_of(&w, response, (const char *)src_ptr(s) + hend,
			    body_len, &d);
			if (payload_page(&w.pl, e, &d, &pg)) {
				begin_record(&w);
				payload_emit(e, &d, &pg);
				em_end(e);
			}
		}
		src_skip(s, next);
	}
	buf_free(&w.hdr);
	payload_free(&w.pl);
}
