// SPDX-License-Identifier: GPL-2.0-only
/// [page-freed-before-range-end] Find page references dropped after the
/// page's entry was cleared inside an mmu notifier range and before the
/// secondary TLBs were flushed.
///
/// An IOMMU that shares the CPU page tables (SVA: amd iommu_v2, intel-svm,
/// arm-smmu-v3-sva) keeps translations in its own TLB.  If the last
/// reference of a page is dropped while the device TLB still maps it, the
/// page is reused under a live device mapping.  Up to 6.5 the device TLB is
/// flushed by mmu_notifier_invalidate_range(), the *_clear_flush_notify()
/// helpers, the mmu_gather, or mmu_notifier_invalidate_range_end() (not
/// _only_end()).  From 6.6 the architecture's TLB flush does it, so the
/// put must follow a flush of the cleared entry (ptep_clear_flush(),
/// flush_tlb_range(), ...).  The era is read from the tree's
/// include/linux/mmu_notifier.h.
///
//# A put is not the last one, and is not reported, when the function took
//# the reference itself before (get_page, folio_get, folio_try_get) or the
//# page came from its caller as a parameter (try_to_unmap_one: "call of
//# try_to_unmap() must hold a reference").  References a caller holds on a
//# page the function found itself (KSM's scanned page) are invisible to
//# Coccinelle.  Pages freed through the mmu_gather are not puts.
//
// Confidence: Moderate
// Comments: rule ids and the API model are described in README
// Options: --no-includes --timeout 120

virtual report
virtual org
virtual context

@initialize:python@
@@
import os
import re

facts = {}
eras = {}

def file_facts(name):
    f = facts.get(name)
    if f is None:
        f = facts[name] = {"params": {}, "defs": {}, "lines": None,
                           "printed": set()}
    return f

# BEGIN mmucheck-model era
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
# ERA(from, text, present, to) rows: the era of an mmu_notifier.h
ERA_ROWS = (
    (0, "arch_invalidate_secondary_tlbs", True, 606),
    (0, "invalidate_range_only_end", True, 415),
    (0, "invalidate_page", True, 412),
    (0, "mmu_notifier_range_init", False, 414),
    (0, "", True, 500),
    (606, "set_pte_at_notify", False, 610),
    (415, "struct mmu_notifier_range {", True, 603),
    (603, "struct vm_area_struct *vma;", True, 601),
    (415, "start_nonblock", True, 419),
)
# BOUNDARY(cpu_flush_is_secondary): from this version on the CPU TLB
# flush also invalidates the secondary TLBs.
CPU_FLUSH_IS_SECONDARY = 606

def era_of_header(text):
    """The version (major * 100 + minor) an mmu_notifier.h looks like:
    the rows are tried in order, as by checker/model/era.c."""
    version = 0
    for start, mark, present, to in ERA_ROWS:
        if start == version and (mark in text) == present:
            version = to
    return version
# END mmucheck-model era

def tlb_flush_era(name):
    """True when the secondary TLBs are flushed with the CPU TLB (6.6+).

    Read from the include/linux/mmu_notifier.h of the tree the file is in,
    with the rows of checker/model/era.def.
    """
    d = os.path.dirname(os.path.abspath(name))
    while True:
        if d in eras:
            return eras[d]
        header = os.path.join(d, "include", "linux", "mmu_notifier.h")
        if os.path.exists(header):
            with open(header, errors="replace") as h:
                eras[d] = era_of_header(h.read()) >= CPU_FLUSH_IS_SECONDARY
            return eras[d]
        parent = os.path.dirname(d)
        if parent == d:
            return False
        d = parent

def source_lines(name):
    f = file_facts(name)
    if f["lines"] is None:
        try:
            with open(name, errors="replace") as src:
                f["lines"] = src.readlines()
        except OSError:
            f["lines"] = []
    return f["lines"]

def spelling(p):
    """The identifier at a position (the call matched by a disjunction)."""
    lines = source_lines(p[0].file)
    line = int(p[0].line)
    if line > len(lines):
        return "?"
    return lines[line - 1][int(p[0].column):int(p[0].column_end)]

WORD = re.compile(r"[A-Za-z_]\w*")
# References a function takes itself (own_ref()).
# BEGIN mmucheck-model page-gets
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
PAGE_GETS = ("get_page", "try_get_page", "folio_get", "folio_try_get",
             "get_page_unless_zero", "folio_ref_add", "page_ref_add",
             "folio_ref_inc", "page_ref_inc")
GETS = "(" + "|".join(PAGE_GETS) + ")"
# END mmucheck-model page-gets

def root_name(text):
    m = WORD.search(text)
    return m.group(0) if m else ""

