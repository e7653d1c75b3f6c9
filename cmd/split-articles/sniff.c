/*
 * sniff.c - the kind of a crawl record's payload: its Content-Type
 * checked against its first bytes (WHATWG MIME Sniffing: the byte
 * patterns of 6.1-6.3 and 7.1, the MIME type groups of 4.6).
 */
#define _GNU_SOURCE	/* strncasecmp */
#include <string.h>
#include <strings.h>

#include "sniff.h"

const char *
pkind_name(enum pkind k)
{
	static const char *const names[PK_NKINDS] = {
		[PK_HTML] = "html", [PK_TEXT] = "text", [PK_SCRIPT] = "script",
		[PK_CSS] = "css", [PK_JSON] = "json", [PK_XML] = "xml",
		[PK_IMAGE] = "image", [PK_FONT] = "font", [PK_PDF] = "pdf",
		[PK_MEDIA] = "audio/video", [PK_ARCHIVE] = "archive",
		[PK_BINARY] = "binary", [PK_OTHER] = "other content type",
		[PK_UNKNOWN] = "unknown",
	};

	return (unsigned)k < PK_NKINDS ? names[k] : "unknown";
}

/* Does the essence e[0..n) equal s, in any case? */
static int
is(const char *e, size_t n, const char *s)
{
	return n == strlen(s) && !strncasecmp(e, s, n);
}

static int
has_prefix(const char *e, size_t n, const char *s)
{
	return n >= strlen(s) && !strncasecmp(e, s, strlen(s));
}

static int
has_suffix(const char *e, size_t n, const char *s)
{
	size_t k = strlen(s);

	return n >= k && !strncasecmp(e + n - k, s, k);
}

/* The JavaScript MIME type essences of WHATWG MIME Sniffing 4.6. */
static int
is_script_type(const char *e, size_t n)
{
	static const char *const js[] = {
		"application/ecmascript", "application/javascript",
		"application/x-ecmascript", "application/x-javascript",
		"text/ecmascript", "text/javascript", "text/javascript1.0",
		"text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
		"text/javascript1.4", "text/javascript1.5", "text/jscript",
		"text/livescript", "text/x-ecmascript", "text/x-javascript",
	};
	size_t i;

	for (i = 0; i < sizeof js / sizeof js[0]; i++)
		if (is(e, n, js[i]))
			return 1;
	return 0;
}

/* Types that say nothing of the bytes: sniff them (MIME Sniffing 7). */
static int
is_unknown_type(const char *e, size_t n)
{
	return n == 0 || is(e, n, "application/octet-stream") ||
	    is(e, n, "application/unknown") || is(e, n, "unknown/unknown") ||
	    is(e, n, "*/*") || is(e, n, "application/x-unknown-content-type") ||
	    is(e, n, "no-type") || !memchr(e, '/', n);
}

static enum pkind
text_kind(const char *e, size_t n)
{
	if (is(e, n, "text/html"))
		return PK_HTML;
	if (is(e, n, "text/plain"))
		return PK_TEXT;
	if (is(e, n, "text/css"))
		return PK_CSS;
	if (is(e, n, "text/xml"))
		return PK_XML;
	if (is(e, n, "text/json"))
		return PK_JSON;
	return PK_OTHER;	/* text/dns, text/csv, text/calendar, ... */
}

static enum pkind
application_kind(const char *e, size_t n)
{
	static const char *const archives[] = {
		"application/zip", "application/gzip", "application/x-gzip",
		"application/x-tar", "application/x-rar-compressed",
		"application/vnd.rar", "application/x-7z-compressed",
		"application/x-bzip2", "application/x-xz", "application/zstd",
	};
	size_t i;

	if (is(e, n, "application/xhtml+xml") ||
	    is(e, n, "application/vnd.wap.xhtml+xml"))
		return PK_HTML;
	if (is(e, n, "application/json") || has_suffix(e, n, "+json"))
		return PK_JSON;
	if (is(e, n, "application/xml") || has_suffix(e, n, "+xml"))
		return PK_XML;
	if (is(e, n, "application/pdf") || is(e, n, "application/x-pdf"))
		return PK_PDF;
	if (has_prefix(e, n, "application/font-") ||
	    has_prefix(e, n, "application/x-font-") ||
	    is(e, n, "application/vnd.ms-fontobject"))
		return PK_FONT;
	for (i = 0; i < sizeof archives / sizeof archives[0]; i++)
		if (is(e, n, archives[i]))
			return PK_ARCHIVE;
	return PK_OTHER;
}

