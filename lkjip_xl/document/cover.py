"""A report's cover: the lines before its front matter ("DAFTAR ISI", "KATA PENGANTAR", "BAB I").
A year there names the report itself ("LKjIP ... TAHUN 2023"): the workbook's year, or the year
after it, when the report is published ("TA 2023 ... TAHUN 2024", Medan Amplas); a cover left from
last year's report says last year's. A document without front matter near its start (a PK) has no
cover."""
from __future__ import annotations

import re

from .model import Segment

# the front matter's first heading ends the cover
_FRONT_MATTER = re.compile(r"^\W*(daftar\s+isi|kata\s+pengantar|(ringkasan|ikhtisar)\s+eksekutif|bab\s+(i|1)\b|"
                           r"pendahuluan|daftar\s+(tabel|gambar|lampiran))", re.I)
COVER_SEGMENTS = 30  # a cover longer than this is no cover: the front matter is not where it begins


def cover_segments(segments: list[Segment]) -> set[int]:
    """Indexes of the prose segments before the front matter's first heading, when that heading
    comes within the document's first ``COVER_SEGMENTS`` segments; none otherwise."""
    for i, seg in enumerate(segments[:COVER_SEGMENTS + 1]):
        if not seg.is_row and _FRONT_MATTER.match(seg.text):
            return {j for j in range(i) if not segments[j].is_row}
    return set()
