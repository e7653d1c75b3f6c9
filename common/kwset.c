/*
 * kwset.c - the keyword matcher (kwset.h).  Found in one pass over a line,
 * whatever the number of words:
 *
 *   1. A bit per hash of the first four bytes of every word, as they may
 *      stand in a text (every case of their ASCII letters when the set
 *      folds case), so the bytes of the text are hashed as they are: most
 *      places of a line are ruled out by one load from L1.  Words of two
 *      bytes, which four cannot tell, mark their first two bytes in a
 *      table of their own, and so do words of three that start with an
 *      ASCII byte: a pair such as "rs" starts few places of a text, where
 *      the letter 'r' alone starts one in twenty of English.  A word of
 *      three that starts with a lead byte, which thousands of characters
 *      share, is put in the bit table under every fourth byte instead.
 *   2. At a place that passes, the first eight bytes are folded in a
 *      register; a bit per hash of the first six bytes of the words of six
 *      or more, and one per hash of the first three of the shorter ones,
 *      rule out most of the places where a character opens some word (热,
 *      相, 发) and not the word.
 *   3. What passes both is looked up in a hash table of chains under the
 *      first three bytes, and compared eight bytes at once before the rest.
 *
 * kwset_scan() takes the places sixteen at a time with SSE2, only those
 * where a word may start: not continuation bytes, spaces or digits, which
 * kwset_new() sees that no word starts with.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "kwset.h"
#include "winnow.h"

#define KW_BUCKETS 1024
#define KW_BLOOM_BITS 65536

struct kw_entry {
	/* What a look-up reads first, in the first 32 bytes of an entry. */
	uint64_t head;		/* the first eight bytes, folded as kw_fold8() */
	uint64_t mask;		/* of the bytes of head that are the word's */
	int next;		/* the next entry of its chain, or -1 */
	unsigned tag;
	unsigned word;		/* its index in the list given to kwset_new() */
	unsigned char len, flags;
	char text[KWSET_WORD_MAX + 1];
};

struct kwset {
	/* 1 for the first two bytes of the short words (the first in the
	   low byte of the index): a byte each, read in one load at every
	   place a scan looks at. */
	unsigned char short_pair[65536];
	/* 1 for the first byte of the words of two bytes. */
	unsigned char two_lead[256];
	uint64_t bloom[KW_BLOOM_BITS / 64];	/* first four bytes, see 1. */
	uint64_t bloom6[KW_BLOOM_BITS / 64];	/* first six, see 2. */
	uint64_t short3[KW_BLOOM_BITS / 64];	/* first three of the short */
	int head[KW_BUCKETS];	/* chains of the words of three or more */
	int two;		/* the chain of the words of two bytes */
	int fold;		/* KWS_FOLD_ASCII */
	int endings_only;	/* KWS_ENDINGS_ONLY */
	unsigned char foldtab[256];	/* a byte as the set compares it */
	struct kw_entry *entry;
	size_t nentry;
	int last[256];		/* by the folded last byte, in list order ... */
	int *last_next;		/* ... for kwset_ending_at() */
};

static inline unsigned
kw_bit(const uint64_t *bits, unsigned h)
{
	return (unsigned)(bits[h / 64] >> (h % 64)) & 1;
}

static inline void
kw_set_bit(uint64_t *bits, unsigned h)
{
	bits[h / 64] |= 1ULL << (h % 64);
}

/* The hash of the four bytes of w, the first in the low byte, for bloom. */
static inline unsigned
kw_hash_word(uint32_t w)
{
	return (w * 0x9E3779B1u) >> 16;
}

/* Can a word of two bytes start with c? 0 or 1. */
static inline unsigned
kw_two_lead(const struct kwset *ks, unsigned char c)
{
	return ks->two_lead[c];
}

/* May a word start at a place whose first four bytes (zero past the end of
   the text) are w?  0 or 1, and 1 for some places where none does. */
