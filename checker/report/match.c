// SPDX-License-Identifier: GPL-2.0
/*
 * Findings matched across a change (see match.h), and the reader of the
 * diff that maps their lines.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/util.h"
#include "report/match.h"

/* --- the diff ---------------------------------------------------------- */

struct diff_reader {
	struct line_map *map;
	struct file_map *file; /* the section being read */
	unsigned int old_left, new_left; /* lines the hunk still has */
	unsigned int new_line, patch_line;
};

static int starts(const char *line, const char *prefix)
{
	return !strncmp(line, prefix, strlen(prefix));
}

/* A path of a diff header, its "a/" or "b/" taken off; NULL: /dev/null. */
static char *header_path(const char *s, int strip)
{
	size_t n;
	char *path, *out;

	if (starts(s, "/dev/null"))
		return NULL;
	if (*s == '"') {
		/* git quotes unusual names: \" and \\ are all a kernel has */
		path = out = xstrdup(s + 1);
		for (s++; *s && *s != '"'; s++) {
			if (*s == '\\' && s[1])
				s++;
			*out++ = *s;
		}
		*out = '\0';
	} else {
		n = strcspn(s, "\t");
		path = xstrndup(s, n);
	}
	if (strip && (starts(path, "a/") || starts(path, "b/")))
		memmove(path, path + 2, strlen(path) - 1);
	return path;
}

static struct file_map *new_section(struct diff_reader *r)
{
	struct line_map *m = r->map;

	ALLOC_GROW(m->files, m->nr, m->alloc);
	r->file = &m->files[m->nr++];
	memset(r->file, 0, sizeof(*r->file));
	r->old_left = r->new_left = 0;
	return r->file;
}

/* "diff --git a/X b/Y": X and Y, which later lines may correct. */
static void git_header(struct diff_reader *r, const char *line)
{
	struct file_map *f = new_section(r);
	const char *b = strstr(line, " b/");

	if (!starts(line, "diff --git a/") || !b)
		return;
	f->from = xstrndup(line + 13, (size_t)(b - line - 13));
	f->to = header_path(b + 1, 1);
}

static void set_path(char **slot, char *path)
{
	free(*slot);
	*slot = path;
}

static int read_count(const char **p, unsigned int *start, unsigned int *count)
{
	char *end;
	unsigned long v = strtoul(*p, &end, 10);

	if (end == *p || v > UINT_MAX)
		return -1;
	*start = (unsigned int)v;
	*count = 1;
	if (*end == ',') {
		*p = end + 1;
		v = strtoul(*p, &end, 10);
		if (end == *p || v > UINT_MAX)
			return -1;
		*count = (unsigned int)v;
	}
	*p = end;
	return 0;
}

/* "@@ -a,b +c,d @@": 0, or -1 when it is not one. */
static int hunk_header(struct diff_reader *r, const char *line)
{
	struct hunk h;
	const char *p = line + 4;

	if (!r->file || read_count(&p, &h.old_start, &h.old_count) ||
	    !starts(p, " +"))
		return -1;
	p += 2;
	if (read_count(&p, &h.new_start, &h.new_count) || !starts(p, " @@"))
		return -1;
	h.patch_line = r->patch_line;
	ALLOC_GROW(r->file->hunks, r->file->nr, r->file->alloc);
	r->file->hunks[r->file->nr++] = h;
	r->old_left = h.old_count;
	r->new_left = h.new_count;
	r->new_line = h.new_start;
	return 0;
}

static void hunk_line(struct diff_reader *r, char kind)
{
	struct file_map *f = r->file;

	if (kind == '-' && r->old_left) {
		r->old_left--;
		return;
	}
	if (kind == ' ' && r->old_left && r->new_left) {
		r->old_left--;
		r->new_left--;
		r->new_line++;
		return;
	}
	if (kind == '+' && r->new_left) {
		ALLOC_GROW(f->added, f->nr_added, f->alloc_added);
		f->added[f->nr_added++] =
			(struct added_line){ r->new_line, r->patch_line };
		r->new_left--;
		r->new_line++;
	}
}

