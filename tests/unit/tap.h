/*
 * tap.h - a minimal TAP producer for the C unit tests.
 * ok(cond, fmt, ...) prints "ok N - ..." or "not ok N - ..."; done_testing()
 * prints the plan and returns the exit status.
 */
#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static int __attribute__((format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
	return cond;
}

/* Compare two byte strings; on failure show both. */
static int
is_mem(const char *got, size_t glen, const char *want, size_t wlen, const char *name)
{
	int eq = glen == wlen && !memcmp(got, want, glen);

	ok(eq, "%s", name);
	if (!eq)
		printf("#   got:  '%.*s'\n#   want: '%.*s'\n", (int)glen, got, (int)wlen, want);
	return eq;
}

#define is_str(got, want, name) is_mem((got), strlen(got), (want), strlen(want), (name))

static int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
