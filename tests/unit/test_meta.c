/* test_meta.c - unit tests for the extract-meta engine: dates and fields. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "meta.h"
#include "page.h"
#include "tap.h"
#include "datecheck.h"
#include "authmodel.h"
#include "authmodel_gen.h"
#include "datemodel.h"
#include "datemodel_gen.h"
#include "titlemodel.h"
#include "titlemodel_gen.h"

/* Whether the generated table's n_model feature names are the n C computes, in order. */
static int
same_names(const char *const *computed, size_t n, const char *const *model, size_t n_model)
{
	size_t k;

	for (k = 0; n == n_model && k < n; k++)
		if (strcmp(computed[k], model[k]) != 0)
			return 0;
	return n == n_model;
}

static void
test_dates(void)
{
	check_date("发布时间:2024-02-07 21:02:00 来源:人民资讯", "2024-02-07T21:02:00");
	check_date("2019年09月09日 18:13", "2019-09-09T18:13");
	check_date("2022年02月13日07:48 | 来源:新华日报", "2022-02-13T07:48");
	check_date("时间:2019年10月31日 23:00  浏览: 33", "2019-10-31T23:00");
	check_date("2005-3-11 12:12", "2005-03-11T12:12");
	check_date("2021/7/28", "2021-07-28");
	check_date("2019.09.26 15:10", "2019-09-26T15:10");
	check_date("二〇二四年八月六日", "2024-08-06");
	check_date("二〇〇五年十二月三十一日", "2005-12-31");
	check_date("发表时间: 06/02/2022 - 13:48", "2022-02-06T13:48");
	check_date("Saturday, September 10th, 2005  10:56 am", "2005-09-10T10:56");
	check_date("Published 3 May 2019, 4:05 pm", "2019-05-03T16:05");
	check_date("Sep. 7, 2019 9:30 PM EDT", "2019-09-07T21:30-04:00");
	check_date("2024-02-07T21:02:00+08:00", "2024-02-07T21:02:00+08:00");
	check_date("Published 7:07 PM EST Nov 19, 2019", "2019-11-19T19:07-05:00");
	check_date("Posted: Fri 6:45 PM, Feb 16, 2018", "2018-02-16T18:45");
	check_date("Updated 11:02 a.m. ET Tuesday, Nov. 19, 2019", "2019-11-19T11:02");
	check_date("11.14.2019 09:00 AM", "2019-11-14T09:00");
	check_date("2020-01-03 18:13 (北京时间)", "2020-01-03T18:13+08:00");
	check_date("2019年9月26日 下午3点", "2019-09-26T15:00");
	check_date("2019年9月26日 9时30分", "2019-09-26T09:30");
	check_date("2003年5月", "2003-05");
	check_date("(2024-09-24)吴江产业新闻100", "2024-09-24");
	check_date("(09-24)", "--09-24");
	check_date("9月7日,扬州市", "--09-07");
	check_date("09-24 15:10 来源:某网", "--09-24T15:10");
	check_date("电话 010-8262 转", NULL);
	check_date("2019-09-3007:42", "2019-09-30T07:42");
	/* Not dates. */
	check_date("电话 400-0123-021", NULL);
	check_date("规划(2019-2022)", NULL);
	check_date("共有1280人参加", NULL);
	check_date("2019-13-45", NULL);
}

static void
test_relative(void)
{
	struct mdate d;
	size_t pos = 0, a, e;

	ok(date_scan("3小时前", strlen("3小时前"), &pos, &d, &a, &e) &&
	    (d.flags & MF_RELATIVE) && d.rel_unit == 'h' && d.rel_n == 3,
	    "3小时前 is 3 hours back");
	pos = 0;
	ok(date_scan("昨天 14:20", strlen("昨天 14:20"), &pos, &d, &a, &e) &&
	    d.rel_unit == 'd' && d.rel_n == 1 && d.rel_time && d.hour == 14 && d.min == 20,
	    "昨天 14:20 is yesterday at 14:20");
	pos = 0;
	ok(date_scan("2 hours ago", 11, &pos, &d, &a, &e) && d.rel_unit == 'h' &&
	    d.rel_n == 2, "2 hours ago");
	pos = 0;
	ok(!date_scan("今天天气很好", strlen("今天天气很好"), &pos, &d, &a, &e),
	    "今天 without a time is prose");
}

static void
test_arith(void)
{
	struct mdate d;
	struct buf b = { 0 };

	ok(mdate_parse("2024-03-01T00:10", 16, &d) == 0, "parse ISO date-time");
	mdate_add_minutes(&d, -20);
	mdate_format(&b, &d);
	is_str(buf_cstr(&b), "2024-02-29T23:50", "minus 20 minutes crosses a leap day");
	ok(mdate_parse("2024-09-24 x", 12, &d) != 0, "trailing text is not a date");
	buf_free(&b);
}

static const char *
list_item(const struct meta_list *l, size_t k)
{
	const char *p = l->data.data;

	while (k--)
		p += strlen(p) + 1;
	return p;
}

