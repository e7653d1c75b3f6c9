/*
 * test_common.c - unit tests for common/: utf8, buf, sizes, json, the
 * record writer and outfile.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "bytes.h"
#include "json.h"
#include "outfile.h"
#include "record.h"
#include "stats.h"
#include "tap.h"
#include "utf8.h"
#include "winnow.h"

/*
 * Does utf8_decode() (its inline three-byte path) give what the out-of-line
 * utf8_decode_seq() gives for every three bytes with a lead E0..EF, and for
 * their first one and two bytes alone?
 */
static int
decode_inline_as_seq(void)
{
	unsigned char s[3];
	uint32_t a, b;
	size_t n;
	unsigned lead, x, y;

	for (lead = 0xE0; lead <= 0xEF; lead++)
		for (x = 0; x < 256; x++)
			for (y = 0; y < 256; y++)
				for (n = 1; n <= 3; n++) {
					s[0] = (unsigned char)lead;
					s[1] = (unsigned char)x;
					s[2] = (unsigned char)y;
					if (utf8_decode(s, n, &a) != utf8_decode_seq(s, n, &b) ||
					    a != b)
						return 0;
				}
	return 1;
}

static void
test_utf8(void)
{
	uint32_t cp;
	char out[4];

	ok(utf8_decode((const unsigned char *)"\xE4\xB8\xAD", 3, &cp) == 3 && cp == 0x4E2D,
	    "decode 中");
	ok(utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp) == 4 && cp == 0x1F600,
	    "decode 4-byte emoji");
	utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp);
	ok(cp == UTF8_BAD, "overlong 2-byte rejected");
	utf8_decode((const unsigned char *)"\xE0\x80\xAF", 3, &cp);
	ok(cp == UTF8_BAD, "overlong 3-byte rejected");
	utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp);
	ok(cp == UTF8_BAD, "UTF-16 surrogate rejected");
	utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp);
	ok(cp == UTF8_BAD, "above U+10FFFF rejected");
	utf8_decode((const unsigned char *)"\xE4\xB8", 2, &cp);
	ok(cp == UTF8_BAD, "truncated sequence rejected");
	ok(utf8_decode((const unsigned char *)"\xE0\xA0\x80", 3, &cp) == 3 && cp == 0x800 &&
	    utf8_decode((const unsigned char *)"\xED\x9F\xBF", 3, &cp) == 3 && cp == 0xD7FF &&
	    utf8_decode((const unsigned char *)"\xEE\x80\x80", 3, &cp) == 3 && cp == 0xE000,
	    "three bytes at the edges of the overlong and surrogate ranges");
	ok(decode_inline_as_seq(), "the inline three-byte decode is utf8_decode_seq()'s "
	    "for every lead E0..EF, every two bytes after it, cut or not");
	ok(utf8_valid_prefix((const unsigned char *)"abcdefghij\xE4\xB8\xAD\xFFxyz", 17) == 13,
	    "valid prefix stops at the bad byte after a long ASCII run");
	ok(utf8_complete_prefix((const unsigned char *)"ab\xE4\xB8", 4) == 2,
	    "complete prefix drops a cut sequence");
	ok(utf8_complete_prefix((const unsigned char *)"ab\xE4\xB8\xAD", 5) == 5,
	    "complete prefix keeps a whole sequence");
	ok(utf8_encode(0x4E2D, out) == 3 && !memcmp(out, "\xE4\xB8\xAD", 3), "encode 中");
	ok(utf8_encode(0xD800, out) == 0, "no encoding for a surrogate");

	ok(uc_class(0x4E2D) == UC_HAN && uc_class(0x3007) == UC_HAN &&
	    uc_class(0x20000) == UC_HAN, "Han incl. 〇 and extension B");
	ok(uc_class(0x3042) == UC_KANA && uc_class(0x30AB) == UC_KANA, "kana");
	ok(uc_class(0xAC00) == UC_HANGUL, "hangul");
	ok(uc_class('a') == UC_LATIN && uc_class(0xE9) == UC_LATIN &&
	    uc_class(0xFF41) == UC_LATIN, "Latin incl. accented and full-width");
	ok(uc_class(0x0416) == UC_LETTER, "Cyrillic is another alphabet");
	ok(uc_class(0xFEB3) == UC_LETTER && uc_class(0xFB50) == UC_LETTER &&
	    uc_class(0xFDF2) == UC_LETTER && uc_class(0xFEFC) == UC_LETTER,
	    "Arabic presentation forms A and B are letters");
	ok(uc_class(0xFD3E) == UC_PUNCT_CJK && uc_class(0xFDFD) == UC_OTHER &&
	    uc_class(0xFEFF) == UC_SPACE,
	    "their ornate parentheses, the bismillah sign, and U+FEFF are not");
	ok(uc_class('7') == UC_DIGIT && uc_digit_value(0xFF17) == 7, "digits incl. full-width");
	ok(uc_class(0x3000) == UC_SPACE && uc_class(0xA0) == UC_SPACE &&
	    uc_class('\t') == UC_SPACE, "spaces incl. U+3000 and NBSP");
	ok(uc_class(0x3002) == UC_PUNCT_CJK && uc_class(0xFF0C) == UC_PUNCT_CJK &&
	    uc_class(0x201C) == UC_PUNCT_CJK, "CJK punctuation");
	ok(uc_class(',') == UC_PUNCT_ASCII, "ASCII punctuation");
	ok(uc_is_sentence_end(0x3002) && uc_is_sentence_end('?') &&
	    !uc_is_sentence_end(0xFF0C), "sentence ends");
}

