"""SKM annex tables (used by ``lkjip-xl annex`` and by ``lkjip-xl skm``'s text output): plain data,
no I/O, no number formatting (values are exact ``Decimal``; the renderer rounds for display).

``unsur_table`` rows are dicts with the keys of :data:`UNSUR_COLUMNS` plus ``jenis``:
``"unsur"`` (nine rows, canonical order U1..U9 whatever the questionnaire's order), ``"jumlah"``
(Σ NRR and Σ NRR tertimbang), ``"ikm"`` (IKM rounded half-up, under NRR tertimbang, with its mutu),
``"mutu"`` and ``"kinerja"`` (under Mutu).
"""
from __future__ import annotations

from decimal import Decimal

from ..calc.numbers_id import format_number
from ..calc.skm import SKM_WEIGHTS, UNSUR, mutu_nrr
from ..i18n import pick
from ..settings import SKALA_LABELS_EN
from .compute import SkmResult
from .profile import DIMENSIONS, ProfileRow

__all__ = ["UNSUR_COLUMNS", "LABELS", "unsur_table", "profile_tables", "label", "fewer_answers_note"]

#: column key -> (Indonesian header, English header)
UNSUR_COLUMNS: dict[str, tuple[str, str]] = {
    "no": ("No", "No"),
    "unsur": ("Unsur Pelayanan", "Service element"),
    "nrr": ("NRR", "Mean (NRR)"),
    "nrr_tertimbang": ("NRR Tertimbang", "Weighted mean"),
    "mutu": ("Mutu", "Grade"),
}
PROFILE_COLUMNS: dict[str, tuple[str, str]] = {
    "kategori": ("Kategori", "Category"),
    "jumlah": ("Jumlah", "Count"),
    "persen": ("Persen (%)", "Percent (%)"),
}
LABELS: dict[str, tuple[str, str]] = {
    "jumlah": ("Jumlah", "Total"),
    "ikm": ("IKM (Σ NRR tertimbang × 25)", "IKM (Σ weighted means × 25)"),
    "mutu": ("Mutu pelayanan", "Service grade"),
    "kinerja": ("Kinerja unit pelayanan", "Unit performance"),
    "blank": ("Tidak diisi", "Not stated"),
    "responden": ("Jumlah responden", "Respondents"),
    "L": ("Laki-laki", "Male"),
    "P": ("Perempuan", "Female"),
    "tidak valid": ("Tidak valid", "Invalid"),
}
KINERJA_EN = SKALA_LABELS_EN["skm_mutu"]  # the kinerja unit's words in English, one list with the scales


def label(key: str, lang: str = "id") -> str:
    return pick(LABELS, key, lang)


def fewer_answers_note(result: SkmResult, lang: str = "id") -> str | None:
    """The note under the unsur table when an unsur counts fewer valid answers than there are
    respondents (a blank or invalid answer is not counted: the NRR's base is below the respondents),
    naming each such unsur as the table prints it: "… dari 40 responden, 3. Waktu Penyelesaian 39
    jawaban sah."; None when every unsur counts every respondent."""
    n = result.respondents
    fewer = [c for c in result.columns if c.source == "responden" and c.unsur and c.n < n]
    if not fewer:
        return None
    names = {r["kode"]: f"{r['no']}. {r['unsur']}" for r in unsur_table(result, lang) if r["jenis"] == "unsur"}
    counts = "; ".join(pick(_FEWER, "unsur", lang, name=names.get(c.unsur, c.unsur), n=format_number(c.n, 0, lang))
                       for c in fewer)
    return pick(_FEWER, "note", lang, n=format_number(n, 0, lang), counts=counts)


_FEWER = {"note": ("Jawaban kosong atau tidak sah tidak dihitung: dari {n} responden, {counts}.",
                   "Blank or invalid answers are not counted: of {n} respondents, {counts}."),
          "unsur": ("{name} {n} jawaban sah", "{name} {n} valid answers")}


def unsur_table(result: SkmResult, lang: str = "id") -> list[dict]:
    """No | Unsur | NRR | NRR tertimbang | Mutu for U1..U9, then Σ, IKM, mutu and kinerja rows.

    An unsur without an NRR has None values; the Σ row is None unless all nine are known. When
    two columns name the same unsur the first one is shown.
    """
    by_code = {}
    for col in result.columns:
        if col.unsur and col.unsur not in by_code:
            by_code[col.unsur] = col
    rows: list[dict] = []
    total_nrr = total_w = Decimal(0)
    complete = True
    for k, u in enumerate(UNSUR, start=1):
        col = by_code.get(u.code)
        nrr = col.nrr if col is not None else None
        weighted = SKM_WEIGHTS[result.weight].weigh(nrr) if nrr is not None else None
        if nrr is None:
            complete = False
        else:
            total_nrr += nrr
            total_w += weighted
        rows.append({"jenis": "unsur", "no": k, "kode": u.code, "unsur": u.name_en if lang == "en" else u.name,
                     "nrr": nrr, "nrr_tertimbang": weighted, "mutu": mutu_nrr(nrr) if nrr is not None else None})
    ikm = result.ikm
    rows.append({"jenis": "jumlah", "no": None, "kode": None, "unsur": label("jumlah", lang),
                 "nrr": total_nrr if complete else None, "nrr_tertimbang": total_w if complete else None,
                 "mutu": None})
    rows.append({"jenis": "ikm", "no": None, "kode": None, "unsur": label("ikm", lang), "nrr": None,
                 "nrr_tertimbang": ikm.rounded if ikm else None, "mutu": ikm.mutu if ikm else None})
    rows.append({"jenis": "mutu", "no": None, "kode": None, "unsur": label("mutu", lang), "nrr": None,
                 "nrr_tertimbang": None, "mutu": ikm.mutu if ikm else None})
    kinerja = ikm.kinerja if ikm else None
    if kinerja and lang == "en":
        kinerja = KINERJA_EN.get(kinerja, kinerja)
    rows.append({"jenis": "kinerja", "no": None, "kode": None, "unsur": label("kinerja", lang), "nrr": None,
                 "nrr_tertimbang": None, "mutu": kinerja})
    return rows


def _category(dimension: str, kategori: str | None, lang: str) -> str:
    if kategori is None:
        return label("blank", lang)
    if dimension == "jenis_kelamin" and kategori in ("L", "P"):
        return label(kategori, lang)
    if kategori == "tidak valid":
        return label("tidak valid", lang)
    return kategori


def profile_tables(profile: dict[str, list[ProfileRow]], lang: str = "id") -> list[dict]:
    """One table per dimension: {"key", "title", "columns", "rows": [(kategori, jumlah, persen)],
    "total": (label, n, 100)}; percentages are exact-then-rounded Decimals (2 places)."""
    out = []
    for key, rows in profile.items():
        title = DIMENSIONS[key][1 if lang == "en" else 0]
        n = sum(r.jumlah for r in rows)
        out.append({
            "key": key, "title": title,
            "columns": tuple(v[1 if lang == "en" else 0] for v in PROFILE_COLUMNS.values()),
            "rows": [(_category(key, r.kategori, lang), r.jumlah, r.persen) for r in rows],
            "total": (label("jumlah", lang), n, Decimal(100) if n else Decimal(0)),
        })
    return out
