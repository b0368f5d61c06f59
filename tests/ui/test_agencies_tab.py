"""The "Cơ quan" tab driven as a user would: edits land in the database, invalid ones are
refused with their reason, the search box filters, Ctrl+Z restores."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.agencies import find_agency, get_agency
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tabs.agencies import AgenciesTab
from tests.factories import agency_id, file_report
from tests.prompts import ScriptedPrompts
from tests.ui.helpers import cell, leave_cell, shown_texts, type_in_cell


def open_tab(window: MainWindow) -> AgenciesTab:
    tab = next(t for t in window.tab_pages if isinstance(t, AgenciesTab))
    window.tabs.setCurrentWidget(tab)
    return tab


def test_renaming_an_agency_in_the_table_saves_it_and_undo_restores(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    soct = agency_id(db, plan_id, "SoCT")
    type_in_cell(qtbot, tab.panel, cell(tab.panel, soct, "Tên viết tắt"), "SCT Đồng Tháp")
    assert get_agency(db, soct).short_name == "SCT Đồng Tháp"
    assert "Đã lưu" in window.status_text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_agency(db, soct).short_name == "Sở Công Thương"
    assert "SCT Đồng Tháp" not in shown_texts(tab.panel, "Tên viết tắt")
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert get_agency(db, soct).short_name == "SCT Đồng Tháp"


def test_an_invalid_code_is_refused_with_its_reason(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    soct = agency_id(db, plan_id, "SoCT")
    editor = type_in_cell(qtbot, tab.panel, cell(tab.panel, soct, "Mã"), "Sở CT")
    # The core's rule: letters without accents, digits and "_" only.
    leave_cell(tab.panel)
    assert get_agency(db, soct).code == "SoCT"
    assert "Mã cơ quan" in window.status_text() and "Không lưu" in window.status_text()
    assert editor is not None


def test_an_empty_name_is_shown_invalid_while_typing_and_never_saved(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    soct = agency_id(db, plan_id, "SoCT")
    editor = type_in_cell(qtbot, tab.panel, cell(tab.panel, soct, "Tên cơ quan"), "   ")
    assert editor.isVisible(), "Enter does not close an editor holding an invalid value"
    assert editor.property("invalid") is True
    assert "Tên cơ quan: không được để trống." in editor.toolTip()
    leave_cell(tab.panel)
    assert get_agency(db, soct).name == "Sở Công Thương"
    assert "không được để trống" in window.status_text()


def test_searching_without_accents_finds_the_agency(window: MainWindow, qtbot: QtBot) -> None:
    tab = open_tab(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.panel.search.hasFocus()
    qtbot.keyClicks(tab.panel.search, "lap vo")
    assert shown_texts(tab.panel, "Tên cơ quan") == ["UBND huyện Lấp Vò"]
    tab.panel.search.clear()
    assert tab.panel.proxy.rowCount() == tab.model.rowCount() == 26


def test_unticking_must_report_saves_it(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    soct = agency_id(db, plan_id, "SoCT")
    index = cell(tab.panel, soct, "Phải báo cáo")
    tab.panel.proxy.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert get_agency(db, soct).must_report == 0


def test_deleting_an_agency_asks_first(
    window: MainWindow, db: Database, plan_id: int, prompts: ScriptedPrompts
) -> None:
    tab = open_tab(window)
    tab.panel.select_key(agency_id(db, plan_id, "BaoChi"))
    prompts.yes = False
    window.delete_item_action.trigger()
    assert find_agency(db, plan_id, "BaoChi") is not None
    prompts.yes = True
    window.delete_item_action.trigger()
    assert find_agency(db, plan_id, "BaoChi") is None
    assert "Các cơ quan báo chí" in prompts.asked[0]
    assert tab.model.rowCount() == 25


def test_deleting_says_what_goes_and_keeps_an_accepted_report(
    window: MainWindow, db: Database, plan_id: int, prompts: ScriptedPrompts
) -> None:
    report = file_report(db, plan_id, "HLapVo")
    tab = open_tab(window)
    tab.panel.select_key(agency_id(db, plan_id, "HLapVo"))
    prompts.yes = False
    window.delete_item_action.trigger()
    assert "1 báo cáo (nháp, đã nộp hoặc bị trả lại)" in prompts.asked[-1]
    assert "phân công nhiệm vụ" in prompts.asked[-1]
    reports.accept(db, report.id)
    asked = len(prompts.asked)
    window.delete_item_action.trigger()
    assert len(prompts.asked) == asked  # not even asked: it cannot go
    assert "hãy mở lại báo cáo đó trước" in prompts.warnings[-1]
    assert find_agency(db, plan_id, "HLapVo") is not None


def test_agencies_the_plan_does_not_name_are_marked_with_their_basis(
    window: MainWindow, db: Database, plan_id: int
) -> None:
    tab = open_tab(window)
    health = cell(tab.panel, agency_id(db, plan_id, "SoYT"), "Tên cơ quan")
    assert health.data() == "Sở Y tế (bổ sung, không nêu tên trong Kế hoạch)"
    assert "V.10" in health.data(Qt.ItemDataRole.ToolTipRole)
    named = cell(tab.panel, agency_id(db, plan_id, "SoTC"), "Tên cơ quan")
    assert named.data() == "Sở Tài chính"
