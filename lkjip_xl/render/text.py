"""Findings as terminal text, grouped by sheet; colour only on a terminal, NO_COLOR respected."""
from __future__ import annotations

import os
from pathlib import PurePath
from typing import IO

from ..glossary import severity_word
from ..i18n import message
from ..repair.change import mendable
from ..schema.refs import cell_ranges

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET, BOLD = "\033[0m", "\033[1m"


def use_colour(stream: IO) -> bool:
    if "NO_COLOR" in os.environ:
        return False
    return hasattr(stream, "isatty") and stream.isatty()


GROUP_FROM = 4  # this many notes (info) of one code on one sheet are one line


def render_text(result, lang: str = "id", colour: bool = False) -> str:
    lines = [f"{result.file}  (template {result.template_version or '?'})"]
    current = None
    grouped = _grouped_notes(result.findings)
    for f in result.findings:
        if f.sheet != current:
            current = f.sheet
            lines.append("")
            lines.append(f"{BOLD}{current}{RESET}" if colour else current)
        sev = severity_word(f.severity, lang)
        tag = f"{COLOURS[f.severity]}{sev}{RESET}" if colour else sev
        group = grouped.get((f.sheet, f.code)) if f.severity == "info" else None
        if group is None:
            place = f"{f.sheet}!{f.cell}" if f.cell else f.sheet  # a report's paragraph has no cell
            lines.append(f"  {place} [{f.code}] {tag}: {f.message(lang)}")
        elif group[0] is f:
            cells = cell_ranges([g.cell for g in group])
            lines.append(f"  {f.sheet}: {len(group)}× [{f.code}] {tag}: {f.rule.title(lang)}: {cells}")
    lines.append("")
    lines.append(message("summary", lang, **result.summary))
    mended = mendable(result.findings)
    if mended:
        stem = PurePath(result.file)
        lines.append(message("rapikan_hint", lang, n=len(mended), codes=", ".join(sorted({f.code for f in mended})),
                             file=_quoted(stem.name), out=_quoted(f"{stem.stem}_rapi.xlsx")))
    return "\n".join(lines) + "\n"


def _quoted(name: str) -> str:
    """A file name as a command line takes it (LKjIP 2024.xlsx in quotes)."""
    return f'"{name}"' if any(c.isspace() for c in name) else name


def _grouped_notes(findings) -> dict[tuple[str, str], list]:
    """(sheet, code) -> its notes, where one sheet has GROUP_FROM or more notes of one code (values
    typed over formulas that give the same value, say): one line lists their cells, as ranges
    (a sheet of values pasted over its 360 formulas is "Q9:Y48"); JSON and the
    annotated copy keep every one. A note that names the cell its difference comes from
    (checks/blame.py) keeps its own line."""
    groups: dict[tuple[str, str], list] = {}
    for f in findings:
        if f.severity == "info" and not f.params.get("cause"):
            groups.setdefault((f.sheet, f.code), []).append(f)
    return {k: v for k, v in groups.items() if len(v) >= GROUP_FROM}