static inline unsigned
kw_candidate(const struct kwset *ks, uint32_t w)
{
	return kw_bit(ks->bloom, kw_hash_word(w)) | ks->short_pair[w & 0xFFFF];
}

/* ASCII upper-case letters of the eight lanes of w folded to lower case,
   when fold is set; every other byte as it is. */
static inline uint64_t
kw_fold_word(uint64_t w, int fold)
{
	const uint64_t ones = 0x0101010101010101ULL, hi = 0x80 * ones;
	uint64_t v = w & ~hi, upper;

	if (!fold)
		return w;
	upper = (v + (0x80 - 'A') * ones) & ~(v + (0x80 - 'Z' - 1) * ones) &
	    ~w & hi;
	return w | upper >> 2;
}

/*
 * The first eight bytes of s[0..avail), fewer if avail is less (the rest
 * zero), the first in the low byte, folded: a candidate is hashed and
 * compared in a register.
 */
static inline uint64_t
kw_fold8(const unsigned char *s, size_t avail, int fold)
{
	uint64_t w = 0;
	size_t i;

	if (avail >= 8)
		return kw_fold_word(load_le64(s), fold);
	for (i = 0; i < avail; i++)
		w |= (uint64_t)s[i] << 8 * i;
	return kw_fold_word(w, fold);
}

/* Hashes of the first three and six bytes of a folded word, and its
   bucket in head. */
static inline unsigned
kw_hash3(uint64_t f)
{
	return (unsigned)(((f & 0xFFFFFF) * 0x9E3779B97F4A7C15ULL) >> 48);
}

static inline unsigned
kw_hash6(uint64_t f)
{
	return (unsigned)(((f & 0xFFFFFFFFFFFFULL) * 0xC2B2AE3D27D4EB4FULL) >> 48);
}

static inline unsigned
kw_bucket(uint64_t f)
{
	return (unsigned)(((f & 0xFFFFFF) * 0x165667B19E3779F9ULL) >> 54) &
	    (KW_BUCKETS - 1);
}

/* Is s[i] the first byte after a sentence mark and a blank?  The blank
   may be a space or a no-break space (C2 A0), which w3m and many CMSs put
   after a full stop. */
static int
after_sentence_stop(const unsigned char *s, size_t i)
{
	size_t mark;

	if (i >= 2 && s[i - 1] == ' ')
		mark = i - 2;
	else if (i >= 3 && s[i - 2] == 0xC2 && s[i - 1] == 0xA0)
		mark = i - 3;
	else
		return 0;
	return s[mark] == '.' || s[mark] == '?' || s[mark] == '!';
}

/* Do the KWW_* flags of a word allow it at s[i]? */
static int
kw_place_ok(unsigned flags, const unsigned char *s, size_t i)
{
	if ((flags & KWW_AT_START) && i != 0)
		return 0;
	if ((flags & KWW_SENTENCE_START) && i != 0 &&
	    !after_sentence_stop(s, i))
		return 0;
	if ((flags & KWW_NOT_AFTER_LETTER) && i > 0 &&
	    (unsigned)(ascii_lower(s[i - 1]) - 'a') < 26)
		return 0;
	if ((flags & KWW_NOT_AFTER_HAN) && i >= 3 && s[i - 3] >= 0xE4 &&
	    s[i - 3] <= 0xE9)
		return 0;
	return 1;
}

static int
kw_equal(const struct kwset *ks, const unsigned char *s, const char *w,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ks->foldtab[s[i]] != ks->foldtab[(unsigned char)w[i]])
			return 0;
	return 1;
}

/* Is the entry k at s[i] of s[0..n), whose first eight bytes folded are
   f? */
static inline int
kw_entry_at(const struct kwset *ks, const struct kw_entry *k,
    const unsigned char *s, size_t n, size_t i, uint64_t f)
{
	if (k->len > n - i || (f & k->mask) != k->head ||
	    (k->len > 8 && !kw_equal(ks, s + i + 8, k->text + 8, k->len - 8u)))
		return 0;
	return !k->flags || kw_place_ok(k->flags, s, i);
}

