#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mmucheck --no-tree on files of the real 6.1 and 6.12 trees, each copied
# out alone, against the same file analysed in its tree (--kdir):
# exactly the same findings (rule, function, line, at any confidence),
# the same summaries the rules read but for the functions listed with
# their reason, and as many functions not analysed as recorded in
# testcases/real/VERSION/no-tree.expect.  The trees are only read.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" mmucheck >/dev/null 2>&1
mmucheck=$top/checker/mmucheck

for version in 6.1 6.12; do
	if ! tree "$version"; then
		not_ok "$version: prepared tree"
		continue
	fi
	expectations=$top/testcases/real/$version/no-tree.expect
	mapfile -t files < <(grep -E '^[^#].* [0-9]+$' "$expectations" | cut -d' ' -f1)
	expect "$version: files to compare (${#files[@]})" test "${#files[@]}" -ge 7
	mkdir -p "$tmp/$version"
	for f in "${files[@]}"; do
		lone=$tmp/$version/$(basename "$f")
		cp "$src/$f" "$lone"
		"$mmucheck" --kdir="$src" --kbuild="$build" --summary="$lone.tree.json" "$src/$f"
		"$mmucheck" --no-tree --summary="$lone.alone.json" "$lone" 2>"$lone.err"
		# the note of --no-tree counts what was left out; no note: none
		n=$(sed -n 's/.*note: --no-tree: \([0-9]*\) of .*/\1/p' "$lone.err")
		include_tap < <("$top/tests/no-tree-compare" "$lone.tree.json" \
			"$lone.alone.json" "$f" "${n:-0}" "$expectations" |
			sed "s/^\\(\\(not \\)\\?ok [0-9]* - \\)/\\1$version: /")
	done
	expect "$version: the copies were alone: nothing but them and the outputs" \
		test "$(find "$tmp/$version" -type f -name '*.c' | wc -l)" = "${#files[@]}"
done
done_testing
