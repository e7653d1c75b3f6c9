/* test_strip.c - unit tests for the strip-chrome engine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "line.h"
#include "strip.h"
#include "tap.h"

/* strip-chrome's keyword set, for measure() and kw_scan*(). */
static struct kwset *kw;

static void
check_pinyin(const char *in, const char *want, size_t nwant, const char *name)
{
	struct buf b = { 0 };
	size_t n = pinyin_repair(in, strlen(in), &b);

	if (n == 0)
		buf_adds(&b, in);	/* nothing removed: the text as it is */
	buf_cstr(&b);
	is_str(b.data, want, name);
	ok(n == nwant, "%s: %zu removed", name, n);
	buf_free(&b);
}

/* Measure text as a line of its own. */
static void
measure_text(struct line *l, const char *text)
{
	memset(l, 0, sizeof *l);
	l->raw = text;
	l->rawlen = strlen(text);
	measure(kw, l);
}

/*
 * The counts measure() takes a run at a time (Han, box drawing, ASCII
 * words, spaces) are those of the character-by-character walk it
 * replaced: figures taken from that walk.
 */
static void
test_measure(void)
{
	struct line l;
	static const char han[] = "中文内容测试中文内容测试中文内容测试中文内容测试"
	    "中文内容测试中文内容测试中文内容测试中文内容测试";

	measure_text(&l, "━━━━━━━━━━│━━");
	ok(l.boxes == 13 && l.width == 13 && l.weight == 0,
	    "box drawing: %u boxes, width %u", l.boxes, l.width);
	measure_text(&l, "The Quick brown fox, 2019 Nov. 18... Copyright");
	ok(l.words == 6 && l.digits == 2 && l.letters == 28 && l.upper == 4 &&
	    l.capwords == 4 && l.sent == 1 && l.clause == 1 && l.width == 46,
	    "English: words, digits, letters, capitals, marks, width");
	ok(l.has_date && l.kw == (KW_FOOTER | KW_EN | KW_END),
	    "English: the date and the copyright keywords");
	measure_text(&l, "中文\xe4\xb8" "A内容");
	ok(l.han == 4 && l.words == 1 && l.other == 2 && l.width == 11,
	    "a cut Han character is two bad bytes, then a word");
	{
		char buf[512];

		snprintf(buf, sizeof buf, "%s，友情链接：蜘蛛池", han);
		measure_text(&l, buf);
		ok(l.han == 55 && l.width == 114 && (l.kw & KW_SPAM),
		    "a link-farm marker ending a long line is found");
		snprintf(buf, sizeof buf, "%s，版 权归本站。", han);
		measure_text(&l, buf);
		ok(l.ends_sentence == 1 && l.kw == 0,
		    "a long sentence with 版 权 apart is not scanned whole");
	}
}

/*
 * kw_scan_utf8() takes the places a keyword may start a byte at a time
 * and kw_scan() a character at a time: on valid UTF-8 they must agree,
 * keywords at the ends of a line, in any case and of every family alike.
 */
static void
test_keywords_utf8(void)
{
	static const char *const lines[] = {
		"分享到朋友圈", "扫一扫", "a", "ab", "abc", "©", "© 2019", "x©",
		"Copyright", "COPYRIGHT", "all Rights reserved", "Share this",
		"Sign Up for our Newsletter", "相关阅读", "责任编辑：张三",
		"来源:新华社", "2019年11月25日 热门 首页 下一篇", "image.JPG",
		"Read more. Subscribe now", "é相关新闻é", "———登录——",
		"主站蜘蛛池模板", "友情链接：", "Ⅱ关于我们 | 联系我们",
		"6 thoughts on “Title”", "12 Responses to \"Title\"",
		"QQ:12345", "加qq:", "xQQ:", "qQ:", "QQ：123", "x ©",
		"the menu and the search", "…点击查看", "表态",
	};
	size_t i;
	unsigned any = 0;

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		size_t n = strlen(lines[i]);

		any |= kw_scan(kw, lines[i], n);
		ok(kw_scan_utf8(kw, lines[i], n) == kw_scan(kw, lines[i], n),
		    "kw_scan_utf8 agrees with kw_scan: '%s'", lines[i]);
	}
	ok((any & (KW_SHARE | KW_LOGIN | KW_RELATED | KW_COMMENT | KW_FOOTER |
	    KW_META | KW_EN | KW_END | KW_END_EN | KW_SPAM | KW_IMAGE |
	    KW_EDITOR | KW_CTA)) == (KW_SHARE | KW_LOGIN | KW_RELATED |
	    KW_COMMENT | KW_FOOTER | KW_META | KW_EN | KW_END | KW_END_EN |
	    KW_SPAM | KW_IMAGE | KW_EDITOR | KW_CTA),
	    "the lines above hold keywords of every family");
	ok(kw_scan_utf8(kw, "© 2019", 7) == (KW_FOOTER | KW_END),
	    "the copyright sign opening a line is a footer keyword");
	/* A keyword at every offset of lines of every length around the
	   16-byte blocks the scan takes. */
	{
		char buf[128];
		size_t pre, post, bad = 0, tried = 0;

		for (pre = 0; pre < 40; pre++)
			for (post = 0; post < 24; post++) {
				size_t n;

				memset(buf, 'x', pre);
				memcpy(buf + pre, "登录", 6);
				memset(buf + pre + 6, 'y', post);
				n = pre + 6 + post;
				tried++;
				bad += kw_scan_utf8(kw, buf, n) != KW_LOGIN ||
				    kw_scan(kw, buf, n) != KW_LOGIN;
			}
		ok(bad == 0, "a keyword found at every offset (%zu of %zu missed)",
		    bad, tried);
	}
}

