/*
 * encdetect.h - the character encoding detector, shared by detect-encoding
 * and split-articles (which decodes records that state no charset).
 *
 * How it decides, in order: a BOM; UTF-32/UTF-16 without a BOM from the
 * pattern of NUL and control bytes; 7-bit escapes (ISO-2022-*, HZ); pure
 * ASCII; valid UTF-8 (also with a few stray bad bytes); otherwise every
 * legacy charset that decodes the bytes strictly is scored by how plausible
 * its decoded text is under the models of encmodel.c (character frequency
 * for CJK charsets, character bigrams per language for single-byte ones),
 * and a declared charset (hint, <meta charset>, XML declaration) wins when
 * it decodes the bytes and scores close to the best.
 */
#ifndef ENCDETECT_H
#define ENCDETECT_H

#include <stddef.h>

struct enc_guess {
	const char *name;	/* canonical WHATWG/IANA name, e.g. "GB18030" */
	int confidence;		/* 0..100 */
	const char *runner_up;	/* NULL when there is none */
	int runner_confidence;
	const char *declared;	/* canonical charset the bytes declare, or NULL */
};

/*
 * Guess the encoding of s[0..n).  final is 1 when s is the whole input (a
 * sequence cut at the end is then an error, not a chunk boundary).  hint is
 * a declared charset (HTTP header, <meta>) to weigh, or NULL.  The answer
 * always decodes s strictly (but for the stray bad bytes of "UTF-8").
 * Long inputs are judged on a bounded window (the answer is still checked
 * against all of s).  Reentrant: its scratch (under 100K) is on the stack.
 */
void enc_detect(const unsigned char *s, size_t n, int final, const char *hint,
    struct enc_guess *g);

/* The canonical name for a charset label ("gb2312" -> "GB18030"), or NULL. */
const char *enc_canonical(const char *label);

/* The name iconv(3) knows a canonical charset by ("x-mac-cyrillic" -> "MAC-CYRILLIC"). */
const char *enc_iconv_name(const char *canonical);

/*
 * The charset declared by <meta charset=...>, <meta http-equiv content=
 * "...charset=...">, or <?xml ... encoding="..."?> in the first bytes of
 * s[0..n), canonical, or NULL.
 */
const char *enc_declared(const unsigned char *s, size_t n);
/*
 * The same, and where the label lies: s[*at .. *at + *len) (set only when
 * the answer is not NULL).  A label that names no charset we know is
 * NULL, as for enc_declared.
 */
const char *enc_declaration(const unsigned char *s, size_t n, size_t *at, size_t *len);

/* Length of the byte order mark s starts with (UTF-8/16/32), else 0. */
size_t enc_bom_length(const unsigned char *s, size_t n);

#endif
