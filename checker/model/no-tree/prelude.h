/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmucheck --no-tree: what a lone kernel file is parsed against, instead
 * of the tree's headers (README, "--no-tree").  This file is forced in
 * before the file; every header the file includes is empty.
 *
 * __MMUCHECK_KV is the era, __MC_KV(major, minor), as KV() of model/model.h, or 0
 * while the era is read from the file's own calls (the probe): then the
 * names whose form changed across eras take any arguments.
 *
 * The declarations are those of the kernel headers that mm code of 6.1
 * and 6.12 uses (docs/kernel-api.md A for the notifier API per era).
 * Functions are declared through __MC_PROTO((params)): a prototype in the
 * eras the declarations were read from (6.1 on), none before, so that a
 * 4.x call with other arguments still parses; __MC_ANY((params)) marks a
 * name whose parameters differ between 6.1 and 6.12 (the 6.12 ones are
 * shown).  Inline functions are declared without their bodies, and
 * macros with control flow (BUG_ON, WARN_ON, the iterators) keep the
 * kernel's shape; the others are functions.
 */
#ifndef __MMUCHECK_PRELUDE_H
#define __MMUCHECK_PRELUDE_H

#define __MC_KV(major, minor) ((major) * 100 + (minor))

#if __MMUCHECK_KV >= __MC_KV(6, 1)
#define __MC_PROTO(params) params
#else
#define __MC_PROTO(params) ()
#endif
#define __MC_ANY(params) ()

#include "config.h"
#include "compiler.h"
#include "types.h"
#include "kernel.h"
#include "mm_types.h"
#include "consts.h"
#include "decls.h"
#include "mm.h"
#include "macros.h"
#include "mmu_notifier.h"

#endif
