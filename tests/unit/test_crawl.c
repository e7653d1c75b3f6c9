/* test_crawl.c - split-articles' crawl payloads: the MIME sniffer, HTTP
 * status and content codings (cmd/split-articles/sniff.c, httpbody.c). */
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "httpbody.h"
#include "sniff.h"
#include "tap.h"

/* The kind of body b under Content-Type ct (NULL: none). */
static enum pkind
kind(const char *ct, const char *b, size_t n)
{
	return payload_kind(ct, ct ? strlen(ct) : 0, (const unsigned char *)b, n);
}
#define KIND(ct, lit) kind(ct, lit, sizeof lit - 1)

static void
test_types(void)
{
	ok(mime_kind("text/html; charset=gbk", 22) == PK_HTML, "type: text/html with parameters");
	ok(mime_kind(" Application/XHTML+XML", 22) == PK_HTML, "type: XHTML, any case");
	ok(mime_kind("text/javascript", 15) == PK_SCRIPT &&
	    mime_kind("application/x-javascript", 24) == PK_SCRIPT, "type: the JavaScript MIME types");
	ok(mime_kind("text/css", 8) == PK_CSS, "type: CSS");
	ok(mime_kind("application/ld+json", 19) == PK_JSON, "type: +json is JSON");
	ok(mime_kind("application/rss+xml", 19) == PK_XML, "type: +xml is XML");
	ok(mime_kind("image/svg+xml", 13) == PK_IMAGE, "type: SVG is an image");
	ok(mime_kind("application/font-woff", 21) == PK_FONT && mime_kind("font/woff2", 10) == PK_FONT,
	    "type: fonts, old and new names");
	ok(mime_kind("text/dns", 8) == PK_OTHER, "type: text/dns is no page");
	ok(mime_kind("application/octet-stream", 24) == PK_UNKNOWN &&
	    mime_kind("no-type", 7) == PK_UNKNOWN && mime_kind("", 0) == PK_UNKNOWN,
	    "type: octet-stream, Heritrix's no-type and none are unknown");
}

static void
test_sniff(void)
{
	ok(KIND("text/html", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR") == PK_IMAGE, "sniff: a PNG served as text/html");
	ok(KIND("text/html", "%PDF-1.4\n") == PK_PDF, "sniff: a PDF served as text/html");
	ok(KIND("text/html", "wOF2\0\1\0\0\0\0\0\100") == PK_BINARY, "sniff: a font served as text/html is binary");
	ok(KIND("text/plain", "BMW and OTTO are names") == PK_TEXT, "sniff: a weak signature does not overrule text");
	ok(KIND("text/html", "\x1f\x8b\x08\0\0\0\0\0\0\x03") == PK_ARCHIVE, "sniff: a gzip body under no Content-Encoding");
	ok(KIND(NULL, "  <!DOCTYPE html><p>x") == PK_HTML, "sniff: unknown type, HTML by its doctype");
	ok(KIND("application/octet-stream", "\xef\xbb\xbf<html>") == PK_HTML, "sniff: unknown type, BOM and <html>");
	ok(KIND(NULL, "<div class=x>") == PK_HTML && KIND(NULL, "<divider>") == PK_TEXT,
	    "sniff: a tag pattern ends in a space or >");
	ok(KIND(NULL, "<?xml version=\"1.0\"?><rss>") == PK_XML, "sniff: unknown type, XML");
	ok(KIND(NULL, "<?xml version=\"1.0\"?><html xmlns=x>") == PK_HTML, "sniff: unknown type, XHTML");
	ok(KIND(NULL, "GIF89a\1\0\1\0") == PK_IMAGE, "sniff: unknown type, GIF");
	ok(KIND(NULL, "Just words.\n") == PK_TEXT, "sniff: unknown type, text");
	ok(KIND(NULL, "\x01\x02\x03\x04\x05") == PK_BINARY, "sniff: unknown type, binary bytes");
	ok(KIND("text/html", "<p>a stray \x01 byte in a long enough page of text, as crawls "
	    "hold them, is still a page and not binary data at all</p>") == PK_HTML,
	    "sniff: one stray control byte in a page");
	ok(KIND("application/javascript", "<html>") == PK_SCRIPT, "sniff: a declared script stays a script");
	ok(kind(NULL, "", 0) == PK_TEXT, "sniff: an empty body is text");
	ok(!strcmp(pkind_name(PK_IMAGE), "image") && pkind_is_page(PK_TEXT) &&
	    !pkind_is_page(PK_JSON), "sniff: names and pages");
}

static void
test_status_codings(void)
{
	static const char page[] = "<html><title>t</title>hello hello hello hello</html>";
	unsigned char z[256];
	uLongf zlen = sizeof z;
	struct buf out = { 0 };

	ok(http_status("HTTP/1.1 301 Moved\r\n", 20) == 301, "status: 301");
	ok(http_status("HTTP/1.0 200\r\n", 14) == 200, "status: no reason phrase");
	ok(http_status("HTTP/1.1 2000 x", 15) == 0 && http_status("GET / HTTP/1.1", 14) == 0,
	    "status: none when it is no status line");
	ok(coding_named("x-gzip", 6) == CODING_GZIP && coding_named("BR", 2) == CODING_BR &&
	    coding_named("zstd", 4) == CODING_UNKNOWN, "codings: by name, any case");
	compress2(z, &zlen, (const unsigned char *)page, sizeof page - 1, 9);
	ok(http_decode_coding(CODING_DEFLATE, (const char *)z, zlen, 1 << 20, &out) ==
	    DECODED_WHOLE, "codings: zlib deflate");
	is_mem(out.data, out.len, page, sizeof page - 1, "codings: zlib back to the page");
	buf_clear(&out);
	ok(http_decode_coding(CODING_DEFLATE, (const char *)z, zlen, 10, &out) ==
	    DECODED_OVER_MAX && out.len == 10, "codings: cut at max");
	buf_clear(&out);
	ok(http_decode_coding(CODING_BR, page, sizeof page - 1, 1 << 20, &out) != DECODED_WHOLE,
	    "codings: HTML is no brotli stream");
	buf_clear(&out);
	/* "hello" compressed by brotli -q 11. */
	ok(http_decode_coding(CODING_BR, "\x0b\x02\x80\x68\x65\x6c\x6c\x6f\x03", 9, 100, &out) ==
	    DECODED_WHOLE, "codings: br");
	is_mem(out.data, out.len, "hello", 5, "codings: br back to its text");
	buf_free(&out);
}

int
main(void)
{
	test_types();
	test_sniff();
	test_status_codings();
	return done_testing();
}
