/*
 * test_kwset.c - the keyword matcher against a naive one: every word tried
 * at every place of the text, byte by byte.  The naive matcher is an
 * oracle, written apart from kwset.c on purpose (it shares no code with
 * it), on random lines built to hit the matcher's corners (block edges,
 * words of two and three bytes, case, full-width forms, broken UTF-8) and
 * on lines of the corpus pages.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kwset.h"
#include "tap.h"

/* --- the oracle --------------------------------------------------------- */

/* A word as the oracle sees it: each full-width form is a form of its own. */
struct form {
	char text[64];
	size_t len, word;
	unsigned tag, flags;
};

struct oracle {
	struct form f[512];
	size_t n;
	int fold;
};

static unsigned char
fold_byte(const struct oracle *o, unsigned char c)
{
	return o->fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static void
oracle_build(struct oracle *o, const struct kwset_word *w, size_t n,
    unsigned flags)
{
	size_t i, j;

	o->n = 0;
	o->fold = (flags & KWS_FOLD_ASCII) != 0;
	for (i = 0; i < n; i++) {
		struct form *f = &o->f[o->n++];
		size_t len = strlen(w[i].word);

		memcpy(f->text, w[i].word, len);
		f->len = len;
		f->word = i;
		f->tag = w[i].tag;
		f->flags = w[i].flags;
		if (!(flags & KWS_FULLWIDTH))
			continue;
		for (j = 0; j < len; j++)
			if (w[i].word[j] == ':' || w[i].word[j] == '(')
				break;
		if (j == len || len + 2 > KWSET_WORD_MAX)
			continue;
		o->f[o->n] = *f;
		f = &o->f[o->n++];
		memcpy(f->text + j, w[i].word[j] == ':' ? "：" : "（", 3);
		memcpy(f->text + j + 3, w[i].word + j + 1, len - j - 1);
		f->len = len + 2;
	}
}

static int
oracle_place(unsigned flags, const unsigned char *s, size_t i)
{
	if (flags & KWW_AT_START && i > 0)
		return 0;
	if (flags & KWW_SENTENCE_START && i > 0) {
		/* the blank: a space, or a no-break space (C2 A0) */
		size_t blank = i >= 3 && s[i - 2] == 0xC2 && s[i - 1] == 0xA0 ?
		    2 : 1;

		if (i < blank + 1 || (blank == 1 && s[i - 1] != ' '))
			return 0;
		if (!strchr(".?!", s[i - blank - 1]) || s[i - blank - 1] == 0)
			return 0;
	}
	if (flags & KWW_NOT_AFTER_LETTER && i > 0 &&
	    ((s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
	    (s[i - 1] >= 'A' && s[i - 1] <= 'Z')))
		return 0;
	if (flags & KWW_NOT_AFTER_HAN && i >= 3 && s[i - 3] >= 0xE4 &&
	    s[i - 3] <= 0xE9)
		return 0;
	return 1;
}

/* Is form f at s[i] of s[0..n)? */
static int
oracle_at(const struct oracle *o, const struct form *f, const char *text,
    size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t k;

	if (i + f->len > n)
		return 0;
	for (k = 0; k < f->len; k++)
		if (fold_byte(o, s[i + k]) !=
		    fold_byte(o, (unsigned char)f->text[k]))
			return 0;
	return oracle_place(f->flags, s, i);
}

static unsigned
oracle_scan(const struct oracle *o, const char *s, size_t n, size_t upto)
{
	unsigned found = 0;
	size_t i, k;

	for (i = 0; i < n && i < upto; i++)
		for (k = 0; k < o->n; k++)
			if (oracle_at(o, &o->f[k], s, n, i))
				found |= o->f[k].tag;
	return found;
}

/* The places of a walk from character to character, as kwset.h says. */
static unsigned
oracle_scan_walk(const struct oracle *o, const char *s, size_t n,
    size_t upto)
{
	unsigned found = 0;
	size_t i = 0, k;

	while (i < n && i < upto) {
		unsigned char c = (unsigned char)s[i];

		for (k = 0; k < o->n; k++)
			if (oracle_at(o, &o->f[k], s, n, i))
				found |= o->f[k].tag;
		i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	}
	return found;
}

/* --- comparing the two -------------------------------------------------- */

static int
cmp_match(const void *a, const void *b)
{
	const struct kwset_match *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->word < y->word ? -1 : x->word > y->word;
}

#define MAXM 4096

/* Do kwset and the oracle agree on s[0..n) in every question?  Returns the
   question they differ on, or NULL. */
static const char *
differ_at(const struct kwset *ks, const struct oracle *o, const char *s,
    size_t n);

/* The text in a block of its own size, so that the sanitizers see a read
   past its end. */
static const char *
differ(const struct kwset *ks, const struct oracle *o, const char *s,
    size_t n)
{
	char *copy = malloc(n ? n : 1);
	const char *d;

	memcpy(copy, s, n);
	d = differ_at(ks, o, copy, n);
	free(copy);
	return d;
}

static const char *
differ_at(const struct kwset *ks, const struct oracle *o, const char *s,
    size_t n)
{
	static struct kwset_match got[MAXM], want[MAXM];
	struct kwset_iter it;
	struct kwset_match m;
	size_t ng = 0, nw = 0, i, k, e, uptos[] = { 0, 1, 2, 5, 17 };

	if (kwset_scan(ks, s, n, n) != oracle_scan(o, s, n, n))
		return "scan";
	if (kwset_scan_walk(ks, s, n, n) != oracle_scan_walk(o, s, n, n))
		return "scan_walk";
	for (i = 0; i < sizeof uptos / sizeof uptos[0]; i++) {
		size_t u = uptos[i] < n ? n - uptos[i] : 0;

		if (kwset_scan(ks, s, n, u) != oracle_scan(o, s, n, u) ||
		    kwset_scan(ks, s, n, uptos[i]) !=
		    oracle_scan(o, s, n, uptos[i]))
			return "scan up to a place";
		if (kwset_scan_walk(ks, s, n, u) != oracle_scan_walk(o, s, n, u))
			return "scan_walk up to a place";
	}
	kwset_iter_init(&it, ks, s, n);
	while (ng < MAXM && kwset_iter_next(&it, &got[ng]))
		ng++;
	for (i = 0; i < n; i++)
		for (k = 0; k < o->n && nw < MAXM; k++)
			if (oracle_at(o, &o->f[k], s, n, i)) {
				want[nw].start = i;
				want[nw].len = o->f[k].len;
				want[nw].word = o->f[k].word;
				want[nw].tag = o->f[k].tag;
				nw++;
			}
	for (i = 1; i < ng; i++)
		if (got[i].start < got[i - 1].start)
			return "iteration out of order";
	qsort(got, ng, sizeof got[0], cmp_match);
	if (ng != nw || memcmp(got, want, ng * sizeof got[0]) != 0) {
		/* want is in order of start, then of the list: sort it too. */
		qsort(want, nw, sizeof want[0], cmp_match);
		for (i = 0; i < ng && i < nw; i++)
			if (got[i].start != want[i].start || got[i].len !=
			    want[i].len || got[i].word != want[i].word ||
			    got[i].tag != want[i].tag)
				return "iteration";
		if (ng != nw)
			return "iteration count";
	}
	for (e = 0; e <= n; e++) {
		int hit = kwset_ending_at(ks, s, e, &m);

		for (k = 0; k < o->n; k++)
			if (o->f[k].len <= e &&
			    oracle_at(o, &o->f[k], s, e, e - o->f[k].len))
				break;
		if (hit != (k < o->n))
			return "ending_at";
		if (hit && (m.word != o->f[k].word || m.len != o->f[k].len ||
		    m.start != e - o->f[k].len || m.tag != o->f[k].tag))
			return "ending_at: which word";
	}
	return NULL;
}

/* --- random lines -------------------------------------------------------- */

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static unsigned
rnd(unsigned below)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % below);
}

