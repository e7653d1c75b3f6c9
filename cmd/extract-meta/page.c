/*
 * page.c - what the choosers ask of the page's lines: their neighbours,
 * whether two read the same, where a field's evidence is; and the lists
 * of the result.
 */
#include <string.h>

#include "page.h"

int
lines_equal_nospace(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < an && a[i] == ' ')
			i++;
		while (j < bn && b[j] == ' ')
			j++;
		if (i == an || j == bn)
			return i == an && j == bn;
		if (a[i] != b[j])
			return 0;
		i++, j++;
	}
}

void
set_span(struct meta *m, enum meta_field f, const struct page *pg, size_t li)
{
	m->ev[f].off = pg->ln[li].off;
	m->ev[f].len = pg->ln[li].len ? pg->ln[li].len : 1;
}

/* Is s[0..n) one of the nw words w? */
int
is_any(const char *s, size_t n, const char *const *w, size_t nw)
{
	size_t k;

	/* (The first bytes compared before a strlen: most words differ there.) */
	for (k = 0; k < nw; k++)
		if ((n == 0 || w[k][0] == s[0]) && strlen(w[k]) == n && memcmp(s, w[k], n) == 0)
			return 1;
	return 0;
}

/*
 * Does s[0..n) end with one of the nw words w?  The words are short (a
 * suffix, a label): a loop finds each one's last byte in fewer
 * instructions than a call of strlen, and most words are told apart there,
 * with no call of memcmp.
 */
int
ends_with_any(const char *s, size_t n, const char *const *w, size_t nw)
{
	size_t k, wl;

	for (k = 0; k < nw; k++) {
		const char *word = w[k];

		for (wl = 0; word[wl]; wl++)
			;
		if (wl == 0 || (n >= wl && word[wl - 1] == s[n - 1] &&
		    memcmp(s + n - wl, word, wl - 1) == 0))
			return 1;
	}
	return 0;
}

static int
list_has(const struct meta_list *l, const char *s, size_t n)
{
	size_t i = 0, k;

	for (k = 0; k < l->n; k++) {
		size_t len = strlen(l->data.data + i);

		if (len == n && memcmp(l->data.data + i, s, n) == 0)
			return 1;
		i += len + 1;
	}
	return 0;
}

void
list_add(struct meta_list *l, const char *s, size_t n)
{
	if (!n || list_has(l, s, n) || l->n >= 32)
		return;
	buf_add(&l->data, s, n);
	buf_addc(&l->data, '\0');
	l->n++;
}
