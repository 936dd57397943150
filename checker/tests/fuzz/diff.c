// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the reader of git's diffs and of patches
 * (report/match.c), then the line maps made of what it read.
 */
#include <stddef.h>
#include <stdint.h>

#include "report/match.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct line_map map;
	unsigned int line;
	int hunk, i;

	if (!parse_unified_diff((const char *)data, size, "fuzz", &map))
		for (i = 0; i < map.nr; i++) {
			if (map.files[i].from)
				map_line(&map, map.files[i].from,
					 1 + (unsigned int)i, &line);
			if (map.files[i].to)
				patch_line_of(&map, map.files[i].to, 3, &hunk);
		}
	release_line_map(&map);
	return 0;
}
