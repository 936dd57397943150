/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A summary read from a file is checked before anything of it is used:
 * summaries can be made on other machines, and link must not trust them.
 * Every object has the fields of its kind, of their types; integers are
 * in range; file names are relative to the tree or inside it, never
 * climbing out of it with "..".
 */
#ifndef MMUCHECK_VALIDATE_H
#define MMUCHECK_VALIDATE_H

struct json_t;

/*
 * 0, or -1 with one error line: "PATH: WHERE: what is wrong", WHERE the
 * field ("functions[3].sites[0].open").  root: the tree file names must
 * be in (NULL: any absolute name, relative ones without "..").
 */
int validate_summary(const struct json_t *doc, const char *path,
		     const char *root);

/*
 * A version record of mmucheck batch --record (checker/record.h), with
 * the same one error line; its file names are tree-relative.
 */
int validate_record(const struct json_t *doc, const char *path);

#endif
