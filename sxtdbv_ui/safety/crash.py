"""The last line of defence: an unexpected error becomes a Vietnamese dialog with details to
copy, and a traceback in the rotating log.

`CrashHandler.install()` takes over `sys.excepthook` (PySide6 reports exceptions raised in
slots through it), `threading.excepthook`, and Qt's own message handler (Qt's warnings and
errors go to the log). Nothing half-written stays behind: every write of the core is one
transaction, rolled back when the exception left it (tests/safety/test_all_or_nothing.py).
The dialog does not block, as in Anki's `errors.py`: the window stays usable.
"""

from __future__ import annotations

import datetime as dt
import logging
import platform
import sqlite3
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_desktop import __version__, logs
from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.storage import known_error
from sxtdbv_ui import texts
from sxtdbv_ui.screen_fit import fit_to_screen

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Chương trình gặp một lỗi không mong muốn. Thao tác đang làm dở đã được hủy; dữ liệu đã "
    "lưu trước đó không bị ảnh hưởng.\n\nHãy bấm «Sao chép chi tiết» và gửi nội dung cho người "
    "hỗ trợ kỹ thuật, kèm mô tả việc đang làm khi lỗi xảy ra."
)
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class CommandFailed(Exception):
    """A command of the window met an unexpected error (its `__cause__`): the operations layer
    raises this so that the dialog names what the user was doing."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def user_message(error: BaseException) -> str:
    """What to tell the user: the core's own message when it has one, else the generic text
    (naming the command that failed, when known)."""
    if isinstance(error, CommandFailed):
        return f"Không thực hiện được «{error.what}».\n\n{UNEXPECTED}"
    if isinstance(error, SxtdbvError):
        return error.message
    if isinstance(error, sqlite3.Error) and (known := known_error(error)) is not None:
        return known.message
    return UNEXPECTED


def details_text(error: BaseException, tb: TracebackType | None = None) -> str:
    """Version, time, system and traceback: what a support person needs, in plain text."""
    trace = "".join(traceback.format_exception(type(error), error, tb or error.__traceback__))
    return (
        f"SX&TDBV Desktop {__version__}\n"
        f"Thời điểm: {dt.datetime.now():%d/%m/%Y %H:%M:%S}\n"
        f"Hệ thống: {logs.system_name()}, Python {platform.python_version()}\n\n{trace}"
    )


class CrashDialog(QDialog):
    """The error, in Vietnamese, with the technical details below and a button to copy them."""

    def __init__(
        self, message: str, details: str, log_path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("SX&TDBV Desktop — Lỗi")
        self.details = details
        text = QLabel(message)
        text.setWordWrap(True)
        text.setObjectName("message")
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setObjectName("details")
        self.copy_button = QPushButton("Sao chép chi tiết")
        self.copy_button.clicked.connect(self.copy_details)
        close = QPushButton(texts.CLOSE)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        if log_path is not None:
            logs_button = QPushButton("Mở thư mục nhật ký")
            logs_button.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))
            )
            buttons.addWidget(logs_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        if log_path is not None:
            where = QLabel(f"Chi tiết cũng đã được ghi vào tệp nhật ký: {log_path}")
            where.setWordWrap(True)
            layout.addWidget(where)
        layout.addWidget(QLabel("Chi tiết kỹ thuật:"))
        layout.addWidget(box)
        layout.addLayout(buttons)
        fit_to_screen(self, 640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText("Đã sao chép")


class CrashHandler(QObject):
    """Catches what nobody else caught; one dialog at a time, every error in the log."""

    _crashed = Signal(str, str)  # message, details: carried to the GUI thread

    def __init__(self, log_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: CrashDialog | None = None
        self._crashed.connect(self._show)
        self._previous_hooks: tuple[object, object] | None = None
        self._previous_qt: object = None

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle_exception
        threading.excepthook = self._handle_thread_exception
        self._previous_qt = qInstallMessageHandler(self._handle_qt_message)

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            qInstallMessageHandler(self._previous_qt)  # type: ignore[arg-type]
            self._previous_hooks = None

    def handle_exception(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("Lỗi không được xử lý", exc_info=(kind, error, tb))
        self._crashed.emit(user_message(error), details_text(error, tb))

    def _handle_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def _handle_qt_message(
        self, mode: QtMsgType, context: QMessageLogContext, message: str
    ) -> None:
        where = f" ({context.file}:{context.line})" if context.file else ""
        logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)
        if callable(self._previous_qt):
            self._previous_qt(mode, context, message)

    def _show(self, message: str, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the log has every error
        self.dialog = CrashDialog(message, details, self.log_path)
        self.dialog.show()
        self.dialog.raise_()


def install_crash_handler(log_path: Path | None = None) -> CrashHandler:
    """Install the global handler (keep the returned object alive for the program's life)."""
    handler = CrashHandler(log_path)
    handler.install()
    return handler
