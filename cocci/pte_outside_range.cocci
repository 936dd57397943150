// SPDX-License-Identifier: GPL-2.0-only
/// [pte-outside-range] Find changes to user page-table entries that are not
/// covered by an mmu notifier invalidation range.
///
/// A secondary MMU (KVM, an IOMMU sharing the CPU page tables, a GPU mirror)
/// may hold a copy of any present PTE/PMD/PUD.  Clearing, write-protecting
/// or replacing such an entry must happen between
/// mmu_notifier_invalidate_range_start() and _end(), or the secondary MMU
/// keeps using the old translation (use-after-free of the page, lost
/// writes).  The finding is placed where the fix goes: on the primitive,
/// with the callers in the file that reach it as the message's tail, unless
/// some chains of callers hold a range and others do not - then on the
/// call with no range above it; a page-walk callback's range belongs to
/// the walk's call.
///
//# Coccinelle sees one file and no types, so it stays quiet where the
//# kernel is usually right and it cannot tell: functions taking a
//# struct mmu_notifier_range *, struct mmu_gather * or struct mm_walk *
//# (they run inside a caller's range or page walk); entries of init_mm,
//# efi_mm and poking_mm; helpers whose every caller in the file holds a
//# range (correlated conditions such as is_cow count as holding it);
//# functions without in-file callers that modify an entry handed in by
//# their caller (a pte_t * parameter or vmf->pte) - the caller in another
//# file is responsible; installs (set_pte_at, set_pmd_at, ...) in a
//# function that clears nothing, or over a slot the function itself
//# cleared (a fill, DOMAIN E.1 and E.11); installs under the kernel's
//# "No need to invalidate" comment; and, up to 4.12, changes followed on
//# some path by mmu_notifier_invalidate_page(), the era's form of telling
//# one page's change (docs/kernel-api.md A.2).  A lookup that starts its
//# caller's range when given one (follow_pte_pmd(), follow_invalidate_pte()
//# of their eras) counts as a start.  Callers in other files, ops tables
//# and page-walk callbacks are left to the checker (checker/mmucheck).
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

# Everything is collected per file and decided once every fact is in:
# Coccinelle applies the rules in order, so the decision rules at the end see
# the facts of the whole file.
facts = {}
eras = {}

def file_facts(name):
    f = facts.get(name)
    if f is None:
        f = facts[name] = {
            "ops": [], "exempt": set(), "special_mm": set(),
            "notified": set(),
            "calls": None, "starts": {}, "ends": {}, "defs": {},
            "params": {}, "decided": None, "needy": set(),
            "call_names": set(), "param_types": {},
            "op_keys": set(), "lines": None,
        }
    return f

# The page-table primitives of the op rule below, for the places where a
# primitive is defined in terms of another (arch and generic helpers).
# BEGIN mmucheck-model primitives
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
PRIMITIVES = set("""
    ptep_get_and_clear ptep_get_and_clear_full get_and_clear_full_ptes
    clear_full_ptes ptep_clear pte_clear ptep_clear_flush
    ptep_clear_flush_notify pmdp_huge_clear_flush
    pmdp_huge_clear_flush_notify pudp_huge_clear_flush
    pudp_huge_clear_flush_notify pmdp_huge_get_and_clear
    pmdp_huge_get_and_clear_full pudp_huge_get_and_clear
    pudp_huge_get_and_clear_full pmdp_collapse_flush huge_ptep_get_and_clear
    huge_ptep_clear_flush huge_pte_clear huge_pmd_unshare __huge_pmd_unshare
    pmdp_invalidate pmdp_invalidate_ad pudp_invalidate ptep_set_wrprotect
    wrprotect_ptes pmdp_set_wrprotect pudp_set_wrprotect
    huge_ptep_set_wrprotect ptep_modify_prot_start
    huge_ptep_modify_prot_start pmdp_establish pudp_establish set_pte_at
    set_ptes set_pmd_at set_pud_at set_huge_pte_at ptep_modify_prot_commit
    huge_ptep_modify_prot_commit set_pte_at_notify
""".split())
# END mmucheck-model primitives

# Installs: a fill, unless the slot held a present entry.  set_pte_at_notify()
# is not one: it announces the change of a present entry.
# BEGIN mmucheck-model installs
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
INSTALLS = ("set_pte_at", "set_ptes", "set_pmd_at", "set_pud_at",
            "set_huge_pte_at", "ptep_modify_prot_commit",
            "huge_ptep_modify_prot_commit")
# END mmucheck-model installs

def ptr_re(ptr):
    """A regular expression for an entry pointer as written in C."""
    tokens = re.findall(r"\w+|->|\S", ptr)
    return r"\b" + r"\s*".join(re.escape(t) for t in tokens) + r"\b"

