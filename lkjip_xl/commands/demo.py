"""`lkjip-xl demo [DIR]`: everything lkjip-xl makes, from the bundled samples, in one folder.

DIR (default ``./lkjip-demo``) receives the empty template, a copy of each sample workbook, each
sample's check report (text, JSON, annotated copy), its annex (xlsx and docx; a sample with
errors gets the annex ``--force`` writes, with the Temuan sheet, and its file names say so) and
a rekap of the samples. Nothing is written when an output exists and --overwrite is not given.
The samples live in the source tree (``samples/``): the demo runs from a clone.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LkjipError, UsageError
from ..i18n import message, pick
from ..io.atomic import atomic_output
from ..rekap.report import render_text as rekap_text
from ..render.json_out import render_json
from ..render.text import render_text
from .annex import run_annex
from .check import run_check
from .rekap import run_rekap
from .template import run_template

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DEFAULT_DIR = Path("lkjip-demo")

_TEXT = {
    "samples": ("sampel", "samples"),
    "checks": ("pemeriksaan", "checks"),
    "annexes": ("lampiran", "annexes"),
    "annotated": ("{stem}_bertanda.xlsx", "{stem}_annotated.xlsx"),
    "annex": ("{stem}_lampiran", "{stem}_annex"),
    "annex_forced": ("{stem}_lampiran_dengan_temuan", "{stem}_annex_with_findings"),
    "line": ("{name}: {unit} {year}: {summary}; {annex}", "{name}: {unit} {year}: {summary}; {annex}"),
    "annex_ok": ("lampiran ditulis", "annex written"),
    "annex_forced_line": ("lampiran ditulis dengan --force: sheet Temuan memuat {n} kesalahan",
                          "annex written with --force: its Findings sheet lists {n} errors"),
    "no_samples": ("sampel tidak ditemukan di {path}: jalankan demo dari salinan (clone) lkjip-xl",
                   "samples not found in {path}: run the demo from a clone of lkjip-xl"),
}


def _t(key: str, lang: str, **params) -> str:
    return pick(_TEXT, key, lang, **params)


class SamplesMissing(LkjipError):
    def text(self, lang: str = "id") -> str:
        return _t("no_samples", lang, **self.params)


@dataclass
class DemoOutcome:
    written: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # one per sample


def _write_text(path: Path, text: str) -> None:
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _copy(src: Path, dst: Path) -> None:
    with atomic_output(dst) as tmp:
        shutil.copyfile(src, tmp)


def run_demo(folder: Path = DEFAULT_DIR, *, lang: str = "id", overwrite: bool = False,
             samples: Path = SAMPLES) -> DemoOutcome:
    sources = sorted(Path(samples).glob("*.xlsx"))
    if not sources:
        raise SamplesMissing("no_samples", path=str(samples))
    folder = Path(folder)
    dirs = {k: folder / _t(k, lang) for k in ("samples", "checks", "annexes")}
    plan = []
    for src in sources:
        copy, stem = dirs["samples"] / src.name, src.stem
        check_dir = dirs["checks"]
        plan.append((src, copy, check_dir / f"{stem}.txt", check_dir / f"{stem}.json",
                     check_dir / _t("annotated", lang, stem=stem)))
    template, rekap_xlsx, rekap_txt = folder / "lkjip_template.xlsx", folder / "rekap.xlsx", folder / "rekap.txt"
    if folder.exists() and not folder.is_dir():
        raise UsageError("output_dir_missing", path=str(folder))
    existing = [p for p in (template, rekap_xlsx, rekap_txt, *(p for row in plan for p in row[1:])) if p.exists()]
    if existing and not overwrite:  # checked before anything is written
        raise UsageError("output_exists", path=str(existing[0]))
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    out = DemoOutcome()
    out.written.append(run_template(template, lang=lang, overwrite=overwrite))
    for src, copy, txt, js, annotated in plan:
        _copy(src, copy)
        result = run_check(copy, annotate=annotated, lang=lang, overwrite=overwrite)
        _write_text(txt, render_text(result, lang))
        _write_text(js, render_json(result, lang))
        forced = result.has_errors
        stem = _t("annex_forced" if forced else "annex", lang, stem=src.stem)
        annex = run_annex(copy, dirs["annexes"] / f"{stem}.xlsx", docx=dirs["annexes"] / f"{stem}.docx",
                          force=True, overwrite=overwrite, lang=lang)
        out.written += [copy, txt, js, annotated, *annex.written]
        ident = result.context.model.form("identitas")
        values = ident.values if ident else {}
        state = (_t("annex_forced_line", lang, n=len(annex.errors)) if annex.forced else _t("annex_ok", lang))
        out.lines.append(_t("line", lang, name=src.name, unit=values.get("unit") or "", year=values.get("tahun") or "",
                            summary=message("summary", lang, **result.summary), annex=state))
    rekap = run_rekap([p[1] for p in plan], rekap_xlsx, lang=lang, overwrite=overwrite)
    _write_text(rekap_txt, rekap_text(rekap.rekap, rekap.written, lang))
    out.written += [rekap_xlsx, rekap_txt]
    return out
