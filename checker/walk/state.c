// SPDX-License-Identifier: GPL-2.0
/*
 * The state of one path: the checks' slots and the facts, both kept
 * sorted so that equal states hash equal.  Strings are interned, so a
 * copy is shallow.
 */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "walk/walk.h"
#include "lib/util.h"

struct state *state_new(void)
{
	return xcalloc(1, sizeof(struct state));
}

struct state *state_copy(const struct state *st)
{
	struct state *copy = state_new();

	copy->trail = st->trail;
	copy->nr_slots = copy->alloc_slots = st->nr_slots;
	if (st->nr_slots) {
		copy->slots = xmalloc(st->nr_slots * sizeof(*st->slots));
		memcpy(copy->slots, st->slots,
		       st->nr_slots * sizeof(*st->slots));
	}
	copy->nr_facts = copy->alloc_facts = st->nr_facts;
	if (st->nr_facts) {
		copy->facts = xmalloc(st->nr_facts * sizeof(*st->facts));
		memcpy(copy->facts, st->facts,
		       st->nr_facts * sizeof(*st->facts));
	}
	return copy;
}

void state_free(struct state *st)
{
	if (!st)
		return;
	free(st->slots);
	free(st->facts);
	free(st);
}

static void hash_str(XXH64_state_t *h, const char *s)
{
	if (s)
		XXH64_update(h, s, strlen(s) + 1);
	else
		XXH64_update(h, "", 1);
}

/* Positions and the trail are left out: they do not change the future. */
uint64_t state_hash(const struct state *st)
{
	XXH64_state_t *h = XXH64_createState();
	uint64_t ret;
	int i;

	XXH64_reset(h, 0);
	for (i = 0; i < st->nr_slots; i++) {
		const struct slot *s = &st->slots[i];

		XXH64_update(h, &s->owner, sizeof(s->owner));
		hash_str(h, s->key);
		XXH64_update(h, &s->value, sizeof(s->value));
		hash_str(h, s->aux);
	}
	XXH64_update(h, "|", 1);
	for (i = 0; i < st->nr_facts; i++) {
		const struct fact *f = &st->facts[i];

		hash_str(h, f->text);
		XXH64_update(h, &f->exact, sizeof(f->exact));
		XXH64_update(h, &f->value, sizeof(f->value));
	}
	ret = XXH64_digest(h);
	XXH64_freeState(h);
	return ret;
}

static int slot_cmp(int owner, const char *key, const struct slot *s)
{
	if (owner != s->owner)
		return owner < s->owner ? -1 : 1;
	return strcmp(key, s->key);
}

/* Index of the slot, or -(insertion point) - 1. */
static int slot_find(const struct state *st, int owner, const char *key)
{
	int lo = 0, hi = st->nr_slots;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		int c = slot_cmp(owner, key, &st->slots[mid]);

		if (!c)
			return mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -lo - 1;
}

const struct slot *slot_get(struct walk *w, const char *key)
{
	int i = slot_find(w->cur, w->owner, key);

	return i >= 0 ? &w->cur->slots[i] : NULL;
}

void slot_set(struct walk *w, const char *key, long value, const char *aux,
	      struct src_pos pos)
{
	struct state *st = w->cur;
	int i = slot_find(st, w->owner, key);
	struct slot *s;

	if (i < 0) {
		i = -i - 1;
		ALLOC_GROW(st->slots, st->nr_slots, st->alloc_slots);
		memmove(&st->slots[i + 1], &st->slots[i],
			(st->nr_slots - i) * sizeof(*s));
		st->nr_slots++;
	}
	s = &st->slots[i];
	s->owner = w->owner;
	s->key = walk_intern(w, key);
	s->value = value;
	s->aux = aux ? walk_intern(w, aux) : NULL;
	s->pos = pos;
	s->trail = st->trail;
}

void slot_drop(struct walk *w, const char *key)
{
	struct state *st = w->cur;
	int i = slot_find(st, w->owner, key);

	if (i < 0)
		return;
	memmove(&st->slots[i], &st->slots[i + 1],
		(st->nr_slots - i - 1) * sizeof(*st->slots));
	st->nr_slots--;
}

const struct slot *slot_of(struct walk *w, int owner, int index)
{
	const struct slot *s = &w->cur->slots[index];

	return s->owner == owner ? s : NULL;
}

int nr_slots(const struct walk *w)
{
	return w->cur->nr_slots;
}
