/*
 * authmodel.c - the name lists a byline near the title can give, on a page
 * not in Chinese, their features and their score under the fitted weights
 * (authmodel_gen.c, made by scripts/gen-authmodel.py from what a
 * -DMETA_TUNE build prints of them).  The grammar states facts of the
 * languages: the words that introduce a byline ("By", "Von", "Par",
 * "Por"...), where a byline's names end (a date, a bar, "Updated"), how
 * names are joined ("and", "und", "et", ","), and the shape of a name
 * (one to five capitalised words, particles such as "van" and "de" aside).
 * Only the lines within a few of the title are read.
 */
#include <math.h>
#include <string.h>

#include "authmodel.h"
#include "authmodel_gen.h"
#include "fitmodel.h"
#include "titlemodel.h"

#define AF_NAME(n) #n,
const char *const auth_feature_names[AF_N] = { AUTH_FEATURES(AF_NAME) };
#undef AF_NAME

/* Nonblank lines read above and below the title. */
#define ABOVE 10
#define BELOW 20
/* Nonblank lines read above and below the published date's, outside those. */
#define DATE_ABOVE 4
#define DATE_BELOW 2
/* Longer lines hold no byline; no line of names alone is this long. */
#define MAX_VIS 250
#define MAX_BARE_VIS 100
/* How far around a name its repeats are counted. */
#define REPEAT_SPAN 8192

/*
 * The words that introduce a byline, longest first; by 1: "by" and its kin.
 * tail is the length of the last word: a shorter word cannot end in it.
 */
#define KW(w, tail, by) { w, sizeof(w) - 1, tail, by }
static const struct {
	const char *w;
	size_t len, tail;
	int by;
} keywords[] = {
	KW("reporting by", 2, 1), KW("written by", 2, 1), KW("words by", 2, 1),
	KW("as told to", 2, 1),
	KW("story by", 2, 1), KW("text by", 2, 1), KW("redacción", 10, 2),
	KW("Автор", 10, 2), KW("автор", 10, 2), KW("reportage", 9, 2),
	/* Japanese: the poster, the writer, the author, the text's, the reporter */
	KW("投稿者", 9, 2), KW("執筆者", 9, 2), KW("著者", 6, 2), KW("筆者", 6, 2),
	KW("記者", 6, 2), KW("文", 3, 2), KW("autorin", 7, 2),
	KW("autore", 6, 2), KW("auteur", 6, 2), KW("author", 6, 2), KW("yazar", 5, 2),
	KW("przez", 5, 2), KW("autor", 5, 2), KW("texto", 5, 2), KW("door", 4, 2),
	KW("text", 4, 2), KW("von", 3, 2), KW("par", 3, 2), KW("por", 3, 2), KW("by", 2, 1),
	KW("di", 2, 2), KW("av", 2, 2), KW("af", 2, 2), KW("de", 2, 2),
};
#undef KW

/*
 * Words after which a byline's names have ended: in either case, and the
 * small words only in small letters (a capitalised "Le" or "El" may be a
 * name's).
 */
static const char *const stop_words[] = {
	"published", "updated", "posted", "veröffentlicht", "aktualisiert", "publié",
	"mis à jour", "publicado", "actualizado", "pubblicato", "aggiornato", "atualizado",
	"gepubliceerd", "bijgewerkt", "publikacja", "aktualizacja", "güncelleme",
	"güncellendi", "yayınlanma", "staff writer", "correspondent", "reporter", "editor",
	/* the words that open a role's title: "Contributing Editor", "Deputy ... Director" */
	"contributing", "senior", "deputy",
};	/* (their first letters: "puvamscregbyd", NB_STOP in name_byte) */
static const char *const small_stop_words[] = {	/* (first letters "aoleiufmc": NB_SMALL) */
	"am", "on", "le", "el", "il", "um", "at", "in", "for",
	/* "with" a second credit: "Von Diana Resnik mit AP", "avec", "con", "com", "met" */
	"mit", "avec", "con", "com", "met",
};

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* What joins names in a list. */
static const char *const joiners[] = {
	" and ", " und ", " et ", " y ", " e ", " og ", " och ", " en ", " i ", " ve ", " и ",
};

/* Name particles, written in small letters inside a name. */
static const char *const particles[] = {
	"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos",
	"bin", "al", "el", "zu", "ter", "y",
};

/* A role on the line: the byline names a staff member, not an outlet. */
static const char *const roles[] = {
	"staff", "writer", "reporter", "editor", "correspondent", "contributor",
	"columnist", "redaktion", "redakteur", "journalist", "rédaction", "redacción",
	"autor", "author",
};

/* A credit on the line: a photograph's, not the article's. */
static const char *const credits[] = {
	"photo", "foto", "image", "bild", "credit", "getty", "shutterstock", "reuters",
	"imago", "picture", "video", "illustration", "grafik",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int
is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* Is a[0..n) b[0..n), ASCII letters in either case when fold? */
static int
same_bytes(const char *a, const char *b, size_t n, int fold)
{
	size_t i;

	if (!fold)
		return memcmp(a, b, n) == 0;
	for (i = 0; i < n; i++)
		if (ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i]))
			return 0;
	return 1;
}

static int
is_letter(unsigned char c)
{
	return is_lower(c) || (c >= 'A' && c <= 'Z');
}

/* Bytes of the capital letter at s[0..n) (Latin, Greek, Cyrillic), or 0. */
static inline size_t
capital_at(const unsigned char *s, size_t n)
{
	if (!n)
		return 0;
	if (s[0] >= 'A' && s[0] <= 'Z')
		return 1;
	if (n < 2)
		return 0;
	if (s[0] == 0xc3)
		return s[1] >= 0x80 && s[1] <= 0x9e && s[1] != 0x97 ? 2 : 0;
	if (s[0] == 0xc4 || (s[0] == 0xc5 && s[1] <= 0xbe))
		return (s[1] & 1) == 0 ? 2 : 0;	/* Latin Extended-A: mostly even */
	if (s[0] == 0xd0)
		return s[1] >= 0x80 && s[1] <= 0xaf ? 2 : 0;
	if (s[0] == 0xce)
		return s[1] >= 0x91 && s[1] <= 0xa9 ? 2 : 0;
	return 0;
}

