/*
 * detect.c - detect-encoding's engine.  Whole files are read through
 * input.h, never whole: the decision is made on a bounded prefix (read on
 * while it is all ASCII, which any ASCII-compatible answer copies
 * unchanged), and conversion then streams chunk by chunk through iconv.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "detect.h"
#include "encdetect.h"
#include "input.h"
#include "outfile.h"
#include "stats.h"
#include "utf8.h"
#include "winnow.h"

static int
is_ascii_compatible_target(const char *to)
{
	const char *c = enc_canonical(to);

	return c && strncmp(c, "UTF-16", 6) && strncmp(c, "UTF-32", 6) &&
	    strcmp(c, "UTF-7") && strncmp(c, "ISO-2022", 8) && strcmp(c, "HZ-GB-2312");
}

/* The engine: the options of the run and its scratch. */
struct de {
	struct de_opts o;
	struct conv ascii;	/* -c into a target ASCII is not the same
				   bytes in (UTF-16, ...): ASCII read while
				   deciding, converted; open when needed */
	int ascii_open;
	struct fixer *fixer;	/* --fix or -j: mojibake repair, else NULL */
	int redeclare;		/* -c: rewrite the declared charset */
	struct buf out, fixed;	/* a record's converted and repaired text */
};

struct de *
de_new(const struct de_opts *o)
{
	struct de *d = xcalloc(1, sizeof *d);

	d->o = *o;
	if (o->convert && !is_ascii_compatible_target(o->to)) {
		if (conv_open(&d->ascii, o->to, "UTF-8", o->invalid) < 0)
			wn_fatal("cannot convert to %s", o->to);
		d->ascii_open = 1;
	}
	if (o->fix || o->json)
		d->fixer = fix_new();
	/* A declaration in UTF-16 (...) is not found as ASCII bytes: left. */
	d->redeclare = o->convert && !o->keep_declaration && is_ascii_compatible_target(o->to);
	return d;
}

void
de_free(struct de *d)
{
	if (d->ascii_open)
		conv_close(&d->ascii);
	if (d->fixer)
		fix_free(d->fixer);
	buf_free(&d->out);
	buf_free(&d->fixed);
	free(d);
}

/*
 * Where converted text goes: stdout, or the --in-place temporary file.
 * Its first DECL_HEAD bytes are held back while a declaration of the old
 * charset there is rewritten (unless --keep-declaration).
 */
struct sink {
	struct outfile *file;	/* NULL: stdout through wn_write */
	int failed;
	int changed;		/* what was written differs from the bytes read */
	const struct de_opts *o;	/* NULL: write as it comes */
	const char *path;	/* the input, for -v */
	struct buf head;	/* held back, while head_done is 0 */
	int head_done;
};

/* As far as enc_declared looks for a declaration. */
#define DECL_HEAD 4096

static void
sink_out(struct sink *k, const char *p, size_t n)
{
	if (!k->file) {
		wn_write(p, n);
		return;
	}
	if (k->failed || outfile_write(k->file, p, n) == 0)
		return;
	wn_warn("%s: write error:", k->file->tmp.data);
	k->failed = 1;
}

/*
 * Append s[0..n) to out with its <meta charset>, http-equiv Content-Type
 * or XML declaration naming a charset other than to (the text is in to
 * now) made to name to.  Returns the name it named, or NULL (out gets s).
 */
static const char *
redeclare(const char *s, size_t n, const char *to, struct buf *out)
{
	size_t at, len;
	const char *old = enc_declaration((const unsigned char *)s, n, &at, &len);

	if (!old || (enc_canonical(to) && !strcmp(old, enc_canonical(to)))) {
		buf_add(out, s, n);
		return NULL;
	}
	buf_add(out, s, at);
	buf_adds(out, to);
	buf_add(out, s + at + len, n - at - len);
	return old;
}

/* Write the held-back head, its declaration rewritten. */
static void
sink_head(struct sink *k)
{
	struct buf b = { 0 };
	const char *old;

	k->head_done = 1;
	old = redeclare(k->head.data ? k->head.data : "", k->head.len, k->o->to, &b);
	if (old) {
		k->changed = 1;
		if (k->o->verbose)
			wn_warn("%s: declared charset %s rewritten to %s", k->path, old, k->o->to);
	}
	sink_out(k, b.data, b.len);
	free(b.data);
	buf_free(&k->head);
}

