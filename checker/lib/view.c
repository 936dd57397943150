// SPDX-License-Identifier: GPL-2.0
/*
 * A view (see view.h).  Lookups compare whole paths: the files of a view
 * are named by the absolute path the tree's flags and readers use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "lib/util.h"
#include "lib/view.h"

static struct view *current;

static struct view_file *find(const struct view *v, const char *path)
{
	int i;

	for (i = 0; v && i < v->nr; i++)
		if (!strcmp(v->files[i].path, path))
			return &v->files[i];
	return NULL;
}

void view_put(struct view *v, const char *path, const char *text, size_t size)
{
	struct view_file *f = find(v, path);

	if (!f) {
		ALLOC_GROW(v->files, v->nr, v->alloc);
		f = &v->files[v->nr++];
		f->path = xstrdup(path);
	} else {
		free(f->text);
	}
	f->size = text ? size : 0;
	f->text = NULL;
	if (text) {
		f->text = xmalloc(size + 1);
		memcpy(f->text, text, size);
		f->text[size] = '\0';
	}
}

static int by_path(const void *a, const void *b)
{
	const struct view_file *x = a, *y = b;

	return strcmp(x->path, y->path);
}

void view_use(struct view *v)
{
	XXH3_state_t *h;
	int i;

	current = v;
	if (!v)
		return;
	if (v->nr)
		qsort(v->files, v->nr, sizeof(*v->files), by_path);
	h = XXH3_createState();
	XXH3_64bits_reset(h);
	for (i = 0; i < v->nr; i++) {
		const struct view_file *f = &v->files[i];

		XXH3_64bits_update(h, f->path, strlen(f->path) + 1);
		XXH3_64bits_update(h, f->text ? "+" : "-", 1);
		if (f->text)
			XXH3_64bits_update(h, f->text, f->size);
	}
	snprintf(v->id, sizeof(v->id), "%016llx",
		 (unsigned long long)XXH3_64bits_digest(h));
	XXH3_freeState(h);
}

const struct view *view_current(void)
{
	return current;
}

void view_release(struct view *v)
{
	int i;

	if (current == v)
		current = NULL;
	for (i = 0; i < v->nr; i++) {
		free(v->files[i].path);
		free(v->files[i].text);
	}
	free(v->files);
	memset(v, 0, sizeof(*v));
}

char *view_read(const char *path, size_t *size)
{
	const struct view_file *f = find(current, path);
	char *text;

	if (!f)
		return read_file(path, size);
	if (!f->text)
		return NULL;
	text = xmalloc(f->size + 1);
	memcpy(text, f->text, f->size + 1);
	*size = f->size;
	return text;
}

int view_has(const char *path)
{
	return find(current, path) != NULL;
}

int view_hides(const char *path)
{
	const struct view_file *f = find(current, path);

	return f && !f->text;
}
