"""On-purpose benchmark: what staff do on purpose must raise no alarm.

    python benchmarks/on_purpose.py [--n 40] [--seed 1] [--base valid|medan_amplas_2023|medang_kampai_2023]
                                    [--recalc auto|libreoffice|none] [--keep DIR] [--alarms]

The mutation benchmark (mutations.py) asks whether a slip is found; this one asks the other half
of trust: whether what an office does on purpose is left alone. It takes the same clean workbook,
makes ONE deliberate edit per copy, N copies per kind, lets LibreOffice recalculate and save every
copy (one soffice call), runs `check` on each, and counts an alarm when the copy has a warning or
an error the unedited base does not have (a note, info, is no alarm: saying "read as 90" is fine).
An alarm is justified when the edit changes a figure the sheet prints: a rounded value typed over a
formula that other formulas add up moves the sheet's IKM (FRM001 "rounded"); those are counted
apart, and every other alarm is a false one.

Kinds of deliberate edit:
- printed_value: a formula's result typed over the formula as the sheet prints it (rounded to its
  number format's places: 95,24 % for 0,952380...), the way a report is "frozen" by hand;
- nil_dash: a cell holding 0 (typed or computed) given `-`, the nil of printed tables;
- percent_typed: every number of an indicator whose unit is % typed the Excel way (`90%`, stored
  0,9 with a percent format), target, realisasi and quarters together;
- other_case: a list choice typed in another case (`Naik`, `TURUN`), as Excel's dropdown accepts.
"""
from __future__ import annotations

import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from mutations import arguments, base_file, keys, recalculate, workspace  # noqa: E402 (sys.path set there)

import openpyxl  # noqa: E402

from lkjip_xl.checks.engine import check_workbook  # noqa: E402
from lkjip_xl.reader import read_workbook  # noqa: E402
from lkjip_xl.schema import ColType  # noqa: E402

KINDS = ("printed_value", "nil_dash", "percent_typed", "other_case")
NUMBER_TYPES = (ColType.INTEGER, ColType.MONEY, ColType.DECIMAL, ColType.PERCENT)
# the number cells of an indicator row that an office types in its own unit
PERCENT_ROW_TABLES = ("pk_indikator", "ra_indikator", "indikator_program")


@dataclass
class Edit:
    kind: str
    cells: list[tuple[str, str, object, str | None]]  # (sheet, cell, new value, new number format)
    name: str = ""

    def describe(self) -> str:
        return "; ".join(f"{s}!{c} -> {v!r}" + (f" ({fmt})" if fmt else "") for s, c, v, fmt in self.cells)


def places(number_format: str) -> tuple[int, bool]:
    """The decimal places a number format prints, and whether it is a percent."""
    section = number_format.split(";")[0]
    section = re.sub(r'"[^"]*"|\[[^\]]*\]', "", section)
    decimals = re.search(r"\.([0#?]+)", section)
    return (len(decimals.group(1)) if decimals else 0), "%" in section


