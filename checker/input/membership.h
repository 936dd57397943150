/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MMUCHECK_MEMBERSHIP_H
#define MMUCHECK_MEMBERSHIP_H

/*
 * Does Kbuild build rel (a .c file relative to src) with the configuration
 * of build?  1 when the Makefiles say so or do not say plainly, 0 when a
 * Makefile names it under a CONFIG_ option that is off.
 */
int built_in_config(const char *src, const char *build, const char *rel);

#endif