static void
test_extract(void)
{
	static const char page[] =
	    "首页 > 科技 > 正文\n"
	    "\n"
	    "鎮(zhèn)江:厚植新質(zhì)生產(chǎn)力\n"
	    "2024-08-06 11:54 來源:金山網(wǎng)\n"
	    "  正文第一段,這裏是很長的內容。\n"
	    "  最後一段。(全媒體記者 陳志奎 通訊員 孫焱 應東昊)\n"
	    "責任編輯:費菲\n"
	    "相关阅读\n"
	    "·别的文章 (2023-09-18)\n";
	struct meta_engine *plain, *tz8;
	const struct meta *m;
	struct meta_opts o;
	struct mdate now;
	struct buf b = { 0 };

	memset(&o, 0, sizeof(o));
	plain = meta_new(&o);
	o.assume_tz = 1;
	o.tz_min = 480;
	tz8 = meta_new(&o);
	m = meta_run(plain, page, sizeof(page) - 1, NULL);
	is_mem(m->title.data, m->title.len, "鎮江:厚植新質生產力", strlen("鎮江:厚植新質生產力"),
	    "title without the injected pinyin");
	mdate_format(&b, &m->published);
	is_str(buf_cstr(&b), "2024-08-06T11:54", "published beside the title, not the list");
	is_mem(m->source.data, m->source.len, "金山網", strlen("金山網"), "source 來源");
	ok(m->authors.n == 3 && strcmp(list_item(&m->authors, 2), "應東昊") == 0,
	    "three authors from the closing byline");
	ok(m->editors.n == 1 && strcmp(list_item(&m->editors, 0), "費菲") == 0,
	    "editor 責任編輯");
	ok(m->categories.n == 1 && strcmp(list_item(&m->categories, 0), "科技") == 0,
	    "breadcrumb without 首页 and 正文");
	is_mem(m->lang.data, m->lang.len, "zh-Hant", 7, "traditional script");

	/* Pinyin syllables go, an English word in parentheses stays. */
	{
		static const char p3[] = "新版(app)上線:鎮(zhèn)江(jiāng)測(cè)試(shì)\n"
		    "2024-08-06 11:54 來源:金山網\n  正文。\n";

		m = meta_run(plain, p3, sizeof(p3) - 1, NULL);
		is_mem(m->title.data, m->title.len, "新版(app)上線:鎮江測試",
		    strlen("新版(app)上線:鎮江測試"), "only pinyin is taken out");
	}

	/* Relative date, resolved against an anchor, by an engine assuming +08:00. */
	mdate_parse("2024-09-24T10:00", 16, &now);
	m = meta_run(tz8, "标题在这里是一个标题\n发布时间:3小时前\n正文。\n", 58, &now);
	buf_clear(&b);
	mdate_format(&b, &m->published);
	is_str(buf_cstr(&b), "2024-09-24T07:00+08:00", "3小时前 against the crawl time");
	ok((m->flags & MF_RELATIVE) && (m->flags & MF_TZ_ASSUMED), "flags relative, tz_assumed");
	/* The same page by the other engine, in between: its options are its own. */
	m = meta_run(plain, "标题在这里是一个标题\n发布时间:3小时前\n正文。\n", 58, &now);
	buf_clear(&b);
	mdate_format(&b, &m->published);
	is_str(buf_cstr(&b), "2024-09-24T07:00", "an engine with no zone assumed adds none");
	ok((m->flags & MF_RELATIVE) && !(m->flags & MF_TZ_ASSUMED), "flags relative only");

	/* 昨天 14:20 and 1年前 against the same crawl time, with the engine assuming none. */
	{
		static const char p1[] = "标题在这里是一个标题\n更新时间:2024-09-24\n发布时间:昨天 14:20\n正文。\n";
		static const char p2[] = "标题在这里是一个标题\nadmin 1年前 (09-24) 产业新闻\n正文。\n";

		m = meta_run(plain, p1, sizeof(p1) - 1, &now);
		buf_clear(&b);
		mdate_format(&b, &m->published);
		is_str(buf_cstr(&b), "2024-09-23T14:20", "昨天 14:20 is the day before, at 14:20");
		m = meta_run(plain, p2, sizeof(p2) - 1, &now);
		buf_clear(&b);
		mdate_format(&b, &m->published);
		is_str(buf_cstr(&b), "2024-09-24", "(09-24) beside 1年前 takes the crawl year");
	}
	meta_free(plain);
	meta_free(tz8);
	buf_free(&b);
}

/*
 * Lines cut from a real dev page of ../shared/corpora/meta-pages
 * (en-ae-economist-com-9683e9): a kicker, the headline, its deck, an
 * image credit, the date, then the body.
 */
static const char economist[] =
    "Search\n"
    "[                    ]\n"
    "Leaders | Maritime mayhem\n"
    "\n"
    "The US Navy confronts a new Suez crisis\n"
    "\n"
    "Houthi attacks on Red Sea shipping threaten global trade\n"
    "\n"
    "[20231223_LDP003]\n"
    "image: Alamy\n"
    "\n"
    "Dec 19th 2023\n"
    "Share\n"
    "\n"
    "For the world to prosper, ships must reach their ports. They are most vulnerable "
    "when passing through narrow passages, such as the Strait of Malacca or the Panama "
    "Canal. So a recent surge of attacks on vessels in the Red Sea, the only southern "
    "conduit into the Suez Canal, poses a grave threat to global trade.\n"
    "Since November 19th Houthi militants have fired drones and missiles at ships in "
    "the Red Sea, and the big shipping firms have begun to route their vessels around "
    "Africa instead, which adds days and costs to every voyage they make.\n";

