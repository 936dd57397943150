// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE
/*
 * mmucheck scan and mmucheck link (see scan.h).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <xxhash.h>

#include "analyse.h"
#include "lib/diag.h"
#include "lib/view.h"
#include "input/inputs.h"
#include "input/isolate.h"
#include "input/choose.h"
#include "input/membership.h"
#include "output.h"
#include "report/baseline.h"
#include "scan.h"
#include "link/share.h"
#include "link/summary.h"
#include "link/validate.h"

/* Bump when the summaries change meaning: the cache is then redone. */
#define SUMMARY_FORMAT "6"

/* Not for an x86 kernel, or not kernel code. */
static const char *const skipped_dirs[] = {
	"tools/", "scripts/", "samples/", "Documentation/", "usr/",
};

/* This mmucheck itself: a rebuilt checker redoes its summaries. */
const char *tool_id(void)
{
	static char id[17];
	size_t size = 0;
	char *text;

	if (*id)
		return id;
	text = read_file("/proc/self/exe", &size);
	snprintf(id, sizeof(id), "%016llx",
		 (unsigned long long)XXH3_64bits(text ? text : "", size));
	free(text);
	return id;
}

/* What made a summary: link takes summaries of one mmucheck only. */
const char *summary_made_by(void)
{
	static char *id;

	if (!id)
		id = fmt_str("mmucheck summary %s, tool %s, model %s",
			     SUMMARY_FORMAT, tool_id(), model_id());
	return id;
}

static char *summary_key(const char *path, const struct clang_args *args)
{
	XXH3_state_t *h = XXH3_createState();
	char *text, *key = xmalloc(17);
	size_t size = 0;
	int i;

	XXH3_64bits_reset(h);
	XXH3_64bits_update(h, SUMMARY_FORMAT, strlen(SUMMARY_FORMAT));
	XXH3_64bits_update(h, model_id(), strlen(model_id()));
	XXH3_64bits_update(h, tool_id(), strlen(tool_id()));
	for (i = 0; i < args->argc; i++)
		XXH3_64bits_update(h, args->argv[i], strlen(args->argv[i]) + 1);
	text = view_read(path, &size);
	if (text)
		XXH3_64bits_update(h, text, size);
	free(text);
	snprintf(key, 17, "%016llx", (unsigned long long)XXH3_64bits_digest(h));
	XXH3_freeState(h);
	return key;
}

/*
 * The key of the file's summary wherever its tree and build are (the
 * flags' tree paths left out), or NULL when it is not shared.
 */
static char *shared_key(const char *path, const struct clang_args *args)
{
	struct clang_args norm;
	char *key;

	if (share_args(args, &norm))
		return NULL;
	key = summary_key(path, &norm);
	share_args_release(&norm);
	return key;
}

/* The folders above a file to be written. */
static void mkdir_parents(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash && slash != dir) {
		*slash = '\0';
		mkdir_p(dir);
	}
	free(dir);
}

/*
 * The texts a summary was made from besides its own file: each file's
 * hash, remembered for the view it was read in (headers are shared by
 * most files of a scan).
 */
struct text_hash {
	char *path;
	unsigned long long hash;
	struct text_hash *next;
};

#define TEXT_HASH_BUCKETS 4096
static struct text_hash *text_hashes[TEXT_HASH_BUCKETS];
static const struct view *hashed_view;
static char hashed_view_id[17];

static void forget_text_hashes(void)
{
	struct text_hash *t, *next;
	int i;

	for (i = 0; i < TEXT_HASH_BUCKETS; i++) {
		for (t = text_hashes[i]; t; t = next) {
			next = t->next;
			free(t->path);
			free(t);
		}
		text_hashes[i] = NULL;
	}
}

static unsigned long long text_hash(const char *path)
{
	const struct view *v = view_current();
	unsigned long long h = XXH3_64bits(path, strlen(path));
	struct text_hash **bucket = &text_hashes[h % TEXT_HASH_BUCKETS], *t;
	size_t size = 0;
	char *text;

	if (v != hashed_view || (v && strcmp(v->id, hashed_view_id))) {
		forget_text_hashes();
		hashed_view = v;
		snprintf(hashed_view_id, sizeof(hashed_view_id), "%s",
			 v ? v->id : "");
	}
	for (t = *bucket; t; t = t->next)
		if (!strcmp(t->path, path))
			return t->hash;
	text = view_read(path, &size);
	t = xmalloc(sizeof(*t));
	t->path = xstrdup(path);
	/* a file gone hashes apart from every text */
	t->hash = text ? XXH3_64bits(text, size) : ~0ULL;
	t->next = *bucket;
	*bucket = t;
	free(text);
	return t->hash;
}

static void deps_key(const struct strlist *paths, char key[17])
{
	XXH3_state_t *h = XXH3_createState();
	unsigned long long one;
	int i;

	XXH3_64bits_reset(h);
	for (i = 0; i < paths->nr; i++) {
		/* named wherever the tree is: another tree's copy holds too */
		char *name = share_path(paths->items[i]);

		one = text_hash(paths->items[i]);
		XXH3_64bits_update(h, name, strlen(name) + 1);
		XXH3_64bits_update(h, &one, sizeof(one));
		free(name);
	}
	snprintf(key, 17, "%016llx", (unsigned long long)XXH3_64bits_digest(h));
	XXH3_freeState(h);
}

