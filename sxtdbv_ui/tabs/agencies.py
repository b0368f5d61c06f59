"""Tab "Cơ quan": the agencies of the plan, edited in place; adding and deleting them."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from sxtdbv_desktop.agencies import Footprint, delete_agency, delete_refusal, footprint
from sxtdbv_ui import msgbox
from sxtdbv_ui.models.agencies import AgencyModel, AgencyRow
from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.texts import CANNOT_DELETE, NOT_UNDOABLE
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.workspace import AGENCIES, BUDGET, REPORTS, TASKS, Workspace


class AgenciesTab(Tab):
    watches = frozenset({AGENCIES, TASKS})
    can_add = can_delete = True
    add_text, delete_text = "Thêm cơ quan…", "Xóa cơ quan"

    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = AgencyModel(session)
        self.panel = TablePanel(self.model, "Tìm cơ quan theo tên, mã hoặc loại (Ctrl+F)")
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def load(self) -> None:
        self.model.load()

    def refresh(self) -> None:
        self.model.refresh()

    def focus_search(self) -> None:
        self.panel.focus_search()

    def add_item(self) -> None:
        # The dialog loads when first opened, not at start-up.
        from sxtdbv_ui.dialogs.agency_dialog import AgencyDialog  # noqa: PLC0415

        dialog = AgencyDialog(self.session, self)
        if dialog.exec() and dialog.new_id is not None:
            self.ensure_current()
            self.panel.select_key(dialog.new_id)

    def delete_item(self) -> None:
        row = self.panel.current_row()
        if not isinstance(row, AgencyRow):
            return
        refusal = delete_refusal(self.session.db, row.agency.id)
        if refusal is not None:  # an accepted report stays until it is reopened
            msgbox.warn(self, CANNOT_DELETE, refusal)
            return
        question = (
            f"Xóa cơ quan “{row.agency.name}” khỏi kế hoạch?\n\n"
            f"{_what_goes(footprint(self.session.db, row.agency.id))} {NOT_UNDOABLE}"
        )
        if not msgbox.ask(self, "Xóa cơ quan", question, yes="Xóa"):
            return
        entities = (AGENCIES, TASKS, REPORTS, BUDGET)
        if not self.session.change(
            "Xóa cơ quan", lambda: delete_agency(self.session.db, row.agency.id), *entities
        ):
            msgbox.warn(self, CANNOT_DELETE, self.session.last_error)


def _what_goes(found: Footprint) -> str:
    """The confirmation's account of what the deletion takes with it."""
    parts = [
        f"{count} {what}"
        for count, what in (
            (found.assignments, "phân công nhiệm vụ"),
            (found.reports, "báo cáo (nháp, đã nộp hoặc bị trả lại) cùng toàn bộ nội dung"),
            (found.indicators, "lần là đơn vị báo cáo chỉ tiêu"),
        )
        if count
    ]
    text = "Cùng bị xóa: " + "; ".join(parts) + "." if parts else "Cơ quan chưa có dữ liệu nào."
    if found.budget_lines:
        text += f" {found.budget_lines} dòng phân bổ kinh phí được giữ, không còn ghi cơ quan."
    return text
