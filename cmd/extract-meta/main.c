/* extract-meta - title, dates, source, people, section and URL of each page. */
#include <getopt.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "canonical.h"
#include "emit.h"
#include "given.h"
#include "meta.h"
#include "opts.h"
#include "htmlsniff.h"
#include "record.h"
#include "stats.h"
#include "utf8.h"
#include "winnow.h"

static const char usage[] = COMMON_USAGE
    " [-f FIELDS] [--evidence] [--assume-tz OFFSET] [--now TIME] [FILE ...]";
static const char help[] =
"Print the metadata of each page: title, published, modified, crawled,\n"
"source, authors, editors, categories, url, canonical, lang, flags; one JSON\n"
"object per record, merged into the record with -j (which keeps the record's\n"
"own url).\n"
"\n"
"  -f, --fields LIST     print TSV cells of the fields in LIST (comma-separated;\n"
"                        also \"file\") instead of JSON\n"
"      --evidence        add \"evidence\": the byte span of the line each field\n"
"                        came from\n"
"      --assume-tz OFFSET  give times with no stated zone this UTC offset\n"
"                        (+08:00); flagged tz_assumed\n"
"      --now TIME        the crawl time when the input does not say (ISO 8601);\n"
"                        resolves relative dates such as 3小时前\n"
"      --lang-detail     add \"langs\": the top three languages and their shares\n"
COMMON_HELP;

enum { OPT_EVIDENCE = OPT_COMMAND_BASE, OPT_ASSUME_TZ, OPT_NOW, OPT_LANG_DETAIL };

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "fields", required_argument, NULL, 'f' },
	{ "evidence", no_argument, NULL, OPT_EVIDENCE },
	{ "assume-tz", required_argument, NULL, OPT_ASSUME_TZ },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "lang-detail", no_argument, NULL, OPT_LANG_DETAIL },
	{ NULL, 0, NULL, 0 }
};

struct ctx {
	const struct rec_opts *ro;
	struct meta_opts mo;
	int fields[MF_NFIELDS + 1];
	size_t nfields;		/* 0: JSON */
	int evidence;		/* EMIT_EVIDENCE, EMIT_LANGS */
	struct meta_engine *engine;
	struct buf out;
	struct given_store head;	/* a record's "html" object, decoded */
};

/* --stats: how many records had each field. */
static void
count_found(const struct meta *m)
{
	stats_add("found: title", m->has_title);
	stats_add("found: published", m->published.prec != DP_NONE || m->raw_published.len);
	stats_add("found: source", m->has_source);
	stats_add("found: authors", m->authors.n > 0);
	stats_add("found: editors", m->editors.n > 0);
	stats_add("found: categories", m->categories.n > 0);
	stats_add("found: url", m->has_url);
	stats_add("found: canonical", m->has_canonical);
}

static int
filter(struct record *r, void *arg)
{
	struct ctx *c = arg;
	struct meta *m;
	struct mdate anchor;
	int has_anchor = c->mo.has_now, own_url, has_head;
	struct meta_head head;
	size_t k;

	anchor = c->mo.now;
	/* Markup read as text gives nonsense, and a pipeline that forgot
	 * --html-to-text would never know (issue 19.3). */
	if (html_sniff(r->text, r->len))
		rec_warn(r, "looks like HTML; run split-articles --html-to-text first");
	if (r->obj && given_crawl_time(r, &c->out, &anchor))
		has_anchor = 1;
	has_head = given_head(r, &c->head, &head);
	m = meta_run_head(c->engine, r->text, r->len, has_anchor ? &anchor : NULL, &head);
	given_fields(r, m, &c->out, has_head);
	own_url = canonical_fields(r, m, &c->head.obj, has_head ? c->head.html : NULL, &c->out);
	if (stats_enabled)
		count_found(m);
	buf_clear(&c->out);
	if (c->nfields) {
		for (k = 0; k < c->nfields; k++) {
			if (k)
				buf_addc(&c->out, '\t');
			emit_tsv_value(&c->out, m, c->fields[k], r->file ? r->file : "-");
		}
		buf_addc(&c->out, c->ro->mode == REC_NUL ? '\0' : '\n');
		rec_put_raw(r, c->out.data, c->out.len);
		return 0;
	}
	if (c->ro->mode == REC_JSON) {
		/* Dolma-style records name their dataset "source": keep it. */
		int keep_source = json_find(r->obj, r->line, "source") >= 0;

		for (k = 0; k < MF_NFIELDS; k++) {
			struct buf *v;

			if (k == MF_URL && own_url)
				continue;	/* the crawl's url is the record's identity */
			v = rec_set_begin(r, k == MF_SOURCE && keep_source ?
			    "publisher" : meta_field_names[k]);

			emit_json_value(v, m, (int)k);
			rec_set_end(r);
		}
		if (c->evidence & EMIT_LANGS) {
			lang_put_json(rec_set_begin(r, "langs"), m);
			rec_set_end(r);
		}
		if (c->evidence & EMIT_EVIDENCE) {
			emit_evidence(rec_set_begin(r, "evidence"), m);
			rec_set_end(r);
		}
		rec_put_text(r, NULL, 0);
		return 0;
	}
	if (c->ro->mode == REC_WHOLE && r->file && !utf8_valid((const unsigned char *)
	    r->file, strlen(r->file)))
		/* JSON holds no such bytes: said, not lost unsaid (issue 20 M11). */
		rec_warn(r, "the file name is not UTF-8; \"file\" holds U+FFFD for "
		    "its bad bytes (-f file writes them as they are)");
	emit_object(&c->out, m, c->ro->mode == REC_WHOLE ?
	    (r->file ? r->file : "-") : NULL, c->evidence);
	buf_addc(&c->out, c->ro->mode == REC_NUL ? '\0' : '\n');
	rec_put_raw(r, c->out.data, c->out.len);
	return 0;
}

