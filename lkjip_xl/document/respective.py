"""Names and numbers paired in order: "Capaian indikator A dan B masing-masing sebesar X dan Y"
(also "berturut-turut") gives X to A and Y to B. The names before the word are split at commas and
"dan"/"serta" and regrouped (a name may hold "dan" itself) so that each group names one entity; the
pairing holds only when one way of grouping gives as many entities as there are numbers after it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import combinations, pairwise

from .names import Named
from .numbers import Token

RESPECTIVELY = re.compile(r"masing[\s-]*masing|berturut[\s-]*turut", re.I)
_JOINS = re.compile(r"\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+", re.I)
MAX_PIECES = 10  # beyond this the sentence is no short list of names


def respective(sentence: str, quantities: list[Token],
               find: Callable[[str], tuple[Named | None, bool]]) -> dict[int, tuple[Named | None, bool]]:
    """Start of each number after "masing-masing" -> the entity it is paired with and True, or
    (None, False) when the names and the numbers cannot be paired (the number then belongs to none
    of them for sure); empty when the sentence says no such thing."""
    m = RESPECTIVELY.search(sentence)
    after = [t for t in quantities if m and t.start >= m.end()]
    if m is None or len(after) < 2:
        return {}
    entities = _entities(sentence[:m.start()], len(after), find)
    return {t.start: (entities[k], True) if entities else (None, False) for k, t in enumerate(after)}


def _entities(text: str, n: int, find) -> list[Named] | None:
    pieces = [p for p in _JOINS.split(text) if p.strip()]
    if not n <= len(pieces) <= MAX_PIECES:
        return None
    found: dict[tuple, list[Named]] = {}
    for cuts in combinations(range(1, len(pieces)), n - 1):
        bounds = (0, *cuts, len(pieces))
        named = [find(" dan ".join(pieces[a:b])) for a, b in pairwise(bounds)]
        if all(e is not None and strong for e, strong in named) and len({e.key for e, _ in named}) == n:
            found[tuple(e.key for e, _ in named)] = [e for e, _ in named]
    return next(iter(found.values())) if len(found) == 1 else None
