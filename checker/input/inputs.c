// SPDX-License-Identifier: GPL-2.0
/*
 * Compiler flags for a file from a prepared kernel tree (Kbuild's own
 * variables, cached) or from a compile_commands.json.
 *
 * Relative paths in the flags are made absolute against the directory
 * the compiler would have run in (the build directory, an entry's
 * "directory") rather than changing directory: several files may come
 * from different entries, and --print-clang-args then prints a command
 * line that works from anywhere.
 */
#define _GNU_SOURCE /* realpath, st_mtim */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "lib/diag.h"
#include "input/inputs.h"
#include "lib/util.h"
#include "lib/view.h"

/* Owned strings, in order. */
struct words {
	char **w;
	int nr, alloc;
};

static void add_word(struct words *ws, char *s)
{
	ALLOC_GROW(ws->w, ws->nr, ws->alloc);
	ws->w[ws->nr++] = s;
}

static void copy_words(struct words *to, const struct words *from)
{
	int i;

	for (i = 0; i < from->nr; i++)
		add_word(to, xstrdup(from->w[i]));
}

static void release_words(struct words *ws)
{
	int i;

	for (i = 0; i < ws->nr; i++)
		free(ws->w[i]);
	free(ws->w);
	memset(ws, 0, sizeof(*ws));
}

/* The strings clang_args point to: they live until release_inputs(). */
static struct words pool;

static const char *keep(char *s)
{
	add_word(&pool, s);
	return s;
}

/* dir/path, without the "./" that Kbuild puts in front of objtree paths. */
static char *path_join(const char *dir, const char *path)
{
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (!strcmp(path, ".") || !*path)
		return xstrdup(dir);
	return fmt_str("%s/%s", dir, path);
}

static char *real_path(const char *path)
{
	return realpath(path, NULL);
}

static int in_dir(const char *path, const char *dir)
{
	size_t len = strlen(dir);

	return !strncmp(path, dir, len) && path[len] == '/';
}

static int ends_with(const char *s, const char *suffix)
{
	size_t len = strlen(s), n = strlen(suffix);

	return len > n && !strcmp(s + len - n, suffix);
}

static int exists_in(const char *dir, const char *name)
{
	char *path = path_join(dir, name);
	int ret = !access(path, F_OK);

	free(path);
	return ret;
}

/* Flags whose value, the next argument, is a path. */
static const char *const path_flags[] = {
	"-I", "-include", "-imacros", "-isystem", "-idirafter", "-iquote",
};

/* Flags that may also carry the path in the same argument. */
static const char *const joined_path_flags[] = {
	"-I",
	"-isystem",
	"-idirafter",
	"-iquote",
};

static int is_path_flag(const char *arg)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(path_flags); i++)
		if (!strcmp(arg, path_flags[i]))
			return 1;
	return 0;
}

/* The length of the flag in "-Ipath", 0 if arg is not such a flag. */
static size_t joined_flag_len(const char *arg)
{
	size_t i, len;

	for (i = 0; i < ARRAY_SIZE(joined_path_flags); i++) {
		len = strlen(joined_path_flags[i]);
		if (!strncmp(arg, joined_path_flags[i], len) && arg[len] &&
		    arg[len] != '-')
			return len;
	}
	return 0;
}

/* Make the path after the first prefix bytes of *word absolute. */
static void rebase(char **word, size_t prefix, const char *dir)
{
	char *w = *word, *path;

	if (w[prefix] == '/' || !w[prefix])
		return;
	path = path_join(dir, w + prefix);
	*word = fmt_str("%.*s%s", (int)prefix, w, path);
	free(path);
	free(w);
}

static void absolute_paths(struct words *ws, const char *dir)
{
	int i;

	for (i = 0; i < ws->nr; i++) {
		if (is_path_flag(ws->w[i]) && i + 1 < ws->nr)
			rebase(&ws->w[++i], 0, dir);
		else if (joined_flag_len(ws->w[i]))
			rebase(&ws->w[i], joined_flag_len(ws->w[i]), dir);
	}
}

