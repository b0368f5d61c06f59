"""The "Tổng quan" tab: indicators with verdicts and progress, money, who reported and who has
not (named), and the days left before the deadline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop.budget import add_line, list_sources
from sxtdbv_desktop.plans import copy_plan
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tabs.overview import OverviewTab
from sxtdbv_ui.workspace import Workspace
from tests.factories import DISTRICTS, file_report


def overview(session: Workspace, qtbot: QtBot) -> tuple[MainWindow, OverviewTab]:
    window = MainWindow(session)
    qtbot.addWidget(window)
    tab = window.tab_pages[0]
    assert isinstance(tab, OverviewTab) and window.tabs.currentWidget() is tab
    return window, tab


def test_the_overview_of_the_default_plan(session: Workspace, qtbot: QtBot) -> None:
    _window, tab = overview(session, qtbot)
    assert tab.heading.text().startswith("KẾ HOẠCH Thực hiện Chương trình hành động quốc gia")
    assert "10/12/2023" in tab.deadline.text() and "còn 9 ngày" in tab.deadline.text()
    assert "Nhiệm vụ (mục III): 17, đều đã phân công." in tab.tasks.text()
    assert "phân công đề xuất" in tab.tasks.text()
    assert [bar.verdict for bar in tab.indicator_chart.bars] == ["Chưa có số liệu"] * 8
    assert tab.budget_chart.is_empty() and not tab.reports_chart.is_empty()
    assert tab.figures["total"].text() == "3.235.715.000 đồng"
    assert tab.figures["received"].text() == "0/24 đơn vị (0,0 %)"
    assert "Sở Công Thương" in tab.figures["missing"].text()


def test_the_overview_after_reports_and_allocations(
    db: Database, plan_id: int, session: Workspace, qtbot: QtBot
) -> None:
    for code in DISTRICTS[:9]:
        file_report(db, plan_id, code, values={"5": {"answer": 1}})
    file_report(db, plan_id, "SoCT", received_on=dt.date(2023, 12, 11))
    add_line(db, plan_id, list_sources(db, plan_id)[0].id, allocated=1_000_000_000,
             disbursed=250_000_000)  # fmt: skip
    session.today = lambda: dt.date(2023, 12, 15)
    _window, tab = overview(session, qtbot)
    bars = {bar.code: bar for bar in tab.indicator_chart.bars}
    assert bars["5"].verdict == "Đạt (tạm tính)"  # 3 districts have not reported yet
    assert (bars["5"].figure, bars["5"].threshold_text) == ("75,0 % (9/12)", "≥ 70 %")
    assert bars["5"].value == 75.0 and bars["5"].threshold == 70.0
    assert "đã quá hạn 5 ngày" in tab.deadline.text()
    assert tab.figures["received"].text() == "10/24 đơn vị (41,7 %)"
    assert tab.figures["timeliness"].text() == "9 đúng hạn, 1 trễ hạn"
    missing = tab.figures["missing"]
    assert missing.text().startswith("<b>14</b>:") and missing.text().endswith("8 đơn vị khác")
    assert "H. Lai Vung" in missing.toolTip() and "Sở Công Thương" not in missing.toolTip()
    arrivals = tab.reports_chart.data
    assert arrivals is not None and arrivals.expected == 24
    assert sum(len(names) for _, names in arrivals.days) == 10
    assert (dt.date(2023, 12, 11), ["Sở Công Thương"]) in arrivals.days  # after the deadline
    assert tab.figures["allocated"].text() == "1.000.000.000 đồng (30,9 % tổng kinh phí)"
    assert tab.figures["disbursed"].text() == ("250.000.000 đồng (25,0 % kinh phí đã phân bổ)")


def test_the_overview_shows_last_years_result_beside_this_years(
    db: Database, plan_id: int, qapp: QApplication, qtbot: QtBot
) -> None:
    for n, code in enumerate(DISTRICTS):  # 2023: 8 of 12 districts
        file_report(db, plan_id, code, values={"5": {"answer": int(n < 8)}})
    new_id = copy_plan(db, plan_id, 2024)
    for code in DISTRICTS[:10]:  # 2024: 10 of 12 so far
        file_report(db, new_id, code, dt.date(2024, 12, 5), values={"5": {"answer": 1}})
    session = Workspace(db, new_id)
    session.today = lambda: dt.date(2024, 12, 6)
    _window, tab = overview(session, qtbot)
    bars = {bar.code: bar for bar in tab.indicator_chart.bars}
    assert bars["5"].previous == "Năm 2023: 66,7 % (8/12), gần mục tiêu hơn năm trước"
    assert bars["1"].previous == "Năm 2023: Chưa có số liệu"
    assert bars["5"].previous in bars["5"].tooltip


def test_a_finished_plan_year_is_spoken_of_as_finished(session: Workspace, qtbot: QtBot) -> None:
    session.today = lambda: dt.date(2026, 11, 30)  # a first start, years after the plan
    _window, tab = overview(session, qtbot)
    text = tab.deadline.text()
    assert "Kế hoạch năm 2023 đã kết thúc." in text and "quá hạn" not in text
    assert "10/12/2023" in text and "Tệp → Tạo kế hoạch năm sau…" in text


def test_no_agency_to_report_is_not_zero_of_zero(
    db: Database, plan_id: int, session: Workspace, qtbot: QtBot
) -> None:
    db.execute("UPDATE agencies SET must_report = 0")
    _window, tab = overview(session, qtbot)
    assert tab.figures["received"].text() == "chưa có đơn vị nào phải báo cáo"
