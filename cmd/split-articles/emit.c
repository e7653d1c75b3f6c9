/*
 * emit.c - one output record per article: raw text and NUL (-z), a JSON
 * object per line (-j, the default), or one file per article (-o DIR).
 * Raw output is written as it comes; JSON is held up to --max-record so the
 * text can be decoded as a whole, and streamed undecoded past that.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "encdetect.h"
#include "html.h"
#include "htmlhead.h"
#include "json.h"
#include "outfile.h"
#include "split.h"
#include "utf8.h"
#include "winnow.h"

static const char *const field_names[F_NFIELDS] = {
	"id", "url", "date", "title", "type", "charset",
};

void
em_init(struct emitter *e, enum em_mode mode, const char *field, size_t max_record)
{
	memset(e, 0, sizeof *e);
	e->mode = mode;
	e->field = field;
	e->max_record = max_record;
	outfile_init(&e->file);
	recw_init(&e->w, mode == EM_NUL ? REC_NUL : REC_JSON, field);
	e->reader = html_new();
}

void
em_free(struct emitter *e)
{
	int i;

	for (i = 0; i < F_NFIELDS; i++)
		buf_free(&e->meta[i]);
	buf_free(&e->text);
	buf_free(&e->conv);
	buf_free(&e->html);
	buf_free(&e->metaconv);
	buf_free(&e->http_lang);
	html_free(e->reader);
	buf_free(&e->path);
	outfile_free(&e->file);
	recw_free(&e->w);
}

void
em_locate(struct emitter *e, const char *path, unsigned long long recno)
{
	e->w.path = path;
	e->w.recno = recno;
}

void
em_warn(struct emitter *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	recw_vwarn(&e->w, fmt, ap);
	va_end(ap);
}

/* Raw output: the text goes out as it comes, no decoding, nothing held. */
int
em_is_raw(const struct emitter *e)
{
	return e->mode == EM_NUL || (e->dir && !e->json_files);
}

/*
 * -o DIR: the article goes to a temporary file in DIR, removed if the run
 * ends before it has its name (outfile_catch_signals, called by main).
 * The file holds the raw text, or with -j one JSON line.
 */
static void
file_open(struct emitter *e)
{
	buf_clear(&e->path);
	buf_printf(&e->path, "%s/split-articles", e->dir);
	if (outfile_open(&e->file, buf_cstr(&e->path), NULL) < 0)
		wn_fatal("%s:", e->file.tmp.data);
	e->w.file = &e->file;
	e->w.mode = e->json_files ? REC_JSON : REC_WHOLE;
}

/*
 * Give the finished temporary file its name without ever replacing a file
 * that is there, even one another process made a moment ago (unless
 * --force), and print the name.
 */
static void
file_close(struct emitter *e)
{
	if (outfile_close(&e->file, 0) < 0)
		wn_fatal("%s: write error:", e->file.tmp.data);
	e->nfiles++;
	buf_clear(&e->path);
	buf_printf(&e->path, "%s/", e->dir);
	/* The template holds one integer conversion, made long long (em_template_ll). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	buf_printf(&e->path, e->name_template, (unsigned long long)e->nfiles);
#pragma GCC diagnostic pop
	buf_cstr(&e->path);
	if (outfile_commit(&e->file, e->path.data,
	    e->force ? OUTFILE_REPLACE : OUTFILE_NEW) < 0) {
		int err = errno;

		outfile_remove(&e->file);
		/* One name taken costs its article, not the run (issue 20 M7). */
		if (err == EEXIST && !e->force)
			em_warn(e, "%s exists; not overwritten (use --force)", e->path.data);
		else if (err == EISDIR || err == EEXIST || err == ENOTEMPTY)
			em_warn(e, "%s is a directory; not replaced", e->path.data);
		else
			wn_fatal("%s: %s", e->path.data, strerror(err));
		return;
	}
	wn_write(e->path.data, e->path.len);
	wn_putc(e->mode == EM_NUL ? '\0' : '\n');
	/*
	 * The list of files made is what a user has to resume an interrupted
	 * run by: each path goes out as its file gets its name (issue 20 M6).
	 */
	wn_flush();
}