/* Is the word w (ASCII case folded) at s[i], not inside a longer word? */
static inline int
word_at(const char *s, size_t n, size_t i, const char *w)
{
	size_t k;

	if (ascii_lower((unsigned char)s[i]) != (unsigned char)w[0])
		return 0;	/* (w is in small letters) */
	k = strlen(w);
	if (i + k > n || (i > 0 && is_letter((unsigned char)s[i - 1])) ||
	    (i + k < n && (is_letter((unsigned char)s[i + k]) || (unsigned char)s[i + k] >= 0x80)))
		return 0;
	return ci_rest(s + i, w, k);
}

/* Does one of the words appear in s[0..n) as a word? */
static int
has_word(const char *s, size_t n, const char *const *w, size_t nw)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		if (is_letter((unsigned char)s[i]) && (i == 0 || !is_letter((unsigned char)s[i - 1])))
			for (k = 0; k < nw; k++)
				if (word_at(s, n, i, w[k]))
					return 1;
	return 0;
}

/* A month's name then a number, at s[i]: "Dec 21, 2023", "January 2". */
static int
month_then_number(const char *s, size_t n, size_t i)
{
	size_t k, j;

	for (k = 0; k < COUNT(months); k++)
		if (i + 3 <= n && ascii_lower((unsigned char)s[i]) == months[k][0] &&
		    ci_rest(s + i, months[k], 3))
			break;
	if (k == COUNT(months))
		return 0;
	for (j = i + 3; j < n && is_letter((unsigned char)s[j]); j++)
		;
	if (j < n && s[j] == '.')
		j++;
	if (j >= n || s[j] != ' ')
		return 0;
	while (j < n && s[j] == ' ')
		j++;
	return j < n && s[j] >= '0' && s[j] <= '9';
}

/*
 * What names_end() looks for at a byte: one of "|@([+/" (NB_END), the
 * first letter of a stop word (NB_STOP) or of a small one (NB_SMALL) or
 * of a month (NB_MONTH): one look-up a byte, not a strchr().  NB_LOOK
 * marks the other bytes names_end() tests (a digit, a blank, the lead
 * bytes of • and ·), so that a byte with none of NB_ASK is passed by one
 * test: most bytes are a name's letters.
 */
enum { NB_END = 1, NB_STOP = 2, NB_SMALL = 4, NB_MONTH = 8, NB_LOOK = 16 };
#define NB_ASK (NB_END | NB_STOP | NB_SMALL | NB_LOOK)
static const unsigned char name_byte[256] = {
	['0'] = NB_LOOK, ['1'] = NB_LOOK, ['2'] = NB_LOOK, ['3'] = NB_LOOK, ['4'] = NB_LOOK,
	['5'] = NB_LOOK, ['6'] = NB_LOOK, ['7'] = NB_LOOK, ['8'] = NB_LOOK, ['9'] = NB_LOOK,
	[' '] = NB_LOOK, [0xe2] = NB_LOOK, [0xc2] = NB_LOOK,
	['('] = NB_END, ['+'] = NB_END, ['/'] = NB_END, ['@'] = NB_END,
	['A'] = NB_STOP | NB_MONTH, ['B'] = NB_STOP, ['C'] = NB_STOP, ['D'] = NB_STOP | NB_MONTH,
	['E'] = NB_STOP, ['F'] = NB_MONTH, ['G'] = NB_STOP, ['J'] = NB_MONTH,
	['M'] = NB_STOP | NB_MONTH, ['N'] = NB_MONTH, ['O'] = NB_MONTH, ['P'] = NB_STOP,
	['R'] = NB_STOP, ['S'] = NB_STOP | NB_MONTH, ['U'] = NB_STOP, ['V'] = NB_STOP,
	['Y'] = NB_STOP, ['['] = NB_END, ['a'] = NB_STOP | NB_SMALL | NB_MONTH,
	['b'] = NB_STOP, ['c'] = NB_STOP | NB_SMALL, ['d'] = NB_STOP | NB_MONTH,
	['e'] = NB_STOP | NB_SMALL, ['f'] = NB_SMALL | NB_MONTH, ['g'] = NB_STOP,
	['i'] = NB_SMALL, ['j'] = NB_MONTH, ['l'] = NB_SMALL,
	['m'] = NB_STOP | NB_SMALL | NB_MONTH, ['n'] = NB_MONTH,
	['o'] = NB_SMALL | NB_MONTH, ['p'] = NB_STOP, ['r'] = NB_STOP,
	['s'] = NB_STOP | NB_MONTH, ['u'] = NB_STOP | NB_SMALL, ['v'] = NB_STOP,
	['y'] = NB_STOP, ['|'] = NB_END,
};

/*
 * Does a stop word start at s[i], run onto the word before it with no
 * blank ("Caroline DelbertPublished: Oct 16", as w3m joins two spans)?
 */
static int
stop_run_on(const char *s, size_t n, size_t i)
{
	size_t k, l;

	if (i == 0 || !is_lower((unsigned char)s[i - 1]) || s[i] < 'A' || s[i] > 'Z')
		return 0;
	for (k = 0; k < COUNT(stop_words); k++) {
		l = strlen(stop_words[k]);
		if (i + l <= n && ascii_lower((unsigned char)s[i]) == (unsigned char)stop_words[k][0] &&
		    ci_rest(s + i, stop_words[k], l) &&
		    (i + l == n || (!is_letter((unsigned char)s[i + l]) &&
		    (unsigned char)s[i + l] < 0x80)))
			return 1;
	}
	return 0;
}

static size_t joiner_at(const char *s, size_t n, size_t i);

