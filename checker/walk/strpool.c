// SPDX-License-Identifier: GPL-2.0
/*
 * Interned strings: equal strings share one copy, so slots and facts can
 * be compared and hashed by their text once and kept cheaply.
 */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "walk/walk.h"
#include "lib/util.h"

struct strpool {
	char **slots; /* open addressing, power of two */
	size_t size, used;
};

struct strpool *strpool_new(void)
{
	struct strpool *pool = xcalloc(1, sizeof(*pool));

	pool->size = 256;
	pool->slots = xcalloc(pool->size, sizeof(*pool->slots));
	return pool;
}

static size_t probe(const struct strpool *pool, const char *s)
{
	size_t mask = pool->size - 1;
	size_t i = XXH3_64bits(s, strlen(s)) & mask;

	while (pool->slots[i] && strcmp(pool->slots[i], s))
		i = (i + 1) & mask;
	return i;
}

static void grow(struct strpool *pool)
{
	char **old = pool->slots;
	size_t i, old_size = pool->size;

	pool->size *= 2;
	pool->slots = xcalloc(pool->size, sizeof(*pool->slots));
	for (i = 0; i < old_size; i++)
		if (old[i])
			pool->slots[probe(pool, old[i])] = old[i];
	free(old);
}

const char *strpool_intern(struct strpool *pool, const char *s)
{
	size_t i;

	if (2 * (pool->used + 1) > pool->size)
		grow(pool);
	i = probe(pool, s);
	if (!pool->slots[i]) {
		pool->slots[i] = xstrdup(s);
		pool->used++;
	}
	return pool->slots[i];
}

void strpool_free(struct strpool *pool)
{
	size_t i;

	if (!pool)
		return;
	for (i = 0; i < pool->size; i++)
		free(pool->slots[i]);
	free(pool->slots);
	free(pool);
}
