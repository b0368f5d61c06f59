"""Báo cáo → "Thông tin báo cáo…": the letterhead, signature and recipients of each variant of
the consolidated report (the Sở's report to UBND Tỉnh; the draft for UBND Tỉnh to the Bộ), one
tab each, and whether a report received on the deadline day is on time (a plan setting the
report states)."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from sxtdbv_desktop import deadline_rule, labels, report_settings
from sxtdbv_desktop.report_settings import SO, UBND, VARIANT_LABELS, ReportSettings
from sxtdbv_ui import parsing
from sxtdbv_ui.delegates import ValidatedLineEdit
from sxtdbv_ui.dialogs.form import FormDialog
from sxtdbv_ui.models.base import EditorKind
from sxtdbv_ui.parsing import editor_text
from sxtdbv_ui.screen_fit import compact
from sxtdbv_ui.texts import DOCUMENT_NUMBER
from sxtdbv_ui.workspace import REPORTS, SETTINGS, Workspace, value_edit

_FIELDS = (
    ("governing_body", "Cơ quan &chủ quản:", "ví dụ UBND TỈNH ĐỒNG THÁP (để trống với UBND tỉnh)"),
    ("issuing_body", "Cơ quan &ban hành:", "ví dụ SỞ CÔNG THƯƠNG; xuống dòng được"),
    ("place_name", "Địa &danh:", "ví dụ Đồng Tháp"),
    ("report_number", DOCUMENT_NUMBER, "để trống nếu ghi tay sau khi vào sổ"),
    ("report_symbol", "&Ký hiệu:", "ví dụ BC-SCT"),
    ("signer_authority", "&Quyền hạn ký:", "ví dụ KT. GIÁM ĐỐC (để trống nếu thủ trưởng ký)"),
    ("signer_title", "Chức &vụ người ký:", "ví dụ PHÓ GIÁM ĐỐC"),
    ("signer_name", "Họ và &tên người ký:", "để trống: ô để điền trong tệp Word"),
    ("drafting_unit", "Phòng &soạn thảo:", "ví dụ QLCN — in vào «Lưu: VT, QLCN.»"),
)
_MULTILINE = {"issuing_body", "signer_authority"}
_TAB_TITLES = {SO: "Báo cáo của Sở", UBND: "Dự thảo cho UBND Tỉnh"}


class _VariantPage(QWidget):
    """The fields of one variant."""

    def __init__(self, original: ReportSettings) -> None:
        super().__init__()
        self.original = original
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, label, hint in _FIELDS:
            value = getattr(original, name)
            field: QLineEdit | QPlainTextEdit
            if name in _MULTILINE:
                field = QPlainTextEdit(value)
                field.setTabChangesFocus(True)
                field.setFixedHeight(field.fontMetrics().lineSpacing() * 2 + 14)
            else:
                field = QLineEdit(value)
            field.setPlaceholderText(hint)
            self.fields[name] = field
            form.addRow(label, field)
        self.report_date = ValidatedLineEdit(labels.SETTINGS["report_date"], parsing.optional_date)
        self.report_date.setText(editor_text(EditorKind.OPTIONAL_DATE, original.report_date))
        self.report_date.setPlaceholderText("dd/mm/yyyy — để trống: ngày lập báo cáo")
        form.addRow("&Ngày báo cáo:", self.report_date)
        self.recipients = QPlainTextEdit(original.recipients)
        self.recipients.setTabChangesFocus(True)
        self.recipients.setToolTip(
            "Mỗi nơi nhận một dòng; «{phòng}» được thay bằng phòng soạn thảo"
        )
        self.recipients.setFixedHeight(self.recipients.fontMetrics().lineSpacing() * 5 + 14)
        form.addRow("Nơi &nhận:", self.recipients)

    def settings(self) -> ReportSettings:
        """What the page says (the date must be valid)."""
        values = {
            name: field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            for name, field in self.fields.items()
        }
        return dataclasses.replace(
            self.original,
            **values,
            report_date=parsing.optional_date(self.report_date.text()),
            recipients=self.recipients.toPlainText(),
        )


class ReportSettingsDialog(FormDialog):
    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, "Thông tin báo cáo tổng hợp", parent)
        self.tabs = QTabWidget()
        self.pages: dict[str, _VariantPage] = {}
        for variant in (SO, UBND):
            page = _VariantPage(report_settings.load(session.db, session.plan_id, variant))
            page.setToolTip(VARIANT_LABELS[variant])
            self.pages[variant] = page
            self.tabs.addTab(page, _TAB_TITLES[variant])
        self.form.addRow(self.tabs)
        # The Sở's own report, as the tests and older callers know it.
        self.fields = self.pages[SO].fields
        self.report_date = self.pages[SO].report_date
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

    def settings(self, variant: str = SO) -> ReportSettings:
        return self.pages[variant].settings()

    def save(self) -> bool:
        for page in self.pages.values():
            if page.report_date.problem:
                self.tabs.setCurrentWidget(page)
                self.show_problem(page.report_date.problem)
                return False
        db, plan_id = self.session.db, self.session.plan_id
        for variant, page in self.pages.items():

            def store(settings: ReportSettings, variant: str = variant) -> None:
                report_settings.save(db, plan_id, settings, variant)

            title = _TAB_TITLES[variant]
            text = f"Sửa thông tin báo cáo ({title[:1].lower()}{title[1:]})"
            edit = value_edit(text, store, page.original, page.settings(), SETTINGS)
            if not self.session.perform(edit):
                self.tabs.setCurrentWidget(page)
                return False

        def set_rule(rule: str) -> None:
            deadline_rule.save(db, plan_id, rule)

        rule = value_edit("Đổi cách tính báo cáo đúng hạn", set_rule, self.original_rule,
                          str(self.rule.currentData()), SETTINGS, REPORTS)  # fmt: skip
        return self.session.perform(rule)
