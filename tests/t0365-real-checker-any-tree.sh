#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mmucheck scan on trees it did not prepare: a copy of the source without
# the id-utils index, and one whose index names the original tree, choose
# the same files and give the same findings as the prepared tree; PATH
# arguments absolute or relative, and every bad one is one line, exit 2.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck

chosen() { grep '^  CHECK' "$1" | sort; }

for v in 6.1 6.12; do
	tree "$v" || { not_ok "$v: tree prepared"; continue; }
	(cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build") >"$tmp/want" 2>"$tmp/want.err"
	# hard links: a copy in seconds; the checker writes nothing in a tree
	rm -rf "$tmp/copy"
	cp -al "$src" "$tmp/copy"
	rm -f "$tmp/copy/.id-utils.index"
	(cd "$tmp/copy" && "$mmucheck" scan --kdir="$tmp/copy" --kbuild="$build") >"$tmp/got" 2>"$tmp/got.err"
	echo "# $v with the index: $(grep '^mmucheck scan:' "$tmp/want.err")"
	echo "# $v without index: $(grep '^mmucheck scan:' "$tmp/got.err")"
	grep ': error: ' "$tmp/want.err" "$tmp/got.err" | sed 's/^/# /' 
	expect "$v: without an index, the files the index chooses" \
		diff -u <(chosen "$tmp/want.err") <(chosen "$tmp/got.err")
	expect "$v: without an index, the same findings" \
		diff -u <(sed "s|^$src/||" "$tmp/want") "$tmp/got"
	# a copied tree keeps the original's index: it does not name the copy
	mkid -o "$tmp/copy/.id-utils.index" "$src/mm/rmap.c" "$src/mm/memory.c" 2>/dev/null
	(cd "$tmp/copy" && "$mmucheck" scan --kdir="$tmp/copy" --kbuild="$build") >"$tmp/got2" 2>"$tmp/got2.err"
	expect "$v: an index of another tree is not used" \
		grep -q 'does not name this tree' "$tmp/got2.err"
	expect "$v: and the choice is the same" \
		diff -u <(chosen "$tmp/want.err") <(chosen "$tmp/got2.err")
	rm -f "$tmp/copy/.id-utils.index"
	considered() { sed -n 's/^mmucheck scan: \([0-9]*\) files considered.*/\1/p'; }
	abs=$("$mmucheck" scan --kdir="$tmp/copy" --kbuild="$build" "$tmp/copy/mm/rmap.c" 2>&1 >/dev/null | considered)
	rel=$(cd / && "$mmucheck" scan --kdir="$tmp/copy" --kbuild="$build" mm/rmap.c 2>&1 >/dev/null | considered)
	expect "$v: an absolute PATH inside the tree chooses as the relative one ($abs, $rel)" \
		test "$abs" -ge 1 -a "$abs" -eq "$rel"
	for bad in "nonexistent/:no such file or directory" "/etc:outside the tree" \
		"Documentation/:nothing to check"; do
		path=${bad%%:*} why=${bad#*:}
		"$mmucheck" scan --kdir="$tmp/copy" --kbuild="$build" "$path" >"$tmp/out" 2>"$tmp/err"
		status=$?
		expect "$v: scan $path: exit 2, one line: $why" \
			sh -c "[ $status -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q '$why' '$tmp/err' && [ ! -s '$tmp/out' ]"
	done
done
done_testing
