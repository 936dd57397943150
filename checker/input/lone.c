// SPDX-License-Identifier: GPL-2.0
/*
 * A lone file and the in-memory tree it is parsed in (README, "--no-tree").
 *
 *	/mmucheck-no-tree/prelude/NAME	model/no-tree/NAME, prelude.h forced in
 *	/mmucheck-no-tree/include/NAME	empty, for each #include <NAME>/"NAME"
 *	DIR/NAME			empty too, for #include "NAME" (DIR: the
 *					file's folder, searched first for it)
 *
 * The in-memory files hide files of the same path on disk: a lone file
 * in a kernel tree still sees only the prelude, never the tree's headers.
 */
#define _GNU_SOURCE /* getcwd(NULL, 0) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/lone.h"
#include "lib/diag.h"
#include "model/model.h"
#include "model/no_tree.h"

#define VDIR "/mmucheck-no-tree"

/*
 * Kernel code is gnu11 (gnu89 before 5.18); a call of a function the
 * prelude does not declare is an implicit declaration, as gnu89 allowed,
 * and the conversions it brings are not errors: the function that makes
 * it is still analysed.  The errors left are names and members the
 * prelude lacks, and those are reported per function.
 */
static const char *const lenient_flags[] = {
	"-xc",
	"-std=gnu11",
	"-nostdinc",
	"-ferror-limit=0",
	"-D__KERNEL__",
	"-Wno-implicit-function-declaration",
	"-Wno-implicit-int",
	"-Wno-int-conversion",
	"-Wno-incompatible-pointer-types",
	"-Wno-incompatible-function-pointer-types",
	"-Wno-int-to-pointer-cast",
	"-Wno-pointer-to-int-cast",
	"-Wno-deprecated-non-prototype",
	"-Wno-return-type",
};

