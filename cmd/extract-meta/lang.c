/*
 * lang.c - the language of a page (the lang field, and langs with
 * --lang-detail).  A page written in ideographs, kana or hangul beyond
 * doubt is named by its scripts, Chinese as simplified or traditional by
 * its characters (zh-Hans, zh-Hant).  Any other page is CLD2's: its first
 * language over a window from the page's first line of prose.  Where CLD2
 * has no answer, the scripts and English function words decide.
 */
#include <string.h>

#include "lang.h"
#include "page.h"
#include "utf8.h"

/*
 * The window CLD2 reads (CLD2 reads about 50 MB/s; extract-meta's other
 * work about 240): LANG_FIRST bytes, and LANG_BYTES when CLD2 is not sure
 * of those, sure being reliable with the first language at least
 * LANG_SURE percent of the text.  Measured on the corpora's pages with a
 * known language (dev / val, speed over the pages texts as -z records):
 * 16K at once .973 / .980, 0.37 -> 1.2 s; 1K then 8K at 90% .968 / .978,
 * 0.37 s; 1K then 8K at 80% .966 / .974; 2K alone .953 / .976.
 */
#define LANG_FIRST 1024
#define LANG_BYTES (8 * 1024)
#define LANG_SURE 90
/* A line of prose has this many visible characters. */
#define PROSE_CHARS 40
/*
 * CJK characters to one Latin letter that make a page CJK beyond doubt:
 * one character holds about what a short Latin word does.
 */
#define CJK_SHARE 2

/* The language the scripts of the page tell alone, or NULL. */
static const char *
script_lang(const struct page *pg)
{
	if (pg->kana > 20 && pg->kana * 4 > pg->han)
		return "ja";
	if (pg->hangul > 20)
		return "ko";
	if (pg->han > 20 && pg->han * 3 > pg->latin / 3)
		return pg->hant > pg->hans ? "zh-Hant" : "zh-Hans";
	if (pg->en_words >= 5)
		return "en";
	return NULL;
}

/*
 * Is the CJK language the scripts tell (ja, ko, zh-*) among CLD2's three?
 * CLD2 weighs languages by bytes of text, and a Chinese blog's code
 * samples or a Japanese page's English menus outweigh its prose that way:
 * where the page's own letters are mostly CJK (script_lang) and CLD2 sees
 * that language too, the script's language is the page's.
 */
static int
cjk_listed(const struct meta *m, const char *script)
{
	int k;

	if (!script || strcmp(script, "en") == 0)
		return 0;
	for (k = 0; k < m->nlangs; k++)
		if (strncmp(m->langs[k].code, script, 2) == 0)
			return 1;
	return 0;
}

/*
 * Where the bytes CLD2 reads begin: at the first line of prose
 * (PROSE_CHARS visible characters), so that a page's menus, whose words
 * are English on pages in every language, are not most of what it reads;
 * early enough that LANG_BYTES fit.
 */
static size_t
sample_start(const struct page *pg)
{
	size_t i, from = 0;

	for (i = 0; i < pg->nl; i++)
		if (pg->ln[i].nvis >= PROSE_CHARS) {
			from = pg->ln[i].off;
			break;
		}
	if (pg->len > LANG_BYTES && from > pg->len - LANG_BYTES)
		from = pg->len - LANG_BYTES;
	return from;
}

/*
 * CLD2's languages of the page into m: LANG_FIRST bytes from the first
 * prose line, and LANG_BYTES when that is not enough for CLD2 to be sure
 * (reliable, the first language LANG_SURE percent of the text).  Most pages
 * are told by their first kilobyte, and CLD2 reads about 50 MB/s.
 */
static void
detect(const struct page *pg, struct meta *m)
{
	size_t from = sample_start(pg), n = pg->len - from, first;
	const unsigned char *s = (const unsigned char *)pg->text + from;
	int reliable;

	/* The valid UTF-8 of the window, copied with LANG_PAD zero bytes after it. */
	n = utf8_valid_prefix(s, n < LANG_BYTES ? n : LANG_BYTES);
	buf_clear(&m->lang_window);
	buf_add(&m->lang_window, (const char *)s, n);
	buf_reserve(&m->lang_window, LANG_PAD);
	memset(m->lang_window.data + n, 0, LANG_PAD);
	first = utf8_complete_prefix(s, n < LANG_FIRST ? n : LANG_FIRST);
	m->nlangs = lang_cld2_detect(m->lang_window.data, first, m->langs, &reliable);
	if (n > first && !(reliable && m->nlangs > 0 && m->langs[0].percent >= LANG_SURE))
		m->nlangs = lang_cld2_detect(m->lang_window.data, n, m->langs, &reliable);
}

/*
 * Is the page written in ideographs, kana or hangul beyond doubt, so that
 * its scripts name its language (script_lang) and CLD2 need not read it?
 * Most of the Chinese pages winnow is for are, and CLD2 would cost them
 * half their speed.
 */
static int
cjk_page(const struct page *pg)
{
	int cjk = pg->han + pg->kana + pg->hangul;

	return cjk >= 50 && (long)cjk * CJK_SHARE >= pg->latin && script_lang(pg) &&
	    strcmp(script_lang(pg), "en") != 0;
}

void
choose_lang(struct page *pg)
{
	struct meta *m = pg->m;
	const char *lang = NULL;
	int k;

	int cjk = cjk_page(pg);

	if (!cjk || pg->o->lang_detail)
		detect(pg, m);
	/* CLD2's "zh" is simplified Chinese. */
	for (k = 0; k < m->nlangs; k++)
		if (strcmp(m->langs[k].code, "zh") == 0)
			memcpy(m->langs[k].code, "zh-Hans", sizeof("zh-Hans"));
	if (m->nlangs > 0)
		lang = m->langs[0].code;
	if (lang && strncmp(lang, "zh-", 3) == 0)
		lang = pg->hant > pg->hans ? "zh-Hant" : "zh-Hans";
	if (cjk || !lang || cjk_listed(m, script_lang(pg)))
		lang = script_lang(pg);
	if (lang) {
		buf_adds(&m->lang, lang);
		m->has_lang = 1;
	}
}

void
lang_put_json(struct buf *b, const struct meta *m)
{
	int k;

	buf_addc(b, '[');
	for (k = 0; k < m->nlangs; k++)
		buf_printf(b, "%s{\"lang\":\"%s\",\"share\":%d.%02d}", k ? "," : "",
		    m->langs[k].code, m->langs[k].percent / 100, m->langs[k].percent % 100);
	buf_addc(b, ']');
}
