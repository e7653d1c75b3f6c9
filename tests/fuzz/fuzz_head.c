/*
 * fuzz_head.c - the head object of split-articles --html-to-text -j
 * (cmd/split-articles/htmlhead.c): JSON-LD, meta and link attributes.
 * Properties: the object is valid JSON within the contract's bounds
 * (HEAD_KEYS keys, HEAD_VALUES values, each value 1 to HEAD_VALUE_MAX
 * bytes, valid UTF-8 when the input is), whatever the input; html_attr
 * finds values inside the attribute text.
 * seeds: meta-pages/head
 */
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "html.h"
#include "htmlhead.h"
#include "json.h"
#include "utf8.h"

static struct html *reader;
static struct head head;
static struct buf out, json;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet("fuzz_head");
	reader = html_new();
	return 0;
}

/* The bounds of the contract, and the object is one valid JSON value. */
static void
check(const struct head *h, int valid_in)
{
	struct json_obj o;
	size_t i;

	fuzz_assert(h->nkeys <= HEAD_KEYS && h->nv <= HEAD_VALUES);
	for (i = 0; i < h->nv; i++) {
		fuzz_assert(h->v[i].len > 0 && h->v[i].len <= HEAD_VALUE_MAX);
		fuzz_assert(h->v[i].key < h->nkeys);
		if (valid_in)
			fuzz_assert(utf8_valid((const unsigned char *)h->data.data +
			    h->v[i].off, h->v[i].len));
	}
	buf_clear(&json);
	if (!head_json(h, &json)) {
		fuzz_assert(h->nv == 0);
		return;
	}
	memset(&o, 0, sizeof o);
	fuzz_assert(json_parse(&o, json.data, json.len) == 0);
	fuzz_assert(o.n <= HEAD_KEYS);
	json_obj_free(&o);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	int valid = utf8_valid(data, size);
	size_t off, len;

	/* The input as a JSON-LD script, then as the attributes of tags. */
	head_clear(&head);
	head_jsonld(&head, p, size);
	head_tag(&head, "meta", p, size);
	head_tag(&head, "link", p, size);
	head_tag(&head, "html", p, size);
	check(&head, valid);
	if (html_attr(p, size, "content", &off, &len))
		fuzz_assert(off <= size && len <= size - off);
	/* A whole page: the head object of the reader. */
	buf_clear(&out);
	html_to_text(reader, p, size, &out);
	check(html_head(reader), valid);
	return 0;
}