/* Where a byline's names end in s[0..n): a bar, a date, a role, "Updated". */
static size_t
names_end(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned b = name_byte[c];

		if (!(b & NB_ASK))
			continue;
		if (b & NB_END)
			return i;
		/* A name holds no digit: "Associated Press3 minute Read", run on by w3m. */
		if (c >= '0' && c <= '9' && i > 0 && is_letter((unsigned char)s[i - 1]))
			return i;
		if ((c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0xa2) || (c == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xb7))
			return i;	/* • · */
		if (c == ' ' && i + 1 < n) {
			const char *t = s + i + 1;

			/* (blanks then "and": one list, "Chris E. Hayner  and Tom Caswell") */
			if ((t[0] == ' ' && !joiner_at(s, n, i + 1)) || (t[0] >= '0' && t[0] <= '9'))
				return i;
			/* "By Kashmira Gander On 11/13/19": "On" and a date end the names. */
			if (i + 4 < n && (t[0] | 0x20) == 'o' && t[1] == 'n' && t[2] == ' ' &&
			    t[3] >= '0' && t[3] <= '9')
				return i;
			if (i + 2 < n && t[0] == '-' && t[1] == ' ')
				return i;
			if (i + 4 < n && (unsigned char)t[0] == 0xe2 && (unsigned char)t[1] == 0x80 &&
			    ((unsigned char)t[2] == 0x93 || (unsigned char)t[2] == 0x94))
				return i;	/* – — */
			if ((name_byte[(unsigned char)t[0]] & NB_MONTH) &&
			    month_then_number(s, n, i + 1))
				return i;
		}
		if ((b & NB_STOP) && stop_run_on(s, n, i))
			return i;
		if (!(b & (NB_STOP | NB_SMALL)) || (i > 0 && s[i - 1] != ' '))
			continue;
		for (k = 0; (b & NB_STOP) && k < COUNT(stop_words); k++)
			if (word_at(s, n, i, stop_words[k]))
				return i;
		for (k = 0; (b & NB_SMALL) && k < COUNT(small_stop_words); k++)
			if (word_at(s, n, i, small_stop_words[k]) &&
			    memcmp(s + i, small_stop_words[k], strlen(small_stop_words[k])) == 0)
				return i;
	}
	return n;
}

/* Is tok[0..n) a particle of a name ("van", "de")? */
static int
particle(const char *tok, size_t n)
{
	size_t k;

	for (k = 0; k < COUNT(particles); k++)
		if (n && tok[0] == particles[k][0] && strlen(particles[k]) == n &&
		    memcmp(tok, particles[k], n) == 0)
			return 1;
	return 0;
}

/* A capitalised word of a name: letters, ' ’ . -, no "NoticeTerms" run-together. */
static int
name_token(const char *t, size_t n)
{
	static const char *const prefixes[] = { "Mc", "Mac", "O'", "De", "La", "Di", "Le" };
	size_t i, k, from = 1;

	if (!capital_at((const unsigned char *)t, n))
		return 0;
	for (k = 0; k < COUNT(prefixes); k++)
		if (n > strlen(prefixes[k]) && memcmp(t, prefixes[k], strlen(prefixes[k])) == 0 &&
		    t[strlen(prefixes[k])] >= 'A' && t[strlen(prefixes[k])] <= 'Z')
			from = strlen(prefixes[k]) + 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];

		if (!(is_letter(c) || c >= 0x80 || c == '\'' || c == '.' || c == '-'))
			return 0;
		if (i >= from && c >= 'A' && c <= 'Z' && is_lower((unsigned char)t[i - 1]))
			return 0;
	}
	return 1;
}

/* Is s[0..n) shaped like a name: one to five words, capitalised but for particles? */
static int
name_shaped(const char *s, size_t n, int *tokens)
{
	size_t i = 0, chars = 0, k;
	int words = 0, caps = 0, last_particle = 0;

	for (k = 0; k < n; k++)
		chars += ((unsigned char)s[k] & 0xc0) != 0x80;
	if (!n || chars > 45)
		return 0;
	while (i < n) {
		size_t a;

		while (i < n && s[i] == ' ')
			i++;
		for (a = i; i < n && s[i] != ' '; i++)
			if (s[i] >= '0' && s[i] <= '9')
				return 0;
		if (i == a)
			break;
		words++;
		if ((last_particle = particle(s + a, i - a)) != 0)
			continue;
		if (!name_token(s + a, i - a))
			return 0;
		caps++;
	}
	*tokens = words;
	/* A particle leads a surname, never ends a name: "Kommentar von" is none. */
	return words >= 1 && words <= 5 && caps > 0 && !last_particle;
}

/* Does s[a..b) end in an abbreviation whose dot is part of a name: "Jr.", "Sr."? */
static int
suffix_dot(const char *s, size_t a, size_t b)
{
	return b - a > 4 && s[b - 1] == '.' && s[b - 4] == ' ' &&
	    (memcmp(s + b - 3, "Jr", 2) == 0 || memcmp(s + b - 3, "Sr", 2) == 0);
}

/* The item s[a..b) trimmed of blanks and punctuation, a final initial's dot kept. */
static void
trim_item(const char *s, size_t *a, size_t *b)
{
	while (*a < *b && strchr(" ,;:", s[*a]))
		(*a)++;
	while (*b > *a && strchr(" ,;:", s[*b - 1]))
		(*b)--;
	if (*b > *a && s[*b - 1] == '.' && !(*b - *a >= 2 && s[*b - 2] >= 'A' && s[*b - 2] <= 'Z' &&
	    (*b - *a == 2 || s[*b - 3] == ' ')) && !suffix_dot(s, *a, *b))
		(*b)--;
}

/* Bytes of the joiner of names at s[i] (", ", " and ", "&"), or 0. */
static size_t
joiner_at(const char *s, size_t n, size_t i)
{
	size_t k;

	if (s[i] == ',' || s[i] == '&')
		return 1;
	if (s[i] != ' ' || i + 1 >= n || !(strchr("aAuUeEyYoOiIvV", s[i + 1]) ||
	    (unsigned char)s[i + 1] == 0xd0))
		return 0;	/* (the joiners' first letters; 0xd0 opens "и") */
	/* (Each joiner's second byte compared first: a strlen costs more.) */
	for (k = 0; k < COUNT(joiners); k++)
		if (ascii_lower((unsigned char)s[i + 1]) ==
		    ascii_lower((unsigned char)joiners[k][1]) && n - i >= strlen(joiners[k]) &&
		    ci_rest(s + i, joiners[k], strlen(joiners[k])))
			return strlen(joiners[k]);
	return 0;
}

/* A month's name or its short form, which a date leaves where names stand. */
static int
month_word(const char *s, size_t n)
{
	static const char *const full[] = { "january", "february", "march", "april", "june",
		"july", "august", "september", "sept", "october", "november", "december" };
	size_t k;

	if (n == 3 || (n == 4 && s[3] == '.'))
		for (k = 0; k < COUNT(months); k++)
			if (ascii_lower((unsigned char)s[0]) == months[k][0] && ci_rest(s, months[k], 3))
				return 1;
	for (k = 0; k < COUNT(full); k++)
		if (n && ascii_lower((unsigned char)s[0]) == full[k][0] && strlen(full[k]) == n &&
		    ci_rest(s, full[k], n))
			return 1;
	return 0;
}

