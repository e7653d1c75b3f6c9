/*
 * meta.c - the extract-meta engine's driver: meta_new() builds an engine,
 * meta_run() scans a page (scan.c) and has each field family choose its
 * values from the candidates (dates.c, title.c, people.c, categories.c)
 * by position relative to the date/source block under the title, by label
 * and by what surrounds them, never by site.
 */
#include <stdlib.h>
#include <string.h>

#include "datemodel.h"
#include "lang.h"
#include "page.h"
#include "titlemodel.h"
#include "winnow.h"

const char *const meta_field_names[MF_NFIELDS] = {
	"title", "published", "modified", "crawled", "source", "authors",
	"editors", "categories", "url", "canonical", "lang", "flags",
};

/* The canonical address: the first 原文地址:/URL: label's http(s) address. */
static void
choose_url(struct page *pg)
{
	struct meta *m = pg->m;
	size_t i;

	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];
		const char *s = pg->n + v->off;
		size_t n = v->len, e;

		if (v->kind != LK_URL)
			continue;
		if (!(scan_starts_with(s, n, LIT("http://")) || scan_starts_with(s, n, LIT("https://"))))
			continue;
		for (e = 0; e < n && s[e] != ' ' && (unsigned char)s[e] < 0x80; e++)
			;
		buf_add(&m->canonical, s, e);
		m->has_canonical = 1;
		set_span(m, MF_CANONICAL, pg, v->line);
		return;
	}
}

/* Clear the result of the page before. */
static void
meta_reset(struct meta *m)
{
	buf_clear(&m->title);
	buf_clear(&m->source);
	buf_clear(&m->url);
	buf_clear(&m->canonical);
	buf_clear(&m->lang);
	buf_clear(&m->raw_published);
	buf_clear(&m->raw_modified);
	m->has_title = m->has_source = m->has_url = m->has_canonical = m->has_lang = 0;
	m->nlangs = 0;
	memset(&m->published, 0, sizeof(m->published));
	memset(&m->modified, 0, sizeof(m->modified));
	memset(&m->crawled, 0, sizeof(m->crawled));
	buf_clear(&m->authors.data);
	buf_clear(&m->editors.data);
	buf_clear(&m->categories.data);
	m->authors.n = m->editors.n = m->categories.n = 0;
	m->flags = 0;
	memset(m->ev, 0, sizeof(m->ev));
}

/*
 * Start reading text[0..len) with h's page: what the page before left is
 * reset, save the storage it grew.
 */
static struct page *
page_begin(struct meta_engine *h, const char *text, size_t len)
{
	struct page *pg = &h->pg, keep = *pg;

	memset(pg, 0, sizeof(*pg));
	pg->norm = keep.norm;
	pg->ln = keep.ln;
	pg->lncap = keep.lncap;
	pg->dc = keep.dc;
	pg->dccap = keep.dccap;
	pg->vc = keep.vc;
	pg->vccap = keep.vccap;
	pg->tf = keep.tf;
	pg->seq = h->runs++;
	pg->m = &h->out;
	pg->o = &h->o;
	pg->tab = &h->tab;
	pg->text = text;
	pg->len = len;
	pg->crumb_line = -1;
	pg->title_label_line = -1;
	pg->comments_line = -1;
	return pg;
}

struct meta_engine *
meta_new(const struct meta_opts *o)
{
	struct meta_engine *h = xcalloc(1, sizeof(*h));

	if (o)
		h->o = *o;
	scan_tables_init(&h->tab);
	h->pg.tf = xcalloc(1, sizeof(*h->pg.tf));
	return h;
}

struct meta *
meta_run(struct meta_engine *h, const char *text, size_t len, const struct mdate *anchor)
{
	return meta_run_head(h, text, len, anchor, NULL);
}

struct meta *
meta_run_head(struct meta_engine *h, const char *text, size_t len,
    const struct mdate *anchor, const struct meta_head *head)
{
	static const struct meta_head no_head;
	struct meta *m = &h->out;
	struct page *pg;
	struct mdate clock;
	long title_line, date_line, pub;
	struct mdate head_date;
	int zh, has_head_date;

	meta_reset(m);
	pg = page_begin(h, text, len);
	pg->head = head ? head : &no_head;
	scan_page(pg);
	zh = pg->han >= 4 && pg->han * 3 > pg->latin / 3;
	anchor = choose_crawled(pg, anchor, &clock);
	/* The title is found from the date block, and the date then from the title. */
	date_line = date_block_line(pg, anchor);
	title_line = choose_title(pg, date_line, zh);
	has_head_date = head_published_date(pg, &head_date);
	if ((pub = choose_published(pg, title_line, anchor, zh)) >= 0) {
		bare_source(pg, &pg->dc[pub]);
		date_line = (long)pg->dc[pub].line;
	}
	date_line = choose_modified(pg, date_line, anchor);
	if (!m->published.prec && !m->raw_published.len && has_head_date)
		m->published = head_date;	/* the page shows no date: the head's */
	if (!m->published.prec && m->has_title)
		cited_year(pg);
	choose_people_and_source(pg, title_line, date_line, zh);
	choose_categories(pg, title_line);
	choose_url(pg);
	if (!pg->o->no_lang)
		choose_lang(pg);
	m->flags = m->published.flags | m->modified.flags | (m->crawled.flags & MF_TZ_ASSUMED);
	if (m->published.prec && m->published.year == 0)
		m->flags |= MF_YEAR_INFERRED;
	return m;
}

void
meta_free(struct meta_engine *h)
{
	struct meta *m;

	if (!h)
		return;
	m = &h->out;
	buf_free(&m->title);
	buf_free(&m->source);
	buf_free(&m->url);
	buf_free(&m->canonical);
	buf_free(&m->lang);
	buf_free(&m->lang_window);
	buf_free(&m->authors.data);
	buf_free(&m->editors.data);
	buf_free(&m->categories.data);
	buf_free(&m->raw_published);
	buf_free(&m->raw_modified);
	buf_free(&h->pg.norm);
	free(h->pg.ln);
	free(h->pg.dc);
	free(h->pg.vc);
	title_facts_free(h->pg.tf);
	scan_tables_free(&h->tab);
	free(h);
}
