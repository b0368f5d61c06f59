"""The plan's header in the editor: number and date, issuing body, province, year, title,
how it names its local units, the reporting deadline, and its sections' numerals and
headings. "Lưu thông tin chung" saves them together, or nothing when one is wrong."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from sxtdbv_desktop import labels, vnformat
from sxtdbv_desktop.plan_editing import set_deadline
from sxtdbv_desktop.plan_sections import PARTS, list_sections, set_section
from sxtdbv_desktop.plans import get_plan, update_plan
from sxtdbv_ui.texts import PLAN_FIELDS
from sxtdbv_ui.workspace import PLAN, TASKS, Workspace

TEXT_FIELDS = (
    ("document_number", PLAN_FIELDS["document_number"]),
    ("signed_on", "Ngày &ban hành (dd/mm/yyyy):"),
    ("issuing_body", PLAN_FIELDS["issuing_body"]),
    ("province", PLAN_FIELDS["province"]),
    ("title", PLAN_FIELDS["title"]),
    ("local_unit_name", "Đơn vị cấp &địa phương (ví dụ: huyện, thành phố):"),
    ("reporting_deadline", PLAN_FIELDS["reporting_deadline"]),
)
PART_NAMES = labels.PLAN_PARTS


class HeaderTab(QWidget):
    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        plan = get_plan(session.db, session.plan_id)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(plan.year)
        self.fields = {key: QLineEdit() for key, _ in TEXT_FIELDS}
        self.fields["document_number"].setText(plan.document_number)
        self.fields["signed_on"].setText(vnformat.format_date(plan.signed_on)
                                         if plan.signed_on else "")  # fmt: skip
        self.fields["issuing_body"].setText(plan.issuing_body)
        self.fields["province"].setText(plan.province)
        self.fields["title"].setText(plan.title)
        self.fields["local_unit_name"].setText(plan.local_unit_name)
        self.fields["reporting_deadline"].setText(vnformat.format_date(plan.reporting_deadline))
        form = QFormLayout()
        form.addRow(PLAN_FIELDS["year"], self.year)
        for key, label in TEXT_FIELDS:
            form.addRow(label, self.fields[key])
        self.sections = self._sections_box(session.db, session.plan_id)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        save = QPushButton("&Lưu thông tin chung")
        save.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.problem, 1)
        row.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sections_group)
        layout.addStretch(1)
        layout.addLayout(row)

    def _sections_box(self, db: Database, plan_id: int) -> dict[str, tuple[QLineEdit, QLineEdit]]:
        existing = list_sections(db, plan_id)
        self.sections_group = QGroupBox("Các mục của kế hoạch (số La Mã và tiêu đề như văn bản)")
        form = QFormLayout(self.sections_group)
        edits = {}
        for part in PARTS:
            section = existing.get(part)
            numeral = QLineEdit(section.numeral if section else "")
            numeral.setMaximumWidth(60)
            heading = QLineEdit(section.heading if section else "")
            line = QHBoxLayout()
            line.addWidget(numeral)
            line.addWidget(heading, 1)
            form.addRow(f"{PART_NAMES[part]}:", line)
            edits[part] = (numeral, heading)
        return edits

    def values(self) -> dict[str, object]:
        """The header as typed; ValueError (in Vietnamese) for a date that is not one."""
        text = {key: edit.text() for key, edit in self.fields.items()}
        signed = text.pop("signed_on").strip()
        deadline = text.pop("reporting_deadline")
        return {
            **text,
            "year": self.year.value(),
            "signed_on": vnformat.parse_date(signed) if signed else None,
            "reporting_deadline": vnformat.parse_date(deadline),
        }

    def save(self) -> bool:
        try:
            values = self.values()
        except ValueError as error:
            self.problem.setText(str(error))
            return False
        db, plan_id = self.session.db, self.session.plan_id
        deadline = values.pop("reporting_deadline")
        assert isinstance(deadline, dt.date)

        def apply() -> None:
            with db.atomic():
                update_plan(db, plan_id, **values)
                set_deadline(db, plan_id, deadline)
                for part, (numeral, heading) in self.sections.items():
                    if numeral.text().strip():
                        set_section(db, plan_id, part, numeral.text(), heading.text())

        errors: list[str] = []
        self.session.error.connect(errors.append)
        try:
            done = self.session.change("Sửa thông tin chung của kế hoạch", apply, PLAN, TASKS)
        finally:
            self.session.error.disconnect(errors.append)
        self.problem.setText("" if done else (errors[-1] if errors else ""))
        return done
