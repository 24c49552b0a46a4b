"""What Word shows of a document's body, read from its XML (python-docx's ``paragraphs``,
``tables`` and ``text`` miss much of it): tracked changes as accepted (inserted text read, deleted
text and deleted table rows not), content controls (``w:sdt``) around paragraphs, tables, rows,
cells and runs, fields (``w:fldSimple``; a complex field's cached result, never its code),
hyperlinks, smart tags, and text boxes (their paragraphs and tables follow the paragraph that
anchors them); a page-number field's result (PAGE, NUMPAGES, PAGEREF) is not read. A footnote
mark typed as a superscript digit is no part of the number before it. Footnotes and endnotes are
read from their parts, page headers and footers by python-docx's sections. A picture or chart holds no text to read: its
width is told, so that it can be said."""
from __future__ import annotations

from docx.oxml.ns import qn

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WRAPPERS = {_W + t for t in ("hyperlink", "smartTag", "fldSimple", "dir", "bdo")}
_EMU_PER_CM = 360000
_MAX_COLUMNS = 63  # Word's limit of columns in a table
_CHARS = {_W + "t": None, _W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _children(el):
    """The children of ``el`` as Word shows them: content controls and custom XML unwrapped, the
    chosen branch of an mc:AlternateContent, deleted content left out."""
    for child in el:
        tag = child.tag
        if tag in (_W + "sdt", _W + "customXml", _W + "sdtContent", _W + "ins", _W + "moveTo"):
            yield from _children(child)
        elif tag == _MC + "AlternateContent":
            yield from _children(child[0]) if len(child) else ()  # the first mc:Choice
        elif tag not in (_W + "del", _W + "moveFrom", _W + "sdtPr", _W + "sdtEndPr"):
            yield child


def blocks(container):
    """The paragraphs (``w:p``) and tables (``w:tbl``) of a body, cell or text box, in reading
    order; a text box's blocks follow the paragraph anchoring it."""
    for el in _children(container):
        if el.tag == _W + "p":
            yield el
            for box in _text_boxes(el):
                yield from blocks(box)
        elif el.tag == _W + "tbl":
            yield el


def _text_boxes(p):
    for run in runs(p):
        for el in _children(run):
            yield from el.iter(_W + "txbxContent")


def runs(p) -> list:
    """The runs (``w:r``) of a paragraph that Word shows, in order (not deleted ones, nor the
    result of a page-number field: a page's number is no figure of the report)."""
    out = []

    def walk(el):
        for child in _children(el):
            if child.tag == _W + "r":
                out.append(child)
            elif child.tag in _WRAPPERS and not (child.tag == _W + "fldSimple" and _page_field(child.get(qn("w:instr")))):
                walk(child)
    walk(p)
    return _without_page_numbers(out)


def _page_field(instr: str | None) -> bool:
    return (instr or "").split()[:1] in (["PAGE"], ["NUMPAGES"], ["SECTIONPAGES"], ["PAGEREF"], ["SECTION"])


def _without_page_numbers(found: list) -> list:
    """The runs outside the result of a complex field (w:fldChar begin, w:instrText, separate,
    result, end; fields nest) that numbers pages."""
    out, fields = [], []  # fields: [instruction, in its result] from the outermost
    for r in found:
        if not any(result and _page_field(instr) for instr, result in fields):
            out.append(r)
        for el in r:
            kind = el.get(qn("w:fldCharType")) if el.tag == _W + "fldChar" else None
            if kind == "begin":
                fields.append(["", False])
            elif el.tag == _W + "instrText" and fields:
                fields[-1][0] += el.text or ""
            elif kind == "separate" and fields:
                fields[-1][1] = True
            elif kind == "end" and fields:
                fields.pop()
    return out


def run_text(r) -> str:
    if _footnote_mark(r):
        return ""
    return "".join(c.text or "" if _CHARS[c.tag] is None else _CHARS[c.tag] for c in r if c.tag in _CHARS)


def _footnote_mark(r) -> bool:
    align = r.find(f"{_W}rPr/{_W}vertAlign")
    if align is None or align.get(qn("w:val")) != "superscript":
        return False
    text = "".join(t.text or "" for t in r.iter(_W + "t")).strip()
    return bool(text) and all(ch.isdigit() or ch in "*)" for ch in text)


def paragraph_text(p) -> str:
    return "".join(run_text(r) for r in runs(p))


def rows(tbl) -> list:
    """The rows (``w:tr``) of a table, a row deleted with tracked changes left out."""
    return [tr for tr in _children(tbl) if tr.tag == _W + "tr" and tr.find(f"{_W}trPr/{_W}del") is None]


def grid_cells(tr) -> list:
    """A row's cells (``w:tc``) by grid column: None where the row starts late (gridBefore), for
    the second and later columns of a cell merged across columns, and for a cell continuing a
    vertical merge (``w:vMerge``): Word shows the merged cell's text once, in its first row, as a
    PDF of it does."""
    out: list = [None] * _count(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
    for tc in _children(tr):
        if tc.tag != _W + "tc":
            continue
        width = _count(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1)
        merge = tc.find(f"{_W}tcPr/{_W}vMerge")
        continues = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
        out += [None if continues else tc] + [None] * (width - 1)
    return out


def _count(el, default: int) -> int:
    """A w:gridBefore or w:gridSpan: a count of grid columns (a damaged one is the default, a
    huge one is cut to what a page can hold)."""
    try:
        return min(int(el.get(qn("w:val"))), _MAX_COLUMNS) if el is not None else default
    except (TypeError, ValueError):
        return default


def cell_text(tc) -> str:
    return "\n".join(paragraph_text(p) for p in blocks(tc) if p.tag == _W + "p")


def is_table(el) -> bool:
    return el.tag == _W + "tbl"


def picture_widths(p) -> list[float]:
    """The width in cm of each picture or chart in a paragraph (not of a text box)."""
    return [int(x.get("cx", "0")) / _EMU_PER_CM if x.get("cx", "0").isdigit() else 0.0 for r in runs(p) for el in _children(r)
            if el.tag == _W + "drawing" and next(el.iter(_W + "txbxContent"), None) is None
            for x in el.iter(_WP + "extent")]


def note_parts(document_part) -> list:
    """The footnotes part, then the endnotes part, of a document, each with its parsed XML (the
    root to change and write back into the part when a copy is annotated)."""
    from docx.oxml import parse_xml

    return [(rel.target_part, parse_xml(rel.target_part.blob)) for kind in ("footnotes", "endnotes")
            for rel in document_part.rels.values() if rel.reltype.endswith("/" + kind) and not rel.is_external]


def notes(roots: list) -> list:
    """The footnotes, then the endnotes (``w:footnote``/``w:endnote``; not the separators Word
    keeps among them) of ``note_parts``' roots, each a container of blocks, in order."""
    return [note for _, root in roots for note in root if note.get(qn("w:type")) in (None, "normal")]


def in_text_box(el) -> bool:
    return next(el.iterancestors(_W + "txbxContent"), None) is not None
