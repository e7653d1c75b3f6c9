/*
 * record.h - the record layer shared by every filter (DESIGN.md "One contract
 * for every filter").  Three modes:
 *   REC_WHOLE  each operand (or stdin) is one document
 *   REC_NUL    records separated by NUL, in and out (-z)
 *   REC_JSON   JSON Lines, the text in one string field (-j, --field)
 * rec_run() reads the operands, calls the filter once per record and makes
 * sure exactly one record goes out for every record that came in: a record
 * the filter did not emit, or could not be read (invalid JSON, over
 * --max-record), is passed on unchanged and reported.  It writes through
 * the record writer below, which a command that makes many records of one
 * input (split-articles) drives itself.
 */
#ifndef RECORD_H
#define RECORD_H

#include <stdarg.h>
#include <stddef.h>
#include "buf.h"
#include "json.h"

struct outfile;

enum rec_mode { REC_WHOLE, REC_NUL, REC_JSON };

/*
 * The record writer: records out one at a time, framed for the output
 * mode, counted (stats_io.records_out), and located for messages.
 *   recw_begin   a new record, from record recno of path
 *   recw_field   -j: a member of the record's object, its value JSON text
 *                (dropped in the other modes)
 *   recw_text    the text, in as many pieces as wanted: raw bytes, or in
 *                -j escaped as the value of member `field`, after the fields
 *   recw_bytes   bytes as they are, in place of fields and text (a JSON
 *                line passed on whole, in one piece or many)
 *   recw_end     closes the object, then the mode's terminator: nothing
 *                (REC_WHOLE), a NUL (REC_NUL), a newline (REC_JSON)
 *   recw_warn    "prog: path: record N: what", status 1
 * Raw bytes go out as they come; an object built in -j is held and goes
 * out at recw_end, or in 64K pieces while its text streams.
 */
struct rec_writer {
	enum rec_mode mode;
	const char *field;		/* -j: the text member, "text" */
	struct outfile *file;		/* where records go; NULL: stdout.  A
					   failed write to it is fatal. */
	const char *path;		/* where the record came from, for */
	unsigned long long recno;	/* recw_warn: set by recw_begin or
					   by the caller before a warning */
	/* Private to record.c. */
	int members;			/* -j: members of the object so far */
	int in_text;			/* -j: inside the text's string */
	struct buf out;			/* -j: the object not yet written */
};

void recw_init(struct rec_writer *w, enum rec_mode mode, const char *field);
void recw_free(struct rec_writer *w);
void recw_begin(struct rec_writer *w, const char *path, unsigned long long recno);
/* The returned buffer takes the value's JSON text; valid until the next call. */
struct buf *recw_field(struct rec_writer *w, const char *key);
void recw_text(struct rec_writer *w, const void *p, size_t n);
void recw_bytes(struct rec_writer *w, const void *p, size_t n);
void recw_end(struct rec_writer *w);
void recw_warn(const struct rec_writer *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void recw_vwarn(const struct rec_writer *w, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/*
 * The report of a JSON line whose text field (%s) is given %zu times: the
 * last is read, as jq and most parsers read it, and the others pass on
 * unchanged where the line does (issue 20 C1).
 */
#define REC_DUPLICATE_FIELD "field \"%s\" given %zu times; the last is taken " \
	"as the text"

/* A size as messages give it: "64M", "512K", "1000"; into tmp, returned. */
const char *rec_size_name(size_t n, char *tmp, size_t tmpsz);

struct rec_opts {
	enum rec_mode mode;
	const char *field;	/* JSON member holding the text, "text" */
	size_t max_record;	/* bytes; default 64 MiB */
	/*
	 * Outside -j, a record over max_record goes to the filter cut to its
	 * first max_record bytes (r->truncated set, reported, status 1), the
	 * rest skipped, instead of being copied through.  For filters whose
	 * output is their own (a JSON object or a name per record), not the
	 * text: copying the text would put it where that output belongs.
	 */
	int oversize_prefix;
	/*
	 * Options: --field also names the text member of JSON Lines input,
	 * so -z with it is no conflict (split-articles).  given is
	 * opts_common's: the record flags seen so far.
	 */
	int field_names_input;
	unsigned given;
};

struct record {
	const char *path;		/* for messages: the operand, or "<stdin>" */
	const char *file;		/* the operand as given, NULL for stdin */
	unsigned long long recno;	/* 1-based within the operand */
	char *text;			/* the document: raw bytes, or the decoded
					   field in -j (NUL-terminated, not counted) */
	size_t len;
	int truncated;			/* oversize_prefix: text is a prefix */

	/* -j only: the raw line (without its newline) and its members. */
	const char *line;
	size_t line_len;
	const struct json_obj *obj;

	/* Private to record.c. */
	const struct rec_opts *opts;
	struct rec_writer *w;
	struct json_edits edits;
	struct buf out;
	int emitted;
};

/* Returns 0, or -1 if the filter could not handle the record (it reported). */
typedef int (*rec_fn)(struct record *r, void *ctx);

void rec_opts_init(struct rec_opts *o);

/*
 * Run fn over every record of the operands (argc == 0 means stdin; "-" is
 * stdin).  Read errors are reported and set status 2; the run goes on with
 * the next operand.  Returns when all input is consumed.
 */
void rec_run(const struct rec_opts *o, int argc, char **argv, rec_fn fn, void *ctx);

/*
 * What a filter emits for its record, once:
 * rec_put_text   the new document text: written raw (whole file), raw + NUL
 *                (-z), or as the field's new value in the JSON line (-j)
 *                together with any rec_set_* fields.  text NULL keeps the
 *                original text (-j: only fields are added).
 * rec_put_raw    bytes written as they are (the filter's own output format,
 *                e.g. an encoding name or a JSON object per document).
 * rec_pass       the record unchanged.
 */
void rec_put_text(struct record *r, const char *text, size_t len);
void rec_put_raw(struct record *r, const void *p, size_t n);
void rec_pass(struct record *r);

/*
 * -j: set a member of the output line; the value is JSON text (rec_set_json)
 * or a string to be escaped (rec_set_str, NULL writes null).  A member that
 * already exists is replaced in place, a new one appended.
 */
void rec_set_json(struct record *r, const char *key, const char *json, size_t n);
void rec_set_str(struct record *r, const char *key, const char *s, size_t n);
/* Open a member value for direct writing into the returned buffer. */
struct buf *rec_set_begin(struct record *r, const char *key);
void rec_set_end(struct record *r);

/* "prog: path: record N: message", and status 1. */
void rec_warn(const struct record *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
