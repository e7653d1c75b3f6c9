/*
 * httpbody.h - the HTTP layer of a crawl record's block: the header and
 * its fields, the status, chunked transfer, and the content codings gzip,
 * deflate (zlib or raw) and br, each decoded to at most a given size.
 */
#ifndef HTTPBODY_H
#define HTTPBODY_H

#include <stddef.h>

#include "buf.h"

/*
 * The value of header field name in hdr[0..n) (the first one wins, the
 * name in any case), blanks around it trimmed, or NULL.  For WARC and HTTP
 * headers alike.
 */
const char *header_field(const char *hdr, size_t n, const char *name,
    size_t *vlen);
/* The charset= parameter of a Content-Type value v[0..n), or NULL. */
const char *charset_param(const char *v, size_t n, size_t *clen);

/* Length of an HTTP header at the start of p (incl. its blank line), or 0. */
size_t http_header_len(const char *p, size_t n);
/* The status code of the status line "HTTP/x.y NNN ..." at p, or 0. */
int http_status(const char *p, size_t n);

/*
 * De-chunk body p[0..n) into out.  DECHUNK_WHOLE: the chunks parse to the
 * last one, or to the end of the body.  DECHUNK_NONE, out untouched: the
 * body does not begin with a chunk (crawlers often store it de-chunked
 * under the server's header).  DECHUNK_BAD: after good chunks, a chunk
 * size that does not parse at *bad_at; out holds the chunks, then the rest
 * of the body as it is.  DECHUNK_SHORT: the chunk whose size line is at
 * *bad_at runs past the end of the body; out holds what is there.
 */
enum { DECHUNK_NONE = -1, DECHUNK_WHOLE, DECHUNK_BAD, DECHUNK_SHORT };
int http_dechunk(const char *p, size_t n, struct buf *out, size_t *bad_at);

/* A content coding this reader decodes. */
enum coding { CODING_IDENTITY, CODING_GZIP, CODING_DEFLATE, CODING_BR,
	CODING_UNKNOWN };
/* The coding named by the token t[0..n) ("gzip", "x-gzip", "br", ...). */
enum coding coding_named(const char *t, size_t n);

/* What http_decode_coding() made of a body. */
enum decoded {
	DECODED_NONE = -1,	/* it does not decode: out untouched */
	DECODED_WHOLE,		/* to the end of the coded stream */
	DECODED_OVER_MAX,	/* cut at max bytes */
	DECODED_SHORT,		/* the coded stream is cut short */
	DECODED_CORRUPT,	/* corrupt after some bytes, those kept */
};

/*
 * Decode body p[0..n), coded with c (gzip, deflate or br), into out, at
 * most max bytes of it.  Bytes that decoded are kept whatever stops the
 * stream, and what stopped it is returned, to be reported.  Raw deflate
 * and br have no header to check, so bytes that are no such stream (a
 * crawler that stored the body decoded under the server's header) may
 * decode a little before failing: that is DECODED_NONE.
 */
enum decoded http_decode_coding(enum coding c, const char *p, size_t n,
    size_t max, struct buf *out);

#endif
