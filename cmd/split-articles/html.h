/*
 * html.h - the text of an HTML page as a crawl dump's WET or `w3m -dump`
 * holds it, for split-articles --html-to-text: the title first, one block
 * per line, blank lines between blocks, "  • " before list items.
 */
#ifndef HTML_H
#define HTML_H

#include <stddef.h>

#include "buf.h"
#include "htmlsniff.h"

/* 1 if a Content-Type value v[0..n) names HTML (text/html, XHTML). */
int html_content_type(const char *v, size_t n);
struct head;
/* The reader: its scratch space, and what the last page's head said. */
struct html;
struct html *html_new(void);
void html_free(struct html *h);
/*
 * Append the text of the UTF-8 page p[0..n) to out.  A whole record at a
 * time: records are held anyway (up to --max-record) to be decoded, and a
 * title found late still goes first.  Any bytes are safe.  The page's
 * <title>, meta tags and JSON-LD article go to html_head(h) (htmlhead.h),
 * valid until the next page.
 */
void html_to_text(struct html *h, const char *p, size_t n, struct buf *out);
struct head *html_head(struct html *h);

#endif
