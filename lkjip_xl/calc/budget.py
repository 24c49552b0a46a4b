"""Budget codes, program > kegiatan > sub kegiatan trees, identities and roll-ups."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import Any, NamedTuple

from .decimals import to_decimal

__all__ = [
    "LEVELS",
    "code_parts",
    "normalise_code",
    "parent_code",
    "level_of",
    "dots_lost",
    "pagu_efektif",
    "sisa",
    "is_total_row",
    "BudgetRow",
    "BudgetNode",
    "BudgetProblem",
    "build_tree",
    "add_amounts",
    "add_complete",
    "split_codes",
    "typed_level",
    "codes_by_level",
]

LEVELS = ("program", "kegiatan", "sub_kegiatan")
_PARENT_LEVEL = {"kegiatan": "program", "sub_kegiatan": "kegiatan"}
# National form (Permendagri 90/2019): parts count -> level and parent length.
_NATIONAL = {3: ("program", None), 5: ("kegiatan", 3), 6: ("sub_kegiatan", 5)}
_SHORT = {1: ("program", None), 2: ("kegiatan", 1), 3: ("sub_kegiatan", 2)}


@lru_cache(maxsize=1 << 17)
def code_parts(code: str) -> tuple[str, ...]:
    """Split a code on dots: ``"7.01.01.2.01.0001"`` -> 6 parts.

    Parts must be digits (or ``X`` placeholders as in ``X.XX.01``); spaces and
    a trailing dot are ignored. Raises ValueError otherwise.
    """
    s = str(code).strip().rstrip(".")
    parts = tuple(p.strip() for p in s.split("."))
    if not s or any(not p or not (p.isdigit() or set(p.upper()) == {"X"}) for p in parts):
        raise ValueError(f"not a budget code: {code!r}")
    return parts


@lru_cache(maxsize=1 << 17)
def normalise_code(code: str) -> str:
    """Canonical text of a code (spaces and trailing dot removed)."""
    return ".".join(code_parts(code))


@lru_cache(maxsize=1 << 17)
def match_key(code: str) -> str:
    """A code as codes on different sheets are matched: each number without its leading zeros, so
    that ``03.01`` on Realisasi, ``3.01`` in the Rencana Aksi and ``3. 01`` on the PK are one code.
    Text that is no code is itself. Worked out once per distinct code (a sheet of 50.000 rows asks
    for each code's key from several checks)."""
    if not level_of(code):
        return str(code).strip()
    return ".".join(p.lstrip("0") or "0" if p.isdigit() else p for p in code_parts(code))


def _form(parts: tuple[str, ...]) -> dict:
    """National form when the first part has one character and there are 3+ parts
    with a 2-character second part; the short form (``01.02.05``) otherwise."""
    if len(parts) >= 3 and len(parts[0]) == 1 and len(parts[1]) == 2:
        return _NATIONAL
    return _SHORT


@lru_cache(maxsize=1 << 17)
def level_of(code: str) -> str | None:
    """``"program"``, ``"kegiatan"``, ``"sub_kegiatan"`` or None."""
    try:
        parts = code_parts(code)
    except ValueError:
        return None
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) > 2 and (dots_lost(code) or len(parts[0]) > 6):
        return None  # no programme: a code whose dots were lost (VAL027), or a number too long for any
    entry = _form(parts).get(len(parts))
    return entry[0] if entry else None


# the national form's kegiatan and sub kegiatan (7.01.01.2.01, 7.01.01.2.01.0001) without their dots
_NATIONAL_WIDTHS = {8: (1, 2, 2, 1, 2), 12: (1, 2, 2, 1, 2, 4)}


def dots_lost(code: str) -> str | None:
    """The code meant by a code whose dots were lost, as a Find & Replace of "." over the sheet
    leaves it: a short-form kegiatan or sub kegiatan ("0101", "010101": "01.01", "01.01.01") by its
    pairs of digits, a national one ("70101201", "701012010001": "7.01.01.2.01", "7.01.01.2.01.0001")
    by the national form's parts; None for any other text. A programme's code has one or two digits
    (short) or its dots (national "7.01.01"), so these are no programme."""
    text = str(code).strip()
    if not text.isdigit():
        return None
    if len(text) in (4, 6):
        return ".".join(text[i:i + 2] for i in range(0, len(text), 2))
    widths = _NATIONAL_WIDTHS.get(len(text))
    if widths is None or text[0] == "0":  # the national form's first part (the urusan) is 1-9
        return None
    ends = [sum(widths[:k]) for k in range(len(widths) + 1)]
    return ".".join(text[a:b] for a, b in zip(ends, ends[1:]))


