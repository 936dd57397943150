// SPDX-License-Identifier: GPL-2.0
/*
 * The file choice of scan when the tree has no usable id-utils index: a
 * walk of the tree for .c files, then a word search of each for the
 * model's identifiers, split over a few processes.  On 6.1 this reads
 * the tree's built-in files in about a second (README, Figures).
 */
#define _GNU_SOURCE /* O_DIRECTORY */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xxhash.h>

#include "input/choose.h"
#include "lib/diag.h"

static int by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(const char *root, const char *rel, struct file_list *out)
{
	char *path = rel[0] ? fmt_str("%s/%s", root, rel) : xstrdup(root);
	DIR *dir = opendir(path);
	struct dirent *e;

	free(path);
	if (!dir)
		return;
	while ((e = readdir(dir))) {
		size_t n = strlen(e->d_name);
		char *sub;

		if (e->d_name[0] == '.')
			continue;
		sub = rel[0] ? fmt_str("%s/%s", rel, e->d_name) :
			       xstrdup(e->d_name);
		if (e->d_type == DT_DIR) {
			walk_dir(root, sub, out);
			free(sub);
		} else if (n > 2 && !strcmp(e->d_name + n - 2, ".c") &&
			   (e->d_type == DT_REG || e->d_type == DT_LNK ||
			    e->d_type == DT_UNKNOWN)) {
			ALLOC_GROW(out->paths, out->nr, out->alloc);
			out->paths[out->nr++] = sub;
		} else {
			free(sub);
		}
	}
	closedir(dir);
}

int list_c_files(const char *root, struct file_list *out)
{
	struct stat st;

	if (stat(root, &st) || !S_ISDIR(st.st_mode))
		return -1;
	walk_dir(root, "", out);
	if (out->nr)
		qsort(out->paths, out->nr, sizeof(*out->paths), by_path);
	return 0;
}

void release_file_list(struct file_list *list)
{
	int i;

	for (i = 0; i < list->nr; i++)
		free(list->paths[i]);
	free(list->paths);
	memset(list, 0, sizeof(*list));
}

/* An open-addressing set of identifiers, hashed once per word read. */
struct name_set {
	const char **slots;
	size_t mask;
};

static void set_build(struct name_set *s, const struct strlist *names)
{
	size_t size = 64, i, j;

	while (size < (size_t)names->nr * 4)
		size *= 2;
	s->slots = xcalloc(size, sizeof(*s->slots));
	s->mask = size - 1;
	for (i = 0; i < (size_t)names->nr; i++) {
		const char *n = names->items[i];

		j = XXH3_64bits(n, strlen(n)) & s->mask;
		while (s->slots[j])
			j = (j + 1) & s->mask;
		s->slots[j] = n;
	}
}

static int set_has(const struct name_set *s, const char *word, size_t len)
{
	size_t j = XXH3_64bits(word, len) & s->mask;

	for (; s->slots[j]; j = (j + 1) & s->mask)
		if (!strncmp(s->slots[j], word, len) && !s->slots[j][len])
			return 1;
	return 0;
}

static int is_ident(int c, int first)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (!first && c >= '0' && c <= '9');
}

/*
 * Past a comment starting at p, or p itself if none does.  Strings are
 * read as code: the id-utils index names their words too, and the two
 * ways of choosing must choose the same files.
 */
static const char *skip_comment(const char *p, const char *end)
{
	if (p + 1 < end && p[0] == '/' && p[1] == '*') {
		for (p += 2; p + 1 < end && !(p[0] == '*' && p[1] == '/'); p++)
			;
		return p + 2 < end ? p + 2 : end;
	}
	if (p + 1 < end && p[0] == '/' && p[1] == '/') {
		while (p < end && *p != '\n')
			p++;
		return p;
	}
	return p;
}

/* Does the text, its comments aside, name one of the set? */
static int text_names(const char *p, const char *end, const struct name_set *s)
{
	while (p < end) {
		const char *word, *next = skip_comment(p, end);

		if (next != p) {
			p = next;
			continue;
		}
		if (!is_ident((unsigned char)*p, 1)) {
			/* a number's digits and letters are not a word */
			if (*p >= '0' && *p <= '9')
				while (p < end &&
				       is_ident((unsigned char)*p, 0))
					p++;
			else
				p++;
			continue;
		}
		word = p;
		while (p < end && is_ident((unsigned char)*p, 0))
			p++;
		if (set_has(s, word, (size_t)(p - word)))
			return 1;
	}
	return 0;
}

static int file_names(const char *root, const char *rel,
		      const struct name_set *s)
{
	char *path = fmt_str("%s/%s", root, rel);
	int fd = open(path, O_RDONLY), ret = 0;
	struct stat st;
	void *map;

	free(path);
	if (fd < 0)
		return 0;
	if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size > 0) {
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
			   0);
		if (map != MAP_FAILED) {
			ret = text_names(map, (char *)map + st.st_size, s);
			munmap(map, (size_t)st.st_size);
		}
	}
	close(fd);
	return ret;
}

