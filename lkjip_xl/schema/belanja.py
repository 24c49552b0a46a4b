"""The economic classes of spending (Permendagri 77/2020), declared once: the Belanja sheet's fixed
rows, the Realisasi sheet's "Jenis Belanja" dropdown, the class identities the checks verify and
the rows of the annex's ikhtisar table all come from here.

Belanja Operasi = Pegawai + Barang dan Jasa; Belanja Modal = its five kinds; Jumlah Belanja Daerah
= Operasi + Modal (domain.md §3.2).
"""
from __future__ import annotations

from functools import lru_cache

OPERASI = "Belanja Operasi"
MODAL = "Belanja Modal"
JUMLAH = "Jumlah Belanja Daerah"
OPERASI_KINDS = ("Belanja Pegawai", "Belanja Barang dan Jasa")
MODAL_KINDS = ("Belanja Modal Tanah", "Belanja Modal Peralatan dan Mesin", "Belanja Modal Gedung dan Bangunan",
               "Belanja Modal Jalan, Irigasi dan Jaringan", "Belanja Modal Aset Tetap Lainnya")
GROUPS = ((OPERASI, OPERASI_KINDS), (MODAL, MODAL_KINDS))
KINDS = OPERASI_KINDS + MODAL_KINDS  # what a sub kegiatan's jenis belanja can be
ROWS = (OPERASI, *OPERASI_KINDS, MODAL, *MODAL_KINDS, JUMLAH)  # the Belanja sheet, top to bottom


_JOINERS = frozenset({"dan", "serta", "&"})


@lru_cache(maxsize=1024, typed=True)
def key(text) -> str:
    """A class name compared tolerantly: case, spaces, commas, "&" for "dan", and the order of its
    words ("Jalan, Jaringan dan Irigasi" is "Jalan, Irigasi dan Jaringan"). Worked out once per
    distinct text (every sub kegiatan row names one of a few classes)."""
    words = str(text or "").lower().replace(",", " ").replace("&", " & ").split()
    return " ".join(sorted(w for w in words if w not in _JOINERS))
