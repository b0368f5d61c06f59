"""The "Báo cáo đơn vị" tab and the report dialog: one row per agency and period, entering a
report's results, and its life cycle (submit, accept read-only, return, reopen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.tasks import tasks_of_agency
from sxtdbv_ui.dialogs.report_dialog import ReportDialog
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tabs.reports import ReportsTab
from sxtdbv_ui.workspace import Workspace
from tests.factories import agency_id, file_report
from tests.prompts import ScriptedPrompts
from tests.ui.conftest import TODAY
from tests.ui.helpers import cell, choose_in_cell, leave_cell, shown_texts, type_in_cell


def open_tab(window: MainWindow) -> ReportsTab:
    tab = next(t for t in window.tab_pages if isinstance(t, ReportsTab))
    window.tabs.setCurrentWidget(tab)
    return tab


def key(db: Database, plan_id: int, code: str) -> tuple[int, int]:
    return (main_period(db, plan_id).id, agency_id(db, plan_id, code))


def test_one_row_per_reporting_agency_with_its_timeliness(
    db: Database, plan_id: int, session: Workspace, qtbot: QtBot
) -> None:
    file_report(db, plan_id, "SoCT", received_on=dt.date(2023, 12, 5))
    file_report(db, plan_id, "HLapVo", received_on=dt.date(2023, 12, 12))
    window = MainWindow(session)
    qtbot.addWidget(window)
    tab = open_tab(window)
    assert tab.model.rowCount() == 24  # the press and the associations need not report
    assert cell(tab.panel, key(db, plan_id, "SoCT"), "Đúng hạn / trễ hạn").data() == "Đúng hạn"
    assert cell(tab.panel, key(db, plan_id, "HLapVo"), "Đúng hạn / trễ hạn").data() == "Trễ hạn"
    assert cell(tab.panel, key(db, plan_id, "HLapVo"), "Ngày nhận").data() == "12/12/2023"
    assert cell(tab.panel, key(db, plan_id, "SoTC"), "Trạng thái").data() == "Chưa có báo cáo"
    qtbot.keyClicks(tab.panel.search, "tre han")
    assert shown_texts(tab.panel, "Cơ quan") == ["UBND huyện Lấp Vò"]


def test_submit_accept_return_and_reopen_from_the_tab(
    window: MainWindow, db: Database, plan_id: int, prompts: ScriptedPrompts
) -> None:
    tab = open_tab(window)
    row_key = key(db, plan_id, "SoTC")
    tab.panel.select_key(row_key)
    tab.submit_button.click()
    report = reports.find_report(db, *row_key)
    assert report is not None and report.status == "submitted" and report.received_on == TODAY
    assert cell(tab.panel, row_key, "Trạng thái").data() == "Đã nộp"
    tab.return_button.click()
    assert reports.get_report(db, report.id).review_note == "Thiếu số liệu chỉ tiêu 5."
    tab.submit_button.click()
    tab.accept_button.click()
    assert reports.get_report(db, report.id).status == "accepted"
    assert not tab.accept_button.isEnabled() and tab.reopen_button.isEnabled()
    prompts.text = None  # cancelled: nothing happens
    tab.reopen_button.click()
    assert reports.get_report(db, report.id).status == "accepted"
    prompts.text = "Đơn vị gửi lại số liệu."
    tab.reopen_button.click()
    assert reports.get_report(db, report.id).status == "submitted"


def test_returning_without_a_reason_is_refused(
    window: MainWindow, db: Database, plan_id: int, prompts: ScriptedPrompts
) -> None:
    report = file_report(db, plan_id, "SoCT")
    window.reload()
    tab = open_tab(window)
    tab.panel.select_key(key(db, plan_id, "SoCT"))
    prompts.text = "   "
    tab.return_button.click()
    assert reports.get_report(db, report.id).status == "submitted"
    assert prompts.warnings == ["Lý do trả lại: cần ghi rõ để đơn vị biết phải sửa gì."]


def test_entering_a_report_in_the_dialog(
    session: Workspace, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    soct = agency_id(db, plan_id, "SoCT")
    report = reports.ensure_report(db, main_period(db, plan_id).id, soct)
    dialog = ReportDialog(session, report.id)
    qtbot.addWidget(dialog)
    dialog.show()
    task = tasks_of_agency(db, plan_id, soct)[0]
    tasks = dialog.task_panel
    choose_in_cell(qtbot, tasks, cell(tasks, task.id, "Trạng thái"), "Hoàn thành")
    type_in_cell(qtbot, tasks, cell(tasks, task.id, "Tiến độ"), "100")
    type_in_cell(qtbot, tasks, cell(tasks, task.id, "Kinh phí đã chi"), "12.000.000")
    (result,) = reports.task_results(db, report.id)
    assert (result.status, result.progress, result.spent) == ("done", 100, 12_000_000)
    editor = type_in_cell(qtbot, tasks, cell(tasks, task.id, "Tiến độ"), "150")
    assert "từ 0 đến 100" in editor.toolTip()
    leave_cell(tasks)
    assert reports.task_results(db, report.id)[0].progress == 100
    assert "Không lưu" in dialog.problem.text()
    six = next(i for i in list_indicators(db, plan_id) if i.code == "6")
    values = dialog.indicator_panel
    dialog.pages.setCurrentWidget(values)
    choose_in_cell(qtbot, values, cell(values, (six.id, "answer"), "Số liệu"), "Có")
    assert reports.indicator_values(db, report.id)[0].answer == 1
    dialog.pages.setCurrentIndex(2)
    dialog.texts["difficulties"].setPlainText("Thiếu kinh phí tuyên truyền.")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert reports.get_report(db, report.id).difficulties == "Thiếu kinh phí tuyên truyền."
    for _ in range(3):  # Ctrl+Z in the dialog undoes the session's edits one by one
        qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reports.get_report(db, report.id).difficulties == ""
    assert reports.indicator_values(db, report.id) == []
    assert reports.task_results(db, report.id)[0].spent is None
    assert cell(tasks, task.id, "Kinh phí đã chi").data() == ""
    for _ in range(2):
        qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reports.task_results(db, report.id) == []  # the first entry leaves no row
    qtbot.keyClick(dialog, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert reports.task_results(db, report.id)[0].status == "done"


def test_an_accepted_report_is_read_only_with_the_reason(
    session: Workspace, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    report = file_report(db, plan_id, "SoCT")
    reports.accept(db, report.id)
    dialog = ReportDialog(session, report.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "đã được chấp nhận" in dialog.banner.text() and dialog.banner.isVisible()
    tasks = dialog.task_panel
    first = tasks.proxy.index(0, 3)
    assert not tasks.proxy.flags(first) & Qt.ItemFlag.ItemIsEditable
    assert dialog.texts["proposals"].isReadOnly()
    assert dialog.reopen_button.isEnabled() and not dialog.submit_button.isEnabled()


def test_exporting_one_agencys_report_to_excel(
    window: MainWindow, db: Database, plan_id: int, tmp_path: Path,
    prompts: ScriptedPrompts,
) -> None:  # fmt: skip
    file_report(db, plan_id, "HLapVo", values={"5": {"answer": 1}})
    window.reload()
    tab = open_tab(window)
    tab.panel.select_key(key(db, plan_id, "SoTC"))
    assert not tab.export_button.isEnabled()  # nothing to export yet
    tab.panel.select_key(key(db, plan_id, "HLapVo"))
    target = tmp_path / "bao-cao-lap-vo.xlsx"
    prompts.files.append(target)
    tab.export_button.click()
    sheet = load_workbook(target).active
    assert sheet is not None
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts[0] == "BÁO CÁO CỦA UBND HUYỆN LẤP VÒ — NĂM 2023"


def test_spending_by_source_the_received_date_and_what_is_missing(
    session: Workspace, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    lap_vo = agency_id(db, plan_id, "HLapVo")
    report = reports.ensure_report(db, main_period(db, plan_id).id, lap_vo)
    dialog = ReportDialog(session, report.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.missing.isVisible()
    assert dialog.missing.text().startswith("Còn thiếu ")
    assert "Kinh phí: kinh phí đã sử dụng theo nguồn" in dialog.missing.text()
    spending = dialog.spending_panel
    district_budget = next(s for s in list_sources(db, plan_id) if s.name == "Ngân sách huyện")
    dialog.pages.setCurrentIndex(2)
    type_in_cell(qtbot, spending, cell(spending, district_budget.id,
                                       "Kinh phí đã sử dụng (đồng)"), "45.000.000")  # fmt: skip
    assert reports.source_spending(db, report.id) == [
        reports.SourceSpending(district_budget.id, 45_000_000)
    ]
    assert "Kinh phí: kinh phí đã sử dụng" not in dialog.missing.text()
    dialog.pages.setCurrentIndex(3)
    dialog.received.setText("11/12/2023")
    dialog.document_number.setText("125/BC-UBND")
    dialog.document_date.setText("08/12/2023")
    assert dialog.save_document()
    saved = reports.get_report(db, report.id)
    assert saved.received_on == dt.date(2023, 12, 11)
    assert (saved.document_number, saved.document_date) == ("125/BC-UBND", dt.date(2023, 12, 8))
    dialog.document_date.setText("31/02/2023")
    assert not dialog.save_document()
    assert "Ngày văn bản" in dialog.problem.text()
    assert reports.get_report(db, report.id).document_date == dt.date(2023, 12, 8)
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reports.get_report(db, report.id).document_number == ""


def test_submitting_asks_the_received_date_today_proposed(
    window: MainWindow, db: Database, plan_id: int, prompts: ScriptedPrompts
) -> None:
    tab = open_tab(window)
    row_key = key(db, plan_id, "SoTC")
    tab.panel.select_key(row_key)
    prompts.cancel_date = True  # the clerk closes the question: nothing is recorded
    tab.submit_button.click()
    assert reports.find_report(db, *row_key) is None
    prompts.cancel_date, prompts.date = False, dt.date(2023, 11, 28)  # came by post last week
    tab.submit_button.click()
    report = reports.find_report(db, *row_key)
    assert report is not None and report.received_on == dt.date(2023, 11, 28)
    assert "Ngày Sở nhận được báo cáo của Sở Tài chính" in prompts.asked[-1]
    assert "Nhận báo cáo của Sở Tài chính ngày 28/11/2023" in window.status_text()


def test_opening_a_report_creates_no_draft_until_something_is_typed(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(window)
    row_key = key(db, plan_id, "SoCT")
    tab.panel.select_key(row_key)
    opened: list[ReportDialog] = []

    def keep(dialog: ReportDialog) -> int:
        opened.append(dialog)
        return 0

    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(ReportDialog, "exec", keep)
    tab.open_report()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    dialog.show()
    assert reports.find_report(db, *row_key) is None  # just looking made nothing
    assert "Chưa có báo cáo" in dialog.header.text() and "Tạo báo cáo" not in window.status_text()
    assert dialog.submit_button.isEnabled() and not dialog.accept_button.isEnabled()
    task_id = dialog.tasks.row(0).task_id
    type_in_cell(qtbot, dialog.task_panel, cell(dialog.task_panel, task_id, "Tiến độ"), "40 %")
    report = reports.find_report(db, *row_key)
    assert report is not None and report.status == "draft"
    assert [r.progress for r in reports.task_results(db, report.id)] == [40]
    dialog.reject()


def test_a_refused_first_value_leaves_no_empty_draft(
    session: Workspace, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    from sxtdbv_ui.models.report_ref import ReportRef

    ref = ReportRef(session, main_period(db, plan_id).id, agency_id(db, plan_id, "SoCT"))
    dialog = ReportDialog(session, ref)
    qtbot.addWidget(dialog)
    source = list_sources(db, plan_id)[0]
    assert not dialog.spending.setData(
        cell(dialog.spending_panel, source.id, "Kinh phí đã sử dụng (đồng)"), -5
    )
    assert reports.find_report(db, *key(db, plan_id, "SoCT")) is None