static int diff_line(struct diff_reader *r, const char *line, const char *name)
{
	if (r->old_left || r->new_left) {
		if (*line == '-' || *line == '+' || *line == ' ' || !*line) {
			hunk_line(r, *line ? *line : ' ');
			return 0;
		}
		if (*line == '\\') /* "\ No newline at end of file" */
			return 0;
		r->old_left = r->new_left = 0;
	}
	if (starts(line, "diff --git ")) {
		git_header(r, line);
	} else if (starts(line, "--- ") &&
		   (!r->file || r->file->nr || r->file->nr_added)) {
		/* a plain diff: no "diff --git" line before it */
		new_section(r)->from = header_path(line + 4, 1);
	} else if (starts(line, "--- ") && r->file) {
		set_path(&r->file->from, header_path(line + 4, 1));
	} else if (starts(line, "+++ ") && r->file) {
		set_path(&r->file->to, header_path(line + 4, 1));
	} else if (starts(line, "rename from ") && r->file) {
		set_path(&r->file->from, header_path(line + 12, 0));
	} else if (starts(line, "rename to ") && r->file) {
		set_path(&r->file->to, header_path(line + 10, 0));
	} else if (starts(line, "new file mode") && r->file) {
		set_path(&r->file->from, NULL);
	} else if (starts(line, "deleted file mode") && r->file) {
		set_path(&r->file->to, NULL);
	} else if (starts(line, "@@ -") && hunk_header(r, line)) {
		return error("%s:%u: not a hunk header: %.60s", name,
			     r->patch_line, line);
	}
	return 0;
}

int parse_unified_diff(const char *text, size_t size, const char *name,
		       struct line_map *map)
{
	struct diff_reader r = { map, NULL, 0, 0, 0, 0 };
	const char *p = text, *end = text + size;
	int ret = 0;

	memset(map, 0, sizeof(*map));
	while (p < end && !ret) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = xstrndup(p, len);

		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		r.patch_line++;
		ret = diff_line(&r, line, name);
		free(line);
		p += len + 1;
	}
	return ret;
}

void release_line_map(struct line_map *map)
{
	int i;

	for (i = 0; i < map->nr; i++) {
		free(map->files[i].from);
		free(map->files[i].to);
		free(map->files[i].hunks);
		free(map->files[i].added);
	}
	free(map->files);
	memset(map, 0, sizeof(*map));
}

static const struct file_map *section_from(const struct line_map *map,
					   const char *file)
{
	int i;

	for (i = 0; i < map->nr; i++)
		if (map->files[i].from && !strcmp(map->files[i].from, file))
			return &map->files[i];
	return NULL;
}

const char *map_line(const struct line_map *map, const char *file,
		     unsigned int line, unsigned int *mapped)
{
	const struct file_map *f = section_from(map, file);
	long shift = 0;
	int i;

	*mapped = line;
	if (!f)
		return file;
	for (i = 0; i < f->nr; i++) {
		const struct hunk *h = &f->hunks[i];
		/* with no old lines, a hunk adds after old_start */
		unsigned int after = h->old_count ?
					     h->old_start + h->old_count :
					     h->old_start + 1;

		if (h->old_count && line >= h->old_start && line < after) {
			*mapped = h->new_start;
			return f->to;
		}
		if (line >= after)
			shift += (long)h->new_count - (long)h->old_count;
	}
	*mapped = (unsigned int)((long)line + shift);
	return f->to;
}

unsigned int patch_line_of(const struct line_map *map, const char *file,
			   unsigned int line, int *hunk)
{
	unsigned int around = 0;
	int i, j;

	*hunk = 0;
	for (i = 0; i < map->nr; i++) {
		const struct file_map *f = &map->files[i];

		if (!f->to || strcmp(f->to, file))
			continue;
		for (j = 0; j < f->nr_added; j++)
			if (f->added[j].line == line)
				return f->added[j].patch_line;
		for (j = 0; j < f->nr; j++) {
			const struct hunk *h = &f->hunks[j];

			if (line >= h->new_start &&
			    line <= h->new_start + h->new_count)
				around = h->patch_line;
		}
	}
	*hunk = around != 0;
	return around;
}

/* --- the findings ------------------------------------------------------ */

static int same_finding(const struct finding *a, const struct finding *b)
{
	return !strcmp(a->rule, b->rule) &&
	       !strcmp(a->fingerprint, b->fingerprint);
}

/* How far base finding b lands from h: 0 on its line, more elsewhere. */
static unsigned long distance(const struct finding *b, const struct finding *h,
			      const struct line_map *map)
{
	unsigned int line;
	const char *file = map_line(map, b->file, b->line, &line);

	if (!file || strcmp(file, h->file))
		return ULONG_MAX / 2;
	return line > h->line ? line - h->line : h->line - line;
}

void match_findings(const struct findings *base, struct findings *head,
		    const struct line_map *map, int *matched)
{
	int i, j, best;
	unsigned long d, best_d;

	for (i = 0; i < base->nr; i++)
		matched[i] = -1;
	for (j = 0; j < head->nr; j++) {
		struct finding *h = &head->items[j];

		best = -1;
		best_d = ULONG_MAX;
		for (i = 0; i < base->nr; i++) {
			if (matched[i] >= 0 ||
			    !same_finding(&base->items[i], h))
				continue;
			d = distance(&base->items[i], h, map);
			if (d < best_d) {
				best = i;
				best_d = d;
			}
		}
		if (best >= 0)
			matched[best] = j;
		h->baseline = best >= 0 ? BASELINE_UNCHANGED : BASELINE_NEW;
	}
}
