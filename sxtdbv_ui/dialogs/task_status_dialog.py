"""The Sở sets a task's status itself (with the reason), or lets its agencies' reports decide.

A task's status normally comes from the reports of its lead agencies; the Sở overrides it when
it knows better (a report received on paper, a decision of UBND Tỉnh). The override is an
undoable edit and is logged with its note.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from sxtdbv_desktop import headings, labels
from sxtdbv_desktop.tasks import clear_status_override, override_status
from sxtdbv_ui.dialogs.form import FormDialog
from sxtdbv_ui.models.tasks import TaskRow, status_basis, status_text
from sxtdbv_ui.texts import html
from sxtdbv_ui.workspace import TASKS, Workspace, value_edit

FROM_REPORTS = ""


class TaskStatusDialog(FormDialog):
    def __init__(self, session: Workspace, row: TaskRow, parent: QWidget | None = None) -> None:
        super().__init__(session, f"{headings.TASK_STATUS} {row.number}", parent)
        self.row = row
        subject = QLabel(f"<b>{row.number}</b> {html(row.task.text)}")
        subject.setWordWrap(True)
        self.form.addRow(subject)
        now = QLabel(f"Hiện nay: {status_text(row.status)} — {status_basis(row.status)}.")
        now.setWordWrap(True)
        self.form.addRow(now)
        self.status = QComboBox()
        self.status.addItem("Theo báo cáo của các cơ quan", FROM_REPORTS)
        for code, label in labels.TASK_STATUSES.items():
            self.status.addItem(f"{labels.OVERRIDDEN}: {label}", code)
        task = row.task
        current = task.status if task.status_overridden else FROM_REPORTS
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.note = QPlainTextEdit(task.note if task.status_overridden else "")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Lý do điều chỉnh, ví dụ: theo Công văn số …/SCT ngày …")
        self.form.addRow("&Trạng thái:", self.status)
        self.form.addRow("&Lý do:", self.note)
        self.status.currentIndexChanged.connect(self._enable_note)
        self._enable_note()

    def _enable_note(self) -> None:
        self.note.setEnabled(self.status.currentData() != FROM_REPORTS)

    def save(self) -> bool:
        task, db = self.row.task, self.session.db
        code = self.status.currentData()
        new = None if code == FROM_REPORTS else (str(code), self.note.toPlainText())
        old = (task.status, task.note) if task.status_overridden else None

        def setter(value: tuple[str, str] | None) -> None:
            if value is None:
                clear_status_override(db, task.id)
            else:
                override_status(db, task.id, *value)

        text = f"Điều chỉnh trạng thái nhiệm vụ {self.row.number}"
        return self.session.perform(value_edit(text, setter, old, new, TASKS))
