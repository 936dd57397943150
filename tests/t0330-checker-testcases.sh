#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# checker/: the shared testcases through --verify (plain and under ASan +
# UBSan), the debt it declares, the output formats, confidence, the era
# and the exit status.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" mmucheck mmucheck-asan >/dev/null 2>&1
mmucheck=$top/checker/mmucheck

# run_case BINARY FILE ARGS...: the testcase with its era's headers; a
# testcase of testcases/no-tree has none, and is read --no-tree
run_case() {
	local bin=$1 file=$2 era
	shift 2
	era=$(dirname "$file")
	if [ "$(basename "$era")" = no-tree ]; then
		"$bin" --no-tree "$@" "$file"
	else
		"$bin" -I"$era/include" -I"$top/testcases/include" "$@" "$file"
	fi
}

cd "$top" || exit 2
for f in testcases/*/*.c; do
	expect "verify $f" run_case "$mmucheck" "$f" --verify
	expect "asan: verify $f" run_case "$top/checker/mmucheck-asan" "$f" --verify
	run_case "$mmucheck" "$f" >>"$tmp/findings" 2>&1
done
# The python reader of the tags agrees, and prints the engine's debt.
include_tap < <(tests/verify checker "$tmp/findings" testcases/*/*.c | sed 's/^\(\(not \)\?ok [0-9]* - \)/\1tests\/verify: /')
# Nothing inside one function may be marked as beyond the checker.
expect "checker cannot-see marks: only the one across functions" \
	test "$(grep -l 'checker: cannot-see' testcases/*/*.c)" = testcases/6.12/zero-page-replace-no-range.c

# --verify fails when a tag is not met, and when a mark is not needed.
sed 's/; checker: cannot-see ([^)]*)//' testcases/6.12/zero-page-replace-no-range.c >"$tmp/missed.c"
sed 's|/\* expect: page-freed-before-range-end \*/||' testcases/6.1/unmap-put-before-end.c >"$tmp/untagged.c"
expect "verify: a missed expectation fails" \
	sh -c "! $mmucheck --verify -Itestcases/6.12/include -Itestcases/include $tmp/missed.c"
expect "verify: an untagged finding fails" \
	sh -c "! $mmucheck --verify -Itestcases/6.1/include -Itestcases/include $tmp/untagged.c"

# Mutants: a correct twin without the test that guards its end ends a
# range on a path where it was not started.
for m in "${guarded_ends[@]}"; do
	f=${m%%|*}
	n=$(unguard "$f" "${m#*|}" "$tmp/unguarded.c") || { not_ok "mutant: $f has a guarded end"; continue; }
	expect "mutant: $f without the test of its end at line $n: range-unbalanced there" \
		sh -c "'$mmucheck' -I'$(dirname "$f")/include' -Itestcases/include '$tmp/unguarded.c' |
			grep -q '^$tmp/unguarded.c:$n:[0-9]*: warning: .*\\[range-unbalanced\\]'"
done

# Exit status: 0 without findings, 1 with, 2 on an error.
status() { run_case "$mmucheck" "$@" >/dev/null 2>&1; echo $?; }
expect "exit 0: no findings" test "$(status testcases/6.1/rmap-unmap-one.c)" = 0
expect "exit 1: findings" test "$(status testcases/6.1/unmap-put-before-end.c)" = 1
printf 'int f(void) { return x; }\n' >"$tmp/bad.c"
expect "exit 2: a file that does not parse" test "$(status "$tmp/bad.c")" = 2

# Under make C=1/C=2 (KBUILD_CHECKSRC set), findings are warnings on stderr
# and the build goes on, as with sparse.
expect "under Kbuild: exit 0, the warning on stderr, nothing on stdout" sh -c "
	cd $top && KBUILD_CHECKSRC=2 $mmucheck -Itestcases/6.1/include -Itestcases/include \
		testcases/6.1/unmap-put-before-end.c >$tmp/kb.out 2>$tmp/kb.err &&
	test ! -s $tmp/kb.out && grep -q 'warning: .*\[page-freed-before-range-end\]' $tmp/kb.err"

