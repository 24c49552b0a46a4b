"""The data validation of an input cell: its dropdown or number range, the help shown when the
cell is selected, and the message shown when what was typed does not fit (in the template's
language). Lists staff may extend (schema.lists.LENIENT_LISTS) and number ranges only warn."""
from __future__ import annotations

from ..schema import SCHEMA, ColType
from ..schema.lists import LENIENT_LISTS
from ..schema.types import Text

ANSWER_LIST = "jawaban"  # the SKM answers: labels are typed besides the list
MAX_SHOWN = 8  # a list of at most this many choices is spelled out in the error message
ERRORS = {
    "list": Text("Pilihan tidak sah", "Not a valid choice"),
    "list_msg": Text("Pilih salah satu isian dari daftar{choices}.", "Choose one of the list{choices}."),
    "lenient": Text("Tidak ada di daftar", "Not in the list"),
    "lenient_msg": Text("Isian ini tidak ada di daftar{choices}. Pakai juga? (Ya: pakai, Tidak: ubah)",
                        "This is not in the list{choices}. Use it anyway? (Yes: keep, No: change it)"),
    "number": Text("Angka di luar batas", "Number out of range"),
    "number_msg": Text("Ketik angka {range}. Pakai juga? (Ya: pakai, Tidak: ubah)",
                       "Type a number {range}. Use it anyway? (Yes: keep, No: change it)"),
    # SKM answers: the dropdown offers 1–4 and a–d; a label of the column's unsur is typed or pasted
    # (the score formula reads it, calc.skm.SHEET_LABEL_SCORES), so anything else only warns
    "answer": Text("Bukan 1–4 atau a–d", "Not 1–4 or a–d"),
    "answer_msg": Text("Ketik 1–4, a–d, atau label pilihan unsur kolom ini (mis. Sangat sesuai); jawaban lain "
                       "tidak dihitung. Pakai juga? (Ya: pakai, Tidak: ubah)",
                       "Type 1–4, a–d, or an option label of this column's element (e.g. Sangat sesuai); other "
                       "answers do not count. Use it anyway? (Yes: keep, No: change it)"),
    "any": Text("Isian tidak sah", "Invalid entry"),
    "any_msg": Text("Periksa isian sel ini (lihat keterangan kolom).", "Check this cell (see the column's note)."),
}
RANGE = {"between": Text("antara {lo} dan {hi}", "between {lo} and {hi}"), ">=": Text("≥ {lo}", "≥ {lo}")}


def _prompt(header: Text, help_: Text, lang: str) -> dict:
    return {"input_title": header.get(lang)[:32], "input_message": help_.get(lang)[:255]}


def _error(kind: str, lang: str, **params) -> dict:
    return {"error_title": ERRORS[kind].get(lang)[:32],
            "error_message": ERRORS[f"{kind}_msg"].get(lang).format(**params)[:255]}


def list_validation(choices: str, header: Text, help_: Text, lang: str) -> dict:
    """A dropdown of the list ``choices``; closed lists stop a value outside them, lenient ones warn."""
    values = [str(c.value) for c in SCHEMA.lists[choices]]
    shown = f": {', '.join(values)}" if len(values) <= MAX_SHOWN else ""
    kind = "answer" if choices == ANSWER_LIST else "lenient" if choices in LENIENT_LISTS else "list"
    return {"validate": "list", "source": f"={SCHEMA.list_name(choices)}",
            "error_type": "stop" if kind == "list" else "warning",
            **_prompt(header, help_, lang), **_error(kind, lang, choices=shown)}


def validation(col, lang: str) -> dict:
    """The validation of a table's input column."""
    if col.choices:
        return list_validation(col.choices, col.header, col.help, lang)
    prompt = _prompt(col.header, col.help, lang)
    if col.type in (ColType.MONEY, ColType.DECIMAL, ColType.INTEGER) and col.min_value is not None:
        rule = {"validate": "integer" if col.type == ColType.INTEGER else "decimal", "error_type": "warning"}
        lo = f"{col.min_value:g}"
        if col.max_value is not None:
            hi = f"{col.max_value:g}"
            rule.update(criteria="between", minimum=col.min_value, maximum=col.max_value)
            text = RANGE["between"].get(lang).format(lo=lo, hi=hi)
        else:
            rule.update(criteria=">=", value=col.min_value)
            text = RANGE[">="].get(lang).format(lo=lo)
        return {**rule, **prompt, **_error("number", lang, range=text)}
    return {"validate": "any", **prompt, **_error("any", lang)}
