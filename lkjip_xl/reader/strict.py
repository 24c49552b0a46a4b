"""Strict OOXML for readers that know only the transitional namespaces.

Excel's "Strict Open XML Spreadsheet" writes the same parts as a usual .xlsx under other
namespaces (``http://purl.oclc.org/ooxml/spreadsheetml/main`` for
``http://schemas.openxmlformats.org/spreadsheetml/2006/main``, and so on, relationship types
included). lkjip-xl's own reader matches names in either; openpyxl, which writes the annotated
copy, finds no sheet in a Strict file. It is given an in-memory copy under the transitional
namespaces instead (the input file is never touched).
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

STRICT_NAMESPACE = re.compile(rb"http://purl\.oclc\.org/ooxml/(\w+)/(\w+)")
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def is_strict(path: Path) -> bool:
    """Does the file's package name its workbook with a Strict relationship type?"""
    with zipfile.ZipFile(path) as z:
        return "_rels/.rels" in z.NameToInfo and STRICT_NAMESPACE.search(z.read("_rels/.rels")) is not None


def transitional(path: Path) -> Path | io.BytesIO:
    """The file itself, or for a Strict file a copy of it under the transitional namespaces."""
    if not is_strict(path):
        return path
    copy = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(_XML_SUFFIXES):
                data = STRICT_NAMESPACE.sub(rb"http://schemas.openxmlformats.org/\1/2006/\2", data)
            dst.writestr(info.filename, data)
    copy.seek(0)
    return copy