/* The features of line text (whole) of the page h read last, into x. */
static int
line_features(struct meta_engine *h, const char *text, double *x)
{
	const struct page *pg = &h->pg;
	size_t li;

	for (li = 0; li < pg->nl; li++)
		if (pg->ln[li].nlen == strlen(text) &&
		    memcmp(pg->n + pg->ln[li].noff, text, pg->ln[li].nlen) == 0) {
			struct tcand c;

			memset(&c, 0, sizeof(c));
			c.line = (long)li;
			c.off = pg->ln[li].noff;
			c.len = pg->ln[li].nlen;
			c.rule = TR_NONE;
			title_features(pg, &c, x);
			return 1;
		}
	return 0;
}

/*
 * Lines cut from real dev pages of ../shared/corpora/meta-pages: a path
 * to the headline over it (de-hd-feuerwehrverband-de-brandschutzerziehung),
 * and a Hindi caption that ends with a danda under the same caption
 * with the site's name (hi-fd-ind-bhaskar).
 */
static const char feuerwehr[] =
    "Aktuelles\n"
    "\n"
    "Startseite » Aktuelles » Jetzt noch Plätze für Forum Brandschutzerziehung sichern\n"
    "\n"
    "Jetzt noch Plätze für Forum Brandschutzerziehung sichern\n"
    "\n"
    "03.11.2021\n";
static const char bhaskar[] =
    "ASP संजय पांडे और थाना अध्यक्ष मनीषा कुमारी। - Dainik Bhaskar\n"
    "ASP संजय पांडे और थाना अध्यक्ष मनीषा कुमारी।\n";

/* Paths, commas and the full stops of other scripts. */
static void
test_title_shapes(void)
{
	struct meta_engine *h = meta_new(NULL);
	double x[TF_N];

	meta_run(h, feuerwehr, sizeof(feuerwehr) - 1, NULL);
	ok(line_features(h, "Startseite » Aktuelles » Jetzt noch Plätze für Forum "
	    "Brandschutzerziehung sichern", x) && x[TF_crumbs] == 2 && x[TF_heads_above] == 0,
	    "a path: two separators, the first heading");
	ok(line_features(h, "Jetzt noch Plätze für Forum Brandschutzerziehung sichern", x) &&
	    x[TF_crumbs] == 0 && x[TF_heads_above] == log1p(1) && x[TF_head_len_ratio] < 1,
	    "the headline under it: no path, a heading above, shorter than the path");
	meta_run(h, bhaskar, sizeof(bhaskar) - 1, NULL);
	ok(line_features(h, "ASP संजय पांडे और थाना अध्यक्ष मनीषा कुमारी।", x) &&
	    x[TF_end_period] && x[TF_n_sentences] == 1 && x[TF_p_end_period] == 0,
	    "a caption that ends with a danda: a sentence; the line above it does not end so");
	meta_free(h);
}

/*
 * Lines cut from real dev pages of ../shared/corpora/meta-pages: a
 * numbered path whose last item is the headline, the kicker over it
 * (de-hd-gruene-bundestag-de-cop26); a video's caption, the headline
 * with the programme's name after a bar, the headline alone
 * (de-fd-de-wdr); a logo's name run into itself (de-hd-bernau-live-de-*).
 */
static const char parts_page[] =
    "Sie befinden sich hier:\n"
    "\n"
    " 1. Startseite\n"
    " 2. Themen\n"
    " 3. Klimaschutz\n"
    " 4. COP26 in Glasgow\n"
    "\n"
    "UN-Klimakonferenz\n"
    "\n"
    "COP26 in Glasgow\n"
    "\n"
    "Feuerwehrleute stehen während einer Übung um ein Auto Video starten, abbrechen mit Escape\n"
    "\n"
    "Feuerwehrleute sollen später in Pension | wdr aktuell\n"
    "\n"
    "Feuerwehrleute sollen später in Pension\n"
    "\n"
    "Bernau LIVE - Dein PortalBernau LIVE - Dein Portal\n"
    "\n"
    "Bernau LIVE - Dein Portal\n"
    "\n"
    "Stand: 22.04.2024, 06:00 Uhr\n";

