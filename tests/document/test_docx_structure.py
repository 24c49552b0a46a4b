"""A report as Word really builds it: a number in tracked changes, a content control, a field, a
smart tag, a text box, a tracked row; a footnote mark typed as superscript; a table pasted as a
picture; a table split in two, or broken by a page in the PDF. Each is the report of tests/docx_report.py, correct but for the one number put there,
checked against the Medang Kampai sample; the expected values are the sample's source CSV."""
from __future__ import annotations

import copy
import shutil
import struct
import subprocess
import zlib
from decimal import Decimal as D

import pdfplumber
import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm
from docx_report import SOURCE, WORKBOOK, money, write_report

from helpers import dec
from lkjip_xl.document.annotate import write_annotated_docx
from lkjip_xl.document.check import check_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RIGHT_03 = money("03", "realisasi")  # programme 03's realisasi, Paragraf 3
WRONG_03 = "1.098.888.500,00"  # two digits swapped
RIGHT_05, WRONG_05 = money("05", "pagu"), "25.000.000,00"  # programme 05's pagu, Tabel 3.1 C5
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TRACK = 'w:author="Staf" w:date="2024-02-01T00:00:00Z"'


def _run(text: str, props: str = "") -> str:
    return f'<w:r {W}>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _ins(xml: str, n: int) -> str:
    return f'<w:ins {W} w:id="{n}" {TRACK}>{xml}</w:ins>'


def _del(text: str, n: int) -> str:
    return f'<w:del {W} w:id="{n}" {TRACK}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def _report(tmp_path):
    path = write_report(tmp_path / "laporan.docx", RIGHT_03, RIGHT_05)
    return path, Document(str(path))


def _put_03(doc, *xml: str) -> None:
    """Paragraf 3 with programme 03's realisasi replaced by ``xml`` (runs, or what holds them)."""
    p = next(p for p in doc.paragraphs if RIGHT_03 in p.text)
    before, after = p.text.split(RIGHT_03)
    for r in p._p.xpath("w:r"):
        p._p.remove(r)
    for x in (_run(before), *xml, _run(after)):
        p._p.append(parse_xml(x))


def _row_05(doc):
    return doc.tables[0].rows[4]._tr


def _set_05(tr, text: str) -> None:
    for t in tr.iter(qn("w:t"), qn("w:delText")):
        if t.text == RIGHT_05:
            t.text = text


def _check(doc, path):
    doc.save(str(path))
    result = check_document(path, WORKBOOK)
    return result, {(f.code, f.severity, f.sheet, f.cell, f.expected, f.found) for f in result.findings}


PROSE_SLIP = {("DOC001", "error", "Paragraf 3", "", dec(SOURCE["03"]["realisasi"]), D("1098888500.00"))}
PAGU_05 = dec(SOURCE["05"]["pagu"])
PROSE_CASES = {
    "tracked replacement": lambda: (_del(RIGHT_03, 1), _ins(_run(WRONG_03), 2)),
    # 1.0, "9" inserted, "8" deleted, 8.888.500: Word shows 1.098.888.500
    "tracked digit": lambda: (_run("1.0"), _ins(_run("9"), 3), _del("8", 4), _run("8.888.500,00")),
    "content control": lambda: (f'<w:sdt {W}><w:sdtPr/><w:sdtContent>{_run(WRONG_03)}</w:sdtContent></w:sdt>',),
    "field": lambda: (f'<w:fldSimple {W} w:instr=" =SUM(ABOVE) ">{_run(WRONG_03)}</w:fldSimple>',),
    "thin spaces": lambda: (_run("1\u2009098\u2009888\u2009500,00"),),  # grouped by thin spaces (U+2009)
    "smart tag": lambda: (f'<w:smartTag {W} w:uri="u" w:element="e">{_run(WRONG_03)}</w:smartTag>',),
}


@pytest.mark.parametrize("case", PROSE_CASES)
def test_a_wrong_number_in_tracked_or_wrapped_text_is_read_where_it_stands(tmp_path, case):
    """Inserted text is the document's text; the deleted text it replaced is not (it used to be
    dropped, and the pagu after it was read as the realisasi)."""
    path, doc = _report(tmp_path)
    _put_03(doc, *PROSE_CASES[case]())
    result, found = _check(doc, path)
    assert found == PROSE_SLIP
    assert (result.checked, result.unmatched) == (23, 0)


def test_a_tracked_deletion_of_the_wrong_number_leaves_no_finding(tmp_path):
    path, doc = _report(tmp_path)
    _put_03(doc, _del(WRONG_03, 1), _ins(_run(RIGHT_03), 2))
    result, found = _check(doc, path)
    assert found == set() and (result.checked, result.unmatched) == (23, 0)