def root_name(text):
    m = re.match(r"\s*[(&*]*\s*([A-Za-z_]\w*)", text)
    return m.group(1) if m else ""

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
    """The identifier at a position (the primitive matched by a disjunction)."""
    lines = source_lines(p[0].file)
    line = int(p[0].line)
    if line > len(lines):
        return "?"
    return lines[line - 1][int(p[0].column):int(p[0].column_end)]

# BEGIN mmucheck-model no-need
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
NO_NEED = ("No need to invalidate",)
# END mmucheck-model no-need

def said_no_need(op):
    """The kernel marks fills of non-present slots with this comment."""
    lines = source_lines(op["file"])
    first = max(0, op["line"] - 9)
    return any(mark in l for mark in NO_NEED for l in lines[first:op["line"]])

def is_fill(f, op):
    if op["prim"] not in INSTALLS:
        return False
    same_fn = [o for o in f["ops"] if o["fn"] == op["fn"]]
    clears = [o for o in same_fn if o["prim"] not in INSTALLS]
    if not clears:
        return True
    if any(o["ptr"] == op["ptr"] and o["line"] < op["line"] for o in clears):
        return True
    # a slot in a table allocated here (the child of fork, a new hugetlb table)
    fresh = ptr_re(op["ptr"]) + r"\s*=(?!=)\s*\w*alloc\w*\s*\("
    if re.search(fresh, fn_text(f, op)):
        return True
    return said_no_need(op)

COMMENT_RE = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
STRING_RE = re.compile(r'"(\\.|[^"\\])*"')
WORD_RE = re.compile(r"[A-Za-z_]\w*")
CALL_RE = re.compile(r"\b([A-Za-z_]\w*)\s*\(")

def code_lines(f, name):
    """Source lines with comments and strings blanked, columns kept."""
    if f.get("code") is None:
        text = "".join(source_lines(name))
        blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))
        text = STRING_RE.sub(blank, COMMENT_RE.sub(blank, text))
        f["code"] = text.split("\n")
    return f["code"]

def enclosing(f, line):
    owner = None
    for start, fn in f["def_lines"]:
        if start > line:
            break
        owner = fn
    return owner

def fn_text(f, op):
    """The code of the function from its definition up to the primitive."""
    start = f["defs"].get(op["fn"], 1)
    return "\n".join(code_lines(f, op["file"])[start - 1:op["line"] - 1])

def fault_entry(f, op):
    """The faulting entry itself (vmf->pte, not walked again here): a fault
    replaces a non-present or write-protected entry, or clears a marker."""
    ptr = op["ptr"].strip()
    root = root_name(ptr)
    types = f["param_types"].get(op["fn"], {})
    return "vm_fault" in types.get(root, "") and handed_in(f, op)

def handed_in(f, op):
    """The entry pointer comes from the caller and is not re-walked here."""
    ptr = op["ptr"].strip()
    if root_name(ptr) not in f["params"].get(op["fn"], set()):
        return False
    assigned = ptr_re(ptr) + r"\s*=(?!=)"
    return re.search(assigned, fn_text(f, op)) is None

WALK_OPS_RE = re.compile(r"struct\s+mm_walk_ops\s+(\w+)\s*=\s*\{(.*?)\};", re.S)
WALK_FIELD_RE = re.compile(r"\.\s*(\w+)\s*=\s*&?\s*(\w+)")
WALK_CALL_RE = re.compile(r"\b(walk_page_\w+)\s*\([^;]*?&\s*(\w+)")

def walk_tables(f, name):
    """struct mm_walk_ops tables of the file: name -> {field: callback}."""
    text = "\n".join(code_lines(f, name))
    return {m.group(1): dict(WALK_FIELD_RE.findall(m.group(2)))
            for m in WALK_OPS_RE.finditer(text)}

def walk_edges(f, name, owner, i, text, tables):
    """A page walk calls the callbacks of its ops table.  A .pre_vma that
    opens a range covers the walk (mapping_dirty_helpers)."""
    edges = []
    for m in WALK_CALL_RE.finditer(text):
        ops = tables.get(m.group(2), {})
        opens = any(cb in f["starts"] for cb in ops.values())
        for field, cb in ops.items():
            if cb in f["defs"]:
                edges.append({"caller": owner, "callee": cb, "line": i,
                              "name": m.group(1), "in_range": opens,
                              "key": (name, i, m.start(1))})
    return edges

