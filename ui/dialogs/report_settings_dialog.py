"""Báo cáo → "Thông tin báo cáo…": the consolidated report's letterhead and signature, and
whether a report received on the deadline day is on time (a plan setting the report states)."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from sxtdbv_desktop import deadline_rule, report_settings
from sxtdbv_desktop.report_settings import ReportSettings
from ui import parsing
from ui.delegates import ValidatedLineEdit
from ui.dialogs.form import FormDialog
from ui.models.base import EditorKind
from ui.parsing import editor_text
from ui.screen_fit import compact
from ui.workspace import REPORTS, SETTINGS, Workspace, value_edit

_FIELDS = (
    ("governing_body", "Cơ quan &chủ quản:", "ví dụ UBND TỈNH ĐỒNG THÁP"),
    ("issuing_body", "Cơ quan &ban hành:", "ví dụ SỞ CÔNG THƯƠNG"),
    ("place_name", "Địa &danh:", "ví dụ Đồng Tháp"),
    ("report_number", "&Số văn bản:", "để trống nếu ghi tay sau khi vào sổ"),
    ("report_symbol", "&Ký hiệu:", "ví dụ BC-SCT"),
    ("signer_authority", "&Quyền hạn ký:", "ví dụ KT. GIÁM ĐỐC (để trống nếu thủ trưởng ký)"),
    ("signer_title", "Chức &vụ người ký:", "ví dụ PHÓ GIÁM ĐỐC"),
    ("signer_name", "Họ và &tên người ký:", ""),
)


class ReportSettingsDialog(FormDialog):
    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, "Thông tin báo cáo tổng hợp", parent)
        self.original = report_settings.load(session.db, session.plan_id)
        self.fields: dict[str, QLineEdit] = {}
        for name, label, hint in _FIELDS:
            field = QLineEdit(getattr(self.original, name))
            field.setPlaceholderText(hint)
            self.fields[name] = field
            self.form.addRow(label, field)
        self.report_date = ValidatedLineEdit("Ngày báo cáo", parsing.optional_date)
        self.report_date.setText(editor_text(EditorKind.OPTIONAL_DATE, self.original.report_date))
        self.report_date.setPlaceholderText("dd/mm/yyyy — để trống: ngày in báo cáo")
        self.form.addRow("&Ngày báo cáo:", self.report_date)
        self.recipients = QPlainTextEdit(self.original.recipients)
        self.recipients.setTabChangesFocus(True)
        self.recipients.setToolTip("Mỗi nơi nhận một dòng")
        self.form.addRow("Nơi &nhận:", self.recipients)
        self.rule = compact(QComboBox())
        for rule in deadline_rule.RULES:
            self.rule.addItem(deadline_rule.LABELS[rule], rule)
        self.original_rule = deadline_rule.load(session.db, session.plan_id)
        self.rule.setCurrentIndex(self.rule.findData(self.original_rule))
        self.rule.setToolTip(
            "Kế hoạch ghi «trước ngày …»: hiểu chặt là báo cáo nhận đúng ngày hạn đã trễ hạn; "
            "nếu kế hoạch ghi «chậm nhất ngày …», chọn dòng thứ hai."
        )
        self.form.addRow("Báo cáo &đúng hạn khi nhận:", self.rule)

    def settings(self) -> ReportSettings:
        """What the form says (the date must be valid)."""
        values = {name: field.text() for name, field in self.fields.items()}
        return dataclasses.replace(
            self.original,
            **values,
            report_date=parsing.optional_date(self.report_date.text()),
            recipients=self.recipients.toPlainText(),
        )

    def save(self) -> bool:
        if self.report_date.problem:
            self.show_problem(self.report_date.problem)
            return False
        db, plan_id = self.session.db, self.session.plan_id

        def store(settings: ReportSettings) -> None:
            report_settings.save(db, plan_id, settings)

        edit = value_edit("Sửa thông tin báo cáo", store, self.original, self.settings(), SETTINGS)
        if not self.session.perform(edit):
            return False

        def set_rule(rule: str) -> None:
            deadline_rule.save(db, plan_id, rule)

        rule = value_edit("Đổi cách tính báo cáo đúng hạn", set_rule, self.original_rule,
                          str(self.rule.currentData()), SETTINGS, REPORTS)  # fmt: skip
        return self.session.perform(rule)