# JSON: the documented fields, and a fingerprint that survives moving lines.
json() { run_case "$mmucheck" "$@" --format=json; }
json testcases/6.1/unmap-put-before-end.c >"$tmp/a.json"
{ printf '\n\n\n'; cat testcases/6.1/unmap-put-before-end.c; } >"$tmp/moved.c"
"$mmucheck" -Itestcases/6.1/include -Itestcases/include --format=json "$tmp/moved.c" >"$tmp/b.json"
expect "json: findings with rule, file, line, column, function, message, confidence, trace, fingerprint" \
	python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["findings"]
assert len(f) == 1, f
keys = {"rule", "file", "line", "column", "function", "message", "confidence", "trace", "fingerprint"}
assert keys <= set(f[0]), set(f[0])
assert f[0]["rule"] == "page-freed-before-range-end" and f[0]["line"] == 44
assert all({"file", "line", "function", "note"} <= set(s) for s in f[0]["trace"])
assert any("cleared here" in s["note"] for s in f[0]["trace"])
' "$tmp/a.json"
expect "json: the fingerprint survives a line move, the line does not" python3 -c '
import json, sys
a, b = (json.load(open(p))["findings"][0] for p in sys.argv[1:])
assert a["fingerprint"] == b["fingerprint"] and b["line"] == a["line"] + 3
' "$tmp/a.json" "$tmp/b.json"
# Two identical findings in one function stay two: the occurrence is part
# of the fingerprint (two starts, same text, each left open on a path).
cat >"$tmp/twice.c" <<'CASE'
#include <linux/mmu_notifier.h>

void twice(struct mm_struct *mm, int a, int b, int c)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, NULL, mm, 0, 4096);
	if (a) {
		mmu_notifier_invalidate_range_start(&range);
		if (b)
			return;
		mmu_notifier_invalidate_range_end(&range);
	}
	if (b) {
		mmu_notifier_invalidate_range_start(&range);
		if (c)
			return;
		mmu_notifier_invalidate_range_end(&range);
	}
}
CASE
"$mmucheck" -Itestcases/6.1/include -Itestcases/include --format=json "$tmp/twice.c" >"$tmp/twice.json"
expect "json: two identical findings in a function get two fingerprints" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["findings"]
assert [x["line"] for x in f] == [9, 15], f
assert f[0]["fingerprint"] != f[1]["fingerprint"], f
' "$tmp/twice.json"

# Several files with compiler flags, as sparse and clang take them: each
# is analysed; --format=json prints one document for all of them.
two="testcases/6.1/hugetlb-copy-no-range.c testcases/6.1/unmap-put-before-end.c"
# shellcheck disable=SC2086 # two file names
"$mmucheck" -Itestcases/6.1/include -Itestcases/include $two >"$tmp/two.txt"
status=$?
expect "several files: each analysed, exit 1" sh -c "[ $status -eq 1 ] &&
	grep -q '^testcases/6.1/hugetlb-copy-no-range.c:40:4: warning: ' '$tmp/two.txt' &&
	grep -q '^testcases/6.1/unmap-put-before-end.c:44:2: warning: ' '$tmp/two.txt'"
# shellcheck disable=SC2086 # two file names
"$mmucheck" -Itestcases/6.1/include -Itestcases/include --format=json $two >"$tmp/two.json"
expect "several files, --format=json: one document with both files' findings" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["findings"]
assert [x["file"] for x in f] == ["testcases/6.1/hugetlb-copy-no-range.c", "testcases/6.1/unmap-put-before-end.c"], f
' "$tmp/two.json"

# Lone files: no mmu_notifier.h, so the era comes from the file's own API
# use (model/era.def USE rows).  A 6.1-style _only_end() pairs with its
# start (under the newest era it does not exist: a false "not ended");
# without the end, or in the 4.x (mm, start, end) form on an early
# return, the start is reported.
lone=$top/checker/tests/lone
expect "lone 6.1 file: _only_end() ends the range, silent" \
	sh -c "out=\$('$mmucheck' '$lone/range-only-end-6.1.c') && [ -z \"\$out\" ]"