/* Does s[0..n) end in one of the nw words w[] (in small letters), after a blank? */
static int
last_word_in(const char *s, size_t n, const char *const *w, size_t nw)
{
	size_t k, l;

	for (k = 0; k < nw; k++) {
		l = strlen(w[k]);
		if (n > l && s[n - l - 1] == ' ' && ascii_lower((unsigned char)s[n - l]) == w[k][0] &&
		    ci_rest(s + n - l, w[k], l))
			return 1;
	}
	return 0;
}

/* Does s[0..n) end in a word for a group: "Editorial Staff", "News Desk", "Redaktion"? */
static int
collective(const char *s, size_t n)
{
	static const char *const w[] = { "staff", "team", "desk", "editors", "newsroom",
		"redaktion", "rédaction", "redacción", "redazione", "board" };

	return last_word_in(s, n, w, COUNT(w));
}

/*
 * Is the name-shaped s[0..n) a person's?  Not a credential ("MS"), a
 * placeholder ("admin"), a byline's label word, a month, nor a group
 * ("Practical Horseman Editorial Staff").  (An organisation's name, "USA
 * TODAY", and a role are features: "Amanda Cappelli Fox News" and "Jane
 * Doe Staff Writer" cut to two words are persons.)
 */
static int
person(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < COUNT(keywords); k++)
		if (keywords[k].len == n && ascii_lower((unsigned char)s[0]) == (unsigned char)keywords[k].w[0] &&
		    ci_rest(s, keywords[k].w, n))
			return 0;	/* a label: "Author:" over its value */
	return !credential(s, n) && !not_a_name(s, n) && !month_word(s, n) && !collective(s, n);
}

/*
 * The names of the byline text s[0..n) (at base in pg->n), which end at end
 * (names_end's), into c: split at the joiners, the first item
 * name-shaped and the rest kept where they are.  Returns end, or 0 if none.
 */
static size_t
read_names(const char *s, size_t n, size_t end, size_t base, struct acand *c,
    int *first_tokens)
{
	size_t i, st = 0;
	int tokens;

	c->nn = 0;
	for (i = 0; i <= end; i++) {
		/* (joiner_at is asked only at its first bytes: most bytes are a name's) */
		size_t j = i == end ? 1 : s[i] == ' ' || s[i] == ',' || s[i] == '&' ?
		    joiner_at(s, end, i) : 0, a = st, b = i;

		if (!j)
			continue;
		trim_item(s, &a, &b);
		if (b > a) {
			int shaped = name_shaped(s + a, b - a, &tokens) && person(s + a, b - a);

			if (st == 0 || c->nn == 0) {
				if (!shaped)
					return 0;
				*first_tokens = tokens;
			}
			/*
			 * An item that is no name ends the list, and what follows is
			 * its: "by Dennis Thompson, U.S. National Institute of
			 * Allergy and Infectious Diseases".
			 */
			if (!shaped) {
				c->slash = 0;
				return st;
			}
			if (c->nn < ACAND_NAMES) {
				c->off[c->nn] = base + a;
				c->len[c->nn++] = b - a;
			}
		} else if (st == 0)
			return 0;
		st = i + j;
		i = st - 1;
	}
	c->slash = end < n && s[end] == '/';
	return c->nn ? end : 0;
}

/*
 * Could the last item of a list be the outlet after the names: an
 * organisation, a web address, one word ("Jane Doe, Reuters")?  Not a
 * second person, nor the half of a deck ("Rising Seas, Falling Budgets").
 */
static int
outlet_like(const char *s, size_t n)
{
	size_t i;

	/* A web address's dot has a letter after it; an initial's a blank: "John Q. Public". */
	for (i = 0; i + 1 < n; i++)
		if (s[i] == '.' && is_letter((unsigned char)s[i + 1]))
			return 1;
	return org_name(s, n) || !memchr(s, ' ', n);
}

/* Are the first nn names of c all organisations ("USA TODAY", "Fox News")? */
static int
all_orgs(const struct page *pg, const struct acand *c, size_t nn)
{
	size_t k;

	for (k = 0; k < nn; k++)
		if (!org_name(pg->n + c->off[k], c->len[k]))
			return 0;
	return 1;
}

/*
 * Is s[0..n) a news agency's name, ending in the word for one: "Associated
 * Press", "CNN Wire", "Xinhua News Agency", "Tribune News Service"?  Or
 * the short name a wire service signs its stories with, in any case:
 * "Von DPA", "By AFP", "Par AFP", "Por EFE" (the agencies of Germany,
 * France, Austria, Switzerland, Italy, Spain, Britain, the USA and others).
 */
static int
agency(const char *s, size_t n)
{
	static const char *const w[] = { "press", "agency", "wire", "service" };
	static const char *const wires[] = { "ap", "afp", "dpa", "apa", "kna", "epd", "sid",
		"ddp", "reuters", "ansa", "efe", "aap", "anp", "belga", "sda", "ats", "upi",
		"tass", "xinhua", "kyodo", "yonhap", "lusa", "ntb", "ritzau", "pap", "ctk" };
	size_t k;

	for (k = 0; k < COUNT(wires); k++)
		if (strlen(wires[k]) == n && ascii_lower((unsigned char)s[0]) == wires[k][0] &&
		    ci_rest(s, wires[k], n))
			return 1;
	return last_word_in(s, n, w, COUNT(w));
}

/*
 * Add c and its variants (without an outlet at its end, a name cut to
 * words).  A list of organisations alone names no author, but for an
 * agency after a byline's word: a wire story's byline names it ("By
 * Associated Press"), and the feature org weighs it.
 */