static void
test_numbers(void)
{
	size_t n;
	unsigned long long u;

	ok(wn_parse_size("64M", &n) == 0 && n == (size_t)64 << 20, "size 64M");
	ok(wn_parse_size("512k", &n) == 0 && n == 512 << 10, "size 512k");
	ok(wn_parse_size("1GiB", &n) == 0 && n == (size_t)1 << 30, "size 1GiB");
	ok(wn_parse_size("100", &n) == 0 && n == 100, "size in bytes");
	ok(wn_parse_size("", &n) < 0 && wn_parse_size("12x", &n) < 0 &&
	    wn_parse_size("-1", &n) < 0 && wn_parse_size("0", &n) < 0,
	    "malformed sizes rejected");
	ok(wn_parse_size("99999999999999999999999", &n) < 0, "overflowing size rejected");
	ok(wn_parse_uint("42", 100, &u) == 0 && u == 42 && wn_parse_uint("101", 100, &u) < 0,
	    "bounded unsigned parse");
}

static void
test_buf(void)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < 10000; i++)
		buf_addc(&b, 'x');
	buf_printf(&b, "%d-%s", 7, "y");
	buf_addcp(&b, 0x4E2D);
	ok(b.len == 10006 && !memcmp(b.data + 10000, "7-y\xE4\xB8\xAD", 6), "buf grows and appends");
	buf_free(&b);
}

static int
parse(struct json_obj *o, const char *s)
{
	return json_parse(o, s, strlen(s));
}

static void
test_json(void)
{
	struct json_obj o = { 0 };
	struct json_edits ed = { 0 };
	struct buf b = { 0 };
	const char *line;
	long k;

	line = "{\"id\": 1, \"text\": \"a\\nb\\u4e2d\\ud83d\\ude00\", \"x\": [1, {\"text\": 2}]}";
	ok(parse(&o, line) == 0 && o.n == 3, "object with three top-level members");
	k = json_find(&o, line, "text");
	ok(k == 1, "finds the top-level text, not the nested one");
	json_decode_string(&b, line + o.m[k].val_off, o.m[k].val_len);
	is_mem(b.data, b.len, "a\nb\xE4\xB8\xAD\xF0\x9F\x98\x80", 10, "decodes escapes and surrogate pairs");

	ok(json_string_member(&o, line, "text", &b) && b.len == 10,
	    "json_string_member decodes a string member into a cleared buffer");
	buf_adds(&b, "kept");
	ok(!json_string_member(&o, line, "id", &b) && !json_string_member(&o, line, "x", &b) &&
	    !json_string_member(&o, line, "none", &b) && b.len == 14,
	    "json_string_member: a number, an array or no member is 0, the buffer untouched");

	buf_clear(&b);
	json_decode_string(&b, "\"\\ud800x\"", 9);
	is_mem(b.data, b.len, "\xEF\xBF\xBDx", 4, "lone surrogate decodes to U+FFFD");

	json_edit_begin(&ed, "text");
	json_put_string(&ed.vals, "new\t\"q\"\x01", 8);
	json_edit_end(&ed);
	json_edit_begin(&ed, "lang");
	buf_adds(&ed.vals, "\"zh\"");
	json_edit_end(&ed);
	buf_clear(&b);
	json_rewrite(&b, line, strlen(line), &o, &ed);
	buf_cstr(&b);
	is_str(b.data, "{\"id\": 1, \"text\": \"new\\t\\\"q\\\"\\u0001\", \"x\": [1, {\"text\": 2}],\"lang\":\"zh\"}",
	    "rewrite replaces in place and appends, other bytes kept");

	json_edits_clear(&ed);
	json_edit_begin(&ed, "a");
	buf_adds(&ed.vals, "1");
	json_edit_end(&ed);
	buf_clear(&b);
	ok(parse(&o, " {} ") == 0, "empty object");
	json_rewrite(&b, " {} ", 4, &o, &ed);
	buf_cstr(&b);
	is_str(b.data, " {\"a\":1} ", "adding to an empty object needs no comma");

	ok(parse(&o, "[1,2]") == 0 && o.close_off == (size_t)-1, "array is valid but not an object");
	ok(parse(&o, "{\"a\":1,}") < 0, "trailing comma rejected");
	ok(parse(&o, "{\"a\":\"\xFF\"}") < 0, "invalid UTF-8 in a string rejected");
	ok(parse(&o, "{\"a\":01}") < 0, "leading zero rejected");
	ok(parse(&o, "{\"a\":1} x") < 0, "trailing garbage rejected");
	ok(parse(&o, "") < 0, "empty line rejected");

	/* 100,000 levels of nesting must neither crash nor recurse. */
	size_t depth = 100000;
	char *deep = xmalloc(2 * depth + 1);
	memset(deep, '[', depth);
	memset(deep + depth, ']', depth);
	ok(json_parse(&o, deep, 2 * depth) == 0, "100000-deep nesting parses without recursion");
	free(deep);

	json_obj_free(&o);
	json_edits_free(&ed);
	buf_free(&b);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char tmp[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, n);
	fclose(f);
	*len = b.len;
	buf_addc(&b, 0);
	return b.data;
}

