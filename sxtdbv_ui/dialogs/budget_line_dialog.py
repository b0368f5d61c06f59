"""Adding a budget line (Kinh phí → Thêm dòng kinh phí, Ctrl+N): which source, for which task
and agency, what for, how much allocated and disbursed. Nothing is added until "Đồng ý"."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.budget import add_line, list_sources
from sxtdbv_ui import parsing
from sxtdbv_ui.delegates import ValidatedLineEdit
from sxtdbv_ui.dialogs.form import FormDialog
from sxtdbv_ui.models.budget import BudgetLineModel
from sxtdbv_ui.screen_fit import compact
from sxtdbv_ui.texts import NONE_CHOICE
from sxtdbv_ui.workspace import BUDGET, Workspace


class BudgetLineDialog(FormDialog):
    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, "Thêm dòng kinh phí", parent)
        db, plan_id = session.db, session.plan_id
        self.source = compact(QComboBox())
        for source in list_sources(db, plan_id):
            self.source.addItem(source.name, source.id)
        self.task = compact(QComboBox())
        for task_id, label in BudgetLineModel(session).task_choices():
            self.task.addItem(label, task_id)
        self.agency = compact(QComboBox())
        self.agency.addItem(NONE_CHOICE, None)
        for agency in list_agencies(db, plan_id):
            self.agency.addItem(agency.name, agency.id)
        self.description = QLineEdit()
        self.description.setPlaceholderText("ví dụ Hội nghị sơ kết, tuyên truyền tại chợ")
        self.allocated = ValidatedLineEdit("Phân bổ", parsing.money)
        self.allocated.setText("0")
        self.disbursed = ValidatedLineEdit("Giải ngân", parsing.money)
        self.disbursed.setText("0")
        for amount in (self.allocated, self.disbursed):
            amount.setPlaceholderText("đồng, ví dụ 120.000.000")
        self.form.addRow("&Nguồn kinh phí:", self.source)
        self.form.addRow("Nhiệm &vụ:", self.task)
        self.form.addRow("&Cơ quan:", self.agency)
        self.form.addRow("Nội &dung:", self.description)
        self.form.addRow("&Phân bổ (đồng):", self.allocated)
        self.form.addRow("&Giải ngân (đồng):", self.disbursed)
        self.new_id: int | None = None

    def save(self) -> bool:
        problem = self.allocated.problem or self.disbursed.problem
        if problem:
            self.show_problem(problem)
            return False
        created: list[int] = []
        db, plan_id = self.session.db, self.session.plan_id
        done = self.session.change(
            "Thêm dòng kinh phí",
            lambda: created.append(add_line(
                db, plan_id, int(self.source.currentData()),
                task_id=self.task.currentData(), agency_id=self.agency.currentData(),
                description=self.description.text(),
                allocated=parsing.money(self.allocated.text()),
                disbursed=parsing.money(self.disbursed.text()),
            )),
            BUDGET,
        )  # fmt: skip
        self.new_id = created[0] if created else None
        return done