static size_t
add_variants(const struct page *pg, const struct acand *c, int tokens, struct acand *out,
    size_t n)
{
	int w;

	if (n < ACANDS && (!all_orgs(pg, c, c->nn) ||
	    (c->kw && c->nn == 1 && agency(pg->n + c->off[0], c->len[0]))))
		out[n++] = *c;
	if (c->nn > 1 && n < ACANDS && !all_orgs(pg, c, c->nn - 1) &&
	    outlet_like(pg->n + c->off[c->nn - 1], c->len[c->nn - 1])) {
		out[n] = *c;
		out[n].nn--;
		out[n++].variant = 1;
	}
	for (w = 2; c->nn == 1 && w <= 3 && w < tokens && n < ACANDS; w++) {
		const char *s = pg->n + c->off[0];
		size_t i, seen = 0;

		for (i = 0; i < c->len[0]; i++)
			if (s[i] == ' ' && i > 0 && s[i - 1] != ' ' && ++seen == (size_t)w)
				break;
		/* "THE ASSOCIATED" of THE ASSOCIATED PRESS: no person's name opens with "The" */
		if (org_name(s, i) || (i > 4 && (s[0] | 0x20) == 't' && ci_rest(s, "the ", 4)))
			continue;
		out[n] = *c;
		out[n].whole = c->len[0];
		out[n].len[0] = i;
		out[n++].variant = w;
	}
	return n;
}

/* Where a keyword ends at e in s: its entry, its start in *ks; -1 if none. */
static int
keyword_before(const char *s, size_t e, size_t *ks)
{
	size_t k, ws = e;

	while (ws > 0 && (is_letter((unsigned char)s[ws - 1]) || (unsigned char)s[ws - 1] >= 0x80))
		ws--;
	for (k = 0; k < COUNT(keywords); k++) {
		size_t l = keywords[k].len, a;
		unsigned char p;

		/* (its last word may run on from the word before: "DelbertBy") */
		if (keywords[k].tail > e - ws || l > e ||
		    ascii_lower((unsigned char)s[e - 1]) != (unsigned char)keywords[k].w[l - 1])
			continue;
		a = e - l;
		if (!(ascii_lower((unsigned char)s[a]) == (unsigned char)keywords[k].w[0] &&
		    ci_rest(s + a, keywords[k].w, l)))
			continue;
		p = a ? (unsigned char)s[a - 1] : ' ';
		/* At the start, after a blank or a mark, or run onto the word before. */
		if (!(strchr(" |,:;(-]", p) || p == 0xa2 || p == 0xb7 || p == 0x93 || p == 0x94 ||
		    is_lower(p) || (p >= '0' && p <= '9')))
			continue;
		*ks = a;
		return (int)k;
	}
	return -1;
}

/*
 * Where the next blank or colon is in s[i..m), or m: a keyword byline's
 * names start after one, and most bytes of a line are neither (sixteen at
 * a test).
 */
static size_t
next_blank_or_colon(const char *s, size_t i, size_t m)
{
#if defined(__SSE2__)
	for (; i + 16 <= m; i += 16) {
		__m128i v = sse_load(s + i);
		unsigned hit = sse_eq(v, ' ') | sse_eq(v, ':');

		if (hit)
			return i + (unsigned)__builtin_ctz(hit);
	}
#endif
	while (i < m && s[i] != ' ' && s[i] != ':')
		i++;
	return i;
}

/*
 * The keyword bylines of line li: "By NAME", "von NAME", "Autor: NAME";
 * *seen set when a keyword stands before a capital, names or not.
 */
static size_t
keyword_bylines(const struct page *pg, size_t li, struct acand *out, size_t n, int *seen)
{
	const struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t i;

	if (l->nlen < 2)
		return n;
	for (i = 0; n < ACANDS && (i = next_blank_or_colon(s, i, l->nlen - 1)) < l->nlen - 1;
	    i++) {
		size_t j = i + 1, e = j, ks;
		struct acand c;
		int k, tokens = 0;

		if (!capital_at((const unsigned char *)s + j, l->nlen - j))
			continue;
		while (e > 0 && s[e - 1] == ' ')
			e--;
		if (e > 0 && s[e - 1] == ':')
			for (e--; e > 0 && s[e - 1] == ' '; e--)
				;
		if (e == j || (k = keyword_before(s, e, &ks)) < 0)
			continue;
		*seen = 1;
		memset(&c, 0, sizeof(c));
		if (!read_names(s + j, l->nlen - j, names_end(s + j, l->nlen - j), l->noff + j, &c,
		    &tokens))
			continue;
		c.line = (long)li;
		c.at = ks;
		c.kw = keywords[k].by;
		n = add_variants(pg, &c, tokens, out, n);
	}
	return n;
}

/* Bytes of a list item's mark at s[0..n) ("• ", "· ", "- ", "* "), or 0. */
static size_t
item_mark(const char *s, size_t n)
{
	size_t k = 0;

	if (n >= 2 && (s[0] == '-' || s[0] == '*'))
		k = 1;
	else if (n >= 3 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xb7)
		k = 2;	/* · */
	else if (n >= 4 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0xa2)
		k = 3;	/* • */
	if (!k || s[k] != ' ')
		return 0;
	while (k < n && s[k] == ' ')
		k++;
	return k;
}

/*
 * Names and little else in s[0..n) (at off in pg->n) of line li: a line
 * "Eric Berger - Dec 21, 2023", a list item "• Luna González", or
 * (seg) a part of a line between bars or bullets, "27. Januar 2026 •
 * Gregor Meier • 3 Minuten".
 */
static size_t
bare_names(const struct page *pg, size_t li, const char *s, size_t len, size_t off, int seg,
    struct acand *out, size_t n)
{
	size_t end, k, names = 0, mark = item_mark(s, len);
	struct acand c;
	int tokens = 0;

	s += mark;
	len -= mark;
	off += mark;
	if (!capital_at((const unsigned char *)s, len) || !memchr(s, ' ', len))
		return n;	/* (one word alone: see below) */
	end = names_end(s, len);
	memset(&c, 0, sizeof(c));
	/* One word alone ("Home", "Sports") is a menu's item, not a byline. */
	if (!read_names(s, len, end, off, &c, &tokens) || tokens < 2)
		return n;
	while (end > 0 && s[end - 1] == ' ')
		end--;
	for (k = 0; k < c.nn; k++)
		names += c.len[k];
	if (names * 10 < end * 6)
		return n;
	c.line = (long)li;
	c.segment = seg;
	return add_variants(pg, &c, tokens, out, n);
}

