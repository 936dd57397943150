#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The checker's stage folders: includes point down the LAYERS list of
# checker/Makefile only (so no circle between folders), no folder is
# missing from it, and the drivers on top are the only files outside one.
# model/no-tree/ is kernel header text for the analysed file (--no-tree),
# not the checker's own C.
. "$(dirname "$0")/lib.sh"
cd "$top/checker" || exit 2
read -r -a layers < <(sed -n 's/^LAYERS = //p' Makefile)
expect "checker/Makefile lists the layers (${#layers[@]})" test "${#layers[@]}" -ge 8
declare -A rank
for i in "${!layers[@]}"; do rank[${layers[$i]}]=$i; done
top_rank=${#layers[@]}

rank_of() {
	case "$1" in
	*/*) echo "${rank[${1%%/*}]:--1}" ;;
	*) echo "$top_rank" ;;
	esac
}

upward() {
	local f inc from to bad=0
	while IFS= read -r f; do
		from=$(rank_of "$f")
		while IFS= read -r inc; do
			case "$inc" in */*.def) continue ;; esac
			to=$(rank_of "$inc")
			if [ "$to" -lt 0 ] || [ "$to" -gt "$from" ]; then
				echo "$f includes $inc"
				bad=1
			fi
		done < <(sed -n 's/^#include "\(.*\)"/\1/p' "$f")
	done < <(find . -path ./tests -prune -o -path './.obj*' -prune -o \
		-path ./model/no-tree -prune -o -name '*.[ch]' -print |
		sed 's|^\./||' | sort)
	return $bad
}
expect "no include runs up a layer" upward

unlisted() {
	local d bad=0
	for d in */; do
		d=${d%/}
		case "$d" in tests) continue ;; esac
		[ -n "${rank[$d]+x}" ] || { echo "folder $d is not in LAYERS"; bad=1; }
	done
	return $bad
}
expect "every folder is a layer" unlisted

loose() {
	local extra
	extra=$(find . -maxdepth 1 -name '*.[ch]' | sed 's|^\./||' |
		grep -v -x -e main.c -e analyse.c -e analyse.h -e output.c -e output.h -e scan.c -e scan.h -e diff.c -e diff.h -e cocci.c -e cocci.h -e batch.c -e batch.h -e batch_git.c -e batch_git.h -e record.c -e record.h)
	[ -z "$extra" ] || { echo "outside a stage folder: $extra"; return 1; }
}
expect "only the drivers sit on top" loose
done_testing
