/* record.c - one record layer for the three modes of DESIGN.md. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "outfile.h"
#include "record.h"
#include "stats.h"
#include "winnow.h"

void
rec_opts_init(struct rec_opts *o)
{
	o->mode = REC_WHOLE;
	o->field = "text";
	o->max_record = (size_t)64 << 20;
	o->oversize_prefix = 0;
	o->field_names_input = 0;
	o->given = 0;
}

/*
 * Whether stdout and stderr are one file (a terminal, 2>&1): only then must
 * stdout be flushed before a message to keep the two in order.  Otherwise
 * the flush would cost a write per bad record for nothing.
 */
static int
same_file_as_stderr(void)
{
	static int same = -1;
	struct stat out, err;

	if (same < 0)
		same = fstat(STDOUT_FILENO, &out) < 0 || fstat(STDERR_FILENO, &err) < 0 ||
		    (out.st_dev == err.st_dev && out.st_ino == err.st_ino);
	return same;
}

/*
 * "prog: path: record N: message", or "prog: path: message" when not
 * numbered (a whole file), in one write, so a stream of bad records stays
 * cheap; status 1.
 */
static void
warn_at(const char *path, int numbered, unsigned long long recno, const char *fmt,
    va_list ap)
{
	static struct buf msg;
	va_list again;
	int n;

	if (same_file_as_stderr())
		fflush(stdout);
	progress_clear();
	buf_clear(&msg);
	if (!numbered)
		buf_printf(&msg, "%s: %s: ", argv0, path);
	else
		buf_printf(&msg, "%s: %s: record %llu: ", argv0, path, recno);
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n > 0) {
		buf_reserve(&msg, (size_t)n + 1);
		vsnprintf(msg.data + msg.len, (size_t)n + 1, fmt, again);
		msg.len += (size_t)n;
	}
	va_end(again);
	buf_addc(&msg, '\n');
	fwrite(msg.data, 1, msg.len, stderr);
	wn_raise(WN_RECORD);
}

void
rec_warn(const struct record *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	warn_at(r->path, r->opts->mode != REC_WHOLE, r->recno, fmt, ap);
	va_end(ap);
}

const char *
rec_size_name(size_t n, char *tmp, size_t tmpsz)
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
recw_init(struct rec_writer *w, enum rec_mode mode, const char *field)
{
	memset(w, 0, sizeof *w);
	w->mode = mode;
	w->field = field;
	w->path = "<stdin>";
}

void
recw_free(struct rec_writer *w)
{
	buf_free(&w->out);
}

void
recw_begin(struct rec_writer *w, const char *path, unsigned long long recno)
{
	w->path = path;
	w->recno = recno;
	w->members = 0;
	w->in_text = 0;
	buf_clear(&w->out);
}

void
recw_bytes(struct rec_writer *w, const void *p, size_t n)
{
	if (!w->file)
		wn_write(p, n);
	else if (outfile_write(w->file, p, n) < 0)
		wn_fatal("%s: write error:", w->file->tmp.data);
}

/* -j: the next member's key, after '{' or ','. */
static void
member(struct rec_writer *w, const char *key)
{
	buf_addc(&w->out, w->members++ ? ',' : '{');
	json_put_string(&w->out, key, strlen(key));
	buf_addc(&w->out, ':');
}

struct buf *
recw_field(struct rec_writer *w, const char *key)
{
	if (w->mode != REC_JSON) {
		/* No fields outside -j: the value is written and dropped. */
		buf_clear(&w->out);
		return &w->out;
	}
	member(w, key);
	return &w->out;
}

/* Past this much, a streaming object's text goes out as it comes. */
#define HELD_MAX (64 * 1024)

void
recw_text(struct rec_writer *w, const void *p, size_t n)
{
	if (w->mode != REC_JSON) {
		recw_bytes(w, p, n);
		return;
	}
	if (!w->in_text) {
		member(w, w->field);
		buf_addc(&w->out, '"');
		w->in_text = 1;
	}
	json_put_inner(&w->out, p, n);
	if (w->out.len >= HELD_MAX) {
		recw_bytes(w, w->out.data, w->out.len);
		buf_clear(&w->out);
	}
}

