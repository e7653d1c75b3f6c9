/*
 * pagefeatures.c - what is known about a line as the first line of a page
 * (see pagefeatures.h).
 */
#include <math.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pagefeatures.h"
#include "links.h"
#include "recur.h"

#define NEW_LINES 10
#define STYLE_LINES 15
#define BOTTOM (L_COPY | L_FOOT)
#define TOPISH (L_TOP | L_SKIP | L_CRUMB | L_HOME)

#define BYTES_1 0x0101010101010101ULL
#define BYTES_7F 0x7f7f7f7f7f7f7f7fULL

/*
 * struct feat_side: the non-blank lines on one side of a candidate,
 * nearest first, within CONTEXT: at[] their window indexes, and byte j of
 * fur the FUR() classes of at[j], so that counting the lines of a class
 * among some of them is a few operations on one register.
 */

/*
 * Up to k (at most 8) non-blank lines from line i going in step (+1/-1),
 * within CONTEXT lines: stepping over blank lines by nb_back and nb_fwd.
 */
static size_t
side_get(struct feat_side *s, const struct pline *L, size_t n, size_t i, int step,
    size_t k)
{
	size_t lim = step > 0 ? n - i : i + 1, got = 0, left;
	uint64_t fur = 0;

	if (lim > CONTEXT)
		lim = CONTEXT;
	/* left: lines after i that the side may still look at. */
	for (left = lim - 1; got < k; i += step, left--) {
		size_t d = step > 0 ? L[i].nb_fwd : L[i].nb_back;

		if (d > left)
			break;
		i = step > 0 ? i + d : i - d;
		left -= d;
		s->at[got] = i;
		fur |= (uint64_t)L[i].fur << 8 * got;
		got++;
		if (left == 0)
			break;
	}
	s->fur = fur;
	s->n = got;
	return got;
}

/*
 * How far the kept sides of a line are moved on, at most: beyond, the
 * sides are found afresh (and most candidates are a line or two after
 * the one before).  Less than CONTEXT, so that the lines a side gains
 * are within its reach.
 */
#define SIDES_MOVE 8
_Static_assert(SIDES_MOVE < CONTEXT, "a side moves within its reach");
_Static_assert(NEAR < 8, "LOW_BYTES() keeps fewer than 8 bytes of P");

/* The bytes [0, k) of x, k <= 7. */
#define LOW_BYTES(x, k) ((x) & ((1ULL << 8 * (k)) - 1))

/*
 * The sides of line i of L[0..n) into s, from those s holds of line
 * j = s->of - 1, j < i <= j + SIDES_MOVE: the same lines side_get()
 * finds.  P: the non-blank lines of [j, i), nearest first, then those of
 * j's that are still within CONTEXT.  N: j's from line i on, then those
 * from where j's stopped (s->more) on, up to the end of i's reach.
 */
static void
sides_move(struct feat_sides *s, const struct pline *L, size_t n, size_t i)
{
	size_t j = s->of - 1, low = i > CONTEXT ? i - CONTEXT : 0;
	size_t high = (n - i < CONTEXT ? n : i + CONTEXT) - 1;
	size_t fresh[NEAR], got = 0, keep, drop = 0, c;
	uint64_t fur = 0;

	for (c = i - 1; got < NEAR; c--) {
		size_t d = L[c].nb_back;

		if (d > c - j)
			break;
		c -= d;
		fur |= (uint64_t)L[c].fur << 8 * got;
		fresh[got++] = c;
		if (c == j)
			break;
	}
	keep = s->P.n < NEAR - got ? s->P.n : NEAR - got;
	while (keep > 0 && s->P.at[keep - 1] < low)
		keep--;
	memmove(s->P.at + got, s->P.at, keep * sizeof *s->P.at);
	memcpy(s->P.at, fresh, got * sizeof *fresh);
	s->P.fur = fur | LOW_BYTES(s->P.fur << 8 * got, got + keep);
	s->P.n = got + keep;

	while (drop < s->N.n && s->N.at[drop] < i)
		drop++;
	got = s->N.n - drop;
	memmove(s->N.at, s->N.at + drop, got * sizeof *s->N.at);
	fur = drop < 8 ? s->N.fur >> 8 * drop : 0;
	for (c = s->more > i ? s->more : i; got < NEAR + 2 && c <= high; c++) {
		size_t d = L[c].nb_fwd;

		if (d > high - c)
			break;
		c += d;
		fur |= (uint64_t)L[c].fur << 8 * got;
		s->N.at[got++] = c;
	}
	s->N.fur = fur;
	s->N.n = got;
	s->more = got == NEAR + 2 ? s->N.at[NEAR + 1] + 1 : high + 1;
}

