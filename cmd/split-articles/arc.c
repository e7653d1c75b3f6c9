/*
 * arc.c - the Internet Archive's ARC files (version 1, and version 2's
 * longer header lines): a "filedesc://" record first, then each record a
 * header line "URL IP-address Archive-date Content-type Archive-length"
 * (version 2 puts Result-code Checksum Location Offset Filename before
 * the length), its Archive-length bytes, and a newline.  gzip per record
 * or whole comes off in source.c.  The fields are read from the right:
 * URLs in real ARC files hold spaces.
 */
#define _GNU_SOURCE	/* strncasecmp */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "payload.h"
#include "split.h"
#include "stats.h"
#include "winnow.h"

/* The longest ARC header line read. */
#define LINE_MAX_ARC ((size_t)64 << 10)
/* A header line has 5 fields (version 1) or 10 (version 2). */
#define FIELDS_MAX 10

/* One run of the ARC reader over a source. */
struct arc {
	struct src *s;
	struct emitter *e;
	const struct split_opts *o;
	unsigned long long recno;
	int version;		/* of the filedesc record; 0 before it */
	struct buf line;	/* the header line, copied: the buffer moves */
	struct buf date;	/* the Archive-date in ISO 8601 */
	struct payload pl;
};

/* A header line cut into fields; the URL is the first (spaces and all). */
struct arc_head {
	const char *url, *date, *ctype;
	size_t urllen, datelen, ctlen, length;
};

static int
all_digits(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)p[i]))
			return 0;
	return n > 0;
}

/*
 * Cut the header line p[0..n) (no newline) into the fields of version
 * version (0: as the line looks).  Returns 0, or -1 if it is no header:
 * too few fields, no 12- or 14-digit date, no length, no URL scheme.
 */
static int
parse_head(const char *p, size_t n, int version, struct arc_head *h)
{
	const char *f[FIELDS_MAX];
	size_t len[FIELDS_MAX], nf = 0, e = n, date, ctype;

	/* Up to ten fields from the right; the rest is the URL. */
	while (nf < FIELDS_MAX && e > 0) {
		size_t s = e;

		while (s > 0 && p[s - 1] != ' ')
			s--;
		f[nf] = p + s;
		len[nf++] = e - s;
		e = s > 0 ? s - 1 : 0;
		if (s == 0)
			break;
	}
	if (nf < 5 || !all_digits(f[0], len[0]) || len[0] > 18)
		return -1;
	/* Version 2's date is the eighth field from the right. */
	if (version == 2 || (version == 0 && nf >= 10 && all_digits(f[7], len[7])))
		date = 7;
	else
		date = 2;
	if (date + 2 >= nf || !all_digits(f[date], len[date]) ||
	    (len[date] != 14 && len[date] != 12))
		return -1;
	ctype = date - 1;
	h->date = f[date];
	h->datelen = len[date];
	h->ctype = f[ctype];
	h->ctlen = len[ctype];
	h->url = p;
	h->urllen = (size_t)(f[date + 1] - p);
	h->urllen = h->urllen > 0 ? h->urllen - 1 : 0;
	h->length = 0;
	for (e = 0; e < len[0]; e++)
		h->length = h->length * 10 + (size_t)(f[0][e] - '0');
	return memchr(h->url, ':', h->urllen) ? 0 : -1;
}

/* "20040925001013" as "2004-09-25T00:10:13Z" (ARC dates are UTC). */
static void
put_date(struct arc *a, const struct arc_head *h)
{
	const char *d = h->date;

	buf_clear(&a->date);
	if (h->datelen == 14)
		buf_printf(&a->date, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", d, d + 4,
		    d + 6, d + 8, d + 10, d + 12);
	else
		buf_add(&a->date, d, h->datelen);
	em_meta(a->e, F_DATE, a->date.data, a->date.len);
}

static void
begin_record(struct arc *a, const struct arc_head *h)
{
	em_begin(a->e, a->s->path, a->recno, "arc");
	em_meta(a->e, F_URL, h->url, h->urllen);
	put_date(a, h);
	em_meta(a->e, F_TYPE, "response", 8);
}

static void
doc_of(const struct arc *a, const struct arc_head *h, const char *block,
    size_t n, struct doc *d)
{
	memset(d, 0, sizeof *d);
	d->block = block;
	d->n = n;
	d->ctype = h->ctype;
	d->ctlen = h->ctlen;
	d->http = 1;	/* http_header_len() tells whether one is there */
	d->all_types = a->o->all_types;
	d->all_status = a->o->all_status;
}

/*
 * The next header line, parsed into h, its length with the newline in
 * *linelen; lines that are no header are skipped and reported.  Returns
 * 0 at the end of input.
 */
