/*
 * split.h - the engine of split-articles: a byte source that inflates gzip
 * members on the fly, the format readers, and the emitter that writes one
 * record per article in the chosen output mode.
 */
#ifndef SPLIT_H
#define SPLIT_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

#include "buf.h"
#include "httpbody.h"
#include "input.h"
#include "outfile.h"
#include "record.h"

/*
 * The bytes of one operand, gzip members inflated as they come.  Unread
 * bytes are buf[pos..end); src_fill() may move them, so keep offsets from
 * pos, never pointers, across calls.
 */
struct src {
	struct input in;
	const char *path;
	int gz;			/* the operand is gzip; we inflate */
	z_stream zs;
	int zs_open;
	int z_member_done;	/* between members */
	unsigned char *zbuf;	/* inflated bytes when gz */
	size_t zcap;
	unsigned char *buf;	/* the unread bytes: in.buf or zbuf */
	size_t pos, end;
	unsigned long long off;	/* stream offset of buf[0] */
	int eof;
	int bad;		/* a gzip stream was corrupt or cut short */
};

int src_open(struct src *s, const char *operand);
void src_close(struct src *s);
/* Have at least want unread bytes; fewer only at end.  Returns the count. */
size_t src_fill(struct src *s, size_t want);
/* Read more, whatever comes (at least one byte unless at end). */
size_t src_more(struct src *s);
static inline size_t src_avail(const struct src *s) { return s->end - s->pos; }
static inline const unsigned char *src_ptr(const struct src *s) { return s->buf + s->pos; }
static inline void src_skip(struct src *s, size_t n) { s->pos += n; }
/*
 * Offset from pos of the first occurrence of needle at or after from,
 * reading more as needed, looking at no more than limit bytes from pos.
 * Returns -1 when not found within the limit or before the end.
 */
long long src_find(struct src *s, size_t from, const char *needle, size_t nlen,
    size_t limit);

/*
 * Drop bytes up to the next occurrence of needle, holding no more than a
 * buffer's worth.  Returns the number of bytes dropped, or -1 - dropped
 * when the needle never came (all input dropped).
 */
long long src_seek(struct src *s, const char *needle, size_t nlen);

/*
 * The length of the next line including its newline.  *complete is 0 when
 * this is only a piece (limit bytes) of a longer line; the last line may
 * lack its newline.
 */
size_t split_next_line(struct src *s, size_t limit, int *complete);

/* The metadata a record may carry; -j writes them in this order. */
enum em_field { F_ID, F_URL, F_DATE, F_TITLE, F_TYPE, F_CHARSET, F_NFIELDS };

enum em_mode { EM_JSON, EM_NUL };

struct emitter {
	enum em_mode mode;
	const char *field;		/* name of the text member, "text" */
	size_t max_record;
	int json_files;			/* -o with -j: files hold JSON, else raw text */
	int html_to_text;		/* --html-to-text: HTML records as page text */

	/* -o DIR */
	const char *dir;
	const char *name_template;	/* one integer conversion, "%06d.txt" */
	int force;
	unsigned long long nfiles;
	struct outfile file;		/* the article being written */
	struct buf path;

	/* The record being written. */
	struct rec_writer w;		/* stdout, or under -o the article's file */
	const char *format;
	struct buf meta[F_NFIELDS];
	int has[F_NFIELDS];
	struct buf text;
	int streaming;			/* over max_record: written as it comes */
	int is_html;			/* the source says the payload is HTML */
	int open;
	unsigned long long nuls;	/* -z: NUL bytes written as spaces */
	unsigned long long nout;
	struct buf conv, html;
	struct html *reader;		/* --html-to-text */
	struct buf metaconv;		/* a field decoded: conv may hold the text */
	struct buf http_lang;		/* the HTTP response's Content-Language */
};