/* The tags of the words of the chain from e that are at s[i]. */
static unsigned
kw_chain(const struct kwset *ks, int e, const unsigned char *s, size_t n,
    size_t i, uint64_t f)
{
	unsigned found = 0;

	for (; e >= 0; e = ks->entry[e].next)
		if (kw_entry_at(ks, &ks->entry[e], s, n, i, f))
			found |= ks->entry[e].tag;
	return found;
}

/* The second and third steps at a place with fewer than eight bytes, or
   where a word of two bytes may start. */
static unsigned
kw_match_slow(const struct kwset *ks, const unsigned char *s, size_t n,
    size_t i, int fold)
{
	uint64_t f = kw_fold8(s + i, n - i, fold);
	unsigned found = 0, h;

	if (kw_two_lead(ks, s[i]) && ks->two >= 0)
		found = kw_chain(ks, ks->two, s, n, i, f);
	h = kw_hash3(f);
	if (!kw_bit(ks->short3, h)) {
		if (n - i < 6)
			return found;
		h = kw_hash6(f);
		if (!kw_bit(ks->bloom6, h))
			return found;
	}
	return found | kw_chain(ks, ks->head[kw_bucket(f)], s, n, i, f);
}

/* The tags of the words at s[i]: in line, the second step for the places
   with eight bytes. */
static inline unsigned
kw_match_at(const struct kwset *ks, const unsigned char *s, size_t n,
    size_t i, int fold)
{
	unsigned h;
	uint64_t f;

	if (n - i < 8 || kw_two_lead(ks, s[i]))
		return kw_match_slow(ks, s, n, i, fold);
	f = kw_fold_word(load_le64(s + i), fold);
	h = kw_hash3(f);
	if (!kw_bit(ks->short3, h)) {
		h = kw_hash6(f);
		if (!kw_bit(ks->bloom6, h))
			return 0;
	}
	return kw_chain(ks, ks->head[kw_bucket(f)], s, n, i, f);
}

/* The first four bytes at s[i] of s[0..n), zero past n; i + 2 <= n. */
static inline uint32_t
kw_word_at(const unsigned char *s, size_t n, size_t i)
{
	uint32_t w;

	if (n - i >= 4)
		return load_le32(s + i);
	w = (uint32_t)s[i] | (uint32_t)s[i + 1] << 8;
	if (n - i == 3)
		w |= (uint32_t)s[i + 2] << 16;
	return w;
}

/* The end of the places a scan of s[0..n) up to upto looks at: a word has
   two bytes at least. */
static inline size_t
kw_scan_end(size_t n, size_t upto)
{
	size_t end = n > 1 ? n - 1 : 0;

	return upto < end ? upto : end;
}

/*
 * kwset_scan() for a set that folds case or not: fold is a constant where
 * this is inlined.  A hand-tuned hot loop: the scan is a sixth of
 * strip-chrome's time.
 */
