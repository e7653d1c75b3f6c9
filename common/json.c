/* json.c - validating JSON scanner for JSON Lines records. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"
#include "winnow.h"

int
json_skip_bom(char **s, size_t *n)
{
	if (*n < 3 || memcmp(*s, "\xEF\xBB\xBF", 3))
		return 0;
	*s += 3;
	*n -= 3;
	return 1;
}

static size_t
skip_ws(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A valid 3-byte UTF-8 sequence (most of a Chinese text) at u[0..n)? */
static inline int
is_utf8_3(const unsigned char *u, size_t n)
{
	return (u[0] & 0xF0) == 0xE0 && n >= 3 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80 && (u[0] != 0xE0 || u[1] >= 0xA0) &&
	    (u[0] != 0xED || u[1] < 0xA0);
}

/* Some byte of v is below 0x20, 0x80 or above, '"' or '\\'. */
static inline int
unplain8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');

	/* The zero-byte test on v - 0x20.., v ^ '"'.. and v ^ '\\'..: exact
	 * as to whether there is one, which is all that is asked. */
	return ((((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((b - ones) & ~b) | v) &
	    high) != 0;
}

/*
 * End of the run from u[i] of bytes a JSON string holds as they are:
 * printable ASCII other than '"' and '\\', and valid 3-byte sequences.
 * ASCII is taken eight bytes at a test, the rest a character at a time.
 */
static size_t
plain_run(const unsigned char *u, size_t i, size_t n)
{
	while (i < n) {
		unsigned char c = u[i];

		if (c >= 0x80) {
			if (!is_utf8_3(u + i, n - i))
				break;
			i += 3;
			continue;
		}
		if (c < 0x20 || c == '"' || c == '\\')
			break;
		for (i++; n - i >= 8; i += 8) {
			uint64_t v;

			memcpy(&v, u + i, 8);
			if (unplain8(v))
				break;
		}
	}
	return i;
}

/* s[i] is '"'; on success *end is one past the closing quote. */
static const char *
scan_string(const char *s, size_t i, size_t n, size_t *end)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;

	for (i++;;) {
		i = plain_run(u, i, n);
		if (i >= n)
			return "unterminated string";
		if (u[i] == '"') {
			*end = i + 1;
			return NULL;
		}
		if (u[i] == '\\') {
			if (++i >= n)
				return "unterminated string";
			switch (u[i]) {
			case '"': case '\\': case '/': case 'b':
			case 'f': case 'n': case 'r': case 't':
				i++;
				break;
			case 'u':
				if (i + 4 >= n || hexval(u[i + 1]) < 0 || hexval(u[i + 2]) < 0 ||
				    hexval(u[i + 3]) < 0 || hexval(u[i + 4]) < 0)
					return "bad \\u escape";
				i += 5;
				break;
			default:
				return "bad escape";
			}
		} else if (u[i] < 0x20) {
			return "control character in string";
		} else {
			i += utf8_decode(u + i, n - i, &cp);
			if (cp == UTF8_BAD)
				return "invalid UTF-8";
		}
	}
}

static const char *
scan_number(const char *s, size_t i, size_t n, size_t *end)
{
	size_t d;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (i < n && s[i] >= '1' && s[i] <= '9')
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return "bad number";
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return "bad number";
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return "bad number";
	}
	*end = i;
	return NULL;
}

static void
add_member(struct json_obj *o, size_t key_off, size_t key_len)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->m = xreallocarray(o->m, o->cap, sizeof *o->m);
	}
	o->m[o->n].key_off = key_off;
	o->m[o->n].key_len = key_len;
	o->m[o->n].val_off = o->m[o->n].val_len = 0;
	o->n++;
}

enum state { ST_VALUE, ST_ARRAY_FIRST, ST_OBJECT_FIRST, ST_KEY, ST_AFTER };