/*
 * Bytes of a separator of a line's parts at s[i]: a bullet or a bar with
 * blanks around it, " • ", " | ", " / "; on a line with a date also ", "
 * after a digit or a time's word ("..., 14:26 Uhr, Tobias Költzsch").
 */
static inline size_t
part_separator(const char *s, size_t n, size_t i, int dated)
{
	size_t k;

	if (dated && s[i] == ',' && i + 1 < n && s[i + 1] == ' ' && i > 0 &&
	    ((s[i - 1] >= '0' && s[i - 1] <= '9') || (i >= 4 && memcmp(s + i - 4, " Uhr", 4) == 0)))
		return 2;
	if (s[i] != ' ' || i + 2 >= n)
		return 0;
	k = 1;
	if (s[i + 1] == '|' || s[i + 1] == '/')
		k = 2;
	else if (i + 3 < n && (unsigned char)s[i + 1] == 0xc2 && (unsigned char)s[i + 2] == 0xb7)
		k = 3;
	else if (i + 4 < n && (unsigned char)s[i + 1] == 0xe2 && (unsigned char)s[i + 2] == 0x80 &&
	    (unsigned char)s[i + 3] == 0xa2)
		k = 4;
	return k > 1 && s[i + k] == ' ' ? k + 1 : 0;
}

/* The parts of line li after its first, each read as names alone. */
static size_t
part_bylines(const struct page *pg, size_t li, struct acand *out, size_t n)
{
	const struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t i, at = 0, sep, next;
	int dated = (l->bits & LB_DATE) != 0;

	for (i = 0; i < l->nlen && n < ACANDS; i++) {
		if (!(sep = part_separator(s, l->nlen, i, dated)))
			continue;
		for (next = i + sep; next < l->nlen && !part_separator(s, l->nlen, next, dated);
		    next++)
			;
		at = i + sep;
		n = bare_names(pg, li, s + at, next - at, l->noff + at, 1, out, n);
		i = next - 1;
	}
	return n;
}

/*
 * The byline word standing alone on line li ("By", "COMMENTARY BY",
 * "Written by"), its names on the next line: its entry in keywords[], or -1.
 */
static int
keyword_alone(const struct page *pg, long li)
{
	const struct line *l;
	const char *s;
	size_t e, ks;
	int k;

	if (li < 0 || pg->ln[li].nvis > 24)
		return -1;
	l = &pg->ln[li];
	s = pg->n + l->noff;
	for (e = l->nlen; e > 0 && (s[e - 1] == ' ' || s[e - 1] == ':'); e--)
		;
	if (e == 0 || (k = keyword_before(s, e, &ks)) < 0 ||
	    (ks > 0 && s[ks - 1] != ' '))
		return -1;
	/* (before it, one word in capitals at most: "COMMENTARY BY") */
	for (e = 0; e + 1 < ks; e++)
		if (s[e] == ' ' || is_lower((unsigned char)s[e]))
			return -1;
	return k;
}

/*
 * The names of line li after a byline's word alone on the line before
 * (keyword k): "By" / "• Terry Pluto, cleveland.com".
 */
static size_t
names_after_keyword_line(const struct page *pg, size_t li, int k, struct acand *out, size_t n)
{
	const struct line *l = &pg->ln[li];
	const char *s = pg->n + l->noff;
	size_t len = l->nlen, mark = item_mark(s, len);
	struct acand c;
	int tokens = 0;

	s += mark;
	len -= mark;
	if (n >= ACANDS || !capital_at((const unsigned char *)s, len))
		return n;
	memset(&c, 0, sizeof(c));
	if (!read_names(s, len, names_end(s, len), l->noff + mark, &c, &tokens))
		return n;
	c.line = (long)li;
	c.kw = keywords[k].by;
	c.kw_before = 1;
	return add_variants(pg, &c, tokens, out, n);
}

/* Read line li's candidates into c[n..]; returns the new count. */
static size_t
line_candidates(const struct page *pg, size_t li, struct acand *c, size_t n)
{
	const struct title_facts *tf = pg->tf;
	int keyword = 0, k;

	n = keyword_bylines(pg, li, c, n, &keyword);
	if (!keyword && (k = keyword_alone(pg, prev_nonblank(pg, (long)li))) >= 0)
		return names_after_keyword_line(pg, li, k, c, n);
	/* A line of names alone: a byline is no sentence. */
	if (!keyword && !tf->prose[li] && pg->ln[li].nvis <= MAX_BARE_VIS) {
		n = bare_names(pg, li, pg->n + pg->ln[li].noff, pg->ln[li].nlen,
		    pg->ln[li].noff, 0, c, n);
		n = part_bylines(pg, li, c, n);
	}
	return n;
}

/* Is nonblank index k within [from - above, from + below]? */
static int
in_window(long k, long from, long above, long below)
{
	return from >= 0 && k >= from - above && k <= from + below;
}

size_t
auth_candidates(const struct page *pg, long title_line, long date_line, struct acand *c)
{
	const struct title_facts *tf = pg->tf;
	long t = title_line >= 0 && tf->nb[title_line] >= 0 ? tf->nb[title_line] : tf->body_start;
	long d = date_line >= 0 ? tf->nb[date_line] : -1;
	long last = d + DATE_BELOW > t + BELOW ? d + DATE_BELOW : t + BELOW;
	size_t li, n = 0, k;

	for (li = 0; li < pg->nl && n < ACANDS; li++) {
		int by_date;

		if (tf->nb[li] < 0)
			continue;
		if (tf->nb[li] > last)
			break;
		by_date = !in_window(tf->nb[li], t, ABOVE, BELOW);
		if (by_date && !in_window(tf->nb[li], d, DATE_ABOVE, DATE_BELOW))
			continue;
		/* Not the title, nor a reader's line in a comment thread. */
		if (pg->ln[li].nvis > MAX_VIS || (long)li == title_line ||
		    lines_equal_nospace(pg->n + pg->ln[li].noff, pg->ln[li].nlen,
		    pg->m->title.data, pg->m->title.len) ||
		    (pg->comments_line >= 0 && (long)li > pg->comments_line))
			continue;
		k = n;
		n = line_candidates(pg, li, c, n);
		for (; k < n; k++)
			c[k].date_window = by_date;
	}
	return n;
}

/* --- features ------------------------------------------------------------- */

