/*
 * date.h - the date grammar of extract-meta: dates as crawled pages write
 * them, read from a line already folded to ASCII digits and colons, and
 * the calendar arithmetic the chooser needs.  Knows nothing of pages.
 */
#ifndef DATE_H
#define DATE_H

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

/* Flags of a date, reported in extract-meta's "flags" list. */
enum {
	MF_YEAR_INFERRED = 1 << 0,
	MF_RELATIVE = 1 << 1,
	MF_TZ_ASSUMED = 1 << 2,
};

/*
 * Parse one date or date-time at s[0..n) (the whole span, surrounding blanks
 * allowed): ISO 8601 / RFC 3339 and the forms date_scan reads.
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
/*
 * A clock time alone in the next cell of a table's row, after the day d
 * that ends at s[i] ("19.10.2019    11:36   telebasel": w3m sets cells
 * apart by two blanks or more): the row's time is the day's.  Adds it to d
 * and returns 1, else leaves d and returns 0.
 */
int mdate_time_in_next_cell(const char *s, size_t n, size_t i, struct mdate *d);

#endif