static int read_fd(int fd, char **text, size_t *size)
{
	size_t alloc = 65536, n = 0;
	char *buf = xmalloc(alloc);
	ssize_t got;

	for (;;) {
		if (n + 1 >= alloc)
			buf = xrealloc(buf, alloc *= 2);
		got = read(fd, buf + n, alloc - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	if (got < 0) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*text = buf;
	*size = n;
	return 0;
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* The header name of an #include or #include_next line, or NULL. */
static char *include_name(const char *line, const char *end, int *quoted)
{
	const char *p = skip_blanks(line), *close;
	size_t len;

	if (*p != '#')
		return NULL;
	p = skip_blanks(p + 1);
	if (strncmp(p, "include", 7))
		return NULL;
	p += 7;
	if (!strncmp(p, "_next", 5))
		p += 5;
	p = skip_blanks(p);
	if (*p != '<' && *p != '"')
		return NULL; /* a computed include: clang reports it */
	*quoted = *p == '"';
	close = memchr(p + 1, *quoted ? '"' : '>', (size_t)(end - p - 1));
	if (!close)
		return NULL;
	len = (size_t)(close - p - 1);
	return len ? xstrndup(p + 1, len) : NULL;
}

static void scan_includes(struct lone_file *lf)
{
	const char *line = lf->text, *stop = lf->text + lf->size;

	while (line < stop) {
		const char *end = memchr(line, '\n', (size_t)(stop - line));
		int quoted = 0;
		char *name;

		if (!end)
			end = stop;
		name = include_name(line, end, &quoted);
		if (name) {
			strlist_add(&lf->includes, name);
			if (quoted)
				strlist_add(&lf->quoted, name);
			free(name);
		}
		line = end + 1;
	}
}

int lone_read(struct lone_file *lf, const char *path, const char *stdin_name)
{
	int from_stdin = !strcmp(path, "-");
	int fd = from_stdin ? 0 : open(path, O_RDONLY);

	memset(lf, 0, sizeof(*lf));
	/* libclang would take "-dash.c" for an option */
	lf->name = from_stdin	  ? xstrdup(stdin_name) :
		   path[0] == '-' ? fmt_str("./%s", path) :
				    xstrdup(path);
	if (fd < 0 || read_fd(fd, &lf->text, &lf->size)) {
		int err = errno;

		if (fd >= 0 && !from_stdin)
			close(fd);
		return error("%s: cannot read: %s", lf->name, strerror(err));
	}
	if (!from_stdin)
		close(fd);
	if (!lf->size)
		return error("%s: empty input, nothing to analyse", lf->name);
	if (memchr(lf->text, '\0', lf->size))
		return error("%s: binary input (a NUL byte), not C", lf->name);
	scan_includes(lf);
	return 0;
}

/* s, allocated, kept until lone_release() or the next lone_args() */
static const char *keep(struct lone_file *lf, char *s)
{
	ALLOC_GROW(lf->owned, lf->nr_owned, lf->alloc_owned);
	lf->owned[lf->nr_owned++] = s;
	return s;
}

static void release_owned(struct lone_file *lf)
{
	int i;

	for (i = 0; i < lf->nr_owned; i++)
		free(lf->owned[i]);
	lf->nr_owned = 0;
}

static void push(struct lone_file *lf, const char *arg)
{
	struct clang_args *a = &lf->args;

	ALLOC_GROW(a->argv, a->argc, a->alloc);
	a->argv[a->argc++] = arg;
}

static void add_unsaved(struct lone_file *lf, const char *path,
			const char *text, size_t size)
{
	struct CXUnsavedFile *u;

	ALLOC_GROW(lf->unsaved, lf->nr_unsaved, lf->alloc_unsaved);
	u = &lf->unsaved[lf->nr_unsaved++];
	u->Filename = path;
	u->Contents = text;
	u->Length = (unsigned long)size;
}

/* The folder "NAME" is looked for first: the file's own, absolute too. */
static void add_quoted(struct lone_file *lf, const char *name)
{
	const char *slash = strrchr(lf->name, '/');
	char *dir, *cwd;

	dir = slash ? xstrndup(lf->name, (size_t)(slash - lf->name)) :
		      xstrdup(".");
	add_unsaved(lf, keep(lf, fmt_str("%s/%s", dir, name)), "", 0);
	cwd = dir[0] != '/' ? getcwd(NULL, 0) : NULL;
	if (cwd)
		add_unsaved(lf, keep(lf, fmt_str("%s/%s/%s", cwd, dir, name)),
			    "", 0);
	free(cwd);
	free(dir);
}

/* Kbuild names the object: pr_fmt() often says KBUILD_MODNAME. */
static char *module_name(const char *path)
{
	const char *base = strrchr(path, '/');
	char *name = xstrdup(base ? base + 1 : path), *p;
	size_t len = strlen(name);

	if (len > 2 && !strcmp(name + len - 2, ".c"))
		name[len - 2] = '\0';
	for (p = name; *p; p++)
		if (!(*p == '_' || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			*p = '_';
	return name;
}

/*
 * A hidden name is renamed while the prelude is read (-D) and given back
 * to the file right after it (#undef in unhide.h).
 */
static void hide_names(struct lone_file *lf)
{
	size_t len = 0;
	char *p;
	int k;

	for (k = 0; k < lf->hidden.nr; k++) {
		push(lf, keep(lf, fmt_str("-D%s=__mc_hidden_%s",
					  lf->hidden.items[k],
					  lf->hidden.items[k])));
		len += strlen(lf->hidden.items[k]) + 8;
	}
	free(lf->unhide);
	lf->unhide = p = xmalloc(len + 1);
	*p = '\0';
	for (k = 0; k < lf->hidden.nr; k++)
		p += sprintf(p, "#undef %s\n", lf->hidden.items[k]);
	add_unsaved(lf, VDIR "/prelude/unhide.h", lf->unhide,
		    strlen(lf->unhide));
}

void lone_args(struct lone_file *lf, int version, const char *const *extra,
	       int nr_extra)
{
	char *module = module_name(lf->name);
	size_t i;
	int k;

	clang_args_release(&lf->args);
	lf->nr_unsaved = 0;
	release_owned(lf);
	for (i = 0; i < ARRAY_SIZE(lenient_flags); i++)
		push(lf, lenient_flags[i]);
	push(lf, keep(lf, fmt_str("-D__MMUCHECK_KV=%d", version)));
	push(lf, keep(lf, fmt_str("-DKBUILD_MODNAME=\"%s\"", module)));
	push(lf, keep(lf, fmt_str("-DKBUILD_BASENAME=\"%s\"", module)));
	free(module);
	hide_names(lf);
	push(lf, "-include");
	push(lf, VDIR "/prelude/" PRELUDE_TOP);
	push(lf, "-include");
	push(lf, VDIR "/prelude/unhide.h");
	push(lf, "-I" VDIR "/include");
	for (k = 0; k < nr_extra; k++)
		push(lf, extra[k]);
	lf->args.source = lf->name;
	for (i = 0; i < nr_prelude_files; i++)
		add_unsaved(lf,
			    keep(lf, fmt_str(VDIR "/prelude/%s",
					     prelude_files[i].name)),
			    prelude_files[i].text, prelude_files[i].size);
	for (k = 0; k < lf->includes.nr; k++)
		add_unsaved(lf,
			    keep(lf, fmt_str(VDIR "/include/%s",
					     lf->includes.items[k])),
			    "", 0);
	for (k = 0; k < lf->quoted.nr; k++)
		add_quoted(lf, lf->quoted.items[k]);
	add_unsaved(lf, lf->name, lf->text, lf->size);
}

int lone_hide(struct lone_file *lf, const char *name)
{
	if (strlist_has(&lf->hidden, name))
		return 0;
	strlist_add(&lf->hidden, name);
	return 1;
}

int lone_in_prelude(const char *path)
{
	static const char prelude[] = VDIR "/prelude/";

	return !strncmp(path, prelude, sizeof(prelude) - 1);
}

void lone_release(struct lone_file *lf)
{
	clang_args_release(&lf->args);
	free(lf->unsaved);
	release_owned(lf);
	free(lf->owned);
	strlist_release(&lf->includes);
	strlist_release(&lf->quoted);
	strlist_release(&lf->hidden);
	free(lf->unhide);
	free(lf->text);
	free(lf->name);
	memset(lf, 0, sizeof(*lf));
}
