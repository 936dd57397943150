// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "input/flags.h"
#include "lib/util.h"

enum flag_match {
	FLAG_EXACT, /* the whole argument */
	FLAG_PREFIX, /* the argument starts with it */
	FLAG_VALUE, /* the argument, and the next one is its value */
};

struct dropped_flag {
	const char *flag;
	enum flag_match match;
};

/*
 * Arguments we do not hand to clang.  The gcc-only ones make clang fail
 * (an unknown argument is an error) or warn; the others are sparse's
 * CHECKFLAGS or have side effects a checker must not have.
 */
static const struct dropped_flag dropped_flags[] = {
	/* gcc code generation flags clang rejects (docs/measurements.md 3) */
	{ "-ftrivial-auto-var-init=zero", FLAG_EXACT },
	{ "-falign-jumps=", FLAG_PREFIX },
	{ "-falign-loops=", FLAG_PREFIX },
	{ "-fconserve-stack", FLAG_EXACT },
	{ "-fno-allow-store-data-races", FLAG_EXACT },
	{ "-mfunction-return=", FLAG_PREFIX },
	{ "-mindirect-branch=", FLAG_PREFIX },
	{ "-mindirect-branch-register", FLAG_EXACT },
	{ "-mindirect-branch-cs-prefix", FLAG_EXACT },
	{ "-mpreferred-stack-boundary=", FLAG_PREFIX },
	{ "-mrecord-mcount", FLAG_EXACT },
	/* we never want warnings turned into errors */
	{ "-Werror", FLAG_EXACT },
	/* gcc warning options clang does not know (it warns) */
	{ "-Wno-format-truncation", FLAG_EXACT },
	{ "-Wno-format-overflow", FLAG_EXACT },
	{ "-Wno-dangling-pointer", FLAG_EXACT },
	{ "-Wno-stringop-truncation", FLAG_EXACT },
	{ "-Wno-stringop-overflow", FLAG_EXACT },
	{ "-Wno-restrict", FLAG_EXACT },
	{ "-Wno-maybe-uninitialized", FLAG_EXACT },
	{ "-Wno-alloc-size-larger-than", FLAG_EXACT },
	{ "-Wimplicit-fallthrough=", FLAG_PREFIX },
	{ "-Werror=designated-init", FLAG_EXACT },
	{ "-Wno-packed-not-aligned", FLAG_EXACT },
	/* sparse's CHECKFLAGS */
	{ "--arch=", FLAG_PREFIX },
	{ "-mlittle-endian", FLAG_EXACT },
	{ "-mbig-endian", FLAG_EXACT },
	{ "-Wbitwise", FLAG_EXACT },
	{ "-Wno-return-void", FLAG_EXACT },
	{ "-Wno-unknown-attribute", FLAG_EXACT },
	{ "-Wsparse-", FLAG_PREFIX },
	/* dependency files: Kbuild's own .d must not be rewritten by us */
	{ "-Wp,-MMD,", FLAG_PREFIX },
	{ "-Wp,-MD,", FLAG_PREFIX },
	{ "-MD", FLAG_EXACT },
	{ "-MMD", FLAG_EXACT },
	{ "-MP", FLAG_EXACT },
	{ "-MF", FLAG_VALUE },
	{ "-MT", FLAG_VALUE },
	{ "-MQ", FLAG_VALUE },
	/* compile steps: we only parse */
	{ "-c", FLAG_EXACT },
	{ "-o", FLAG_VALUE },
};

/* Options whose value is the next argument, which is then no source file. */
static const char *const value_flags[] = {
	"-I",		"-include",  "-imacros", "-isystem",
	"-idirafter",	"-iquote",   "-iprefix", "-iwithprefix",
	"-isysroot",	"-D",	     "-U",	 "-x",
	"-Xclang",	"-target",   "--param",	 "-Xpreprocessor",
	"-include-pch", "-aux-info",
};

static int flag_matches(const struct dropped_flag *f, const char *arg)
{
	if (f->match == FLAG_PREFIX)
		return !strncmp(arg, f->flag, strlen(f->flag));
	return !strcmp(arg, f->flag);
}

/* How many arguments to drop at argv[i]: 0 keeps it. */
static int dropped_count(const char *arg)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dropped_flags); i++) {
		const struct dropped_flag *f = &dropped_flags[i];

		if (flag_matches(f, arg))
			return f->match == FLAG_VALUE ? 2 : 1;
	}
	return 0;
}

static int takes_value(const char *arg)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(value_flags); i++)
		if (!strcmp(arg, value_flags[i]))
			return 1;
	return 0;
}

static int is_source_file(const char *arg)
{
	size_t len = strlen(arg);

	return arg[0] != '-' && len > 2 && !strcmp(arg + len - 2, ".c");
}

static void push_arg(struct clang_args *args, const char *arg)
{
	ALLOC_GROW(args->argv, args->argc, args->alloc);
	args->argv[args->argc++] = arg;
}

void clang_args_from_check(struct clang_args *args, int argc,
			   const char *const *argv)
{
	int i;

	memset(args, 0, sizeof(*args));
	args->sources = xcalloc(argc + 1, sizeof(*args->sources));
	for (i = 0; i < argc; i++) {
		int drop = dropped_count(argv[i]);

		if (drop) {
			i += drop - 1;
			continue;
		}
		/*
		 * An option's value never gets here (it is pushed or dropped
		 * with its option), so argv[i] is a file or an option: no
		 * walk from argv[0] per argument, quadratic on a long line.
		 */
		if (is_source_file(argv[i])) {
			args->sources[args->nr_sources++] = argv[i];
			args->source = argv[i];
			continue;
		}
		push_arg(args, argv[i]);
		if (takes_value(argv[i]) && i + 1 < argc)
			push_arg(args, argv[++i]);
	}
}

void clang_args_release(struct clang_args *args)
{
	free(args->argv);
	free(args->sources);
	memset(args, 0, sizeof(*args));
}
