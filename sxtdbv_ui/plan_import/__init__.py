"""Tệp → "Nhập kế hoạch từ văn bản (Word, PDF)…": choose a plan document, read it into a
draft (`sxtdbv_desktop.plan_import`), review it in the wizard beside the document's text, and
save it as a new plan, which the window then shows. Only the Sở Công Thương's installation
has the command: an agency's receives its plan from the Sở.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog

from sxtdbv_desktop import installation
from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_ui import msgbox
from sxtdbv_ui.folders import documents_dir
from sxtdbv_ui.main_window import MainWindow

if TYPE_CHECKING:
    from sxtdbv_desktop.plan_import.draft import Draft

FILE_FILTER = "Văn bản kế hoạch (*.docx *.pdf *.txt);;Mọi tệp (*)"
TITLE = "Nhập kế hoạch từ văn bản"


def install(window: MainWindow) -> None:
    """Add the command to the Tệp menu of a consolidating installation."""
    if installation.load(window.session.db).is_agency:
        return
    action = QAction("Nhập kế hoạch từ văn bản (&Word, PDF)…", window)
    action.triggered.connect(lambda: import_plan(window))
    window.add_action("file", action, edits=True)


def import_plan(window: MainWindow, path: Path | None = None) -> int | None:
    """Read, review and save a plan document; return the new plan's id (None: not saved)."""
    path = path or msgbox.open_file(window, TITLE, documents_dir(), FILE_FILTER)
    if path is None:
        return None
    draft = read_draft(window, path)
    if draft is None:
        return None
    # The reader and the wizard load when the command is first used, not at start-up.
    from sxtdbv_ui.plan_import.wizard import ReviewWizard  # noqa: PLC0415

    wizard = ReviewWizard(window.session, draft, window)
    if wizard.exec() != QDialog.DialogCode.Accepted or wizard.new_plan_id is None:
        return None
    window.reload()
    window.session.set_plan(wizard.new_plan_id)
    return wizard.new_plan_id


def read_draft(window: MainWindow, path: Path) -> Draft | None:
    """The draft of the document at `path`, or None after telling the user why not."""
    from sxtdbv_desktop.plan_import.reader import read_plan  # noqa: PLC0415  (see import_plan)
    from sxtdbv_desktop.plan_import.sources import read_document  # noqa: PLC0415

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return read_plan(read_document(path))
    except SxtdbvError as error:
        msgbox.warn(window, TITLE, error.message)
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
