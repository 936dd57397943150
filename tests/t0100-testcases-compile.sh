#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Every testcase compiles standalone against the headers of its era, with no
# warning: the corpus is C a kernel developer would recognise.  Those of
# testcases/no-tree have no era header: they compile against mmucheck
# --no-tree's prelude of the era their calls give.
. "$(dirname "$0")/lib.sh"
cc=$(command -v clang-19 || command -v clang)
warnings=(-Werror -Wall -Wextra -Wno-unused-parameter -Wno-unused-variable
	-Wno-unused-but-set-variable)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" mmucheck >/dev/null 2>&1
# testcases/no-tree: against the prelude of the era mmucheck --no-tree
# reads in it, every header it includes empty
no_tree() {
	local f=$1 kv h inc
	kv=$("$top/checker/mmucheck" --no-tree --print-clang-args "$f" |
		grep -o '__MMUCHECK_KV=[0-9]*') || return 1
	inc=$tmp/$(basename "$f")
	mkdir -p "$inc"
	while read -r h; do
		mkdir -p "$inc/$(dirname "$h")"
		: >"$inc/$h"
	done < <(grep -oP '^\s*#\s*include\s*[<"]\K[^>"]+' "$f")
	"$cc" -fsyntax-only "${warnings[@]}" -nostdinc -D"$kv" \
		-isystem "$top/checker/model/no-tree" -include prelude.h \
		-iquote "$inc" -I "$inc" "$f"
}
for f in "$top"/testcases/*/*.c; do
	era=$(basename "$(dirname "$f")")
	if [ "$era" = no-tree ]; then
		expect "compiles: ${f#"$top"/}" no_tree "$f"
	else
		expect "compiles: ${f#"$top"/}" "$cc" -fsyntax-only "${warnings[@]}" \
			-I "$top/testcases/$era/include" -I "$top/testcases/include" "$f"
	fi
done
n=$(find "$top"/testcases/*/ -maxdepth 1 -name "*.c" | wc -l)
expect "at least 40 testcases ($n)" test "$n" -ge 40
for rule in pte-outside-range page-freed-before-range-end range-unbalanced; do
	bugs=$(grep -l "expect:.*$rule" "$top"/testcases/*/*.c | wc -l)
	expect "$rule has bug cases ($bugs files)" test "$bugs" -ge 5
done
done_testing
