/* strip-chrome - keep the article, drop the page chrome around it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "opts.h"
#include "htmlsniff.h"
#include "record.h"
#include "stats.h"
#include "strip.h"
#include "winnow.h"

enum {
	OPT_EXPLAIN = OPT_COMMAND_BASE,
	OPT_KEEP_TITLE,
	OPT_NO_PINYIN,
	OPT_REPEAT,
	OPT_NO_REPEAT,
	OPT_REPEAT_MIN,
	OPT_MIN_PROSE,
	OPT_GAP,
	OPT_KEEP_COMMENTS,
};

static const char usage[] = COMMON_USAGE
    " [--explain] [--keep-title] [--keep-comments] [--no-pinyin]\n"
    "\t[--repeat | --no-repeat] [--repeat-min N] [--min-prose N] [--gap N]\n"
    "\t[FILE ...]";
static const char help[] =
"Keep the article body of each page and drop the chrome around it:\n"
"navigation, share prompts, related lists, comments, footers, spam.\n"
"\n"
"  -e, --explain         print every line as LABEL<TAB>CLASS<TAB>REASON<TAB>LINE\n"
"                        (LABEL keep or drop) instead of the body\n"
"  -t, --keep-title      keep the title line above the body\n"
"      --keep-comments   keep the readers' comments, apart from the body:\n"
"                        after it behind a line holding a form feed (\\f)\n"
"                        alone, or with -j in the member \"comments\"\n"
"      --no-pinyin       do not remove pinyin injected after characters\n"
"      --repeat          remember lines across records (default with -z, -j)\n"
"      --no-repeat       do not remember lines across records\n"
"      --repeat-min N    a line seen on N earlier pages is chrome (default 3)\n"
"      --min-prose N     weight of a line that counts as prose on its own\n"
"                        (Han characters plus 2 per word; default 12)\n"
"      --gap N           cost of a short non-prose line inside the body\n"
"                        (default 6; larger cuts more)\n"
COMMON_HELP;

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "explain", no_argument, NULL, 'e' },
	{ "keep-title", no_argument, NULL, 't' },
	{ "no-pinyin", no_argument, NULL, OPT_NO_PINYIN },
	{ "repeat", no_argument, NULL, OPT_REPEAT },
	{ "no-repeat", no_argument, NULL, OPT_NO_REPEAT },
	{ "repeat-min", required_argument, NULL, OPT_REPEAT_MIN },
	{ "min-prose", required_argument, NULL, OPT_MIN_PROSE },
	{ "gap", required_argument, NULL, OPT_GAP },
	{ "keep-comments", no_argument, NULL, OPT_KEEP_COMMENTS },
	{ NULL, 0, NULL, 0 }
};

static int
strip_record(struct record *r, void *h)
{
	/* Markup is no page text: say so rather than strip it (issue 19.3). */
	if (html_sniff(r->text, r->len))
		rec_warn(r, "looks like HTML; run split-articles --html-to-text first");
	return strip_run(h, r);
}

static unsigned
number(const char *opt, const char *arg, unsigned long long max)
{
	unsigned long long v;

	if (wn_parse_uint(arg, max, &v) < 0) {
		wn_warn("%s: invalid number '%s'", opt, arg);
		opts_usage(usage);
	}
	return (unsigned)v;
}

int
main(int argc, char **argv)
{
	struct strip_opts so;
	const struct strip_stats *st;
	struct strip *h;
	struct rec_opts ro;
	int c, repeat = -1;

	opts_init(argv);
	rec_opts_init(&ro);
	strip_opts_init(&so);
	while ((c = getopt_long(argc, argv, COMMON_SHORTOPTS "et", longopts,
	    NULL)) != -1) {
		if (opts_common(c, optarg, &ro, usage, help))
			continue;
		switch (c) {
		case 'e':
			so.explain = 1;
			break;
		case 't':
			so.keep_title = 1;
			break;
		case OPT_KEEP_COMMENTS:
			so.keep_comments = 1;
			break;
		case OPT_NO_PINYIN:
			so.repair_pinyin = 0;
			break;
		case OPT_REPEAT:
			repeat = 1;
			break;
		case OPT_NO_REPEAT:
			repeat = 0;
			break;
		case OPT_REPEAT_MIN:
			so.repeat_min = number("--repeat-min", optarg, 1000000);
			if (so.repeat_min == 0) {
				wn_warn("--repeat-min: must be at least 1");
				opts_usage(usage);
			}
			break;
		case OPT_MIN_PROSE:
			so.min_prose = number("--min-prose", optarg, 10000);
			break;
		case OPT_GAP:
			so.gap = number("--gap", optarg, 10000);
			break;
		default:
			opts_usage(usage);
		}
	}
	/* One page alone has nothing to compare with; a stream has. */
	if (repeat < 0)
		repeat = ro.mode != REC_WHOLE;
	so.repeat_bits = repeat ? 16 : 0;
	if (so.keep_comments)
		so.keep_comments = ro.mode == REC_JSON ? COMMENTS_MEMBER :
		    COMMENTS_AFTER;
	h = strip_new(&so);
	rec_run(&ro, argc - optind, argv + optind, strip_record, h);
	st = strip_stats(h);
	stats_add("lines", st->lines);
	stats_add("kept", st->kept);
	stats_add("dropped", st->dropped);
	stats_add("pinyin removed", st->pinyin);
	strip_free(h);
	wn_exit();
}
