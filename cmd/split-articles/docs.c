/*
 * docs.c - <doc> dumps: the Sogou news corpus (<doc><url><docno>
 * <contenttitle><content>, GB18030 bytes, not real XML: nothing is escaped)
 * and WikiExtractor (<doc id= url= title=>text</doc>).  The tags' values
 * become metadata, the content the text, byte for byte.
 */
#define _GNU_SOURCE	/* memmem */
#include <stdint.h>
#include <string.h>

#include "split.h"
#include "stats.h"
#include "winnow.h"

/* Does c end the name of a "<doc" tag?  (strchr finds the NUL too.) */
static int
doc_name_end(unsigned char c)
{
	return c != '\0' && strchr("> \t\r\n", c) != NULL;
}

/*
 * Offset of the next "<doc" start tag (not <docs>, <docno>, <doclist>) or
 * "</doc>" at or after from, within limit bytes, whichever comes first;
 * *closing says which.  -1 when neither comes.  One pass, stopping at the
 * first: a doc without its </doc> must not have us look for one to the
 * end of the input (issue 20 D2), and a live pipeline's doc is whole at
 * its </doc>, without waiting for the next one.
 */
static long long
doc_end(struct src *s, size_t from, size_t limit, int *closing)
{
	long long q;

	while ((q = src_find(s, from, "<", 1, limit)) >= 0) {
		size_t have = src_fill(s, (size_t)q + 6);
		const unsigned char *p = src_ptr(s) + q;

		if (have >= (size_t)q + 6 && !memcmp(p, "</doc>", 6)) {
			*closing = 1;
			return q;
		}
		if (have >= (size_t)q + 5 && !memcmp(p, "<doc", 4) && doc_name_end(p[4])) {
			*closing = 0;
			return q;
		}
		from = (size_t)q + 1;
	}
	return -1;
}

/* The content of <tag>...</tag> inside p[0..n), or NULL. */
static const char *
element(const char *p, size_t n, const char *tag, size_t *len)
{
	char open[32], close[32];
	const char *a, *b;
	size_t ol, cl;

	ol = (size_t)snprintf(open, sizeof open, "<%s>", tag);
	cl = (size_t)snprintf(close, sizeof close, "</%s>", tag);
	if (!(a = memmem(p, n, open, ol)))
		return NULL;
	a += ol;
	b = memmem(a, n - (size_t)(a - p), close, cl);
	*len = b ? (size_t)(b - a) : n - (size_t)(a - p);
	return a;
}

/* The value of attribute name="..." in the start tag t[0..n), or NULL. */
static const char *
attribute(const char *t, size_t n, const char *name, size_t *len)
{
	size_t nl = strlen(name), i;

	for (i = 0; i + nl + 2 <= n; i++) {
		const char *end;

		if ((i && t[i - 1] != ' ' && t[i - 1] != '\t') ||
		    memcmp(t + i, name, nl) || t[i + nl] != '=' || t[i + nl + 1] != '"')
			continue;
		i += nl + 2;
		if (!(end = memchr(t + i, '"', n - i)))
			return NULL;
		*len = (size_t)(end - (t + i));
		return t + i;
	}
	return NULL;
}

/*
 * Where each format keeps the record's id, url and title: element or
 * attribute names, looked up in p[0..n) by find.
 */
struct doc_meta {
	const char *(*find)(const char *, size_t, const char *, size_t *);
	const char *name[3];
};
static const enum em_field doc_meta_field[3] = { F_ID, F_URL, F_TITLE };
static const struct doc_meta sogou_meta = { element, { "docno", "url", "contenttitle" } };
static const struct doc_meta wiki_meta = { attribute, { "id", "url", "title" } };

static void
emit_doc_meta(struct emitter *e, const struct doc_meta *m, const char *p, size_t n)
{
	const char *v;
	size_t vl;
	int k;

	for (k = 0; k < 3; k++)
		if ((v = m->find(p, n, m->name[k], &vl)))
			em_meta(e, doc_meta_field[k], v, vl);
}

/*
 * The text of a doc held whole.  With -j the emitter reports a text past
 * --max-record; raw output writes it as it comes, reported here (issue 20
 * M3).
 */
static void
doc_text(struct emitter *e, const struct split_opts *o, const char *p, size_t n)
{
	char sz[32];

	if (n > o->max_record && em_is_raw(e))
		em_warn(e, "larger than --max-record %s; written as found",
		    em_size_name(o->max_record, sz, sizeof sz));
	em_add(e, p, n);
}

static void
emit_sogou(struct emitter *e, const struct split_opts *o, const char *d, size_t n)
{
	const char *v;
	size_t vl;

	emit_doc_meta(e, &sogou_meta, d, n);
	/* The corpus is GB18030 (its paragraph mark U+E40C is not in GBK). */
	em_meta(e, F_CHARSET, "GB18030", 7);
	if ((v = element(d, n, "content", &vl)))
		doc_text(e, o, v, vl);
}

