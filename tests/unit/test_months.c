/*
 * test_months.c - unit tests for extract-meta's month names (months.c):
 * month_word finds each name by its key (length and first three bytes)
 * eight names at a test; these check the first and the last names of the
 * table, names that share a key's bytes with others, letter case, the
 * '.' after an abbreviation, and words that are no month.
 */
#include <stdio.h>
#include <string.h>

#include "months.h"
#include "tap.h"

/* month_word on s from its start: want (0: none), having read the bytes of read. */
static void
check_month(const char *s, int want, const char *read)
{
	size_t i = 0;
	int got = month_word(s, strlen(s), &i);
	char name[80];

	snprintf(name, sizeof(name), "month_word('%s')", s);
	ok(got == want, "%s = %d", name, got);
	is_mem(s, i, read, strlen(read), name);
}

int
main(void)
{
	check_month("january", 1, "january");		/* the table's first name */
	check_month("Δεκεμβρίου", 12, "Δεκεμβρίου");	/* its last: a capital Greek letter */
	check_month("Sept. 3", 9, "Sept.");		/* the '.' after it is read */
	check_month("sep 3", 9, "sep");
	check_month("August 2020", 8, "August");	/* the last of a block of eight */
	check_month("Feber", 2, "Feber");
	check_month("septiembre", 9, "septiembre");
	check_month("MÄRZ 2020", 3, "MÄRZ");		/* upper case, a two-byte letter */
	check_month("mar", 3, "mar");
	check_month("marzo", 3, "marzo");
	check_month("marca", 3, "marca");		/* Polish genitive */
	check_month("marts", 3, "marts");
	check_month("Января", 1, "Января");		/* Cyrillic capital */
	check_month("listopada", 11, "listopada");	/* Polish and Ukrainian genitive */
	check_month("października", 10, "października");
	check_month("Mai", 5, "Mai");
	check_month("Mainz", 0, "");		/* a name's start is no name */
	check_month("marc", 0, "");
	check_month("ma", 0, "");		/* too short to read */
	check_month("comments", 0, "");
	check_month("juillet,", 7, "juillet");
	return done_testing();
}
