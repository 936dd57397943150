// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: what mmucheck link does with a file before it trusts
 * it, JSON parsed and checked against the summary schema
 * (link/validate.c), inside a tree and without one.
 */
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "link/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *doc = json_loadb((const char *)data, size, 0, NULL);

	if (doc) {
		validate_summary(doc, "fuzz", "/src");
		validate_summary(doc, "fuzz", NULL);
	}
	json_decref(doc);
	return 0;
}
