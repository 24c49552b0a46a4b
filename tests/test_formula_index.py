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
