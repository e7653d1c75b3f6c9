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
#include "json.h"
#include "outfile.h"
#include "split.h"
#include "stats.h"
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
	rec_opts_init(&e->wopts);
	e->wopts.mode = REC_NUL;
	e->wrec.opts = &e->wopts;
}

void
em_free(struct emitter *e)
{
	int i;

	for (i = 0; i < F_NFIELDS; i++)
		buf_free(&e->meta[i]);
	buf_free(&e->text);
	buf_free(&e->scratch);
	buf_free(&e->conv);
	buf_free(&e->html);
	buf_free(&e->metaconv);
	buf_free(&e->path);
	outfile_free(&e->file);
}

const char *
em_size_name(size_t n, char *tmp, size_t tmpsz)
{
	if (n && n % (1 << 20) == 0)
		snprintf(tmp, tmpsz, "%zuM", n >> 20);
	else if (n && n % (1 << 10) == 0)
		snprintf(tmp, tmpsz, "%zuK", n >> 10);
	else
		snprintf(tmp, tmpsz, "%zu", n);
	return tmp;
}

void
em_warn(struct emitter *e, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	rec_warn(&e->wrec, "%s", msg);
}

/* Raw output: the text goes out as it comes, no decoding, nothing held. */
int
em_is_raw(const struct emitter *e)
{
	return e->mode == EM_NUL || (e->dir && !e->json_files);
}

/* Where a record's bytes go: stdout, or its file under -o. */
static void
sink(struct emitter *e, const void *p, size_t n)
{
	if (!e->dir)
		wn_write(p, n);
	else if (outfile_write(&e->file, p, n) < 0)
		wn_fatal("%s: write error:", e->file.tmp.data);
}

/*
 * -o DIR: the article goes to a temporary file in DIR, removed if the run
 * ends before it has its name (outfile_catch_signals, called by main).
 */
static void
file_open(struct emitter *e)
{
	buf_clear(&e->path);
	buf_printf(&e->path, "%s/split-articles", e->dir);
	if (outfile_open(&e->file, buf_cstr(&e->path), NULL) < 0)
		wn_fatal("%s:", e->file.tmp.data);
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
		outfile_remove(&e->file);
		if (errno != EEXIST || e->force)
			wn_fatal("%s:", e->path.data);
		em_warn(e, "%s exists; not overwritten (use --force)", e->path.data);
		return;
	}
	wn_write(e->path.data, e->path.len);
	wn_putc(e->mode == EM_NUL ? '\0' : '\n');
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
	e->wrec.path = path;
	e->wrec.recno = recno;
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

/* The object up to and including the opening quote of the text value. */
static void
json_head(struct emitter *e, struct buf *out, const char *charset)
{
	int i;

	buf_addc(out, '{');
	for (i = 0; i < F_NFIELDS; i++) {
		if (i)
			buf_addc(out, ',');
		buf_printf(out, "\"%s\":", field_names[i]);
		if (i == F_CHARSET)
			json_put_cstr_or_null(out, charset);
		else
			put_meta(e, out, (enum em_field)i, charset);
	}
	buf_adds(out, ",\"format\":");
	json_put_cstr_or_null(out, e->format);
	buf_addc(out, ',');
	json_put_string(out, e->field, strlen(e->field));
	buf_adds(out, ":");
}

/* Escape s[0..n) as the inside of a JSON string (no quotes). */
static void
json_inner(struct buf *out, const char *s, size_t n)
{
	size_t at = out->len;

	json_put_string(out, s, n);
	/* Drop the quotes json_put_string wrote around it. */
	memmove(out->data + at, out->data + at + 1, out->len - at - 2);
	out->len -= 2;
}

/*
 * Past --max-record in JSON mode: write what we hold and go on streaming,
 * the text escaped as found (invalid UTF-8 becomes U+FFFD), not decoded.
 */
