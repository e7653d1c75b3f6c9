/*
 * text.c - the line- and byte-delimited formats: JSON Lines and NUL
 * streams (records pass through), and plain text split at blank lines or
 * at lines matching --delimiter.  Plain-text records are exact slices of
 * the input, so concatenating them gives the input back.
 */
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "json.h"
#include "split.h"
#include "stats.h"
#include "winnow.h"

size_t text_line_max = (size_t)1 << 20;

size_t
split_next_line(struct src *s, size_t limit, int *complete)
{
	size_t from = 0;

	for (;;) {
		size_t avail = src_avail(s), upto = avail < limit ? avail : limit;
		const unsigned char *p = from < upto ?
		    memchr(src_ptr(s) + from, '\n', upto - from) : NULL;

		if (p) {
			*complete = 1;
			return (size_t)(p - src_ptr(s)) + 1;
		}
		if (upto == limit) {
			*complete = 0;
			return limit;
		}
		if (s->eof) {
			*complete = 1;
			return avail;
		}
		from = avail;
		src_more(s);
	}
}

/* A JSON line passed on as it is: raw text in -z, the line in -j. */
static void
pass_line(struct emitter *e, const char *path, unsigned long long recno,
    const char *line, size_t n)
{
	if (em_is_raw(e)) {
		em_begin(e, path, recno, "jsonl");
		em_add(e, line, n);
		em_end(e);
	} else {
		em_json_line(e, line, n);
	}
}

void
split_jsonl(struct src *s, struct emitter *e, const struct split_opts *o)
{
	unsigned long long recno = 0;
	struct json_obj obj;
	struct buf text = { 0 };
	char sz[32];

	memset(&obj, 0, sizeof obj);
	while (src_fill(s, 1)) {
		size_t n, len, i;
		const char *line;
		int complete;
		long k;

		recno++;
		stats_add("records in", 1);
		em_locate(e, s->path, recno);
		n = split_next_line(s, sat_add(o->max_record, 1), &complete);
		if (!complete || n - (src_ptr(s)[n - 1] == '\n') > o->max_record) {
			/* Too long to hold: pass it on as it is, in pieces. */
			em_warn(e, "larger than --max-record %s; passed on unchanged",
			    em_size_name(o->max_record, sz, sizeof sz));
			if (em_is_raw(e))
				em_begin(e, s->path, recno, "jsonl");
			for (;;) {
				len = n - (complete && src_ptr(s)[n - 1] == '\n');
				if (em_is_raw(e))
					em_add(e, src_ptr(s), len);
				else
					wn_write(src_ptr(s), len);
				src_skip(s, n);
				if (complete)
					break;
				n = split_next_line(s, text_line_max, &complete);
			}
			if (em_is_raw(e))
				em_end(e);
			else
				wn_putc('\n');
			continue;
		}
		line = (const char *)src_ptr(s);
		len = n - (line[n - 1] == '\n');
		if (recno == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
			/* A byte order mark before the first line (json_skip_bom). */
			line += 3;
			len -= 3;
		}
		for (i = 0; i < len && strchr(" \t\r", line[i]); i++)
			;
		if (i == len) {
			/* An empty line holds no record. */
			src_skip(s, n);
			continue;
		}
		if (json_parse(&obj, line, len) < 0) {
			em_warn(e, "invalid JSON at byte %zu: %s; passed on unchanged",
			    obj.err_off + 1, obj.err);
			pass_line(e, s->path, recno, line, len);
		} else if (obj.close_off == (size_t)-1) {
			em_warn(e, "not a JSON object; passed on unchanged");
			pass_line(e, s->path, recno, line, len);
		} else if ((k = json_find(&obj, line, o->json_field)) < 0 ||
		    line[obj.m[k].val_off] != '"') {
			em_warn(e, "no string field \"%s\"; passed on unchanged",
			    o->json_field);
			pass_line(e, s->path, recno, line, len);
		} else if (!em_is_raw(e)) {
			em_json_line(e, line, len);
		} else {
			size_t dup = json_count(&obj, line, o->json_field);

			buf_clear(&text);
			json_decode_string(&text, line + obj.m[k].val_off,
			    obj.m[k].val_len);
			em_begin(e, s->path, recno, "jsonl");
			if (dup > 1)
				em_warn(e, REC_DUPLICATE_FIELD, o->json_field, dup);
			em_add(e, text.data, text.len);
			em_end(e);
		}
		src_skip(s, n);
	}
	json_obj_free(&obj);
	buf_free(&text);
}

void
split_nul(struct src *s, struct emitter *e, const struct split_opts *o)
{
	unsigned long long recno = 0;
	char sz[32];

	while (src_fill(s, 1)) {
		long long q = src_find(s, 0, "", 1, sat_add(o->max_record, 1));

		recno++;
		stats_add("records in", 1);
		em_begin(e, s->path, recno, "nul");
		if (q >= 0 || (s->eof && src_avail(s) <= o->max_record)) {
			size_t n = q >= 0 ? (size_t)q : src_avail(s);

			em_add(e, src_ptr(s), n);
			src_skip(s, n + (q >= 0));
			em_end(e);
			continue;
		}
		/* Over --max-record: copied through as it comes. */
		if (em_is_raw(e))
			em_warn(e, "larger than --max-record %s; passed on unchanged",
			    em_size_name(o->max_record, sz, sizeof sz));
		for (;;) {
			size_t avail = src_avail(s);
			const unsigned char *p = memchr(src_ptr(s), '\0', avail);
			size_t n = p ? (size_t)(p - src_ptr(s)) : avail;

			em_add(e, src_ptr(s), n);
			src_skip(s, n + (p != NULL));
			if (p || !src_more(s))
				break;
		}
		em_end(e);
	}
}

