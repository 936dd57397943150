# SPDX-License-Identifier: GPL-2.0
#
# mmucheck: checks the MMU-notifier contract in Linux kernel sources.
#
#   make scan     install what is needed, prepare linux-source-6.1, run every
#                 engine on it and print the findings
#   make check    install what is needed and run every test (TAP, ends with
#                 "N passed, N failed")
#   make check-fast   the tests that need no real kernel tree (inner loop)
#   make deps     install the Debian packages (idempotent; root)
#   make trees    prepare linux-source-6.1 and 6.12 (scripts/kernel-tree)
#   make batch-trees VERSIONS="6.1.190-1 6.1.192-3"
#                 prepare those package versions; prints "SRC BUILD" each
#   make batch VERSIONS="6.1.170-3 6.1.192-3 ..."
#                 prepare them and write batch-report/ (mmucheck batch:
#                 report.json, a SARIF per version, index.html)
#   make batch-served   make batch over every release of 6.1 and of 6.12
#                 the archive serves, into docs/batch/SERIES/
#   make checker  build checker/mmucheck
#   make lint     clang-format, checkpatch.pl and shellcheck (make check runs it)

VERSION ?= 6.1

.PHONY: all deps trees batch-trees batch batch-served checker scan check check-fast lint clean

all: checker

deps:
	@scripts/deps

checker: deps
	@$(MAKE) -s -C checker

trees: deps
	@scripts/kernel-tree 6.1 >/dev/null
	@scripts/kernel-tree 6.12 >/dev/null

# kernel-tree exits 2 on a version the archive does not serve; the first
# failure stops the batch
batch-trees: deps
	@[ -n "$(VERSIONS)" ] || { echo 'make batch-trees: VERSIONS="6.1.190-1 ..." needed' >&2; exit 2; }
	@for v in $(VERSIONS); do scripts/kernel-tree "$$v" || exit 2; done

# each version prepared, then one mmucheck batch over them in that order,
# with the verdicts committed here
BATCH_OUT ?= batch-report
BATCH_VERDICTS ?= testcases/real/batch/verdicts
batch: deps checker
	@[ -n "$(VERSIONS)" ] || { echo 'make batch: VERSIONS="6.1.170-3 6.1.192-3 ..." needed' >&2; exit 2; }
	@specs=; for v in $(VERSIONS); do \
		line=$$(scripts/kernel-tree "$$v" | tail -1) || exit 2; \
		specs="$$specs $$v=$${line% *}:$${line#* }"; \
	done; checker/mmucheck batch -o $(BATCH_OUT) --verdicts=$(BATCH_VERDICTS) $$specs

# every release of each series the archive serves, oldest first, into
# docs/batch/SERIES/ (the report the README summarises)
SERIES ?= 6.1 6.12
batch-served: deps checker
	@scripts/batch-served $(SERIES)

scan: deps checker
	@scripts/scan $(VERSION); status=$$?; [ $$status -le 1 ]

check: deps checker
	@tests/run

lint: deps
	@scripts/lint

check-fast: deps checker
	@MMUCHECK_FAST=1 tests/run

clean:
	@$(MAKE) -s -C checker clean
