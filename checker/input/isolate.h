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

/* Faults for the tests of the isolation: a crash and a hang. */
void debug_crash(void) __attribute__((noreturn));
void debug_hang(void) __attribute__((noreturn));

#endif