static void
sink_write(struct sink *k, const char *p, size_t n)
{
	size_t take;

	if (!k->o || k->head_done) {
		sink_out(k, p, n);
		return;
	}
	take = DECL_HEAD - k->head.len < n ? DECL_HEAD - k->head.len : n;
	buf_add(&k->head, p, take);
	if (k->head.len == DECL_HEAD) {
		sink_head(k);
		sink_out(k, p + take, n - take);
	}
}

/* The end of the text: write what is still held back. */
static void
sink_end(struct sink *k)
{
	if (k->o && !k->head_done)
		sink_head(k);
}

/*
 * Length of the byte order mark of charset name that s starts with, to be
 * dropped: it is not text.  0 when s has none, when it is another
 * charset's mark, and for "UTF-16" or "UTF-32" without an order, whose mark
 * iconv reads to learn it.
 */
static size_t
own_bom(const char *name, const unsigned char *s, size_t n)
{
	static const struct {
		const char *name, *bom;
		size_t len;
	} boms[] = {
		{ "UTF-8", "\xEF\xBB\xBF", 3 },
		{ "UTF-32LE", "\xFF\xFE\0\0", 4 }, { "UTF-32BE", "\0\0\xFE\xFF", 4 },
		{ "UTF-16LE", "\xFF\xFE", 2 }, { "UTF-16BE", "\xFE\xFF", 2 },
	};
	const char *c = enc_canonical(name);
	size_t i;

	if (!c || !strcasecmp(name, "UTF-16") || !strcasecmp(name, "UTF16") ||
	    !strcasecmp(name, "UTF-32") || !strcasecmp(name, "UTF32") ||
	    !strcasecmp(name, "UCS-2") || !strcasecmp(name, "UCS-4"))
		return 0;
	for (i = 0; i < sizeof boms / sizeof boms[0]; i++)
		if (!strcmp(c, boms[i].name) && n >= boms[i].len &&
		    !memcmp(s, boms[i].bom, boms[i].len))
			return boms[i].len;
	return 0;
}

/* Index of the first byte that is not plain ASCII text (high bit, ESC, NUL, ~). */
static size_t
ascii_span(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 0x80 || s[i] == 0x1B || s[i] == 0 || s[i] == '~')
			break;
	return i;
}

/* --stats: count what was seen under a "what: NAME" key. */
static void
count(const char *what, const char *name)
{
	char key[96];

	if (!stats_enabled)
		return;
	snprintf(key, sizeof key, "%s: %s", what, name);
	stats_add(key, 1);
}

/* The answer: the name, and with -v how sure, the runner-up and the declared. */
static void
answer(struct buf *b, const struct de_opts *o, const struct enc_guess *g)
{
	buf_adds(b, g->name);
	if (o->verbose) {
		buf_printf(b, " (%d%%", g->confidence);
		if (g->runner_up)
			buf_printf(b, "; next %s %d%%", g->runner_up, g->runner_confidence);
		if (g->declared)
			buf_printf(b, "; declared %s", g->declared);
		buf_addc(b, ')');
	}
}

static void
print_answer(const struct de_opts *o, const char *operand, const struct enc_guess *g)
{
	struct buf b = { 0 };

	if (o->names) {
		/* A newline in a name must not make two lines (issue 20 M11). */
		buf_add_name(&b, operand ? operand : "-");
		buf_adds(&b, ": ");
	}
	answer(&b, o, g);
	buf_addc(&b, '\n');
	wn_write(b.data, b.len);
	free(b.data);
	count("encoding", g->name);
}

/*
 * ASCII read while deciding: with -c it goes out at once, the same bytes in
 * any ASCII-compatible target, converted for the others (UTF-16, ...).
 */
static void
pass_ascii(struct de *d, struct sink *k, const unsigned char *s, size_t n)
{
	if (!k || n == 0)
		return;
	if (!d->ascii_open) {
		sink_write(k, (const char *)s, n);
		return;
	}
	buf_clear(&d->out);
	conv_run(&d->ascii, (const char *)s, n, 0, &d->out);
	sink_write(k, d->out.data, d->out.len);
}

