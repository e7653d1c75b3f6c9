/*
 * pinyin.c - undo the romanisation some spam sites inject after every
 * character of a page ("鎮(zhèn)江" for "鎮江"), so the body reads as written.
 */
#include <string.h>

#include "strip.h"
#include "utf8.h"

/* Vowels with a tone mark, and ü: what tells pinyin from an English word. */
static int
pinyin_toned(uint32_t c)
{
	static const uint32_t toned[] = {
		0x101, 0xE1, 0x1CE, 0xE0,	/* ā á ǎ à */
		0x113, 0xE9, 0x11B, 0xE8,	/* ē é ě è */
		0x12B, 0xED, 0x1D0, 0xEC,	/* ī í ǐ ì */
		0x14D, 0xF3, 0x1D2, 0xF2,	/* ō ó ǒ ò */
		0x16B, 0xFA, 0x1D4, 0xF9,	/* ū ú ǔ ù */
		0x1D6, 0x1D8, 0x1DA, 0x1DC, 0xFC, /* ǖ ǘ ǚ ǜ ü */
		0x144, 0x148, 0x1F9, 0x1E3F,	/* ń ň ǹ ḿ */
	};
	size_t i;

	for (i = 0; i < sizeof toned / sizeof toned[0]; i++)
		if (c == toned[i])
			return 1;
	return 0;
}

/*
 * If s[0..n) starts with "(syllable)" return its length in bytes and set
 * *has_tone; else 0.  A syllable is 1..6 lower-case Latin letters, toned
 * vowels or ü.
 */
static size_t
pinyin_group(const unsigned char *s, size_t n, int *has_tone)
{
	size_t i, k;
	unsigned letters = 0;
	uint32_t c;
	int full = 0;

	*has_tone = 0;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x88)	/* （ */
		i = 3, full = 1;
	else if (n >= 1 && s[0] == '(')
		i = 1;
	else
		return 0;
	while (i < n) {
		if (s[i] == ')' && !full)
			break;
		if (full && i + 3 <= n && s[i] == 0xEF && s[i + 1] == 0xBC &&
		    s[i + 2] == 0x89)
			break;
		k = utf8_decode(s + i, n - i, &c);
		if (c >= 'a' && c <= 'z')
			;
		else if (pinyin_toned(c))
			*has_tone = 1;
		else
			return 0;
		if (++letters > 6)
			return 0;
		i += k;
	}
	if (i >= n || letters == 0)
		return 0;
	return i + (full ? 3 : 1);
}

static int
pinyin_after_han(const unsigned char *s, size_t i)
{
	uint32_t c;
	size_t k;

	/* Step back over at most 4 bytes to the start of the character. */
	for (k = 1; k <= 4 && k <= i; k++)
		if ((s[i - k] & 0xC0) != 0x80)
			break;
	if (k > 4 || k > i)
		return 0;
	if (utf8_decode(s + i - k, k, &c) != k)
		return 0;
	return uc_is_han(c);
}

/*
 * Two passes: toned groups after a Han character always go; untoned ones
 * ("(de)", "(ma)") only on a page that has shown the pattern at least twice,
 * so "(a)" or "(km)" on an ordinary page is left alone.
 */
size_t
pinyin_repair(const char *text, size_t n, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	const unsigned char *p;
	size_t i, g, toned = 0, removed = 0, start;
	int tone;

	for (p = s; (p = memchr(p, '(', n - (size_t)(p - s))) != NULL; p++) {
		i = (size_t)(p - s);
		if ((g = pinyin_group(p, n - i, &tone)) && tone &&
		    pinyin_after_han(s, i))
			toned++;
	}
	/* The full-width form is rare; look for it only if needed. */
	if (toned == 0)
		for (p = s; (p = memchr(p, 0xEF, n - (size_t)(p - s))) != NULL; p++) {
			i = (size_t)(p - s);
			if (i + 3 <= n && s[i + 1] == 0xBC && s[i + 2] == 0x88 &&
			    (g = pinyin_group(s + i, n - i, &tone)) && tone &&
			    pinyin_after_han(s, i))
				toned++;
		}
	if (toned == 0)
		return 0;
	start = 0;
	for (i = 0; i < n; i++) {
		if (s[i] != '(' && s[i] != 0xEF)
			continue;
		if (!(g = pinyin_group(s + i, n - i, &tone)))
			continue;
		if ((!tone && toned < 2) || !pinyin_after_han(s, i))
			continue;
		buf_add(out, text + start, i - start);
		removed++;
		i += g - 1;
		start = i + 1;
	}
	buf_add(out, text + start, n - start);
	return removed;
}
