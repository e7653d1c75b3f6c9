/*
 * json.h - just enough JSON for JSON Lines filters: validate a line, find the
 * top-level members of an object, decode one string, and write the line back
 * with members replaced or added, every other byte kept as it was.
 */
#ifndef JSON_H
#define JSON_H

#include <stddef.h>
#include "buf.h"

/* A top-level member of an object: key and value as byte spans of the line. */
struct json_member {
	size_t key_off, key_len;	/* the key token including its quotes */
	size_t val_off, val_len;	/* the value token as written */
};

struct json_obj {
	struct json_member *m;
	size_t n, cap;
	size_t close_off;		/* offset of the closing '}' */
	const char *err;		/* why a line was rejected */
	size_t err_off;
	struct buf stack;		/* nesting stack, kept between calls */
};

/*
 * Validate s[0..n) as one JSON value (RFC 8259, UTF-8, surrounding white
 * space allowed).  Returns 0 if valid, -1 otherwise with o->err and
 * o->err_off set.  If the value is an object, o->m lists its members;
 * otherwise o->n is 0 and o->close_off is (size_t)-1.
 */
int json_parse(struct json_obj *o, const char *s, size_t n);
void json_obj_free(struct json_obj *o);

/* Index of the member whose decoded key equals key, or -1. */
long json_find(const struct json_obj *o, const char *s, const char *key);
/*
 * The member key of o (parsed from s) when its value is a string: decoded
 * into out (cleared first), 1.  0 when there is no such member or its
 * value is not a string; out is then untouched.
 */
int json_string_member(const struct json_obj *o, const char *s, const char *key, struct buf *out);
/* How many members have the decoded key key (a duplicate makes it 2 or more). */
size_t json_count(const struct json_obj *o, const char *s, const char *key);

/*
 * Decode the string token s[0..n) (with its quotes) into out, appending.
 * The token must have been validated by json_parse.
 */
void json_decode_string(struct buf *out, const char *s, size_t n);

/* Append s[0..n) as a JSON string token.  Invalid UTF-8 becomes U+FFFD. */
void json_put_string(struct buf *out, const char *s, size_t n);
/*
 * The same without the quotes: the inside of a string written in pieces.
 * A character cut between two pieces is invalid in each (U+FFFD twice):
 * cut at utf8_complete_prefix.
 */
void json_put_inner(struct buf *out, const char *s, size_t n);
/* Append a JSON string token, or null when s is NULL. */
void json_put_cstr_or_null(struct buf *out, const char *s);

/*
 * Edits to a line: set member key to the JSON value text val[0..n).
 * json_rewrite writes line s[0..n) (parsed into o) to out with each edited member's
 * value replaced in place, and members not present added before the closing
 * brace, in the order they were set.  A key the line holds more than once
 * is edited at its last occurrence, the one json_find reads; the others
 * stay as they were.
 */
struct json_edit {
	const char *key;
	size_t val_off, val_len;	/* span of the value text in edits.vals */
};

struct json_edits {
	struct json_edit *e;
	size_t n, cap;
	struct buf vals;
};

void json_edits_clear(struct json_edits *ed);
void json_edits_free(struct json_edits *ed);
/* Start a value for key: append its JSON text to ed->vals, then json_edit_end. */
void json_edit_begin(struct json_edits *ed, const char *key);
void json_edit_end(struct json_edits *ed);
void json_rewrite(struct buf *out, const char *s, size_t n, const struct json_obj *o,
    const struct json_edits *ed);

/*
 * JSON Lines may begin with a UTF-8 byte order mark (Windows tools write
 * one); jq skips it, and so do we: if *s starts with one, step past it and
 * return 1.
 */
int json_skip_bom(char **s, size_t *n);

#endif
