"""Number formats of cells: a cell's ``s=`` attribute is an index into the cell styles (cellXfs)
of xl/styles.xml, each of which names a number format (a built-in id, or one of the workbook's
own numFmts). Only what changes the meaning of a value is classified: percent formats (a typed
``90%`` is stored as 0,9) and date/time formats (python-calamine turns those numbers into dates).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from defusedxml import ElementTree as SafeET

# Excel's built-in number formats (ECMA-376 Part 1, 18.8.30); the ids missing here are
# locale-dependent (mostly dates of East Asian locales, classified by id below)
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
    18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
_BUILTIN_DATE_IDS = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59), *range(71, 82)})

# what a format code shows literally: "text", \x escapes, [Red]/[$Rp-421] brackets, _x and *x
_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')
_ELAPSED = re.compile(r"\[(?:h+|m+|s+)\]", re.IGNORECASE)
_DATE_LETTERS = re.compile(r"[dmyhs]", re.IGNORECASE)  # not e: 0.00E+00 is a number


def is_percent(code: str) -> bool:
    """Does the format show its number times 100 with a % sign (its first section decides)?"""
    return "%" in _LITERALS.sub("", code.split(";", 1)[0])


def is_date(code: str) -> bool:
    """Does the format show a date, a time or a duration?"""
    if code.lower() == "general":
        return False
    return bool(_ELAPSED.search(code)) or bool(_DATE_LETTERS.search(_LITERALS.sub("", code.split(";", 1)[0])))


@dataclass(frozen=True)
class Styles:
    """The number format of each cell style; style 0 (a cell without ``s=``) is General."""

    formats: tuple[str, ...] = ("General",)
    date_ids: frozenset[int] = frozenset()  # styles with a built-in date format id

    def format_of(self, style: int) -> str:
        return self.formats[style] if 0 <= style < len(self.formats) else "General"

    def percent_styles(self) -> frozenset[int]:
        return frozenset(i for i, code in enumerate(self.formats) if is_percent(code))

    def date_styles(self) -> frozenset[int]:
        return frozenset(i for i, code in enumerate(self.formats) if i in self.date_ids or is_date(code))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_styles(xml: bytes | None) -> Styles:
    """The styles of xl/styles.xml (transitional or Strict namespace, any prefix); a missing or
    unreadable part gives General everywhere (only percent conversion and date checks need it)."""
    if not xml:
        return Styles()
    try:
        root = SafeET.fromstring(xml, forbid_dtd=True)
    except Exception:  # a damaged styles part costs the formats, not the reading
        return Styles()
    custom: dict[int, str] = {}
    xfs: list[int] = []
    for child in root:
        name = _local(child.tag)
        if name == "numFmts":
            for fmt in child:
                if fmt.get("numFmtId", "").isdigit():
                    custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
        elif name == "cellXfs":
            for xf in child:
                ident = xf.get("numFmtId", "0")
                xfs.append(int(ident) if ident.isdigit() else 0)
    if not xfs:
        return Styles()
    formats = tuple(custom.get(i, BUILTIN_FORMATS.get(i, "General")) for i in xfs)
    dates = frozenset(k for k, i in enumerate(xfs) if i in _BUILTIN_DATE_IDS and i not in custom)
    return Styles(formats, dates)
