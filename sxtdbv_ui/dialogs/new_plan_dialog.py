"""Tệp → "Tạo kế hoạch năm sau…": start another year's plan as a copy of the current one."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from sxtdbv_desktop.plans import copy_plan, get_plan
from sxtdbv_ui.dialogs.form import FormDialog
from sxtdbv_ui.workspace import PLAN, Workspace


class NewPlanDialog(FormDialog):
    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, "Tạo kế hoạch năm sau", parent)
        self.source = get_plan(session.db, session.plan_id)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.source.year + 1)
        explanation = QLabel(
            f"Kế hoạch mới được sao chép từ kế hoạch {self.source.label}: cơ quan, mục tiêu, "
            "chỉ tiêu, nhiệm vụ và phân công, nguồn kinh phí, kỳ báo cáo (lùi sang năm mới). "
            "Không sao chép trạng thái nhiệm vụ, dòng kinh phí, dự toán và báo cáo của đơn vị."
        )
        explanation.setWordWrap(True)
        self.form.addRow(explanation)
        self.form.addRow("&Năm của kế hoạch mới:", self.year)
        self.new_id: int | None = None

    def save(self) -> bool:
        created: list[int] = []
        year = self.year.value()
        done = self.session.change(
            f"Tạo kế hoạch năm {year}",
            lambda: created.append(copy_plan(self.session.db, self.source.id, year)),
            PLAN,
        )
        self.new_id = created[0] if created else None
        return done