static inline __attribute__((always_inline)) unsigned
kw_scan_bytes(const struct kwset *ks, const unsigned char *s, size_t n,
    size_t upto, int fold)
{
	unsigned found = 0;
	size_t i = 0, end = kw_scan_end(n, upto), fast_end;

	/*
	 * The places are taken a byte at a time, continuation bytes masked
	 * out, rather than a character at a time, so that the next place does
	 * not wait on the length of this character and the loop runs at the
	 * speed of its arithmetic, not of two loads in a row.
	 */
#if defined(__SSE2__)
	/*
	 * Sixteen bytes at a time, and of them only the places a word can
	 * start: not continuation bytes, spaces or digits.  Every place needs
	 * four bytes.
	 */
	for (; i + 16 <= end && n - i >= 16 + 3; i += 16) {
		const __m128i v = sse_load(s + i);
		unsigned lead, cont, m;

		sse_han_bytes(v, &lead, &cont);
		m = ~(cont | sse_eq(v, ' ') | sse_digits(v)) & 0xFFFF;
		for (; m != 0; m &= m - 1) {
			size_t j = i + (unsigned)__builtin_ctz(m);

			if (kw_candidate(ks, load_le32(s + j)))
				found |= kw_match_at(ks, s, n, j, fold);
		}
	}
#endif
	fast_end = n < 4 ? 0 : n - 3;
	if (fast_end > end)
		fast_end = end;
	for (; i < fast_end; i++) {
		uint32_t w = load_le32(s + i);

		if (kw_candidate(ks, w) & ((w & 0xC0) != 0x80))
			found |= kw_match_at(ks, s, n, i, fold);
	}
	/* The last places, with three bytes or two. */
	for (; i < end; i++) {
		uint32_t w = kw_word_at(s, n, i);

		if (kw_candidate(ks, w) & ((w & 0xC0) != 0x80))
			found |= kw_match_at(ks, s, n, i, fold);
	}
	return found;
}

unsigned
kwset_scan(const struct kwset *ks, const char *line, size_t n, size_t upto)
{
	const unsigned char *s = (const unsigned char *)line;

	return ks->fold ? kw_scan_bytes(ks, s, n, upto, 1) :
	    kw_scan_bytes(ks, s, n, upto, 0);
}

/* Bytes to the next character, by the high nibble of the lead byte. */
static const unsigned char kw_charlen[16] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4
};

unsigned
kwset_scan_walk(const struct kwset *ks, const char *line, size_t n,
    size_t upto)
{
	const unsigned char *s = (const unsigned char *)line;
	unsigned found = 0;
	size_t i, end = kw_scan_end(n, upto);

	for (i = 0; i < end; i += kw_charlen[s[i] >> 4])
		if (kw_candidate(ks, kw_word_at(s, n, i)))
			found |= kw_match_at(ks, s, n, i, ks->fold);
	return found;
}

/* --- matches one at a time ------------------------------------------- */

void
kwset_iter_init(struct kwset_iter *it, const struct kwset *ks, const char *s,
    size_t n)
{
	it->ks = ks;
	it->s = s;
	it->n = n;
	it->pos = 0;
	it->entry = -1;
	it->phase = 0;
	if (n >= 2 && kw_two_lead(ks, (unsigned char)s[0]))
		it->entry = ks->two;
}

int
kwset_iter_next(struct kwset_iter *it, struct kwset_match *m)
{
	const struct kwset *ks = it->ks;
	const unsigned char *s = (const unsigned char *)it->s;
	size_t n = it->n;

	while (it->pos + 2 <= n) {
		/* Folded only where a chain is to be walked: most places have none. */
		uint64_t f = it->entry >= 0 ?
		    kw_fold8(s + it->pos, n - it->pos, ks->fold) : 0;

		while (it->entry >= 0) {
			const struct kw_entry *k = &ks->entry[it->entry];

			it->entry = k->next;
			if (kw_entry_at(ks, k, s, n, it->pos, f)) {
				m->start = it->pos;
				m->len = k->len;
				m->word = k->word;
				m->tag = k->tag;
				return 1;
			}
		}
		/* Phase 0 was the words of two bytes, 1 the others. */
		if (it->phase == 0) {
			it->phase = 1;
			if (n - it->pos >= 3 &&
			    kw_candidate(ks, kw_word_at(s, n, it->pos)))
				it->entry = ks->head[kw_bucket(kw_fold8(s + it->pos,
				    n - it->pos, ks->fold))];
			continue;
		}
		it->pos++;
		it->phase = 0;
		if (it->pos + 2 <= n && kw_two_lead(ks, s[it->pos]))
			it->entry = ks->two;
	}
	return 0;
}

int
kwset_ending_at(const struct kwset *ks, const char *text, size_t e,
    struct kwset_match *m)
{
	const unsigned char *s = (const unsigned char *)text;
	int k;

