/*
 * opts.h - the options every filter shares: -z, -j, --field, --max-record,
 * --progress, --stats, --help, --version.  A command appends its own to the
 * table.  --progress and --stats need nothing more from a command that reads
 * through rec_run() (or input.h) and exits through wn_exit(); its own
 * counters go through stats_add().
 */
#ifndef OPTS_H
#define OPTS_H

#include <getopt.h>
#include "record.h"

enum {
	OPT_FIELD = 0x1000,
	OPT_MAX_RECORD,
	OPT_VERSION,
	OPT_HELP,
	OPT_PROGRESS,
	OPT_STATS,
	OPT_COMMAND_BASE = 0x1100	/* first value free for a command */
};

#define COMMON_SHORTOPTS "zjh"
#define COMMON_LONGOPTS \
	{ "null", no_argument, NULL, 'z' }, \
	{ "json", no_argument, NULL, 'j' }, \
	{ "field", required_argument, NULL, OPT_FIELD }, \
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD }, \
	{ "progress", no_argument, NULL, OPT_PROGRESS }, \
	{ "stats", no_argument, NULL, OPT_STATS }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, OPT_VERSION }

#define COMMON_USAGE "[-z | -j [--field NAME]] [--max-record SIZE] [--progress] [--stats]"

/*
 * The help of the shared options: the record modes (COMMON_HELP_MODES,
 * which a command whose input and output differ words its own way), then
 * the rest.
 */
#define COMMON_HELP COMMON_HELP_MODES COMMON_HELP_REST
#define COMMON_HELP_MODES \
"  -z, --null            records are NUL-separated, in and out\n" \
"  -j, --json            records are JSON Lines, the text in field \"text\"\n" \
"      --field NAME      the JSON field holding the text (implies -j)\n"
#define COMMON_HELP_REST \
"      --max-record SIZE larger records are reported and not processed\n" \
"                        whole (default 64M; see the man page)\n" \
"      --progress        show bytes, records, rate and ETA on a terminal\n" \
"      --stats           print records and bytes in and out, and counts, at exit\n" \
"  -h, --help            print this help and exit\n" \
"      --version         print the version and exit\n"

/* wn_init, and argv[0] made the command's name for getopt's messages. */
void opts_init(char **argv);

/*
 * Handle a shared option c.  Returns 1 if c was one, 0 if it is the
 * command's.  --help prints help to stdout and exits 0; --version likewise;
 * a bad value, or -z with -j or --field (unless ro->field_names_input),
 * prints the usage line and exits 2.  --field implies -j unless -z is given.
 */
int opts_common(int c, const char *arg, struct rec_opts *ro,
    const char *usage, const char *help);

/*
 * A usage error if --field names one of the n members the command writes
 * into each JSON record (own[]): the text would be overwritten by it.
 */
void opts_check_field(const struct rec_opts *ro, const char *const *own, size_t n,
    const char *usage);

/* Print "usage: prog USAGE" to stderr and exit 2. */
_Noreturn void opts_usage(const char *usage);

#endif