/* Occurrences of s[0..n) (in pg->n) within REPEAT_SPAN bytes of it, at most max. */
static int
occurrences(const struct page *pg, const char *s, size_t n, int max)
{
	size_t at = (size_t)(s - pg->n);
	const char *p = pg->n + (at > REPEAT_SPAN ? at - REPEAT_SPAN : 0);
	const char *end = pg->n + (pg->norm.len - at > REPEAT_SPAN ? at + REPEAT_SPAN :
	    pg->norm.len), *q;
	int count = 0;

	while (n && count < max && (q = find_bytes(p, (size_t)(end - p), s, n)) != NULL) {
		count++;
		p = q + n;
	}
	return count;
}

/* The names of candidate c into name[], len[]; returns how many. */
static size_t
cand_names(const struct page *pg, const struct acand *c, const char **name, size_t *len)
{
	size_t nn = 0;

	if (c->from == AC_READ) {
		for (nn = 0; nn < c->nn; nn++) {
			name[nn] = pg->n + c->off[nn];
			len[nn] = c->len[nn];
		}
		return nn;
	}
	if (c->list) {
		const char *p = c->list->data.data, *end = p + c->list->data.len;

		for (; p < end && nn < ACAND_NAMES; p += strlen(p) + 1) {
			name[nn] = p;
			len[nn++] = strlen(p);
		}
	}
	return nn;
}

/* Are the names a[0..na) those of b[0..nb), in any order (case folded when fold)? */
static int
same_names(const char *const *a, const size_t *al, size_t na, const char *const *b,
    const size_t *bl, size_t nb, int fold)
{
	size_t i, k;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++) {
		for (k = 0; k < nb; k++)
			if (al[i] == bl[k] && same_bytes(a[i], b[k], al[i], fold))
				break;
		if (k == nb)
			return 0;
	}
	return 1;
}

size_t
auth_visible(const struct page *pg, const struct acand *c, size_t n, size_t best)
{
	const char *name[ACAND_NAMES], *other[ACAND_NAMES];
	size_t len[ACAND_NAMES], olen[ACAND_NAMES], nn, on, k;

	if (best >= n || c[best].from == AC_READ || c[best].from == AC_RULES)
		return best;
	nn = cand_names(pg, &c[best], name, len);
	/* The page's own lists come first, then JSON-LD's, then <meta>'s. */
	for (k = 0; k < best; k++) {
		on = cand_names(pg, &c[k], other, olen);
		if (same_names(name, len, nn, other, olen, on, 1))
			return k;
	}
	return best;
}

/* Does h[0..hn) hold w[0..wn), ASCII letters in either case? */
static int
holds(const char *h, size_t hn, const char *w, size_t wn)
{
	size_t i;

	for (i = 0; i + wn <= hn; i++)
		if (same_bytes(h + i, w, wn, 1))
			return 1;
	return 0;
}

/* Does one of x and y[0..yn) hold the other (a name with its clutter)? */
static int
names_overlap(const char *x, size_t xn, const char *y, size_t yn)
{
	return xn > 1 && yn > 1 && (holds(x, xn, y, yn) || holds(y, yn, x, xn));
}

/* Share of the names that one of the head's names holds, or is held by. */
static double
head_match(const struct page *pg, const char *const *name, const size_t *len, size_t nn)
{
	const struct meta_list *h[2] = { pg->head->ld_authors, pg->head->meta_authors };
	size_t i, k, hits = 0;

	for (i = 0; i < nn; i++)
		for (k = 0; k < 2; k++) {
			const char *p, *end;
			int hit = 0;

			if (!h[k])
				continue;
			for (p = h[k]->data.data, end = p + h[k]->data.len; p < end && !hit;
			    p += strlen(p) + 1)
				hit = names_overlap(name[i], len[i], p, strlen(p));
			if (hit) {
				hits++;
				break;
			}
		}
	return nn ? (double)hits / (double)nn : 0;
}

/* Lines of the body's first paragraphs a name is looked for in. */
#define LEAD_LINES 3

/* The body's first LEAD_LINES prose lines into ll, but for line not; returns how many. */
static size_t
lead_lines(const struct page *pg, long not, long *ll)
{
	const struct title_facts *tf = pg->tf;
	size_t li, k = 0;

	for (li = 0; li < pg->nl && k < LEAD_LINES; li++)
		if (tf->nb[li] >= tf->body_start && tf->prose[li] && (long)li != not)
			ll[k++] = (long)li;
	return k;
}

/* Is w[0..wn) a word of s[0..n), as written? */
static int
has_word_as_written(const char *s, size_t n, const char *w, size_t wn)
{
	const char *p = s, *q;

	while (wn && (q = find_bytes(p, (size_t)(s + n - p), w, wn)) != NULL) {
		unsigned char before = q > s ? (unsigned char)q[-1] : ' ';
		unsigned char after = q + wn < s + n ? (unsigned char)q[wn] : ' ';

		if (!is_letter(before) && before < 0x80 && !is_letter(after) && after < 0x80)
			return 1;
		p = q + 1;
	}
	return 0;
}

/*
 * Where the page names the candidate's people besides: in the title, and
 * (names and their words) in the body's first paragraphs.
 */
static void
named_elsewhere(const struct page *pg, long line, const char *const *name, const size_t *len,
    size_t nn, double *x)
{
	long ll[LEAD_LINES];
	size_t nl = lead_lines(pg, line, ll), k, i, j, q, words = 0, found = 0;

	for (k = 0; k < nn; k++) {
		int whole = 0;

		if (len[k] >= 4 && holds(pg->m->title.data, pg->m->title.len, name[k], len[k]))
			x[AF_in_title] = 1;
		for (i = 0; i < len[k]; i = j + 1) {
			for (j = i; j < len[k] && name[k][j] != ' '; j++)
				;
			if (j - i < 3 || particle(name[k] + i, j - i))
				continue;
			words++;
			for (q = 0; q < nl; q++)
				if (has_word_as_written(pg->n + pg->ln[ll[q]].noff, pg->ln[ll[q]].nlen,
				    name[k] + i, j - i)) {
					found++;
					break;
				}
		}
		for (i = 0; i < nl && !whole; i++)
			whole = find_bytes(pg->n + pg->ln[ll[i]].noff, pg->ln[ll[i]].nlen, name[k],
			    len[k]) != NULL;
		x[AF_lead_name] += whole / (double)nn;
	}
	x[AF_lead_words] = words ? (double)found / (double)words : 0;
}

