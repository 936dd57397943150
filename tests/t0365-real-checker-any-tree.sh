#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mmucheck scan on trees it did not prepare: a copy of the source
# configured and prepared in-tree, without the id-utils index and with an
# index of another tree, and a moved O= build (these two on 6.1); they choose the files and
# give the findings of the prepared tree.  The user's tree and build
# folder are left exactly as they were; a build paired with another
# source, a PATH outside the tree or matching nothing: one line, exit 2.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
# the prepared trees first: kernel-tree keeps them in the user's cache
declare -A srcs builds
for v in 6.1 6.12; do
	tree "$v" && srcs[$v]=$src builds[$v]=$build
done
# then a cache of this test's own for mmucheck: every scan below is cold,
# and names its files
export MMUCHECK_CACHE=$tmp/cache
mmucheck=$top/checker/mmucheck

chosen() { grep '^  CHECK' "$1" | sort; }
considered() { sed -n 's/^mmucheck scan: \([0-9]*\) files considered.*/\1/p'; }
# every name, time, size and link target: any write shows
snapshot() { find "$1" -printf '%p %T@ %s %l\n' | sort; }

for v in 6.1 6.12; do
	[ -n "${srcs[$v]:-}" ] || { not_ok "$v: tree prepared"; continue; }
	src=${srcs[$v]} build=${builds[$v]}
	(cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build") >"$tmp/want" 2>"$tmp/want.err"
	echo "# $v prepared: $(grep '^mmucheck scan:' "$tmp/want.err")"

	# A developer's tree: a copy, configured and prepared in-tree.
	it=$tmp/intree-$v
	cp -a "$src" "$it"
	rm -f "$it"/.id-utils.index "$it"/.mmucheck-*
	"$top/scripts/kernel-tree" --in-tree "$it" >/dev/null 2>"$tmp/prep.err" ||
		{ not_ok "$v: in-tree prepare"; cat "$tmp/prep.err"; continue; }
	snapshot "$it" >"$tmp/before"
	(cd "$it" && "$mmucheck" scan --kdir="$it") >"$tmp/got" 2>"$tmp/got.err"
	echo "# $v in-tree, no index: $(grep '^mmucheck scan:' "$tmp/got.err")"
	grep ': error: ' "$tmp/want.err" "$tmp/got.err" | sed 's/^/# /'
	expect "$v in-tree, no index: the files the prepared tree's index chooses" \
		diff -u <(chosen "$tmp/want.err") <(chosen "$tmp/got.err")
	expect "$v in-tree, no index: the same findings" diff -u "$tmp/want" "$tmp/got"
	abs=$("$mmucheck" scan --kdir="$it" "$it/mm/rmap.c" 2>&1 >/dev/null | considered)
	rel=$(cd / && "$mmucheck" scan --kdir="$it" mm/rmap.c 2>&1 >/dev/null | considered)
	expect "$v: an absolute PATH inside the tree chooses as the relative one ($abs, $rel)" \
		test "$abs" -ge 1 -a "$abs" -eq "$rel"
	for bad in "nonexistent/:no such file or directory" "/etc:outside the tree" \
		"Documentation/:nothing to check"; do
		path=${bad%%:*} why=${bad#*:}
		"$mmucheck" scan --kdir="$it" "$path" >"$tmp/out" 2>"$tmp/err"
		status=$?
		expect "$v: scan $path: exit 2, one line: $why" \
			sh -c "[ $status -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q '$why' '$tmp/err' && [ ! -s '$tmp/out' ]"
	done
	"$mmucheck" --kdir="$it" --print-clang-args mm/rmap.c >/dev/null 2>&1
	expect "$v in-tree: the tree is as it was after every run" \
		diff -u "$tmp/before" <(snapshot "$it")
	# the checks below hold of the tree's shape, not of its era: 6.1
	# alone keeps make check in its time (each is a cold scan)
	if [ "$v" != 6.1 ]; then
		rm -rf "$it"
		continue
	fi
	# an index that names another tree's files is not used: the index
	# would choose its one file, the word search chooses them all again
	# (the summaries are the first scan's)
	mkid -o "$it/.id-utils.index" "$top/testcases/6.1/hugetlb-copy-no-range.c" 2>/dev/null
	snapshot "$it" >"$tmp/before"
	(cd "$it" && "$mmucheck" scan --kdir="$it") >"$tmp/got2" 2>"$tmp/got2.err"
	expect "$v in-tree: an index of another tree is not used" \
		grep -q 'does not name this tree' "$tmp/got2.err"
	expect "$v in-tree: and as many files are chosen, with the same findings ($(considered <"$tmp/got2.err"))" \
		sh -c "[ '$(considered <"$tmp/got2.err")' = '$(considered <"$tmp/got.err")' ] && diff -u '$tmp/want' '$tmp/got2'"
	expect "$v in-tree: and the tree is as it was" \
		diff -u "$tmp/before" <(snapshot "$it")
	rm -rf "$it"

	# A moved O= build: its "source" link leads nowhere now.  The
	# summaries of the prepared tree are taken (link/share.h): the
	# same texts and flags, only the tree's paths differ.
	ms=$tmp/moved-src-$v mb=$tmp/moved-build-$v
	# hard links are enough: the test shows mmucheck writes nothing there
	cp -al "$src" "$ms"
	cp -a "$build" "$mb"
	ln -sfn "$tmp/gone" "$mb/source"
	snapshot "$mb" >"$tmp/before"
	(cd "$ms" && "$mmucheck" scan --kdir="$ms" --kbuild="$mb") >"$tmp/got3" 2>"$tmp/got3.err"
	echo "# $v moved O= tree: $(grep '^mmucheck scan: [0-9]' "$tmp/got3.err")"
	expect "$v moved O= tree: the same findings" diff -u "$tmp/want" "$tmp/got3"
	n=$(considered <"$tmp/got3.err")
	expect "$v moved O= tree: all $n summaries taken from the prepared tree's" \
		grep -q "^mmucheck scan: $n files considered, $n analysed ($n from cache), 0 failed" "$tmp/got3.err"
	moved_cache=$MMUCHECK_CACHE/builds/$(echo "$mb" | tr / %)/summaries
	expect "$v moved O= tree: its summaries name the moved tree, never the prepared one" \
		sh -c "grep -q -r -F '\"$ms/' '$moved_cache' && ! grep -q -r -F -e '\"$src/' -e '\"$build/' '$moved_cache'"
	# a header of the moved tree changed (a file of its own, not a link):
	# the files that read it are analysed again, the others are taken
	hdr=include/linux/binfmts.h
	readers=$(grep -l -r -F "\"$src/$hdr\"" "$MMUCHECK_CACHE/builds/$(echo "$build" | tr / %)/summaries" |
		sed "s|.*/summaries/||; s|\.json\$||" | sort)
	cp "$ms/$hdr" "$tmp/hdr" && rm "$ms/$hdr" && { cat "$tmp/hdr"; echo '/* moved */'; } >"$ms/$hdr"
	(cd "$ms" && "$mmucheck" scan --kdir="$ms" --kbuild="$mb") >"$tmp/got4" 2>"$tmp/got4.err"
	again=$(chosen "$tmp/got4.err" | awk '{print $2}')
	expect "$v moved O= tree, $hdr changed: its readers analysed again ($(tr '\n' ' ' <<<"$readers")), the others taken" \
		sh -c "[ -n '$readers' ] && [ '$readers' = '$again' ] && diff -u '$tmp/want' '$tmp/got4'"
	expect "$v moved O= tree: the build folder is as it was" \
		diff -u "$tmp/before" <(snapshot "$mb")
	rm -rf "$ms" "$mb"
done

# A tree whose path is longer than a command line buffer, with its own
# id-utils index: lid runs from an argument vector in the tree (a shell
# command built in a fixed buffer overflowed the heap here).
if [ -n "${srcs[6.1]:-}" ]; then
	src=${srcs[6.1]} build=${builds[6.1]}
	long=$(printf 'x%.0s' $(seq 200))
	lt=$tmp/$long/a-$long
	mkdir -p "$tmp/$long"
	cp -al "$src" "$lt"
	rm -f "$lt/.id-utils.index"
	(cd "$lt" && mkid -o .id-utils.index mm arch/x86/kernel)
	# each scan in a cache of its own: no summary is taken from another
	# tree's, so each names the files it chose
	(cd "$src" && MMUCHECK_CACHE=$tmp/cache-want "$mmucheck" scan --kdir=. --kbuild="$build" arch/x86/kernel/) >"$tmp/want" 2>"$tmp/want.err"
	# its build moved too (its "source" link leads nowhere), as above
	cp -a "$build" "$tmp/long-build"
	ln -sfn "$tmp/gone" "$tmp/long-build/source"
	(cd "$lt" && MMUCHECK_CACHE=$tmp/cache-got "$mmucheck" scan --kdir="$lt" --kbuild="$tmp/long-build" arch/x86/kernel/) >"$tmp/got" 2>"$tmp/got.err"
	status=$?
	echo "# a ${#lt}-byte tree path: $(grep '^mmucheck scan:' "$tmp/got.err")"
	expect "a ${#lt}-byte tree path with its own index: exit 1, the index used" \
		sh -c "[ $status -eq 1 ] && ! grep -q 'does not name this tree' '$tmp/got.err'"
	chosen "$tmp/want.err" >"$tmp/want.chosen"
	chosen "$tmp/got.err" >"$tmp/got.chosen"
	expect "a ${#lt}-byte tree path: the files and findings of the prepared tree" \
		sh -c "[ -s '$tmp/want' ] && [ -s '$tmp/want.chosen' ] && diff -u '$tmp/want.chosen' '$tmp/got.chosen' && diff -u '$tmp/want' '$tmp/got'"
	rm -rf "${tmp:?}/$long" "$tmp/long-build"
fi

# A build prepared from one source, given another: one line, no change.
if [ -n "${srcs[6.12]:-}" ] && [ -n "${srcs[6.1]:-}" ]; then
	s612=${srcs[6.12]} src=${srcs[6.1]} build=${builds[6.1]}
	snapshot "$build" >"$tmp/before"
	"$mmucheck" --kdir="$s612" --kbuild="$build" --print-clang-args mm/rmap.c >"$tmp/out" 2>"$tmp/err"
	status=$?
	expect "a 6.1 build with the 6.12 source: exit 2, one line naming both" \
		sh -c "[ $status -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q '$build' '$tmp/err' && grep -q '$s612' '$tmp/err'"
	(cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build" mm/) >/dev/null 2>&1
	"$mmucheck" --kdir="$src" --kbuild="$build" mm/rmap.c >/dev/null 2>&1
	expect "the prepared build folder is as it was after check, scan and a mismatch" \
		diff -u "$tmp/before" <(snapshot "$build")
fi
done_testing
