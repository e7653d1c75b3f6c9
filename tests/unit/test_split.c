/* test_split.c - split-articles' engine: HTTP helpers, file name templates,
 * format names and the page splitter's core. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "kwset.h"
#include "pagefeatures.h"
#include "pages.h"
#include "pagewords.h"
#include "pline.h"
#include "recur.h"
#include "split.h"
#include "tap.h"

static void
test_http(void)
{
	static const char chunked[] = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
	static const char lf_header[] = "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>";
	static const char crlf_header[] = "HTTP/1.0 200 OK\r\nA: b\r\n\r\nbody";
	static const char bad_size[] = "3\r\nabc\r\nxyz\r\n0\r\n";
	static const char past_end[] = "3\r\nabc\r\nff\r\nde";
	struct buf out = { 0 };

	size_t bad = 0;

	ok(http_dechunk(chunked, strlen(chunked), &out, &bad) == DECHUNK_WHOLE,
	    "dechunk: chunked body");
	is_mem(out.data, out.len, "hello, world", 12, "dechunk: the chunks joined");
	buf_clear(&out);
	ok(http_dechunk("<html>", 6, &out, &bad) == DECHUNK_NONE && out.len == 0,
	    "dechunk: a body that is not chunked is left alone");
	ok(http_dechunk("ff\r\nshort", 9, &out, &bad) == DECHUNK_NONE && out.len == 0,
	    "dechunk: a first chunk longer than the body is not chunking");
	ok(http_dechunk("3\r\nabc", 6, &out, &bad) == DECHUNK_WHOLE && out.len == 3,
	    "dechunk: a body without the last chunk keeps what came");
	buf_clear(&out);
	/* Issue 20 W3: what parses is de-chunked, the rest kept as it is. */
	ok(http_dechunk(bad_size, strlen(bad_size), &out, &bad) == DECHUNK_BAD &&
	    bad == 8, "dechunk: a bad chunk size after good chunks is reported");
	is_mem(out.data, out.len, "abcxyz\r\n0\r\n", 11,
	    "dechunk: the chunks before it joined, the rest as found");
	buf_clear(&out);
	ok(http_dechunk(past_end, strlen(past_end), &out, &bad) == DECHUNK_SHORT &&
	    bad == 8, "dechunk: a later chunk past the end is cut short, reported");
	is_mem(out.data, out.len, "abcde", 5, "dechunk: what the short chunk holds is kept");
	ok(http_header_len(lf_header, strlen(lf_header)) == strlen(lf_header) - 3,
	    "http header: LF-only line ends");
	ok(http_header_len(crlf_header, strlen(crlf_header)) == strlen(crlf_header) - 4,
	    "http header: CRLF line ends");
	ok(http_header_len("<html>", 6) == 0, "http header: none");
	buf_free(&out);
}

static void
test_templates(void)
{
	ok(em_check_template("%06d.txt") == 0, "template: %%06d.txt");
	ok(em_check_template("page-%u.html") == 0, "template: %%u");
	ok(em_check_template("100%%-%d") == 0, "template: %%%% is literal");
	ok(em_check_template("x.txt") == -1, "template: no conversion");
	ok(em_check_template("%d-%d") == -1, "template: two conversions");
	ok(em_check_template("%s.txt") == -1, "template: a string conversion");
	ok(em_check_template("a/%d") == -1, "template: a slash");
	ok(em_check_template("%n") == -1, "template: %%n");
	/* A width that makes no file name: 2 GB allocated, or "DIR/" named. */
	ok(em_check_template("%2147483647d") == -1, "template: width 2147483647");
	ok(em_check_template("%09999999999d") == -1, "template: width past INT_MAX");
	ok(em_check_template("%065d") == -1, "template: width 65");
	ok(em_check_template("%064d") == 0, "template: width 64");
	{
		/* The file number is unsigned long long: the conversion says so. */
		static const char *const cases[][2] = {
			{ "%06d.txt", "%06lld.txt" }, { "100%%-%x", "100%%-%llx" },
			{ "%-3u%%", "%-3llu%%" }, { "p%+o", "p%+llo" },
		};
		size_t i;

		for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			char *t = em_template_ll(cases[i][0]);

			ok(!strcmp(t, cases[i][1]), "template_ll: %s -> %s", cases[i][0], t);
			free(t);
		}
	}
}

static void
test_formats(void)
{
	enum fmt f;

	ok(fmt_parse("WET", &f) == 0 && f == FMT_WARC, "format: wet is warc");
	ok(fmt_parse("nul", &f) == 0 && f == FMT_NUL, "format: nul");
	ok(fmt_parse("tar", &f) == -1, "format: unknown");
}