/* 0x80 in each byte of s's lines [from, to) that holds a class in cls. */
static inline uint64_t
side_bytes(const struct feat_side *s, unsigned from, unsigned to, unsigned cls)
{
	uint64_t x = s->fur & (uint64_t)(FUR(cls)) * BYTES_1;
	/* Bytes [from, to): a shift by 64 is not defined, a wrap is. */
	uint64_t range = (to < 8 ? 1ULL << 8 * to : 0) - (1ULL << 8 * from);

	return (((x & BYTES_7F) + BYTES_7F) | x) & ~BYTES_7F & range;
}

/* The lines of s of a class in cls, as bits (line j, bit j). */
static inline unsigned
side_of(const struct feat_side *s, unsigned cls)
{
	return (unsigned)(((side_bytes(s, 0, 8, cls) >> 7) *
	    0x0102040810204080ULL) >> 56);
}

/* How many of lines [from, to) of s are of a class in cls. */
static inline int
count(const struct feat_side *s, unsigned from, unsigned to, unsigned cls)
{
	return (int)(((side_bytes(s, from, to, cls) >> 7) * BYTES_1) >> 56);
}

/* log(1 + x) for x >= 0, to within 0.07. */
static inline double
ln1p(double x)
{
	return 0.6931472 * fast_log2((float)(1 + x));
}

/*
 * For each of the S_NBITS + 1 running sums (pline.cum): the difference,
 * made positive, between its share of the lines [a, i) and of [i, b),
 * given its sums ca before a, ci before i and cb before b, and the
 * inverse counts ia and ib.  The counts of a few lines are exact as
 * doubles, whichever way they are converted; with SSE2, two at a time.
 */
_Static_assert((S_NBITS + 1) % 4 == 0, "shares_apart() takes the sums by four");

static inline void
shares_apart(double d[S_NBITS + 1], const uint32_t *ca, const uint32_t *ci,
    const uint32_t *cb, double ia, double ib)
{
#if defined(__SSE2__)
	const __m128d va = _mm_set1_pd(ia), vb = _mm_set1_pd(ib);
	const __m128d sign = _mm_set1_pd(-0.0);
	int h;

	for (h = 0; h <= S_NBITS; h += 4) {
		__m128i x = _mm_loadu_si128((const __m128i *)(ca + h));
		__m128i y = _mm_loadu_si128((const __m128i *)(ci + h));
		__m128i z = _mm_loadu_si128((const __m128i *)(cb + h));
		__m128i before = _mm_sub_epi32(y, x), after = _mm_sub_epi32(z, y);
		__m128d lo = _mm_sub_pd(_mm_mul_pd(_mm_cvtepi32_pd(before), va),
		    _mm_mul_pd(_mm_cvtepi32_pd(after), vb));
		__m128d hi = _mm_sub_pd(
		    _mm_mul_pd(_mm_cvtepi32_pd(_mm_shuffle_epi32(before, 0x0e)), va),
		    _mm_mul_pd(_mm_cvtepi32_pd(_mm_shuffle_epi32(after, 0x0e)), vb));

		_mm_storeu_pd(d + h, _mm_andnot_pd(sign, lo));
		_mm_storeu_pd(d + h + 2, _mm_andnot_pd(sign, hi));
	}
#else
	int k;

	for (k = 0; k <= S_NBITS; k++) {
		uint32_t before = ci[k] - ca[k], after = cb[k] - ci[k];

		d[k] = (double)before * ia - (double)after * ib;
		if (d[k] < 0)
			d[k] = -d[k];
	}
#endif
}

