// SPDX-License-Identifier: GPL-2.0
/*
 * Is a file built in this configuration?  Read the way Kbuild's
 * Makefiles say it: "obj-$(CONFIG_FOO) += foo.o" in the file's directory
 * (or "foo-y += part.o" for a part of a composite object), and the same
 * for the directory in its parent ("obj-$(CONFIG_XEN) += xen/"), against
 * include/config/auto.conf.  What the Makefiles do not say plainly
 * (conditionals, computed names) counts as built: a file that then fails
 * to parse is reported, not skipped.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "input/membership.h"
#include "lib/util.h"
#include "lib/view.h"

#define MAX_DEPTH 8

/*
 * What a directory's answer is, remembered: a tree's 30,000 files ask
 * about the same 2,000 directories, each a walk up their Makefiles.  The
 * answers hold for the view they were read in.
 */
struct dir_state {
	char *dir; /* "mm/damon/" for its answer, "mm/damon" for its Makefile */
	int state;
	char *makefile; /* joined lines, or NULL */
	struct dir_state *next;
};

#define DIR_BUCKETS 4096
static struct dir_state *dir_states[DIR_BUCKETS];
static char dirs_view[17];

static void forget_dirs(void)
{
	struct dir_state *d, *next;
	int i;

	for (i = 0; i < DIR_BUCKETS; i++) {
		for (d = dir_states[i]; d; d = next) {
			next = d->next;
			free(d->dir);
			free(d->makefile);
			free(d);
		}
		dir_states[i] = NULL;
	}
}

static struct dir_state **dir_slot(const char *dir)
{
	const struct view *v = view_current();
	const char *id = v ? v->id : "";
	struct dir_state **slot;

	if (strcmp(id, dirs_view)) {
		forget_dirs();
		snprintf(dirs_view, sizeof(dirs_view), "%s", id);
	}
	slot = &dir_states[XXH3_64bits(dir, strlen(dir)) % DIR_BUCKETS];
	while (*slot && strcmp((*slot)->dir, dir))
		slot = &(*slot)->next;
	return slot;
}

/* Continuation lines joined, so each assignment is one line. */
static void join_lines(char *text)
{
	char *p;

	for (p = text; *p; p++)
		if (p[0] == '\\' && p[1] == '\n')
			p[0] = p[1] = ' ';
}

static int config_on(const char *autoconf, const char *name, size_t len)
{
	char *want = xmalloc(len + 4);
	const char *hit;
	int on = 0;

	snprintf(want, len + 4, "\n%.*s=", (int)len, name);
	hit = strstr(autoconf, want);
	if (hit) {
		hit += strlen(want);
		on = *hit == 'y' || *hit == 'm';
	}
	free(want);
	return on;
}

/* The lhs of an assignment line: 1 built, 0 not, -1 a composite "x-y". */
static int lhs_state(const char *autoconf, const char *line, char *composite,
		     size_t size)
{
	const char *cfg = strstr(line, "$(CONFIG_");
	const char *dash = strchr(line, '-');
	size_t n;

	if (!strncmp(line, "obj-y", 5) || !strncmp(line, "obj-m", 5))
		return 1;
	if (!strncmp(line, "obj-$(CONFIG_", 13)) {
		cfg = line + 6;
		n = strcspn(cfg, ")");
		return config_on(autoconf, cfg, n);
	}
	if (!dash || !strncmp(line, "obj-", 4) || !strncmp(line, "lib-", 4))
		return 1;
	n = dash - line;
	if (n + 3 > size)
		return 1;
	snprintf(composite, size, "%.*s.o", (int)n, line);
	if (cfg && cfg < strchr(line, '=')) {
		cfg += 2;
		if (!config_on(autoconf, cfg, strcspn(cfg, ")")))
			return 0;
	}
	return -1;
}

static int word_at(const char *line, const char *hit, const char *word)
{
	size_t n = strlen(word);

	return (hit == line || isspace((unsigned char)hit[-1]) ||
		hit[-1] == '=') &&
	       (!hit[n] || isspace((unsigned char)hit[n]));
}

static int target_state(const char *makefile, const char *autoconf,
			const char *target, int depth);

/* x86's "init_$(BITS).o": init_32.o is built only on a 32-bit kernel. */
static int bits_state(const char *makefile, const char *autoconf,
		      const char *target)
{
	const char *n = strstr(target, "32") ? strstr(target, "32") :
					       strstr(target, "64");
	char *alt;
	int st, bits = config_on(autoconf, "CONFIG_64BIT", 12) ? 64 : 32;

	if (!n)
		return -1;
	alt = xmalloc(strlen(target) + 8);
	sprintf(alt, "%.*s$(BITS)%s", (int)(n - target), target, n + 2);
	st = target_state(makefile, autoconf, alt, 1);
	if (st != -1 && atoi(n) != bits)
		st = 0;
	free(alt);
	return st;
}

