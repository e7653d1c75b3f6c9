/*
 * people.c - the page's authors, editors and source, chosen from the
 * labelled values and bylines scan.c found, by where they stand: in the
 * article (from over its title to its end), by its date, under its title.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authmodel.h"
#include "fitmodel.h"
#include "page.h"

/* Source value: the publisher up to a space, date or bracket. */
static void
set_source(struct page *pg, const struct vcand *v)
{
	struct meta *m = pg->m;
	const char *s = pg->n + v->off;
	size_t n = v->len, i;
	int han = 0;

	while (n && (*s == '[' || *s == ' ' || *s == '(')) {
		s++;
		n--;
	}
	if (n >= 3 && memcmp(s, "【", 3) == 0)
		s += 3, n -= 3;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			han = 1;
		/* "北京晚报(北京)": the place in brackets is no part of it. */
		if (c == ']' || c == ')' || c == '|' || (c == ' ' && han) ||
		    ((c == '[' || c == '(') && i > 0) ||
		    (c == ' ' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') ||
		    (c >= '0' && c <= '9' && han && i + 4 <= n &&
		    s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 3] >= '0'))
			break;
		if (n - i >= 3 && memcmp(s + i, "】", 3) == 0)
			break;
	}
	n = i;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ','))
		n--;
	if (n >= 6 && memcmp(s + n - 6, "[整理]", 6) == 0)
		n -= 6;
	if (!n || n > 90 || not_a_name(s, n))
		return;
	buf_add(&m->source, s, n);
	m->has_source = 1;
	set_span(m, MF_SOURCE, pg, v->line);
}

/* Text after the date on the meta line with no label: a publisher name? */
static int
publisher_like(const char *s, size_t n)
{
	static const char *const suf[] = { "报", "報", "网", "網", "社", "刊",
		"台", "消息", "综合", "频道", "日报", "晚报", "杂志",
		"周刊", "在线", "客户端", "[整理]", "[原创]", "[转载]", "时报", "星空" };

	return ends_with_any(s, n, suf, sizeof(suf) / sizeof(suf[0]));
}

/* Candidate publisher next to the chosen date: "2019年11月25日 18:57 参考消息". */
void
bare_source(struct page *pg, const struct dcand *c)
{
	const struct line *l = &pg->ln[c->line];
	const char *s = pg->n + l->noff;
	size_t a = c->end, b;

	while (a < l->nlen && s[a] == ' ')
		a++;
	for (b = a; b < l->nlen && s[b] != ' '; b++)
		;
	if (b > a && !(l->bits & LB_LABEL) && publisher_like(s + a, b - a))
		scan_add_value(pg, c->line, l->noff + a, b - a, LK_SOURCE, HOW_AFTER_DATE);
	/* "北京晚报 2005-09-11": the publisher just before the date. */
	{
		size_t e = c->start, st;

		while (e > 0 && s[e - 1] == ' ')
			e--;
		for (st = e; st > 0 && s[st - 1] != ' '; st--)
			;
		if (e < c->start && e - st >= 6 && scan_han_run(s, e, st) == e - st &&
		    !(l->bits & LB_LABEL) && publisher_like(s + st, e - st))
			scan_add_value(pg, c->line, l->noff + st, e - st, LK_SOURCE,
			    HOW_AFTER_DATE);
	}
	/* "2004年7月16日08:19 [ 黄宇 ] 来源:": a bracketed name by the date. */
	if (a + 2 < l->nlen && s[a] == '[') {
		size_t q = a + 1, h;

		while (q < l->nlen && s[q] == ' ')
			q++;
		h = scan_han_run(s, l->nlen, q);
		b = q + h;
		while (b < l->nlen && s[b] == ' ')
			b++;
		if (h >= 6 && h <= 12 && b < l->nlen && s[b] == ']')
			scan_add_value(pg, c->line, l->noff + q, h, LK_AUTHOR, HOW_BYLINE);
	}
	/* A publisher alone on the line before the date: 新华社 */
	{
		long p = prev_nonblank(pg, (long)c->line);

		if (p >= 0 && pg->ln[p].nvis <= 12 && !(pg->ln[p].bits & LB_LABEL) &&
		    !memchr(pg->n + pg->ln[p].noff, '/', pg->ln[p].nlen) &&
		    publisher_like(pg->n + pg->ln[p].noff, pg->ln[p].nlen))
			scan_add_value(pg, (size_t)p, pg->ln[p].noff, pg->ln[p].nlen,
			    LK_SOURCE, HOW_AFTER_DATE);
		/* 石佳/中国青年报: author and publisher. */
		if (p >= 0 && pg->ln[p].nvis <= 20) {
			const char *q = pg->n + pg->ln[p].noff;
			const char *sl = memchr(q, '/', pg->ln[p].nlen);

			if (sl && !(pg->ln[p].bits & LB_LABEL)) {
				size_t an = (size_t)(sl - q), sn = pg->ln[p].nlen - an - 1;

				if (an >= 6 && an <= 12 && scan_han_run(q, an, 0) == an &&
				    publisher_like(sl + 1, sn)) {
					scan_add_value(pg, (size_t)p, pg->ln[p].noff, an, LK_AUTHOR,
					    HOW_BYLINE);
					scan_add_value(pg, (size_t)p, pg->ln[p].noff + an + 1, sn,
					    LK_SOURCE, HOW_AFTER_DATE);
				}
			}
		}
	}
}

