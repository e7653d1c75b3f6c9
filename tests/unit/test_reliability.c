/*
 * test_reliability.c - the bugs the fuzz harnesses found in common/, kept
 * fixed even where clang (and so `make fuzz`) is not installed, and the
 * record layer's counts under reads of one byte.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "convert.h"
#include "input.h"
#include "json.h"
#include "record.h"
#include "stats.h"
#include "tap.h"
#include "utf8.h"
#include "winnow.h"

static void
test_convert_utf8(void)
{
	struct buf out = { 0 };
	unsigned long long bad;

	/* glibc's iconv copies these through as they are. */
	bad = conv_to_utf8("UTF-8", "\xF4\x90\x80\x80" "a\xF8\x88\x80\x80\x80" "b", 11, &out);
	ok(utf8_valid((const unsigned char *)out.data, out.len),
	    "UTF-8 to UTF-8: above U+10FFFF and 5-byte forms come out valid");
	ok(bad == 9, "UTF-8 to UTF-8: each bad byte counted (%llu)", bad);
	ok(out.len == 9 * 3 + 2 && out.data[12] == 'a' && out.data[out.len - 1] == 'b',
	    "UTF-8 to UTF-8: good bytes kept in place");
	buf_clear(&out);
	bad = conv_to_utf8("UTF-8", "b\xE4\xB8", 3, &out);
	is_mem(out.data, out.len, "b\xEF\xBF\xBD", 4,
	    "UTF-8 to UTF-8: a character cut at the end is one U+FFFD");
	buf_clear(&out);
	bad = conv_to_utf8("UTF-8", "\xF0\x9F\x98x\xE4\xB8\xAD", 7, &out);
	is_mem(out.data, out.len, "\xEF\xBF\xBDx\xE4\xB8\xAD", 7,
	    "UTF-8 to UTF-8: a cut 4-byte character inside is one U+FFFD");
	buf_clear(&out);
	bad = conv_to_utf8("utf-8", "\xE4\xB8\xAD\xE6\x96\x87", 6, &out);
	is_mem(out.data, out.len, "\xE4\xB8\xAD\xE6\x96\x87", 6, "valid UTF-8 unchanged");
	buf_free(&out);
}

static void
test_complete_prefix(void)
{
	ok(utf8_complete_prefix((const unsigned char *)"ab\xF6", 3) == 3,
	    "complete prefix keeps a byte that starts no sequence");
	ok(utf8_complete_prefix((const unsigned char *)"ab\xE0\x80", 4) == 4,
	    "complete prefix keeps an overlong start");
	ok(utf8_complete_prefix((const unsigned char *)"ab\xED\xA0", 4) == 4,
	    "complete prefix keeps a surrogate start");
	ok(utf8_complete_prefix((const unsigned char *)"ab\xF0\x9F\x98", 5) == 2,
	    "complete prefix holds back a cut emoji");
}

static void
test_duplicate_keys(void)
{
	const char *line = "{\"text\":1,\"a\":2,\"text\":3}";
	struct json_obj o = { 0 };
	struct json_edits ed = { 0 };
	struct buf out = { 0 };

	json_parse(&o, line, strlen(line));
	json_edit_begin(&ed, "text");
	buf_adds(&ed.vals, "\"new\"");
	json_edit_end(&ed);
	json_rewrite(&out, line, strlen(line), &o, &ed);
	is_mem(out.data, out.len, "{\"text\":1,\"a\":2,\"text\":\"new\"}", 29,
	    "a duplicated key is edited at its last occurrence only (issue 20 C1)");
	ok(json_count(&o, line, "text") == 2 && json_count(&o, line, "a") == 1 &&
	    json_count(&o, line, "b") == 0, "json_count counts the duplicates");
	json_obj_free(&o);
	json_edits_free(&ed);
	buf_free(&out);
}

static int
emit_then_fail(struct record *r, void *ctx)
{
	(void)ctx;
	if (r->recno % 2) {
		rec_put_text(r, "X", 1);
		return -1;
	}
	return 0;	/* no emit: passed on */
}

/* Run the record layer over data in mode, with reads of `chunk` bytes. */
static size_t
run(enum rec_mode mode, const char *data, size_t n, size_t chunk, char *out, size_t outsz)
{
	struct rec_opts ro;
	int in = memfd_create("in", 0), res = memfd_create("out", 0), saved;
	char path[64];
	char *argv[1] = { path };
	ssize_t got;

	if (in < 0 || res < 0 || write(in, data, n) != (ssize_t)n)
		return (size_t)-1;
	snprintf(path, sizeof path, "/proc/self/fd/%d", in);
	rec_opts_init(&ro);
	ro.mode = mode;
	in_chunk_size = chunk;
	fflush(stdout);
	saved = dup(1);
	dup2(res, 1);
	rec_run(&ro, 1, argv, emit_then_fail, NULL);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	in_chunk_size = 256 * 1024;
	got = pread(res, out, outsz, 0);
	close(in);
	close(res);
	return got < 0 ? (size_t)-1 : (size_t)got;
}

static void
test_record_counts(void)
{
	char out[256];
	size_t n;
	unsigned long long in0 = stats_io.records_in, out0 = stats_io.records_out;

	n = run(REC_NUL, "one\0two\0three\0four", 18, 1, out, sizeof out);
	is_mem(out, n, "X\0two\0X\0four\0", 13,
	    "-z, 1-byte reads: emitted-then-failed records written once");
	ok(stats_io.records_in - in0 == 4 && stats_io.records_out - out0 == 4,
	    "stats count 4 records in and 4 out");
	n = run(REC_JSON, "{\"text\":\"a\"}\n{\"text\":\"b\"}\n\n", 27, 3, out, sizeof out);
	is_mem(out, n, "{\"text\":\"X\"}\n{\"text\":\"b\"}\n\n", 27,
	    "-j, 3-byte reads: one line out per line in");
}

int
main(void)
{
	wn_init("test_reliability");
	/* The record layer's warnings are expected here; keep TAP clean. */
	if (!freopen("/dev/null", "w", stderr))
		return 2;
	test_convert_utf8();
	test_complete_prefix();
	test_duplicate_keys();
	test_record_counts();
	return done_testing();
}
