// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the compile_commands.json reader (input/inputs.c),
 * as mmucheck -p DIR reads it: the file loaded, the flags of every
 * entry's file looked up, through the gcc flag filter and printed.
 * Each input runs in a scratch folder of its own that holds a.c, so that
 * entries naming "a.c" (the seeds do) resolve; the folder is in
 * /dev/shm, else /tmp.
 */
#define _GNU_SOURCE /* mkdtemp */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "input/inputs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The lookups of one input: a long array must not make it slow. */
#define MAX_LOOKUPS 8

static FILE *devnull;
static char *scratch;
static int home; /* the folder libFuzzer reads its files from */

static void remove_scratch(void)
{
	if (chdir(scratch))
		return;
	unlink("a.c");
	unlink("compile_commands.json");
	rmdir(scratch);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* in memory when it can: a file is written for each input */
	char shm[] = "/dev/shm/mmucheck-fuzz-compdb.XXXXXX";
	char tmp[] = "/tmp/mmucheck-fuzz-compdb.XXXXXX";
	FILE *f;

	(void)argc;
	(void)argv;
	if (mkdtemp(shm))
		scratch = strdup(shm);
	else if (mkdtemp(tmp))
		scratch = strdup(tmp);
	else
		abort();
	home = open(".", O_RDONLY | O_DIRECTORY);
	if (home < 0 || chdir(scratch))
		abort();
	atexit(remove_scratch);
	f = fopen("a.c", "w");
	if (!f || fclose(f) || fchdir(home))
		abort();
	devnull = fopen("/dev/null", "w");
	return 0;
}

static void look_up(const char *file)
{
	struct clang_args args;

	if (!compdb_args(".", file, &args)) {
		print_clang_args(devnull, &args);
		clang_args_release(&args);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *doc, *entry;
	size_t i;
	FILE *f;

	/* in the scratch folder for the input only: libFuzzer's paths */
	if (chdir(scratch))
		abort();
	f = fopen("compile_commands.json", "w");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	doc = json_loadb((const char *)data, size, 0, NULL);
	look_up("a.c");
	json_array_foreach(doc, i, entry) {
		const char *file =
			json_string_value(json_object_get(entry, "file"));

		if (i >= MAX_LOOKUPS)
			break;
		if (file)
			look_up(file);
	}
	json_decref(doc);
	release_inputs();
	if (fchdir(home))
		abort();
	return 0;
}