/* A disclaimer counts at the start of a line only. */
static void
test_keywords(void)
{
	static const char *const lines[] = {
		"免责声明：本站内容来自网络", "本站内容来自网络，免责声明",
		"声明", "(原标题：某某)", "（原标题：某某）", "", "ab",
		"Copyright 2019 本文为转载",
	};
	size_t i;

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		size_t n = strlen(lines[i]);

		ok(kw_scan_notice(kw, lines[i], n) ==
		    (kw_scan(kw, lines[i], n) & KW_NOTICE),
		    "kw_scan_notice agrees with kw_scan: '%s'", lines[i]);
	}
	ok(kw_scan_notice(kw, lines[0], strlen(lines[0])) == KW_NOTICE,
	    "a line opening with a disclaimer");
	test_keywords_utf8();
	ok(kw_scan_notice(kw, lines[1], strlen(lines[1])) == 0,
	    "a disclaimer further on is not a notice");
}

static void
test_pinyin(void)
{
	check_pinyin("鎮(zhèn)江", "鎮江", 1, "toned pinyin after Han");
	check_pinyin("新時(shí)代 鎮(zhèn)江", "新時代 鎮江", 2, "two in a line");
	check_pinyin("英国广播公司(BBC)报道", "英国广播公司(BBC)报道", 0,
	    "upper-case abbreviation kept");
	check_pinyin("长度(km)与重量(kg)", "长度(km)与重量(kg)", 0,
	    "untoned letters on a page without pinyin kept");
	check_pinyin("鎮(zhèn)江時(shí)的(de)人", "鎮江時的人", 3,
	    "untoned syllable removed once the page shows the pattern");
	check_pinyin("Café (résumé)", "Café (résumé)", 0,
	    "accented words after Latin text kept");
	check_pinyin("文(wén", "文(wén", 0, "unclosed group kept");
	check_pinyin("", "", 0, "empty input");
}

static void
test_repeat(void)
{
	struct repeat_mem *m = repeat_new(4);	/* 16 slots: eviction */
	uint64_t h = repeat_hash("footer", 6), g;
	unsigned i, page;

	ok(repeat_seen(m, h) == 0, "unseen line");
	repeat_note(m, h);
	repeat_note(m, h);
	ok(repeat_seen(m, h) == 0, "a line twice on one page counts no earlier page");
	repeat_next_page(m);
	ok(repeat_seen(m, h) == 1, "one earlier page");
	repeat_note(m, h);
	repeat_next_page(m);
	ok(repeat_seen(m, h) == 2, "two earlier pages");
	/* Flood the small table with one-off lines over many pages: the
	   frequent line survives, memory stays the same size. */
	for (page = 0; page < 50; page++) {
		repeat_note(m, h);
		for (i = 0; i < 20; i++) {
			char s[32];

			snprintf(s, sizeof s, "line %u.%u", page, i);
			g = repeat_hash(s, strlen(s));
			repeat_note(m, g);
		}
		repeat_next_page(m);
	}
	ok(repeat_seen(m, h) >= 40, "a recurring line survives a flood of one-offs (%u)",
	    repeat_seen(m, h));
	repeat_free(m);
}

