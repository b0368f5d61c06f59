"""Adding a task to a group of the plan (section III) or to an agency's duties (section V)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from sxtdbv_desktop.tasks import add_task, list_groups
from sxtdbv_ui.dialogs.form import FormDialog
from sxtdbv_ui.models.tasks import group_label
from sxtdbv_ui.screen_fit import compact
from sxtdbv_ui.workspace import TASKS, Workspace


class TaskDialog(FormDialog):
    def __init__(
        self, session: Workspace, group_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, "Thêm nhiệm vụ", parent)
        self.group = compact(QComboBox())
        for group in list_groups(session.db, session.plan_id):
            self.group.addItem(group_label(group), group.id)
        if group_id is not None:
            self.group.setCurrentIndex(max(0, self.group.findData(group_id)))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("Nội dung nhiệm vụ như trong kế hoạch")
        self.time_frame = QLineEdit()
        self.time_frame.setPlaceholderText("ví dụ Quý III/2023")
        self.planned_output = QLineEdit()
        self.planned_output.setPlaceholderText("ví dụ 02 hội nghị")
        self.form.addRow("&Nhóm:", self.group)
        self.form.addRow("Nội &dung:", self.text)
        self.form.addRow("&Thời gian:", self.time_frame)
        self.form.addRow("&Sản phẩm:", self.planned_output)
        self.new_id: int | None = None

    def save(self) -> bool:
        created: list[int] = []
        done = self.session.change(
            "Thêm nhiệm vụ",
            lambda: created.append(
                add_task(
                    self.session.db,
                    int(self.group.currentData()),
                    self.text.toPlainText(),
                    time_frame=self.time_frame.text(),
                    planned_output=self.planned_output.text(),
                )
            ),
            TASKS,
        )
        self.new_id = created[0] if created else None
        return done
