/*
 * fuzz_pages.c - split-articles' plain-text splitters: the undelimited page
 * splitter (cmd/split-articles/pages.h), --blank-lines and --delimiter
 * (text.c), and the Sogou and WikiExtractor <doc> readers (docs.c).  The
 * stream is the input repeated up to 5 times (past the 256K the charset is
 * told from), or converted to GB18030, Big5 or Shift_JIS first; lines go
 * in pieces of 16 bytes and up; --max-record from 0 (a <doc> past it and
 * 4K is streamed); it is split twice, read 1 to 64 bytes at a time and
 * 256K at a time.
 * Properties:
 *  - the output does not depend on the size of the reads;
 *  - pages, blank lines, delimiter: the records concatenated are the
 *    stream byte for byte (-z writes a NUL as a space), one NUL-terminated
 *    record for every record counted;
 *  - pages: no page but the first starts on an empty line, and one that
 *    starts inside a line (a join by cat) does not follow a space or tab;
 *    pages_boundaries() starts line 0, and its other starts are PAGE_MIN
 *    (30) lines apart at least, the same in a second run on the handle;
 *  - blank lines: a record after the first starts with a line that is not
 *    blank (or is a piece of an overlong one);
 *  - --drop-delimiter: as many records, each the same record without its
 *    first line;
 *  - <doc>: no more records than "<doc" tags, each a slice of the stream,
 *    each after the one before.
 * seeds: pages/text dumps/plaintext dumps/sogou dumps/wikiextractor
 */
#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "convert.h"
#include "decoder.h"
#include "harness.h"
#include "pages.h"
#include "split.h"

/* A delimiter line: a rule, or a chapter heading. */
static const char delimiter[] = "^\\s*(={3,}|-{3,}|\\*{3,}|第\\S{1,8}[章回节])\\s*$";

static int memfd = -1;
static char operand[64];
/* --max-record: a <doc> past it and 4K more is streamed, not held. */
static size_t max_record;
/* The page splitter's pieces of overlong lines. */
static size_t piece_max;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_pages");
	memfd = memfd_create("fuzz_pages", 0);
	if (memfd < 0)
		abort();
	snprintf(operand, sizeof operand, "/proc/self/fd/%d", memfd);
	if (split_delim_compile(delimiter) < 0)
		abort();
	return 0;
}

enum mode { M_PAGES, M_BLANK, M_DELIM, M_DROP, M_SOGOU, M_WIKI };

/* Split the stream in the memfd as mode says, reads of chunk bytes; -z. */
static void
split(enum mode mode, size_t chunk, struct buf *out, unsigned long long *nout)
{
	struct split_opts so;
	struct emitter e;
	struct src s;
	FILE *real_stdout = stdout;
	char *p = NULL;
	size_t n = 0;

	memset(&so, 0, sizeof so);
	so.max_record = max_record;
	so.delimiter = delimiter;
	so.drop_delimiter = mode == M_DROP;
	em_init(&e, EM_NUL, "text", so.max_record);
	in_chunk_size = chunk;
	stdout = open_memstream(&p, &n);
	if (!stdout)
		abort();
	fuzz_assert(src_open(&s, operand) == 0);
	switch (mode) {
	case M_PAGES: {
		struct pages_opts po = { 0 };
		struct pages *h;

		po.piece_max = piece_max;
		h = pages_new(&po);
		pages_run(h, &s, &e);
		pages_free(h);
		break;
	}
	case M_BLANK:
		split_blank(&s, &e, &so);
		break;
	case M_DELIM:
	case M_DROP:
		split_delim(&s, &e, &so);
		break;
	case M_SOGOU:
	case M_WIKI:
		split_doc(&s, &e, &so, mode == M_SOGOU);
		break;
	}
	src_close(&s);
	fclose(stdout);
	stdout = real_stdout;
	in_chunk_size = 256 * 1024;
	buf_clear(out);
	buf_add(out, p, n);
	free(p);
	*nout = e.nout;
	em_free(&e);
}

