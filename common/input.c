/* input.c - buffered reads of one operand. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "stats.h"
#include "winnow.h"

size_t in_chunk_size = 256 * 1024;

/* Whether a read of fd may wait: anything but a regular file or a disk. */
static int
may_wait(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode);
}

int
in_open(struct input *in, const char *operand)
{
	memset(in, 0, sizeof *in);
	stats_io.files++;
	if (!operand || !strcmp(operand, "-")) {
		in->fd = 0;
		in->path = "<stdin>";
		in->may_wait = may_wait(in->fd);
		progress_opened(in->fd);
		return 0;
	}
	in->path = operand;
	in->fd = open(operand, O_RDONLY | O_CLOEXEC);
	if (in->fd < 0) {
		wn_warn("%s:", operand);
		return -1;
	}
	in->may_wait = may_wait(in->fd);
	progress_opened(in->fd);
	return 0;
}

/*
 * Flush standard output if nothing is there to read yet: the records
 * written so far must not wait in our buffer for input that may take
 * minutes.  A poll(2) per read of a pipe costs next to nothing; a flush
 * on every read would cost a write(2) where input streams in fast.
 */
static void
flush_before_wait(const struct input *in)
{
	struct pollfd p = { .fd = in->fd, .events = POLLIN };

	if (in->may_wait && poll(&p, 1, 0) == 0)
		wn_flush();
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
	flush_before_wait(in);
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
