/* test_detect.c - unit tests for the encoding detector, labels and mojibake repair. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "convert.h"
#include "detect.h"
#include "encdetect.h"
#include "encmodel.h"
#include "tap.h"

/* Encode UTF-8 text s into charset to with iconv; the caller frees. */
static char *
encode(const char *to, const char *s, size_t *n)
{
	struct conv c;
	struct buf out = { 0 };

	if (conv_open(&c, to, "UTF-8", CONV_FAIL) < 0)
		return NULL;
	conv_run(&c, s, strlen(s), 1, &out);
	conv_close(&c);
	*n = out.len;
	return out.data;
}

static const char *
detect(const char *s, size_t n)
{
	struct enc_guess g;

	enc_detect((const unsigned char *)s, n, 1, NULL, &g);
	return g.name;
}

static void
test_labels(void)
{
	ok(!strcmp(enc_canonical("gb2312"), "GB18030"), "gb2312 is read as GB18030");
	ok(!strcmp(enc_canonical("GBK"), "GB18030"), "GBK is read as GB18030");
	ok(!strcmp(enc_canonical("x-sjis"), "Shift_JIS"), "x-sjis");
	ok(!strcmp(enc_canonical("Windows_1251"), "windows-1251"), "Windows_1251");
	ok(!strcmp(enc_canonical("cp1250"), "windows-1250"), "cp1250");
	ok(!strcmp(enc_canonical("ISO_8859-2"), "ISO-8859-2"), "ISO_8859-2");
	ok(!strcmp(enc_canonical("latin1"), "windows-1252"), "latin1 is windows-1252 (WHATWG)");
	ok(enc_canonical("no-such-thing") == NULL, "unknown label");
	ok(!strcmp(enc_iconv_name("x-mac-cyrillic"), "MAC-CYRILLIC"), "iconv name of x-mac-cyrillic");
}

static void
test_declared(void)
{
	const char *a = "<html><head><meta charset=\"gbk\"></head>";
	const char *b = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Big5\">";
	const char *c = "<?xml version=\"1.0\" encoding=\"EUC-JP\"?><rss>";
	const char *d = "the word charset=utf-8 in running text";

	ok(!strcmp(enc_declared((const unsigned char *)a, strlen(a)), "GB18030"), "meta charset");
	ok(!strcmp(enc_declared((const unsigned char *)b, strlen(b)), "Big5"), "http-equiv");
	ok(!strcmp(enc_declared((const unsigned char *)c, strlen(c)), "EUC-JP"), "XML declaration");
	ok(enc_declared((const unsigned char *)d, strlen(d)) == NULL, "charset= outside markup");
}

static void
test_short(void)
{
	static const struct {
		const char *text, *charset, *want;
	} cases[] = {
		{ "北京市人民政府今天发布通知", "GB18030", "GB18030" },
		{ "臺灣的經濟發展與社會變遷", "BIG5", "Big5" },
		{ "東京都の天気予報です", "SHIFT_JIS", "Shift_JIS" },
		{ "東京都の天気予報です", "EUC-JP", "EUC-JP" },
		{ "서울특별시의 날씨 예보", "EUC-KR", "EUC-KR" },
		{ "Москва — столица России", "CP1251", "windows-1251" },
		{ "Москва — столица России", "KOI8-R", "KOI8-R" },
		{ "שלום עולם, מה שלומך היום", "CP1255", "windows-1255" },
	};
	size_t i, n;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = encode(cases[i].charset, cases[i].text, &n);
		const char *got = s ? detect(s, n) : "(iconv)";

		ok(!strcmp(got, cases[i].want), "short %s: %s", cases[i].want, got);
		free(s);
	}
	ok(!strcmp(detect("", 0), "ASCII"), "empty is ASCII");
	ok(!strcmp(detect("plain", 5), "ASCII"), "plain ASCII");
	ok(!strcmp(detect("\x1b$B$3$s\x1b(B", 10), "ISO-2022-JP"), "ISO-2022-JP escapes");
}

static void
test_utf8_bad_bytes(void)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < 40; i++)
		buf_adds(&b, "中文新闻报道，");
	buf_add(&b, "\xff", 1);
	buf_adds(&b, "结尾");
	ok(!strcmp(detect(b.data, b.len), "UTF-8"), "UTF-8 with one bad byte stays UTF-8");
	free(b.data);
}

static void
test_chunk_boundary(void)
{
	/* A GB18030 text cut inside a character: not final, still GB18030. */
	size_t n;
	char *s = encode("GB18030", "中华人民共和国国务院新闻办公室", &n);
	struct enc_guess g;

	enc_detect((const unsigned char *)s, n - 1, 0, NULL, &g);
	ok(!strcmp(g.name, "GB18030"), "cut at a chunk boundary: %s", g.name);
	free(s);
}

