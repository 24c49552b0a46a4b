"""Findings as terminal text, grouped by sheet; colour only on a terminal, NO_COLOR respected."""
from __future__ import annotations

import os
from typing import IO

from ..glossary import severity_word
from ..i18n import message

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET, BOLD = "\033[0m", "\033[1m"


def use_colour(stream: IO) -> bool:
    if "NO_COLOR" in os.environ:
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def render_text(result, lang: str = "id", colour: bool = False) -> str:
    lines = [f"{result.file}  (template {result.template_version or '?'})"]
    current = None
    for f in result.findings:
        if f.sheet != current:
            current = f.sheet
            lines.append("")
            lines.append(f"{BOLD}{current}{RESET}" if colour else current)
        sev = severity_word(f.severity, lang)
        tag = f"{COLOURS[f.severity]}{sev}{RESET}" if colour else sev
        place = f"{f.sheet}!{f.cell}" if f.cell else f.sheet  # a report's paragraph has no cell
        lines.append(f"  {place} [{f.code}] {tag}: {f.message(lang)}")
    lines.append("")
    lines.append(message("summary", lang, **result.summary))
    return "\n".join(lines) + "\n"
