"""Importing filled forms from the window: choose (or drop) files → read and check → preview
what changes per file → confirm → apply, each file in its own transaction.

Files are read on a worker thread (no database there); checks against the database and the
writes happen on the GUI thread, which owns the connection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget
from sqlite_utils import Database

from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.files import load_received
from sxtdbv_desktop.excel.form_reader import FilledForm, read_form
from sxtdbv_desktop.excel.imports import apply_import, check_form, duplicate_problems
from ui import msgbox
from ui.excel.background import Job, Report
from ui.excel.preview_dialog import FileOutcome, ImportPreviewDialog
from ui.folders import documents_dir

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
    parent: QWidget | None, db: Database, plan_id: int, paths: Sequence[Path] | None = None
) -> bool:
    """Báo cáo → Nhập báo cáo từ Excel, or files dropped on the window.

    Without `paths` the user chooses the files. Returns True if any report was replaced.
    """
    chosen = list(paths) if paths is not None else choose_files(parent)
    if not chosen:
        return False
    read = _read_in_background(parent, chosen)
    if read is None:
        return False
    outcomes = _check(db, plan_id, chosen, read)
    dialog = ImportPreviewDialog(outcomes, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return _apply(parent, db, dialog.selected(), dialog.received_on())


def _read_in_background(
    parent: QWidget | None, paths: list[Path]
) -> list[FilledForm | FormError] | None:
    """Read and check every file's own contents; None if the user stopped."""

    def work(report: Report) -> list[FilledForm | FormError]:
        found: list[FilledForm | FormError] = []
        for done, path in enumerate(paths, 1):
            try:
                found.append(read_form(load_received(path)))
            except FormError as error:
                found.append(error)
            if not report(done, len(paths), path.name):
                break
        return found

    progress = QProgressDialog("Đang đọc các tệp…", "Dừng", 0, len(paths), parent)
    progress.setWindowTitle(TITLE)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    job = Job(work)
    outcome: dict[str, object] = {}
    job.progress.connect(lambda done, total, name: _step(progress, done, name))
    job.succeeded.connect(lambda result: outcome.setdefault("result", result))
    job.failed.connect(lambda error: outcome.setdefault("error", error))
    progress.canceled.connect(job.cancel)
    job.start()
    job.wait()
    progress.reset()
    progress.deleteLater()
    if "error" in outcome:
        msgbox.warn(parent, TITLE, f"Lỗi khi đọc tệp: {outcome['error']}")
        return None
    result = outcome.get("result")
    if job.cancelled or not isinstance(result, list):
        return None
    return result


def _step(progress: QProgressDialog, done: int, name: str) -> None:
    progress.setValue(done)
    progress.setLabelText(f"Đã đọc {name}")


def _check(
    db: Database, plan_id: int, paths: list[Path], read: list[FilledForm | FormError]
) -> list[FileOutcome]:
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