/*
 * "赵延东、风笑天" on its own line under the title (or under the title's
 * repeat): two or more names of two or three characters joined by 、.
 */
static void
names_under_title(struct page *pg, long title_line)
{
	struct meta *m = pg->m;
	long li = title_line, k;

	/* Over the date line and repeats of the title, to the first other line. */
	for (k = 0; k < 6; k++) {
		const char *s;
		size_t n, i = 0, names = 0;

		if ((li = next_nonblank(pg, li)) < 0)
			return;
		s = pg->n + pg->ln[li].noff;
		n = pg->ln[li].nlen;
		if ((pg->ln[li].bits & (LB_DATE | LB_LABEL)) ||
		    lines_equal_nospace(s, n, m->title.data, m->title.len))
			continue;
		if (pg->ln[li].nvis > 20)
			return;
		while (i < n) {
			size_t h = scan_han_run(s, n, i);

			if (h < 6 || h > 9)
				break;
			names++;
			i += h;
			if (n - i >= 3 && memcmp(s + i, "、", 3) == 0)
				i += 3;
			else if (i < n)
				break;
		}
		if (i == n && names >= 2) {
			add_names(&m->authors, s, n, 3);
			set_span(m, MF_AUTHORS, pg, (size_t)li);
		}
		return;
	}
}

/*
 * An English byline with no "By" on the line under the headline: "Jane
 * Doe, Staff Writer", "Jane Doe | Reuters": two to four capitalised words,
 * then a role or an outlet.  The outlet is a source candidate.
 */
