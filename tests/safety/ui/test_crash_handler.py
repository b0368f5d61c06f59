"""Unexpected errors: a Vietnamese dialog with details to copy, and a traceback in the log."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from sxtdbv_desktop import logs
from sxtdbv_desktop.errors import StorageError
from sxtdbv_ui.safety.crash import UNEXPECTED, CrashDialog, CrashHandler, details_text, user_message

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


# `log_path` and `crash` (the handler as the program installs it) come from tests/conftest.py.


def _raise(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:  # to get a real traceback
        return caught


def test_the_copy_button_puts_the_details_on_the_clipboard(qtbot: QtBot) -> None:
    error = _raise(ValueError("hỏng"))
    dialog = CrashDialog(UNEXPECTED, details_text(error), Path("/tmp/logs/sxtdbv.log"))
    qtbot.addWidget(dialog)
    assert dialog.copy_button.text() == "Sao chép chi tiết"
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "ValueError: hỏng" in copied
    assert copied.startswith("SX&TDBV Desktop ")
    assert f"Hệ thống: {logs.system_name()}, Python" in copied  # as the log's start line
    assert dialog.copy_button.text() == "Đã sao chép"


def test_an_unhandled_exception_shows_the_dialog_and_is_logged(
    qtbot: QtBot, crash: CrashHandler, log_path: Path
) -> None:
    assert sys.excepthook == crash.handle_exception
    error = _raise(KeyError("khóa lạ"))
    sys.excepthook(type(error), error, error.__traceback__)
    assert crash.dialog is not None and crash.dialog.isVisible()
    assert crash.dialog.findChild(type(crash.dialog.copy_button)) is not None
    assert "KeyError: 'khóa lạ'" in crash.dialog.details
    text = log_path.read_text(encoding="utf-8")
    assert "Lỗi không được xử lý" in text
    assert "KeyError: 'khóa lạ'" in text
    first = crash.dialog
    again = _raise(RuntimeError("lần hai"))
    sys.excepthook(type(again), again, again.__traceback__)
    assert crash.dialog is first  # one dialog at a time; the log has both
    assert "RuntimeError: lần hai" in log_path.read_text(encoding="utf-8")


def test_errors_the_core_explains_keep_their_message() -> None:
    full = StorageError("disk_full", "Ổ đĩa đã đầy: không ghi được dữ liệu.")
    assert user_message(full) == full.message
    raw = sqlite3.OperationalError("database or disk is full")
    raw.sqlite_errorcode = 13
    assert user_message(raw).startswith("Ổ đĩa đã đầy")
    assert user_message(ZeroDivisionError()) == UNEXPECTED


def test_an_exception_in_a_thread_reaches_the_window(qtbot: QtBot, crash: CrashHandler) -> None:
    def work() -> None:
        raise OSError("lỗi trong luồng phụ")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: crash.dialog is not None and crash.dialog.isVisible())
    assert crash.dialog is not None
    assert "lỗi trong luồng phụ" in crash.dialog.details


@pytest.mark.qt_log_ignore("ngoài ý muốn", "This plugin does not support")
def test_qt_messages_go_to_the_log(crash: CrashHandler, log_path: Path) -> None:
    qWarning("Cảnh báo của Qt ngoài ý muốn")
    assert "Cảnh báo của Qt ngoài ý muốn" in log_path.read_text(encoding="utf-8")


def test_uninstalling_gives_the_hooks_back(log_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    handler = CrashHandler(log_path)
    handler.install()
    handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
