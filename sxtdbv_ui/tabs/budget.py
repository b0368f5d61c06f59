"""Tab "Kinh phí": the plan's total, the funding sources with their estimates, the budget lines
per task and agency (allocated, disbursed), the totals and what is still unallocated."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from sxtdbv_desktop import headings, vnformat
from sxtdbv_desktop.budget import delete_line, list_sources
from sxtdbv_desktop.consolidation import budget_summary
from sxtdbv_desktop.numwords import amount_in_words
from sxtdbv_desktop.plans import get_plan, update_plan
from sxtdbv_ui import msgbox, parsing
from sxtdbv_ui.delegates import ValidatedLineEdit
from sxtdbv_ui.models.budget import BudgetLineModel, LineRow, SourceModel
from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.texts import BUDGET_LINES, CANNOT_DELETE, NOT_UNDOABLE, VALUE_NOT_SAVED
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.workspace import AGENCIES, BUDGET, PLAN, TASKS, Workspace, value_edit


class BudgetTab(Tab):
    watches = frozenset({BUDGET, PLAN, TASKS, AGENCIES})
    can_add = can_delete = True
    add_text, delete_text = "Thêm dòng kinh phí…", "Xóa dòng kinh phí"

    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.sources = SourceModel(session)
        self.source_panel = TablePanel(self.sources)
        self.source_panel.hide_search()
        rows = self.source_panel.view.verticalHeader().defaultSectionSize()
        # The usual five sources show at once on a 1366×768 screen; on smaller ones, three.
        self.source_panel.view.setMinimumHeight(int(rows * 4.5))
        self.lines = BudgetLineModel(session)
        self.line_panel = TablePanel(
            self.lines, "Tìm dòng kinh phí theo nhiệm vụ, cơ quan… (Ctrl+F)"
        )
        self.line_panel.set_empty_text(
            "Chưa có dòng kinh phí nào. Bấm “Thêm dòng kinh phí” để phân bổ kinh phí của một "
            "nguồn cho nhiệm vụ, cơ quan; sửa số tiền ngay trong bảng."
        )
        self.total = ValidatedLineEdit("Tổng kinh phí kế hoạch", parsing.money)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total.setToolTip("Tổng kinh phí theo kế hoạch, đồng (Enter để lưu)")
        self.total.setMaximumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.total.editingFinished.connect(self._save_total)
        names = ("words", "sources", "allocated", "disbursed", "unallocated", "spent")
        self.figures = {name: QLabel() for name in names}
        for label in self.figures.values():
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures["words"].setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._totals_box())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(_boxed(headings.SOURCE, self.source_panel))
        lines = _boxed(BUDGET_LINES, self.line_panel)
        lines_layout = lines.layout()
        assert isinstance(lines_layout, QVBoxLayout)
        lines_layout.addLayout(self.button_row([
            ("Thêm dòng kinh phí…", self.add_item, True),
            ("Xóa dòng kinh phí", self.delete_item, True),
        ]))  # fmt: skip
        splitter.addWidget(lines)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

    def _totals_box(self) -> QGroupBox:
        box = QGroupBox("Tổng hợp kinh phí")
        grid = QGridLayout(box)
        label = QLabel("Tổng kinh phí &kế hoạch (đồng):")
        label.setBuddy(self.total)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.total, 0, 1)
        grid.addWidget(self.figures["words"], 0, 2, 1, 2)
        pairs = [("Tổng dự toán các nguồn:", "sources"),
                 (f"{headings.UNALLOCATED}:", "unallocated"),
                 (f"{headings.ALLOCATED}:", "allocated"),
                 (f"{headings.DISBURSED}:", "disbursed"),
                 ("Đơn vị báo cáo đã chi:", "spent")]  # fmt: skip
        for i, (text, name) in enumerate(pairs):
            grid.addWidget(QLabel(text), 1 + i // 2, 2 * (i % 2))
            grid.addWidget(self.figures[name], 1 + i // 2, 2 * (i % 2) + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def load(self) -> None:
        self.sources.load()
        self.lines.load()
        self._show_totals()

    def refresh(self) -> None:
        self.sources.refresh()
        self.lines.refresh()
        self._show_totals()

    def focus_search(self) -> None:
        self.line_panel.focus_search()

    def set_read_only(self, reason: str) -> None:
        super().set_read_only(reason)
        self.total.setReadOnly(bool(reason))

    def _show_totals(self) -> None:
        summary = budget_summary(self.session.db, self.session.plan_id)
        self.total.setText(vnformat.format_number(summary.total_estimate))
        self.figures["words"].setText(f"Bằng chữ: {amount_in_words(summary.total_estimate)}")
        estimate = summary.sources_estimate
        self.figures["sources"].setText(
            "chưa đủ dự toán của các nguồn" if estimate is None else vnformat.format_money(estimate)
        )
        self.figures["allocated"].setText(vnformat.format_money(summary.allocated))
        rate = vnformat.format_percent(summary.disbursement_rate, missing="—")
        self.figures["disbursed"].setText(f"{vnformat.format_money(summary.disbursed)} ({rate})")
        left = summary.unallocated
        over = f"vượt tổng kinh phí {vnformat.format_money(-left)}"
        self.figures["unallocated"].setText(vnformat.format_money(left) if left >= 0 else over)
        self.figures["unallocated"].setStyleSheet("" if left >= 0 else "color: #b3261e;")
        self.figures["spent"].setText(vnformat.format_money(summary.reported_spent))

    def _save_total(self) -> None:
        if self.session.read_only:
            return
        plan = get_plan(self.session.db, self.session.plan_id)
        if self.total.problem:
            self.session.fail(f"{self.total.problem} {VALUE_NOT_SAVED}")
            return
        db, plan_id = self.session.db, plan.id

        def setter(value: int) -> None:
            update_plan(db, plan_id, total_budget=value)

        new = parsing.money(self.total.text())
        self.session.perform(value_edit("Sửa tổng kinh phí kế hoạch", setter,
                                        plan.total_budget, new, PLAN))  # fmt: skip

    def add_item(self) -> None:
        """Ctrl+N, or the button: ask for the line first (nothing is added on "Hủy")."""
        # The dialog loads when first opened, not at start-up.
        from sxtdbv_ui.dialogs.budget_line_dialog import BudgetLineDialog  # noqa: PLC0415

        if not list_sources(self.session.db, self.session.plan_id):
            msgbox.warn(self, "Chưa có nguồn kinh phí", "Kế hoạch chưa có nguồn kinh phí nào.")
            return
        dialog = BudgetLineDialog(self.session, self)
        if dialog.exec() and dialog.new_id is not None:
            self.line_panel.select_key(dialog.new_id)
            self.line_panel.view.setFocus()

    def delete_item(self) -> None:
        row = self.line_panel.current_row()
        if not isinstance(row, LineRow):
            return
        amount = vnformat.format_money(row.line.allocated)
        text = f"Xóa dòng kinh phí “{row.source}”, phân bổ {amount}?\n{NOT_UNDOABLE}"
        if not msgbox.ask(self, "Xóa dòng kinh phí", text, yes="Xóa"):
            return
        db, line_id = self.session.db, row.line.id
        if not self.session.change("Xóa dòng kinh phí", lambda: delete_line(db, line_id), BUDGET):
            msgbox.warn(self, CANNOT_DELETE, self.session.last_error)


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(widget)
    return box
