"""Choosing agencies for a task (chủ trì / phối hợp) or for an indicator (đơn vị báo cáo)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from sxtdbv_ui.dialogs.form import FormDialog
from sxtdbv_ui.models.agency_roles import AgencyRoleModel
from sxtdbv_ui.screen_fit import fit_to_screen
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.workspace import Workspace


class AgencyRolesDialog(FormDialog):
    """Shows every agency with a role picker; the caller saves `model.chosen(role)` on OK."""

    def __init__(
        self,
        session: Workspace,
        title: str,
        subject: str,
        roles: dict[str, str],
        chosen: dict[int, str],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, title, parent)
        label = QLabel(subject)
        label.setWordWrap(True)
        self.form.addRow(label)
        self.model = AgencyRoleModel(session, roles, chosen)
        self.model.load()
        self.panel = TablePanel(self.model, "Tìm cơ quan (gõ không dấu cũng được)")
        self.form.addRow(self.panel)
        hint = QLabel("Chọn vai trò ở cột “Vai trò” (nhấp đúp hoặc gõ phím bất kỳ).")
        hint.setStyleSheet("color: #5f6368;")
        self.form.addRow(hint)
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.averageCharWidth() * 110, metrics.height() * 36)

    def save(self) -> bool:
        return True
