"""Writing a table to a worksheet the way an office clerk expects it in Excel.

Vietnamese headers in bold on a shaded, frozen first row with an autofilter; money and counts
with thousands separators; percentages as numbers formatted with a comma; dates dd/mm/yyyy;
widths that fit; text that starts with = + - @ kept as text, never turned into a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sxtdbv_desktop.text import nfc, printable
from sxtdbv_desktop.vnformat import format_number

ColumnKind = Literal["text", "long_text", "integer", "money", "percent", "date"]

NUMBER_FORMATS: dict[ColumnKind, str] = {
    "integer": "#,##0",
    "money": "#,##0",
    "percent": "0.0%",
    "date": "dd/mm/yyyy",
}
"""Excel number formats; Excel shows "," and "." according to the user's regional settings,
so a Vietnamese Windows displays 3.235.715.000 and 66,7%."""

HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
THIN = Side(style="thin", color="A0A0A0")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
_FORMULA_STARTS = ("=", "+", "-", "@")
CELL_LIMIT = 32_767
"""Characters a cell of Excel holds (Excel's specifications and limits)."""
_CUT_NOTE = "một ô Excel chứa tối đa 32.767 ký tự; xem đủ trong chương trình"
_NOTE_ROOM = 200
_MAX_WIDTH = {"text": 40, "long_text": 70}


@dataclass(frozen=True)
class Column:
    header: str
    kind: ColumnKind = "text"
    width: int | None = None  # in characters; None fits the content


Value = str | int | Fraction | dt.date | None


def set_text(cell: Cell, text: str) -> None:
    """Put user text in a cell as text, even when it looks like a formula.

    Any stored value is written safely: characters an .xlsx cannot hold are dropped (old
    files may hold them, the audit log keeps them for ever), and a text longer than a cell
    holds is cut with a note saying so, never silently.
    """
    value = fit_cell(nfc(printable(text)))
    cell.value = value
    if value.startswith(_FORMULA_STARTS):
        cell.data_type = "s"


def fit_cell(text: str) -> str:
    """`text`, or its beginning with a note that says it was cut, within `CELL_LIMIT`."""
    if len(text) <= CELL_LIMIT:
        return text
    kept = CELL_LIMIT - _NOTE_ROOM
    note = f"… [{format_number(len(text) - kept)} ký tự sau đây bị cắt bớt: {_CUT_NOTE}]"
    return text[:kept] + note


def set_value(cell: Cell, value: Value, kind: ColumnKind) -> None:
    """Write `value` with the number format of its column kind."""
    if value is None:
        return
    if kind == "percent" and isinstance(value, Fraction):
        cell.value = float(value)  # Excel stores numbers as doubles; the exact figure is shown
    elif isinstance(value, str):
        set_text(cell, value)
        return
    else:
        cell.value = value
    if kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[kind]


def write_table(
    ws: Worksheet,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Value]],
    *,
    first_row: int = 1,
    title: str | None = None,
) -> int:
    """Write a header row and `rows` starting at `first_row` (after an optional bold title).

    Returns the number of the last row written. The header row is frozen and filtered.
    """
    row_number = first_row
    if title:
        set_text(ws.cell(row=row_number, column=1), title)
        ws.cell(row=row_number, column=1).font = Font(bold=True, size=13)
        row_number += 2
    header_row = row_number
    widths = [len(c.header) for c in columns]
    for index, column in enumerate(columns, 1):
        cell = ws.cell(row=header_row, column=index)
        set_text(cell, column.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for values in rows:
        row_number += 1
        for index, (column, value) in enumerate(zip(columns, values, strict=True), 1):
            cell = ws.cell(row=row_number, column=index)
            set_value(cell, value, column.kind)
            cell.border = BORDER
            wrap = column.kind in ("text", "long_text")
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
            widths[index - 1] = max(widths[index - 1], _display_width(value, column.kind))
    for index, column in enumerate(columns, 1):
        width = column.width or min(widths[index - 1] + 2, _MAX_WIDTH.get(column.kind, 24))
        ws.column_dimensions[get_column_letter(index)].width = max(width, 8)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    last_column = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A{header_row}:{last_column}{max(row_number, header_row)}"
    _print_setup(ws, header_row)
    return row_number


def _print_setup(ws: Worksheet, header_row: int) -> None:
    """A4 landscape, as wide as the page, the header row repeated on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = "Trang &P/&N"


def _display_width(value: Value, kind: ColumnKind) -> int:
    if value is None:
        return 0
    if kind in ("money", "integer") and isinstance(value, int):
        return len(f"{value:,}")
    if kind == "date":
        return 10
    if kind == "percent":
        return 7
    return max((len(line) for line in str(value).splitlines()), default=0)
