"""No header cell of any docx table breaks inside a word at the widths written: the longest word
of each header fits its column (the grid columns it spans, less the cell margins) at the font size
of its run. Word widths come from the metrics of Helvetica Bold (Arial Bold has the same advance
widths; headers are bold), listed here from the font's AFM, not from lkjip-xl's code. Every docx
the tool writes is measured: the annex of each sample (one and two years, both efisiensi
methods) and the PK document."""
from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from lkjip_xl.cli import app
from test_annex_support import ROOT, ensure_samples

# Helvetica-Bold AFM advance widths (1/1000 em) of the printable ASCII characters 32..126
_AFM = [278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
        556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
        556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
        556, 278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
        333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584]
WIDTH = {chr(32 + i): w for i, w in enumerate(_AFM)} | {"×": 584, "−": 584}
TWIPS_PER_MM = 1440 / 25.4
runner = CliRunner()


def word_mm(word: str, size_pt: float) -> float:
    return sum(WIDTH.get(ch, 1000) for ch in word) / 1000 * size_pt * 25.4 / 72


def header_problems(path) -> list[str]:
    d = docx.Document(str(path))
    problems = []
    for n, table in enumerate(d.tables):
        tbl = table._tbl
        grid = [int(g.get(qn("w:w"))) for g in tbl.tblGrid.findall(qn("w:gridCol"))]
        mar = tbl.tblPr.find(qn("w:tblCellMar"))
        margins = sum(int(mar.find(qn(f"w:{side}")).get(qn("w:w"))) for side in ("left", "right")) if mar is not None else 0
        for tr in tbl.findall(qn("w:tr")):
            pr = tr.find(qn("w:trPr"))
            if pr is None or pr.find(qn("w:tblHeader")) is None:
                continue
            col = 0
            for tc in tr.findall(qn("w:tc")):
                span = tc.tcPr.gridSpan.val if tc.tcPr is not None and tc.tcPr.gridSpan is not None else 1
                room = (sum(grid[col:col + span]) - margins) / TWIPS_PER_MM
                col += span
                for r in tc.iter(qn("w:r")):
                    sz = r.find(qn("w:rPr") + "/" + qn("w:sz"))
                    size = int(sz.get(qn("w:val"))) / 2 if sz is not None else 9
                    text = "".join(t.text or "" for t in r.iter(qn("w:t")))
                    for word in text.split():
                        if word_mm(word, size) > room:
                            problems.append(f"{path.name} table {n}: '{word}' needs {word_mm(word, size):.1f} mm, "
                                            f"the column has {room:.1f} mm")
    return problems


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    ensure_samples()
    out = tmp_path_factory.mktemp("docx")
    samples = ROOT / "samples"
    runs = [
        ("annex", samples / "medan_amplas_2023.xlsx", "ma.docx", ["--tahun-lalu", samples / "medan_amplas_2022.xlsx"]),
        ("annex", samples / "medan_amplas_2023.xlsx", "ma1.docx", []),
        ("annex", samples / "medang_kampai_2023.xlsx", "mk.docx", []),
        ("annex", samples / "medang_kampai_2023.xlsx", "mk_en.docx", ["--lang", "en"]),
        ("pk", samples / "medan_baru_pk_2024.xlsx", "pk.docx", []),
    ]
    paths = []
    for command, src, name, extra in runs:
        target = out / name
        result = runner.invoke(app, [command, str(src), "-o", str(out / (name + ".xlsx")), "--docx", str(target),
                                     "--force", *map(str, extra)])
        assert result.exit_code == 0, result.output
        paths.append(target)
    return paths


def test_no_header_word_is_wider_than_its_column(documents):
    problems = [p for path in documents for p in header_problems(path)]
    assert problems == []


def test_the_measure_sees_a_broken_word():
    # "Kemajuan" in bold 8 pt needs 13,5 mm: a 12 mm column would break it ("Kemajua n")
    assert 13 < word_mm("Kemajuan", 8) < 14
