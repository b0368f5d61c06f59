"""Message boxes and file pickers in Vietnamese, in one place so tests can stand in for them.

Qt ships no Vietnamese translation: every button text is set here (see LIBRARIES.md).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

TITLE = "SX&TDBV Desktop"
DATA_FILTER = "Tệp dữ liệu SX&TDBV (*.sqlite);;Mọi tệp (*)"
EXCEL_FILTER = "Bảng tính Excel (*.xlsx)"


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, text: str, details: str = ""
) -> QMessageBox:
    """A message box with an "Đóng" button, not yet shown (tests drive it)."""
    box = QMessageBox(icon, TITLE, text, QMessageBox.StandardButton.Close, parent)
    box.button(QMessageBox.StandardButton.Close).setText("Đóng")
    if details:
        box.setDetailedText(details)
    return box


def inform(parent: QWidget | None, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, text).exec()


def warn(parent: QWidget | None, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Warning, text).exec()


def confirm(parent: QWidget | None, text: str, yes: str, no: str = "Hủy") -> bool:
    """Ask a yes/no question; the buttons say what they do. Declining is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question, TITLE, text, QMessageBox.StandardButton.NoButton, parent
    )
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def save_file(parent: QWidget | None, caption: str, suggested: Path, filters: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters)
    return Path(name) if name else None


def open_file(parent: QWidget | None, caption: str, folder: Path, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(folder), filters)
    return Path(name) if name else None