@lru_cache(maxsize=1 << 17)
def parent_code(code: str) -> str | None:
    """Code of the parent level (None for a program or an unknown code)."""
    try:
        parts = code_parts(code)
    except ValueError:
        return None
    entry = _form(parts).get(len(parts))
    if not entry or entry[1] is None:
        return None
    return ".".join(parts[: entry[1]])


def pagu_efektif(murni: Decimal | int | None, perubahan: Decimal | int | None) -> Decimal | int | None:
    """THE pagu a row's %, sisa and roll-ups use: the revised budget (APBD-P) when it is filled,
    else the original one. A blank perubahan means "unchanged", never 0."""
    return perubahan if perubahan is not None else murni


def sisa(pagu: Decimal | int, realisasi: Decimal | int) -> Decimal | None:
    """pagu − realisasi (exact); None if either is missing."""
    p, r = to_decimal(pagu), to_decimal(realisasi)
    if p is None or r is None:
        return None
    return p - r


_TOTAL_WORDS = ("jumlah", "total")
_SPACES = re.compile(r"\s+")


def is_total_row(code: Any, uraian: Any) -> bool:
    """A budget table's total row: no code and an uraian starting with JUMLAH or TOTAL (spaces
    and case ignored, so ``T O T A L`` and ``Jumlah Total`` are total rows too); or the word typed
    in the code column, as printed tables show it (``JUMLAH`` across Kode and Uraian), the uraian
    left blank or saying the same."""
    def total(text: Any) -> bool:
        return _SPACES.sub("", str(text or "")).lower().startswith(_TOTAL_WORDS)

    if code is not None and str(code).strip():
        return total(code) and (not str(uraian or "").strip() or total(uraian))
    return total(uraian)


class BudgetRow(NamedTuple):
    """Input row for :func:`build_tree` (any object with these attributes works)."""

    code: str
    row_id: Any
    amounts: Mapping[str, Any]


@dataclass(eq=False)
class BudgetNode:
    """A row placed in the tree (children in sheet order)."""

    code: str
    row_id: Any
    level: str
    amounts: Mapping[str, Any]
    children: list[BudgetNode] = field(default_factory=list)


@dataclass(frozen=True)
class BudgetProblem:
    """kind: ``invalid_code``, ``duplicate_code``, ``orphan``, ``wrong_parent``, ``out_of_place``,
    ``not_in_code_order``, ``program_without_kegiatan``, ``kegiatan_without_sub_kegiatan``.
    ``other_row_id`` is the first occurrence (duplicate) or the sheet parent."""

    kind: str
    row_id: Any
    code: str
    detail: str
    other_row_id: Any = None
    count: int = 0  # not_in_code_order: the rows out of place


def _unpack(row: Any) -> tuple[str, Any, Mapping[str, Any]]:
    if type(row) is BudgetRow:  # the usual case first (an ABC's isinstance is slow on 50.000 rows)
        return row
    if isinstance(row, Sequence) and not isinstance(row, str) and not hasattr(row, "code"):
        return row[0], row[1], row[2]
    return row.code, row.row_id, row.amounts


