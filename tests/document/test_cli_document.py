"""`lkjip-xl check LAPORAN --workbook DATA.xlsx` as a user runs it (in a subprocess): exit codes,
text and JSON, the coverage line, and hostile documents that end in one line and exit 2."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = ROOT / "samples" / "medang_kampai_2023.xlsx"
REPORT = ROOT / "tests" / "reports" / "medang_kampai_lkjip_2023.txt"


def run(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lkjip_xl", "check", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def one_line_exit_2(result) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_text_report_exits_1_with_findings_and_coverage():
    result = run(str(REPORT), "--workbook", str(WORKBOOK), "--lang", "en")
    assert result.returncode == 1
    assert "Tabel 2.8!G10 [DOC001]" in result.stdout
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("numbers checked: ") and "tied to the workbook: " in last


def test_json_has_locations_and_coverage():
    result = run(str(REPORT), "--workbook", str(WORKBOOK), "--format", "json")
    data = json.loads(result.stdout)
    assert set(data["coverage"]) == {"checked", "matched", "unmatched"}
    assert data["coverage"]["checked"] == data["coverage"]["matched"] + data["coverage"]["unmatched"]
    hit = next(f for f in data["findings"] if f["sheet"] == "Tabel 2.8" and f["code"] == "DOC001")
    assert hit["location"]["line"] == 1129 and hit["found"] == 1809888500 and hit["expected"] == 1089888500
    assert "1.809.888.500" in hit["sentence"]
    assert sum(data["summary"].values()) == len(data["findings"])


def test_a_report_without_workbook_is_a_usage_error():
    assert "--workbook" in one_line_exit_2(run(str(REPORT)))


def test_annotate_needs_a_docx_report(tmp_path):
    one_line_exit_2(run(str(REPORT), "--workbook", str(WORKBOOK), "--annotate", str(tmp_path / "out.docx")))
    assert not (tmp_path / "out.docx").exists()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _encrypted_pdf() -> bytes:
    """A PDF whose trailer names a standard security handler (the empty password does not open it)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> /P -4 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
                  % (len(objs) + 1, b"00" * 16, b"00" * 16, xref))


HOSTILE = {
    "random.docx": lambda p: p.write_bytes(bytes(range(256)) * 16),
    "plain_zip.docx": lambda p: _zip(p, {"hello.txt": b"not a document"}),
    "zip_bomb.docx": lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>",
                                        "word/document.xml": b"<w:document>" + b" " * (40 << 20) + b"</w:document>"}),
    "entity_bomb.docx": lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>", "word/document.xml":
                                           b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'}),
    "encrypted.pdf": lambda p: p.write_bytes(_encrypted_pdf()),
    "not_a.pdf": lambda p: p.write_bytes(b"<html>not a pdf</html>"),
    "binary.txt": lambda p: p.write_bytes(b"\x00\x01\x02" * 100),
    "empty.docx": lambda p: p.write_bytes(b""),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_documents_exit_2_with_one_line(tmp_path, name):
    path = tmp_path / name
    HOSTILE[name](path)
    before = path.read_bytes()
    one_line_exit_2(run(str(path), "--workbook", str(WORKBOOK)))
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_workbook_option_is_only_for_a_report():
    one_line_exit_2(run(str(WORKBOOK), "--workbook", str(WORKBOOK)))
