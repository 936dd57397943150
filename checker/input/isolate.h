/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files analysed under a time limit.  With several files each one runs
 * in a child process of its own, so that a crash or a hang in libclang
 * or in the analysis costs that file, not the whole run; one file (what
 * Kbuild's CHECK= gives us) runs in this process, which is cheaper.
 */
#ifndef MMUCHECK_ISOLATE_H
#define MMUCHECK_ISOLATE_H

/* Returns 0 (no findings), 1 (findings) or EXIT_FATAL (an error). */
typedef int analyse_fn(const char *file, const void *data);

/*
 * Analyse one file here; past timeout seconds (0: no limit) print
 * "FILE: error: analysis timed out after N s" and exit EXIT_FATAL.
 */
int analyse_here(const char *file, unsigned int timeout, analyse_fn *fn,
		 const void *data);

/*
 * Analyse each file in a child.  A child killed by a signal is reported
 * as "FILE: error: mmucheck crashed (SIGxxx)", one out of time as above;
 * the other files still run.  Returns EXIT_FATAL if any file failed,
 * else 1 if any had findings, else 0.
 */
int analyse_each(const char *const *files, int nr, unsigned int timeout,
		 analyse_fn *fn, const void *data);

/*
 * The one child-process runner: nr tasks, jobs at a time, each in a
 * child under the time limit.  A child killed by a signal or out of
 * time gets the one message of its kind (as above); done() hears 0, 1
 * or EXIT_FATAL.  Returns EXIT_FATAL if any task failed, else 1 if any
 * had findings, else 0.
 */
struct child_run {
	int nr, jobs;
	unsigned int timeout;
	const char *(*name)(int i, void *data); /* what task i is about */
	int (*run)(int i, void *data); /* in the child */
	void (*started)(int i, void *data); /* or NULL */
	void (*done)(int i, int ret, void *data); /* or NULL */
	void *data;
};

int run_children(const struct child_run *r);

#endif
