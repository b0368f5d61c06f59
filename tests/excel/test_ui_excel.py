"""The Excel dialogs, driven as a clerk would under pytest-qt (file dialogs patched)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import openpyxl
import pytest
from PySide6.QtCore import QDate, QMimeData, Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.excel.form_spec import TASK_COLUMNS, TASKS
from sxtdbv_desktop.tasks import assign, list_tasks
from sxtdbv_ui import operations
from sxtdbv_ui.excel import FormsDialog, dropped_paths, export_table, import_files
from sxtdbv_ui.excel.preview_dialog import ImportPreviewDialog
from tests.excel.filling import fill_file, keyed_rows
from tests.factories import agency_id
from tests.prompts import ScriptedPrompts
from tests.ui.helpers import tree_item

# The offscreen platform of the tests cannot resize native windows; harmless for a dialog.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@dataclass
class Desk:
    """A clerk's desk: the database with its plan, the empty forms, a folder, the prompts."""

    db: Database
    plan_id: int
    forms: Path
    folder: Path
    prompts: ScriptedPrompts


@pytest.fixture
def desk(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path, prompts: ScriptedPrompts
) -> Desk:
    return Desk(db, excel_plan, forms_dir, tmp_path, prompts)


W = TypeVar("W", bound=QWidget)


def when_shown(kind: type[W], action: Callable[[W], object]) -> None:
    """Run `action` on the first visible top-level `kind` widget once it appears."""
    timer = QTimer()

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                timer.stop()
                action(widget)
                return

    timer.timeout.connect(poll)
    timer.start(20)
    _TIMERS.append(timer)  # kept alive until the dialog shows up


_TIMERS: list[QTimer] = []


def imported(qtbot: QtBot, db: Database, plan_id: int, paths: list[Path] | None = None) -> bool:
    """Run the import flow to its end (files read in the background); True if any report
    was replaced."""
    done: list[bool] = []
    reading = import_files(None, db, plan_id, paths, imported=lambda: done.append(True))
    if reading is None:
        return False
    qtbot.waitUntil(operations.idle, timeout=30_000)
    return bool(done)


def test_the_forms_dialog_writes_every_form_with_progress(
    qtbot: QtBot, db: Database, excel_plan: int, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    dialog = FormsDialog(db, excel_plan)
    qtbot.addWidget(dialog)
    target = tmp_path / "gui-di"
    prompts.folder = target
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.folder.text() == str(target)
    assert dialog.agency.currentText() == "Tất cả cơ quan phải báo cáo (24)"
    assert "✓ Mọi nhiệm vụ có cơ quan chủ trì" in dialog.readiness.text()
    assert not dialog.details.isVisible()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.running and not dialog.create_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert len(dialog.written) == 24  # not the press and the associations
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in dialog.written)
    assert (dialog.progress.value(), dialog.progress.maximum()) == (24, 24)
    assert dialog.status.text() == f"Đã tạo 24 biểu mẫu trong {target}."
    assert dialog.open_folder.isEnabled() and dialog.create_button.isEnabled()


def test_the_forms_dialog_for_one_agency(
    qtbot: QtBot, db: Database, excel_plan: int, tmp_path: Path
) -> None:
    dialog = FormsDialog(db, excel_plan)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path))
    dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Tài nguyên và Môi trường"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert [p.name for p in dialog.written] == ["BaoCao_SoTNMT_2023.xlsx"]


