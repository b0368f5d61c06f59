"""Exporting one table to Excel from the window: ask for a file name, write, say where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from sxtdbv_desktop.excel.exports import TABLES, default_file_name, exported_text
from sxtdbv_desktop.excel.exports import export_table as write_table_file
from sxtdbv_ui import msgbox, operations
from sxtdbv_ui.folders import in_documents


def export_table(
    parent: QWidget | None,
    db: Database,
    plan_id: int,
    table: str,
    agency_id: int | None = None,
) -> Path | None:
    """Tệp → Xuất Excel for `table` (a key of `exports.TABLES`; "report" needs `agency_id`).

    Returns the file written, or None if the user cancelled or it failed (after saying why).
    """
    suggested = in_documents(default_file_name(db, plan_id, table, agency_id))
    title = f"Xuất bảng {TABLES[table].lower()} ra Excel"
    path = msgbox.save_file(parent, title, suggested, msgbox.EXCEL_FILES)
    if path is None:
        return None
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    if not operations.run(
        parent, title, lambda: write_table_file(db, plan_id, table, path, agency_id=agency_id)
    ):
        return None
    msgbox.inform(parent, title, exported_text(table, path))
    return path
