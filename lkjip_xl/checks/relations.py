"""Relations: the facts that tie typed cells together (a parent is the sum of its children, a
Rencana Aksi pagu is one of the PK's, a typed % is realisasi / pagu), as the checks that report
them build them.

A check makes one ``Relation`` per comparison it makes, whether it holds or not, and reports the
finding of those that fail. ``checks/blame.py`` reads the same relations to find the one cell that
explains a failure: a cell whose other value makes every relation it is part of hold. So a rule
lives in one place: the relation says which cells it ties and when it holds; the check says what
to report; the blame says where.

Cells are ``Ref``s (table or form key, row index, column key); only typed cells are blamed, never a
formula's result (its value follows its inputs).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..calc.decimals import to_decimal
from ..findings import Finding


@dataclass(frozen=True)
class Ref:
    """A cell: a table's (``index`` = row in the table) or a form's (``index`` None)."""

    table: str
    index: int | None
    key: str


def _num(value: Any) -> Decimal:
    """A term's value in a sum: blank counts as 0 (a relation is only made over filled cells,
    or where the rule says blank is nothing, as on Belanja)."""
    d = to_decimal(value) if value is not None and not isinstance(value, str) else None
    return d if d is not None else Decimal(0)


class Relation:
    """Typed cells that must agree. ``fails``: they do not, as found; ``finding``: what the check
    reports for it (None when it holds, or when its failure is said by another finding);
    ``blank_slips``: a blank cell in it is a value deleted, not a value not reported."""

    fails: bool = False
    finding: Finding | None = None
    blank_slips: bool = False
    confirms: bool = True  # False: a plausibility bound, which holding says nothing of the value

    def refs(self) -> Iterable[Ref]:
        raise NotImplementedError

    def rows(self) -> frozenset | None:
        """The (table, row) its cells are in (a superset is fine), when known without reading them:
        the blame looks only at relations near a failing one."""
        return frozenset((ref.table, ref.index) for ref in self.refs())

    def kinds(self) -> frozenset | None:
        """The (table, column) its cells are in (a superset is fine), when known without reading
        them; None when not known. The blame passes over a relation none of whose kinds of cell a
        failing one has."""
        return None

    def value(self, ref: Ref) -> Any:
        raise NotImplementedError

    def holds_with(self, ref: Ref, value: Any) -> bool:
        """Whether the relation holds when ``ref`` holds ``value`` (the other cells as found)."""
        raise NotImplementedError

    def solve(self, ref: Ref) -> list | None:
        """The values of ``ref`` that make the relation hold; None when it cannot say (then the
        blame tries the values a typing slip of the cell could have been meant as)."""
        return None


class Linear(Relation):
    """Σ coefficient × value = 0 over typed cells, exactly (money). ``terms`` is called only when
    the relation is explained (so a large workbook that adds up builds no term lists)."""

    __slots__ = ("fails", "finding", "_terms_of", "_terms", "_refs", "_rows", "_kinds")

    def __init__(self, fails: bool, finding: Finding | None,
                 terms: Callable[[], Sequence[tuple[Ref, int, Any]]],
                 rows: frozenset | Callable[[], frozenset] | None = None, kinds: frozenset | None = None) -> None:
        self.fails, self.finding = fails, finding
        self._terms_of, self._terms, self._refs, self._rows, self._kinds = terms, None, None, rows, kinds

    def rows(self) -> frozenset:
        """The rows given (worked out when first asked, when given as a function), else those of
        the terms."""
        if callable(self._rows):
            self._rows = self._rows()
        return self._rows if self._rows is not None else super().rows()

    def kinds(self) -> frozenset | None:
        return self._kinds

    @property
    def terms(self) -> dict[Ref, tuple[int, Decimal]]:
        if self._terms is None:
            merged: dict[Ref, list] = {}
            for ref, coeff, value in self._terms_of():
                entry = merged.setdefault(ref, [0, _num(value)])
                entry[0] += coeff
            self._terms = {ref: (c, v) for ref, (c, v) in merged.items() if c}
        return self._terms

    @property
    def residual(self) -> Decimal:
        return sum((c * v for c, v in self.terms.values()), Decimal(0))

    def refs(self) -> Iterable[Ref]:
        """The cells whose coefficients do not cancel out. When no cell is listed twice, nothing
        cancels: the set of cells is all (a sum over every row of a large sheet is not merged)."""
        if self._terms is not None:
            return self._terms.keys()
        if self._refs is None:
            listed = [ref for ref, _, _ in self._terms_of()]
            self._refs = set(listed)
            if len(self._refs) < len(listed):
                self._refs = self.terms.keys()
        return self._refs

    def value(self, ref: Ref) -> Decimal:
        """The cell's value in the sum (a blank cell counts as 0: a sum is made over filled cells,
        or where blank means nothing, as on Belanja)."""
        return self.terms[ref][1]

    def holds_with(self, ref: Ref, value: Any) -> bool:
        coeff, old = self.terms.get(ref, (0, Decimal(0)))
        return self.residual + coeff * (_num(value) - old) == 0

    def solve(self, ref: Ref) -> list:
        coeff, old = self.terms[ref]
        value = old - self.residual / coeff
        return [int(value) if value == value.to_integral_value() else value]


class Test(Relation):
    """A relation decided by a function of its cells' values (an equality at a typed precision, a
    value that must be one of several, a typed % against realisasi / pagu)."""

    __slots__ = ("fails", "finding", "values", "test", "solutions", "blank_slips", "confirms", "alike")

    def __init__(self, finding: Finding | None, values: dict[Ref, Any], test: Callable[[dict], bool],
                 solutions: Callable[[Ref, dict], list | None] | None = None, fails: bool | None = None,
                 blank_slips: bool = False, confirms: bool = True, alike: tuple[Ref, ...] | None = None) -> None:
        self.values, self.test, self.solutions = values, test, solutions
        self.alike = alike  # the cells expected to be alike (four quarters), when not all of them are
        self.blank_slips = blank_slips  # a blank cell here is a value deleted (a bound between two bands)
        self.confirms = confirms
        self.fails = (not test(values)) if fails is None else fails
        self.finding = finding if self.fails else None

    def refs(self) -> Iterable[Ref]:
        return self.values.keys()

    def value(self, ref: Ref) -> Any:
        return self.values[ref]

    def holds_with(self, ref: Ref, value: Any) -> bool:
        return self.test({**self.values, ref: value})

    def solve(self, ref: Ref) -> list | None:
        return self.solutions(ref, self.values) if self.solutions else None


def reported(ctx, relation: Relation | Finding) -> Iterator[Finding]:
    """Keep a relation for the blame (``ctx.relations``) and report its finding when it fails; a
    finding given alone is already at the cell that explains it."""
    if isinstance(relation, Finding):
        yield relation
        return
    ctx.relations.append(relation)
    if relation.finding is not None:
        yield relation.finding


def one_of(finding: Finding | None, ref: Ref, value: Any, options: dict[Ref, Any], fails: bool | None = None) -> Test:
    """``ref`` must hold one of the values of ``options`` (blank options are no options)."""
    options = {o: v for o, v in options.items() if v is not None}

    def test(values: dict) -> bool:
        return not options or values[ref] in [values[o] for o in options]

    def solutions(r: Ref, values: dict) -> list:
        return [values[o] for o in options] if r == ref else [values[ref]]

    return Test(finding, {ref: value, **options}, test, solutions, fails)


def equal(finding: Finding | None, a: Ref, b: Ref, va: Any, vb: Any, same: Callable[[Any, Any], bool] | None = None,
          fails: bool | None = None, blank_slips: bool = False) -> Test:
    """Two cells stating the same value (``same`` decides, default exact equality)."""
    same = same or (lambda x, y: x == y)

    def solutions(r: Ref, values: dict) -> list:
        return [values[b] if r == a else values[a]]

    return Test(finding, {a: va, b: vb}, lambda v: same(v[a], v[b]), solutions, fails, blank_slips)


def judged(findings: list[Finding], code: str, typed: Ref, values: dict[Ref, Any], compute: Callable[[dict], Any],
           settings, also: Callable[[dict], tuple] | None = None) -> Test:
    """A typed value (``typed``) and the value lkjip-xl computes from the other cells (``compute``),
    under the typed-value policy (``compare.verdict``): it holds when the typed value is the computed
    one, or it rounded or truncated at its precision. ``findings``: what ``judge_typed`` gave; its
    ``code`` finding is the relation's. ``also``: other exact values the typed one may stand for."""
    from .compare import verdict

    def test(v: dict) -> bool:
        try:
            computed = compute(v)
        except (AttributeError, ArithmeticError, ValueError):
            return False  # nothing to compute from these values
        if computed is None or v[typed] is None:
            return False
        options = (computed, *(also(v) if also else ()))
        return any(verdict(c, v[typed], settings) != "wrong" for c in options)

    wrong = next((f for f in findings if f.code == code), None)
    return Test(wrong, values, test, fails=wrong is not None)


