/*
 * input.h - large buffered reads of one operand, for filters that parse a
 * stream themselves (split-articles' dump formats, detect-encoding's
 * streaming converter).  No per-byte stdio.
 */
#ifndef INPUT_H
#define INPUT_H

#include <stddef.h>

struct input {
	int fd;
	const char *path;	/* for messages: operand or "<stdin>" */
	unsigned char *buf;
	size_t cap;
	size_t pos, end;	/* unread bytes are buf[pos..end) */
	unsigned long long off;	/* stream offset of buf[0] */
	int eof;
	int err;		/* errno of a failed read, else 0 */
	int may_wait;		/* a pipe, terminal or socket: a read can block */
};

/* Open operand (NULL or "-" is stdin).  Returns 0, or -1 with a warning. */
int in_open(struct input *in, const char *operand);
/*
 * Try to have at least want unread bytes in buf[pos..end), reading more and
 * moving the unread bytes to the front as needed.  Returns the number of
 * unread bytes, fewer than want only at end of input or on a read error
 * (in->err set, reported once).
 */
size_t in_fill(struct input *in, size_t want);
/*
 * Read whatever is next (at least one byte unless at end); returns unread
 * count.  Before a read that would wait (a pipe with nothing in it yet),
 * standard output is flushed: in a live pipeline each record goes on as
 * soon as it is done, not when 4K more have come (issue 20 K1).
 */
size_t in_more(struct input *in);
void in_close(struct input *in);

/*
 * Bytes asked of each read(2); 256K.  The fuzz harnesses and tests shrink it
 * so that records straddle reads; set it before the first in_open.
 */
extern size_t in_chunk_size;

#endif