def text_calls(f, name):
    """Direct calls between the functions defined in this file, and the
    callbacks page walks run.

    Read from the text: an SmPL rule over every call costs more than the
    rest of the rule together.
    """
    if f["calls"] is not None:
        return f["calls"]
    f["def_lines"] = sorted((line, fn) for fn, line in f["defs"].items())
    tables = walk_tables(f, name)
    calls = []
    for i, text in enumerate(code_lines(f, name), 1):
        owner = enclosing(f, i)
        if owner is None:
            continue
        for m in CALL_RE.finditer(text):
            callee = m.group(1)
            if callee not in f["defs"] or f["defs"][callee] == i:
                continue
            calls.append({"caller": owner, "callee": callee, "line": i,
                          "name": callee, "in_range": False,
                          "key": (name, i, m.start(1))})
        calls += walk_edges(f, name, owner, i, text, tables)
    f["calls"] = calls
    return calls

def in_region(f, fn, line):
    """Between the first start of the function and its last end, in the text.

    Coccinelle cannot correlate a conditional start with the path that
    reaches a call (is_cow, a lazy range.start, a notified flag), so the
    text of the range stands in for the paths through it.
    """
    starts = f["starts"].get(fn)
    if not starts or line < min(starts):
        return False
    ends = [e for e in f["ends"].get(fn, []) if e > min(starts)]
    return not ends or line < max(ends)

def covered(f, call):
    """A call in a range, or made after its first start by a function that
    manages its own range (it orders its calls around the range on purpose:
    khugepaged copies from a page table it detached inside its range, after
    ending it)."""
    starts = f["starts"].get(call["caller"])
    return call["in_range"] or (starts and call["line"] > min(starts)) or \
        in_region(f, call["caller"], call["line"])

def callers_of(f, fn):
    return [c for c in f["calls"] if c["callee"] == fn and c["caller"] != fn]

def protected_set(f):
    """Functions that never run outside a range.

    Those with in-file callers are protected when every call is in a range
    or in a protected caller.  Those without are protected by contract when
    they take a range, an mmu_gather or a page walk, or define a primitive.
    """
    prot = set(fn for fn in f["exempt"] if not callers_of(f, fn))
    prot |= set(fn for fn in f["defs"] if is_api(fn))
    changed = True
    while changed:
        changed = False
        for fn in set(c["callee"] for c in f["calls"]) - prot:
            calls = callers_of(f, fn)
            if calls and all(covered(f, c) or c["caller"] in prot
                             for c in calls):
                prot.add(fn)
                changed = True
    return prot

def is_aging(f, op):
    """Clear and put back the same entry made old (MADV_COLD, DOMAIN E.2):
    the pfn and the permissions stay, nothing for a secondary MMU to drop."""
    if op["prim"] in INSTALLS:
        return False
    after = "\n".join(code_lines(f, op["file"])[op["line"] - 1:op["line"] + 6])
    put_back = r"\bset_(pte_at|ptes|pmd_at|huge_pte_at)\s*\([^;]*%s" % ptr_re(op["ptr"])
    return re.search(put_back, after) is not None and \
        re.search(r"\b(pte|pmd)_mkold\s*\(", after) is not None and \
        re.search(r"\b(pte|pmd)_(mkclean|wrprotect)\s*\(", after) is None

# Functions named like the page-table API are its implementation (arch and
# generic helpers such as get_clear_contig_flush() sit below them).
API_NAME = re.compile(r"^_*(ptep|pmdp|pudp|huge_ptep|huge_pte|set_pte|set_ptes|set_pmd|set_pud|set_huge_pte|pte_clear|pmd_clear|pud_clear)")

def is_api(fn):
    return fn in PRIMITIVES or API_NAME.match(fn) is not None

IF_RE = re.compile(r"^\s*(?:\}\s*else\s+)?if\s*\((.*)$")
NOT_PRESENT = re.compile(r"is_pte_marker|is_swap_pte|is_swap_pmd|!\s*pte_present|!\s*pmd_present|\bpte_none|\bpmd_none|is_migration_entry|is_device_private_entry")

def indent(text):
    return len(text.expandtabs(8)) - len(text.expandtabs(8).lstrip())

def guard_of(f, op):
    """The condition of the if whose branch holds the primitive (kernel
    indentation), or an empty string."""
    lines = code_lines(f, op["file"])
    i = op["line"] - 1
    depth = indent(lines[i])
    for j in range(i - 1, max(-1, i - 40), -1):
        text = lines[j]
        if not text.strip() or indent(text) >= depth:
            continue
        m = IF_RE.match(text)
        return m.group(1) if m else ""
    return ""

def not_present(f, op):
    """The primitive runs under a test that the entry is not present (a
    swap entry, a marker, an empty slot): nothing a secondary MMU maps."""
    return NOT_PRESENT.search(guard_of(f, op)) is not None

def uncovered_ops(f, prot):
    for op in f["ops"]:
        if op["fn"] in prot or is_api(op["fn"]):
            continue
        if op["key"] in f["notified"]:
            continue
        if op["key"] in f["special_mm"] or is_fill(f, op) or is_aging(f, op):
            continue
        if fault_entry(f, op) or not_present(f, op):
            continue
        if in_region(f, op["fn"], op["line"]):
            continue
        yield op