/* JSONTestSuite: y_ must be accepted, n_ rejected, i_ must not crash. */
static void
test_json_suite(void)
{
	const char *dir = getenv("WINNOW_JSON_SUITE");
	struct json_obj o = { 0 };
	int y = 0, n = 0, i = 0, ybad = 0, nbad = 0;
	struct dirent *de;
	DIR *d;

	if (!dir)
		dir = "../shared/corpora/json/test_parsing";
	if (!(d = opendir(dir))) {
		printf("ok %d - # SKIP JSONTestSuite not found at %s\n", ++tap_n, dir);
		return;
	}
	while ((de = readdir(d))) {
		char path[4096];
		size_t len;
		char *s;
		int r;

		if (de->d_name[0] != 'y' && de->d_name[0] != 'n' && de->d_name[0] != 'i')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (!(s = slurp(path, &len)))
			continue;
		r = json_parse(&o, s, len);
		if (de->d_name[0] == 'y') {
			y++;
			if (r < 0) {
				ybad++;
				printf("# rejected valid %s: %s\n", de->d_name, o.err);
			}
		} else if (de->d_name[0] == 'n') {
			n++;
			if (r == 0) {
				nbad++;
				printf("# accepted invalid %s\n", de->d_name);
			}
		} else {
			i++;
		}
		free(s);
	}
	closedir(d);
	ok(y > 90 && ybad == 0, "JSONTestSuite: all %d y_ files accepted", y);
	ok(n > 150 && nbad == 0, "JSONTestSuite: all %d n_ files rejected", n);
	ok(i > 10, "JSONTestSuite: %d i_ files parsed without a crash", i);
	json_obj_free(&o);
}

/*
 * The string scanners skip plain bytes eight at a time: against a byte at
 * a time (the reference here), on random strings dense in what ends a run
 * ('"', '\\', control bytes, DEL, bytes over 0x7F, valid and broken
 * sequences) at every alignment, json_put_string must write the same token,
 * json_parse take it, and json_decode_string give back the text.
 */
static void
reference_put(struct buf *out, const unsigned char *u, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;
	uint32_t cp;

	buf_addc(out, '"');
	while (i < n) {
		if (u[i] >= 0x80) {
			size_t k = utf8_decode(u + i, n - i, &cp);

			if (cp == UTF8_BAD)
				buf_add(out, "\xEF\xBF\xBD", 3);
			else
				buf_add(out, (const char *)u + i, k);
			i += k;
			continue;
		}
		if (u[i] >= 0x20 && u[i] != '"' && u[i] != '\\') {
			buf_addc(out, (char)u[i++]);
			continue;
		}
		buf_addc(out, '\\');
		switch (u[i]) {
		case '"': buf_addc(out, '"'); break;
		case '\\': buf_addc(out, '\\'); break;
		case '\n': buf_addc(out, 'n'); break;
		case '\r': buf_addc(out, 'r'); break;
		case '\t': buf_addc(out, 't'); break;
		case '\b': buf_addc(out, 'b'); break;
		case '\f': buf_addc(out, 'f'); break;
		default:
			buf_add(out, "u00", 3);
			buf_addc(out, hex[u[i] >> 4]);
			buf_addc(out, hex[u[i] & 15]);
		}
		i++;
	}
	buf_addc(out, '"');
}

