#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The kernel API model has one source, checker/model/*.def: the semantic
# patches carry the copy scripts/gen-cocci writes.  --check finds a block
# edited by hand; bad input is one line and exit 2; and a primitive added
# as one line of api.def is reported by both engines.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# copy_repo DIR: the work tree without .git, build products included (the
# checker's rebuild in the copy is then incremental).
copy_repo() {
	local e
	mkdir -p "$1"
	for e in "$top"/* "$top"/.[!.]*; do
		[ -e "$e" ] && [ "${e##*/}" != .git ] && cp -a "$e" "$1/"
	done
	return 0
}

# status_of FILE COMMAND...: run it, stdout and stderr into FILE, print the
# exit status.
status_of() {
	local out=$1
	shift
	"$@" >"$out" 2>&1
	echo $?
}

# (a) the repository is in step with its model.
expect "gen-cocci --check passes on the repository" "$top/scripts/gen-cocci" --check

# (b) a generated block edited by hand: --check names the file, writes
# nothing, exits 1; the generator puts the block back.
hand=$tmp/hand
copy_repo "$hand"
rule=$hand/cocci/pte_outside_range.cocci
sed -i '/^# END mmucheck-model primitives$/i\PRIMITIVES.add("ptep_edited_by_hand")' "$rule"
expect "hand edit: the block was edited" grep -q ptep_edited_by_hand "$rule"
expect "hand edit: --check exits 1" \
	test "$(status_of "$tmp/hand.out" "$hand/scripts/gen-cocci" --check)" = 1
expect "hand edit: --check names the file" \
	grep -q '^cocci/pte_outside_range.cocci: ' "$tmp/hand.out"
expect "hand edit: --check names no other file" \
	test "$(grep -c '^cocci/' "$tmp/hand.out")" = 1
expect "hand edit: --check shows the line in a diff" \
	grep -q '^ *-PRIMITIVES.add("ptep_edited_by_hand")' "$tmp/hand.out"
expect "hand edit: --check writes nothing" grep -q ptep_edited_by_hand "$rule"
expect "hand edit: the generator rewrites the block" "$hand/scripts/gen-cocci"
expect "hand edit: the file is the repository's again" cmp "$rule" "$top/cocci/pte_outside_range.cocci"
expect "hand edit: --check passes again" "$hand/scripts/gen-cocci" --check

# Bad input: a row that does not parse, a marker without its pair.
cp "$hand/checker/model/api.def" "$tmp/api.def"
echo 'API(ptep_broken, PTE_CLEAR, KV(2, 6)' >>"$hand/checker/model/api.def"
st=$(status_of "$tmp/bad.out" "$hand/scripts/gen-cocci" --check)
expect "bad .def: exit 2" test "$st" = 2
expect "bad .def: one line naming api.def" \
	sh -c "test \$(wc -l <'$tmp/bad.out') = 1 && grep -q 'checker/model/api.def:[0-9]*: ' '$tmp/bad.out'"
cp "$tmp/api.def" "$hand/checker/model/api.def"
sed -i '/^# END mmucheck-model primitives$/i\PRIMITIVES.add("ptep_edited_by_hand")' "$rule"
sed -i '0,/END mmucheck-model/{/END mmucheck-model/d}' "$hand/cocci/range_unbalanced.cocci"
st=$(status_of "$tmp/marker.out" "$hand/scripts/gen-cocci")
expect "missing marker: exit 2" test "$st" = 2
expect "missing marker: one line naming the file" \
	sh -c "test \$(wc -l <'$tmp/marker.out') = 1 && grep -q 'cocci/range_unbalanced.cocci:[0-9]*: .*no END' '$tmp/marker.out'"
expect "missing marker: no file written" grep -q ptep_edited_by_hand "$rule"

