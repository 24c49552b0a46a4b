"""The Perjanjian Kinerja as a document (``lkjip-xl pk``), laid out like the signed PKs (Medan Baru
PK 2024, Medang Kampai PK 2023): the agreement between pihak pertama (the head of the unit) and
pihak kedua (the superior) with their signatures; the lampiran with sasaran, indikator and target,
and the programmes with their budget (pagu murni, or the revised pagu for the Perubahan PK)
signed by both; the penjelasan rumusan: per indicator its target and how it is computed, with a
composite indicator's components and their breakdown."""
from __future__ import annotations

from ..calc.budget import add_complete, pagu_efektif
from ..derive.budget import money
from .common import Book, fmt_num, funds_of, number, split_codes, tr, ylabel
from .indicator_rows import PK, code_of, group_rows, groups
from .model import (
    MONEY, TEXT, AnnexTable, Cell, Column, Head, Row, TextPage, header_grid, note_row, numbering,
)
from .signature import agreement_signature, pk_date

SHEET_NASKAH = ("Naskah PK", "Agreement")
SHEET_LAMPIRAN = ("Lampiran PK", "Annex")
SHEET_PROGRAM = ("Lampiran PK Program", "Annex Programmes")  # in a docx: on the lampiran's page
SHEET_RUMUSAN = ("Penjelasan Rumusan", "Formulas")


def _upper(value) -> str:
    return str(value or "").strip().upper()


def pk_document(book: Book, lang: str, perubahan: bool = False, tanggal: str | None = None) -> list:
    year = ylabel(book.year)
    title = (tr(lang, f"PERUBAHAN PERJANJIAN KINERJA TAHUN {year}", f"REVISED PERFORMANCE AGREEMENT {year}")
             if perubahan else tr(lang, f"PERJANJIAN KINERJA TAHUN {year}", f"PERFORMANCE AGREEMENT {year}"))
    ident = book.form("identitas")
    unit, region = _upper(ident.get("unit")), _upper(ident.get("kabupaten_kota"))
    signature = agreement_signature(book, lang, tanggal or pk_date(year, lang, perubahan))
    page = TextPage("pk_naskah", tr(lang, *SHEET_NASKAH),
                    [x for x in (f"{tr(lang, 'PEMERINTAH', 'GOVERNMENT OF')} {region}".strip(), unit, "", title) if x
                     is not None], _agreement(ident, lang), signature, title=title)
    heading = [title, unit, region]
    tables = [_targets(book, lang, heading), _budget(book, lang, perubahan, signature), _formulas(book, lang, year)]
    from .tables import finish  # the annex's finishing pass: convention for zero, empty tables, notes

    return [page] + finish(tables, book, lang)


def _agreement(ident: dict, lang: str) -> list[str]:
    first = (_upper(ident.get("pimpinan_nama")), _upper(ident.get("pimpinan_jabatan")))
    second = (_upper(ident.get("atasan_nama")), _upper(ident.get("atasan_jabatan")))
    name, position = tr(lang, "Nama", "Name"), tr(lang, "Jabatan", "Position")
    return [
        tr(lang, "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
                 "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
           "To achieve effective, transparent, accountable and results-oriented government management, we the "
           "undersigned:"),
        f"\t{name}\t{first[0]}", f"\t{position}\t{first[1]}",
        tr(lang, "selanjutnya disebut pihak pertama.", "hereinafter the first party."),
        f"\t{name}\t{second[0]}", f"\t{position}\t{second[1]}",
        tr(lang, "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua.",
           "as the first party's direct superior, hereinafter the second party."),
        tr(lang, "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian "
                 "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam "
                 "dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi "
                 "tanggung jawab kami.",
           "The first party undertakes to achieve the performance targets in the annex to this agreement, towards "
           "the medium-term targets set in the planning documents. Success or failure in achieving them is our "
           "responsibility."),
        tr(lang, "Pihak kedua akan memberikan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
                 "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian "
                 "penghargaan dan sanksi.",
           "The second party will give the supervision needed, evaluate the achievement of this agreement and "
           "take the action needed to reward or sanction."),
    ]


