/*
 * pagewords.h - the page splitter's lexicon: words of page furniture by
 * the class of line they mark (copyright and licence lines, footer links,
 * the end of an article, skip links, log-in and other page-top links,
 * home links, breadcrumbs), in Chinese (simplified and traditional),
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

#endif
