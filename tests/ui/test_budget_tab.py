"""The "Kinh phí" tab: estimates and budget lines edited in whole đồng, totals and what is
still unallocated, invalid amounts refused with their reason, undo."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop.budget import get_line, list_lines, list_sources
from sxtdbv_desktop.plans import get_plan
from tests.factories import agency_id
from tests.prompts import ScriptedPrompts
from tests.ui.helpers import cell, choose_in_cell, leave_cell, type_in_cell, type_text
from ui.main_window import MainWindow
from ui.tabs.budget import BudgetTab


def open_tab(window: MainWindow) -> BudgetTab:
    tab = next(t for t in window.tab_pages if isinstance(t, BudgetTab))
    window.tabs.setCurrentWidget(tab)
    return tab


def test_an_estimate_typed_with_dots_is_saved_in_dong(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    source = list_sources(db, plan_id)[0]
    type_in_cell(qtbot, tab.source_panel, cell(tab.source_panel, source.id, "Dự toán"),
                 "1.500.000.000 đồng")  # fmt: skip
    assert list_sources(db, plan_id)[0].estimate == 1_500_000_000
    assert cell(tab.source_panel, source.id, "Dự toán").data() == "1.500.000.000 đồng"
    window.undo_action.trigger()
    assert list_sources(db, plan_id)[0].estimate is None


def test_a_decimal_amount_is_refused(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    source = list_sources(db, plan_id)[0]
    editor = type_in_cell(qtbot, tab.source_panel, cell(tab.source_panel, source.id, "Dự toán"),
                          "1.000,5")  # fmt: skip
    assert "Số tiền không hợp lệ" in editor.toolTip()
    leave_cell(tab.source_panel)
    assert list_sources(db, plan_id)[0].estimate is None
    assert "Dự toán: Số tiền không hợp lệ: '1.000,5'" in window.status_text()


def test_budget_lines_totals_and_the_disbursement_rule(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    window.add_item_action.trigger()
    (line,) = list_lines(db, plan_id)
    panel = tab.line_panel
    type_in_cell(qtbot, panel, cell(panel, line.id, "Phân bổ"), "235.715.000")
    choose_in_cell(qtbot, panel, cell(panel, line.id, "Cơ quan"), "Sở Công Thương")
    assert get_line(db, line.id).allocated == 235_715_000
    assert get_line(db, line.id).agency_id == agency_id(db, plan_id, "SoCT")
    assert tab.figures["unallocated"].text() == "3.000.000.000 đồng"
    type_in_cell(qtbot, panel, cell(panel, line.id, "Giải ngân"), "300.000.000")
    assert get_line(db, line.id).disbursed == 0
    assert "không được lớn hơn kinh phí được phân bổ" in window.status_text()
    type_in_cell(qtbot, panel, cell(panel, line.id, "Giải ngân"), "100.000.000")
    assert "42,4 %" in tab.figures["disbursed"].text()


def test_the_plan_total_is_edited_and_checked(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    tab.total.selectAll()
    type_text(tab.total, "abc")
    assert tab.total.property("invalid") is True
    tab.total.selectAll()
    type_text(tab.total, "4.000.000.000")
    tab.total.editingFinished.emit()
    assert get_plan(db, plan_id).total_budget == 4_000_000_000
    assert tab.figures["words"].text() == "Bằng chữ: Bốn tỷ đồng"
    window.undo_action.trigger()
    assert get_plan(db, plan_id).total_budget == 3_235_715_000


def test_deleting_a_budget_line_asks_first(
    window: MainWindow, db: Database, plan_id: int, prompts: ScriptedPrompts
) -> None:
    open_tab(window)
    window.add_item_action.trigger()
    prompts.yes = True
    window.delete_item_action.trigger()
    assert list_lines(db, plan_id) == []
    assert "Xóa dòng kinh phí" in prompts.asked[0]