/* Which lines start or end a longer line, and which hold one (titleparts.c). */
static void
test_title_parts(void)
{
	struct meta_engine *h = meta_new(NULL);
	double x[TF_N];

	meta_run(h, parts_page, sizeof(parts_page) - 1, NULL);
	ok(line_features(h, "COP26 in Glasgow", x) && x[TF_part_tail] && !x[TF_holds_tail],
	    "the headline is the numbered path's last item");
	ok(line_features(h, "Feuerwehrleute sollen später in Pension", x) && x[TF_part_head] &&
	    !x[TF_part_tail] && !x[TF_holds_head], "the headline starts the line with the "
	    "programme's name");
	ok(line_features(h, "Feuerwehrleute sollen später in Pension | wdr aktuell", x) &&
	    x[TF_holds_head] && !x[TF_part_head], "that line holds the headline at its start");
	ok(line_features(h, "Feuerwehrleute stehen während einer Übung um ein Auto Video "
	    "starten, abbrechen mit Escape", x) && !x[TF_part_head] && !x[TF_holds_head],
	    "the caption shares its first word only");
	ok(line_features(h, "UN-Klimakonferenz", x) && !x[TF_part_tail] && !x[TF_part_head] &&
	    !x[TF_holds_tail] && !x[TF_holds_head], "the kicker is in no other line");
	ok(line_features(h, "Bernau LIVE - Dein Portal", x) && !x[TF_part_head] &&
	    !x[TF_part_tail], "a logo's name run into itself: no word's boundary, no part");
	meta_free(h);
}

static void
test_title_features(void)
{
	struct meta_engine *h = meta_new(NULL);
	struct meta_head head;
	double x[TF_N], y[TF_N];

	ok(same_names(title_feature_names, TF_N, title_model_names, TITLE_MODEL_NFEAT),
	    "the generated weights name the features C computes, in its order");

	meta_run(h, economist, sizeof(economist) - 1, NULL);
	ok(line_features(h, "The US Navy confronts a new Suez crisis", x), "headline found");
	ok(x[TF_before_body] == 1 && x[TF_body_dist] < 0, "the headline stands over the body");
	ok(x[TF_date_below] == 4.0 / 12 && !x[TF_date_below_le3] && x[TF_date_above] == 1,
	    "the date four lines below it, none above");
	ok(!x[TF_is_prose] && !x[TF_end_period] && x[TF_cap_share] == 0.5,
	    "the headline is no sentence; 4 of its 8 words capitalised");
	ok(x[TF_lead_overlap] > 0 && x[TF_lead_overlap] < 1, "some of its words in the lead");
	ok(!x[TF_h_any] && !x[TF_h_cut], "no head, no head features");
	ok(line_features(h, "Leaders | Maritime mayhem", y) && y[TF_pipe] == 1 &&
	    y[TF_sep_count] == 1, "the kicker has a bar between two items");
	ok(y[TF_crumbs] == 0 && y[TF_commas] == 0, "no path, no comma in the kicker");
	ok(y[TF_p_log_vis] > 0 && y[TF_n_log_vis] > y[TF_p_log_vis] && y[TF_n_longer],
	    "the kicker's neighbours: a short line above, the longer headline below");
	ok(line_features(h, "image: Alamy", y) && y[TF_has_colon] && y[TF_short3],
	    "the image credit: a colon inside, three words or fewer");
	ok(y[TF_credit] && !x[TF_credit], "the image credit credits a photo, the headline not");
	ok(line_features(h, "[20231223_LDP003]", y) && y[TF_n_credit] && !y[TF_p_credit],
	    "the image's tag: a photo's credit under it");
	ok(x[TF_heads_near] > 0 && x[TF_heads_above] == log1p(1) && x[TF_head_len_ratio] > .5 &&
	    x[TF_head_len_ratio] < 1, "the headline: the kicker a heading above it, the longer "
	    "deck one below");
	ok(line_features(h, "Dec 19th 2023", y) && y[TF_has_date] == 1, "the date line");
	ok(x[TF_log_words] == log1p(8) && x[TF_n_sentences] == 0 && !x[TF_long_token] &&
	    !x[TF_bracket] && x[TF_prose_above10] == 0, "the headline: 8 words, no sentence");
	ok(x[TF_p_short3] && !x[TF_n_short3] && !x[TF_n_end_period] && !x[TF_p_byline],
	    "the kicker above is short, the deck below is not, and no sentence");
	ok(line_features(h, "Share", y) && y[TF_date_above] == 1.0 / 12 && y[TF_short3] &&
	    !y[TF_end_above], "Share: the date just above");
	ok(line_features(h, "[20231223_LDP003]", y) && y[TF_bracket], "an image's tag in brackets");
	{
		const char *body = "For the world to prosper, ships must reach their ports. They are "
		    "most vulnerable when passing through narrow passages, such as the Strait of "
		    "Malacca or the Panama Canal. So a recent surge of attacks on vessels in the "
		    "Red Sea, the only southern conduit into the Suez Canal, poses a grave threat "
		    "to global trade.";

		ok(line_features(h, body, y) && y[TF_n_sentences] == 3 && y[TF_is_prose] &&
		    y[TF_end_period] && y[TF_lead_overlap] == 0,
		    "the first paragraph: three sentences, and no lead above it to repeat");
	}

	/* The same page with the head split-articles keeps: <title> with a site's name. */
	memset(&head, 0, sizeof(head));
	head.title.s = "The US Navy confronts a new Suez crisis | The Economist";
	head.title.n = strlen(head.title.s);
	head.og_title.s = "The Economist";
	head.og_title.n = strlen(head.og_title.s);
	head.og_site = head.og_title;
	meta_run_head(h, economist, sizeof(economist) - 1, NULL, &head);
	ok(line_features(h, "The US Navy confronts a new Suez crisis", x) && x[TF_h_any] &&
	    x[TF_h_cut] && x[TF_h_prefix] && !x[TF_h_eq_title], "<title> cut before ' | Site'");
	ok(line_features(h, "Leaders | Maritime mayhem", y) && y[TF_h_any] && !y[TF_h_cut] &&
	    !y[TF_h_in], "the kicker is not in the head");
	ok(!x[TF_h_eq_og] && !x[TF_h_site], "an og:title naming the site names no line here");
	ok(x[TF_h_jacc] > .5 && x[TF_h_jacc] < 1 && y[TF_h_jacc] == 0,
	    "the headline shares most of <title>'s words, the kicker none");
	/* No og:site_name: <title>'s tail after its separator names the site. */
	head.og_title.n = head.og_site.n = 0;
	meta_run_head(h, "Search\n\nThe Economist\n\nThe US Navy confronts a new Suez crisis\n",
	    strlen("Search\n\nThe Economist\n\nThe US Navy confronts a new Suez crisis\n"), NULL,
	    &head);
	ok(line_features(h, "The Economist", y) && y[TF_h_site], "the line naming the site");
	/* Bylines in other languages (lines cut from de-hd-dubisthalle-de-intendanten-wechsel). */
	meta_run(h, "Intendanten-Wechsel beim MDR\n\nvon eseppelt · 31. Oktober 2023\n",
	    strlen("Intendanten-Wechsel beim MDR\n\nvon eseppelt · 31. Oktober 2023\n"), NULL);
	ok(line_features(h, "von eseppelt · 31. Oktober 2023", y) && y[TF_by_word],
	    "'von NAME' reads as a byline");
	ok(line_features(h, "Intendanten-Wechsel beim MDR", x) && !x[TF_by_word] &&
	    x[TF_n_byline], "the headline is none, the line under it is");
	meta_free(h);
}

