"""The rekap on the terminal (one line per file, then the totals) and as JSON."""
from __future__ import annotations

from decimal import Decimal

from ..calc.numbers_id import format_number
from ..i18n import message
from .consolidate import KotaIkm, Rekap, Total
from .labels import t
from .figures import Unreadable, missing


def _status(result, used: dict[str, bool]) -> str:
    if isinstance(result, Unreadable):
        return f"status_{result.kind}"
    if not used[result.path]:
        return "status_duplicate"
    return "status_errors" if result.counts.get("error") else "status_ok"


def shown(value, places: int = 0, lang: str = "id") -> str:
    """A figure as the terminal shows it: the language's separators (1.500.000 and 95,50; English
    1,500,000 and 95.50), sen only when there are some."""
    if missing(value):
        return "-"
    d = Decimal(value)
    return format_number(d, places or (0 if d == d.to_integral_value() else 2), lang)


def percent_shown(value, lang: str = "id") -> str:
    """A percentage as the terminal shows it (two places and its sign), or ``-`` alone."""
    return "-" if missing(value) else f"{format_number(Decimal(value), 2, lang)} %"


def compared(differences, lang: str = "id") -> str:
    """A duplicate's figures against the counted file's: the same, or which differ and how."""
    if not differences:
        return t("same_figures", lang)
    places = {"ikm": 2}
    return t("differing_figures", lang, differences=", ".join(
        t("differs", lang, figure=t(f"fig_{key}", lang), value=shown(mine, places.get(key, 0), lang),
          counted=shown(theirs, places.get(key, 0), lang)) for key, mine, theirs in differences))


def file_lines(rekap: Rekap, lang: str = "id") -> list[str]:
    used = dict(zip(rekap.units["file"], rekap.units["used"]))
    dup_of = dict(zip(rekap.units["file"], rekap.units["duplicate_of"]))
    differences = dict(zip(rekap.units["file"], rekap.units["differences"]))
    statuses = [t(_status(r, used), lang) for r in rekap.results]
    width = max(map(len, statuses), default=0)
    out = []
    for status, r in zip(statuses, rekap.results):
        if isinstance(r, Unreadable):
            text = r.reason if r.path in r.reason else f"{r.path}: {r.reason}"
        else:
            where = ", ".join(str(x) for x in (r.kabupaten, r.tahun) if x is not None)
            text = f"{r.path}  {r.unit or t('unknown', lang)}" + (f" ({where})" if where else "")
            text += ": " + t("line_counts", lang, **r.counts)
            if dup_of.get(r.path):
                text += "; " + "; ".join((t("line_duplicate", lang, file=dup_of[r.path]), t("line_first", lang),
                                          compared(differences[r.path], lang)))
        out.append(f"{status.ljust(width)}  {text}")
    return out


def kota_line(k: KotaIkm, lang: str = "id") -> str:
    pooled = (t("ikm_pooled", lang, ikm=shown(k.pooled.unrounded, 2, lang), mutu=k.pooled.mutu or "-",
                units=k.pooled_units, respondents=shown(k.pooled_respondents, lang=lang))
              if k.pooled else t("ikm_none_pooled", lang))
    mean = (t("ikm_mean", lang, ikm=shown(k.mean.unrounded, 2, lang), mutu=k.mean.mutu or "-", units=k.mean.units)
            if k.mean else t("ikm_none_mean", lang))
    line = t("total_kota", lang, kota=k.kabupaten or t("unknown", lang), tahun=k.tahun or "", pooled=pooled, mean=mean)
    return _with_caveat(line, kota_caveat(k, lang))


def kota_caveat(k: KotaIkm, lang: str = "id") -> str | None:
    """What a kota IKM holds that cannot be trusted yet: the IKM of units whose survey data has errors."""
    return _caveat("kota_with_errors", k.with_errors, lang)


def total_line(total: Total, lang: str = "id") -> str:
    line = t("total_line", lang, kota=total.kabupaten or t("unknown", lang), tahun=total.tahun or "",
             units=total.units, pagu=shown(total.pagu, lang=lang), realisasi=shown(total.realisasi, lang=lang),
             serapan=percent_shown(total.serapan, lang), respondents=shown(total.respondents, lang=lang))
    return _with_caveat(line, total_caveat(total, lang))


def total_caveat(total: Total, lang: str = "id") -> str | None:
    """What a JUMLAH holds that cannot be trusted yet: the figures of units whose workbooks have errors."""
    return _caveat("total_with_errors", total.with_errors, lang)


def _caveat(key: str, units: tuple[str, ...], lang: str) -> str | None:
    return t(key, lang, n=len(units), names=", ".join(units)) if units else None


def _with_caveat(line: str, caveat: str | None) -> str:
    return f"{line}; {caveat}" if caveat else line


