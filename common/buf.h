/* buf.h - a growable byte buffer, reused across records. */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

/*
 * Make room for n more bytes (and one after them); data stays valid until
 * the next growth.  buf_grow() is its case of a buffer that must grow.
 * Inline, as buf_addc(): the scanners call them for every line.
 */
void buf_grow(struct buf *b, size_t n);
static inline void
buf_reserve(struct buf *b, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
}

void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);

static inline void
buf_addc(struct buf *b, int c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = (char)c;
}
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append code point c as UTF-8. */
void buf_addcp(struct buf *b, uint32_t c);
/*
 * Append a file name to a line that b has just begun, as GNU sha256sum
 * writes one: a name holding a backslash, newline or carriage return gets
 * them as \\, \n and \r, and the line a '\\' first, so that one line
 * is one name and the name can be read back; any other name is appended
 * as it is (bytes that are not UTF-8 included).
 */
void buf_add_name(struct buf *b, const char *name);
/* Keep the storage, drop the contents. */
static inline void buf_clear(struct buf *b) { b->len = 0; }
void buf_free(struct buf *b);
/* NUL-terminate without counting the NUL in len; returns data. */
char *buf_cstr(struct buf *b);

#endif
