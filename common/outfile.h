/*
 * outfile.h - write a file where a reader never sees it half written: into
 * a temporary file beside the target, then given the target's name in one
 * step, and removed if anything goes wrong first.
 *
 *   struct outfile f;
 *   outfile_open(&f, "dir/a.txt", &st)   makes dir/.a.txt.XXXXXX
 *   outfile_write(&f, p, n) ...
 *   outfile_close(&f, 1)                 fsync and close
 *   outfile_commit(&f, "dir/a.txt", OUTFILE_REPLACE)
 *
 * On any failure the caller reports in its own words (the functions set
 * errno and print nothing) and calls outfile_remove.  A process writes one
 * temporary file at a time: that one is removed at exit and, once
 * outfile_catch_signals was called, on a fatal signal.
 */
#ifndef OUTFILE_H
#define OUTFILE_H

#include <stddef.h>
#include <sys/stat.h>

#include "buf.h"

struct outfile {
	int fd;			/* the open temporary file, or -1 */
	struct buf tmp;		/* its path, for messages */
	mode_t new_mode;	/* what a new file gets: 0666 less the umask */
};

/* Ready f for use (no file yet); reads the umask. */
void outfile_init(struct outfile *f);
/* Close and remove a temporary file still there, and free f's memory. */
void outfile_free(struct outfile *f);

/*
 * Create the temporary file .NAME.XXXXXX in the directory of beside
 * (".../NAME"; "NAME" alone is the current directory), the name in f->tmp.
 * It gets the owner, group and mode of like where those may be given (a
 * file rewritten in place; chown needs root, and the file stays ours
 * otherwise, as any rewrite makes it), or with like NULL the mode of a new
 * file.  Returns 0, or -1 with errno (ENAMETOOLONG for a path of PATH_MAX
 * or more; f->tmp holds the template) and nothing left behind.
 */
int outfile_open(struct outfile *f, const char *beside, const struct stat *like);

/* Write all of p[0..n).  Returns 0, or -1 with errno. */
int outfile_write(struct outfile *f, const void *p, size_t n);

/*
 * Close the temporary file, with sync first flushed to the disk (a file
 * that replaces another must not come back empty after a crash).
 * Returns 0, or -1 with errno: the file is closed either way, and still
 * there under its temporary name.
 */
int outfile_close(struct outfile *f, int sync);

enum outfile_how {
	OUTFILE_REPLACE,	/* rename(2): target replaced if it exists */
	OUTFILE_NEW,		/* link(2): fails with EEXIST rather than
				   replace a file, even one made a moment ago */
};

/*
 * Give the closed temporary file the name target.  Returns 0 (the
 * temporary name is gone), or -1 with errno (it is still there).
 */
int outfile_commit(struct outfile *f, const char *target, enum outfile_how how);

/* Close and remove the temporary file, if there is one.  errno is kept. */
void outfile_remove(struct outfile *f);

/*
 * Remove the temporary file before dying of SIGINT, SIGTERM, SIGHUP or
 * SIGPIPE (stdout flushed into a closed `| head` before a warning), and at
 * exit (wn_fatal).  A signal ignored when this is called stays ignored:
 * under nohup SIGHUP kills nothing.  Call once, before the first
 * outfile_open.
 */
void outfile_catch_signals(void);

#endif