/*
 * How differently the STYLE_LINES lines before i and those from i on are
 * laid out: the sum over the S_* bits (and width) of the difference of
 * their shares.
 */
static double
style_shift(const struct pline *L, size_t n, size_t i)
{
	static const uint32_t zero[S_NBITS + 1];
	size_t a = i > STYLE_LINES ? i - STYLE_LINES : 0;
	size_t b = i + STYLE_LINES < n ? i + STYLE_LINES : n;
	double na = (double)(i - a), nb = (double)(b - i), d[S_NBITS + 1], sum = 0;
	/* The running sums (pline.cum) before a, before i and before b. */
	const uint32_t *ca = a > 0 ? L[a - 1].cum : zero, *ci = L[i - 1].cum;
	const uint32_t *cb = L[b - 1].cum;
	int k;

	if (na == 0 || nb == 0)
		return 0;
	shares_apart(d, ca, ci, cb, 1 / na, 1 / nb);
	for (k = 0; k <= S_NBITS; k++)
		sum += k == S_NBITS ? d[k] / 200 : d[k];
	return sum;
}

/*
 * Window counts tie over a stretch of lines; weighing furniture by its
 * distance from i makes the score peak where the footer of one page
 * meets the header of the next.  A line of both kinds or of neither, and
 * a side's missing lines, add +0, which leaves the sum as it is: most
 * places, with no furniture near, need no sum at all.
 */
static double
junction(const struct feat_side *P, const struct feat_side *N)
{
	static const double by_distance[NEAR] = {
		1.0 / 1, 1.0 / 2, 1.0 / 3, 1.0 / 4, 1.0 / 5, 1.0 / 6
	};
	unsigned bp = side_of(P, BOTTOM), tp = side_of(P, TOPISH);
	unsigned tn = side_of(N, TOPISH), bn = side_of(N, BOTTOM);
	/* The distances where a term is not 0 (adding 0 changes no sum). */
	unsigned at = ((bp ^ tp) | (tn ^ bn)) & ((1u << NEAR) - 1);
	double sum = 0;

	for (; at; at &= at - 1) {
		int k = __builtin_ctz(at);
		double d = by_distance[k];

		sum += d * ((int)(bp >> k & 1) - (int)(tp >> k & 1));
		sum += d * ((int)(tn >> k & 1) - (int)(bn >> k & 1));
	}
	return sum;
}

