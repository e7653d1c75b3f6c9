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

int
opts_common(int c, const char *arg, struct rec_opts *ro, const char *usage,
    const char *help)
{
	switch (c) {
	case 'z':
		ro->mode = REC_NUL;
		return 1;
	case 'j':
		ro->mode = REC_JSON;
		return 1;
	case OPT_FIELD:
		if (!*arg) {
			wn_warn("--field: empty name");
			opts_usage(usage);
		}
		ro->field = arg;
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