static void
test_fix(void)
{
	struct buf out = { 0 };
	const char *via;
	struct buf m1252 = { 0 };
	const char *clean = "中文测试 café";
	struct fixer *f = fix_new();

	/* "中文" as UTF-8 bytes, read as windows-1252, written as UTF-8. */
	ok(conv_to_utf8("CP1252", "中文", strlen("中文"), &m1252) == 0, "mojibake made");
	via = fix_mojibake(f, m1252.data, m1252.len, &out);
	ok(via && !strcmp(via, "windows-1252"), "windows-1252 mojibake found");
	is_mem(out.data, out.len, "中文", strlen("中文"), "windows-1252 mojibake repaired");
	out.len = 0;
	via = fix_mojibake(f, clean, strlen(clean), &out);
	ok(via == NULL, "clean text is not mojibake");
	is_mem(out.data, out.len, clean, strlen(clean), "clean text unchanged");
	free(out.data);
	free(m1252.data);
	fix_free(f);
}

/*
 * Robustness: random bytes of every length up to 600, with and without
 * final, biased towards the byte ranges the decoders branch on; no crash
 * (the sanitizer build watches), and always an answer.
 */
static void
test_random(void)
{
	static const unsigned char pool[] = { 0x00, 0x1B, 0x24, 0x28, 0x29, 0x30, 0x39, 0x40,
	    0x7E, 0x80, 0x81, 0x8E, 0x8F, 0xA1, 0xC0, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xFE, 0xFF };
	unsigned char s[600];
	unsigned long x = 2463534242UL;
	size_t n, i;
	int ok_all = 1;
	struct buf out = { 0 };
	struct fixer *f = fix_new();

	for (n = 0; n < sizeof s; n++) {
		for (i = 0; i < n; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			x &= 0xFFFFFFFFUL;
			s[i] = (x & 3) ? (unsigned char)(x >> 8) : pool[(x >> 8) % sizeof pool];
		}
		for (int final = 0; final < 2; final++) {
			struct enc_guess g;

			enc_detect(s, n, final, (x & 16) ? "gbk" : NULL, &g);
			if (!g.name || g.confidence < 0 || g.confidence > 100)
				ok_all = 0;
		}
		out.len = 0;
		fix_mojibake(f, (const char *)s, n, &out);
		if (out.len != n)
			ok_all = 0;	/* not UTF-8: nothing to repair, kept as is */
	}
	ok(ok_all, "random bytes: an answer every time, no crash");
	free(out.data);
	fix_free(f);
}

/* Every name the detector can answer opens with conv_open() as it is. */
static void
test_names_convert(void)
{
	static const char *const others[] = { "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE",
	    "UTF-32BE", "ASCII", "GB18030", "Big5", "Big5-HKSCS", "Shift_JIS", "windows-31j",
	    "EUC-JP", "EUC-KR", "windows-949", "Johab", "x-EUC-TW", "ISO-2022-JP",
	    "ISO-2022-KR", "ISO-2022-CN", "IBM037", "IBM424" };
	struct conv c;
	size_t i;
	int e, bad = 0;

	for (i = 0; i < sizeof others / sizeof others[0]; i++)
		if (conv_open(&c, "UTF-8", others[i], CONV_REPLACE) < 0) {
			printf("# cannot open %s\n", others[i]);
			bad++;
		} else
			conv_close(&c);
	for (e = 0; e < encm_nsbcs; e++)
		if (conv_open(&c, "UTF-8", encm_sbcs[e].name, CONV_REPLACE) < 0) {
			printf("# cannot open %s\n", encm_sbcs[e].name);
			bad++;
		} else
			conv_close(&c);
	ok(bad == 0, "conv_open knows every name enc_detect answers");
	ok(conv_open(&c, "UTF-8", "x-mac-ce", CONV_REPLACE) == 0, "x-mac-ce opens");
	conv_close(&c);
	ok(conv_open(&c, "UTF-8", "gb2312", CONV_REPLACE) == 0, "a WHATWG label opens");
	conv_close(&c);
}

int
main(void)
{
	ok(encm_nsbcs <= ENCM_MAX_SBCS, "the model's %d single-byte charsets are "
	    "within the detector's %d", encm_nsbcs, ENCM_MAX_SBCS);
	ok(encm_nlangs <= ENCM_MAX_LANGS, "the model's %d languages are within the "
	    "detector's %d", encm_nlangs, ENCM_MAX_LANGS);
	test_names_convert();
	test_random();
	test_labels();
	test_declared();
	test_short();
	test_utf8_bad_bytes();
	test_chunk_boundary();
	test_fix();
	return done_testing();
}
