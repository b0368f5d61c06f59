"""Tab "Nhiệm vụ": tasks and duties by group, edited in place; assigning agencies with a
picker; adding and deleting tasks. Tasks without a lead agency stand out."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from sxtdbv_desktop.tasks import CONTENT, DUTY, assign, delete_task, list_groups
from ui import msgbox
from ui.dialogs.agency_roles_dialog import AgencyRolesDialog
from ui.dialogs.task_dialog import TaskDialog
from ui.models.tasks import TaskModel, TaskRow, group_label
from ui.session import AGENCIES, BUDGET, REPORTS, TASKS, Session, value_edit
from ui.tabs.base import Tab
from ui.texts import NOT_UNDOABLE
from ui.widgets.table_panel import TablePanel

LEAD, COORDINATOR = "lead", "coordinator"
ROLES = {LEAD: "Chủ trì", COORDINATOR: "Phối hợp"}
_AGENCY_COLUMNS = (3, 4)
_UNASSIGNED = "unassigned"


class TasksTab(Tab):
    title = "Nhiệm vụ"
    watches = frozenset({TASKS, AGENCIES, REPORTS})
    can_add = can_delete = True
    add_text, delete_text = "Thêm nhiệm vụ…", "Xóa nhiệm vụ"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
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
        elif wanted in (CONTENT, DUTY):
            self.panel.proxy.set_condition(lambda r: r.group.section == wanted)
        else:
            self.panel.proxy.set_condition(lambda r: r.group.id == wanted)

    def _show_detail(self) -> None:
        row = self.panel.current_row()
        if not isinstance(row, TaskRow):
            self.detail.setText("Chọn một nhiệm vụ để xem đầy đủ nội dung.")
            return
        lead, helpers = _html(row.leads or "chưa phân công"), _html(row.coordinators or "—")
        self.detail.setText(
            f"<b>{row.number}</b> {_html(row.task.text)}<br>"
            f"<b>Chủ trì:</b> {lead} &nbsp; <b>Phối hợp:</b> {helpers}"
        )

    def _on_double_click(self, index: QModelIndex) -> None:
        if self.panel.source_index(index).column() in _AGENCY_COLUMNS:
            self.assign_agencies()

    def add_item(self) -> None:
        row = self.panel.current_row()
        group_id = row.group.id if isinstance(row, TaskRow) else None
        dialog = TaskDialog(self.session, group_id, self)
        if dialog.exec() and dialog.new_id is not None:
            self._fill_group_filter()
            self.panel.select_key(dialog.new_id)

    def assign_agencies(self) -> None:
        row = self.panel.current_row()
        if not isinstance(row, TaskRow) or self.session.read_only:
            return
        chosen = dict.fromkeys(row.task.lead_ids, LEAD)
        chosen.update(dict.fromkeys(row.task.coordinator_ids, COORDINATOR))
        subject = f"Nhiệm vụ {row.number}: {row.task.text}"
        dialog = AgencyRolesDialog(
            self.session, "Phân công cơ quan", subject, ROLES, chosen, parent=self
        )
        if not dialog.exec():
            return
        old = (list(row.task.lead_ids), list(row.task.coordinator_ids))
        new = (dialog.model.chosen(LEAD), dialog.model.chosen(COORDINATOR))
        db, task_id = self.session.db, row.task.id

        def setter(value: tuple[list[int], list[int]]) -> None:
            assign(db, task_id, *value)

        edit = value_edit(f"Phân công nhiệm vụ {row.number}", setter, old, new, TASKS)
        if not self.session.perform(edit):
            msgbox.warn(self, "Không phân công được", self.session.last_error)

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
            msgbox.warn(self, "Không xóa được", self.session.last_error)


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
