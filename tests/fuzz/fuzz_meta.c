/*
 * fuzz_meta.c - libFuzzer harness for the extract-meta engine: any bytes as
 * a page, with and without an anchor; the sanitizers do the checking.
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Icommon -Icmd/extract-meta \
 *       tests/fuzz/fuzz_meta.c cmd/extract-meta/meta.c cmd/extract-meta/date.c \
 *       cmd/extract-meta/scan.c cmd/extract-meta/emit.c common/[a-z]*.c \
 *       -lpcre2-8 -lz -lm -o fuzz_meta
 *   ./fuzz_meta -max_len=20000 CORPUS_DIR
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "emit.h"
#include "meta.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct meta m;
	static struct buf out;
	struct meta_opts o;
	struct mdate now;
	int f;

	memset(&o, 0, sizeof(o));
	o.assume_tz = size & 1;
	o.tz_min = 480;
	mdate_parse("2024-09-24T10:00", 16, &now);
	meta_extract(&m, (const char *)data, size, &o, (size & 2) ? &now : NULL);
	buf_clear(&out);
	for (f = 0; f < MF_NFIELDS; f++) {
		emit_json_value(&out, &m, f);
		emit_tsv_value(&out, &m, f, "x");
	}
	emit_evidence(&out, &m);
	return 0;
}
