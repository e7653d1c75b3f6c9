/*
 * encmodel.h - the encoding detector's models, generated into encmodel.c by
 * scripts/gen-encmodel.py from the decoded text of ../shared/corpora.
 *
 * Costs are -log2(p) in half bits (1..127); 0 marks a code that is not valid
 * in the charset.  In the multi-byte tables bit 0x80 of an entry says the
 * code is also valid in the narrower base charset (Big5 in Big5-HKSCS,
 * Shift_JIS in windows-31j, EUC-KR in windows-949).
 */
#ifndef ENCMODEL_H
#define ENCMODEL_H

/* Single-byte alphabet: a-z, a gap for other ASCII, the digits, two rare
   classes, then the language's own most frequent non-ASCII characters. */
#define ENCM_NSYM 96
#define ENCM_SYM_GAP 26
#define ENCM_SYM_DIGIT 27
#define ENCM_ASCII_SYMS 28	/* symbols an ASCII byte can have */
#define ENCM_MAP_INVALID 255	/* byte not defined in the charset */
#define ENCM_MAP_CONTROL 254	/* defined, but a control: never text */
#define ENCM_SCRIPT(x) ((x) & 3)
#define ENCM_LOWER 4
#define ENCM_UPPER 8
#define ENCM_NOT_IN_WORD 16	/* no letter, and nothing a word holds inside
				   (a symbol, a box-drawing piece, a fraction) */

struct encm_lang {
	const char *code;		/* ISO 639-1 */
	const unsigned char *bigram;	/* [prev * ENCM_NSYM + cur] cost */
	const unsigned char *unigram;	/* [sym] cost */
	unsigned short words[2];	/* cost of a word in ASCII letters only,
					   and of any other word, in 1/16 bit */
};

struct encm_sbmap {
	int lang;			/* index into encm_langs */
	unsigned char map[128];		/* byte 0x80 + i -> symbol */
};

struct encm_sbcs {
	const char *name;		/* canonical name */
	int rank;			/* preference among equals, lower first */
	int first;			/* its maps: encm_sbmaps[first .. first+n) */
	int n;
	const unsigned char *script;	/* byte 0x80 + i: 0 not a letter,
					   1 Latin letter, 2 other script;
					   | ENCM_LOWER or ENCM_UPPER; or
					   ENCM_NOT_IN_WORD */
};

extern const struct encm_lang encm_langs[];
extern const int encm_nlangs;	/* at most ENCM_MAX_LANGS */
#define ENCM_MAX_LANGS 64
extern const struct encm_sbmap encm_sbmaps[];
extern const struct encm_sbcs encm_sbcs[];
extern const int encm_nsbcs;	/* at most ENCM_MAX_SBCS (test_detect) */
#define ENCM_MAX_SBCS 256

/* Two-byte codes: [(lead - 0x80) * 208 + (trail - 0x30)]; single bytes
   0x80..0xFF that are characters on their own: *_single[b - 0x80]. */
#define ENCM_MB_INDEX(lead, trail) (((lead) - 0x80) * 208 + ((trail) - 0x30))
extern const unsigned char encm_gb18030[], encm_gb18030_single[];
extern const unsigned char encm_big5[], encm_big5_single[];
extern const unsigned char encm_sjis[], encm_sjis_single[];
extern const unsigned char encm_eucjp[], encm_eucjp_single[];
extern const unsigned char encm_euckr[], encm_euckr_single[];
extern const unsigned char encm_johab[], encm_johab_single[];
extern const unsigned char encm_euctw[], encm_euctw_single[];
/* EUC-JP three-byte JIS X 0212 codes 8F xx xx: 1 if defined. */
extern const unsigned char encm_x0212[];
/* The words of Chinese, Japanese and Korean text, as encm_lang.words. */
extern const unsigned short encm_words_zh[2], encm_words_ja[2], encm_words_ko[2];

#endif
