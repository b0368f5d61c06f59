"""Báo cáo → Báo cáo tổng hợp (Ctrl+P): the consolidated report's preview, print and save;
Báo cáo → Nội dung báo cáo tổng hợp… (Ctrl+Shift+E): the Sở's own parts of it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.texts import CONSOLIDATED_REPORT


def install(window: MainWindow) -> None:
    action = QAction("&Báo cáo tổng hợp (xem, in, lưu Word, PDF)…", window)
    action.setIconText(CONSOLIDATED_REPORT)
    action.setShortcut(QKeySequence("Ctrl+P"))
    action.setToolTip("Lập báo cáo tổng hợp kết quả thực hiện kế hoạch theo Nghị định 30/2020")
    action.triggered.connect(lambda: _preview(window))
    window.add_action("report", action, toolbar=True)
    texts = QAction("&Nội dung báo cáo tổng hợp (phần Sở viết)…", window)
    texts.setShortcut(QKeySequence("Ctrl+Shift+E"))
    texts.setToolTip(
        "Viết công tác chỉ đạo, đánh giá chung, phương hướng năm tới và kiến nghị của Sở; "
        "mỗi phần có sẵn bản nháp lập từ số liệu"
    )
    texts.triggered.connect(lambda: _edit_texts(window))
    window.add_action("report", texts)


def _preview(window: MainWindow) -> None:
    # reportlab and QtPdf load when the report is first asked for, not at start-up.
    from sxtdbv_ui.report_preview import open_report_preview  # noqa: PLC0415

    open_report_preview(window, window.session.db, window.session.plan_id)


def _edit_texts(window: MainWindow) -> None:
    from sxtdbv_ui.dialogs.report_texts_dialog import ReportTextsDialog  # noqa: PLC0415

    ReportTextsDialog(window.session, window).exec()
