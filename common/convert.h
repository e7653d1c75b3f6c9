/*
 * convert.h - conversion to UTF-8 (or another target) through iconv(3),
 * in chunks, with a policy for invalid input.
 */
#ifndef CONVERT_H
#define CONVERT_H

#include <stddef.h>
#include <iconv.h>
#include "buf.h"

enum conv_invalid { CONV_REPLACE, CONV_SKIP, CONV_FAIL };

struct conv {
	iconv_t cd;
	enum conv_invalid invalid;
	int to_utf8;			/* replacement is U+FFFD, else '?' */
	unsigned long long in_off;	/* input bytes consumed so far */
	unsigned long long nbad;	/* invalid sequences met */
	unsigned long long first_bad;	/* input offset of the first one */
	int from_utf8;			/* UTF-8 to UTF-8: validated here, as
					   glibc passes bad sequences through */
	int src_utf8;			/* the source is UTF-8 */
	int first_unmappable;		/* the first bad one was a valid
					   character the target cannot hold */
};

/* Returns 0, or -1 if iconv does not know the pair (errno set). */
int conv_open(struct conv *c, const char *to, const char *from,
    enum conv_invalid invalid);
/*
 * Convert s[0..n), appending to out.  When final is 0, an incomplete
 * sequence at the end is left unconsumed: the return value is the number of
 * bytes consumed.  With CONV_FAIL the conversion stops at the first invalid
 * sequence and returns the bytes consumed before it (c->nbad > 0 tells).
 */
size_t conv_run(struct conv *c, const char *s, size_t n, int final, struct buf *out);
void conv_close(struct conv *c);

/*
 * One-shot: convert a whole buffer to UTF-8 with replacement, appending to
 * out.  Returns the number of invalid sequences, or CONV_UNKNOWN (nothing
 * appended) when iconv does not know the charset.
 */
#define CONV_UNKNOWN ((unsigned long long)-1)
unsigned long long conv_to_utf8(const char *from, const char *s, size_t n, struct buf *out);

#endif
