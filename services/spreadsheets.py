"""Cells for files people open in a spreadsheet: text is never a live formula.

Excel, LibreOffice and Google Sheets run a cell that starts with =, +, -, @, a tab or a carriage
return as a formula (some read the full-width forms of the first four so too): a service,
location or area name such as =HYPERLINK(...) would send whoever opens the file elsewhere, with
other cells' contents. Such text is written with an apostrophe in front, which spreadsheets show
as the start of text (OWASP's advice), and read back without it, so an exported file imports
unchanged. Numbers stay numbers: -3.19 is a longitude, not a formula.
"""

from typing import Any

import tablib
from import_export.formats.base_formats import CSV, XLSX

FORMULA_STARTS = (
    *("=", "+", "-", "@", "\t", "\r"),
    *("\N{FULLWIDTH EQUALS SIGN}", "\N{FULLWIDTH PLUS SIGN}"),
    *("\N{FULLWIDTH HYPHEN-MINUS}", "\N{FULLWIDTH COMMERCIAL AT}"),
)
TEXT_MARK = "'"


def text_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return TEXT_MARK + value
    return value


def read_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(TEXT_MARK):
        text = value.removeprefix(TEXT_MARK)
        if text.startswith(FORMULA_STARTS):
            return text
    return value


def _each_cell(dataset: tablib.Dataset, change) -> tablib.Dataset:
    return tablib.Dataset(
        *[[change(value) for value in row] for row in dataset], headers=dataset.headers
    )


class SpreadsheetSafe:
    """A django-import-export file format that escapes formulas on export, and reads them back."""

    def export_data(self, dataset: tablib.Dataset, **kwargs):
        return super().export_data(_each_cell(dataset, text_cell), **kwargs)

    def create_dataset(self, in_stream, **kwargs) -> tablib.Dataset:
        return _each_cell(super().create_dataset(in_stream, **kwargs), read_cell)


class SafeCSV(SpreadsheetSafe, CSV):
    pass


class SafeXLSX(SpreadsheetSafe, XLSX):
    pass
