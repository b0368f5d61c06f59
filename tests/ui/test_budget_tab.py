"""The "Kinh phí" tab: estimates and budget lines edited in whole đồng, totals and what is
still unallocated, invalid amounts refused with their reason, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop.budget import add_line, get_line, list_lines, list_sources
from sxtdbv_desktop.plans import get_plan
from sxtdbv_ui.dialogs.budget_line_dialog import BudgetLineDialog
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tabs.budget import BudgetTab
from tests.factories import agency_id
from tests.present import present
from tests.prompts import ScriptedPrompts
from tests.ui.helpers import cell, choose_in_cell, leave_cell, type_in_cell, type_text


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
    add_line(db, plan_id, list_sources(db, plan_id)[0].id)
    window.reload()
    tab = open_tab(window)
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
    add_line(db, plan_id, list_sources(db, plan_id)[0].id)
    window.reload()
    open_tab(window)
    prompts.yes = True
    window.delete_item_action.trigger()
    assert list_lines(db, plan_id) == []
    assert "Xóa dòng kinh phí" in prompts.asked[0]


def test_ctrl_n_asks_for_the_line_and_cancel_adds_nothing(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(window)
    answers = iter([False, True])

    def answer(dialog: BudgetLineDialog) -> int:
        if not next(answers):
            return 0  # Hủy
        dialog.description.setText("Hội nghị sơ kết")
        dialog.allocated.setText("120.000.000")
        dialog.agency.setCurrentIndex(dialog.agency.findText("Sở Công Thương"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(BudgetLineDialog, "exec", answer)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert list_lines(db, plan_id) == []  # asked, and cancelled: nothing added
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    (line,) = list_lines(db, plan_id)
    assert (line.description, line.allocated) == ("Hội nghị sơ kết", 120_000_000)
    assert line.agency_id == agency_id(db, plan_id, "SoCT")
    assert present(tab.line_panel.current_row()).line.id == line.id