/* Through the gcc flag filter; the source is the one we resolved. */
static void finish_args(struct words *ws, char *source, struct clang_args *out)
{
	const char **argv = xcalloc((size_t)ws->nr + 1, sizeof(*argv));
	int i;

	for (i = 0; i < ws->nr; i++)
		argv[i] = keep(ws->w[i]);
	clang_args_from_check(out, ws->nr, argv);
	out->source = keep(source);
	free(argv);
	free(ws->w);
	memset(ws, 0, sizeof(*ws));
}

/* --- Kbuild ------------------------------------------------------------ */

/*
 * The tree-wide part of Kbuild's c_flags (scripts/Makefile.lib): what
 * comes before the directory's "-I SRC/dir -I BUILD/dir", and the flags
 * of objects built into vmlinux after it.  Not included, as Kbuild takes
 * them from the directory's Makefile: ccflags-y, CFLAGS_file.o, module
 * membership (-DMODULE and the module's name) and sanitizer flags.
 */
struct kbuild_tree {
	char *src, *build; /* real paths */
	struct words head, kernel;
};

static struct kbuild_tree tree;

#define CACHE_FILE "cflags"
#define CACHE_FORMAT "mmucheck-kbuild-flags 2"

/*
 * Run from the build directory with the source Makefile, as Kbuild's
 * own O= sub-make is; the flags are printed through the shell, one per
 * line, so that quoting is undone exactly as for a compiler command.
 * The goal's name ends in "install": the top Makefile then reads the
 * configuration without syncing it (no-sync-config-targets), so make
 * writes nothing in the build folder - no syncconfig, no outputmakefile
 * rewriting BUILD/Makefile and BUILD/source.
 */
#define PROBE_GOAL "mmucheck-kbuild-flags-install"

static const char probe_rule[] = PROBE_GOAL
	": ; @printf '%s\\n' @head"
	" $(NOSTDINC_FLAGS) $(LINUXINCLUDE)"
	" -include $(srctree)/include/linux/compiler_types.h"
	" $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS)"
	" @kernel $(KBUILD_CFLAGS_KERNEL) $(CFLAGS_KERNEL)"
	" @end >>'$(MMUCHECK_OUT)'";

/* The files whose change means the tree was configured or prepared again. */
static const char *const build_stamps[] = {
	".config",
	"include/config/auto.conf",
	"include/generated/autoconf.h",
};

static char *stamp_of(const char *dir, const char *name)
{
	char *path = path_join(dir, name);
	struct stat st;
	char *s;

	if (stat(path, &st))
		s = xstrdup(" -");
	else
		s = fmt_str(" %lld.%09ld:%lld", (long long)st.st_mtim.tv_sec,
			    st.st_mtim.tv_nsec, (long long)st.st_size);
	free(path);
	return s;
}

static char *append(char *s, char *tail)
{
	char *r = fmt_str("%s%s", s, tail);

	free(s);
	free(tail);
	return r;
}

/* The first line of the cache: what it was made from. */
static char *cache_key(void)
{
	char *key = fmt_str(CACHE_FORMAT " %s", tree.src);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(build_stamps); i++)
		key = append(key, stamp_of(tree.build, build_stamps[i]));
	return append(key, stamp_of(tree.src, "Makefile"));
}

static void chomp(char *line)
{
	size_t len = strlen(line);

	if (len && line[len - 1] == '\n')
		line[len - 1] = '\0';
}

/* Read the sections of the probe's output; 0 when it is complete. */
static int read_sections(FILE *f, struct kbuild_tree *t)
{
	struct words *section = NULL;
	char *line = NULL;
	size_t size = 0;
	int done = 0;

	while (!done && getline(&line, &size, f) > 0) {
		chomp(line);
		if (!strcmp(line, "@head"))
			section = &t->head;
		else if (!strcmp(line, "@kernel"))
			section = &t->kernel;
		else if (!strcmp(line, "@end"))
			done = 1;
		else if (section)
			add_word(section, xstrdup(line));
	}
	free(line);
	return done ? 0 : -1;
}

