/*
 * utf8.h - UTF-8 decoding and validation, and the character classes the
 * filters reason with (Han, kana, hangul, Latin, digits, punctuation, space).
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_BAD 0xFFFFFFFFu

/*
 * Decode one code point from s[0..n).  Returns the number of bytes used
 * (1..4) and stores the code point in *cp, or, for a byte that does not
 * start a valid sequence (overlong, surrogate, > U+10FFFF, truncated),
 * returns 1 and stores UTF8_BAD.  n must be > 0.  utf8_decode_seq() is
 * its case of a byte >= 0x80 out of line.
 */
size_t utf8_decode_seq(const unsigned char *s, size_t n, uint32_t *cp);

/*
 * utf8_decode() of a byte s[0] >= 0x80, for a caller that has tested it
 * already: three bytes inline (Chinese, kana, hangul and most punctuation
 * are three bytes), the rest by utf8_decode_seq().
 */
static inline size_t
utf8_decode_multi(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (__builtin_expect((s[0] & 0xF0) == 0xE0 && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80, 1)) {
		uint32_t c = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);

		/* Not overlong (E0 80..9F), no surrogate (ED A0..BF). */
		if (c >= 0x800 && c - 0xD800 >= 0x800) {
			*cp = c;
			return 3;
		}
	}
	return utf8_decode_seq(s, n, cp);
}

static inline size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	/* ASCII inline: the callers decode text a character at a time. */
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	return utf8_decode_multi(s, n, cp);
}

/* Length of the longest valid UTF-8 prefix of s[0..n). */
size_t utf8_valid_prefix(const unsigned char *s, size_t n);
static inline int utf8_valid(const unsigned char *s, size_t n)
{
	return utf8_valid_prefix(s, n) == n;
}

/*
 * Length of a prefix of s[0..n) that ends on a character boundary, for a
 * buffer whose tail may hold the start of a sequence continued in the next
 * chunk: drops at most 3 trailing bytes of an incomplete sequence.
 */
size_t utf8_complete_prefix(const unsigned char *s, size_t n);

/* Encode c into out (4 bytes room); returns the length, 0 if c is invalid. */
size_t utf8_encode(uint32_t c, char *out);

/* Character classes; a code point can be in one class only. */
enum uc_class {
	UC_OTHER,	/* symbols, controls and scripts not listed */
	UC_SPACE,	/* ASCII white space, NBSP, U+3000, U+2000..200A, ... */
	UC_DIGIT,	/* 0-9 and full-width digits */
	UC_LATIN,	/* Latin letters incl. accented and full-width */
	UC_LETTER,	/* letters of other alphabets: Greek, Cyrillic, Arabic, ... */
	UC_HAN,		/* CJK ideographs, extensions, compatibility, 〇 */
	UC_KANA,	/* hiragana, katakana, half-width katakana */
	UC_HANGUL,	/* hangul syllables and jamo */
	UC_PUNCT_ASCII,	/* ASCII punctuation */
	UC_PUNCT_CJK,	/* CJK and full-width punctuation, general punctuation */
};

enum uc_class uc_class(uint32_t c);

static inline int uc_is_han(uint32_t c) { return uc_class(c) == UC_HAN; }
static inline int uc_is_space(uint32_t c) { return uc_class(c) == UC_SPACE; }
static inline int uc_is_digit(uint32_t c) { return uc_class(c) == UC_DIGIT; }
/* Digit value of an ASCII or full-width digit, else -1. */
int uc_digit_value(uint32_t c);
/* Sentence-ending punctuation in any script: . ! ? 。！？… */
int uc_is_sentence_end(uint32_t c);

#endif