/* The shape of a list of names: how many, words each, in capitals. */
static void
list_shape(const char *const *name, const size_t *len, size_t nn, double *x)
{
	size_t k, i, words = 0, one = 0, caps = 0;

	for (k = 0; k < nn; k++) {
		size_t w = 1, lower = 0;

		for (i = 0; i < len[k]; i++) {
			w += name[k][i] == ' ';
			lower += is_lower((unsigned char)name[k][i]);
		}
		words += w;
		one += w == 1;
		caps += !lower;
	}
	x[AF_n_names] = (double)(nn < 4 ? nn : 4) / 4.0;
	x[AF_toks_per_name] = nn ? (double)words / (double)nn : 0;
	x[AF_one_token] = nn && one == nn;
	x[AF_allcaps] = nn && caps == nn;
}

/* What the line of c says around it: the title, the body, dates, roles. */
static void
line_features(const struct page *pg, long title_line, const struct acand *c, double *x)
{
	const struct title_facts *tf = pg->tf;
	const struct line *l = &pg->ln[c->line];
	long t = title_line >= 0 && tf->nb[title_line] >= 0 ? tf->nb[title_line] : tf->body_start;
	long k = tf->nb[c->line], d = k - t, a = c->line, b = c->line;
	size_t i, names = 0;
	int j;

	x[AF_after_title] = d > 0;
	x[AF_title_dist_log] = log1p((double)(d < 0 ? -d : d));
	x[AF_title_dist] = (double)(d < -15 ? -15 : d > 30 ? 30 : d) / 30.0;
	x[AF_before_body] = k < tf->body_start;
	x[AF_date_here] = (l->bits & LB_DATE) != 0;
	x[AF_date_near] = x[AF_date_here];
	for (j = 0; j < 2; j++) {
		if (a >= 0 && (a = prev_nonblank(pg, a)) >= 0 && (pg->ln[a].bits & LB_DATE))
			x[AF_date_near] = 1;
		if (b >= 0 && (b = next_nonblank(pg, b)) >= 0 && (pg->ln[b].bits & LB_DATE))
			x[AF_date_near] = 1;
	}
	x[AF_line_log_vis] = log1p((double)l->nvis);
	for (i = 0; i < c->nn; i++)
		names += c->len[i];
	x[AF_name_share] = l->nlen ? (double)names / (double)l->nlen : 0;
	x[AF_in_prose] = tf->prose[c->line];
	x[AF_role] = has_word(pg->n + l->noff, l->nlen, roles, COUNT(roles));
	x[AF_credit] = has_word(pg->n + l->noff, l->nlen, credits, COUNT(credits)) ||
	    find_bytes(pg->n + l->noff, l->nlen, "©", 2);
	x[AF_byline_line] = (l->bits & LB_BYLINE) != 0;
	x[AF_meta_line] = (l->bits & LB_META) != 0;
}

/* How a read list was read: keyword, variant, repeats of its names. */
static void
read_features(const struct page *pg, const struct acand *a, double *x)
{
	int k;

	x[AF_var_droplast] = a->variant == 1;
	x[AF_var_cut2] = a->variant == 2;
	x[AF_var_cut3] = a->variant == 3;
	x[AF_kw] = a->kw != 0;
	x[AF_kw_by] = a->kw == 1;
	x[AF_kw_other] = a->kw == 2;
	x[AF_kw_at_start] = a->kw != 0 && a->at == 0;
	x[AF_bare] = a->kw == 0;
	x[AF_slash_after] = a->slash;
	x[AF_segment] = a->segment;
	x[AF_date_window] = a->date_window;
	x[AF_kw_line_before] = a->kw_before;
	k = occurrences(pg, pg->n + a->off[0], a->len[0], 5);
	x[AF_repeat] = (double)(k > 1 ? k - 1 : 0) / 4.0;
	if (a->variant == 1)
		x[AF_tail_repeat] = occurrences(pg, pg->n + a->off[a->nn], a->len[a->nn], 5) / 5.0;
	else if (a->variant >= 2) {
		const char *tail = pg->n + a->off[0] + a->len[0];

		while (*tail == ' ')
			tail++;
		x[AF_tail_repeat] = occurrences(pg, tail, (size_t)(pg->n + a->off[0] + a->whole -
		    tail), 5) / 5.0;
	}
}

void
auth_features(const struct page *pg, long title_line, const struct acand *c, size_t n,
    size_t i, double *x)
{
	const struct acand *a = &c[i];
	const char *name[ACAND_NAMES], *other[ACAND_NAMES];
	size_t len[ACAND_NAMES], olen[ACAND_NAMES], nn, on, k;
	const struct meta_head *h = pg->head;

	for (k = 0; k < AF_N; k++)
		x[k] = 0;
	x[AF_h_has] = (h->ld_authors && h->ld_authors->n) || (h->meta_authors && h->meta_authors->n);
	if (i == n) {
		x[AF_none] = 1;
		return;
	}
	nn = cand_names(pg, a, name, len);
	list_shape(name, len, nn, x);
	named_elsewhere(pg, a->from == AC_READ ? a->line : -1, name, len, nn, x);
	for (k = 0; k < nn; k++)
		x[AF_org] += org_name(name[k], len[k]) / (double)nn;
	x[AF_rule_list] = a->from == AC_RULES;
	x[AF_h_ld_list] = a->from == AC_HEAD_LD;
	x[AF_h_meta_list] = a->from == AC_HEAD_META;
	if (a->from == AC_HEAD_LD || a->from == AC_HEAD_META)
		return;
	x[AF_h_match] = head_match(pg, name, len, nn);
	if (a->from != AC_READ)
		return;
	line_features(pg, title_line, a, x);
	read_features(pg, a, x);
	for (k = 0; k < n; k++) {
		on = cand_names(pg, &c[k], other, olen);
		if (c[k].from == AC_RULES && same_names(name, len, nn, other, olen, on, 0))
			x[AF_rule_match] = 1;
		if (k < i && c[k].from == AC_READ && same_names(name, len, nn, other, olen, on, 0))
			x[AF_dup_cand] = 1;
	}
}

double
auth_model_score(const double *x)
{
	return fitmodel_score(auth_model_weights[0], x, AF_N);
}