static void
test_json_runs(void)
{
	static const char *const pieces[] = { "a", "Z", " ", "~", "\x7f", "\"", "\\",
		"\n", "\x01", "\x1f", "中", "文", "\xe0\xa0\x80", "\xed\x9f\xbf",
		"\xed\xa0\x80", "\xe4\xb8", "\xc3\xa9", "\xf0\x9f\x98\x80", "\x80",
		"\xff", "abcdefgh", "0123456789" };
	struct buf s = { 0 }, got = { 0 }, want = { 0 }, dec = { 0 }, line = { 0 };
	struct json_obj o = { 0 };
	unsigned long seed = 12345;
	int t, bad_put = 0, bad_parse = 0, bad_back = 0;

	for (t = 0; t < 20000; t++) {
		size_t k, np;

		buf_clear(&s);
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		buf_add(&s, "........", (seed >> 33) % 8);	/* the alignment */
		np = (seed >> 40) % 40;
		for (k = 0; k < np; k++) {
			const char *pc;

			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			/* Mostly long plain runs, now and then a byte that ends one. */
			pc = pieces[(seed >> 35) % 4 ? (seed >> 45) % 2 ? 20 : 10 + (seed >> 50) % 2 :
			    (seed >> 45) % (sizeof(pieces) / sizeof(pieces[0]))];
			buf_add(&s, pc, strlen(pc));
		}
		buf_clear(&got);
		buf_clear(&want);
		json_put_string(&got, s.data, s.len);
		reference_put(&want, (const unsigned char *)s.data, s.len);
		if (got.len != want.len || memcmp(got.data, want.data, got.len) != 0)
			bad_put++;
		buf_clear(&line);
		buf_add(&line, "{\"t\":", 5);
		buf_add(&line, got.data, got.len);
		buf_addc(&line, '}');
		if (json_parse(&o, line.data, line.len) != 0 || o.n != 1) {
			bad_parse++;
			continue;
		}
		buf_clear(&dec);
		json_decode_string(&dec, line.data + o.m[0].val_off, o.m[0].val_len);
		buf_clear(&line);
		json_put_string(&line, dec.data, dec.len);
		if (line.len != got.len || memcmp(line.data, got.data, got.len) != 0)
			bad_back++;
	}
	ok(bad_put == 0, "json_put_string writes what a byte-at-a-time writer does (%d differ)",
	    bad_put);
	ok(bad_parse == 0, "json_parse takes every such token (%d refused)", bad_parse);
	ok(bad_back == 0, "json_decode_string gives the text back (%d differ)", bad_back);
	/* A quote or backslash in each of the eight places of a word. */
	for (t = 0; t < 16; t++) {
		char w[17];

		memset(w, 'x', 16);
		w[16] = '\0';
		w[t % 8 + 4] = t < 8 ? '"' : '\\';
		buf_clear(&line);
		buf_add(&line, "{\"t\":", 5);
		json_put_string(&line, w, 16);
		buf_addc(&line, '}');
		if (json_parse(&o, line.data, line.len) != 0 || o.n != 1 ||
		    o.m[0].val_len != 19)
			break;
	}
	ok(t == 16, "a quote or backslash is found at every place of an eight-byte word");
	{
		/* An unescaped quote inside a run ends the string there. */
		const char *bad = "{\"t\":\"abcdefgh\"ijklmnop\"}";

		ok(json_parse(&o, bad, strlen(bad)) != 0, "a bare quote mid-word ends the string");
	}
	json_obj_free(&o);
	buf_free(&s);
	buf_free(&got);
	buf_free(&want);
	buf_free(&dec);
	buf_free(&line);
}

/* Three records through the writer into an outfile, in one mode. */
static void
write_three(struct outfile *f, enum rec_mode mode)
{
	struct rec_writer w;
	static char big[70000];
	size_t i;

	for (i = 0; i < sizeof big; i++)
		big[i] = (char)('a' + i % 26);
	recw_init(&w, mode, "body");
	w.file = f;
	/* Fields, and a text in pieces cut at character boundaries. */
	recw_begin(&w, "in", 1);
	buf_adds(recw_field(&w, "id"), "7");
	json_put_string(recw_field(&w, "k\""), "v", 1);
	recw_text(&w, "\xE4\xB8\xAD\"", 4);
	recw_text(&w, "\n", 1);
	recw_end(&w);
	/* A text past the 64K held, with no fields. */
	recw_begin(&w, "in", 2);
	recw_text(&w, big, sizeof big);
	recw_text(&w, "", 0);
	recw_end(&w);
	/* Bytes passed on as they are. */
	recw_begin(&w, "in", 3);
	recw_bytes(&w, "{\"x\":1}", 7);
	recw_end(&w);
	recw_free(&w);
}

