// SPDX-License-Identifier: GPL-2.0
/*
 * The API tables and the era.  The era comes from the tree itself: the
 * mmu_notifier.h a file includes says which API generation it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "model/model.h"
#include "lib/diag.h"
#include "lib/util.h"

static const struct api api_table[] = {
#define API(name, class, first, last, mm, entry, flags) \
	{ #name, class, first, last, mm, entry, flags },
#include "model/api.def"
#undef API
};

/* One list per kind of line of model/context.def. */
#define EXEMPT_MM(ident, why)
#define IN_RANGE_PARAM(tag, why)
#define NO_NEED_COMMENT(text)
#define ENTRY_PARAM(type, levels, why)
#define FAULT_PARAM(type, why)
#define RANGE_START_FIELD(name)
#define RANGE_END_FIELD(name)

#undef EXEMPT_MM
#define EXEMPT_MM(ident, why) #ident,
static const char *const exempt_mms[] = {
#include "model/context.def"
};
#undef EXEMPT_MM
#define EXEMPT_MM(ident, why)

#undef IN_RANGE_PARAM
#define IN_RANGE_PARAM(tag, why) #tag,
static const char *const in_range_params[] = {
#include "model/context.def"
};
#undef IN_RANGE_PARAM
#define IN_RANGE_PARAM(tag, why)

#undef NO_NEED_COMMENT
#define NO_NEED_COMMENT(text) text,
static const char *const no_need_comments[] = {
#include "model/context.def"
};
#undef NO_NEED_COMMENT
#define NO_NEED_COMMENT(text)

#undef ENTRY_PARAM
#define ENTRY_PARAM(type, levels, why) { #type, levels },
static const struct entry_param {
	const char *type;
	unsigned int levels;
} entry_params[] = {
#include "model/context.def"
};
#undef ENTRY_PARAM
#define ENTRY_PARAM(type, levels, why)

#undef FAULT_PARAM
#define FAULT_PARAM(type, why) #type,
static const char *const fault_params[] = {
#include "model/context.def"
};
#undef FAULT_PARAM
#define FAULT_PARAM(type, why)

#undef RANGE_START_FIELD
#define RANGE_START_FIELD(name) #name,
static const char *const range_start_fields[] = {
#include "model/context.def"
};
#undef RANGE_START_FIELD
#define RANGE_START_FIELD(name)

#undef RANGE_END_FIELD
#define RANGE_END_FIELD(name) #name,
static const char *const range_end_fields[] = {
#include "model/context.def"
};
#undef RANGE_END_FIELD
#undef RANGE_START_FIELD
#undef FAULT_PARAM
#undef ENTRY_PARAM
#undef EXEMPT_MM
#undef IN_RANGE_PARAM
#undef NO_NEED_COMMENT

/*
 * The table's entries by name, in table order among equal names: a call
 * is looked up at every event of every walk (3 million strcmp() on
 * mm/memory.c when the table was searched in turn).
 */
static size_t api_by_name[ARRAY_SIZE(api_table)];

static int compare_api_names(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int ret = strcmp(api_table[x].name, api_table[y].name);

	return ret ? ret : (x > y) - (x < y);
}

/* The first entry named name in api_by_name, or ARRAY_SIZE(api_table). */
static size_t first_named(const char *name)
{
	static int sorted;
	size_t lo = 0, hi = ARRAY_SIZE(api_table), i;

	if (!sorted) {
		for (i = 0; i < ARRAY_SIZE(api_table); i++)
			api_by_name[i] = i;
		qsort(api_by_name, ARRAY_SIZE(api_table), sizeof(size_t),
		      compare_api_names);
		sorted = 1;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(api_table[api_by_name[mid]].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ARRAY_SIZE(api_table) &&
	    !strcmp(api_table[api_by_name[lo]].name, name))
		return lo;
	return ARRAY_SIZE(api_table);
}

const struct api *api_lookup(const struct model *model, const char *name)
{
	size_t i;

	for (i = first_named(name); i < ARRAY_SIZE(api_table); i++) {
		const struct api *a = &api_table[api_by_name[i]];

		if (strcmp(a->name, name))
			break;
		if (model->version >= a->first && model->version <= a->last)
			return a;
	}
	return NULL;
}

int is_api_name(const char *name)
{
	return first_named(name) < ARRAY_SIZE(api_table);
}

int api_flushes_secondary(const struct model *model, const struct api *api)
{
	if (api->flags & A_FLUSH_SECONDARY)
		return 1;
	return cpu_flush_is_secondary(model) && (api->flags & A_FLUSH_CPU);
}

static const struct boundary {
	const char *name;
	int version;
} boundaries[] = {
#define ERA(from, text, present, to)
#define BOUNDARY(name, version) { #name, version },
#define USE(name, nargs, first, last)
#include "model/era.def"
#undef BOUNDARY
#undef USE
#undef ERA
};

static int from_boundary(const struct model *model, const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(boundaries); i++)
		if (!strcmp(boundaries[i].name, name))
			return model->version >= boundaries[i].version;
	die("model/era.def has no boundary %s", name);
}

