#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mmucheck batch --git (README Across versions): a repository of the parts
# of the prepared 6.1 tree a scan of mm/ needs (hard links; every change
# below writes a new file, never through a link), with seven commits: C1
# the base, C2 ends the notifier range of madvise_free_single_vma() before
# its walk, C3 rewords a comment in that function, C4 changes another
# file, C5 puts the range end back after the walk.  Batch over C1, C4 and
# C5 with the prepared build for every revision (--kbuild): the finding is
# new at C4, brought by C2 (bisected between C2 and C3, which both touch
# the function), with its ready Fixes: line; fixed at C5, by C5; the LDT
# alias persists with no commit.  C6 makes pte_marker_clear() a finding
# of the semantic patches alone, C7 touches it again: with both engines
# over C5 and C7 its commit is bisected by spatch.  Without --kbuild a
# revision is prepared in the scratch folder.  The repository's work tree, index, refs
# and worktrees are as they were, the scratch folder is gone.  Then bad
# input: --git on a folder that is no repository, an unknown revision,
# --kbuild without --git or not prepared: one error line each, exit 2.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
tree 6.1 || { not_ok "6.1 tree"; done_testing; exit; }
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@localhost
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@localhost

repo=$tmp/repo
mkdir -p "$repo"
# and what make prepare of a revision needs and no scan chooses: every
# Kconfig, tools/ (objtool, the relocs headers), kernel/bounds.c and
# timeconst.bc, SELinux's headers (genheaders)
parts=(Makefile Kconfig Kbuild MAINTAINERS README .gitignore scripts include arch/x86 mm
	tools kernel/Makefile kernel/bounds.c kernel/time/Makefile kernel/time/timeconst.bc
	security/selinux/include)
mapfile -t kconfigs < <(cd "$src" && find . -name 'Kconfig*' -type f -printf '%P\n')
(cd "$src" && { cp -al --parents "${parts[@]}" "${kconfigs[@]}" "$repo/" 2>/dev/null ||
	cp -a --parents "${parts[@]}" "${kconfigs[@]}" "$repo/"; }) || exit 2
cd "$repo" || exit 2
# Debian's packaging stanza ignores everything at the top level
sed -i '/^# Debian packaging/,$d' .gitignore
git init -q -b master
git config gc.auto 0
git config maintenance.auto false
git add -A
git commit -q -m "Linux 6.1 (parts of Debian's linux-source)"
c1=$(git rev-parse HEAD)

fn='/^static int madvise_free_single_vma/,/^}/'
end_line='mmu_notifier_invalidate_range_end(\&range);'
# move_end AFTER: the range end of madvise_free_single_vma() after the
# line matching AFTER
move_end() {
	sed -i "$fn{/^\tmmu_notifier_invalidate_range_end(&range);\$/d}" mm/madvise.c
	sed -i "$fn{s/^\t$1\$/&\n\t$end_line/}" mm/madvise.c
}
subject2='mm/madvise: end the notifier range before the walk (<tlb> & "ops")'
move_end 'mmu_notifier_invalidate_range_start(&range);'
git commit -q -am "$subject2"
c2=$(git rev-parse HEAD)
sed -i "$fn{s|/\* MADV_FREE works for only anon vma at the moment \*/|/* MADV_FREE works for anonymous vmas only, for now */|}" mm/madvise.c
git commit -q -am "mm/madvise: reword a comment of madvise_free_single_vma()"
c3=$(git rev-parse HEAD)
sed -i '1s/^/ /' README
git commit -q -am "README: indent the first line"
c4=$(git rev-parse HEAD)
move_end 'tlb_end_vma(&tlb, vma);'
git commit -q -am "mm/madvise: end the notifier range after the walk"
c5=$(git rev-parse HEAD)
# C6: pte_marker_clear() clears when the entry is still the fault's
# (pte_same(), as later kernels have it) instead of when it is a marker:
# the semantic patches see a clear outside a range, the checker knows a
# marker is no present entry (a finding of the semantic patches alone);
# C7 rewords that function's comment
marker='/^static vm_fault_t pte_marker_clear/,/^}/'
sed -i "$marker{s/if (is_pte_marker(\*vmf->pte))/if (pte_same(vmf->orig_pte, *vmf->pte))/}" mm/memory.c
git commit -q -am "mm/memory: clear a uffd-wp marker only if the entry is unchanged"
c6=$(git rev-parse HEAD)
sed -i "$marker{s/Be careful so that we will only recover/Take care to recover only/}" mm/memory.c
git commit -q -am "mm/memory: reword a comment of pte_marker_clear()"
c7=$(git rev-parse HEAD)
expect "the commits: C6 and C7 change pte_marker_clear()" \
	test "$(git log --format=%H -L '/^static vm_fault_t pte_marker_clear/,/^}/:mm/memory.c' "$c5..$c7" | grep -c -E "^($c6|$c7)\$")" = 2
