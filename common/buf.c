/* buf.c - growable byte buffer. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "winnow.h"

void
buf_grow(struct buf *b, size_t n)
{
	size_t cap;

	if (b->cap - b->len > n)
		return;
	if (n > SIZE_MAX / 2 - b->len)
		wn_fatal("out of memory");
	cap = b->cap ? b->cap : 256;
	while (cap - b->len <= n)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addcp(struct buf *b, uint32_t c)
{
	buf_reserve(b, 4);
	b->len += utf8_encode(c, b->data + b->len);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_cstr(struct buf *b)
{
	buf_reserve(b, 1);
	b->data[b->len] = '\0';
	return b->data;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_add_name(struct buf *b, const char *name)
{
	const char *p;

	if (!name[strcspn(name, "\\\n\r")]) {
		buf_adds(b, name);
		return;
	}
	buf_addc(b, '\\');
	for (p = name; *p; p++) {
		switch (*p) {
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		default: buf_addc(b, *p); break;
		}
	}
}
