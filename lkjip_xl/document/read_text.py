"""A report as plain text (the text of a PDF, as `pdftotext` or a converter gives it): each line
is a segment; lines holding tabs, or markdown pipe rows, are table rows. "Baris N" is line N."""
from __future__ import annotations

import re
from pathlib import Path

from .model import Document, Segment
from .tables import caption_of, table_segments

_PIPE_SEPARATOR = re.compile(r"^\|?[\s:|-]+\|?$")
# markdown emphasis a converter leaves around words ("**98,03%**"), not the "*" of a formula (3*100)
_EMPHASIS = re.compile(r"(?:(?<=^)|(?<=[\s(]))\*+(?=\S)|(?<=\S)\*+(?=[\s).,;:]|$)")


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        return line.split("\t")
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return stripped.strip("|").split("|")
    return None


def read_text(path: Path, text: str) -> Document:
    segments: list[Segment] = []
    lines = [_EMPHASIS.sub("", line) for line in text.splitlines()]
    recent: list[str] = []  # the text lines before a table (its caption and title)
    table_count, i = 0, 0
    while i < len(lines):
        line = lines[i]
        cells = _cells(line)
        if cells is None:
            if line.strip():
                segments.append(Segment(line.strip(), f"Baris {i + 1}", {"line": i + 1},
                                        lines=(i + 1,), line_starts=(0,)))
                recent = (recent + [line.strip()])[-4:]
            i += 1
            continue
        rows = []
        while i < len(lines):
            cells = _cells(lines[i])
            if cells is not None:
                if not _PIPE_SEPARATOR.match(lines[i].strip()) or "\t" in lines[i]:
                    rows.append((cells, {"line": i + 1}))
                i += 1
            elif not lines[i].strip():
                i += 1
            else:
                break
        table_count += 1
        part, caption = caption_of(recent, table_count)
        segments += table_segments(rows, part, caption, table_count)
        recent = []
    return Document(str(path), "txt", segments)