static void add_inclusion(CXFile file, CXSourceLocation *stack,
			  unsigned int depth, CXClientData data)
{
	struct strlist *paths = data;
	CXString name = clang_getFileName(file);
	const char *s = clang_getCString(name);
	char *real = s && s[0] != '/' ? realpath(s, NULL) : NULL;

	(void)stack;
	/* depth 0 is the main file, which the key already covers */
	if (depth && (real || (s && *s)) &&
	    !strlist_has(paths, real ? real : s))
		strlist_add(paths, real ? real : s);
	free(real);
	clang_disposeString(name);
}

static void collect_deps(const struct source *src, struct summary_deps *deps)
{
	clang_getInclusions(src->tu, add_inclusion, &deps->paths);
	deps_key(&deps->paths, deps->key);
}

/* Do the texts a summary was made from read the same now? */
static int deps_hold(const char *summary)
{
	struct summary_deps deps = { { NULL, 0, 0 }, "", NULL };
	char key[17];
	int ret = 0;

	if (!read_summary_deps(summary, &deps)) {
		deps_key(&deps.paths, key);
		ret = !strcmp(key, deps.key);
	}
	strlist_release(&deps.paths);
	return ret;
}

/* Does the view in use change the file or a file it read? */
static int view_touches(const char *file, const struct summary_deps *deps)
{
	int i;

	if (view_has(file))
		return 1;
	for (i = 0; i < deps->paths.nr; i++)
		if (view_has(deps->paths.items[i]))
			return 1;
	return 0;
}

#define VIEW_SLOTS_KEPT 4

struct slot_file {
	char *path;
	struct timespec mtime;
};

static int newer_first(const void *a, const void *b)
{
	const struct timespec *x = &((const struct slot_file *)a)->mtime;
	const struct timespec *y = &((const struct slot_file *)b)->mtime;

	if (x->tv_sec != y->tv_sec)
		return x->tv_sec < y->tv_sec ? 1 : -1;
	return (x->tv_nsec < y->tv_nsec) - (x->tv_nsec > y->tv_nsec);
}

/*
 * A file's summaries for sides of changes ("memory.c@HASH.json") are
 * kept for the last few changes only: the newest VIEW_SLOTS_KEPT.
 */
static void prune_view_slots(const char *written)
{
	const char *at = strrchr(written, '@'), *slash = strrchr(written, '/');
	struct slot_file *slots = NULL;
	int nr = 0, alloc = 0, i;
	char *dir, *prefix;
	struct dirent *e;
	struct stat st;
	DIR *d;

	if (!at || !slash || at < slash)
		return;
	dir = xstrndup(written, (size_t)(slash - written));
	prefix = xstrndup(slash + 1, (size_t)(at - slash));
	d = opendir(dir);
	while (d && (e = readdir(d))) {
		char *path;

		if (strncmp(e->d_name, prefix, strlen(prefix)) ||
		    strstr(e->d_name, ".tmp"))
			continue;
		path = fmt_str("%s/%s", dir, e->d_name);
		if (stat(path, &st)) {
			free(path);
			continue;
		}
		ALLOC_GROW(slots, nr, alloc);
		slots[nr++] = (struct slot_file){ path, st.st_mtim };
	}
	if (d)
		closedir(d);
	if (nr)
		qsort(slots, nr, sizeof(*slots), newer_first);
	for (i = 0; i < nr; i++) {
		if (i >= VIEW_SLOTS_KEPT)
			unlink(slots[i].path);
		free(slots[i].path);
	}
	free(slots);
	free(dir);
	free(prefix);
}

/*
 * out_path is where the summary goes; under a view that touches neither
 * the file nor what it read, the disk's own slot (disk_path) takes it.
 */
int write_file_summary(const struct source *src, const struct clang_args *args,
		       int kernel_version, const char *out_path,
		       const char *disk_path)
{
	struct summary_deps deps = { { NULL, 0, 0 }, "", NULL };
	struct findings found = { 0 };
	struct program prog = { 0 };
	struct model forced = { kernel_version, "--kernel-version" };
	char *key = summary_key(src->path, args);
	struct replacement out;
	int ret = 0;

	check_translation_unit((struct source *)src, &forced, CONF_LOW, &found,
			       &prog);
	collect_deps(src, &deps);
	deps.made_by = summary_made_by();
	if (disk_path && !view_touches(src->path, &deps))
		out_path = disk_path;
	mkdir_parents(out_path);
	/* a full disk leaves no half summary behind */
	if (!replace_begin(&out, out_path) ||
	    write_summaries(out.file, &prog, &found, src->path, key, &deps)) {
		ret = error("%s: cannot write %s: %s", src->path, out_path,
			    strerror(errno));
		replace_abort(&out);
	} else if (replace_commit(&out)) {
		ret = error("%s: cannot write %s: %s", src->path, out_path,
			    strerror(errno));
	} else {
		prune_view_slots(out_path);
	}
	/* written, but the file counts as failed: a walk ran out */
	if (!ret && found.nr_incomplete)
		ret = -1;
	release_program(&prog);
	release_findings(&found);
	strlist_release(&deps.paths);
	free(key);
	return ret;
}

