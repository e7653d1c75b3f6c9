/*
 * lang.h - the language of a page: CLD2 (Compact Language Detector 2, the
 * detector Common Crawl labels its crawls with) through a C shim
 * (lang_cld2.cc), and the script counts of the page for Chinese.
 */
#ifndef LANG_H
#define LANG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One language a text is written in and its share of the text, in percent. */
struct lang_guess {
	char code[16];		/* BCP 47 as CLD2 names it: "de", "zh-Hant", "haw" */
	int percent;
};

/*
 * What the page's record claims of its language, outside its text: CLD2's
 * hints (CLDHints), each a NUL-terminated string or NULL.  CLD2 adds them
 * as a prior to the text's own scores, so the text still decides.
 */
struct lang_hints {
	const char *tags;	/* "de,de-de": <html lang>, og:locale, content-language
				   (<meta> and HTTP) */
	const char *tld;	/* "de": the last label of the url's host */
};

/*
 * CLD2's top three languages of the UTF-8 text s[0..n), best first, into
 * out, with the hints h (NULL: none); languages it cannot tell ("un") are
 * left out.  s must be valid
 * UTF-8 (else none: 0) and readable for LANG_PAD bytes past n, since
 * CLD2's scanners read ahead of where they stop (a text at the end of a
 * mapped page crashed it).  At most INT_MAX bytes.  *reliable: CLD2's own
 * verdict that the first is clearly ahead.  Returns the count, 0..3.
 */
#define LANG_PAD 64
int lang_cld2_detect(const char *s, size_t n, const struct lang_hints *h,
    struct lang_guess out[3], int *reliable);

struct page;
struct meta;
struct buf;
/* Set the page's lang and langs (struct meta) from its text and script counts. */
void choose_lang(struct page *pg);
/* Append m's langs as [{"lang":"de","share":0.93},...] (best first; [] if none). */
void lang_put_json(struct buf *b, const struct meta *m);

#ifdef __cplusplus
}
#endif

#endif