static void
test_page(void)
{
	struct strip_opts o;
	struct strip *h;
	struct strip_stats st = { 0 };
	struct buf out = { 0 };
	const char *page =
	    "  • 首页\n  • 新闻\n登录 | 注册\n\n标题在这里\n\n"
	    "  第一段正文,讲述了一件事情的来龙去脉,内容充实而且完整。\n\n"
	    "  第二段正文继续说明,这里还有更多的细节和引述。\n\n"
	    "责任编辑:张三\n相关阅读\n  • 另一篇文章\n"
	    "Copyright © 2024 版权所有\n";
	const char *want =
	    "  第一段正文,讲述了一件事情的来龙去脉,内容充实而且完整。\n\n"
	    "  第二段正文继续说明,这里还有更多的细节和引述。\n";

	strip_opts_init(&o);
	h = strip_new(&o);
	strip_page(h, page, strlen(page), &out, &st);
	buf_cstr(&out);
	is_str(out.data, want, "body kept, chrome dropped");
	ok(st.kept == 2, "two lines kept (%zu)", st.kept);

	buf_clear(&out);
	strip_page(h, want, strlen(want), &out, &st);
	is_mem(out.data, out.len, want, strlen(want), "a body alone is unchanged");

	buf_clear(&out);
	strip_page(h, "", 0, &out, &st);
	ok(out.len == 0, "empty page, empty body");

	/* Pinyin is looked for once measure() has seen a toned letter: on
	   the last line alone it is still found, and counted once. */
	{
		const char *py =
		    "  第一段正文,讲述了一件事情的来龙去脉,内容充实而且完整。\n\n"
		    "  第二段正文继续说明,这里还有更多的细节和引述,鎮(zhèn)江。\n";
		const char *cafe =
		    "  第一段正文,讲述了一件事情的来龙去脉,内容充实而且完整。\n\n"
		    "  第二段在café(menu)里继续说明,这里还有更多的细节和引述。\n";
		struct strip_stats ps = { 0 };

		buf_clear(&out);
		strip_page(h, py, strlen(py), &out, &ps);
		buf_cstr(&out);
		ok(strstr(out.data, "鎮江。") != NULL && ps.pinyin == 1,
		    "pinyin on the last line removed, counted once (%zu)",
		    ps.pinyin);
		buf_clear(&out);
		strip_page(h, cafe, strlen(cafe), &out, &ps);
		is_mem(out.data, out.len, cafe, strlen(cafe),
		    "an accented word and a bracket that are not pinyin stay");
		ok(ps.pinyin == 1, "and nothing is counted for them");
	}

	buf_clear(&out);
	strip_free(h);
	o.explain = 1;
	h = strip_new(&o);
	strip_page(h, page, strlen(page), &out, &st);
	buf_cstr(&out);
	ok(strstr(out.data, "drop\tend\tend-of-article heading\t责任编辑") != NULL,
	    "explain names the class and the reason");
	strip_free(h);
	buf_free(&out);
}

/* Strip pages[0..n) with a new engine of options o, one output per page
   into outs[]. */
static void
run_alone(const struct strip_opts *o, const char *const *pages, size_t n,
    struct buf *outs)
{
	struct strip *h = strip_new(o);
	struct strip_stats st = { 0 };
	size_t i;

	for (i = 0; i < n; i++)
		strip_page(h, pages[i], strlen(pages[i]), &outs[i], &st);
	strip_free(h);
}

/*
 * Engines share no state: two with different options, a repetition
 * memory and --explain in one, --keep-title in the other, fed pages in
 * turn, give each page what each gives alone.
 */
static void
test_two_engines(void)
{
	static const char *const pages[] = {
		"首页 | 新闻 | 体育\n标题一\n"
		"  第一段正文,讲述了一件事情的来龙去脉,内容充实而且完整。\n"
		"  第二段正文继续说明,这里还有更多的细节和引述。\n"
		"关于我们 | 联系我们 | 网站地图\n",
		"首页 | 新闻 | 体育\n标题二\n"
		"  另一篇文章的第一段,说的是另一件事情,也写得很完整。\n"
		"  另一篇文章的第二段,给出了事情的结果和各方的看法。\n"
		"关于我们 | 联系我们 | 网站地图\n",
		"首页 | 新闻 | 体育\n标题三\n"
		"  第三篇文章只有一段,不过这一段足够长,可以算作正文来保留。\n"
		"关于我们 | 联系我们 | 网站地图\n",
		"首页 | 新闻 | 体育\n第四篇文章\n"
		"  第四篇文章的正文,讲的事情与前面三篇都不一样,长短也合适。\n"
		"关于我们 | 联系我们 | 网站地图\n",
	};
	enum { N = sizeof pages / sizeof pages[0] };
	struct buf a[N], b[N], ta[N], tb[N];
	struct strip_opts oa, ob;
	struct strip_stats st = { 0 };
	struct strip *ha, *hb;
	size_t i, same = 0;

	memset(a, 0, sizeof a);
	memset(b, 0, sizeof b);
	memset(ta, 0, sizeof ta);
	memset(tb, 0, sizeof tb);
	strip_opts_init(&oa);
	oa.repeat_bits = 8;
	oa.repeat_min = 2;
	oa.explain = 1;
	strip_opts_init(&ob);
	ob.keep_title = 1;
	run_alone(&oa, pages, N, a);
	run_alone(&ob, pages, N, b);
	ha = strip_new(&oa);
	hb = strip_new(&ob);
	for (i = 0; i < N; i++) {
		strip_page(ha, pages[i], strlen(pages[i]), &ta[i], &st);
		strip_page(hb, pages[i], strlen(pages[i]), &tb[i], &st);
		same += ta[i].len == a[i].len && !memcmp(ta[i].data, a[i].data,
		    a[i].len) && tb[i].len == b[i].len &&
		    !memcmp(tb[i].data, b[i].data, b[i].len);
	}
	ok(same == N, "two engines in turn give what each gives alone "
	    "(%zu of %d pages)", same, (int)N);
	buf_cstr(&a[N - 1]);
	ok(strstr(a[N - 1].data, "drop\trepeat\tseen on earlier pages\t关于我们")
	    != NULL, "the engine with a memory drops the footer it saw before");
	buf_cstr(&b[N - 1]);
	ok(strncmp(b[N - 1].data, "第四篇文章\n", 16) == 0 &&
	    strstr(b[N - 1].data, "关于我们") == NULL,
	    "the other keeps the title and drops the footer by itself");
	strip_free(ha);
	strip_free(hb);
	for (i = 0; i < N; i++) {
		buf_free(&a[i]);
		buf_free(&b[i]);
		buf_free(&ta[i]);
		buf_free(&tb[i]);
	}
}

