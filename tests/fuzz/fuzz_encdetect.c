/*
 * fuzz_encdetect.c - common/encdetect.c.  Properties: a guess always names
 * a charset conv_open() can convert from (detect-encoding -c relies on it;
 * WHATWG names such as x-mac-ce are convert.c's to map onto iconv's),
 * confidences are percentages, a runner-up is never the winner, and a
 * label lookup is total.
 * seeds: encoding/short encoding/chardet encoding/charset_normalizer
 */
#include <string.h>

#include "convert.h"
#include "encdetect.h"
#include "harness.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_encdetect");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const hints[] = { NULL, "gbk", "big5", "utf-8", "bogus" };
	unsigned k0 = fuzz_knob(data, size, 0);
	struct enc_guess g;
	char label[64];
	struct conv c;

	enc_detect(data, size, k0 & 1, hints[(k0 >> 1) % 5], &g);
	fuzz_assert(g.name != NULL);
	fuzz_assert(g.confidence >= 0 && g.confidence <= 100);
	fuzz_assert(g.runner_confidence >= 0 && g.runner_confidence <= g.confidence);
	fuzz_assert(!g.runner_up || strcmp(g.runner_up, g.name) != 0);
	fuzz_assert(conv_open(&c, "UTF-8", g.name, CONV_REPLACE) == 0);
	conv_close(&c);

	size = size < sizeof label - 1 ? size : sizeof label - 1;
	memcpy(label, data, size);
	label[size] = '\0';
	if (enc_canonical(label))
		fuzz_assert(strlen(enc_canonical(label)) > 0);
	return 0;
}