void
recw_end(struct rec_writer *w)
{
	stats_io.records_out++;
	if (w->mode == REC_WHOLE)
		return;
	if (w->members) {
		if (w->in_text)
			buf_addc(&w->out, '"');
		buf_adds(&w->out, "}\n");
		recw_bytes(w, w->out.data, w->out.len);
		buf_clear(&w->out);
		w->members = w->in_text = 0;
	} else if (!w->file) {
		wn_putc(w->mode == REC_NUL ? '\0' : '\n');
	} else {
		recw_bytes(w, w->mode == REC_NUL ? "" : "\n", 1);
	}
}

void
recw_vwarn(const struct rec_writer *w, const char *fmt, va_list ap)
{
	warn_at(w->path, 1, w->recno, fmt, ap);
}

void
recw_warn(const struct rec_writer *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	recw_vwarn(w, fmt, ap);
	va_end(ap);
}

/* The filter's own output, framed by itself: no terminator added. */
void
rec_put_raw(struct record *r, const void *p, size_t n)
{
	if (r->emitted++)
		return;
	stats_io.records_out++;
	recw_bytes(r->w, p, n);
}

/* A record's bytes as they are, then the terminator. */
static void
put_whole(struct record *r, const void *p, size_t n)
{
	recw_begin(r->w, r->path, r->recno);
	recw_bytes(r->w, p, n);
	recw_end(r->w);
}

void
rec_pass(struct record *r)
{
	if (r->emitted++)
		return;
	if (r->opts->mode == REC_JSON)
		put_whole(r, r->line, r->line_len);
	else
		put_whole(r, r->text, r->len);
}

void
rec_put_text(struct record *r, const char *text, size_t len)
{
	if (r->opts->mode != REC_JSON) {
		if (r->emitted++)
			return;
		if (!text) {
			text = r->text;
			len = r->len;
		}
		put_whole(r, text, len);
		return;
	}
	if (text) {
		struct buf *v = rec_set_begin(r, r->opts->field);

		json_put_string(v, text, len);
		rec_set_end(r);
	}
	if (r->emitted++)
		return;
	if (!r->edits.n) {
		put_whole(r, r->line, r->line_len);
	} else {
		buf_clear(&r->out);
		json_rewrite(&r->out, r->line, r->line_len, r->obj, &r->edits);
		put_whole(r, r->out.data, r->out.len);
	}
}

struct buf *
rec_set_begin(struct record *r, const char *key)
{
	json_edit_begin(&r->edits, key);
	return &r->edits.vals;
}

void
rec_set_end(struct record *r)
{
	json_edit_end(&r->edits);
}

void
rec_set_json(struct record *r, const char *key, const char *json, size_t n)
{
	buf_add(rec_set_begin(r, key), json, n);
	rec_set_end(r);
}

void
rec_set_str(struct record *r, const char *key, const char *s, size_t n)
{
	struct buf *v = rec_set_begin(r, key);

	if (s)
		json_put_string(v, s, n);
	else
		buf_add(v, "null", 4);
	rec_set_end(r);
}

struct reader {
	const struct rec_opts *opts;
	struct input in;
	struct record rec;
	struct rec_writer w;
	struct json_obj obj;
	struct buf text;	/* -j: the decoded field */
	rec_fn fn;
	void *ctx;
};

/*
 * A text field given more than once: readers differ on which one counts
 * (we, jq and Python take the last).  The last is read and, where the
 * filter changes the text, rewritten; the others pass as they are.
 */
static void
report_duplicates(const struct record *r)
{
	size_t n = json_count(r->obj, r->line, r->opts->field);

	if (n > 1)
		rec_warn(r, REC_DUPLICATE_FIELD, r->opts->field, n);
}

