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
	const char *from;		/* --from: trust this charset */
	const char *hint;		/* --hint: weigh this charset */
	int fix;			/* --fix: repair mojibake */
	int verbose;			/* -v: confidence and runner-up */
	int in_place;			/* --in-place */
	int names;			/* prefix answers with "FILE: " */
};

/* How much of an input is read before deciding (more only while all ASCII). */
#define DE_PREFIX (256 * 1024)

/*
 * Whole-file mode: detect operand (NULL is stdin) and print its encoding,
 * or with -c write it converted (to stdout, or over the file with
 * --in-place).  Problems are reported; status raised.
 */
void de_file(const struct de_opts *o, const char *operand);

/* -z and -j: one record (rec_fn for rec_run; ctx is the de_opts). */
int de_record(struct record *r, void *ctx);

/*
 * Repair mojibake in the UTF-8 text s[0..n): text that was once UTF-8,
 * decoded as windows-1252, GBK, Big5, Shift_JIS, EUC-KR or windows-1251 and
 * encoded again as UTF-8.  Appends the repaired text to out and returns the
 * canonical name of the charset undone, or NULL (out gets s unchanged).
 */
const char *fix_mojibake(const char *s, size_t n, struct buf *out);

#endif
