/* stats.c - named counters for --stats, and the --progress line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "stats.h"
#include "winnow.h"

int stats_enabled;
int progress_enabled;
struct stats_io stats_io;

struct counter {
	char *name;
	unsigned long long n;
};

static struct counter *counters;
static size_t ncounters, cap;

static struct timespec started;
static int at_exit_registered;
static unsigned long long expected;	/* input bytes, 0 when unknown */
static int expect_told;			/* progress_expect was called */
static int expect_unknown;		/* an input of unknown size was opened */
static double last_draw;		/* seconds since start */
static int drawn;			/* a progress line is on the terminal */

/* The redraw interval: often enough to look alive, rarely enough to cost nothing. */
#define PROGRESS_INTERVAL 0.25

void
stats_add(const char *name, unsigned long long n)
{
	size_t i;

	/*
	 * A command that frames records itself counts them by these names;
	 * they are the totals of stats_io, which --progress shows too.
	 */
	if (name[0] == 'r' && !strcmp(name, "records in")) {
		stats_io.records_in += n;
		return;
	}
	if (name[0] == 'r' && !strcmp(name, "records out")) {
		stats_io.records_out += n;
		return;
	}
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

static double
elapsed(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - started.tv_sec) +
	    (double)(now.tv_nsec - started.tv_nsec) / 1e9;
}

void
stats_print(void)
{
	static int printed;
	size_t i;

	/*
	 * Only with --stats, and once: a command that still calls it before
	 * exit must not print it unasked, nor twice.
	 */
	if (!stats_enabled || printed++)
		return;
	fprintf(stderr, "%s: stats: files: %llu\n", argv0, stats_io.files);
	fprintf(stderr, "%s: stats: records in: %llu\n", argv0, stats_io.records_in);
	fprintf(stderr, "%s: stats: records out: %llu\n", argv0, stats_io.records_out);
	fprintf(stderr, "%s: stats: bytes in: %llu\n", argv0, stats_io.bytes_in);
	fprintf(stderr, "%s: stats: bytes out: %llu\n", argv0, wn_bytes_out);
	if (started.tv_sec || started.tv_nsec)
		fprintf(stderr, "%s: stats: seconds: %.3f\n", argv0, elapsed());
	for (i = 0; i < ncounters; i++)
		fprintf(stderr, "%s: stats: %s: %llu\n", argv0, counters[i].name,
		    counters[i].n);
}

/* "12.3 MiB" into out. */
static void
human_bytes(double n, char *out, size_t outsz)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
	size_t u = 0;

	while (n >= 1024 && u + 1 < sizeof unit / sizeof unit[0]) {
		n /= 1024;
		u++;
	}
	snprintf(out, outsz, u ? "%.1f %s" : "%.0f %s", n, unit[u]);
}

static void
draw(double now)
{
	char line[256], done[32], rate[32], eta[64] = "";
	double bps = now > 0 ? (double)stats_io.bytes_in / now : 0;
	int n;

	human_bytes((double)stats_io.bytes_in, done, sizeof done);
	human_bytes(bps, rate, sizeof rate);
	if (expected && stats_io.bytes_in <= expected) {
		double left = bps > 0 ? (double)(expected - stats_io.bytes_in) / bps : 0;
		unsigned long s = (unsigned long)left;

		snprintf(eta, sizeof eta, ", %.0f%%, ETA %lu:%02lu:%02lu",
		    100.0 * (double)stats_io.bytes_in / (double)expected,
		    s / 3600, s / 60 % 60, s % 60);
	}
	/* \r and erase-to-end-of-line: one line, redrawn in place. */
	n = snprintf(line, sizeof line, "\r%s: %s, %llu records, %s/s%s\033[K",
	    argv0, done, stats_io.records_in ? stats_io.records_in : stats_io.records_out,
	    rate, eta);
	if (n > 0 && write(STDERR_FILENO, line,
	    (size_t)n < sizeof line ? (size_t)n : sizeof line - 1) > 0)
		drawn = 1;
	last_draw = now;
}

void
progress_tick(void)
{
	double now;

	if (!progress_enabled)
		return;
	now = elapsed();
	if (now - last_draw >= PROGRESS_INTERVAL)
		draw(now);
}

void
progress_clear(void)
{
	if (!drawn)
		return;
	/* Best effort: a terminal that cannot take this has bigger problems. */
	if (write(STDERR_FILENO, "\r\033[K", 4) < 0)
		return;
	drawn = 0;
	last_draw = elapsed() - PROGRESS_INTERVAL;	/* redraw on the next tick */
}

static void
at_exit(void)
{
	if (progress_enabled && stats_io.files) {
		draw(elapsed());
		if (write(STDERR_FILENO, "\n", 1) < 0)
			return;
		drawn = 0;
	}
	/* Nothing was read (usage error, --help): no summary to give. */
	if (stats_enabled && stats_io.files)
		stats_print();
}

static void
start(void)
{
	if (!at_exit_registered) {
		clock_gettime(CLOCK_MONOTONIC, &started);
		atexit(at_exit);
		at_exit_registered = 1;
	}
}

void
stats_enable(void)
{
	stats_enabled = 1;
	start();
}

void
progress_enable(void)
{
	if (!isatty(STDERR_FILENO))
		return;
	progress_enabled = 1;
	wn_before_warn = progress_clear;
	start();
}

void
progress_expect(int argc, char **argv)
{
	struct stat st;
	int i;

	if (!progress_enabled)
		return;
	expected = 0;
	expect_told = 1;
	if (argc == 0) {
		if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode))
			expected = (unsigned long long)st.st_size;
		return;
	}
	for (i = 0; i < argc; i++) {
		int ok = !strcmp(argv[i], "-") ? fstat(STDIN_FILENO, &st) == 0 :
		    stat(argv[i], &st) == 0;

		if (!ok || !S_ISREG(st.st_mode)) {
			expected = 0;	/* a pipe among them: no honest percent */
			return;
		}
		expected += (unsigned long long)st.st_size;
	}
}

void
progress_opened(int fd)
{
	struct stat st;

	/*
	 * Without progress_expect (a command that opens its inputs itself),
	 * the sizes add up as the files are opened: exact for one file.
	 */
	if (!progress_enabled || expect_told || expect_unknown)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		expected += (unsigned long long)st.st_size;
	} else {
		expected = 0;
		expect_unknown = 1;
	}
}