static void
latin_under_title(struct page *pg, long title_line)
{
	struct meta *m = pg->m;
	long li = title_line;
	const char *s;
	size_t n, i, e, r, words = 1;
	int bar;

	do
		li = next_nonblank(pg, li);
	while (li >= 0 && lines_equal_nospace(pg->n + pg->ln[li].noff, pg->ln[li].nlen,
	    m->title.data, m->title.len));
	if (li < 0 || pg->ln[li].nvis > 80 || (pg->ln[li].bits & (LB_DATE | LB_LABEL)))
		return;
	s = pg->n + pg->ln[li].noff;
	n = pg->ln[li].nlen;
	for (e = 0; e < n && s[e] != ',' && s[e] != '|'; e++)
		if ((unsigned char)s[e] >= 0x80 || (s[e] >= '0' && s[e] <= '9'))
			return;
	if (e == n || e < 3 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return;
	bar = s[e] == '|';
	for (r = e; r > 0 && s[r - 1] == ' '; r--)
		;
	for (i = 0; i < r; i++)
		if (s[i] == ' ') {
			words++;
			if (i + 1 < r && !(s[i + 1] >= 'A' && s[i + 1] <= 'Z') &&
			    !scan_starts_with(s + i + 1, r - i - 1, LIT("and ")))
				return;	/* a sentence, not a name */
		}
	if (words < 2 || words > 9)
		return;
	/* The item after the name, past credentials: "Dana Fry, MS, RDN | X". */
	for (;;) {
		for (i = e + 1; i < n && s[i] == ' '; i++)
			;
		for (e = i; e < n && s[e] != ',' && s[e] != '|'; e++)
			;
		while (e > i && s[e - 1] == ' ')
			e--;
		if (!credential(s + i, e - i))
			break;
		while (e < n && s[e] == ' ')
			e++;
		if (e == n)
			return;
		bar = s[e] == '|';
	}
	n = e;
	if (i == n || !(s[i] >= 'A' && s[i] <= 'Z') || n - i > 40 ||
	    !(latin_role(s + i, n - i) || org_name(s + i, n - i) || bar))
		return;
	{
		size_t before = m->authors.n;

		latin_names(&m->authors, s, r);
		if (m->authors.n == before)
			return;
	}
	set_span(m, MF_AUTHORS, pg, (size_t)li);
	if (!latin_role(s + i, n - i)) {
		for (r = 0; r < pg->nvc; r++)
			if (pg->vc[r].kind == LK_SOURCE || pg->vc[r].kind == LK_REPRINT)
				return;
		scan_add_value(pg, (size_t)li, pg->ln[li].noff + i, n - i, LK_SOURCE,
		    HOW_BYLINE);
	}
}

/* A follow button: 关注, +关注, + 关注, 关注作者. */
static int
follow_button(const char *s, size_t n)
{
	if (n && s[0] == '+') {
		s++, n--;
		while (n && *s == ' ')
			s++, n--;
	}
	return (n == 6 && memcmp(s, "关注", 6) == 0) ||
	    (n == 6 && memcmp(s, "關注", 6) == 0) ||
	    (n == 12 && memcmp(s, "关注作者", 12) == 0);
}

/*
 * Platforms with columns by their users (blogs, 号, 专栏) put the writer's
 * handle on a line of its own over a follow button: "魑皇" / "关注".  The
 * first such pair within a few lines of the title is the author.
 */
static void
name_over_follow(struct page *pg, long near)
{
	struct meta *m = pg->m;
	long li, nx;

	for (li = near > 8 ? near - 8 : 0; li <= near + 8 && (size_t)li < pg->nl; li++) {
		const struct line *l = &pg->ln[li];
		const char *s = pg->n + l->noff;

		if (!l->nlen || l->nvis > 16 || l->nvis < 2 ||
		    (l->bits & (LB_DATE | LB_LABEL | LB_CRUMB)) || memchr(s, ' ', l->nlen) ||
		    not_a_name(s, l->nlen) || follow_button(s, l->nlen) ||
		    publisher_like(s, l->nlen))
			continue;	/* a medium's account (人民日报) is no author */
		if ((nx = next_nonblank(pg, li)) < 0 || nx > li + 2)
			continue;
		if (!follow_button(pg->n + pg->ln[nx].noff, pg->ln[nx].nlen))
			continue;
		list_add(&m->authors, s, l->nlen);
		set_span(m, MF_AUTHORS, pg, (size_t)li);
		return;
	}
}

/*
 * The lines of the article, [*top, *end]: from two lines over the title or
 * the date block, whichever is higher, to the first related-list heading
 * after some body text (side columns have such headings too).
 */
static void
article_lines(const struct page *pg, long title_line, long date_line, long *top, long *end)
{
	long t = title_line >= 0 ? title_line : (date_line >= 0 ? date_line : 0);
	long k, body = 0;

	if (date_line >= 0 && date_line < t)
		t = date_line;
	t = t > 2 ? t - 2 : 0;
	*top = t;
	*end = (long)pg->nl;
	for (k = (date_line >= 0 ? date_line : t) + 1; k < (long)pg->nl; k++) {
		if ((pg->ln[k].bits & LB_END) && !(pg->ln[k].bits & LB_LABEL) && body >= 300) {
			*end = k;
			break;
		}
		body += pg->ln[k].nvis;
	}
}

/* Editors: the labelled ones in the article (an editor line may close it). */
static void
choose_editors(struct page *pg, long top, long end)
{
	struct meta *m = pg->m;
	size_t i;

	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];

		if ((v->kind == LK_EDITOR || v->kind == LK_EDITOR_PLAIN) &&
		    (long)v->line >= top && (long)v->line <= end + 2) {
			add_names(&m->editors, pg->n + v->off, v->len, 8);
			if (m->ev[MF_EDITORS].len == 0)
				set_span(m, MF_EDITORS, pg, v->line);
		}
	}
}