/*
 * An English article's top as w3m prints it (lines of a real news page,
 * shortened): headline, byline with its date, the body, then a list of
 * other stories with theirs.
 */
static const char byline_page[] =
    "Menu\n"
    "\n"
    "Wildfire smoke reaches the East Coast as fires burn on\n"
    "\n"
    "By Jane Doe and Ray Smith\n"
    "Published June 7, 2023 at 5:10 pm\n"
    "\n"
    "Smoke from hundreds of wildfires in Canada drifted over the East Coast on Wednesday, "
    "turning the sky orange and sending air quality to levels not seen in decades.\n"
    "Officials urged residents to stay indoors, and schools cancelled outdoor activities "
    "as the haze thickened through the afternoon and into the evening hours.\n"
    "\n"
    "More stories\n"
    "Storm season starts early  June 1, 2023\n"
    "Heat records fall in Texas  May 30, 2023\n"
    "Rivers rise after the rain  May 28, 2023\n";

/* The date features of the candidate on the line beginning with text, into x. */
static int
date_line_features(struct meta_engine *h, const char *title, const char *text, double *x)
{
	const struct page *pg = &h->pg;
	struct date_page dp;
	long title_line = -1;
	size_t li, i;

	for (li = 0; li < pg->nl; li++)
		if (pg->ln[li].nlen == strlen(title) &&
		    memcmp(pg->n + pg->ln[li].noff, title, pg->ln[li].nlen) == 0)
			title_line = (long)li;
	date_page_facts(pg, title_line, &dp);
	for (i = 0; i < pg->ndc; i++) {
		const struct line *l = &pg->ln[pg->dc[i].line];

		date_features(pg, &dp, (long)i, x);
		if (l->nlen >= strlen(text) && memcmp(pg->n + l->noff, text, strlen(text)) == 0)
			return 1;
	}
	return 0;
}

static void
test_date_features(void)
{
	static const char headline[] = "Wildfire smoke reaches the East Coast as fires burn on";
	struct meta_engine *h = meta_new(NULL);
	struct meta_head head;
	double x[DF_N], y[DF_N];

	ok(same_names(date_feature_names, DF_N, date_model_names, DATE_MODEL_NFEAT),
	    "the generated date weights name the features C computes, in its order");

	meta_run(h, byline_page, sizeof(byline_page) - 1, NULL);
	ok(date_line_features(h, headline, "Published June 7", x), "the byline's date found");
	ok(x[DF_after_title] && x[DF_near_title] && x[DF_first_after] && x[DF_rank_after] == 0,
	    "the first date under the headline");
	ok(x[DF_pub_label] && x[DF_prec_time] && x[DF_named_month] && x[DF_by_near] &&
	    x[DF_rule_pick], "labelled, with its time, a month's name, by the byline");
	ok(x[DF_before_body] && !x[DF_list_near] && !x[DF_h_has_pub], "over the body, alone");
	ok(date_line_features(h, headline, "Heat records", y), "a related story's date found");
	ok(y[DF_list_near] && y[DF_rank_after] > x[DF_rank_after] && !y[DF_before_body] &&
	    !y[DF_rule_pick] && y[DF_rel_pos] > x[DF_rel_pos], "in a list of dated lines, below the body");
	ok(h->out.published.year == 2023 && h->out.published.month == 6 &&
	    h->out.published.day == 7, "the byline's date is published");

	/* A JSON-LD date of another day: the byline denies it. */
	memset(&head, 0, sizeof(head));
	head.published.s = "2023-05-30T08:00:00Z";
	head.published.n = strlen(head.published.s);
	meta_run_head(h, byline_page, sizeof(byline_page) - 1, NULL, &head);
	ok(date_line_features(h, headline, "Heat records", y) && y[DF_h_has_pub] &&
	    y[DF_h_contradicted] && !y[DF_h_pub_day], "the head's day, which the byline denies");
	ok(h->out.published.day == 7, "the byline's date wins over the head's");
	/* The head's date on the byline's day agrees with it. */
	head.published.s = "2023-06-07T17:10:00-04:00";
	head.published.n = strlen(head.published.s);
	meta_run_head(h, byline_page, sizeof(byline_page) - 1, NULL, &head);
	ok(date_line_features(h, headline, "Published June 7", x) && x[DF_h_pub_day] &&
	    x[DF_h_pub_time] && !x[DF_h_contradicted], "the head agrees, to the minute");
	meta_free(h);
}

