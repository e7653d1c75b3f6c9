/*
 * fuzz_arc.c - split-articles' ARC reader (cmd/split-articles/arc.c) and
 * the page chooser it shares with the WARC reader (payload.c), over its
 * byte source, read in chunks of 1 byte and up, --max-record as small as
 * 1, every record mode, --all-types and --all-status.
 * Properties:
 *  - the format sniffer says ARC when the stream starts "filedesc://";
 *  - -z: one NUL-terminated record for every record the emitter counts;
 *  - -j: one line for every record, each a JSON object with a string text
 *    and "format":"arc";
 *  - no more records than header lines (newlines), and with --all-types
 *    no fewer records written than without.
 * seeds: dumps/warc
 */
#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "harness.h"
#include "json.h"
#include "split.h"

static int memfd = -1;
static char operand[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_arc");
	memfd = memfd_create("fuzz_arc", 0);
	if (memfd < 0)
		abort();
	snprintf(operand, sizeof operand, "/proc/self/fd/%d", memfd);
	return 0;
}

/* Run the reader; returns the records written, output in *out. */
static unsigned long long
run(enum em_mode mode, const struct split_opts *so, size_t chunk, int sniff,
    char **out, size_t *outlen)
{
	FILE *real_stdout = stdout;
	struct emitter e;
	struct src s;
	unsigned long long nout;

	em_init(&e, mode, "text", so->max_record);
	in_chunk_size = chunk;
	stdout = open_memstream(out, outlen);
	if (!stdout)
		abort();
	fuzz_assert(src_open(&s, operand) == 0);
	if (sniff) {
		enum fmt f = fmt_sniff(&s);

		if (src_avail(&s) >= 11 && !memcmp(src_ptr(&s), "filedesc://", 11))
			fuzz_assert(f == FMT_ARC);
	}
	split_arc(&s, &e, so);
	src_close(&s);
	fclose(stdout);
	stdout = real_stdout;
	in_chunk_size = 256 * 1024;
	nout = e.nout;
	em_free(&e);
	return nout;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t max_records[] = { 1, 7, 64, 300, 4096, 65536,
	    64 << 20, SIZE_MAX };
	unsigned k0 = fuzz_knob(data, size, 0), k1 = fuzz_knob(data, size, 1);
	struct split_opts so;
	char *out = NULL;
	size_t outlen = 0, lines = 0, i;
	unsigned long long nout, nall;
	enum em_mode mode = k0 & 1 ? EM_JSON : EM_NUL;

	if (ftruncate(memfd, 0) < 0 ||
	    pwrite(memfd, data, size, 0) != (ssize_t)size)
		abort();
	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	memset(&so, 0, sizeof so);
	so.format = FMT_ARC;
	so.all_status = k0 >> 1 & 1;
	so.max_record = max_records[(k0 >> 2) % 8];
	so.json_field = "text";
	nout = run(mode, &so, 1 + k1 % 61, k0 >> 5 & 1, &out, &outlen);
	fuzz_assert(nout <= lines + 1);
	if (mode == EM_JSON) {
		fuzz_check_json_lines(out, outlen, nout, "\"arc\"");
	} else {
		size_t nuls = 0;

		for (i = 0; i < outlen; i++)
			nuls += out[i] == '\0';
		fuzz_assert(nuls == nout);
	}
	free(out);
	out = NULL;
	/* Every record, whatever it holds: no fewer. */
	so.all_types = 1;
	nall = run(EM_NUL, &so, 256 * 1024, 0, &out, &outlen);
	fuzz_assert(nall >= nout);
	free(out);
	return 0;
}
