"""A report as a PDF (pdfplumber): per page, its ruled tables as tables and the text around them
as paragraphs (lines closer than half a line apart belong together; a caption line, "Tabel 3.5
...", starts a paragraph of its own), in reading order.
"Halaman P" is page P; a finding also carries the line on the page. A footnote mark (a raised,
smaller digit) is left out: glued to the number before it, it changed its value. So is text struck
through (a PDF printed with tracked changes shown prints the old number struck through beside the
new one): it is kept apart, to be said. A page's first or last line in its top or bottom margin is a
page header or footer when its text (digits aside) comes back on another page: read on its own, as
the report's own title ("Tahun 2023" there is the report's year); a page number there ("5",
"- 5 -", "Halaman 5 dari 40", alone or after the title) is no figure and is not read."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from .model import Document, Segment
from .tables import caption_label, caption_of, continued, table_segments

MAX_PAGES = 2000
MARGIN = 0.075  # a page header or footer lies within this share of the page's height from its edge
_PAGE_NUMBER = re.compile(r"^\s*((halaman|hal\.?|page)\s*)?[-–—]?\s*(\d{1,4}|[ivx]{1,5})\s*[-–—]?"
                          r"(\s*(dari|of|/)\s*\d{1,4})?\s*$", re.I)
_PAGE_PHRASE = re.compile(r"\b(halaman|hal\.|page)\s*\d{1,4}(\s*(dari|of|/)\s*\d{1,4})?\b", re.I)  # "… - Halaman 5"
_PT_PER_CM = 72 / 2.54


def read_pdf(path: Path) -> Document:
    import pdfplumber

    from .read import UnreadableDocument

    with open(path, "rb") as fh:
        if not fh.read(1024).lstrip().startswith(b"%PDF"):
            raise UnreadableDocument("doc_unreadable", path=str(path), detail="bukan PDF / not a PDF")
    try:
        pdf = pdfplumber.open(str(path))
        pages = pdf.pages
    except Exception as exc:  # pdfminer raises its own kinds (wrapped by pdfplumber) for damaged and encrypted files
        name = " ".join([type(exc).__name__, str(exc)] + [type(a).__name__ for a in exc.args])
        if "password" in name.lower() or "encrypt" in name.lower():
            raise UnreadableDocument("doc_encrypted", path=str(path)) from None
        raise UnreadableDocument("doc_unreadable", path=str(path), detail=type(exc).__name__) from None
    try:
        if len(pages) > MAX_PAGES:
            raise UnreadableDocument("too_large", path=str(path), detail=f"{len(pages)} pages > {MAX_PAGES}")
        segments: list[Segment] = []
        pictures: list[Segment] = []
        state = {"tables": 0, "recent": [], "last_table": [], "struck": []}
        for number, page in enumerate(pages, start=1):
            try:
                segments += _page(page, number, state)
                pictures += [Segment("", f"Halaman {number}", {"page": number, "width_cm": round(i["width"] / _PT_PER_CM, 1)})
                             for i in page.images]
            except UnreadableDocument:
                raise
            except Exception as exc:
                raise UnreadableDocument("doc_unreadable", path=str(path),
                                         detail=f"page {number}: {type(exc).__name__}") from None
        return Document(str(path), "pdf", _margins(segments), pictures, state["struck"])
    finally:
        pdf.close()


def _footnote_marks(chars: list[dict]) -> set[tuple]:
    """The superscript digits (footnote marks) of a page's characters: smaller than the character
    they follow on its line and raised above it. They are no digit of the number before them."""
    marks: set[tuple] = set()
    base = None
    for c in chars:
        if base is not None and (c["text"].isdigit() or c["text"] == "*") and c["size"] < 0.8 * base["size"] \
                and c["bottom"] < base["bottom"] - 0.15 * base["size"] and abs(c["x0"] - base["x1"]) < base["size"] * 3:
            marks.add(_key(c))
            continue
        base = c
    return marks


def _struck_chars(page) -> set[tuple]:
    """The characters a horizontal line crosses through their middle (not under them: an underline)."""
    rules = [(ln["x0"], ln["x1"], (ln["top"] + ln["bottom"]) / 2) for ln in page.lines + page.rects
             if ln["bottom"] - ln["top"] < 1.5 and ln["x1"] - ln["x0"] > 2]
    return {_key(c) for c in page.chars if not c["text"].isspace() and any(
        x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and c["top"] + 0.3 * (c["bottom"] - c["top"]) < y < c["bottom"] - 0.2 * (c["bottom"] - c["top"])
        for x0, x1, y in rules)}


def _key(c: dict) -> tuple:
    return c["text"], round(c["x0"], 2), round(c["top"], 2)


def _page(page, number: int, state: dict) -> list[Segment]:
    marks = _footnote_marks(page.chars)
    struck = _struck_chars(page)
    gone = [c for c in page.chars if _key(c) in struck]
    if marks or struck:
        page = page.filter(lambda obj: obj.get("object_type") != "char" or _key(obj) not in marks | struck)
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    lines = page.filter(outside).extract_text_lines()
    _say_struck(gone, lines, number, state)
    margin = {id(line): kind for line, kind in _margin_lines(lines, page.height)}
    items = [(line["top"], "line", line) for line in lines] + [(t.bbox[1], "table", t) for t in tables]
    items.sort(key=lambda x: x[0])
    out: list[Segment] = []
    paragraph: list[tuple[int, dict]] = []
    line_no = 0

    def flush():
        if not paragraph:
            return
        text, starts = "", []
        for _, line in paragraph:
            starts.append(len(text) + (1 if text else 0))
            text = f"{text} {line['text']}" if text else line["text"]
        numbers = tuple(n for n, _ in paragraph)
        out.append(Segment(text, f"Halaman {number}", {"page": number, "page_line": numbers[0]},
                           lines=numbers, line_starts=tuple(starts)))
        state["recent"] = (state["recent"] + [text])[-4:]
        paragraph.clear()

    for _, kind, item in items:
        if kind == "line":
            line_no += 1
            if id(item) in margin:  # a header or footer line, if it repeats (``_margins``): read alone
                flush()
                text = _PAGE_PHRASE.sub("", item["text"]).strip(" -–—|")
                if not text or _PAGE_NUMBER.match(text):
                    continue
                out.append(Segment(text, f"Halaman {number}",
                                   {"page": number, "page_line": line_no, "margin": margin[id(item)]},
                                   lines=(line_no,), line_starts=(0,)))
                continue
            if paragraph:
                last = paragraph[-1][1]
                height = max(last["bottom"] - last["top"], 1)
                if item["top"] - last["bottom"] > 0.5 * height or caption_label(item["text"]):
                    flush()
            paragraph.append((line_no, item))
            continue
        flush()
        state["tables"] += 1
        part, caption = caption_of(state["recent"], state["tables"])
        rows = [([_unwrap(c or "") for c in row], {"page": number}) for row in item.extract()]
        state["last_table"] = table_segments(rows, part, caption, state["tables"],
                                             continued(state["last_table"], state["recent"]))
        out += state["last_table"]
        state["recent"] = []
    flush()
    return out


def _margin_lines(lines: list[dict], height: float) -> list[tuple[dict, str]]:
    """The page's first line if it lies in the top margin, its last if in the bottom one."""
    out = []
    if lines and lines[0]["bottom"] < MARGIN * height:
        out.append((lines[0], "header"))
    if lines and lines[-1]["top"] > (1 - MARGIN) * height and (not out or len(lines) > 1):
        out.append((lines[-1], "footer"))
    return out