int
em_check_template(const char *t)
{
	int conv = 0;

	if (strchr(t, '/'))
		return -1;
	for (; *t; t++) {
		unsigned width = 0;

		if (*t != '%')
			continue;
		if (t[1] == '%') {
			t++;
			continue;
		}
		t++;
		while (*t == '0' || *t == '-' || *t == ' ' || *t == '+')
			t++;
		/*
		 * A width past EM_TEMPLATE_WIDTH makes no file name (NAME_MAX is
		 * 255): %2147483647d had vsnprintf allocate 2 GB, and a width
		 * past INT_MAX made it fail and name the file "DIR/".
		 */
		for (; *t >= '0' && *t <= '9'; t++)
			if ((width = width * 10 + (unsigned)(*t - '0')) > EM_TEMPLATE_WIDTH)
				return -1;
		if (*t != 'd' && *t != 'u' && *t != 'x' && *t != 'X' && *t != 'o')
			return -1;
		conv++;
	}
	return conv == 1 ? 0 : -1;
}

char *
em_template_ll(const char *t)
{
	char *out = xmalloc(strlen(t) + 3), *o = out;

	for (; *t; t++) {
		*o++ = *t;
		if (*t != '%')
			continue;
		if (t[1] == '%') {
			*o++ = *++t;
			continue;
		}
		while (t[1] && !strchr("duxXo", t[1]))
			*o++ = *++t;
		*o++ = 'l';
		*o++ = 'l';
	}
	*o = '\0';
	return out;
}

void
em_begin(struct emitter *e, const char *path, unsigned long long recno,
    const char *format)
{
	int i;

	for (i = 0; i < F_NFIELDS; i++) {
		buf_clear(&e->meta[i]);
		e->has[i] = 0;
	}
	buf_clear(&e->text);
	buf_clear(&e->http_lang);
	recw_begin(&e->w, path, recno);
	e->format = format;
	e->streaming = 0;
	e->is_html = 0;
	e->nuls = 0;
	e->open = 1;
	if (e->dir)
		file_open(e);
}

void
em_meta(struct emitter *e, enum em_field f, const char *p, size_t n)
{
	buf_clear(&e->meta[f]);
	buf_add(&e->meta[f], p, n);
	buf_cstr(&e->meta[f]);
	e->has[f] = 1;
}

/*
 * A metadata value as a JSON string: decoded like the text if not UTF-8.
 * Into a buffer of its own: em_end writes the head while the decoded text
 * it is about to write sits in e->conv.
 */
static void
put_meta(struct emitter *e, struct buf *out, enum em_field f, const char *charset)
{
	struct buf *m = &e->meta[f];

	if (!e->has[f]) {
		buf_adds(out, "null");
		return;
	}
	if (charset && !utf8_valid((const unsigned char *)m->data, m->len)) {
		buf_clear(&e->metaconv);
		if (conv_to_utf8(charset, m->data, m->len, &e->metaconv) !=
		    CONV_UNKNOWN) {
			json_put_string(out, e->metaconv.data, e->metaconv.len);
			return;
		}
	}
	json_put_string(out, m->data, m->len);
}

/* The members before the text: the metadata, the charset, the format. */
static void
json_fields(struct emitter *e, const char *charset)
{
	int i;

	for (i = 0; i < F_NFIELDS; i++) {
		struct buf *v = recw_field(&e->w, field_names[i]);

		if (i == F_CHARSET)
			json_put_cstr_or_null(v, charset);
		else
			put_meta(e, v, (enum em_field)i, charset);
	}
	json_put_cstr_or_null(recw_field(&e->w, "format"), e->format);
}

/*
 * The text in pieces as it streams: each piece up to its last whole
 * character, the rest held for the next.
 */
