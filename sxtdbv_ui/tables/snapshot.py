"""What a table view shows, read once: its title, the headers of its visible columns in their
visual order, and the rows asked for (the selected ones, or all), as plain data that any
thread may use. Also the two forms the clipboard carries: tab-separated text, which Excel
pastes as cells, and an HTML table, from which Excel takes the figures as numbers."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from fractions import Fraction

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from sxtdbv_desktop import labels
from sxtdbv_ui.models.base import VALUE_ROLE

Value = int | Fraction | dt.date | None


@dataclass(frozen=True)
class Cell:
    text: str
    value: Value = None
    """The figure behind the text, for Excel (None: the cell is text)."""


@dataclass(frozen=True)
class Snapshot:
    title: str
    subtitle: str
    headers: list[str]
    right: list[bool]
    """Whether each column is right-aligned (figures)."""
    rows: list[list[Cell]]


def visible_columns(view: QTableView) -> list[int]:
    """The model's columns the view shows, in the order the user sees them."""
    header = view.horizontalHeader()
    count = view.model().columnCount()
    logical = [header.logicalIndex(visual) for visual in range(count)]
    return [column for column in logical if not view.isColumnHidden(column)]


def take(view: QTableView, rows: list[int], title: str, subtitle: str = "") -> Snapshot:
    """The view's `rows` (its own row numbers) with the headers, as shown."""
    model = view.model()
    columns = visible_columns(view)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    right = [_is_right(model.index(rows[0], c)) if rows else False for c in columns]
    cells = [[_cell(model.index(row, column)) for column in columns] for row in rows]
    return Snapshot(title, subtitle, headers, right, cells)


def _is_right(index: QModelIndex) -> bool:
    alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
    if alignment is None:
        return False
    return bool(Qt.AlignmentFlag(int(alignment)) & Qt.AlignmentFlag.AlignRight)


def _cell(index: QModelIndex) -> Cell:
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None:  # a tick box
        check = index.data(Qt.ItemDataRole.CheckStateRole)
        checked = check is not None and Qt.CheckState(check) == Qt.CheckState.Checked
        text = labels.YES_NO[1] if checked else (labels.YES_NO[0] if check is not None else "")
    value = index.data(VALUE_ROLE)
    return Cell(str(text), value if isinstance(value, int | Fraction | dt.date) else None)


def as_tsv(snapshot: Snapshot) -> str:
    """Tab-separated text with the header row; a cell holding a tab, a line break or a quote is
    quoted as Excel writes it, so it pastes back into one cell."""
    lines = [snapshot.headers, *([c.text for c in row] for row in snapshot.rows)]
    return "".join("\t".join(_tsv_field(text) for text in line) + "\r\n" for line in lines)


def _tsv_field(text: str) -> str:
    if any(c in text for c in '\t\n\r"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def as_html(snapshot: Snapshot) -> str:
    """An HTML table (header row in bold); figures carry their value (`x:num`) and Excel's
    number format, so Excel pastes numbers, dates and percentages, not text."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in snapshot.headers)
    body = "".join(
        "<tr>"
        + "".join(_html_cell(c, r) for c, r in zip(row, snapshot.right, strict=True))
        + "</tr>"
        for row in snapshot.rows
    )
    return (
        "<html><head><meta charset='utf-8'></head><body>"
        f"<table border='1' cellspacing='0'><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></body></html>"
    )


def _html_cell(cell: Cell, right: bool) -> str:
    text = html.escape(cell.text).replace("\n", "<br>")
    align = " align='right'" if right else ""
    value = cell.value
    if isinstance(value, Fraction):
        return f"<td{align} x:num='{float(value)}' style='mso-number-format:\"0\\.0%\"'>{text}</td>"
    if isinstance(value, dt.date):
        return f"<td{align} style='mso-number-format:\"dd\\/mm\\/yyyy\"'>{value:%d/%m/%Y}</td>"
    if isinstance(value, int):
        return f"<td{align} x:num='{value}' style='mso-number-format:\"\\#\\,\\#\\#0\"'>{text}</td>"
    return f"<td{align}>{text}</td>"
