/*
 * repeat.c - the repetition memory: over a stream of pages, a line that
 * recurs on many pages of a site is chrome (CCNet's insight).  A fixed-size
 * open-addressed table of 64-bit line hashes with the number of pages that
 * held each and the page it was last seen on; when the table is full the
 * stalest entries make room, so memory stays flat however long the stream.
 */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "strip.h"
#include "winnow.h"

struct repeat_slot {
	uint64_t hash;		/* 0: empty */
	uint32_t pages;		/* how many pages held the line */
	uint32_t last;		/* the page that noted it last */
};

struct repeat_mem {
	struct repeat_slot *slot;
	size_t mask;
	uint32_t page;		/* current page number, from 1 */
};

/* How far a lookup probes before it gives up or evicts. */
#define REPEAT_PROBE 8

struct repeat_mem *
repeat_new(unsigned bits)
{
	struct repeat_mem *m = xcalloc(1, sizeof *m);

	m->slot = xcalloc((size_t)1 << bits, sizeof *m->slot);
	m->mask = ((size_t)1 << bits) - 1;
	return m;
}

void
repeat_free(struct repeat_mem *m)
{
	if (m == NULL)
		return;
	free(m->slot);
	free(m);
}

void
repeat_next_page(struct repeat_mem *m)
{
	m->page++;
}

/* The eight bytes at s multiplied into h and folded. */
static inline uint64_t
mix_word(uint64_t h, const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	h = (h ^ w) * 0xff51afd7ed558ccdULL;
	return h ^ h >> 32;
}

/*
 * Eight bytes at a time, each word multiplied in and folded: lines are
 * hashed once each, and byte-wise FNV showed in profiles.
 */
uint64_t
repeat_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;
	size_t i;

	/* Two words a turn: the loop's own count and test were a fifth of
	   its instructions at one. */
	for (i = 0; i + 16 <= n; i += 16)
		h = mix_word(mix_word(h, s + i), s + i + 8);
	if (i + 8 <= n) {
		h = mix_word(h, s + i);
		i += 8;
	}
	/*
	 * The last 0..7 bytes as memcpy() would place them in a zeroed word,
	 * without a call to it for a length known only here: in a line of
	 * eight bytes or more, the last eight shifted down (a byte loop's
	 * exit was a branch mispredicted every other line).
	 */
	if (n >= 8)
		w = i < n ? load_le64((const unsigned char *)s + n - 8) >>
		    8 * (8 - (n - i)) : 0;
	else {
		unsigned char t[8] = { 0 };
		size_t j;

		for (j = 0; j < n; j++)
			t[j] = (unsigned char)s[j];
		memcpy(&w, t, 8);
	}
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h ? h : 1;
}

/*
 * The table is larger than the cache and every line of every page is
 * looked up in it: asked for while the page is measured, the slot is
 * there when the lines are labelled.
 */
void
repeat_prefetch(const struct repeat_mem *m, uint64_t h)
{
#if defined(__GNUC__) || defined(__clang__)
	__builtin_prefetch(&m->slot[h & m->mask]);
#else
	(void)m;
	(void)h;
#endif
}

unsigned
repeat_seen(const struct repeat_mem *m, uint64_t h)
{
	size_t i, k;

	for (k = 0; k < REPEAT_PROBE; k++) {
		i = (h + k) & m->mask;
		if (m->slot[i].hash == h) {
			/* A line noted on this page already counts as earlier
			   pages only. */
			return m->slot[i].pages - (m->slot[i].last == m->page);
		}
		if (m->slot[i].hash == 0)
			return 0;
	}
	return 0;
}

unsigned
repeat_seen_note(struct repeat_mem *m, uint64_t h)
{
	struct repeat_slot *s, *victim = NULL;
	size_t i, k;
	unsigned earlier;

	/* repeat_seen() and repeat_note() in one probe: the table is larger
	   than the cache, and every line of every page comes here. */
	for (k = 0; k < REPEAT_PROBE; k++) {
		i = (h + k) & m->mask;
		s = &m->slot[i];
		if (s->hash == h) {
			earlier = s->pages - (s->last == m->page);
			if (s->last != m->page) {
				s->last = m->page;
				if (s->pages < UINT32_MAX)
					s->pages++;
			}
			return earlier;
		}
		if (s->hash == 0) {
			victim = s;
			break;
		}
		/* Evict the line seen longest ago, rare lines first. */
		if (victim == NULL || s->last + 4 * s->pages <
		    victim->last + 4 * victim->pages)
			victim = s;
	}
	victim->hash = h;
	victim->pages = 1;
	victim->last = m->page;
	return 0;
}

void
repeat_note(struct repeat_mem *m, uint64_t h)
{
	(void)repeat_seen_note(m, h);
}
