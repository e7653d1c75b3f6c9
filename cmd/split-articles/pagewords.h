/*
 * pagewords.h - the page splitter's lexicon: words of page furniture by
 * the class of line they mark (copyright and licence lines, footer links,
 * the end of an article, skip links, log-in and other page-top links,
 * home links, breadcrumbs), in Chinese (simplified and traditional),
 * English, Japanese and Korean.  No site is named.
 */
#ifndef PAGEWORDS_H
#define PAGEWORDS_H

#include <stddef.h>

struct pagewords;

/* The lexicon, ready to scan lines; free with pw_free(). */
struct pagewords *pw_new(void);
void pw_free(struct pagewords *w);

/*
 * The L_* classes (pline.h) of the words in a line's text p[0..n), from
 * its first byte that is not white space to its end, newline excluded.
 * Words are found in either case of their ASCII letters, in the first
 * PW_HEAD and the last PW_TAIL bytes of a longer line: page furniture
 * says what it is early in its line (or at its very end), and the prose
 * between costs time and adds only noise.  © alone marks a copyright.
 */
#define PW_HEAD 128
#define PW_TAIL 64
unsigned pw_classes(const struct pagewords *w, const unsigned char *p, size_t n);

#endif
