/*
 * recur.c - the pairs of lines a stream has shown before (see recur.h).
 */
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "recur.h"

#define REC_BYTES 64

void
rec_clear(struct recur *rec)
{
	size_t k;

	if (rec->ntouched > RECUR_TOUCHED)
		memset(rec->set, 0, sizeof rec->set);
	else
		for (k = 0; k < rec->ntouched; k++)
			memset(&rec->set[rec->touched[k]], 0, sizeof rec->set[0]);
	rec->ntouched = 0;
	rec->have = 0;
	rec->run = rec->near = 0;
	rec->n = 0;
}

static inline uint64_t
load64(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

static inline uint64_t
load32(const unsigned char *p)
{
	uint32_t w;

	memcpy(&w, p, 4);
	return w;
}

/* Eight bytes more into hash h. */
static inline uint64_t
mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xff51afd7ed558ccdu;
	return h ^ h >> 32;
}

/*
 * The first n bytes of s (n >= 1) as one or more words into h: eight at a
 * step, the last eight (or the four at each end, or three bytes) read
 * where they overlap the words before, which n (in h) tells apart.
 */
static uint64_t
mix_bytes(uint64_t h, const unsigned char *s, size_t n)
{
	size_t a;

	if (n < 4)
		return mix(h, (uint64_t)s[0] | (uint64_t)s[n / 2] << 8 |
		    (uint64_t)s[n - 1] << 16);
	if (n <= 8)
		return mix(h, load32(s) | load32(s + n - 4) << 32);
	for (a = 0; a + 8 < n; a += 8)
		h = mix(h, load64(s + a));
	return mix(h, load64(s + n - 8));
}

uint32_t
rec_line(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	uint64_t h;

	if (n > 0 && s[n - 1] == '\n')
		n--;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	/*
	 * Its length and its first REC_BYTES bytes: the lines that recur are
	 * short, and a long one's head and length tell it apart well enough.
	 */
	h = 0x9e3779b97f4a7c15u ^ n;
	if (n > 0)
		h = mix_bytes(h, s, n < REC_BYTES ? n : REC_BYTES);
	h ^= h >> 29;
	return (uint32_t)(h ^ h >> 32);
}

/* The way of set that holds fp, or -1. */
static inline int
way_of(const uint32_t *set, uint32_t fp)
{
#if defined(__SSE2__) && RECUR_WAYS == 4
	__m128i eq = _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)set),
	    _mm_set1_epi32((int)fp));
	int m = _mm_movemask_ps(_mm_castsi128_ps(eq));

	return m ? __builtin_ctz((unsigned)m) : -1;
#else
	int k;

	for (k = 0; k < RECUR_WAYS; k++)
		if (set[k] == fp)
			return k;
	return -1;
#endif
}

/*
 * Ways w[0..k) move to w[1..k] and v goes to w[0] (k < RECUR_WAYS): the
 * latest first.  With SSE2 one shift and a blend, not a loop of loads and
 * stores (the positions doubled the loop's cost).
 */
static inline void
to_front(uint32_t *w, int k, uint32_t v)
{
#if defined(__SSE2__) && RECUR_WAYS == 4
	static const uint32_t upto[RECUR_WAYS][RECUR_WAYS] = {
		{ ~0u, 0, 0, 0 }, { ~0u, ~0u, 0, 0 }, { ~0u, ~0u, ~0u, 0 },
		{ ~0u, ~0u, ~0u, ~0u },
	};
	__m128i old = _mm_loadu_si128((const __m128i *)w);
	__m128i m = _mm_loadu_si128((const __m128i *)upto[k]);
	__m128i moved = _mm_or_si128(_mm_and_si128(m, _mm_slli_si128(old, 4)),
	    _mm_andnot_si128(m, old));

	_mm_storeu_si128((__m128i *)w, _mm_or_si128(moved, _mm_cvtsi32_si128((int)v)));
#else
	for (; k > 0; k--)
		w[k] = w[k - 1];
	w[0] = v;
#endif
}

/* The set index and fingerprint of the pair a, b, in *fp. */
static inline uint32_t
pair_index(uint32_t a, uint32_t b, uint32_t *fp)
{
	uint64_t m = (uint64_t)a << 32 | b;

	/*
	 * Every bit of the set's index and of the fingerprint hangs on both
	 * lines (murmur3's finaliser).  A product alone carries low bits up
	 * only: 042b548's index, from its low bits, hung on line b alone, so
	 * the pairs of a line met after many others (a menu's item) crowded
	 * one set and pushed out pairs met a page before.
	 */
	m ^= m >> 33;
	m *= 0xff51afd7ed558ccdu;
	m ^= m >> 33;
	m *= 0xc4ceb9fe1a85ec53u;
	m ^= m >> 33;
	*fp = (uint32_t)(m >> 32) | 1;	/* 0 is an empty way */
	return (uint32_t)(m % RECUR_SETS);
}

uint32_t
rec_seen(struct recur *rec, uint32_t a, uint32_t b, uint32_t now)
{
	uint32_t fp, idx, age;
	struct recur_set *set;
	int at;

	idx = pair_index(a, b, &fp);
	set = &rec->set[idx];
	at = way_of(set->fp, fp);
	if (at < 0 && set->fp[0] == 0 && rec->ntouched <= RECUR_TOUCHED) {
		if (rec->ntouched < RECUR_TOUCHED)
			rec->touched[rec->ntouched] = idx;
		rec->ntouched++;
	}
	age = at < 0 ? 0 : now - set->at[at];
	/* The latest first: the one met now goes to the front. */
	to_front(set->fp, at < 0 ? RECUR_WAYS - 1 : at, fp);
	to_front(set->at, at < 0 ? RECUR_WAYS - 1 : at, now);
	/* A pair met twice on one line number (a caller that counts no
	   lines) is still met before. */
	return at < 0 ? 0 : age ? age : 1;
}

void
rec_push(struct recur *rec, struct pline *l)
{
	uint32_t h = l->rhash, age = 0;

	l->rseen = l->rnear = l->rback = l->rnback = 0;
	if (l->cls & L_BLANK)
		return;
	l->rback = (unsigned char)(rec->run < RECUR_RUN ? rec->run : RECUR_RUN);
	l->rnback = (unsigned char)(rec->near < RECUR_RUN ? rec->near : RECUR_RUN);
	if (rec->have)
		age = rec_seen(rec, rec->last, h, rec->n);
	l->rseen = age > 0;
	l->rnear = age > 0 && age <= RECUR_NEAR;
	rec->run = l->rseen ? rec->run + 1 : 0;
	rec->near = l->rnear ? rec->near + 1 : 0;
	rec->last = h;
	rec->have = 1;
	rec->n++;
}

void
rec_prefetch(const struct recur *rec, const struct pline *next)
{
	uint32_t fp;

	if (rec->have && !(next->cls & L_BLANK))
		__builtin_prefetch(&rec->set[pair_index(rec->last, next->rhash, &fp)]);
}