/* pw_classes() of the NUL-terminated line s. */
static unsigned
classes(const struct kwset *ks, const char *s)
{
	return pw_classes(ks, (const unsigned char *)s, strlen(s));
}

/* The lexicon: words by class, in either case, at a long line's ends. */
static void
test_pagewords(void)
{
	struct kwset *ks = pw_new();
	char line[300];

	ok(classes(ks, "Copyright 2019 Example News. All rights reserved.") == L_COPY,
	    "pagewords: a copyright line");
	ok(classes(ks, "© 2019 示例日报") == L_COPY, "pagewords: © alone");
	ok(classes(ks, "SKIP TO CONTENT") == L_SKIP, "pagewords: ASCII in either case");
	ok(classes(ks, "当前位置：首页 > 新闻 > 正文") == (L_CRUMB | L_HOME),
	    "pagewords: a breadcrumb and its home link");
	ok(classes(ks, "河水一夜之间上涨两米，官员说。") == 0, "pagewords: prose has none");
	/* 250 bytes: the first PW_HEAD and the last PW_TAIL are read. */
	memset(line, 'x', 250);
	line[250] = '\0';
	memcpy(line + PW_HEAD + 10, "privacy", 7);
	ok(classes(ks, line) == 0, "pagewords: not in the middle of a long line");
	memcpy(line + 250 - 20, "back to top", 11);
	ok(classes(ks, line) == L_FOOT, "pagewords: at the end of a long line");
	memcpy(line + PW_HEAD - 4, "login", 5);
	ok(classes(ks, line) == L_FOOT, "pagewords: not across the head's end");
	kwset_free(ks);
}

static const char two_pages[] =
    "Example News\n"
    "  • Home\n"
    "  • World\n"
    "A headline about rivers\n"
    "2019-11-20 10:00 Source: Example News\n"
    "The river rose by two metres overnight, officials said.\n"
    "It is expected to fall again by the weekend.\n"
    "Copyright © 2019 Example News. All rights reserved.\n"
    "[logo]\n"
    "登录 注册\n"
    "当前位置：首页 > 新闻 > 正文\n"
    "河水上涨两米\n"
    "2019年11月20日 10:00 来源：示例日报\n"
    "河水一夜之间上涨两米，官员说。\n"
    "预计周末回落。\n"
    "版权所有 示例日报 京ICP备12345678号\n"
    "返回顶部\n";

/*
 * The lines of two_pages that h starts pages at into start[0..*n), and
 * their scores into score[0..*n) unless score is NULL.
 */
static void
two_pages_starts(struct pages *h, unsigned char *start, double *score, size_t *n)
{
	size_t off[64], i;

	*n = 0;
	for (i = 0; i < sizeof two_pages - 1; i++)
		if (i == 0 || two_pages[i - 1] == '\n')
			off[(*n)++] = i;
	memset(start, 0xff, 64);
	pages_boundaries(h, two_pages, sizeof two_pages - 1, off, *n, start, score);
}

/* Two short pages run together: the second starts at its header. */
static void
test_pages(void)
{
	struct pages_opts o = { 0 };
	struct pages *h = pages_new(&o);
	unsigned char start[64], again[64];
	double score[64], rescore[64];
	size_t n, i;

	two_pages_starts(h, start, score, &n);
	ok(start[0] == 1, "pages: line 0 starts a page");
	ok(start[8] == 1, "pages: the [logo] line after a copyright line starts a page");
	for (i = 1; i < n; i++)
		if (i != 8 && start[i] != 0)
			break;
	ok(i == n, "pages: no other line starts a page (got line %zu)", i);
	ok(score[8] > -100 && score[0] == -100 && score[9] < score[8],
	    "pages: scores come with the decisions");
	/*
	 * Nothing of a run stays in the handle: the word links start afresh
	 * (the words seen, how often and how long ago weigh every score).
	 */
	two_pages_starts(h, again, rescore, &n);
	ok(!memcmp(start, again, n) && !memcmp(score, rescore, n * sizeof *score),
	    "pages: a second run on one handle scores alike");
	pages_free(h);
}

/*
 * Two handles with different models side by side: a threshold no line
 * reaches (every weight 0) in one leaves the other's decisions alone.
 */
