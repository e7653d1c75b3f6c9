/*
 * tokens.h - the page splitter's one pass over the bytes of a line: it
 * counts the line's characters by kind, cuts out the words the links are
 * made of (links.h), and finds where a page may begin inside the line.
 *
 * Words: each run of ASCII letters and digits of 3 bytes or more that is
 * not all digits, hashed with ASCII folded to lower case; and each pair of
 * adjacent letters of other scripts (CJK has no spaces to cut words at).
 * A token is a word's 32-bit hash with its low bit set, so none is 0.
 *
 * Glue: cat runs a file that does not end in a newline into the next, so
 * the last line of one page and the first of the next are one line
 * ("...加载更多当前位置:首页 > ...").  Such a page begins with a
 * breadcrumb, a skip link, a list of links (with its indent) or the
 * site's logo that the text before it runs straight into, which w3m
 * seldom writes: its breadcrumbs, bullets and images mostly begin lines
 * or follow white space.  glue_at is the offset of the first such cue,
 * or 0; the splitter then pushes the line as two (window.h, win_push),
 * and the second starts a page as any line does, when it scores so.
 */
#ifndef TOKENS_H
#define TOKENS_H

#include <stddef.h>
#include <stdint.h>

#define MAX_TOKENS 128		/* a line's words beyond these are not used */
#define GLUE_HEAD 12		/* bytes of text before a glue cue, at least */

struct tokens {
	uint32_t tok[MAX_TOKENS];	/* the line's words, in order */
	unsigned n;
	size_t glue_at;		/* where a page may begin inside, or 0 */
	size_t first;		/* the line's first byte not white space */
	unsigned chars;		/* characters, white space excluded */
	unsigned cjk;		/* CJK characters and Hangul syllables */
	unsigned latin;		/* Latin letters */
	unsigned digits;	/* ASCII digits */
	unsigned gaps;		/* runs of spaces, and '|' not after one,
				 * between text: fields less one */
};

/*
 * Read line p[0..n) (UTF-8, any bytes safe; no newline) once into *t.
 * first is the offset of its first byte that is not a space or a tab:
 * those before it count for nothing, and are not read again.  A glue cue
 * counts from first + GLUE_HEAD on.  NBSP counts as a space.  With nl,
 * p[n] is the line's newline, and may be read.
 */
void tok_line(struct tokens *t, const unsigned char *p, size_t n, size_t first,
    int nl);

#endif