def test_the_forms_dialog_says_when_the_folder_cannot_be_made(
    qtbot: QtBot, db: Database, excel_plan: int, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    blocker = tmp_path / "la-tep"
    blocker.write_text("")
    dialog = FormsDialog(db, excel_plan)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(blocker / "con"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert prompts.warnings and prompts.warnings[0].startswith("Không tạo được thư mục")
    assert "trên đường dẫn có một tệp trùng tên" in prompts.warnings[0]
    assert not dialog.running and not list(tmp_path.glob("**/*.xlsx"))


def fill_two_and_a_bad_one(forms_dir: Path, tmp_path: Path) -> list[Path]:
    good = [tmp_path / "BaoCao_SoCT_2023.xlsx", tmp_path / "BaoCao_HLapVo_2023.xlsx"]
    for path in good:
        fill_file(forms_dir / path.name, path, "ui")
    bad = tmp_path / "thu.xlsx"
    bad.write_text("không phải bảng tính")
    return [*good, bad]


def test_import_previews_each_file_then_imports_on_confirmation(qtbot: QtBot, desk: Desk) -> None:
    db, excel_plan, prompts = desk.db, desk.plan_id, desk.prompts
    paths = fill_two_and_a_bad_one(desk.forms, desk.folder)
    seen: dict[str, object] = {}

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        tree = dialog.tree
        seen["files"] = [tree_item(tree, i).text(0) for i in range(tree.topLevelItemCount())]
        seen["error"] = tree_item(tree, 2, 0).text(0)
        seen["button"] = dialog.accept_button.text()
        dialog.received.setDate(QDate(2023, 12, 11))  # arrived by e-mail the day after
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)

    when_shown(ImportPreviewDialog, confirm)
    assert imported(qtbot, db, excel_plan, paths) is True
    files = seen["files"]
    assert isinstance(files, list) and len(files) == 3
    assert files[0].startswith("BaoCao_SoCT_2023.xlsx — Sở Công Thương, Năm 2023: ")
    assert files[0].endswith(" thay đổi")
    assert files[2] == "thu.xlsx — Lỗi: không nhập được"
    assert seen["error"] == "Tệp thu.xlsx: không phải là tệp Excel .xlsx."
    assert seen["button"] == "Nhập 2 báo cáo"
    assert prompts.notices == ["Đã nhập 2 báo cáo: Sở Công Thương; UBND huyện Lấp Vò."]
    period = main_period(db, excel_plan).id
    for code in ("SoCT", "HLapVo"):
        report = reports.find_report(db, period, agency_id(db, excel_plan, code))
        assert report is not None and report.status == "submitted"
        assert report.received_on == dt.date(2023, 12, 11)


def test_an_incomplete_form_is_received_with_what_it_lacks(qtbot: QtBot, desk: Desk) -> None:
    db, excel_plan = desk.db, desk.plan_id
    path = desk.folder / "BaoCao_HLapVo_2023.xlsx"
    fill_file(desk.forms / path.name, path, "thieu")
    wb = openpyxl.load_workbook(path)
    first = keyed_rows(wb, TASKS)[0][0]
    wb[TASKS].cell(first, TASK_COLUMNS.status).value = None
    wb.save(path)
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        item = tree_item(dialog.tree, 0)
        seen["summary"] = item.text(0)
        seen["missing"] = [
            tree_item(dialog.tree, 0, 0, i).text(0)
            for i in range(tree_item(dialog.tree, 0, 0).childCount())
        ]
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)

    when_shown(ImportPreviewDialog, look)
    assert imported(qtbot, db, excel_plan, [path]) is True
    assert str(seen["summary"]).endswith("; còn thiếu 1 mục")
    assert seen["missing"] == ["– Nhiệm vụ III.1.6: trạng thái"]
    report = reports.find_report(db, main_period(db, excel_plan).id,
                                 agency_id(db, excel_plan, "HLapVo"))  # fmt: skip
    assert report is not None and report.status == "submitted"


def test_the_forms_dialog_asks_before_sending_forms_with_gaps(
    qtbot: QtBot, db: Database, excel_plan: int, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    task = list_tasks(db, excel_plan, "content")[2]
    assign(db, task.id, [], [])
    dialog = FormsDialog(db, excel_plan)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "bm"))
    assert "Còn 1 chỗ chưa phân công" in dialog.readiness.text()
    assert not dialog.details.isHidden()
    prompts.yes = False
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert not dialog.running and not (tmp_path / "bm").exists()
    assert "Nhiệm vụ III.1.3" in prompts.asked[0] and "Cách sửa: Thẻ Nhiệm vụ" in prompts.asked[0]
    prompts.yes = True
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert len(dialog.written) == 24


