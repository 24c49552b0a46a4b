"""A report as a Word document: its paragraphs and tables in reading order, as Word shows them
(``wordml``: tracked changes accepted, content controls, fields and text boxes read). "Paragraf N"
is the N-th paragraph of the body (1-based, tables not counted); a text box's paragraphs follow
the one anchoring it, as "Paragraf N (kotak teks)" (the K-th of them in the location's
``text_box``), and do not shift the body's numbering. A table is named by the caption paragraph
before it ("Tabel 2.8"), else "Tabel #k". A table nested in a cell (a layout table holding the
real one) is a table of its own, after the one holding it. Page headers and footers follow the
body ("Kop halaman N", "Kaki halaman N": as a PDF prints them, they hold the title, year and
unit), then footnotes and endnotes: "Catatan kaki N" is the N-th (footnotes first)."""
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
    table_count = 0
    last_table: list[Segment] = []
    for block, where in places(body):
        if where is None:
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
        part = f"Paragraf {where['paragraph']}" + (" (kotak teks)" if "text_box" in where else "")
        pictures += [Segment("", part, {**where, "width_cm": round(w, 1)}) for w in wordml.picture_widths(block)]
        text = wordml.paragraph_text(block).strip()
        if text:
            segments.append(Segment(text, part, where))
            recent = (recent + [text])[-4:]
    for part, where, paragraphs in margins(doc):
        text = " ".join(wordml.paragraph_text(p) for p in paragraphs).strip()
        if text:
            segments.append(Segment(text, part, where))
    for number, paragraphs in enumerate(note_paragraphs(wordml.note_parts(doc.part)), start=1):
        text = " ".join(wordml.paragraph_text(p) for p in paragraphs).strip()
        if text:
            segments.append(Segment(text, f"Catatan kaki {number}", {"note": number}))
    return Document(str(path), "docx", segments, pictures)


def places(body):
    """Each block of a body in reading order with where it is: a table with None; a paragraph
    with {"paragraph": n}, the n-th of the body, or, in a text box, {"paragraph": n, "text_box":
    k}, the k-th text-box paragraph anchored in paragraph n."""
    n = k = 0
    for block in wordml.blocks(body):
        if wordml.is_table(block):
            yield block, None
        elif wordml.in_text_box(block):
            k += 1
            yield block, {"paragraph": n, "text_box": k}
        else:
            n, k = n + 1, 0
            yield block, {"paragraph": n}


def margins(doc) -> list[tuple[str, dict, list]]:
    """The page headers, then the page footers, that the sections define, each once however many
    sections show it: its part name ("Kop halaman 1", "Kaki halaman 1"), location ({"header": 1})
    and paragraphs (those in its tables too: a letterhead is often a table)."""
    out, seen = [], []
    for kind, name in (("header", "Kop halaman"), ("footer", "Kaki halaman")):
        n = 0
        for section in doc.sections:
            for which in ("", "first_page_", "even_page_"):
                margin = getattr(section, which + kind)
                if margin.is_linked_to_previous or any(margin.part is p for p in seen):
                    continue
                seen.append(margin.part)
                n += 1
                out.append((f"{name} {n}", {kind: n}, _paragraphs(margin.part.element)))
    return out


def _paragraphs(container) -> list:
    """A container's paragraphs in reading order, those in its tables' cells (once) among them."""
    out = []
    for block in wordml.blocks(container):
        if not wordml.is_table(block):
            out.append(block)
            continue
        for cells in table_grid(block):
            for tc in cells:
                out += _paragraphs(tc) if tc is not None else []
    return out


def note_paragraphs(roots: list) -> list[list]:
    """Each footnote's, then endnote's, paragraphs (``wordml.note_parts``' roots); their text is
    the note's, one space between paragraphs."""
    return [[p for p in wordml.blocks(note) if not wordml.is_table(p)] for note in wordml.notes(roots)]


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
