"""Which cells a formula refers to, as Excel reads its references (openpyxl's tokenizer, imported
where used: importing this module, as check and rapikan do, must not load openpyxl, 25 MB and
0,1 s on every check)."""
from __future__ import annotations


def reads_any(formula: str, sheet: str, template: dict[str, str], cells: set, *, unsplit: bool = True) -> bool:
    """Does the formula (in ``sheet``) refer to one of ``cells``, (sheet, row, 0-based col) with the
    template's sheet names? ``template``: a sheet's name in the workbook -> its template name;
    ``unsplit``: the answer for a formula the tokenizer cannot split."""
    from openpyxl.formula.tokenizer import Tokenizer
    from openpyxl.utils.cell import range_boundaries

    try:
        tokens = Tokenizer(formula).items
    except Exception:  # a formula openpyxl cannot split
        return unsplit
    for token in tokens:
        if token.type != "OPERAND" or token.subtype != "RANGE":
            continue
        where, _, ref = token.value.rpartition("!")
        name = where.strip("'").replace("''", "'") if where else sheet
        try:
            c0, r0, c1, r1 = range_boundaries(ref.replace("$", ""))
        except (ValueError, TypeError):
            continue  # a defined name
        name = template.get(name, name)
        if any(s == name and (r0 is None or r0 <= r <= r1) and (c0 is None or c0 <= c + 1 <= c1)
               for s, r, c in cells):
            return True
    return False