def build_tree(rows: Iterable[Any]) -> tuple[list[BudgetNode], list[BudgetProblem]]:
    """Place rows (sheet order) under the nearest preceding row of the parent level.

    A row whose code prefix differs from that sheet parent is ``wrong_parent``
    (or ``orphan`` when its parent code appears nowhere); it still stays where
    the sheet put it, because the parent's typed total covers the rows below
    it; unless the sums say it is only out of place (``out_of_place``,
    ``_belongs_to``): it is then counted under its code's parent; a table sorted other than by its
    codes is placed by them (``_in_code_order``). With no preceding parent a row hangs under the
    nearest higher row, or becomes a root. Rows with unusable codes are reported and left out.
    ``*_without_*`` problems are only reported when the sheet uses that
    child level at all (a program-only table is fine).
    """
    items = [_unpack(r) for r in rows]
    # parents are found as codes are matched across sheets (match_key): 2.1.1 is a child of 02.01
    all_codes = {match_key(normalise_code(c)) for c, _, _ in items if level_of(c)}
    roots: list[BudgetNode] = []
    problems: list[BudgetProblem] = []
    seen: dict[str, Any] = {}
    last: dict[str, BudgetNode | None] = {lvl: None for lvl in LEVELS}
    nodes: list[BudgetNode] = []
    misplaced: list[tuple[BudgetNode, BudgetNode, str]] = []  # (node, the row it sits under, its code's parent)
    for raw_code, row_id, amounts in items:
        level = level_of(raw_code)
        if level is None:
            problems.append(BudgetProblem("invalid_code", row_id, str(raw_code),
                                          f"{raw_code!r} is not a program/kegiatan/sub kegiatan code"))
            continue
        code = normalise_code(raw_code)
        if code in seen:
            problems.append(BudgetProblem("duplicate_code", row_id, code,
                                          f"code {code} already used", seen[code]))
        else:
            seen[code] = row_id
        node = BudgetNode(code, row_id, level, amounts)
        nodes.append(node)
        idx = LEVELS.index(level)
        for lower in LEVELS[idx + 1:]:
            last[lower] = None
        last[level] = node
        if level == "program":
            roots.append(node)
            continue
        want = parent_code(code)
        sheet_parent = last[_PARENT_LEVEL[level]]
        host = sheet_parent or next((last[lv] for lv in reversed(LEVELS[:idx]) if last[lv]), None)
        where = f"under {host.code}" if host else "with no parent row above it"
        if match_key(want) not in all_codes:
            problems.append(BudgetProblem("orphan", row_id, code,
                                          f"parent {want} not present; row sits {where}",
                                          host.row_id if host else None))
        elif sheet_parent is None or match_key(sheet_parent.code) != match_key(want):
            problems.append(BudgetProblem("wrong_parent", row_id, code,
                                          f"expected under {want}, sits {where}",
                                          host.row_id if host else None))
            if sheet_parent is not None:
                misplaced.append((node, sheet_parent, want))
        if host is None:
            roots.append(node)
        else:
            host.children.append(node)
    first = {}
    for node in nodes:
        first.setdefault(node.code, node)
    for node, host, want in misplaced:
        owner = first.get(want)
        if owner is not None and owner.level == host.level and _belongs_to(node, host, owner):
            host.children.remove(node)
            owner.children.append(node)
            problems = [BudgetProblem("out_of_place", p.row_id, p.code, f"belongs under {want}, sits under {host.code}",
                                      host.row_id) if p.row_id == node.row_id and p.kind == "wrong_parent" else p
                        for p in problems]
    sorted_out = _in_code_order(nodes, roots, problems, first)
    if sorted_out is not None:
        roots, problems = sorted_out
    used = {n.level for n in nodes}
    for node in nodes:
        child_level = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}.get(node.level)
        if child_level in used and not any(c.level == child_level for c in node.children):
            kind = f"{node.level}_without_{child_level}"
            problems.append(BudgetProblem(kind, node.row_id, node.code,
                                          f"{node.code} has no {child_level.replace('_', ' ')}"))
    return roots, problems


CHECKED_AMOUNTS = ("pagu_murni", "realisasi")  # amounts every row of a complete table has


def _sums_hold(parent: BudgetNode, children: list[BudgetNode]) -> bool | None:
    """Does each amount of ``parent`` equal the sum of the children's? None when no amount can
    say (blank on the parent or on a child). No children add up to 0: a programme whose kegiatan
    were cut and pasted under another one still has its amounts, which nothing adds up to."""
    said = None
    for key in CHECKED_AMOUNTS:
        own, kids = parent.amounts.get(key), [c.amounts.get(key) for c in children]
        if own is None or any(k is None for k in kids):
            continue
        if to_decimal(own) != (add_amounts(kids) if kids else 0):
            return False
        said = True
    return said


def _belongs_to(node: BudgetNode, host: BudgetNode, owner: BudgetNode) -> bool:
    """A row whose code is right but whose place is not (a table sorted by amount, a row added at
    the end): under the row it sits under, both that row's and its code parent's sums fail; moved
    to its code parent, both hold. A code mistyped in a row in its right place (the parent's
    total counts it) keeps its place."""
    without = [c for c in host.children if c is not node]
    return (_sums_hold(host, host.children) is False and _sums_hold(owner, owner.children) is False
            and _sums_hold(host, without) is True and _sums_hold(owner, owner.children + [node]) is True)


