"""Read a report by its kind: .docx (python-docx), .pdf (pdfplumber), .txt (the text of a pdf).
A file that cannot be read is one clear error (exit 2), never a traceback."""
from __future__ import annotations

from pathlib import Path

from ..errors import LkjipError
from ..reader.container import check_file
from .model import Document
from .read_text import read_text

SUFFIXES = (".docx", ".pdf", ".txt")
MAX_TEXT_BYTES = 50 * 1024 * 1024


class UnreadableDocument(LkjipError):
    """The report cannot be read (not a docx/pdf/txt, encrypted, too large, damaged)."""


def read_document(path: Path) -> Document:
    check_file(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise UnreadableDocument("too_large", path=str(path), detail=f"> {MAX_TEXT_BYTES} B")
        data = path.read_bytes()
        if b"\x00" in data[:4096]:
            raise UnreadableDocument("doc_unreadable", path=str(path), detail="bukan teks / not text")
        return read_text(path, data.decode("utf-8", errors="replace"))
    if suffix == ".docx":
        from .read_docx import read_docx

        return read_docx(path)
    if suffix == ".pdf":
        from .read_pdf import read_pdf

        return read_pdf(path)
    raise UnreadableDocument("doc_kind", path=str(path))