void em_init(struct emitter *e, enum em_mode mode, const char *field, size_t max_record);
void em_free(struct emitter *e);
/* A new record, numbered recno within path, in format (e.g. "warc"). */
void em_begin(struct emitter *e, const char *path, unsigned long long recno,
    const char *format);
void em_meta(struct emitter *e, enum em_field f, const char *p, size_t n);
void em_add(struct emitter *e, const void *p, size_t n);
/* The record's Content-Type says HTML (--html-to-text then converts it). */
void em_html(struct emitter *e);
/*
 * The HTTP response's Content-Language v[0..n): with --html-to-text -j it
 * goes in the record's "html" object as "http:content-language".
 */
void em_http_lang(struct emitter *e, const char *v, size_t n);
void em_end(struct emitter *e);
/* Write a finished JSON line as it is (a JSON Lines record passed through). */
void em_json_line(struct emitter *e, const char *line, size_t n);
/* Output is the raw text (-z, or -o without -j): nothing is decoded. */
int em_is_raw(const struct emitter *e);
/* 0 if t holds exactly one integer conversion and no '/', else -1. */
int em_check_template(const char *t);
#define EM_TEMPLATE_WIDTH 64
/*
 * A checked template with its conversion made long long ("%06d" becomes
 * "%06lld") for the unsigned long long file number; malloc'd.
 */
char *em_template_ll(const char *t);
/* "prog: path: record N: what", status 1. */
void em_warn(struct emitter *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Where the next em_warn says it is, for a record not (yet) begun. */
void em_locate(struct emitter *e, const char *path, unsigned long long recno);
/* Human form of a size for messages: "64M", "1K", "1000". */
static inline const char *
em_size_name(size_t n, char *tmp, size_t tmpsz)
{
	return rec_size_name(n, tmp, tmpsz);
}

/* a + b, or SIZE_MAX when that overflows (--max-record may be huge). */
static inline size_t
sat_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* Input formats. */
enum fmt { FMT_AUTO, FMT_WARC, FMT_ARC, FMT_SOGOU, FMT_WIKI, FMT_JSONL, FMT_NUL,
	FMT_TEXT, FMT_HTML };

struct split_opts {
	enum fmt format;
	int all_types;
	int all_status;		/* --all-status: pages of any HTTP status */
	int blank_lines;
	const char *delimiter;
	int drop_delimiter;
	const char *json_field;		/* text member of JSON Lines input */
	size_t max_record;
};

/* Name <-> format, for --format and messages. */
int fmt_parse(const char *name, enum fmt *f);
/*
 * Guess the format from the first bytes of the stream, reading no more of
 * it than the guess needs (the bytes stay unread), and count the guess for
 * --stats ("format guessed: NAME").
 */
enum fmt fmt_sniff(struct src *s);

void split_warc(struct src *s, struct emitter *e, const struct split_opts *o);
/* ARC v1 (and v2) files: arc.c. */
void split_arc(struct src *s, struct emitter *e, const struct split_opts *o);
void split_doc(struct src *s, struct emitter *e, const struct split_opts *o, int sogou);
void split_jsonl(struct src *s, struct emitter *e, const struct split_opts *o);
void split_nul(struct src *s, struct emitter *e, const struct split_opts *o);
/* The whole input, one HTML page, as one record (htmlfile.c). */
void split_html(struct src *s, struct emitter *e, const struct split_opts *o);
void split_blank(struct src *s, struct emitter *e, const struct split_opts *o);
/* Returns -1 if the regex does not compile (reported). */
int split_delim_compile(const char *re);
void split_delim(struct src *s, struct emitter *e, const struct split_opts *o);
/* Undelimited text: pages_run() of pages.h. */

/*
 * The longest line the plain-text splitters of text.c take whole; a
 * longer one is handled in pieces of this many bytes, so memory stays
 * bounded: 1M.  The fuzz harness shrinks it so that pieces come often;
 * set it before a split.  (The page splitter's is pages_opts.piece_max.)
 */
extern size_t text_line_max;

#endif
