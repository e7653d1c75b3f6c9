/*
 * winnow.h - what every winnow command shares: exit status, diagnostics,
 * checked allocation and number parsing.
 */
#ifndef WINNOW_H
#define WINNOW_H

#include <stddef.h>
#include <stdio.h>

#ifndef VERSION
#define VERSION "0.0.0"
#endif

/* Exit status, DESIGN.md: 0 all good, 1 some records not handled, 2 trouble. */
enum {
	WN_OK = 0,
	WN_RECORD = 1,
	WN_TROUBLE = 2,
};

extern const char *argv0;	/* set by wn_init() */
extern int wn_status;		/* sticky; only ever raised */
extern unsigned long long wn_bytes_out;	/* written by wn_write and wn_putc */

/*
 * Called, when set, before a diagnostic goes to stderr: the --progress
 * line (stats.c) wipes itself there, so the message starts a clean line.
 */
extern void (*wn_before_warn)(void);

void wn_init(const char *prog);
void wn_raise(int status);

/*
 * Diagnostics read "prog: what".  A format ending in ':' gets ": strerror(errno)"
 * appended, as in sbase and samurai.  wn_fatal exits WN_TROUBLE.
 */
void wn_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void wn_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocation that cannot fail: out of memory exits WN_TROUBLE. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * Parse a size such as "64M", "512k", "1G" or "1000" (binary multiples).
 * Returns 0 and stores the value, or -1 on a malformed or overflowing value.
 */
int wn_parse_size(const char *s, size_t *out);

/* Parse a non-negative decimal integer no larger than max; -1 if malformed. */
int wn_parse_uint(const char *s, unsigned long long max, unsigned long long *out);

/*
 * Write to stdout; a failed write ends the program: EPIPE quietly (status as
 * is, `| head` must stay silent), anything else with a message and status 2.
 */
void wn_write(const void *p, size_t n);
void wn_putc(int c);
/* Flush stdout now; a failure ends the program as in wn_write. */
void wn_flush(void);
/* Flush and close stdout, checking for errors, then exit with wn_status. */
_Noreturn void wn_exit(void);

#endif