sed '/mmu_notifier_invalidate_range_only_end(&range);/d' "$lone/range-only-end-6.1.c" >"$tmp/lone-bug.c"
expect "lone 6.1 file without the end: range-unbalanced on the start" \
	sh -c "'$mmucheck' '$tmp/lone-bug.c' | grep -q '^$tmp/lone-bug.c:23:2: warning: .*\[range-unbalanced\]'"
expect "lone 4.9 file: the early return leaves the range open" \
	sh -c "'$mmucheck' '$lone/range-old-form-4.9.c' | grep -q 'range-old-form-4.9.c:12:2: warning: .*\[range-unbalanced\]'"

# Text: the warning, then notes for the path.  The finding is on the
# change, where the fix goes; the callers that reach it with no range are
# its notes (docs/kernel-api.md F.2).
run_case "$mmucheck" testcases/6.1/khugepaged-retract-no-range.c >"$tmp/text"
expect "text: warning line in the compiler convention, on the clear in the helper" \
	grep -q '^testcases/6.1/khugepaged-retract-no-range.c:28:8: warning: pmdp_collapse_flush() changes entry .* in collapse_free_pmd_nr(), and no caller opens one \[pte-outside-range\]$' "$tmp/text"
expect "text: a note for each caller that reaches it with no range" sh -c "
	grep -q '^testcases/6.1/khugepaged-retract-no-range.c:50:4: note: retract_page_tables_nr() calls collapse_free_pmd_nr() here with no range open' '$tmp/text' &&
	grep -q '^testcases/6.1/khugepaged-retract-no-range.c:83:2: note: collapse_pte_mapped_thp_nr() calls collapse_free_pmd_nr() here' '$tmp/text'"

# One change reached from five roots: one finding, each root a note, the
# shared call once.
run_case "$mmucheck" testcases/6.12/cow-many-roots.c >"$tmp/roots"
expect "placement: five roots, one finding on the clear" sh -c "
	test \$(grep -c ': warning: ' '$tmp/roots') = 1 &&
	grep -q '^testcases/6.12/cow-many-roots.c:30:2: warning: ptep_clear_flush() ' '$tmp/roots'"
expect "placement: a note per root, the shared call once" python3 -c '
import re, sys
notes = [l for l in open(sys.argv[1]) if ": note: " in l]
roots = [re.search(r"note: (\w+)\(\) calls fault_in_nr", l) for l in notes]
assert sorted(m.group(1) for m in roots if m) == sorted(["access_process_vm_nr", "access_remote_vm_nr", "fixup_user_fault_nr", "get_dump_page_nr", "make_pages_present_nr"]), notes
assert sum("fault_in_nr() calls cow_replace_pte_nr()" in l for l in notes) == 1, notes
' "$tmp/roots"
# Five calls below a kthread's loop: on the clear, the chain from the loop.
run_case "$mmucheck" testcases/6.1/kthread-deep-helper.c >"$tmp/deep"
expect "placement: a clear five calls below the loop is reported on the clear" sh -c "
	test \$(grep -c ': warning: ' '$tmp/deep') = 1 &&
	grep -q '^testcases/6.1/kthread-deep-helper.c:27:8: warning: .* in retract_nr()' '$tmp/deep' &&
	test \$(grep -c 'note: .* calls .* here with no range open' '$tmp/deep') = 5 &&
	grep -q 'note: khugepaged_nr() calls do_scan_nr() here' '$tmp/deep'"