/* The records of -z output, as offsets: record i is out[at[i]..at[i+1]-1). */
static size_t
records(const struct buf *out, struct buf *at)
{
	size_t i, k = 0;

	buf_clear(at);
	buf_add(at, &k, sizeof k);
	for (i = 0; i < out->len; i++)
		if (out->data[i] == '\0') {
			k = i + 1;
			buf_add(at, &k, sizeof k);
		}
	fuzz_assert(out->len == 0 || out->data[out->len - 1] == '\0');
	return at->len / sizeof k - 1;
}

static size_t
rec_off(const struct buf *at, size_t i)
{
	size_t k;

	memcpy(&k, at->data + i * sizeof k, sizeof k);
	return k;
}

static int
is_blank_line(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strchr(" \t\r\n\f\v", p[i]) || p[i] == '\0')
			return 0;
	return 1;
}

/* Length of the line at p[0..n), its newline included. */
static size_t
line_len(const char *p, size_t n)
{
	const char *nl = memchr(p, '\n', n);

	return nl ? (size_t)(nl - p) + 1 : n;
}

/* pages_boundaries() over the lines of the stream, twice on one handle. */
static void
check_boundaries(const struct buf *stream)
{
	static struct buf off;
	struct pages_opts po = { 0 };
	struct pages *h;
	unsigned char *start, *again;
	size_t i, n = 0, last = 0, k;

	buf_clear(&off);
	for (i = 0; i < stream->len; i += line_len(stream->data + i,
	    stream->len - i)) {
		buf_add(&off, &i, sizeof i);
		n++;
	}
	if (n == 0)
		return;
	start = xcalloc(n, 1);
	again = xcalloc(n, 1);
	h = pages_new(&po);
	pages_boundaries(h, stream->data, stream->len,
	    (const size_t *)(void *)off.data, n, start, NULL);
	pages_boundaries(h, stream->data, stream->len,
	    (const size_t *)(void *)off.data, n, again, NULL);
	pages_free(h);
	fuzz_assert(!memcmp(start, again, n));
	fuzz_assert(start[0] == 1);
	for (k = 1; k < n; k++) {
		fuzz_assert(start[k] <= 1);
		if (!start[k])
			continue;
		fuzz_assert(last == 0 || k - last >= PAGE_MIN);
		last = k;
	}
	free(start);
	free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = { NULL, "GB18030", "BIG5", "SHIFT_JIS" };
	static const size_t repeats[] = { 1, 1, 2, 5 };
	static const size_t pieces[] = { 16, 100, 1000, 4096, 65536, 1 << 20 };
	static struct buf stream, spaced, out1, out2, at, at2;
	uint32_t h = fuzz_mix(data, size);
	unsigned k0 = h & 0xff, k1 = h >> 8 & 0xff, k2 = h >> 16 & 0xff;
	enum mode mode = k0 % 8 < 3 ? M_PAGES : (enum mode)(k0 % 8 - 2);
	const char *charset = charsets[k1 & 3];
	size_t reps = repeats[k1 >> 2 & 3], chunk = 1 + k2 % 64, i, n;
	unsigned long long nout1, nout2;

	/* The stream: the input, maybe in a legacy charset, maybe repeated. */
	buf_clear(&stream);
	if (charset) {
		struct conv c;

		if (conv_open(&c, charset, "UTF-8", CONV_REPLACE) < 0)
			abort();
		conv_run(&c, (const char *)data, size, 1, &stream);
		conv_close(&c);
	} else {
		buf_add(&stream, data, size);
	}
	n = stream.len;
	/* Room first: buf_add from the buffer itself must not move it. */
	buf_reserve(&stream, n * (reps - 1));
	for (i = 1; i < reps; i++)
		buf_add(&stream, stream.data, n);
	if (ftruncate(memfd, 0) < 0 || (stream.len &&
	    pwrite(memfd, stream.data, stream.len, 0) != (ssize_t)stream.len))
		abort();
	piece_max = text_line_max = pieces[(k1 >> 4) % 6];
	max_record = h >> 24 & 1 ? (size_t)64 << 20 : (h >> 25) % 3000;

	split(mode, chunk, &out1, &nout1);
	split(mode, 256 * 1024, &out2, &nout2);
	fuzz_assert(nout1 == nout2);
	fuzz_assert(out1.len == out2.len &&
	    (out1.len == 0 || !memcmp(out1.data, out2.data, out1.len)));
	fuzz_assert(records(&out1, &at) == nout1);

	buf_clear(&spaced);
	buf_add(&spaced, stream.data, stream.len);
	for (i = 0; i < spaced.len; i++)
		if (spaced.data[i] == '\0')
			spaced.data[i] = ' ';

	if (mode == M_SOGOU || mode == M_WIKI) {
		size_t from = 0, tags = 0;
		const char *p;

		for (p = spaced.data; p && (p = memmem(p, spaced.len -
		    (size_t)(p - spaced.data), "<doc", 4)) != NULL; p++)
			tags++;
		fuzz_assert(nout1 <= tags);
		for (i = 0; i < nout1; i++) {
			size_t a = rec_off(&at, i), len = rec_off(&at, i + 1) - 1 - a;

			if (len == 0)
				continue;
			p = memmem(spaced.data + from, spaced.len - from,
			    out1.data + a, len);
			fuzz_assert(p != NULL);
			from = (size_t)(p - spaced.data) + len;
		}
		goto done;
	}

	if (mode == M_DROP) {
		/* The same split keeping the delimiters, to compare with. */
		split(M_DELIM, 256 * 1024, &out2, &nout2);
		fuzz_assert(nout1 == nout2);
		fuzz_assert(records(&out2, &at2) == nout2);
		for (i = 0; i < nout1; i++) {
			size_t a = rec_off(&at, i), len = rec_off(&at, i + 1) - 1 - a;
			size_t a2 = rec_off(&at2, i), len2 = rec_off(&at2, i + 1) - 1 - a2;
			const char *nl;

			fuzz_assert(len <= len2);
			fuzz_assert(len == 0 || !memcmp(out1.data + a,
			    out2.data + a2 + len2 - len, len));
			/* What was dropped is one line, or its first piece. */
			nl = memchr(out2.data + a2, '\n', len2 - len);
			fuzz_assert(nl == NULL || nl == out2.data + a2 + len2 - len - 1);
		}
		goto done;
	}

	/* Lossless: the records are the stream, NUL written as space. */
	fuzz_assert(out1.len == spaced.len + nout1);
	for (i = 0; i < nout1; i++) {
		size_t a = rec_off(&at, i), len = rec_off(&at, i + 1) - 1 - a;
		size_t off = a - i;	/* the record's offset in the stream */

		fuzz_assert(len > 0);
		fuzz_assert(!memcmp(out1.data + a, spaced.data + off, len));
		if (i == 0)
			continue;
		if (mode == M_PAGES) {
			/* The stream's bytes: a NUL before a cue is no space. */
			fuzz_assert(stream.data[off] != '\n');
			if (stream.data[off - 1] != '\n')
				fuzz_assert(stream.data[off - 1] != ' ' &&
				    stream.data[off - 1] != '\t');
		} else if (mode == M_BLANK) {
			size_t l = line_len(spaced.data + off, spaced.len - off);

			fuzz_assert(spaced.data[off - 1] == '\n');
			fuzz_assert(!is_blank_line(stream.data + off, l) ||
			    l - (stream.data[off + l - 1] == '\n') >= text_line_max);
		} else {
			fuzz_assert(spaced.data[off - 1] == '\n');
		}
	}
	if (mode == M_PAGES && k2 < 64)
		check_boundaries(&stream);
done:
	text_line_max = (size_t)1 << 20;
	return 0;
}
