"""Cell formats of the workbook staff fill: what each colour means is explained in Petunjuk."""
from __future__ import annotations

INPUT_FILL = "#FFF2CC"  # yellow: type here
FORMULA_FILL = "#DDEBF7"  # blue: computed (a formula)
HEADER_FILL = "#D9D9D9"


class Formats:
    def __init__(self, wb):
        self._wb = wb
        self._cache: dict[tuple, object] = {}
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.subtitle = wb.add_format({"bold": True, "font_size": 11})
        self.label = wb.add_format({"bold": True, "border": 1, "bg_color": HEADER_FILL, "text_wrap": True,
                                    "valign": "vcenter"})
        self.help = wb.add_format({"italic": True, "font_color": "#595959", "text_wrap": True})
        self.text = wb.add_format({"text_wrap": True, "valign": "top"})
        self.header = wb.add_format({"bold": True, "border": 1, "bg_color": HEADER_FILL, "text_wrap": True,
                                     "align": "center", "valign": "vcenter"})
        self.header_formula = wb.add_format({"bold": True, "border": 1, "bg_color": "#BDD7EE",
                                             "text_wrap": True, "align": "center", "valign": "vcenter"})
        self.swatch_input = wb.add_format({"bg_color": INPUT_FILL, "border": 1})
        self.swatch_formula = wb.add_format({"bg_color": FORMULA_FILL, "border": 1})
        self.swatch_header = wb.add_format({"bg_color": HEADER_FILL, "border": 1})

    def _get(self, kind: str, num_format: str, align: str | None = None):
        key = (kind, num_format, align)
        if key not in self._cache:
            props = {"num_format": num_format, "border": 1, "border_color": "#A6A6A6", "valign": "top"}
            props["bg_color"] = INPUT_FILL if kind == "input" else FORMULA_FILL
            if num_format == "@":
                props["text_wrap"] = True
            else:  # a number wider than its column (a 15-digit amount) is shrunk to it, never ###
                props["shrink"] = True
            if align:  # a longer text (80,5 s/d 85 %) is shrunk to the column, not cut by its neighbour
                props["align"] = align
            self._cache[key] = self._wb.add_format(props)
        return self._cache[key]

    def input(self, num_format: str, align: str | None = None):
        """``align``: "right" for a column of numbers that may hold text as well (a target typed as a
        range, 80-90, or a grade letter), so that the column reads as one."""
        return self._get("input", num_format, align)

    def formula(self, num_format: str):
        return self._get("formula", num_format)