def test_a_superscript_footnote_mark_is_no_digit_of_the_number(tmp_path):
    path, doc = _report(tmp_path)
    _put_03(doc, _run(RIGHT_03), _run("1", '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'))
    result, found = _check(doc, path)
    assert found == set() and result.checked == 23


def _vml_box(text: str) -> str:
    return (f'<w:pict><v:shape style="width:300pt;height:60pt"><v:textbox><w:txbxContent><w:p>{_run(text)}'
            f'</w:p></w:txbxContent></v:textbox></v:shape></w:pict>')


TEXT_BOXES = {  # as Word 2003 wrote it (VML), and as Word writes it now: DrawingML with a VML fallback
    "vml": _vml_box,
    "drawingml": lambda text: (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="3810000" cy="762000"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:txbx><w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
        f'</a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback>{_vml_box(text)}</mc:Fallback>'
        '</mc:AlternateContent>'),
}


@pytest.mark.parametrize("form", TEXT_BOXES)
def test_a_text_box_is_read_after_the_paragraph_holding_it(tmp_path, form):
    """Read once: the fallback Word keeps of a DrawingML text box is not read again."""
    path, doc = _report(tmp_path)
    p = next(p for p in doc.paragraphs if RIGHT_03 in p.text)
    text = p.text.replace(RIGHT_03, WRONG_03)
    for r in p._p.xpath("w:r"):
        p._p.remove(r)
    p._p.append(parse_xml(
        f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">{TEXT_BOXES[form](text)}</w:r>'))
    result, found = _check(doc, path)
    assert result.checked == 23
    assert found == {("DOC001", "error", "Paragraf 3 (kotak teks)", "", dec(SOURCE["03"]["realisasi"]),
                      D("1098888500.00"))}
    assert result.findings[0].params["location"] == {"paragraph": 3, "text_box": 1}


def _highlighted(element) -> list[str]:
    return [r.text for r in element.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None]


@pytest.mark.parametrize("form", TEXT_BOXES)
def test_a_text_box_does_not_shift_the_paragraphs_after_it(tmp_path, form):
    """A note in a text box anchored in Paragraf 2 (the total): the wrong realisasi in the third
    body paragraph was said to be in Paragraf 4 (the box's paragraph counted as one of the body's),
    which a reader counting the document's paragraphs finds to be the SKM sentence."""
    path = write_report(tmp_path / "laporan.docx", WRONG_03, RIGHT_05)
    doc = Document(str(path))
    doc.paragraphs[1]._p.append(parse_xml(
        f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'{TEXT_BOXES[form]("Sumber: SIPD")}</w:r>'))
    result, found = _check(doc, path)
    assert found == PROSE_SLIP
    out = tmp_path / "bertanda.docx"
    assert write_annotated_docx(path, out, result.findings) == 1
    marked = Document(str(out))
    assert _highlighted(marked.paragraphs[2]._p) == [WRONG_03]


TABLE_SLIP = {("DOC001", "error", "Tabel 3.1", "C5", PAGU_05, D("25000000.00")),
              ("DOC001", "error", "Tabel 3.1", "D5", dec(SOURCE["05"]["realisasi"]), D("25000000.00"))}


def test_a_table_inside_a_content_control_is_read(tmp_path):
    path, doc = _report(tmp_path)
    tbl = doc.tables[0]._tbl
    sdt = parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")
    tbl.addprevious(sdt)
    sdt[1].append(tbl)
    _set_05(tbl, WRONG_05)
    result, found = _check(doc, path)
    assert PAGU_05 == dec(SOURCE["05"]["realisasi"])  # the row's realisasi is its pagu: both cells changed
    assert found == TABLE_SLIP and result.checked == 23


def test_a_row_inserted_with_tracking_is_read(tmp_path):
    path, doc = _report(tmp_path)
    tr = _row_05(doc)
    tr.get_or_add_trPr().append(parse_xml(f'<w:ins {W} w:id="9" {TRACK}/>'))
    for r in list(tr.iter(qn("w:r"))):
        wrap = parse_xml(_ins("", 10))
        r.addprevious(wrap)
        wrap.append(r)
    _set_05(tr, WRONG_05)
    _, found = _check(doc, path)
    assert found == TABLE_SLIP


def test_a_row_deleted_with_tracking_is_not_read(tmp_path):
    path, doc = _report(tmp_path)
    old = copy.deepcopy(_row_05(doc))
    _set_05(old, WRONG_05)
    old.get_or_add_trPr().append(parse_xml(f'<w:del {W} w:id="9" {TRACK}/>'))
    _row_05(doc).addprevious(old)
    result, found = _check(doc, path)
    assert found == set() and result.checked == 23


def test_the_annotated_copy_marks_a_number_in_inserted_text(tmp_path):
    path, doc = _report(tmp_path)
    _put_03(doc, _del(RIGHT_03, 1), _ins(_run(WRONG_03), 2))
    result, _ = _check(doc, path)
    out = tmp_path / "bertanda.docx"
    assert write_annotated_docx(path, out, result.findings) == 1
    marked = Document(str(out))
    assert [r.text for r in marked.element.body.iter(qn("w:r"))
            if r.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None] == [WRONG_03]


def _png(path):
    """A 2×1 white PNG (what a table pasted as a picture is, to a reader of text)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff")) + chunk(b"IEND", b""))
    return path


def test_a_table_pasted_as_a_picture_is_said_not_read(tmp_path):
    """The table replaced by a picture 16 cm wide (and a 3 cm logo below, which is no table): the
    report used to say only "7 numbers checked", as if it were all."""
    path, doc = _report(tmp_path)
    image = str(_png(tmp_path / "tabel.png"))
    table = doc.tables[0]._tbl
    holder = doc.add_paragraph()
    table.addprevious(holder._p)
    table.getparent().remove(table)
    holder.add_run().add_picture(image, width=Cm(16))
    doc.add_paragraph().add_run().add_picture(image, width=Cm(3))
    result, found = _check(doc, path)
    assert found == {("DOC010", "info", "Paragraf 6", "", None, None)}  # heading, 3 paragraphs, caption, picture
    assert "16 cm" in result.findings[0].message("id") and result.checked == 7


def test_a_table_split_in_two_is_read_as_one(tmp_path):
    """Word's "split table": rows 4 and 5 in a table of their own, with no header row, after an
    empty paragraph. They used to have no columns, so a wrong pagu there was left unmatched."""
    path, doc = _report(tmp_path)
    tbl = doc.tables[0]._tbl
    rest = copy.deepcopy(tbl)
    for tr in rest.findall(qn("w:tr")):
        rest.remove(tr)
    for tr in tbl.findall(qn("w:tr"))[3:]:
        rest.append(tr)
    _set_05(rest, WRONG_05)
    tbl.addnext(rest)
    tbl.addnext(parse_xml(f"<w:p {W}/>"))
    result, found = _check(doc, path)
    assert found == TABLE_SLIP and (result.checked, result.unmatched) == (23, 0)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize(("filler", "repeat_header"), [(36, False), (40, False), (40, True)])
def test_a_pdf_table_broken_by_the_page_is_read_as_one(tmp_path, filler, repeat_header):
    """Lines before the table push it across a page: with 36 the page breaks between rows 4 and
    5, with 40 inside row 3 (its programme name goes on, "Desa dan Kelurahan", with no number);
    with its header row repeated on the next page, or not. The rows on the next page had no
    header, so a wrong pagu there passed unmatched (or, after a repeated header and a broken row,
    was named as another table)."""
    path = write_report(tmp_path / "laporan.docx", RIGHT_03, WRONG_05)
    doc = Document(str(path))
    if repeat_header:
        doc.tables[0].rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))
    caption = doc.tables[0]._tbl.getprevious()
    for i in range(filler):
        caption.addprevious(doc.add_paragraph(f"Baris pengisi ke-{i + 1}.")._p)
    doc.save(str(path))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "laporan.pdf"
    with pdfplumber.open(str(pdf)) as reader:  # the precondition: the table is on two pages
        pages = [n for n, page in enumerate(reader.pages) if page.find_tables()]
    assert len(pages) == 2
    result = check_document(pdf, WORKBOOK)
    assert {(f.code, f.severity, f.sheet, f.cell, f.expected, f.found) for f in result.findings} == {
        ("DOC001", "error", "Tabel 3.1", "C5", PAGU_05, D("25000000.00"))}


def test_a_row_starting_after_the_first_column_keeps_its_columns(tmp_path):
    """Row 5 without its "No" cell (Word writes w:gridBefore): its cells used to be read one
    column to the left, the capaian as the realisasi and the sisa as the capaian."""
    path, doc = _report(tmp_path)
    tr = _row_05(doc)
    tr.remove(tr.findall(qn("w:tc"))[0])
    tr.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {W} w:val="1"/>'))
    _set_05(tr, WRONG_05)
    _, found = _check(doc, path)
    assert found == TABLE_SLIP


def test_a_pagu_in_a_cell_merged_down_rows_is_read_once(tmp_path):
    """Programme 05's No, name and (wrong) pagu cells merged down over two more rows (w:vMerge),
    whose realisasi is "-": Word, and a PDF of it, show the pagu once; it was read in each row
    the cell spans, and blamed three times."""
    path = write_report(tmp_path / "laporan.docx", RIGHT_03, WRONG_05)
    doc = Document(str(path))
    table = doc.tables[0]
    for _ in range(2):
        row = table.add_row()
        row.cells[3].text = "-"
    for c in (0, 1, 2):
        text = table.cell(4, c).text
        table.cell(4, c).merge(table.cell(6, c)).text = text
    result, found = _check(doc, path)
    assert found == {("DOC001", "error", "Tabel 3.1", "C5", PAGU_05, D("25000000.00"))}
    assert (result.checked, result.unmatched) == (23, 0)


def _with_footnote(doc) -> None:
    """Paragraf 3 carrying a footnote (the mark after the correct realisasi) that repeats it
    wrongly."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    notes = (f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             f'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
             f'{_run(" Realisasi Program Pemberdayaan Masyarakat Desa dan Kelurahan sebesar Rp. " + WRONG_03 + ".")}'
             f'</w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                notes.encode(), doc.part.package)
    doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    _put_03(doc, _run(RIGHT_03), f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                 f'<w:footnoteReference w:id="1"/></w:r>')


FOOTNOTE_SLIP = {("DOC001", "error", "Catatan kaki 1", "", dec(SOURCE["03"]["realisasi"]), D("1098888500.00"))}


def test_a_footnote_is_read(tmp_path):
    """Footnotes were never read."""
    path, doc = _report(tmp_path)
    _with_footnote(doc)
    result, found = _check(doc, path)
    assert found == FOOTNOTE_SLIP and result.checked == 24


def test_the_annotated_copy_marks_a_number_in_a_footnote(tmp_path):
    """The finding in the footnote was reported, but the annotated copy marked nothing. The number
    is highlighted there; the comment is on the footnote's mark in the text (LibreOffice cannot
    open a document with a comment inside a footnote)."""
    path, doc = _report(tmp_path)
    _with_footnote(doc)
    result, found = _check(doc, path)
    assert found == FOOTNOTE_SLIP
    out = tmp_path / "bertanda.docx"
    assert write_annotated_docx(path, out, result.findings) == 1
    marked = Document(str(out))
    notes = next(rel.target_part for rel in marked.part.rels.values() if rel.reltype.endswith("/footnotes"))
    assert _highlighted(parse_xml(notes.blob)) == [WRONG_03]
    assert _highlighted(marked.element.body) == [] and b"commentReference" not in notes.blob
    start = next(marked.element.body.iter(qn("w:commentRangeStart")))
    assert start.getnext().find(qn("w:footnoteReference")) is not None
    assert [c.text.split("]")[0] for c in marked.comments] == ["[DOC001"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_a_footnote_mark_in_a_pdf_is_no_digit_of_the_number(tmp_path):
    """The report with a superscript mark after the realisasi and after the 98,03 %, as a PDF:
    the marks used to be read as the numbers' last digits (1.089.888.500,001; 98,032 %)."""
    path, doc = _report(tmp_path)
    mark = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    _put_03(doc, _run(RIGHT_03), _run("1", mark))
    p = next(p for p in doc.paragraphs if "98,03%" in p.text)
    before, after = p.text.split("98,03%")
    for r in p._p.xpath("w:r"):
        p._p.remove(r)
    for x in (_run(before + "98,03"), _run("2", mark), _run("%" + after)):
        p._p.append(parse_xml(x))
    doc.save(str(path))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    result = check_document(tmp_path / "laporan.pdf", WORKBOOK)
    assert result.findings == [] and (result.checked, result.unmatched) == (23, 0)


def _page_field(instr: str) -> list[str]:
    return [f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {W}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
            f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>', _run("7"),
            f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>']


def test_a_number_in_the_page_header_is_read_and_marked_not_a_page_number(tmp_path):
    """The header repeats the realisasi wrongly; the footer says "Halaman 7 dari 7" by PAGE and
    NUMPAGES fields. The header was never read (a PDF of it is), and a page number is no figure."""
    path, doc = _report(tmp_path)
    section = doc.sections[0]
    section.header.paragraphs[0].text = f"Realisasi Program Pemberdayaan Masyarakat Desa dan Kelurahan Rp. {WRONG_03}"
    footer = section.footer.paragraphs[0]._p
    for x in (_run("Halaman "), *_page_field("PAGE"), _run(" dari "), *_page_field("NUMPAGES  \\* MERGEFORMAT")):
        footer.append(parse_xml(x))
    result, found = _check(doc, path)
    assert found == {("DOC001", "error", "Kop halaman 1", "", dec(SOURCE["03"]["realisasi"]), D("1098888500.00"))}
    assert result.findings[0].params["location"] == {"header": 1}
    assert (result.checked, result.unmatched) == (24, 0)
    out = tmp_path / "bertanda.docx"
    assert write_annotated_docx(path, out, result.findings) == 1
    assert _highlighted(Document(str(out)).sections[0].header._element) == [WRONG_03]


def test_a_footer_left_from_last_year_is_said_and_this_years_title_is_not(tmp_path):
    """The report is the Medang Kampai 2023 one; its footer was copied from the 2022 report and still
    says "LKjIP Kecamatan Medang Kampai Tahun 2022". Last year is a year the body may speak of
    ("Tahun Anggaran 2022" in a comparison), but a page footer names the report's own year. The
    header says the right year and cites a regulation of 2021 (not the report's year: no claim)."""
    path, doc = _report(tmp_path)
    section = doc.sections[0]
    section.header.paragraphs[0].text = "LKjIP Kecamatan Medang Kampai Tahun 2023 (Permenpan RB Nomor 88 Tahun 2021)"
    section.footer.paragraphs[0].text = "LKjIP Kecamatan Medang Kampai Tahun 2022"
    result, found = _check(doc, path)
    assert found == {("DOC006", "warning", "Kaki halaman 1", "", "2023", "2022")}
    section.footer.paragraphs[0].text = "LKjIP Kecamatan Medang Kampai Tahun Anggaran 2023"
    result, found = _check(doc, path)
    assert found == set()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_a_pdf_footer_left_from_last_year_is_said_and_its_page_numbers_are_no_figures(tmp_path):
    """The same report printed to PDF by LibreOffice over two pages, its footer "LKjIP Kecamatan
    Medang Kampai Tahun 2022 - Halaman N" on each: the footer is read as the pages' footer (the
    year is last year's: DOC006 on both pages), and the page numbers are no figure (nothing more
    unmatched than without the footer)."""
    path, doc = _report(tmp_path)
    doc.add_page_break()
    doc.add_paragraph("Demikian laporan ini disusun.")
    footer = doc.sections[0].footer.paragraphs[0]._p
    for x in (_run("LKjIP Kecamatan Medang Kampai Tahun 2022 - Halaman "), *_page_field("PAGE")):
        footer.append(parse_xml(x))
    doc.save(str(path))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "laporan.pdf"
    with pdfplumber.open(str(pdf)) as reader:  # the precondition: the footer printed on both pages
        assert [p.extract_text().splitlines()[-1] for p in reader.pages] == [
            f"LKjIP Kecamatan Medang Kampai Tahun 2022 - Halaman {n}" for n in (1, 2)]
    result = check_document(pdf, WORKBOOK)
    assert {(f.code, f.severity, f.sheet, f.expected, f.found) for f in result.findings} == {
        ("DOC006", "warning", f"Halaman {n}", "2023", "2022") for n in (1, 2)}
    assert result.unmatched == 0


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_a_pdf_printed_with_tracked_changes_shown_is_said_not_read_glued(tmp_path):
    """The wrong realisasi replaced by the right one with tracking on, printed as LibreOffice shows
    it (the old number struck through beside the new): the two were read as one number,
    1.098.888.500,001.089.888.500,00, a malformed number and a wrong realisasi."""
    path, doc = _report(tmp_path)
    _put_03(doc, _del(WRONG_03, 1), _ins(_run(RIGHT_03), 2))
    doc.save(str(path))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "laporan.pdf"
    with pdfplumber.open(str(pdf)) as reader:  # the precondition: both numbers printed on one line
        assert WRONG_03 + RIGHT_03 in reader.pages[0].extract_text()
    result = check_document(pdf, WORKBOOK)
    assert {(f.code, f.severity, f.sheet, f.cell, f.expected, f.found) for f in result.findings} == {
        ("DOC011", "warning", "Halaman 1", "baris 7", None, WRONG_03)}
    assert (result.checked, result.unmatched) == (23, 0)


def test_a_damaged_or_huge_column_span_is_no_traceback(tmp_path):
    path, doc = _report(tmp_path)
    rows = doc.tables[0].rows
    rows[1]._tr.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {W} w:val="999999999"/>'))
    rows[2].cells[0]._tc.get_or_add_tcPr().append(parse_xml(f'<w:gridSpan {W} w:val="dua"/>'))
    result, _ = _check(doc, path)
    assert result.checked > 0
