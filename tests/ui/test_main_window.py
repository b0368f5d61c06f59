"""The main window: starts on the default plan, speaks only Vietnamese, remembers where it
was, switches and copies plans, and offers the extension points other modules use."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
)
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import deadline_rule
from sxtdbv_desktop.agencies import get_agency, update_agency
from sxtdbv_desktop.plans import list_plans
from sxtdbv_desktop.report_settings import UBND, load
from sxtdbv_ui.app import open_window
from sxtdbv_ui.charts.base import Chart
from sxtdbv_ui.dialogs.new_plan_dialog import NewPlanDialog
from sxtdbv_ui.dialogs.report_settings_dialog import ReportSettingsDialog
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tabs.agencies import AgenciesTab
from sxtdbv_ui.tabs.overview import OverviewTab
from sxtdbv_ui.tabs.tasks import TasksTab
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.workspace import AGENCIES, value_edit
from tests.conftest import TEST_ACTOR
from tests.factories import agency_id
from tests.present import present
from tests.prompts import ScriptedPrompts

TAB_TITLES = ["Tổng quan", "Nhiệm vụ", "Chỉ tiêu", "Kinh phí", "Báo cáo đơn vị", "Cơ quan"]
ENGLISH = re.compile(
    r"\b(OK|Cancel|Close|Yes|No|Save|Open|File|Edit|Help|Undo|Redo|Delete|Search|Apply|"
    r"Select All|Copy|Paste|Cut|Reset|Report|Settings|Quit|Exit)\b"
)


def visible_texts(window: MainWindow) -> list[str]:
    """Every word the window shows: menus, actions, tabs, labels, buttons, headers, hints."""
    for tab in window.tab_pages:  # every tab built (the window builds them when idle)
        tab.ensure_current()
    found = [window.windowTitle()]
    found += [a.text() for a in window.findChildren(QAction)]
    for tabs in window.findChildren(QTabWidget):
        found += [tabs.tabText(i) for i in range(tabs.count())]
    found += [w.text() for w in window.findChildren(QLabel)]
    found += [w.text() for w in window.findChildren(QAbstractButton)]
    found += [w.placeholderText() for w in window.findChildren(QLineEdit)]
    for panel in window.findChildren(TablePanel):
        model = panel.model
        found += [
            model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())
        ]
    return [t for t in found if t]


def test_the_window_starts_on_the_default_plan_in_vietnamese(window: MainWindow) -> None:
    assert window.windowTitle() == "Đồng Tháp — năm 2023 — SX&TDBV Desktop"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TITLES
    assert [m.title() for m in (window.menu(k) for k in ("file", "edit", "report", "help"))] == [
        "&Tệp", "&Chỉnh sửa", "&Báo cáo", "T&rợ giúp",
    ]  # fmt: skip
    english = [t for t in visible_texts(window) if ENGLISH.search(t.replace("&", ""))]
    assert english == []


def test_every_tab_shows_rows_of_the_default_plan(window: MainWindow) -> None:
    for i, tab in enumerate(window.tab_pages):
        window.tabs.setCurrentIndex(i)
        rows = any(p.model.rowCount() for p in tab.findChildren(TablePanel))
        pictures = [chart for chart in tab.findChildren(Chart) if not chart.is_empty()]
        assert rows or pictures, window.tabs.tabText(i)


def test_qts_own_context_menus_and_buttons_speak_vietnamese(qapp: QApplication) -> None:
    line, paragraph = QLineEdit(), QPlainTextEdit()
    menu = line.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert texts == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "&Xóa", "Chọn &tất cả"]
    other = paragraph.createStandardContextMenu()
    assert "&Sao chép" in [a.text().split("\t")[0] for a in other.actions()]


def test_extension_points_add_actions_and_set_read_only(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    imported = QAction("&Nhập báo cáo từ Excel…")
    window.add_action("file", imported, toolbar=True, edits=True)
    file_menu = [a.text() for a in window.menu("file").actions()]
    assert file_menu.index("&Nhập báo cáo từ Excel…") < file_menu.index("&Thoát")
    window.set_read_only("Một máy khác đang mở tệp dữ liệu này.")
    assert window.banner.isVisible() and "Một máy khác" in window.banner.text()
    assert not imported.isEnabled() and not window.add_item_action.isEnabled()
    tab = next(t for t in window.tab_pages if isinstance(t, AgenciesTab))
    window.tabs.setCurrentWidget(tab)
    index = tab.panel.proxy.index(0, 1)
    assert not tab.panel.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not tab.panel.proxy.setData(index, "Tên mới")
    assert not any(b.isEnabled() for b in tab.edit_buttons)
    window.set_read_only(None)
    assert imported.isEnabled() and not window.banner.isVisible()
    assert tab.panel.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable


def test_undo_is_refused_while_read_only(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    soct = agency_id(db, plan_id, "SoCT")
    window.session.perform(
        value_edit(
            "Sửa tên",
            lambda v: update_agency(db, soct, short_name=v),
            "Sở Công Thương",
            "SCT",
            AGENCIES,
        )
    )
    window.set_read_only("Tệp dữ liệu đang được sao lưu.")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.session.undo()
    assert get_agency(db, soct).short_name == "SCT"
    assert "Tệp dữ liệu đang được sao lưu." in window.status_text()
    window.set_read_only(None)
    window.undo_action.trigger()
    assert get_agency(db, soct).short_name == "Sở Công Thương"


def test_reload_reads_changes_made_behind_the_window(
    window: MainWindow, db: Database, plan_id: int
) -> None:
    tab = next(t for t in window.tab_pages if isinstance(t, AgenciesTab))
    window.tabs.setCurrentWidget(tab)
    update_agency(db, agency_id(db, plan_id, "SoCT"), name="Sở Công Thương Đồng Tháp")
    window.reload_action.trigger()
    assert tab.panel.proxy.index(0, 1).data() == "Sở Công Thương Đồng Tháp"


def test_next_years_plan_is_created_and_selected(
    window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def accept(dialog: NewPlanDialog) -> int:
        assert dialog.year.value() == 2024
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", accept)
    window.copy_plan_action.trigger()
    assert [p.year for p in list_plans(db)] == [2024, 2023]
    assert window.windowTitle().startswith("Đồng Tháp — năm 2024")
    assert window.plan_picker.count() == 2 and window.plan_picker.currentText().endswith("2024")
    window.plan_picker.activated.emit(1)
    assert window.session.plan_id == list_plans(db)[1].id


def line_field(fields: Mapping[str, QLineEdit | QPlainTextEdit], name: str) -> QLineEdit:
    field = fields[name]
    assert isinstance(field, QLineEdit), name
    return field


def text_field(fields: Mapping[str, QLineEdit | QPlainTextEdit], name: str) -> QPlainTextEdit:
    field = fields[name]
    assert isinstance(field, QPlainTextEdit), name
    return field


def test_report_settings_are_saved_from_the_dialog(
    window: MainWindow, db: Database, plan_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: ReportSettingsDialog) -> int:
        line_field(dialog.fields, "signer_name").setText("Nguyễn Văn A")
        dialog.report_date.setText("31/02/2024")
        dialog.buttons.accepted.emit()
        assert "Ngày không hợp lệ" in dialog.problem.text()
        dialog.report_date.setText("05/01/2024")
        assert dialog.rule.currentData() == deadline_rule.BEFORE
        dialog.rule.setCurrentIndex(dialog.rule.findData(deadline_rule.BY))
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(ReportSettingsDialog, "exec", fill)
    window.settings_action.trigger()
    saved = load(db, plan_id)
    assert (
        saved.signer_name == "Nguyễn Văn A"
        and present(saved.report_date).isoformat() == "2024-01-05"
    )
    assert deadline_rule.load(db, plan_id) == deadline_rule.BY
    window.undo_action.trigger()
    assert deadline_rule.load(db, plan_id) == deadline_rule.BEFORE
    window.undo_action.trigger()
    assert load(db, plan_id).signer_name == ""


def test_geometry_tab_and_plan_are_remembered(
    db: Database, db_path: Path, plan_id: int, qtbot: QtBot
) -> None:
    first = open_window(db_path, TEST_ACTOR)
    qtbot.addWidget(first)
    first.resize(700, 500)  # the headless screen is 800 × 600
    first.tabs.setCurrentIndex(4)
    first.close()
    first.session.db.close()
    assert QSettings().value("window/plan") == "Đồng Tháp|2023"
    again = open_window(db_path, TEST_ACTOR)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 4
    assert (again.width(), again.height()) == (700, 500)
    again.session.db.close()


def test_the_window_reopens_on_its_last_tab_without_reading_the_others(
    db_path: Path, qtbot: QtBot
) -> None:
    first = open_window(db_path, TEST_ACTOR)
    qtbot.addWidget(first)
    first.tabs.setCurrentIndex(1)
    first.close()
    first.session.db.close()
    again = open_window(db_path, TEST_ACTOR)
    qtbot.addWidget(again)
    tasks = again.current_tab()
    overview = next(t for t in again.tab_pages if isinstance(t, OverviewTab))
    assert isinstance(tasks, TasksTab) and tasks.model.rowCount() > 0
    assert overview.heading.text() == ""  # Tổng quan reads its data when first shown
    again.tabs.setCurrentWidget(overview)
    assert "Đồng Tháp" in overview.heading.text()
    again.session.db.close()


def test_a_refused_action_is_explained(
    window: MainWindow, db: Database, plan_id: int, prompts: ScriptedPrompts
) -> None:
    window.set_read_only("Tệp dữ liệu chỉ cho phép đọc.")
    tab = next(t for t in window.tab_pages if isinstance(t, AgenciesTab))
    window.tabs.setCurrentWidget(tab)
    tab.panel.select_key(agency_id(db, plan_id, "SoCT"))
    tab.delete_item()
    assert get_agency(db, agency_id(db, plan_id, "SoCT")).code == "SoCT"
    assert prompts.warnings == ["Tệp dữ liệu chỉ cho phép đọc."]


def test_a_new_file_opens_on_the_default_plan(tmp_path: Path, qtbot: QtBot) -> None:
    window = open_window(tmp_path / "moi.sqlite", TEST_ACTOR)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Đồng Tháp — năm 2023 — SX&TDBV Desktop"
    assert window.tabs.currentIndex() == 0 and window.session.undo_stack.count() == 0
    window.session.db.close()


def test_each_variant_of_the_report_has_its_own_settings(
    window: MainWindow, db: Database, plan_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: ReportSettingsDialog) -> int:
        ubnd = dialog.pages[UBND]
        issuing_body = text_field(ubnd.fields, "issuing_body").toPlainText()
        assert issuing_body == "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP"
        authority = text_field(ubnd.fields, "signer_authority").toPlainText()
        assert authority == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
        line_field(ubnd.fields, "signer_name").setText("Trần Văn B")
        line_field(dialog.fields, "drafting_unit").setText("QLCN")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(ReportSettingsDialog, "exec", fill)
    window.settings_action.trigger()
    assert load(db, plan_id, UBND).signer_name == "Trần Văn B"
    assert load(db, plan_id).signer_name == ""
    assert load(db, plan_id).recipient_lines[-1] == "- Lưu: VT, QLCN."