/*
 * A record past --max-record: with -j the emitter says so; raw output is
 * written as it comes and reported here, once (issue 20 M3).
 */
static void
check_size(struct emitter *e, const struct split_opts *o, size_t *len, size_t n)
{
	char sz[32];

	if (*len <= o->max_record && (*len = sat_add(*len, n)) > o->max_record &&
	    em_is_raw(e))
		em_warn(e, "larger than --max-record %s; written as found",
		    em_size_name(o->max_record, sz, sizeof sz));
}

static int
blank(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n' &&
		    p[i] != '\f' && p[i] != '\v')
			return 0;
	return 1;
}

void
split_blank(struct src *s, struct emitter *e, const struct split_opts *o)
{
	unsigned long long recno = 0;
	int open = 0, has_text = 0, after_blank = 0, midline = 0;
	size_t len = 0;

	while (src_fill(s, 1)) {
		int complete;
		size_t n = split_next_line(s, text_line_max, &complete);
		int is_blank = !midline && complete && blank(src_ptr(s), n);

		/* A text line after a blank one starts the next record. */
		if (!midline && !is_blank && has_text && after_blank) {
			em_end(e);
			open = has_text = 0;
		}
		if (!open) {
			em_begin(e, s->path, ++recno, "text");
			open = 1;
			len = 0;
		}
		check_size(e, o, &len, n);
		em_add(e, src_ptr(s), n);
		src_skip(s, n);
		if (!is_blank)
			has_text = 1;
		after_blank = is_blank;
		midline = !complete;
	}
	if (open)
		em_end(e);
}

static pcre2_code *delim_re;
static pcre2_match_data *delim_md;
static pcre2_match_context *delim_mc;
static pcre2_jit_stack *delim_stack;

/*
 * PCRE2's default match limit (10 million) lets one line of a
 * backtracking regex cost 30 ms; a tenth of it still matches ".*" over a
 * whole 1 MiB line, and a line that hits it is reported (issue 20 W2).
 * JIT's default stack (32K) is too small for "(.)*" over a long line: it
 * may grow to 8M.
 */
#define DELIM_MATCH_LIMIT 1000000
#define DELIM_JIT_STACK ((size_t)8 << 20)

int
split_delim_compile(const char *re)
{
	int err;
	PCRE2_SIZE at;
	uint32_t flags = PCRE2_UTF;

#ifdef PCRE2_MATCH_INVALID_UTF
	/* Dumps hold any bytes; a line of GBK must not stop the match. */
	flags |= PCRE2_MATCH_INVALID_UTF;
#endif
	delim_re = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, flags,
	    &err, &at, NULL);
	if (!delim_re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof msg);
		wn_warn("--delimiter: %s at offset %zu", (char *)msg, (size_t)at);
		return -1;
	}
	pcre2_jit_compile(delim_re, PCRE2_JIT_COMPLETE);
	delim_md = pcre2_match_data_create_from_pattern(delim_re, NULL);
	delim_mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(delim_mc, DELIM_MATCH_LIMIT);
	delim_stack = pcre2_jit_stack_create(32 * 1024, DELIM_JIT_STACK, NULL);
	if (delim_stack)
		pcre2_jit_stack_assign(delim_mc, NULL, delim_stack);
	return 0;
}

/*
 * 1 if the line matches --delimiter, 0 if not; a negative PCRE2 error
 * code (the match limit hit, say) when it could not tell.
 */
static int
delim_match(const unsigned char *line, size_t n)
{
	int rc;

	if (n && line[n - 1] == '\n')
		n--;
	if (n && line[n - 1] == '\r')
		n--;
	rc = pcre2_match(delim_re, line, n, 0, 0, delim_md, delim_mc);
	return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : rc;
}

void
split_delim(struct src *s, struct emitter *e, const struct split_opts *o)
{
	unsigned long long recno = 0;
	int open = 0, midline = 0;
	size_t len = 0;

	while (src_fill(s, 1)) {
		int complete;
		size_t n = split_next_line(s, text_line_max, &complete);
		int match = midline ? 0 : delim_match(src_ptr(s), n);

		if (match > 0 && open) {
			em_end(e);
			open = 0;
		}
		if (!open) {
			em_begin(e, s->path, ++recno, "text");
			open = 1;
			len = 0;
		}
		if (match < 0) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(match, msg, sizeof msg);
			em_warn(e, "--delimiter: %s; a line taken as no match", (char *)msg);
		}
		if (match <= 0 || !o->drop_delimiter) {
			check_size(e, o, &len, n);
			em_add(e, src_ptr(s), n);
		}
		src_skip(s, n);
		midline = !complete;
	}
	if (open)
		em_end(e);
}
