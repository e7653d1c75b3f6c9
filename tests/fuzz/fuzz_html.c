/*
 * fuzz_html.c - split-articles --html-to-text (cmd/split-articles/html.c).
 * Properties: UTF-8 in gives UTF-8 out; the text has no leading newline, no
 * run of two blank lines, and ends in exactly one newline when not empty;
 * the sniffers never read past n.
 * seeds: pages/html
 * large: html
 */
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "html.h"
#include "utf8.h"

static struct html *reader;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_html");
	reader = html_new();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf out;
	const char *p = (const char *)data;
	size_t i;

	(void)html_sniff(p, size);
	(void)html_content_type(p, size);
	buf_clear(&out);
	html_to_text(reader, p, size, &out);
	if (utf8_valid(data, size))
		fuzz_assert(utf8_valid((const unsigned char *)out.data, out.len));
	if (out.len == 0)
		return 0;
	fuzz_assert(out.data[0] != '\n');
	fuzz_assert(out.data[out.len - 1] == '\n');
	fuzz_assert(out.len == 1 || out.data[out.len - 2] != '\n');
	for (i = 0; i + 2 < out.len; i++)
		fuzz_assert(!(out.data[i] == '\n' && out.data[i + 1] == '\n' &&
		    out.data[i + 2] == '\n'));
	return 0;
}