/*
 * Captions and credits, lines cut from the English dev pages: each is
 * labelled an image's and dropped; the prose beside them is not.
 */
static void
test_captions(void)
{
	static const char *const captions[] = {
		"Shy owlShy owl",
		"Pamela WilsonPamela Wilson",
		"Michael Conroy, AP",
		"Photograph: Tim Robberts/Getty Images",
		"Image caption Scooter Braun has managed Justin Bieber, among "
		    "others, throughout his career in music",
		"1of4Grass Valley's Dionicio Torres looks at the gas can "
		    "selection before taking the last 5-gallon gas can",
		"Vicente Aguiar loads garage door trims into his pickup truck "
		    "outside a Home Depot in Hialeah, Fla. (AP Photo/Alan Diaz, "
		    "File)",
		"This March 28, 2017, file photo, provided by the New York State "
		    "Sex Offender Registry shows Jeffrey Epstein.",
		"(Reporting by Will Dunham; Editing by Tom Brown)",
	};
	static const char *const prose[] = {
		"KenKen",
		"He has consistently denied being unfair to her.",
		"SAN FRANCISCO (AP) \xE2\x80\x94 Pacific Gas & Electric Co. was "
		    "set to begin shutting off power Wednesday",
		"Ironically, the dry weather up north came as Southern "
		    "California battened the hatches (see photo)",
		"图为山西品牌丝路行(南美站)启动仪式。(刘通摄)",
	};
	struct line l;
	size_t i;

	for (i = 0; i < sizeof captions / sizeof captions[0]; i++) {
		measure_text(&l, captions[i]);
		ok(is_caption(&l) != NULL, "caption: %s", captions[i]);
	}
	for (i = 0; i < sizeof prose / sizeof prose[0]; i++) {
		measure_text(&l, prose[i]);
		ok(is_caption(&l) == NULL, "not a caption: %s", prose[i]);
	}
}

/*
 * Two dots end a headline cut short as three do (Korean portals' teaser
 * lists, lines of dev pages); a full stop after an abbreviation's dot
 * still ends a sentence.
 */
static void
test_teaser_dots(void)
{
	struct line l;

	measure_text(&l, "  \xE2\x80\xA2 \xE2\x80\x98VIP\xE2\x80\x99 "
	    "\xEC\x9E\xA5\xEB\x82\x98\xEB\x9D\xBC\xEC\x97\x90\xEC\x84\x9C "
	    "\xEC\x9D\xB4\xEC\xB2\xAD\xEC\x95\x84\xEB\xA1\x9C, "
	    "\xEC\x8B\x9C\xEC\x84\xA0\xEC\x9D\xB4 \xEB\xB0\x94..");
	ok(l.teaser && l.ends_sentence != 1, "'..' cuts a teaser short");
	measure_text(&l, "Loading..");
	ok(l.teaser && l.ends_sentence != 1, "'Loading..' is no sentence");
	measure_text(&l, "He has consistently denied being unfair to her.");
	ok(!l.teaser && l.ends_sentence == 1, "one full stop ends a sentence");
}

int
main(void)
{
	kw = kw_new();
	test_pinyin();
	test_measure();
	test_captions();
	test_teaser_dots();
	test_keywords();
	test_repeat();
	test_page();
	test_two_engines();
	kwset_free(kw);
	return done_testing();
}
