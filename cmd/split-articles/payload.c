/*
 * payload.c - which document records are pages, and their payload as the
 * server meant it.  Held records are decided on their decoded payload;
 * records over --max-record on their first bytes (payload_stream_ok).
 */
#define _GNU_SOURCE	/* strncasecmp */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "httpbody.h"
#include "htmlhead.h"
#include "payload.h"
#include "sniff.h"
#include "stats.h"

void
payload_free(struct payload *pl)
{
	buf_free(&pl->dechunked);
	buf_free(&pl->decoded);
}

/* Count a record not written, for --stats: "records skipped: WHY". */
static void
skipped(const char *why)
{
	char name[64];

	snprintf(name, sizeof name, "records skipped: %s", why);
	stats_add(name, 1);
}

/* A status a page is not: anything but 2xx (0 is no status line). */
static const char *
status_skipped(const struct doc *d, int status)
{
	if (d->all_types || d->all_status || status == 0 ||
	    (status >= 200 && status < 300))
		return NULL;
	if (status >= 300 && status < 400)
		return "redirect (3xx)";
	if (status >= 400 && status < 500)
		return "client error (4xx)";
	if (status >= 500 && status < 600)
		return "server error (5xx)";
	return "status not 2xx";
}

/*
 * Take the HTTP header off d's block into pg; the Content-Type that
 * counts (the HTTP header's if there is one, else the record's) and the
 * status (0 without an HTTP header) go to the out parameters.
 */
static void
http_split(const struct doc *d, struct page *pg, const char **ct,
    size_t *ctlen, int *status)
{
	size_t h = d->http ? http_header_len(d->block, d->n) : 0;

	memset(pg, 0, sizeof *pg);
	pg->http = h ? d->block : NULL;
	pg->hlen = h;
	pg->body = d->block + h;
	pg->n = d->n - h;
	*ct = d->ctype;
	*ctlen = d->ctlen;
	*status = 0;
	if (h) {
		*status = http_status(d->block, h);
		*ct = header_field(d->block, h, "Content-Type", ctlen);
	}
}

static void
dechunk(struct payload *pl, struct emitter *e, struct page *pg, int truncated)
{
	size_t vlen, bad_at = 0;
	const char *v = header_field(pg->http, pg->hlen, "Transfer-Encoding", &vlen);
	int rc;

	if (!v || vlen < 7 || strncasecmp(v, "chunked", 7))
		return;
	buf_clear(&pl->dechunked);
	rc = http_dechunk(pg->body, pg->n, &pl->dechunked, &bad_at);
	if (rc == DECHUNK_BAD)
		em_warn(e, "chunked body: no chunk size at byte %zu; the rest "
		    "written as found", bad_at);
	else if (rc == DECHUNK_SHORT && !truncated)
		em_warn(e, "chunked body: the chunk at byte %zu runs past the "
		    "end of the body; cut short", bad_at);
	if (rc != DECHUNK_NONE) {
		pg->body = pl->dechunked.data ? pl->dechunked.data : "";
		pg->n = pl->dechunked.len;
	}
}

/*
 * The next coding of a Content-Encoding list v[0..*end), from the last
 * (the one applied last, so decoded first).  Returns 0 when none is left.
 */
static int
prev_coding(const char *v, size_t *end, const char **tok, size_t *toklen)
{
	size_t e = *end, s;

	while (e > 0 && (v[e - 1] == ' ' || v[e - 1] == '\t' || v[e - 1] == ','))
		e--;
	if (e == 0)
		return 0;
	for (s = e; s > 0 && v[s - 1] != ','; s--)
		;
	*end = s;
	while (s < e && (v[s] == ' ' || v[s] == '\t'))
		s++;
	*tok = v + s;
	*toklen = e - s;
	return 1;
}

/* What a body that did not decode says: reported, then skipped or empty. */
static void
undecodable(struct emitter *e, const struct doc *d, const char *name,
    int nlen, const char *why)
{
	em_warn(e, "Content-Encoding %.*s body %s; %s", nlen, name, why,
	    d->all_types ? "written empty" : "record skipped");
}

/*
 * Decode pg's body coded with c into whichever of pl's buffers it is not
 * in (*holder).  Returns 0 if it does not decode (reported).
 */
static int
decode_one(struct payload *pl, struct emitter *e, const struct doc *d,
    struct page *pg, struct buf **holder, enum coding c, const char *name,
    int nlen)
{
	struct buf *out = *holder == &pl->decoded ? &pl->dechunked : &pl->decoded;
	const char *verb = c == CODING_BR ? "decode" : "inflate";
	/* A crawler may store the body decoded under the server's header. */
	int textual = !sniff_binary((const unsigned char *)pg->body, pg->n);
	enum decoded rc;
	char sz[32];

	buf_clear(out);
	rc = http_decode_coding(c, pg->body, pg->n, e->max_record, out);
	if (rc == DECODED_NONE || (textual && c != CODING_GZIP &&
	    (rc == DECODED_SHORT || rc == DECODED_CORRUPT))) {
		if (pg->n == 0 || textual)
			return 1;
		undecodable(e, d, name, nlen, c == CODING_BR ?
		    "is no brotli stream" : "does not inflate");
		return 0;
	}
	if (rc == DECODED_OVER_MAX)
		em_warn(e, "Content-Encoding %.*s body %ss past --max-record %s; "
		    "cut there", nlen, name, verb,
		    em_size_name(e->max_record, sz, sizeof sz));
	else if (rc == DECODED_SHORT && !d->truncated)
		em_warn(e, "Content-Encoding %.*s body cut short: %zu bytes %sd, "
		    "the rest is missing", nlen, name, out->len, verb);
	else if (rc == DECODED_CORRUPT)
		em_warn(e, "Content-Encoding %.*s body corrupt after %zu %sd bytes; "
		    "the rest left out", nlen, name, out->len, verb);
	pg->body = out->data ? out->data : "";
	pg->n = out->len;
	*holder = out;
	return 1;
}

