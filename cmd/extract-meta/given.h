/* given.h - fields a -j record carries, used as evidence by extract-meta. */
#ifndef GIVEN_H
#define GIVEN_H

#include "buf.h"
#include "json.h"
#include "meta.h"
#include "record.h"

/* The crawl time of record r, if it has one; 1 and *d set, else 0. */
int given_crawl_time(const struct record *r, struct buf *tmp, struct mdate *d);
/* The decoded strings a record's head evidence points into. */
struct given_store {
	struct json_obj obj;
	const char *html;	/* the "html" object's text, for the record's life */
	struct buf title, og_title, og_site, ld_headline, published, value, name;
	struct buf lang, locale, content_lang, http_lang, url;
	struct meta_list ld_authors, meta_authors;	/* the head's authors */
};

/*
 * Read record r's "html" object (the page's head, as split-articles
 * --html-to-text -j writes it) and its "title" into *h, pointing into s,
 * and the people it names into s's lists (h->ld_authors, h->meta_authors);
 * r's "url" too, which a record without an "html" object may have.
 * Returns 1 when r has an "html" object, else 0 with *h empty: then the
 * text-only path runs, and given_fields() takes r's title as before.
 */
int given_head(const struct record *r, struct given_store *s, struct meta_head *h);
/* Free what s holds. */
void given_store_free(struct given_store *s);
/*
 * Take r's title into m unless the record has an "html" object (has_head):
 * then the title was chosen with it.  (Its url: canonical.h.)
 */
void given_fields(const struct record *r, struct meta *m, struct buf *tmp, int has_head);

#endif
