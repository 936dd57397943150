#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# checker/: mmucheck --no-tree, a lone file parsed against the bundled
# declarations of checker/model/no-tree/ (the testcases of
# testcases/no-tree run in t0330): the prelude of every era parses, the
# era follows the file's own calls, the file's headers are empty even when
# the disk has them, stdin, the functions that could not be analysed, the
# error cases; the cases that reach most code also under ASan + UBSan.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" mmucheck mmucheck-asan >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
asan=$top/checker/mmucheck-asan
cd "$top" || exit 2

# run NAME COMMAND...: stdout, stderr and the exit status in $tmp/NAME.*
run() {
	local name=$1
	shift
	"$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	echo $? >"$tmp/$name.rc"
}
rc() { cat "$tmp/$1.rc"; }

# The prelude of every era, read by clang with no error: a file with one
# function gets no note at all.
printf 'int one(int x)\n{\n\treturn x + 1;\n}\n' >"$tmp/one.c"
for v in 3.19 4.9 4.12 4.14 4.15 4.19 4.20 5.0 5.1 5.2 5.9 5.14 6.1 6.2 6.3 \
	6.5 6.6 6.9 6.10 6.12; do
	run "era-$v" "$mmucheck" --no-tree --kernel-version="$v" "$tmp/one.c"
	expect "the prelude of $v parses: exit 0, nothing printed" \
		sh -c "[ $(rc "era-$v") = 0 ] && [ ! -s $tmp/era-$v.out ] && [ ! -s $tmp/era-$v.err ]"
done

# The era (and so the prelude) a lone file gets from its own calls: the
# USE rows of checker/model/era.def, the newest version they all allow.
era_of() {
	"$mmucheck" --no-tree --print-clang-args "$@" | grep -o '__MMUCHECK_KV=[0-9]*' | cut -d= -f2
}
lone() { printf '#include <linux/mmu_notifier.h>\nvoid f(struct mm_struct *mm, struct mmu_notifier_range *r, struct vm_area_struct *vma, pte_t *p)\n{\n%s\n}\n' "$1" >"$tmp/$2.c"; }
lone 'mmu_notifier_invalidate_range_start(mm, 0, 4096); mmu_notifier_invalidate_page(mm, 0); mmu_notifier_invalidate_range_end(mm, 0, 4096);' e412
lone 'mmu_notifier_invalidate_range_start(mm, 0, 4096); mmu_notifier_invalidate_range_end(mm, 0, 4096);' e420
lone 'mmu_notifier_range_init(r, mm, 0, 4096); mmu_notifier_invalidate_range_start(r);' e501
lone 'mmu_notifier_range_init(r, MMU_NOTIFY_CLEAR, 0, vma, mm, 0, 4096); ptep_clear_flush_notify(vma, 0, p);' e602
lone 'mmu_notifier_range_init(r, MMU_NOTIFY_CLEAR, 0, mm, 0, 4096); mmu_notifier_invalidate_range_only_end(r);' e605
lone 'mmu_notifier_range_init(r, MMU_NOTIFY_CLEAR, 0, mm, 0, 4096); set_ptes(mm, 0, p, *p, 1);' e612
lone 'mmu_notifier_range_init_owner(r, MMU_NOTIFY_EXCLUSIVE, 0, vma, mm, 0, 4096, NULL);' e602o
lone 'ptep_get_and_clear(mm, 0, p);' edefault
for e in 412 420 501 602 605 612 602o; do
	expect "a file whose calls say ${e%o}: the era and prelude of ${e%o}" test "$(era_of "$tmp/e$e.c")" = "${e%o}"
done
expect "a file with no era's call: the default, 6.12" test "$(era_of "$tmp/edefault.c")" = 612
expect "--kernel-version chooses the prelude" test "$(era_of --kernel-version=4.14 "$tmp/e412.c")" = 414
run e412-mismatch "$mmucheck" --no-tree --kernel-version=6.12 "$tmp/e412.c"
expect "the calls of another era than --kernel-version's do not parse: exit 2" \
	sh -c "[ $(rc e412-mismatch) = 2 ] && grep -q \"^$tmp/e412.c:4:.*: error: none of its 1 functions could be analysed: too many arguments to function call\" $tmp/e412-mismatch.err"