/* Load the cache if it was made from this very tree state. */
static int load_cache(const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t size = 0;
	int ret = -1;

	if (!f)
		return -1;
	if (getline(&line, &size, f) > 0) {
		chomp(line);
		if (!strcmp(line, key))
			ret = read_sections(f, &tree);
	}
	free(line);
	fclose(f);
	if (ret) {
		release_words(&tree.head);
		release_words(&tree.kernel);
	}
	return ret;
}

/* Our environment may come from a make: it must not steer this one. */
static void clean_make_env(void)
{
	static const char *const vars[] = {
		"MAKEFLAGS", "MFLAGS",	      "GNUMAKEFLAGS",  "MAKELEVEL",
		"MAKEFILES", "MAKEOVERRIDES", "KBUILD_OUTPUT",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(vars); i++)
		unsetenv(vars[i]);
}

static void exec_probe(const char *out, const char *log)
{
	char *makefile = path_join(tree.src, "Makefile");
	char *out_var = fmt_str("MMUCHECK_OUT=%s", out);
	char *eval = fmt_str("--eval=%s", probe_rule);
	/* the compiler tests' scratch (scripts/Makefile.compiler): ours */
	char *tmpout = fmt_str("TMPOUT=%s/probe-tmp.%ld", kbuild_cache_dir(),
			       (long)getpid());
	const char *argv[] = {
		"make",
		"-C",
		tree.build,
		"-f",
		makefile,
		"-s",
		"--no-print-directory",
		out_var,
		tmpout,
		eval,
		PROBE_GOAL,
		NULL,
	};
	int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	int null = open("/dev/null", O_RDONLY);

	if (fd < 0 || null < 0)
		_exit(127);
	dup2(null, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	clean_make_env();
	execvp(argv[0], (char *const *)argv);
	dprintf(2, "mmucheck: cannot run make: %s\n", strerror(errno));
	_exit(127);
}

/* Ask Kbuild for its flags, appended to out; 0 when make succeeded. */
static int run_probe(const char *out, const char *log)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return error("fork: %s", strerror(errno));
	if (!pid)
		exec_probe(out, log);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return error("waitpid: %s", strerror(errno));
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

static int write_key(const char *path, const char *key)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return error("cannot write %s: %s", path, strerror(errno));
	fprintf(f, "%s\n", key);
	if (fclose(f))
		return error("cannot write %s: %s", path, strerror(errno));
	return 0;
}

/*
 * Made under a temporary name and renamed, so that mmucheck processes
 * running side by side never read a half-written cache.
 */
static int make_cache(const char *cache, const char *key)
{
	char *dir = xstrdup(kbuild_cache_dir());
	char *tmp = fmt_str("%s.%ld.tmp", cache, (long)getpid());
	char *log = path_join(dir, "make.log");
	int ret = -1;

	if (mkdir_p(dir))
		error("cannot create %s: %s", dir, strerror(errno));
	else if (!write_key(tmp, key)) {
		if (run_probe(tmp, log))
			error("cannot get the compiler flags from Kbuild in %s: make failed, see %s",
			      tree.build, log);
		else if (rename(tmp, cache))
			error("cannot write %s: %s", cache, strerror(errno));
		else
			ret = 0;
	}
	unlink(tmp);
	free(log);
	free(tmp);
	free(dir);
	return ret;
}

/* mkdir -p without a word, then a file made and removed in it. */
static int writable_dir(const char *dir)
{
	char *path = xstrdup(dir), *p, *probe;
	int fd, saved;

	for (p = path + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0777);
			*p = '/';
		}
	mkdir(path, 0777);
	free(path);
	probe = fmt_str("%s/.probe.%d", dir, (int)getpid());
	fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0600);
	saved = errno;
	if (fd >= 0) {
		close(fd);
		unlink(probe);
	}
	free(probe);
	errno = saved;
	return fd >= 0;
}

static char *temporary_root;
static pid_t temporary_owner; /* a child's exit must not remove it */

static void remove_temporary_cache(void)
{
	if (temporary_root && getpid() == temporary_owner)
		remove_tree(temporary_root);
}

/*
 * A cache that cannot be written (read-only, full, not a folder) costs
 * the speed of this run, not the run: one warning, and a temporary
 * folder removed at exit.
 */