def entry_type(prim):
    """The C type of the entry a primitive changes."""
    m = re.search(r"(pmd|pud)", prim)
    return (m.group(1) if m else "pte") + "_t"

def passes_param(f, h, call, wanted):
    """The call passes on a parameter of h whose type matches wanted."""
    text = code_lines(f, call["key"][0])[call["line"] - 1][call["key"][2]:]
    args = set(WORD_RE.findall(text.split(";")[0]))
    types = f["param_types"].get(h, {})
    return any(re.search(wanted, t) and x in args for x, t in types.items())

def passes_entry(f, h, call, op):
    """h passes on the very entry it was handed (a pte_t * for a pte
    primitive): its caller, in another file, walked the table to that entry
    and owns the range."""
    return passes_param(f, h, call, r"\b%s\s*\*" % entry_type(op["prim"]))

def passes_fault(f, h, call):
    """A fault handler passes on its fault: the helper works on the faulting
    entry, which was non-present or write-protected (DOMAIN E.1, E.2)."""
    return passes_param(f, h, call, r"struct\s+vm_fault\s*\*")

def chain_text(op, helpers):
    """The path from a call to the primitive, for the message."""
    text = "it reaches %s() at line %d" % (op["prim"], op["line"])
    if helpers:
        text += " through %s()" % "(), ".join(helpers)
    return text

def holds_range(f, prot, c):
    """The call is made in a range, or by a function that runs in one."""
    h = c["caller"]
    return covered(f, c) or h in prot or \
        (h in f["exempt"] and not callers_of(f, h))

def range_above(f, prot, fn, memo, seen=()):
    """Some chain of in-file callers above fn holds a range (a caller that
    manages ranges of its own counts: the call belongs inside them)."""
    if fn in memo:
        return memo[fn]
    if fn in seen:
        return False
    found = any(holds_range(f, prot, c) or c["caller"] in f["starts"] or
                range_above(f, prot, c["caller"], memo, seen + (fn,))
                for c in callers_of(f, fn))
    memo[fn] = found
    return found

def unguarded_callers(f, prot, fn, op):
    """The calls into fn with no range; a fault handler passing on its
    fault hands a helper the faulting entry (docs/kernel-api.md E.1)."""
    return [c for c in callers_of(f, fn) if not holds_range(f, prot, c) and
            not (handed_in(f, op) and passes_fault(f, c["caller"], c))]

def walked_above(f, prot, fn, op, seen=()):
    """Some chain of callers above fn walks to the entry itself rather than
    passing on the one it was handed."""
    return any(not passes_entry(f, c["caller"], c, op) or
               (c["caller"] not in seen and
                walked_above(f, prot, c["caller"], op, seen + (fn,)))
               for c in unguarded_callers(f, prot, fn, op))

def callers_text(f, prot, fn, op):
    calls = unguarded_callers(f, prot, fn, op)
    shown = ", ".join("%s() at line %d" % (c["caller"], c["line"])
                      for c in calls[:4])
    if len(calls) > 4:
        shown += " and %d more" % (len(calls) - 4)
    return shown

def decide(f):
    """Map of finding keys (file, line, col) to messages.

    The finding goes where the fix goes (docs/kernel-api.md F.2): on the
    change, in a function that manages ranges, that has no caller in the
    file, or whose in-file callers hold no range on any chain; when some
    chains of callers hold a range and others do not, on each call that
    has none above it.  A function that runs in its caller's range by
    contract (a range, mmu_gather or page-walk argument) leaves it to its
    callers.
    """
    if f["decided"] is not None:
        return f["decided"]
    found = f["decided"] = {}
    if not f["ops"]:
        return found
    text_calls(f, f["ops"][0]["file"])
    prot = protected_set(f)
    memo = {}

    def report_op(op, why):
        found.setdefault(op["key"], "[pte-outside-range] %s() outside an mmu notifier range in %s()%s" % (op["prim"], op["fn"], why))

    def report_call(op, down, why):
        c = down[0]
        if c["key"] in found:
            return
        helpers = [x["callee"] for x in down[1:]]
        if c["name"] != c["callee"]:
            helpers = [c["callee"]] + helpers
        found[c["key"]] = "[pte-outside-range] call to %s() outside an mmu notifier range in %s()%s; %s" % (c["name"], c["caller"], why, chain_text(op, helpers))
        f["call_names"].add(c["name"])

    def place(op, at, down):
        """down: the calls from at to the change, the one in at first."""
        handed = handed_in(f, op) and \
            all(passes_entry(f, c["caller"], c, op) for c in down)
        callers = callers_of(f, at)
        if at in f["starts"] or not callers:
            if at in f["exempt"] and not callers:
                return
            if handed and at not in f["starts"]:
                return
            why = ""
        elif at in f["exempt"]:
            place_callers(op, at, down, False)
            return
        elif not range_above(f, prot, at, memo):
            if not unguarded_callers(f, prot, at, op):
                return
            if handed and not walked_above(f, prot, at, op):
                return
            why = ", and no caller in the file opens one (called from %s)" % callers_text(f, prot, at, op)
        else:
            place_callers(op, at, down, True)
            return
        if down:
            report_call(op, down, why)
        else:
            report_op(op, why)

    def place_callers(op, at, down, blame):
        if len(down) > 32 or any(c["callee"] == at for c in down):
            return
        for c in unguarded_callers(f, prot, at, op):
            h = c["caller"]
            if h in f["exempt"] and not callers_of(f, h):
                continue
            chain = [c] + down
            if blame and h not in f["starts"] and callers_of(f, h) and \
                    h not in f["exempt"] and not range_above(f, prot, h, memo):
                report_call(op, chain, ", where other callers hold one")
            else:
                place(op, h, chain)

    for op in uncovered_ops(f, prot):
        place(op, op["fn"], [])
    return found