# A change to an entry handed in by a caller nobody sees: low confidence
# alone; linked as a whole program, the default confidence when nothing
# calls it or takes its address.
handed=testcases/6.12/handed-in-no-caller.c
expect "handed in, alone: nothing at the default confidence" test "$(status $handed)" = 0
run_case "$mmucheck" $handed --confidence=low --format=json >"$tmp/handed.json"
expect "handed in, alone: both changes at low confidence" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["findings"]
assert [(x["function"], x["line"], x["confidence"]) for x in f] == [("clear_handed_pte", 25, "low"), ("clear_handed_pte_cb", 31, "low")], f
' "$tmp/handed.json"
run_case "$mmucheck" $handed --summary="$tmp/handed-sum.json"
"$mmucheck" link --confidence=low --format=json "$tmp/handed-sum.json" >"$tmp/handed-linked.json"
expect "handed in, linked: nothing calls it, default confidence; address taken, low" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["findings"]
assert [(x["function"], x["confidence"]) for x in f] == [("clear_handed_pte", "medium"), ("clear_handed_pte_cb", "low")], f
' "$tmp/handed-linked.json"

# Confidence: a put of the caller's page is low confidence, off by default.
cat >"$tmp/caller-ref.c" <<'CASE'
#include <linux/mmu_notifier.h>
void unmap_callers_page(struct vm_area_struct *vma, struct page *page,
			pte_t *ptep, unsigned long addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				addr, addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptep_get_and_clear(vma->vm_mm, addr, ptep);
	put_page(page);
	mmu_notifier_invalidate_range_end(&range);
}
CASE
low() { "$mmucheck" -Itestcases/6.1/include -Itestcases/include "$@" "$tmp/caller-ref.c"; }
expect "confidence: the caller's page is not reported by default" test -z "$(low --confidence=medium)"
expect "confidence: --confidence=low reports it as low" \
	sh -c "$mmucheck -Itestcases/6.1/include -Itestcases/include --confidence=low --format=json $tmp/caller-ref.c | grep -q '\"confidence\": \"low\"'"

# JSON names the era of each finding and what it was read from.
era_of() { "$mmucheck" --format=json "$@" | python3 -c 'import json, sys; print(" | ".join(sorted({"%s from %s" % (f["era"], f["era_from"]) for f in json.load(sys.stdin)["findings"]})))'; }
expect "json era: from the header the file includes" \
	test "$(era_of -Itestcases/6.1/include -Itestcases/include testcases/6.1/unmap-put-before-end.c)" = "6.1 from testcases/6.1/include/linux/mmu_notifier.h"
expect "json era: a lone file's from its own API use" \
	test "$(era_of "$lone/range-old-form-4.9.c")" = "4.20 from the file's own API use"
expect "json era: --kernel-version" \
	test "$(era_of --kernel-version=6.1 "$lone/range-old-form-4.9.c")" = "6.1 from --kernel-version"
printf '#include "x.h"\nvoid f(struct vm_area_struct *v, unsigned long a, pte_t *p)\n{\n\tspinlock_t *l;\n\tp = pte_offset_map_lock(v->vm_mm, 0, a, &l);\n\tptep_clear_flush(v, a, p);\n}\n' >"$tmp/noera.c"
printf '/* no era here */\n' >"$tmp/x.h"
expect "json era: nothing says, the newest era by default" \
	test "$(era_of -Itestcases/include -include testcases/include/kapi.h "$tmp/noera.c")" = "6.12 from the default, the newest era"

# The era: read from mmu_notifier.h, or forced.
expect "era: a 6.12 tree flushes with the TLB flush" \
	sh -c "cd $top && $mmucheck -Itestcases/6.12/include -Itestcases/include testcases/6.12/zap-put-before-flush.c | grep -q 'before the TLB flush'"
expect "era: a 6.1 tree flushes with the range end" \
	sh -c "cd $top && $mmucheck -Itestcases/6.1/include -Itestcases/include testcases/6.1/unmap-put-before-end.c | grep -q 'or the range end'"
expect "era: --kernel-version overrides the header" \
	sh -c "cd $top && $mmucheck --kernel-version=6.12 -Itestcases/6.1/include -Itestcases/include testcases/6.1/unmap-put-before-end.c | grep -q 'before the TLB flush'"
