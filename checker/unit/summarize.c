// SPDX-License-Identifier: GPL-2.0
/*
 * The summaries of the functions of a walked translation unit.
 */
#include <stdlib.h>
#include <string.h>

#include "unit/unit.h"

static char *file_name(CXFile file)
{
	CXString s = clang_getFileName(file);
	char *path = xstrdup(clang_getCString(s) ? clang_getCString(s) : "");

	clang_disposeString(s);
	return path;
}

static void copy_trace(struct strace *to, const struct trace *from)
{
	int i;

	for (i = 0; i < from->nr; i++) {
		char *file = file_name(from->steps[i].pos.file);

		strace_add(to, file, from->steps[i].pos.line,
			   from->steps[i].pos.col, from->steps[i].text);
		free(file);
	}
}

static void summarize_op(struct fsum *f, const struct function_info *fi,
			 const struct unguarded_op *op)
{
	struct sop *o = add_sop(f);
	char *root = first_identifier(op->entry);
	const struct param *p = param_named(fi, root);

	o->file = file_name(op->pos.file);
	o->line = op->pos.line;
	o->col = op->pos.col;
	o->primitive = xstrdup(op->primitive);
	o->entry = xstrdup(op->entry);
	o->levels = op->levels;
	o->handed_in = p && p->is_pointer && !entry_written(fi, op->entry);
	copy_trace(&o->trace, &op->trace);
	free(root);
}

/* The entry levels of the parameters a call passes on. */
static unsigned int passes_levels(const struct function_info *fi,
				  const struct call_site *s)
{
	unsigned int levels = 0;
	int i;

	for (i = 0; i < s->args.nr; i++) {
		const struct param *p = param_named(fi, s->args.items[i]);

		if (p && p->pointee)
			levels |= entry_param_levels(p->pointee);
	}
	return levels;
}

static void summarize_site(struct fsum *f, const struct function_info *fi,
			   const struct call_site *cs)
{
	struct ssite *s = add_ssite(f);

	s->file = file_name(cs->pos.file);
	s->line = cs->pos.line;
	s->col = cs->pos.col;
	s->callee = xstrdup(cs->callee);
	s->via = cs->via ? xstrdup(cs->via) : NULL;
	s->open_paths = cs->open_paths;
	s->closed_paths = cs->closed_paths;
	s->in_range_paths = cs->in_range_paths;
	s->passes_levels = passes_levels(fi, cs);
	copy_trace(&s->trace, &cs->trace);
}

static void summarize_put(struct fsum *f, const struct pending_put *pp)
{
	struct sput *s = add_sput(f);

	s->file = file_name(pp->pos.file);
	s->line = pp->pos.line;
	s->col = pp->pos.col;
	s->put = xstrdup(pp->put);
	s->clear = xstrdup(pp->clear);
	s->clear_line = pp->clear_line;
	s->confidence = pp->confidence;
	copy_trace(&s->trace, &pp->trace);
}

static void summarize_function(struct program *p,
			       const struct function_info *fi)
{
	CXFile file;
	unsigned int line;
	char *path;
	struct fsum *f;
	int i;

	clang_getFileLocation(clang_getCursorLocation(fi->cursor), &file, &line,
			      NULL, NULL);
	path = file_name(file);
	f = new_fsum(p, fi->name, path, line,
		     clang_Cursor_getStorageClass(fi->cursor) == CX_SC_Static);
	free(path);
	f->manages = fi->starts.nr > 0;
	f->in_range_param = takes_in_range_param(fi);
	for (i = 0; i < fi->nr_ops; i++)
		summarize_op(f, fi, &fi->ops[i]);
	for (i = 0; i < fi->nr_sites; i++)
		summarize_site(f, fi, &fi->sites[i]);
	for (i = 0; i < fi->nr_puts; i++)
		summarize_put(f, &fi->puts[i]);
}

void summarize_file(struct file_analysis *fa, struct program *p)
{
	int i;

	for (i = 0; i < fa->nr_fns; i++)
		summarize_function(p, fa->fns[i]);
}
