// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE	/* sigabbrev_np */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/diag.h"
#include "input/isolate.h"
#include "lib/util.h"

static void report(const char *file, const char *fmt, ...) PRINTF(2, 3);

/* "FILE: error: ...": the file is the subject, not mmucheck. */
static void report(const char *file, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: error: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Made before the alarm: the handler may only write() and _exit(). */
static char *timeout_message;

static void on_alarm(int sig)
{
	(void)sig;
	if (write(STDERR_FILENO, timeout_message, strlen(timeout_message)) < 0)
		_exit(EXIT_FATAL);
	_exit(EXIT_FATAL);
}

static void set_alarm_action(void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
}

int analyse_here(const char *file, unsigned int timeout, analyse_fn *fn,
		 const void *data)
{
	int ret, len;

	if (!timeout)
		return fn(file, data);
	len = snprintf(NULL, 0, "%s: error: analysis timed out after %u s\n",
		       file, timeout);
	timeout_message = xmalloc((size_t)len + 1);
	snprintf(timeout_message, (size_t)len + 1,
		 "%s: error: analysis timed out after %u s\n", file, timeout);
	set_alarm_action(on_alarm);
	alarm(timeout);
	ret = fn(file, data);
	alarm(0);
	set_alarm_action(SIG_DFL);
	free(timeout_message);
	timeout_message = NULL;
	return ret;
}

/* In the child: SIGALRM's default action ends it, the parent tells why. */
static void run_child(const char *file, unsigned int timeout,
		      analyse_fn *fn, const void *data)
{
	sigset_t set;

	set_alarm_action(SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	alarm(timeout);
	exit(fn(file, data));
}

static const char *signal_name(int sig)
{
	static char buf[32];
	const char *abbrev = sigabbrev_np(sig);

	if (abbrev)
		snprintf(buf, sizeof(buf), "SIG%s", abbrev);
	else
		snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

static int outcome(const char *file, int status, unsigned int timeout)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status) <= 1 ? WEXITSTATUS(status)
						: EXIT_FATAL;
	if (WTERMSIG(status) == SIGALRM && timeout)
		report(file, "analysis timed out after %u s", timeout);
	else
		report(file, "mmucheck crashed (%s)",
		       signal_name(WTERMSIG(status)));
	return EXIT_FATAL;
}

static int analyse_in_child(const char *file, unsigned int timeout,
			    analyse_fn *fn, const void *data)
{
	int status;
	pid_t pid;

	/* else the child would print what is buffered here once more */
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		report(file, "cannot fork: %s", strerror(errno));
		return EXIT_FATAL;
	}
	if (!pid)
		run_child(file, timeout, fn, data);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			report(file, "waitpid: %s", strerror(errno));
			return EXIT_FATAL;
		}
	}
	return outcome(file, status, timeout);
}

int analyse_each(const char *const *files, int nr, unsigned int timeout,
		 analyse_fn *fn, const void *data)
{
	int i, failed = 0, findings = 0;

	for (i = 0; i < nr; i++) {
		int ret = analyse_in_child(files[i], timeout, fn, data);

		failed |= ret == EXIT_FATAL;
		findings |= ret == 1;
	}
	return failed ? EXIT_FATAL : findings;
}

/*
 * The sanitizers' error exit is 1 by default, which would read as
 * "findings": make it an error of the file (mmucheck-asan only; the
 * plain build never calls these).
 */
const char *__asan_default_options(void);
const char *__ubsan_default_options(void);

const char *__asan_default_options(void)
{
	return "exitcode=3";
}

const char *__ubsan_default_options(void)
{
	return "exitcode=3";
}

void debug_crash(void)
{
	/* the default action: ASan's handler would make it an exit(1) */
	signal(SIGSEGV, SIG_DFL);
	raise(SIGSEGV);
	abort();
}

void debug_hang(void)
{
	for (;;)
		pause();
}
