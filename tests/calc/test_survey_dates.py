"""Respondents' dates in the formats survey exports use."""
import datetime as dt

import pytest

from lkjip_xl.calc.survey_dates import column_order, parse_date, period_years, read_dates

JULY_15 = dt.date(2023, 7, 15)


@pytest.mark.parametrize("raw", [
    "2023/07/15 10:32:05 AM GMT+7",  # Google Forms
    "2023/7/15 1:02:03 pm GMT+07:00",
    "15/07/2023 10:32:05",  # Google Sheets, Indonesian locale
    "15/07/2023 10.32.05 WIB",
    "15-07-2023", "15.07.23",
    "2023-07-15", "2023-07-15T10:32:05+07:00", "2023-07-15 10:32:05.123Z",  # ISO 8601
    "15 Juli 2023", "Sabtu, 15 Jul 2023", "15-Jul-2023", "July 15, 2023",
    45122, 45122.43895, "45122",  # Excel serial day numbers
    dt.datetime(2023, 7, 15, 10, 32), JULY_15,
])
def test_formats(raw):
    assert parse_date(raw) == (JULY_15, None)


def test_month_first_when_the_column_says_so():
    assert parse_date("7/15/2023 10:32:05", "mdy") == (JULY_15, None)
    assert parse_date("7/15/2023 10:32:05", "dmy") == (None, "unreadable")  # month 15


@pytest.mark.parametrize("raw, problem", [
    (None, "blank"), ("  ", "blank"), ("kemarin", "unreadable"), ("32/07/2023", "unreadable"),
    ("2023/07/15 13:00:00 PM", "unreadable"), ("2023/07/15 25:00", "unreadable"), (True, "unreadable"),
    (2023, "unreadable"),  # a year is not a serial day number of 1950–2099
    ("1/1/1900", "out_of_range"), ("15/07/2203", "out_of_range"),
])
def test_problems(raw, problem):
    assert parse_date(raw) == (None, problem)


def test_column_order_from_the_values_that_fit_one_reading():
    assert column_order(["7/15/2023", "3/4/2023"]) == ("mdy", False)
    assert column_order(["15/7/2023", "3/4/2023"]) == ("dmy", False)
    assert column_order(["3/4/2023", "5/6/2023"]) == ("dmy", True)  # assumed, the caller says so
    assert column_order(["2023/07/15", "3/3/2023"]) == ("dmy", False)  # 3/3 reads the same both ways


def test_read_dates_reports_each_problem_by_index():
    col = read_dates(["7/15/2023", None, "x", "3/4/2023"])
    assert col.order == "mdy"
    assert col.dates == [JULY_15, None, None, dt.date(2023, 3, 4)]
    assert col.problems == [(1, "blank"), (2, "unreadable")]


@pytest.mark.parametrize("text, years", [
    ("Januari–Desember 2024", (2024,)),
    ("Desember 2024 – Januari 2025", (2024, 2025)),        # one month each: either year
    ("1 Desember 2024 s.d. 31 Januari 2025", (2024, 2025)),
    ("Oktober 2024 – Maret 2025", (2024, 2025)),           # 3 and 3
    ("September 2024 – Februari 2025", (2024,)),           # 4 and 2
    ("Desember 2024 – November 2025", (2025,)),            # 1 and 11
    ("Des 2023 - Jan 2025", (2024,)),                      # 1, 12, 1
    ("Tahun 2024", (2024,)), ("Semester I 2024", (2024,)), ("2023–2024", (2024,)), ("", ()),
])
def test_period_years_are_those_holding_most_of_its_months(text, years):
    assert period_years(text) == years