# Functions taking a pointer to one of these run inside a range their
# caller opened.
# BEGIN mmucheck-model in-range-params
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
IN_RANGE_TYPES = ("mmu_notifier_range", "mmu_gather", "mm_walk")
IN_RANGE_PARAM = re.compile(r"struct (%s) \*" % "|".join(IN_RANGE_TYPES))
# END mmucheck-model in-range-params

def key(p):
    return (p[0].file, int(p[0].line), int(p[0].column))

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
    (603, "enum mmu_notifier_event", False, 501),
    (601, "init_owner", False, 508),
    (508, "init_migrate", True, 513),
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

# BEGIN mmucheck-model try-starts
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
# API(name, RANGE_START_TRY, first, last, ...) rows: a call that starts
# a range when it returns 0, given somewhere to put it.
TRY_STARTS = (
    ("follow_pte_pmd", 413, 420),
    ("follow_pte_pmd", 500, 513),
    ("follow_invalidate_pte", 512, 601),
)
# END mmucheck-model try-starts

def tree_era(name):
    """The version the tree's include/linux/mmu_notifier.h looks like (the
    rows of checker/model/era.def), or 0 when the file is in no tree."""
    d = os.path.dirname(os.path.abspath(name))
    while True:
        if d in eras:
            return eras[d]
        header = os.path.join(d, "include", "linux", "mmu_notifier.h")
        if os.path.exists(header):
            with open(header, errors="replace") as h:
                eras[d] = era_of_header(h.read())
            return eras[d]
        parent = os.path.dirname(d)
        if parent == d:
            return 0
        d = parent

def asks_for_range(p, R):
    """A conditional start of its era given somewhere to put the range:
    with NULL (follow_pte() and follow_pfn() lookups) it opens none."""
    if R.strip() in ("NULL", "0"):
        return False
    era = tree_era(p[0].file)
    name = spelling(p)
    return not era or any(n == name and first <= era <= last
                          for n, first, last in TRY_STARTS)

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

def finding(p):
    """The message of the finding at a position, or None."""
    f = file_facts(p[0].file)
    if suppressed(p[0].file, int(p[0].line), "pte-outside-range"):
        return None
    return decide(f).get(key(p))

def is_reported_call(name):
    """A call the decision placed a finding on (a helper or a page walk)."""
    for f in facts.values():
        if f["ops"]:
            decide(f)
            if name in f["call_names"]:
                return True
    return False

def add_op(fn, p, ptr):
    f = file_facts(p[0].file)
    if key(p) not in f["op_keys"]:
        f["op_keys"].add(key(p))
        # Coccinelle prints "vmf -> pte": keep the C spelling
        ptr = re.sub(r"\s+", "", ptr)
        f["ops"].append({"fn": fn, "prim": spelling(p), "ptr": ptr,
                         "key": key(p), "file": p[0].file,
                         "line": int(p[0].line)})

def first_time(p):
    """Several environments can carry one finding: print it once."""
    f = file_facts(p[0].file)
    done = f.setdefault("printed", set())
    if key(p) in done:
        return False
    done.add(key(p))
    return True

// ---------------------------------------------------------------------------
// Facts: primitives reachable without an open range.  Only the first one
// on each path: the ones after it sit in the same function and miss the same
// range (and asking for all of them costs seconds per file).
// ---------------------------------------------------------------------------

@op exists@
identifier fn;
position p;
// BEGIN mmucheck-model primitive-metavars
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
expression M, A, P, A2;
// END mmucheck-model primitive-metavars
@@

