/*
 * fuzz_meta.c - the extract-meta engine: any bytes as a page, with and
 * without an anchor and an assumed zone.  Properties: the JSON object is
 * valid JSON (so valid UTF-8) with every field in it; evidence spans lie
 * inside the page; a TSV cell holds no tab, newline or NUL; dates are
 * calendar dates at their precision; and the engine is pure, as meta.h
 * says: a fresh engine gives the same object as the one reused across
 * every input before.
 * seeds: pages/text dumps/plaintext dumps/sogou
 */
#include <string.h>

#include "buf.h"
#include "emit.h"
#include "harness.h"
#include "json.h"
#include "meta.h"
#include "utf8.h"

/* One engine per option set, reused across every input. */
static struct meta_engine *engines[8];
static struct buf out, fresh_out;
static struct json_obj obj;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_meta");
	return 0;
}

static void
check_date(const struct mdate *d)
{
	if (d->prec >= DP_MONTH)
		fuzz_assert(d->month >= 1 && d->month <= 12);
	if (d->prec >= DP_DAY)
		fuzz_assert(d->day >= 1 && d->day <= 31);
	if (d->prec >= DP_MINUTE)
		fuzz_assert(d->hour >= 0 && d->hour <= 23 && d->min >= 0 && d->min <= 59);
	if (d->prec >= DP_SECOND)
		fuzz_assert(d->sec >= 0 && d->sec <= 60);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t mix = fuzz_mix(data, size);
	struct meta_engine *fresh, **reused = &engines[mix & 5];
	const struct meta *m;
	struct meta_opts o;
	struct mdate now;
	size_t i;
	int f;

	memset(&o, 0, sizeof(o));
	o.assume_tz = mix & 1;
	o.tz_min = (mix & 4) ? -300 : 480;
	if (!*reused)
		*reused = meta_new(&o);
	fuzz_assert(mdate_parse("2024-09-24T10:00", 16, &now) == 0);
	m = meta_run(*reused, (const char *)data, size, (mix & 2) ? &now : NULL);

	buf_clear(&out);
	emit_object(&out, m, (mix & 8) ? "file\xff.txt" : NULL, 1);
	fuzz_assert(json_parse(&obj, out.data, out.len) == 0);
	fuzz_assert(obj.n == MF_NFIELDS + 1 + ((mix & 8) != 0));
	for (f = 0; f < MF_NFIELDS; f++) {
		size_t before;

		if (m->ev[f].len)
			fuzz_assert(m->ev[f].off <= size && m->ev[f].len <= size - m->ev[f].off);
		before = out.len;
		emit_tsv_value(&out, m, f, "x");
		for (i = before; i < out.len; i++)
			fuzz_assert(out.data[i] != '\t' && out.data[i] != '\n' &&
			    out.data[i] != '\0');
	}
	check_date(&m->published);
	check_date(&m->modified);
	check_date(&m->crawled);

	/* Pure: scratch left by earlier pages changes nothing. */
	fresh = meta_new(&o);
	buf_clear(&fresh_out);
	emit_object(&fresh_out, meta_run(fresh, (const char *)data, size, (mix & 2) ? &now : NULL),
	    (mix & 8) ? "file\xff.txt" : NULL, 1);
	meta_free(fresh);
	buf_clear(&out);
	emit_object(&out, m, (mix & 8) ? "file\xff.txt" : NULL, 1);
	fuzz_assert(out.len == fresh_out.len && !memcmp(out.data, fresh_out.data, out.len));
	return 0;
}