expect "era: a malformed --kernel-version is one line, exit 2" \
	sh -c "$mmucheck --kernel-version=six testcases/6.1/unmap-put-before-end.c 2>&1 >/dev/null | wc -l | grep -qx 1; test \$? -eq 0 && ! $mmucheck --kernel-version=six x.c 2>/dev/null"

# Across files: the per-file pass (--summary) and the link step.  Alone,
# a.c's exported helper has no caller and answers for itself; linked, the
# finding moves to the call in b.c made without a range, and the call made
# inside one stays silent.
mkdir -p "$tmp/x"
cat >"$tmp/x/a.c" <<'CASE'
#include <linux/mmu_notifier.h>
void clear_one_pte(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);

	ptep_get_and_clear(vma->vm_mm, addr, pte);
	pte_unmap_unlock(pte, ptl);
}
CASE
cat >"$tmp/x/b.c" <<'CASE'
#include <linux/mmu_notifier.h>
void clear_one_pte(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr);

void drop_without_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	clear_one_pte(vma, pmd, addr);
}

void drop_with_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				addr, addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	clear_one_pte(vma, pmd, addr);
	mmu_notifier_invalidate_range_end(&range);
}
CASE
for f in a b; do
	"$mmucheck" -Itestcases/6.1/include -Itestcases/include --summary="$tmp/x/sums/$f.json" "$tmp/x/$f.c"
done
"$mmucheck" link "$tmp/x/sums/a.json" "$tmp/x/sums/b.json" >"$tmp/x/linked"
expect "link: one finding, on the call in b.c made with no range" \
	sh -c "test \$(grep -c ': warning: ' $tmp/x/linked) = 1 && grep -q '^$tmp/x/b.c:6:[0-9]*: warning: clear_one_pte() called with no mmu notifier range open in drop_without_range()' $tmp/x/linked"
expect "link: the trace goes into a.c, to the primitive" \
	grep -q "^$tmp/x/a.c:7:[0-9]*: note: ptep_get_and_clear() changes entry 'pte' here in clear_one_pte()" "$tmp/x/linked"
expect "alone, a.c's helper answers for itself" \
	sh -c "$mmucheck -Itestcases/6.1/include -Itestcases/include $tmp/x/a.c | grep -q '^$tmp/x/a.c:7:.*\\[pte-outside-range\\]'"
expect "link: an unreadable summary is one line, exit 2" \
	sh -c "echo junk >$tmp/x/junk.json; ! $mmucheck link $tmp/x/junk.json 2>$tmp/x/err && test \$(wc -l <$tmp/x/err) = 1"

# Suppression comment.
sed 's|put_page(page); /\* expect: page-freed-before-range-end \*/|/* mmucheck: ignore page-freed-before-range-end (test) */\n\tput_page(page);|' \
	testcases/6.1/unmap-put-before-end.c >"$tmp/suppressed.c"
expect "a 'mmucheck: ignore RULE' comment silences the finding" \
	test "$(status "$tmp/suppressed.c" -Itestcases/6.1/include)" = 0
expect "a suppression with a reason: silent on stderr too" sh -c "
	cd $top && $mmucheck -Itestcases/6.1/include -Itestcases/include $tmp/suppressed.c 2>&1 | wc -c | grep -qx 0"
sed 's|put_page(page); /\* expect: page-freed-before-range-end \*/|/* mmucheck: ignore page-freed-before-range-end */\n\tput_page(page);|' \
	testcases/6.1/unmap-put-before-end.c >"$tmp/noreason.c"
expect "a suppression without a reason: still silences, and is itself a warning" sh -c "
	cd $top && out=\$($mmucheck -Itestcases/6.1/include -Itestcases/include $tmp/noreason.c 2>$tmp/noreason.err) &&
	[ -z \"\$out\" ] && [ \$(wc -l <$tmp/noreason.err) -eq 1 ] &&
	grep -q '^$tmp/noreason.c:45:2: warning: .mmucheck: ignore page-freed-before-range-end. without a reason' $tmp/noreason.err"
done_testing
