/*
 * datecheck.h - the date tests' one check, shared by test_meta.c and
 * test_dates.c: the first date date_scan finds in s, formatted, is want
 * (NULL: none is found).
 */
#ifndef DATECHECK_H
#define DATECHECK_H

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "tap.h"

static void
check_date(const char *s, const char *want)
{
	struct mdate d;
	struct buf b = { 0 };
	size_t pos = 0, a, e;
	char name[160];

	snprintf(name, sizeof(name), "date in '%s'", s);
	if (!date_scan(s, strlen(s), &pos, &d, &a, &e)) {
		ok(want == NULL, "%s: none found", name);
		return;
	}
	if (!want) {
		ok(0, "%s: found one where none is", name);
		return;
	}
	mdate_format(&b, &d);
	is_mem(b.data, b.len, want, strlen(want), name);
	buf_free(&b);
}

#endif
