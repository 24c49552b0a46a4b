"""Shared by every reader: a table's rows become segments, with the header rows told apart from
the data and each column given its header text (a group header spanning several columns, such as
"Anggaran" over "Alokasi | Realisasi | Capaian", is carried over to each of them)."""
from __future__ import annotations

import re

from .model import Cell, Segment
from .numbers import tokens

_CAPTION = re.compile(r"^\W*(tabel|table)\s+([0-9IVXLC]+(?:[.,]\s?\d+)?)(?![A-Za-z0-9])", re.I)
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?(\s*=\s*[\d\s()+\-−*/x×]+)?$")


def caption_label(text: str) -> str | None:
    """"Tabel 2.8" from a caption line, None when the line is no caption."""
    m = _CAPTION.match(text.strip())
    return f"Tabel {m.group(2).replace(' ', '')}" if m else None


def caption_of(recent: list[str], count: int) -> tuple[str, str]:
    """A table's part name and caption text from the lines before it: "Tabel 2.8" and the lines
    from the caption on, else "Tabel #count" and the line just before it (its title, if any)."""
    at = next((k for k in range(len(recent) - 1, -1, -1) if caption_label(recent[k])), None)
    if at is None:
        return f"Tabel #{count}", " ".join(recent[-1:])
    return caption_label(recent[at]), " ".join(recent[at:])


def _numbering_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and len(filled) >= 2 and all(_NUMBERING.match(c.strip()) for c in filled)


def _data_row(cells: list[str]) -> bool:
    return any(not t.year for c in cells for t in tokens(c)) and not _numbering_row(cells)


def continued(previous: list[Segment], between: list[str]) -> list[Segment] | None:
    """The table a new one may continue: the previous table when at most a page's header and
    footer lines (three, no caption) stand between them; ``between``: the text lines between."""
    if previous and len(between) <= 3 and not any(caption_label(t) for t in between):
        return previous
    return None


def table_segments(rows: list[tuple[list[str], dict]], part: str, caption: str, table_id: int,
                   continues: list[Segment] | None = None) -> list[Segment]:
    """``rows``: the cell texts of each row and its location; returns one segment per row.
    A table as wide as the table it may continue (``continued``: a table broken by a page, or
    split in two in Word) is the rest of it when it has no header row of its own, or repeats that
    table's, or starts with the rest of a row the page broke (no number, most cells empty: it is
    joined to that row): its columns have that table's headers, its rows its name and numbering."""
    first_data = next((i for i, (cells, _) in enumerate(rows) if _data_row(cells)), len(rows))
    if continues and rows and len(rows[0][0]) == len(continues[-1].cells):
        last = continues[-1]
        header = [[x.text for x in s.cells] for s in continues if s.header]
        repeated = len(header) if [[c.strip() for c in cells] for cells, _ in rows[:len(header)]] == header else 0
        own = first_data - repeated  # header-like rows after the repeated ones
        broken = own == 1 and not last.header and 2 * sum(bool(c.strip()) for c in rows[repeated][0]) <= len(rows[0][0])
        if own == 0 or broken:
            if broken:
                for cell, rest in zip(last.cells, rows[repeated][0]):
                    cell.text = f"{cell.text} {rest.strip()}".strip()
                last.text = " | ".join(cell.text for cell in last.cells)
            return [Segment(" | ".join(cells), last.part, {**where, "table": last.part, "row": last.row + r + 1},
                            [Cell(text.strip(), c, last.cells[c].header if c < len(last.cells) else "")
                             for c, text in enumerate(cells)],
                            row=last.row + r + 1, caption=last.caption, table_id=last.table_id,
                            header=_numbering_row(cells))
                    for r, (cells, where) in enumerate(rows[first_data:])]
    header_rows = [cells for cells, _ in rows[:first_data] if not _numbering_row(cells)]
    width = max((len(c) for c, _ in rows), default=0)
    columns = [[] for _ in range(width)]
    for r, cells in enumerate(header_rows):
        last_header = r == len(header_rows) - 1
        carried = ""
        for c in range(width):
            text = cells[c].strip() if c < len(cells) else ""
            if text:
                carried = text
            elif not last_header and carried and any(
                    c < len(h) and h[c].strip() for h in header_rows[r + 1:]):
                text = carried  # a group header spanning this column
            if text and text not in columns[c]:
                columns[c].append(text)
    filled = [len(c) - next((k for k, x in enumerate(reversed(c)) if x.strip()), len(c)) for c in header_rows]
    headers = [" | ".join(parts) for parts in columns][:max(filled, default=0)]
    out = []
    for r, (cells, where) in enumerate(rows):
        header = r < first_data or _numbering_row(cells)
        used = len(cells) - next((k for k, c in enumerate(reversed(cells)) if c.strip()), len(cells))
        shift = max(0, used - len(headers)) if not header else 0  # extra leading cells: align right
        row_cells = [Cell(text.strip(), c, headers[c - shift] if 0 <= c - shift < len(headers) else "")
                     for c, text in enumerate(cells)]
        out.append(Segment(" | ".join(cells), part, {**where, "table": part, "row": r + 1}, row_cells,
                           row=r + 1, caption=caption, table_id=table_id, header=header))
    return out
