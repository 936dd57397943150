#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mmucheck diff on a developer's git clone (tests/helper/git-tree: the
# prepared 6.1 tree as one commit, prepared in place, no index), with
# changes made here: only what a change adds is new, lines shifted or a
# file renamed do not make a finding new, a callee edited puts the new
# finding at its unchanged caller in another file, a fix is fixed, a
# patch and a series are checked patch by patch, an unparsable change is
# an error naming the file.  The work tree, index, refs and object store
# are as the test left them after every run.  Then where it plugs in:
# SARIF for code scanning (validated), the CI recipe, b4's per-patch
# check protocol, the pre-push hook, --terse and a baseline.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
g=$("$top/tests/helper/git-tree" 6.1) || { not_ok "6.1 git tree"; done_testing; exit; }
cd "$g" || exit 2
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@localhost GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@localhost

# what mmucheck must never write: every file's name, time and size, the
# index, the refs and the object count
snapshot() {
	{
		find . -path ./.git -prune -o -printf '%p %T@ %s\n'
		stat -c '%n %Y %s' .git/index
		git for-each-ref
		git count-objects -v
	} | sort
}

# diff ARGS...: mmucheck diff, stdout in $tmp/out, stderr in $tmp/err,
# exit status in $st; the tree must be as it was
diff_run() {
	snapshot >"$tmp/before"
	"$mmucheck" diff "$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	snapshot >"$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" || { echo "# mmucheck diff $*: the tree changed"; diff "$tmp/before" "$tmp/after" | head -5 | sed 's/^/# /'; unchanged_tree=0; }
	grep '^mmucheck diff:' "$tmp/err" | sed 's/^/# /'
}
unchanged_tree=1

# counts NEW UNCHANGED FIXED FAILED of a --format=json output
counts() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(len(d["new"]), len(d["unchanged"]), len(d["fixed"]), len(d["failed"]))' "$tmp/out"
}
# the new findings of an engine (default checker): "file:line function
# rule", one a line
new_findings() {
	python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["new"]:
    if f["engine"] == sys.argv[2]:
        print("%s:%d %s %s" % (f["file"], f["line"], f["function"], f["rule"]))' "$tmp/out" "${1:-checker}"
}
line_of() { grep -n -F "$2" "$1" | head -1 | cut -d: -f1; }
ldt_line=$(line_of arch/x86/kernel/ldt.c 'pte_clear(mm, va, ptep);')
# drop the range of madvise_free_single_vma(): its start and end lines
drop_range() {
	sed -i '/^static int madvise_free_single_vma/,/^}/{/mmu_notifier_invalidate_range_\(start\|end\)(&range);/d}' mm/madvise.c
}

# 1. A clean tree: nothing new, the LDT alias (testcases/real/6.1) old.
diff_run --format=json
expect "clean tree: exit 0, nothing new, one old (the LDT alias), nothing failed" \
	test "$st $(counts)" = "0 0 1 0 0"

# 2. A range dropped: one new finding, at the walk the range held.
drop_range
walk_line=$(awk '/^static int madvise_free_single_vma/,/^}/ { if (/walk_page_range\(/) { print NR; exit } }' mm/madvise.c)
diff_run --format=json
expect "range dropped: exit 1, one new, one old" test "$st $(counts)" = "1 1 1 0 0"
expect "range dropped: the new one is mm/madvise.c:$walk_line in madvise_free_single_vma()" \
	test "$(new_findings)" = "mm/madvise.c:$walk_line madvise_free_single_vma pte-outside-range"
diff_run
expect "range dropped, text: the 0-day shape, new first" \
	sh -c "[ $st -eq 1 ] && head -1 '$tmp/out' | grep -qx 'New mmucheck warnings:' &&
		grep -q '^Old mmucheck warnings:' '$tmp/out' &&
		sed -n 2p '$tmp/out' | grep -q '^mm/madvise.c:$walk_line:[0-9]*: warning: .* \[pte-outside-range\]$'"
diff_run --terse
expect "--terse: one line, checkpatch's shape" \
	sh -c "[ $st -eq 1 ] && [ \$(wc -l <'$tmp/out') -eq 1 ] &&
		grep -q '^mm/madvise.c:$walk_line: WARNING: walk_page_range() called with no mmu notifier range open in madvise_free_single_vma().* \[pte-outside-range\]$' '$tmp/out'"