/*
 * Decide the encoding of in.  The decision is made on at most DE_PREFIX
 * bytes from the first byte that is not plain ASCII; while all is ASCII
 * (which reads the same in any ASCII-compatible charset) it reads on, the
 * ASCII consumed and, with k, passed to the output.  A little ASCII is kept
 * before the telling byte: it gives the scorer context.
 */
static void
decide(struct de *d, struct input *in, struct enc_guess *g, struct sink *k)
{
	const struct de_opts *o = &d->o;
	const char *declared = NULL;
	int first = 1;

	in_fill(in, DE_PREFIX);
	for (;;) {
		const unsigned char *s = in->buf + in->pos;
		size_t n = in->end - in->pos, a, keep;

		if (in->err) {
			/* Reported by input.c; answer for what was read. */
			enc_detect(s, n, 1, declared, g);
			return;
		}
		if (first) {
			declared = o->hint ? o->hint : enc_declared(s, n);
			first = 0;
			if (enc_bom_length(s, n) || n == 0) {
				enc_detect(s, n, in->eof, declared, g);
				return;
			}
		}
		a = ascii_span(s, n);
		if (a < n) {
			/* Something telling: weigh a full window from just before it. */
			keep = a > 64 ? a - 64 : 0;
			pass_ascii(d, k, s, keep);
			in->pos += keep;
			if (!in->eof && in->end - in->pos < DE_PREFIX)
				in_fill(in, DE_PREFIX);
			s = in->buf + in->pos;
			n = in->end - in->pos;
			enc_detect(s, n, in->eof, declared, g);
			if (strcmp(g->name, "ASCII") || in->eof)
				return;
			/* Only a '~' or a NUL after all: read on past the window. */
			a = n;
		} else if (in->eof) {
			enc_detect(s, n, 1, declared, g);
			return;
		}
		keep = a > 64 ? a - 64 : 0;
		pass_ascii(d, k, s, keep);
		in->pos += keep;
		in_more(in);
	}
}

static int open_conv_as(const struct de_opts *o, struct conv *c, const char *name,
    enum conv_invalid invalid, const char *where);

/* Do charset names a and b name the same charset? */
static int
same_charset(const char *a, const char *b)
{
	const char *ca = enc_canonical(a), *cb = enc_canonical(b);

	return ca && cb && !strcmp(ca, cb);
}

/* Open an iconv conversion for charset name; reports failure. */
static int
open_conv(const struct de_opts *o, struct conv *c, const char *name, const char *where)
{
	return open_conv_as(o, c, name, o->invalid, where);
}

static int
open_conv_as(const struct de_opts *o, struct conv *c, const char *name,
    enum conv_invalid invalid, const char *where)
{
	if (conv_open(c, o->to, enc_iconv_name(name), invalid) == 0)
		return 0;
	if (conv_open(c, o->to, name, invalid) == 0)
		return 0;
	wn_warn("%s: cannot convert from %s to %s", where, name, o->to);
	return -1;
}

/*
 * Invalid input replaced or skipped (--invalid=replace or skip): text was
 * lost, and is reported, status 1.  Returns 1 when that keeps a file from
 * being replaced in place: unless --invalid was given, -i converts only
 * what converts whole.
 */
static int
report_lost(const struct de_opts *o, const struct conv *c, const char *path,
    const char *name, unsigned long long base, const struct sink *k)
{
	const char *what = o->invalid == CONV_SKIP ? "skipped" : "replaced";

	if (c->first_unmappable)
		wn_warn("%s: %llu characters %s that %s cannot hold, the first at byte %llu",
		    path, c->nbad, what, o->to, base + c->first_bad);
	else
		wn_warn("%s: %llu invalid %s sequences %s, the first at byte %llu", path,
		    c->nbad, name, what, base + c->first_bad);
	wn_raise(WN_RECORD);
	if (!k->file || o->invalid_given)
		return 0;
	wn_warn("%s: not converted in place (--invalid=%s converts it all the same)", path,
	    what[0] == 's' ? "skip" : "replace");
	return 1;
}

/* At most this many changes of charset in one file, at its bad sequences. */
#define MAX_REGIONS 8

