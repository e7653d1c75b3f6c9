/*
 * fuzz_json.c - common/json.c: validation, member lookup, string decoding
 * and the byte-preserving rewrite.  Properties: a decoded string is valid
 * UTF-8; json_put_string always writes a valid JSON string that decodes
 * back to the (repaired) input; a rewritten object is valid JSON with the
 * edited members in it and every other member still there.
 * seeds: json/test_parsing json/test_transform dumps/jsonl
 */
#include <string.h>

#include "harness.h"
#include "json.h"
#include "utf8.h"

static struct json_obj obj, again;
static struct json_edits edits;
static struct buf decoded, out, tmp;

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