void files_naming(const char *root, const struct file_list *list,
		  const char *want, const struct strlist *names, int jobs,
		  char *names_any)
{
	char *shared;
	struct name_set set;
	pid_t *kids;
	int k, i;

	if (!list->nr || !names->nr)
		return;
	if (jobs < 1)
		jobs = 1;
	set_build(&set, names);
	/* the children write their answers into one shared map */
	shared = mmap(NULL, (size_t)list->nr, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		die("cannot map %d bytes: %s", list->nr, strerror(errno));
	memset(shared, 0, (size_t)list->nr);
	kids = xcalloc(jobs, sizeof(*kids));
	fflush(stdout);
	fflush(stderr);
	for (k = 0; k < jobs; k++) {
		kids[k] = fork();
		if (kids[k] < 0)
			die("fork: %s", strerror(errno));
		if (kids[k])
			continue;
		for (i = k; i < list->nr; i += jobs)
			if (want[i])
				shared[i] = (char)file_names(
					root, list->paths[i], &set);
		_exit(0);
	}
	for (k = 0; k < jobs; k++) {
		int status;

		while (waitpid(kids[k], &status, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			die("the file choice failed in a child");
	}
	for (i = 0; i < list->nr; i++)
		names_any[i] |= shared[i];
	munmap(shared, (size_t)list->nr);
	free(kids);
	free(set.slots);
}

/* One remembered answer: "SEC NSEC SIZE HIT PATH" a line. */
struct answer {
	long long sec, nsec, size;
	int hit;
	char *path;
};

static int read_memo(const char *memo, struct answer **answers, int *nr)
{
	FILE *f = fopen(memo, "r");
	char *line = NULL;
	size_t cap = 0;
	int alloc = 0, pos;
	struct answer a;

	*answers = NULL;
	*nr = 0;
	if (!f)
		return -1;
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%lld %lld %lld %d %n", &a.sec, &a.nsec,
			   &a.size, &a.hit, &pos) < 4 ||
		    !line[pos])
			continue;
		a.path = xstrdup(line + pos);
		ALLOC_GROW(*answers, *nr, alloc);
		(*answers)[(*nr)++] = a;
	}
	free(line);
	fclose(f);
	return 0;
}

static void write_memo(const char *memo, const struct file_list *list,
		       const struct answer *now, const char *known)
{
	struct replacement r;
	int i, bad = 0;

	/* a memo not written is a memo not used: never a wrong answer */
	if (!replace_begin(&r, memo))
		return;
	for (i = 0; i < list->nr && !bad; i++)
		if (known[i])
			bad = fprintf(r.file, "%lld %lld %lld %d %s\n",
				      now[i].sec, now[i].nsec, now[i].size,
				      now[i].hit, list->paths[i]) < 0;
	if (bad)
		replace_abort(&r);
	else
		replace_commit(&r);
}

void files_naming_remembered(const char *root, const struct file_list *list,
			     const char *want, const struct strlist *names,
			     int jobs, char *names_any, const char *memo)
{
	struct answer *old, *now = xcalloc(list->nr + 1, sizeof(*now));
	char *todo = xcalloc(list->nr + 1, 1), *known;
	char *hit = xcalloc(list->nr + 1, 1);
	int nr_old, i, j = 0, changed = 0;
	struct stat st;

	known = xcalloc(list->nr + 1, 1);
	read_memo(memo, &old, &nr_old);
	for (i = 0; i < list->nr; i++) {
		char *path;

		if (!want[i])
			continue;
		path = xmalloc(strlen(root) + strlen(list->paths[i]) + 2);
		sprintf(path, "%s/%s", root, list->paths[i]);
		if (!stat(path, &st)) {
			now[i] = (struct answer){ st.st_mtim.tv_sec,
						  st.st_mtim.tv_nsec,
						  st.st_size, 0, NULL };
			known[i] = 1;
		}
		free(path);
		/* both lists are sorted by path */
		while (j < nr_old && strcmp(old[j].path, list->paths[i]) < 0)
			j++;
		if (known[i] && j < nr_old &&
		    !strcmp(old[j].path, list->paths[i]) &&
		    old[j].sec == now[i].sec && old[j].nsec == now[i].nsec &&
		    old[j].size == now[i].size) {
			now[i].hit = old[j].hit;
		} else {
			todo[i] = 1;
			changed = 1;
		}
	}
	if (changed)
		files_naming(root, list, todo, names, jobs, hit);
	for (i = 0; i < list->nr; i++) {
		if (todo[i])
			now[i].hit = hit[i];
		if (want[i])
			names_any[i] |= (char)now[i].hit;
	}
	if (changed || nr_old != list->nr)
		write_memo(memo, list, now, known);
	for (i = 0; i < nr_old; i++)
		free(old[i].path);
	free(old);
	free(now);
	free(todo);
	free(known);
	free(hit);
}