def fn_text(p, fn):
    """The function from its definition to the put."""
    f = file_facts(p[0].file)
    start = f["defs"].get(fn, 1)
    return "".join(source_lines(p[0].file)[start - 1:int(p[0].line) - 1])

def caller_ref(p, fn, page):
    """The page is a parameter, or the folio of one."""
    params = file_facts(p[0].file)["params"].get(fn, set())
    if root_name(page) in params:
        return True
    # folio = page_folio(page): the same page under another type
    m = re.search(re.escape(page.strip()) + r"\s*=(?!=)\s*(?:\w+\s*\(\s*)?(\w+)\s*\)?\s*;", fn_text(p, fn))
    return bool(m) and m.group(1) in params

def own_ref(p, fn, page):
    """The function took a reference on the page before the put."""
    text = fn_text(p, fn)
    return re.search(GETS + r"\s*\(\s*" + re.escape(page.strip()) + r"\s*[,)]", text) is not None

# BEGIN mmucheck-model suppressed
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
def suppressed(name, line, rule):
    """A "mmucheck: ignore RULE (reason)" comment on the line or the line
    above silences a false alarm there."""
    try:
        with open(name, errors="replace") as src:
            lines = src.readlines()
    except OSError:
        return False
    near = "".join(lines[max(0, line - 2):line])
    return re.search(r"mmucheck:\s*ignore\s+" + re.escape(rule), near) is not None
# END mmucheck-model suppressed

def finding(p, pc, fn, page, late_era):
    if tlb_flush_era(p[0].file) != late_era:
        return None
    if suppressed(p[0].file, int(p[0].line), "page-freed-before-range-end"):
        return None
    if caller_ref(p, fn, page) or own_ref(p, fn, page):
        return None
    flush = "the TLB flush" if late_era else "mmu_notifier_invalidate_range_end()"
    return ("[page-freed-before-range-end] %s() may drop the last reference after %s() at line %s cleared the entry, before %s in %s()"
            % (spelling(p), spelling(pc), pc[0].line, flush, fn))

def emit(p, msg, org):
    f = file_facts(p[0].file)
    k = (p[0].line, p[0].column)
    if msg is None or k in f["printed"]:
        return
    f["printed"].add(k)
    if org:
        coccilib.org.print_todo(p[0], msg)
    else:
        coccilib.report.print_report(p[0], msg)

// ---------------------------------------------------------------------------
// Detection, up to 6.5: the secondary TLB is flushed by ->invalidate_range
// ---------------------------------------------------------------------------

@early exists@
identifier fn;
expression E;
position pc, p;
@@

fn(...) {
... when any
// BEGIN mmucheck-model range-starts
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_start(...)
|
mmu_notifier_invalidate_range_start_nonblock(...)
)
// END mmucheck-model range-starts
// BEGIN mmucheck-model range-ends-early-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_end(...)
    when != mmu_notifier_invalidate_range_only_end(...)
// END mmucheck-model range-ends-early-when
// BEGIN mmucheck-model clears-early@pc
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
ptep_get_and_clear@pc(...)
|
ptep_get_and_clear_full@pc(...)
|
ptep_clear@pc(...)
|
pte_clear@pc(...)
|
ptep_clear_flush@pc(...)
|
pmdp_huge_clear_flush@pc(...)
|
pudp_huge_clear_flush@pc(...)
|
pmdp_huge_get_and_clear@pc(...)
|
pmdp_huge_get_and_clear_full@pc(...)
|
pudp_huge_get_and_clear@pc(...)
|
pudp_huge_get_and_clear_full@pc(...)
|
pmdp_collapse_flush@pc(...)
|
huge_ptep_get_and_clear@pc(...)
|
huge_ptep_clear_flush@pc(...)
|
huge_pte_clear@pc(...)
|
huge_pmd_unshare@pc(...)
|
__huge_pmd_unshare@pc(...)
|
pmdp_invalidate@pc(...)
|
pmdp_invalidate_ad@pc(...)
)
// END mmucheck-model clears-early@pc
// BEGIN mmucheck-model flushes-early-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_end(...)
    when != mmu_notifier_invalidate_range(...)
    when != mmu_notifier_invalidate_page(...)
    when != tlb_flush_mmu_tlbonly(...)
    when != tlb_flush_mmu(...)
    when != tlb_finish_mmu(...)
    when != ptep_clear_flush_notify(...)
    when != pmdp_huge_clear_flush_notify(...)
    when != pudp_huge_clear_flush_notify(...)
// END mmucheck-model flushes-early-when
// BEGIN mmucheck-model puts-early@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
put_page@p(E, ...)
|
folio_put@p(E, ...)
|
folio_put_refs@p(E, ...)
|
release_pages@p(E, ...)
|
free_page_and_swap_cache@p(E, ...)
|
free_pages_and_swap_cache@p(E, ...)
|
put_pages_list@p(E, ...)
|
__free_pages@p(E, ...)
|
__free_page@p(E, ...)
)
// END mmucheck-model puts-early@p
... when any
}