static void
go_streaming(struct emitter *e)
{
	char tmp[32];
	size_t keep;

	em_warn(e, "larger than --max-record %s; text written as found, not decoded",
	    em_size_name(e->max_record, tmp, sizeof tmp));
	e->streaming = 1;
	buf_clear(&e->scratch);
	json_head(e, &e->scratch, e->has[F_CHARSET] ? e->meta[F_CHARSET].data : NULL);
	buf_addc(&e->scratch, '"');
	keep = utf8_complete_prefix((const unsigned char *)e->text.data, e->text.len);
	json_inner(&e->scratch, e->text.data, keep);
	sink(e, e->scratch.data, e->scratch.len);
	if (keep)
		memmove(e->text.data, e->text.data + keep, e->text.len - keep);
	e->text.len -= keep;
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
		sink(e, c, (size_t)(z - c));
		sink(e, " ", 1);
		e->nuls++;
		n -= (size_t)(z - c) + 1;
		c = z + 1;
	}
	sink(e, c, n);
}

void
em_html(struct emitter *e)
{
	e->is_html = 1;
}

/*
 * -z output is never decoded, so only a page already in UTF-8 (so stated,
 * or stating nothing) can become text without mixing two charsets.
 */
static int
raw_is_utf8(struct emitter *e)
{
	const char *stated = e->has[F_CHARSET] ? e->meta[F_CHARSET].data : NULL;
	const char *name = stated ? enc_canonical(stated) : NULL;

	if (stated && (!name || (strcmp(name, "UTF-8") && strcmp(name, "ASCII"))))
		return 0;
	return utf8_valid((const unsigned char *)e->text.data, e->text.len);
}

void
em_add(struct emitter *e, const void *p, size_t n)
{
	char tmp[32];
	size_t keep;

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
				    "found, not as text", em_size_name(e->max_record,
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
	keep = utf8_complete_prefix((const unsigned char *)e->text.data, e->text.len);
	buf_clear(&e->scratch);
	json_inner(&e->scratch, e->text.data, keep);
	sink(e, e->scratch.data, e->scratch.len);
	if (keep)
		memmove(e->text.data, e->text.data + keep, e->text.len - keep);
	e->text.len -= keep;
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

void
em_end(struct emitter *e)
{
	if (!e->open)
		return;
	e->open = 0;
	e->nout++;
	stats_add("records out", 1);
	if (em_is_raw(e)) {
		if (e->html_to_text && !e->streaming) {
			if ((e->is_html || html_sniff(e->text.data, e->text.len)) &&
			    raw_is_utf8(e)) {
				buf_clear(&e->html);
				html_to_text(e->text.data, e->text.len, &e->html);
				raw_out(e, e->html.data, e->html.len);
			} else {
				raw_out(e, e->text.data, e->text.len);
			}
		}
		if (e->nuls)
			em_warn(e, "%llu NUL byte%s in the text written as space%s",
			    e->nuls, e->nuls == 1 ? "" : "s", e->nuls == 1 ? "" : "s");
		if (!e->dir)
			wn_putc('\0');
	} else if (e->streaming) {
		buf_clear(&e->scratch);
		json_inner(&e->scratch, e->text.data, e->text.len);
		buf_adds(&e->scratch, "\"}\n");
		sink(e, e->scratch.data, e->scratch.len);
	} else {
		const char *text, *charset;
		size_t len;

		charset = decode(e, &text, &len);
		if (e->html_to_text && (e->is_html || html_sniff(text, len))) {
			buf_clear(&e->html);
			html_to_text(text, len, &e->html);
			text = e->html.data ? e->html.data : "";
			len = e->html.len;
		}
		buf_clear(&e->scratch);
		json_head(e, &e->scratch, charset);
		json_put_string(&e->scratch, text, len);
		buf_adds(&e->scratch, "}\n");
		sink(e, e->scratch.data, e->scratch.len);
	}
	if (e->dir)
		file_close(e);
}

void
em_json_line(struct emitter *e, const char *line, size_t n)
{
	e->nout++;
	stats_add("records out", 1);
	if (e->dir) {
		file_open(e);
		sink(e, line, n);
		sink(e, "\n", 1);
		file_close(e);
		return;
	}
	wn_write(line, n);
	wn_putc('\n');
}