/* Pieces lines and words are made of: what the matcher treats apart. */
static const char *const pieces[] = {
	"a", "b", "q", "Q", "A", "B", "z", "Z", ":", "：", "(", "（", " ", "  ",
	"1", "0", "©", "\xC2", "中", "文", "相", "关", "阅", "读", "热", "门",
	".", "!", "?", "\xE4", "\xE4\xB8", "\x80", "\xBF", "\xFF", "\xF0\x9F\x98\x80",
	"é", "@", "[", "`", "{", "\t",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

/* Random bytes of pieces, at most cap - 1 of them, NUL-terminated. */
static size_t
random_text(char *buf, size_t cap, unsigned npieces)
{
	size_t n = 0;
	unsigned i;

	for (i = 0; i < npieces; i++) {
		const char *p = pieces[rnd(NPIECES)];
		size_t k = strlen(p);

		if (n + k >= cap)
			break;
		memcpy(buf + n, p, k);
		n += k;
	}
	buf[n] = '\0';
	return n;
}

static int
word_ok(const char *w)
{
	size_t n = strlen(w);
	unsigned char c = (unsigned char)w[0];

	return n >= 2 && n <= KWSET_WORD_MAX && c != ' ' && !(c >= '0' &&
	    c <= '9') && (c & 0xC0) != 0x80;
}

/* nw random words into words[] and list[], with random tags and flags. */
static void
random_words(char (*words)[KWSET_WORD_MAX + 1], struct kwset_word *list, unsigned nw)
{
	unsigned i;

	for (i = 0; i < nw; i++) {
		do
			random_text(words[i], KWSET_WORD_MAX + 1, 1 + rnd(5));
		while (!word_ok(words[i]));
		list[i].word = words[i];
		list[i].tag = 1u << rnd(20);
		list[i].flags = rnd(4) == 0 ? 1u << rnd(4) : 0;
	}
}

static void
test_random(void)
{
	static char words[64][KWSET_WORD_MAX + 1];
	struct kwset_word list[64];
	static struct oracle o;
	char line[400];
	unsigned round, bad = 0, lines = 0;
	const char *what = NULL, *badline = "";
	static char keep[400];

	for (round = 0; round < 400; round++) {
		unsigned nw = 1 + rnd(40), i, t, flags = rnd(4);
		struct kwset *ks;

		random_words(words, list, nw);
		ks = kwset_new(list, nw, flags);
		oracle_build(&o, list, nw, flags);
		for (t = 0; t < 40; t++) {
			size_t n = random_text(line, sizeof line, rnd(120));
			const char *d;

			/* Words put in, so that most lines hold some. */
			for (i = rnd(4); i > 0; i--) {
				const char *w = words[rnd(nw)];
				size_t k = strlen(w), at = n ? rnd((unsigned)n) : 0;

				if (n + k >= sizeof line)
					break;
				memmove(line + at + k, line + at, n - at);
				memcpy(line + at, w, k);
				n += k;
			}
			lines++;
			if ((d = differ(ks, &o, line, n)) != NULL) {
				if (!bad++) {
					what = d;
					memcpy(keep, line, n + 1 < sizeof keep ?
					    n + 1 : sizeof keep);
					badline = keep;
				}
			}
		}
		kwset_free(ks);
	}
	ok(bad == 0, "random lines: kwset agrees with the naive matcher on "
	    "%u lines (%u differ%s%s)", lines, bad, what ? ", first in " : "",
	    what ? what : "");
	if (bad)
		printf("#   line: '%s'\n", badline);
}

/*
 * A set built with KWS_ENDINGS_ONLY answers kwset_ending_at() as the same
 * set built whole does, at every end of random lines, and finds nothing
 * otherwise.
 */
static void
test_endings_only(void)
{
	static char words[64][KWSET_WORD_MAX + 1];
	struct kwset_word list[64];
	char line[400];
	unsigned round, bad = 0, lines = 0, found = 0;

	for (round = 0; round < 200; round++) {
		unsigned nw = 1 + rnd(40), t, flags = rnd(4);
		struct kwset *whole, *ends;

		random_words(words, list, nw);
		whole = kwset_new(list, nw, flags);
		ends = kwset_new(list, nw, flags | KWS_ENDINGS_ONLY);
		for (t = 0; t < 40; t++) {
			size_t n = random_text(line, sizeof line, rnd(120)), e;
			struct kwset_iter it;
			struct kwset_match a, b;

			/* A word at the end, so that some ends hold one. */
			if (n + KWSET_WORD_MAX < sizeof line) {
				strcpy(line + n, words[rnd(nw)]);
				n += strlen(line + n);
			}
			lines++;
			for (e = 0; e <= n; e++) {
				int ha = kwset_ending_at(whole, line, e, &a);
				int hb = kwset_ending_at(ends, line, e, &b);

				found += ha;
				if (ha != hb || (ha && (a.start != b.start || a.len != b.len ||
				    a.word != b.word || a.tag != b.tag)))
					bad++;
			}
			kwset_iter_init(&it, ends, line, n);
			if (kwset_scan(ends, line, n, n) || kwset_scan_walk(ends, line, n, n) ||
			    kwset_iter_next(&it, &a))
				bad++;
		}
		kwset_free(whole);
		kwset_free(ends);
	}
	ok(bad == 0 && found > 0, "endings only: ending_at as the whole set's on %u lines "
	    "(%u words found at an end, %u differ), nothing else found", lines, found, bad);
}

/* --- lines of the corpus pages ------------------------------------------ */

/* Words of a Chinese and an English page's chrome, as a command has them. */
static const struct kwset_word chrome[] = {
	{ "分享到", 1, 0 }, { "返回顶部", 1, 0 }, { "版权所有", 2, 0 },
	{ "责任编辑", 4, 0 }, { "来源:", 4, 0 }, { "编辑:", 4, 0 },
	{ "相关阅读", 8, 0 }, { "上一篇", 8, 0 }, { "热门", 8, 0 },
	{ "©", 2, 0 }, { "QQ:", 16, 0 }, { "copyright", 2, 0 },
	{ "share", 32, 0 }, { "read more", 32, 0 }, { "subscribe", 64,
	KWW_SENTENCE_START }, { "声明:", 128, KWW_AT_START },
	{ "comments", 32, 0 }, { ".jpg", 256, 0 }, { "(c) 20", 2, 0 },
	{ "url", 512, KWW_NOT_AFTER_LETTER }, { "文", 1024, KWW_NOT_AFTER_HAN },
	{ "日期", 1024, 0 }, { "the", 2048, KWW_NOT_AFTER_LETTER },
};

static size_t
read_lines(char *buf, size_t cap)
{
	DIR *d = opendir("../shared/corpora/pages/text");
	struct dirent *de;
	size_t n = 0, files = 0;

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL && files < 60 && n + 1 < cap) {
		char path[512];
		FILE *f;

		if (strstr(de->d_name, ".txt") == NULL)
			continue;
		snprintf(path, sizeof path, "../shared/corpora/pages/text/%s",
		    de->d_name);
		if ((f = fopen(path, "rb")) == NULL)
			continue;
		n += fread(buf + n, 1, cap - 1 - n, f);
		fclose(f);
		files++;
	}
	closedir(d);
	buf[n] = '\0';
	return n;
}

