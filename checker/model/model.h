/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel API as data: which function opens or closes a range, which
 * changes a page-table entry and how, which drops a page reference.  The
 * tables are model/api.def and model/context.def; the kernel version
 * (the "era") selects the lines that apply.
 */
#ifndef MMUCHECK_MODEL_H
#define MMUCHECK_MODEL_H

#include <clang-c/Index.h>

#define KV(major, minor) ((major) * 100 + (minor))
#define KV_ANY KV(99, 99)
/* The era of a file that says nothing of its own: the newest we model. */
#define KV_DEFAULT KV(6, 12)

enum api_class {
	RANGE_INIT,
	RANGE_START,
	RANGE_START_NONBLOCK,
	RANGE_START_TRY, /* opens a range when it returns 0, if asked to */
	RANGE_END,
	TLB_FLUSH,
	NOTIFY_AFTER, /* tells the secondary MMUs of a change already made */
	PTE_CLEAR, /* a present entry goes away */
	PTE_DOWNGRADE, /* a present entry loses permissions */
	PTE_INSTALL, /* a fill, or a replace if the slot was present */
	PTE_REPLACE, /* always the change of a present entry */
	PAGE_PUT,
	PAGE_GET,
	PAGE_GET_RET, /* returns a referenced page */
	PAGE_ALIAS,
	PAGE_DEFERRED,
	GUARD_ABSENT,
	GUARD_PRESENT,
	GUARD_MAPPED,
	GUARD_SAME,
	VALUE_AGING,
	VALUE_DOWNGRADE,
	PAGE_WALK,
};

enum api_flags {
	A_OLD_FORM = 1 << 0, /* (mm, start, end) range calls */
	A_FLUSH_CPU = 1 << 1,
	A_FLUSH_SECONDARY = 1 << 2,
	A_PTE = 1 << 3,
	A_PMD = 1 << 4,
	A_PUD = 1 << 5,
	A_HUGE = 1 << 6, /* hugetlb's pte_t at any level */
	A_ANY_LEVEL = A_PTE | A_PMD | A_PUD | A_HUGE,
};

struct api {
	const char *name;
	enum api_class class;
	int first, last; /* KV() */
	int mm_arg, entry_arg; /* -1: none */
	unsigned int flags;
};

struct model {
	int version; /* KV() of the era */
	const char *version_source; /* what the era was read from */
};

/* The entry for a function name in the model's era, or NULL. */
const struct api *api_lookup(const struct model *model, const char *name);
/* A name of the API in some era: a function so named implements it. */
int is_api_name(const char *name);

/*
 * Does the call invalidate the secondary TLBs?  From 6.6 every CPU TLB
 * flush does (mmu_notifier_arch_invalidate_secondary_tlbs()).
 */
int api_flushes_secondary(const struct model *model, const struct api *api);
/* From 6.6 the CPU TLB flush is also the secondary-TLB invalidation. */
int cpu_flush_is_secondary(const struct model *model);

/* Every name of a class, in any era (to choose files by). */
struct strlist;
void api_names(enum api_class class, struct strlist *names);

/* Any name of api.def, or an mm or struct tag of context.def. */
int is_model_name(const char *identifier);
int is_exempt_mm(const char *identifier);
int is_in_range_param(const char *struct_tag);
/* A pointer to this type handed in is an entry at these levels, or 0. */
unsigned int entry_param_levels(const char *type);
/* The range member tested as "opened" ("start" in range.start). */
const char *range_start_field(void);
/* The member that holds the range's end ("end" in range.end). */
const char *range_end_field(void);
/*
 * The argument that says whether a RANGE_START_TRY call is asked for a
 * range at all (NULL there: it opens none).
 */
int range_request_arg(const struct api *api);
/* Does a conditional start say by its return value whether it opened? */
int starts_on_success(const struct api *api);
/* The entries of a handed-in pointer to this type are the faulting one. */
int is_fault_param(const char *type);
/* Does text contain the kernel's "no need to invalidate" mark? */
int says_no_need(const char *text);
#define NO_NEED_LINES 8

/*
 * Read the era from include/linux/mmu_notifier.h as the translation unit
 * included it (docs/kernel-api.md A.8 fingerprints).  0 when it was not included.
 */
int detect_version(CXTranslationUnit tu, const char **source);
/*
 * Without mmu_notifier.h: the newest version that every call of the main
 * file allows, by the USE rows of model/era.def; 0 when none says.
 */
int version_from_use(CXTranslationUnit tu, CXFile main);
/* "6.1" -> KV(6, 1); 0 on a malformed version */
int parse_version(const char *text);

/* A stable identity of the model, for caches and fingerprints. */
const char *model_id(void);

#endif
