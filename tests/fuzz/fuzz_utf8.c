/*
 * fuzz_utf8.c - common/utf8.c.  Properties: utf8_decode never reads past n
 * and agrees with utf8_valid_prefix; every decoded code point encodes back
 * to the same bytes; utf8_complete_prefix drops at most 3 bytes and only an
 * unfinished sequence; every code point has a class.
 * seeds: encoding/short pages/text json/test_parsing
 */
#include <string.h>

#include "harness.h"
#include "utf8.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_utf8");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t i = 0, first_bad = size, complete;
	char enc[4];

	while (i < size) {
		uint32_t cp;
		size_t n = utf8_decode(data + i, size - i, &cp);

		fuzz_assert(n >= 1 && n <= 4 && n <= size - i);
		if (cp == UTF8_BAD) {
			fuzz_assert(n == 1);
			if (first_bad == size)
				first_bad = i;
		} else {
			fuzz_assert(cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF));
			fuzz_assert(utf8_encode(cp, enc) == n && !memcmp(enc, data + i, n));
			fuzz_assert(uc_class(cp) <= UC_PUNCT_CJK);
			if (uc_digit_value(cp) >= 0)
				fuzz_assert(uc_is_digit(cp) && uc_digit_value(cp) <= 9);
			(void)uc_is_sentence_end(cp);
		}
		i += n;
	}
	fuzz_assert(utf8_valid_prefix(data, size) == first_bad);
	fuzz_assert(utf8_valid(data, size) == (first_bad == size));

	complete = utf8_complete_prefix(data, size);
	fuzz_assert(complete <= size && size - complete <= 3);
	/* What was dropped is the start of a sequence that more bytes could finish. */
	if (complete < size)
		fuzz_assert(data[complete] >= 0xC2 && data[complete] <= 0xF4);
	return 0;
}