/* The page furniture before the gap (P, last) and after it (N, first). */
static void
furniture(double *f, const struct feat_side *P, const struct feat_side *N,
    const struct pline *last, const struct pline *first)
{
	int bullets, bottom, top;

	f[F_COPY_NEAR] = count(P, 0, 3, L_COPY);
	f[F_COPY_FAR] = count(P, 3, 6, L_COPY);
	f[F_FOOT_LAST] = (last->cls & L_FOOT) != 0;
	f[F_FOOT_NEAR] = count(P, 1, 6, L_FOOT);
	f[F_PIXEL_LAST] = (last->cls & L_PIXEL) != 0;
	f[F_TOP_FIRST] = count(N, 0, 2, L_TOP);
	f[F_TOP_NEXT] = count(N, 2, 8, L_TOP);
	f[F_CRUMB_FIRST] = count(N, 0, 4, L_CRUMB) != 0;
	f[F_CRUMB_NEXT] = count(N, 4, 8, L_CRUMB) != 0;
	f[F_HOME_FIRST] = count(N, 0, 4, L_HOME) != 0;
	bullets = count(N, 0, 8, L_BULLET);
	f[F_BULLETS] = bullets >= 4 ? 2 : bullets >= 2;
	f[F_COPY_FIRST] = count(N, 0, 3, L_COPY) != 0;
	f[F_SHORT_FIRST] = first->chars <= 24 && !(first->cls & L_SENTENCE);
	f[F_PIXEL_FIRST] = (first->cls & L_PIXEL) != 0;
	f[F_SENTENCE_FIRST] = (first->cls & L_SENTENCE) && first->chars > 40;
	bottom = f[F_COPY_NEAR] + f[F_COPY_FAR] + f[F_FOOT_LAST] + f[F_FOOT_NEAR] > 0;
	top = f[F_TOP_FIRST] + f[F_TOP_NEXT] + f[F_CRUMB_FIRST] + f[F_BULLETS] > 0;
	f[F_BOTH] = bottom && top;
	f[F_TOP_LAST] = (last->cls & (L_TOP | L_CRUMB)) != 0;
	f[F_IN_LIST] = (last->cls & L_BULLET) && (first->cls & L_BULLET);
	f[F_SENTENCE_LAST] = (last->cls & L_SENTENCE) && last->chars > 60;
	f[F_TINY_LAST] = last->chars <= 2;
	f[F_FOOT_FIRST] = count(N, 0, 2, L_FOOT);
	f[F_SKIP_FIRST] = count(N, 0, 2, L_SKIP) != 0;
	f[F_END_LAST] = count(P, 0, 2, L_END);
	f[F_PIXEL_THEN_TOP] = (first->cls & L_PIXEL) &&
	    count(N, 1, 2, L_TOP | L_SKIP | L_CRUMB);
	f[F_TOP_BETWEEN] = count(P, 0, 3, L_TOP | L_SKIP | L_CRUMB | L_HOME);
	/* A counter right after the footer closes the page before it. */
	f[F_LONE_FIRST] = (first->cls & L_LONE) && count(P, 0, 3, L_COPY | L_FOOT);
	f[F_LONE_LAST] = (last->cls & L_LONE) && count(P, 1, 4, L_COPY | L_FOOT);
	f[F_JUNCTION] = junction(P, N);
}

/* The words linking across the gap before line i, and line i to the next. */
static void
gap_links(double *f, const struct pline *L, size_t n, size_t i)
{
	f[F_X_NEAR] = ln1p(L[i].cross[X_NEAR]);
	f[F_X_FAR] = ln1p(L[i].cross[X_FAR]);
	f[F_X_RARE] = ln1p(L[i].cross[X_RARE]);
	f[F_X_TINY] = ln1p(L[i].cross[X_TINY]);
	f[F_FIRST_FWD] = i + 1 < n ? ln1p(L[i + 1].lin[X_NEAR]) : 0;
}

/* The new words about the gap before line i, and the lines' own links. */
static void
word_links(double *f, const struct pline *L, size_t n, size_t i)
{
	/*
	 * A page of another site brings words not seen for a long while; the
	 * end of a page repeats words its top brought.
	 */
	size_t a = i > NEW_LINES ? i - NEW_LINES : 0;
	size_t b = i + NEW_LINES < n ? i + NEW_LINES : n;
	uint32_t wb = L[i - 1].cwords - (a > 0 ? L[a - 1].cwords : 0);
	uint32_t nb = L[i - 1].cnovel - (a > 0 ? L[a - 1].cnovel : 0);
	uint32_t wa = L[b - 1].cwords - L[i - 1].cwords;
	uint32_t na = L[b - 1].cnovel - L[i - 1].cnovel;

	f[F_NEW_AFTER] = wa ? (double)na / wa : 0;
	f[F_NEW_BEFORE] = wb ? (double)nb / wb : 0;
	/*
	 * Where exactly: the line that opens a page shares words with what
	 * follows it (F_FIRST_FWD, gap_links()), not with what precedes it;
	 * the last line of the page before the other way round.
	 */
	f[F_FIRST_BACK] = ln1p(L[i].lout[X_NEAR]);
	f[F_LAST_BACK] = ln1p(L[i - 1].lout[X_NEAR]);
	f[F_LAST_FWD] = ln1p(L[i].lin[X_NEAR]);
}

/* The mean role r of the first ROLE_LINES lines of s. */
static double
role_mean(const struct feat_side *s, const struct pline *L, int r)
{
	size_t k, n = s->n < ROLE_LINES ? s->n : ROLE_LINES;
	double sum = 0;

	for (k = 0; k < n; k++)
		sum += L[s->at[k]].role[r];
	return sum / (double)n;
}

