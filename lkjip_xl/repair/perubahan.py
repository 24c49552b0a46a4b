"""The sheet `Perubahan` rapikan puts first in the copy: every change (cell, before, after, why)
and every value left for a person to decide, one line each, the cell linked."""
from __future__ import annotations

from decimal import Decimal
from itertools import count
from xml.sax.saxutils import escape, quoteattr

from ..schema.refs import a1, quote_sheet
from ..template.layout import row_height
from .change import Change
from .sheet_xml import number_text

SHEET_NAME = "Perubahan"
HEADERS = {
    "id": ("No", "Sheet", "Sel", "Kode", "Status", "Sebelum", "Sesudah", "Alasan"),
    "en": ("No", "Sheet", "Cell", "Code", "Status", "Before", "After", "Why"),
}
STATUS = {"id": ("diubah", "perlu diputuskan"), "en": ("changed", "for you to decide")}
NOTHING = {"id": "Tidak ada yang perlu dirapikan.", "en": "Nothing needed tidying."}
WIDTHS = (5, 14, 12, 9, 16, 30, 30, 60)
FOOTER = "&Llkjip-xl rapikan&C&A&R&P / &N"  # as the template's sheets print: the sheet's name, page of pages


def sheet_name(package) -> str:
    """`Perubahan`; where the workbook has a sheet of that name (in any case) that is not one an
    earlier rapikan wrote (its first row is not this sheet's header), `Perubahan (rapikan)`, then
    `Perubahan (rapikan 2)`...: the office's own sheet is never replaced."""
    taken = {name.casefold(): name for name in package.sheet_names()}
    for n in count():
        name = SHEET_NAME if n == 0 else f"{SHEET_NAME} (rapikan{f' {n}' if n > 1 else ''})"
        found = taken.get(name.casefold())
        if found is None or package.first_row(found)[:len(HEADERS["id"])] in set(HEADERS.values()):
            return found or name


def _cell(row: int, col: int, value, style: int) -> str:
    ref = a1(row, col)
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return f'<c r="{ref}"{s}><v>{number_text(value)}</v></c>'
    text = escape(str(value)[:32_000])
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def perubahan_xml(changes: list[Change], lang: str, namespace: str, bold: int, wrap: int) -> bytes:
    rows = [HEADERS[lang]]
    links = []
    for i, c in enumerate(changes, start=1):
        status = STATUS[lang][0 if c.applied else 1]
        rows.append((i, c.sheet, c.cell, c.code or "", status, c.before, c.after, c.reason(lang)))
        links.append((i + 1, c.sheet, c.cell.split(":")[0].split()[0]))
    if not changes:
        rows.append(("", "", "", "", "", "", "", NOTHING[lang]))
    body = []
    for r, values in enumerate(rows, start=1):
        style = bold if r == 1 else wrap  # data cells wrap, at the top of their row
        cells = "".join(_cell(r, j, v, style) for j, v in enumerate(values))
        texts = [(str(v), WIDTHS[j], r == 1) for j, v in enumerate(values) if isinstance(v, str)]
        height = row_height(texts)
        ht = f' ht="{height}" customHeight="1"' if height else ""
        body.append(f'<row r="{r}"{ht}>{cells}</row>')
    cols = "".join(f'<col min="{j + 1}" max="{j + 1}" width="{w}" customWidth="1"/>' for j, w in enumerate(WIDTHS))
    hyperlinks = "".join(
        f'<hyperlink ref="C{r}" location={quoteattr(f"{quote_sheet(sheet)}!{cell}")} display={quoteattr(cell)}/>'
        for r, sheet, cell in links)
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{namespace}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:H{len(rows)}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        f'<cols>{cols}</cols><sheetData>{"".join(body)}</sheetData>'
        + (f"<hyperlinks>{hyperlinks}</hyperlinks>" if hyperlinks else "")
        + '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>'
        f'<headerFooter><oddFooter>{escape(FOOTER)}</oddFooter></headerFooter></worksheet>'
    )
    return xml.encode("utf-8")