static void
test_pages_handles(void)
{
	struct pages_opts o = { 0 }, never = { 0 };
	struct buf tune = { 0 };
	struct pages *h, *h0;
	unsigned char start[64], none[64], again[64];
	size_t n, i;
	int k;

	for (k = 0; k < F_NFEATURES; k++)
		buf_adds(&tune, "0,");
	buf_adds(&tune, "1000");
	never.tune = buf_cstr(&tune);
	h = pages_new(&o);
	h0 = pages_new(&never);
	two_pages_starts(h, start, NULL, &n);
	two_pages_starts(h0, none, NULL, &n);
	for (i = 1; i < n && none[i] == 0; i++)
		;
	ok(none[0] == 1 && i == n, "pages: with no line over the threshold, one page");
	two_pages_starts(h, again, NULL, &n);
	ok(!memcmp(start, again, n) && start[8] == 1,
	    "pages: the other handle still splits as before");
	pages_free(h0);
	pages_free(h);
	buf_free(&tune);
}

/* The fingerprint of a line's text, as rec_line() gets it from a window. */
static uint32_t
fp_of(const char *line)
{
	size_t k = strspn(line, " \t");

	return rec_line(line + k, strlen(line) - k);
}

static void
test_recur(void)
{
	struct recur *rec = calloc(1, sizeof *rec);
	char wide[200], wide2[200];
	uint32_t a, b;
	int k, all;

	ok(fp_of("Search\n") == fp_of("        Search\n") &&
	    fp_of("Search\n") == fp_of("\t  Search\r\n") &&
	    fp_of("Search") == fp_of("                                        Search\n"),
	    "recur: a line's fingerprint is of its text, however indented");
	ok(fp_of("Search\n") != fp_of("Search!\n") && fp_of("Search") != fp_of("search") &&
	    fp_of("  \xe2\x80\xa2 U.S. News") != fp_of("  \xe2\x80\xa2 U.S. Newt"),
	    "recur: lines of other text differ");
	/* Centred by 70 spaces, the same length: 042b548 read only the spaces. */
	memset(wide, ' ', 70);
	strcpy(wide + 70, "the first line of a paragraph\n");
	memcpy(wide2, wide, sizeof wide);
	memcpy(wide2 + 70, "THE", 3);
	ok(fp_of(wide) != fp_of(wide2), "recur: a long indent is not the line's text");

	a = fp_of("Home");
	b = fp_of("News");
	ok(!rec_seen(rec, a, b, 1) && rec_seen(rec, a, b, 2) && !rec_seen(rec, b, a, 3),
	    "recur: a pair is seen the second time, in its order only");
	/* Where it was met last: a page's own repeat from the site's chrome. */
	ok(rec_seen(rec, a, b, 10) == 8 && rec_seen(rec, a, b, 250) == 240 &&
	    rec_seen(rec, b, a, 251) == 248,
	    "recur: a pair met again tells how many lines ago it was met last");
	/* A menu's item after many lines: each pair is kept (042b548's sets
	   hung on the second line alone, and held its last four). */
	for (k = 0; k < 64; k++)
		rec_seen(rec, (uint32_t)k * 2654435761u, b, (uint32_t)k);
	for (all = 1, k = 0; k < 64; k++)
		all &= rec_seen(rec, (uint32_t)k * 2654435761u, b, (uint32_t)(64 + k)) == 64;
	ok(all, "recur: 64 pairs that end in one line are all kept");
	/* Many pairs, sets of two and three: a pair's position moves with it
	   to the front of its set (to_front()), wherever it stood. */
	rec_clear(rec);
	for (k = 0; k < 40000; k++)
		rec_seen(rec, (uint32_t)k, 7, (uint32_t)k);
	for (all = 1, k = 0; k < 40000; k++) {
		/* Met again in another order: 7919 is prime to 40000. */
		uint32_t j = (uint32_t)k * 7919 % 40000;
		uint32_t age = rec_seen(rec, j, 7, 40000 + j);

		all &= age == 0 || age == 40000;
	}
	ok(all, "recur: every pair kept tells where it was met last");
	rec_clear(rec);
	ok(!rec_seen(rec, a, b, 0), "recur: a new stream has seen no pair");
	for (k = 0; k < 4 * RECUR_TOUCHED; k++)
		rec_seen(rec, (uint32_t)k, (uint32_t)k + 1, (uint32_t)k);
	rec_clear(rec);
	for (all = 0, k = 0; k < 4 * RECUR_TOUCHED; k++)
		all |= rec_seen(rec, (uint32_t)k, (uint32_t)k + 1, (uint32_t)k) != 0;
	ok(!all, "recur: a stream that touched most sets is forgotten too");
	free(rec);
}

int
main(void)
{
	test_http();
	test_templates();
	test_formats();
	test_pagewords();
	test_pages();
	test_pages_handles();
	test_recur();
	return done_testing();
}