/* The roles of the lines next to the gap: last before it, first after. */
static void
edge_roles(double *f, const struct pline *last, const struct pline *first)
{
	f[F_ROLE_FOOT_LAST] = last->role[R_FOOT];
	f[F_ROLE_HEAD_FIRST] = first->role[R_HEAD];
	f[F_ROLE_HEAD_LAST] = last->role[R_HEAD];
	f[F_ROLE_FOOT_FIRST] = first->role[R_FOOT];
}

/* A page's foot before the gap (P), a page's head after it (N). */
static void
roles(double *f, const struct feat_side *P, const struct feat_side *N,
    const struct pline *L)
{
	double foot = role_mean(P, L, R_FOOT), head = role_mean(N, L, R_HEAD);

	f[F_ROLE_FOOT_BEFORE] = foot;
	f[F_ROLE_HEAD_AFTER] = head;
	f[F_ROLE_TURN] = foot > 0 && head > 0 ? foot * head : 0;
}

/* The layout across the gap between lines a and b, last and first. */
static void
layout(double *f, const struct pline *a, const struct pline *b,
    const struct pline *last, const struct pline *first)
{
	f[F_BLANK_FIRST] = (b->cls & L_BLANK) && !(b->cls & L_EMPTY);
	f[F_SCRIPT] = (a->latin && (b->style >> S_CJK & 1)) ||
	    (b->latin && (a->style >> S_CJK & 1));
	f[F_SCRIPT_NB] = (last->latin && (first->style >> S_CJK & 1)) ||
	    (first->latin && (last->style >> S_CJK & 1));
	f[F_INDENT] = !((a->cls | b->cls) & L_BLANK) && a->indent != b->indent;
	f[F_LIST_START] = (b->cls & L_BULLET) && !(a->cls & (L_BULLET | L_BLANK));
	f[F_AFTER_EMPTY] = (a->cls & L_EMPTY) != 0;
}

/* A link sum of the log kind (ln1p()): 0 and on; no bound above. */
#define LINKS_RANGE 1, 0, INFINITY
/* |junction()|: both sides' furniture at every one of NEAR distances. */
#define JUNCTION_MAX (2 * (1 + 1 / 2. + 1 / 3. + 1 / 4. + 1 / 5. + 1 / 6.))
_Static_assert(NEAR == 6, "JUNCTION_MAX and junction() weigh NEAR distances");