static char *temporary_cache(char *wanted)
{
	const char *tmp = getenv("TMPDIR");
	int err = errno;
	char *dir;

	if (!temporary_root) {
		temporary_root = fmt_str("%s/mmucheck-cache.XXXXXX",
					 tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(temporary_root))
			die("cannot write mmucheck's cache %s (%s), nor make a folder in %s",
			    wanted, strerror(err), tmp && *tmp ? tmp : "/tmp");
		temporary_owner = getpid();
		atexit(remove_temporary_cache);
	}
	warning("cannot write mmucheck's cache %s (%s): this run keeps it in %s",
		wanted, strerror(err), temporary_root);
	dir = fmt_str("%s/build", temporary_root);
	mkdir(dir, 0700);
	free(wanted);
	return dir;
}

void kbuild_paths(const char **src, const char **build)
{
	*src = tree.src;
	*build = tree.build;
}

/*
 * mmucheck's own folder for a build: under the user's cache, never in
 * the build folder (the checker does not write in the user's tree or
 * build).  Named after the build's real path, '/' spelled '%'.
 */
const char *kbuild_cache_dir(void)
{
	/* one process may load several trees (mmucheck batch) */
	static char *dir, *dir_build;
	const char *root = getenv("MMUCHECK_CACHE"), *xdg, *home;
	char *base, *name, *p;

	if (dir && (!tree.build || !strcmp(tree.build, dir_build)))
		return dir;
	if (!tree.build)
		BUG("kbuild_cache_dir() before kbuild_load()");
	free(dir);
	free(dir_build);
	dir_build = xstrdup(tree.build);
	xdg = getenv("XDG_CACHE_HOME");
	home = getenv("HOME");
	if (root && *root)
		base = xstrdup(root);
	else if (xdg && *xdg)
		base = fmt_str("%s/mmucheck", xdg);
	else
		base = fmt_str("%s/.cache/mmucheck",
			       home && *home ? home : "/tmp");
	name = xstrdup(tree.build);
	for (p = name; *p; p++)
		if (*p == '/')
			*p = '%';
	dir = fmt_str("%s/builds/%s", base, name);
	free(base);
	free(name);
	if (!writable_dir(dir))
		dir = temporary_cache(dir);
	return dir;
}

/* "6.1" from the source Makefile's VERSION and PATCHLEVEL, or NULL. */
static char *source_version(const char *src)
{
	char *path = path_join(src, "Makefile"), *text, *v, *pl, *ret = NULL;
	size_t size;

	text = read_file(path, &size);
	free(path);
	if (!text)
		return NULL;
	v = strstr(text, "VERSION = ");
	pl = strstr(text, "PATCHLEVEL = ");
	if (v && pl)
		ret = fmt_str("%d.%d", atoi(v + 10), atoi(pl + 13));
	free(text);
	return ret;
}

/* "6.1" from the build's include/config/kernel.release, or NULL. */
static char *build_version(const char *build)
{
	char *path = path_join(build, "include/config/kernel.release");
	char *text, *ret = NULL;
	size_t size;
	int major, minor;

	text = read_file(path, &size);
	free(path);
	if (text && sscanf(text, "%d.%d", &major, &minor) == 2)
		ret = fmt_str("%d.%d", major, minor);
	free(text);
	return ret;
}

/*
 * The build folder must have been prepared from this source: its
 * "source" link (O= builds) names it, when the link still leads
 * somewhere (a moved tree's does not), and the versions agree.
 */
static int check_pairing(const char *srcdir, const char *builddir)
{
	char *link = path_join(tree.build, "source"), *linked;
	char *sv = source_version(tree.src), *bv = build_version(tree.build);
	int ret = 0;

	linked = strcmp(tree.src, tree.build) ? realpath(link, NULL) : NULL;
	if (linked && strcmp(linked, tree.src) && exists_in(linked, "Makefile"))
		ret = error("%s was prepared from %s, not from --kdir=%s",
			    builddir, linked, srcdir);
	else if (sv && bv && strcmp(sv, bv))
		ret = error("%s is a %s build, but --kdir=%s is a %s source",
			    builddir, bv, srcdir, sv);
	free(link);
	free(linked);
	free(sv);
	free(bv);
	return ret;
}