def test_unticking_a_file_and_cancelling_change_nothing(qtbot: QtBot, desk: Desk) -> None:
    db, excel_plan, prompts = desk.db, desk.plan_id, desk.prompts
    paths = fill_two_and_a_bad_one(desk.forms, desk.folder)

    def untick_then_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        for index in (0, 1):
            tree_item(dialog.tree, index).setCheckState(0, Qt.CheckState.Unchecked)
        assert not dialog.accept_button.isEnabled()
        assert dialog.accept_button.text() == "Nhập 0 báo cáo"
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    when_shown(ImportPreviewDialog, untick_then_cancel)
    assert imported(qtbot, db, excel_plan, paths) is False
    assert reports.list_reports(db, excel_plan) == []
    assert prompts.told == []


def test_import_asks_for_files_when_none_are_given(qtbot: QtBot, desk: Desk) -> None:
    db, excel_plan = desk.db, desk.plan_id
    path = desk.folder / "BaoCao_SoTNMT_2023.xlsx"
    fill_file(desk.forms / path.name, path, "hoi")
    desk.prompts.file_lists.append([path])
    when_shown(
        ImportPreviewDialog,
        lambda d: qtbot.mouseClick(d.accept_button, Qt.MouseButton.LeftButton),
    )
    assert imported(qtbot, db, excel_plan) is True
    assert imported(qtbot, db, excel_plan) is False


def test_a_file_already_imported_has_nothing_to_import(qtbot: QtBot, desk: Desk) -> None:
    db, excel_plan = desk.db, desk.plan_id
    path = desk.folder / "BaoCao_SoCT_2023.xlsx"
    fill_file(desk.forms / path.name, path, "lai")
    when_shown(
        ImportPreviewDialog,
        lambda d: qtbot.mouseClick(d.accept_button, Qt.MouseButton.LeftButton),
    )
    assert imported(qtbot, db, excel_plan, [path])
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        seen["summary"] = tree_item(dialog.tree, 0).text(0)
        seen["accept visible"] = dialog.accept_button.isVisible()
        seen["close"] = dialog.cancel_button.text()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    when_shown(ImportPreviewDialog, look)
    assert imported(qtbot, db, excel_plan, [path]) is False
    assert seen == {
        "summary": "BaoCao_SoCT_2023.xlsx — Sở Công Thương, Năm 2023: không có thay đổi "
        "(tệp này đã được nhập)",
        "accept visible": False,
        "close": "Đóng",
    }


def test_dropped_urls_keep_only_excel_files(tmp_path: Path) -> None:
    mime = QMimeData()
    files = [tmp_path / "a.xlsx", tmp_path / "b.XLS", tmp_path / "c.pdf"]
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files] + [QUrl("https://x.vn/d.xlsx")])
    assert dropped_paths(mime) == files[:2]
    assert dropped_paths(QMimeData()) == []


def test_export_asks_for_a_name_and_writes_the_table(desk: Desk) -> None:
    db, excel_plan, prompts, tmp_path = desk.db, desk.plan_id, desk.prompts, desk.folder
    prompts.files += [tmp_path / "chi-tieu", tmp_path / "so-ct.xlsx", None]
    path = export_table(None, db, excel_plan, "indicators")
    assert path == tmp_path / "chi-tieu.xlsx" and path.exists()
    assert prompts.captions == ["Xuất bảng chỉ tiêu ra Excel"]
    assert [p.name for p in prompts.offered] == ["ChiTieu_2023.xlsx"]
    assert prompts.notices == [f"Đã xuất bảng chỉ tiêu ra tệp {path}."]
    soct = next(a.id for a in list_agencies(db, excel_plan) if a.code == "SoCT")
    assert export_table(None, db, excel_plan, "report", soct) is None
    assert prompts.warnings == ["Sở Công Thương chưa có báo cáo năm 2023."]
    assert export_table(None, db, excel_plan, "tasks") is None
