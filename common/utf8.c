/* utf8.c - UTF-8 decoding, validation and character classes. */
#include <stdint.h>
#include <string.h>

#include "utf8.h"

size_t
utf8_decode_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0];

	if (c >= 0xC2 && c <= 0xDF) {
		if (n >= 2 && (s[1] & 0xC0) == 0x80) {
			*cp = (c & 0x1F) << 6 | (s[1] & 0x3F);
			return 2;
		}
	} else if (c >= 0xE0 && c <= 0xEF) {
		/* E0 needs A0.., ED stops before the surrogates at A0. */
		unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
		unsigned hi = c == 0xED ? 0x9F : 0xBF;

		if (n >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80) {
			*cp = (c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
			    (s[2] & 0x3F);
			return 3;
		}
	} else if (c >= 0xF0 && c <= 0xF4) {
		unsigned lo = c == 0xF0 ? 0x90 : 0x80;
		unsigned hi = c == 0xF4 ? 0x8F : 0xBF;

		if (n >= 4 && s[1] >= lo && s[1] <= hi &&
		    (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
			*cp = (c & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
			    (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
			return 4;
		}
	}
	*cp = UTF8_BAD;
	return 1;
}

size_t
utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		/* Runs of ASCII are the common case even in Chinese text. */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		/* Two and three bytes with no bounds of their own, inline. */
		if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED && i + 2 < n &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_BAD)
			return i;
		i += k;
	}
	return n;
}

size_t
utf8_complete_prefix(const unsigned char *s, size_t n)
{
	size_t i, need;

	/*
	 * Look back over at most 3 bytes for a lead byte whose sequence is
	 * cut.  Only a tail that more bytes could still make valid is held
	 * back; bytes that are bad already are left to be judged now.
	 */
	for (i = 1; i <= 3 && i <= n; i++) {
		unsigned char c = s[n - i], c2;

		if ((c & 0xC0) == 0x80)
			continue;
		if (c >= 0xF5 || c == 0xC0 || c == 0xC1)
			return n;
		need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (need <= i)
			return n;
		if (i >= 2) {
			/* The second byte's range rules out overlongs and surrogates. */
			c2 = s[n - i + 1];
			if ((c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 > 0x9F) ||
			    (c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 > 0x8F))
				return n;
		}
		return n - i;
	}
	return n;
}

size_t
utf8_encode(uint32_t c, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | c >> 6);
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		if (c >= 0xD800 && c <= 0xDFFF)
			return 0;
		o[0] = (unsigned char)(0xE0 | c >> 12);
		o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	if (c < 0x110000) {
		o[0] = (unsigned char)(0xF0 | c >> 18);
		o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
		o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		o[3] = (unsigned char)(0x80 | (c & 0x3F));
		return 4;
	}
	return 0;
}

struct range {
	uint32_t lo, hi;
	enum uc_class cls;
};