static int check_tree(const char *srcdir, const char *builddir)
{
	if (!tree.src)
		return error("%s: %s", srcdir, strerror(errno));
	if (!tree.build)
		return error("%s: %s", builddir, strerror(errno));
	if (!exists_in(tree.src, "Makefile"))
		return error("%s is not a kernel source tree (no Makefile)",
			     srcdir);
	if (!exists_in(tree.build, "include/generated/autoconf.h"))
		return error(
			"%s is not a prepared kernel build directory (no include/generated/autoconf.h): run 'make -C %s O=%s prepare'",
			builddir, srcdir, builddir);
	return check_pairing(srcdir, builddir);
}

static int load_tree(void)
{
	char *cache = path_join(kbuild_cache_dir(), CACHE_FILE);
	char *key = cache_key();
	int ret = 0;

	if (load_cache(cache, key)) {
		ret = make_cache(cache, key);
		if (!ret && load_cache(cache, key))
			ret = error(
				"%s: not the flags mmucheck asked Kbuild for",
				cache);
	}
	free(key);
	free(cache);
	return ret;
}

static void release_tree(void)
{
	free(tree.src);
	free(tree.build);
	release_words(&tree.head);
	release_words(&tree.kernel);
	memset(&tree, 0, sizeof(tree));
}

int kbuild_load(const char *srcdir, const char *builddir)
{
	int ret;

	if (tree.head.nr)
		return 0;
	release_tree();
	tree.src = real_path(srcdir);
	tree.build = tree.src ? real_path(builddir) : NULL;
	ret = check_tree(srcdir, builddir);
	if (!ret)
		ret = load_tree();
	if (ret)
		release_tree();
	return ret;
}

/*
 * A file the view in use adds (a revision has it, the disk does not):
 * its path as the view names it, or NULL.
 */
static char *only_in_view(const char *file)
{
	char *path = file[0] == '/' ? xstrdup(file) : path_join(tree.src, file);

	if (view_has(path) && !view_hides(path))
		return path;
	free(path);
	return NULL;
}

/* FILE as a real path in the source tree, or NULL after an error. */
static char *tree_file(const char *file)
{
	char *path = real_path(file), *joined;

	if ((!path || !in_dir(path, tree.src)) && file[0] != '/') {
		free(path);
		joined = path_join(tree.src, file);
		path = real_path(joined);
		free(joined);
	}
	if (!path)
		path = only_in_view(file);
	if (!path)
		error("%s: no such file here or in %s", file, tree.src);
	else if (!in_dir(path, tree.src))
		error("%s is not in the kernel tree %s", file, tree.src);
	else if (!ends_with(path, ".c"))
		error("%s is not a .c file", file);
	else
		return path;
	free(path);
	return NULL;
}

/* Kbuild's name-fix: "-" and "," cannot be in a C identifier. */
static char *name_fix(const char *name, size_t len)
{
	char *s = xstrndup(name, len), *p;

	for (p = s; *p; p++)
		if (*p == '-' || *p == ',')
			*p = '_';
	return s;
}

/* The -I Kbuild adds for out-of-tree builds, for generated headers. */
static void add_dir_includes(struct words *ws, const char *rel)
{
	const char *slash = strrchr(rel, '/');
	char *dir = slash ? xstrndup(rel, (size_t)(slash - rel)) : xstrdup(".");

	add_word(ws, xstrdup("-I"));
	add_word(ws, path_join(tree.src, dir));
	add_word(ws, xstrdup("-I"));
	add_word(ws, path_join(tree.build, dir));
	free(dir);
}

/* As for an object built into vmlinux, alone in its module name. */
static void add_object_defines(struct words *ws, const char *rel)
{
	const char *slash = strrchr(rel, '/');
	const char *base = slash ? slash + 1 : rel;
	char *name = name_fix(base, strlen(base) - 2);

	add_word(ws, fmt_str("-DKBUILD_MODFILE=\"%.*s\"",
			     (int)(strlen(rel) - 2), rel));
	add_word(ws, fmt_str("-DKBUILD_BASENAME=\"%s\"", name));
	add_word(ws, fmt_str("-DKBUILD_MODNAME=\"%s\"", name));
	add_word(ws, fmt_str("-D__KBUILD_MODNAME=kmod_%s", name));
	free(name);
}

