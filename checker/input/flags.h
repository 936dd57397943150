/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Turn the arguments Kbuild gives a checker ($(CHECK) $(CHECKFLAGS)
 * $(c_flags) file.c, with gcc's c_flags and sparse's CHECKFLAGS) into a
 * clang command line plus the source file.
 */
#ifndef MMUCHECK_FLAGS_H
#define MMUCHECK_FLAGS_H

struct clang_args {
	const char **argv; /* flags for clang, without the source file */
	int argc;
	int alloc;
	const char *source; /* the last non-option .c argument, or NULL */
	const char **sources; /* every non-option .c argument, in order */
	int nr_sources;
};

void clang_args_from_check(struct clang_args *args, int argc,
			   const char *const *argv);
void clang_args_release(struct clang_args *args);

#endif