static void
stream_text(struct emitter *e)
{
	size_t keep = utf8_complete_prefix((const unsigned char *)e->text.data,
	    e->text.len);

	recw_text(&e->w, e->text.data, keep);
	if (keep)
		memmove(e->text.data, e->text.data + keep, e->text.len - keep);
	e->text.len -= keep;
}

/*
 * Past --max-record in JSON mode: write what we hold and go on streaming,
 * the text escaped as found (invalid UTF-8 becomes U+FFFD), not decoded.
 */
static void
go_streaming(struct emitter *e)
{
	char tmp[32];

	em_warn(e, "larger than --max-record %s; text written as found, not decoded",
	    rec_size_name(e->max_record, tmp, sizeof tmp));
	e->streaming = 1;
	json_fields(e, e->has[F_CHARSET] ? e->meta[F_CHARSET].data : NULL);
	stream_text(e);
}

/* Raw output as it comes. */
static void
raw_out(struct emitter *e, const void *p, size_t n)
{
	const char *c = p, *z;

	/* An empty record may have no buffer at all: memchr(NULL) is UB. */
	if (n == 0)
		return;
	/* A NUL inside a -z record would split it in two. */
	while (!e->dir && (z = memchr(c, '\0', n))) {
		recw_text(&e->w, c, (size_t)(z - c));
		recw_text(&e->w, " ", 1);
		e->nuls++;
		n -= (size_t)(z - c) + 1;
		c = z + 1;
	}
	recw_text(&e->w, c, n);
}

void
em_html(struct emitter *e)
{
	e->is_html = 1;
}

void
em_http_lang(struct emitter *e, const char *v, size_t n)
{
	buf_clear(&e->http_lang);
	buf_add(&e->http_lang, v, n);
}

void
em_add(struct emitter *e, const void *p, size_t n)
{
	char tmp[32];

	if (em_is_raw(e)) {
		/*
		 * --html-to-text must see the whole page before it writes the
		 * title first: hold it up to --max-record, then give up on it.
		 */
		if (e->html_to_text && !e->streaming) {
			if (e->text.len + n <= e->max_record) {
				buf_add(&e->text, p, n);
				return;
			}
			if (e->is_html || html_sniff(e->text.data, e->text.len))
				em_warn(e, "larger than --max-record %s; written as "
				    "found, not as text", rec_size_name(e->max_record,
				    tmp, sizeof tmp));
			e->streaming = 1;
			raw_out(e, e->text.data, e->text.len);
			buf_clear(&e->text);
		}
		raw_out(e, p, n);
		return;
	}
	if (!e->streaming && e->text.len + n <= e->max_record) {
		buf_add(&e->text, p, n);
		return;
	}
	if (!e->streaming)
		go_streaming(e);
	buf_add(&e->text, p, n);
	stream_text(e);
}

/*
 * Decode the held text to UTF-8: valid UTF-8 stays as it is (crawlers often
 * store decoded payloads under the original charset header), else the
 * stated charset, else the shared detector's guess.  Returns the charset
 * used; the UTF-8 text is in *out.
 */
