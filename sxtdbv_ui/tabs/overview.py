"""Tab "Tổng quan": where the plan stands today, in pictures and words: each indicator against
its threshold, the budget by funding source, the reports received day by day up to the
deadline, who has not reported, and what the deadline means today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sxtdbv_desktop import headings, result_words, vnformat
from sxtdbv_desktop.consolidation import (
    MISSING,
    BudgetSummary,
    ReportingSummary,
    budget_summary,
    indicator_results,
    reporting_summary,
)
from sxtdbv_desktop.plans import get_plan, list_plans, local_unit_name
from sxtdbv_desktop.readiness import count_proposals
from sxtdbv_desktop.tasks import CONTENT, count_tasks
from sxtdbv_desktop.year_over_year import previous_results
from sxtdbv_ui.charts.budget import BudgetChart
from sxtdbv_ui.charts.indicators import IndicatorChart
from sxtdbv_ui.charts.reports_received import ReportsChart
from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.tabs.overview_words import (
    deadline_text,
    missing_names,
    missing_text,
    received_text,
    with_rate,
)
from sxtdbv_ui.texts import html
from sxtdbv_ui.workspace import AGENCIES, BUDGET, INDICATORS, PLAN, REPORTS, TASKS, Workspace


class OverviewTab(Tab):
    watches = frozenset({PLAN, AGENCIES, TASKS, INDICATORS, BUDGET, REPORTS})

    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.heading = _label(bold=True)
        self.deadline = _label()
        self.tasks = _label()
        self.indicator_chart = IndicatorChart()
        self.budget_chart = BudgetChart()
        self.reports_chart = ReportsChart()
        self.figures = {name: _label() for name in (
            "total", "allocated", "disbursed", "unallocated",
            "received", "timeliness", "missing")}  # fmt: skip
        layout = QVBoxLayout(self)
        for line in (self.heading, self.deadline, self.tasks):
            layout.addWidget(line)
        columns = QHBoxLayout()
        indicators = QGroupBox("Chỉ tiêu: kết quả so với ngưỡng đạt (và năm trước)")
        QVBoxLayout(indicators).addWidget(self.indicator_chart)
        columns.addWidget(indicators, 3)
        side = QVBoxLayout()
        side.addWidget(self._budget_box(), 1)
        side.addWidget(self._reporting_box(), 1)
        columns.addLayout(side, 2)
        layout.addLayout(columns, 1)

    def _budget_box(self) -> QGroupBox:
        box = QGroupBox(headings.BY_SOURCE)
        rows = [("Tổng kinh phí:", "total"), (f"{headings.UNALLOCATED}:", "unallocated"),
                (f"{headings.ALLOCATED}:", "allocated"),
                (f"{headings.DISBURSED}:", "disbursed")]  # fmt: skip
        return _boxed(box, _grid(rows, self.figures), self.budget_chart)

    def _reporting_box(self) -> QGroupBox:
        box = QGroupBox("Báo cáo của các đơn vị")
        rows = [("Đã nhận:", "received"), ("Đúng hạn / trễ hạn:", "timeliness"),
                ("Chưa nộp:", "missing")]  # fmt: skip
        return _boxed(box, _grid(rows, self.figures, columns=1), self.reports_chart)

    def load(self) -> None:
        self._show_plan()

    def refresh(self) -> None:
        self._show_plan()

    def _show_plan(self) -> None:
        db, plan_id, today = self.session.db, self.session.plan_id, self.session.today()
        plan = get_plan(db, plan_id)
        self.heading.setText(html(f"{plan.document_type} {plan.title}".strip()))
        reporting = reporting_summary(db, plan_id, today=today)
        self.deadline.setText(deadline_text(reporting, plan, today, list_plans(db)))
        self.tasks.setText(self._tasks_text())
        results = indicator_results(db, plan_id)
        self.indicator_chart.set_data(
            results, previous_results(db, plan_id, results), local_unit_name(db, plan_id)
        )
        self._show_budget(budget_summary(db, plan_id))
        self._show_reporting(reporting)

    def _tasks_text(self) -> str:
        db, plan_id = self.session.db, self.session.plan_id
        total, unassigned = count_tasks(db, plan_id, CONTENT)
        gap = f"trong đó <b>{unassigned} chưa phân công cơ quan chủ trì</b>"
        text = f"Nhiệm vụ (mục III): {total}, {gap if unassigned else 'đều đã phân công'}."
        proposals = count_proposals(db, plan_id)
        if proposals:
            text += (
                f" Có <b>{proposals} phân công đề xuất</b> từ nội dung Kế hoạch chưa được Sở "
                "xác nhận (Nhiệm vụ → Xem đề xuất phân công…)."
            )
        return text

    def _show_budget(self, budget: BudgetSummary) -> None:
        total, left = budget.total_estimate, budget.unallocated
        self.figures["total"].setText(vnformat.format_money(total))
        self.figures["allocated"].setText(with_rate(budget.allocated, total, "tổng kinh phí"))
        self.figures["disbursed"].setText(with_rate(budget.disbursed, budget.allocated,
                                                    result_words.OF_ALLOCATED))  # fmt: skip
        self.figures["unallocated"].setText(vnformat.format_money(left) if left >= 0 else
                                            f"vượt {vnformat.format_money(-left)}")  # fmt: skip
        self.budget_chart.set_data(budget)

    def _show_reporting(self, reporting: ReportingSummary) -> None:
        self.figures["received"].setText(received_text(reporting))
        timeliness = result_words.timeliness(reporting.on_time, reporting.late)
        self.figures["timeliness"].setText(timeliness)
        missing = self.figures["missing"]
        missing.setText(missing_text(reporting))
        missing.setToolTip("\n".join(missing_names(reporting)))
        overdue = any(r.state == MISSING for r in reporting.agencies)
        missing.setStyleSheet("color: #b3261e;" if overdue else "")
        self.reports_chart.set_data(reporting, self.session.today())


def _grid(rows: list[tuple[str, str]], figures: dict[str, QLabel], columns: int = 2) -> QGridLayout:
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    for n, (text, name) in enumerate(rows):
        row, column = divmod(n, columns)
        grid.addWidget(QLabel(text), row, 2 * column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(figures[name], row, 2 * column + 1)
    for column in range(columns):
        grid.setColumnStretch(2 * column + 1, 1)
    return grid


def _boxed(box: QGroupBox, figures: QGridLayout, chart: QWidget) -> QGroupBox:
    layout = QVBoxLayout(box)
    layout.addLayout(figures)
    layout.addWidget(chart, 1)
    return box


def _label(*, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        label.setFont(font)
    return label
