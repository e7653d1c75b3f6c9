/*
 * given.c - what a -j record already says before extract-meta reads its
 * text: the crawl time (WARC-Date, which split-articles writes as "date"),
 * the page's url and a title from the dump's own markup.
 */
#include "given.h"
#include "json.h"

/* The crawl time a -j record carries (WARC-Date, as split-articles writes). */
int
given_crawl_time(const struct record *r, struct buf *tmp, struct mdate *d)
{
	static const char *const keys[] = { "WARC-Date", "warc_date", "crawled",
		"crawl_date", "date" };
	struct mdate got;
	size_t k;

	if (!r->obj)
		return 0;
	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		long i = json_find(r->obj, r->line, keys[k]);
		const struct json_member *mb;

		if (i < 0)
			continue;
		mb = &r->obj->m[i];
		if (r->line[mb->val_off] != '"')
			continue;
		buf_clear(tmp);
		json_decode_string(tmp, r->line + mb->val_off, mb->val_len);
		/* Parsed aside: a date that fails must not spoil --now's. */
		if (mdate_parse(tmp->data, tmp->len, &got) == 0 && got.prec >= DP_DAY) {
			*d = got;
			return 1;
		}
	}
	return 0;
}

/*
 * What a -j record already says: its title (a dump's <contenttitle> or WikiExtractor's title), which is
 * markup and beats reading the text.
 */
void
given_fields(const struct record *r, struct meta *m, struct buf *tmp)
{
	long i;

	if (!r->obj)
		return;
	if ((i = json_find(r->obj, r->line, "title")) >= 0 &&
	    r->line[r->obj->m[i].val_off] == '"') {
		buf_clear(tmp);
		json_decode_string(tmp, r->line + r->obj->m[i].val_off, r->obj->m[i].val_len);
		if (tmp->len) {
			buf_clear(&m->title);
			buf_add(&m->title, tmp->data, tmp->len);
			m->has_title = 1;
			m->ev[MF_TITLE].len = 0;
		}
	}
}

