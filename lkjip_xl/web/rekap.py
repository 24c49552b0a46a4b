"""Several workbooks dropped at once: the rekap of ``lkjip-xl rekap``, made by its own library
functions (``rekap.workers.check_all`` -> ``rekap.consolidate.consolidate`` ->
``rekap.write.write_rekap``) on the files of one upload folder.

Each file is saved under a fixed name (``berkas-001.xlsx``, ...) chosen here, never under the
name it was sent with; the results are then renamed to those names (made unique: ``a.xlsx``,
``a (2).xlsx``), so the page, the reasons and the rekap workbook name the files as the user
knows them and never show the server's folder.

The files are checked in the server's own worker thread (``jobs=1``): the page serves one person
who drops a handful of workbooks (a few tenths of a second each), a process pool per request
would cost more to start than it saves, several requests at once would each start one, and
Ctrl+C on the terminal would reach the pool's processes too. The command line keeps its
parallel workers (``lkjip-xl rekap --jobs N``).

The figures are the same in both languages; the texts of the findings and the reasons are not,
so the rekap is made again (checked again) the first time it is asked for in the other language.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..calc.numbers_id import format_number
from ..findings import SEVERITY_ORDER
from ..glossary import severity_word
from ..rekap.archives import opened_archives
from ..rekap.consolidate import Rekap, consolidate
from ..rekap.figures import Unreadable
from ..rekap.labels import t as rt
from ..rekap.report import _status, compared
from ..rekap.workers import check_all
from .sniff import holds_workbooks
from .store import Upload

MAX_FILES = 300  # files in one upload (the total size is limited as for one file)
JOBS = 1  # see the module's docstring
DOWNLOAD_KEY = "rekap"
DOWNLOAD_NAME = "rekap.xlsx"


@dataclass
class RekapView:
    """What a rekap upload keeps: its files (name shown, path stored) and its rekap per language."""

    files: list[tuple[str, Path]]
    rekaps: dict[str, Rekap] = field(default_factory=dict)
    kind: str = "rekap"

    @property
    def has_errors(self) -> bool:
        return any(r.has_errors for r in self.rekaps.values())


def stored_name(i: int) -> str:
    return f"berkas-{i + 1:03d}.xlsx"


def unique_names(names: list[str]) -> list[str]:
    """``a.xlsx``, ``a.xlsx`` -> ``a.xlsx``, ``a (2).xlsx``: the rekap tells files apart by name."""
    out, seen = [], set()
    for name in names:
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        candidate, n = name, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{stem} ({n}){dot}{ext}"
        seen.add(candidate.casefold())
        out.append(candidate)
    return out


def _named(result, name: str, path: Path):
    if isinstance(result, Unreadable):
        return replace(result, path=name, reason=result.reason.replace(str(path), name))  # an export stays one
    return replace(result, path=name)


def _make(files: list[tuple[str, Path]], lang: str) -> Rekap:
    """The rekap of the files, a zip of workbooks (``sniff.holds_workbooks``) read as its
    workbooks, each named ``kiriman.zip/LKjIP/beta.xlsx`` (``rekap.archives``)."""
    zips = {path: name for name, path in files if holds_workbooks(path)}
    with opened_archives(list(zips), lang) as archived:
        checked = [(name, path) for name, path in files if path not in zips]
        checked += [(_shown(archived.names[str(f)], zips), f) for f in archived.files]
        results = check_all([p for _, p in checked], jobs=JOBS, lang=lang)
    named = [_named(r, name, path) for r, (name, path) in zip(results, checked)]
    named += [replace(u, path=_shown(u.path, zips), reason=_shown(u.reason, zips)) for u in archived.listed]
    return consolidate(named)


def _shown(text: str, zips: dict[Path, str]) -> str:
    """A text naming an uploaded zip by its stored path, with the name it was sent with."""
    for path, name in zips.items():
        text = text.replace(str(path), name)
    return text


def rekap_upload(upload: Upload, names: list[str], lang: str) -> RekapView:
    """The rekap of the files saved in ``upload`` as ``stored_name(0..)``, in ``lang``."""
    files = [(name, upload.path(stored_name(i))) for i, name in enumerate(unique_names(names))]
    upload.kind = "rekap"
    view = RekapView(files)
    view.rekaps[lang] = _make(files, lang)
    upload.result = view
    return view


def rekap_in(upload: Upload, lang: str) -> Rekap:
    """The upload's rekap in ``lang`` (made on first request, under the upload's lock)."""
    view: RekapView = upload.result
    with upload.lock:
        if lang not in view.rekaps:
            view.rekaps[lang] = _make(view.files, lang)
        return view.rekaps[lang]


def rekap_file(upload: Upload, lang: str) -> Path:
    """The rekap workbook in ``lang``, written once per language inside the upload's folder."""
    from ..io.atomic import atomic_output
    from ..rekap.write import write_rekap

    rekap = rekap_in(upload, lang)
    with upload.lock:
        path = upload.path(f"rekap-{lang}.xlsx")
        if not path.exists():
            with atomic_output(path) as tmp:
                write_rekap(rekap, tmp, lang, names_as_given=True)
        return path


