/* winnow.c - exit status, diagnostics, allocation, numbers, checked stdout. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "winnow.h"

const char *argv0 = "winnow";
int wn_status = WN_OK;
unsigned long long wn_bytes_out;
void (*wn_before_warn)(void);

void
wn_init(const char *prog)
{
	const char *slash = strrchr(prog, '/');

	argv0 = slash ? slash + 1 : prog;
	/*
	 * Started with stdin, stdout or stderr closed (cmd >&-), the next
	 * open(2) or mkstemp(3) would get that number: split-articles -o
	 * wrote its list of paths into an article's file that way.  Hold
	 * each closed one with /dev/null opened the wrong way round, so a
	 * read or write on it still fails with EBADF and is reported.
	 */
	{
		int fd;

		for (fd = 0; fd <= 2; fd++)
			if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
			    open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd)
				exit(WN_TROUBLE);
	}
	/*
	 * SIGPIPE stays at its default for speed in `| head`, but a parent that
	 * ignores it would give us EPIPE instead; wn_write handles that too.
	 */
	signal(SIGPIPE, SIG_DFL);
	/*
	 * A file grown past `ulimit -f` is a failed write (EFBIG), reported
	 * and status 2 like a full disk, not a death that leaves a temporary
	 * file behind.
	 */
	signal(SIGXFSZ, SIG_IGN);
}

void
wn_raise(int status)
{
	if (status > wn_status)
		wn_status = status;
}

static void
vwarn(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t len = strlen(fmt);

	fflush(stdout);
	if (wn_before_warn)
		wn_before_warn();
	fprintf(stderr, "%s: ", argv0);
	vfprintf(stderr, fmt, ap);
	if (len && fmt[len - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
wn_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
wn_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(WN_TROUBLE);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		wn_fatal("out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		wn_fatal("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		wn_fatal("out of memory");
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		wn_fatal("out of memory");
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
wn_parse_uint(const char *s, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (unsigned)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned)(*s - '0');
	}
	*out = v;
	return 0;
}

int
wn_parse_size(const char *s, size_t *out)
{
	unsigned long long v = 0, mult = 1;
	const char *p = s;
	int digits = 0;

	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		if (v > (ULLONG_MAX - (unsigned)(*p - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (!digits)
		return -1;
	switch (*p) {
	case '\0': break;
	case 'k': case 'K': mult = 1ULL << 10; p++; break;
	case 'm': case 'M': mult = 1ULL << 20; p++; break;
	case 'g': case 'G': mult = 1ULL << 30; p++; break;
	case 't': case 'T': mult = 1ULL << 40; p++; break;
	default: return -1;
	}
	if (*p == 'i' && mult > 1)
		p++;
	if (*p == 'B' || (*p == 'b' && mult > 1))
		p++;
	if (*p || v == 0 || v > SIZE_MAX / mult)
		return -1;
	*out = (size_t)(v * mult);
	return 0;
}

static _Noreturn void
write_failed(void)
{
	if (errno == EPIPE)
		exit(wn_status);
	/* Tell the user; a full disk must never pass as success. */
	wn_warn("write error:");
	exit(WN_TROUBLE);
}

void
wn_write(const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, stdout) != n)
		write_failed();
	wn_bytes_out += n;
}

void
wn_putc(int c)
{
	if (putchar(c) == EOF)
		write_failed();
	wn_bytes_out++;
}

void
wn_flush(void)
{
	if (fflush(stdout) == EOF)
		write_failed();
}

void
wn_exit(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		write_failed();
	if (fclose(stdout) == EOF)
		write_failed();
	exit(wn_status);
}
