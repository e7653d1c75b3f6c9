/*
 * html.c - HTML to the text of the page, for split-articles --html-to-text.
 *
 * Not a parser: a single pass that knows which tags end lines, which hide
 * their content, and how entities read.  Broken markup (a tag never closed,
 * a '<' in the text, a '>' inside a quoted attribute) must cost at most a
 * little text, never a crash or a pass over the input more than twice.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "html.h"
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

struct ent {
	const char *name;
	uint32_t cp;
};

/* The entities pages use; the rest of HTML's 2000-odd stay as written. */
static const struct ent entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xa0 }, { "copy", 0xa9 }, { "reg", 0xae },
	{ "middot", 0xb7 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
	{ "hellip", 0x2026 }, { "laquo", 0xab }, { "raquo", 0xbb },
	{ "ldquo", 0x201c }, { "rdquo", 0x201d }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 }, { "bull", 0x2022 }, { "trade", 0x2122 },
	{ "times", 0xd7 }, { "divide", 0xf7 }, { "deg", 0xb0 },
	{ "yen", 0xa5 }, { "euro", 0x20ac }, { "pound", 0xa3 },
	{ "cent", 0xa2 }, { "sect", 0xa7 }, { "para", 0xb6 },
	{ "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
	{ "zwnj", 0x200c }, { "zwj", 0x200d }, { "shy", 0xad },
	{ "larr", 0x2190 }, { "rarr", 0x2192 }, { "uarr", 0x2191 },
	{ "darr", 0x2193 }, { "hearts", 0x2665 }, { "plusmn", 0xb1 },
	{ "frac12", 0xbd }, { "iexcl", 0xa1 }, { "iquest", 0xbf },
	{ "aacute", 0xe1 }, { "agrave", 0xe0 }, { "acirc", 0xe2 },
	{ "auml", 0xe4 }, { "ccedil", 0xe7 }, { "eacute", 0xe9 },
	{ "egrave", 0xe8 }, { "ecirc", 0xea }, { "iacute", 0xed },
	{ "ntilde", 0xf1 }, { "oacute", 0xf3 }, { "ouml", 0xf6 },
	{ "uacute", 0xfa }, { "uuml", 0xfc }, { "szlig", 0xdf },
	{ "Auml", 0xc4 }, { "Eacute", 0xc9 }, { "Ouml", 0xd6 },
	{ "Uuml", 0xdc },
	{ NULL, 0 }
};

/*
 * &#128;..&#159; name C1 controls, but pages mean windows-1252 by them
 * (&#151; for a dash), and browsers read them so.
 */
static const uint16_t cp1252[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
	0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
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
 * Decode the entity at p[0] == '&' into *cp; returns its length, 0 when it
 * is no entity we know (the '&' is then text).
 */
static size_t
entity(const char *p, size_t n, uint32_t *cp)
{
	size_t i = 1, nd = 0;
	uint32_t v = 0;

	if (n > 1 && p[1] == '#') {
		int hex = n > 2 && (p[2] == 'x' || p[2] == 'X');

		for (i = hex ? 3 : 2; i < n; i++, nd++) {
			int c = p[i], d;

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && lower(c) >= 'a' && lower(c) <= 'f')
				d = lower(c) - 'a' + 10;
			else
				break;
			/* Saturate: any overflow is as invalid as 0x110000. */
			v = v > 0x10ffff ? 0x110000 : v * (hex ? 16 : 10) + (uint32_t)d;
		}
		if (nd == 0)
			return 0;
		if (i < n && p[i] == ';')
			i++;
		if (v >= 0x80 && v < 0xa0)
			v = cp1252[v - 0x80];
		else if (v == 0 || v > 0x10ffff || (v >= 0xd800 && v < 0xe000))
			v = 0xfffd;
		*cp = v;
		return i;
	}
	while (i < n && i < 12 && is_alnum((unsigned char)p[i]))
		i++;
	if (i < n && p[i] == ';' && i > 1) {
		const struct ent *e;

		for (e = entities; e->name; e++)
			if (strlen(e->name) == i - 1 && !memcmp(e->name, p + 1, i - 1)) {
				*cp = e->cp;
				return i + 1;
			}
	}
	return 0;
}

