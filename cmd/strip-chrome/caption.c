/*
 * caption.c - the captions and credits of pictures, as a text dump of a
 * page holds them.  These are facts of the format, not of a site: w3m
 * prints an image's alt text and then its caption, which are often the
 * same words ("Shy owlShy owl"); news agencies close a caption with the
 * credit in brackets ("(AP Photo/Alan Diaz, File)") or after a comma or
 * slash ("Michael Conroy, AP"); a photo gallery runs its counter into the
 * slide's caption ("1of4A shopper looks at...").  Alphabetic lines only:
 * Chinese pages' gold keeps their captions (图为…, …摄), so they stay.
 */
#include <string.h>

#include "bytes.h"
#include "line.h"

/* A word of a table, its length counted by the compiler. */
struct word {
	const char *s;
	size_t n;
};
#define W(lit) { (lit), sizeof(lit) - 1 }

/* Is a[0..k) b[0..k), A-Z folded? */
static int
same_ci(const char *a, const char *b, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (ascii_lower((unsigned char)a[i]) !=
		    ascii_lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/*
 * Does s[0..n) end in w, A-Z folded, after a space, '/', ',' or '('?
 * last is s[n - 1] folded to lower case, which the caller folds once
 * for all its words: most lines end in the last letter of none of them.
 */
static int
ends_ci(const char *s, size_t n, unsigned char last, const struct word *w)
{
	char c;

	if (n < w->n + 1 || last !=
	    ascii_lower((unsigned char)w->s[w->n - 1]) ||
	    !same_ci(s + n - w->n, w->s, w->n))
		return 0;
	c = s[n - w->n - 1];
	return c == ' ' || c == '/' || c == ',' || c == '(';
}

/* Does s[0..n) start with w, A-Z folded? */
static int
starts_ci(const char *s, size_t n, const struct word *w)
{
	return n >= w->n && same_ci(s, w->s, w->n);
}

/*
 * Alt text printed twice: the line, less an image tag "[...]" at its
 * end, is one text twice over.  At least four bytes a half ("KenKen" is a
 * word).
 */
static int
alt_twice(const struct line *l)
{
	size_t n = l->n, h;

	if (n > 0 && l->s[n - 1] == ']') {
		const char *o = memchr(l->s, '[', n);

		if (o == NULL || o == l->s)
			return 0;
		n = (size_t)(o - l->s);
		while (n > 0 && l->s[n - 1] == ' ')
			n--;
	}
	h = n / 2;
	return n % 2 == 0 && h >= 4 && memcmp(l->s, l->s + h, h) == 0;
}

/* A gallery's counter run into its caption: "1of4" and a capital. */
static int
counter_prefix(const char *s, size_t n)
{
	size_t i = 0, d;

	for (d = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	if (d == 0 || d > 2 || n - i < 4 || memcmp(s + i, "of", 2) != 0)
		return 0;
	for (i += 2, d = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	return d > 0 && d <= 2 && i < n && s[i] >= 'A' && s[i] <= 'Z';
}

/*
 * Words of an agency or a picture desk inside a closing bracket; the
 * slash of "Name/Agency".  "Photo" alone is not one: "(see photo)".
 */
static const char *const credit_words[] = {
	"/",	/* first: credit_in_brackets() skips it for a whole line */
	"getty", "reuters", "afp", "(ap ", "shutterstock", "courtesy",
	"credit", "file photo", NULL
};

/* The line ends in a credit in brackets, or is one: "(AP Photo/Evan
   Vucci)". */
static int
credit_in_brackets(const char *s, size_t n)
{
	const char *open;
	size_t k, i;

	if (n < 4 || s[n - 1] != ')')
		return 0;
	/* The bracket may open the line: "(AP Photo/Ng Han Guan)" alone. */
	for (k = 2; k <= n && k < 80 && s[n - k] != '(' && s[n - k] != ')';
	    k++)
		;
	if (k > n || k >= 80 || s[n - k] != '(')
		return 0;
	open = s + n - k;
	/* Alone on the line, the brackets need a word of a picture desk:
	   a slash alone is as often a path, "(mindjazz pictures/ privat)"
	   a credit of a box the article does not hold. */
	for (i = open == s; credit_words[i] != NULL; i++)
		if (find_ci(open, k, credit_words[i]) != NULL)
			return 1;
	return 0;
}

/* Agencies and picture desks that close a credit line. */
static const struct word credit_ends[] = {
	W("AP"), W("AP file"), W("AP Photo"), W("Getty Images"), W("Reuters"),
	W("AFP"), W("AFP via Getty Images"), W("Shutterstock"), W("EPA"),
	W("Bloomberg"), W("Getty"), W("Associated Press"),
};

/* How a caption or a credit line opens. */
static const struct word caption_starts[] = {
	W("image caption"), W("media caption"), W("image credit"),
	W("(image credit"), W("image copyright"), W("(photo credit"),
	W("photo credit"), W("photograph:"), W("pictured:"), W("above:"),
	W("(reporting by"), W("reporting by "), W("(editing by"),
};

/* A credit's label that opens the line under the caption it closes:
   "Credit: NAME", "Photo: Gene J. Puskar". */
static const struct word credit_starts[] = {
	W("credit: "), W("credits: "), W("photo: "), W("photos: "),
	W("illustration: "), W("courtesy of "),
};

/* A credit's label alone on its line, the name on the next: "Credit:". */
static const struct word credit_labels[] = {
	W("credit:"), W("credits:"), W("photo:"), W("image:"),
};

/*
 * The reason given to a credit that closes the caption above it ("Sakib
 * Ali/Hindustan Times/Getty Images", "Credit: NAME").  It reads as the
 * other credit lines' reason, but classify.c tells it apart by its
 * address, to take the caption above it with it.
 */
const char reason_credit_below[] = "caption or credit line";
/* The same words for the other credit lines, in an object of their own:
   a string literal may share the address of reason_credit_below (clang
   merges them), and then every credit line took its caption with it. */
static const char reason_credit[] = "caption or credit line";

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Does s[0..n), which ends in an agency's name, hold a full stop after a
 * small letter or digit in its last 64 bytes, at least 24 bytes in?  A
 * caption ran its credit in after its last sentence; prose names the
 * agency before its stop.
 */
static int
credit_after_stop(const char *s, size_t n)
{
	size_t i, lo = n > 64 ? n - 64 : 0;

	for (i = n; i-- > lo;)
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && i >= 24 &&
		    ((s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
		    (s[i - 1] >= '0' && s[i - 1] <= '9')))
			return 1;
	return 0;
}

/*
 * Does s[0..n) end with a credit's label and a name after a caption,
 * "This is a can of cherry pie filling Credit: Claire Lower", "Julia
 * Bottoms. Image: courtesy of the artist."?  The label's colon in the
 * last 48 bytes, not at the start, and at most five words after it.
 */
static int
credit_label_last(const char *s, size_t n)
{
	static const struct word labels[] = { W("credit"), W("credits"),
	    W("image"), W("photo"), W("photograph") };
	size_t i, lo = n > 48 ? n - 48 : 8, words, at;
	const char *p, *q;

	for (p = s + lo; (p = memchr(p, ':', (size_t)(s + n - p))) != NULL;
	    p++) {
		if (p + 1 >= s + n || p[1] != ' ')
			continue;
		for (q = p + 2, words = 1; q < s + n; q++)
			words += *q == ' ';
		if (words > 5)
			continue;
		at = (size_t)(p - s);
		for (i = 0; i < COUNT(labels); i++)
			if (at >= labels[i].n + 1 && same_ci(p - labels[i].n,
			    labels[i].s, labels[i].n))
				return 1;
	}
	return 0;
}

/*
 * A short line that ends in an agency's name or opens as a caption does,
 * or a caption of any length that names its file photo.  Returns 2 for
 * the agency's name at the end or "Credit:" at the start, a credit that
 * closes the caption above it; 3 for a caption with its credit run in.
 */
static int
credit_line(const struct line *l)
{
	size_t i;
	unsigned char c = ascii_lower((unsigned char)l->s[0]);

	/* Every opening starts with one of these: most lines ask no more. */
	if (c == 'i' || c == 'm' || c == 'p' || c == '(' || c == 'a' || c == 'r')
		for (i = 0; i < COUNT(caption_starts); i++)
			if (starts_ci(l->s, l->n, &caption_starts[i]))
				return 1;
	if ((c == 'c' || c == 'p' || c == 'i') && l->weight < 24) {
		for (i = 0; i < COUNT(credit_starts); i++)
			if (starts_ci(l->s, l->n, &credit_starts[i]))
				return 2;
		for (i = 0; i < COUNT(credit_labels); i++)
			if (l->n == credit_labels[i].n &&
			    starts_ci(l->s, l->n, &credit_labels[i]))
				return 1;
	}
	/* AP's "In this Dec. 12, 2006, file photo, …": a date before it. */
	if (l->weight < 80 && l->digits > 0 && l->clause > 0 &&
	    find_ci(l->s, l->n, "file photo") != NULL)
		return 1;
	if (l->weight < 80 && l->n >= 24 && credit_label_last(l->s, l->n))
		return 3;
	if (l->ends_sentence == 1 || l->weight >= 160)
		return 0;
	c = ascii_lower((unsigned char)l->s[l->n - 1]);
	for (i = 0; i < COUNT(credit_ends); i++)
		if (ends_ci(l->s, l->n, c, &credit_ends[i]))
			break;
	if (i == COUNT(credit_ends))
		return 0;
	if (l->weight < 24)
		return 2;
	/* A caption with its credit run in after the last full stop:
	   "… in the Instagram office.Photograph: Jeenah Moon/Bloomberg/Getty
	   Images", "… July 25, 2019.J. Scott Applewhite / AP file". */
	return credit_after_stop(l->s, l->n) ? 3 : 0;
}

/*
 * An image w3m printed by its file name, having no alt text: the name in
 * brackets, a word of hyphens or underscores with no space in it,
 * "[vw-id-space-vizzion-concept-6-1]", alone on the line or run into the
 * alt text before it, "Apple's 16-inch MacBook Pro[33622-5947]".  A
 * footnote mark, "[12]", joins no words so.
 */
static int
image_file_name(const struct line *l)
{
	const char *s = l->s, *o;
	size_t n = l->n;
	int joined = 0;

	if (n < 5 || s[n - 1] != ']')
		return 0;
	for (o = s + n - 2; o > s && *o != '[' && *o != ' '; o--)
		joined |= *o == '-' || *o == '_';
	if (*o != '[' || !joined || s + n - o < 5)
		return 0;
	return o == s || (o[-1] != ' ' && l->weight < 40 && l->sent == 0);
}

/* Is s[0..n) a month's name, whole ("November") or cut ("Nov", "Sept")? */
static int
month_word(const char *s, size_t n)
{
	static const char *const month[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};
	size_t i;

	for (i = 0; i < COUNT(month); i++)
		if (n >= 3 && n <= strlen(month[i]) && !memcmp(s, month[i], n) &&
		    (n == 3 || n == strlen(month[i]) || (i == 8 && n == 4)))
			return 1;
	return 0;
}

/*
 * Does a sentence end in s[0..n): a full stop, question or exclamation
 * mark after a word in lower case ("insane. One"), then a blank?  A
 * capital's abbreviation ("Dr. ", "Rep. ", "U.S. ") ends none.
 */
static int
sentence_before(const char *s, size_t n)
{
	size_t i;

	for (i = 2; i + 1 < n; i++)
		if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ') {
			size_t w = i;

			while (w > 0 && s[w - 1] >= 'a' && s[w - 1] <= 'z')
				w--;
			if (i - w >= 2 && (w == 0 || s[w - 1] == ' '))
				return 1;
		}
	return 0;
}

/*
 * Does s[0..n) end in ", Tuesday, " (any day of the week), the way AP
 * dates a caption after its place: "…, Calif., Tuesday, Nov. 19, 2019"?
 * Prose that dates so says "on Tuesday, …".
 */
static int
after_weekday(const char *s, size_t n)
{
	static const char *const day[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday", "Sunday",
	};
	size_t i, k;

	for (i = 0; i < COUNT(day); i++) {
		k = strlen(day[i]);
		if (n >= k + 4 && !memcmp(s + n - k - 2, day[i], k) &&
		    !memcmp(s + n - 2, ", ", 2) && !memcmp(s + n - k - 4, ", ", 2))
			return 1;
	}
	return 0;
}

/*
 * A news photo's caption as the agencies write it: what the picture shows
 * and where, dated in its first sentence, "… on November 8, 2019 in New
 * Delhi, India." (Getty Images), "…, Tuesday, Nov. 19, 2019, in Grass
 * Valley, Calif." (AP), "… in Indianapolis, Tuesday, Nov. 19, 2019,
 * calling for …" (AP, the weekday after a comma).  Prose says "in 2019"
 * or "last week"; a date with its year and then the place, or after the
 * place and its weekday, is the caption's.
 */
static int
photo_dateline(const struct line *l)
{
	const char *s = l->s, *e = s + l->n, *c, *p, *d, *m;
	int in_place;

	/* Two numbers, a capital and the comma before the year. */
	if (l->digits < 2 || l->upper == 0 || l->words < 5 || l->clause == 0)
		return 0;
	for (c = memchr(s, ',', l->n); c != NULL && e - c >= 12;
	    c = memchr(c + 1, ',', (size_t)(e - c - 1))) {
		const char *y = c + 2, *t = c + 6;

		/* ", 2019" then " in " and a capital, or ", in ". */
		if (c[1] != ' ' || !((y[0] == '1' && y[1] == '9') ||
		    (y[0] == '2' && y[1] == '0')) || y[2] < '0' || y[2] > '9' ||
		    y[3] < '0' || y[3] > '9')
			continue;
		if (t < e && *t == ',')
			t++;
		in_place = e - t >= 5 && !memcmp(t, " in ", 4) && t[4] >= 'A' &&
		    t[4] <= 'Z';
		/* Before the comma the day, one or two digits, a space. */
		for (d = c; d > s && d[-1] >= '0' && d[-1] <= '9'; d--)
			;
		if (c - d < 1 || c - d > 2 || d - s < 5 || d[-1] != ' ')
			continue;
		/* And before it the month, "Nov." or "November". */
		m = d - 1;
		if (m[-1] == '.')
			m--;
		for (p = m; p > s && p[-1] >= 'a' && p[-1] <= 'z'; p--)
			;
		if (p > s && p[-1] >= 'A' && p[-1] <= 'Z' &&
		    (p - 1 == s || p[-2] == ' ') && month_word(p - 1,
		    (size_t)(m - p + 1)) && (in_place ||
		    after_weekday(s, (size_t)(p - 1 - s))))
			return !sentence_before(s, (size_t)(p - 1 - s));
	}
	return 0;
}

const char *
is_caption(const struct line *l)
{
	if (l->han >= 4 || l->words == 0)
		return NULL;
	if (alt_twice(l))
		return "image's alt text printed twice";
	if (l->digits > 0 && counter_prefix(l->s, l->n))
		return "photo gallery's caption";
	if (l->weight < 80 && credit_in_brackets(l->s, l->n))
		return "photo credit";
	if (image_file_name(l))
		return "image's file name";
	switch (credit_line(l)) {
	case 1:
		return reason_credit;
	case 2:
		return reason_credit_below;
	case 3:
		return "caption with its credit";
	}
	if (photo_dateline(l))
		return "photo caption with its date and place";
	return NULL;
}