def _in_code_order(nodes: list[BudgetNode], roots: list[BudgetNode], problems: list[BudgetProblem],
                   first: dict[str, BudgetNode]) -> tuple[list[BudgetNode], list[BudgetProblem]] | None:
    """A table sorted other than by its codes (Data > Sort by amount): many rows sit under a parent
    that is not their code's, and parents below their children. When the codes explain the table
    with fewer slips than the sheet's order does (below), the rows are placed by their codes
    (children in code order), and the wrong places are one problem,
    ``not_in_code_order``, at the first row out of place, not one per row. None: the sheet's order
    stands (a few rows out of place are ``out_of_place``, codes mistyped in place ``wrong_parent``)."""
    moved = [p for p in problems if p.kind in ("wrong_parent", "out_of_place")]
    if len(moved) < 2 or any(p.kind in ("orphan", "duplicate_code") for p in problems):
        return None
    kids: dict[int, list[BudgetNode]] = {id(n): [] for n in nodes}
    for node in nodes:
        want = parent_code(node.code) if node.level != "program" else None
        if want is not None and first[node.code] is node:
            kids[id(first[want])].append(node)
    # the fewer slips explain the table: by the sheet's order, each row under another parent is a
    # code mistyped and each parent whose sum fails a wrong amount; by the codes, the sort is one
    # slip and each parent whose sum fails a wrong amount
    by_code = 1 + sum(_sums_hold(n, kids[id(n)]) is False for n in nodes if kids[id(n)])
    by_sheet = len(moved) + sum(_sums_hold(n, n.children) is False for n in nodes if n.children)
    if by_code >= by_sheet:
        return None  # the codes explain no more than the sheet's order: it stands
    for node in nodes:
        node.children = sorted(kids[id(node)], key=lambda n: code_parts(n.code))
    programs = sorted((n for n in nodes if n.level == "program"), key=lambda n: code_parts(n.code))
    kept = [p for p in problems if p.kind not in ("wrong_parent", "out_of_place")]
    return programs, kept + [BudgetProblem("not_in_code_order", moved[0].row_id, moved[0].code,
                                           f"{len(moved)} rows sit under another parent than their code's",
                                           count=len(moved))]


_EXACT_BOUND = 10 ** 80  # below it, the sum at 80 digits is the exact sum of whole amounts


def add_amounts(values: Iterable[Any]) -> int | Decimal | None:
    """THE sum of amounts: exact, blanks (None) skipped, None when every value is blank (a sum of
    nothing reported is not 0); int when whole (rupiah), Decimal with sen."""
    given = [v for v in values if v is not None]
    if not given:
        return None
    if all(type(v) is int for v in given) and sum(map(abs, given)) < _EXACT_BOUND:
        return sum(given)  # whole rupiah: the sum below, without a Decimal per amount
    present = [to_decimal(v) for v in given]
    with localcontext() as ctx:
        ctx.prec = 80
        total = sum(present[1:], present[0])
    return int(total) if total == total.to_integral_value() else total


def add_complete(values: Iterable[Any]) -> int | Decimal | None:
    """A total to print: the sum when EVERY value is there, else None. A total over rows some of
    which are blank is never printed as if it were complete."""
    values = list(values)
    if not values or any(v is None for v in values):
        return None
    return add_amounts(values)


_LEVEL_WORDS = {"program": "program", "kegiatan": "kegiatan", "sub kegiatan": "sub_kegiatan",
                "subkegiatan": "sub_kegiatan", "sub_kegiatan": "sub_kegiatan"}


def typed_level(text: Any) -> str | None:
    """A level typed in the Tingkat column (``sub kegiatan``, ``Sub-Kegiatan``...) -> the tree's
    level name, or None."""
    key = re.sub(r"[\s_\-]+", " ", str(text or "")).strip().lower()
    return _LEVEL_WORDS.get(key) or _LEVEL_WORDS.get(key.replace(" ", ""))


def codes_by_level(levels: Sequence[str | None]) -> list[str | None]:
    """Codes for rows that have none, from their levels in sheet order: programme 1, its kegiatan
    1.1, 1.2, their sub kegiatan 1.1.1 ... (the short form). A row without a level gets None; a
    kegiatan before any programme hangs under programme 0, and so on: ``build_tree`` then reports
    it (an orphan)."""
    counts = [0, 0, 0]
    out: list[str | None] = []
    for level in levels:
        if level not in LEVELS:
            out.append(None)
            continue
        depth = LEVELS.index(level)
        counts[depth] += 1
        for deeper in range(depth + 1, 3):
            counts[deeper] = 0
        out.append(".".join(str(c) for c in counts[:depth + 1]))
    return out


def split_codes(text: Any) -> list[str]:
    """"01, 02" / "01;02" -> ["01", "02"] (normalised where they are budget codes)."""
    if text is None:
        return []
    out = []
    for part in re.split(r"[,;\s]+", str(text)):
        part = part.strip()
        if not part:
            continue
        try:
            part = normalise_code(part)
        except ValueError:
            pass
        if part not in out:
            out.append(part)
    return out