/* The file list and what happened to each. */
struct unit {
	char *rel; /* path relative to the source tree */
	char *summary; /* its summary file */
	char *disk; /* the slot of the file as the disk has it */
	char *key, *shared; /* its summary's keys here and in any tree */
	int state; /* UNIT_* */
	long size; /* bytes: the biggest files start first */
};

enum { UNIT_NEW, UNIT_DONE, UNIT_CACHED, UNIT_FAILED };

struct scan {
	const struct scan_options *o;
	struct unit *units;
	int nr, alloc;
	int considered;
	char *cache_dir;
	double start;
	int index_checked, use_index; /* the tree's id-utils index */
};

static double now(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return tv.tv_sec + tv.tv_usec / 1e6;
}

static int has_unit(const struct scan *sc, const char *rel)
{
	int i;

	for (i = 0; i < sc->nr; i++)
		if (!strcmp(sc->units[i].rel, rel))
			return 1;
	return 0;
}

static int wanted_path(const struct scan *sc, const char *rel, int nr,
		       const char **paths)
{
	size_t i, n = strlen(rel);
	int j;

	if (n < 3 || strcmp(rel + n - 2, ".c"))
		return 0;
	for (i = 0; i < ARRAY_SIZE(skipped_dirs); i++)
		if (!strncmp(rel, skipped_dirs[i], strlen(skipped_dirs[i])))
			return 0;
	if (!strncmp(rel, "arch/", 5) && strncmp(rel, "arch/x86/", 9))
		return 0;
	if (!built_in_config(sc->o->kdir, sc->o->kbuild, rel))
		return 0;
	for (j = 0; j < nr; j++)
		if (!strncmp(rel, paths[j], strlen(paths[j])))
			return 1;
	return nr == 0;
}

static long file_size(const char *root, const char *rel)
{
	char *path = xmalloc(strlen(root) + strlen(rel) + 2);
	struct stat st;
	long size;

	sprintf(path, "%s/%s", root, rel);
	size = stat(path, &st) ? 0 : (long)st.st_size;
	free(path);
	return size;
}

static void add_unit(struct scan *sc, const char *rel)
{
	struct unit *u;
	size_t len;

	ALLOC_GROW(sc->units, sc->nr, sc->alloc);
	u = &sc->units[sc->nr++];
	u->rel = xstrdup(rel);
	len = strlen(sc->cache_dir) + strlen(rel) + 8;
	u->summary = xmalloc(len);
	snprintf(u->summary, len, "%s/%s.json", sc->cache_dir, rel);
	u->disk = xstrdup(u->summary);
	mkdir_parents(u->summary);
	u->key = u->shared = NULL;
	u->state = UNIT_NEW;
	u->size = file_size(sc->o->kdir, rel);
}

/* A file the disk has that this side of a change has not. */
static int hidden(const struct scan *sc, const char *rel)
{
	char *path = fmt_str("%s/%s", sc->o->kdir, rel);
	int ret = view_hides(path);

	free(path);
	return ret;
}

static int in_tree(const struct scan *sc, const char *rel)
{
	char *path = fmt_str("%s/%s", sc->o->kdir, rel);
	int ret = rel[0] != '/' && !access(path, F_OK);

	free(path);
	return ret;
}

/*
 * What lid prints, run in the tree (the index names its files from
 * there), from an argument vector: the tree's path is the user's and may
 * hold any byte.  lid exits 1 when no name matches: an empty answer.
 */
static char *lid_output(const struct scan *sc, const char *const *argv)
{
	size_t size;

	return run_output_in(sc->o->kdir, argv, 1, &size);
}

/*
 * The index is used only if it is this tree's: made here (relative names)
 * and naming files that exist here.  A copied or moved tree keeps the
 * index of the original.
 */