static int
next_head(struct arc *a, struct arc_head *h, size_t *linelen)
{
	struct src *s = a->s;
	unsigned long long junk = 0;

	for (;;) {
		int complete;
		size_t n;

		while (src_fill(s, 1) && (*src_ptr(s) == '\r' || *src_ptr(s) == '\n'))
			src_skip(s, 1);
		if (!src_avail(s))
			break;
		n = split_next_line(s, LINE_MAX_ARC, &complete);
		buf_clear(&a->line);
		buf_add(&a->line, src_ptr(s), n);
		while (a->line.len && (a->line.data[a->line.len - 1] == '\n' ||
		    a->line.data[a->line.len - 1] == '\r'))
			a->line.len--;
		if (complete && parse_head(a->line.data, a->line.len, a->version,
		    h) == 0) {
			*linelen = n;
			break;
		}
		junk += n;
		src_skip(s, n);
	}
	if (junk) {
		wn_warn("%s: after record %llu: %llu bytes that are not an ARC "
		    "record skipped", s->path, a->recno, junk);
		wn_raise(WN_RECORD);
	}
	return src_avail(s) > 0;
}

/* A block over --max-record: decided on its first bytes, streamed. */
static void
stream_record(struct arc *a, const struct arc_head *h, size_t linelen)
{
	struct src *s = a->s;
	size_t want = h->length < STREAM_HEAD ? h->length : STREAM_HEAD;
	size_t avail = src_fill(s, linelen + want) - linelen, left = h->length;
	int emit, empty = 0;
	struct doc d;
	char sz[32];

	doc_of(a, h, (const char *)src_ptr(s) + linelen, avail < want ? avail :
	    want, &d);
	emit = payload_stream_ok(a->e, &d, d.block, d.n, &empty) && !empty;
	if (emit || empty)
		begin_record(a, h);
	if (emit && em_is_raw(a->e))
		em_warn(a->e, "Archive-length %zu larger than --max-record %s; "
		    "written as found, HTTP header and all", h->length,
		    em_size_name(a->o->max_record, sz, sizeof sz));
	src_skip(s, linelen);
	while (left > 0 && src_fill(s, 1)) {
		size_t n = src_avail(s) < left ? src_avail(s) : left;

		if (emit)
			em_add(a->e, src_ptr(s), n);
		src_skip(s, n);
		left -= n;
	}
	if (left > 0)
		em_warn(a->e, "cut off at the end of input: Archive-length %zu, "
		    "%zu bytes there", h->length, h->length - left);
	if (emit || empty)
		em_end(a->e);
}

/* The filedesc record: its version line says how to read the headers. */
static void
read_filedesc(struct arc *a, size_t linelen, size_t len)
{
	struct src *s = a->s;
	size_t avail = src_fill(s, linelen + 2);

	if (avail >= linelen + 2 && len >= 1 && isdigit(src_ptr(s)[linelen]))
		a->version = src_ptr(s)[linelen] - '0';
	stats_add("records skipped: filedesc record", 1);
}

/* Drop a record's block of len bytes after its header line, unheld. */
static void
skip_block(struct arc *a, size_t linelen, size_t len)
{
	struct src *s = a->s;
	size_t left = len;

	src_skip(s, linelen);
	while (left > 0 && src_fill(s, 1)) {
		size_t n = src_avail(s) < left ? src_avail(s) : left;

		src_skip(s, n);
		left -= n;
	}
	if (left > 0)
		em_warn(a->e, "cut off at the end of input: Archive-length %zu, "
		    "%zu bytes there", len, len - left);
}

void
split_arc(struct src *s, struct emitter *e, const struct split_opts *o)
{
	struct arc a = { .s = s, .e = e, .o = o };
	struct arc_head h;
	size_t linelen = 0;

	while (next_head(&a, &h, &linelen)) {
		size_t avail, n;
		struct doc d;
		struct page pg;

		a.recno++;
		stats_add("records in", 1);
		em_locate(e, s->path, a.recno);
		if (h.urllen >= 11 && !strncasecmp(h.url, "filedesc://", 11)) {
			read_filedesc(&a, linelen, h.length);
			skip_block(&a, linelen, h.length);
			continue;
		}
		if (h.length > o->max_record) {
			stream_record(&a, &h, linelen);
			continue;
		}
		avail = src_fill(s, linelen + h.length) - linelen;
		n = avail < h.length ? avail : h.length;
		doc_of(&a, &h, (const char *)src_ptr(s) + linelen, n, &d);
		if (n < h.length)
			em_warn(e, "cut off at the end of input: Archive-length %zu, "
			    "%zu bytes there", h.length, n);
		if (payload_page(&a.pl, e, &d, &pg)) {
			begin_record(&a, &h);
			payload_emit(e, &d, &pg);
			em_end(e);
		}
		src_skip(s, linelen + n);
	}
	buf_free(&a.line);
	buf_free(&a.date);
	payload_free(&a.pl);
}
