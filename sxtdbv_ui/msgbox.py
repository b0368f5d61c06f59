"""Every prompt of the window, in Vietnamese: notices, questions, a typed text or date, and the
file pickers (open one or several files, save a file, choose a folder).

This is the only module that shows a `QMessageBox`, a `QInputDialog` or a `QFileDialog`, so
that one stand-in answers them all in tests (`tests/prompts.py`, the `prompts` fixture).
Each box is built by a `build_*` function (which tests inspect) and then run; the functions
callers use are small and keep their signatures:

| function | asks or tells | returns |
|---|---|---|
| `inform(parent, title, text)` | a notice (something was done) | None |
| `warn(parent, title, text)` | why something was not done | None |
| `ask(parent, title, text, yes=…, no=…)` | a yes/no question, "no" by default | bool |
| `ask_text(parent, title, label, multiline=True, *, text="")` | a reason, a name | str or None |
| `ask_date(parent, title, label, default)` | a day (the received date) | date or None |
| `open_file`, `open_files(parent, caption, folder, filters)` | files to read | Path(s) |
| `save_file(parent, caption, suggested, filters)` | where to write a file | Path or None |
| `choose_folder(parent, caption, start)` | a folder to write into | Path or None |

Texts are shown as plain text: an "&" or a "<" typed by a user reads as written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_ui import texts

# File filters of the pickers (Qt's syntax: "Name (*.ext);;Other (*)").
EXCEL_FILES = "Bảng tính Excel (*.xlsx)"
EXCEL_RECEIVED = "Tệp Excel (*.xlsx *.xlsm *.xls);;Mọi tệp (*)"
PDF_FILES = "Tệp PDF (*.pdf)"
WORD_FILES = "Văn bản Word (*.docx)"
DATA_FILES = "Tệp dữ liệu SX&TDBV (*.sqlite);;Mọi tệp (*)"
PLAN_FILES = "Tệp kế hoạch SX&TDBV (*.json)"


MAX_LINES = 16
"""Lines a box shows; a longer text (a list of gaps, of refused files) keeps its first lines
and its last paragraph (the question) and puts the whole under «Xem chi tiết...», so the box
and its buttons stay on a 1280×720 screen."""


def _fit_text(box: QMessageBox, text: str) -> None:
    lines = text.split("\n")
    if len(lines) <= MAX_LINES:
        box.setText(text)
        return
    last = text.rsplit("\n\n", 1)[-1] if "\n\n" in text else ""
    tail = last.split("\n") if 0 < len(last.split("\n")) <= 3 else []
    head = lines[: MAX_LINES - len(tail) - 2]
    shown = [*head, f"… (còn {len(lines) - len(head) - len(tail)} dòng: bấm «Xem chi tiết...»)"]
    box.setText("\n".join([*shown, "", *tail] if tail else shown))
    box.setDetailedText(text)


# --- notices -------------------------------------------------------------------------------


def build_notice(
    parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon
) -> QMessageBox:
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    _fit_text(box, text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy it
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.button(QMessageBox.StandardButton.Close).setText(texts.CLOSE)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Say that something was done (and where, when it wrote a file)."""
    build_notice(parent, title, text, QMessageBox.Icon.Information).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user why something was not done (a rule, a lock, a full disk...)."""
    build_notice(parent, title, text, QMessageBox.Icon.Warning).exec()


# --- questions -----------------------------------------------------------------------------


def build_question(
    parent: QWidget | None, title: str, text: str, yes: str = texts.YES, no: str = texts.NO
) -> QMessageBox:
    """A Yes/No question whose safe answer ("Không") is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    _fit_text(box, text)
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


def build_text_question(
    parent: QWidget | None,
    title: str,
    label: str,
    multiline: bool = True,
    *,
    text: str = "",
    ok: str = texts.OK,
) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    if multiline:
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setTextValue(text)
    dialog.setOkButtonText(ok)
    dialog.setCancelButtonText(texts.CANCEL)
    return dialog


def ask_text(
    parent: QWidget | None,
    title: str,
    label: str,
    multiline: bool = True,
    *,
    text: str = "",
    ok: str = texts.OK,
) -> str | None:
    """A text typed by the user (the reason for returning a report, a name), starting from
    `text`; None if cancelled."""
    dialog = build_text_question(parent, title, label, multiline, text=text, ok=ok)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


class DateQuestion(QDialog):
    """A label, a date field (dd/mm/yyyy, with a calendar) and Đồng ý / Hủy."""

    def __init__(
        self, parent: QWidget | None, title: str, label: str, default: dt.date, ok: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        question = QLabel(label)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        self.date_edit = QDateEdit(QDate(default.year, default.month, default.day))
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        question.setBuddy(self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(texts.CANCEL)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.date_edit)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def date(self) -> dt.date:
        day = self.date_edit.date()
        return dt.date(day.year(), day.month(), day.day())


def build_date_question(
    parent: QWidget | None, title: str, label: str, default: dt.date, ok: str = texts.OK
) -> DateQuestion:
    return DateQuestion(parent, title, label, default, ok)


def ask_date(
    parent: QWidget | None, title: str, label: str, default: dt.date, ok: str = texts.OK
) -> dt.date | None:
    """A day chosen by the user, `default` proposed (e.g. the day a report was received);
    None if cancelled."""
    dialog = build_date_question(parent, title, label, default, ok)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.date()


# --- files and folders ---------------------------------------------------------------------


def save_file(parent: QWidget | None, caption: str, suggested: Path, filters: str) -> Path | None:
    """Where to save a file (Qt's dialog, or the system's); None if cancelled. A name typed
    without an extension gets the suggested file's."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters)
    if not name:
        return None
    chosen = Path(name)
    if not chosen.suffix and suggested.suffix:
        chosen = chosen.with_name(chosen.name + suggested.suffix)
    return chosen


def open_file(parent: QWidget | None, caption: str, folder: Path, filters: str) -> Path | None:
    """Which file to open; None if cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(folder), filters)
    return Path(name) if name else None


def open_files(parent: QWidget | None, caption: str, folder: Path, filters: str) -> list[Path]:
    """Which files to open (several at once); empty if cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, caption, str(folder), filters)
    return [Path(name) for name in names]


def choose_folder(parent: QWidget | None, caption: str, start: Path) -> Path | None:
    """A folder to write into; None if cancelled."""
    name = QFileDialog.getExistingDirectory(parent, caption, str(start))
    return Path(name) if name else None
