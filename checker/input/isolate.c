// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE /* sigabbrev_np */
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
static int last_status;

static void run_child(unsigned int timeout, int (*fn)(int i, void *data),
		      void *data, int i)
{
	sigset_t set;

	set_alarm_action(SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	alarm(timeout);
	exit(fn(i, data));
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
		return WEXITSTATUS(status) <= 1 ? WEXITSTATUS(status) :
						  EXIT_FATAL;
	if (WTERMSIG(status) == SIGALRM && timeout)
		report(file, "analysis timed out after %u s", timeout);
	else
		report(file, "mmucheck crashed (%s)",
		       signal_name(WTERMSIG(status)));
	return EXIT_FATAL;
}

static pid_t start_child(const struct child_run *r, int i)
{
	pid_t pid;

	/* else the child would print what is buffered here once more */
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		report(r->name(i, r->data), "cannot fork: %s", strerror(errno));
		return -1;
	}
	return pid;
}

static pid_t wait_child(void)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, 0)) < 0 && errno == EINTR)
		;
	if (pid > 0)
		last_status = status;
	return pid;
}

int run_children(const struct child_run *r)
{
	int jobs = r->jobs > 0 ? r->jobs : 1;
	pid_t *pids = xcalloc(jobs, sizeof(*pids));
	int *task = xcalloc(jobs, sizeof(*task));
	int next = 0, running = 0, k, ret, failed = 0, findings = 0;
	pid_t pid;

	while (next < r->nr || running) {
		if (next < r->nr && running < jobs) {
			for (k = 0; pids[k]; k++)
				;
			if (r->started)
				r->started(next, r->data);
			pid = start_child(r, next);
			if (!pid) {
				/* the child: nothing of the parent's to leak */
				free(pids);
				free(task);
				run_child(r->timeout, r->run, r->data, next);
			}
			if (pid < 0) {
				failed = 1;
				if (r->done)
					r->done(next, EXIT_FATAL, r->data);
				next++;
				continue;
			}
			pids[k] = pid;
			task[k] = next++;
			running++;
			continue;
		}
		pid = wait_child();
		if (pid < 0)
			die("waitpid: %s", strerror(errno));
		for (k = 0; k < jobs && pids[k] != pid; k++)
			;
		if (k == jobs)
			continue;
		ret = outcome(r->name(task[k], r->data), last_status,
			      r->timeout);
		failed |= ret == EXIT_FATAL;
		findings |= ret == 1;
		if (r->done)
			r->done(task[k], ret, r->data);
		pids[k] = 0;
		running--;
	}
	free(pids);
	free(task);
	return failed ? EXIT_FATAL : findings;
}

struct each {
	const char *const *files;
	analyse_fn *fn;
	const void *data;
};

static const char *each_name(int i, void *data)
{
	return ((struct each *)data)->files[i];
}

static int each_run(int i, void *data)
{
	struct each *e = data;

	return e->fn(e->files[i], e->data);
}

int analyse_each(const char *const *files, int nr, unsigned int timeout,
		 analyse_fn *fn, const void *data)
{
	struct each e = { files, fn, data };
	struct child_run r = {
		.nr = nr,
		.jobs = 1,
		.timeout = timeout,
		.name = each_name,
		.run = each_run,
		.data = &e,
	};

	return run_children(&r);
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
