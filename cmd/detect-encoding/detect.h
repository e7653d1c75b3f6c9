/*
 * detect.h - detect-encoding's engine: whole-file detection and streaming
 * conversion, the per-record handler for -z/-j, and mojibake repair.
 */
#ifndef DETECT_H
#define DETECT_H

#include <stddef.h>

#include "buf.h"
#include "convert.h"
#include "record.h"

struct de_opts {
	int convert;			/* -c: write the text, converted */
	const char *to;			/* target charset, "UTF-8" */
	enum conv_invalid invalid;	/* --invalid */
	int invalid_given;		/* --invalid was given: -i converts lossily */
	const char *from;		/* --from: trust this charset */
	const char *hint;		/* --hint: weigh this charset */
	int fix;			/* --fix: repair mojibake */
	int verbose;			/* -v: confidence and runner-up */
	int in_place;			/* --in-place (with convert) */
	int names;			/* prefix answers with "FILE: " */
	int json;			/* records are JSON Lines (-j) */
	int keep_declaration;		/* -c leaves a <meta charset> as it is */
	size_t max_line;		/* --fix: longest line repaired (--max-record) */
};

/* How much of an input is read before deciding (more only while all ASCII). */
#define DE_PREFIX (256 * 1024)

/*
 * The engine, made for the options o (copied): de_file and de_record use
 * it, de_free frees it.  It opens what o needs up front (the iconv
 * conversions of --fix and -j's mojibake check); a target that iconv
 * cannot write is fatal, as main has checked it.
 */
struct de *de_new(const struct de_opts *o);
void de_free(struct de *d);

/*
 * Whole-file mode: detect operand (NULL is stdin) and print its encoding,
 * or with -c write it converted (to stdout, or over the file with
 * --in-place).  Problems are reported; status raised.
 */
void de_file(struct de *d, const char *operand);

/* -z and -j: one record (rec_fn for rec_run; ctx is the struct de). */
int de_record(struct record *r, void *ctx);

/*
 * Mojibake repair, with its iconv conversions (fix_new opens them) and
 * scratch.  fix_mojibake repairs the UTF-8 text s[0..n): text that was
 * once UTF-8, decoded as windows-1252, GBK, Big5, Shift_JIS, EUC-KR or
 * windows-1251 and encoded again as UTF-8.  It appends the repaired text
 * to out and returns the canonical name of the charset undone, or NULL
 * (out gets s unchanged).
 */
struct fixer *fix_new(void);
void fix_free(struct fixer *f);
const char *fix_mojibake(struct fixer *f, const char *s, size_t n, struct buf *out);

#endif
