/*
 * bytes.h - byte-scanning helpers the commands share: loads of eight or
 * four bytes in a fixed lane order, a run of spaces skipped many at a
 * time, the SSE2 loads and compares the hot loops are built of, and an
 * ASCII case-insensitive search.  All static inline: they sit inside the
 * loops that walk every byte of a page.
 *
 * A helper moves here on its second use (STYLE.md); append new ones at
 * the end of the file, each with its contract.
 */
#ifndef BYTES_H
#define BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/*
 * Eight bytes from s (unaligned), the first in the low lane, in any host
 * byte order: s[0] | s[1] << 8 | ... | s[7] << 56.
 */
static inline uint64_t
load_le64(const unsigned char *s)
{
	return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 |
	    (uint64_t)s[3] << 24 | (uint64_t)s[4] << 32 | (uint64_t)s[5] << 40 |
	    (uint64_t)s[6] << 48 | (uint64_t)s[7] << 56;
}

/* Four bytes from s (unaligned), the first in the low lane, in any host
   byte order. */
static inline uint32_t
load_le32(const unsigned char *s)
{
	uint32_t w;

	memcpy(&w, s, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap32(w);
#endif
	return w;
}

/*
 * The first byte of p[0..end) that is not an ASCII space, or end.  Skips
 * 16 at a time with SSE2, else 32 and then eight at a time: w3m pads table
 * cells with hundreds of spaces, and indentation is half the bytes of its
 * pages.  Returns p at once when *p is not a space.
 */
static inline const char *
skip_spaces(const char *p, const char *end)
{
	const uint64_t sp = 0x2020202020202020ULL;
	uint64_t w, x, y, z;

	if (p < end && *p != ' ')
		return p;
#if defined(__SSE2__)
	/* Sixteen at a time, the first other byte found by its bit. */
	for (; end - p >= 16; p += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)p), _mm_set1_epi8(' ')));

		if (m != 0xFFFF)
			return p + __builtin_ctz(~m);
	}
#endif
	while (end - p >= 32) {
		memcpy(&w, p, 8);
		memcpy(&x, p + 8, 8);
		memcpy(&y, p + 16, 8);
		memcpy(&z, p + 24, 8);
		if (((w ^ sp) | (x ^ sp) | (y ^ sp) | (z ^ sp)) != 0)
			break;
		p += 32;
	}
	/* Then the spaces before the first other byte of eight, counted
	   lane by lane: no branch on each byte to mispredict at the end. */
	while (end - p >= 8) {
		const uint64_t ones = 0x0101010101010101ULL, hi = 0x80 * ones;
		uint64_t m = load_le64((const unsigned char *)p) ^ sp;
		unsigned run;

		/* The lanes that are not a space, then those before the
		   first of them. */
		m = (((m & ~hi) + ~hi) | m) & hi;
		m = ((m & (0 - m)) - 1) & hi;
		run = (unsigned)(((m >> 7) * ones) >> 56);
		p += run;
		if (run < 8)
			return p;
	}
	while (p < end && *p == ' ')
		p++;
	return p;
}

#if defined(__SSE2__)
/* Sixteen bytes from s, which need not be aligned. */
static inline __m128i
sse_load(const void *s)
{
	return _mm_loadu_si128((const __m128i *)s);
}

/* One bit for each of the bytes of v equal to c: bit k for byte k. */
static inline unsigned
sse_eq(__m128i v, unsigned char c)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8((char)c)));
}

/*
 * One bit for each lead byte E4..E9 of v (the Han of U+4000..U+9FFF, most
 * of a Chinese page) in *lead, for each continuation byte (10xxxxxx) in
 * *cont.
 */
static inline void
sse_han_bytes(__m128i v, unsigned *lead, unsigned *cont)
{
	/* Compared as signed bytes once the top bit is flipped. */
	const __m128i x = _mm_xor_si128(v, _mm_set1_epi8((char)0x80));

	*lead = (unsigned)_mm_movemask_epi8(_mm_and_si128(
	    _mm_cmpgt_epi8(x, _mm_set1_epi8(0x63)),
	    _mm_cmplt_epi8(x, _mm_set1_epi8(0x6A))));
	*cont = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v,
	    _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80)));
}

/* One bit for each byte of v in lo..hi, both below 0x80 (signed compares). */
static inline unsigned
sse_ascii_range(__m128i v, char lo, char hi)
{
	return (unsigned)_mm_movemask_epi8(_mm_and_si128(
	    _mm_cmpgt_epi8(v, _mm_set1_epi8((char)(lo - 1))),
	    _mm_cmplt_epi8(v, _mm_set1_epi8((char)(hi + 1)))));
}

/* One bit for each ASCII digit 0-9 among the bytes of v. */
static inline unsigned
sse_digits(__m128i v)
{
	return sse_ascii_range(v, '0', '9');
}
#endif

/* c with A-Z folded to a-z, every other byte as it is (no locale). */
static inline unsigned char
ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/*
 * The first place in s[0..n) that holds needle (NUL-terminated), ASCII
 * letters in either case on either side and every other byte exactly;
 * NULL if there is none.  An empty needle is found at s.  For short
 * needles over short texts (a line, a page's head): it builds no table;
 * the places that hold the first byte (in either case) are found sixteen
 * at a time with SSE2, and only there is the rest compared.
 */
/* Whether s[1..k) is needle[1..k), A-Z folded: find_ci's check at a place. */
static inline int
ci_rest(const char *s, const char *needle, size_t k)
{
	size_t j;

	for (j = 1; j < k && ascii_lower((unsigned char)s[j]) ==
	    ascii_lower((unsigned char)needle[j]); j++)
		;
	return j == k;
}

static inline const char *
find_ci(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), i = 0;
	unsigned char lo;

	if (k == 0)
		return s;
	lo = ascii_lower((unsigned char)needle[0]);
#if defined(__SSE2__)
	unsigned char up = lo >= 'a' && lo <= 'z' ? (unsigned char)(lo - 32) : lo;

	for (; i + 16 <= n; i += 16) {
		__m128i v = sse_load(s + i);
		unsigned m = sse_eq(v, lo) | sse_eq(v, up);

		for (; m; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);

			if (at + k > n)
				return NULL;
			if (ci_rest(s + at, needle, k))
				return s + at;
		}
	}
#endif
	for (; i + k <= n; i++)
		if (ascii_lower((unsigned char)s[i]) == lo && ci_rest(s + i, needle, k))
			return s + i;
	return NULL;
}

/*
 * A string literal and its length, its NUL not counted, for the (s, n)
 * pairs of find_bytes() and memcmp: memcmp(p, LIT("来源")) == 0.
 */
#define LIT(s) (s), (sizeof(s) - 1)

/*
 * The first place in s[0..n) that holds w[0..wl), byte for byte; NULL if
 * there is none, and when wl is 0.  memmem(3) for a line: it finds w's
 * first byte with memchr and compares there.  glibc's memmem builds a
 * 256-byte shift table on each call, which over a line of text costs more
 * than the search: extract-meta's 27 look-ups in lines ran 5.8% slower on
 * it (146.8M against 138.8M instructions over the corpus page texts).
 */
static inline const char *
find_bytes(const char *s, size_t n, const char *w, size_t wl)
{
	const char *p = s, *end = s + n;

	if (wl == 0 || wl > n)
		return NULL;
	while ((p = memchr(p, w[0], (size_t)(end - p) - wl + 1)) != NULL) {
		if (memcmp(p, w, wl) == 0)
			return p;
		if (++p + wl > end)
			break;
	}
	return NULL;
}

#endif