enum pkind
mime_kind(const char *v, size_t n)
{
	size_t len = 0;

	if (!v)
		return PK_UNKNOWN;
	while (n && (*v == ' ' || *v == '\t')) {
		v++;
		n--;
	}
	/* The essence: type/subtype, before parameters. */
	while (len < n && v[len] != ';' && v[len] != ' ' && v[len] != '\t' &&
	    v[len] != ',')
		len++;
	if (is_unknown_type(v, len))
		return PK_UNKNOWN;
	if (is_script_type(v, len))
		return PK_SCRIPT;
	if (has_prefix(v, len, "text/"))
		return text_kind(v, len);
	if (has_prefix(v, len, "image/"))
		return PK_IMAGE;
	if (has_prefix(v, len, "audio/") || has_prefix(v, len, "video/"))
		return PK_MEDIA;
	if (has_prefix(v, len, "font/"))
		return PK_FONT;
	if (has_prefix(v, len, "application/"))
		return application_kind(v, len);
	return PK_OTHER;
}

/*
 * A byte pattern of MIME Sniffing 6: pattern under mask (0xff: the byte
 * counts, 0x00: any byte), len bytes.
 */
struct signature {
	const char *pattern, *mask;
	size_t len;
	enum pkind kind;
};

#define SIG(p, k) { p, NULL, sizeof p - 1, k }
#define SIGM(p, m, k) { p, m, sizeof p - 1, k }

static const struct signature signatures[] = {
	/* 6.1 images */
	SIG("\x00\x00\x01\x00", PK_IMAGE), SIG("\x00\x00\x02\x00", PK_IMAGE),
	SIG("BM", PK_IMAGE), SIG("GIF87a", PK_IMAGE), SIG("GIF89a", PK_IMAGE),
	SIGM("RIFF\0\0\0\0WEBPVP", "\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff\xff\xff",
	    PK_IMAGE),
	SIG("\x89PNG\r\n\x1a\n", PK_IMAGE), SIG("\xff\xd8\xff", PK_IMAGE),
	/* 6.2 audio and video (mp4 by its ftyp box, simplified) */
	SIGM("FORM\0\0\0\0AIFF", "\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff", PK_MEDIA),
	SIG("ID3", PK_MEDIA), SIG("OggS\0", PK_MEDIA),
	SIG("MThd\0\0\0\x06", PK_MEDIA),
	SIGM("RIFF\0\0\0\0AVI ", "\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff", PK_MEDIA),
	SIGM("RIFF\0\0\0\0WAVE", "\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff", PK_MEDIA),
	SIGM("\0\0\0\0ftyp", "\0\0\0\0\xff\xff\xff\xff", PK_MEDIA),
	SIG("\x1a\x45\xdf\xa3", PK_MEDIA),
	/* 6.3 fonts: EOT has "LP" after 34 bytes of anything */
	SIGM("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0LP",
	    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xff\xff",
	    PK_FONT),
	SIG("\x00\x01\x00\x00", PK_FONT), SIG("OTTO", PK_FONT), SIG("ttcf", PK_FONT),
	SIG("wOFF", PK_FONT), SIG("wOF2", PK_FONT),
	/* 6.4 archives (RAR as the standard writes it, and as RAR does) */
	SIG("\x1f\x8b\x08", PK_ARCHIVE), SIG("PK\x03\x04", PK_ARCHIVE),
	SIG("Rar \x1a\x07\x00", PK_ARCHIVE), SIG("Rar!\x1a\x07", PK_ARCHIVE),
	/* 7.1: a PDF under another declared type */
	SIG("%PDF-", PK_PDF),
};

static int
matches(const struct signature *s, const unsigned char *p, size_t n)
{
	size_t i;

	if (n < s->len)
		return 0;
	for (i = 0; i < s->len; i++)
		if ((p[i] & (s->mask ? (unsigned char)s->mask[i] : 0xff)) !=
		    (unsigned char)s->pattern[i])
			return 0;
	return 1;
}

/*
 * A pattern strong enough to overrule a declared text type: of the bytes
 * it checks, one that text never starts with, or five or more.  "BM",
 * "ID3", "OTTO" or EOT's "LP" may start (or sit in) a line of text.
 */
