"""`lkjip-xl rapikan`: write a tidied copy of a workbook, list every change on the terminal (text or
JSON); the exit code is `check`'s on the copy (1 when errors remain for a person to fix)."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from ..calc.decimals import decimal_places
from ..calc.numbers_id import format_id
from ..i18n import message
from ..io.atomic import check_output_path, check_suffix
from ..repair import RepairResult, repair_workbook

SHOWN = 70  # characters of a value shown on the terminal (a formula can be long)


def run_rapikan(workbook: Path, output: Path, *, lang: str = "id", overwrite: bool = False) -> RepairResult:
    check_suffix(output, ".xlsx", "-o/--output")
    check_output_path(output, inputs=(workbook,), overwrite=overwrite)
    return repair_workbook(Path(workbook), Path(output), lang)


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        text = format_id(value, min(decimal_places(value), 6))
    elif isinstance(value, str) and not value.startswith(("=", "#")):
        text = f"'{value}'"  # text, told apart from the number it may become ('180.000.000' -> 180.000.000)
    else:
        text = str(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def render_text(result: RepairResult, lang: str = "id") -> str:
    lines = [f"{result.source} -> {result.output}"]
    for title, items in (("rapikan_changed", result.applied), ("rapikan_kept", result.kept)):
        if not items:
            continue
        lines += ["", message(title, lang, n=len(items))]
        for c in items:
            code = f" [{c.code}]" if c.code else ""
            lines.append(f"  {c.sheet}!{c.cell}{code} {c.reason(lang)}: {_shown(c.before)} -> {_shown(c.after)}")
    if not result.changes:
        lines += ["", message("rapikan_nothing", lang)]
    lines += ["", message("written", lang, path=result.output),
              message("rapikan_check", lang, summary=message("summary", lang, **result.after.summary))]
    return "\n".join(lines) + "\n"


def render_json(result: RepairResult, lang: str = "id") -> str:
    doc = {
        "file": str(result.source), "output": str(result.output),
        "summary": {"changed": len(result.applied), "kept": len(result.kept)},
        "changes": [c.to_dict(lang) for c in result.changes],
        "check": result.after.summary,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
