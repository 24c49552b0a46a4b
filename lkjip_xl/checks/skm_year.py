"""SKM037: respondents dated before the report year (Identitas) and in no year the SKM survey
period names: last year's answers left on the SKM sheet when last year's workbook was copied for
this year (the rows the new survey did not overwrite, or all of them). They count in the IKM, which
would pass as this year's. One warning at the first such date, naming the rows. A survey period
that names the earlier year (``Desember 2024 – November 2025``) makes its dates this survey's; a
period or signing date left last year's is VAL020's."""
from __future__ import annotations

from ..calc.survey_dates import read_dates
from ..findings import Finding
from ..reader.read import row_spans
from .identitas import whole_year, years_named


def stale_dates(model) -> list[Finding]:
    resp, identitas, info = model.table("skm_responden"), model.form("identitas"), model.form("skm_info")
    year = whole_year(identitas.values.get("tahun")) if identitas is not None else None
    if resp is None or not len(resp) or "tanggal" not in resp.values or year is None:
        return []
    surveyed = set(years_named(info.values.get("periode") if info is not None else None))
    before = [(i, d) for i, d in enumerate(read_dates(resp.values["tanggal"]).dates)
              if d is not None and d.year < year and d.year not in surveyed]
    if not before:
        return []
    years = sorted({d.year for _, d in before})
    return [Finding("SKM037", resp.sheet, resp.cell("tanggal", before[0][0]),
                    expected=str(year), found=", ".join(map(str, years)),
                    params={"count": len(before), "rows": row_spans([resp.rows[i] for i, _ in before])})]
