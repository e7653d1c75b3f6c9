/*
 * cputime - run a command with its output discarded and print the CPU time
 * (user + system) it and its children used, in seconds to the microsecond.
 *
 * GNU time prints %U and %S to the hundredth of a second; at a quarter of a
 * second per run that rounding alone moves a ratio by 4%, which is more than
 * the difference the bench has to show.
 *
 *	cputime CMD [ARG]...
 */
#define _DEFAULT_SOURCE
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	struct rusage ru;
	pid_t pid;
	int status, devnull;

	if (argc < 2) {
		fputs("usage: cputime CMD [ARG]...\n", stderr);
		return 2;
	}
	if ((pid = fork()) == -1) {
		perror("cputime: fork");
		return 2;
	}
	if (pid == 0) {
		if ((devnull = open("/dev/null", O_WRONLY)) != -1) {
			dup2(devnull, 1);
			dup2(devnull, 2);
		}
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1) {
		perror("cputime: wait4");
		return 2;
	}
	printf("%.6f\n", (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "cputime: %s failed\n", argv[1]);
		return 1;
	}
	return 0;
}