/* Undo each content coding, the last applied first.  0: undecodable. */
static int
decode_codings(struct payload *pl, struct emitter *e, const struct doc *d,
    struct page *pg)
{
	size_t vlen, end, toklen;
	const char *v = header_field(pg->http, pg->hlen, "Content-Encoding", &vlen);
	const char *tok;
	struct buf *holder = pg->body == pl->dechunked.data ? &pl->dechunked : NULL;

	if (!v)
		return 1;
	for (end = vlen; prev_coding(v, &end, &tok, &toklen);) {
		enum coding c = coding_named(tok, toklen);

		if (c == CODING_IDENTITY)
			continue;
		if (c == CODING_UNKNOWN) {
			undecodable(e, d, tok, (int)toklen, "is in a coding this "
			    "reader does not decode (gzip, deflate, br)");
			return 0;
		}
		if (!decode_one(pl, e, d, pg, &holder, c, tok, (int)toklen))
			return 0;
	}
	return 1;
}

int
payload_page(struct payload *pl, struct emitter *e, const struct doc *d,
    struct page *pg)
{
	const char *ct, *why;
	size_t ctlen;
	int status;
	enum pkind kind;

	http_split(d, pg, &ct, &ctlen, &status);
	if ((why = status_skipped(d, status)) != NULL) {
		skipped(why);
		return 0;
	}
	if (pg->http) {
		dechunk(pl, e, pg, d->truncated != NULL);
		if (!decode_codings(pl, e, d, pg)) {
			pg->n = 0;
			if (d->all_types)
				return 1;
			skipped("undecodable");
			return 0;
		}
	}
	kind = payload_kind(ct, ct ? ctlen : 0, (const unsigned char *)pg->body,
	    pg->n);
	if (!d->all_types && !pkind_is_page(kind)) {
		skipped(pkind_name(kind));
		return 0;
	}
	pg->html = kind == PK_HTML;
	return 1;
}

/* The charset of Content-Type field in hdr[0..n), as metadata. */
static void
put_charset(struct emitter *e, const char *v, size_t vlen)
{
	size_t clen;
	const char *cs = v ? charset_param(v, vlen, &clen) : NULL;

	if (cs)
		em_meta(e, F_CHARSET, cs, clen);
}

/*
 * The charset of a page as the HTML standard finds it before it guesses:
 * a byte order mark, else the record's or the HTTP header's Content-Type
 * charset, else (HTML) the page's <meta> in its first 1024 bytes.  With
 * none, emit.c's decode() detects it.
 */
static void
page_charset(struct emitter *e, const struct doc *d, const struct page *pg)
{
	const char *cs, *v;
	size_t vlen = 0, len;

	if ((cs = html_bom_charset(pg->body, pg->n, &len)) != NULL) {
		em_meta(e, F_CHARSET, cs, len);
		return;
	}
	put_charset(e, d->ctype, d->ctlen);
	/* Two statements: C leaves the order of a call's arguments open, and
	 * vlen read before header_field() set it lost every HTTP charset. */
	v = pg->http ? header_field(pg->http, pg->hlen, "Content-Type", &vlen) : NULL;
	put_charset(e, v, vlen);
	if (pg->html && !e->has[F_CHARSET] &&
	    (cs = html_prescan_charset(pg->body, pg->n, &len)) != NULL)
		em_meta(e, F_CHARSET, cs, len);
}

void
payload_emit(struct emitter *e, const struct doc *d, const struct page *pg)
{
	const char *v;
	size_t vlen = 0;

	page_charset(e, d, pg);
	if (pg->html)
		em_html(e);
	v = pg->http ? header_field(pg->http, pg->hlen, "Content-Language", &vlen) : NULL;
	if (v && vlen)
		em_http_lang(e, v, vlen);
	if (d->truncated) {
		stats_add("records truncated by the crawler", 1);
		em_warn(e, "truncated by the crawler (WARC-Truncated: %.*s); "
		    "%zu bytes of payload written", (int)d->trunclen, d->truncated,
		    pg->n);
	}
	if (pg->n)
		em_add(e, pg->body, pg->n);
}

int
payload_stream_ok(struct emitter *e, const struct doc *d, const char *head,
    size_t n, int *empty)
{
	struct doc dd = *d;
	struct page pg;
	const char *ct, *why, *v, *tok;
	size_t ctlen, vlen, end, toklen;
	int status;
	enum pkind kind;
	char sz[32];

	dd.block = head;
	dd.n = n;
	*empty = 0;
	http_split(&dd, &pg, &ct, &ctlen, &status);
	if ((why = status_skipped(d, status)) != NULL) {
		skipped(why);
		return 0;
	}
	v = pg.http ? header_field(pg.http, pg.hlen, "Content-Encoding", &vlen) : NULL;
	for (end = v ? vlen : 0; v && prev_coding(v, &end, &tok, &toklen);) {
		if (coding_named(tok, toklen) == CODING_IDENTITY)
			continue;
		em_warn(e, "Content-Encoding %.*s body larger than --max-record %s "
		    "is not decoded; %s", (int)toklen, tok,
		    em_size_name(e->max_record, sz, sizeof sz),
		    d->all_types ? "written empty" : "record skipped");
		if (d->all_types)
			return *empty = 1;
		skipped("undecodable");
		return 0;
	}
	if (d->all_types)
		return 1;
	kind = payload_kind(ct, ct ? ctlen : 0, (const unsigned char *)pg.body,
	    pg.n);
	if (pkind_is_page(kind))
		return 1;
	skipped(pkind_name(kind));
	return 0;
}