int kbuild_args(const char *srcdir, const char *builddir, const char *file,
		struct clang_args *out)
{
	struct words ws = { NULL, 0, 0 };
	const char *rel;
	char *source;

	if (kbuild_load(srcdir, builddir))
		return -1;
	source = tree_file(file);
	if (!source)
		return -1;
	rel = source + strlen(tree.src) + 1;
	copy_words(&ws, &tree.head);
	if (strcmp(tree.src, tree.build))
		add_dir_includes(&ws, rel);
	copy_words(&ws, &tree.kernel);
	add_object_defines(&ws, rel);
	absolute_paths(&ws, tree.build);
	finish_args(&ws, source, out);
	return 0;
}

/* --- compile_commands.json --------------------------------------------- */

struct compdb_entry {
	char *path; /* real path of its file; NULL if it is gone */
	json_t *json; /* borrowed from the root */
};

static struct {
	char *name; /* dir/compile_commands.json */
	char *dir; /* the real path of dir */
	json_t *root;
	struct compdb_entry *entries;
	int nr, alloc;
} db;

static const char *entry_string(json_t *entry, const char *key)
{
	return json_string_value(json_object_get(entry, key));
}

/* The entry's "directory", absolute. */
static char *entry_dir(json_t *entry)
{
	const char *dir = entry_string(entry, "directory");

	if (!dir)
		return xstrdup(db.dir);
	return dir[0] == '/' ? xstrdup(dir) : path_join(db.dir, dir);
}

static char *entry_path(json_t *entry)
{
	const char *file = entry_string(entry, "file");
	char *dir, *joined, *path;

	if (!file)
		return NULL;
	if (file[0] == '/')
		return real_path(file);
	dir = entry_dir(entry);
	joined = path_join(dir, file);
	path = real_path(joined);
	free(joined);
	free(dir);
	return path;
}

static void add_entry(json_t *entry)
{
	struct compdb_entry *e;

	ALLOC_GROW(db.entries, db.nr, db.alloc);
	e = &db.entries[db.nr++];
	e->json = entry;
	e->path = entry_path(entry);
}

static int read_compdb(void)
{
	json_error_t err;
	json_t *entry;
	size_t i;

	db.root = json_load_file(db.name, 0, &err);
	if (!db.root && err.line < 1) /* not a syntax error: it says why */
		return error("%s", err.text);
	if (!db.root)
		return error("%s:%d: %s", db.name, err.line, err.text);
	if (!json_is_array(db.root))
		return error("%s: not a JSON array of compile commands",
			     db.name);
	json_array_foreach(db.root, i, entry)
		if (json_is_object(entry))
			add_entry(entry);
	return 0;
}

static void release_compdb(void)
{
	int i;

	for (i = 0; i < db.nr; i++)
		free(db.entries[i].path);
	free(db.entries);
	if (db.root)
		json_decref(db.root);
	free(db.name);
	free(db.dir);
	memset(&db, 0, sizeof(db));
}

int compdb_load(const char *dir)
{
	if (db.root)
		return 0;
	db.name = path_join(dir, "compile_commands.json");
	db.dir = real_path(dir);
	if (!db.dir) {
		error("%s: %s", dir, strerror(errno));
		release_compdb();
		return -1;
	}
	if (read_compdb()) {
		release_compdb();
		return -1;
	}
	return 0;
}

static const struct compdb_entry *find_entry(const char *path)
{
	int i;

	for (i = 0; i < db.nr; i++)
		if (db.entries[i].path && !strcmp(db.entries[i].path, path))
			return &db.entries[i];
	return NULL;
}

/*
 * One word of a shell command into out, quotes and backslashes undone
 * as sh does (no expansions: compile commands have none).  Returns where
 * the word ends, NULL for an unterminated quote.
 */
