"""Review, step 1: what the plan is (province, year, number and date, issuing body, title,
reporting deadline, local units, total budget). Correcting a field resolves its flags; a field
the plan cannot be saved without is marked until it is filled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QWizardPage

from sxtdbv_desktop import vnformat
from sxtdbv_desktop.plan_import.draft import Draft
from sxtdbv_ui.plan_import.source_view import SourceView
from sxtdbv_ui.texts import PLAN_FIELDS

MISSING_STYLE = "background: #fde7e4;"


class HeaderPage(QWizardPage):
    def __init__(self, draft: Draft, source: SourceView) -> None:
        super().__init__()
        self.draft = draft
        self.source = source
        self.setTitle("Bước 1. Thông tin chung của kế hoạch")
        self.setSubTitle(
            "Kiểm tra những gì chương trình đọc được; ô tô đỏ là thông tin bắt buộc còn thiếu. "
            "Bấm vào một ô để xem câu gốc trong văn bản bên trái."
        )
        plan = draft.plan
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setSpecialValueText("?")
        self.year.setValue(plan.get("year") or 2000)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.addRow(PLAN_FIELDS["year"], self.year)
        for key, label in (
            ("province", PLAN_FIELDS["province"]),
            ("document_number", PLAN_FIELDS["document_number"]),
            ("signed_on", "Ngày &ban hành:"),
            ("issuing_body", PLAN_FIELDS["issuing_body"]),
            ("title", PLAN_FIELDS["title"]),
            ("reporting_deadline", "&Hạn báo cáo:"),
            ("local_unit_name", "Đơn vị cấp &địa phương:"),
            ("total_budget", "Tổng &kinh phí:"),
        ):
            edit = QLineEdit(self._shown(key))
            edit.textEdited.connect(self._edited(key))
            edit.selectionChanged.connect(self._find(key))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.fields["local_unit_name"].setPlaceholderText("ví dụ: huyện, thành phố; xã, phường")
        self.fields["signed_on"].setPlaceholderText("dd/mm/yyyy")
        self.fields["reporting_deadline"].setPlaceholderText("dd/mm/yyyy")
        self.year.valueChanged.connect(self._year_changed)
        self.counts = QLabel(_counts(draft))
        self.counts.setWordWrap(True)
        form.addRow(self.counts)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        form.addRow(self.problem)
        self._mark_missing()

    def _shown(self, key: str) -> str:
        value = self.draft.plan.get(key)
        if key in ("signed_on", "reporting_deadline") and value:
            return vnformat.format_date(dt.date.fromisoformat(value))
        if key == "total_budget":
            return vnformat.format_money(value or 0)
        return str(value or "")

    def _edited(self, key: str) -> Callable[[str], None]:
        def store(text: str) -> None:
            try:
                self.draft.plan[key] = _parsed(key, text)
                self.problem.clear()
            except ValueError as error:  # vnformat's parsers say why, in Vietnamese
                self.draft.plan[key] = None if key != "total_budget" else 0
                self.problem.setText(str(error))
            self.draft.resolve(f"plan.{key}")
            if key == "document_number":
                self.draft.resolve("plan.document_number")
            self._mark_missing()
            self.completeChanged.emit()

        return store

    def _find(self, key: str) -> Callable[[], None]:
        def find() -> None:
            self.source.show_sentence(self.fields[key].text())

        return find

    def _year_changed(self, year: int) -> None:
        self.draft.plan["year"] = year
        self.draft.resolve("plan.year")
        self._mark_missing()
        self.completeChanged.emit()

    def _mark_missing(self) -> None:
        required = ("province", "title", "reporting_deadline")
        for key in required:
            empty = not self.draft.plan.get(key)
            self.fields[key].setStyleSheet(MISSING_STYLE if empty else "")
        self.year.setStyleSheet(MISSING_STYLE if not self.draft.plan.get("year") else "")

    def isComplete(self) -> bool:
        plan = self.draft.plan
        return all(plan.get(k) for k in ("year", "province", "title", "reporting_deadline"))


def _parsed(key: str, text: str) -> object:
    if key in ("signed_on", "reporting_deadline"):
        return vnformat.parse_date(text).isoformat() if text.strip() else None
    if key == "total_budget":
        return vnformat.parse_money(text) if text.strip() else 0
    return " ".join(text.split())


def _counts(draft: Draft) -> str:
    return f"Đọc được: {draft.counts()}."
