"""The reader converts a column at once (each distinct value once: calc/distinct.py) and finds its
empty rows column by column: the same readings as converting cell by cell."""
import datetime as dt
import random

from lkjip_xl.reader.read import _filled_rows
from lkjip_xl.calc.distinct import map_distinct
from lkjip_xl.reader.values import make_converter
from lkjip_xl.schema.types import ColType

VALUES = [1, 1.0, True, False, 0, 0.0, "1", " 1 ", "", None, 2.5, "-", "NA", "12.350.000", -3.0, 1e20,
          dt.datetime(2024, 1, 2), dt.date(2024, 1, 2), "Laki-laki", "laki-laki", "a. Sangat sesuai"]


def test_a_column_reads_as_its_cells_do():
    rng = random.Random(3)
    for ctype in ColType:
        for column in ([rng.choice(VALUES) for _ in range(500)], VALUES * 3, [4.0] * 300 + [4, True, "4"]):
            conv = make_converter(ctype, ("Laki-laki", "Perempuan") if ctype == ColType.ENUM else None)
            expected = [conv(v) for v in column]
            got = map_distinct(conv, column)
            assert [(type(v), v, p and p.code, how) for v, p, how in got] == \
                   [(type(v), v, p and p.code, how) for v, p, how in expected], ctype


def test_equal_values_of_other_types_are_read_apart():
    conv = make_converter(ColType.INTEGER)
    got = map_distinct(conv, [1.0] * 10 + [True] * 10)  # TRUE typed in a number column is no 1
    assert got[0] == conv(1.0) and got[-1][1] is not None and got[-1] == conv(True)


def test_empty_rows_are_those_with_nothing_in_any_input_column():
    lines = [["", None, 0], [None, "", ""], ["x"], [], [None, 0.0], ["", "", None, "y"]]
    assert _filled_rows(lines, [0, 1, 2], set()) == [True, False, True, False, True, False]
    assert _filled_rows(lines, [3], set()) == [False, False, False, False, False, True]


def test_a_number_alone_in_the_row_number_column_fills_no_row():
    lines = [[1.0, None], ["2", ""], [3.0, "L"], ["Keterangan: sementara", None]]
    assert _filled_rows(lines, [0, 1], {0}) == [False, False, True, True]
