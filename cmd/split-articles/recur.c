/*
 * recur.c - the pairs of lines a stream has shown before (see recur.h).
 */
#include <string.h>

#include "recur.h"

#define REC_BYTES 64

void
rec_clear(struct recur *rec)
{
	size_t k;

	if (rec->ntouched > RECUR_TOUCHED)
		memset(rec->pair, 0, sizeof rec->pair);
	else
		for (k = 0; k < rec->ntouched; k++)
			memset(rec->pair[rec->touched[k]], 0, sizeof rec->pair[0]);
	rec->ntouched = 0;
}

uint32_t
rec_line(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	uint64_t h, w = 0;
	size_t a = 0, end;

	if (n > 0 && s[n - 1] == '\n')
		n--;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	/*
	 * Its length and its first REC_BYTES bytes, eight at a step: the
	 * lines that recur are short, and a long one's head and length tell
	 * it apart well enough.
	 */
	h = 0x9e3779b97f4a7c15u ^ n;
	end = n < REC_BYTES ? n : REC_BYTES;
	for (; a + 8 <= end; a += 8) {
		memcpy(&w, s + a, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	if (a < end) {
		memcpy(&w, s + a, end - a);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
	}
	h ^= h >> 29;
	return (uint32_t)(h ^ h >> 32);
}

int
rec_seen(struct recur *rec, uint32_t a, uint32_t b)
{
	uint64_t m = ((uint64_t)a << 32 | b) * 0xc4ceb9fe1a85ec53u;
	uint32_t fp = (uint32_t)(m >> 32) | 1;	/* 0 is an empty way */
	uint32_t idx = (uint32_t)((m >> 8) % RECUR_SETS), *set = rec->pair[idx];
	int k, at = RECUR_WAYS - 1, seen = 0;

	for (k = 0; k < RECUR_WAYS; k++)
		if (set[k] == fp) {
			at = k;
			seen = 1;
			break;
		}
	if (!seen && set[0] == 0 && rec->ntouched <= RECUR_TOUCHED) {
		if (rec->ntouched < RECUR_TOUCHED)
			rec->touched[rec->ntouched] = idx;
		rec->ntouched++;
	}
	/* The latest first: the one met now goes to the front. */
	memmove(set + 1, set, (size_t)at * sizeof *set);
	set[0] = fp;
	return seen;
}
