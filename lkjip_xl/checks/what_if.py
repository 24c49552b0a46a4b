"""What follows from one slip: the checks run again on the workbook as it would be without the
slip (a row pasted twice deleted, a `-` in Pagu Perubahan left blank), and each finding is
compared with that run:

- one that is not there then follows from the slip: a note (info) naming its cell, "selisihnya
  berasal dari Realisasi!A9" (also a note that named a cell the blame guessed at);
- one that is there then too is a slip of its own: a relation's said as it is then (its expected
  value leaves the slip out), what a cell holds (a formula typed over, a value's form) as found;
- a blame that is not there then (BUD021, KIN020, VAL021: "with 600.000.000 they all agree") was a
  guess the slip explains better: it is dropped.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..findings import Finding

GUESSES = frozenset({"BUD021", "KIN020", "VAL021"})  # "this value makes … disagree": a blame
AS_FOUND = ("FRM", "VAL", "STR", "PRN")  # what a cell holds, not what a sum gives: said as found


def follows_from(findings: list[Finding], without: list[Finding], cause: str,
                 own: Callable[[Finding], bool], cause_of: Callable[[Finding], str | None] = lambda f: None
                 ) -> list[Finding]:
    """``findings`` read against ``without`` (the checks' findings without the slip at ``cause``);
    ``own``: the slip's own findings, kept as they are; ``cause_of``: the cells of the slip a note
    follows from, where the slip spans many cells (a sheet in thousands), else ``cause``."""
    kept = {(f.code, f.sheet, f.cell): f for f in without}
    out = []
    for f in findings:
        if own(f):
            out.append(f)
        elif (f.code, f.sheet, f.cell) in kept:  # a sum's expected value without the slip; a formula's state as it is
            out.append(f if f.code.startswith(AS_FOUND) else kept[(f.code, f.sheet, f.cell)])
        elif f.code not in GUESSES:
            out.append(replace(f, severity_override="info", params={**f.params, "cause": cause_of(f) or cause}))
    return out
