/* split-articles - not yet implemented: passes every record through unchanged. */
#include <getopt.h>

#include "opts.h"
#include "record.h"
#include "winnow.h"

static const char usage[] = COMMON_USAGE " [FILE ...]";
static const char help[] =
"Not yet implemented: passes every record through unchanged.\n"
"\n"
COMMON_HELP;

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static int
pass(struct record *r, void *ctx)
{
	(void)ctx;
	rec_pass(r);
	return 0;
}

int
main(int argc, char **argv)
{
	struct rec_opts ro;
	int c;

	wn_init(argv[0]);
	rec_opts_init(&ro);
	while ((c = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts, NULL)) != -1)
		if (!opts_common(c, optarg, &ro, usage, help))
			opts_usage(usage);
	rec_run(&ro, argc - optind, argv + optind, pass, NULL);
	wn_exit();
}