fn(...) {
// BEGIN mmucheck-model range-starts-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_start(...)
    when != mmu_notifier_invalidate_range_start_nonblock(...)
// END mmucheck-model range-starts-when
// BEGIN mmucheck-model primitive-calls@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
ptep_get_and_clear@p(M, A, P, ...)
|
ptep_get_and_clear_full@p(M, A, P, ...)
|
get_and_clear_full_ptes@p(M, A, P, ...)
|
clear_full_ptes@p(M, A, P, ...)
|
ptep_clear@p(M, A, P, ...)
|
pte_clear@p(M, A, P, ...)
|
ptep_clear_flush@p(M, A, P, ...)
|
ptep_clear_flush_notify@p(M, A, P, ...)
|
pmdp_huge_clear_flush@p(M, A, P, ...)
|
pmdp_huge_clear_flush_notify@p(M, A, P, ...)
|
pudp_huge_clear_flush@p(M, A, P, ...)
|
pudp_huge_clear_flush_notify@p(M, A, P, ...)
|
pmdp_huge_get_and_clear@p(M, A, P, ...)
|
pmdp_huge_get_and_clear_full@p(M, A, P, ...)
|
pudp_huge_get_and_clear@p(M, A, P, ...)
|
pudp_huge_get_and_clear_full@p(M, A, P, ...)
|
pmdp_collapse_flush@p(M, A, P, ...)
|
huge_ptep_get_and_clear@p(M, A, P, ...)
|
huge_ptep_clear_flush@p(M, A, P, ...)
|
huge_pte_clear@p(M, A, P, ...)
|
huge_pmd_unshare@p(A, M, A2, P, ...)
|
__huge_pmd_unshare@p(A, M, A2, P, ...)
|
pmdp_invalidate@p(M, A, P, ...)
|
pmdp_invalidate_ad@p(M, A, P, ...)
|
pudp_invalidate@p(M, A, P, ...)
|
ptep_set_wrprotect@p(M, A, P, ...)
|
wrprotect_ptes@p(M, A, P, ...)
|
pmdp_set_wrprotect@p(M, A, P, ...)
|
pudp_set_wrprotect@p(M, A, P, ...)
|
huge_ptep_set_wrprotect@p(M, A, P, ...)
|
ptep_modify_prot_start@p(M, A, P, ...)
|
huge_ptep_modify_prot_start@p(M, A, P, ...)
|
pmdp_establish@p(M, A, P, ...)
|
pudp_establish@p(M, A, P, ...)
|
set_pte_at@p(M, A, P, ...)
|
set_ptes@p(M, A, P, ...)
|
set_pmd_at@p(M, A, P, ...)
|
set_pud_at@p(M, A, P, ...)
|
set_huge_pte_at@p(M, A, P, ...)
|
ptep_modify_prot_commit@p(M, A, P, ...)
|
huge_ptep_modify_prot_commit@p(M, A, P, ...)
|
set_pte_at_notify@p(M, A, P, ...)
)
// END mmucheck-model primitive-calls@p
... when any
}

@script:python depends on op@
fn << op.fn;
p << op.p;
P << op.P;
@@
add_op(fn, p, P)

// The first primitive after a range ended, before another starts.
@opend exists@
position p;
// BEGIN mmucheck-model primitive-metavars
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
expression M, A, P, A2;
// END mmucheck-model primitive-metavars
@@

// BEGIN mmucheck-model range-ends-stmts
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_end(...);
|
mmu_notifier_invalidate_range_only_end(...);
)
// END mmucheck-model range-ends-stmts
// BEGIN mmucheck-model range-starts-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_start(...)
    when != mmu_notifier_invalidate_range_start_nonblock(...)
