/* split-articles - turn a dump into one record per article. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "opts.h"
#include "outfile.h"
#include "pages.h"
#include "record.h"
#include "split.h"
#include "winnow.h"

enum {
	OPT_FORMAT = OPT_COMMAND_BASE,
	OPT_ALL_TYPES,
	OPT_ALL_STATUS,
	OPT_BLANK_LINES,
	OPT_DELIMITER,
	OPT_DROP_DELIMITER,
	OPT_NAME,
	OPT_FORCE,
	OPT_HTML_TO_TEXT,
};

static const char usage[] = COMMON_USAGE
    " [--format NAME] [--all-types] [--all-status]\n"
    "       [--html-to-text]\n"
    "       [--blank-lines | --delimiter REGEX [--drop-delimiter]]\n"
    "       [-o DIR [--name TEMPLATE] [--force]] [FILE ...]";

static const char help[] =
"Split WARC/WET/WAT (gzip too), Sogou and WikiExtractor <doc> dumps, JSON\n"
"Lines, NUL-separated streams and plain text into one record per article.\n"
"Plain text with no separator is split where one page ends and the next\n"
"begins.  Output is JSON Lines (id, url, date, title, type, charset, format,\n"
"text) unless -z asks for the raw texts, NUL-separated.\n"
"\n"
/* -z and -j choose what is written; the input's format is --format's. */
"  -z, --null            write each article's text as found, NUL-terminated\n"
"  -j, --json            write JSON Lines, one object per article (the\n"
"                        default): the members above, the text in \"text\"\n"
"      --field NAME      the member that holds the text, written and read\n"
"                        from JSON Lines input (implies -j unless -z)\n"
COMMON_HELP_REST
"      --format NAME     the input format: auto (default), warc, wet, wat,\n"
"                        arc, sogou, wikiextractor, jsonl, nul, text,\n"
"                        html (one HTML page, one record)\n"
"      --all-types       every WARC or ARC record, not only pages (response,\n"
"                        resource and conversion records of HTML or text)\n"
"      --all-status      pages whatever their HTTP status, not only 2xx\n"
"      --html-to-text    write an HTML record as the text of its page:\n"
"                        title first, one block per line, no markup,\n"
"                        decoded to UTF-8 (with -z too)\n"
"      --blank-lines     plain text: a blank line ends an article\n"
"      --delimiter REGEX plain text: a line matching REGEX (PCRE2) starts\n"
"                        an article\n"
"      --drop-delimiter  leave the delimiter lines out of the articles\n"
"  -o, --output-dir DIR  write one file per article into DIR and print\n"
"                        the paths (NUL-terminated with -z)\n"
"      --name TEMPLATE   file names, one integer conversion (%06d.txt)\n"
"      --force           replace files that exist in DIR\n";

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "all-types", no_argument, NULL, OPT_ALL_TYPES },
	{ "all-status", no_argument, NULL, OPT_ALL_STATUS },
	{ "blank-lines", no_argument, NULL, OPT_BLANK_LINES },
	{ "delimiter", required_argument, NULL, OPT_DELIMITER },
	{ "drop-delimiter", no_argument, NULL, OPT_DROP_DELIMITER },
	{ "output-dir", required_argument, NULL, 'o' },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "html-to-text", no_argument, NULL, OPT_HTML_TO_TEXT },
	{ NULL, 0, NULL, 0 }
};

static void
split_one(const char *operand, struct emitter *e, const struct split_opts *o,
    struct pages *pages)
{
	struct src s;
	enum fmt f;

	if (src_open(&s, operand) < 0) {
		wn_raise(WN_TROUBLE);
		return;
	}
	f = o->format != FMT_AUTO ? o->format : fmt_sniff(&s);
	switch (f) {
	case FMT_WARC:
		split_warc(&s, e, o);
		break;
	case FMT_ARC:
		split_arc(&s, e, o);
		break;
	case FMT_SOGOU:
		split_doc(&s, e, o, 1);
		break;
	case FMT_WIKI:
		split_doc(&s, e, o, 0);
		break;
	case FMT_JSONL:
		split_jsonl(&s, e, o);
		break;
	case FMT_NUL:
		split_nul(&s, e, o);
		break;
	case FMT_HTML:
		split_html(&s, e, o);
		break;
	case FMT_AUTO:
	case FMT_TEXT:
		if (o->blank_lines)
			split_blank(&s, e, o);
		else if (o->delimiter)
			split_delim(&s, e, o);
		else
			pages_run(pages, &s, e);
		break;
	}
	src_close(&s);
}

