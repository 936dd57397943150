# SPDX-License-Identifier: GPL-2.0
# Shared by the tests/t*.sh scripts: TAP output in the manner of git's
# test-lib.sh, and the prepared kernel trees.

top=$(cd "$(dirname "$0")/.." && pwd)
test_count=0
test_failed=0

ok() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $*"
}

not_ok() {
	test_count=$((test_count + 1))
	test_failed=$((test_failed + 1))
	echo "not ok $test_count - $*"
}

# expect DESCRIPTION COMMAND... : one test, its output shown as a
# TAP comment when it fails.
expect() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		ok "$what"
	else
		not_ok "$what"
		printf '%s\n' "$out" | sed 's/^/#   /' | head -40
	fi
}

# Sub-TAP from a command that prints its own ok/not ok lines: renumbered.
include_tap() {
	local line
	while IFS= read -r line; do
		case "$line" in
		"ok "*) ok "${line#ok [0-9]* - }" ;;
		"not ok "*) not_ok "${line#not ok [0-9]* - }" ;;
		"#"*) echo "$line" ;;
		esac
	done
}

# tree VERSION: sets src and build for a prepared tree (prepared on demand).
tree() {
	local line
	line=$("$top/scripts/kernel-tree" "$1" | tail -1) || return 1
	src=${line% *}
	build=${line#* }
	# mmucheck's folder for this build (checker/input/inputs.c), outside it
	mmucache=${MMUCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mmucheck}/builds/$(realpath "$build" | tr / %)
}

# The correct twins whose range end sits under a test that pairs it with
# the start (docs/kernel-api.md E.6: the start's bounds, the same flag, a
# lazy start's flag), each with the text of that end.  Without the test the
# end runs on a path that started nothing: both engines must say so.
guarded_ends=(
	"testcases/4.14/do-wp-page-guarded-end.c|mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);"
	"testcases/4.14/mprotect-lazy-range.c|mmu_notifier_invalidate_range_end(mm, mni_start, end);"
	"testcases/4.14/range-same-flag.c|mmu_notifier_invalidate_range_end(src, mmun_start, mmun_end);"
	"testcases/4.14/range-same-flag.c|mmu_notifier_invalidate_range_end(mm, 0, -1);"
	"testcases/6.1/change-prot-lazy-range.c|mmu_notifier_invalidate_range_end(&range);"
	"testcases/6.1/hugetlb-copy-cow.c|mmu_notifier_invalidate_range_end(&range);"
	"testcases/6.1/migrate-device-notified.c|mmu_notifier_invalidate_range_only_end(&range);"
	"testcases/6.12/collapse-pte-mapped-notified.c|mmu_notifier_invalidate_range_end(&range);"
)

# unguard FILE TEXT OUT: FILE without the "if (...)" line just above the
# first line holding TEXT, that line indented as the if was, written to
# OUT; prints its new number.
unguard() {
	awk -v text="$2" -v out="$3" '
		{ line[NR] = $0 }
		END {
			for (i = 2; i <= NR && !n; i++)
				if (index(line[i], text) && line[i - 1] ~ /^[ \t]*if \(/)
					n = i
			if (!n)
				exit 1
			sub(/^\t/, "", line[n])
			for (i = 1; i <= NR; i++)
				if (i != n - 1)
					print line[i] >out
			print n - 1
		}' "$1"
}

done_testing() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}
