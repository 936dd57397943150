// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the era fingerprints (model/era.c), the version a
 * text of include/linux/mmu_notifier.h is read as, and the version
 * strings of --kernel-version (parse_version, model/model.c).
 */
#include "model/era.c"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	int v = version_of_header(text);

	if (v < 0 || (v && v < KV(2, 6)))
		abort(); /* an era row the model does not have */
	parse_version(text);
	free(text);
	return 0;
}
