/* test_strip.c - unit tests for the strip-chrome engine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strip.h"
#include "tap.h"

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
	strip_page(&o, NULL, page, strlen(page), &out, &st);
	buf_cstr(&out);
	is_str(out.data, want, "body kept, chrome dropped");
	ok(st.kept == 2, "two lines kept (%zu)", st.kept);

	buf_clear(&out);
	strip_page(&o, NULL, want, strlen(want), &out, &st);
	is_mem(out.data, out.len, want, strlen(want), "a body alone is unchanged");

	buf_clear(&out);
	strip_page(&o, NULL, "", 0, &out, &st);
	ok(out.len == 0, "empty page, empty body");

	buf_clear(&out);
	o.explain = 1;
	strip_page(&o, NULL, page, strlen(page), &out, &st);
	buf_cstr(&out);
	ok(strstr(out.data, "drop\tend\tend-of-article heading\t责任编辑") != NULL,
	    "explain names the class and the reason");
	buf_free(&out);
}

int
main(void)
{
	test_pinyin();
	test_repeat();
	test_page();
	return done_testing();
}