	if (e == 0)
		return 0;
	for (k = ks->last[ks->foldtab[s[e - 1]]]; k >= 0; k = ks->last_next[k]) {
		const struct kw_entry *w = &ks->entry[k];
		size_t st;

		if (w->len > e)
			continue;
		st = e - w->len;
		if (!kw_equal(ks, s + st, w->text, w->len) ||
		    (w->flags && !kw_place_ok(w->flags, s, st)))
			continue;
		m->start = st;
		m->len = w->len;
		m->word = w->word;
		m->tag = w->tag;
		return 1;
	}
	return 0;
}

/* --- building -------------------------------------------------------- */

/*
 * The first k bytes of w, folded, with the ASCII letters whose bits are
 * set in cases (bit b: byte b) in upper case.  The first byte in the low
 * lane.
 */
static uint32_t
kw_case_form(const struct kwset *ks, const char *w, unsigned k,
    unsigned cases)
{
	uint32_t key = 0;
	unsigned b;

	for (b = 0; b < k; b++) {
		unsigned char c = ks->foldtab[(unsigned char)w[b]];

		if (cases >> b & 1)
			c = (unsigned char)(c - 32);
		key |= (uint32_t)c << 8 * b;
	}
	return key;
}

/*
 * Note where w[0..n) may start in a text, for kw_candidate(): under every
 * case of the ASCII letters of its first four bytes when the set folds,
 * as it is when not.
 */
static void
kw_mark_start(struct kwset *ks, const char *w, size_t n)
{
	unsigned k = n >= 4 ? 4 : (unsigned)n, letters = 0, cases, b;

	for (b = 0; ks->fold && b < k; b++)
		if ((unsigned)(ascii_lower((unsigned char)w[b]) - 'a') < 26)
			letters |= 1u << b;
	/* Every subset of the letters, the empty one last. */
	for (cases = letters;; cases = (cases - 1) & letters) {
		uint32_t key = kw_case_form(ks, w, k, cases);

		if (k == 2)
			ks->two_lead[key & 0xFF] = 1;
		if (k == 2 || (k == 3 && (key & 0x80) == 0))
			ks->short_pair[key & 0xFFFF] = 1;
		else if (k == 3)
			for (b = 0; b < 256; b++)
				kw_set_bit(ks->bloom, kw_hash_word(key | b << 24));
		else
			kw_set_bit(ks->bloom, kw_hash_word(key));
		if (cases == 0)
			break;
	}
}

static void
kw_add(struct kwset *ks, const char *w, size_t n, const struct kwset_word *kw,
    size_t index, int *tail)
{
	struct kw_entry *e;
	int *link;

	if (n < 2 || n > KWSET_WORD_MAX)
		wn_fatal("keyword set: '%s' is not 2 to %d bytes long", w,
		    KWSET_WORD_MAX);
	if (w[0] == ' ' || (w[0] >= '0' && w[0] <= '9') ||
	    ((unsigned char)w[0] & 0xC0) == 0x80)
		wn_fatal("keyword set: '%s' starts with a space, a digit or "
		    "inside a character", w);
	e = &ks->entry[ks->nentry];
	memcpy(e->text, w, n);
	e->len = (unsigned char)n;
	e->tag = kw->tag;
	e->flags = (unsigned char)kw->flags;
	e->word = (unsigned)index;
	e->head = kw_fold8((const unsigned char *)w, n, ks->fold);
	e->mask = n >= 8 ? ~0ULL : (1ULL << 8 * n) - 1;
	e->next = -1;
	if (ks->endings_only) {
		ks->nentry++;	/* what kwset_ending_at() reads is built after */
		return;
	}
	kw_mark_start(ks, w, n);
	if (n == 2)
		link = &tail[KW_BUCKETS];
	else {
		if (n < 6)
			kw_set_bit(ks->short3, kw_hash3(e->head));
		else
			kw_set_bit(ks->bloom6, kw_hash6(e->head));
		link = &tail[kw_bucket(e->head)];
	}
	/* Appended, so that a chain keeps the order of the list. */
	if (*link < 0) {
		if (n == 2)
			ks->two = (int)ks->nentry;
		else
			ks->head[kw_bucket(e->head)] = (int)ks->nentry;
	} else
		ks->entry[*link].next = (int)ks->nentry;
	*link = (int)ks->nentry++;
}

