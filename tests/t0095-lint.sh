#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make lint: the C as the kernel's .clang-format and checkpatch.pl want it,
# the scripts as shellcheck wants them; and lint does catch a badly
# formatted file.

. "$(dirname "$0")/lib.sh"
expect "make lint is clean" sh -c "cd '$top' && scripts/lint >/dev/null 2>&1 || scripts/lint"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'int  f( int x ){return x;}\n' >"$tmp/bad.c"
expect "clang-format with the house style rejects a misformatted file" \
	sh -c "! clang-format-19 --style=file:'$top/checker/.clang-format' --dry-run --Werror '$tmp/bad.c' 2>/dev/null"
done_testing
