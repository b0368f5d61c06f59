"""Page and cell layout of printed Excel forms: A4, Times New Roman, titles, wrapped text.

Excel does not grow a row to fit wrapped text written by a program (and never for merged
cells), so rows get a height estimated from the text's length and the column's width.
"""

from __future__ import annotations

import math

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from sxtdbv_desktop.excel.tables import BORDER, HEADER_FILL, set_text

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
LINE_HEIGHT = 15.0  # points, for 12 pt text
CHARS_PER_WIDTH = 1.3  # Times is narrower than the Calibri digit that sets column widths
MM = 1 / 25.4  # inches


def font(
    *, bold: bool = False, italic: bool = False, size: int = FONT_SIZE, underline: bool = False
) -> Font:
    return Font(
        name=FONT_NAME,
        size=size,
        bold=bold,
        italic=italic,
        underline="single" if underline else None,
    )


def text(
    cell: Cell,
    value: str,
    *,
    bold: bool = False,
    italic: bool = False,
    center: bool = False,
    border: bool = False,
    size: int = FONT_SIZE,
) -> None:
    """Put wrapped text in a cell, in the form's font."""
    set_text(cell, value)
    cell.font = font(bold=bold, italic=italic, size=size)
    cell.alignment = Alignment(
        wrap_text=True,
        vertical="center" if center else "top",
        horizontal="center" if center else None,
    )
    if border:
        cell.border = BORDER


def header_cell(cell: Cell, value: str) -> None:
    text(cell, value, bold=True, center=True, border=True)
    cell.fill = HEADER_FILL


def title(ws: Worksheet, row: int, first: int, last: int, value: str, *, size: int) -> int:
    """A bold centred title across columns `first`..`last`; returns the next row."""
    text(ws.cell(row, first), value, bold=True, center=True, size=size)
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    ws.row_dimensions[row].height = size * 1.6
    return row + 1


def paragraph(
    ws: Worksheet,
    row: int,
    first: int,
    last: int,
    value: str,
    *,
    bold: bool = False,
    italic: bool = False,
    center: bool = False,
) -> int:
    """Wrapped text across columns `first`..`last`, its row tall enough; returns the next row."""
    text(ws.cell(row, first), value, bold=bold, italic=italic, center=center)
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    width = sum(column_width(ws, c) for c in range(first, last + 1))
    set_lines(ws, row, lines(value, width))
    return row + 1


def column_width(ws: Worksheet, column: int) -> float:
    width = ws.column_dimensions[get_column_letter(column)].width
    return float(width or 8.43)


def set_widths(ws: Worksheet, widths: dict[int, float]) -> None:
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width


def lines(value: str, width: float) -> int:
    """How many lines `value` takes in a column `width` characters wide, wrapped."""
    per_line = max(1, int(width * CHARS_PER_WIDTH) - 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n"))


def set_lines(ws: Worksheet, row: int, count: int) -> None:
    ws.row_dimensions[row].height = max(1, count) * LINE_HEIGHT + 3


def fit_height(ws: Worksheet, row: int, texts: list[tuple[str, float]]) -> None:
    """Make `row` tall enough for each (text, column width) of it."""
    set_lines(ws, row, max(lines(value, width) for value, width in texts))


def page(ws: Worksheet, *, landscape: bool) -> None:
    """A4, fitted to the page width, margins of Nghị định 30 (narrower for wide tables)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    left, right = (15 * MM, 15 * MM) if landscape else (30 * MM, 15 * MM)
    ws.page_margins = PageMargins(
        left=left, right=right, top=20 * MM, bottom=20 * MM, header=8 * MM, footer=8 * MM
    )
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.oddFooter.center.font = FONT_NAME
    ws.oddFooter.center.size = 10