def _margins(segments: list[Segment]) -> list[Segment]:
    """Margin lines whose text, digits aside, is on two pages or more are the pages' header or
    footer (``where["margin"]``); the others are ordinary lines."""
    def shape(seg: Segment) -> str:
        return re.sub(r"\d+", "#", seg.text.strip().lower())

    pages = Counter((seg.where["margin"], shape(seg)) for seg in segments if "margin" in seg.where)
    out = []
    for seg in segments:
        if "margin" in seg.where and pages[seg.where["margin"], shape(seg)] < 2:
            seg = replace(seg, where={k: v for k, v in seg.where.items() if k != "margin"})
        out.append(seg)
    return out


def _say_struck(gone: list[dict], lines: list[dict], number: int, state: dict) -> None:
    """The struck characters of a page as one text per line of the page they stand on."""
    by_line: dict = {}
    for c in gone:
        middle = (c["top"] + c["bottom"]) / 2
        at = next((k for k, ln in enumerate(lines, start=1) if ln["top"] <= middle <= ln["bottom"]), None)
        by_line.setdefault(at, []).append(c)
    for at, chars in by_line.items():
        text = "".join(c["text"] for c in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])))
        where = {"page": number, "page_line": at} if at is not None else {"page": number}
        state["struck"].append(Segment(text, f"Halaman {number}", where))


def _unwrap(text: str) -> str:
    """A cell's lines as one text: a number or a word broken by the cell's width is joined back
    ("17.090.50" + "0,00", "Pemerinta" + "han"), other lines get a space."""
    lines = text.split("\n")
    out = lines[0]
    for line in lines[1:]:
        if not out or not line:
            out += line
        elif (out[-1].isdigit() or out[-1] in ".,") and (line[0].isdigit() or line[0] in ".,") or \
                out[-1].isalpha() and line[0].islower():
            out += line
        else:
            out += " " + line
    return out