/*
 * The authors candidates of the page h read last, their features for c[i];
 * no published date's line is given, so only the title's window is read.
 */
static size_t
auth_cands(struct meta_engine *h, const char *title, struct acand *c)
{
	const struct page *pg = &h->pg;
	size_t li;

	for (li = 0; li < pg->nl; li++)
		if (pg->ln[li].nlen == strlen(title) &&
		    memcmp(pg->n + pg->ln[li].noff, title, pg->ln[li].nlen) == 0)
			return auth_candidates(pg, (long)li, -1, c);
	return 0;
}

/* Is candidate c the names (joined by '|') text? */
static int
cand_is(const struct page *pg, const struct acand *c, const char *text)
{
	char got[256];
	size_t k, at = 0;

	for (k = 0; k < c->nn && at + c->len[k] + 2 < sizeof(got); k++) {
		if (k)
			got[at++] = '|';
		memcpy(got + at, pg->n + c->off[k], c->len[k]);
		at += c->len[k];
	}
	got[at] = 0;
	return strcmp(got, text) == 0;
}

static void
test_auth_features(void)
{
	static const char headline[] = "Wildfire smoke reaches the East Coast as fires burn on";
	struct meta_engine *h = meta_new(NULL);
	const struct page *pg = &h->pg;
	struct acand c[ACANDS];
	double x[AF_N];
	size_t n, k, by;

	ok(same_names(auth_feature_names, AF_N, auth_model_names, AUTH_MODEL_NFEAT),
	    "the generated authors weights name the features C computes, in its order");

	meta_run(h, byline_page, sizeof(byline_page) - 1, NULL);
	n = auth_cands(h, headline, c);
	for (by = 0; by < n && !cand_is(pg, &c[by], "Jane Doe|Ray Smith"); by++)
		;
	ok(by < n, "'By A and B' gives both names");
	for (k = 0; k < n; k++)
		if (cand_is(pg, &c[k], "Jane Doe"))
			break;
	ok(k == n, "no variant drops a second person as an outlet");
	auth_features(pg, -1, c, n, by, x);
	ok(x[AF_kw] && x[AF_kw_by] && x[AF_kw_at_start] && !x[AF_bare] && x[AF_n_names] == 0.5 &&
	    x[AF_toks_per_name] == 2, "a By line at its start, two names of two words");
	ok(x[AF_date_near] && x[AF_before_body] && !x[AF_in_prose] && !x[AF_h_has],
	    "over the body, the date under it, no head");
	auth_features(pg, -1, c, n, n, x);
	ok(x[AF_none] == 1 && !x[AF_kw], "the none candidate");
	ok(h->out.authors.n == 2, "the page's authors: the byline's two names");
	meta_free(h);
}

/*
 * What the scanner's shortcuts must not lose: dates with no digit
 * ("yesterday", 刚刚, "just now"), which may_hold_date lets through though
 * their lines hold none, and labels and segment ends past the sixteen
 * bytes find_labels and two_spaces test at a time.
 */
