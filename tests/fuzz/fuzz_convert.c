/*
 * fuzz_convert.c - common/convert.c over the charsets users meet, fed in
 * chunks the way a streaming converter feeds it.  Properties: with
 * CONV_REPLACE the output is valid UTF-8, the same in chunks as in one go,
 * and every input byte is consumed; with CONV_FAIL, nothing is consumed past
 * the first invalid sequence.
 * seeds: encoding/short encoding/chardet encoding/uchardet
 */
#include <string.h>

#include "convert.h"
#include "harness.h"
#include "utf8.h"

static const char *const charsets[] = {
	"GB18030", "GBK", "BIG5", "BIG5-HKSCS", "EUC-TW", "SHIFT_JIS", "EUC-JP",
	"ISO-2022-JP", "EUC-KR", "UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE",
	"UTF-32", "WINDOWS-1252", "WINDOWS-1251", "KOI8-R", "ISO-8859-2",
};
#define NCHARSETS (sizeof charsets / sizeof charsets[0])

static struct buf whole, chunked, carry;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_convert");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned k0 = fuzz_knob(data, size, 0), k1 = fuzz_knob(data, size, 1);
	const char *from = charsets[k0 % NCHARSETS];
	size_t step = 1 + k1 % 64, off, used;
	unsigned long long bad;
	struct conv c;

	if (size > 65536)
		return 0;
	buf_clear(&whole);
	bad = conv_to_utf8(from, (const char *)data, size, &whole);
	fuzz_assert(bad != CONV_UNKNOWN);
	fuzz_assert(utf8_valid((const unsigned char *)whole.data, whole.len));

	/* The same bytes in chunks of `step`, the unconsumed tail carried over. */
	fuzz_assert(conv_open(&c, "UTF-8", from, CONV_REPLACE) == 0);
	buf_clear(&chunked);
	buf_clear(&carry);
	for (off = 0; off < size || carry.len; ) {
		size_t n = size - off < step ? size - off : step;
		int final = off + n == size;

		buf_add(&carry, data + off, n);
		off += n;
		used = conv_run(&c, carry.data, carry.len, final, &chunked);
		fuzz_assert(used <= carry.len);
		if (final) {
			fuzz_assert(used == carry.len);
			break;
		}
		memmove(carry.data, carry.data + used, carry.len - used);
		carry.len -= used;
		fuzz_assert(carry.len < 16);	/* only a cut sequence waits */
	}
	fuzz_assert(c.nbad == bad);
	fuzz_assert(chunked.len == whole.len &&
	    (whole.len == 0 || !memcmp(chunked.data, whole.data, whole.len)));
	conv_close(&c);

	/* CONV_FAIL stops at the first invalid sequence. */
	fuzz_assert(conv_open(&c, "UTF-8", from, CONV_FAIL) == 0);
	buf_clear(&chunked);
	used = conv_run(&c, (const char *)data, size, 1, &chunked);
	if (c.nbad)
		fuzz_assert(used == c.first_bad && c.first_bad < size);
	else
		fuzz_assert(used == size && bad == 0);
	fuzz_assert(utf8_valid((const unsigned char *)chunked.data, chunked.len));
	conv_close(&c);
	return 0;
}
