"""Tables as an Excel user expects: several rows selected, Ctrl+C copies them with the headers
(cells in Excel, figures as numbers), the right-click menu, export of the selection or the
table to Excel, printing on A4 landscape with a title and page numbers, Tab to the next cell,
long texts edited over several lines."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.budget import list_sources, set_estimate
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_ui import operations
from sxtdbv_ui.delegates import LongTextEditor
from sxtdbv_ui.dialogs.report_dialog import ReportDialog
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tables import export
from sxtdbv_ui.tables.printing import print_snapshot, table_printer
from sxtdbv_ui.tables.snapshot import Cell, Snapshot, as_html, as_tsv
from sxtdbv_ui.tabs.budget import BudgetTab
from sxtdbv_ui.tabs.tasks import TasksTab
from sxtdbv_ui.workspace import Workspace
from tests.factories import agency_id
from tests.present import present
from tests.prompts import ScriptedPrompts
from tests.ui.helpers import cell, open_editor, type_text

TEXT = 2  # the column of the task's text (the group's, before it, is hidden)


def tasks_tab(window: MainWindow) -> TasksTab:
    tab = next(t for t in window.tab_pages if isinstance(t, TasksTab))
    window.tabs.setCurrentWidget(tab)
    return tab


def select_rows(tab: TasksTab, first: int, last: int) -> None:
    view = tab.panel.view
    view.setCurrentIndex(view.model().index(first, 0))
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(first, last + 1):
        view.selectionModel().select(view.model().index(row, 0), flags)


def test_several_rows_are_selected_with_shift_as_in_excel(window: MainWindow, qtbot: QtBot) -> None:
    view = tasks_tab(window).panel.view
    qtbot.waitExposed(view)
    view.scrollToTop()
    first = view.visualRect(view.model().index(0, TEXT)).center()
    third = view.visualRect(view.model().index(2, TEXT)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ShiftModifier, third)  # fmt: skip
    assert view.selected_rows() == [0, 1, 2]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, first)  # fmt: skip
    assert view.selected_rows() == [1, 2]


def test_ctrl_c_copies_the_selected_rows_with_the_headers(window: MainWindow, qtbot: QtBot) -> None:
    tab = tasks_tab(window)
    select_rows(tab, 0, 1)
    qtbot.keyClick(tab.panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().mimeData()
    lines = copied.text().split("\r\n")
    assert lines[0].split("\t")[:3] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"]
    assert lines[1].startswith("III.1.1\t") and lines[2].startswith("III.1.2\t")
    assert len(lines) == 4 and lines[3] == ""  # two rows, each line ended as Excel ends them
    assert "<th>STT</th>" in copied.html()


def test_copied_figures_paste_into_excel_as_numbers() -> None:
    shot = Snapshot(
        "Kinh phí",
        "",
        ["Nguồn", "Dự toán", "Ghi chú"],
        [False, True, False],
        [[Cell("Sự nghiệp kinh tế"), Cell("1.500.000.000 đồng", 1_500_000_000),
          Cell('Hai dòng\n"trích"')]],
    )  # fmt: skip
    assert as_tsv(shot).splitlines()[1] == ('Sự nghiệp kinh tế\t1.500.000.000 đồng\t"Hai dòng')
    assert "x:num='1500000000'" in as_html(shot)
    assert "&quot;trích&quot;" in as_html(shot)


def test_the_right_click_menu_offers_copy_export_and_print(window: MainWindow) -> None:
    view = tasks_tab(window).panel.view
    texts = [a.text() if a else "—" for a in view.menu_actions]
    assert texts == [
        "&Sao chép các dòng đã chọn", "Sao chép ô &này", "Chọn &tất cả", "—",
        "&Xuất các dòng đã chọn ra Excel…", "Xuất &cả bảng ra Excel…", "—", "&In bảng…",
    ]  # fmt: skip
    view.setCurrentIndex(view.model().index(0, 0))
    present(view.menu_actions[1]).trigger()
    assert QGuiApplication.clipboard().text() == "III.1.1"


def test_the_selection_and_the_table_export_to_excel(
    window: MainWindow, db: Database, plan_id: int, qtbot: QtBot, *, prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:  # fmt: skip
    set_estimate(db, list_sources(db, plan_id)[0].id, 1_500_000_000)
    window.reload()
    tab = next(t for t in window.tab_pages if isinstance(t, BudgetTab))
    window.tabs.setCurrentWidget(tab)
    view = tab.source_panel.view
    view.setCurrentIndex(view.model().index(0, 0))
    prompts.files += [tmp_path / "chon.xlsx", tmp_path / "ca-bang.xlsx"]
    view.export_selection()
    qtbot.waitUntil(operations.idle, timeout=10_000)
    view.export_all()
    qtbot.waitUntil(operations.idle, timeout=10_000)
    assert prompts.offered[0].name == "NguonKinhPhi.xlsx"
    chosen = openpyxl.load_workbook(tmp_path / "chon.xlsx").active
    assert chosen is not None
    rows = [[c.value for c in row] for row in chosen.iter_rows() if any(c.value for c in row)]
    assert rows[0][0].startswith("Nguồn kinh phí (xuất ngày ")
    assert rows[1][:2] == ["Nguồn kinh phí", "Dự toán"]
    assert rows[2][:2] == ["Sự nghiệp kinh tế", 1_500_000_000]  # a number, not text
    assert len(rows) == 3
    whole = openpyxl.load_workbook(tmp_path / "ca-bang.xlsx").active
    assert whole is not None and whole.max_row == 3 + 5
    assert prompts.notices[-1].startswith("Đã xuất 5 dòng của bảng «Nguồn kinh phí»")


def test_a_table_prints_on_a4_landscape_with_a_title_and_page_numbers(
    tmp_path: Path, qapp: QApplication
) -> None:
    rows = [[Cell(f"{n}"), Cell(f"Nhiệm vụ số {n} của kế hoạch")] for n in range(1, 121)]
    shot = Snapshot("Nhiệm vụ của kế hoạch", "Đồng Tháp — năm 2023", ["STT", "Nhiệm vụ"],
                    [True, False], rows)  # fmt: skip
    printer = table_printer(shot.title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "bang.pdf"))
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    pages = print_snapshot(shot, printer)
    reader = PdfReader(tmp_path / "bang.pdf")
    assert len(reader.pages) == pages >= 3
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    first, second = (" ".join(page.extract_text().split()) for page in reader.pages[:2])
    assert "NHIỆM VỤ CỦA KẾ HOẠCH" in first and "Đồng Tháp — năm 2023" in first
    assert f"Trang 1/{pages}" in first and f"Trang 2/{pages}" in second
    assert "STT" in second  # the header row again on every page
    assert "Nhiệm vụ số 120" in " ".join(reader.pages[-1].extract_text().split())


def test_tab_moves_to_the_next_cell_inside_the_table(window: MainWindow, qtbot: QtBot) -> None:
    view = tasks_tab(window).panel.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, TEXT))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, TEXT + 1)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.currentIndex().column() == TEXT


def test_a_long_result_is_typed_over_several_lines(
    session: Workspace, db: Database, plan_id: int, qtbot: QtBot
) -> None:
    period = main_period(db, plan_id).id
    report = reports.ensure_report(db, period, agency_id(db, plan_id, "SoCT"))
    dialog = ReportDialog(session, report.id)
    qtbot.addWidget(dialog)
    dialog.show()
    task_id = dialog.tasks.row(0).task_id
    editor = open_editor(qtbot, dialog.task_panel, cell(dialog.task_panel, task_id,
                                                        "Kết quả thực hiện"))  # fmt: skip
    assert isinstance(editor, LongTextEditor)
    assert editor.height() > 4 * dialog.task_panel.view.rowHeight(0)
    type_text(editor, "Đã tổ chức 02 hội nghị.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    type_text(editor, "Có 150 doanh nghiệp tham dự.")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # saves and moves on, as in Excel
    qtbot.waitUntil(lambda: bool(reports.task_results(db, report.id)))
    (saved,) = reports.task_results(db, report.id)
    assert saved.result == "Đã tổ chức 02 hội nghị.\nCó 150 doanh nghiệp tham dự."
    view = dialog.task_panel.view
    assert view.model().headerData(view.currentIndex().column(), Qt.Orientation.Horizontal) == (
        "Kinh phí đã chi"
    )


def test_export_file_names_survive_email() -> None:
    assert export.file_name("Tình hình báo cáo của các đơn vị") == "TinhHinhBaoCaoCuaCacDonVi.xlsx"
    assert export.file_name("") == "Bang.xlsx"
