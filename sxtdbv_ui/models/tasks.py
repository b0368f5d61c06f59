"""The plan's tasks (section III) and duties (section V): who leads, who coordinates (marked
"đề xuất" while a proposal the Sở has not confirmed), when, what they should produce, their
status as the agencies' reports give it (or as the Sở set it) and the progress reported."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtGui import QColor

from sxtdbv_desktop import headings, labels, result_words
from sxtdbv_desktop.agencies import Agency, list_agencies
from sxtdbv_desktop.numbering import group_reference, references
from sxtdbv_desktop.task_status import TaskStatus, task_statuses
from sxtdbv_desktop.tasks import DUTY, Task, TaskGroup, list_groups, list_tasks, update_task
from sxtdbv_ui.models.base import (
    ERROR_TEXT,
    MUTED_TEXT,
    WARNING_BACKGROUND,
    Column,
    Editor,
    EditorKind,
    RowTableModel,
)
from sxtdbv_ui.workspace import AGENCIES, REPORTS, TASKS, Edit, Workspace, value_edit

PROPOSAL_BACKGROUND = QColor("#e8f0fe")
PROPOSED = "đề xuất"


@dataclass(frozen=True)
class TaskRow:
    task: Task
    group: TaskGroup
    leads: str
    coordinators: str
    status: TaskStatus
    number: str  # "III.1.3", the task's reference in the plan, as the forms name it

    @property
    def progress(self) -> int | None:
        return self.status.progress

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.group.section == DUTY, self.group.number, self.task.position)


def group_label(group: TaskGroup) -> str:
    """ "III.1 Đẩy mạnh truyền thông…": how a group is named in pickers."""
    return f"{group_reference(group)} {group.title}"


class TaskModel(RowTableModel[TaskRow]):
    title = "Nhiệm vụ của kế hoạch"
    entities = frozenset({TASKS, AGENCIES, REPORTS})

    def __init__(self, session: Workspace) -> None:
        super().__init__(session, _columns(session))

    def fetch(self) -> list[TaskRow]:
        db, plan_id = self.session.db, self.session.plan_id
        groups = {g.id: g for g in list_groups(db, plan_id)}
        tasks = list_tasks(db, plan_id)
        statuses = task_statuses(db, plan_id, tasks=tasks)
        numbers = references(list(groups.values()), tasks)
        names = _AgencyNames(list_agencies(db, plan_id))
        return [
            TaskRow(
                t,
                groups[t.group_id],
                names.text(t.lead_ids, t.proposed_ids),
                names.text(t.coordinator_ids, t.proposed_ids),
                statuses[t.id],
                numbers[t.id],
            )
            for t in tasks
        ]

    def key(self, row: TaskRow) -> object:
        return row.task.id

    def background(self, row: TaskRow) -> QColor | None:
        if not row.task.is_assigned:
            return WARNING_BACKGROUND
        return PROPOSAL_BACKGROUND if row.task.is_proposal else None


class _AgencyNames:
    """ "Sở Công Thương (đề xuất); Sở TT&TT": the agencies of a role, named once for each
    combination (a plan of 5,000 tasks repeats a few hundred of them)."""

    def __init__(self, agencies: list[Agency]) -> None:
        self._names = {a.id: a.display_name for a in agencies}
        self._texts: dict[tuple[tuple[int, ...], tuple[int, ...]], str] = {}

    def text(self, ids: tuple[int, ...], proposed: tuple[int, ...]) -> str:
        key = (ids, proposed)
        text = self._texts.get(key)
        if text is None:
            names = self._names
            text = self._texts[key] = "; ".join(
                f"{names[a]} ({PROPOSED})" if a in proposed else names[a] for a in ids
            )
        return text


def status_text(status: TaskStatus) -> str:
    """ "Hoàn thành", "Đang thực hiện (tạm tính)", "Hoàn thành (Sở điều chỉnh)",
    "Chưa có báo cáo"."""
    return result_words.task_status(status)


def status_basis(status: TaskStatus) -> str:
    """Where the status comes from, for the detail line."""
    if status.overridden:
        return result_words.override_note(status)
    if status.status is None:
        return "chưa cơ quan nào báo cáo nhiệm vụ này"
    if status.expected and status.reported:
        return f"theo báo cáo của {status.reported}/{status.expected} cơ quan chủ trì"
    return "theo báo cáo của cơ quan phối hợp (cơ quan chủ trì chưa báo cáo)"


def _edit_field(session: Workspace, field: str, text: str, row: TaskRow, value: Any) -> Edit | None:
    def setter(new: Any) -> None:
        update_task(session.db, row.task.id, **{field: new})

    return value_edit(f"{text} {row.number}", setter, getattr(row.task, field), value, TASKS)


def _editor(session: Workspace, field: str, text: str, kind: EditorKind) -> Editor[TaskRow]:
    return Editor(
        kind, lambda r: getattr(r.task, field), partial(_edit_field, session, field, text)
    )


def _status_order(status: TaskStatus) -> int:
    return -1 if status.status is None else list(labels.TASK_STATUSES).index(status.status)


def _progress_text(row: TaskRow) -> str:
    return "" if row.progress is None else f"{row.progress} %"


def _columns(session: Workspace) -> list[Column[TaskRow]]:
    return [
        Column("STT", lambda r: r.number, sort=lambda r: r.order, width=9),
        Column("Nhóm", lambda r: group_label(r.group), sort=lambda r: r.order[:2], hidden=True),
        Column(headings.TASK_TEXT, lambda r: r.task.text, width=0,
               editor=_editor(session, "text", "Sửa nội dung nhiệm vụ", EditorKind.TEXT)),
        Column(headings.LEAD_AGENCIES, lambda r: r.leads or labels.UNASSIGNED, width=20,
               color=lambda r: None if r.task.is_assigned else ERROR_TEXT,
               bold=lambda r: not r.task.is_assigned,
               sort=lambda r: r.leads,
               header_tip="Nhấp đúp để phân công cơ quan chủ trì và phối hợp"),
        Column(headings.COORDINATING_AGENCIES, lambda r: r.coordinators, width=20,
               header_tip="Nhấp đúp để phân công cơ quan chủ trì và phối hợp"),
        Column(headings.TIME_FRAME, lambda r: r.task.time_frame, width=16,
               editor=_editor(session, "time_frame", "Sửa thời gian", EditorKind.LONG_TEXT)),
        Column(headings.PLANNED_OUTPUT, lambda r: r.task.planned_output, width=18,
               editor=_editor(session, "planned_output", "Sửa sản phẩm", EditorKind.LONG_TEXT)),
        Column(headings.STATUS, lambda r: status_text(r.status), width=22,
               sort=lambda r: _status_order(r.status),
               color=lambda r: MUTED_TEXT if r.status.status is None else None,
               tooltip=lambda r: status_basis(r.status),
               header_tip="Tổng hợp từ báo cáo của các cơ quan; nhấp đúp để Sở điều chỉnh"),
        Column("Tiến độ", _progress_text, sort=lambda r: r.progress, width=10,
               progress=lambda r: r.progress, color=lambda r: MUTED_TEXT,
               header_tip="Tiến độ theo báo cáo đã nộp của cơ quan chủ trì"),
    ]  # fmt: skip
