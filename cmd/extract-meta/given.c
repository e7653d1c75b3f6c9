/*
 * given.c - what a -j record already says before extract-meta reads its
 * text: the crawl time (WARC-Date, which split-articles writes as "date"),
 * the page's url and a title from the dump's own markup.
 */
#include <string.h>

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
given_fields(const struct record *r, struct meta *m, struct buf *tmp, int has_head)
{
	long i;

	if (!r->obj)
		return;
	if (!has_head && (i = json_find(r->obj, r->line, "title")) >= 0 &&
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


/* The string member key of object o (in s) decoded into b; the first of an array. */
static void
string_member(const struct json_obj *o, const char *s, const char *key, struct buf *b,
    struct meta_str *out)
{
	long i = json_find(o, s, key);

	if (i < 0 || s[o->m[i].val_off] != '"')
		return;
	buf_clear(b);
	json_decode_string(b, s + o->m[i].val_off, o->m[i].val_len);
	out->s = b->data;
	out->n = b->len;
}

int
given_head(const struct record *r, struct given_store *s, struct meta_head *h)
{
	const char *v;
	long i;

	memset(h, 0, sizeof(*h));
	if (!r->obj || (i = json_find(r->obj, r->line, "html")) < 0)
		return 0;
	v = r->line + r->obj->m[i].val_off;
	if (*v != '{' || json_parse(&s->obj, v, r->obj->m[i].val_len) != 0)
		return 0;
	string_member(&s->obj, v, "title", &s->title, &h->title);
	if (!h->title.n)
		string_member(r->obj, r->line, "title", &s->title, &h->title);
	string_member(&s->obj, v, "og:title", &s->og_title, &h->og_title);
	if (!h->og_title.n)
		string_member(&s->obj, v, "twitter:title", &s->og_title, &h->og_title);
	string_member(&s->obj, v, "og:site_name", &s->og_site, &h->og_site);
	string_member(&s->obj, v, "ld:headline", &s->ld_headline, &h->ld_headline);
	string_member(&s->obj, v, "ld:datePublished", &s->published, &h->published);
	if (!h->published.n)
		string_member(&s->obj, v, "article:published_time", &s->published,
		    &h->published);
	return 1;
}

void
given_store_free(struct given_store *s)
{
	json_obj_free(&s->obj);
	buf_free(&s->title);
	buf_free(&s->og_title);
	buf_free(&s->og_site);
	buf_free(&s->ld_headline);
	buf_free(&s->published);
}