/* Add a word, and with KWS_FULLWIDTH once more with its first ':' or '('
   in full width. */
static void
kw_add_forms(struct kwset *ks, unsigned flags, const struct kwset_word *kw,
    size_t index, int *tail)
{
	char alt[KWSET_WORD_MAX + 1];
	const char *w = kw->word;
	size_t n = strlen(w), i;

	kw_add(ks, w, n, kw, index, tail);
	if (!(flags & KWS_FULLWIDTH))
		return;
	for (i = 0; i < n; i++)
		if (w[i] == ':' || w[i] == '(') {
			if (n + 2 > KWSET_WORD_MAX)
				return;
			memcpy(alt, w, i);
			memcpy(alt + i, w[i] == ':' ? "\xEF\xBC\x9A" :
			    "\xEF\xBC\x88", 3);
			memcpy(alt + i + 3, w + i + 1, n - i - 1);
			alt[n + 2] = '\0';
			kw_add(ks, alt, n + 2, kw, index, tail);
			return;
		}
}

struct kwset *
kwset_new(const struct kwset_word *words, size_t n, unsigned flags)
{
	struct kwset *ks = xcalloc(1, sizeof *ks);
	/* The last entry of each chain while building; [KW_BUCKETS] is
	   that of the words of two bytes. */
	int tail[KW_BUCKETS + 1];
	size_t i;
	unsigned b;

	ks->fold = (flags & KWS_FOLD_ASCII) != 0;
	ks->endings_only = (flags & KWS_ENDINGS_ONLY) != 0;
	for (b = 0; b < 256; b++)
		ks->foldtab[b] = ks->fold ? ascii_lower((unsigned char)b) :
		    (unsigned char)b;
	for (i = 0; i < KW_BUCKETS; i++)
		ks->head[i] = -1;
	for (i = 0; i <= KW_BUCKETS; i++)
		tail[i] = -1;
	ks->two = -1;
	ks->entry = xcalloc(n ? (flags & KWS_FULLWIDTH ? 2 : 1) * n : 1, sizeof *ks->entry);
	for (i = 0; i < n; i++)
		kw_add_forms(ks, flags, &words[i], i, tail);
	ks->last_next = xcalloc(ks->nentry ? ks->nentry : 1, sizeof(int));
	for (b = 0; b < 256; b++)
		ks->last[b] = -1;
	for (i = ks->nentry; i-- > 0;) {
		const struct kw_entry *e = &ks->entry[i];

		b = ks->foldtab[(unsigned char)e->text[e->len - 1]];
		ks->last_next[i] = ks->last[b];
		ks->last[b] = (int)i;
	}
	return ks;
}

void
kwset_free(struct kwset *ks)
{
	if (ks == NULL)
		return;
	free(ks->entry);
	free(ks->last_next);
	free(ks);
}

struct kwset *
kwset_new_lists(const struct kwset_list *lists, size_t n, unsigned flags)
{
	struct kwset_word *words;
	struct kwset *ks;
	const char *const *w;
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		for (w = lists[i].words; *w; w++)
			k++;
	words = xreallocarray(NULL, k ? k : 1, sizeof *words);
	k = 0;
	for (i = 0; i < n; i++)
		for (w = lists[i].words; *w; w++, k++) {
			words[k].word = *w;
			words[k].tag = lists[i].tag;
			words[k].flags = lists[i].flags;
		}
	ks = kwset_new(words, k, flags);
	free(words);
	return ks;
}
