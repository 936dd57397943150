/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The compiler flags of a file when Kbuild does not hand them to us:
 * synthesised from a tree that only had "make O=BUILD prepare", or read
 * from a compile_commands.json.  Either way they go through the same gcc
 * flag filter as Kbuild's CHECK= command line (flags.c), and every
 * relative path in them is made absolute, so the result works from any
 * directory.
 *
 * The strings the clang_args point to belong to this module and live
 * until release_inputs().  Errors are printed as one line; the functions
 * then return -1.
 */
#ifndef MMUCHECK_INPUTS_H
#define MMUCHECK_INPUTS_H

#include <stdio.h>

#include "input/flags.h"

/*
 * Kbuild's flags for FILE, a .c file in srcdir (absolute, or relative to
 * the current directory or to srcdir).  The tree-wide part comes from
 * Kbuild itself once, cached in kbuild_cache_dir()/cflags.
 */
int kbuild_args(const char *srcdir, const char *builddir, const char *file,
		struct clang_args *out);

/* The tree-wide part alone: makes the cache if needed.  Idempotent. */
int kbuild_load(const char *srcdir, const char *builddir);

/* mmucheck's folder for the loaded build, outside it (after kbuild_load). */
const char *kbuild_cache_dir(void);

/* The loaded tree's real source and build paths (NULL: none loaded). */
void kbuild_paths(const char **src, const char **build);

/* The flags of FILE's entry in dir/compile_commands.json. */
int compdb_args(const char *dir, const char *file, struct clang_args *out);

/* Read dir/compile_commands.json once.  Idempotent. */
int compdb_load(const char *dir);

/* One line: the arguments, shell-quoted, then the source file. */
void print_clang_args(FILE *out, const struct clang_args *args);

void release_inputs(void);

#endif
