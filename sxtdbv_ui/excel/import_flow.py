"""Importing filled forms from the window: choose (or drop) files → read and check → preview
what changes per file → confirm → apply, each file in its own transaction.

Files are read in the background (`sxtdbv_ui.operations`, no database there); checks against the
database and the writes happen on the GUI thread, which owns the connection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QDialog, QWidget
from sqlite_utils import Database

from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.files import load_received
from sxtdbv_desktop.excel.form_reader import FilledForm, read_form
from sxtdbv_desktop.excel.imports import apply_import, check_form, duplicate_problems
from sxtdbv_ui import msgbox, operations
from sxtdbv_ui.excel.preview_dialog import FileOutcome, ImportPreviewDialog
from sxtdbv_ui.folders import documents_dir
from sxtdbv_ui.operations import BackgroundOp, Progress

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
TITLE = "Nhập báo cáo từ Excel"


def choose_files(parent: QWidget | None) -> list[Path]:
    """Ask for the filled forms to import (several at once)."""
    return msgbox.open_files(
        parent, "Chọn các tệp báo cáo Excel đã điền", documents_dir(), msgbox.EXCEL_RECEIVED
    )


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The Excel files among what was dragged onto the window (for dragEnter and drop)."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in EXCEL_SUFFIXES]


def import_files(
    parent: QWidget | None,
    db: Database,
    plan_id: int,
    paths: Sequence[Path] | None = None,
    *,
    imported: Callable[[], object] | None = None,
) -> BackgroundOp | None:
    """Báo cáo → Nhập báo cáo từ Excel, or files dropped on the window.

    Without `paths` the user chooses the files. The files are read in the background (with
    progress, which the user may stop); then the preview, the confirmation and the writes
    happen on the GUI thread, and `imported()` is called if any report was replaced. Returns
    the background reading, or None when no file was chosen.
    """
    chosen = list(paths) if paths is not None else choose_files(parent)
    if not chosen:
        return None

    def review(read: list[FilledForm | FormError]) -> None:
        outcomes = check_forms(db, plan_id, chosen, read)
        dialog = ImportPreviewDialog(outcomes, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if _apply(parent, db, dialog.selected(), dialog.received_on()) and imported:
            imported()

    return operations.run_in_background(
        parent,
        TITLE,
        lambda progress: read_forms(chosen, progress),
        success=review,
        progress="Đang đọc các tệp…",
        cancellable=True,
    )


def read_forms(paths: list[Path], progress: Progress) -> list[FilledForm | FormError]:
    """Read and check every file's own contents (no database here: another thread)."""
    found: list[FilledForm | FormError] = []
    for done, path in enumerate(paths):
        progress.check()
        progress.step(done, len(paths), f"Đang đọc {path.name}…")
        try:
            found.append(read_form(load_received(path)))
        except FormError as error:  # a file the clerk must fix: shown in the preview
            found.append(error)
    return found


def check_forms(
    db: Database, plan_id: int, paths: list[Path], read: list[FilledForm | FormError]
) -> list[FileOutcome]:
    """Each read file checked against the database (GUI thread): what it would change, or why
    it cannot be imported; two files for the same report are both refused."""
    outcomes = []
    for path, form in zip(paths, read, strict=True):
        if isinstance(form, FormError):
            outcomes.append(FileOutcome(path, error=form.message))
            continue
        try:
            outcomes.append(FileOutcome(path, check=check_form(db, form, plan_id=plan_id)))
        except SxtdbvError as error:
            outcomes.append(FileOutcome(path, error=error.message))
    checked = [o for o in outcomes if o.check is not None]
    duplicates = duplicate_problems([o.check for o in checked if o.check is not None])
    for index, message in duplicates.items():
        position = outcomes.index(checked[index])
        outcomes[position] = FileOutcome(checked[index].path, error=message)
    return outcomes


def _apply(
    parent: QWidget | None, db: Database, selected: list[FileOutcome], received_on: dt.date
) -> bool:
    done, failed = [], []
    for outcome in selected:
        assert outcome.check is not None
        try:
            if apply_import(db, outcome.check, received_on=received_on) is not None:
                done.append(outcome.check.agency.name)
        except SxtdbvError as error:
            failed.append(f"{outcome.path.name}: {error.message}")
    lines = [f"Đã nhập {len(done)} báo cáo" + (": " + "; ".join(done) + "." if done else ".")]
    if failed:
        lines += ["", "Không nhập được:", *failed]
        msgbox.warn(parent, TITLE, "\n".join(lines))
    else:
        msgbox.inform(parent, TITLE, "\n".join(lines))
    return bool(done)
