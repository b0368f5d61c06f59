"""Exporting one table to Excel from the window: ask for a file name, write, say where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget
from sqlite_utils import Database

from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.excel.exports import TABLES, default_file_name
from sxtdbv_desktop.excel.exports import export_table as write_table_file
from ui.excel import messages
from ui.folders import in_documents


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
    name, _ = QFileDialog.getSaveFileName(
        parent, f"Xuất bảng {TABLES[table].lower()} ra Excel", str(suggested), "Tệp Excel (*.xlsx)"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    try:
        write_table_file(db, plan_id, table, path, agency_id=agency_id)
    except SxtdbvError as error:
        messages.show_error(parent, error.message)
        return None
    messages.show_info(parent, f"Đã xuất bảng {TABLES[table].lower()} ra tệp {path}.")
    return path