static int index_usable(struct scan *sc)
{
	struct strlist starts = { NULL, 0, 0 };
	char *path, *text = NULL, *line, *save = NULL;
	int seen = 0, good = 1;

	if (sc->index_checked)
		return sc->use_index;
	sc->index_checked = 1;
	path = fmt_str("%s/.id-utils.index", sc->o->kdir);
	if (access(path, R_OK)) {
		free(path);
		return sc->use_index = 0;
	}
	free(path);
	/* a name every tree with ranges uses: the range start */
	api_names(RANGE_START, &starts);
	if (starts.nr) {
		const char *const argv[] = {
			"lid", "-f",	    ".id-utils.index",
			"-R",  "filenames", starts.items[0],
			NULL
		};

		text = lid_output(sc, argv);
	}
	strlist_release(&starts);
	for (line = text ? strtok_r(text, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *in, *tok = strtok_r(line, " ", &in);

		while ((tok = strtok_r(NULL, " ", &in))) {
			seen++;
			good &= in_tree(sc, tok);
		}
	}
	free(text);
	sc->use_index = seen > 0 && good;
	if (!sc->use_index)
		fprintf(stderr,
			"mmucheck scan: note: %s/.id-utils.index does not name this tree's files; searching the files\n",
			sc->o->kdir);
	return sc->use_index;
}

/*
 * Without an index, the tree's files are listed, filtered and searched:
 * seconds on a kernel.  mmucheck diff scans one tree once per side, and
 * what the disk answers does not change between them: it is asked once
 * a process.  A view that changes a Makefile changes which files are
 * built, and so the filter.
 */
struct search {
	char *names; /* the identifiers, joined */
	char *hit; /* per tree file */
};

static struct {
	char *key; /* the tree, the PATHs and the Makefiles' view */
	struct file_list tree;
	char *want; /* per tree file: the paths and config take it */
	struct search *searches;
	int nr, alloc;
} disk;

static char *want_key(const struct scan *sc, int nr, const char **paths)
{
	const struct view *v = view_current();
	char *key = fmt_str("%s\n", sc->o->kdir), *more;
	int i;

	for (i = 0; i < nr; i++) {
		more = fmt_str("%s%s\n", key, paths[i]);
		free(key);
		key = more;
	}
	for (i = 0; v && i < v->nr; i++) {
		const char *base = strrchr(v->files[i].path, '/');

		if (base &&
		    (!strcmp(base, "/Makefile") || !strcmp(base, "/Kbuild"))) {
			more = fmt_str("%s%s", key, v->id);
			free(key);
			return more;
		}
	}
	return key;
}

static void forget_disk(void)
{
	int i;

	for (i = 0; i < disk.nr; i++) {
		free(disk.searches[i].names);
		free(disk.searches[i].hit);
	}
	free(disk.searches);
	free(disk.key);
	free(disk.want);
	release_file_list(&disk.tree);
	memset(&disk, 0, sizeof(disk));
}

static void list_tree(struct scan *sc, int nr, const char **paths)
{
	char *key = want_key(sc, nr, paths);
	int i;

	if (disk.key && !strcmp(disk.key, key)) {
		free(key);
		return;
	}
	forget_disk();
	disk.key = key;
	if (list_c_files(sc->o->kdir, &disk.tree))
		die("scan: cannot read the tree %s", sc->o->kdir);
	disk.want = xcalloc(disk.tree.nr + 1, 1);
	for (i = 0; i < disk.tree.nr; i++)
		disk.want[i] =
			(char)wanted_path(sc, disk.tree.paths[i], nr, paths);
}

static const char *search_tree(const struct scan *sc,
			       const struct strlist *names)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	char *joined = xstrdup(""), *more, *memo;
	struct search *s;
	int i;

	for (i = 0; i < names->nr; i++) {
		more = fmt_str("%s%s\n", joined, names->items[i]);
		free(joined);
		joined = more;
	}
	for (i = 0; i < disk.nr; i++)
		if (!strcmp(disk.searches[i].names, joined)) {
			free(joined);
			return disk.searches[i].hit;
		}
	ALLOC_GROW(disk.searches, disk.nr, disk.alloc);
	s = &disk.searches[disk.nr++];
	s->names = joined;
	s->hit = xcalloc(disk.tree.nr + 1, 1);
	memo = fmt_str("%s/search-%016llx.txt", kbuild_cache_dir(),
		       (unsigned long long)XXH3_64bits(joined, strlen(joined)));
	files_naming_remembered(sc->o->kdir, &disk.tree, disk.want, names,
				cores > 1 ? (int)cores : 1, s->hit, memo);
	free(memo);
	return s->hit;
}

/* Without an index: a word search of the tree's wanted .c files. */
static int add_files_searched(struct scan *sc, const struct strlist *names,
			      int nr, const char **paths)
{
	const char *hit;
	int i, added = 0;

	list_tree(sc, nr, paths);
	hit = search_tree(sc, names);
	for (i = 0; i < disk.tree.nr; i++)
		if (hit[i] && !has_unit(sc, disk.tree.paths[i]) &&
		    !hidden(sc, disk.tree.paths[i])) {
			add_unit(sc, disk.tree.paths[i]);
			added++;
		}
	return added;
}

/*
 * The files that name any of these identifiers, from the tree's id-utils
 * index (scripts/kernel-tree builds it): "lid -l" answers in milliseconds
 * where grepping 30,000 files takes seconds per name.  Without a usable
 * index, a word search of the files.
 */
static int add_files_naming(struct scan *sc, const struct strlist *names,
			    int nr, const char **paths)
{
	const char **argv;
	char *text, *line, *save = NULL;
	int i, added = 0;

	if (!names->nr)
		return 0;
	if (!index_usable(sc))
		return add_files_searched(sc, names, nr, paths);
	/*
	 * Each name looked up literally: a regular expression makes lid
	 * read every token of the index (1.4 s on 6.1, each round).
	 */
	argv = xcalloc((size_t)names->nr + 5, sizeof(*argv));
	argv[0] = "lid";
	argv[1] = "-f";
	argv[2] = ".id-utils.index";
	argv[3] = "-l";
	for (i = 0; i < names->nr; i++)
		argv[4 + i] = names->items[i];
	text = lid_output(sc, argv);
	free(argv);
	if (!text)
		die("scan: cannot run lid in %s", sc->o->kdir);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *in, *tok = strtok_r(line, " ", &in);

		/* "name", then the paths that have it */
		while ((tok = strtok_r(NULL, " ", &in)))
			if (wanted_path(sc, tok, nr, paths) &&
			    !has_unit(sc, tok) && !hidden(sc, tok)) {
				add_unit(sc, tok);
				added++;
			}
	}
	free(text);
	return added;
}

static void model_names(struct strlist *names)
{
	static const enum api_class wanted[] = {
		RANGE_START,   RANGE_START_NONBLOCK, RANGE_END, PTE_CLEAR,
		PTE_DOWNGRADE, PTE_REPLACE,	     PAGE_WALK,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(wanted); i++)
		api_names(wanted[i], names);
}