static void
test_writer(void)
{
	static const char *const want[] = {
		"{\"id\":7,\"k\\\"\":\"v\",\"body\":\"\xE4\xB8\xAD\\\"\\n\"}\n",
		"\0",
	};
	char dir[] = "/tmp/test_common.XXXXXX", target[64];
	struct outfile f;
	struct buf exp = { 0 };
	char *got;
	size_t glen = 0;
	unsigned long long out0 = stats_io.records_out;
	int mode;

	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return;
	}
	snprintf(target, sizeof target, "%s/out", dir);
	for (mode = REC_NUL; mode <= REC_JSON; mode++) {
		outfile_init(&f);
		ok(outfile_open(&f, target, NULL) == 0 && f.fd >= 0,
		    "outfile: a temporary file beside the target");
		write_three(&f, (enum rec_mode)mode);
		ok(outfile_close(&f, 1) == 0, "outfile: closed");
		ok(outfile_commit(&f, target, OUTFILE_NEW) == (mode == REC_NUL ? 0 : -1) &&
		    (mode == REC_NUL || errno == EEXIST),
		    "outfile: OUTFILE_NEW links a new name, fails on an existing one");
		if (mode == REC_JSON)
			ok(outfile_commit(&f, target, OUTFILE_REPLACE) == 0,
			    "outfile: OUTFILE_REPLACE renames over it");
		outfile_free(&f);
		buf_clear(&exp);
		if (mode == REC_JSON) {
			buf_adds(&exp, want[0]);
			buf_adds(&exp, "{\"body\":\"");
		} else {
			buf_add(&exp, "\xE4\xB8\xAD\"\n\0", 6);
		}
		for (int i = 0; i < 70000; i++)
			buf_addc(&exp, 'a' + i % 26);
		buf_adds(&exp, mode == REC_JSON ? "\"}\n{\"x\":1}\n" : "");
		if (mode == REC_NUL)
			buf_add(&exp, "\0{\"x\":1}\0", 9);
		got = slurp(target, &glen);
		ok(got && glen == exp.len && !memcmp(got, exp.data, glen), mode == REC_JSON ?
		    "writer -j: fields, text in pieces, bytes as they are, newlines" :
		    "writer -z: text and bytes raw, NUL after each record, no fields");
		free(got);
	}
	ok(stats_io.records_out - out0 == 6, "writer: 6 records counted out");
	unlink(target);
	rmdir(dir);
	ok(!opendir(dir), "outfile: no temporary file left in the directory");
	buf_free(&exp);
}

/* find_ci against a place-by-place search, on random texts and needles. */
static void
test_find_ci(void)
{
	static const char pool[] = "aAcC?>\0\xc3\xa9 ";
	char text[80], needle[5];
	unsigned long x = 88172645463325252UL;
	int t, bad = 0;

	for (t = 0; t < 20000; t++) {
		size_t n, k, i, j;
		const char *want = NULL, *got;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		n = x % sizeof text;
		k = 1 + (x >> 8) % 4;
		for (i = 0; i < n; i++)
			text[i] = pool[(x >> (i % 50)) % (sizeof pool - 1)];
		for (i = 0; i < k; i++)
			needle[i] = pool[(x >> (11 + 3 * i)) % 6];
		needle[k] = '\0';
		for (i = 0; i + k <= n && !want; i++) {
			for (j = 0; j < k && ascii_lower((unsigned char)text[i + j]) ==
			    ascii_lower((unsigned char)needle[j]); j++)
				;
			if (j == k)
				want = text + i;
		}
		got = find_ci(text, n, needle);
		bad += got != want;
	}
	ok(bad == 0, "find_ci finds what a place-by-place search finds (%d differ)", bad);
	ok(find_ci("<meta CharSet=gbk>", 18, "charset") != NULL &&
	    find_ci("x", 1, "") != NULL && find_ci("char", 4, "charset") == NULL,
	    "find_ci: either case, the empty needle, a needle longer than the text");
}

int
main(void)
{
	test_utf8();
	test_numbers();
	test_buf();
	test_json();
	test_json_suite();
	test_json_runs();
	test_writer();
	test_find_ci();
	return done_testing();
}
