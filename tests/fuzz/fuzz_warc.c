/*
 * fuzz_warc.c - split-articles' WARC/WET reader (cmd/split-articles/warc.c)
 * over its byte source (source.c), which inflates gzip members as they
 * come.  The input is read as it is (the gzip path when it starts with the
 * gzip magic), or gzipped here first: in members of 7 bytes and up, cut
 * short, followed by zero padding or by bytes that are not gzip.  Reads are
 * of 1 byte and up, --max-record as small as 1.
 * Properties:
 *  - the format sniffer says WARC when the stream starts "WARC/";
 *  - the source gives the same bytes whatever the size of the reads, and
 *    gives back what was gzipped here (all of it, or a prefix when cut);
 *  - -z: one NUL-terminated record for every record the emitter counts, no
 *    more records than "WARC/" lines, and when nothing asks for de-chunking
 *    or inflating, every record is a slice of the stream, each after the
 *    one before;
 *  - -j: one line for every record, each a JSON object with a string text.
 * seeds: dumps/warc dumps/wet
 * large: warc
 */
#define _GNU_SOURCE
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "harness.h"
#include "json.h"
#include "split.h"

/* Inflated streams past this are skipped: a bomb tells nothing new. */
#define STREAM_MAX ((size_t)16 << 20)

static int memfd = -1;
static char operand[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_warc");
	memfd = memfd_create("fuzz_warc", 0);
	if (memfd < 0)
		abort();
	snprintf(operand, sizeof operand, "/proc/self/fd/%d", memfd);
	return 0;
}

/*
 * Append data[0..size) to out as gzip members of member bytes each; the
 * offset where each member ends goes to ends, a size_t at a time.
 */
static void
gzip_members(const uint8_t *data, size_t size, size_t member, struct buf *out,
    struct buf *ends)
{
	size_t at = 0;

	do {
		size_t n = size - at < member ? size - at : member;
		z_stream zs;

		memset(&zs, 0, sizeof zs);
		if (deflateInit2(&zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 8,
		    Z_DEFAULT_STRATEGY) != Z_OK)
			abort();
		buf_reserve(out, deflateBound(&zs, (uLong)n) + 1);
		zs.next_in = (unsigned char *)(uintptr_t)(data + at);
		zs.avail_in = (uInt)n;
		zs.next_out = (unsigned char *)out->data + out->len;
		zs.avail_out = (uInt)(out->cap - out->len - 1);
		if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
			abort();
		out->len = (size_t)((char *)zs.next_out - out->data);
		deflateEnd(&zs);
		buf_add(ends, &out->len, sizeof out->len);
		at += n;
	} while (at < size);
}

/*
 * Everything the source gives, read with chunks of chunk bytes.  Returns
 * 0, or -1 when it inflates past STREAM_MAX.
 */
static int
drain(size_t chunk, struct buf *out, int *bad)
{
	struct src s;

	in_chunk_size = chunk;
	fuzz_assert(src_open(&s, operand) == 0);
	buf_clear(out);
	while (src_fill(&s, 1)) {
		size_t n = src_avail(&s);

		fuzz_assert(s.pos <= s.end);
		buf_add(out, src_ptr(&s), n);
		src_skip(&s, n);
		if (out->len > STREAM_MAX) {
			src_close(&s);
			return -1;
		}
	}
	*bad = s.bad;
	src_close(&s);
	return 0;
}

static const char *
memmem_icase(const char *h, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (!strncasecmp(h + i, needle, k))
			return h + i;
	return NULL;
}

static size_t
count(const char *h, size_t n, const char *needle, size_t k)
{
	const char *p = h, *end, *q;
	size_t c = 0;

	if (n == 0)
		return 0;
	end = h + n;
	while ((q = memmem(p, (size_t)(end - p), needle, k)) != NULL) {
		c++;
		p = q + 1;
	}
	return c;
}

