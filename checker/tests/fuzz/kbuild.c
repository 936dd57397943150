// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the cached Kbuild flags (input/inputs.c, the file
 * after its key line: "@head", one flag a line, "@kernel", ..., "@end")
 * made into a file's command line as kbuild_args() makes it, and so
 * through the gcc flag filter that also takes Kbuild's CHECK= command
 * line (input/flags.c).  The static functions are reached by including
 * the file; the tree is a name only, nothing is read from disk.
 */
#include "input/inputs.c"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void file_args(const char *rel)
{
	struct words ws = { NULL, 0, 0 };
	struct clang_args out;
	static FILE *devnull;

	if (!devnull)
		devnull = fopen("/dev/null", "w");
	copy_words(&ws, &tree.head);
	add_dir_includes(&ws, rel);
	copy_words(&ws, &tree.kernel);
	add_object_defines(&ws, rel);
	absolute_paths(&ws, tree.build);
	finish_args(&ws, fmt_str("%s/%s", tree.src, rel), &out);
	print_clang_args(devnull, &out);
	clang_args_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fmemopen((void *)data, size, "r");

	if (!f)
		return 0;
	tree.src = xstrdup("/src");
	tree.build = xstrdup("/build");
	if (!read_sections(f, &tree)) {
		file_args("mm/memory.c");
		file_args("a,b-c.c");
	}
	fclose(f);
	release_tree();
	release_words(&pool);
	return 0;
}
