"""A table as shown (all of it, or the selected rows) exported to an Excel workbook, in the
background, with figures as numbers and the date of the export under the title."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from PySide6.QtWidgets import QWidget

from sxtdbv_desktop.excel.tables import Column, ColumnKind, Value
from sxtdbv_desktop.text import fold
from sxtdbv_ui import msgbox, operations, texts
from sxtdbv_ui.folders import in_documents
from sxtdbv_ui.tables.snapshot import Cell, Snapshot

TITLE = "Xuất bảng ra Excel"
_LONG = 60  # characters: a column holding longer texts wraps in Excel


def file_name(title: str) -> str:
    """ "Nhiệm vụ" → "NhiemVu.xlsx": a name that survives e-mail and USB sticks."""
    words = "".join(c if c.isalnum() else " " for c in fold(title)).split()
    return "".join(word.capitalize() for word in words)[:60] + ".xlsx" if words else "Bang.xlsx"


def columns(snapshot: Snapshot) -> list[Column]:
    """Each column's kind, from what its cells hold."""
    return [Column(header, _kind([row[i] for row in snapshot.rows]))
            for i, header in enumerate(snapshot.headers)]  # fmt: skip


def _kind(cells: list[Cell]) -> ColumnKind:
    values = [c.value for c in cells if c.value is not None]
    if values and all(isinstance(v, Fraction) for v in values):
        return "percent"
    if values and all(isinstance(v, dt.date) for v in values):
        return "date"
    if values and all(isinstance(v, int) for v in values):
        return "integer"
    if any(len(c.text) > _LONG or "\n" in c.text for c in cells):
        return "long_text"
    return "text"


def rows(snapshot: Snapshot) -> list[list[Value]]:
    """The cells' figures where they have one, else their text."""
    return [[c.value if c.value is not None else c.text for c in row] for row in snapshot.rows]


def export(parent: QWidget | None, snapshot: Snapshot) -> operations.BackgroundOp | None:
    """Ask where, then write the workbook in the background and say where it is."""
    from sxtdbv_desktop.excel.table_file import save_table  # noqa: PLC0415  (openpyxl)

    path = msgbox.save_file(parent, TITLE, in_documents(file_name(snapshot.title)),
                            msgbox.EXCEL_FILES)  # fmt: skip
    if path is None:
        return None
    title, kinds, values = snapshot.title, columns(snapshot), rows(snapshot)
    return operations.run_in_background(
        parent,
        TITLE,
        lambda progress: save_table(path, title, kinds, values),
        success=lambda count: msgbox.inform(
            parent, TITLE, f"Đã xuất {count} dòng của bảng «{title}» ra tệp {path}."
        ),
        progress=texts.WRITING_EXCEL,
    )