static void
test_real(void)
{
	static char text[1 << 21];
	static struct oracle o;
	size_t n = read_lines(text, sizeof text), at, lines = 0, bad = 0;
	unsigned found = 0;
	int flags;
	const char *what = NULL;

	if (n == 0) {
		ok(1, "corpus lines # SKIP ../shared/corpora/pages absent");
		return;
	}
	for (flags = 0; flags < 4; flags++) {
		struct kwset *ks = kwset_new(chrome, sizeof chrome /
		    sizeof chrome[0], (unsigned)flags);

		oracle_build(&o, chrome, sizeof chrome / sizeof chrome[0],
		    (unsigned)flags);
		/* Every fourth line, to keep the naive matcher's time down. */
		for (at = 0; at < n;) {
			const char *nl = memchr(text + at, '\n', n - at);
			size_t len = nl ? (size_t)(nl - text - at) : n - at;
			const char *d;

			if (lines++ % 4 == 0) {
				found |= kwset_scan(ks, text + at, len, len);
				if ((d = differ(ks, &o, text + at, len)) &&
				    !bad++)
					what = d;
			}
			at += len + 1;
		}
		kwset_free(ks);
	}
	ok(bad == 0, "corpus lines: kwset agrees with the naive matcher on "
	    "%zu lines (%zu differ%s%s)", lines / 4, bad, what ? ", first in " :
	    "", what ? what : "");
	/* Not vacuous: the lines hold Chinese and English chrome alike. */
	ok((found & (1 | 2 | 4 | 8 | 32 | 1024)) == (1 | 2 | 4 | 8 | 32 | 1024),
	    "corpus lines hold the words of the common tags (%#x)", found);
}