static const char *
decode(struct emitter *e, const char **out, size_t *outlen)
{
	const char *stated = e->has[F_CHARSET] ? e->meta[F_CHARSET].data : NULL;
	const char *name = NULL;
	unsigned long long bad = CONV_UNKNOWN;
	struct enc_guess g;

	*out = e->text.data;
	*outlen = e->text.len;
	if (utf8_valid((const unsigned char *)e->text.data, e->text.len)) {
		size_t i;

		/*
		 * ASCII (or nothing) fits any charset: keep the stated one, the
		 * title may need it.
		 */
		for (i = 0; i < e->text.len && !(e->text.data[i] & 0x80); i++)
			;
		if (i == e->text.len && stated && (name = enc_canonical(stated)))
			return name;
		return "UTF-8";
	}
	buf_clear(&e->conv);
	if (stated && (name = enc_canonical(stated)) == NULL)
		name = stated;	/* iconv knows more labels than we do */
	if (name && strcmp(name, "UTF-8") != 0)
		bad = conv_to_utf8(name, e->text.data, e->text.len, &e->conv);
	if (bad == CONV_UNKNOWN) {
		enc_detect((const unsigned char *)e->text.data, e->text.len, 1,
		    stated, &g);
		name = g.name ? g.name : "UTF-8";
		buf_clear(&e->conv);
		bad = conv_to_utf8(name, e->text.data, e->text.len, &e->conv);
		if (bad == CONV_UNKNOWN) {
			em_warn(e, "iconv cannot decode %s; text written as found", name);
			return NULL;
		}
	}
	if (bad)
		em_warn(e, "%llu invalid byte sequence%s in %s text replaced by U+FFFD",
		    bad, bad == 1 ? "" : "s", name);
	*out = e->conv.data;
	*outlen = e->conv.len;
	return name;
}

/*
 * -z, or -o without -j: --html-to-text's held page, then the NULs told.
 * A page's text is UTF-8 (its entities decode to UTF-8), so a page in
 * another charset is decoded first, as in -j, and not left raw without a
 * word (issue 20 M10); one iconv cannot decode stays raw, reported.
 */
static void
raw_end(struct emitter *e)
{
	if (e->html_to_text && !e->streaming) {
		const char *text;
		size_t len;

		if ((e->is_html || html_sniff(e->text.data, e->text.len)) &&
		    decode(e, &text, &len)) {
			buf_clear(&e->html);
			html_to_text(e->reader, text, len, &e->html);
			raw_out(e, e->html.data, e->html.len);
		} else {
			raw_out(e, e->text.data, e->text.len);
		}
	}
	if (e->nuls)
		em_warn(e, "%llu NUL byte%s in the text written as space%s",
		    e->nuls, e->nuls == 1 ? "" : "s", e->nuls == 1 ? "" : "s");
}

/*
 * An HTML record made text: its <title> is the record's title unless the
 * dump gave one, and the head object goes in member "html", with the HTTP
 * response's Content-Language (a language hint beside <html lang>).
 */
static void
json_html_fields(struct emitter *e, const char *charset)
{
	struct head *h = html_head(e->reader);
	const char *title;
	size_t len;

	if (e->http_lang.len)
		head_add(h, "http:content-language", 21, e->http_lang.data, e->http_lang.len,
		    0, 1);

	if (!e->has[F_TITLE] && (title = head_get(h, "title", &len)))
		em_meta(e, F_TITLE, title, len);
	json_fields(e, charset);
	if (h->nv)
		head_json(h, recw_field(&e->w, "html"));
}

/* JSON: the held text decoded (and made text with --html-to-text). */
static void
json_end(struct emitter *e)
{
	const char *text, *charset;
	size_t len;

	charset = decode(e, &text, &len);
	if (e->html_to_text && (e->is_html || html_sniff(text, len))) {
		buf_clear(&e->html);
		html_to_text(e->reader, text, len, &e->html);
		text = e->html.data ? e->html.data : "";
		len = e->html.len;
		json_html_fields(e, charset);
	} else {
		json_fields(e, charset);
	}
	recw_text(&e->w, text, len);
}

void
em_end(struct emitter *e)
{
	if (!e->open)
		return;
	e->open = 0;
	e->nout++;
	if (em_is_raw(e))
		raw_end(e);
	else if (e->streaming)
		recw_text(&e->w, e->text.data, e->text.len);
	else
		json_end(e);
	recw_end(&e->w);
	if (e->dir)
		file_close(e);
}

void
em_json_line(struct emitter *e, const char *line, size_t n)
{
	e->nout++;
	if (e->dir)
		file_open(e);
	recw_bytes(&e->w, line, n);
	recw_end(&e->w);
	if (e->dir)
		file_close(e);
}
