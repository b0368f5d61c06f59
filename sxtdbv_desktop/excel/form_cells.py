"""The pieces of a form's sheets: input cells, row keys, bands, headers, validations."""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sxtdbv_desktop.excel import layout
from sxtdbv_desktop.excel.form_spec import KEY_COLUMN
from sxtdbv_desktop.excel.tables import BORDER, set_text

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
UNLOCKED = Protection(locked=False)


def header(ws: Worksheet, row: int, headers: dict[int, tuple[str, int]]) -> None:
    """A table's header row: {column: (title, width)}."""
    for column, (title, _) in headers.items():
        layout.header_cell(ws.cell(row, column), title)
    layout.set_lines(ws, row, 2)


def band(
    ws: Worksheet,
    row: int,
    first: int,
    last: int,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
) -> int:
    """A full-width line inside a table (a section or a group title); returns the next row."""
    layout.text(ws.cell(row, first), text, bold=bold, italic=italic, border=True)
    for column in range(first + 1, last + 1):
        ws.cell(row, column).border = BORDER
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    layout.fit_height(ws, row, [(text, 140)])
    return row + 1


def key_cell(ws: Worksheet, row: int, key: str) -> None:
    """The row's key in the hidden column A (see `form_spec`)."""
    set_text(ws.cell(row, KEY_COLUMN), key)


def input_cell(cell: Cell, value: str | int | None, *, number_format: str | None = None) -> None:
    """An unlocked, shaded cell for the clerk, pre-filled with `value` if given."""
    if isinstance(value, str):
        set_text(cell, value)
    elif value is not None:
        cell.value = value
    cell.fill = INPUT_FILL
    cell.protection = UNLOCKED
    cell.border = BORDER
    cell.font = layout.font()
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if number_format:
        cell.number_format = number_format


def list_validation(choices: Iterable[str], title: str, prompt: str) -> DataValidation:
    """A drop-down list (shown with its arrow; openpyxl's showDropDown=True would hide it)."""
    formula = '"' + ",".join(choices) + '"'
    return _validation(DataValidation(type="list", formula1=formula), title, prompt)


def whole_validation(title: str, prompt: str, maximum: int | None = None) -> DataValidation:
    """Whole numbers ≥ 0 (and ≤ `maximum`)."""
    if maximum is None:
        validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    else:
        validation = DataValidation(
            type="whole", operator="between", formula1="0", formula2=str(maximum)
        )
    return _validation(validation, title, prompt)


def _validation(validation: DataValidation, title: str, prompt: str) -> DataValidation:
    validation.allow_blank = True
    validation.showErrorMessage = True
    validation.showInputMessage = True
    validation.errorTitle = f"{title} không hợp lệ"
    validation.error = prompt
    validation.promptTitle = title
    validation.prompt = prompt
    return validation