# 3. The same with lines above the LDT finding: still one new.
sed -i "$((ldt_line - 3))i /* mmucheck test: three lines */\n/* above the finding */\n/* of this file */" arch/x86/kernel/ldt.c
diff_run --format=json
expect "lines inserted above the LDT finding: still exactly one new" test "$st $(counts)" = "1 1 1 0 0"
expect "and the old one is on its new line $((ldt_line + 3))" python3 -c '
import json, sys
u = json.load(open(sys.argv[1]))["unchanged"]
assert [(f["file"], f["line"]) for f in u] == [("arch/x86/kernel/ldt.c", int(sys.argv[2]))], u' "$tmp/out" "$((ldt_line + 3))"
git checkout -q -- .

# 4. A callee edited: copy_user_huge_page() (mm/memory.c) now clears an
# entry; its callers in mm/hugetlb.c, unchanged, call it with no range.
sed -i '/^void copy_user_huge_page(/,/^}/{/^\tif (unlikely(pages_per_huge_page > MAX_ORDER_NR_PAGES)) {/i \	pte_clear(vma->vm_mm, addr, (pte_t *)NULL);
}' mm/memory.c
diff_run --format=json
expect "callee edited: exit 1, the checker's new findings at its two callers in mm/hugetlb.c, none in mm/memory.c" \
	test "$st $(new_findings | sed 's/:[0-9]* / /' | sort | tr '\n' ' ')" = \
	"1 mm/hugetlb.c hugetlb_mcopy_atomic_pte pte-outside-range mm/hugetlb.c hugetlb_wp pte-outside-range "
# the semantic patches see one file: no caller of it in mm/memory.c opens
# a range, so they report the change itself
clear_line=$(line_of mm/memory.c 'pte_clear(vma->vm_mm, addr, (pte_t *)NULL);')
expect "callee edited: the semantic patches' new finding is the change, mm/memory.c:$clear_line" \
	test "$(new_findings cocci)" = "mm/memory.c:$clear_line copy_user_huge_page pte-outside-range"
git checkout -q -- .

# 5. A fix: the dropped range committed, the work tree puts it back.
drop_range
git commit -q -am "mm: madvise: drop the range (test)"
git checkout -q base -- mm/madvise.c
diff_run --format=json
expect "a fix: exit 0, the finding fixed, nothing new" test "$st $(counts)" = "0 0 1 1 0"
diff_run --format=json base HEAD
expect "BASE HEAD (two revisions): the bug commit adds one" test "$st $(counts)" = "1 1 1 0 0"
git reset -q --hard

# 6. A file renamed, with its Makefile: nothing new, the finding old.
git mv mm/madvise.c mm/madvise_moved.c
sed -i 's/\bmadvise\.o/madvise_moved.o/' mm/Makefile
diff_run --format=json
expect "a rename: exit 0, nothing new, nothing fixed, both old" test "$st $(counts)" = "0 0 2 0 0"
expect "and the renamed file's finding is named by its new path" grep -q '"file": "mm/madvise_moved.c"' "$tmp/out"
git reset -q --hard base
git clean -fdq