/* One file in a child: its summary, or a failure (exit 2). */
static int analyse_unit(const struct scan *sc, const struct unit *u)
{
	struct clang_args args;
	struct source src;
	char *path = xmalloc(strlen(sc->o->kdir) + strlen(u->rel) + 2);
	int ret;

	sprintf(path, "%s/%s", sc->o->kdir, u->rel);
	if (kbuild_args(sc->o->kdir, sc->o->kbuild, path, &args)) {
		free(path);
		return EXIT_FATAL;
	}
	ret = parse_source(&src, args.source, args.argv, args.argc);
	if (!ret)
		ret = write_file_summary(&src, &args, sc->o->kernel_version,
					 u->summary, u->disk);
	release_source(&src);
	clang_args_release(&args);
	free(path);
	return ret ? EXIT_FATAL : 0;
}

static int slot_holds(const char *summary, const char *key)
{
	return !read_summaries(NULL, NULL, summary, key) && deps_hold(summary);
}

/*
 * Where one side of a change keeps a summary the disk's slot does not
 * hold: named after the file's key and the view, so that the disk's
 * summary and each side's stay side by side.
 */
static char *view_slot(const struct scan *sc, const char *rel, const char *key)
{
	char both[40];

	snprintf(both, sizeof(both), "%s%s", key, view_current()->id);
	return fmt_str("%s/%s@%016llx.json", sc->cache_dir, rel,
		       (unsigned long long)XXH3_64bits(both, strlen(both)));
}

static int in_view(void)
{
	return view_current() && view_current()->nr;
}

/*
 * This build's summary of the file, one of a side of a change, or
 * another tree's of the same text and flags (link/share.h).  The disk's
 * summaries are recorded for the other trees to take.
 */
static int cached(const struct scan *sc, struct unit *u)
{
	struct clang_args args;
	char *path = xmalloc(strlen(sc->o->kdir) + strlen(u->rel) + 2);
	int ret = 0;

	sprintf(path, "%s/%s", sc->o->kdir, u->rel);
	if (!kbuild_args(sc->o->kdir, sc->o->kbuild, path, &args)) {
		free(u->key);
		free(u->shared);
		u->key = summary_key(path, &args);
		u->shared = in_view() ? NULL : shared_key(path, &args);
		ret = slot_holds(u->summary, u->key);
		if (ret && u->shared && !share_recorded(u->summary, u->key))
			share_record(u->summary, u->key, u->shared);
		if (!ret && in_view()) {
			free(u->summary);
			u->summary = view_slot(sc, u->rel, u->key);
			ret = slot_holds(u->summary, u->key);
		}
		if (!ret && u->shared)
			ret = share_take(u->summary, u->rel, u->key, u->shared,
					 slot_holds);
		clang_args_release(&args);
	}
	free(path);
	return ret;
}

struct round {
	struct scan *sc;
	int *todo; /* the units this round analyses */
	int nr_done;
};

static const char *round_name(int i, void *data)
{
	struct round *r = data;

	return r->sc->units[r->todo[i]].rel;
}

static int round_run(int i, void *data)
{
	struct round *r = data;

	return analyse_unit(r->sc, &r->sc->units[r->todo[i]]);
}

static void round_started(int i, void *data)
{
	struct round *r = data;
	const struct scan *sc = r->sc;
	int total = 0, k;

	if (!sc->o->progress)
		return;
	for (k = 0; r->todo[k] >= 0; k++)
		total++;
	if (isatty(2))
		fprintf(stderr, "\r\033[K[%d/%d] %s", ++r->nr_done, total,
			round_name(i, data));
	else
		fprintf(stderr, "  CHECK   %s\n", round_name(i, data));
}

static void round_done(int i, int ret, void *data)
{
	struct round *r = data;
	struct unit *u = &r->sc->units[r->todo[i]];

	u->state = ret ? UNIT_FAILED : UNIT_DONE;
	if (!ret && u->shared)
		share_record(u->disk, u->key, u->shared);
	/* the child put it in the disk's slot: the view did not touch it */
	if (!ret && strcmp(u->summary, u->disk) && access(u->summary, F_OK)) {
		free(u->summary);
		u->summary = xstrdup(u->disk);
	}
}

static int bigger_first(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;

	return (y->size > x->size) - (y->size < x->size);
}

/*
 * Analyse the new units, jobs at a time, the biggest first: a big file
 * started last would leave the other cores idle at the end of the round.
 */
static void run_round(struct scan *sc)
{
	struct round r = { sc, xcalloc(sc->nr + 1, sizeof(int)), 0 };
	struct child_run run = {
		.jobs = sc->o->jobs,
		.timeout = sc->o->timeout,
		.name = round_name,
		.run = round_run,
		.started = round_started,
		.done = round_done,
		.data = &r,
	};
	int i;

	qsort(sc->units, sc->nr, sizeof(*sc->units), bigger_first);
	for (i = 0; i < sc->nr; i++)
		if (sc->units[i].state == UNIT_NEW && cached(sc, &sc->units[i]))
			sc->units[i].state = UNIT_CACHED;
	for (i = 0; i < sc->nr; i++)
		if (sc->units[i].state == UNIT_NEW)
			r.todo[run.nr++] = i;
	r.todo[run.nr] = -1;
	run_children(&run);
	if (sc->o->progress && isatty(2))
		fprintf(stderr, "\r\033[K");
	free(r.todo);
}