static void
dispatch(struct reader *rd)
{
	struct record *r = &rd->rec;

	r->emitted = 0;
	stats_io.records_in++;
	json_edits_clear(&r->edits);
	if (rd->opts->mode == REC_JSON) {
		long k;

		r->obj = &rd->obj;
		if (json_parse(&rd->obj, r->line, r->line_len) < 0) {
			rec_warn(r, "invalid JSON at byte %zu: %s; passed on unchanged",
			    rd->obj.err_off + 1, rd->obj.err);
			rec_pass(r);
			return;
		}
		if (rd->obj.close_off == (size_t)-1) {
			rec_warn(r, "not a JSON object; passed on unchanged");
			rec_pass(r);
			return;
		}
		k = json_find(&rd->obj, r->line, rd->opts->field);
		if (k < 0 || r->line[rd->obj.m[k].val_off] != '"') {
			rec_warn(r, "no string field \"%s\"; passed on unchanged",
			    rd->opts->field);
			rec_pass(r);
			return;
		}
		report_duplicates(r);
		buf_clear(&rd->text);
		json_decode_string(&rd->text, r->line + rd->obj.m[k].val_off,
		    rd->obj.m[k].val_len);
		r->text = buf_cstr(&rd->text);
		r->len = rd->text.len;
	}
	/*
	 * A filter that failed (and reported) or forgot to emit: the record
	 * still goes on, unchanged.  One that emitted and then failed has had
	 * its record written already; a second copy would break the count.
	 */
	if (rd->fn(r, rd->ctx) < 0 && r->emitted)
		return;
	if (!r->emitted) {
		json_edits_clear(&r->edits);
		rec_pass(r);
	}
}

/*
 * The rest of a record, up to and including its delimiter (delim -1: to
 * the end of input), through w as it comes, or with w NULL skipped; no
 * more than a buffer's worth is held.
 */
static void
rest_of_record(struct input *in, int delim, struct rec_writer *w)
{
	for (;;) {
		unsigned char *p = delim >= 0 ?
		    memchr(in->buf + in->pos, delim, in->end - in->pos) : NULL;
		size_t n = p ? (size_t)(p - in->buf) - in->pos : in->end - in->pos;

		if (w)
			recw_bytes(w, in->buf + in->pos, n);
		in->pos += n;
		if (p) {
			in->pos++;
			return;
		}
		if (!in_more(in))
			return;
	}
}

/*
 * A record over --max-record: write what is buffered and copy the rest of
 * it through without holding it, up to and including its delimiter.
 */
static void
pass_oversized(struct reader *rd, int delim)
{
	struct record *r = &rd->rec;
	char tmp[32];

	stats_io.records_in++;
	rec_warn(r, "larger than --max-record %s; passed on unchanged",
	    rec_size_name(r->opts->max_record, tmp, sizeof tmp));
	recw_begin(r->w, r->path, r->recno);
	rest_of_record(&rd->in, delim, r->w);
	recw_end(r->w);
}

/*
 * A record over --max-record for a filter with oversize_prefix: it gets
 * the first max_record bytes (more than that are buffered at start, none
 * of them the delimiter), the rest is skipped unread by anyone.
 */
static void
dispatch_prefix(struct reader *rd, unsigned char *start, int delim)
{
	struct input *in = &rd->in;
	struct record *r = &rd->rec;
	size_t n = rd->opts->max_record;
	char tmp[32];

	rec_warn(r, "larger than --max-record %s; only its first %s read",
	    rec_size_name(n, tmp, sizeof tmp), tmp);
	r->text = (char *)start;
	r->len = n;
	start[n] = '\0';	/* a byte of the record past the prefix */
	r->line = r->text;
	r->line_len = n;
	r->truncated = 1;
	dispatch(rd);
	r->truncated = 0;
	in->pos = (size_t)(start - in->buf) + n + 1;
	rest_of_record(in, delim, NULL);
}