# 7. A patch and a two-patch series; b4's protocol on the same commits.
sed -i '/^static int madvise_free_single_vma/i /* MADV_FREE on one vma */' mm/madvise.c
git commit -q -am "mm: madvise: a comment"
drop_range
git commit -q -am "mm: madvise: no range in madvise_free_single_vma"
git format-patch -q -o "$tmp/series" base
cat "$tmp"/series/*.patch >"$tmp/series.mbox"
git reset -q --hard base
objects=$(git count-objects -v | sort)
diff_run --format=json --series="$tmp/series.mbox"
expect "series: exit 1, one new" test "$st $(counts)" = "1 1 1 0 0"
expect "series: the finding is the second patch's, with its hunk" \
	grep -q 'added by patch 2/2 \\"mm: madvise: no range in madvise_free_single_vma\\" (its hunk at line [0-9]* of the patch)' "$tmp/out"
diff_run --patch="$tmp/series/0002-mm-madvise-no-range-in-madvise_free_single_vma.patch"
expect "--patch=FILE: exit 1, one new, attributed to the patch" \
	sh -c "[ $st -eq 1 ] && [ \$(grep -c ': warning: ' '$tmp/out') -eq 2 ] && grep -q 'note: added by the patch' '$tmp/out'"
diff_run --patch=- <"$tmp/series/0001-mm-madvise-a-comment.patch"
expect "--patch=- (stdin): a harmless patch, exit 0" test "$st" -eq 0
expect "patches leave no object in the repository's store" test "$objects" = "$(git count-objects -v | sort)"
git am -q "$tmp/series.mbox"
"$top/tests/helper/b4-check" base "$mmucheck" diff --patch=- --b4 >"$tmp/b4" 2>&1
b4st=$?
sed 's/^/# /' "$tmp/b4"
expect "b4 protocol: the comment passes, the dropped range fails with one ERROR: line" \
	sh -c "[ $b4st -eq 1 ] && grep -qx 'PASS 1 mm: madvise: a comment' '$tmp/b4' &&
		grep -qx 'FAIL 2 mm: madvise: no range in madvise_free_single_vma' '$tmp/b4' && [ \$(grep -c 'ERROR:' '$tmp/b4') -eq 1 ]"

# 8. SARIF for code scanning: new and unchanged, fixed as absent.
diff_run --format=sarif base HEAD
cp "$tmp/out" "$tmp/new.sarif"
expect "SARIF (base HEAD): the validator accepts it" "$top/scripts/sarif-validate" "$tmp/new.sarif"
diff_run --format=sarif HEAD base
cp "$tmp/out" "$tmp/fixed.sarif"
expect "SARIF (HEAD base, the fix): the validator accepts it" "$top/scripts/sarif-validate" "$tmp/fixed.sarif"
expect "SARIF: baselineState new and unchanged, then unchanged and absent" python3 -c '
import json, sys
def states(p):
    r = json.load(open(p))["runs"][0]
    assert r["automationDetails"]["id"] == "mmucheck/diff/"
    assert r["versionControlProvenance"][0]["revisionId"]
    return sorted(x["baselineState"] for x in r["results"])
assert states(sys.argv[1]) == ["new", "unchanged"], states(sys.argv[1])
assert states(sys.argv[2]) == ["absent", "unchanged"], states(sys.argv[2])' "$tmp/new.sarif" "$tmp/fixed.sarif"

# 9. The CI recipe's step, as written there.
step=$(sed -n '/name: mmucheck diff/,/upload-sarif/{s/^ *cd linux && //p}' "$top/scripts/ci/github-code-scanning.yml")
step=${step//..\/mmucheck\/checker\/mmucheck/$mmucheck}
step=${step//..\/mmucheck.sarif/$tmp/ci.sarif}
BASE=base bash -c "$step"
expect "CI recipe: its step runs here (exit 0 with new findings) and its SARIF validates" \
	sh -c "[ $? -eq 0 ] && '$top/scripts/sarif-validate' '$tmp/ci.sarif' && grep -q '\"baselineState\": \"new\"' '$tmp/ci.sarif'"

# 10. The pre-push hook: a push adding the finding is refused.
git init -q --bare "$tmp/remote.git"
git remote add origin "$tmp/remote.git"
git push -q --no-verify origin base:refs/heads/master 2>/dev/null
MMUCHECK=$mmucheck git -c core.hooksPath="$top/scripts/git-hooks" push -q origin HEAD:refs/heads/master >"$tmp/push" 2>&1
pushst=$?
expect "pre-push: the push that drops the range is refused, the remote keeps base" \
	sh -c "[ $pushst -ne 0 ] && grep -q 'the push adds the findings' '$tmp/push' &&
		[ \"\$(git -C '$tmp/remote.git' rev-parse master)\" = \"\$(git rev-parse base)\" ]"
git reset -q --hard HEAD~1
MMUCHECK=$mmucheck git -c core.hooksPath="$top/scripts/git-hooks" push -q origin HEAD:refs/heads/master >"$tmp/push" 2>&1
expect "pre-push: the harmless commit goes through" \
	sh -c "[ $? -eq 0 ] && [ \"\$(git -C '$tmp/remote.git' rev-parse master)\" = \"\$(git rev-parse HEAD)\" ]"
git remote remove origin
git reset -q --hard base

# 11. A baseline: the finding known is old, exit 0.
drop_range
"$mmucheck" scan --kdir=. --write-baseline="$tmp/known" >/dev/null 2>&1
diff_run --format=json --baseline="$tmp/known"
expect "--baseline: the dropped range known, exit 0, shown as old" test "$st $(counts)" = "0 0 2 0 0"
git checkout -q -- .

# 12. An unparsable change: exit 2, the file named, nothing called fixed.
sed -i '/^static int madvise_free_single_vma/i int mmucheck_broken = ;' mm/madvise.c
diff_run --format=json
expect "unparsable change: exit 2, mm/madvise.c named as not analysed" \
	sh -c "[ $st -eq 2 ] && grep -q '^mm/madvise.c: error: not analysed on the work tree.s side' '$tmp/err' &&
		grep -q '\"file\": \"mm/madvise.c\"' '$tmp/out'"
expect "unparsable change: and nothing is called fixed" test "$(counts | cut -d' ' -f3)" = 0
git checkout -q -- .

expect "the work tree, index, refs and objects were as the test left them after every run" test "$unchanged_tree" -eq 1
"$top/tests/helper/git-tree" 6.1 >/dev/null
done_testing