int
json_parse(struct json_obj *o, const char *s, size_t n)
{
	enum state st = ST_VALUE;
	struct buf *stk = &o->stack;
	size_t i = 0, end = 0, last_end = 0;
	int member_open = 0;
	const char *err = NULL;

	o->n = 0;
	o->close_off = (size_t)-1;
	o->err = NULL;
	o->err_off = 0;
	buf_clear(stk);

	for (;;) {
		i = skip_ws(s, i, n);
		if (st == ST_AFTER) {
			/* A member of the top-level object has just ended. */
			if (member_open && stk->len == 1) {
				o->m[o->n - 1].val_len = last_end - o->m[o->n - 1].val_off;
				member_open = 0;
			}
			if (stk->len == 0) {
				if (i != n) {
					err = "trailing characters";
					goto fail;
				}
				return 0;
			}
			if (i >= n) {
				err = "unexpected end";
				goto fail;
			}
			char top = stk->data[stk->len - 1];
			if (s[i] == ',') {
				i++;
				st = top == '{' ? ST_KEY : ST_VALUE;
			} else if ((s[i] == '}' && top == '{') || (s[i] == ']' && top == '[')) {
				if (stk->len == 1 && top == '{')
					o->close_off = i;
				stk->len--;
				last_end = ++i;
			} else {
				err = top == '{' ? "expected , or }" : "expected , or ]";
				goto fail;
			}
			continue;
		}
		if (i >= n) {
			err = "unexpected end";
			goto fail;
		}
		if (st == ST_ARRAY_FIRST && s[i] == ']') {
			stk->len--;
			last_end = ++i;
			st = ST_AFTER;
			continue;
		}
		if (st == ST_OBJECT_FIRST && s[i] == '}') {
			if (stk->len == 1)
				o->close_off = i;
			stk->len--;
			last_end = ++i;
			st = ST_AFTER;
			continue;
		}
		if (st == ST_OBJECT_FIRST || st == ST_KEY) {
			if (s[i] != '"') {
				err = "expected a string key";
				goto fail;
			}
			if ((err = scan_string(s, i, n, &end)))
				goto fail;
			if (stk->len == 1)
				add_member(o, i, end - i);
			i = skip_ws(s, end, n);
			if (i >= n || s[i] != ':') {
				err = "expected :";
				goto fail;
			}
			i = skip_ws(s, i + 1, n);
			if (stk->len == 1) {
				o->m[o->n - 1].val_off = i;
				member_open = 1;
			}
			st = ST_VALUE;
			continue;
		}
		/* ST_VALUE or ST_ARRAY_FIRST with a value. */
		switch (s[i]) {
		case '{':
		case '[':
			buf_addc(stk, s[i]);
			st = s[i] == '{' ? ST_OBJECT_FIRST : ST_ARRAY_FIRST;
			i++;
			continue;
		case '"':
			err = scan_string(s, i, n, &end);
			break;
		case 't':
			err = n - i >= 4 && !memcmp(s + i, "true", 4) ? NULL : "bad literal";
			end = i + 4;
			break;
		case 'f':
			err = n - i >= 5 && !memcmp(s + i, "false", 5) ? NULL : "bad literal";
			end = i + 5;
			break;
		case 'n':
			err = n - i >= 4 && !memcmp(s + i, "null", 4) ? NULL : "bad literal";
			end = i + 4;
			break;
		default:
			err = scan_number(s, i, n, &end);
			break;
		}
		if (err)
			goto fail;
		last_end = i = end;
		st = ST_AFTER;
	}
fail:
	o->err = err;
	o->err_off = i;
	o->n = 0;
	o->close_off = (size_t)-1;
	return -1;
}

void
json_obj_free(struct json_obj *o)
{
	free(o->m);
	buf_free(&o->stack);
	memset(o, 0, sizeof *o);
}

/* Does the key token s[0..n) (with quotes) decode to key? */
static int
key_equals(const char *s, size_t n, const char *key)
{
	size_t klen = strlen(key);

	if (!memchr(s, '\\', n))
		return n - 2 == klen && !memcmp(s + 1, key, klen);
	struct buf b = { 0 };
	json_decode_string(&b, s, n);
	int eq = b.len == klen && !memcmp(b.data, key, klen);
	buf_free(&b);
	return eq;
}

long
json_find(const struct json_obj *o, const char *s, const char *key)
{
	size_t i;

	/* The last of duplicate keys wins, as in most parsers. */
	for (i = o->n; i-- > 0;)
		if (key_equals(s + o->m[i].key_off, o->m[i].key_len, key))
			return (long)i;
	return -1;
}

int
json_string_member(const struct json_obj *o, const char *s, const char *key, struct buf *out)
{
	long i = json_find(o, s, key);

	if (i < 0 || s[o->m[i].val_off] != '"')
		return 0;
	buf_clear(out);
	json_decode_string(out, s + o->m[i].val_off, o->m[i].val_len);
	return 1;
}

size_t
json_count(const struct json_obj *o, const char *s, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < o->n; i++)
		n += key_equals(s + o->m[i].key_off, o->m[i].key_len, key);
	return n;
}

static uint32_t
hex4(const char *s)
{
	return (uint32_t)(hexval(s[0]) << 12 | hexval(s[1]) << 8 |
	    hexval(s[2]) << 4 | hexval(s[3]));
}

void
json_decode_string(struct buf *out, const char *s, size_t n)
{
	size_t i = 1, start;

	n--;	/* the closing quote */
	buf_reserve(out, n);
	while (i < n) {
		const char *bs = memchr(s + i, '\\', n - i);

		start = i;
		i = bs ? (size_t)(bs - s) : n;
		buf_add(out, s + start, i - start);
		if (i >= n)
			break;
		i++;
		switch (s[i]) {
		case 'b': buf_addc(out, '\b'); i++; break;
		case 'f': buf_addc(out, '\f'); i++; break;
		case 'n': buf_addc(out, '\n'); i++; break;
		case 'r': buf_addc(out, '\r'); i++; break;
		case 't': buf_addc(out, '\t'); i++; break;
		case 'u': {
			uint32_t c = hex4(s + i + 1);

			i += 5;
			if (c >= 0xD800 && c <= 0xDBFF && i + 6 <= n &&
			    s[i] == '\\' && s[i + 1] == 'u') {
				uint32_t lo = hex4(s + i + 2);

				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
					i += 6;
				}
			}
			/* A lone surrogate has no UTF-8 form. */
			if (c >= 0xD800 && c <= 0xDFFF)
				c = 0xFFFD;
			buf_addcp(out, c);
			break;
		}
		default:
			buf_addc(out, s[i]);
			i++;
			break;
		}
	}
}