# Every header the file includes is an empty file in memory, also where
# the disk has one: a lone file inside a tree still sees only the prelude.
mkdir -p "$tmp/tree/mm" "$tmp/tree/include/linux"
echo '#error the tree was read' >"$tmp/tree/mm/internal.h"
echo '#error the tree was read' >"$tmp/tree/include/linux/mm.h"
cat >"$tmp/tree/mm/walk.c" <<'CASE'
#include <linux/mm.h>
#include "internal.h"
#include "../include/linux/mm.h"

void zap_one(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);

	ptep_get_and_clear(vma->vm_mm, addr, pte);
	pte_unmap_unlock(pte, ptl);
}
CASE
run intree sh -c "cd $tmp/tree && '$mmucheck' --no-tree mm/walk.c"
expect "a file in a tree: its headers are not read, its finding is reported" \
	sh -c "[ $(rc intree) = 1 ] && [ ! -s $tmp/intree.err ] && grep -q '^mm/walk.c:10:2: warning: .*\\[pte-outside-range\\]\$' $tmp/intree.out"
run intree-abs "$mmucheck" --no-tree "$tmp/tree/mm/walk.c"
expect "the same by its absolute path" \
	sh -c "[ $(rc intree-abs) = 1 ] && [ ! -s $tmp/intree-abs.err ]"

# stdin: "-", named <stdin> or as --stdin-name says.
case61=testcases/no-tree/unmap-put-before-end-6.1.c
run stdin "$mmucheck" --no-tree - <"$case61"
expect "stdin: the finding of the file, at <stdin>" \
	sh -c "[ $(rc stdin) = 1 ] && grep -q '^<stdin>:35:3: warning: .*\\[page-freed-before-range-end\\]\$' $tmp/stdin.out"
run stdin-name "$mmucheck" --no-tree --stdin-name=mm/rmap.c - <"$case61"
expect "stdin, --stdin-name=mm/rmap.c: the finding at mm/rmap.c" \
	grep -q '^mm/rmap.c:35:3: warning: .*\[page-freed-before-range-end\]$' "$tmp/stdin-name.out"
run stdin-verify "$asan" --no-tree --verify --stdin-name="$case61" - <"$case61"
expect "asan: stdin through --verify" sh -c "[ $(rc stdin-verify) = 0 ] && [ ! -s $tmp/stdin-verify.err ]"
run stdin-json "$mmucheck" --no-tree --format=json - <"$case61"
expect "stdin, --format=json: the document names <stdin>" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["findings"]
assert [(x["file"], x["line"], x["rule"]) for x in f] == [("<stdin>", 35, "page-freed-before-range-end")], f
' "$tmp/stdin-json.out"

# A function with a parse error is left out.  One that names the model
# (api.def, context.def), or calls a function of the file that does, is a
# gap: one error line, exit 2; the others are only counted in the note.
# The findings of the functions analysed are still printed.
cat >"$tmp/gaps.c" <<'CASE'
#include <linux/mm.h>

void clears(struct mm_struct *mm, unsigned long addr, pte_t *pte)
{
	ptep_get_and_clear(mm, addr, pte);
}

void walks(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);

	ptep_get_and_clear(vma->vm_mm, addr, pte);
	pte_unmap_unlock(pte, ptl);
}

int broken_primitive(struct mm_struct *mm, unsigned long addr, pte_t *pte)
{
	ptep_get_and_clear(mm, addr, pte);
	return NO_SUCH_CONSTANT;
}

int broken_caller(struct mm_struct *mm, unsigned long addr, pte_t *pte)
{
	clears(mm, addr, pte);
	return NO_SUCH_CONSTANT;
}