static void
test_scan_shortcuts(void)
{
	static const char en[] = "A headline that stands above the article text\n"
	    "Posted yesterday by Jane Doe\n\nThe body of the article.\n";
	static const char now_en[] = "A headline that stands above the article text\n"
	    "Updated just now\n\nThe body.\n";
	static const char zh[] = "标题在这里是一个标题\n发布时间:刚刚\n正文。\n";
	static const char labels[] = "标题在这里是一个标题\n"
	    "本报讯 今日头条新闻内容摘要如下 来源:新华社  作者:张三\n正文。\n";
	struct meta_opts o;
	struct meta_engine *h;
	const struct meta *m;
	struct mdate now;
	struct buf b = { 0 };

	memset(&o, 0, sizeof(o));
	h = meta_new(&o);
	mdate_parse("2024-09-24T10:00", 16, &now);
	m = meta_run(h, en, sizeof(en) - 1, &now);
	mdate_format(&b, &m->published);
	is_str(buf_cstr(&b), "2024-09-23", "'Posted yesterday', no digit on its line");
	m = meta_run(h, now_en, sizeof(now_en) - 1, &now);
	buf_clear(&b);
	mdate_format(&b, &m->modified);
	is_str(buf_cstr(&b), "2024-09-24T10:00", "'Updated just now', no digit on its line");
	m = meta_run(h, zh, sizeof(zh) - 1, &now);
	buf_clear(&b);
	mdate_format(&b, &m->published);
	is_str(buf_cstr(&b), "2024-09-24T10:00", "发布时间:刚刚, no digit on its line");
	m = meta_run(h, labels, sizeof(labels) - 1, NULL);
	is_mem(m->source.data, m->source.len, "新华社", strlen("新华社"),
	    "来源: 47 bytes into its segment");
	ok(m->authors.n == 1 && strcmp(list_item(&m->authors, 0), "张三") == 0,
	    "作者: in the segment after two blanks");
	meta_free(h);
	buf_free(&b);
}

/* Bullets and list numbers before a line, on lines cut from dev pages. */
static void
test_title_marker(void)
{
	static const struct {
		const char *line;
		size_t marker;
	} cases[] = {
		{ "4. COP26 in Glasgow", 3 },		/* de-hd-gruene-bundestag-de-cop26 */
		{ "• Reise durch Sierra Leone: Es ist Zeit für den Tourismus", 4 },
		{ "» Heizjacken von Bosch", 3 },
		{ "- Kinder", 2 },
		{ "2005年第17届红叶节10月15日开幕", 0 },	/* digits, no list number */
		{ "[Rezi] Love is War", 0 },
		{ "•", 0 },
		{ "3.5 Millionen", 0 },
	};
	size_t k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		ok(title_marker(cases[k].line, strlen(cases[k].line)) == cases[k].marker,
		    "marker of \"%s\"", cases[k].line);
}

/*
 * date_scan walks Latin text sixteen bytes at a test: the date it finds
 * must not depend on where the blocks fall, and a month's name inside a
 * longer word ("xxjanuary") starts nothing, wherever the line ends.
 */
static void
test_date_scan_blocks(void)
{
	char line[128];
	size_t k, pos, st, en;
	struct mdate d;
	int same = 1, inside = 0;

	for (k = 0; k <= 40; k++) {
		memset(line, ' ', k);
		strcpy(line + k, "Posted on March 3, 2021 by Jane");
		pos = 0;
		if (!date_scan(line, strlen(line), &pos, &d, &st, &en) || st != k + 10 ||
		    d.year != 2021 || d.month != 3 || d.day != 3)
			same = 0;
		strcpy(line + k, "Posted on 3 March 2021 by Jane");
		pos = 0;
		if (!date_scan(line, strlen(line), &pos, &d, &st, &en) || st != k + 10 ||
		    d.year != 2021 || d.month != 3 || d.day != 3)
			same = 0;
		memset(line, 'x', k + 1);
		strcpy(line + k + 1, "january 5, 2020");
		pos = 0;
		for (st = 0; date_scan(line, strlen(line), &pos, &d, &st, &en);)
			inside |= st < k + 1 + 7;
	}
	ok(same, "'March 3, 2021' and '3 March 2021' after 0 to 40 blanks: found at their place");
	ok(!inside, "'january' inside a longer word starts no date, wherever the line ends");
}

/* The index of line text of the page h read last, or -1. */
static long
line_of(struct meta_engine *h, const char *text)
{
	const struct page *pg = &h->pg;
	size_t li;

	for (li = 0; li < pg->nl; li++)
		if (pg->ln[li].nlen == strlen(text) &&
		    memcmp(pg->n + pg->ln[li].noff, text, pg->ln[li].nlen) == 0)
			return (long)li;
	return -1;
}

/*
 * title_line_short() counts a line's words to the fourth when its shape
 * is not counted yet, and reads the shape when it is: both must agree
 * with count_span()'s words and Han characters.
 */