/* --- what the header promises, case by case ----------------------------- */

static void
test_cases(void)
{
	static const struct kwset_word w[] = {
		{ "©", 1, 0 }, { "QQ:", 2, 0 }, { "登录", 4, 0 },
		{ "来源:", 8, 0 }, { "Copyright", 16, 0 },
		{ "声明:", 32, KWW_AT_START }, { "subscribe", 64,
		KWW_SENTENCE_START }, { "编辑", 128, KWW_NOT_AFTER_HAN },
		{ "date", 256, KWW_NOT_AFTER_LETTER }, { "更新时间", 512, 0 },
		{ "时间", 1024, 0 },
	};
	struct kwset *ks = kwset_new(w, sizeof w / sizeof w[0],
	    KWS_FOLD_ASCII | KWS_FULLWIDTH);
	struct kwset *exact = kwset_new(w, sizeof w / sizeof w[0], 0);
	struct kwset_match m;
	struct kwset_iter it;
	char buf[128];
	size_t pre, post, missed = 0;
	unsigned got;

	ok(kwset_scan(ks, "x ©", 4, 4) == 1, "a word of two bytes at the end");
	ok(kwset_scan(ks, "x ©", 4, 2) == 0, "... not when upto stops before it");
	ok(kwset_scan(ks, "加qq：", 8, 8) == 2, "QQ: folded, its colon in "
	    "full width, at the end");
	ok(kwset_scan(exact, "加qq:", 6, 6) == 0 && kwset_scan(exact, "QQ:", 3,
	    3) == 2, "no folding without KWS_FOLD_ASCII");
	ok(kwset_scan(exact, "来源：新华社", 18, 18) == 0 &&
	    kwset_scan(ks, "来源：新华社", 18, 18) == 8,
	    "the full-width colon only with KWS_FULLWIDTH");
	ok(kwset_scan(ks, "COPYRIGHT 2019", 14, 14) == 16, "upper case");
	ok(kwset_scan(ks, "声明：本站", 15, 15) == 32 &&
	    kwset_scan(ks, "本站声明：", 15, 15) == 0, "KWW_AT_START");
	got = kwset_scan(ks, "Thanks. Subscribe now", 21, 21) |
	    kwset_scan(ks, "Subscribe", 9, 9);
	ok(got == 64 && kwset_scan(ks, "to subscribe", 12, 12) == 0,
	    "KWW_SENTENCE_START");
	ok(kwset_scan(ks, "Thanks.\xc2\xa0Subscribe now", 22, 22) == 64 &&
	    kwset_scan(ks, "Thanks\xc2\xa0Subscribe", 17, 17) == 0,
	    "KWW_SENTENCE_START after a no-break space");
	ok(kwset_scan(ks, "责任编辑", 12, 12) == 0 &&
	    kwset_scan(ks, "(编辑", 7, 7) == 128, "KWW_NOT_AFTER_HAN");
	ok(kwset_scan(ks, "update", 6, 6) == 0 &&
	    kwset_scan(ks, "up-date", 7, 7) == 256, "KWW_NOT_AFTER_LETTER");
	/* First hit wins, in list order: 更新时间 before 时间. */
	ok(kwset_ending_at(ks, "最后更新时间", 18, &m) && m.word == 9 &&
	    m.start == 6 && m.len == 12, "ending_at: the first word of the list");
	{
		static const char colon[] = "来源：";

		ok(kwset_ending_at(ks, colon, 9, &m) && m.word == 3,
		    "ending_at: a full-width form is its word");
		is_mem(colon + m.start, m.len, colon, 9,
		    "ending_at: the match is the full-width form");
	}
	ok(!kwset_ending_at(ks, "x", 1, &m) && !kwset_ending_at(ks, "", 0, &m),
	    "ending_at: none");
	kwset_iter_init(&it, ks, "©登录 QQ:", strlen("©登录 QQ:"));
	ok(kwset_iter_next(&it, &m) && m.start == 0 && m.len == 2 &&
	    m.word == 0 && kwset_iter_next(&it, &m) && m.start == 2 &&
	    m.word == 2 && kwset_iter_next(&it, &m) && m.start == 9 &&
	    m.word == 1 && !kwset_iter_next(&it, &m), "iteration in order");
	/* A word at every offset around the 16-byte blocks the scan takes. */
	for (pre = 0; pre < 40; pre++)
		for (post = 0; post < 24; post++) {
			size_t n = pre + 6 + post;

			memset(buf, 'x', pre);
			memcpy(buf + pre, "登录", 6);
			memset(buf + pre + 6, 'y', post);
			missed += kwset_scan(ks, buf, n, n) != 4 ||
			    kwset_scan_walk(ks, buf, n, n) != 4;
		}
	ok(missed == 0, "a word at every offset (%zu missed)", missed);
	kwset_free(ks);
	kwset_free(exact);
	kwset_free(NULL);
}

/* A word the set cannot hold ends the program, naming it. */
static int
dies(const struct kwset_word *w)
{
	pid_t pid;
	int st;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(3);
		kwset_free(kwset_new(w, 1, 0));
		_exit(0);
	}
	return pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 2;
}

static void
test_bad_words(void)
{
	static const struct kwset_word bad[] = {
		{ "a", 1, 0 }, { " ab", 1, 0 }, { "9ab", 1, 0 }, { "\x80xy", 1, 0 },
		{ "a123456789012345678901234567890123456789abcdefgh", 1, 0 },
	};
	static const struct kwset_word good = { "ab", 1, 0 };
	size_t i, died = 0;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		died += dies(&bad[i]);
	ok(died == sizeof bad / sizeof bad[0], "words it cannot hold end the "
	    "program (%zu of %zu)", died, sizeof bad / sizeof bad[0]);
	ok(!dies(&good), "a word of two bytes is held");
}

int
main(void)
{
	test_cases();
	test_bad_words();
	test_random();
	test_endings_only();
	test_real();
	return done_testing();
}