# (c) a made-up primitive, one line of api.def in a copy: after the
# generator ran, both engines of the copy report it outside a range and
# not inside one; the repository's engines do not know it.
made=$tmp/made
copy_repo "$made"
echo 'API(ptep_mmucheck_test_clear, PTE_CLEAR, KV(2, 6), KV_ANY, 0, 2, A_PTE)' >>"$made/checker/model/api.def"
expect "made-up: the generator runs in the copy" "$made/scripts/gen-cocci"
expect "made-up: the copy is in step" "$made/scripts/gen-cocci" --check
expect "made-up: the copy's rule knows the name" grep -q '^ptep_mmucheck_test_clear@p(M, A, P, \.\.\.)$' "$made/cocci/pte_outside_range.cocci"

mkdir -p "$tmp/case"
cat >"$tmp/case/made-up-no-range.c" <<'CASE'
// SPDX-License-Identifier: GPL-2.0
/* A primitive only the copy's model knows, with no range open. */
#include <linux/mmu_notifier.h>

pte_t ptep_mmucheck_test_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);

void made_up_no_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);

	ptep_mmucheck_test_clear(vma->vm_mm, addr, pte); /* expect: pte-outside-range */
	pte_unmap_unlock(pte, ptl);
}
CASE
cat >"$tmp/case/made-up-in-range.c" <<'CASE'
// SPDX-License-Identifier: GPL-2.0
/* The correct twin: the same primitive inside a range. */
#include <linux/mmu_notifier.h>

pte_t ptep_mmucheck_test_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);

void made_up_in_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	struct mmu_notifier_range range;
	spinlock_t *ptl;
	pte_t *pte;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				addr, addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	ptep_mmucheck_test_clear(vma->vm_mm, addr, pte);
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_range_end(&range);
}
CASE
bug=$tmp/case/made-up-no-range.c
twin=$tmp/case/made-up-in-range.c
line=$(grep -n 'ptep_mmucheck_test_clear(vma' "$bug" | cut -d: -f1)
incs=(-I"$top/testcases/6.1/include" -I"$top/testcases/include")
cc=$(command -v clang-19 || command -v clang)
for f in "$bug" "$twin"; do
	expect "made-up: ${f##*/} compiles" "$cc" -fsyntax-only -Werror -Wall -Wextra \
		-Wno-unused-parameter -Wno-unused-variable -Wno-unused-but-set-variable "${incs[@]}" "$f"
done

# cocci REPO FILE: the pte-outside-range findings of REPO's semantic patch,
# run as tests/t0110-cocci-testcases.sh runs it.
cocci() {
	(cd "$tmp" && spatch -D report --very-quiet --no-show-diff --no-includes \
		--timeout 120 --sp-file "$1/cocci/pte_outside_range.cocci" "$2" 2>&1)
}
# checker REPO FILE: the findings of REPO's checker.
checker() {
	"$1/checker/mmucheck" "${incs[@]}" "$2" 2>&1
}
make -s -C "$top/checker" >/dev/null 2>&1
expect "made-up: the copy's checker builds" make -s -C "$made/checker"

cocci "$made" "$bug" >"$tmp/cocci.bug"
checker "$made" "$bug" >"$tmp/checker.bug"
expect "made-up: the copy's cocci reports it at line $line" \
	grep -q "^$bug:$line:[0-9-]*: \[pte-outside-range\] ptep_mmucheck_test_clear() outside" "$tmp/cocci.bug"
expect "made-up: the copy's checker reports it at line $line" \
	grep -q "^$bug:$line:[0-9]*: warning: .*\[pte-outside-range\]$" "$tmp/checker.bug"
expect "made-up: the copy's cocci is quiet on the twin in a range" \
	test -z "$(cocci "$made" "$twin")"
expect "made-up: the copy's checker is quiet on the twin in a range" \
	test -z "$(checker "$made" "$twin")"
expect "made-up: the repository's cocci does not know the name" \
	test -z "$(cocci "$top" "$bug")"
expect "made-up: the repository's checker does not know the name" \
	test -z "$(checker "$top" "$bug")"
done_testing