def render_text(rekap: Rekap, written, lang: str = "id") -> str:
    summary = rekap.summary
    exports = t("skm_exports_n", lang, n=summary["skm_exports"]) if summary["skm_exports"] else ""
    exports += t("skipped_n", lang, n=summary["skipped"]) if summary["skipped"] else ""
    lines = file_lines(rekap, lang) + ["", t("total_files", lang, **summary) + exports]
    lines += [kota_line(k, lang) for k in rekap.kota if k.pooled or k.mean]
    lines += [total_line(total, lang) for total in rekap.totals]
    lines += [message("written", lang, path=p) for p in written]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------- json
def num(value):
    """A JSON number: int when whole, else the exact Decimal's nearest float; None stays None."""
    if missing(value):
        return None
    d = Decimal(value)
    return int(d) if d == d.to_integral_value() else float(d)


def _ikm_json(result, label: str, units: int, respondents: int | None = None) -> dict | None:
    if result is None:
        return None
    out = {"label": label, "ikm": num(result.rounded), "ikm_unrounded": num(result.unrounded), "mutu": result.mutu,
           "kinerja": result.kinerja, "units": units}
    if respondents is not None:
        out["respondents"] = respondents
    return out


def _file_json(r, unit_row: dict | None) -> dict:
    if isinstance(r, Unreadable):
        return {"file": r.path, "status": r.kind, "reason": r.reason}
    skm = r.skm
    return {
        "file": r.path, "status": "duplicate" if not unit_row["used"] else "error" if r.counts.get("error") else "ok",
        "duplicate_of": unit_row["duplicate_of"], "unit": r.unit, "kabupaten_kota": r.kabupaten, "tahun": r.tahun,
        "summary": dict(r.counts),
        "iku": [{"kode": i.kode, "indikator": i.name, "satuan": i.satuan, "arah": i.arah,
                 "target": num(i.target) if isinstance(i.target, Decimal) else i.target,
                 "realisasi": num(i.realisasi) if isinstance(i.realisasi, Decimal) else i.realisasi,
                 "capaian": num(i.capaian), "rumus": i.formula, "maks_100": i.capped} for i in r.indicators],
        "capaian_mean": num(unit_row["capaian_mean"]),
        "ikm": None if skm is None or skm.ikm is None else {
            "ikm": num(skm.ikm_rounded), "ikm_unrounded": num(skm.ikm), "mutu": skm.mutu,
            "bobot": "0.111" if skm.weight == "legacy_0111" else "exact", "respondents": skm.respondents,
            "pooled": skm.poolable},
        "pagu": num(r.pagu), "realisasi": num(r.realisasi), "serapan": num(unit_row["serapan"]),
        "findings": [{"code": f.code, "severity": f.severity, "sheet": f.sheet, "cell": f.cell, "message": f.message,
                      "expected": f.expected, "found": f.found} for f in r.findings],
    }


def to_json(rekap: Rekap, written, lang: str = "id") -> dict:
    rows = {r["file"]: r for r in rekap.units.to_dict("records")}
    return {
        "output": [str(p) for p in written],
        "summary": rekap.summary,
        "files": [_file_json(r, rows.get(r.path)) for r in rekap.results],
        "kota": [{"kabupaten_kota": k.kabupaten, "tahun": k.tahun,
                  "pooled": _ikm_json(k.pooled, t("pooled", lang), k.pooled_units, k.pooled_respondents),
                  "mean_of_units": _ikm_json(k.mean, t("mean_of_units", lang), k.mean.units if k.mean else 0),
                  "nrr": {u: {"total": total, "n": n, "nrr": num(v)} for u, (total, n, v) in k.nrr.items()},
                  "units": k.units, "without_skm": k.without_skm, "nrr_only": k.nrr_only, "legacy_weight": k.legacy,
                  "units_with_errors": list(k.with_errors)}
                 for k in rekap.kota],
        "indicators": [{"indikator": n, "spellings": rekap.spellings(n),
                        "units": rekap.indicator_units(n),
                        "rules_differ": [{"rumus": formula, "maks_100": capped, "units": units}
                                         for (formula, capped), units in rekap.indicator_rules(n).items()]}
                       for n in rekap.indicator_names],
        "totals": [{"kabupaten_kota": x.kabupaten, "tahun": x.tahun, "units": x.units, "pagu": num(x.pagu),
                    "realisasi": num(x.realisasi), "serapan": num(x.serapan), "respondents": x.respondents,
                    "error": x.error, "warning": x.warning, "info": x.info,
                    "units_with_errors": list(x.with_errors)} for x in rekap.totals],
        "unreadable": rekap.unreadable.to_dict("records"),
        "duplicates": [{"unit": d["unit"], "kabupaten_kota": d["kabupaten"], "tahun": d["tahun"], "file": d["file"],
                        "counted": bool(d["used"]), "duplicate_of": d["duplicate_of"],
                        "differences": None if d["used"] else [
                            {"figure": key, "value": num(mine), "counted": num(theirs)}
                            for key, mine, theirs in d["differences"]]}
                       for d in rekap.duplicates.to_dict("records")],
    }