int
main(int argc, char **argv)
{
	struct rec_opts ro;
	struct split_opts so;
	struct pages_opts po;
	struct pages *pages;
	struct emitter e;
	char *dir = NULL, *template = NULL;
	const char *name = NULL;
	int c, force = 0, html = 0, i;

	opts_init(argv);
	rec_opts_init(&ro);
	ro.field_names_input = 1;	/* JSON Lines input's text, -z too */
	memset(&so, 0, sizeof so);
	while ((c = getopt_long(argc, argv, COMMON_SHORTOPTS "o:", longopts, NULL)) != -1) {
		if (opts_common(c, optarg, &ro, usage, help))
			continue;
		switch (c) {
		case OPT_FORMAT:
			if (fmt_parse(optarg, &so.format) < 0) {
				wn_warn("--format: unknown format '%s'", optarg);
				opts_usage(usage);
			}
			break;
		case OPT_ALL_TYPES:
			so.all_types = 1;
			break;
		case OPT_ALL_STATUS:
			so.all_status = 1;
			break;
		case OPT_BLANK_LINES:
			so.blank_lines = 1;
			break;
		case OPT_DELIMITER:
			so.delimiter = optarg;
			break;
		case OPT_DROP_DELIMITER:
			so.drop_delimiter = 1;
			break;
		case 'o':
			/* "out/" prints as out/000001.txt, not out//000001.txt. */
			free(dir);
			dir = xstrdup(optarg);
			for (i = (int)strlen(dir); i > 1 && dir[i - 1] == '/'; i--)
				dir[i - 1] = '\0';
			break;
		case OPT_NAME:
			name = optarg;
			break;
		case OPT_FORCE:
			force = 1;
			break;
		case OPT_HTML_TO_TEXT:
			html = 1;
			break;
		default:
			opts_usage(usage);
		}
	}
	if (so.blank_lines && so.delimiter) {
		wn_warn("--blank-lines and --delimiter exclude each other");
		opts_usage(usage);
	}
	if ((so.drop_delimiter && !so.delimiter) || ((name || force) && !dir)) {
		wn_warn("%s needs %s", so.drop_delimiter && !so.delimiter ?
		    "--drop-delimiter" : name ? "--name" : "--force",
		    so.drop_delimiter && !so.delimiter ? "--delimiter" : "-o DIR");
		opts_usage(usage);
	}
	if (so.delimiter && split_delim_compile(so.delimiter) < 0)
		opts_usage(usage);
	if (name && em_check_template(name) < 0) {
		wn_warn("--name: '%s' needs one integer conversion such as %%06d "
		    "(width at most %d) and no '/'", name, EM_TEMPLATE_WIDTH);
		opts_usage(usage);
	}
	/* A separator option means plain text, whatever the bytes look like. */
	if ((so.blank_lines || so.delimiter) && so.format == FMT_AUTO)
		so.format = FMT_TEXT;
	if (ro.mode != REC_NUL) {
		/* The members of each JSON record it writes, beside the text. */
		static const char *const own[] = { "id", "url", "date", "title",
			"type", "charset", "format", "html" };

		opts_check_field(&ro, own, sizeof own / sizeof own[0], usage);
	}
	so.json_field = ro.field;
	so.max_record = ro.max_record;

	em_init(&e, ro.mode == REC_NUL ? EM_NUL : EM_JSON, ro.field, ro.max_record);
	e.html_to_text = html;
	if (dir) {
		struct stat st;

		if (stat(dir, &st) < 0)
			wn_fatal("%s:", dir);
		if (!S_ISDIR(st.st_mode))
			wn_fatal("%s: not a directory", dir);
		e.dir = dir;
		template = em_template_ll(name ? name : ro.mode == REC_JSON ?
		    "%06d.json" : "%06d.txt");
		e.name_template = template;
		e.force = force;
		e.json_files = ro.mode == REC_JSON;
		outfile_catch_signals();
	}
	memset(&po, 0, sizeof po);
#ifdef PAGES_TUNE
	/* A build for fitting the page model: see scripts/gen-pagemodel.py. */
	po.tune = getenv("PAGES_WEIGHTS");
	po.dump_features = getenv("PAGES_FEATURES") != NULL;
	po.dump_scores = getenv("PAGES_DUMP") != NULL;
#endif
	pages = pages_new(&po);
	if (optind == argc)
		split_one(NULL, &e, &so, pages);
	for (i = optind; i < argc; i++)
		split_one(argv[i], &e, &so, pages);
	pages_free(pages);
	em_free(&e);
	free(dir);
	free(template);
	wn_exit();
}