/*
 * A sequence of in at in->pos is not valid in charset name, which was
 * decided on the text before it.  When the text from there on is in
 * another charset (the window has many sequences name cannot read, and
 * the detector names another), that charset; NULL for a stray bad byte.
 */
static const char *
charset_from_here(const struct de_opts *o, struct input *in, const char *name)
{
	struct enc_guess g;
	struct conv c;
	struct buf scratch = { 0 };
	const unsigned char *s;
	size_t n;

	in_fill(in, DE_PREFIX);
	s = in->buf + in->pos;
	n = in->end - in->pos < DE_PREFIX ? in->end - in->pos : DE_PREFIX;
	enc_detect(s, n, in->eof && n == in->end - in->pos, NULL, &g);
	if (same_charset(g.name, name) || (!strcmp(g.name, "ASCII") && !strcmp(name, "UTF-8")))
		return NULL;
	if (open_conv_as(o, &c, name, CONV_REPLACE, in->path) < 0)
		return g.name;
	conv_run(&c, (const char *)s, n, 1, &scratch);
	conv_close(&c);
	free(scratch.data);
	return c.nbad >= 8 ? g.name : NULL;
}

/* --fix: repair the whole lines of out[0..n) (mojibake can span a chunk). */
static void
write_fixed(struct de *d, struct sink *k, struct buf *pending, const char *out, size_t n,
    int eof, const char *path, int *long_line)
{
	struct buf *fixed = &d->fixed;
	size_t upto = n;

	if (!eof)
		while (upto > 0 && out[upto - 1] != '\n')
			upto--;
	buf_add(pending, out, upto);
	if (pending->len > 0 && (upto > 0 || eof)) {
		fixed->len = 0;
		if (fix_mojibake(d->fixer, pending->data, pending->len, fixed))
			k->changed = 1;
		sink_write(k, fixed->data, fixed->len);
		pending->len = 0;
	}
	buf_add(pending, out + upto, n - upto);
	if (pending->len > d->o.max_line) {
		/* Memory stays bounded: as -z passes on a record this long. */
		if (!(*long_line)++) {
			wn_warn("%s: a line over --max-record (%zu bytes), not repaired", path,
			    d->o.max_line);
			wn_raise(WN_RECORD);
		}
		sink_write(k, pending->data, pending->len);
		pending->len = 0;
	}
}

/*
 * Convert the rest of in from charset name to the sink, chunk by chunk.
 * Returns 0, or -1 after reporting (--invalid=fail, or a read error).
 */
static int
convert_stream(struct de *d, struct input *in, const char *name, struct sink *k)
{
	const struct de_opts *o = &d->o;
	struct conv c;
	struct buf out = { 0 };
	struct buf pending = { 0 };	/* --fix: text after the last newline */
	int rc = 0, long_line = 0, regions = 1;
	unsigned long long base = in->off + in->pos;
	/* A detected charset stops at its first bad sequence, to look again. */
	enum conv_invalid mode = o->from || o->invalid == CONV_FAIL ? o->invalid : CONV_FAIL;

	if (open_conv_as(o, &c, name, mode, in->path) < 0) {
		wn_raise(WN_RECORD);
		return -1;
	}
	{
		size_t bom = own_bom(name, in->buf + in->pos, in->end - in->pos);

		in->pos += bom;
		c.in_off += bom;
		/* UTF-8 to UTF-8 with nothing dropped, bad or repaired: the same bytes. */
		k->changed |= bom > 0 || !same_charset(name, o->to);
	}
	for (;;) {
		size_t n = in->end - in->pos, used;

		out.len = 0;
		used = conv_run(&c, (const char *)in->buf + in->pos, n, in->eof, &out);
		in->pos += used;
		if (o->fix)
			write_fixed(d, k, &pending, out.data, out.len, in->eof, in->path, &long_line);
		else
			sink_write(k, out.data, out.len);
		if (c.nbad && mode != o->invalid) {
			/* Another charset from here on, or a stray bad sequence. */
			const char *next = regions < MAX_REGIONS ?
			    charset_from_here(o, in, name) : NULL;

			conv_close(&c);
			base = in->off + in->pos;
			if (next) {
				if (o->verbose)
					wn_warn("%s: %s from byte %llu", in->path, next, base);
				name = next;
				regions++;
				k->changed |= !same_charset(name, o->to);
			} else {
				mode = o->invalid;
			}
			if (open_conv_as(o, &c, name, next ? mode : o->invalid, in->path) < 0) {
				wn_raise(WN_RECORD);
				rc = -1;
				break;
			}
			continue;
		}
		if (c.invalid == CONV_FAIL && c.nbad) {
			if (c.first_unmappable)
				wn_warn("%s: the character at byte %llu cannot be "
				    "written in %s", in->path, base + c.first_bad, o->to);
			else
				wn_warn("%s: invalid %s sequence at byte %llu", in->path,
				    name, base + c.first_bad);
			wn_raise(WN_RECORD);
			rc = -1;
			break;
		}
		if (in->eof || in->err || k->failed)
			break;
		if (used == 0 && n >= 16) {
			/* iconv made no progress on a full buffer: give up. */
			wn_warn("%s: conversion from %s stalled", in->path, name);
			wn_raise(WN_RECORD);
			rc = -1;
			break;
		}
		in_more(in);
	}
	if (pending.len)
		sink_write(k, pending.data, pending.len);
	if (c.nbad)
		k->changed = 1;
	if (rc == 0 && c.nbad && report_lost(o, &c, in->path, name, base, k))
		rc = -1;
	if (in->err)
		rc = -1;
	conv_close(&c);
	free(out.data);
	free(pending.data);
	return rc;
}

