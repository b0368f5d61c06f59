"""Message boxes in Vietnamese that tests can drive.

Every question and notice of the window goes through these functions. Each builds its box with
a `build_*` function (which tests inspect) and then runs it; tests replace `ask`, `ask_text`,
`inform` or `warn` with a stand-in (pytest's monkeypatch) to answer without a modal loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from ui import texts


def build_question(
    parent: QWidget | None, title: str, text: str, yes: str = texts.YES, no: str = texts.NO
) -> QMessageBox:
    """A Yes/No question whose safe answer ("Không") is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(no)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box


def ask(
    parent: QWidget | None, title: str, text: str, yes: str = texts.YES, no: str = texts.NO
) -> bool:
    """Ask a yes/no question (e.g. before deleting); True when the user answers yes."""
    box = build_question(parent, title, text, yes, no)
    return box.exec() == QMessageBox.StandardButton.Yes


def build_notice(
    parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon
) -> QMessageBox:
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy it
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.button(QMessageBox.StandardButton.Close).setText(texts.CLOSE)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    build_notice(parent, title, text, QMessageBox.Icon.Information).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user why something was not done (a rule, a lock, a full disk...)."""
    build_notice(parent, title, text, QMessageBox.Icon.Warning).exec()


def build_text_question(
    parent: QWidget | None, title: str, label: str, multiline: bool = True
) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    if multiline:
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setOkButtonText(texts.OK)
    dialog.setCancelButtonText(texts.CANCEL)
    return dialog


def ask_text(parent: QWidget | None, title: str, label: str, multiline: bool = True) -> str | None:
    """A text typed by the user (e.g. the reason for returning a report), or None if cancelled."""
    dialog = build_text_question(parent, title, label, multiline)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


def save_file(parent: QWidget | None, caption: str, suggested: Path, filters: str) -> Path | None:
    """Where to save a file (Qt's dialog, or the system's); None if cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters)
    return Path(name) if name else None


def open_file(parent: QWidget | None, caption: str, folder: Path, filters: str) -> Path | None:
    """Which file to open; None if cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(folder), filters)
    return Path(name) if name else None
