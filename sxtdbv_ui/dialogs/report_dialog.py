"""One agency's report for one period, for entry and review: its task results, its indicator
figures, what it spent by funding source, its assessment, difficulties and proposals, the
agency's document and the day the Sở received it; what it still lacks; submit, accept, return
or reopen it.

Every edit is saved at once (cells when they are left, texts when their box is left or with
Ctrl+S) and can be undone with Ctrl+Z. An accepted report is shown read-only, with the reason.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_desktop import headings, labels, vnformat
from sxtdbv_desktop.agencies import get_agency
from sxtdbv_desktop.completeness import report_missing_items, summary_text
from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.reports import (
    ACCEPTED,
    DRAFT,
    RETURNED,
    SUBMITTED,
    Report,
    get_period,
    get_report,
    set_document,
    set_received_on,
    update_texts,
)
from sxtdbv_ui import report_actions, texts
from sxtdbv_ui.models.report_indicators import ReportIndicatorModel
from sxtdbv_ui.models.report_ref import ReportRef
from sxtdbv_ui.models.report_spending import ReportSpendingModel
from sxtdbv_ui.models.report_tasks import ReportTaskModel
from sxtdbv_ui.models.reports import NO_REPORT
from sxtdbv_ui.screen_fit import fit_to_screen
from sxtdbv_ui.texts import html
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.widgets.texts_editor import ParagraphEdit
from sxtdbv_ui.workspace import REPORTS, Workspace, value_edit

_TEXTS = (
    ("general_assessment", "Đánh giá &chung:", "Đánh giá chung về kết quả thực hiện kế hoạch"),
    (
        "difficulties",
        "&Khó khăn, vướng mắc:",
        "Những khó khăn, vướng mắc trong quá trình thực hiện",
    ),
    ("proposals", "Đề &xuất, kiến nghị:", "Đề xuất, kiến nghị với UBND Tỉnh, Sở Công Thương"),
)
_BANNER = "background: #fff4d6; color: #5c3b00; padding: 6px; border: 1px solid #e0c27a;"


class ReportDialog(QDialog):
    """`report` is a report's id, or the agency and period of a report not entered yet (a
    `ReportRef`): the first thing typed creates it."""

    def __init__(
        self, session: Workspace, report: int | ReportRef, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        if not isinstance(report, ReportRef):
            report = ReportRef.of(session, get_report(session.db, report))
        self.ref = report
        self.agency = get_agency(session.db, report.agency_id)
        self.period = get_period(session.db, report.period_id)
        self.setWindowTitle(labels.report_name(self.agency.name, self.period.name))
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_BANNER)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #a15c00;")
        self.tasks = ReportTaskModel(session, report)
        self.indicators = ReportIndicatorModel(session, report)
        self.spending = ReportSpendingModel(session, report)
        self.task_panel = TablePanel(self.tasks, "Tìm nhiệm vụ")
        self.indicator_panel = TablePanel(self.indicators, "Tìm chỉ tiêu")
        self.spending_panel = TablePanel(self.spending, "Tìm nguồn kinh phí")
        self.task_panel.set_empty_text(
            "Cơ quan này chưa được phân công chủ trì hay phối hợp nhiệm vụ nào "
            "(phân công ở thẻ “Nhiệm vụ”)."
        )
        self.texts = {name: ParagraphEdit(hint) for name, _, hint in _TEXTS}
        self.pages = QTabWidget()
        self.pages.addTab(self.task_panel, "Kết quả thực hiện nhiệm vụ")
        self.pages.addTab(self.indicator_panel, labels.ENTITIES["indicator_values"])
        self.pages.addTab(self._spending_page(), headings.BY_SOURCE)
        self.pages.addTab(self._texts_page(), "Đánh giá, khó khăn, kiến nghị")
        self.buttons = self._buttons()
        layout = QVBoxLayout(self)
        for widget in (self.header, self.missing, self.banner, self.problem):
            layout.addWidget(widget)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._add_shortcuts()
        session.data_changed.connect(self._on_data_changed)
        session.read_only_changed.connect(self._on_read_only)
        session.error.connect(self._show_problem)
        session.message.connect(lambda _: self.problem.clear())
        self.finished.connect(self._disconnect)
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.averageCharWidth() * 190, metrics.height() * 44)
        self.reload()

    def _spending_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        rule = QLabel(
            "Kinh phí đơn vị đã sử dụng cho Kế hoạch, theo từng nguồn (nguồn không sử dụng ghi "
            "0): đây là số được tổng hợp. Cột kinh phí ở trang nhiệm vụ chỉ cho biết tiền đã chi "
            "cho nhiệm vụ nào, mỗi đồng ghi một lần, và không vượt tổng ở đây."
        )
        rule.setWordWrap(True)
        layout.addWidget(rule)
        layout.addWidget(self.spending_panel, 1)
        return page

    def _texts_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.received = QLineEdit()
        self.received.setPlaceholderText("dd/mm/yyyy")
        self.received.setToolTip("Ngày Sở nhận được báo cáo: dùng để tính đúng hạn, trễ hạn")
        self.document_number = QLineEdit()
        self.document_number.setPlaceholderText("ví dụ 125/BC-UBND")
        self.document_date = QLineEdit()
        self.document_date.setPlaceholderText("dd/mm/yyyy")
        form.addRow("Ngày &nhận báo cáo:", self.received)
        form.addRow("&Số văn bản của đơn vị:", self.document_number)
        form.addRow("Ngày &văn bản:", self.document_date)
        for field in (self.received, self.document_number, self.document_date):
            field.editingFinished.connect(self.save_document)
        for name, label, _ in _TEXTS:
            form.addRow(label, self.texts[name])
            self.texts[name].left.connect(self.save_texts)
        self.save_button = QPushButton("&Lưu nội dung (Ctrl+S)")
        self.save_button.clicked.connect(self.save_texts)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        return page

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.submit_button = box.addButton(report_actions.SUBMIT, role)
        self.accept_button = box.addButton(report_actions.ACCEPT, role)
        self.return_button = box.addButton(report_actions.RETURN, role)
        self.reopen_button = box.addButton("&Mở lại…", role)
        close = box.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(texts.CLOSE)
        close.clicked.connect(self.reject)
        self.submit_button.clicked.connect(self._submit)
        self.accept_button.clicked.connect(self._accept)
        self.return_button.clicked.connect(self._return)
        self.reopen_button.clicked.connect(self._reopen)
        return box

    def _add_shortcuts(self) -> None:
        for text, shortcuts, slot in (
            ("Hoàn tác", ["Ctrl+Z"], self.session.undo),
            ("Làm lại", ["Ctrl+Y", "Ctrl+Shift+Z"], self.session.redo),
            (texts.SAVE, ["Ctrl+S"], self.save_texts),
        ):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.triggered.connect(slot)
            self.addAction(action)

    # --- showing ---------------------------------------------------------------------------

    def report(self) -> Report | None:
        """The report, None while nothing has been entered for the agency."""
        return self.ref.find()

    @property
    def report_id(self) -> int | None:
        report = self.report()
        return report.id if report else None

    def lock(self) -> str:
        """Why the report cannot be edited now ("" when it can)."""
        return self.session.read_only_reason or self.ref.lock()

    def reload(self) -> None:
        report = self.report()
        self.tasks.load()
        self.indicators.load()
        self.spending.load()
        for name, edit in self.texts.items():
            edit.setPlainText(_texts(report)[name])
        self._show_document(report)
        self._show_state(report)

    def _show_document(self, report: Report | None) -> None:
        received, number, dated = _document(report)
        self.received.setText(_date_text(received))
        self.document_number.setText(number)
        self.document_date.setText(_date_text(dated))

    def _show_state(self, report: Report | None) -> None:
        status = labels.REPORT_STATUSES[report.status] if report else NO_REPORT
        received = _date_text(report.received_on if report else None) or "chưa nhận"
        self.header.setText(
            f"<b>{html(self.agency.name)}</b> — {html(self.period.name)} (hạn nộp "
            f"{vnformat.format_date(self.period.deadline)})<br>Trạng thái: "
            f"<b>{status}</b> · Ngày nhận: {received}"
        )
        lock = self.lock()
        returned = report is not None and report.status == RETURNED
        note = f"Lý do trả lại: {report.review_note}" if report and returned else ""
        self.banner.setText(lock or note)
        self.banner.setVisible(bool(lock or note))
        for edit in self.texts.values():
            edit.setReadOnly(bool(lock))
        for field in (self.received, self.document_number, self.document_date):
            field.setReadOnly(bool(lock))
        self.save_button.setEnabled(not lock)
        missing = report_missing_items(self.session.db, report) if report else []
        self.missing.setText(summary_text(missing) + "." if missing else "")
        self.missing.setVisible(bool(missing))
        writable = not self.session.read_only
        state = report.status if report else None
        self.submit_button.setEnabled(writable and state in (None, DRAFT, RETURNED))
        self.accept_button.setEnabled(writable and state == SUBMITTED)
        self.return_button.setEnabled(writable and state == SUBMITTED)
        self.reopen_button.setEnabled(writable and state == ACCEPTED)

    def _on_data_changed(self, entities: frozenset[str]) -> None:
        if REPORTS in entities:
            self.tasks.refresh()
            self.indicators.refresh()
            self.spending.refresh()
            report = self.report()
            for name, edit in self.texts.items():
                saved = _texts(report)[name]
                if edit.toPlainText() != saved and not edit.hasFocus():
                    edit.setPlainText(saved)
            self._show_state(report)

    def _on_read_only(self) -> None:
        self.tasks.refresh()  # flags follow the lock; repaint
        self.indicators.refresh()
        self._show_state(self.report())

    def _show_problem(self, message: str) -> None:
        self.problem.setText(f"{texts.NOT_SAVED}: {message}")

    def _disconnect(self) -> None:
        self.save_texts()  # closed with Esc while typing: keep what was typed
        self.save_document()
        self.session.data_changed.disconnect(self._on_data_changed)
        self.session.read_only_changed.disconnect(self._on_read_only)
        self.session.error.disconnect(self._show_problem)

    # --- saving ----------------------------------------------------------------------------

    def save_texts(self) -> bool:
        """Save the assessment, difficulties and proposals if they changed (undoable)."""
        if self.lock():
            return False
        old = _texts(self.report())
        new = {name: edit.toPlainText() for name, edit in self.texts.items()}
        db, ref = self.session.db, self.ref

        def setter(values: dict[str, str]) -> None:
            ref.write(lambda report_id: update_texts(db, report_id, **values))

        text = f"Sửa nội dung báo cáo của {self.agency.display_name}"
        return self.session.perform(value_edit(text, setter, old, new, REPORTS))

    def save_document(self) -> bool:
        """Save the received date and the agency's document number and date (undoable)."""
        if self.lock():
            return False
        try:
            received = _parse_date("Ngày nhận báo cáo", self.received.text())
            dated = _parse_date(headings.DOCUMENT_DATE, self.document_date.text())
        except ValidationError as wrong:
            self._show_problem(wrong.message)
            return False
        old = _document(self.report())
        new = (received, self.document_number.text().strip(), dated)
        db, ref = self.session.db, self.ref

        def store(report_id: int, values: tuple[dt.date | None, str, dt.date | None]) -> None:
            set_received_on(db, report_id, values[0])
            set_document(db, report_id, values[1], values[2])

        def setter(values: tuple[dt.date | None, str, dt.date | None]) -> None:
            ref.write(lambda report_id: store(report_id, values))

        text = f"Sửa ngày nhận, văn bản báo cáo của {self.agency.display_name}"
        return self.session.perform(value_edit(text, setter, old, new, REPORTS))

    def _submit(self) -> None:
        self.save_texts()
        self.save_document()
        report = self.report()
        report_actions.submit(self, self.session, self.period.id, self.agency.id, self.agency.name,
                              received_on=report.received_on if report else None)  # fmt: skip

    def _accept(self) -> None:
        self.save_texts()
        self.save_document()
        if (report_id := self.report_id) is not None:
            report_actions.accept(self, self.session, report_id, self.agency.name)

    def _return(self) -> None:
        if (report_id := self.report_id) is not None:
            report_actions.return_for_correction(self, self.session, report_id, self.agency.name)

    def _reopen(self) -> None:
        if (report_id := self.report_id) is not None:
            report_actions.reopen(self, self.session, report_id, self.agency.name)


def _texts(report: Report | None) -> dict[str, str]:
    """The report's three texts ("" before anything was entered)."""
    return {name: getattr(report, name) if report else "" for name, _, _ in _TEXTS}


def _document(report: Report | None) -> tuple[dt.date | None, str, dt.date | None]:
    if report is None:
        return None, "", None
    return report.received_on, report.document_number, report.document_date


def _date_text(day: dt.date | None) -> str:
    return vnformat.format_date(day) if day else ""


def _parse_date(field: str, text: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return vnformat.parse_date(text)
    except ValueError as error:
        raise ValidationError(field, str(error)) from None
