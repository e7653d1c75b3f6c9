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

/* Does s[0..n) end in w, A-Z folded, after a space, '/', ',' or '('? */
static int
ends_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	if (n < k + 1 || find_ci(s + n - k, k, w) == NULL)
		return 0;
	return strchr(" /,(", s[n - k - 1]) != NULL;
}

/* Does s[0..n) start with w, A-Z folded? */
static int
starts_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && find_ci(s, k, w) != NULL;
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
	"/", "getty", "reuters", "afp", "(ap ", "shutterstock", "courtesy",
	"credit", "file photo", NULL
};

/* The line ends in a credit in brackets: "(AP Photo/Evan Vucci)". */
static int
credit_in_brackets(const char *s, size_t n)
{
	const char *open;
	size_t k, i;

	if (n < 4 || s[n - 1] != ')')
		return 0;
	for (k = 2; k < n && k < 80 && s[n - k] != '(' && s[n - k] != ')'; k++)
		;
	if (k >= n || k >= 80 || s[n - k] != '(')
		return 0;
	open = s + n - k;
	for (i = 0; credit_words[i] != NULL; i++)
		if (find_ci(open, k, credit_words[i]) != NULL)
			return 1;
	return 0;
}

/* Agencies and picture desks that close a credit line. */
static const char *const credit_ends[] = {
	"AP", "AP file", "AP Photo", "Getty Images", "Reuters", "AFP",
	"AFP via Getty Images", "Shutterstock", "EPA", "Bloomberg", NULL
};

/* How a caption or a credit line opens. */
static const char *const caption_starts[] = {
	"image caption", "media caption", "image credit", "photo credit",
	"photograph:", "pictured:", "above:", "(reporting by", "reporting by ",
	"(editing by", NULL
};

/*
 * A short line that ends in an agency's name or opens as a caption does,
 * or a caption of any length that names its file photo.
 */
static int
credit_line(const struct line *l)
{
	size_t i;

	for (i = 0; caption_starts[i] != NULL; i++)
		if (starts_ci(l->s, l->n, caption_starts[i]))
			return 1;
	if (l->weight < 80 && find_ci(l->s, l->n, "file photo") != NULL)
		return 1;
	if (l->weight >= 24 || l->ends_sentence == 1)
		return 0;
	for (i = 0; credit_ends[i] != NULL; i++)
		if (ends_ci(l->s, l->n, credit_ends[i]))
			return 1;
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
	if (credit_line(l))
		return "caption or credit line";
	return NULL;
}
