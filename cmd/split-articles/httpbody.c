/*
 * httpbody.c - the HTTP layer of a crawl record's block: header fields,
 * the status, chunked transfer, and the content codings gzip, deflate and
 * br (RFC 9110 8.4.1, RFC 9112 7.1, RFC 7932), each decoded to a cap.
 */
#define _GNU_SOURCE	/* strncasecmp */
#include <brotli/decode.h>
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "httpbody.h"

const char *
header_field(const char *hdr, size_t n, const char *name, size_t *vlen)
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

const char *
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
http_status(const char *p, size_t n)
{
	size_t i = 5;
	int code = 0, digits = 0;

	if (n < 5 || memcmp(p, "HTTP/", 5))
		return 0;
	while (i < n && p[i] != ' ' && p[i] != '\n')
		i++;
	while (i < n && p[i] == ' ')
		i++;
	for (; i < n && digits < 3 && isdigit((unsigned char)p[i]); i++, digits++)
		code = code * 10 + (p[i] - '0');
	if (digits != 3 || (i < n && isdigit((unsigned char)p[i])))
		return 0;
	return code;
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

enum coding
coding_named(const char *t, size_t n)
{
	static const struct {
		const char *name;
		enum coding c;
	} names[] = {
		{ "identity", CODING_IDENTITY }, { "gzip", CODING_GZIP },
		{ "x-gzip", CODING_GZIP }, { "deflate", CODING_DEFLATE },
		{ "br", CODING_BR },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (n == strlen(names[i].name) && !strncasecmp(t, names[i].name, n))
			return names[i].c;
	return CODING_UNKNOWN;
}

/* The room to decode into: at most want - got bytes, at least one. */
static size_t
decode_room(struct buf *out, size_t got, size_t want)
{
	size_t room;

	buf_reserve(out, 64 * 1024);
	room = out->cap - out->len - 1;
	return room > want - got ? want - got : room;
}

/* want = max + 1, saturated: one byte past max tells max from longer. */
static size_t
past_max(size_t max)
{
	return max == SIZE_MAX ? max : max + 1;
}

/* gzip (RFC 1952), zlib (RFC 1950) or raw deflate (RFC 1951). */
static enum decoded
inflate_body(const char *p, size_t n, size_t max, struct buf *out)
{
	static const int wbits[] = { 15 + 32, -15 };
	size_t start = out->len, want = past_max(max);
	unsigned i;

	for (i = 0; i < sizeof wbits / sizeof wbits[0]; i++) {
		z_stream zs;
		int rc = Z_OK;
		size_t got;

		memset(&zs, 0, sizeof zs);
		if (inflateInit2(&zs, wbits[i]) != Z_OK)
			return DECODED_NONE;
		zs.next_in = (unsigned char *)(uintptr_t)p;
		zs.avail_in = (uInt)(n < UINT32_MAX ? n : UINT32_MAX);
		while (rc == Z_OK && out->len - start < want) {
			size_t room = decode_room(out, out->len - start, want);

			zs.next_out = (unsigned char *)out->data + out->len;
			zs.avail_out = (uInt)(room < UINT32_MAX ? room : UINT32_MAX);
			rc = inflate(&zs, Z_NO_FLUSH);
			out->len = (size_t)((char *)zs.next_out - out->data);
		}
		inflateEnd(&zs);
		got = out->len - start;
		if (got > max) {
			out->len = start + max;
			return DECODED_OVER_MAX;
		}
		if (rc == Z_STREAM_END)
			return DECODED_WHOLE;
		if (rc == Z_BUF_ERROR && zs.avail_in == 0)
			return DECODED_SHORT;
		if (got > 0 && wbits[i] > 0)
			return DECODED_CORRUPT;
		out->len = start;
	}
	return DECODED_NONE;
}

/* Brotli (RFC 7932), through Debian's libbrotlidec. */
static enum decoded
unbrotli_body(const char *p, size_t n, size_t max, struct buf *out)
{
	BrotliDecoderState *st = BrotliDecoderCreateInstance(NULL, NULL, NULL);
	BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
	const uint8_t *in = (const uint8_t *)p;
	size_t avail_in = n, start = out->len, want = past_max(max), got;

	if (!st)
		return DECODED_NONE;
	while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT &&
	    out->len - start < want) {
		size_t room = decode_room(out, out->len - start, want), avail = room;
		uint8_t *next = (uint8_t *)out->data + out->len;

		rc = BrotliDecoderDecompressStream(st, &avail_in, &in, &avail,
		    &next, NULL);
		out->len += room - avail;
	}
	BrotliDecoderDestroyInstance(st);
	got = out->len - start;
	if (got > max) {
		out->len = start + max;
		return DECODED_OVER_MAX;
	}
	if (rc == BROTLI_DECODER_RESULT_SUCCESS)
		return DECODED_WHOLE;
	if (got == 0) {
		out->len = start;
		return DECODED_NONE;
	}
	return rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT ? DECODED_SHORT :
	    DECODED_CORRUPT;
}

enum decoded
http_decode_coding(enum coding c, const char *p, size_t n, size_t max,
    struct buf *out)
{
	if (n == 0)
		return DECODED_NONE;	/* nothing to decode (a 204, a HEAD) */
	switch (c) {
	case CODING_GZIP:
	case CODING_DEFLATE:
		return inflate_body(p, n, max, out);
	case CODING_BR:
		return unbrotli_body(p, n, max, out);
	default:
		return DECODED_NONE;
	}
}
