/* stats.c - named counters for --stats. */
#include <stdio.h>
#include <string.h>

#include "stats.h"
#include "winnow.h"

int stats_enabled;

struct counter {
	char *name;
	unsigned long long n;
};

static struct counter *counters;
static size_t ncounters, cap;

void
stats_add(const char *name, unsigned long long n)
{
	size_t i;

	if (!stats_enabled)
		return;
	for (i = 0; i < ncounters; i++)
		if (!strcmp(counters[i].name, name)) {
			counters[i].n += n;
			return;
		}
	if (ncounters == cap) {
		cap = cap ? cap * 2 : 32;
		counters = xreallocarray(counters, cap, sizeof *counters);
	}
	counters[ncounters].name = xstrdup(name);
	counters[ncounters].n = n;
	ncounters++;
}

void
stats_print(void)
{
	size_t i;

	for (i = 0; i < ncounters; i++)
		fprintf(stderr, "%s: stats: %s: %llu\n", argv0, counters[i].name,
		    counters[i].n);
}
