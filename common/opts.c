/* opts.c - the options shared by every filter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"
#include "stats.h"
#include "winnow.h"

void
opts_usage(const char *usage)
{
	fprintf(stderr, "usage: %s %s\n", argv0, usage);
	fprintf(stderr, "Try '%s --help' for more information.\n", argv0);
	exit(WN_TROUBLE);
}

void
opts_check_field(const struct rec_opts *ro, const char *const *own, size_t n,
    const char *usage)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(ro->field, own[i])) {
			wn_warn("--field: \"%s\" is a member %s writes; the text "
			    "in it would be lost", ro->field, argv0);
			opts_usage(usage);
		}
}

void
opts_init(char **argv)
{
	wn_init(argv[0]);
	/* getopt(3) names argv[0] in its messages: the command, not its path. */
	argv[0] = (char *)argv0;
}

enum { GIVEN_Z = 1, GIVEN_J = 2, GIVEN_FIELD = 4 };

/*
 * Record flag f given: -z with -j, or -z with --field (a member of no
 * record in -z), in either order, is a usage error rather than a silent
 * choice of whichever came last.
 */
static void
record_flag(struct rec_opts *ro, unsigned f, const char *usage)
{
	ro->given |= f;
	if ((ro->given & (GIVEN_Z | GIVEN_J)) == (GIVEN_Z | GIVEN_J)) {
		wn_warn("-z and -j exclude each other");
		opts_usage(usage);
	}
	if ((ro->given & (GIVEN_Z | GIVEN_FIELD)) == (GIVEN_Z | GIVEN_FIELD) &&
	    !ro->field_names_input) {
		wn_warn("--field names a member of a JSON record; -z records have none");
		opts_usage(usage);
	}
}

int
opts_common(int c, const char *arg, struct rec_opts *ro, const char *usage,
    const char *help)
{
	switch (c) {
	case 'z':
		record_flag(ro, GIVEN_Z, usage);
		ro->mode = REC_NUL;
		return 1;
	case 'j':
		record_flag(ro, GIVEN_J, usage);
		ro->mode = REC_JSON;
		return 1;
	case OPT_FIELD:
		if (!*arg) {
			wn_warn("--field: empty name");
			opts_usage(usage);
		}
		record_flag(ro, GIVEN_FIELD, usage);
		ro->field = arg;
		if (!(ro->given & GIVEN_Z))
			ro->mode = REC_JSON;
		return 1;
	case OPT_MAX_RECORD:
		if (wn_parse_size(arg, &ro->max_record) < 0) {
			wn_warn("--max-record: invalid size '%s'", arg);
			opts_usage(usage);
		}
		return 1;
	case OPT_PROGRESS:
		progress_enable();
		return 1;
	case OPT_STATS:
		stats_enable();
		return 1;
	case 'h':
		printf("usage: %s %s\n%s", argv0, usage, help);
		wn_exit();
	case OPT_VERSION:
		printf("%s (winnow) %s\n", argv0, VERSION);
		wn_exit();
	case '?':
	case ':':
		opts_usage(usage);
	}
	return 0;
}