/*
 * Three or more 作者: lines with posts between them: a forum thread, one
 * per floor; the first post's is the author, the others replied.
 * (记者/通讯员/实习生 on lines of their own are one byline block, not a
 * thread.)
 */
static int
forum_thread(const struct page *pg, long top, long end)
{
	long last_line = -1, labelled = 0;
	size_t i;

	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];

		if (v->kind == LK_AUTHOR && v->how == HOW_LABEL &&
		    (long)v->line >= top && (long)v->line <= end &&
		    (last_line < 0 || (long)v->line > last_line + 3)) {
			labelled++;
			last_line = (long)v->line;
		}
	}
	return labelled >= 3;
}

/*
 * Authors: labels and bylines in the article, from two lines at most (a
 * byline under the title and one closing the body); more is a thread of
 * replies, each with its poster.
 */
static void
authors_in_article(struct page *pg, long top, long end)
{
	struct meta *m = pg->m;
	long lines_used = 0, last_line = -1, max_lines = forum_thread(pg, top, end) ? 1 : 2;
	size_t i;

	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];
		size_t before = m->authors.n;

		if (v->kind != LK_AUTHOR || (long)v->line < top || (long)v->line > end)
			continue;
		if (v->how == HOW_POSTER && m->authors.n)
			continue;
		if ((long)v->line != last_line && lines_used >= max_lines)
			break;
		/* A byline names people (2-4 characters); a label may name a team. */
		add_names(&m->authors, pg->n + v->off, v->len, v->how == HOW_LABEL ? 8 : 4);
		if (m->authors.n > before && (long)v->line != last_line) {
			lines_used++;
			last_line = (long)v->line;
		}
		if (m->ev[MF_AUTHORS].len == 0 && m->authors.n)
			set_span(m, MF_AUTHORS, pg, v->line);
	}
}

/* A page whose only credit is 编辑: that person wrote it. */
static void
authors_from_editor(struct page *pg, long top, long end)
{
	size_t i;

	for (i = 0; i < pg->nvc; i++)
		if (pg->vc[i].kind == LK_EDITOR)
			return;	/* a 责任编辑 too: 编辑 is one of the editors */
	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];

		if (v->kind == LK_EDITOR_PLAIN && (long)v->line >= top && (long)v->line <= end + 2)
			add_names(&pg->m->authors, pg->n + v->off, v->len, 8);
	}
}

/* An 作者: label anywhere in the upper half, as on a book or paper page. */
static void
authors_from_label(struct page *pg)
{
	struct meta *m = pg->m;
	size_t i;

	for (i = 0; i < pg->nvc && !m->authors.n; i++) {
		const struct vcand *v = &pg->vc[i];

		if (v->kind == LK_AUTHOR && v->how == HOW_LABEL && v->line < pg->nl / 2 + 1) {
			add_names(&m->authors, pg->n + v->off, v->len, 8);
			if (m->authors.n)
				set_span(m, MF_AUTHORS, pg, v->line);
		}
	}
}

/* Authors: where each rule looks, in the order they are trusted, to the first that names any. */
static void
choose_authors(struct page *pg, long title_line, long date_line, long top, long end)
{
	struct meta *m = pg->m;

	authors_in_article(pg, top, end);
	if (!m->authors.n)
		authors_from_editor(pg, top, end);
	if (!m->authors.n)
		authors_from_label(pg);
	/* Names alone under the title, as a paper gives them. */
	if (!m->authors.n && title_line >= 0)
		names_under_title(pg, title_line);
	/* An English name and role or outlet under the headline. */
	if (!m->authors.n && title_line >= 0)
		latin_under_title(pg, title_line);
	/* The handle over a follow button, by the title. */
	if (!m->authors.n && (title_line >= 0 || date_line >= 0))
		name_over_follow(pg, title_line >= 0 ? title_line : date_line);
}

/*
 * A source candidate's rank, 0 the best: named by a label or a byline in
 * the article, then elsewhere, a reprint's origin (转自), a publisher's
 * name by the date, a copyright line's 本文由X发布.
 */
