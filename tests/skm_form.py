"""A Google-Forms-style SKM export written by the tests: a Timestamp column, profile columns, one
column per question headed with the questionnaire's question text (PermenPAN-RB 14/2017 order:
sarana at 8, pengaduan at 9), answers given as the options' labels. Expected results are computed
here by hand from the scores the labels stand for (their position in the questionnaire), with
Fraction arithmetic; nothing comes from lkjip-xl."""
from __future__ import annotations

import csv
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import xlsxwriter

# (question as the form shows it, unsur it asks about, options a..d as printed)
QUESTIONS = [
    ("1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?", "U1",
     ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
    ("2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?", "U2",
     ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]),
    ("3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?", "U3",
     ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
    ("4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?", "U4",
     ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]),
    ("5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
     "pelayanan dengan hasil yang diberikan?", "U5", ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
    ("6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?", "U6",
     ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"]),
    ("7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?", "U7",
     ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"]),
    ("8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?", "U9",
     ["Buruk", "Cukup", "Baik", "Sangat Baik"]),
    ("9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?", "U8",
     ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"]),
]
HEADER = ["Timestamp", "Nama", "Jenis Kelamin", "Usia", "Pendidikan Terakhir", "Pekerjaan", "Jenis Layanan",
          *(q for q, _, _ in QUESTIONS), "Kritik dan Saran"]
FIRST_QUESTION_COL = 7  # H
SERVICES = ("KTP Elektronik", "Kartu Keluarga")
N = 16


_CHOICES = (2, 3, 3, 3, 4, 4, 3, 4, 2, 3, 4, 4, 3, 4, 1, 3)


def score(i: int, q: int) -> int:
    """The option respondent ``i`` chose for question ``q`` (1..4), mostly 3 and 4: a fixed
    pseudo-random pick (a linear congruential step), so every unsur gets its own NRR."""
    x = (1103515245 * (i * 31 + q * 17 + 17) + 12345) % 2 ** 31
    return _CHOICES[(x >> 16) % 16]


def written(label: str, s: int, i: int, q: int) -> str:
    """The label as the export holds it: as printed, odd case, a trailing dot, an option letter or
    number before it."""
    return [label, label.upper(), label.lower() + ".", f"{'abcd'[s - 1]}. {label}", f"{s} - {label}"][(i + q) % 5]


def service(i: int) -> str:
    return SERVICES[i % 2]


def date(i: int) -> dt.datetime:
    """Nine respondents in the first semester (January..June), seven in the second."""
    month = 1 + (i % 6) if i < 9 else 7 + (i % 6)
    return dt.datetime(2023, month, 3 + i, 10, 32, 5)


def timestamp(i: int) -> str:
    return date(i).strftime("%Y/%m/%d %I:%M:%S %p GMT+7")  # as Google Forms writes it


def rows(answer=None) -> list[list]:
    """The export's rows (header first); ``answer(i, q, default)`` may replace an answer."""
    out = [list(HEADER)]
    for i in range(N):
        line = [timestamp(i), f"Warga {i + 1}", "Laki-laki" if i % 3 else "Perempuan", 20 + 3 * i, "SMA/SMK",
                "Wiraswasta", service(i)]
        for q, (_, _, labels) in enumerate(QUESTIONS):
            s = score(i, q)
            text = written(labels[s - 1], s, i, q)
            line.append(answer(i, q, text) if answer else text)
        line.append("Pelayanan baik, antrean perlu diatur." if i == 3 else "")
        out.append(line)
    return out


def write_xlsx(path, table: list[list]) -> None:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Form Responses 1")
    for r, line in enumerate(table):
        for c, v in enumerate(line):
            if v not in ("", None):
                ws.write(r, c, v)
    wb.close()


def write_csv(path, table: list[list]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(table)


# ------------------------------------------------------------------------------ by hand
def nrr(who, skip=()) -> dict[str, Fraction]:
    """NRR per unsur code over the respondents ``who``; ``skip``: (i, q) answers left out."""
    out = {}
    for q, (_, unsur, _) in enumerate(QUESTIONS):
        values = [score(i, q) for i in who if (i, q) not in skip]
        out[unsur] = Fraction(sum(values), len(values))
    return out


def ikm(who, skip=()) -> Fraction:
    """IKM = Σ NRR × 1/9 × 25, exact."""
    return sum(nrr(who, skip).values()) * Fraction(25, 9)


def r2(value: Fraction) -> Decimal:
    """Half-up to 2 decimals, from the exact fraction."""
    with localcontext() as ctx:
        ctx.prec = 60
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def id_text(d: Decimal) -> str:
    """2 decimals the Indonesian way (values below 1.000 here)."""
    return f"{d:.2f}".replace(".", ",")


def grade(ikm_2: Decimal) -> str:
    """Mutu by the regulation's bands (lower bounds inclusive)."""
    return "A" if ikm_2 >= Decimal("88.31") else "B" if ikm_2 >= Decimal("76.61") else \
        "C" if ikm_2 >= Decimal("65.00") else "D"


ALL = range(N)
BY_SERVICE = {name: [i for i in ALL if service(i) == name] for name in SERVICES}
SEMESTER = [[i for i in ALL if date(i).month <= 6], [i for i in ALL if date(i).month > 6]]
