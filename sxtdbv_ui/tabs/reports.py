"""Tab "Báo cáo đơn vị": one row per reporting agency and period, with the report's status,
received date and timeliness; opening a report for entry and review; its transitions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from sxtdbv_desktop import labels
from sxtdbv_desktop.reports import ACCEPTED, DRAFT, RETURNED, SUBMITTED, list_periods
from sxtdbv_ui import msgbox, report_actions
from sxtdbv_ui.models.report_ref import ReportRef
from sxtdbv_ui.models.reports import ReportRow, ReportStatusModel
from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.workspace import AGENCIES, REPORTS, Workspace


class ReportsTab(Tab):
    watches = frozenset({REPORTS, AGENCIES})

    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = ReportStatusModel(session)
        self.panel = TablePanel(self.model, "Tìm cơ quan, trạng thái… ví dụ “chua nop” (Ctrl+F)")
        self.period_filter = QComboBox()
        self.period_filter.setToolTip("Chỉ hiện một kỳ báo cáo")
        self.period_filter.currentIndexChanged.connect(self._apply_period_filter)
        self.panel.add_filter(self.period_filter)
        buttons = self.button_row([
            ("&Mở báo cáo…", self.open_report, False),
            (report_actions.SUBMIT, self.submit, True),
            (report_actions.ACCEPT, self.accept, True),
            (report_actions.RETURN, self.return_for_correction, True),
            ("Mở &lại…", self.reopen, True),
            ("&Xuất Excel…", self.export, False),
        ])  # fmt: skip
        self.open_button, self.submit_button, self.accept_button = self.buttons[:3]
        self.return_button, self.reopen_button, self.export_button = self.buttons[3:6]
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addLayout(buttons)
        self.panel.view.activated.connect(self._on_activated)
        self.panel.view.selectionModel().currentRowChanged.connect(self._update_buttons)

    def load(self) -> None:
        self._fill_period_filter()
        self.model.load()
        self._update_buttons()

    def refresh(self) -> None:
        self.model.refresh()
        self._update_buttons()

    def focus_search(self) -> None:
        self.panel.focus_search()

    def set_read_only(self, reason: str) -> None:
        super().set_read_only(reason)
        self._update_buttons()

    def _fill_period_filter(self) -> None:
        current = self.period_filter.currentData()
        self.period_filter.blockSignals(True)
        self.period_filter.clear()
        self.period_filter.addItem("Tất cả các kỳ", None)
        for period in list_periods(self.session.db, self.session.plan_id):
            self.period_filter.addItem(period.name, period.id)
        self.period_filter.setCurrentIndex(max(0, self.period_filter.findData(current)))
        self.period_filter.blockSignals(False)
        self._apply_period_filter()

    def _apply_period_filter(self) -> None:
        wanted = self.period_filter.currentData()
        condition = None if wanted is None else (lambda r: r.period.id == wanted)
        self.panel.proxy.set_condition(condition)

    def _current(self) -> ReportRow | None:
        row = self.panel.current_row()
        return row if isinstance(row, ReportRow) else None

    def _update_buttons(self) -> None:
        row, writable = self._current(), not self.session.read_only
        status = row.report.status if row and row.report else None
        self.open_button.setEnabled(row is not None)
        self.submit_button.setEnabled(writable and row is not None
                                      and status in (None, DRAFT, RETURNED))  # fmt: skip
        self.accept_button.setEnabled(writable and status == SUBMITTED)
        self.return_button.setEnabled(writable and status == SUBMITTED)
        self.reopen_button.setEnabled(writable and status == ACCEPTED)
        self.export_button.setEnabled(row is not None and row.report is not None)

    def _on_activated(self, index: QModelIndex) -> None:
        # Enter or double-click opens the report, except on a cell being edited in place.
        if not self.panel.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.open_report()

    def open_report(self) -> None:
        """The agency's report for entry and review; nothing is created until something is
        typed into it (no empty draft from just looking)."""
        # The dialog loads when first opened, not at start-up.
        from sxtdbv_ui.dialogs.report_dialog import ReportDialog  # noqa: PLC0415

        row = self._current()
        if row is None:
            return
        if row.report is None and self.session.read_only:
            msgbox.inform(self, labels.NO_REPORT, f"{row.agency.name} chưa có báo cáo.")
            return
        ref = ReportRef(self.session, row.period.id, row.agency.id)
        ReportDialog(self.session, ref, self).exec()

    def submit(self) -> None:
        row = self._current()
        if row is not None:
            received = row.report.received_on if row.report else None
            report_actions.submit(self, self.session, row.period.id, row.agency.id,
                                  row.agency.name, received_on=received)  # fmt: skip

    def accept(self) -> None:
        row = self._current()
        if row is not None and row.report is not None:
            report_actions.accept(self, self.session, row.report.id, row.agency.name)

    def return_for_correction(self) -> None:
        row = self._current()
        if row is not None and row.report is not None:
            report_actions.return_for_correction(self, self.session, row.report.id, row.agency.name)

    def export(self) -> None:
        """The selected agency's report (task results, figures, texts) as an Excel table."""
        from sxtdbv_ui.excel.export_action import export_table  # noqa: PLC0415  (openpyxl when used)

        row = self._current()
        if row is not None and row.report is not None:
            export_table(self, self.session.db, self.session.plan_id, "report", row.agency.id)

    def reopen(self) -> None:
        row = self._current()
        if row is not None and row.report is not None:
            report_actions.reopen(self, self.session, row.report.id, row.agency.name)