# ------------------------------------------------------------------------------------ the page
def _units(n: int, lang: str) -> str:
    word = rt("units_n", lang).lower()
    return f"{n} {'unit' if lang == 'en' and n == 1 else word}"


def _ikm(result, lang: str) -> str | None:
    return None if result is None else f"{format_number(result.rounded, 2, lang)} ({result.mutu or '-'})"


def _serious(findings, lang: str) -> list[dict]:
    """A unit's errors, then its warnings (its notes are in the rekap workbook's Temuan sheet):
    where each is and what it says, as the page of one workbook shows them."""
    rows = [f for f in findings if f.severity in ("error", "warning")]
    rows.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    return [{"severity": f.severity, "severity_word": severity_word(f.severity, lang), "code": f.code,
             "place": f"{f.sheet}!{f.cell}", "message": f.message} for f in rows]


def rekap_view(rekap: Rekap, lang: str) -> dict:
    """Plain data for the page: one row per file, the kota IKM (pooled and mean), the totals."""
    used = dict(zip(rekap.units["file"], rekap.units["used"]))
    dup_of = dict(zip(rekap.units["file"], rekap.units["duplicate_of"]))
    differences = dict(zip(rekap.units["file"], rekap.units["differences"]))
    files = []
    for r in rekap.results:
        status = _status(r, used)
        row = {"file": r.path, "status": status.removeprefix("status_"), "status_word": rt(status, lang)}
        if isinstance(r, Unreadable):
            row.update(unit="", kabupaten="", tahun="", error="", warning="", note=r.reason)
        else:
            note = "; ".join((rt("line_duplicate", lang, file=dup_of[r.path]), rt("line_first", lang),
                              compared(differences[r.path], lang))) if dup_of.get(r.path) else ""
            row.update(unit=r.unit or rt("unknown", lang), kabupaten=r.kabupaten or "",
                       tahun="" if r.tahun is None else str(r.tahun),
                       error=r.counts.get("error", 0), warning=r.counts.get("warning", 0), note=note,
                       findings=_serious(r.findings, lang))
        files.append(row)
    kota = [{
        "kabupaten": k.kabupaten or rt("unknown", lang), "tahun": "" if k.tahun is None else str(k.tahun),
        "units": k.units,
        "pooled": _ikm(k.pooled, lang),
        "pooled_detail": (f"{_units(k.pooled_units, lang)}, "
                          f"{format_number(k.pooled_respondents, 0, lang)} {rt('respondents', lang).lower()}") if k.pooled else "",
        "pooled_none": rt("ikm_none_pooled", lang).rpartition(" - ")[2],
        "mean": _ikm(k.mean, lang),
        "mean_detail": _units(k.mean.units, lang) if k.mean else "",
        "mean_none": rt("ikm_none_mean", lang).rpartition(" - ")[2],
    } for k in rekap.kota]
    exports = rt("skm_exports_n", lang, n=rekap.summary["skm_exports"]) if rekap.summary["skm_exports"] else ""
    return {"files": files, "kota": kota, "summary": rt("total_files", lang, **rekap.summary) + exports,
            "counts": rekap.summary}