static const char *scan_word(const char *p, char *out)
{
	char quote = 0;

	for (; *p; p++) {
		if (quote == '\'') {
			if (*p == '\'')
				quote = 0;
			else
				*out++ = *p;
		} else if (*p == '\\' && p[1] &&
			   (!quote || strchr("\"\\$`", p[1]))) {
			*out++ = *++p;
		} else if (*p == '"' && quote) {
			quote = 0;
		} else if ((*p == '\'' || *p == '"') && !quote) {
			quote = *p;
		} else if (quote || !isspace((unsigned char)*p)) {
			*out++ = *p;
		} else {
			break;
		}
	}
	*out = '\0';
	return quote ? NULL : p;
}

static int split_command(const char *cmd, struct words *ws)
{
	char *word = xmalloc(strlen(cmd) + 1);
	const char *p = cmd;

	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		p = scan_word(p, word);
		if (!p)
			break;
		add_word(ws, xstrdup(word));
	}
	free(word);
	return p ? 0 : -1;
}

static int array_words(json_t *array, struct words *ws)
{
	json_t *arg;
	size_t i;

	json_array_foreach(array, i, arg) {
		if (!json_is_string(arg))
			return -1;
		add_word(ws, xstrdup(json_string_value(arg)));
	}
	return 0;
}

static int entry_words(json_t *entry, struct words *ws)
{
	json_t *args = json_object_get(entry, "arguments");
	const char *cmd = entry_string(entry, "command");

	int ret = -1;

	if (json_is_array(args))
		ret = array_words(args, ws);
	else if (cmd)
		ret = split_command(cmd, ws);
	/* "arguments": [] or "command": "" names no compiler: unusable */
	return ret || !ws->nr ? -1 : 0;
}

/* The compiler, and a wrapper such as ccache in front of it. */
static int compiler_words(const struct words *ws)
{
	static const char *const wrappers[] = { "ccache", "sccache", "distcc" };
	const char *base;
	size_t i;

	if (!ws->nr)
		return 0;
	base = strrchr(ws->w[0], '/');
	base = base ? base + 1 : ws->w[0];
	for (i = 0; i < ARRAY_SIZE(wrappers); i++)
		if (!strcmp(base, wrappers[i]) && ws->nr > 1)
			return 2;
	return 1;
}

static void drop_words(struct words *ws, int n)
{
	int i;

	if (!n)
		return; /* ws->w may be NULL: no memmove from it */
	for (i = 0; i < n; i++)
		free(ws->w[i]);
	memmove(ws->w, ws->w + n, (size_t)(ws->nr - n) * sizeof(*ws->w));
	ws->nr -= n;
}

int compdb_args(const char *dir, const char *file, struct clang_args *out)
{
	struct words ws = { NULL, 0, 0 };
	const struct compdb_entry *e;
	char *source, *edir;

	if (compdb_load(dir))
		return -1;
	source = real_path(file);
	if (!source)
		return error("%s: %s", file, strerror(errno));
	e = find_entry(source);
	if (!e) {
		free(source);
		return error("%s is not in %s", file, db.name);
	}
	if (entry_words(e->json, &ws)) {
		release_words(&ws);
		free(source);
		return error("%s: the entry of %s has no usable command",
			     db.name, file);
	}
	drop_words(&ws, compiler_words(&ws));
	edir = entry_dir(e->json);
	absolute_paths(&ws, edir);
	free(edir);
	finish_args(&ws, source, out);
	return 0;
}

/* --- output ------------------------------------------------------------ */

static int needs_quotes(const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_@%+=:,./-", *p))
			return 1;
	return !*s;
}

static void print_word(FILE *out, const char *s)
{
	if (!needs_quotes(s)) {
		fputs(s, out);
		return;
	}
	putc('\'', out);
	for (; *s; s++)
		if (*s == '\'')
			fputs("'\\''", out);
		else
			putc(*s, out);
	putc('\'', out);
}

void print_clang_args(FILE *out, const struct clang_args *args)
{
	int i;

	for (i = 0; i < args->argc; i++) {
		print_word(out, args->argv[i]);
		putc(' ', out);
	}
	print_word(out, args->source);
	putc('\n', out);
}

void release_inputs(void)
{
	release_words(&pool);
	release_tree();
	release_compdb();
}