/* --in-place: the temporary file, and the file it will replace. */
struct in_place {
	struct outfile file;
	const char *dest;	/* the operand, or the file its link names */
	char *resolved;		/* malloc'd dest of a symbolic link */
	struct stat st;		/* the file when it was opened */
};

/*
 * Make the temporary file for converting operand (open as in) where it
 * lies.  Returns 0, or -1 reported and the status raised.
 */
static int
place_open(struct in_place *ip, const struct input *in, const char *operand)
{
	struct stat lst, st;

	if (fstat(in->fd, &ip->st) < 0 || !S_ISREG(ip->st.st_mode)) {
		wn_warn("%s: not a regular file, not converted in place", operand);
		wn_raise(WN_RECORD);
		return -1;
	}
	st = ip->st;
	/* Renaming over a read-only file would replace it all the same. */
	if (!(st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) || access(operand, W_OK) < 0) {
		wn_warn("%s: read-only, not converted in place", operand);
		wn_raise(WN_RECORD);
		return -1;
	}
	/*
	 * A symbolic link: convert the file it names, where that lies, and
	 * keep the link; renaming over the link would replace it with a
	 * converted copy and leave its target as it was.
	 */
	ip->dest = operand;
	if (lstat(operand, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		if (!(ip->resolved = realpath(operand, NULL))) {
			wn_warn("%s:", operand);
			wn_raise(WN_TROUBLE);
			return -1;
		}
		ip->dest = ip->resolved;
	}
	if (outfile_open(&ip->file, ip->dest, &st) < 0) {
		wn_warn("%s: cannot create a temporary file:", ip->dest);
		wn_raise(WN_TROUBLE);
		return -1;
	}
	return 0;
}

/*
 * Did the file change while it was converted (a writer appending, or
 * another file renamed over it)?  Then replacing it would lose what was
 * written: report it, and leave it.  in is the file, read to its end.
 */
static int
changed_meanwhile(const struct in_place *ip, const struct input *in, const char *operand)
{
	struct stat now, there;

	if (fstat(in->fd, &now) == 0 && stat(ip->dest, &there) == 0 &&
	    now.st_size == ip->st.st_size && (unsigned long long)now.st_size == in->off + in->end &&
	    now.st_mtim.tv_sec == ip->st.st_mtim.tv_sec &&
	    now.st_mtim.tv_nsec == ip->st.st_mtim.tv_nsec &&
	    there.st_ino == ip->st.st_ino && there.st_dev == ip->st.st_dev)
		return 0;
	wn_warn("%s: changed while it was converted, left as it is", operand);
	wn_raise(WN_RECORD);
	return 1;
}

/*
 * The conversion is done (rc from convert_stream, k the sink): put the new
 * file in place of the old, or leave the old as it was (also when the new
 * would be the same bytes).
 */
static void
place_commit(struct in_place *ip, const char *operand, int rc, const struct sink *k,
    int verbose)
{
	if (rc == 0 && !k->failed && !k->changed) {
		/* Nothing to change: the file (and its times) stay as they were. */
		if (verbose)
			wn_warn("%s: no change needed, left as it was", operand);
		stats_add("records out", 1);
		outfile_remove(&ip->file);
		return;
	}
	if (rc == 0 && !k->failed && outfile_close(&ip->file, 1) == 0) {
		if (outfile_commit(&ip->file, ip->dest, OUTFILE_REPLACE) == 0) {
			stats_add("records out", 1);
			return;
		}
		wn_warn("%s: cannot replace:", operand);
	} else if (rc == 0) {
		wn_warn("%s: not converted in place", operand);
	}
	wn_raise(rc == 0 ? WN_TROUBLE : WN_RECORD);
	outfile_remove(&ip->file);
}

/* Decide (unless --from) and convert the rest of in into k. */
static int
convert_file(struct de *d, struct input *in, struct sink *k)
{
	const struct de_opts *o = &d->o;
	struct enc_guess g;
	const char *name;
	int rc;

	if (o->from) {
		in_fill(in, 4);
		name = o->from;
	} else {
		decide(d, in, &g, k);
		name = g.name;
		if (o->verbose)
			wn_warn("%s: %s (%d%%)", in->path, g.name, g.confidence);
	}
	count("encoding", name);
	if (!strcmp(name, "ASCII"))
		name = "UTF-8";		/* the same bytes; UTF-8 also checks them */
	rc = convert_stream(d, in, name, k);
	sink_end(k);
	return rc;
}

/* --in-place: convert in (operand, a file) into a file that replaces it. */
static void
convert_in_place(struct de *d, struct input *in, const char *operand)
{
	struct in_place ip = { .resolved = NULL };
	struct sink k = { &ip.file, 0, 0, d->redeclare ? &d->o : NULL, operand, { 0 }, 0 };
	int rc;

	outfile_init(&ip.file);
	if (place_open(&ip, in, operand) < 0) {
		in_close(in);
	} else {
		rc = convert_file(d, in, &k);
		if (rc == 0 && !k.failed && k.changed && changed_meanwhile(&ip, in, operand)) {
			in_close(in);
			outfile_remove(&ip.file);
		} else {
			in_close(in);
			place_commit(&ip, operand, rc, &k, d->o.verbose);
		}
	}
	outfile_free(&ip.file);
	free(ip.resolved);
}

/*
 * --in-place converts regular files only.  Asked before opening: open(2)
 * of a FIFO blocks until a writer comes, which would stall the batch.
 * Returns 1, or 0 reported (a stat failure is left to in_open to report).
 */
static int
regular_file(const char *operand)
{
	struct stat st;

	if (stat(operand, &st) < 0 || S_ISREG(st.st_mode))
		return 1;
	wn_warn("%s: not a regular file, not converted in place", operand);
	wn_raise(WN_RECORD);
	return 0;
}

void
de_file(struct de *d, const char *operand)
{
	const struct de_opts *o = &d->o;
	struct input in;
	struct sink k = { NULL, 0, 0, d->redeclare ? &d->o : NULL,
	    operand && strcmp(operand, "-") ? operand : "<stdin>",
	    { 0 }, 0 };
	struct enc_guess g;

	if (o->in_place && (!operand || !strcmp(operand, "-"))) {
		/* Standard input has no place to be converted in. */
		wn_warn("-: standard input, not converted in place");
		wn_raise(WN_RECORD);
		return;
	}
	if (o->in_place && !regular_file(operand))
		return;
	if (in_open(&in, operand) < 0) {
		wn_raise(WN_TROUBLE);
		return;
	}
	/* A whole file is one record, in and out (the record layer counts -z and -j's). */
	stats_add("records in", 1);
	if (o->in_place) {
		convert_in_place(d, &in, operand);
		return;
	}
	if (o->convert) {
		convert_file(d, &in, &k);
		stats_add("records out", 1);
	} else {
		decide(d, &in, &g, NULL);
		if (!in.err) {
			print_answer(o, operand, &g);
			stats_add("records out", 1);
		}
	}
	in_close(&in);
}

/* -j: the text is UTF-8 already: say whether it is mojibake, repair on --fix. */
static int
json_record(struct de *d, struct record *r)
{
	struct enc_guess g;
	const char *via;

	buf_clear(&d->fixed);
	via = fix_mojibake(d->fixer, r->text, r->len, &d->fixed);
	enc_detect((const unsigned char *)r->text, r->len, 1, NULL, &g);
	rec_set_str(r, "encoding", g.name, strlen(g.name));
	rec_set_str(r, "mojibake", via, via ? strlen(via) : 0);
	count("mojibake", via ? via : "none");
	if (d->o.fix && via)
		rec_put_text(r, d->fixed.data, d->fixed.len);
	else
		rec_put_text(r, NULL, 0);
	return 0;
}

static void
swap_bufs(struct buf *a, struct buf *b)
{
	struct buf t = *a;

	*a = *b;
	*b = t;
}

/* -z -c: the record converted from charset name (and repaired on --fix). */
static int
convert_record(struct de *d, struct record *r, const char *name)
{
	const struct de_opts *o = &d->o;
	struct conv c;
	const char *text = r->text;
	size_t len = r->len, bom;

	if (!strcmp(name, "ASCII"))
		name = "UTF-8";
	if (open_conv(o, &c, name, r->path) < 0) {
		rec_warn(r, "cannot convert from %s", name);
		return -1;
	}
	bom = own_bom(name, (const unsigned char *)text, len);
	text += bom;
	len -= bom;
	buf_clear(&d->out);
	conv_run(&c, text, len, 1, &d->out);
	conv_close(&c);
	if (c.invalid == CONV_FAIL && c.nbad) {
		if (c.first_unmappable)
			rec_warn(r, "the character at byte %llu cannot be written in %s",
			    c.first_bad + (unsigned long long)bom, o->to);
		else
			rec_warn(r, "invalid %s sequence at byte %llu", name,
			    c.first_bad + (unsigned long long)bom);
		return -1;
	}
	if (c.nbad) {
		/* Converted all the same, and said so: text was lost. */
		if (c.first_unmappable)
			rec_warn(r, "%llu characters %s cannot hold, the first at byte %llu, %s",
			    c.nbad, o->to, c.first_bad + (unsigned long long)bom,
			    o->invalid == CONV_SKIP ? "skipped" : "replaced");
		else
			rec_warn(r, "%llu invalid %s sequences, the first at byte %llu, %s",
			    c.nbad, name, c.first_bad + (unsigned long long)bom,
			    o->invalid == CONV_SKIP ? "skipped" : "replaced");
	}
	if (o->fix) {
		buf_clear(&d->fixed);
		fix_mojibake(d->fixer, d->out.data ? d->out.data : "", d->out.len, &d->fixed);
		swap_bufs(&d->out, &d->fixed);
	}
	if (d->redeclare) {
		const char *old;

		buf_clear(&d->fixed);
		old = redeclare(d->out.data ? d->out.data : "", d->out.len, o->to, &d->fixed);
		if (old && o->verbose)
			wn_warn("%s: record %llu: declared charset %s rewritten to %s", r->path,
			    r->recno, old, o->to);
		swap_bufs(&d->out, &d->fixed);
	}
	rec_put_text(r, d->out.data ? d->out.data : "", d->out.len);
	return 0;
}

int
de_record(struct record *r, void *ctx)
{
	struct de *d = ctx;
	const struct de_opts *o = &d->o;
	struct enc_guess g;
	const char *name;

	if (r->opts->mode == REC_JSON)
		return json_record(d, r);
	if (o->from) {
		name = o->from;
	} else {
		enc_detect((const unsigned char *)r->text, r->len, 1, o->hint, &g);
		name = g.name;
	}
	count("encoding", name);
	if (o->convert || o->fix) {
		if (o->verbose && !o->from)
			wn_warn("%s: record %llu: %s (%d%%)", r->path, r->recno, g.name,
			    g.confidence);
		return convert_record(d, r, name);
	}
	if (o->verbose && !o->from) {
		/* -v: the same answer as for a whole file. */
		buf_clear(&d->out);
		answer(&d->out, o, &g);
		rec_put_text(r, d->out.data, d->out.len);
	} else {
		rec_put_text(r, name, strlen(name));
	}
	return 0;
}
