/* detect-encoding - tell the character encoding of each input; convert it with -c. */
#include <getopt.h>
#include <string.h>

#include "detect.h"
#include "encdetect.h"
#include "opts.h"
#include "outfile.h"
#include "record.h"
#include "winnow.h"

static const char usage[] =
    "[-cv] [--convert[=TO]] [--invalid=replace|skip|fail] [--from=ENC] [--hint=ENC]\n"
    "       [--fix] [--in-place] [--keep-declaration] " COMMON_USAGE " [FILE ...]";
static const char help[] =
"Print the character encoding of each input, or with -c write it converted to\n"
"UTF-8.  One input: just the name; several: \"FILE: NAME\" per line.\n"
"\n"
"  -c, --convert[=TO]    write the input converted to UTF-8 (or TO)\n"
"  -v, --verbose         add the confidence, the runner-up and the declared charset\n"
"      --invalid=MODE    invalid input with -c: replace (U+FFFD, the default),\n"
"                        skip, or fail (status 1, the byte offset reported)\n"
"      --from=ENC        the input is in ENC: no detection\n"
"      --hint=ENC        a declared charset (HTTP header) to weigh, not trust\n"
"      --fix             repair mojibake (UTF-8 once decoded as GBK, Big5,\n"
"                        Shift_JIS, windows-1252, ...); implies -c outside -j\n"
"  -i, --in-place        with -c, convert FILE operands where they lie\n"
"      --keep-declaration  with -c, leave a <meta charset>, http-equiv\n"
"                        Content-Type or <?xml encoding> as it is (by default\n"
"                        one naming another charset is made to name UTF-8/TO)\n"
"\n"
"With -z each NUL-separated record is detected on its own: its encoding name\n"
"is written, or with -c its converted text.  With -j the text is UTF-8\n"
"already: fields \"encoding\" (ASCII or UTF-8) and \"mojibake\" (the charset\n"
"the text was wrongly decoded with, or null) are added; --fix repairs it.\n"
"\n"
COMMON_HELP;

enum {
	OPT_INVALID = OPT_COMMAND_BASE,
	OPT_FROM,
	OPT_HINT,
	OPT_FIX,
	OPT_KEEP_DECLARATION,
};

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "convert", optional_argument, NULL, 'c' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "invalid", required_argument, NULL, OPT_INVALID },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "hint", required_argument, NULL, OPT_HINT },
	{ "fix", no_argument, NULL, OPT_FIX },
	{ "in-place", no_argument, NULL, 'i' },
	{ "keep-declaration", no_argument, NULL, OPT_KEEP_DECLARATION },
	{ NULL, 0, NULL, 0 }
};

/* A charset name given by the user, as iconv(3) will know it. */
static const char *
charset_arg(const char *opt, const char *arg)
{
	if (!*arg) {
		wn_warn("%s: empty charset name", opt);
		opts_usage(usage);
	}
	return arg;
}

int
main(int argc, char **argv)
{
	struct rec_opts ro;
	struct de_opts o = { .to = "UTF-8", .invalid = CONV_REPLACE };
	struct de *d;
	int c, i;

	opts_init(argv);
	rec_opts_init(&ro);
	while ((c = getopt_long(argc, argv, COMMON_SHORTOPTS "cvi", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o.convert = 1;
			if (optarg)
				o.to = charset_arg("--convert", optarg);
			break;
		case 'v':
			o.verbose = 1;
			break;
		case 'i':
			o.in_place = 1;
			break;
		case OPT_INVALID:
			o.invalid_given = 1;
			if (!strcmp(optarg, "replace"))
				o.invalid = CONV_REPLACE;
			else if (!strcmp(optarg, "skip"))
				o.invalid = CONV_SKIP;
			else if (!strcmp(optarg, "fail"))
				o.invalid = CONV_FAIL;
			else {
				wn_warn("--invalid: '%s' is not replace, skip or fail", optarg);
				opts_usage(usage);
			}
			break;
		case OPT_FROM:
			o.from = charset_arg("--from", optarg);
			break;
		case OPT_HINT:
			o.hint = charset_arg("--hint", optarg);
			/* A label the detector cannot weigh would be ignored unseen. */
			if (!enc_canonical(o.hint)) {
				wn_warn("--hint: unknown charset '%s'", o.hint);
				opts_usage(usage);
			}
			break;
		case OPT_FIX:
			o.fix = 1;
			break;
		case OPT_KEEP_DECLARATION:
			o.keep_declaration = 1;
			break;
		default:
			if (!opts_common(c, optarg, &ro, usage, help))
				opts_usage(usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (o.in_place && (!o.convert && !o.fix)) {
		wn_warn("--in-place needs -c or --fix");
		opts_usage(usage);
	}
	if (o.in_place && (ro.mode != REC_WHOLE || argc == 0)) {
		wn_warn("--in-place needs FILE operands and no -z or -j");
		opts_usage(usage);
	}
	if (ro.mode == REC_JSON) {
		static const char *const own[] = { "encoding", "mojibake" };

		opts_check_field(&ro, own, 2, usage);
	}
	if (o.fix && ro.mode != REC_JSON)
		o.convert = 1;
	if (o.convert || o.from) {
		/* Check the target and source names once, up front. */
		struct conv cv;

		if (conv_open(&cv, o.to, "UTF-8", CONV_REPLACE) < 0) {
			wn_warn("--convert: unknown charset '%s'", o.to);
			opts_usage(usage);
		}
		conv_close(&cv);
		if (o.from && conv_open(&cv, o.to, enc_iconv_name(o.from), CONV_REPLACE) < 0) {
			const char *canon = enc_canonical(o.from);

			if (!canon || conv_open(&cv, o.to, enc_iconv_name(canon), CONV_REPLACE) < 0) {
				wn_warn("--from: unknown charset '%s'", o.from);
				opts_usage(usage);
			}
			o.from = canon;
		}
		if (o.from)
			conv_close(&cv);
	}
	if (o.in_place)
		outfile_catch_signals();
	o.json = ro.mode == REC_JSON;
	/* A whole file's lines are repaired up to what -z repairs of a record. */
	o.max_line = ro.max_record;
	o.names = argc > 1;
	d = de_new(&o);
	if (ro.mode != REC_WHOLE) {
		/* -z without -c writes a name per record, never the text. */
		ro.oversize_prefix = !o.convert && !o.fix;
		rec_run(&ro, argc, argv, de_record, d);
	} else if (argc == 0) {
		de_file(d, NULL);
	} else {
		for (i = 0; i < argc; i++)
			de_file(d, argv[i]);
	}
	de_free(d);
	wn_exit();
}