expect "the commits: C2, C3 and C5 change mm/madvise.c, C4 does not" \
	test "$(git log --format=%H -- mm/madvise.c | tr '\n' ' ')" = "$c5 $c3 $c2 $c1 "

# what mmucheck must never write: the index, the refs, HEAD, the work
# tree's state and the worktrees (the snapshot's own git status must not
# refresh the index either)
snapshot() {
	local GIT_OPTIONAL_LOCKS=0
	export GIT_OPTIONAL_LOCKS
	{
		stat -c '%n %Y %s' .git/index
		sha256sum .git/index
		git for-each-ref
		git rev-parse HEAD
		git symbolic-ref HEAD
		git status --porcelain
		git worktree list --porcelain
		ls .git
	} 2>&1
}
# the build's configuration, generated headers and links (spatch job
# folders of other runs may come and go at its top)
build_state() {
	find "$build/.config" "$build/Makefile" "$build/source" "$build/include" \
		"$build/arch" -printf '%p %T@ %s %l\n' | LC_ALL=C sort
}
snapshot >"$tmp/before"
build_state >"$tmp/build-before"
mkdir -p "$tmp/scratch"
start=$(date +%s)
TMPDIR=$tmp/scratch "$mmucheck" batch --git="$repo" --kbuild="$build" --no-cocci \
	-o "$tmp/out" N1="$c1" N2="$c4" N3="$c5" >"$tmp/stdout" 2>"$tmp/stderr"
st=$?
echo "# batch --git over 3 revisions: $(($(date +%s) - start)) s"
snapshot >"$tmp/after"
build_state >"$tmp/build-after"
expect "batch --git: exit 0, report.json, index.html, a SARIF and a record a revision" \
	test "$st $(find "$tmp/out" -mindepth 1 -printf '%P\n' | LC_ALL=C sort | tr '\n' ' ')" = \
	"0 N1.sarif N2.sarif N3.sarif index.html report.json versions versions/N1.version.json versions/N2.version.json versions/N3.version.json "
[ "$st" -eq 0 ] || sed 's/^/# /' "$tmp/stderr" | tail -20
expect "the repository's index, refs, HEAD, status and worktrees are unchanged" \
	diff "$tmp/before" "$tmp/after"
expect "git status --porcelain is empty, no worktree was added" \
	test -z "$(git status --porcelain)" -a "$(git worktree list | wc -l)" -eq 1
expect "the build folder is unchanged (names, times, sizes, links)" \
	diff "$tmp/build-before" "$tmp/build-after"
expect "the scratch folder is removed" test -z "$(find "$tmp/scratch" -mindepth 1)"