static int
source_rank(const struct vcand *v, long top, long end)
{
	if (v->how == HOW_PUBLISHED_BY)
		return 4;
	if (v->kind == LK_REPRINT)
		return 2;
	if (v->how == HOW_AFTER_DATE)
		return 3;
	return (long)v->line >= top && (long)v->line <= end ? 0 : 1;
}

/* The best source candidate: the best rank, then the nearest the date block; -1 if none. */
static long
pick_source(const struct page *pg, long date_line, long top, long end)
{
	long best = -1, best_d = 0;
	int best_rank = 99;
	size_t i;

	for (i = 0; i < pg->nvc; i++) {
		const struct vcand *v = &pg->vc[i];
		int rank;
		long d;

		if (v->kind != LK_SOURCE && v->kind != LK_REPRINT)
			continue;
		rank = source_rank(v, top, end);
		d = date_line >= 0 ? labs((long)v->line - date_line) : (long)v->line;
		if (rank < best_rank || (rank == best_rank && d < best_d)) {
			best_rank = rank;
			best = (long)i;
			best_d = d;
		}
	}
	return best;
}

/* The outlet of an English byline in the article, "By Associated Press". */
static void
source_from_byline(struct page *pg, long top, long end)
{
	size_t i;

	for (i = 0; i < pg->nvc; i++) {
		struct vcand v = pg->vc[i];
		size_t st, len;

		if (v.kind == LK_AUTHOR && v.how == HOW_BYLINE && (long)v.line >= top &&
		    (long)v.line <= end && latin_outlet(pg->n + v.off, v.len, &st, &len)) {
			v.off += st;
			v.len = len;
			set_source(pg, &v);
			return;
		}
	}
}

static void
choose_source(struct page *pg, long date_line, long top, long end)
{
	long best = pick_source(pg, date_line, top, end);

	if (best >= 0)
		set_source(pg, &pg->vc[best]);
	else
		source_from_byline(pg, top, end);
}

#ifdef META_TUNE
/*
 * A build for fitting (scripts/gen-authmodel.py): every authors candidate's
 * names (joined by '|') and features; i == n is the "none" candidate.
 */
static void
auth_tune_dump(const struct page *pg, const struct acand *c, size_t n, size_t i,
    const double *x, double score, int zh)
{
	size_t k;

	if (!getenv("META_FEATURES"))
		return;
	if (!c) {
		if (pg->seq == 0) {
			fputs("#afeatures", stderr);
			for (k = 0; k < AF_N; k++)
				fprintf(stderr, "\t%s", auth_feature_names[k]);
			fputc('\n', stderr);
		}
		fprintf(stderr, "apage\t%ld\t%d\n", pg->seq, zh);
		return;
	}
	fprintf(stderr, "acand\t%ld\t", i < n ? c[i].line : -1);
	if (i < n && c[i].from != AC_READ) {
		const char *p = c[i].list->data.data, *end = p + c[i].list->data.len;

		for (k = 0; p < end; p += strlen(p) + 1, k++)
			fprintf(stderr, "%s%s", k ? "|" : "", p);
	} else
		for (k = 0; i < n && k < c[i].nn; k++)
			fprintf(stderr, "%s%.*s", k ? "|" : "", (int)c[i].len[k],
			    pg->n + c[i].off[k]);
	fitmodel_dump_row(score, x, AF_N);
}
#else
#define auth_tune_dump(pg, c, n, i, x, score, zh) ((void)0)
#endif

/* Make *to a copy of list from. */
static void
copy_list(struct meta_list *to, const struct meta_list *from)
{
	buf_clear(&to->data);
	buf_add(&to->data, from->data.data, from->data.len);
	to->n = from->n;
}

/* Does a name of a hold one of b, or one of b a name of a? */
static int
lists_overlap(const struct meta_list *a, const struct meta_list *b)
{
	const char *x, *y;
	size_t i, j;

	for (i = 0, x = a->data.data; i < a->n; i++, x += strlen(x) + 1)
		for (j = 0, y = b->data.data; j < b->n; j++, y += strlen(y) + 1)
			if (strlen(x) > 1 && strlen(y) > 1 && (strstr(x, y) || strstr(y, x)))
				return 1;
	return 0;
}

