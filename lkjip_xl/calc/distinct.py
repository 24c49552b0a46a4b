"""A function over a column of values, computed once per distinct value: a large sheet repeats its
values (100.000 SKM answers are a handful of scores and labels; ages, choices), so converting or
deriving each distinct value once is the difference between a second and a few milliseconds."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

# equal values of these types (1, 1.0, True) are different cells: told apart by their type too
_NUMBER_TYPES = frozenset({bool, int, float, Decimal})


def map_distinct(fn: Callable[[Any], Any], values: list) -> list:
    """``[fn(v) for v in values]``, with ``fn`` called once per distinct value when values repeat
    (a value is known by its type as well when numbers of several types are mixed); one by one when
    a value cannot be a dict key or nearly every value is different (amounts)."""
    types = set(map(type, values))
    keys = values if len(types & _NUMBER_TYPES) < 2 else list(zip(map(type, values), values))
    try:
        results = dict.fromkeys(keys)
    except TypeError:  # a value that cannot be a key
        return list(map(fn, values))
    if len(results) * 2 > len(keys):
        return list(map(fn, values))
    for key in results:
        results[key] = fn(key if keys is values else key[1])
    return list(map(results.__getitem__, keys))
