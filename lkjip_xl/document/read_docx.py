"""A report as a Word document (python-docx): its paragraphs and tables in body order. "Paragraf
N" is the N-th paragraph of the body (1-based, tables not counted); a table is named by the
caption paragraph before it ("Tabel 2.8"), else "Tabel #k"."""
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
            table_count += 1
            part, caption = caption_of(recent, table_count)
            rows = [(_cells(row), {"table_index": table_count, "docx_row": r})
                    for r, row in enumerate(block.rows)]
            segments += table_segments(rows, part, caption, table_count)
            recent = []
            continue
        paragraph += 1
        text = block.text.strip()
        if text:
            segments.append(Segment(text, f"Paragraf {paragraph}", {"paragraph": paragraph}))
            recent = (recent + [text])[-4:]
    return Document(str(path), "docx", segments)


def _cells(row) -> list[str]:
    """A row's cells by grid column; a cell merged across columns is read once, in its first."""
    out, seen = [], []
    for cell in row.cells:
        out.append("" if any(cell._tc is tc for tc in seen) else cell.text)
        seen.append(cell._tc)
    return out
