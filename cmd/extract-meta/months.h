/*
 * months.h - month and weekday names of the languages crawled pages are
 * written in (months.c), for the date grammar.
 */
#ifndef MONTHS_H
#define MONTHS_H

#include <stddef.h>

/*
 * A month's name at s[*i], full, genitive or abbreviated, in any letter
 * case, as the whole word (no letter follows it: "Mai" but not "Mainz"):
 * returns 1..12 and moves *i past it and a '.' after it; else returns 0.
 */
int month_word(const char *s, size_t n, size_t *i);

/* The length of the weekday name (whole word) at s[i], or 0. */
int weekday_word(const char *s, size_t n, size_t i);

#endif
