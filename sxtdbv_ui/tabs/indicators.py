"""Tab "Chỉ tiêu": indicators with their thresholds and consolidated results; for the selected
one, each agency's contribution; choosing the agencies that report it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QVBoxLayout, QWidget

from sxtdbv_ui.assignments import REPORTER, pick_indicator_reporters
from sxtdbv_ui.models.contributions import ContributionModel
from sxtdbv_ui.models.indicators import IndicatorModel, IndicatorRow
from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.texts import literal
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.workspace import AGENCIES, INDICATORS, REPORTS, Workspace

__all__ = ["REPORTER", "IndicatorsTab"]


class IndicatorsTab(Tab):
    watches = frozenset({INDICATORS, REPORTS, AGENCIES})

    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = IndicatorModel(session)
        self.panel = TablePanel(self.model, "Tìm chỉ tiêu (Ctrl+F)")
        self.contributions = ContributionModel(session)
        self.contribution_panel = TablePanel(self.contributions, "Tìm đơn vị")
        self.contribution_panel.set_empty_text(
            "Chưa có đơn vị nào được giao báo cáo chỉ tiêu này và chưa có báo cáo đã nộp nào "
            "có số liệu của chỉ tiêu. Chọn “Đơn vị báo cáo chỉ tiêu…” để giao."
        )
        self.contribution_box = QGroupBox("Đóng góp của từng đơn vị")
        box_layout = QVBoxLayout(self.contribution_box)
        box_layout.addWidget(self.contribution_panel)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.panel)
        top_layout.addLayout(self.button_row([
            ("Đơn vị báo cáo chỉ tiêu…", self.choose_reporters, True),
        ]))  # fmt: skip
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.contribution_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.panel.view.selectionModel().currentRowChanged.connect(self._show_contributions)

    def load(self) -> None:
        self.model.load()
        if self.model.rowCount():
            self.panel.select_key(self.model.key(self.model.row(0)))
        self._show_contributions()

    def refresh(self) -> None:
        self.model.refresh()
        self.contributions.refresh()

    def focus_search(self) -> None:
        self.panel.focus_search()

    def _show_contributions(self) -> None:
        row = self.panel.current_row()
        if isinstance(row, IndicatorRow):
            self.contribution_box.setTitle(literal(
                f"Đóng góp của từng đơn vị — chỉ tiêu {row.indicator.code}: {row.indicator.name}"
            ))  # fmt: skip
            self.contributions.show_indicator(row.indicator.id)
        else:
            self.contribution_box.setTitle("Đóng góp của từng đơn vị")
            self.contributions.show_indicator(None)

    def choose_reporters(self) -> None:
        row = self.panel.current_row()
        if isinstance(row, IndicatorRow):
            pick_indicator_reporters(self, self.session, row.indicator.id)
