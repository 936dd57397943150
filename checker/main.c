// SPDX-License-Identifier: GPL-2.0
/*
 * mmucheck: a static checker for Linux kernel sources, run by Kbuild as
 *
 *	make C=1 CHECK=mmucheck		(or C=2 for every file)
 *
 * which calls "$(CHECK) $(CHECKFLAGS) $(c_flags) file.c".  Our own
 * options are long options no compiler uses; everything else is a
 * compiler flag, and the last non-option .c argument is the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "diag.h"
#include "flags.h"
#include "macros.h"
#include "parse.h"
#include "util.h"

struct options;

struct command {
	const char *name;
	int (*run)(const struct options *opts, const struct source *src);
};

struct options {
	const struct command *command;
	const char *function;	/* --dump-cfg=FUNCTION, NULL for all */
};

/* For now a check is a parse: the rules come in later files. */
static int cmd_check(const struct options *opts, const struct source *src)
{
	(void)opts;
	(void)src;
	return 0;
}

static int has_name(CXCursor c, const char *name)
{
	CXString s = clang_getCursorSpelling(c);
	int ret = !strcmp(clang_getCString(s), name);

	clang_disposeString(s);
	return ret;
}

static int is_function_to_dump(const struct options *opts,
			       const struct source *src, CXCursor c)
{
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) ||
	    !in_main_file(src, clang_getCursorLocation(c)))
		return 0;
	return !opts->function || has_name(c, opts->function);
}

struct dump_state {
	const struct options *opts;
	const struct source *src;
	struct macro_map macros;
	int nr_dumped;
};

static enum CXChildVisitResult dump_function(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	struct dump_state *st = data;
	struct cfg *cfg;

	(void)parent;
	if (!is_function_to_dump(st->opts, st->src, c))
		return CXChildVisit_Continue;
	cfg = build_cfg(st->src->tu, c, &st->macros);
	if (cfg) {
		if (st->nr_dumped++)
			putchar('\n');
		dump_cfg(stdout, st->src->tu, cfg);
		free_cfg(cfg);
	}
	return CXChildVisit_Continue;
}

static int cmd_dump_cfg(const struct options *opts, const struct source *src)
{
	struct dump_state st = { opts, src, { NULL, NULL, 0, 0 }, 0 };
	CXCursor tu = clang_getTranslationUnitCursor(src->tu);

	build_macro_map(&st.macros, src->tu, src->file);
	clang_visitChildren(tu, dump_function, &st);
	release_macro_map(&st.macros);
	if (opts->function && !st.nr_dumped)
		return error("%s: no function '%s' defined", src->path,
			     opts->function);
	return 0;
}

static const struct command commands[] = {
	{ "check", cmd_check },
	{ "dump-cfg", cmd_dump_cfg },
};

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	BUG("no command %s", name);
}

struct option {
	const char *name;
	const char *value;	/* how help shows its value */
	void (*handle)(struct options *opts, const char *value);
	const char *help;
};

static void usage(void) __attribute__((noreturn));

static void opt_dump_cfg(struct options *opts, const char *value)
{
	opts->command = find_command("dump-cfg");
	opts->function = value && *value ? value : NULL;
}

static void opt_help(struct options *opts, const char *value)
{
	(void)opts;
	(void)value;
	usage();
}

static const struct option option_table[] = {
	{ "--dump-cfg", "[=FUNCTION]", opt_dump_cfg,
	  "print the CFG of each function defined in FILE, or of FUNCTION" },
	{ "--help", "", opt_help, "show this help" },
};

static void usage(void)
{
	size_t i;

	fprintf(stderr, "usage: mmucheck [options] [compiler flags] FILE.c\n");
	for (i = 0; i < ARRAY_SIZE(option_table); i++) {
		const struct option *o = &option_table[i];

		int width = (int)(strlen(o->name) + strlen(o->value));

		fprintf(stderr, "  %s%s%*s  %s\n", o->name, o->value,
			width < 24 ? 24 - width : 0, "", o->help);
	}
	exit(EXIT_FATAL);
}

/* Handle argv as one of our options; 0 if it is a compiler flag. */
static int parse_option(struct options *opts, const char *arg)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(option_table); i++) {
		const struct option *o = &option_table[i];
		size_t len = strlen(o->name);

		if (strncmp(arg, o->name, len))
			continue;
		if (arg[len] == '\0' || (arg[len] == '=' && *o->value)) {
			o->handle(opts, arg[len] ? arg + len + 1 : NULL);
			return 1;
		}
	}
	return 0;
}

/* Our options out of argv; the compiler flags are left, in order. */
static int parse_options(struct options *opts, int argc, const char **argv)
{
	int i, nr_left = 0;

	opts->command = find_command("check");
	opts->function = NULL;
	for (i = 1; i < argc; i++)
		if (!parse_option(opts, argv[i]))
			argv[nr_left++] = argv[i];
	return nr_left;
}

int main(int argc, const char **argv)
{
	struct clang_args args;
	struct options opts;
	struct source src;
	int ret, nr_flags;

	nr_flags = parse_options(&opts, argc, argv);
	clang_args_from_check(&args, nr_flags, argv);
	if (!args.source)
		usage();
	ret = parse_source(&src, args.source, args.argv, args.argc);
	if (!ret)
		ret = opts.command->run(&opts, &src);
	release_source(&src);
	clang_args_release(&args);
	return ret ? EXIT_FATAL : 0;
}