int broken_plain(int x)
{
	return x + NO_SUCH_CONSTANT;
}
CASE
for bin in mmucheck asan; do
	run "gaps-$bin" "$(eval echo "\$$bin")" --no-tree "$tmp/gaps.c"
	expect "$bin: gaps: exit 2, the finding of walks() still printed" \
		sh -c "[ $(rc "gaps-$bin") = 2 ] && grep -q '^$tmp/gaps.c:13:2: warning: .*\\[pte-outside-range\\]\$' $tmp/gaps-$bin.out"
	expect "$bin: gaps: a line for each function naming the model, directly or through clears(), none for broken_plain()" \
		sh -c "grep -c ': error: ' $tmp/gaps-$bin.err | grep -qx 2 &&
			grep -q \"^$tmp/gaps.c:17:5: error: function 'broken_primitive' not analysed: line 20: use of undeclared identifier 'NO_SUCH_CONSTANT' \\[no-tree\\]\$\" $tmp/gaps-$bin.err &&
			grep -q \"^$tmp/gaps.c:23:5: error: function 'broken_caller' not analysed: line 26: \" $tmp/gaps-$bin.err"
	expect "$bin: gaps: the note counts them" \
		grep -q "^$tmp/gaps.c: note: --no-tree: 3 of 5 functions not analysed (2 naming the model), " "$tmp/gaps-$bin.err"
done
sed '/^int broken_primitive/,$d' "$tmp/gaps.c" >"$tmp/plain-gap.c"
cat >>"$tmp/plain-gap.c" <<'CASE'
int broken_plain(int x)
{
	return x + NO_SUCH_CONSTANT;
}
CASE
run plain-gap "$mmucheck" --no-tree "$tmp/plain-gap.c"
expect "a function without the model's names that does not parse: the note only, exit 1 for the findings" \
	sh -c "[ $(rc plain-gap) = 1 ] && ! grep -q ': error: ' $tmp/plain-gap.err &&
		grep -q '^$tmp/plain-gap.c: note: --no-tree: 1 of 3 functions not analysed (0 naming the model)' $tmp/plain-gap.err"
run gaps-json "$mmucheck" --no-tree --format=json "$tmp/gaps.c"
expect "gaps, --format=json: the findings as JSON on stdout, the gaps on stderr, exit 2" \
	sh -c "[ $(rc gaps-json) = 2 ] && python3 -c 'import json, sys; assert len(json.load(open(sys.argv[1]))[\"findings\"]) == 1' $tmp/gaps-json.out &&
		grep -q 'not analysed' $tmp/gaps-json.err"

# A declaration the file makes its own way (another era's prototype, its
# own static helper of a name the headers export) hides the prelude's.
cat >"$tmp/clash.c" <<'CASE'
#include <linux/mm.h>

static struct page *vm_normal_page(struct vm_area_struct *vma, int flags)
{
	return flags ? NULL : vma->vm_private_data;
}
static unsigned int khugepaged_max_ptes_none = 511;

void clash_user(struct vm_area_struct *vma, pte_t *pte, unsigned long addr)
{
	if (vm_normal_page(vma, khugepaged_max_ptes_none))
		ptep_set_wrprotect(vma->vm_mm, addr, pte);
}
CASE
run clash "$mmucheck" --no-tree --kernel-version=6.12 "$tmp/clash.c"
expect "the file's own vm_normal_page() and khugepaged_max_ptes_none: analysed, no error" \
	sh -c "[ ! -s $tmp/clash.err ] && [ $(rc clash) = 0 ]"

# -DNAME[=VALUE] reaches the parse: an option the prelude leaves unset.
printf '#ifdef CONFIG_MMUCHECK_TEST\nvoid opt(struct mm_struct *mm, pmd_t *pmd, unsigned long a)\n{\n\tspinlock_t *ptl;\n\tpte_t *pte = pte_offset_map_lock(mm, pmd, a, &ptl);\n\n\tptep_get_and_clear(mm, a, pte);\n\tpte_unmap_unlock(pte, ptl);\n}\n#endif\nint other(void)\n{\n\treturn 0;\n}\n' >"$tmp/opt.c"
expect "without -D the option's code is not there" sh -c "out=\$('$mmucheck' --no-tree $tmp/opt.c) && [ -z \"\$out\" ]"
expect "-DCONFIG_MMUCHECK_TEST=1: its finding" sh -c "'$mmucheck' --no-tree -DCONFIG_MMUCHECK_TEST=1 $tmp/opt.c | grep -q ':7:2: warning: .*\\[pte-outside-range\\]'"