def target_text(row: dict, lang: str) -> str | None:
    """The target as a PK prints it: the grade letter with the number the scale grades it from, in
    the lampiran as in the formulas (B (82,15): Medan Amplas LKjIP 2023 L504, Medan Baru PK 2024
    L66); a letter alone when no number is typed (B); a percentage with its sign (100%); its number
    in ``lang`` (B (82.15) in English)."""
    pred = str(row.get("target_predikat") or "").strip()
    t = row.get("target")
    if pred:
        return f"{pred} ({fmt_num(t, 2, lang)})" if number(t) is not None else pred
    if number(t) is None:
        return str(t) if t not in (None, "") else None
    return fmt_num(t, lang=lang) + ("%" if str(row.get("satuan") or "").strip() == "%" else "")


def _targets(book: Book, lang: str, heading: list[str]) -> AnnexTable:
    gs = groups(book)
    rows = group_rows(book, [(g, [1] * len(g.items)) for g in gs], lambda g, ind, k, n: [
        None, None, Cell(ind.row.get("indikator"), src=book.src(PK, "indikator", ind.index)),
        Cell(target_text(ind.row, lang), align="center", src=book.src(PK, "target", ind.index))])
    if not rows:
        rows.append(note_row(tr(lang, "(sheet PK belum diisi)", "(the PK sheet is empty)"), 4))
    cols = [Column("no", TEXT, 5), Column("sasaran", TEXT, 34), Column("indikator", TEXT, 40), Column("target", TEXT, 12)]
    head = header_grid([[Head("No"), Head(tr(lang, "Sasaran Strategis", "Strategic goal")),
                         Head(tr(lang, "Indikator Kinerja", "Performance indicator")), Head("Target")]], 4)
    return AnnexTable("pk_sasaran", tr(lang, *SHEET_LAMPIRAN), heading[0], cols, head, rows, numbering(4), [],
                      subtitle="\n".join(x for x in heading[1:] if x), landscape=False)


def _budget(book: Book, lang: str, perubahan: bool, signature) -> AnnexTable:
    k = "pk_program"
    prog = book.rows(k)
    amounts = [money(pagu_efektif(r.get("pagu_murni"), r.get("pagu_perubahan")) if perubahan else r.get("pagu_murni"))
               for r in prog]
    funds = funds_of(book)
    codes = [next(iter(split_codes(r.get("kode"))), None) for r in prog]
    dana = any(c in funds for c in codes)
    rows = []
    for i, (r, amount) in enumerate(zip(prog, amounts)):
        key = "pagu_perubahan" if perubahan and r.get("pagu_perubahan") is not None else "pagu_murni"
        cells = [Cell(str(i + 1), align="center"), Cell(r.get("program"), src=book.src(k, "program", i)),
                 Cell(amount, src=book.src(k, key, i))]
        if dana:
            cells.append(funds.get(codes[i]) or Cell(None))
        cells.append(Cell(r.get("keterangan") or None, align="center", src=book.src(k, "keterangan", i)))
        rows.append(Row(cells, src_rows=[book.src_line(k, i, 1)]))
    total = add_complete(amounts)
    notes = []
    if rows and total is not None:
        rows.append(Row([Cell(None), Cell(tr(lang, "J U M L A H", "T O T A L"), bold=True, align="center"),
                         Cell(total, bold=True)] + [Cell(None)] * (1 + dana), total=True))
    elif rows:
        missing = [r.get("program") or str(i + 1) for r, a in zip(prog, amounts) if a is None]
        notes.append(tr(lang, "Baris jumlah tidak dicetak: tanpa anggaran untuk ", "No total row: no budget for ")
                     + "; ".join(missing) + ".")
    if not rows:
        rows.append(note_row(tr(lang, "(program PK belum diisi)", "(no PK programmes)"), 4 + dana))
    cols = [Column("no", TEXT, 5), Column("program", TEXT, 50), Column("anggaran", MONEY, 18)]
    heads = [Head("No"), Head(tr(lang, "Program", "Programme")), Head(tr(lang, "Anggaran (Rp)", "Budget (Rp)"))]
    if dana:
        cols.append(Column("sumber_dana", TEXT, 12))
        heads.append(Head(tr(lang, "Sumber Dana", "Source of funds")))
    cols.append(Column("keterangan", TEXT, 14))
    heads.append(Head(tr(lang, "Keterangan", "Notes")))
    return AnnexTable("pk_anggaran", tr(lang, *SHEET_PROGRAM), "", cols, header_grid([heads], len(cols)), rows,
                      numbering(len(cols)), [], landscape=False, signature=signature, notes=notes, new_page=False)


