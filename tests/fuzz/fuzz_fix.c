/*
 * fuzz_fix.c - detect-encoding's mojibake repair (cmd/detect-encoding/fix.c)
 * on arbitrary bytes, and its -j record handler (de_record) over a JSON
 * Lines record whose text is those bytes.  Properties of fix_mojibake: it
 * appends to what the buffer holds; when it returns NULL it appended the
 * input byte for byte; the number of lines is the same; a line of ASCII
 * only (and a line with fewer than two bytes over 0x7F) comes out as it
 * went in; the output is valid UTF-8 whenever the input is; and the answer
 * is the one encoding each line back whole gives (the reference below,
 * the check as it was before the ASCII prefix and the 24-byte window), so
 * those shortcuts change nothing.  Of de_record in -j: one valid JSON line
 * out, its "mojibake" member what fix_mojibake says of the decoded text,
 * and with --fix its text the repaired text.
 * seeds: encoding/short dumps/plaintext dumps/jsonl
 */
#define _GNU_SOURCE
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "detect.h"
#include "harness.h"
#include "json.h"
#include "record.h"
#include "utf8.h"

/* The suspects of fix.c, in its order, and their canonical names. */
static const char *const ref_iconv[] = {
	"CP1252", "GBK", "BIG5", "CP932", "CP949", "CP1251", "ISO-8859-1",
};
static const char *const ref_name[] = {
	"windows-1252", "GBK", "Big5", "Shift_JIS", "EUC-KR", "windows-1251",
	"ISO-8859-1",
};
#define NREF (sizeof ref_iconv / sizeof ref_iconv[0])

static iconv_t ref_cd[NREF];
static struct fixer *fixer;
static struct buf out, ref, tmp, line, decoded;
static int memfd = -1;
static char operand[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t k;

	fuzz_quiet("fuzz_fix");
	fixer = fix_new();
	for (k = 0; k < NREF; k++)
		ref_cd[k] = iconv_open(ref_iconv[k], "UTF-8");
	memfd = memfd_create("fuzz_fix", 0);
	if (memfd < 0)
		abort();
	snprintf(operand, sizeof operand, "/proc/self/fd/%d", memfd);
	return 0;
}

/* UTF-8 s[0..n) into suspect k, strictly, the whole of it; -1 if not. */
static int
ref_encode(size_t k, const char *s, size_t n, struct buf *b)
{
	char *in = (char *)s, *o;
	size_t inleft = n, oleft, r;

	if (ref_cd[k] == (iconv_t)-1)
		return -1;
	iconv(ref_cd[k], NULL, NULL, NULL, NULL);
	buf_clear(b);
	buf_reserve(b, 4 * n + 16);
	o = b->data;
	oleft = b->cap;
	r = iconv(ref_cd[k], &in, &inleft, &o, &oleft);
	b->len = (size_t)(o - b->data);
	return r == 0 && inleft == 0 ? 0 : -1;
}

static size_t
ref_count(const unsigned char *s, size_t n, size_t *multi)
{
	size_t i, chars = 0;

	*multi = 0;
	for (i = 0; i < n; i++) {
		chars += (s[i] & 0xC0) != 0x80;
		*multi += s[i] >= 0xC0;
	}
	return chars;
}

/* The repair of one line, the whole line encoded back: suspect or -1. */
static int
ref_line(const char *s, size_t n, struct buf *o)
{
	size_t i, k, high = 0, chars, multi, fchars, fmulti;

	for (i = 0; i < n; i++)
		high += (unsigned char)s[i] >= 0x80;
	if (high < 2)
		return -1;
	chars = ref_count((const unsigned char *)s, n, &multi);
	for (k = 0; k < NREF; k++) {
		if (ref_encode(k, s, n, &tmp) < 0 ||
		    !utf8_valid((const unsigned char *)tmp.data, tmp.len))
			continue;
		fchars = ref_count((const unsigned char *)tmp.data, tmp.len, &fmulti);
		if (fmulti == 0 || (fchars >= chars && fmulti < 2))
			continue;
		buf_add(o, tmp.data, tmp.len);
		return (int)k;
	}
	return -1;
}

static const char *
ref_fix(const char *s, size_t n, struct buf *o)
{
	const char *p = s, *end = s + n, *nl;
	int used = -1, k;

	while (p < end) {
		size_t len;

		nl = memchr(p, '\n', (size_t)(end - p));
		len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if ((k = ref_line(p, len, o)) < 0)
			buf_add(o, p, len);
		else if (used < 0)
			used = k;
		if (nl)
			buf_addc(o, '\n');
		p += len + (nl != NULL);
	}
	return used < 0 ? NULL : ref_name[used];
}

static size_t
count_byte(const char *s, size_t n, int c)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