static void load(const struct scan *sc, struct program *prog,
		 struct findings *found)
{
	int i;

	for (i = 0; i < sc->nr; i++) {
		const struct unit *u = &sc->units[i];

		if (u->state == UNIT_DONE || u->state == UNIT_CACHED)
			read_summaries(prog, found, u->summary, NULL);
	}
}

/*
 * Functions nobody in the scanned files calls that need a caller's range,
 * or that manage ranges: their callers decide where a finding goes when
 * a range is missing, so their files join the scan.
 */
static void needy_roots(struct program *prog, struct strlist *names)
{
	struct findings scratch = { 0 };
	int i;

	link_rules(prog, &scratch);
	release_findings(&scratch);
	for (i = 0; i < prog->nr; i++) {
		const struct fsum *f = prog->fns[i];

		if ((f->need_op || f->need_site || f->manages) &&
		    !f->is_static && !f->nr_callers)
			strlist_add(names, f->name);
	}
}

/* A baseline asked for, read before any work so that a bad one costs none. */
static int load_baseline(const struct scan_options *o, struct baseline *known)
{
	return o->baseline ? read_baseline(o->baseline, known) : 0;
}

/*
 * Print the findings; the number that decides exit 1 (the new ones
 * against a baseline), or -1 when the baseline could not be written.
 */
static int report(const struct scan_options *o, struct findings *found,
		  struct baseline *known, const char *command)
{
	int i, absent = 0, counted = found->nr;

	sort_findings(found);
	if (o->write_baseline && write_baseline(o->write_baseline, found))
		return -1;
	if (o->baseline) {
		apply_baseline(found, known);
		for (i = 0, counted = 0; i < found->nr; i++)
			counted += found->items[i].baseline == BASELINE_NEW;
		for (i = 0; i < known->nr; i++)
			absent += !known->items[i].seen;
	}
	print_findings(stdout, found, o->format, o->kdir, command);
	if (o->baseline)
		fprintf(stderr,
			"mmucheck %s: baseline %s: %d new, %d known, %d no longer found\n",
			command, o->baseline, counted, found->nr - counted,
			absent);
	return counted;
}

static void count_units(const struct scan *sc, struct scan_result *res)
{
	int i;

	for (i = 0; i < sc->nr; i++) {
		const struct unit *u = &sc->units[i];

		res->analysed += u->state == UNIT_DONE ||
				 u->state == UNIT_CACHED;
		if (u->state == UNIT_DONE || u->state == UNIT_CACHED)
			strlist_add(&res->analysed_files, u->rel);
		res->from_cache += u->state == UNIT_CACHED;
		if (u->state == UNIT_FAILED)
			strlist_add(&res->failed, u->rel);
	}
	res->considered = sc->nr;
	res->seconds = now() - sc->start;
}

static void closing_line(const struct scan_result *res)
{
	const struct findings *found = &res->found;
	int i, j, per_rule;

	fprintf(stderr,
		"mmucheck scan: %d files considered, %d analysed (%d from cache), %d failed; findings:",
		res->considered, res->analysed, res->from_cache,
		res->failed.nr);
	for (j = 0; j < NR_RULES; j++) {
		for (per_rule = 0, i = 0; i < found->nr; i++)
			per_rule += !strcmp(found->items[i].rule, rule_id(j));
		fprintf(stderr, "%s %s %d", j ? "," : "", rule_id(j), per_rule);
	}
	fprintf(stderr, "; %.1f s\n", res->seconds);
}

void release_scan_result(struct scan_result *res)
{
	release_findings(&res->found);
	strlist_release(&res->failed);
	strlist_release(&res->analysed_files);
	memset(res, 0, sizeof(*res));
}

/*
 * A PATH argument as the prefix of tree-relative names: relative to the
 * tree, or to the current directory, or absolute, but inside the tree.
 */
static char *tree_path(const char *kdir, const char *arg)
{
	char *root = realpath(kdir, NULL), *under = fmt_str("%s/%s", kdir, arg);
	char *full = realpath(arg[0] == '/' ? arg : under, NULL), *rel = NULL;
	struct stat st;
	size_t n = root ? strlen(root) : 0;

	if (!full && arg[0] != '/')
		full = realpath(arg, NULL);
	if (!root || !full) {
		error("scan: %s: no such file or directory in %s", arg, kdir);
	} else if (strncmp(full, root, n) || (full[n] && full[n] != '/')) {
		error("scan: %s: outside the tree %s", arg, kdir);
	} else if (stat(full, &st)) {
		error("scan: %s: %s", arg, strerror(errno));
	} else {
		rel = S_ISDIR(st.st_mode) ?
			      fmt_str("%s%s", full[n] ? full + n + 1 : "",
				      full[n] ? "/" : "") :
			      xstrdup(full + n + 1);
	}
	free(root);
	free(under);
	free(full);
	return rel;
}

static int tree_paths(const char *kdir, int nr, const char **args, char ***rels)
{
	int i, bad = 0;

	*rels = xcalloc(nr + 1, sizeof(**rels));
	for (i = 0; i < nr; i++) {
		(*rels)[i] = tree_path(kdir, args[i]);
		bad |= !(*rels)[i];
	}
	return bad ? -1 : 0;
}

