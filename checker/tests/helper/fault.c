// SPDX-License-Identifier: GPL-2.0
/*
 * Faults for the tests of the child-process runner, kept out of the
 * product (as git's t/helper): a preloaded library that wraps libclang's
 * parse and, for the file named in the environment, crashes or hangs.
 *
 *	MMUCHECK_FAULT_CRASH=a.c	a.c's parse dies of SIGSEGV
 *	MMUCHECK_FAULT_HANG=a.c		a.c's parse never returns
 *	MMUCHECK_FAULT_SLOW_RENAME=.json	a rename of a file whose name
 *					ends so waits half a second first,
 *					so that two processes writing one
 *					file overlap every time, not once
 *					in a hundred runs
 *
 * The name matches the path or its last components.  Built by
 * "make -C checker test-helpers"; used with LD_PRELOAD by tests/run-inputs.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <clang-c/Index.h>

typedef enum CXErrorCode parse_fn(CXIndex, const char *, const char *const *,
				  int, struct CXUnsavedFile *, unsigned int,
				  unsigned int, CXTranslationUnit *);

static int names(const char *name, const char *path)
{
	size_t n, len;

	if (!name || !*name || !path)
		return 0;
	n = strlen(name);
	len = strlen(path);
	return !strcmp(name, path) || (len > n && path[len - n - 1] == '/' &&
				       !strcmp(path + len - n, name));
}

enum CXErrorCode clang_parseTranslationUnit2(CXIndex index, const char *path,
					     const char *const *argv, int argc,
					     struct CXUnsavedFile *unsaved,
					     unsigned int nr_unsaved,
					     unsigned int options,
					     CXTranslationUnit *tu)
{
	parse_fn *real =
		(parse_fn *)dlsym(RTLD_NEXT, "clang_parseTranslationUnit2");

	if (names(getenv("MMUCHECK_FAULT_CRASH"), path)) {
		/* the default action: a sanitizer's handler would exit(1) */
		signal(SIGSEGV, SIG_DFL);
		raise(SIGSEGV);
		abort();
	}
	if (names(getenv("MMUCHECK_FAULT_HANG"), path))
		for (;;)
			pause();
	return real(index, path, argv, argc, unsaved, nr_unsaved, options, tu);
}

/* "name" as the renamed file's name, or ending it */
static int ends_with(const char *name, const char *path)
{
	size_t n, len;

	if (!name || !*name || !path)
		return 0;
	n = strlen(name);
	len = strlen(path);
	return len >= n && !strcmp(path + len - n, name);
}

int rename(const char *from, const char *to)
{
	typedef int rename_fn(const char *, const char *);
	rename_fn *real = (rename_fn *)dlsym(RTLD_NEXT, "rename");
	struct timespec half = { 0, 500000000 };

	if (ends_with(getenv("MMUCHECK_FAULT_SLOW_RENAME"), to))
		nanosleep(&half, NULL);
	return real(from, to);
}
