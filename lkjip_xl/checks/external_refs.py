"""A formula that reads another workbook (FRM008): a sheet moved or copied in from a colleague's
file, or cells pasted from one, keep reading that file (`[1]Realisasi!K7`). The value lkjip-xl
reads is the one that file had when the formula was last computed; it changes, or becomes #REF!,
when that file changes, moves or is not on the computer that opens this one. Said at the first
such cell of each column of a sheet, with how many others there are."""
from __future__ import annotations

import posixpath
import re
from typing import Iterable
from urllib.parse import unquote

from ..findings import Finding
from ..i18n import Text
from ..schema.refs import a1
from .budget import STRING_LITERALS

_BOOK = re.compile(r"\[(\d+)\]")


def check(ctx) -> Iterable[Finding]:
    files = ctx.model.external_files
    if not files:  # the usual workbook: no formula text is read
        return
    for sheet, scan in ctx.model.scans.items():
        first: dict[int, tuple[tuple[int, int], str, int]] = {}  # column -> (first cell, its file, cells)
        for row, col in scan.formulas:
            text = scan.formulas[(row, col)] or ""
            m = _BOOK.search(STRING_LITERALS.sub("", text)) if "[" in text else None
            if m is None:
                continue
            cell, name, n = first.get(col, ((row, col), files.get(int(m.group(1)), m.group(0)), 0))
            first[col] = (min(cell, (row, col)), name, n + 1)
        for (row, col), name, n in sorted(first.values()):
            yield Finding("FRM008", sheet, a1(row, col), found=scan.formulas[(row, col)],
                          params={"file": posixpath.basename(unquote(name)) or name, "more": _more(n - 1)})


def _more(n: int) -> Text:
    return Text(f"; juga {n} sel lain di kolom ini", f"; {n} other cells of this column too") if n else Text("", "")
