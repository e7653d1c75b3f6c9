/* input.c - buffered reads of one operand. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "stats.h"
#include "winnow.h"

size_t in_chunk_size = 256 * 1024;

int
in_open(struct input *in, const char *operand)
{
	memset(in, 0, sizeof *in);
	stats_io.files++;
	if (!operand || !strcmp(operand, "-")) {
		in->fd = 0;
		in->path = "<stdin>";
		progress_opened(in->fd);
		return 0;
	}
	in->path = operand;
	in->fd = open(operand, O_RDONLY | O_CLOEXEC);
	if (in->fd < 0) {
		wn_warn("%s:", operand);
		return -1;
	}
	progress_opened(in->fd);
	return 0;
}

size_t
in_more(struct input *in)
{
	ssize_t r;

	if (in->eof || in->err)
		return in->end - in->pos;
	if (in->pos > 0 && (in->pos == in->end || in->end + in_chunk_size > in->cap)) {
		/* Move what is unread to the front before growing. */
		memmove(in->buf, in->buf + in->pos, in->end - in->pos);
		in->off += in->pos;
		in->end -= in->pos;
		in->pos = 0;
	}
	if (in->cap - in->end < in_chunk_size + 1) {
		/* One spare byte so record.c can NUL-terminate in place. */
		size_t cap = in->cap ? in->cap : in_chunk_size + 1;

		while (cap - in->end < in_chunk_size + 1)
			cap *= 2;
		in->buf = xrealloc(in->buf, cap);
		in->cap = cap;
	}
	do
		r = read(in->fd, in->buf + in->end, in->cap - in->end - 1);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		in->err = errno;
		wn_warn("%s: read error:", in->path);
		wn_raise(WN_TROUBLE);
	} else if (r == 0) {
		in->eof = 1;
	} else {
		in->end += (size_t)r;
		stats_io.bytes_in += (size_t)r;
		progress_tick();
	}
	return in->end - in->pos;
}

size_t
in_fill(struct input *in, size_t want)
{
	while (in->end - in->pos < want && !in->eof && !in->err)
		in_more(in);
	return in->end - in->pos;
}

void
in_close(struct input *in)
{
	if (in->fd > 0)
		close(in->fd);
	free(in->buf);
	memset(in, 0, sizeof *in);
	in->fd = -1;
}
