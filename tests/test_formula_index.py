"""The compact formula index reads like the dict of every formula's text it replaces."""
import random

from lkjip_xl.reader.formula_index import FormulaIndex, text_of


def _both(cells):
    index, plain = FormulaIndex(), {}
    for row, col, written in cells:
        if isinstance(written, bytes):
            index.add_raw(row, col, written)
            plain[(row, col)] = text_of(written)
        else:
            index.add_text(row, col, written)
            plain[(row, col)] = written
    return index, plain


def test_a_column_filled_down_is_one_run_and_reads_every_text_back():
    cells = [(r, 7, b"IFERROR(VLOOKUP(TRIM(H%d),skor_jawaban,2,FALSE),&quot;&quot;)" % r) for r in range(1, 1001)]
    index, plain = _both(cells)
    assert index == plain and len(index) == 1000 and set(index) == set(plain)
    assert index[(20, 7)] == '=IFERROR(VLOOKUP(TRIM(H20),skor_jawaban,2,FALSE),"")'
    assert len(index._runs[7]) < 5  # rows 2 and 20-29 name the constant 2 too: their own runs
    assert (1001, 7) not in index and (20, 8) not in index and index.get((0, 7)) is None
    assert index.rows(7) == set(range(1, 1001))


def test_odd_cells_keep_their_text():
    cells = [(5, 1, b"A5*2"), (6, 1, b"A6*2"), (3, 1, b"A3*2"),  # a row out of order
             (6, 1, b"B6"),  # a cell met again: the later text counts, as in a dict
             (7, 1, "=A7+1"), (8, 1, None), (9, 1, b"&#38;A9"),  # a moved shared text, a lost master, an entity
             (38, 1, b"&#38;A38"), (10, 1, b"A\x0010"), (11, 2, b"1")]
    index, plain = _both(cells)
    assert index == plain and len(index) == len(plain) and set(index) == set(plain)
    assert index.rows(1) == {3, 5, 6, 7, 8, 9, 10, 38}


def test_random_cells_read_as_a_dict():
    rng = random.Random(7)
    cells = []
    for _ in range(3000):
        row, col = rng.randint(1, 60), rng.randint(0, 3)
        kind = rng.random()
        written = (b"A%d*%d" % (row, rng.choice([row, 1, 2])) if kind < 0.7 else
                   f"=B{row}" if kind < 0.9 else None)
        cells.append((row, col, written))
    cells.sort(key=lambda c: (c[0], rng.random()))  # mostly in row order, as a sheet is
    index, plain = _both(cells)
    assert index == plain and len(index) == len(plain)
    for col in range(4):
        assert index.rows(col) == {r for r, c in plain if c == col}


def _sheet(cells):
    """A worksheet's XML holding ``cells`` [(A1 reference, formula bytes or None for a value)], one
    row element per row number, rows in order, cells in the order given."""
    rows: dict[int, list[bytes]] = {}
    for ref, formula in cells:
        row = int(ref.lstrip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
        cell = b'<c r="%s"><f>%s</f><v>1</v></c>' % (ref, formula) if formula else b'<c r="%s"><v>1</v></c>' % ref
        rows.setdefault(row, []).append(cell)
    body = b"".join(b'<row r="%d">%s</row>' % (r, b"".join(c)) for r, c in sorted(rows.items()))
    return (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData>" + body + b"</sheetData></worksheet>")


def test_the_reader_fast_path_reads_every_formula_as_written():
    """xmlscan extends a column's run in place while each formula is its neighbour's with the row
    moved; every other case goes the plain way. Each formula reads back exactly as written."""
    from lkjip_xl.reader.xmlscan import scan_sheet

    cells = [(b"Q%d" % r, b"IFERROR(VLOOKUP(TRIM(H%d),skor_jawaban,2,FALSE),&quot;&quot;)" % r) for r in range(5, 400)]
    cells += [(b"R%d" % r, b"H%d*%d" % (r, r)) for r in range(5, 400)]  # the row's number twice
    cells[100] = (b"Q105", b"H104*2")  # a formula unlike its neighbours, mid-column
    cells[200] = (b"Q205", None)  # a value typed over the formula: a gap in the run
    # a reference with a leading zero (its formula too), a lower-case column
    cells += [(b"S7", b"A7+1"), (b"S08", b"A08+1"), (b"s9", b"A9+1")]
    cells += [(b"T%d" % r, b"T%d+1" % (r - 1)) for r in range(2000, 2100)]  # a column filled down far below
    xml = _sheet(cells)
    found = scan_sheet(xml).formulas
    expected = {}
    for ref, formula in cells:
        if formula:
            letters = ref.rstrip(b"0123456789").upper().decode()
            col = sum((ord(ch) - 64) * 26 ** k for k, ch in enumerate(reversed(letters))) - 1
            expected[(int(ref[len(letters):]), col)] = text_of(formula)
    assert dict(found) == expected and len(found) == len(expected)
    assert found[(104, 16)] == '=IFERROR(VLOOKUP(TRIM(H104),skor_jawaban,2,FALSE),"")'
    assert found[(105, 16)] == "=H104*2" and (205, 16) not in found
    assert found[(8, 18)] == "=A08+1" and found[(9, 18)] == "=A9+1"


def test_a_nul_byte_in_a_sheet_turns_the_fast_path_off():
    """A NUL (no XML may hold one) where the row's number would be must not read back as that number."""
    from lkjip_xl.reader.xmlscan import scan_sheet

    found = scan_sheet(_sheet([(b"U5", b"A5+1"), (b"U6", b"A\x00+1"), (b"U7", b"A7+1")])).formulas
    assert dict(found) == {(5, 20): "=A5+1", (6, 20): "=A\x00+1", (7, 20): "=A7+1"}