static void release_paths(char **rels, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		free(rels[i]);
	free(rels);
}

int run_scan(const struct scan_options *o, int nr, const char **args)
{
	struct scan_result res = { 0 };
	struct baseline known = { 0 };
	char **rels;
	int counted = -1, ret;

	if (tree_paths(o->kdir, nr, args, &rels) || load_baseline(o, &known)) {
		release_paths(rels, nr);
		return EXIT_FATAL;
	}
	ret = scan_tree(o, nr, (const char **)rels, NULL, &res);
	if (!ret) {
		counted = report(o, &res.found, &known, "scan");
		closing_line(&res);
	}
	release_paths(rels, nr);
	release_baseline(&known);
	ret = ret || res.failed.nr || counted < 0 ? EXIT_FATAL : counted > 0;
	release_scan_result(&res);
	return ret;
}

/* The files a caller names beyond the chosen ones: units too, if built. */
static void add_also(struct scan *sc, const struct strlist *also)
{
	int i;

	for (i = 0; also && i < also->nr; i++) {
		const char *rel = also->items[i];
		char *path = fmt_str("%s/%s", sc->o->kdir, rel);

		if (!has_unit(sc, rel) && !view_hides(path) &&
		    (view_has(path) || !access(path, F_OK)) &&
		    wanted_path(sc, rel, 0, NULL))
			add_unit(sc, rel);
		free(path);
	}
}

int scan_tree(const struct scan_options *o, int nr, const char **paths,
	      const struct strlist *also, struct scan_result *res)
{
	struct scan sc = { .o = o, .start = now() };
	struct program prog = { .whole = 1 };
	struct strlist names = { NULL, 0, 0 };
	char *root;
	int i, added;

	memset(res, 0, sizeof(*res));
	if (kbuild_load(o->kdir, o->kbuild))
		return -1;
	sc.cache_dir = fmt_str("%s/summaries", kbuild_cache_dir());
	model_names(&names);
	added = add_files_naming(&sc, &names, nr, paths);
	add_also(&sc, also);
	if (!added && !sc.nr) {
		error("scan: nothing to check: no file%s%s of %s names the notifier or page-table API",
		      nr ? " under " : "", nr ? paths[0] : "", o->kdir);
		strlist_release(&names);
		free(sc.cache_dir);
		release_inputs();
		return -1;
	}
	while (1) {
		run_round(&sc);
		release_program(&prog);
		prog.whole = 1;
		load(&sc, &prog, NULL);
		strlist_release(&names);
		needy_roots(&prog, &names);
		if (!add_files_naming(&sc, &names, nr, paths))
			break;
	}
	release_program(&prog);
	prog.whole = 1;
	load(&sc, &prog, &res->found);
	link_rules(&prog, &res->found);
	/* findings name real paths: a --kdir of "." must match them */
	root = realpath(o->kdir, NULL);
	relative_findings(&res->found, root ? root : o->kdir, NULL);
	free(root);
	finish_findings(&res->found,
			&(struct finish_options){ .min = o->min_confidence,
						  .root = o->kdir,
						  .keep_rule = rule_enabled });
	sort_findings(&res->found);
	count_units(&sc, res);
	for (i = 0; i < sc.nr; i++) {
		free(sc.units[i].rel);
		free(sc.units[i].summary);
		free(sc.units[i].disk);
		free(sc.units[i].key);
		free(sc.units[i].shared);
	}
	free(sc.units);
	free(sc.cache_dir);
	strlist_release(&names);
	release_program(&prog);
	release_inputs();
	return 0;
}

/* A summary is a few MB at most: anything bigger is not one. */
#define MAX_SUMMARY_SIZE (256L << 20)

static struct strlist *found_files;