// END mmucheck-model range-starts-when
// BEGIN mmucheck-model primitive-calls@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
ptep_get_and_clear@p(M, A, P, ...)
|
ptep_get_and_clear_full@p(M, A, P, ...)
|
get_and_clear_full_ptes@p(M, A, P, ...)
|
clear_full_ptes@p(M, A, P, ...)
|
ptep_clear@p(M, A, P, ...)
|
pte_clear@p(M, A, P, ...)
|
ptep_clear_flush@p(M, A, P, ...)
|
ptep_clear_flush_notify@p(M, A, P, ...)
|
pmdp_huge_clear_flush@p(M, A, P, ...)
|
pmdp_huge_clear_flush_notify@p(M, A, P, ...)
|
pudp_huge_clear_flush@p(M, A, P, ...)
|
pudp_huge_clear_flush_notify@p(M, A, P, ...)
|
pmdp_huge_get_and_clear@p(M, A, P, ...)
|
pmdp_huge_get_and_clear_full@p(M, A, P, ...)
|
pudp_huge_get_and_clear@p(M, A, P, ...)
|
pudp_huge_get_and_clear_full@p(M, A, P, ...)
|
pmdp_collapse_flush@p(M, A, P, ...)
|
huge_ptep_get_and_clear@p(M, A, P, ...)
|
huge_ptep_clear_flush@p(M, A, P, ...)
|
huge_pte_clear@p(M, A, P, ...)
|
huge_pmd_unshare@p(A, M, A2, P, ...)
|
__huge_pmd_unshare@p(A, M, A2, P, ...)
|
pmdp_invalidate@p(M, A, P, ...)
|
pmdp_invalidate_ad@p(M, A, P, ...)
|
pudp_invalidate@p(M, A, P, ...)
|
ptep_set_wrprotect@p(M, A, P, ...)
|
wrprotect_ptes@p(M, A, P, ...)
|
pmdp_set_wrprotect@p(M, A, P, ...)
|
pudp_set_wrprotect@p(M, A, P, ...)
|
huge_ptep_set_wrprotect@p(M, A, P, ...)
|
ptep_modify_prot_start@p(M, A, P, ...)
|
huge_ptep_modify_prot_start@p(M, A, P, ...)
|
pmdp_establish@p(M, A, P, ...)
|
pudp_establish@p(M, A, P, ...)
|
set_pte_at@p(M, A, P, ...)
|
set_ptes@p(M, A, P, ...)
|
set_pmd_at@p(M, A, P, ...)
|
set_pud_at@p(M, A, P, ...)
|
set_huge_pte_at@p(M, A, P, ...)
|
ptep_modify_prot_commit@p(M, A, P, ...)
|
huge_ptep_modify_prot_commit@p(M, A, P, ...)
|
set_pte_at_notify@p(M, A, P, ...)
)
// END mmucheck-model primitive-calls@p

@script:python depends on opend@
p << opend.p;
P << opend.P;
@@
add_op(p[0].current_element, p, P)

// Mms that have no notifiers (EXEMPT_MM of checker/model/context.def:
// kernel page tables, EFI, text poking, the child of fork), and NULL for
// the kernel page tables.
@special depends on op@
// BEGIN mmucheck-model exempt-mm-symbols
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
symbol init_mm, efi_mm, poking_mm, patching_mm, dst_mm, dst_vma;
// END mmucheck-model exempt-mm-symbols
position op.p;
identifier prim;
@@
(
prim@p(NULL, ...)
|
// BEGIN mmucheck-model exempt-mm-args@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
prim@p(&init_mm, ...)
|
prim@p(init_mm, ...)
|
prim@p(&efi_mm, ...)
|
prim@p(efi_mm, ...)
|
prim@p(&poking_mm, ...)
|
prim@p(poking_mm, ...)
|
prim@p(&patching_mm, ...)
|
prim@p(patching_mm, ...)
|
prim@p(&dst_mm, ...)
|
prim@p(dst_mm, ...)
|
prim@p(&dst_vma, ...)
|
prim@p(dst_vma, ...)
// END mmucheck-model exempt-mm-args@p
)

@script:python depends on special@
p << op.p;
@@
file_facts(p[0].file)["special_mm"].add(key(p))

@special_end depends on opend@
// BEGIN mmucheck-model exempt-mm-symbols
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
symbol init_mm, efi_mm, poking_mm, patching_mm, dst_mm, dst_vma;
// END mmucheck-model exempt-mm-symbols
position opend.p;
identifier prim;
@@
(
prim@p(NULL, ...)
|
// BEGIN mmucheck-model exempt-mm-args@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
prim@p(&init_mm, ...)
|
prim@p(init_mm, ...)
|
prim@p(&efi_mm, ...)
|
prim@p(efi_mm, ...)
|
prim@p(&poking_mm, ...)
|
prim@p(poking_mm, ...)
|
prim@p(&patching_mm, ...)
|
prim@p(patching_mm, ...)
|
prim@p(&dst_mm, ...)
|
prim@p(dst_mm, ...)
|
prim@p(&dst_vma, ...)
|
prim@p(dst_vma, ...)
// END mmucheck-model exempt-mm-args@p
)

@script:python depends on special_end@
p << opend.p;
@@
file_facts(p[0].file)["special_mm"].add(key(p))

// Where each function of the file is defined (for the call graph).
@defs depends on op || opend@
identifier fn;
position pd;
@@
fn@pd(...) { ... }

@script:python depends on defs@
fn << defs.fn;
pd << defs.pd;
@@
file_facts(pd[0].file)["defs"].setdefault(fn, int(pd[0].line))

// Where the function's own ranges start and end.
@opener depends on op || opend@
position ps;
@@
// BEGIN mmucheck-model range-starts@ps
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_start@ps(...)
|
mmu_notifier_invalidate_range_start_nonblock@ps(...)
)
// END mmucheck-model range-starts@ps