#define EDGE (1 + FS_EDGE)
const struct feat_info feat_info[F_NFEATURES] = {
	[F_COPY_NEAR] = { EDGE, 1, 0, 3 },
	[F_COPY_FAR] = { EDGE, 1, 0, 3 },
	[F_FOOT_LAST] = { EDGE, 1, 0, 1 },
	[F_FOOT_NEAR] = { EDGE, 1, 0, 5 },
	[F_PIXEL_LAST] = { EDGE, 1, 0, 1 },
	[F_TOP_FIRST] = { EDGE, 1, 0, 2 },
	[F_TOP_NEXT] = { EDGE, 1, 0, 6 },
	[F_CRUMB_FIRST] = { EDGE, 1, 0, 1 },
	[F_CRUMB_NEXT] = { EDGE, 1, 0, 1 },
	[F_HOME_FIRST] = { EDGE, 1, 0, 1 },
	[F_BULLETS] = { EDGE, 1, 0, 2 },
	[F_COPY_FIRST] = { EDGE, 1, 0, 1 },
	[F_SHORT_FIRST] = { EDGE, 1, 0, 1 },
	[F_PIXEL_FIRST] = { EDGE, 1, 0, 1 },
	[F_SENTENCE_FIRST] = { EDGE, 1, 0, 1 },
	[F_BOTH] = { EDGE, 1, 0, 1 },
	[F_TOP_LAST] = { EDGE, 1, 0, 1 },
	[F_IN_LIST] = { EDGE, 1, 0, 1 },
	[F_SENTENCE_LAST] = { EDGE, 1, 0, 1 },
	[F_BLANK_FIRST] = { EDGE, 1, 0, 1 },
	[F_TINY_LAST] = { EDGE, 1, 0, 1 },
	[F_FOOT_FIRST] = { EDGE, 1, 0, 2 },
	[F_SKIP_FIRST] = { EDGE, 1, 0, 1 },
	[F_END_LAST] = { EDGE, 1, 0, 2 },
	[F_PIXEL_THEN_TOP] = { EDGE, 1, 0, 1 },
	[F_TOP_BETWEEN] = { EDGE, 1, 0, 3 },
	[F_LONE_FIRST] = { EDGE, 1, 0, 1 },
	[F_LONE_LAST] = { EDGE, 1, 0, 1 },
	[F_JUNCTION] = { EDGE, 1, -JUNCTION_MAX, JUNCTION_MAX },
	/* A share's difference at most 1 for each bit and the width. */
	[F_STYLE] = { 1 + FS_STYLE, 1, 0, S_NBITS + 1 },
	/* The sums across a gap are differences of running sums, which
	   rounding may leave a little below 0: unbounded. */
	[F_X_NEAR] = { EDGE, 0, 0, 0 },
	[F_X_FAR] = { EDGE, 0, 0, 0 },
	[F_X_RARE] = { EDGE, 0, 0, 0 },
	[F_X_TINY] = { EDGE, 0, 0, 0 },
	/* New words are some of the words. */
	[F_NEW_AFTER] = { 1 + FS_WORDS, 1, 0, 1 },
	[F_NEW_BEFORE] = { 1 + FS_WORDS, 1, 0, 1 },
	/* A line's own link sums add weights of 0 and more. */
	[F_FIRST_BACK] = { 1 + FS_WORDS, LINKS_RANGE },
	[F_FIRST_FWD] = { EDGE, LINKS_RANGE },
	[F_LAST_BACK] = { 1 + FS_WORDS, LINKS_RANGE },
	[F_LAST_FWD] = { 1 + FS_WORDS, LINKS_RANGE },
	[F_BIAS] = { EDGE, 1, 1, 1 },
	/* feat_recur(), which the decoder calls with the first stage: a bit,
	   and log(1 + a run of RECUR_RUN at most) (log 9 < 2.2). */
	[F_REC_SEEN] = { EDGE, 1, 0, 1 },
	[F_REC_HEAD] = { EDGE, 1, 0, 2.2 },
	[F_REC_FOOT] = { EDGE, 1, 0, 2.2 },
	[F_REC_NEAR_HEAD] = { EDGE, 1, 0, 2.2 },
	[F_REC_NEAR_FOOT] = { EDGE, 1, 0, 2.2 },
	[F_SCRIPT] = { EDGE, 1, 0, 1 },
	[F_SCRIPT_NB] = { EDGE, 1, 0, 1 },
	[F_INDENT] = { EDGE, 1, 0, 1 },
	[F_LIST_START] = { EDGE, 1, 0, 1 },
	[F_AFTER_EMPTY] = { EDGE, 1, 0, 1 },
	/* Roles are log-odds clipped to [-8, 8] (pagerole.h). */
	[F_ROLE_FOOT_LAST] = { EDGE, 1, -8, 8 },
	[F_ROLE_FOOT_BEFORE] = { 1 + FS_ROLES, 1, -8, 8 },
	[F_ROLE_HEAD_FIRST] = { EDGE, 1, -8, 8 },
	[F_ROLE_HEAD_AFTER] = { 1 + FS_ROLES, 1, -8, 8 },
	[F_ROLE_HEAD_LAST] = { EDGE, 1, -8, 8 },
	[F_ROLE_FOOT_FIRST] = { EDGE, 1, -8, 8 },
	[F_ROLE_TURN] = { 1 + FS_ROLES, 1, 0, 64 },
};

int
feat_first(struct feat_ctx *c, double f[F_NFEATURES],
    const struct pline *at[ATTR_AT], const struct pline *L, size_t n, size_t i,
    struct feat_sides *keep)
{
	const struct pline *first, *last;