class _Group:
    """Relations of one set of kinds of cell, indexed by the rows they lie in as far as asked."""

    __slots__ = ("index", "indexed", "members", "wide")

    def __init__(self) -> None:
        self.members: list[tuple[int, Relation]] = []  # (place in the list of relations, relation)
        self.indexed = 0
        self.index: dict[tuple, list] = {}
        self.wide: list = []

    def index_to(self, limit: int, wide_rows: int) -> None:
        """Index the members made before ``limit`` not indexed yet (a relation over more than
        ``wide_rows`` rows is kept apart, looked at for each question)."""
        while self.indexed < len(self.members) and self.members[self.indexed][0] < limit:
            pos, q = self.members[self.indexed]
            self.indexed += 1
            rows = q.rows()
            item = (not q.fails, len(rows), id(q), q, rows, pos)
            if len(rows) > wide_rows:
                self.wide.append(item)
            else:
                for row in rows:
                    self.index.setdefault(row, []).append(item)


class Sources:
    """Whether a cell has a second source that agrees (it is part of a relation that holds) or one
    that does not (part of a relation that fails and is reported: the blame speaks for it). The
    relations are indexed by the rows they lie in on the first question about a kind of cell (the
    plausibility rules ask only where a value looks off), leaving out those that declare their
    kinds of cell (``Relation.kinds``) without this one; only the relations of the cell's row are
    then expanded (on a large workbook, a question about one row never expands every budget
    roll-up)."""

    # a relation over more rows than this (a programme's or the whole sheet's sum) is looked at
    # for each question rather than indexed under every row it covers
    WIDE = 500

    def __init__(self, relations: list[Relation]) -> None:
        self.relations = relations
        self._limits: dict[tuple[str, str], int] = {}  # kind -> how many relations there were when first asked
        self._groups: dict[frozenset | None, _Group] = {}  # the relations by their kinds of cell
        self._grouped = 0  # relations placed in a group so far

    def _near(self, ref: Ref) -> list[Relation]:
        """The relations that may hold ``ref``: failing ones first, then by size (the smallest
        that confirms a cell is found before a sum over a whole sheet is expanded). Those made
        before the first question about its kind of cell; relations of the same kinds (every
        budget roll-up's) are indexed once, whichever of their kinds is asked about."""
        kind = (ref.table, ref.key)
        limit = self._limits.setdefault(kind, len(self.relations))
        for pos in range(self._grouped, len(self.relations)):
            q = self.relations[pos]
            self._groups.setdefault(q.kinds(), _Group()).members.append((pos, q))
        self._grouped = len(self.relations)
        row = (ref.table, ref.index)
        near = []
        for kinds, group in self._groups.items():
            if kinds is None or kind in kinds:
                group.index_to(limit, self.WIDE)
                near += [item for item in group.index.get(row, ()) if item[5] < limit]
                near += [item for item in group.wide if item[5] < limit and row in item[4]]
        return [item[3] for item in sorted(near, key=lambda item: item[:3])]

    def confirmed(self, ref: Ref) -> bool:
        for q in self._near(ref):
            if q.fails:
                if ref in q.refs():
                    return False
            elif q.confirms and ref in q.refs():
                return True  # no failing relation holds it: those came first
        return False

    def disputed(self, ref: Ref) -> bool:
        return any(q.fails and ref in q.refs() for q in self._near(ref))