/* Sorted, non-overlapping; anything not listed is UC_OTHER. */
static const struct range ranges[] = {
	{ 0x0009, 0x000D, UC_SPACE },
	{ 0x0020, 0x0020, UC_SPACE },
	{ 0x0021, 0x002F, UC_PUNCT_ASCII },
	{ 0x0030, 0x0039, UC_DIGIT },
	{ 0x003A, 0x0040, UC_PUNCT_ASCII },
	{ 0x0041, 0x005A, UC_LATIN },
	{ 0x005B, 0x0060, UC_PUNCT_ASCII },
	{ 0x0061, 0x007A, UC_LATIN },
	{ 0x007B, 0x007E, UC_PUNCT_ASCII },
	{ 0x0085, 0x0085, UC_SPACE },
	{ 0x00A0, 0x00A0, UC_SPACE },
	{ 0x00A1, 0x00BF, UC_PUNCT_CJK },
	{ 0x00C0, 0x00D6, UC_LATIN },
	{ 0x00D8, 0x00F6, UC_LATIN },
	{ 0x00F8, 0x024F, UC_LATIN },
	{ 0x0370, 0x03FF, UC_LETTER },	/* Greek */
	{ 0x0400, 0x052F, UC_LETTER },	/* Cyrillic */
	{ 0x0531, 0x058F, UC_LETTER },	/* Armenian */
	{ 0x05D0, 0x05F2, UC_LETTER },	/* Hebrew */
	{ 0x0620, 0x064A, UC_LETTER },	/* Arabic */
	{ 0x0660, 0x0669, UC_DIGIT },
	{ 0x066E, 0x06D3, UC_LETTER },
	{ 0x06F0, 0x06F9, UC_DIGIT },
	{ 0x0900, 0x0DFF, UC_LETTER },	/* Indic scripts */
	{ 0x0E00, 0x0EFF, UC_LETTER },	/* Thai, Lao */
	{ 0x10A0, 0x10FF, UC_LETTER },	/* Georgian */
	{ 0x1100, 0x11FF, UC_HANGUL },	/* jamo */
	{ 0x1680, 0x1680, UC_SPACE },
	{ 0x1E00, 0x1EFF, UC_LATIN },
	{ 0x1F00, 0x1FFF, UC_LETTER },	/* Greek extended */
	{ 0x2000, 0x200B, UC_SPACE },
	{ 0x2010, 0x2027, UC_PUNCT_CJK },
	{ 0x2028, 0x2029, UC_SPACE },
	{ 0x202F, 0x202F, UC_SPACE },
	{ 0x2030, 0x205E, UC_PUNCT_CJK },
	{ 0x205F, 0x205F, UC_SPACE },
	{ 0x3000, 0x3000, UC_SPACE },
	{ 0x3001, 0x3004, UC_PUNCT_CJK },
	{ 0x3005, 0x3005, UC_HAN },	/* 々 iteration mark */
	{ 0x3006, 0x3006, UC_PUNCT_CJK },
	{ 0x3007, 0x3007, UC_HAN },	/* 〇 zero */
	{ 0x3008, 0x303F, UC_PUNCT_CJK },
	{ 0x3040, 0x309F, UC_KANA },
	{ 0x30A0, 0x30FA, UC_KANA },
	{ 0x30FB, 0x30FB, UC_PUNCT_CJK },	/* ・ */
	{ 0x30FC, 0x30FF, UC_KANA },
	{ 0x3130, 0x318F, UC_HANGUL },
	{ 0x31F0, 0x31FF, UC_KANA },
	{ 0x3400, 0x4DBF, UC_HAN },
	{ 0x4E00, 0x9FFF, UC_HAN },
	{ 0xA960, 0xA97F, UC_HANGUL },
	{ 0xAC00, 0xD7A3, UC_HANGUL },
	{ 0xD7B0, 0xD7FF, UC_HANGUL },
	{ 0xF900, 0xFAFF, UC_HAN },
	/* Arabic presentation forms: the contextual shapes and ligatures
	   that legacy encoders and PDF extractors write instead of the
	   base letters; their letters (Unicode's Lo) count as letters. */
	{ 0xFB50, 0xFBB1, UC_LETTER },	/* forms-A */
	{ 0xFBD3, 0xFD3D, UC_LETTER },
	{ 0xFD3E, 0xFD3F, UC_PUNCT_CJK },	/* ornate parentheses */
	{ 0xFD50, 0xFD8F, UC_LETTER },
	{ 0xFD92, 0xFDC7, UC_LETTER },
	{ 0xFDF0, 0xFDFB, UC_LETTER },
	{ 0xFE30, 0xFE6F, UC_PUNCT_CJK },
	{ 0xFE70, 0xFE74, UC_LETTER },	/* forms-B */
	{ 0xFE76, 0xFEFC, UC_LETTER },
	{ 0xFEFF, 0xFEFF, UC_SPACE },
	{ 0xFF01, 0xFF0F, UC_PUNCT_CJK },
	{ 0xFF10, 0xFF19, UC_DIGIT },
	{ 0xFF1A, 0xFF20, UC_PUNCT_CJK },
	{ 0xFF21, 0xFF3A, UC_LATIN },
	{ 0xFF3B, 0xFF40, UC_PUNCT_CJK },
	{ 0xFF41, 0xFF5A, UC_LATIN },
	{ 0xFF5B, 0xFF65, UC_PUNCT_CJK },
	{ 0xFF66, 0xFF9F, UC_KANA },
	{ 0xFFA0, 0xFFDC, UC_HANGUL },
	{ 0x20000, 0x323AF, UC_HAN },
};

enum uc_class
uc_class(uint32_t c)
{
	size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];

	if (c < 0x80) {
		/* ASCII is most of every page: answer it without the search. */
		if (c >= 'a' && c <= 'z')
			return UC_LATIN;
		if (c >= 'A' && c <= 'Z')
			return UC_LATIN;
		if (c >= '0' && c <= '9')
			return UC_DIGIT;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c < ranges[mid].lo)
			hi = mid;
		else if (c > ranges[mid].hi)
			lo = mid + 1;
		else
			return ranges[mid].cls;
	}
	return UC_OTHER;
}

int
uc_digit_value(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xFF10 && c <= 0xFF19)
		return (int)(c - 0xFF10);
	return -1;
}

int
uc_is_sentence_end(uint32_t c)
{
	switch (c) {
	case '.': case '!': case '?':
	case 0x3002:	/* 。 */
	case 0xFF01:	/* ！ */
	case 0xFF1F:	/* ？ */
	case 0xFF0E:	/* ． */
	case 0xFF61:	/* ｡ */
	case 0x2026:	/* … */
		return 1;
	}
	return 0;
}
