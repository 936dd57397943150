/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Diagnostics in git/sparse style: die() for fatal errors (exit 2),
 * error() prints and returns -1 so callers can "return error(...)",
 * warning() prints and goes on.  The *_at() forms use the compiler
 * convention "file:line:col: error: message".
 */
#ifndef MMUCHECK_DIAG_H
#define MMUCHECK_DIAG_H

#define EXIT_FATAL 2

#define PRINTF(f, a) __attribute__((format(printf, f, a)))

void die(const char *fmt, ...) __attribute__((noreturn)) PRINTF(1, 2);
int error(const char *fmt, ...) PRINTF(1, 2);
void warning(const char *fmt, ...) PRINTF(1, 2);
int error_at(const char *file, unsigned int line, unsigned int col,
	     const char *fmt, ...) PRINTF(4, 5);

/* "file:line:col: note: message"; without a line, "file: note: message" */
void note_at(const char *file, unsigned int line, unsigned int col,
	     const char *fmt, ...) PRINTF(4, 5);

/* An internal invariant does not hold: a bug in mmucheck itself. */
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)
void bug_at(const char *file, int line, const char *fmt, ...)
	__attribute__((noreturn)) PRINTF(3, 4);

#endif