	struct feat_sides *s = keep ? keep : &c->own;

	if (keep && keep->of > 0 && keep->of - 1 < i && i <= keep->of - 1 + SIDES_MOVE)
		sides_move(s, L, n, i);
	else {
		side_get(&s->P, L, n, i - 1, -1, NEAR);
		side_get(&s->N, L, n, i, 1, NEAR + 2);
		s->more = s->N.n == NEAR + 2 ? s->N.at[NEAR + 1] + 1 :
		    (n - i < CONTEXT ? n : i + CONTEXT);
	}
	s->of = i + 1;
	c->P = &s->P;
	c->N = &s->N;
	if (s->P.n == 0 || s->N.n == 0)
		return 0;
	c->L = L;
	c->n = n;
	c->i = i;
	c->first = first = &L[c->N->at[0]];
	c->last = last = &L[c->P->at[0]];
	furniture(f, c->P, c->N, last, first);
	gap_links(f, L, n, i);
	f[F_BIAS] = 1;
	layout(f, &L[i - 1], &L[i], last, first);
	edge_roles(f, last, first);
	at[0] = &L[i - 1];
	at[1] = &L[i];
	at[2] = last;
	at[3] = first;
	at[4] = i >= 2 ? &L[i - 2] : NULL;
	at[5] = i + 1 < n ? &L[i + 1] : NULL;
	return 1;
}

void
feat_next(struct feat_ctx *c, double f[F_NFEATURES], int stage)
{
	switch (stage) {
	case FS_ROLES:
		roles(f, c->P, c->N, c->L);
		break;
	case FS_STYLE:
		f[F_STYLE] = style_shift(c->L, c->n, c->i);
		break;
	case FS_WORDS:
		word_links(f, c->L, c->n, c->i);
		break;
	}
}

int
feat_line(double f[F_NFEATURES], const struct pline *at[ATTR_AT],
    const struct pline *L, size_t n, size_t i, int all)
{
	struct feat_ctx c;
	int m, k;

	/* Every feature before F_ATTR is set by the stages; the rest only
	   for all. */
	if (all)
		memset(f, 0, F_NFEATURES * sizeof *f);
	if (!feat_first(&c, f, at, L, n, i, NULL))
		return 0;
	for (m = FS_EDGE + 1; m < FS_NSTAGES; m++)
		feat_next(&c, f, m);
	for (m = 0; all && m < ATTR_AT; m++)
		for (k = 0; at[m] && k < NATTRS; k++)
			f[F_ATTR + m * NATTRS + k] = at[m]->attr >> k & 1;
	return 1;
}

/* log(1 + k), k = 0 .. RECUR_RUN */
static const double log1p_run[RECUR_RUN + 1] = {
	0, 0.693147, 1.098612, 1.386294, 1.609438, 1.791759, 1.945910, 2.079442,
	2.197225
};

void
feat_recur(double f[F_NFEATURES], const struct pline *L, size_t known, size_t i)
{
	size_t j = i, k;
	int run = 0, near = 0;

	f[F_REC_SEEN] = L[i].rseen;
	f[F_REC_HEAD] = f[F_REC_FOOT] = 0;
	f[F_REC_NEAR_HEAD] = f[F_REC_NEAR_FOOT] = 0;
	if (L[i].rseen || (L[i].cls & L_BLANK))
		return;
	while (run < RECUR_RUN) {
		k = j + 1;
		if (k < known && (L[k].cls & L_BLANK))
			k = L[k].nb_fwd == NB_NONE ? known : k + L[k].nb_fwd;
		if (k >= known || !L[k].rseen)
			break;
		/* A near pair is one met before: its run is this run's head. */
		near += near == run && L[k].rnear;
		run++;
		j = k;
	}
	f[F_REC_HEAD] = log1p_run[run];
	f[F_REC_FOOT] = log1p_run[L[i].rback];
	f[F_REC_NEAR_HEAD] = log1p_run[near];
	f[F_REC_NEAR_FOOT] = log1p_run[L[i].rnback];
}