# --summary: a lone file's summary for mmucheck link, its gaps said too.
run summary "$mmucheck" --no-tree --summary="$tmp/gaps.json" "$tmp/gaps.c"
expect "--summary of a file with gaps: written, the gaps named, exit 2" \
	sh -c "[ $(rc summary) = 2 ] && [ -s $tmp/gaps.json ] && grep -q 'not analysed' $tmp/summary.err"
run link "$mmucheck" link "$tmp/gaps.json"
expect "mmucheck link over it: the finding of walks()" \
	sh -c "[ $(rc link) = 1 ] && grep -q '^$tmp/gaps.c:13:2: warning: ' $tmp/link.out"

# Several files: each analysed; --dump-cfg works on a lone file.
run two "$mmucheck" --no-tree "$tmp/tree/mm/walk.c" "$case61"
expect "two lone files: the findings of both, exit 1" \
	sh -c "[ $(rc two) = 1 ] && grep -q '^$tmp/tree/mm/walk.c:10:' $tmp/two.out && grep -q '^$case61:35:' $tmp/two.out"
expect "--dump-cfg=zap_one on a lone file" sh -c "'$mmucheck' --no-tree --dump-cfg=zap_one $tmp/tree/mm/walk.c | grep -q ptep_get_and_clear"

# Errors: one line on stderr, exit 2.
one_line() {
	local name=$1
	shift
	run "$name" "$@"
	[ "$(rc "$name")" = 2 ] && [ "$(wc -l <"$tmp/$name.err")" = 1 ] && [ ! -s "$tmp/$name.out" ] &&
		cat "$tmp/$name.err"
}
expect "a file that does not exist: one line, exit 2" \
	sh -c "$(declare -f run rc one_line); tmp=$tmp; one_line missing '$mmucheck' --no-tree $tmp/nosuch.c | grep -q 'nosuch.c: cannot read: No such file'"
expect "a directory: one line, exit 2" \
	sh -c "$(declare -f run rc one_line); tmp=$tmp; one_line dir '$mmucheck' --no-tree $tmp/tree | grep -q 'tree: cannot read: Is a directory'"
expect "empty stdin: one line, exit 2" \
	sh -c "$(declare -f run rc one_line); tmp=$tmp; one_line empty '$mmucheck' --no-tree - </dev/null | grep -q '<stdin>: empty input'"
printf 'this is not C at all\n{ nor this ]\n' >"$tmp/garbage.c"
expect "a file where nothing parses: one line, exit 2" \
	sh -c "$(declare -f run rc one_line); tmp=$tmp; one_line garbage '$asan' --no-tree $tmp/garbage.c | grep -q 'garbage.c:1:1: error: no function definition to analyse'"
printf 'int f(void)\n{\n\treturn NOPE;\n}\nint g(void)\n{\n\treturn NOPE;\n}\n' >"$tmp/none.c"
expect "a file none of whose functions parse: one line, exit 2" \
	sh -c "$(declare -f run rc one_line); tmp=$tmp; one_line none '$mmucheck' --no-tree $tmp/none.c | grep -q 'none.c:3:9: error: none of its 2 functions could be analysed: use of undeclared identifier .NOPE.'"
printf 'int f(void)\n{\n\treturn 0;\n}\n\0\n' >"$tmp/binary.c"
expect "a binary file: one line, exit 2" \
	sh -c "$(declare -f run rc one_line); tmp=$tmp; one_line binary '$mmucheck' --no-tree $tmp/binary.c | grep -q 'binary input'"
expect "--no-tree with --kdir: one line, exit 2" \
	sh -c "$(declare -f run rc one_line); tmp=$tmp; one_line kdir '$mmucheck' --no-tree --kdir=$tmp --kbuild=$tmp $tmp/one.c"
expect "stdin twice: one line, exit 2" \
	sh -c "$(declare -f run rc one_line); tmp=$tmp; one_line twice '$mmucheck' --no-tree - - </dev/null"
expect "--no-tree takes no other compiler flag: one line, exit 2" \
	sh -c "$(declare -f run rc one_line); tmp=$tmp; one_line flag '$mmucheck' --no-tree -O2 $tmp/one.c"
expect "--help names --no-tree and --stdin-name" \
	sh -c "'$mmucheck' --help | grep -q -- '--no-tree' && '$mmucheck' --help | grep -q -- '--stdin-name=PATH'"
done_testing
