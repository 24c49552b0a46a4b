"""A report as a Word document (python-docx): its paragraphs and tables in body order. "Paragraf
N" is the N-th paragraph of the body (1-based, tables not counted); a table is named by the
caption paragraph before it ("Tabel 2.8"), else "Tabel #k". A table nested in a cell (a layout
table holding the real one) is a table of its own, after the one holding it."""
from __future__ import annotations

from pathlib import Path

from ..reader.container import open_package
from .model import Document, Segment
from .tables import caption_of, table_segments


def read_docx(path: Path) -> Document:
    from docx import Document as open_docx
    from docx.table import Table

    from .read import UnreadableDocument

    open_package(path).close()
    try:
        doc = open_docx(str(path))
    except Exception as exc:  # python-docx raises many kinds on a package that is no document
        raise UnreadableDocument("doc_unreadable", path=str(path), detail=type(exc).__name__) from None
    segments: list[Segment] = []
    recent: list[str] = []
    paragraph, table_count = 0, 0
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            for table, before in with_nested(block, recent):
                table_count += 1
                part, caption = caption_of(before, table_count)
                rows = [(_cells(row), {"table_index": table_count, "docx_row": r})
                        for r, row in enumerate(table.rows)]
                segments += table_segments(rows, part, caption, table_count)
            recent = []
            continue
        paragraph += 1
        text = block.text.strip()
        if text:
            segments.append(Segment(text, f"Paragraf {paragraph}", {"paragraph": paragraph}))
            recent = (recent + [text])[-4:]
    return Document(str(path), "docx", segments)


def with_nested(table, recent: list[str]):
    """The table with the paragraphs before it, then each table nested in its cells with the
    cell's paragraphs before it (its caption), in document order."""
    from docx.table import Table

    yield table, recent
    seen: list = []
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue  # a merged cell: once
            seen.append(cell._tc)
            inner: list[str] = []
            for block in cell.iter_inner_content():
                if isinstance(block, Table):
                    yield from with_nested(block, inner)
                    inner = []
                elif block.text.strip():
                    inner = (inner + [block.text.strip()])[-4:]


def _cells(row) -> list[str]:
    """A row's cells by grid column; a cell merged across columns is read once, in its first."""
    out, seen = [], []
    for cell in row.cells:
        out.append("" if any(cell._tc is tc for tc in seen) else cell.text)
        seen.append(cell._tc)
    return out
