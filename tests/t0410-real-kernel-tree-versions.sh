#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernel-tree VERSION: an exact package version of linux-source-6.1 that is
# not the pinned one, fetched and prepared in its own folder, its files
# identical to the pinned tree's same path stored once (hard links), its
# index and stamps its own; a second call reuses it; a version the archive
# does not serve: one line, exit 2, nothing made.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
kt=$top/scripts/kernel-tree
cache=${MMUCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mmucheck}

# the pinned tree, to share with
tree 6.1 || { not_ok "the pinned 6.1 tree is prepared"; done_testing; exit; }
psrc=$src
pinned=$(sed -n 's/^linux-source-6.1 \([^ ]*\) .*/\1/p' "$build/.mmucheck-prepared")
psub=$(sed -n 's/^SUBLEVEL = //p' "$psrc/Makefile")

# The served 6.1 version nearest below the pinned one with another
# SUBLEVEL (the Makefile then differs, and most else is the same); the
# archive drops old versions, so it is looked up, not written here.
ver=$(apt-cache madison linux-source-6.1 2>/dev/null | awk -F'|' '{ gsub(/ /, "", $2); print $2 }' |
	sort -V | awk -v p="$pinned" -v s="6.1.$psub-" '$0 == p { print last; exit } index($0, s) != 1 { last = $0 }') || true
[ -n "$ver" ] || ver=6.1.190-1
sub=${ver#6.1.}
sub=${sub%%-*}
echo "# version $ver (pinned $pinned)"

start=$(date +%s)
"$kt" "$ver" >"$tmp/out" 2>"$tmp/err"
status=$?
echo "# first call: $(($(date +%s) - start)) s, exit $status"
sed 's/^/# /' "$tmp/err"
line=$(tail -1 "$tmp/out")
src=${line% *} build=${line#* }
expect "the last line is \"SRC BUILD\" of the version's own folders" \
	test "$status" -eq 0 -a "$src" = "$cache/trees/$ver/src" -a "$build" = "$cache/trees/$ver/build"
expect "SRC and BUILD are prepared: autoconf.h, the index and the stamps" \
	test -f "$build/include/generated/autoconf.h" -a -f "$build/.mmucheck-prepared" \
	-a -f "$src/.mmucheck-unpacked" -a -f "$src/.mmucheck-indexed" -a -s "$src/.id-utils.index"
expect "the build stamp names the version" grep -q "^linux-source-6.1 $ver -e " "$build/.mmucheck-prepared"
expect "SRC's Makefile is 6.1.$sub" \
	sh -c "grep -qx 'VERSION = 6' '$src/Makefile' && grep -qx 'PATCHLEVEL = 1' '$src/Makefile' &&
		grep -qx 'SUBLEVEL = $sub' '$src/Makefile'"
expect "the pinned tree's Makefile is still 6.1.$psub" grep -qx "SUBLEVEL = $psub" "$psrc/Makefile"

ino=$(stat -c %i "$src/Makefile")
start=$(date +%s)
line2=$("$kt" "$ver" 2>"$tmp/err2")
took=$(($(date +%s) - start))
expect "a second call: the same line, nothing redone, in $took s" \
	sh -c "[ '$line2' = '$line' ] && [ ! -s '$tmp/err2' ] && [ $took -le 10 ] &&
		[ \$(stat -c %i '$src/Makefile') = $ino ]"

# path -> inode of the pinned tree; the new tree's files with the same one
find "$psrc" -type f -printf '%i %P\n' >"$tmp/pinned"
find "$src" -type f -printf '%i %P\n' >"$tmp/new"
read -r shared total < <(awk 'NR == FNR { i = $1; sub(/^[^ ]+ /, ""); ino[$0] = i; next }
	{ i = $1; sub(/^[^ ]+ /, ""); n++; if (ino[$0] == i) s++ }
	END { print s + 0, n + 0 }' "$tmp/pinned" "$tmp/new")
echo "# $shared of $total files are the pinned tree's; du (links once, alone):"
du -sh "$psrc" "$src" | sed 's/^/#   /'
du -sh "$src" | sed 's/^/#   /'
expect "most files are hard links to the pinned tree's same path ($shared of $total)" \
	test "$shared" -gt $((total * 8 / 10))
expect "COPYING is one file for both" test "$(stat -c %i "$src/COPYING")" = "$(stat -c %i "$psrc/COPYING")"
expect "the Makefile differs between the versions and is not linked" \
	sh -c "! cmp -s '$src/Makefile' '$psrc/Makefile' &&
		[ \$(stat -c %i '$src/Makefile') != \$(stat -c %i '$psrc/Makefile') ]"
for f in "$src/.id-utils.index" "$src/.mmucheck-unpacked" "$src/.mmucheck-indexed" \
	"$build/.mmucheck-prepared"; do
	expect "${f#"$cache"/} is no hard link" test "$(stat -c %h "$f")" -eq 1
done

# a version the archive does not serve
snap() { ls -a "$cache" "$cache/trees"; }
snap >"$tmp/before"
"$kt" 6.1.999-9 >"$tmp/out" 2>"$tmp/err"
status=$?
expect "6.1.999-9: exit 2, one line on stderr naming it, nothing on stdout" \
	sh -c "[ $status -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q '6.1.999-9' '$tmp/err' &&
		[ ! -s '$tmp/out' ]"
expect "6.1.999-9: nothing made in the cache" diff -u "$tmp/before" <(snap)
MMUCHECK_CACHE=$tmp/cache "$kt" 6.1.999-9 >/dev/null 2>&1
expect "6.1.999-9: not even the cache folder" test ! -e "$tmp/cache"
done_testing