static void
parse_fields(struct ctx *c, const char *arg)
{
	const char *p = arg;

	while (*p) {
		size_t n = strcspn(p, ",");
		int f = emit_field_index(p, n);

		if (f < 0 || c->nfields >= sizeof(c->fields) / sizeof(c->fields[0])) {
			wn_warn("-f: unknown field '%.*s' (fields: file,title,published,"
			    "modified,crawled,source,authors,editors,categories,url,canonical,lang,flags)",
			    (int)n, p);
			opts_usage(usage);
		}
		c->fields[c->nfields++] = f;
		p += n;
		if (*p == ',')
			p++;
	}
	if (!c->nfields)
		opts_usage(usage);
}

/* Does the -f list name field f? */
static int
wants_field(const struct ctx *c, int f)
{
	size_t k;

	for (k = 0; k < c->nfields; k++)
		if (c->fields[k] == f)
			return 1;
	return 0;
}

/* +08:00, +0800, -5, Z */
static int
parse_tz(const char *s, int *min)
{
	struct mdate d;
	char tmp[48];

	if (strlen(s) > 16)
		return -1;
	snprintf(tmp, sizeof(tmp), "2000-01-01 00:00%s", s);
	if (mdate_parse(tmp, strlen(tmp), &d) != 0 || !d.has_tz)
		return -1;
	*min = d.tz_min;
	return 0;
}

/*
 * CLD2 allocates and frees about 200K for each page it reads, and glibc
 * gives the top of the heap back to the system on every free that leaves
 * 128K there, to take it again for the next page: two brk calls and the
 * page faults of fresh pages for each page, 7% of extract-meta's CPU time
 * over the corpus texts.  A megabyte is kept at the top instead.
 */
static void
keep_heap_top(void)
{
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD)
	mallopt(M_TRIM_THRESHOLD, 1 << 20);
#endif
}

int
main(int argc, char **argv)
{
	struct ctx c;
	struct rec_opts ro;
	int ch;

	memset(&c, 0, sizeof(c));
	opts_init(argv);
	rec_opts_init(&ro);
	c.ro = &ro;
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS "f:", longopts, NULL)) != -1) {
		if (opts_common(ch, optarg, &ro, usage, help))
			continue;
		switch (ch) {
		case 'f':
			parse_fields(&c, optarg);
			break;
		case OPT_EVIDENCE:
			c.evidence |= EMIT_EVIDENCE;
			break;
		case OPT_LANG_DETAIL:
			c.evidence |= EMIT_LANGS;
			c.mo.lang_detail = 1;
			break;
		case OPT_ASSUME_TZ:
			if (parse_tz(optarg, &c.mo.tz_min) != 0) {
				wn_warn("--assume-tz: '%s' is not an offset such as +08:00",
				    optarg);
				opts_usage(usage);
			}
			c.mo.assume_tz = 1;
			break;
		case OPT_NOW:
			if (mdate_parse(optarg, strlen(optarg), &c.mo.now) != 0 ||
			    c.mo.now.prec < DP_DAY) {
				wn_warn("--now: '%s' is not a date-time such as "
				    "2024-09-24T10:00", optarg);
				opts_usage(usage);
			}
			c.mo.has_now = 1;
			break;
		default:
			opts_usage(usage);
		}
	}
	c.mo.no_lang = c.nfields > 0 && !wants_field(&c, MF_LANG);
	if (ro.mode == REC_JSON && !c.nfields) {
		/* Its members, and "publisher" for a record's own "source". */
		static const char *const more[] = { "evidence", "publisher", "langs" };

		opts_check_field(&ro, meta_field_names, MF_NFIELDS, usage);
		opts_check_field(&ro, more, 3, usage);
	}
	/* Outside -j the output is an object (or TSV line) per record, never the text. */
	ro.oversize_prefix = 1;
	keep_heap_top();
	c.engine = meta_new(&c.mo);
	rec_run(&ro, argc - optind, argv + optind, filter, &c);
	meta_free(c.engine);
	buf_free(&c.out);
	given_store_free(&c.head);
	wn_exit();
}
