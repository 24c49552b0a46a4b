"""Findings: what a check reports, as plain data. Renderers turn them into text, JSON or marks."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .rules import RULES, Severity

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    code: str
    sheet: str
    cell: str
    expected: Any = None
    found: Any = None
    params: dict = field(default_factory=dict, compare=False, hash=False)
    severity_override: str | None = None

    @property
    def rule(self):
        return RULES[self.code]

    @property
    def severity(self) -> Severity:
        return self.severity_override or self.rule.severity

    def message(self, lang: str = "id") -> str:
        return self.rule.render(lang, expected=_show(self.expected), found=_show(self.found), **self.params)

    def to_dict(self, lang: str = "id") -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "sheet": self.sheet,
            "cell": self.cell,
            "message": self.message(lang),
            "expected": _raw(self.expected),
            "found": _raw(self.found),
        }


def _raw(value: Any) -> Any:
    """JSON-ready raw value: numbers stay numbers."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [_raw(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _show(value: Any) -> str:
    """Human form of a value inside a message (Indonesian decimal comma)."""
    if value is None:
        return "(kosong)"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, Decimal, float)):
        from ..calc.numbers_id import format_id
        from ..calc.decimals import to_decimal, decimal_places

        d = to_decimal(value)
        return format_id(d, min(decimal_places(d), 4))
    return str(value)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    from ..schema import SCHEMA
    from ..schema.refs import parse_a1

    order = {s.name: i for i, s in enumerate(SCHEMA.sheets)}

    def key(f: Finding):
        try:
            r, c = parse_a1(f.cell)
        except ValueError:
            r, c = 0, 0
        return (order.get(f.sheet, 99), f.sheet, r, c, SEVERITY_ORDER[f.severity], f.code)

    return sorted(findings, key=key)


def summarize(findings: list[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] += 1
    return counts
