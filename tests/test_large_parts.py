"""A large worksheet's XML is decompressed into one buffer of the size its zip entry declares
(reader/container.py): it reads as any other part, and an entry that lies about its size is a
damaged file (exit 2), never a larger buffer or a short one."""
import struct
import zipfile

import pytest

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.errors import UnreadableWorkbook
from lkjip_xl.reader import container


def _summary(path):
    return [(f.code, f.sheet, f.cell, f.severity, str(f.expected), str(f.found)) for f in check_workbook(path).findings]


def _lie(src, dst, member: str, delta: int) -> None:
    """A copy whose entry for ``member`` declares ``delta`` bytes more (or less) than it holds."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(member)
    local = info.header_offset
    assert data[local:local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, info.file_size + delta)
    name = member.encode()
    central = data.index(b"PK\x01\x02")  # the central directory's entry of the member, by its name
    while data[central + 46:central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, info.file_size + delta)
    dst.write_bytes(bytes(data))


def test_one_buffer_reads_as_the_usual_way(write, data, monkeypatch):
    path = write(data)
    usual = _summary(path)
    monkeypatch.setattr(container, "LARGE_PART_BYTES", 0)  # every worksheet read into one buffer
    assert _summary(path) == usual


@pytest.mark.parametrize("delta", [1000, -1000])
def test_an_entry_that_lies_about_its_size_is_unreadable(write, data, tmp_path, monkeypatch, delta):
    path = write(data)
    with zipfile.ZipFile(path) as zf:
        member = max((i for i in zf.infolist() if i.filename.startswith("xl/worksheets/sheet")),
                     key=lambda i: i.file_size).filename
    lying = tmp_path / "lying.xlsx"
    _lie(path, lying, member, delta)
    monkeypatch.setattr(container, "LARGE_PART_BYTES", 0)
    with pytest.raises(UnreadableWorkbook) as exc:
        check_workbook(lying)
    assert exc.value.key == "unreadable"
