/*
 * kwset.h - the keyword matcher of winnow: a fixed set of words, each
 * with a tag, found in lines of text.  Every command keeps its own word
 * lists as data and hands them to kwset_new(); the set answers
 *   - which tags occur in a line (kwset_scan(), kwset_scan_walk()), the
 *     hot question, answered in one pass whatever the number of words;
 *   - every match with its place, length and word (kwset_iter_*());
 *   - which word ends at a given place, the first in list order
 *     (kwset_ending_at()), for labels found before a colon.
 *
 * Words are bytes (UTF-8 in practice), 2 to KWSET_WORD_MAX long.  A word
 * may not start with a space, an ASCII digit or a UTF-8 continuation byte:
 * the scan never looks for one there, which is half of what makes it fast.
 * A word list is part of the program, so a word the set cannot hold is a
 * bug: kwset_new() reports it with wn_fatal(), naming the word.
 *
 * The set is read-only once built: any number of scans, iterations and
 * look-ups may share one, in one thread or many.
 */
#ifndef KWSET_H
#define KWSET_H

#include <stddef.h>

/* The longest word a set holds, in bytes. */
#define KWSET_WORD_MAX 47

struct kwset_word {
	const char *word;	/* NUL-terminated */
	unsigned tag;		/* what a match reports; scans OR them */
	unsigned flags;		/* KWW_*: where in the text the word counts */
};

/* Flags of a word: where a match counts, as seen from the text searched
   (its s[0] is the start of the text). */
enum {
	KWW_AT_START = 1 << 0,		/* only at s[0] */
	KWW_SENTENCE_START = 1 << 1,	/* at s[0], or after ". " "? " "! " */
	KWW_NOT_AFTER_LETTER = 1 << 2,	/* not right after an ASCII letter */
	/* Not right after a Han character of U+4000..U+9FFF: the byte three
	   before the word is not a lead byte E4..E9. */
	KWW_NOT_AFTER_HAN = 1 << 3,
};

/* Flags of a set. */
enum {
	/* ASCII letters of words and text match in either case. */
	KWS_FOLD_ASCII = 1 << 0,
	/* A word with ':' or '(' also matches with the first of them in full
	   width (U+FF1A, U+FF08), as the same word, where that form still
	   fits in KWSET_WORD_MAX bytes. */
	KWS_FULLWIDTH = 1 << 1,
	/* The set answers kwset_ending_at() alone, and kwset_new() builds
	   only what that reads, a small part of its work (a command's
	   start-up); kwset_scan(), kwset_scan_walk() and the iteration find
	   nothing in it. */
	KWS_ENDINGS_ONLY = 1 << 2,
};

struct kwset;

/*
 * A set of words[0..n) with KWS_* flags.  The words are copied; the
 * array may go once this returns.  Exits through wn_fatal() on a word it
 * cannot hold (see above) and on out of memory.  Free with kwset_free().
 */
struct kwset *kwset_new(const struct kwset_word *words, size_t n,
    unsigned flags);
void kwset_free(struct kwset *ks);

/*
 * The OR of the tags of the words that occur in s[0..n) starting at some
 * s[i] with i < upto (pass n for all of them), their flags holding.  Any
 * bytes; the fastest on UTF-8 text, where it looks at most places sixteen
 * at a time.
 */
unsigned kwset_scan(const struct kwset *ks, const char *s, size_t n,
    size_t upto);

/*
 * The same, at the places a walk from character to character steps on:
 * s[0], then each place the last one's lead byte says the next character
 * starts at (1 byte for ASCII and stray bytes, 2 for C0..DF, 3 for
 * E0..EF, 4 for F0..FF).  On valid UTF-8 it answers what kwset_scan()
 * does; on broken text a lead byte hides the bytes it claims.
 */
unsigned kwset_scan_walk(const struct kwset *ks, const char *s, size_t n,
    size_t upto);

/* One match: s[start..start+len) is words[word] of kwset_new(). */
struct kwset_match {
	size_t start, len;
	size_t word;		/* index into the words given to kwset_new() */
	unsigned tag;
};

/* Where an iteration is; its members are kwset's. */
struct kwset_iter {
	const struct kwset *ks;
	const char *s;
	size_t n, pos;
	int entry, phase;
};

/*
 * Every match in s[0..n), their flags holding, by kwset_iter_next() in
 * order of start; at one start, words of two bytes first, then the others
 * in the order of the list.  s must stay as it is until the iteration
 * ends.
 */
void kwset_iter_init(struct kwset_iter *it, const struct kwset *ks,
    const char *s, size_t n);
/* The next match into *m and 1, or 0 when there is none left. */
int kwset_iter_next(struct kwset_iter *it, struct kwset_match *m);

/*
 * The first word in list order that ends at s[e) (the text is s[0..e),
 * which it must fit in) with its flags holding: 1 and *m, or 0.
 */
int kwset_ending_at(const struct kwset *ks, const char *s, size_t e,
    struct kwset_match *m);

/*
 * Words kept as lists, one per tag: words is NULL-terminated, and each of
 * its words has the list's tag and flags.
 */
struct kwset_list {
	unsigned tag;
	unsigned flags;		/* KWW_* */
	const char *const *words;
};

/*
 * kwset_new() of the words of lists[0..n), in the order of the lists and
 * within each list; a match's word is its index in that order.
 */
struct kwset *kwset_new_lists(const struct kwset_list *lists, size_t n,
    unsigned flags);

#endif
