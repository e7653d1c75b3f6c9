/*
 * pagewords.h - the page splitter's lexicon: words of page furniture by
 * the class of line they mark (copyright and licence lines, footer links,
 * the end of an article, skip links, log-in and other page-top links,
 * home links, breadcrumbs; bylines, related lists, contact details), in Chinese (simplified and traditional),
 * English, Japanese and Korean.  No site is named.  The words are data
 * for the shared keyword matcher (kwset.h), tagged with their L_* class
 * (pline.h).
 */
#ifndef PAGEWORDS_H
#define PAGEWORDS_H

#include <stddef.h>

#include "kwset.h"

/* The lexicon as a keyword set, ASCII letters in either case; free it
   with kwset_free(). */
struct kwset *pw_new(void);

/*
 * The L_* classes of the words in a line's text p[0..n), from its first
 * byte that is not white space to its end, newline excluded: the words in
 * its first PW_HEAD and its last PW_TAIL bytes when it is longer.  Page
 * furniture says what it is early in its line (or at its very end), and
 * the prose between costs time and adds only noise.
 */
#define PW_HEAD 128
#define PW_TAIL 64
static inline unsigned
pw_classes(const struct kwset *words, const unsigned char *p, size_t n)
{
	const char *s = (const char *)p;

	if (n <= PW_HEAD + PW_TAIL)
		return kwset_scan(words, s, n, n);
	return kwset_scan(words, s, PW_HEAD, PW_HEAD) |
	    kwset_scan(words, s + n - PW_TAIL, PW_TAIL, PW_TAIL);
}

/*
 * Where a page may begin inside line p[0..n) (UTF-8, no newline), whose
 * text starts at p[first], by its words: before a word of a page's head
 * (log-in and logo links, home, skip links, breadcrumbs: L_TOP, L_HOME,
 * L_SKIP, L_CRUMB) not after white space, where the text it runs on
 * from ends, at most PW_GLUE_BACK bytes before it and at least GLUE_HEAD
 * bytes into the text: right after a word of a page's foot or an
 * article's end (L_COPY, L_FOOT, L_END), or after ': ： | … . 。 ！ ？ ] )'
 * ("...更多关于X的资讯:点击右上角微信好友", "...的诞...首頁 专题"), with
 * no white space between there and the word, and not right after a head
 * word itself (a breadcrumb's label, "当前位置:首页 > ...", runs on into
 * its path); a head word of Latin letters begins a word ("researchers"
 * holds no "search").  0 when there is none: a head word alone inside a
 * line is no sign of a join.
 * Head words are looked for in the last PW_GLUE_TAIL bytes: the first
 * line of a page, which the line before runs into, is short (its site's
 * name, navigation, a breadcrumb, a share prompt), and a splitter that
 * scanned every byte of every long line twice would be a fifth slower.
 * cls is what pw_classes() found in the line: a line no longer than
 * those holds no head word unless it says so.
 */
#define PW_GLUE_BACK 24

/*
 * Whether the text p[0..at) (UTF-8, at < the line's length) ends as text
 * does before a page's start: in a word of a page's foot or an
 * article's end, or in one of the marks pw_glue() names, "." and ":"
 * not followed by a Latin letter or a digit.
 */
int pw_text_ends(const struct kwset *words, const unsigned char *p, size_t at);
#define PW_GLUE_TAIL 256
size_t pw_glue(const struct kwset *words, const unsigned char *p, size_t n,
    size_t first, unsigned cls);

#endif