def printed(value, number_format: str):
    """``value`` as the sheet prints it, typed back: rounded half up to the format's places."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    n, percent = places(number_format or "General")
    if (number_format or "General") == "General":
        return value
    d = Decimal(repr(value)).quantize(Decimal(1).scaleb(-(n + (2 if percent else 0))), ROUND_HALF_UP)
    return int(d) if d == d.to_integral_value() and not percent else float(d)


def edits(model, values_wb) -> dict[str, list[Edit]]:
    out: dict[str, list[Edit]] = {k: [] for k in KINDS}
    for key, table in model.tables.items():
        for col in table.table.columns:
            if col.key not in table.values:
                continue
            for i in range(len(table)):
                cell = table.cell(col.key, i)
                shown = values_wb[table.sheet][cell]
                formula = table.has_formula.get(col.key, [False] * len(table))[i]
                if col.computed and formula and shown.value is not None and shown.value != "":
                    out["printed_value"].append(Edit("printed_value", [
                        (table.sheet, cell, printed(shown.value, shown.number_format), None)]))
                if col.type in NUMBER_TYPES and shown.value == 0 and not isinstance(shown.value, bool):
                    out["nil_dash"].append(Edit("nil_dash", [(table.sheet, cell, "-", None)]))
                if col.type == ColType.ENUM and not formula and isinstance(shown.value, str) and shown.value:
                    other = shown.value.upper() if shown.value != shown.value.upper() else shown.value.capitalize()
                    if other != shown.value:
                        out["other_case"].append(Edit("other_case", [(table.sheet, cell, other, None)]))
        if key in PERCENT_ROW_TABLES:
            out["percent_typed"] += _percent_rows(table, values_wb)
    return out


def _percent_rows(table, values_wb) -> list[Edit]:
    out = []
    for i in range(len(table)):
        if str(table.get("satuan", i) or "").strip() != "%":
            continue
        cells = []
        for col in table.table.columns:
            if col.computed or col.type not in (ColType.DECIMAL, ColType.INTEGER) or col.key not in table.values:
                continue
            cell = table.cell(col.key, i)
            value = values_wb[table.sheet][cell].value
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                d = Decimal(repr(value))
                fmt = "0%" if d == d.to_integral_value() else "0.00%"
                cells.append((table.sheet, cell, float(d / 100), fmt))
        if cells:
            out.append(Edit("percent_typed", cells))
    return out


def justified_alarm(f) -> bool:
    """A finding that the edit changed a figure the sheet prints (not a false alarm)."""
    return bool(f.params.get("rounded"))


def write_edit(wb, e: Edit, path: Path) -> None:
    before = []
    for sheet, ref, value, fmt in e.cells:
        cell = wb[sheet][ref]
        before.append((cell, cell.value, cell.number_format))
        cell.value = value
        if fmt:
            cell.number_format = fmt
    wb.save(path)
    for cell, value, fmt in before:
        cell.value, cell.number_format = value, fmt


def run(args) -> int:
    work, soffice = workspace(args, "lkjip-purpose-")
    rng = random.Random(args.seed)
    source = base_file(args.base, work)
    raw = work / "raw"
    raw.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    wb = openpyxl.load_workbook(source)
    wb.save(raw / "base.xlsx")
    if soffice:  # the values the sheet prints, as LibreOffice computes them
        recalculate([raw / "base.xlsx"], work / "printed", soffice, work)
        values_wb = openpyxl.load_workbook(work / "printed" / "base.xlsx", data_only=True)
    else:
        values_wb = openpyxl.load_workbook(source, data_only=True)
    model, _ = read_workbook(source)
    plan: list[Edit] = []
    for kind, found in edits(model, values_wb).items():
        rng.shuffle(found)
        for j, e in enumerate(found[:args.n]):
            e.name = f"{kind}_{j:04d}"
            plan.append(e)
    for e in plan:
        write_edit(wb, e, raw / f"{e.name}.xlsx")
    t1 = time.perf_counter()
    files = [raw / "base.xlsx"] + [raw / f"{e.name}.xlsx" for e in plan]
    folder = raw
    if soffice:
        recalculate(files, work / "recalc", soffice, work)
        folder = work / "recalc"
    t2 = time.perf_counter()
    seen = keys(check_workbook(folder / "base.xlsx").findings) | keys(check_workbook(source).findings)
    tally = {k: [0, 0, 0] for k in KINDS}
    alarms = []
    for e in plan:
        path = folder / f"{e.name}.xlsx"
        if not path.exists():
            print(f"LibreOffice did not write {path.name}; skipped", file=sys.stderr)
            continue
        new = [f for f in check_workbook(path).findings if f.severity != "info"
               and (f.code, f.sheet, f.cell, f.severity, str(f.expected), str(f.found)) not in seen]
        tally[e.kind][0] += 1
        if new:
            justified = all(justified_alarm(f) for f in new)
            tally[e.kind][2 if justified else 1] += 1
            alarms.append((e, new, justified))
    t3 = time.perf_counter()
    print(f"base {args.base}, seed {args.seed}, n {args.n} per kind, recalculation "
          f"{'LibreOffice' if soffice else 'none'}")
    print(f"{'kind':16s} {'n':>4s} {'false alarms':>13s} {'rate':>7s} {'justified':>10s}")
    for kind, (n, bad, right) in [*tally.items(), ("all", [sum(t[i] for t in tally.values()) for i in range(3)])]:
        print(f"{kind:16s} {n:4d} {bad:13d} {100 * bad / n if n else 0:5.1f} % {right:10d}")
    print(f"{len(plan)} edited copies; writing {t1 - t0:.0f} s, recalculation {t2 - t1:.0f} s, check {t3 - t2:.0f} s")
    if args.alarms:
        for e, new, justified in alarms:
            print(f"  {'(justified) ' if justified else ''}{e.kind:14s} {e.describe()}  ->  " + ", ".join(
                f"{f.code}@{f.sheet}!{f.cell} {f.severity}: {f.message('en')[:140]}" for f in new))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def main() -> None:
    ap = arguments(__doc__, "edited copies")
    ap.add_argument("--alarms", action="store_true", help="list every alarm")
    sys.exit(run(ap.parse_args()))


if __name__ == "__main__":
    main()
