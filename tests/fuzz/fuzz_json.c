/*
 * fuzz_json.c - common/json.c: validation, member lookup, string decoding
 * and the byte-preserving rewrite.  Properties: a decoded string is valid
 * UTF-8; json_put_string always writes a valid JSON string that decodes
 * back to the (repaired) input; a rewritten object is valid JSON with the
 * edited members in it and every other member still there; the
 * validator's verdict on a string token (the input as it is, and the input
 * quoted at several alignments) equals a byte-at-a-time reference's.
 * seeds: json/test_parsing json/test_transform dumps/jsonl
 */
#include <string.h>

#include "harness.h"
#include "json.h"
#include "utf8.h"

static struct json_obj obj, again;
static struct json_edits edits;
static struct buf decoded, out, tmp, quoted;

/*
 * Length of one well-formed UTF-8 sequence at s[0..n) (RFC 3629, table 3-7
 * of Unicode), or 0: written out byte by byte, independent of utf8.c.
 */
static size_t
ref_utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	unsigned lo = 0x80, hi = 0xBF;
	size_t len, j;

	if (c <= 0x7F)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (j = 2; j < len; j++)
		if (s[j] < 0x80 || s[j] > 0xBF)
			return 0;
	return len;
}

static int
ref_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
ref_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/*
 * Is s[0..n) white space, one JSON string token (RFC 8259), white space?
 * One byte at a time, as the grammar reads.
 */
static int
ref_string_value(const unsigned char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n && ref_ws(s[i]))
		i++;
	if (i >= n || s[i] != '"')
		return 0;
	for (i++;;) {
		if (i >= n)
			return 0;
		if (s[i] == '"')
			break;
		if (s[i] < 0x20)
			return 0;
		if (s[i] == '\\') {
			if (++i >= n)
				return 0;
			if (s[i] == 'u') {
				if (n - i < 5 || !ref_hex(s[i + 1]) || !ref_hex(s[i + 2]) ||
				    !ref_hex(s[i + 3]) || !ref_hex(s[i + 4]))
					return 0;
				i += 5;
			} else if (strchr("\"\\/bfnrt", s[i]) && s[i] != '\0') {
				i++;
			} else {
				return 0;
			}
			continue;
		}
		if ((k = ref_utf8_seq(s + i, n - i)) == 0)
			return 0;
		i += k;
	}
	for (i++; i < n && ref_ws(s[i]); i++)
		;
	return i == n;
}

/* json_parse's verdict on a string value is the reference's. */
static void
check_string_verdict(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && ref_ws((unsigned char)s[i]))
		i++;
	if (i >= n || s[i] != '"')
		return;
	fuzz_assert((json_parse(&again, s, n) == 0) ==
	    ref_string_value((const unsigned char *)s, n));
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_json");
	return 0;
}

/* json_put_string(s) parses as one string whose value is s made valid. */
static void
check_put_string(const char *s, size_t n)
{
	buf_clear(&tmp);
	json_put_string(&tmp, s, n);
	fuzz_assert(json_parse(&again, tmp.data, tmp.len) == 0);
	fuzz_assert(again.close_off == (size_t)-1);
	buf_clear(&decoded);
	json_decode_string(&decoded, tmp.data, tmp.len);
	fuzz_assert(utf8_valid((const unsigned char *)decoded.data, decoded.len));
	if (utf8_valid((const unsigned char *)s, n))
		fuzz_assert(decoded.len == n && (n == 0 || !memcmp(decoded.data, s, n)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t i, nold;
	long k;

	check_put_string(s, size < 4096 ? size : 4096);
	/*
	 * The input as a string's contents, at each alignment of the eight-
	 * byte test, closed or not, and the input itself when it is one.
	 */
	check_string_verdict(s, size);
	if (size < 4096) {
		size_t pad = fuzz_knob(data, size, 0) & 7;

		buf_clear(&quoted);
		buf_add(&quoted, "        ", pad);
		buf_addc(&quoted, '"');
		buf_add(&quoted, s, size);
		check_string_verdict(quoted.data, quoted.len);
		buf_addc(&quoted, '"');
		check_string_verdict(quoted.data, quoted.len);
		/* Again one byte on: the 8-byte loads fall elsewhere. */
		buf_clear(&tmp);
		buf_add(&tmp, " ", 1);
		buf_add(&tmp, quoted.data, quoted.len);
		check_string_verdict(tmp.data, tmp.len);
	}
	if (json_parse(&obj, s, size) < 0) {
		fuzz_assert(obj.err != NULL && obj.err_off <= size);
		return 0;
	}
	fuzz_assert(utf8_valid(data, size));
	if (obj.close_off == (size_t)-1)
		return 0;
	nold = obj.n;
	for (i = 0; i < obj.n; i++) {
		const struct json_member *m = &obj.m[i];

		fuzz_assert(m->key_off + m->key_len <= size && s[m->key_off] == '"');
		fuzz_assert(m->val_off + m->val_len <= size);
		buf_clear(&decoded);
		json_decode_string(&decoded, s + m->key_off, m->key_len);
		fuzz_assert(utf8_valid((const unsigned char *)decoded.data, decoded.len));
		if (s[m->val_off] == '"') {
			buf_clear(&decoded);
			json_decode_string(&decoded, s + m->val_off, m->val_len);
			fuzz_assert(utf8_valid((const unsigned char *)decoded.data,
			    decoded.len));
		}
	}
	k = json_find(&obj, s, "text");

	/* Replace "text" (or add it), add a new member, set one twice. */
	json_edits_clear(&edits);
	json_edit_begin(&edits, "text");
	json_put_string(&edits.vals, "\xE4\xB8\xAD\"\\\n\x01", 8);
	json_edit_end(&edits);
	json_edit_begin(&edits, "winnow_fuzz_added");
	buf_adds(&edits.vals, "[1,{\"a\":null}]");
	json_edit_end(&edits);
	buf_clear(&out);
	json_rewrite(&out, s, size, &obj, &edits);

	fuzz_assert(json_parse(&again, out.data, out.len) == 0);
	fuzz_assert(again.close_off != (size_t)-1);
	fuzz_assert(json_find(&again, out.data, "winnow_fuzz_added") >= 0);
	k = json_find(&again, out.data, "text");
	fuzz_assert(k >= 0);
	buf_clear(&decoded);
	json_decode_string(&decoded, out.data + again.m[k].val_off, again.m[k].val_len);
	fuzz_assert(decoded.len == 8 && !memcmp(decoded.data, "\xE4\xB8\xAD\"\\\n\x01", 8));
	/* Every member of the old line is still there. */
	for (i = 0; i < nold; i++) {
		const struct json_member *m = &obj.m[i];
		long j;

		buf_clear(&tmp);
		json_decode_string(&tmp, s + m->key_off, m->key_len);
		if (memchr(tmp.data, '\0', tmp.len))
			continue;	/* json_find takes a C string */
		buf_cstr(&tmp);
		if (!strcmp(tmp.data, "text") || !strcmp(tmp.data, "winnow_fuzz_added"))
			continue;
		j = json_find(&again, out.data, tmp.data);
		fuzz_assert(j >= 0);
	}
	return 0;
}
