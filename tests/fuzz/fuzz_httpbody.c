/*
 * fuzz_httpbody.c - the HTTP layer and the payload sniffer of
 * split-articles (cmd/split-articles/httpbody.c, sniff.c).
 * Properties:
 *  - the input, gzipped, zlib-wrapped or raw-deflated here, decodes back
 *    to itself, or to its first max bytes when max is smaller (reported
 *    DECODED_OVER_MAX); chunked here, it de-chunks back to itself;
 *  - any bytes decoded as gzip, deflate or br give at most max bytes,
 *    and leave the output untouched when they do not decode;
 *  - the sniffer reads no more than it is given (ASan), says PK_IMAGE for
 *    a PNG signature under any declared type, and never calls a body
 *    binary that is all printable ASCII;
 *  - header_field, http_status and charset_param stay within their input.
 * seeds: dumps/warc
 */
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "harness.h"
#include "httpbody.h"
#include "sniff.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_httpbody");
	return 0;
}

/* data deflated with windowBits wbits (31 gzip, 15 zlib, -15 raw). */
static void
deflate_as(const uint8_t *data, size_t size, int wbits, struct buf *out)
{
	z_stream zs;

	memset(&zs, 0, sizeof zs);
	if (deflateInit2(&zs, 1, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	buf_clear(out);
	buf_reserve(out, deflateBound(&zs, (uLong)size) + 1);
	zs.next_in = (unsigned char *)(uintptr_t)data;
	zs.avail_in = (uInt)size;
	zs.next_out = (unsigned char *)out->data;
	zs.avail_out = (uInt)(out->cap - 1);
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
		abort();
	out->len = (size_t)((char *)zs.next_out - out->data);
	deflateEnd(&zs);
}

static void
roundtrip(const uint8_t *data, size_t size, size_t max)
{
	static const int wbits[] = { 31, 15, -15 };
	static const enum coding codings[] = { CODING_GZIP, CODING_DEFLATE,
		CODING_DEFLATE };
	static struct buf coded, out;
	unsigned i;

	for (i = 0; i < 3; i++) {
		enum decoded rc;

		deflate_as(data, size, wbits[i], &coded);
		buf_clear(&out);
		rc = http_decode_coding(codings[i], coded.data, coded.len, max, &out);
		if (size <= max) {
			fuzz_assert(rc == DECODED_WHOLE);
			fuzz_assert(out.len == size);
		} else {
			fuzz_assert(rc == DECODED_OVER_MAX && out.len == max);
		}
		fuzz_assert(out.len == 0 || !memcmp(out.data, data, out.len));
	}
}

static void
dechunk_roundtrip(const uint8_t *data, size_t size, size_t piece)
{
	static struct buf chunked, out;
	size_t at, bad = 0;

	buf_clear(&chunked);
	for (at = 0; at < size; at += piece) {
		size_t n = size - at < piece ? size - at : piece;

		buf_printf(&chunked, "%zx\r\n", n);
		buf_add(&chunked, data + at, n);
		buf_adds(&chunked, "\r\n");
	}
	buf_adds(&chunked, "0\r\n\r\n");
	buf_clear(&out);
	fuzz_assert(http_dechunk(chunked.data, chunked.len, &out, &bad) ==
	    DECHUNK_WHOLE);
	fuzz_assert(out.len == size && (size == 0 || !memcmp(out.data, data, size)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf out, png;
	const char *p = (const char *)data;
	size_t max = 1 + fuzz_knob(data, size, 0) * 97u, vlen, i;
	int printable = 1;
	enum coding c;

	roundtrip(data, size, max);
	dechunk_roundtrip(data, size, 1 + fuzz_knob(data, size, 1) % 200);
	for (c = CODING_GZIP; c <= CODING_BR; c++) {
		enum decoded rc;

		buf_clear(&out);
		buf_adds(&out, "x");
		rc = http_decode_coding(c, p, size, max, &out);
		fuzz_assert(out.len - 1 <= max);
		if (rc == DECODED_NONE)
			fuzz_assert(out.len == 1);
	}
	/* The sniffer and the header readers on the input as it is. */
	(void)payload_kind(p, size, data, size);
	(void)mime_kind(p, size);
	(void)header_field(p, size, "Content-Type", &vlen);
	(void)charset_param(p, size, &vlen);
	(void)http_status(p, size);
	(void)http_header_len(p, size);
	for (i = 0; i < size && i < SNIFF_LEN; i++)
		printable &= data[i] >= 0x20 && data[i] < 0x7f;
	if (printable)
		fuzz_assert(!sniff_binary(data, size));
	buf_clear(&png);
	buf_add(&png, "\x89PNG\r\n\x1a\n", 8);
	buf_add(&png, data, size);
	fuzz_assert(payload_kind(p, size, (const unsigned char *)png.data,
	    png.len) == PK_IMAGE);
	return 0;
}