/* Text between tags: white space collapsed (kept in <pre>), entities read. */
static void
put_text(struct out *o, const char *p, size_t n)
{
	size_t i = 0, j, len;
	uint32_t cp;
	char u[4];

	while (i < n) {
		unsigned char c = (unsigned char)p[i];

		if (is_space(c)) {
			put_space(o, c);
			i++;
		} else if (c == 0xef && n - i >= 3 && !memcmp(p + i, "\xef\xbb\xbf", 3)) {
			/* A BOM (pages include files that start with one) is no text. */
			i += 3;
		} else if (c == '&' && (len = entity(p + i, n - i, &cp)) > 0) {
			/* A no-break space reads as a space, as w3m writes it. */
			if (cp == 0xa0 || cp < 0x20 || is_space((int)cp))
				put_space(o, cp == '\n' ? '\n' : ' ');
			else
				put_chars(o, u, utf8_encode(cp, u));
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

void
html_to_text(const char *p, size_t n, struct buf *out)
{
	struct buf body = { 0 }, title = { 0 };
	struct out o = { 0 }, t = { 0 };
	struct close_memo title_memo = { 0 };
	int in_head = 0, in_body = 0, have_title = 0;
	size_t i = 0;

	o.b = &body;
	t.b = &title;
	while (i < n) {
		size_t k, end, close, nl;
		char name[16];
		int closing;

		if (p[i] != '<') {
			const char *lt = memchr(p + i, '<', n - i);

			k = lt ? (size_t)(lt - p) : n;
			if (!in_head)
				put_text(&o, p + i, k - i);
			i = k;
			continue;
		}
		if (i + 3 < n && !memcmp(p + i, "<!--", 4)) {
			/* No memmem in C11: look at each '>' for its "--". */
			for (k = past_gt(p, n, i + 4); k < n &&
			    (p[k - 2] != '-' || p[k - 3] != '-' || k - 3 < i + 4);
			    k = past_gt(p, n, k))
				;
			i = k;
			continue;
		}
		if (i + 1 < n && (p[i + 1] == '!' || p[i + 1] == '?')) {
			/* <!doctype>, <![CDATA[...]]>, <?xml ...?>: no text. */
			i = past_gt(p, n, i + 1);
			continue;
		}
		closing = i + 1 < n && p[i + 1] == '/';
		k = i + 1 + (size_t)closing;
		if (k >= n || !is_alpha((unsigned char)p[k])) {
			/* "a < b": a '<' that starts no tag is text. */
			if (!in_head)
				put_text(&o, "<", 1);
			i++;
			continue;
		}
		for (nl = 0; k < n && (is_alnum((unsigned char)p[k]) ||
		    p[k] == '-' || p[k] == ':'); k++)
			if (nl < sizeof name - 1)
				name[nl++] = (char)lower((unsigned char)p[k]);
			else
				nl = sizeof name;	/* too long: no tag we know */
		name[nl < sizeof name ? nl : 0] = '\0';
		end = tag_end(p, n, k);
		i = end;
		if (!closing && in_list(name, hidden_tags)) {
			i = past_gt(p, n, find_close(p, n, end, name, NULL));
			continue;
		}
		if (!closing && strcmp(name, "title") == 0) {
			/* The first title outside the body; an SVG's is a tooltip. */
			close = find_close(p, n, end, "title", &title_memo);
			if (close == n) {
				/* Never closed: the title is what comes before a tag. */
				const char *lt = end < n ? memchr(p + end, '<', n - end) :
				    NULL;

				close = lt ? (size_t)(lt - p) : n;
				i = close;
			} else {
				i = past_gt(p, n, close);
			}
			if (!have_title && !in_body) {
				put_text(&t, p + end, close - end);
				have_title = 1;
			}
			continue;
		}
		if (strcmp(name, "head") == 0) {
			in_head = !closing;
			continue;
		}
		if (strcmp(name, "br") == 0) {
			in_head = 0;
			want_break(&o, 1);
		} else if (strcmp(name, "li") == 0) {
			in_head = 0;
			want_break(&o, 1);
			o.bullet = !closing;
		} else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0) {
			o.space = 1;
		} else if (in_list(name, block_tags)) {
			/* A page that never closes its head has begun its body. */
			in_head = 0;
			if (strcmp(name, "body") == 0)
				in_body = 1;
			want_break(&o, 2);
			if (strcmp(name, "pre") == 0) {
				if (closing) {
					if (o.pre)
						o.pre--;
				} else {
					o.pre++;
					/* HTML drops a newline right after <pre>. */
					if (i < n && p[i] == '\r')
						i++;
					if (i < n && p[i] == '\n')
						i++;
				}
			}
		}
	}
	/* Every line ends in a newline; no blank line at the end. */
	while (body.len && is_space((unsigned char)body.data[body.len - 1]))
		body.len--;
	if (title.len) {
		buf_add(out, title.data, title.len);
		buf_adds(out, body.len ? "\n\n" : "\n");
	}
	if (body.len) {
		buf_add(out, body.data, body.len);
		buf_addc(out, '\n');
	}
	buf_free(&body);
	buf_free(&title);
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

int
html_sniff(const char *p, size_t n)
{
	size_t i = 0;

	if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < n && is_space((unsigned char)p[i]))
		i++;
	/* An empty record has no buffer at all: NULL + 0 is UB. */
	if (i == n)
		return 0;
	p += i;
	n -= i;
	return (n >= 14 && !strncasecmp(p, "<!doctype html", 14) &&
	    (n == 14 || !is_alnum((unsigned char)p[14]))) ||
	    (n >= 5 && !strncasecmp(p, "<html", 5) &&
	    (n == 5 || !is_alnum((unsigned char)p[5]))) ||
	    (n >= 5 && !strncasecmp(p, "<head", 5) &&
	    (n == 5 || !is_alnum((unsigned char)p[5])));
}
