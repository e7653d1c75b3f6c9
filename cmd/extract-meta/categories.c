/*
 * categories.c - the page's categories: the items of its breadcrumb (the
 * one over the title), of a breadcrumb set as a list, or a 类别:/栏目:
 * label's value.
 */
#include <string.h>

#include "page.h"

/* The breadcrumb nearest above the title (within 60 lines) becomes the page's. */
static void
crumb_of_title(struct page *pg, long title_line)
{
	long li;

	for (li = title_line; li >= 0 && li >= title_line - 60; li--)
		if (pg->ln[li].bits & LB_CRUMB) {
			pg->crumb_line = li;
			pg->crumb_off = pg->ln[li].noff;
			pg->crumb_len = pg->ln[li].nlen;
			break;
		}
}

/*
 * Trim the item s[*st..*en) of a breadcrumb: the cells of a table around
 * it (first: the first item, whose cell is the one before '>'), a label
 * ("位置:首页"), brackets ("[新闻]", "【新闻】") and a counter ("新闻(1234)").
 */
static void
trim_crumb_item(const char *s, size_t *st, size_t *en, int first)
{
	size_t a = *st, b = *en, g;

	while (a < b && s[a] == ' ')
		a++;
	/* An item ends at a wide gap: table cells around it. */
	for (g = a; g + 1 < b; g++)
		if (s[g] == ' ' && s[g + 1] == ' ') {
			if (first) {
				/* the first item: the cell before '>' */
				size_t h = b;

				while (h > a && s[h - 1] == ' ')
					h--;
				while (g + 1 < h && s[g] == ' ')
					g++;
				a = g;
				for (; g + 1 < h; g++)
					if (s[g] == ' ' && s[g + 1] == ' ')
						a = g + 2;
			} else
				b = g;
			break;
		}
	while (a < b && s[a] == ' ')
		a++;
	while (b > a && s[b - 1] == ' ')
		b--;
	/* "位置:首页": drop the label. */
	{
		const char *c = memchr(s + a, ':', b - a);

		if (c)
			a = (size_t)(c - s) + 1;
		while (a < b && s[a] == ' ')
			a++;
	}
	if (b - a > 2 && s[a] == '[' && s[b - 1] == ']' && !memchr(s + a + 1, '[', b - a - 2))
		a++, b--;
	else if (b - a > 6 && memcmp(s + a, "【", 3) == 0 && memcmp(s + b - 3, "】", 3) == 0)
		a += 3, b -= 3;
	if (b > a + 2 && s[b - 1] == ')') {
		size_t d = b - 1;

		while (d > a && s[d - 1] >= '0' && s[d - 1] <= '9')
			d--;
		if (d < b - 1 && d > a + 1 && s[d - 1] == '(') {
			b = d - 1;
			while (b > a && s[b - 1] == ' ')
				b--;
		}
	}
	*st = a;
	*en = b;
}

/* The items of the page's breadcrumb, without its home and 正文. */
static int
categories_from_crumb(struct page *pg)
{
	struct meta *m = pg->m;
	const char *s;
	size_t n = pg->crumb_len, a = 0;
	int slash;

	if (pg->crumb_line < 0)
		return 0;
	s = pg->n + pg->crumb_off;
	slash = (pg->ln[pg->crumb_line].bits & LB_SLASH) != 0;
	while (a < n) {
		size_t b = a, k = 0, st, en;

		while (b < n && !(k = scan_crumb_sep(s, n, b)) && !(slash && s[b] == '/'))
			b++;
		if (slash && b < n && s[b] == '/')
			k = 1;
		st = a, en = b;
		trim_crumb_item(s, &st, &en, a == 0);
		if (en > st && !scan_is_home(s + st, en - st) &&
		    !scan_is_body_word(s + st, en - st) &&
		    s[st] != '[' && en - st <= 60 &&
		    !(m->has_title && en - st >= m->title.len && en - st > 30))
			list_add(&m->categories, s + st, en - st);
		a = b + k;
		if (!k)
			break;
	}
	if (!m->categories.n)
		return 0;
	set_span(m, MF_CATEGORIES, pg, (size_t)pg->crumb_line);
	return 1;
}

/* A vertical breadcrumb: "1. 首页" / "• 首页" then items, one a line. */
static int
categories_from_list(struct page *pg)
{
	struct meta *m = pg->m;
	size_t i;

	for (i = 0; i + 1 < pg->nl && i < 400; i++) {
		const char *s = pg->n + pg->ln[i].noff;
		size_t n = pg->ln[i].nlen, j, p;

		if (!((n == 9 && memcmp(s, "1. 首页", 9) == 0) ||
		    (n == 10 && memcmp(s, "• 首页", 10) == 0) ||
		    (n == 10 && memcmp(s, "• 首頁", 10) == 0)))
			continue;
		for (j = i + 1; j < pg->nl && j <= i + 6; j++) {
			const char *t = pg->n + pg->ln[j].noff;
			size_t tn = pg->ln[j].nlen;

			p = 0;
			if (tn > 3 && t[0] >= '2' && t[0] <= '9' && t[1] == '.' && t[2] == ' ')
				p = 3;
			else if (scan_starts_with(t, tn, LIT("• > ")))
				p = 6;
			else if (scan_starts_with(t, tn, LIT("• » ")))
				p = 7;
			if (!p || tn - p > 30)
				break;
			if (!scan_is_body_word(t + p, tn - p))
				list_add(&m->categories, t + p, tn - p);
		}
		if (m->categories.n) {
			set_span(m, MF_CATEGORIES, pg, i);
			return 1;
		}
	}
	return 0;
}

/* The first 类别:/栏目: label's first word. */
static void
categories_from_label(struct page *pg)
{
	struct meta *m = pg->m;
	size_t i;

	for (i = 0; i < pg->nvc; i++)
		if (pg->vc[i].kind == LK_CATEGORY) {
			const char *s = pg->n + pg->vc[i].off;
			size_t n = pg->vc[i].len, e = 0;

			while (e < n && s[e] != ' ')
				e++;
			if (e && e <= 30) {
				list_add(&m->categories, s, e);
				set_span(m, MF_CATEGORIES, pg, pg->vc[i].line);
			}
			return;
		}
}

void
choose_categories(struct page *pg, long title_line)
{
	crumb_of_title(pg, title_line);
	if (!categories_from_crumb(pg) && !categories_from_list(pg))
		categories_from_label(pg);
}
