"""The plan's agencies: names, kind, whether they must report, and how many tasks they carry."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from sxtdbv_desktop import headings, labels
from sxtdbv_desktop.agencies import Agency, list_agencies, update_agency
from sxtdbv_desktop.plans import local_unit_name
from sxtdbv_desktop.tasks import assignment_counts
from sxtdbv_ui.models.base import MUTED_TEXT, Column, Editor, EditorKind, RowTableModel
from sxtdbv_ui.workspace import AGENCIES, Edit, Workspace, value_edit


@dataclass(frozen=True)
class AgencyRow:
    agency: Agency
    leads: int
    coordinates: int


class AgencyModel(RowTableModel[AgencyRow]):
    title = labels.ENTITIES["agencies"]
    entities = frozenset({AGENCIES})

    def __init__(self, session: Workspace) -> None:
        super().__init__(session, _columns(session))

    def fetch(self) -> list[AgencyRow]:
        counts = assignment_counts(self.session.db, self.session.plan_id)
        return [
            AgencyRow(a, *counts.get(a.id, (0, 0)))
            for a in list_agencies(self.session.db, self.session.plan_id)
        ]

    def key(self, row: AgencyRow) -> object:
        return row.agency.id


def _edit_field(
    session: Workspace, field: str, text: str, row: AgencyRow, value: Any
) -> Edit | None:
    def setter(new: Any) -> None:
        update_agency(session.db, row.agency.id, **{field: new})

    return value_edit(f"{text} “{row.agency.display_name}”", setter,
                      getattr(row.agency, field), value, AGENCIES)  # fmt: skip


def _text_editor(session: Workspace, field: str, text: str, kind: EditorKind) -> Editor[AgencyRow]:
    return Editor(
        kind, lambda r: getattr(r.agency, field), partial(_edit_field, session, field, text)
    )


ADDED = "bổ sung, không nêu tên trong Kế hoạch"


def _name(row: AgencyRow) -> str:
    """The name, marked when the plan does not name the agency (its basis in the tooltip)."""
    return f"{row.agency.name} ({ADDED})" if row.agency.is_added else row.agency.name


def _columns(session: Workspace) -> list[Column[AgencyRow]]:
    def kind(code: str) -> str:
        return labels.agency_kind(code, local_unit_name(session.db, session.plan_id))

    return [
        Column("Mã", lambda r: r.agency.code, width=14,
               editor=_text_editor(session, "code", "Sửa mã cơ quan", EditorKind.TEXT),
               header_tip="Mã không dấu, dùng trong tên tệp báo cáo của cơ quan"),
        Column(headings.AGENCY_NAME, _name, width=0, tooltip=lambda r: r.agency.basis,
               editor=_text_editor(session, "name", "Sửa tên cơ quan", EditorKind.TEXT)),
        Column("Tên viết tắt", lambda r: r.agency.short_name, width=18,
               editor=_text_editor(session, "short_name", "Sửa tên viết tắt",
                                   EditorKind.OPTIONAL_TEXT)),
        Column("Loại", lambda r: kind(r.agency.kind), width=22,
               editor=Editor(EditorKind.CHOICE, lambda r: r.agency.kind,
                             partial(_edit_field, session, "kind", "Đổi loại cơ quan"),
                             choices=lambda: [(k, kind(k)) for k in labels.AGENCY_KINDS])),
        Column(headings.MUST_REPORT, lambda r: labels.YES_NO[r.agency.must_report], width=6,
               sort=lambda r: r.agency.must_report,
               editor=Editor(EditorKind.CHECK, lambda r: r.agency.must_report,
                             lambda r, v: _edit_field(session, "must_report",
                                                      "Đổi nghĩa vụ báo cáo", r, int(v)))),
        Column("Chủ trì (nhiệm vụ)", lambda r: str(r.leads), sort=lambda r: r.leads, right=True,
               width=8, color=lambda r: None if r.leads else MUTED_TEXT),
        Column("Phối hợp (nhiệm vụ)", lambda r: str(r.coordinates), sort=lambda r: r.coordinates,
               right=True, width=8, color=lambda r: None if r.coordinates else MUTED_TEXT),
    ]  # fmt: skip
