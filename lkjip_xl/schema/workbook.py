"""The LKjIP workbook, described once.

Every sheet, form field and table column of the workbook staff fill is declared in ``sheets/``, one
module per sheet; this module assembles them, in order, into ``SCHEMA``. The template writer, the
reader, the checks and the annex writer read this description; adding a column is a change in the
sheet's module only.
"""
from __future__ import annotations

from .lists import LISTS
from .sheets.identitas import IDENTITAS
from .sheets.kinerja_extra import INDIKATOR_PROGRAM, RIWAYAT, RINCIAN_KOMPONEN, RUMUSAN, SUMBER_DANA
from .sheets.pk import PK_INDIKATOR, PK_KOMPONEN, PK_PROGRAM
from .sheets.realisasi import BELANJA, BELANJA_ROWS, REALISASI
from .sheets.rencana_aksi import RA_INDIKATOR, RA_KEGIATAN
from .sheets.sakip import SAKIP_NILAI, SAKIP_REKOMENDASI
from .sheets.skala import SKALA
from .sheets.skm import SKM_HASIL, SKM_INFO, SKM_RESPONDEN, SKM_UNSUR
from .sheets.skm_tindak_lanjut import SKM_TINDAK_LANJUT
from .types import Sheet, Text, WorkbookSchema

__all__ = [
    "BELANJA", "BELANJA_ROWS", "IDENTITAS", "INDIKATOR_PROGRAM", "LIST_SHEET", "PK_INDIKATOR", "PK_KOMPONEN", "PK_PROGRAM",
    "RA_INDIKATOR", "RA_KEGIATAN", "REALISASI", "RINCIAN_KOMPONEN", "RIWAYAT", "RUMUSAN", "SAKIP_NILAI",
    "SAKIP_REKOMENDASI", "SCHEMA", "SUMBER_DANA", "SKALA", "SKM_HASIL", "SKM_INFO",
    "SKM_RESPONDEN", "SKM_TINDAK_LANJUT", "SKM_UNSUR", "TEMPLATE_VERSION", "VERSION_CELLS",
]

TEMPLATE_VERSION = "1.1"  # 1.1: one table per sheet (PK Program, PK Komponen, RA Kegiatan, SKM Hasil)
LIST_SHEET = "_Daftar"
# where the template version is written, in the order the reader looks for it (the hidden list
# sheet first: staff do not edit it; then the line on Petunjuk)
VERSION_CELLS = ((LIST_SHEET, "B1"), ("Petunjuk", "B3"))

SCHEMA = WorkbookSchema(
    version=TEMPLATE_VERSION,
    list_sheet=LIST_SHEET,
    lists=LISTS,
    sheets=(
        Sheet("Petunjuk", Text("Petunjuk pengisian", "How to fill in this workbook"), landscape=False),
        Sheet("Identitas", IDENTITAS.title, forms=(IDENTITAS,), landscape=False),
        Sheet(PK_INDIKATOR.sheet, Text("Perjanjian Kinerja", "Performance agreement"), tables=(PK_INDIKATOR,),
              freeze_row=5),
        Sheet(PK_PROGRAM.sheet, PK_PROGRAM.title, tables=(PK_PROGRAM,), freeze_row=5),
        Sheet(PK_KOMPONEN.sheet, PK_KOMPONEN.title, tables=(PK_KOMPONEN,), freeze_row=5),
        Sheet(RA_INDIKATOR.sheet, Text("Rencana Aksi", "Action plan"), tables=(RA_INDIKATOR,), freeze_row=5),
        Sheet(RA_KEGIATAN.sheet, RA_KEGIATAN.title, tables=(RA_KEGIATAN,), freeze_row=5),
        Sheet(REALISASI.sheet, REALISASI.title, tables=(REALISASI,), freeze_row=5),
        Sheet(BELANJA.sheet, BELANJA.title, tables=(BELANJA,), landscape=False),
        Sheet(SKM_RESPONDEN.sheet, SKM_INFO.title, forms=(SKM_INFO,), tables=(SKM_RESPONDEN,), freeze_row=9),
        Sheet(SKM_UNSUR.sheet, Text("Hasil Survei Kepuasan Masyarakat", "Public satisfaction survey: result"),
              forms=(SKM_HASIL,), tables=(SKM_UNSUR,), freeze_row=5, landscape=False),
        Sheet(SKM_TINDAK_LANJUT.sheet, SKM_TINDAK_LANJUT.title, tables=(SKM_TINDAK_LANJUT,), freeze_row=5,
              optional=True),
        *(Sheet(t.sheet, t.title, tables=(t,), freeze_row=5, optional=True)
          for t in (RUMUSAN, RINCIAN_KOMPONEN, RIWAYAT, INDIKATOR_PROGRAM, SUMBER_DANA, SAKIP_NILAI,
                    SAKIP_REKOMENDASI)),
        Sheet(SKALA.sheet, SKALA.title, tables=(SKALA,), freeze_row=5, landscape=False),
        Sheet(LIST_SHEET, Text("Daftar pilihan", "Dropdown lists"), hidden=True),
    ),
)
