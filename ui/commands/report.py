"""Báo cáo → Báo cáo tổng hợp (Ctrl+P): the consolidated report's preview, print and save."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    action = QAction("&Báo cáo tổng hợp (xem, in, lưu PDF)…", window)
    action.setIconText("Báo cáo tổng hợp")
    action.setShortcut(QKeySequence("Ctrl+P"))
    action.setToolTip("Lập báo cáo tổng hợp kết quả thực hiện kế hoạch theo Nghị định 30/2020")
    action.triggered.connect(lambda: _preview(window))
    window.add_action("report", action, toolbar=True)


def _preview(window: MainWindow) -> None:
    # reportlab and QtPdf load when the report is first asked for, not at start-up.
    from ui.report_preview import open_report_preview  # noqa: PLC0415

    open_report_preview(window, window.session.db, window.session.plan_id)
