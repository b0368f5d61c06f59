"""The operations layer: commands in the background or on the GUI thread, one error policy
(a refusal is a Vietnamese warning naming the command; a bug is logged and shown in the crash
dialog), progress the user can stop, and a window the user cannot touch meanwhile."""

from __future__ import annotations

import errno
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop.errors import ValidationError
from sxtdbv_ui import operations
from sxtdbv_ui.excel import import_flow
from sxtdbv_ui.operations import Cancelled, Progress
from sxtdbv_ui.safety.crash import CrashHandler
from tests.prompts import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def test_a_bug_planted_in_the_import_worker_reaches_the_log_and_the_crash_dialog(
    qtbot: QtBot,
    db: Database,
    plan_id: int,
    *,
    crash: CrashHandler,
    log_path: Path,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken_reader(workbook: Any) -> Any:
        return workbook.missing  # 'NoneType' object has no attribute 'missing'

    monkeypatch.setattr(import_flow, "load_received", lambda path: None)
    monkeypatch.setattr(import_flow, "read_form", broken_reader)
    reading = import_flow.import_files(None, db, plan_id, [Path("BaoCao_SoCT_2023.xlsx")])
    assert reading is not None
    qtbot.waitUntil(operations.idle, timeout=10_000)
    assert prompts.told == []  # not a warning with str(error)
    dialog = crash.dialog
    assert dialog is not None and dialog.isVisible()
    assert "Không thực hiện được «Nhập báo cáo từ Excel»" in _message(dialog)
    assert "'NoneType' object has no attribute 'missing'" in dialog.details
    assert "broken_reader" in dialog.details  # the traceback, not just the message
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "broken_reader" in logged
    assert "AttributeError: 'NoneType' object has no attribute 'missing'" in logged
    assert "CommandFailed: Nhập báo cáo từ Excel" in logged


def _message(dialog: QWidget) -> str:
    label = dialog.findChild(QLabel, "message")
    assert label is not None
    return str(label.text())


def test_a_refusal_in_the_background_is_a_warning_naming_the_command(
    qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    def work(progress: Progress) -> None:
        raise ValidationError("Tệp a.xlsx", "không phải là biểu mẫu của chương trình.")

    succeeded: list[object] = []
    operations.run_in_background(None, "Nhập báo cáo từ Excel", work, success=succeeded.append)
    qtbot.waitUntil(operations.idle, timeout=5_000)
    assert succeeded == []
    assert prompts.warnings == ["Tệp a.xlsx: không phải là biểu mẫu của chương trình."]


def test_the_result_arrives_on_the_gui_thread_with_the_steps(qtbot: QtBot) -> None:
    threads: list[str] = []
    steps: list[tuple[int, int, str]] = []

    def work(progress: Progress) -> int:
        threads.append(threading.current_thread().name)
        for done in range(1, 4):
            progress.step(done, 3, f"tệp {done}")
        return 42

    results: list[tuple[int, str]] = []
    op = operations.run_in_background(
        None,
        "Thử",
        work,
        success=lambda value: results.append((value, threading.current_thread().name)),
    )
    op.progressed.connect(lambda *step: steps.append(step))
    qtbot.waitUntil(operations.idle, timeout=5_000)
    assert results == [(42, threading.main_thread().name)]
    assert threads[0].startswith("sxtdbv-work")
    assert steps == [(1, 3, "tệp 1"), (3, 3, "tệp 3")]  # the second came within 50 ms
    assert op.done and not op.cancelled


def test_stopped_work_calls_no_success_and_finishes(qtbot: QtBot) -> None:
    started = threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress.check()

    results: list[object] = []
    finished: list[bool] = []
    op = operations.run_in_background(
        None, "Thử", work, success=results.append, progress="Đang làm…", cancellable=True
    )
    op.finished.connect(lambda: finished.append(True))
    assert started.wait(5)
    op.cancel()
    qtbot.waitUntil(operations.idle, timeout=5_000)
    assert results == [] and finished == [True] and op.cancelled


def test_the_window_cannot_be_touched_while_work_with_progress_runs(qtbot: QtBot) -> None:
    button = QPushButton("Nhập báo cáo")
    qtbot.addWidget(button)
    button.show()
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    release = threading.Event()

    def work(progress: Progress) -> None:
        release.wait(5)

    operations.run_in_background(None, "Thử", work, success=lambda _: None, progress="Đang đọc…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == []  # swallowed: a second import cannot start in the middle of the first
    release.set()
    qtbot.waitUntil(operations.idle, timeout=5_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [True]


def test_on_the_gui_thread_a_refusal_is_a_warning_and_success_follows_a_success(
    prompts: ScriptedPrompts, qapp: QApplication
) -> None:
    def refused() -> None:
        raise ValidationError("Năm", "phải từ 2000 đến 2100.")

    assert not operations.run(None, "Tạo kế hoạch năm sau", refused)
    assert prompts.warnings == ["Năm: phải từ 2000 đến 2100."]
    said: list[str] = []
    assert not operations.run(None, "Thử", refused, failure=said.append)
    assert said == ["Năm: phải từ 2000 đến 2100."] and len(prompts.warnings) == 1
    got: list[int] = []
    assert operations.run(None, "Thử", lambda: 7, success=got.append)
    assert got == [7]


def test_a_file_the_system_refuses_is_explained_in_vietnamese() -> None:
    full = OSError(errno.ENOSPC, "No space left on device", "/usb/a.xlsx")
    assert operations.explain(full) == (
        "Ổ đĩa đã đầy (/usb/a.xlsx). Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác."
    )
    held = PermissionError(errno.EACCES, "Permission denied", "a.xlsx")
    assert "đang mở trong chương trình khác" in str(operations.explain(held))
    assert operations.explain(KeyError("x")) is None  # a bug: no message of ours
    assert operations.explain(Cancelled()) is None


def test_a_bug_on_the_gui_thread_goes_to_the_crash_dialog(
    crash: CrashHandler, log_path: Path, prompts: ScriptedPrompts
) -> None:
    assert not operations.run(None, "Xuất kế hoạch cho các đơn vị", lambda: 1 // 0)
    assert prompts.told == []
    assert crash.dialog is not None and "ZeroDivisionError" in crash.dialog.details
    assert "CommandFailed: Xuất kế hoạch cho các đơn vị" in log_path.read_text(encoding="utf-8")
