"""Tab "Nhiệm vụ": tasks and duties by group, edited in place; assigning agencies with a
picker and reviewing the proposed assignments; the status the reports give each task, which
the Sở may override; adding and deleting tasks. Tasks without a lead agency stand out, and
proposals the Sở has not confirmed are marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from sxtdbv_desktop.tasks import CONTENT, DUTY, assignments, delete_task, list_groups
from sxtdbv_ui import msgbox
from sxtdbv_ui.assignments import COORDINATOR, LEAD, pick_task_agencies
from sxtdbv_ui.models.tasks import TaskModel, TaskRow, group_label, status_basis, status_text
from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.texts import CANNOT_DELETE, NOT_UNDOABLE, html
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.workspace import AGENCIES, BUDGET, INDICATORS, REPORTS, TASKS, Workspace

__all__ = ["COORDINATOR", "LEAD", "TasksTab"]
_AGENCY_COLUMNS = (3, 4)
_STATUS_COLUMN = 7
_UNASSIGNED, _PROPOSED = "unassigned", "proposed"


class TasksTab(Tab):
    watches = frozenset({TASKS, AGENCIES, REPORTS, INDICATORS})
    can_add = can_delete = True
    add_text, delete_text = "Thêm nhiệm vụ…", "Xóa nhiệm vụ"

    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = TaskModel(session)
        self.panel = TablePanel(self.model, "Tìm nhiệm vụ, cơ quan, sản phẩm… (Ctrl+F)")
        self.group_filter = QComboBox()
        self.group_filter.setToolTip("Chỉ hiện một nhóm nhiệm vụ")
        self.group_filter.currentIndexChanged.connect(self._apply_group_filter)
        self.panel.add_filter(self.group_filter)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #3c4043;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.detail)
        layout.addLayout(self.button_row([
            ("Thêm nhiệm vụ…", self.add_item, True),
            ("Phân công cơ quan…", self.assign_agencies, True),
            ("Điều chỉnh trạng thái…", self.override_status, True),
            ("Xem đề xuất phân công…", self.review_proposals, False),
            ("Xóa nhiệm vụ", self.delete_item, True),
        ]))  # fmt: skip
        self.panel.view.doubleClicked.connect(self._on_double_click)
        self.panel.view.selectionModel().currentRowChanged.connect(self._show_detail)

    def load(self) -> None:
        self._fill_group_filter()
        self.model.load()
        self._show_detail()

    def refresh(self) -> None:
        self.model.refresh()
        self._show_detail()

    def focus_search(self) -> None:
        self.panel.focus_search()

    def _fill_group_filter(self) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem("Tất cả nhiệm vụ", None)
        self.group_filter.addItem("Chưa phân công chủ trì", _UNASSIGNED)
        self.group_filter.addItem("Phân công đề xuất (chưa xác nhận)", _PROPOSED)
        self.group_filter.addItem("Mục III. Nội dung", CONTENT)
        self.group_filter.addItem("Mục V. Tổ chức thực hiện", DUTY)
        for group in list_groups(self.session.db, self.session.plan_id):
            self.group_filter.addItem(group_label(group), group.id)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(current)))
        self.group_filter.blockSignals(False)
        self._apply_group_filter()

    def _apply_group_filter(self) -> None:
        wanted = self.group_filter.currentData()
        if wanted is None:
            self.panel.proxy.set_condition(None)
        elif wanted == _UNASSIGNED:
            self.panel.proxy.set_condition(lambda r: not r.task.is_assigned)
        elif wanted == _PROPOSED:
            self.panel.proxy.set_condition(lambda r: r.task.is_proposal)
        elif wanted in (CONTENT, DUTY):
            self.panel.proxy.set_condition(lambda r: r.group.section == wanted)
        else:
            self.panel.proxy.set_condition(lambda r: r.group.id == wanted)

    def _show_detail(self) -> None:
        row = self.panel.current_row()
        if not isinstance(row, TaskRow):
            self.detail.setText("Chọn một nhiệm vụ để xem đầy đủ nội dung.")
            return
        lead, helpers = html(row.leads or "chưa phân công"), html(row.coordinators or "—")
        status = f"{status_text(row.status)} ({status_basis(row.status)})"
        text = (
            f"<b>{row.number}</b> {html(row.task.text)}<br>"
            f"<b>Chủ trì:</b> {lead} &nbsp; <b>Phối hợp:</b> {helpers}<br>"
            f"<b>Trạng thái:</b> {html(status)}"
        )
        if row.task.is_proposal:
            evidence = [
                a.evidence
                for a in assignments(self.session.db, self.session.plan_id)
                if a.task_id == row.task.id and a.proposed and a.evidence
            ]
            basis = "; ".join(html(e) for e in dict.fromkeys(evidence))
            text += f"<br><b>Căn cứ đề xuất:</b> {basis}"
        self.detail.setText(text)

    def _on_double_click(self, index: QModelIndex) -> None:
        column = self.panel.source_index(index).column()
        if column in _AGENCY_COLUMNS:
            self.assign_agencies()
        elif column == _STATUS_COLUMN:
            self.override_status()

    def add_item(self) -> None:
        # The dialog loads when first opened, not at start-up.
        from sxtdbv_ui.dialogs.task_dialog import TaskDialog  # noqa: PLC0415

        row = self.panel.current_row()
        group_id = row.group.id if isinstance(row, TaskRow) else None
        dialog = TaskDialog(self.session, group_id, self)
        if dialog.exec() and dialog.new_id is not None:
            self._fill_group_filter()
            self.panel.select_key(dialog.new_id)

    def assign_agencies(self) -> None:
        row = self.panel.current_row()
        if isinstance(row, TaskRow):
            pick_task_agencies(self, self.session, row.task.id)

    def override_status(self) -> None:
        # The dialog loads when first opened, not at start-up.
        from sxtdbv_ui.dialogs.task_status_dialog import TaskStatusDialog  # noqa: PLC0415

        row = self.panel.current_row()
        if not isinstance(row, TaskRow):
            return
        if self.session.read_only:
            msgbox.warn(self, "Điều chỉnh trạng thái", self.session.read_only_reason)
            return
        TaskStatusDialog(self.session, row, self).exec()

    def review_proposals(self) -> None:
        # The dialog loads when first opened, not at start-up.
        from sxtdbv_ui.dialogs.proposals_dialog import ProposalsDialog  # noqa: PLC0415

        ProposalsDialog(self.session, self).exec()

    def delete_item(self) -> None:
        row = self.panel.current_row()
        if not isinstance(row, TaskRow):
            return
        question = (
            f"Xóa nhiệm vụ {row.number} “{_short(row.task.text)}”?\n\n"
            "Kết quả các đơn vị đã báo cáo về nhiệm vụ này cũng bị xóa; các dòng kinh phí của "
            f"nhiệm vụ được giữ lại nhưng không còn gắn với nhiệm vụ. {NOT_UNDOABLE}"
        )
        if not msgbox.ask(self, "Xóa nhiệm vụ", question, yes="Xóa"):
            return
        db, task_id = self.session.db, row.task.id
        if not self.session.change("Xóa nhiệm vụ", lambda: delete_task(db, task_id),
                                   TASKS, REPORTS, BUDGET):  # fmt: skip
            msgbox.warn(self, CANNOT_DELETE, self.session.last_error)


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
