/*
 * meta.h - the extract-meta engine: reads the text of one crawled page and
 * finds its title, dates, source, people, breadcrumb, URL and language.
 * An engine from meta_new() reads one page per meta_run(); nothing carries
 * from one page to the next but reused storage, so a result depends on the
 * page, the anchor and the options alone, and two engines with different
 * options can run side by side.
 */
#ifndef META_H
#define META_H

#include <stddef.h>

#include "buf.h"
#include "date.h"
#include "lang.h"

enum meta_field {
	MF_TITLE, MF_PUBLISHED, MF_MODIFIED, MF_CRAWLED, MF_SOURCE,
	MF_AUTHORS, MF_EDITORS, MF_CATEGORIES, MF_URL, MF_CANONICAL, MF_LANG, MF_FLAGS,
	MF_NFIELDS
};

extern const char *const meta_field_names[MF_NFIELDS];

/* A list of strings: items NUL-separated in data. */
struct meta_list {
	struct buf data;
	size_t n;
};

/* Where a field came from: byte offset and length of its line, or len 0. */
struct meta_span {
	size_t off, len;
};

struct meta_opts {
	int assume_tz;		/* apply tz_min when a page states no offset */
	int tz_min;
	int has_now;		/* anchor for relative dates and decoys */
	struct mdate now;
	int lang_detail;	/* langs wanted: CLD2 reads every page (lang.c) */
	int no_lang;		/* lang not wanted (-f without it): nothing reads it, so
				   choose_lang() and CLD2, a sixth of the time, are skipped */
};

/* The metadata of one page. */
struct meta {
	struct buf title, source, url, canonical, lang;	/* empty: null */
	int has_title, has_source, has_url, has_canonical, has_lang;
	struct mdate published, modified, crawled;
	/* A relative date with no anchor, as written ("3小时前"). */
	struct buf raw_published, raw_modified;
	struct meta_list authors, editors, categories;
	struct lang_guess langs[3];	/* CLD2's top languages (lang.c) */
	int nlangs;
	struct buf lang_window;	/* lang.c's scratch: the text CLD2 reads */
	unsigned flags;
	struct meta_span ev[MF_NFIELDS];
};

/* A string the record carries beside the text; s NULL or n 0: none. */
struct meta_str {
	const char *s;
	size_t n;
};

/*
 * What the page's HTML head says of it (the -j record's "html" object and
 * "title", given.c), and the record's url: evidence weighed against the
 * text.  All empty: the text-only path.
 */
struct meta_head {
	struct meta_str title;		/* <title> */
	struct meta_str og_title;	/* og:title, else twitter:title */
	struct meta_str og_site;	/* og:site_name */
	struct meta_str ld_headline;	/* JSON-LD headline */
	struct meta_str published;	/* JSON-LD datePublished, else article:published_time */
	/* The language the page's markup and address claim: CLD2's hints (lang.c). */
	struct meta_str lang;		/* <html lang> */
	struct meta_str locale;		/* og:locale */
	struct meta_str content_lang;	/* <meta http-equiv=content-language> */
	struct meta_str http_lang;	/* the HTTP response's Content-Language */
	struct meta_str url;		/* the record's own url (with no html object too) */
	/*
	 * The people the head names: a JSON-LD article's authors; article:author,
	 * else <meta name=author>.  NULL or empty: none.  Addresses, numbers and
	 * the site's own name are left out (given.c).
	 */
	const struct meta_list *ld_authors, *meta_authors;
};

/* The engine: its options, its result and its scratch storage (page.h). */
struct meta_engine;

/*
 * A new engine reading with the options *o (copied; NULL: none).  Builds
 * the engine's lookup tables once, here.  Exits on a failed allocation, as
 * every allocation in winnow does.
 */
struct meta_engine *meta_new(const struct meta_opts *o);
/*
 * Extract the metadata of text[0..len).  anchor, if not NULL, is the crawl
 * time known from outside the text (WARC-Date, --now); it resolves relative
 * dates and rules out dates later than the crawl.  Returns the result,
 * which h owns: valid until the next meta_run() or meta_free() on h, and
 * the caller may amend it (a -j record's own title, given.c).
 */
struct meta *meta_run(struct meta_engine *h, const char *text, size_t len,
    const struct mdate *anchor);
/* The same with the evidence of the page's head (NULL: none). */
struct meta *meta_run_head(struct meta_engine *h, const char *text, size_t len,
    const struct mdate *anchor, const struct meta_head *head);
/* Free h and everything it holds; NULL is allowed. */
void meta_free(struct meta_engine *h);

#endif
