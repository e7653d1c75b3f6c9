/*
 * fuzz_record.c - the record reader and writer (common/record.c, input.c)
 * in all three modes, with records straddling reads of 1 byte and up, tiny
 * --max-record limits (copied through, or cut to a prefix as
 * rec_opts.oversize_prefix asks), several operands, and a filter that takes every path
 * of the API: pass, new text, new fields, raw output, failure, silence.
 * Properties: exactly one record out for every record in; and the filter
 * sees each record's own bytes, NUL-terminated: the whole piece between
 * delimiters, in -j the line without a byte order mark when it is an
 * operand's first, and with oversize_prefix a piece over the limit as its
 * first max_record bytes, marked truncated.
 * seeds: dumps/jsonl dumps/plaintext dumps/wet json/test_parsing
 */
#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"
#include "input.h"
#include "record.h"
#include "stats.h"

static int memfd = -1;
static char operand[64];
static unsigned action_seed;

/* The records of the operand as the harness cuts them. */
static const uint8_t *in_data;
static size_t in_max;
static struct piece {
	size_t off, len;
} *pieces;
static size_t npieces;

static void
cut_pieces(const uint8_t *data, size_t size, enum rec_mode mode)
{
	size_t i, start = 0;

	npieces = 0;
	free(pieces);
	pieces = malloc((size + 1) * sizeof *pieces);
	if (!pieces)
		abort();
	if (mode == REC_WHOLE) {
		pieces[npieces++] = (struct piece){ 0, size };
		return;
	}
	for (i = 0; i < size; i++)
		if (data[i] == (mode == REC_NUL ? '\0' : '\n')) {
			pieces[npieces++] = (struct piece){ start, i - start };
			start = i + 1;
		}
	if (start < size)
		pieces[npieces++] = (struct piece){ start, size - start };
}

/* What the filter is given is the record's bytes. */
static void
check_text(const struct record *r)
{
	const struct piece *pc;
	const uint8_t *want;
	size_t wlen;

	fuzz_assert(r->recno >= 1 && r->recno <= npieces);
	pc = &pieces[r->recno - 1];
	want = in_data + pc->off;
	wlen = pc->len;
	if (r->opts->mode == REC_JSON) {
		fuzz_assert(!r->truncated && wlen <= in_max);
		if (r->recno == 1 && wlen >= 3 && !memcmp(want, "\xEF\xBB\xBF", 3))
			want += 3, wlen -= 3;
		fuzz_assert(r->line_len == wlen && !memcmp(r->line, want, wlen));
		fuzz_assert(r->text[r->len] == '\0');
		return;
	}
	if (wlen > in_max) {
		fuzz_assert(r->opts->oversize_prefix && r->truncated);
		wlen = in_max;
	} else {
		fuzz_assert(!r->truncated);
	}
	fuzz_assert(r->len == wlen && !memcmp(r->text, want, wlen));
	fuzz_assert(r->text[r->len] == '\0');
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_record");
	memfd = memfd_create("fuzz_record", 0);
	if (memfd < 0)
		abort();
	snprintf(operand, sizeof operand, "/proc/self/fd/%d", memfd);
	return 0;
}

static int
filter(struct record *r, void *ctx)
{
	unsigned action = (action_seed + (unsigned)r->recno * 7) % 9;
	size_t half = r->len / 2;

	(void)ctx;
	check_text(r);
	switch (action) {
	case 0:
		rec_pass(r);
		return 0;
	case 1:
		rec_put_text(r, r->text, r->len);
		return 0;
	case 2:
		/* A cut in the middle of a character: -j must still write valid JSON. */
		rec_set_str(r, "head", r->text, half);
		rec_put_text(r, NULL, 0);
		return 0;
	case 3:
		rec_set_json(r, "n", "1", 1);
		rec_set_str(r, "none", NULL, 0);
		rec_set_json(r, "n", "2", 1);
		rec_put_text(r, r->text + half, r->len - half);
		return 0;
	case 4:
		/* The filter's own format, one record and its terminator. */
		rec_put_raw(r, r->opts->mode == REC_JSON ? "{}\n" : "raw\0",
		    r->opts->mode == REC_WHOLE ? 3 : 4);
		return 0;
	case 5:
		rec_warn(r, "cannot handle");
		return -1;
	case 6:
		return 0;	/* forgot to emit: the layer passes it on */
	case 7:
		rec_put_text(r, "x", 1);
		rec_warn(r, "emitted, then failed");
		return -1;
	default:
		rec_put_text(r, r->text, r->len);
		rec_put_text(r, "again", 5);	/* a second emit is ignored */
		return 0;
	}
}

/* Records in one operand: every delimiter ends one, and so does the end. */
static size_t
count_records(const uint8_t *data, size_t size, int delim)
{
	size_t n = 0, i;

	for (i = 0; i < size; i++)
		n += data[i] == delim;
	return n + (size > 0 && data[size - 1] != delim);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t max_records[] = { 1, 2, 3, 7, 16, 100, 4096, 64 << 20 };
	unsigned k0 = fuzz_knob(data, size, 0), k1 = fuzz_knob(data, size, 1);
	char *argv[] = { operand, operand, operand };
	int nfiles = 1 + (int)(k1 >> 6) % 3;
	struct rec_opts ro;
	unsigned long long in0 = stats_io.records_in, out0 = stats_io.records_out;
	char *out = NULL;
	size_t outlen = 0, delims = 0, i;
	FILE *real_stdout = stdout;

	if (ftruncate(memfd, 0) < 0 || pwrite(memfd, data, size, 0) != (ssize_t)size)
		abort();
	rec_opts_init(&ro);
	ro.mode = (enum rec_mode)(k0 % 3);
	ro.max_record = max_records[(k0 >> 2) % 8];
	/* extract-meta's way with an oversized record: its prefix, the rest skipped. */
	ro.oversize_prefix = (k0 >> 6) & 1;
	if (k1 & 1)
		ro.field = "body";
	in_chunk_size = (k0 & 0x20) ? 1 + (k1 >> 1) % 31 : 256 * 1024;
	action_seed = k1;
	in_data = data;
	in_max = ro.max_record;
	cut_pieces(data, size, ro.mode);

	stdout = open_memstream(&out, &outlen);
	if (!stdout)
		abort();
	rec_run(&ro, nfiles, argv, filter, NULL);
	fclose(stdout);
	stdout = real_stdout;

	fuzz_assert(stats_io.records_in - in0 == stats_io.records_out - out0);
	if (ro.mode == REC_WHOLE) {
		fuzz_assert(stats_io.records_in - in0 == (unsigned long long)nfiles);
	} else {
		int delim = ro.mode == REC_NUL ? '\0' : '\n';
		size_t want = count_records(data, size, delim) * (size_t)nfiles;

		for (i = 0; i < outlen; i++)
			delims += out[i] == delim;
		fuzz_assert(stats_io.records_in - in0 == want);
		fuzz_assert(delims == want);
	}
	free(out);
	return 0;
}
