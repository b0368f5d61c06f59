"""The "Chỉ tiêu" tab: thresholds edited in place (and refused when impossible), consolidated
results, and for the selected indicator each agency's contribution."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop.indicators import get_indicator, list_indicators, reporter_ids, reporters
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tabs.indicators import IndicatorsTab
from tests.factories import DISTRICTS, agency_id, file_report
from tests.ui.helpers import cell, leave_cell, shown_texts, type_in_cell


def open_tab(window: MainWindow) -> IndicatorsTab:
    tab = next(t for t in window.tab_pages if isinstance(t, IndicatorsTab))
    window.tabs.setCurrentWidget(tab)
    return tab


def by_code(db: Database, plan_id: int, code: str) -> int:
    return next(i.id for i in list_indicators(db, plan_id) if i.code == code)


def test_consolidated_results_and_each_districts_contribution(
    db: Database, plan_id: int, session: object, qtbot: QtBot
) -> None:
    for code in DISTRICTS[:8]:
        file_report(db, plan_id, code, values={"5": {"answer": 1}})
    file_report(db, plan_id, DISTRICTS[8], values={"5": {"answer": 0}})
    window = MainWindow(session)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    tab = open_tab(window)
    five = by_code(db, plan_id, "5")
    assert cell(tab.panel, five, "Kết quả").data() == "66,7 % (8/12)"
    assert cell(tab.panel, five, "Đánh giá").data() == "Chưa đạt (tạm tính)"
    assert cell(tab.panel, five, "Đã báo cáo").data() == "9/12"
    assert cell(tab.panel, five, "Đánh giá").data(Qt.ItemDataRole.ToolTipRole) == (
        "09/12 huyện, thành phố đã báo cáo: 08 có, 01 không; 03 chưa báo cáo"
    )
    tab.panel.select_key(five)
    assert tab.contributions.rowCount() == 12
    names = shown_texts(tab.contribution_panel, "Đơn vị")
    figures = dict(
        zip(names, shown_texts(tab.contribution_panel, "Kết quả của đơn vị"), strict=True)
    )
    assert figures["UBND thành phố Cao Lãnh"] == "Có"
    assert figures["UBND huyện Cao Lãnh"] == "Không"
    assert figures["UBND huyện Châu Thành"] == ""


def test_editing_a_threshold_changes_the_verdict_and_undo_restores(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    two_a = by_code(db, plan_id, "2a")
    type_in_cell(qtbot, tab.panel, cell(tab.panel, two_a, "Ngưỡng đạt"), "75")
    assert get_indicator(db, two_a).threshold == 75
    assert cell(tab.panel, two_a, "Ngưỡng đạt").data() == "≥ 75 %"
    window.undo_action.trigger()
    assert get_indicator(db, two_a).threshold == 80


def test_impossible_thresholds_are_refused_with_the_reason(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    two_a = by_code(db, plan_id, "2a")
    editor = type_in_cell(qtbot, tab.panel, cell(tab.panel, two_a, "Ngưỡng đạt"), "80,5")
    assert editor.property("invalid") is True
    leave_cell(tab.panel)
    assert "phải là số nguyên phần trăm từ 0 đến 100" in window.status_text()
    type_in_cell(qtbot, tab.panel, cell(tab.panel, two_a, "Ngưỡng đạt"), "120")
    assert "'120' phải là số nguyên phần trăm từ 0 đến 100" in window.status_text()
    assert get_indicator(db, two_a).threshold == 80


def test_choosing_who_reports_an_indicator(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sxtdbv_ui.dialogs.agency_roles_dialog import AgencyRolesDialog

    tab = open_tab(window)
    two_b = by_code(db, plan_id, "2b")  # proposed: Sở NN&PTNT (làng nghề)
    tab.panel.select_key(two_b)
    soct, nn = agency_id(db, plan_id, "SoCT"), agency_id(db, plan_id, "SoNNPTNT")

    def pick(dialog: AgencyRolesDialog) -> int:
        dialog.model.setData(cell(dialog.panel, soct, "Vai trò"), "reporter")
        dialog.model.setData(cell(dialog.panel, nn, "Vai trò"), "")
        return 1

    monkeypatch.setattr(AgencyRolesDialog, "exec", pick)
    tab.choose_reporters()
    assert reporter_ids(db, get_indicator(db, two_b)) == [soct]
    assert not any(r.proposed for r in reporters(db, two_b))
    assert shown_texts(tab.contribution_panel, "Đơn vị") == ["Sở Công Thương"]
    assert shown_texts(tab.contribution_panel, "Báo cáo") == ["Chưa có báo cáo"]
    window.undo_action.trigger()
    assert [(r.agency_id, r.proposed) for r in reporters(db, two_b)] == [(nn, True)]


def test_the_list_of_agencies_under_ubnd_tinh_for_indicator_six_is_editable(
    window: MainWindow, db: Database, plan_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sxtdbv_ui.dialogs.agency_roles_dialog import AgencyRolesDialog

    tab = open_tab(window)
    six = by_code(db, plan_id, "6")
    assert len(reporter_ids(db, get_indicator(db, six))) == 12
    tab.panel.select_key(six)
    press = agency_id(db, plan_id, "BaoChi")

    def pick(dialog: AgencyRolesDialog) -> int:
        assert any("mẫu số của tỷ lệ" in label.text() for label in dialog.findChildren(QLabel))
        dialog.model.setData(cell(dialog.panel, press, "Vai trò"), "reporter")
        return 1

    monkeypatch.setattr(AgencyRolesDialog, "exec", pick)
    tab.choose_reporters()
    assert len(reporter_ids(db, get_indicator(db, six))) == 13


def test_searching_indicators(window: MainWindow, qtbot: QtBot) -> None:
    tab = open_tab(window)
    qtbot.keyClicks(tab.panel.search, "lang nghe")
    assert shown_texts(tab.panel, "Mã") == ["2b"]


def test_a_percent_threshold_is_typed_as_the_cell_shows_it(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    tab = open_tab(window)
    two_a = by_code(db, plan_id, "2a")
    assert cell(tab.panel, two_a, "Ngưỡng đạt").data() == "≥ 80 %"
    for typed, saved in (("85 %", 85), ("90%", 90), ("75", 75)):
        type_in_cell(qtbot, tab.panel, cell(tab.panel, two_a, "Ngưỡng đạt"), typed)
        assert get_indicator(db, two_a).threshold == saved, typed
    type_in_cell(qtbot, tab.panel, cell(tab.panel, two_a, "Mức vượt"), "95 %")
    assert get_indicator(db, two_a).exceed_above == 95
    models = by_code(db, plan_id, "1")  # a count: a number of models, not a percentage
    type_in_cell(qtbot, tab.panel, cell(tab.panel, models, "Ngưỡng đạt"), "2")
    assert get_indicator(db, models).threshold == 2


def test_reporters_never_read_one_of_zero(window: MainWindow, db: Database, plan_id: int) -> None:
    from sxtdbv_desktop.indicators import set_reporters

    two_a = by_code(db, plan_id, "2a")
    set_reporters(db, two_a, [])
    window.reload()
    tab = open_tab(window)
    index = cell(tab.panel, two_a, "Đã báo cáo")
    assert index.data() == "chưa giao"
    assert "Chưa có đơn vị nào được giao" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert not any(t.endswith("/0") for t in shown_texts(tab.panel, "Đã báo cáo"))