# each revision after the first takes the summaries of the files that
# read the same texts from the one before (link/share.h): only
# mm/madvise.c changed from N1 to N2 (C2, C3) and from N2 to N3 (C5)
batch_scan() { sed -n "s/^  BATCH   $1: \([0-9]*\) files analysed (\([0-9]*\) from cache).*/\1 \2/p" "$tmp/stderr"; }
read -r all1 cached1 <<<"$(batch_scan N1)"
read -r all2 cached2 <<<"$(batch_scan N2)"
read -r all3 cached3 <<<"$(batch_scan N3)"
expect "batch --git: N1 analysed whole ($all1 files, ${cached1:-?} from cache)" \
	test "${cached1:-x}" = 0 -a "${all1:-0}" -ge 20
expect "batch --git: N2 takes all but mm/madvise.c's ($cached2 of $all2)" \
	test "$((${all2:-0} - ${cached2:-0}))" = 1 -a "${all2:-x}" = "$all1"
expect "batch --git: N3 takes all but mm/madvise.c's ($cached3 of $all3)" \
	test "$((${all3:-0} - ${cached3:-0}))" = 1 -a "${all3:-x}" = "$all1"

# "status at N2 | at N3 | introduced_by | fixed_by" of a finding
facts() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
names = [v["name"] for v in d["versions"]]
for f in d["findings"]:
    if f["function"] != sys.argv[2]:
        continue
    st = {}
    for s in f["status"]:
        for n in names[names.index(s["from"]):names.index(s["to"]) + 1]:
            st[n] = s["status"]
    c = lambda k: (f[k] or {}).get("commit", "null")
    print(st.get("N2", "-"), st.get("N3", "-"), c("introduced_by"), c("fixed_by"))
' "$tmp/out/report.json" "$1"
}
expect "madvise_free_single_vma(): new at N2 by C2, fixed at N3 by C5" \
	test "$(facts madvise_free_single_vma)" = "new fixed $c2 $c5"
expect "the LDT alias persists, no commit brought or fixed it" \
	test "$(facts unmap_ldt_struct)" = "persisting persisting null null"
expect "the introducing commit was bisected between C2 and C3" \
	grep -q -F "BISECT  madvise_free_single_vma(): 2 commits of mm/madvise.c" "$tmp/stderr"
fixes="Fixes: ${c2:0:12} (\"$subject2\")"
expect "stdout has the ready line: $fixes" grep -q -x -F "$fixes" "$tmp/stdout"
expect "report.json has the same Fixes: line" \
	test "$(python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    if f["introduced_by"]:
        print(f["introduced_by"]["fixes"])' "$tmp/out/report.json")" = "$fixes"
expect "stdout names the fix of N3: C5" \
	grep -q "^N3: fixed: mm/madvise.c:[0-9]*: madvise_free_single_vma(): pte-outside-range, by ${c5:0:12} " "$tmp/stdout"
html=$tmp/out/index.html
count() { grep -o -F "$1" "$html" | wc -l; }
expect "index.html: introduced by C2, fixed by C5" \
	test "$(count "class=\"introduced-by\" data-commit=\"$c2\"") $(count "class=\"fixed-by\" data-commit=\"$c5\"")" = "1 1"
expect "index.html: the subject and the Fixes: line escaped" \
	test "$(count '&lt;tlb&gt; &amp; &quot;ops&quot;') $(count '<tlb>')" = "2 0"

# both engines over C5 and C7: the semantic patches' finding in
# pte_marker_clear() is new at N5, and its commit is bisected by spatch
# between C6 and C7, which both touch the function
start=$(date +%s)
TMPDIR=$tmp/scratch "$mmucheck" batch --git="$repo" --kbuild="$build" \
	-o "$tmp/cocci" N4="$c5" N5="$c7" >"$tmp/cocci.stdout" 2>"$tmp/cocci.stderr"