/*
 * A record at start over --max-record (len bytes of it known so far): cut
 * to its first max_record bytes for a filter that asked so (outside -j),
 * else passed on unchanged.
 */
static void
oversized(struct reader *rd, unsigned char *start, size_t len, int delim)
{
	rd->rec.text = (char *)start;
	rd->rec.len = len;
	if (rd->opts->oversize_prefix && rd->opts->mode != REC_JSON)
		dispatch_prefix(rd, start, delim);
	else
		pass_oversized(rd, delim);
}

static void
read_whole(struct reader *rd)
{
	struct input *in = &rd->in;
	struct record *r = &rd->rec;

	r->recno = 1;
	while (!in->eof && !in->err) {
		if (in->end - in->pos > rd->opts->max_record) {
			oversized(rd, in->buf + in->pos, in->end - in->pos, -1);
			return;
		}
		in_more(in);
	}
	if (in->err)
		return;
	in->buf = in->buf ? in->buf : xmalloc(1);
	r->text = (char *)in->buf + in->pos;
	r->len = in->end - in->pos;
	r->text[r->len] = '\0';
	dispatch(rd);
}

static void
read_delimited(struct reader *rd, int delim)
{
	struct input *in = &rd->in;
	struct record *r = &rd->rec;
	size_t scanned = 0;	/* bytes after pos already known free of delim */

	/* Have a buffer before pointing into it (fuzz_record: NULL + 0 is UB). */
	in_more(in);
	for (;;) {
		unsigned char *start = in->buf + in->pos;
		unsigned char *p = in->end > in->pos + scanned ?
		    memchr(start + scanned, delim, in->end - in->pos - scanned) : NULL;
		size_t len;

		if (!p) {
			scanned = in->end - in->pos;
			if (scanned > rd->opts->max_record) {
				r->recno++;
				oversized(rd, start, scanned, delim);
				scanned = 0;
				continue;
			}
			if (in->eof || in->err) {
				if (scanned == 0 || in->err)
					return;
				/* A last record without its delimiter. */
				p = in->buf + in->end;
			} else {
				in_more(in);
				continue;
			}
		}
		len = (size_t)(p - start);
		r->recno++;
		if (len > rd->opts->max_record) {
			oversized(rd, start, len, delim);
			scanned = 0;
			continue;
		}
		*p = '\0';	/* the delimiter, or the spare byte at the end */
		r->text = (char *)start;
		r->len = len;
		if (delim == '\n' && r->recno == 1)
			json_skip_bom(&r->text, &r->len);
		r->line = r->text;
		r->line_len = r->len;
		dispatch(rd);
		in->pos += len + (in->pos + len < in->end);
		scanned = 0;
	}
}

void
rec_run(const struct rec_opts *o, int argc, char **argv, rec_fn fn, void *ctx)
{
	static char *stdin_only[] = { "-" };
	struct reader rd;
	int i;

	memset(&rd, 0, sizeof rd);
	rd.opts = o;
	rd.fn = fn;
	rd.ctx = ctx;
	rd.rec.opts = o;
	recw_init(&rd.w, o->mode, o->field);
	rd.rec.w = &rd.w;
	progress_expect(argc, argv);
	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	for (i = 0; i < argc; i++) {
		if (in_open(&rd.in, argv[i]) < 0) {
			wn_raise(WN_TROUBLE);
			continue;
		}
		rd.rec.path = rd.in.path;
		rd.rec.file = rd.in.fd == 0 ? NULL : argv[i];
		rd.rec.recno = 0;
		switch (o->mode) {
		case REC_WHOLE:
			read_whole(&rd);
			break;
		case REC_NUL:
			read_delimited(&rd, '\0');
			break;
		case REC_JSON:
			read_delimited(&rd, '\n');
			break;
		}
		in_close(&rd.in);
	}
	json_obj_free(&rd.obj);
	json_edits_free(&rd.rec.edits);
	buf_free(&rd.rec.out);
	buf_free(&rd.text);
	recw_free(&rd.w);
}
