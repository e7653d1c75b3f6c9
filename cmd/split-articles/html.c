/*
 * html.c - HTML to the text of the page, for split-articles --html-to-text.
 *
 * Not a parser: a single pass that knows which tags end lines, which hide
 * their content, and how entities read.  Broken markup (a tag never closed,
 * a '<' in the text, a '>' inside a quoted attribute) must cost at most a
 * little text, never a crash or a pass over the input more than twice.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytes.h"
#include "entity.h"
#include "html.h"
#include "htmlhead.h"
#include "winnow.h"
#include "utf8.h"

/* ASCII only: the locale must not change what a tag name is. */
static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(int c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

static int
in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

/* Their content is code or markup for later, never text of the page. */
static const char *const hidden_tags[] = {
	"script", "style", "noscript", "template", NULL
};

/* Each starts and ends a block: a blank line around it. */
static const char *const block_tags[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
	"section", "article", "header", "footer", "nav", "ul", "ol", "dl",
	"dt", "dd", "blockquote", "pre", "form", "hr", "figure",
	"figcaption", "main", "aside", "body", "html", NULL
};

/* The text being written: breaks and spaces wait for the next character. */
struct out {
	struct buf *b;
	size_t start;		/* b->len when we began */
	int brk;		/* pending: 0, 1 newline, 2 blank line */
	int space;		/* white space since the last character */
	int bullet;		/* an <li> began: "  • " before its text */
	int pre;		/* <pre> depth: white space kept */
};

static int
at_line_start(const struct out *o)
{
	return o->b->len == o->start || o->b->data[o->b->len - 1] == '\n';
}

/* How many newlines (0..2) the text ends in. */
static int
trailing_newlines(const struct out *o)
{
	size_t len = o->b->len - o->start;
	const char *e = o->b->data + o->b->len;

	if (len == 0 || e[-1] != '\n')
		return 0;
	return len >= 2 && e[-2] == '\n' ? 2 : 1;
}

static void
want_break(struct out *o, int level)
{
	if (o->brk < level)
		o->brk = level;
}

/* Write what waits before a character: the break, the bullet, a space. */
static void
flush(struct out *o)
{
	/* Newlines a <pre> wrote count towards the break. */
	if (o->brk && o->b->len > o->start) {
		int have = trailing_newlines(o);

		for (; have < o->brk; have++)
			buf_addc(o->b, '\n');
		o->space = 0;
	}
	o->brk = 0;
	if (o->bullet) {
		if (!at_line_start(o))
			buf_addc(o->b, '\n');
		buf_adds(o->b, "  \u2022 ");
		o->bullet = 0;
		o->space = 0;
	}
	if (o->space && !at_line_start(o))
		buf_addc(o->b, ' ');
	o->space = 0;
}

static void
put_chars(struct out *o, const char *p, size_t n)
{
	flush(o);
	buf_add(o->b, p, n);
}

static void
put_space(struct out *o, int c)
{
	if (!o->pre) {
		o->space = 1;
		return;
	}
	if (c == '\r')
		return;
	if (c == '\n') {
		/*
		 * Never a blank line at the top, nor two in a row even in a
		 * <pre>: a blank line is what separates blocks downstream.  A
		 * pending break already ends the line.
		 */
		o->space = 0;
		if (o->b->len > o->start && !o->brk && trailing_newlines(o) < 2)
			buf_addc(o->b, '\n');
		return;
	}
	flush(o);
	buf_addc(o->b, (char)c);
}

/*
 * A reference that reads as white space: a no-break space (w3m writes it as
 * a space), and controls, which no page means as text.
 */
static int
blank_ref(const char *u, size_t ulen)
{
	unsigned char c0 = (unsigned char)u[0];

	return (ulen == 1 && (c0 < 0x20 || c0 == ' ' || c0 == 0x7f)) ||
	    (ulen == 2 && c0 == 0xc2 && ((unsigned char)u[1] < 0xa0 ||
	    (unsigned char)u[1] == 0xa0));
}

/*
 * Text between tags: white space collapsed (kept in <pre>), character
 * references read unless refs is 0 (text already decoded).
 */
static void
put_text_refs(struct out *o, const char *p, size_t n, int refs)
{
	size_t i = 0, j, len, ulen;
	char u[CHARREF_MAX];

	while (i < n) {
		unsigned char c = (unsigned char)p[i];

		if (is_space(c)) {
			put_space(o, c);
			i++;
		} else if (c == 0xef && n - i >= 3 && !memcmp(p + i, "\xef\xbb\xbf", 3)) {
			/* A BOM (pages include files that start with one) is no text. */
			i += 3;
		} else if (c == '&' && refs && (len = html_charref(p + i, n - i,
		    CHARREF_TEXT, u, &ulen)) > 0) {
			if (blank_ref(u, ulen))
				put_space(o, u[0] == '\n' ? '\n' : ' ');
			else
				put_chars(o, u, ulen);
			i += len;
		} else {
			for (j = i + 1; j < n && !is_space((unsigned char)p[j]) &&
			    p[j] != '&' && (unsigned char)p[j] != 0xef; j++)
				;
			put_chars(o, p + i, j - i);
			i = j;
		}
	}
}

static void
put_text(struct out *o, const char *p, size_t n)
{
	put_text_refs(o, p, n, 1);
}

static void
put_text_raw(struct out *o, const char *p, size_t n)
{
	put_text_refs(o, p, n, 0);
}

/* Offset of "</name" (any case, name k bytes) at or after from, or n. */
static size_t
find_close_from(const char *p, size_t n, size_t from, const char *name, size_t k)
{
	size_t i;

	for (i = from; i + 2 + k <= n; i++) {
		const char *c = memchr(p + i, '<', n - i);

		if (!c)
			break;
		i = (size_t)(c - p);
		if (i + 2 + k <= n && p[i + 1] == '/' &&
		    !strncasecmp(p + i + 2, name, k) &&
		    (i + 2 + k == n || !is_alnum((unsigned char)p[i + 2 + k])))
			return i;
	}
	return n;
}

/*
 * The last search for "</title": for any from in [from, at], the first
 * one at or after from is at (n when there is none), so a page of titles
 * never closed is searched once, not once per title (issue 20 H1).  Other
 * searches need none: a hidden tag never closed ends the page.
 */
struct close_memo {
	int set;
	size_t from, at;
};

/* Offset of "</name" (any case) at or after from, or n; m may be NULL. */
static size_t
find_close(const char *p, size_t n, size_t from, const char *name,
    struct close_memo *m)
{
	size_t k = strlen(name), i;

	if (m && m->set && from >= m->from && from <= m->at)
		return m->at;
	i = find_close_from(p, n, from, name, k);
	if (m) {
		m->set = 1;
		m->from = from;
		m->at = i;
	}
	return i;
}

/* Just past the next '>' at or after from, or n. */
static size_t
past_gt(const char *p, size_t n, size_t from)
{
	const char *c = from < n ? memchr(p + from, '>', n - from) : NULL;

	return c ? (size_t)(c - p) + 1 : n;
}

/*
 * Just past the '>' that ends the tag whose attributes start at from.  A
 * quote opens a value only after '=', as in HTML, so a stray apostrophe
 * does not swallow the page; a quote never closed falls back to the first
 * '>'.  Returns n when the tag never ends.
 */
static size_t
tag_end(const char *p, size_t n, size_t from)
{
	size_t i;
	int q = 0, last = 0;

	for (i = from; i < n; i++) {
		int c = (unsigned char)p[i];

		if (q) {
			if (c == q)
				q = 0;
		} else if ((c == '"' || c == '\'') && last == '=') {
			q = c;
		} else if (c == '>') {
			return i + 1;
		}
		if (!is_space(c))
			last = c;
	}
	return q ? past_gt(p, n, from) : n;
}

struct html {
	struct buf body, title;
	struct head head;
};

struct html *
html_new(void)
{
	return xcalloc(1, sizeof(struct html));
}

void
html_free(struct html *h)
{
	if (!h)
		return;
	buf_free(&h->body);
	buf_free(&h->title);
	head_free(&h->head);
	free(h);
}

struct head *
html_head(struct html *h)
{
	return &h->head;
}

/* One page being read. */
struct reader {
	const char *p;
	size_t n;
	struct out o, t;	/* the body's text, the title's */
	struct close_memo title_memo;
	struct head *head;
	int in_head, in_body, have_title;
};

/* A comment from p[i] == '<' "!--": just past its end. */
static size_t
skip_comment(const char *p, size_t n, size_t i)
{
	size_t k;

	/* No memmem in C11: look at each '>' for its "--". */
	for (k = past_gt(p, n, i + 4); k < n &&
	    (p[k - 2] != '-' || p[k - 3] != '-' || k - 3 < i + 4);
	    k = past_gt(p, n, k))
		;
	return k;
}

/*
 * A tag whose content is no text (script, style, template ...), its
 * attributes at p[a..end): past its end tag.  A JSON-LD script goes to
 * the head object.
 */
static size_t
hidden_tag(struct reader *r, const char *name, size_t a, size_t end)
{
	size_t close = find_close(r->p, r->n, end, name, NULL), off, len;

	if (!strcmp(name, "script") && html_attr(r->p + a, end - a, "type", &off, &len) &&
	    find_ci(r->p + a + off, len, "ld+json"))
		head_jsonld(r->head, r->p + end, close - end);
	return past_gt(r->p, r->n, close);
}

/* Length of the space (U+3000, U+00A0, ASCII) at p[0..n) or ending p[-n..0). */
static size_t
wide_space(const char *p, size_t n, int backwards)
{
	const char *q;

	if (n >= 1 && is_space((unsigned char)(backwards ? p[-1] : p[0])))
		return 1;
	if (n >= 3 && !memcmp(backwards ? p - 3 : p, "\xe3\x80\x80", 3))
		return 3;
	q = backwards ? p - 2 : p;
	return n >= 2 && !memcmp(q, "\xc2\xa0", 2) ? 2 : 0;
}

/*
 * A title padded with ideographic or no-break spaces: the padding is no
 * part of it (ASCII white space is trimmed already).
 */
static void
trim_wide_spaces(struct buf *b)
{
	size_t k, start = 0;

	while (b->len && (k = wide_space(b->data + b->len, b->len, 1)) > 0)
		b->len -= k;
	while (start < b->len && (k = wide_space(b->data + start, b->len - start, 0)) > 0)
		start += k;
	if (start) {
		memmove(b->data, b->data + start, b->len - start);
		b->len -= start;
	}
}

/* <title> whose attributes end at end: past its end tag. */
static size_t
title_tag(struct reader *r, size_t end)
{
	const char *p = r->p;
	size_t n = r->n, close = find_close(p, n, end, "title", &r->title_memo), i;

	if (close == n) {
		/* Never closed: the title is what comes before a tag. */
		const char *lt = end < n ? memchr(p + end, '<', n - end) : NULL;

		close = lt ? (size_t)(lt - p) : n;
		i = close;
	} else {
		i = past_gt(p, n, close);
	}
	/* The first title outside the body; an SVG's is a tooltip. */
	if (!r->have_title && !r->in_body) {
		put_text(&r->t, p + end, close - end);
		trim_wide_spaces(r->t.b);
		r->have_title = 1;
		head_add(r->head, "title", 5, r->t.b->data, r->t.b->len, 0, 1);
	}
	return i;
}

/* <img alt>: the alt text where the image stands, as w3m shows it. */
static void
img_tag(struct reader *r, size_t a, size_t end)
{
	size_t off, len;

	if (!r->in_head && html_attr(r->p + a, end - a, "alt", &off, &len) && len) {
		buf_clear(&r->head->dec);
		html_decode(r->p + a + off, len, CHARREF_ATTR, &r->head->dec);
		put_text_raw(&r->o, r->head->dec.data, r->head->dec.len);
	}
}

/* A tag that shapes the text: line breaks, blocks, bullets, <pre>. */
static size_t
layout_tag(struct reader *r, const char *name, int closing, size_t i)
{
	struct out *o = &r->o;

	if (!strcmp(name, "br")) {
		r->in_head = 0;
		want_break(o, 1);
	} else if (!strcmp(name, "li")) {
		r->in_head = 0;
		want_break(o, 1);
		o->bullet = !closing;
	} else if (!strcmp(name, "td") || !strcmp(name, "th")) {
		/* A cell is a block of its own: a line. */
		want_break(o, 1);
	} else if (in_list(name, block_tags)) {
		/* A page that never closes its head has begun its body. */
		r->in_head = 0;
		if (!strcmp(name, "body"))
			r->in_body = 1;
		want_break(o, 2);
		if (!strcmp(name, "pre")) {
			if (closing) {
				if (o->pre)
					o->pre--;
			} else {
				o->pre++;
				/* HTML drops a newline right after <pre>. */
				if (i < r->n && r->p[i] == '\r')
					i++;
				if (i < r->n && r->p[i] == '\n')
					i++;
			}
		}
	}
	return i;
}

/* The tag at p[i] == '<': just past it (and past its content if hidden). */
static size_t
read_tag(struct reader *r, size_t i)
{
	const char *p = r->p;
	size_t n = r->n, k, end, nl;
	char name[16];
	int closing;

	if (i + 3 < n && !memcmp(p + i, "<!--", 4))
		return skip_comment(p, n, i);
	/* <!doctype>, <![CDATA[...]]>, <?xml ...?>: no text. */
	if (i + 1 < n && (p[i + 1] == '!' || p[i + 1] == '?'))
		return past_gt(p, n, i + 1);
	closing = i + 1 < n && p[i + 1] == '/';
	k = i + 1 + (size_t)closing;
	if (k >= n || !is_alpha((unsigned char)p[k])) {
		/* "a < b": a '<' that starts no tag is text. */
		if (!r->in_head)
			put_text(&r->o, "<", 1);
		return i + 1;
	}
	for (nl = 0; k < n && (is_alnum((unsigned char)p[k]) ||
	    p[k] == '-' || p[k] == ':'); k++)
		if (nl < sizeof name - 1)
			name[nl++] = (char)lower((unsigned char)p[k]);
		else
			nl = sizeof name;	/* too long: no tag we know */
	name[nl < sizeof name ? nl : 0] = '\0';
	end = tag_end(p, n, k);
	if (closing)
		return strcmp(name, "head") ? layout_tag(r, name, 1, end) :
		    (r->in_head = 0, end);
	if (in_list(name, hidden_tags))
		return hidden_tag(r, name, k, end);
	if (!strcmp(name, "title"))
		return title_tag(r, end);
	if (!strcmp(name, "head")) {
		r->in_head = 1;
		return end;
	}
	if (!strcmp(name, "img"))
		img_tag(r, k, end);
	else if (!r->in_body)
		head_tag(r->head, name, p + k, end - k);
	return layout_tag(r, name, 0, end);
}

/* out gets the title, a blank line, the body; every line ends in a newline. */
static void
put_page(struct buf *out, struct buf *title, struct buf *body)
{
	while (body->len && is_space((unsigned char)body->data[body->len - 1]))
		body->len--;
	if (title->len) {
		buf_add(out, title->data, title->len);
		buf_adds(out, body->len ? "\n\n" : "\n");
	}
	if (body->len) {
		buf_add(out, body->data, body->len);
		buf_addc(out, '\n');
	}
}

void
html_to_text(struct html *h, const char *p, size_t n, struct buf *out)
{
	struct reader r;
	size_t i = 0;

	memset(&r, 0, sizeof r);
	buf_clear(&h->body);
	buf_clear(&h->title);
	head_clear(&h->head);
	r.p = p;
	r.n = n;
	r.o.b = &h->body;
	r.t.b = &h->title;
	r.head = &h->head;
	while (i < n) {
		if (p[i] == '<') {
			i = read_tag(&r, i);
		} else {
			const char *lt = memchr(p + i, '<', n - i);
			size_t k = lt ? (size_t)(lt - p) : n;

			if (!r.in_head)
				put_text(&r.o, p + i, k - i);
			i = k;
		}
	}
	put_page(out, &h->title, &h->body);
}

int
html_content_type(const char *v, size_t n)
{
	while (n && is_space((unsigned char)*v)) {
		v++;
		n--;
	}
	return (n >= 9 && !strncasecmp(v, "text/html", 9) &&
	    (n == 9 || !is_alnum((unsigned char)v[9]))) ||
	    (n >= 21 && !strncasecmp(v, "application/xhtml+xml", 21));
}