/* Does the Makefile text build target (foo.o, or dir/)? 1, 0 or -1. */
static int target_state(const char *makefile, const char *autoconf,
			const char *target, int depth)
{
	const char *line = makefile;
	char composite[256];
	int seen = 0;

	while (line && *line) {
		const char *end = strchr(line, '\n'), *eq = strchr(line, '=');
		const char *hit = eq ? strstr(eq, target) : NULL;

		if (hit && end && hit > end)
			hit = NULL;
		while (hit && !word_at(line, hit, target)) {
			hit = strstr(hit + 1, target);
			if (hit && end && hit > end)
				hit = NULL;
		}
		if (hit && *line != '#') {
			int st = lhs_state(autoconf, line, composite,
					   sizeof(composite));

			seen = 1;
			if (st > 0)
				return 1;
			if (st < 0 && depth < MAX_DEPTH &&
			    target_state(makefile, autoconf, composite,
					 depth + 1) != 0)
				return 1;
		}
		line = end ? end + 1 : NULL;
	}
	if (!seen && depth == 0)
		return bits_state(makefile, autoconf, target);
	return seen ? 0 : -1;
}

static char *read_makefile(const char *src, const char *dir)
{
	static const char *const names[] = { "Kbuild", "Makefile" };
	size_t i, size, len = strlen(src) + strlen(dir) + 16;
	char *path = xmalloc(len), *text = NULL;

	for (i = 0; i < ARRAY_SIZE(names) && !text; i++) {
		snprintf(path, len, "%s/%s%s%s", src, dir, *dir ? "/" : "",
			 names[i]);
		text = view_read(path, &size);
	}
	free(path);
	if (text)
		join_lines(text);
	return text;
}

/* The directory's Makefile, read once a view: the caller's copy. */
static char *makefile_of(const char *src, const char *dir)
{
	struct dir_state **slot = dir_slot(dir);

	if (!*slot) {
		*slot = xcalloc(1, sizeof(**slot));
		(*slot)->dir = xstrdup(dir);
		(*slot)->makefile = read_makefile(src, dir);
	}
	return (*slot)->makefile ? xstrdup((*slot)->makefile) : NULL;
}

static int built_walk(const char *src, const char *autoconf, const char *rel,
		      int depth);

/* Is rel ("mm/damon/vaddr.c", or a directory "mm/damon/") built? */
static int built(const char *src, const char *autoconf, const char *rel,
		 int depth)
{
	size_t n = strlen(rel);
	struct dir_state **slot;

	if (!n || rel[n - 1] != '/')
		return built_walk(src, autoconf, rel, depth);
	slot = dir_slot(rel);
	if (!*slot) {
		int state = built_walk(src, autoconf, rel, depth);

		slot = dir_slot(rel);
		*slot = xcalloc(1, sizeof(**slot));
		(*slot)->dir = xstrdup(rel);
		(*slot)->state = state;
	}
	return (*slot)->state;
}

static int built_walk(const char *src, const char *autoconf, const char *rel,
		      int depth)
{
	char *dir = xstrdup(rel), *slash, *target, *makefile;
	size_t n = strlen(dir);
	int st = 1;

	if (n && dir[n - 1] == '/')
		dir[--n] = '\0';
	slash = strrchr(dir, '/');
	if (!slash || depth > MAX_DEPTH) {
		free(dir);
		return 1;
	}
	*slash = '\0';
	target = xmalloc(strlen(slash + 1) + 3);
	strcpy(target, slash + 1);
	n = strlen(target);
	if (n > 2 && !strcmp(target + n - 2, ".c"))
		target[n - 1] = 'o';
	else
		strcat(target, "/");
	makefile = makefile_of(src, dir);
	if (makefile)
		st = target_state(makefile, autoconf, target, 0);
	free(makefile);
	free(target);
	if (st == 0) {
		free(dir);
		return 0;
	}
	strcat(dir, "/");
	st = built(src, autoconf, dir, depth + 1);
	free(dir);
	return st;
}

int built_in_config(const char *src, const char *build, const char *rel)
{
	/* one process may ask of several trees (mmucheck batch) */
	static char *autoconf, *tree;
	char *path, *both = fmt_str("%s\n%s", src, build);
	size_t size;

	if (!tree || strcmp(tree, both)) {
		free(autoconf);
		autoconf = NULL;
		free(tree);
		tree = both;
		forget_dirs();
		dirs_view[0] = '\0';
	} else {
		free(both);
	}
	if (!autoconf) {
		path = xmalloc(strlen(build) + 32);
		sprintf(path, "%s/include/config/auto.conf", build);
		autoconf = read_file(path, &size);
		free(path);
		if (!autoconf)
			return 1;
	}
	return built(src, autoconf, rel, 0);
}