static void
check_fix(const char *s, size_t n, unsigned knob)
{
	static const char pre[] = "kept\n\xE4\xB8\xAD";
	size_t npre = knob & 1 ? sizeof pre - 1 : 0, i, j;
	const char *via, *rvia, *o, *oend, *p, *end;

	buf_clear(&out);
	buf_add(&out, pre, npre);
	via = fix_mojibake(fixer, s, n, &out);
	fuzz_assert(out.len >= npre && !memcmp(out.data, pre, npre));
	o = out.data + npre;
	oend = out.data + out.len;
	if (!via)
		fuzz_assert((size_t)(oend - o) == n && (n == 0 || !memcmp(o, s, n)));
	fuzz_assert(count_byte(o, (size_t)(oend - o), '\n') == count_byte(s, n, '\n'));
	if (utf8_valid((const unsigned char *)s, n))
		fuzz_assert(utf8_valid((const unsigned char *)o, (size_t)(oend - o)));

	/* Line by line: few high bytes, the line as it was. */
	for (p = s, end = s + n; p <= end && o <= oend; ) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *onl = memchr(o, '\n', (size_t)(oend - o));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t olen = onl ? (size_t)(onl - o) : (size_t)(oend - o);
		size_t high = 0;

		fuzz_assert((nl == NULL) == (onl == NULL));
		for (i = 0; i < len; i++)
			high += (unsigned char)p[i] >= 0x80;
		if (high < 2)
			fuzz_assert(olen == len && (len == 0 || !memcmp(o, p, len)));
		if (!nl)
			break;
		p = nl + 1;
		o = onl + 1;
	}

	/* The shortcuts decide as the whole line encoded back does. */
	buf_clear(&ref);
	rvia = ref_fix(s, n, &ref);
	fuzz_assert((via == NULL) == (rvia == NULL));
	fuzz_assert(via == NULL || !strcmp(via, rvia));
	j = out.len - npre;
	fuzz_assert(ref.len == j && (j == 0 || !memcmp(ref.data, out.data + npre, j)));
}

/* de_record over {"text": s} as detect-encoding -j [--fix] runs it. */
static void
check_record(const char *s, size_t n, int fix)
{
	struct de_opts o;
	struct de *d;
	struct rec_opts ro;
	struct json_obj obj;
	char *argv[] = { operand };
	char *res = NULL;
	size_t reslen = 0;
	FILE *real_stdout = stdout;
	const char *via;
	long k;

	buf_clear(&line);
	buf_adds(&line, "{\"text\":");
	json_put_string(&line, s, n);
	buf_adds(&line, ",\"id\":1}\n");
	/* The text the handler sees: the string as decoded. */
	buf_clear(&decoded);
	json_decode_string(&decoded, line.data + 8, line.len - 8 - 9);
	if (ftruncate(memfd, 0) < 0 ||
	    pwrite(memfd, line.data, line.len, 0) != (ssize_t)line.len)
		abort();

	memset(&o, 0, sizeof o);
	o.to = "UTF-8";
	o.fix = fix;
	o.json = 1;
	d = de_new(&o);
	rec_opts_init(&ro);
	ro.mode = REC_JSON;
	stdout = open_memstream(&res, &reslen);
	if (!stdout)
		abort();
	rec_run(&ro, 1, argv, de_record, d);
	de_free(d);
	fclose(stdout);
	stdout = real_stdout;

	fuzz_assert(reslen > 0 && res[reslen - 1] == '\n');
	fuzz_assert(memchr(res, '\n', reslen) == res + reslen - 1);
	memset(&obj, 0, sizeof obj);
	fuzz_assert(json_parse(&obj, res, reslen - 1) == 0);
	fuzz_assert(obj.close_off != (size_t)-1);
	fuzz_assert(json_find(&obj, res, "id") >= 0);
	fuzz_assert(json_find(&obj, res, "encoding") >= 0);
	k = json_find(&obj, res, "mojibake");
	fuzz_assert(k >= 0);

	buf_clear(&out);
	via = fix_mojibake(fixer, decoded.data ? decoded.data : "", decoded.len, &out);
	buf_clear(&tmp);
	if (res[obj.m[k].val_off] == '"')
		json_decode_string(&tmp, res + obj.m[k].val_off, obj.m[k].val_len);
	else
		fuzz_assert(obj.m[k].val_len == 4 && !memcmp(res + obj.m[k].val_off, "null", 4));
	if (via)
		fuzz_assert(tmp.len == strlen(via) && !memcmp(tmp.data, via, tmp.len));
	else
		fuzz_assert(res[obj.m[k].val_off] == 'n');

	k = json_find(&obj, res, "text");
	fuzz_assert(k >= 0 && res[obj.m[k].val_off] == '"');
	buf_clear(&tmp);
	json_decode_string(&tmp, res + obj.m[k].val_off, obj.m[k].val_len);
	if (fix && via)
		fuzz_assert(tmp.len == out.len && (out.len == 0 ||
		    !memcmp(tmp.data, out.data, out.len)));
	else
		fuzz_assert(tmp.len == decoded.len && (tmp.len == 0 ||
		    !memcmp(tmp.data, decoded.data, tmp.len)));
	json_obj_free(&obj);
	free(res);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned knob = fuzz_knob(data, size, 0);

	if (size > 65536)
		return 0;
	check_fix((const char *)data, size, knob);
	/* Whole-line encoding costs: the record path on shorter inputs. */
	if (size <= 8192)
		check_record((const char *)data, size, (knob >> 1) & 1);
	return 0;
}