static void
emit_wiki(struct emitter *e, const struct split_opts *o, const char *d, size_t n)
{
	const char *gt = memchr(d, '>', n), *body;
	size_t tl, bl;

	if (!gt)
		return;
	tl = (size_t)(gt - d);
	emit_doc_meta(e, &wiki_meta, d, tl);
	body = gt + 1;
	bl = n - tl - 1;
	/* The newlines that frame the text belong to the markup. */
	if (bl && body[0] == '\n') {
		body++;
		bl--;
	}
	if (bl && body[bl - 1] == '\n')
		bl--;
	doc_text(e, o, body, bl);
}

/*
 * Write what comes up to needle as text, holding no more than a buffer's
 * worth, and consume the needle; with trim_nl, a newline right before the
 * needle is markup and left out.  Returns 0 if the input ended first.
 */
static int
stream_until(struct src *s, struct emitter *e, const char *needle, size_t nlen,
    int trim_nl)
{
	for (;;) {
		size_t avail = src_avail(s), k;
		const unsigned char *p = memmem(src_ptr(s), avail, needle, nlen);

		if (p) {
			k = (size_t)(p - src_ptr(s));
			em_add(e, src_ptr(s), k - (trim_nl && k > 0 && p[-1] == '\n'));
			src_skip(s, k + nlen);
			return 1;
		}
		if (s->eof) {
			em_add(e, src_ptr(s), avail);
			src_skip(s, avail);
			return 0;
		}
		/* Keep a tail that may start the needle, and the byte before. */
		k = avail > nlen ? avail - nlen : 0;
		em_add(e, src_ptr(s), k);
		src_skip(s, k);
		src_more(s);
	}
}

/*
 * A doc longer than --max-record: its metadata from the start tag (or the
 * elements before the content), its text streamed as it comes.  The tags
 * are looked for in the first limit bytes only: split_doc has read that
 * many whatever the size of the reads, and what is there past them
 * depends on how the input came in (a pipe, a file), which must not
 * change the output.
 */
static void
stream_doc(struct src *s, struct emitter *e, int sogou, size_t limit)
{
	const char *d = (const char *)src_ptr(s), *v;
	size_t n = src_avail(s) < limit ? src_avail(s) : limit, vl;
	int ended = 1;

	if (sogou) {
		em_meta(e, F_CHARSET, "GB18030", 7);
		if ((v = element(d, n, "docno", &vl)))
			em_meta(e, F_ID, v, vl);
		if ((v = element(d, n, "url", &vl)))
			em_meta(e, F_URL, v, vl);
		if ((v = element(d, n, "contenttitle", &vl)))
			em_meta(e, F_TITLE, v, vl);
		if ((v = memmem(d, n, "<content>", 9))) {
			src_skip(s, (size_t)(v - d) + 9);
			ended = stream_until(s, e, "</content>", 10, 0);
		}
		if (ended && src_seek(s, "</doc>", 6) >= 0)
			src_skip(s, 6);
		return;
	}
	if ((v = memchr(d, '>', n))) {
		size_t tl = (size_t)(v - d);
		const char *a;

		if ((a = attribute(d, tl, "id", &vl)))
			em_meta(e, F_ID, a, vl);
		if ((a = attribute(d, tl, "url", &vl)))
			em_meta(e, F_URL, a, vl);
		if ((a = attribute(d, tl, "title", &vl)))
			em_meta(e, F_TITLE, a, vl);
		src_skip(s, tl + 1 + (tl + 1 < n && d[tl + 1] == '\n'));
	}
	stream_until(s, e, "</doc>", 6, 1);
}

void
split_doc(struct src *s, struct emitter *e, const struct split_opts *o, int sogou)
{
	unsigned long long recno = 0;
	size_t limit = sat_add(o->max_record, 4096);
	char sz[32];
	long long at;

	for (;;) {
		long long end;
		size_t n, next;
		int closing;

		/* Between docs: the root tags and white space. */
		while ((at = src_seek(s, "<doc", 4)) >= 0 &&
		    src_fill(s, 5) >= 5 && !doc_name_end(src_ptr(s)[4]))
			src_skip(s, 4);
		if (at < 0 || src_avail(s) < 5)
			break;
		recno++;
		stats_add("records in", 1);
		em_begin(e, s->path, recno, sogou ? "sogou" : "wikiextractor");
		/* A doc ends at its </doc>, or where the next <doc> starts (D2). */
		end = doc_end(s, 4, limit, &closing);
		if (end >= 0 && closing) {
			n = (size_t)end;
			next = n + 6;
		} else if (end >= 0 || (s->eof && src_avail(s) < limit)) {
			n = end >= 0 ? (size_t)end : src_avail(s);
			next = n;
			em_warn(e, "no </doc>: %s", end >= 0 ?
			    "ends where the next <doc> starts" :
			    "cut off at the end of input");
		} else {
			/* Too long to hold: written as it comes. */
			if (em_is_raw(e))
				em_warn(e, "larger than --max-record %s; written as found",
				    em_size_name(o->max_record, sz, sizeof sz));
			stream_doc(s, e, sogou, limit);
			em_end(e);
			continue;
		}
		if (sogou)
			emit_sogou(e, o, (const char *)src_ptr(s), n);
		else
			emit_wiki(e, o, (const char *)src_ptr(s), n);
		em_end(e);
		src_skip(s, next);
	}
}