/*
 * The head's authors on a Chinese page: a JSON-LD article's take the
 * text's place when the text gave none, or when a name of one list holds
 * one of the other (the text's byline read with its clutter); a byline
 * that names other people wins over the markup.  With no JSON-LD author
 * and none in the text: article:author or <meta name=author>.
 */
static void
head_authors(struct page *pg)
{
	const struct meta_head *h = pg->head;
	struct meta *m = pg->m;
	const struct meta_list *got = h->ld_authors;

	if (!got || !got->n)
		got = m->authors.n ? NULL : h->meta_authors;
	if (!got || !got->n || (m->authors.n && !lists_overlap(got, &m->authors)))
		return;
	copy_list(&m->authors, got);
	m->ev[MF_AUTHORS].len = 0;
}

/* The rules' list and the head's as candidates after the n read ones. */
static size_t
listed_candidates(const struct page *pg, struct acand *c, size_t n)
{
	const struct meta_list *l[3] = { &pg->m->authors, pg->head->ld_authors,
		pg->head->meta_authors };
	static const enum acand_from from[3] = { AC_RULES, AC_HEAD_LD, AC_HEAD_META };
	size_t k;

	for (k = 0; k < 3; k++)
		if (l[k] && l[k]->n) {
			memset(&c[n], 0, sizeof(c[n]));
			c[n].from = from[k];
			c[n].list = l[k];
			c[n++].line = -1;
		}
	return n;
}

/*
 * On a page not in Chinese the fitted chooser (authmodel.h) takes the
 * authors: a list a byline near the title gives, the rules' list, the
 * head's, or none.  A Chinese page keeps the rules and the head's rule.
 */
static void
choose_authors_fitted(struct page *pg, long title_line, long date_line, int zh)
{
	struct meta *m = pg->m;
	struct acand c[ACANDS + 3];
	double x[AF_N], s, best_score;
	size_t n, i, best, k;

	auth_tune_dump(pg, NULL, 0, 0, NULL, 0, zh);
	if (zh) {
		head_authors(pg);
		return;
	}
	n = listed_candidates(pg, c, auth_candidates(pg, title_line, date_line, c));
	auth_features(pg, title_line, c, n, n, x);
	best = n;
	best_score = auth_model_score(x);
	auth_tune_dump(pg, c, n, n, x, best_score, zh);
	for (i = 0; i < n; i++) {
		auth_features(pg, title_line, c, n, i, x);
		s = auth_model_score(x);
		auth_tune_dump(pg, c, n, i, x, s, zh);
		if (s > best_score) {
			best = i;
			best_score = s;
		}
	}
	best = auth_visible(pg, c, n, best);
	if (best < n && c[best].from == AC_RULES)
		return;
	if (best < n && c[best].from != AC_READ) {
		copy_list(&m->authors, c[best].list);
		m->ev[MF_AUTHORS].len = 0;
		return;
	}
	buf_clear(&m->authors.data);
	m->authors.n = 0;
	m->ev[MF_AUTHORS].len = 0;
	if (best == n)
		return;
	for (k = 0; k < c[best].nn; k++)
		list_add(&m->authors, pg->n + c[best].off[k], c[best].len[k]);
	set_span(m, MF_AUTHORS, pg, (size_t)c[best].line);
}

/*
 * Do the Chinese rules alone name a page's authors?  A page in Chinese,
 * but not one in Japanese, whose kana are at least a quarter as many as
 * its kanji (Chinese writes none): its bylines are read by the fitted
 * chooser as other languages' are, after 投稿者, 著者, 文 or "By".
 */
static int
authors_by_chinese_rules(const struct page *pg, int zh)
{
	return zh && pg->kana * 4 < pg->han;
}

void
choose_people_and_source(struct page *pg, long title_line, long date_line, int zh)
{
	long top, end;

	article_lines(pg, title_line, date_line, &top, &end);
	choose_editors(pg, top, end);
	choose_authors(pg, title_line, date_line, top, end);
	choose_authors_fitted(pg, title_line, date_line, authors_by_chinese_rules(pg, zh));
	choose_source(pg, date_line, top, end);
}
