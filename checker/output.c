// SPDX-License-Identifier: GPL-2.0
/*
 * The one place that prints findings: text, JSON, or SARIF with the rule
 * catalogue of the registry and, in a git work tree, its revision.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/util.h"
#include "model/model.h"
#include "output.h"
#include "report/sarif.h"
#include "rules/rules.h"

int parse_output_format(const char *name, enum output_format *format)
{
	static const char *const names[] = { "text", "json", "sarif" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i])) {
			*format = (enum output_format)i;
			return 0;
		}
	return -1;
}

/* The first line "git -C dir A B C" prints, or NULL. */
static char *git_line(const char *dir, const char *a, const char *b,
		      const char *c)
{
	const char *const argv[] = { "git", "-C", dir, a, b, c, NULL };
	size_t size;
	char *line = run_output(argv, 0, &size);

	if (line && !size) {
		free(line);
		return NULL;
	}
	if (line)
		line[strcspn(line, "\n")] = '\0';
	return line;
}

/*
 * remote.origin.url as an absolute URI (SARIF 3.14.7): a local path or
 * git's scp-like "host:path" form is not one.
 */
static char *repository_uri(const char *origin, const char *top)
{
	const char *colon = origin ? strchr(origin, ':') : NULL;

	if (origin && strstr(origin, "://"))
		return xstrdup(origin);
	if (origin && origin[0] == '/')
		return fmt_str("file://%s", origin);
	if (colon && colon != origin && !memchr(origin, '/', colon - origin))
		return fmt_str("ssh://%.*s/%s", (int)(colon - origin), origin,
			       colon + 1);
	return fmt_str("file://%s", top);
}

static void print_sarif(FILE *out, const struct findings *found,
			const char *root, const char *command)
{
	struct sarif_rule rules[NR_RULES];
	struct sarif_run run = { rules, NR_RULES, root, NULL, NULL, NULL, NULL };
	char *top = NULL, *origin = NULL, *revision = NULL, *cwd = NULL;
	char *automation, *version, *repository = NULL;
	int i;

	for (i = 0; i < NR_RULES; i++)
		rules[i] = (struct sarif_rule){ rule_table[i].id,
						rule_table[i].summary,
						rule_table[i].help,
						rule_table[i].level };
	if (!root)
		root = cwd = getcwd(NULL, 0);
	run.root = root;
	automation = fmt_str("mmucheck/%s/", command);
	version = fmt_str("1.0.0+%s", model_id());
	run.automation = automation;
	run.tool_version = version;
	if (root) {
		top = git_line(root, "rev-parse", "--show-toplevel", NULL);
		revision = top ? git_line(root, "rev-parse", "HEAD", NULL) :
				 NULL;
		origin = top ? git_line(root, "config", "--get",
					"remote.origin.url") :
			       NULL;
		if (revision)
			repository = repository_uri(origin, top);
	}
	run.repository = repository;
	run.revision = revision;
	print_findings_sarif(out, found, &run);
	free(automation);
	free(version);
	free(top);
	free(origin);
	free(revision);
	free(repository);
	free(cwd);
}

void print_findings(FILE *out, const struct findings *found,
		    enum output_format format, const char *root,
		    const char *command)
{
	switch (format) {
	case OUTPUT_JSON:
		print_findings_json(out, found);
		break;
	case OUTPUT_SARIF:
		print_sarif(out, found, root, command);
		break;
	default:
		print_findings_text(out, found);
	}
}
