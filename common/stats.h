/*
 * stats.h - named counters for --stats, and the --progress line.
 *
 * A filter counts what it did (stats_add("removed: share", 1),
 * stats_add("encoding: GB18030", 1)); the record layer and input.c count
 * records and bytes in stats_io, wn_write the bytes out.  With --stats the summary goes to stderr at
 * exit; with --progress (and stderr a terminal) one line on stderr is redrawn
 * as input is read.  Both are switched on by opts_common().
 */
#ifndef STATS_H
#define STATS_H

extern int stats_enabled;
extern int progress_enabled;

/*
 * Totals kept by common/: records by record.c, bytes in by input.c (bytes
 * out are winnow.h's wn_bytes_out).  A command that frames records itself (split-articles)
 * counts them with stats_add("records in", n) and stats_add("records out",
 * n), which go to these totals, --stats or not.
 */
struct stats_io {
	unsigned long long files;
	unsigned long long records_in, records_out;
	unsigned long long bytes_in;
};
extern struct stats_io stats_io;

/* Add n to the counter called name (copied on first use). Cheap when off. */
void stats_add(const char *name, unsigned long long n);
/*
 * Print the totals of stats_io and then every counter, in first-use order,
 * as "prog: stats: NAME: N".  Once: --stats calls it at exit by itself.
 */
void stats_print(void);

/*
 * --stats and --progress: turn on, and arrange for the summary (and the
 * last progress line) to be written at exit, however the program exits.
 * progress_enable does nothing unless stderr is a terminal.
 */
void stats_enable(void);
void progress_enable(void);
/*
 * Tell the progress line how much input to expect: the sizes of the
 * operands that are regular files (argc == 0 is stdin).  Without it there is
 * no percent or ETA.  rec_run() calls it.
 */
void progress_expect(int argc, char **argv);
/* input.c, on opening an input: its size, when progress_expect was not called. */
void progress_opened(int fd);
/* After input was read: redraws the line at most a few times a second. */
void progress_tick(void);
/* Before other text goes to stderr: wipe the progress line if one is drawn. */
void progress_clear(void);

#endif