void
json_put_inner(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start;
	uint32_t cp;

	while (i < n) {
		start = i;
		i = plain_run(u, i, n);
		buf_add(out, s + start, i - start);
		if (i >= n)
			break;
		if (u[i] >= 0x80) {
			size_t k = utf8_decode(u + i, n - i, &cp);

			if (cp == UTF8_BAD)
				buf_add(out, "\xEF\xBF\xBD", 3);
			else
				buf_add(out, s + i, k);
			i += k;
			continue;
		}
		buf_addc(out, '\\');
		switch (u[i]) {
		case '"': buf_addc(out, '"'); break;
		case '\\': buf_addc(out, '\\'); break;
		case '\n': buf_addc(out, 'n'); break;
		case '\r': buf_addc(out, 'r'); break;
		case '\t': buf_addc(out, 't'); break;
		case '\b': buf_addc(out, 'b'); break;
		case '\f': buf_addc(out, 'f'); break;
		default:
			buf_add(out, "u00", 3);
			buf_addc(out, hex[u[i] >> 4]);
			buf_addc(out, hex[u[i] & 15]);
			break;
		}
		i++;
	}
}

void
json_put_string(struct buf *out, const char *s, size_t n)
{
	buf_reserve(out, n + 2);
	buf_addc(out, '"');
	json_put_inner(out, s, n);
	buf_addc(out, '"');
}

void
json_put_cstr_or_null(struct buf *out, const char *s)
{
	if (s)
		json_put_string(out, s, strlen(s));
	else
		buf_add(out, "null", 4);
}

void
json_edits_clear(struct json_edits *ed)
{
	ed->n = 0;
	buf_clear(&ed->vals);
}

void
json_edits_free(struct json_edits *ed)
{
	free(ed->e);
	buf_free(&ed->vals);
	memset(ed, 0, sizeof *ed);
}

void
json_edit_begin(struct json_edits *ed, const char *key)
{
	size_t i;

	/* Setting a key twice keeps the later value only. */
	for (i = 0; i < ed->n; i++)
		if (ed->e[i].key && !strcmp(ed->e[i].key, key))
			ed->e[i].key = NULL;
	if (ed->n == ed->cap) {
		ed->cap = ed->cap ? ed->cap * 2 : 16;
		ed->e = xreallocarray(ed->e, ed->cap, sizeof *ed->e);
	}
	ed->e[ed->n].key = key;
	ed->e[ed->n].val_off = ed->vals.len;
	ed->e[ed->n].val_len = 0;
	ed->n++;
}

void
json_edit_end(struct json_edits *ed)
{
	struct json_edit *e = &ed->e[ed->n - 1];

	e->val_len = ed->vals.len - e->val_off;
}

/* Where each edit goes: the index of the last member with its key, or -1. */
static void
edit_targets(const struct json_obj *o, const char *s, const struct json_edits *ed,
    long *at)
{
	size_t k;

	for (k = 0; k < ed->n; k++)
		at[k] = ed->e[k].key ? json_find(o, s, ed->e[k].key) : -1;
}

void
json_rewrite(struct buf *out, const char *s, size_t n, const struct json_obj *o,
    const struct json_edits *ed)
{
	size_t i, k, pos = 0, members = o->n;
	long at_small[16];
	long *at = ed->n <= 16 ? at_small : xreallocarray(NULL, ed->n, sizeof *at);

	/*
	 * A key given twice is edited where json_find reads it, the last
	 * occurrence, and nowhere else: a copy of a new text at each of
	 * 200,000 empty duplicates made 584 MB of one 2 MB line (issue 20
	 * C1).  The record layer reports such a text field.
	 */
	edit_targets(o, s, ed, at);
	for (i = 0; i < o->n; i++) {
		const struct json_member *m = &o->m[i];

		for (k = ed->n; k-- > 0;) {
			if (at[k] != (long)i)
				continue;
			buf_add(out, s + pos, m->val_off - pos);
			buf_add(out, ed->vals.data + ed->e[k].val_off, ed->e[k].val_len);
			pos = m->val_off + m->val_len;
			break;
		}
	}
	buf_add(out, s + pos, o->close_off - pos);
	for (k = 0; k < ed->n; k++) {
		if (!ed->e[k].key || at[k] >= 0)
			continue;
		if (members++)
			buf_addc(out, ',');
		json_put_string(out, ed->e[k].key, strlen(ed->e[k].key));
		buf_addc(out, ':');
		buf_add(out, ed->vals.data + ed->e[k].val_off, ed->e[k].val_len);
	}
	buf_add(out, s + o->close_off, n - o->close_off);
	if (at != at_small)
		free(at);
}