/* -z: every record a slice of the stream (NUL written as space), in order. */
static void
check_raw(const char *out, size_t outlen, const struct buf *stream,
    int slices, unsigned long long nout)
{
	static struct buf spaced;
	size_t i, at = 0, records = 0;
	const char *r = out, *z;

	buf_clear(&spaced);
	buf_add(&spaced, stream->data, stream->len);
	for (i = 0; i < spaced.len; i++)
		if (spaced.data[i] == '\0')
			spaced.data[i] = ' ';
	fuzz_assert(outlen == 0 || out[outlen - 1] == '\0');
	while (outlen > (size_t)(r - out) &&
	    (z = memchr(r, '\0', outlen - (size_t)(r - out))) != NULL) {
		size_t n = (size_t)(z - r);

		records++;
		if (slices && n > 0) {
			fuzz_assert(spaced.len - at >= n);
			const char *p = memmem(spaced.data + at, spaced.len - at, r, n);

			fuzz_assert(p != NULL);
			at = (size_t)(p - spaced.data) + n;
		}
		r = z + 1;
	}
	fuzz_assert(records == nout);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t max_records[] = { 1, 7, 64, 300, 4096, 65536,
	    64 << 20, SIZE_MAX };
	static const size_t members[] = { 7, 100, 1000, 5000, 40000, SIZE_MAX };
	static struct buf file, ends, d1, d2;
	uint32_t h = fuzz_mix(data, size);
	unsigned k0 = h & 0xff, k1 = h >> 8 & 0xff;
	unsigned wrap = k1 & 3;
	size_t chunk = 1 + (k1 >> 2) % 61, cut = 0, i, member;
	struct split_opts so;
	struct emitter e;
	FILE *real_stdout = stdout;
	char *out = NULL;
	size_t outlen = 0;
	int bad1, bad2, slices;
	enum fmt sniffed = FMT_AUTO;

	/*
	 * At most some 4096 members and 65536 reads: the large seeds
	 * (tests/fuzz/large-seeds.py, 1 MB and more) are about the reader's
	 * loops, not about the cost of tiny members and reads.
	 */
	member = members[(k1 >> 2) % 6];
	if (member < size / 4096)
		member = size / 4096;
	if (chunk < size / 65536)
		chunk = size / 65536;
	/* The stream as a file: as it is, or gzipped here. */
	buf_clear(&file);
	buf_clear(&ends);
	if (wrap == 0 || size == 0) {
		buf_add(&file, data, size);
	} else {
		gzip_members(data, size, member, &file, &ends);
		if (wrap == 1) {
			/*
			 * Cut short, maybe in a trailer or between members; the
			 * first member's header stays, so it is still gzip.
			 */
			cut = 1 + (size_t)(k1 >> 2) * 37 % 200;
			file.len -= cut < file.len - 10 ? cut : file.len - 10;
		} else if (wrap == 2) {
			for (i = 0; i < 1 + (k1 >> 4); i++)
				buf_addc(&file, '\0');
		} else {
			/* Not gzip after the last member. */
			buf_adds(&file, "x\x1f\x8b");
		}
	}
	if (ftruncate(memfd, 0) < 0 ||
	    pwrite(memfd, file.data, file.len, 0) != (ssize_t)file.len)
		abort();

	/* The source: the same bytes, read in chunks of 1 byte or of 256K. */
	if (drain(chunk, &d1, &bad1) < 0 || drain(256 * 1024, &d2, &bad2) < 0) {
		in_chunk_size = 256 * 1024;
		return 0;
	}
	fuzz_assert(d1.len == d2.len && (d1.len == 0 || !memcmp(d1.data, d2.data, d1.len)));
	fuzz_assert(bad1 == bad2);
	if (wrap != 0 && size != 0) {
		if (wrap == 1) {
			int between = 0;

			for (i = 0; i < ends.len / sizeof cut; i++)
				between |= ((size_t *)(void *)ends.data)[i] == file.len;
			fuzz_assert(d1.len <= size &&
			    (d1.len == 0 || !memcmp(d1.data, data, d1.len)));
			fuzz_assert(bad1 == !between);
		} else {
			fuzz_assert(d1.len == size && !memcmp(d1.data, data, size));
			fuzz_assert(bad1 == (wrap == 3));
		}
	}

	/* The reader, on the same file, reads of chunk bytes. */
	memset(&so, 0, sizeof so);
	so.format = FMT_WARC;
	so.all_types = k0 >> 4 & 1;
	so.max_record = max_records[(k0 >> 1) % 8];
	so.json_field = "text";
	em_init(&e, k0 & 1 ? EM_JSON : EM_NUL, "text", so.max_record);
	e.html_to_text = (k0 >> 5 & 3) == 3;
	in_chunk_size = (k0 & 0x80) ? chunk : 256 * 1024;
	stdout = open_memstream(&out, &outlen);
	if (!stdout)
		abort();
	{
		struct src s;

		fuzz_assert(src_open(&s, operand) == 0);
		/* What split-articles does first, reading ahead, taking nothing. */
		if (k1 & 0x80)
			sniffed = fmt_sniff(&s);
		split_warc(&s, &e, &so);
		src_close(&s);
	}
	fclose(stdout);
	stdout = real_stdout;
	in_chunk_size = 256 * 1024;

	for (i = 0; i < d1.len && strchr(" \t\r\n", d1.data[i]) && d1.data[i]; i++)
		;
	if (sniffed != FMT_AUTO && d1.len - i >= 5 && !memcmp(d1.data + i, "WARC/", 5))
		fuzz_assert(sniffed == FMT_WARC);

	/* Every record starts at a "WARC/" line the reader framed. */
	fuzz_assert(e.nout <= count(d1.data, d1.len, "WARC/", 5));
	if (e.mode == EM_JSON) {
		fuzz_check_json_lines(out, outlen, e.nout, NULL);
	} else {
		/* De-chunking, inflating or HTML to text make new bytes. */
		slices = !e.html_to_text &&
		    !memmem_icase(d1.data, d1.len, "chunked") &&
		    !memmem_icase(d1.data, d1.len, "content-encoding");
		check_raw(out, outlen, &d1, slices, e.nout);
	}
	em_free(&e);
	free(out);
	return 0;
}
