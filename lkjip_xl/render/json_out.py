"""Findings as JSON: {"file", "template_version", "summary", "findings": [...]} (docs/json.md)."""
from __future__ import annotations

import json


def render_json(result, lang: str = "id") -> str:
    return json.dumps(result.to_dict(lang), ensure_ascii=False, indent=2) + "\n"