@script:python depends on opener@
ps << opener.ps;
@@
f = file_facts(ps[0].file)
f["starts"].setdefault(ps[0].current_element, []).append(int(ps[0].line))

// A lookup that starts its caller's range (follow_pte_pmd()) is a start
// when it is asked for one.
@tryopener depends on op || opend@
// BEGIN mmucheck-model range-try-metavars
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
expression A0, A1, R;
// END mmucheck-model range-try-metavars
position ps;
@@
// BEGIN mmucheck-model range-try-starts@ps
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
follow_pte_pmd@ps(A0, A1, R, ...)
|
follow_invalidate_pte@ps(A0, A1, R, ...)
)
// END mmucheck-model range-try-starts@ps

@script:python depends on tryopener@
ps << tryopener.ps;
R << tryopener.R;
@@
if asks_for_range(ps, R):
    f = file_facts(ps[0].file)
    f["starts"].setdefault(ps[0].current_element, []).append(int(ps[0].line))

// Up to 4.12: a change told to the secondary MMUs afterwards, with no
// range (mmu_notifier_invalidate_page(), model class NOTIFY_AFTER).
@notified exists@
position op.p;
identifier prim;
@@
prim@p(...)
...
// BEGIN mmucheck-model notifies
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
mmu_notifier_invalidate_page(...)
// END mmucheck-model notifies

@script:python depends on notified@
p << op.p;
@@
file_facts(p[0].file)["notified"].add(key(p))

@notified_end exists@
position opend.p;
identifier prim;
@@
prim@p(...)
...
// BEGIN mmucheck-model notifies
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
mmu_notifier_invalidate_page(...)
// END mmucheck-model notifies

@script:python depends on notified_end@
p << opend.p;
@@
file_facts(p[0].file)["notified"].add(key(p))

@closer depends on op || opend@
position pe;
@@
// BEGIN mmucheck-model range-ends@pe
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_end@pe(...)
|
mmu_notifier_invalidate_range_only_end@pe(...)
)
// END mmucheck-model range-ends@pe

@script:python depends on closer@
pe << closer.pe;
@@
f = file_facts(pe[0].file)
f["ends"].setdefault(pe[0].current_element, []).append(int(pe[0].line))

// Parameters: functions that take a range, an mmu_gather or a page walk run
// inside a caller's range by contract; other parameters tell whether an
// entry pointer was handed in by the caller.
@param depends on op || opend@
identifier fn, x;
type T;
position pf;
@@
fn@pf(..., T x, ...) { ... }

@script:python depends on param@
fn << param.fn;
x << param.x;
T << param.T;
pf << param.pf;
@@
f = file_facts(pf[0].file)
f["params"].setdefault(fn, set()).add(x)
f["param_types"].setdefault(fn, {})[x] = T
if IN_RANGE_PARAM.search(T):
    f["exempt"].add(fn)

// ---------------------------------------------------------------------------
// Decision: the calls to helpers that need their caller's range.  The
// findings themselves are decided in python (finding()), once per file,
// when every fact is in.
// ---------------------------------------------------------------------------

@call depends on op || opend@
identifier helper : script:python() { is_reported_call(helper) };
position pc;
@@
helper@pc(...)

// ---------------------------------------------------------------------------
// For context mode
// ---------------------------------------------------------------------------

@depends on context@
position op.p : script:python() { finding(p) is not None };
identifier prim;
@@
* prim@p(...)

@depends on context@
position opend.p : script:python() { finding(p) is not None };
identifier prim;
@@
* prim@p(...)

@depends on context@
position call.pc : script:python() { finding(pc) is not None };
identifier call.helper;
@@
* helper@pc(...)

// ---------------------------------------------------------------------------
// For org and report mode
// ---------------------------------------------------------------------------

@script:python depends on org@
p << op.p;
@@
if finding(p) and first_time(p):
    coccilib.org.print_todo(p[0], finding(p))

@script:python depends on org@
p << opend.p;
@@
if finding(p) and first_time(p):
    coccilib.org.print_todo(p[0], finding(p))

@script:python depends on org@
pc << call.pc;
@@
if finding(pc) and first_time(pc):
    coccilib.org.print_todo(pc[0], finding(pc))

@script:python depends on report@
p << op.p;
@@
if finding(p) and first_time(p):
    coccilib.report.print_report(p[0], finding(p))

@script:python depends on report@
p << opend.p;
@@
if finding(p) and first_time(p):
    coccilib.report.print_report(p[0], finding(p))

@script:python depends on report@
pc << call.pc;
@@
if finding(pc) and first_time(pc):
    coccilib.report.print_report(pc[0], finding(pc))
