"""Small assertions shared by the rule tests."""


def codes_at(findings, code: str) -> list[str]:
    """The cells where ``code`` was reported ("Sheet!A1")."""
    return [f"{f.sheet}!{f.cell}" for f in findings if f.code == code]


def errors(findings):
    return [f for f in findings if f.severity == "error"]


def read_csv(path) -> list[dict]:
    """A sample's readable source (CSV, UTF-8, header row) as a list of dicts."""
    import csv

    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def dec(text):
    """A number of a source CSV as Decimal; None for a blank field."""
    from decimal import Decimal

    return None if text in ("", None) else Decimal(text)


def cell_of(table: str, key: str, index: int) -> str:
    """"Sheet!A1" of a table's cell in the template's layout: column ``key`` of data row ``index``."""
    from lkjip_xl.schema import SCHEMA
    from lkjip_xl.schema.refs import a1

    spec = SCHEMA.table(table)
    return f"{spec.sheet}!{a1(spec.first_row + index, spec.col_index(key))}"


def field_of(form: str, key: str) -> str:
    """"Sheet!A1" of a form field's value cell in the template's layout."""
    from lkjip_xl.schema import SCHEMA
    from lkjip_xl.schema.refs import a1

    spec = SCHEMA.form(form)
    return f"{spec.sheet}!{a1(spec.row_of(key), spec.value_col)}"


def rupiah(amount) -> str:
    """1050000000 -> "1.050.000.000" (Indonesian grouping), as a report prints an amount."""
    return f"{int(amount):,}".replace(",", ".")


def only_one(findings, code: str):
    """The one finding of ``code`` (fails when there are none or several)."""
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, found
    return found[0]


def realisasi_row(data, kode: str) -> dict:
    """The Realisasi row of ``kode`` in a workbook's data."""
    return next(r for r in data["tables"]["realisasi"] if r["kode"] == kode)
