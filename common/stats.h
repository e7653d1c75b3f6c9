/*
 * stats.h - named counters for --stats: a filter counts what it did
 * (stats_add("removed: share", 1), stats_add("encoding: GB18030", 1)) and
 * the summary is printed to stderr at exit when the user asked for it.
 */
#ifndef STATS_H
#define STATS_H

extern int stats_enabled;

/* Add n to the counter called name (copied on first use). Cheap when off. */
void stats_add(const char *name, unsigned long long n);
/* Print every counter, in first-use order, as "prog: stats: NAME: N". */
void stats_print(void);

#endif
