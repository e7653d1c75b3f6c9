/*
 * fuzz_input.c - common/input.c, the buffered reader split-articles and
 * detect-encoding parse their streams with.  The input drives a sequence of
 * in_fill (want up to 64K), in_more and consume steps over a file made of
 * the same input, with reads of 1 byte and up.  Properties: the unread
 * bytes are always the file's bytes at in->off + in->pos; in_fill returns
 * fewer than asked only at the end; every byte is seen once, in order.
 * seeds: dumps/wet dumps/plaintext
 */
#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"
#include "input.h"

static int memfd = -1;
static char operand[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_input");
	memfd = memfd_create("fuzz_input", 0);
	if (memfd < 0)
		abort();
	snprintf(operand, sizeof operand, "/proc/self/fd/%d", memfd);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in;
	size_t step = 0, consumed = 0;

	if (ftruncate(memfd, 0) < 0 || pwrite(memfd, data, size, 0) != (ssize_t)size)
		abort();
	in_chunk_size = 1 + fuzz_knob(data, size, 0) % 97;
	fuzz_assert(in_open(&in, operand) == 0);
	while (consumed < size) {
		unsigned op = step < size ? data[step] : 0;
		size_t avail, want, take;

		step++;
		switch (op % 3) {
		case 0:
			want = (size_t)op * 257 % 65536 + 1;
			avail = in_fill(&in, want);
			fuzz_assert(avail >= want || avail == size - consumed);
			break;
		case 1:
			avail = in_more(&in);
			fuzz_assert(avail > 0 || consumed == size);
			break;
		default:
			avail = in.end - in.pos;
			break;
		}
		fuzz_assert(in.err == 0);
		fuzz_assert(in.off + in.pos == consumed);
		fuzz_assert(avail == in.end - in.pos && avail <= size - consumed);
		fuzz_assert(avail == 0 || !memcmp(in.buf + in.pos, data + consumed, avail));
		/* Consume a part of what is there, the rest waits for the next step. */
		take = avail ? 1 + (size_t)op % avail : 0;
		in.pos += take;
		consumed += take;
		if (!avail && in.eof)
			break;
	}
	fuzz_assert(consumed == size);
	fuzz_assert(in_fill(&in, 1) == 0 && in.eof);
	in_close(&in);
	in_chunk_size = 256 * 1024;
	return 0;
}