int cpu_flush_is_secondary(const struct model *model)
{
	return from_boundary(model, "cpu_flush_is_secondary");
}

void api_names(enum api_class class, struct strlist *names)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(api_table); i++)
		if (api_table[i].class == class)
			strlist_add(names, api_table[i].name);
}

static int in_list(const char *const *list, size_t nr, const char *s)
{
	size_t i;

	for (i = 0; i < nr; i++)
		if (!strcmp(list[i], s))
			return 1;
	return 0;
}

/*
 * A name the rules act on, in any era: a function of api.def, an mm of
 * context.def without notifiers, or the tag of a struct whose pointer
 * means "inside the caller's range".  A --no-tree function that could not
 * be parsed and names one of these is a gap in the analysis.
 */
int is_model_name(const char *identifier)
{
	return is_api_name(identifier) || is_exempt_mm(identifier) ||
	       is_in_range_param(identifier);
}

int is_exempt_mm(const char *identifier)
{
	return in_list(exempt_mms, ARRAY_SIZE(exempt_mms), identifier);
}

int is_in_range_param(const char *struct_tag)
{
	return in_list(in_range_params, ARRAY_SIZE(in_range_params),
		       struct_tag);
}

unsigned int entry_param_levels(const char *type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(entry_params); i++)
		if (!strcmp(entry_params[i].type, type))
			return entry_params[i].levels;
	return 0;
}

const char *range_start_field(void)
{
	return range_start_fields[0];
}

const char *range_end_field(void)
{
	return range_end_fields[0];
}

/*
 * The (mm, start, end) forms are asked for a range by their start and end
 * pointers (entry), the others by the range itself (mm).
 */
int range_request_arg(const struct api *api)
{
	return api->entry_arg >= 0 ? api->entry_arg : api->mm_arg;
}

int starts_on_success(const struct api *api)
{
	return api->class == RANGE_START_NONBLOCK ||
	       api->class == RANGE_START_TRY;
}

int is_fault_param(const char *type)
{
	return in_list(fault_params, ARRAY_SIZE(fault_params), type);
}

int says_no_need(const char *text)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(no_need_comments); i++)
		if (strstr(text, no_need_comments[i]))
			return 1;
	return 0;
}

int parse_version(const char *text)
{
	int major, minor;
	char end;

	if (sscanf(text, "%d.%d%c", &major, &minor, &end) != 2 || major < 2 ||
	    major > 98 || minor < 0 || minor > 99)
		return 0;
	return KV(major, minor);
}

static void hash_strings(XXH3_state_t *h, const char *const *list, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		XXH3_64bits_update(h, list[i], strlen(list[i]) + 1);
}

/* A hash of every row of the model, so that any edit of a .def shows. */
const char *model_id(void)
{
	static char id[32];
	XXH3_state_t *h;
	size_t i;

	if (*id)
		return id;
	h = XXH3_createState();
	XXH3_64bits_reset(h);
	for (i = 0; i < ARRAY_SIZE(api_table); i++) {
		const struct api *a = &api_table[i];
		int row[6] = { a->class,  a->first,	a->last,
			       a->mm_arg, a->entry_arg, (int)a->flags };

		XXH3_64bits_update(h, a->name, strlen(a->name) + 1);
		XXH3_64bits_update(h, row, sizeof(row));
	}
	hash_strings(h, exempt_mms, ARRAY_SIZE(exempt_mms));
	hash_strings(h, in_range_params, ARRAY_SIZE(in_range_params));
	hash_strings(h, no_need_comments, ARRAY_SIZE(no_need_comments));
	hash_strings(h, fault_params, ARRAY_SIZE(fault_params));
	hash_strings(h, range_start_fields, ARRAY_SIZE(range_start_fields));
	hash_strings(h, range_end_fields, ARRAY_SIZE(range_end_fields));
	for (i = 0; i < ARRAY_SIZE(entry_params); i++) {
		XXH3_64bits_update(h, entry_params[i].type,
				   strlen(entry_params[i].type) + 1);
		XXH3_64bits_update(h, &entry_params[i].levels,
				   sizeof(entry_params[i].levels));
	}
	for (i = 0; i < ARRAY_SIZE(boundaries); i++)
		XXH3_64bits_update(h, &boundaries[i].version,
				   sizeof(boundaries[i].version));
	snprintf(id, sizeof(id), "model-%016llx",
		 (unsigned long long)XXH3_64bits_digest(h));
	XXH3_freeState(h);
	return id;
}
