/*
 * payload.h - which document records of a crawl (WARC response, resource
 * and conversion records, ARC records) are pages, and their payload as
 * the server meant it: the HTTP header off, the status checked, chunked
 * transfer and content codings decoded, the kind sniffed.  Shared by the
 * WARC and the ARC reader; whatever is not a page is counted for --stats
 * ("records skipped: image", ...), never written.
 */
#ifndef PAYLOAD_H
#define PAYLOAD_H

#include <stddef.h>

#include "buf.h"
#include "split.h"

/* A reader's scratch space for decoding bodies, kept across records. */
struct payload {
	struct buf dechunked, decoded;
};

void payload_free(struct payload *pl);

/* A document record's block, and what its record header says of it. */
struct doc {
	const char *block;
	size_t n;
	const char *ctype;	/* the record's own Content-Type, or NULL */
	size_t ctlen;
	int http;		/* the block may start with an HTTP response */
	const char *truncated;	/* WARC-Truncated's value, or NULL */
	size_t trunclen;
	int all_types;		/* --all-types: every record is written */
	int all_status;		/* --all-status: 1xx, 3xx, 4xx, 5xx too */
};

/* What payload_page() found: the page to write. */
struct page {
	const char *body;	/* the decoded payload (in d->block or pl) */
	size_t n;
	const char *http;	/* its HTTP header, or NULL */
	size_t hlen;
	int html;		/* the payload is HTML */
};

/*
 * Is the record d a page?  1: pg holds the payload to write, decoded
 * (a body that could not be decoded is reported and, under --all-types,
 * written empty).  0: skipped and counted, reported only when its body
 * could not be decoded.  The record must be located (em_locate) first.
 */
int payload_page(struct payload *pl, struct emitter *e, const struct doc *d,
    struct page *pg);
/*
 * Write a page: its charset (the record's Content-Type, then the HTTP
 * header's), its HTML flag, its text; a record the crawler truncated is
 * reported.  Between em_begin() and em_end().
 */
void payload_emit(struct emitter *e, const struct doc *d, const struct page *pg);

/*
 * The same choice for a record too large to hold (over --max-record),
 * from its first bytes head[0..n) alone: 1 if it is to be written as it
 * streams.  A coded body cannot be decoded unheld: reported and skipped
 * (under --all-types written empty, *empty set).
 */
/* How much of a streamed block's start payload_stream_ok() looks at. */
#define STREAM_HEAD ((size_t)64 << 10)

int payload_stream_ok(struct emitter *e, const struct doc *d,
    const char *head, size_t n, int *empty);

#endif
