/*
 * sniff.h - what kind of payload a crawl record holds, from its declared
 * Content-Type checked against its first bytes, after the WHATWG MIME
 * Sniffing Standard (mimesniff.spec.whatwg.org): the byte patterns of
 * images, fonts, PDF, archives, audio and video decide over any declared
 * type; the HTML tag patterns decide for an unknown one.
 */
#ifndef SNIFF_H
#define SNIFF_H

#include <stddef.h>

/* Kinds of payload; HTML and TEXT are pages, the rest are skipped. */
enum pkind {
	PK_HTML, PK_TEXT, PK_SCRIPT, PK_CSS, PK_JSON, PK_XML, PK_IMAGE,
	PK_FONT, PK_PDF, PK_MEDIA, PK_ARCHIVE, PK_BINARY, PK_OTHER,
	PK_UNKNOWN,	/* mime_kind(): the type says nothing; sniff */
	PK_NKINDS
};

/* The bytes the sniffer looks at, as the standard's resource header. */
#define SNIFF_LEN 1445

/*
 * The kind a Content-Type value v[0..n) names (parameters ignored), or
 * PK_UNKNOWN for none, application/octet-stream and the like.
 */
enum pkind mime_kind(const char *v, size_t n);
/*
 * The kind of the payload p[0..n) declared as Content-Type v[0..vn) (v
 * may be NULL): a binary signature in its first bytes wins; an unknown
 * type is sniffed (HTML tags, XML, binary bytes, else text); a text type
 * whose bytes are binary (a compressed body under the wrong header) is
 * PK_BINARY.  Looks at no more than SNIFF_LEN bytes.
 */
enum pkind payload_kind(const char *v, size_t vn, const unsigned char *p,
    size_t n);
/* Do the first bytes of p[0..n) hold binary data rather than text? */
int sniff_binary(const unsigned char *p, size_t n);
/* "html", "text", "script", ... for --stats. */
const char *pkind_name(enum pkind k);
static inline int pkind_is_page(enum pkind k) { return k == PK_HTML || k == PK_TEXT; }

#endif
