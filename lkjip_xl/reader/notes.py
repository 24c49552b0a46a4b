"""Notes typed under a table: "Sumber: DPA-SKPD 2024", "Keterangan: ...", "*) angka sementara".

Reports put the source of a table's figures, or a remark, on a line of its own right below it, and
offices do the same in the workbook. Read as a row, such a line is a sub kegiatan without a name
or a respondent who answered nothing: errors for what the office did on purpose. A note is one of
the table's last rows that holds one cell only, text that opens as a note does (a note word and
its colon, or a footnote mark ``*``, ``*)``; not ``1)``, which opens a sasaran as well); it is not
a row of the table (STR015, a note, says it was read so). Rows above the last real row are always
rows: a line between rows is a slip to report, never a note.
"""
from __future__ import annotations

import re
from typing import Any, Callable

NOTE_OPENING = re.compile(
    r"\s*(?:(?:sumber|keterangan|ket|catatan|cat|nb|note|notes|source)\b\.?\s*(?:data\b)?\s*[:.\-–]"
    r"|\*+\s*\)?)", re.IGNORECASE)


def is_note(value: Any) -> bool:
    """Text that opens as a note does, with something after its opening."""
    if not isinstance(value, str):
        return False
    opening = NOTE_OPENING.match(value)
    return opening is not None and value[opening.end():].strip() != ""


def trailing_notes(count: int, held: Callable[[int], list[Any]]) -> list[int]:
    """The indexes, among ``count`` rows, of the last ones that are notes (``held(i)``: the values
    row ``i`` holds in its typed cells, as typed), in order; the first row from the end that is
    not a note ends them."""
    notes = []
    for i in range(count - 1, -1, -1):
        values = held(i)
        if len(values) != 1 or not is_note(values[0]):
            break
        notes.append(i)
    return notes[::-1]
