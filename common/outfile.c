/* outfile.c - a temporary file beside the target, committed by rename or link. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outfile.h"
#include "winnow.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/*
 * The one temporary file of the process, for the exit and signal cleanup:
 * a signal handler may read only what is static, so its name is copied
 * here.  A path this long would fail in mkstemp anyway.
 */
static char live_path[PATH_MAX];
static volatile sig_atomic_t live;

static void
remove_live(void)
{
	if (live) {
		unlink(live_path);
		live = 0;
	}
}

static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

/* Block the signals on_signal catches; the mask before goes into *old. */
static void
hold_signals(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigaddset(&set, caught[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void
on_signal(int sig)
{
	remove_live();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
outfile_catch_signals(void)
{
	size_t i;

	atexit(remove_live);
	for (i = 0; i < sizeof caught / sizeof caught[0]; i++) {
		struct sigaction old;

		/* nohup, or a shell's trap '' HUP: the user wants us to go on. */
		if (sigaction(caught[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		signal(caught[i], on_signal);
	}
}

void
outfile_init(struct outfile *f)
{
	mode_t mask = umask(022);

	umask(mask);
	memset(f, 0, sizeof *f);
	f->fd = -1;
	f->new_mode = 0666 & ~mask;
}

void
outfile_free(struct outfile *f)
{
	outfile_remove(f);
	buf_free(&f->tmp);
}

/* Give the new file the owner, group and mode of like, as far as we may. */
static void
take_owner_and_mode(int fd, const struct stat *like)
{
	/* chown clears set-id bits: the mode goes last. */
	if (fchown(fd, like->st_uid, like->st_gid) < 0 &&
	    fchown(fd, (uid_t)-1, like->st_gid) < 0) {
		/* Not ours to give: the file is ours, as any rewrite makes it. */
	}
	if (fchmod(fd, like->st_mode & 07777) < 0) {
		/* A file system without modes (vfat): the file is still right. */
	}
}

int
outfile_open(struct outfile *f, const char *beside, const struct stat *like)
{
	const char *slash = strrchr(beside, '/');
	sigset_t held;

	buf_clear(&f->tmp);
	if (slash)
		buf_printf(&f->tmp, "%.*s/.%s.XXXXXX", (int)(slash - beside), beside,
		    slash + 1);
	else
		buf_printf(&f->tmp, ".%s.XXXXXX", beside);
	buf_cstr(&f->tmp);
	if (f->tmp.len >= sizeof live_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/*
	 * A signal between mkstemp making the file and `live` naming it
	 * would leave it behind: they are held off until both are done
	 * (found by tests/outfile.bats, one run in a few under SIGTERM).
	 */
	hold_signals(&held);
	f->fd = mkstemp(f->tmp.data);
	if (f->fd >= 0) {
		memcpy(live_path, f->tmp.data, f->tmp.len + 1);
		live = 1;
	}
	sigprocmask(SIG_SETMASK, &held, NULL);
	if (f->fd < 0)
		return -1;
	if (like) {
		take_owner_and_mode(f->fd, like);
	} else if (fchmod(f->fd, f->new_mode) < 0) {
		/* mkstemp makes 0600; a new file gets what any new file gets. */
		outfile_remove(f);
		return -1;
	}
	return 0;
}

int
outfile_write(struct outfile *f, const void *p, size_t n)
{
	const char *s = p;

	while (n > 0) {
		ssize_t w = write(f->fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int
outfile_close(struct outfile *f, int sync)
{
	int fd = f->fd, rc = 0;

	f->fd = -1;
	if (sync && fsync(fd) < 0) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	if (close(fd) < 0)
		rc = -1;
	return rc;
}

int
outfile_commit(struct outfile *f, const char *target, enum outfile_how how)
{
	if (how == OUTFILE_REPLACE) {
		if (rename(f->tmp.data, target) < 0)
			return -1;
		live = 0;
		return 0;
	}
	if (link(f->tmp.data, target) < 0)
		return -1;
	remove_live();
	return 0;
}

void
outfile_remove(struct outfile *f)
{
	int err = errno;

	if (f->fd >= 0) {
		close(f->fd);
		f->fd = -1;
	}
	remove_live();
	errno = err;
}
