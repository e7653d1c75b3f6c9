/*
 * emit.c - extract-meta's output: a field's value as JSON (for the object
 * per record and the -j merge) or as a TSV cell (for -f), both written by
 * one walk over the field (emit_value) into a different sink.
 */
#include <string.h>

#include "emit.h"
#include "lang.h"
#include "json.h"

static const char *const flag_names[] = { "year_inferred", "relative", "tz_assumed" };

int
emit_field_index(const char *name, size_t n)
{
	int f;

	for (f = 0; f < MF_NFIELDS; f++)
		if (strlen(meta_field_names[f]) == n &&
		    memcmp(meta_field_names[f], name, n) == 0)
			return f;
	if (n == 4 && memcmp(name, "file", 4) == 0)
		return EMIT_FILE;
	return -1;
}

static const struct mdate *
date_of(const struct meta *m, int f, const struct buf **raw)
{
	switch (f) {
	case MF_PUBLISHED:
		*raw = &m->raw_published;
		return &m->published;
	case MF_MODIFIED:
		*raw = &m->raw_modified;
		return &m->modified;
	default:
		*raw = NULL;
		return &m->crawled;
	}
}

static const struct meta_list *
list_of(const struct meta *m, int f)
{
	return f == MF_AUTHORS ? &m->authors : f == MF_EDITORS ? &m->editors :
	    &m->categories;
}

static const struct buf *
str_of(const struct meta *m, int f, int *has)
{
	switch (f) {
	case MF_TITLE:
		*has = m->has_title;
		return &m->title;
	case MF_SOURCE:
		*has = m->has_source;
		return &m->source;
	case MF_URL:
		*has = m->has_url;
		return &m->url;
	case MF_CANONICAL:
		*has = m->has_canonical;
		return &m->canonical;
	default:
		*has = m->has_lang;
		return &m->lang;
	}
}

/*
 * Where a value goes: JSON (strings quoted and escaped, lists in brackets,
 * null spelled out) or a TSV cell (strings escaped, lists joined by ';',
 * null empty).  One walker, emit_value(), serves both.
 */
struct sink {
	void (*str)(struct buf *, const char *, size_t);
	const char *null;	/* a field not found */
	const char *open, *close;	/* around a list */
	char sep;		/* between list items */
	int quote_date;		/* a date is a JSON string */
};

static void tsv_cell(struct buf *, const char *, size_t);

static const struct sink json_sink = { json_put_string, "null", "[", "]", ',', 1 };
static const struct sink tsv_sink = { tsv_cell, "", "", "", ';', 0 };

static void
emit_value(struct buf *b, const struct sink *k, const struct meta *m, int f,
    const char *file)
{
	const struct buf *raw, *s;
	const struct mdate *d;
	const struct meta_list *l;
	size_t i, off;
	int has, first = 1;

	switch (f) {
	case EMIT_FILE:
		if (file)
			k->str(b, file, strlen(file));
		else
			buf_adds(b, k->null);
		return;
	case MF_PUBLISHED:
	case MF_MODIFIED:
	case MF_CRAWLED:
		d = date_of(m, f, &raw);
		if (raw && raw->len) {
			k->str(b, raw->data, raw->len);
		} else if (d->prec == DP_NONE) {
			buf_adds(b, k->null);
		} else {
			if (k->quote_date)
				buf_addc(b, '"');
			mdate_format(b, d);
			if (k->quote_date)
				buf_addc(b, '"');
		}
		return;
	case MF_AUTHORS:
	case MF_EDITORS:
	case MF_CATEGORIES:
		l = list_of(m, f);
		buf_adds(b, k->open);
		for (i = 0, off = 0; i < l->n; i++) {
			size_t n = strlen(l->data.data + off);

			if (i)
				buf_addc(b, k->sep);
			k->str(b, l->data.data + off, n);
			off += n + 1;
		}
		buf_adds(b, k->close);
		return;
	case MF_FLAGS:
		buf_adds(b, k->open);
		for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
			if (m->flags & (1u << i)) {
				if (!first)
					buf_addc(b, k->sep);
				first = 0;
				k->str(b, flag_names[i], strlen(flag_names[i]));
			}
		buf_adds(b, k->close);
		return;
	default:
		s = str_of(m, f, &has);
		if (has)
			k->str(b, s->data, s->len);
		else
			buf_adds(b, k->null);
	}
}

void
emit_json_value(struct buf *b, const struct meta *m, int f)
{
	emit_value(b, &json_sink, m, f, NULL);
}

void
emit_evidence(struct buf *b, const struct meta *m)
{
	int f, first = 1;

	buf_addc(b, '{');
	for (f = 0; f < MF_NFIELDS; f++) {
		if (!m->ev[f].len)
			continue;
		if (!first)
			buf_addc(b, ',');
		first = 0;
		buf_printf(b, "\"%s\":[%zu,%zu]", meta_field_names[f], m->ev[f].off,
		    m->ev[f].len);
	}
	buf_addc(b, '}');
}

/*
 * Append s[0..n) as a TSV cell: \t \n \r and \\ escaped, other control
 * bytes as \xHH, so that a cell never holds a separator (tab, newline, NUL).
 */
static void
tsv_cell(struct buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;

		switch (c) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\\': esc = "\\\\"; break;
		}
		if (!esc && c >= 0x20 && c != 0x7f)
			continue;
		buf_add(b, s + run, i - run);
		if (esc)
			buf_adds(b, esc);
		else
			buf_printf(b, "\\x%02x", c);
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
}

void
emit_tsv_value(struct buf *b, const struct meta *m, int f, const char *file)
{
	emit_value(b, &tsv_sink, m, f, file);
}

void
emit_object(struct buf *b, const struct meta *m, const char *file, int extra)
{
	int f;

	buf_addc(b, '{');
	if (file) {
		buf_adds(b, "\"file\":");
		json_put_cstr_or_null(b, file);
		buf_addc(b, ',');
	}
	for (f = 0; f < MF_NFIELDS; f++) {
		if (f)
			buf_addc(b, ',');
		buf_addc(b, '"');	/* no printf: twelve names a record */
		buf_adds(b, meta_field_names[f]);
		buf_adds(b, "\":");
		emit_json_value(b, m, f);
	}
	if (extra & EMIT_LANGS) {
		buf_adds(b, ",\"langs\":");
		lang_put_json(b, m);
	}
	if (extra & EMIT_EVIDENCE) {
		buf_adds(b, ",\"evidence\":");
		emit_evidence(b, m);
	}
	buf_addc(b, '}');
}
