"""What a report is made of once read: segments of prose (a line, a paragraph) and table rows,
each with its place in the document. Every reader (txt, docx, pdf) produces these."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..schema.refs import a1


@dataclass
class Cell:
    text: str
    col: int  # 0-based column in the table's grid
    header: str = ""  # the column's header text (header rows joined), "" when none


@dataclass
class Segment:
    """One line or paragraph of prose, or one row of a table.

    ``part`` is the finding's "sheet": "Baris 12" (txt), "Paragraf 7" (docx), "Halaman 3" (pdf)
    or the table's caption ("Tabel 2.8", else "Tabel #4"); ``where`` carries the full location
    (line, paragraph, page, table, row) into the finding's JSON."""

    text: str
    part: str
    where: dict = field(default_factory=dict)
    cells: list[Cell] | None = None  # table rows only
    row: int = 0  # 1-based row within its table (the A1 row)
    caption: str = ""  # table rows: caption and title text
    table_id: int = -1  # table rows: which table (document order)
    header: bool = False  # table rows: a header or column-numbering row
    lines: tuple[int, ...] = ()  # pdf/txt: the line (or page line) where each text line starts
    line_starts: tuple[int, ...] = ()  # offsets in ``text`` where those lines start

    @property
    def is_row(self) -> bool:
        return self.cells is not None

    def cell_ref(self, col: int) -> str:
        return a1(self.row, col)

    def line_at(self, offset: int) -> int | None:
        """The line number (txt) or page line (pdf) of a character offset."""
        if not self.lines:
            return None
        line = self.lines[0]
        for start, number in zip(self.line_starts, self.lines):
            if start <= offset:
                line = number
        return line


@dataclass
class Document:
    path: str
    kind: str  # "txt", "docx", "pdf"
    segments: list[Segment]
    pictures: list[Segment] = field(default_factory=list)  # a picture or chart as wide as a table: text "" (not read)
    struck: list[Segment] = field(default_factory=list)  # pdf: text struck through (a change shown), not read
