/*
 * given.c - what a -j record already says before extract-meta reads its
 * text: the crawl time (WARC-Date, which split-articles writes as "date"),
 * a title from the dump's own markup, and what the page's head says (the
 * "html" object of split-articles --html-to-text -j).  The url: canonical.c.
 */
#include <string.h>

#include "bytes.h"
#include "given.h"
#include "json.h"
#include "page.h"

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
	if (!r->obj || has_head || !json_string_member(r->obj, r->line, "title", tmp) ||
	    !tmp->len)
		return;
	buf_clear(&m->title);
	buf_add(&m->title, tmp->data, tmp->len);
	m->has_title = 1;
	m->ev[MF_TITLE].len = 0;
}


/* The string member key of object o (in s) decoded into b, and *out pointed at it. */
static void
string_member(const struct json_obj *o, const char *s, const char *key, struct buf *b,
    struct meta_str *out)
{
	if (!json_string_member(o, s, key, b))
		return;
	out->s = b->data;
	out->n = b->len;
}

static void add_head_names(const char *v, size_t n, int split_commas, struct given_store *s,
    struct meta_list *l);

/* The people the head names: JSON-LD's; article:author, else <meta name=author>. */
static void
head_people(struct given_store *s, struct meta_head *h)
{
	static const char *const weaker[] = { "article:author", "author" };
	long i;
	size_t k;

	buf_clear(&s->ld_authors.data);
	buf_clear(&s->meta_authors.data);
	s->ld_authors.n = s->meta_authors.n = 0;
	if ((i = json_find(&s->obj, s->html, "ld:author")) >= 0)
		add_head_names(s->html + s->obj.m[i].val_off, s->obj.m[i].val_len, 0, s,
		    &s->ld_authors);
	for (k = 0; !s->meta_authors.n && k < 2; k++)
		if ((i = json_find(&s->obj, s->html, weaker[k])) >= 0)
			add_head_names(s->html + s->obj.m[i].val_off, s->obj.m[i].val_len, 1, s,
			    &s->meta_authors);
	h->ld_authors = &s->ld_authors;
	h->meta_authors = &s->meta_authors;
}

int
given_head(const struct record *r, struct given_store *s, struct meta_head *h)
{
	const char *v;
	long i;

	memset(h, 0, sizeof(*h));
	buf_clear(&s->og_site);	/* head_people() reads it: not the last page's */
	if (!r->obj)
		return 0;
	string_member(r->obj, r->line, "url", &s->url, &h->url);
	if ((i = json_find(r->obj, r->line, "html")) < 0)
		return 0;
	v = r->line + r->obj->m[i].val_off;
	if (*v != '{' || json_parse(&s->obj, v, r->obj->m[i].val_len) != 0)
		return 0;
	s->html = v;
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
	string_member(&s->obj, v, "lang", &s->lang, &h->lang);
	string_member(&s->obj, v, "og:locale", &s->locale, &h->locale);
	string_member(&s->obj, v, "content-language", &s->content_lang, &h->content_lang);
	string_member(&s->obj, v, "http:content-language", &s->http_lang, &h->http_lang);
	head_people(s, h);
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
	buf_free(&s->value);
	buf_free(&s->name);
	buf_free(&s->lang);
	buf_free(&s->locale);
	buf_free(&s->content_lang);
	buf_free(&s->http_lang);
	buf_free(&s->url);
	buf_free(&s->ld_authors.data);
	buf_free(&s->meta_authors.data);
}

/* Is s[0..n) the site's name, or a part of it ("自由時報" of "自由時報電子報")? */
static int
names_site(const char *s, size_t n, const struct buf *site)
{
	return n > 1 && n <= site->len && find_bytes(site->data, site->len, s, n) != NULL;
}

/*
 * Add the name in b to l unless it names no person: an address, an e-mail,
 * a number, a "reporter／place" byline, or the site's name or a part of it.  "Terry Pluto, cleveland.com" keeps its name.
 */
static void
add_head_name(struct buf *b, struct meta_list *l, const struct buf *site)
{
	const char *s = b->data;
	size_t n = b->len, i;

	for (i = 0; i + 2 < n; i++)
		if (s[i] == ',' && memchr(s + i + 1, '.', n - i - 1) &&
		    !memchr(s + i + 2, ' ', n - i - 2))
			n = i;
	/* "Jeremy Schneider | NJ Advance Media": the bar ends the name. */
	for (i = 0; i + 2 < n; i++)
		if (s[i] == ' ' && s[i + 1] == '|' && s[i + 2] == ' ')
			n = i;
	while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
		n--;
	while (n && *s == ' ')
		s++, n--;
	/* ", USA TODAY": the name left empty before its outlet names no one. */
	if (n && *s == ',')
		return;
	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (!n || i == n || memchr(s, '/', n) || memchr(s, '@', n) ||
	    find_bytes(s, n, LIT("／")) || names_site(s, n, site))
		return;
	list_add(l, s, n);
}

/*
 * Each string of the JSON value v[0..n) (a string, or an array of them)
 * into l, cut at commas when split_commas ("A,B" in article:author).
 */
static void
add_head_names(const char *v, size_t n, int split_commas, struct given_store *s,
    struct meta_list *l)
{
	size_t i = 0, j, a, b;

	while (i < n) {
		if (v[i] != '"') {
			i++;
			continue;
		}
		for (j = i + 1; j < n && v[j] != '"'; j++)
			if (v[j] == '\\')
				j++;
		if (j >= n)
			return;
		buf_clear(&s->value);
		json_decode_string(&s->value, v + i, j + 1 - i);
		for (a = 0; a <= s->value.len; a = b + 1) {
			for (b = a; b < s->value.len && (!split_commas || s->value.data[b] != ','); b++)
				;
			buf_clear(&s->name);
			buf_add(&s->name, s->value.data + a, b - a);
			add_head_name(&s->name, l, &s->og_site);
		}
		i = j + 1;
	}
}