// ---------------------------------------------------------------------------
// Detection, 6.6 on: the secondary TLB is flushed with the CPU TLB
// ---------------------------------------------------------------------------

@late exists@
identifier fn;
expression E;
position pc, p;
@@

fn(...) {
... when any
// BEGIN mmucheck-model range-starts
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_start(...)
|
mmu_notifier_invalidate_range_start_nonblock(...)
)
// END mmucheck-model range-starts
// BEGIN mmucheck-model range-ends-late-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_end(...)
// END mmucheck-model range-ends-late-when
// BEGIN mmucheck-model clears-late@pc
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
ptep_get_and_clear@pc(...)
|
ptep_get_and_clear_full@pc(...)
|
get_and_clear_full_ptes@pc(...)
|
clear_full_ptes@pc(...)
|
ptep_clear@pc(...)
|
pte_clear@pc(...)
|
pmdp_huge_get_and_clear@pc(...)
|
pmdp_huge_get_and_clear_full@pc(...)
|
pudp_huge_get_and_clear@pc(...)
|
pudp_huge_get_and_clear_full@pc(...)
|
huge_ptep_get_and_clear@pc(...)
|
huge_pte_clear@pc(...)
|
huge_pmd_unshare@pc(...)
|
__huge_pmd_unshare@pc(...)
)
// END mmucheck-model clears-late@pc
// BEGIN mmucheck-model flushes-late-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != flush_tlb_range(...)
    when != flush_tlb_page(...)
    when != flush_tlb_mm(...)
    when != flush_tlb_mm_range(...)
    when != flush_tlb_batched_pending(...)
    when != flush_tlb_all(...)
    when != tlb_flush_mmu_tlbonly(...)
    when != tlb_flush_mmu(...)
    when != tlb_finish_mmu(...)
    when != ptep_clear_flush(...)
    when != pmdp_huge_clear_flush(...)
    when != pudp_huge_clear_flush(...)
    when != pmdp_collapse_flush(...)
    when != huge_ptep_clear_flush(...)
    when != pmdp_invalidate(...)
    when != pmdp_invalidate_ad(...)
    when != pudp_invalidate(...)
// END mmucheck-model flushes-late-when
// BEGIN mmucheck-model puts-late@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
put_page@p(E, ...)
|
folio_put@p(E, ...)
|
folio_put_refs@p(E, ...)
|
folios_put@p(E, ...)
|
folios_put_refs@p(E, ...)
|
release_pages@p(E, ...)
|
free_page_and_swap_cache@p(E, ...)
|
free_pages_and_swap_cache@p(E, ...)
|
put_pages_list@p(E, ...)
|
__free_pages@p(E, ...)
|
__free_page@p(E, ...)
)
// END mmucheck-model puts-late@p
... when any
}

// ---------------------------------------------------------------------------
// Facts: parameters and where functions start
// ---------------------------------------------------------------------------

@param depends on early || late@
identifier fn, x;
type T;
position pf;
@@
fn@pf(..., T x, ...) { ... }

@script:python depends on param@
fn << param.fn;
x << param.x;
pf << param.pf;
@@
f = file_facts(pf[0].file)
f["params"].setdefault(fn, set()).add(x)
f["defs"].setdefault(fn, int(pf[0].line))

// ---------------------------------------------------------------------------
// For context mode
// ---------------------------------------------------------------------------

@depends on context@
identifier early.fn;
expression early.E;
position early.pc;
position early.p : script:python(pc, fn, E) { finding(p, pc, fn, E, False) is not None };
identifier put;
@@
* put@p(...)

@depends on context@
identifier late.fn;
expression late.E;
position late.pc;
position late.p : script:python(pc, fn, E) { finding(p, pc, fn, E, True) is not None };
identifier put;
@@
* put@p(...)

// ---------------------------------------------------------------------------
// For org and report mode
// ---------------------------------------------------------------------------

@script:python depends on org@
fn << early.fn;
E << early.E;
pc << early.pc;
p << early.p;
@@
emit(p, finding(p, pc, fn, E, False), True)

@script:python depends on org@
fn << late.fn;
E << late.E;
pc << late.pc;
p << late.p;
@@
emit(p, finding(p, pc, fn, E, True), True)

@script:python depends on report@
fn << early.fn;
E << early.E;
pc << early.pc;
p << early.p;
@@
emit(p, finding(p, pc, fn, E, False), False)

@script:python depends on report@
fn << late.fn;
E << late.E;
pc << late.pc;
p << late.p;
@@
emit(p, finding(p, pc, fn, E, True), False)
