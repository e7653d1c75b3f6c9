/*
 * encdetect.h - the character encoding detector, shared by detect-encoding
 * and split-articles (which decodes records that state no charset).
 */
#ifndef ENCDETECT_H
#define ENCDETECT_H

#include <stddef.h>

struct enc_guess {
	const char *name;	/* canonical WHATWG/IANA name, e.g. "GB18030" */
	int confidence;		/* 0..100 */
	const char *runner_up;	/* NULL when there is none */
	int runner_confidence;
};

/*
 * Guess the encoding of s[0..n).  final is 1 when s is the whole input (a
 * sequence cut at the end is then an error, not a chunk boundary).  hint is
 * a declared charset (HTTP header, <meta>) to weigh, or NULL.
 */
void enc_detect(const unsigned char *s, size_t n, int final, const char *hint,
    struct enc_guess *g);

/* The canonical name for a charset label ("gb2312" -> "GB18030"), or NULL. */
const char *enc_canonical(const char *label);

#endif