static void
test_title_short(void)
{
	static const char page[] = "Home  News  Sports\n\nBreaking: markets fall again today\n\n"
	    "\xe4\xbb\x8a\xe5\xa4\xa9\xe6\x96\xb0\xe9\x97\xbb\n\n"	/* 今天新闻 */
	    "\xe4\xb8\xad\xe5\xbf\x83\n\n"	/* 中心 */
	    "\xce\x95\xce\xb9\xce\xb4\xce\xae\xcf\x83\xce\xb5\xce\xb9\xcf\x82 "
	    "\xce\xba\xce\xb1\xce\xb9 \xce\xac\xcf\x81\xce\xb8\xcf\x81\xce\xb1\n\n"	/* Ειδήσεις και άρθρα */
	    "3 Dinge 2 x\n\nab \xe4\xb8\xad\xe5\x9b\xbd\xe4\xba\xba\n\n"	/* ab 中国人 */
	    "- one two three\n\n- one two three four\n";
	static const struct {
		const char *line;
		int short3;
	} cases[] = {
		{ "Home  News  Sports", 1 },
		{ "Breaking: markets fall again today", 0 },
		{ "\xe4\xbb\x8a\xe5\xa4\xa9\xe6\x96\xb0\xe9\x97\xbb", 0 },
		{ "\xe4\xb8\xad\xe5\xbf\x83", 1 },
		{ "\xce\x95\xce\xb9\xce\xb4\xce\xae\xcf\x83\xce\xb5\xce\xb9\xcf\x82 "
		  "\xce\xba\xce\xb1\xce\xb9 \xce\xac\xcf\x81\xce\xb8\xcf\x81\xce\xb1", 1 },
		{ "3 Dinge 2 x", 1 },
		{ "ab \xe4\xb8\xad\xe5\x9b\xbd\xe4\xba\xba", 0 },
		{ "- one two three", 1 },
		{ "- one two three four", 0 },
	};
	struct meta_engine *h = meta_new(NULL);
	struct page *pg = &h->pg;
	double x[TF_N];
	size_t k;

	meta_run(h, page, sizeof(page) - 1, NULL);
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		long li = line_of(h, cases[k].line);
		int before, after;

		if (li < 0) {
			ok(0, "line %zu found", k);
			continue;
		}
		pg->tf->lf[li].counted = 0;	/* as on a page not read yet */
		before = title_line_short(pg, (size_t)li);
		ok(!pg->tf->lf[li].counted, "line %zu: its words counted, not its shape", k);
		line_features(h, cases[k].line, x);	/* counts its shape */
		after = title_line_short(pg, (size_t)li);
		ok(before == cases[k].short3 && after == cases[k].short3 &&
		    (x[TF_short3] == 1) == cases[k].short3,
		    "line %zu: three words or fewer %d, before its shape is counted and after", k,
		    cases[k].short3);
	}
	meta_free(h);
}

/*
 * ends_with_any finds each word's end by itself: the last word of a list,
 * a word as long as the text, a text shorter than a word, a last byte
 * that matches with a different word before it, the empty word.
 */
static void
test_ends_with(void)
{
	static const char *const w[] = { " says:", " sagt:", "日报", "网" };
	static const char *const empty[] = { "x", "" };
	size_t nw = sizeof(w) / sizeof(w[0]);

	ok(ends_with_any("Jane Doe says:", 14, w, nw), "the first word");
	ok(ends_with_any("人民网", strlen("人民网"), w, nw), "the last word");
	ok(ends_with_any(" sagt:", 6, w, nw), "a word as long as the text");
	ok(!ends_with_any("sagt:", 5, w, nw), "a text shorter than its word");
	ok(!ends_with_any("Jane Doe said:", 14, w, nw), "the last byte alone is no match");
	ok(!ends_with_any("人民日", strlen("人民日"), w, nw), "no word ends it");
	ok(!ends_with_any("", 0, w, nw), "an empty text ends with no word");
	ok(ends_with_any("abc", 3, empty, 2), "the empty word ends every text");
}

/*
 * mdate_format writes its fields without printf: each precision, a zone
 * west and east of UTC and UTC itself, no year, and values printf would
 * widen (a year past 9999, an offset of 100 hours).
 */
static void
test_date_format(void)
{
	static const struct {
		struct mdate d;
		const char *want;
	} cases[] = {
		{ { .year = 2021, .prec = DP_YEAR }, "2021" },
		{ { .year = 987, .month = 3, .prec = DP_MONTH }, "0987-03" },
		{ { .month = 12, .day = 5, .prec = DP_DAY }, "--12-05" },
		{ { .year = 2024, .month = 9, .day = 24, .hour = 7, .min = 5, .prec = DP_MINUTE,
		    .has_tz = 1, .tz_min = -(4 * 60 + 30) }, "2024-09-24T07:05-04:30" },
		{ { .year = 2024, .month = 1, .day = 2, .hour = 23, .min = 59, .sec = 9,
		    .prec = DP_SECOND, .has_tz = 1, .tz_min = 8 * 60 }, "2024-01-02T23:59:09+08:00" },
		{ { .year = 2024, .month = 1, .day = 2, .hour = 0, .min = 0, .prec = DP_MINUTE,
		    .has_tz = 1 }, "2024-01-02T00:00Z" },
		{ { .year = 2024, .month = 1, .day = 2, .prec = DP_DAY, .has_tz = 1, .tz_min = 60 },
		    "2024-01-02" },
		{ { .year = 12345, .month = 1, .day = 2, .hour = 1, .min = 2, .prec = DP_MINUTE,
		    .has_tz = 1, .tz_min = 100 * 60 + 1 }, "12345-01-02T01:02+100:01" },
	};
	struct buf b = { 0 };
	size_t k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		buf_clear(&b);
		mdate_format(&b, &cases[k].d);
		is_str(buf_cstr(&b), cases[k].want, cases[k].want);
	}
	buf_free(&b);
}

int
main(void)
{
	test_dates();
	test_relative();
	test_arith();
	test_extract();
	test_scan_shortcuts();
	test_title_features();
	test_title_parts();
	test_title_shapes();
	test_title_marker();
	test_title_short();
	test_date_scan_blocks();
	test_date_features();
	test_auth_features();
	test_ends_with();
	test_date_format();
	return done_testing();
}
