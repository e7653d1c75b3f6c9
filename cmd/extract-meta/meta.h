/*
 * meta.h - the extract-meta engine: reads the text of one crawled page and
 * finds its title, dates, source, people, breadcrumb, URL and language.
 * meta_extract() is pure: it keeps no state between pages except reusable
 * scratch storage in struct meta.
 */
#ifndef META_H
#define META_H

#include <stddef.h>
#include "buf.h"

/*
 * A calendar time at the precision it was written.  Fields past prec are 0.
 * year 0 means the year is not known (a bare "09-24" with no anchor).
 */
enum date_prec { DP_NONE, DP_YEAR, DP_MONTH, DP_DAY, DP_MINUTE, DP_SECOND };

struct mdate {
	int year, month, day, hour, min, sec;
	enum date_prec prec;
	int has_tz;		/* tz_min holds the offset from UTC */
	int tz_min;
	unsigned flags;		/* MF_YEAR_INFERRED, MF_RELATIVE */
	/* Relative dates: rel_n units of rel_unit before the anchor. */
	char rel_unit;		/* 0, 's', 'm' minutes, 'h', 'd', 'w', 'M', 'y' */
	int rel_n;
	int rel_time;		/* "昨天 14:20": hour and min hold the time */
	size_t raw_off, raw_len;	/* the relative phrase, kept when no anchor */
};

/* Flags reported in the "flags" list. */
enum {
	MF_YEAR_INFERRED = 1 << 0,
	MF_RELATIVE = 1 << 1,
	MF_TZ_ASSUMED = 1 << 2,
};

enum meta_field {
	MF_TITLE, MF_PUBLISHED, MF_MODIFIED, MF_CRAWLED, MF_SOURCE,
	MF_AUTHORS, MF_EDITORS, MF_CATEGORIES, MF_URL, MF_LANG, MF_FLAGS,
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
};

struct meta {
	struct buf title, source, url, lang;	/* empty: null */
	int has_title, has_source, has_url, has_lang;
	struct mdate published, modified, crawled;
	/* A relative date with no anchor, as written ("3小时前"). */
	struct buf raw_published, raw_modified;
	struct meta_list authors, editors, categories;
	unsigned flags;
	struct meta_span ev[MF_NFIELDS];

	/* Scratch, private to the engine (page.h). */
	struct buf norm;
	void *lines;
	size_t nlines, lines_cap;
	void *dates;
	size_t ndates, dates_cap;
	void *vals;
	size_t vals_cap;
};

/*
 * Extract the metadata of text[0..len).  anchor, if not NULL, is the crawl
 * time known from outside the text (WARC-Date, --now); it resolves relative
 * dates and rules out dates later than the crawl.  The result stays valid
 * until the next call with the same struct meta.
 */
void meta_extract(struct meta *m, const char *text, size_t len,
    const struct meta_opts *o, const struct mdate *anchor);
void meta_free(struct meta *m);

/*
 * Parse one date or date-time at s[0..n) (the whole span, surrounding blanks
 * allowed): ISO 8601 / RFC 3339 and the forms meta_extract reads.
 * Returns 0 on success.
 */
int mdate_parse(const char *s, size_t n, struct mdate *d);
/* Append d as ISO 8601 at its precision, with its offset if it has one. */
void mdate_format(struct buf *b, const struct mdate *d);
/* Shift d by minutes (across days, months, years). */
void mdate_add_minutes(struct mdate *d, long long minutes);
/* Compare two dates at the coarser of their precisions: <0, 0, >0. */
int mdate_cmp(const struct mdate *a, const struct mdate *b);

/*
 * Scan s[0..n) for the first date at or after *pos.  On success returns 1,
 * stores the date and its span [*start, *end), and moves *pos past it.
 * A relative date ("3小时前", "昨天 14:20") comes back with MF_RELATIVE
 * and rel_unit set; the caller resolves it against an anchor.
 */
int date_scan(const char *s, size_t n, size_t *pos, struct mdate *d,
    size_t *start, size_t *end);

#endif