static int add_json(const char *path, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	size_t n = strlen(path);

	/* "memory.c@HASH.json": scan's summary of one side of a change */
	if (flag == FTW_F && S_ISREG(st->st_mode) && n > 5 &&
	    !strcmp(path + n - 5, ".json") && !strchr(path + ftw->base, '@'))
		strlist_add(found_files, path);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* An argument of link: a summary, or a folder of them (its *.json). */
static int add_summary_files(const char *arg, struct strlist *files)
{
	struct strlist here = { NULL, 0, 0 };
	struct stat st;
	int i;

	if (stat(arg, &st))
		return error("link: %s: %s", *arg ? arg : "''",
			     strerror(errno));
	if (S_ISREG(st.st_mode)) {
		strlist_add(files, arg);
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		return error("link: %s: not a summary file or a folder of them",
			     arg);
	found_files = &here;
	if (nftw(arg, add_json, 16, FTW_PHYS))
		return error("link: %s: %s", arg, strerror(errno));
	if (!here.nr)
		return error("link: %s: no .json summary in it", arg);
	qsort(here.items, here.nr, sizeof(*here.items), by_name);
	for (i = 0; i < here.nr; i++)
		strlist_add(files, here.items[i]);
	strlist_release(&here);
	return 0;
}

/* A file name as the tree knows it: "mm/rmap.c", without "./" or ROOT/. */
static const char *tree_name(const char *name, const char *root)
{
	size_t len = root ? strlen(root) : 0;

	if (len && !strncmp(name, root, len) && name[len] == '/')
		name += len + 1;
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	return name;
}

/*
 * A summary made elsewhere is read only when it is one: a regular file
 * of a sane size, JSON of the summary schema with its files in the tree
 * (link/validate.h), made by the same mmucheck as the others.
 */
static int check_summary(const char *path, const char *root, char **made,
			 struct strlist *sources)
{
	json_error_t err;
	struct stat st;
	size_t size;
	char *text;
	json_t *doc;
	const char *by;
	int ret;

	if (stat(path, &st) || !S_ISREG(st.st_mode))
		return error("link: %s: not a regular file", path);
	if (st.st_size > MAX_SUMMARY_SIZE)
		return error("link: %s: %lld bytes, too big for a summary",
			     path, (long long)st.st_size);
	text = read_file(path, &size);
	if (!text)
		return error("link: %s: %s", path, strerror(errno));
	doc = json_loadb(text, size, 0, &err);
	free(text);
	if (!doc)
		return error("link: %s: not JSON (line %d: %s)", path, err.line,
			     err.text);
	ret = validate_summary(doc, path, root);
	by = json_string_value(json_object_get(doc, "made_by"));
	if (!ret && *made && strcmp(*made, by))
		ret = error(
			"link: %s was made by another mmucheck than the summaries before it (%s, not %s)",
			path, by, *made);
	if (!ret && !*made)
		*made = xstrdup(by);
	if (!ret)
		strlist_add(sources,
			    tree_name(json_string_value(
					      json_object_get(doc, "file")),
				      root));
	json_decref(doc);
	return ret;
}

/*
 * link --files-from=LIST: each file LIST names (one a line, as find
 * prints them) has a summary among those read; a distributed run that
 * lost some is an error, not a smaller link.
 */
static int check_files_from(const char *list, const char *root,
			    const struct strlist *sources)
{
	FILE *in = strcmp(list, "-") ? fopen(list, "r") : stdin;
	char *line = NULL, *missing = xstrdup("");
	size_t size = 0;
	int named = 0, nr_missing = 0, ret = 0;
	ssize_t len;

	if (!in)
		return error("link: --files-from=%s: %s", list,
			     strerror(errno));
	while ((len = getline(&line, &size, in)) >= 0) {
		const char *name;

		while (len && (line[len - 1] == '\n' || line[len - 1] == ' '))
			line[--len] = '\0';
		if (!len)
			continue;
		named++;
		name = tree_name(line, root);
		if (strlist_has(sources, name))
			continue;
		if (nr_missing++ < 5) {
			char *more = fmt_str("%s%s%s", missing,
					     *missing ? ", " : "", name);

			free(missing);
			missing = more;
		}
	}
	if (in != stdin)
		fclose(in);
	if (!named)
		ret = error("link: --files-from=%s names no file", list);
	else if (nr_missing)
		ret = error(
			"link: %d of the %d files %s names have no summary: %s%s",
			nr_missing, named, list, missing,
			nr_missing > 5 ? ", ..." : "");
	free(line);
	free(missing);
	return ret;
}

static int read_all(const struct scan_options *o, int nr, const char **args,
		    struct program *prog, struct findings *found, int *nr_read)
{
	struct strlist files = { NULL, 0, 0 }, sources = { NULL, 0, 0 };
	char *root = o->kdir ? realpath(o->kdir, NULL) : NULL, *made = NULL;
	int i, ret = 0;

	if (o->kdir && !root)
		ret = error("link: --kdir=%s: %s", o->kdir, strerror(errno));
	if (!nr)
		ret = error(
			"link: no summary given (the --summary files of mmucheck, or folders of them)");
	for (i = 0; !ret && i < nr; i++)
		ret = add_summary_files(args[i], &files);
	for (i = 0; !ret && i < files.nr; i++)
		ret = check_summary(files.items[i], root, &made, &sources);
	if (!ret && o->files_from)
		ret = check_files_from(o->files_from, root, &sources);
	for (i = 0; !ret && i < files.nr; i++)
		if (read_summaries(prog, found, files.items[i], NULL))
			ret = error("link: %s: not a summary of mmucheck",
				    files.items[i]);
	*nr_read = files.nr;
	strlist_release(&files);
	strlist_release(&sources);
	free(root);
	free(made);
	return ret;
}

int run_link(const struct scan_options *o, int nr, const char **paths)
{
	struct program prog = { .whole = 1 };
	struct findings found = { 0 };
	struct baseline known = { 0 };
	int ret, nr_read = 0, nr_functions;

	if (load_baseline(o, &known))
		return EXIT_FATAL;
	if (read_all(o, nr, paths, &prog, &found, &nr_read)) {
		release_program(&prog);
		release_findings(&found);
		release_baseline(&known);
		return EXIT_FATAL;
	}
	link_rules(&prog, &found);
	if (o->kdir)
		relative_findings(&found, o->kdir, NULL);
	finish_findings(&found, &(struct finish_options){
					.min = o->min_confidence,
					.root = o->kdir ? o->kdir : "",
					.keep_rule = rule_enabled });
	nr_functions = prog.nr;
	ret = report(o, &found, &known, "link");
	if (ret >= 0)
		fprintf(stderr,
			"mmucheck link: %d summaries read, %d functions\n",
			nr_read, nr_functions);
	ret = ret < 0 ? EXIT_FATAL : ret > 0;
	release_baseline(&known);
	release_program(&prog);
	release_findings(&found);
	return ret;
}