st=$?
echo "# batch --git over 2 revisions, both engines: $(($(date +%s) - start)) s"
[ "$st" -eq 0 ] || sed 's/^/# /' "$tmp/cocci.stderr" | tail -20
# "engines status-at-N5 introduced_by" of a finding
cocci_facts() {
	python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    if f["function"] == sys.argv[2]:
        st = [s["status"] for s in f["status"] if s["to"] == "N5"]
        print(",".join(f["engines"]), st[0] if st else "-",
              (f["introduced_by"] or {}).get("commit", "null"))' "$tmp/cocci/report.json" "$1"
}
expect "both engines: pte_marker_clear() found by the semantic patches alone, new at N5, brought by C6" \
	test "$st $(cocci_facts pte_marker_clear)" = "0 cocci new $c6"
expect "both engines: the commit bisected by spatch between C6 and C7" \
	sh -c "grep -q -F 'BISECT  pte_marker_clear(): 2 commits of mm/memory.c' '$tmp/cocci.stderr' &&
		grep -q -F 'BISECT  mm/memory.c as of ' '$tmp/cocci.stderr' &&
		! grep 'BISECT  mm/memory.c as of ' '$tmp/cocci.stderr' | grep -v -q -F '(cocci)'"
expect "both engines: stdout has its Fixes: line" \
	grep -q -x -F "Fixes: ${c6:0:12} (\"mm/memory: clear a uffd-wp marker only if the entry is unchanged\")" "$tmp/cocci.stdout"
expect "both engines: do_numa_page() (the semantic patches) persists, no commit" \
	test "$(cocci_facts do_numa_page)" = "cocci persisting null"

# without --kbuild: the revision prepared in the scratch folder
# (scripts/kernel-tree --out-of-tree), its findings those of the
# prepared tree's build
snapshot >"$tmp/before"
start=$(date +%s)
TMPDIR=$tmp/scratch "$mmucheck" batch --git="$repo" --no-cocci -j2 \
	-o "$tmp/own" N2="$c2" >"$tmp/own.stdout" 2>"$tmp/own.stderr"
st=$?
echo "# batch --git over 1 revision, prepared by mmucheck: $(($(date +%s) - start)) s"
[ "$st" -eq 0 ] || sed 's/^/# /' "$tmp/own.stderr" | tail -20
fns() {
	python3 -c '
import json, sys
print(" ".join(sorted(f["function"] + ":" + f["rule"] for f in json.load(open(sys.argv[1]))["findings"])))' "$1"
}
expect "batch --git without --kbuild: exit 0, the revision prepared in the scratch folder" \
	sh -c "[ $st -eq 0 ] && grep -q '^  PREPARE $tmp/scratch/.*N2.prepare.log' '$tmp/own.stderr'"
expect "batch --git without --kbuild: the findings of C2 (madvise_free_single_vma(), the LDT alias)" \
	test "$(fns "$tmp/own/report.json")" = \
	"madvise_free_single_vma:pte-outside-range unmap_ldt_struct:pte-outside-range"
snapshot >"$tmp/after"
expect "batch --git without --kbuild: the repository unchanged" diff "$tmp/before" "$tmp/after"
expect "batch --git without --kbuild: the scratch folder removed" test -z "$(find "$tmp/scratch" -mindepth 1)"

# bad input: one error line, exit 2
bad() {
	local what=$1 out
	shift
	out=$(TMPDIR=$tmp/scratch "$mmucheck" batch --no-cocci -o "$tmp/bad" "$@" 2>&1 >/dev/null)
	st=$?
	expect "$what: exit 2, one line ($out)" test "$st $(printf '%s\n' "$out" | wc -l)" = "2 1"
}
mkdir -p "$tmp/plain"
bad "--git on a folder that is no repository" --git="$tmp/plain" N1=HEAD
bad "--git with an unknown revision" --git="$repo" N1="$c1" N2=no-such-revision
bad "--kbuild without --git" --kbuild="$build" N1="$src:$build"
bad "--kbuild not prepared" --git="$repo" --kbuild="$tmp/plain" N1="$c1"
expect "bad input wrote no report" test ! -e "$tmp/bad/report.json"
expect "bad input left no scratch folder" test -z "$(find "$tmp/scratch" -mindepth 1)"
done_testing