def _formulas(book: Book, lang: str, year: str) -> AnnexTable:
    """No | Indikator | Target | Penjelasan (rumusan perhitungan): the formula, its explanation and,
    for a composite indicator, each component with its breakdown and stated total."""
    formulas = {code_of(r): (i, r) for i, r in enumerate(book.rows("pk_rumusan"))}
    parts: dict[str, list[tuple[int, dict]]] = {}
    for i, r in enumerate(book.rows("pk_komponen")):
        parts.setdefault(code_of(r), []).append((i, r))
    items: dict[tuple[str, str], list[dict]] = {}
    for r in book.rows("pk_komponen_rincian"):
        items.setdefault((code_of(r), str(r.get("komponen") or "").split(":")[0].strip().lower()), []).append(r)
    rows = []
    n = 0
    for g in groups(book):
        for ind in g.items:
            code = code_of(ind.row)
            hit = formulas.get(code)
            if hit is None and code not in parts:
                continue
            n += 1
            text = []
            src = None
            if hit is not None:
                i, f = hit
                src = book.src("pk_rumusan", "rumusan", i)
                text.append(str(f.get("rumusan") or "").strip())
                if str(f.get("penjelasan") or "").strip():
                    text.append(tr(lang, "Penjelasan: ", "Explanation: ") + str(f.get("penjelasan")).strip())
            marks = [book.src_line(PK, ind.index, 1)]
            for j, c in parts.get(code, []):
                marks.append(book.src_line("pk_komponen", j, 3))  # a wrong total marks the explanation
                text.append(_component_text(c, items.get((code, str(c.get("komponen") or "").split(":")[0]
                                                          .strip().lower()), []), lang))
            rows.append(Row([Cell(str(n), align="center"), Cell(ind.row.get("indikator"), src=book.src(PK, "indikator",
                                                                                                       ind.index)),
                             Cell(target_text(ind.row, lang), align="center",
                                  src=book.src(PK, "target", ind.index)),
                             Cell("\n".join(t for t in text if t), src=src)], src_rows=marks))
    if not rows:
        rows.append(note_row(tr(lang, "(belum ada penjelasan rumusan)", "(no formulas)"), 4))
    cols = [Column("no", TEXT, 5), Column("indikator", TEXT, 24), Column("target", TEXT, 11),
            Column("penjelasan", TEXT, 70)]
    head = header_grid([[Head("No"), Head(tr(lang, "Indikator Kinerja", "Performance indicator")), Head("Target"),
                         Head(tr(lang, "Penjelasan (Rumusan Perhitungan)", "How it is computed"))]], 4)
    return AnnexTable("pk_rumusan", tr(lang, *SHEET_RUMUSAN),
                      tr(lang, f"Penjelasan Rumusan Indikator Kinerja Tahun {year}",
                         f"How the performance indicators are computed, {year}"),
                      cols, head, rows, numbering(4), [], landscape=False)


def _component_text(comp: dict, items: list[dict], lang: str) -> str:
    """"a = Masyarakat penerima manfaat sarpras: Pembetonan ... (35 KK), ...; jumlah 338 KK"."""
    label = str(comp.get("komponen") or "").strip()
    letter, _, name = label.partition(":")
    unit = str(comp.get("satuan") or "").strip()
    text = f"{letter.strip()} = {name.strip() or label}"
    if items:
        text += ": " + ", ".join(
            f"{r.get('uraian')} ({fmt_num(r.get('jumlah'), lang=lang)} {r.get('satuan') or unit})".replace(" )", ")")
            for r in items)
    if number(comp.get("penyebut")) is not None:
        text += tr(lang, "; jumlah ", "; total ") + f"{fmt_num(comp.get('penyebut'), lang=lang)} {unit}".strip()
    return text