static int
strong(const struct signature *s)
{
	size_t i, checked = 0;

	for (i = 0; i < s->len; i++) {
		unsigned char c = (unsigned char)s->pattern[i];

		if (s->mask && !s->mask[i])
			continue;
		checked++;
		if (c < 0x20 || c >= 0x7f)
			return 1;
	}
	return checked >= 5;
}

/* The signature p starts with (strong ones only if only_strong), or NULL. */
static const struct signature *
signature_of(const unsigned char *p, size_t n, int only_strong)
{
	size_t i;

	for (i = 0; i < sizeof signatures / sizeof signatures[0]; i++)
		if (matches(&signatures[i], p, n) &&
		    (!only_strong || strong(&signatures[i])))
			return &signatures[i];
	return NULL;
}

/* A binary data byte of MIME Sniffing 3. */
static int
binary_byte(unsigned char c)
{
	return c <= 0x08 || c == 0x0b || (c >= 0x0e && c <= 0x1a) ||
	    (c >= 0x1c && c <= 0x1f);
}

int
sniff_binary(const unsigned char *p, size_t n)
{
	size_t i, bad = 0;

	if (n > SNIFF_LEN)
		n = SNIFF_LEN;
	/* A BOM says text (UTF-16 holds NUL bytes). */
	if (n >= 2 && ((p[0] == 0xfe && p[1] == 0xff) || (p[0] == 0xff && p[1] == 0xfe)))
		return 0;
	for (i = 0; i < n; i++)
		bad += binary_byte(p[i]);
	/*
	 * The standard calls one such byte binary.  A crawled page may hold a
	 * stray control byte or two; a compressed or binary body has one in
	 * ten of its bytes such: more than one in 64 is binary.
	 */
	return bad > n / 64;
}

/* The tag patterns of MIME Sniffing 7.1, each then a space or '>'. */
static int
html_tag_start(const unsigned char *p, size_t n)
{
	static const char *const tags[] = {
		"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1",
		"<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B",
		"<BODY", "<BR", "<P", "<!--",
	};
	size_t i, k;

	for (i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		k = strlen(tags[i]);
		if (n > k && !strncasecmp((const char *)p, tags[i], k) &&
		    (p[k] == ' ' || p[k] == '>'))
			return 1;
	}
	return 0;
}

/*
 * An unknown type, by its bytes, in the order of MIME Sniffing 7.1: HTML
 * tags, XML (XHTML counts as HTML), PDF; a BOM is text; the image, audio,
 * video and archive signatures; then text if no binary bytes.  Font
 * signatures count only on binary bytes: the standard leaves them out
 * here, and "OTTO" or EOT's "LP" may be text.
 */
static enum pkind
sniff_unknown(const unsigned char *p, size_t n)
{
	const struct signature *sig;
	int bom = n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3);
	size_t i = bom ? 3 : 0;

	while (i < n && p[i] && strchr("\t\n\f\r ", p[i]))
		i++;
	if (html_tag_start(p + i, n - i))
		return PK_HTML;
	if (n - i >= 5 && !memcmp(p + i, "<?xml", 5))
		return memmem(p + i, n - i, "<html", 5) ? PK_HTML : PK_XML;
	if (n >= 5 && !memcmp(p, "%PDF-", 5))
		return PK_PDF;
	if (bom || (n >= 2 && ((p[0] == 0xfe && p[1] == 0xff) ||
	    (p[0] == 0xff && p[1] == 0xfe))))
		return PK_TEXT;
	sig = signature_of(p, n, 0);
	if (sig && sig->kind != PK_FONT)
		return sig->kind;
	if (!sniff_binary(p, n))
		return PK_TEXT;
	return sig ? sig->kind : PK_BINARY;
}

enum pkind
payload_kind(const char *v, size_t vn, const unsigned char *p, size_t n)
{
	enum pkind declared = mime_kind(v, vn);
	const struct signature *sig;

	if (n > SNIFF_LEN)
		n = SNIFF_LEN;
	if (declared == PK_UNKNOWN)
		return sniff_unknown(p, n);
	/* The bytes of an image or a font overrule a type that lies. */
	if ((sig = signature_of(p, n, 1)) != NULL)
		return sig->kind;
	if ((declared == PK_HTML || declared == PK_TEXT) && sniff_binary(p, n))
		return PK_BINARY;
	return declared;
}
