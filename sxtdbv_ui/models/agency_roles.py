"""A pick list of the plan's agencies, each with a role chosen in a combo box (chủ trì, phối hợp,
báo cáo...). It edits its own copy: the dialog that shows it saves on "Đồng ý"."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt

from sxtdbv_desktop import labels
from sxtdbv_desktop.agencies import Agency, list_agencies
from sxtdbv_desktop.plans import local_unit_name
from sxtdbv_ui import texts
from sxtdbv_ui.models.base import MUTED_TEXT, Column, Editor, EditorKind, Index, RowTableModel
from sxtdbv_ui.workspace import Workspace

NO_ROLE = ""


@dataclass(frozen=True)
class RoleRow:
    agency: Agency
    role: str


class AgencyRoleModel(RowTableModel[RoleRow]):
    title = texts.ASSIGN_AGENCIES

    def __init__(self, session: Workspace, roles: dict[str, str], chosen: dict[int, str]) -> None:
        self._roles = {NO_ROLE: "—", **roles}
        self._chosen = dict(chosen)
        choices = list(self._roles.items())
        local = local_unit_name(session.db, session.plan_id)
        columns: list[Column[RoleRow]] = [
            Column("Cơ quan", lambda r: r.agency.name, width=0),
            Column("Loại", lambda r: labels.agency_kind(r.agency.kind, local), width=22),
            Column("Vai trò", lambda r: self._roles[r.role], width=14,
                   sort=lambda r: list(self._roles).index(r.role),
                   color=lambda r: MUTED_TEXT if r.role == NO_ROLE else None,
                   bold=lambda r: r.role != NO_ROLE,
                   editor=Editor(EditorKind.CHOICE, lambda r: r.role, lambda r, v: None,
                                 choices=lambda: choices)),
        ]  # fmt: skip
        super().__init__(session, columns)

    def fetch(self) -> list[RoleRow]:
        agencies = list_agencies(self.session.db, self.session.plan_id)
        return [RoleRow(a, self._chosen.get(a.id, NO_ROLE)) for a in agencies]

    def key(self, row: RoleRow) -> object:
        return row.agency.id

    def lock_reason(self, row: RoleRow) -> str:
        return ""  # a pick list in a dialog; the dialog's "Đồng ý" checks the session

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or value not in self._roles:
            return False
        row = self.rows[index.row()]
        self.rows[index.row()] = replace(row, role=value)
        self._chosen[row.agency.id] = value
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True

    def chosen(self, role: str) -> list[int]:
        """The agencies given `role`, in the plan's order."""
        return [r.agency.id for r in sorted(self.rows, key=lambda r: r.agency.position)
                if r.role == role]  # fmt: skip
