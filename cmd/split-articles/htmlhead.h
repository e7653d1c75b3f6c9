/*
 * htmlhead.h - what a page's head says about it, gathered while html.c
 * reads the page, for the "html" member of split-articles -j records
 * (the contract with extract-meta is in docs/ and in team notes): <title>,
 * <html lang>, <link rel=canonical>, <meta name|property content>, and the
 * first JSON-LD Article-like object's headline, dates, authors, publisher
 * and section.  Bounded: HEAD_KEYS keys, HEAD_VALUES values in all, each
 * value at most HEAD_VALUE_MAX bytes cut on a UTF-8 boundary.
 */
#ifndef HTMLHEAD_H
#define HTMLHEAD_H

#include <stddef.h>

#include "buf.h"

#define HEAD_KEYS 64
#define HEAD_VALUES 256
#define HEAD_VALUE_MAX 1024
#define HEAD_KEY_MAX 64
/* A JSON-LD script longer than this is not read. */
#define HEAD_JSONLD_MAX ((size_t)1 << 20)

struct head_value {
	size_t key;		/* index into key_off/key_len */
	size_t off, len;	/* the value in data */
};

struct head {
	struct buf data;	/* the keys' names and the values */
	size_t key_off[HEAD_KEYS], key_len[HEAD_KEYS], nkeys;
	struct head_value v[HEAD_VALUES];
	size_t nv;
	int have_ld;		/* the first JSON-LD article was read */
	struct buf tmp, dec, str, ld;	/* scratch */
};

/* Forget the last page (keeps the memory). */
void head_clear(struct head *h);
void head_free(struct head *h);

/*
 * Add value v[0..n) under key (at most HEAD_KEY_MAX bytes).  refs: v is an attribute value whose character references are
 * decoded first.  White space is collapsed and trimmed; an empty value, a
 * value the key already has, a key past HEAD_KEYS or a value past
 * HEAD_VALUES is dropped.  single: keep only the key's first value.
 */
void head_add(struct head *h, const char *key, size_t klen, const char *v,
    size_t n, int refs, int single);

/* The attributes a[0..n) of a start tag named name (lower case). */
void head_tag(struct head *h, const char *name, const char *a, size_t n);

/*
 * The text of a <script type=application/ld+json>: the first object whose
 * @type is an Article (or NewsArticle, BlogPosting, ...), at its top, in
 * an array or an @graph, gives ld:headline, ld:datePublished, ...
 * A script in a CDATA or comment wrapper, or with raw line breaks in its
 * strings, is read as if it had none.
 */
void head_jsonld(struct head *h, const char *p, size_t n);

/* The value of key, first if several, or NULL (len in *len). */
const char *head_get(const struct head *h, const char *key, size_t *len);

/* Append the object {"key": "value" or ["v1", ...], ...}; 0 if it is empty (nothing appended). */
int head_json(const struct head *h, struct buf *out);

/*
 * The value of attribute name (lower case) among the attributes a[0..n)
 * of a tag: 1 with its span (references not decoded) in *voff, *vlen; a
 * bare attribute has an empty value.  0 when absent.
 */
int html_attr(const char *a, size_t n, const char *name, size_t *voff, size_t *vlen);

/*
 * The charset a page's <meta charset> or <meta http-equiv=Content-Type>
 * names within p[0..n) (the caller gives the first 1024 bytes, as the
 * HTML standard's prescan looks), or NULL; its length in *len.
 */
const char *html_meta_charset(const char *p, size_t n, size_t *len);

/* How far the HTML standard's prescan looks for a <meta> charset. */
#define HTML_PRESCAN 1024

/*
 * The charset a byte order mark at the start of p[0..n) names ("UTF-8",
 * "UTF-16BE", "UTF-16LE"), or NULL; its length in *len.  The HTML
 * standard puts it before every other source: the HTTP header's charset
 * and the page's <meta> lose to it.
 */
const char *html_bom_charset(const char *p, size_t n, size_t *len);

/*
 * The charset a page's <meta> declares in its first HTML_PRESCAN bytes
 * of p[0..n) (html_meta_charset), as the HTML standard reads the label:
 * a UTF-16 label means UTF-8 (the page was read as ASCII bytes to find
 * it), x-user-defined windows-1252.  NULL if none; its length in *len.
 * The standard's order: BOM, HTTP charset, this, then detection.
 */
const char *html_prescan_charset(const char *p, size_t n, size_t *len);

#endif
