// SPDX-License-Identifier: GPL-2.0-only
// Lists the functions that open an mmu notifier range (mutation targets).
@r@
position p;
@@
(
mmu_notifier_invalidate_range_start@p(...)
|
mmu_notifier_invalidate_range_start_nonblock@p(...)
)

@script:python@
p << r.p;
@@
print("%s %s" % (p[0].file, p[0].current_element))
