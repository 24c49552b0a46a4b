"""A report as a Word document: its paragraphs and tables in reading order, as Word shows them
(``wordml``: tracked changes accepted, content controls, fields and text boxes read). "Paragraf N"
is the N-th paragraph of the body (1-based, tables not counted; a text box's paragraphs follow
the one anchoring it); a table is named by the caption paragraph before it ("Tabel 2.8"), else
"Tabel #k". A table nested in a cell (a layout table holding the real one) is a table of its
own, after the one holding it. Footnotes and endnotes follow the body: "Catatan kaki N" is the
N-th (footnotes first)."""
from __future__ import annotations

from pathlib import Path

from ..reader.container import open_package
from . import wordml
from .model import Document, Segment
from .tables import caption_of, continued, table_segments


def read_docx(path: Path) -> Document:
    from docx import Document as open_docx

    from .read import UnreadableDocument

    open_package(path).close()
    try:
        doc = open_docx(str(path))
    except Exception as exc:  # python-docx raises many kinds on a package that is no document
        raise UnreadableDocument("doc_unreadable", path=str(path), detail=type(exc).__name__) from None
    body = doc.element.body
    segments: list[Segment] = []
    pictures: list[Segment] = []
    recent: list[str] = []
    paragraph, table_count = 0, 0
    last_table: list[Segment] = []
    for block in wordml.blocks(body):
        if wordml.is_table(block):
            continues = continued(last_table, recent)
            for table, before in with_nested(block, recent):
                table_count += 1
                part, caption = caption_of(before, table_count)
                rows = [([wordml.cell_text(tc) if tc is not None else "" for tc in cells],
                         {"table_index": table_count, "docx_row": r})
                        for r, cells in enumerate(table_grid(table))]
                read = table_segments(rows, part, caption, table_count, continues if table is block else None)
                last_table = read if table is block else last_table
                segments += read
            recent = []
            continue
        paragraph += 1
        pictures += [Segment("", f"Paragraf {paragraph}", {"paragraph": paragraph, "width_cm": round(w, 1)})
                     for w in wordml.picture_widths(block)]
        text = wordml.paragraph_text(block).strip()
        if text:
            segments.append(Segment(text, f"Paragraf {paragraph}", {"paragraph": paragraph}))
            recent = (recent + [text])[-4:]
    for number, note in enumerate(wordml.notes(doc.part), start=1):
        text = " ".join(wordml.paragraph_text(p).strip() for p in wordml.blocks(note) if not wordml.is_table(p)).strip()
        if text:
            segments.append(Segment(text, f"Catatan kaki {number}", {"note": number}))
    return Document(str(path), "docx", segments, pictures)


def table_grid(tbl) -> list[list]:
    """Each row's cells (``w:tc``) by grid column, a merged cell given once, in its first row and
    column (None in the others and where a row starts late)."""
    return [wordml.grid_cells(tr) for tr in wordml.rows(tbl)]


def with_nested(tbl, recent: list[str]):
    """The table with the paragraphs before it, then each table nested in its cells with the
    cell's paragraphs before it (its caption), in document order."""
    yield tbl, recent
    for cells in table_grid(tbl):
        for tc in cells:
            if tc is None:
                continue
            inner: list[str] = []
            for block in wordml.blocks(tc):
                if wordml.is_table(block):
                    yield from with_nested(block, inner)
                    inner = []
                elif wordml.paragraph_text(block).strip():
                    inner = (inner + [wordml.paragraph_text(block).strip()])[-4:]
