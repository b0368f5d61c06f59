"""Tab "Tổng quan": where the plan stands today: each indicator against its target, the money,
who has reported and who has not, and the days left before the reporting deadline."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_desktop import vnformat
from sxtdbv_desktop.consolidation import (
    MISSING,
    BudgetSummary,
    ReportingSummary,
    budget_summary,
    reporting_summary,
)
from sxtdbv_desktop.plans import Plan, get_plan, list_plans
from sxtdbv_desktop.readiness import check_before_forms
from sxtdbv_desktop.tasks import CONTENT, count_tasks
from ui.models.indicators import IndicatorModel
from ui.tabs.base import Tab
from ui.texts import html
from ui.widgets.table_panel import TablePanel
from ui.workspace import AGENCIES, BUDGET, INDICATORS, PLAN, REPORTS, TASKS, Workspace

_GOOD, _SOON, _LATE, _NEUTRAL = "#1e6b35", "#a15c00", "#b3261e", "#3c4043"


class OverviewTab(Tab):
    title = "Tổng quan"
    watches = frozenset({PLAN, AGENCIES, TASKS, INDICATORS, BUDGET, REPORTS})

    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.heading = _label(bold=True)
        self.deadline = _label()
        self.tasks = _label()
        self.indicators = IndicatorModel(session, compact=True)
        self.indicator_panel = TablePanel(self.indicators, "Tìm chỉ tiêu (Ctrl+F)")
        self.bars = {name: QProgressBar() for name in ("allocated", "disbursed", "received")}
        self.figures = {name: _label() for name in (
            "total", "allocated", "disbursed", "unallocated",
            "received", "timeliness", "missing")}  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.deadline)
        layout.addWidget(self.tasks)
        columns = QHBoxLayout()
        indicators = QGroupBox("Chỉ tiêu của kế hoạch")
        QVBoxLayout(indicators).addWidget(self.indicator_panel)
        columns.addWidget(indicators, 3)
        side = QVBoxLayout()
        side.addWidget(self._budget_box())
        side.addWidget(self._reporting_box(), 1)
        columns.addLayout(side, 2)
        layout.addLayout(columns, 1)

    def _budget_box(self) -> QGroupBox:
        box = QGroupBox("Kinh phí")
        form = QFormLayout(box)
        form.addRow("Tổng kinh phí kế hoạch:", self.figures["total"])
        form.addRow("Đã phân bổ:", self.figures["allocated"])
        form.addRow("", self.bars["allocated"])
        form.addRow("Đã giải ngân:", self.figures["disbursed"])
        form.addRow("", self.bars["disbursed"])
        form.addRow("Chưa phân bổ:", self.figures["unallocated"])
        return box

    def _reporting_box(self) -> QGroupBox:
        box = QGroupBox("Báo cáo của các đơn vị")
        form = QFormLayout(box)
        form.addRow("Đã nhận:", self.figures["received"])
        form.addRow("", self.bars["received"])
        form.addRow("Đúng hạn / trễ hạn:", self.figures["timeliness"])
        form.addRow("Chưa nộp:", self.figures["missing"])
        return box

    def load(self) -> None:
        self.indicators.load()
        self._show_plan()

    def refresh(self) -> None:
        self.indicators.refresh()
        self._show_plan()

    def focus_search(self) -> None:
        self.indicator_panel.focus_search()

    def _show_plan(self) -> None:
        db, plan_id = self.session.db, self.session.plan_id
        plan = get_plan(db, plan_id)
        self.heading.setText(html(f"{plan.document_type} {plan.title}".strip()))
        reporting = reporting_summary(db, plan_id, today=self.session.today())
        self._show_deadline(reporting, plan)
        total, unassigned = count_tasks(db, plan_id, CONTENT)
        gap = f"trong đó <b>{unassigned} chưa phân công cơ quan chủ trì</b>"
        text = f"Nhiệm vụ (mục III): {total}, {gap if unassigned else 'đều đã phân công'}."
        readiness = check_before_forms(db, plan_id)
        proposals = readiness.proposed_assignments + readiness.proposed_reporters
        if proposals:
            text += (
                f" Có <b>{proposals} phân công đề xuất</b> từ nội dung Kế hoạch chưa được Sở "
                "xác nhận (Nhiệm vụ → Xem đề xuất phân công…)."
            )
        self.tasks.setText(text)
        self._show_budget(budget_summary(db, plan_id))
        self._show_reporting(reporting)

    def _show_deadline(self, reporting: ReportingSummary, plan: Plan) -> None:
        self.deadline.setText(deadline_text(reporting, plan, self.session.today(),
                                            list_plans(self.session.db)))  # fmt: skip

    def _show_budget(self, budget: BudgetSummary) -> None:
        total = budget.total_estimate
        self.figures["total"].setText(vnformat.format_money(total))
        self.figures["allocated"].setText(_with_rate(budget.allocated, total, "tổng kinh phí"))
        _set_bar(self.bars["allocated"], budget.allocated, total)
        self.figures["disbursed"].setText(_with_rate(budget.disbursed, budget.allocated,
                                                     "kinh phí đã phân bổ"))  # fmt: skip
        _set_bar(self.bars["disbursed"], budget.disbursed, budget.allocated)
        left = budget.unallocated
        self.figures["unallocated"].setText(vnformat.format_money(left) if left >= 0 else
                                            f"vượt {vnformat.format_money(-left)}")  # fmt: skip

    def _show_reporting(self, reporting: ReportingSummary) -> None:
        self.figures["received"].setText(received_text(reporting))
        _set_bar(self.bars["received"], reporting.received, reporting.expected)
        self.figures["timeliness"].setText(
            f"{reporting.on_time} đúng hạn, {reporting.late} trễ hạn"
        )
        missing = [r.agency.display_name for r in reporting.agencies if not r.received]
        overdue = any(r.state == MISSING for r in reporting.agencies)
        names = html(", ".join(missing)) if missing else "không có"
        self.figures["missing"].setText(f"<b>{len(missing)}</b>: {names}")
        self.figures["missing"].setStyleSheet("color: #b3261e;" if overdue else "")


def deadline_text(reporting: ReportingSummary, plan: Plan, today: dt.date,
                  plans: list[Plan]) -> str:  # fmt: skip
    """Where the reporting deadline stands, in rich text: days left, today, days overdue in the
    plan's year; once that year is over, that the plan is finished (not "1086 days late")."""
    period, deadline = reporting.period, reporting.period.deadline
    when = f"Hạn nộp báo cáo {html(period.name.lower())}: {vnformat.format_date(deadline)}"
    if today.year > plan.year:
        later = sorted(p.year for p in plans if p.province == plan.province and p.year > plan.year)
        hint = (
            f"Kế hoạch năm {later[-1]} đã có: chọn ở ô «Kế hoạch» trên thanh công cụ."
            if later
            else "Bắt đầu năm mới: Tệp → Tạo kế hoạch năm sau…"
        )
        return (
            f"<b style='color:{_NEUTRAL}'>Kế hoạch năm {plan.year} đã kết thúc.</b> {when} "
            f"(đã nhận {html(received_text(reporting))}). {hint}"
        )
    days = (deadline - today).days
    if days > 0:
        state, color = f"còn {days} ngày", _GOOD
    elif days == 0:
        state, color = "hôm nay là hạn cuối", _SOON
    else:
        state, color = f"đã quá hạn {-days} ngày", _LATE
    return f"{when} — <b style='color:{color}'>{state}</b>"


def received_text(reporting: ReportingSummary) -> str:
    """ "21/24 đơn vị (87,5 %)"; never "0/0"."""
    if reporting.expected == 0:
        return "chưa có đơn vị nào phải báo cáo"
    completeness = vnformat.format_percent(reporting.completeness, missing="—")
    return f"{reporting.received}/{reporting.expected} đơn vị ({completeness})"


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


def _with_rate(part: int, whole: int, of: str) -> str:
    if whole <= 0:
        return f"{vnformat.format_money(part)} (chưa có {of})"
    return f"{vnformat.format_money(part)} ({vnformat.format_percent(Fraction(part, whole))} {of})"


def _set_bar(bar: QProgressBar, part: int, whole: int) -> None:
    bar.setRange(0, 1000)
    bar.setValue(min(1000, part * 1000 // whole) if whole > 0 else 0)
    bar.setFormat(vnformat.format_percent(Fraction(part, whole)) if whole > 0 else "—")
