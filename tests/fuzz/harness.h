/*
 * harness.h - what the libFuzzer harnesses share.  A harness is one file,
 * tests/fuzz/fuzz_NAME.c, linked with every command's engine and common/;
 * `make fuzz` and the smoke run in `make check` pick it up by wildcard.
 * Its seeds are named on a line of its leading comment,
 *	seeds: DIR ...
 * directories under ../shared/corpora; tests/fuzz/regress/NAME/ holds the
 * inputs that once crashed it, replayed on every `make check`.
 *
 * A harness checks properties, not just survival: a broken invariant is
 * reported through fuzz_assert, which aborts so libFuzzer keeps the input.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "json.h"
#include "winnow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define fuzz_assert(cond) do { \
	if (!(cond)) { \
		fprintf(fuzz_stderr, "%s:%d: property failed: %s\n", \
		    __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* The real stderr, for fuzz_assert; the code under test gets /dev/null. */
static FILE *fuzz_stderr;

/*
 * Silence the code under test: its per-record warnings would drown the
 * fuzzer's own output.  Sanitizer reports write to file descriptor 2
 * directly and still get through; only the stdio streams are swapped.
 */
static inline void
fuzz_quiet(const char *prog)
{
	wn_init(prog);
	fuzz_stderr = stderr;
	stderr = fopen("/dev/null", "w");
	if (!stderr)
		abort();
}

/*
 * Knobs for a run are taken from the last bytes of the input, so that any
 * file of a real corpus is a useful seed as it stands.
 */
static inline unsigned
fuzz_knob(const uint8_t *data, size_t size, size_t from_end)
{
	return size > from_end ? data[size - 1 - from_end] : 0;
}

/*
 * Knobs mixed from the last 8 bytes and the size, 32 bits of them: the
 * seeds of a text corpus all end in a newline, and knobs read from that
 * byte alone would run every seed, and most of what grows from it, the
 * same way.  Any change at the end or in length picks other knobs.
 */
static inline uint32_t
fuzz_mix(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u ^ (uint32_t)size;
	size_t i;

	for (i = size > 8 ? size - 8 : 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h ^ h >> 16;
}

/*
 * split-articles -j: out[0..outlen) is nout lines, each one JSON object
 * with a string member "text" and, when format is not NULL, "format"
 * the JSON string format (quotes and all).
 */
static inline void
fuzz_check_json_lines(const char *out, size_t outlen, unsigned long long nout,
    const char *format)
{
	static struct json_obj obj;
	const char *r = out, *nl;
	size_t lines = 0;
	long k;

	fuzz_assert(outlen == 0 || out[outlen - 1] == '\n');
	while (outlen > (size_t)(r - out) &&
	    (nl = memchr(r, '\n', outlen - (size_t)(r - out))) != NULL) {
		lines++;
		fuzz_assert(json_parse(&obj, r, (size_t)(nl - r)) == 0);
		fuzz_assert(obj.close_off != (size_t)-1);
		k = json_find(&obj, r, "text");
		fuzz_assert(k >= 0 && r[obj.m[k].val_off] == '"');
		if (format) {
			k = json_find(&obj, r, "format");
			fuzz_assert(k >= 0 && !strncmp(r + obj.m[k].val_off, format,
			    strlen(format)));
		}
		r = nl + 1;
	}
	fuzz_assert(lines == nout);
}

#endif
