"""An agency's results on the tasks it leads or coordinates, in one report, for entry and review."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sxtdbv_desktop import headings, labels, vnformat
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.reports import (
    TaskResult,
    TaskResultInput,
    clear_task_result,
    set_task_result,
    task_results,
)
from sxtdbv_desktop.tasks import tasks_of_agency
from sxtdbv_ui.models.base import Column, Editor, EditorKind, RowTableModel
from sxtdbv_ui.models.report_ref import ReportRef
from sxtdbv_ui.workspace import REPORTS, Edit, Workspace, value_edit


@dataclass(frozen=True)
class TaskResultRow:
    ref: ReportRef
    task_id: int
    number: str
    text: str
    role: str
    result: TaskResult | None

    def entered(self) -> TaskResultInput | None:
        if self.result is None:
            return None
        fields = {f.name: getattr(self.result, f.name) for f in dataclasses.fields(TaskResultInput)}
        return TaskResultInput(**fields)


class ReportTaskModel(RowTableModel[TaskResultRow]):
    title = "Kết quả thực hiện nhiệm vụ của đơn vị"
    entities = frozenset({REPORTS})

    def __init__(self, session: Workspace, ref: ReportRef) -> None:
        super().__init__(session, _columns(session))
        self.ref = ref
        self._lock = ""

    def fetch(self) -> list[TaskResultRow]:
        db, ref = self.session.db, self.ref
        report = ref.find()
        self._lock = ref.lock()
        plan_id = ref.plan_id
        numbers = task_references(db, plan_id)
        results = {r.task_id: r for r in task_results(db, report.id)} if report else {}
        rows = []
        for task in tasks_of_agency(db, plan_id, ref.agency_id):
            number = numbers[task.id]
            role = labels.ROLES["lead" if ref.agency_id in task.lead_ids else "coordinator"]
            rows.append(TaskResultRow(ref, task.id, number, task.text, role,
                                      results.get(task.id)))  # fmt: skip
        return rows

    def key(self, row: TaskResultRow) -> object:
        return row.task_id

    def lock_reason(self, row: TaskResultRow) -> str:
        return self.session.read_only_reason or self._lock


def _result_edit(session: Workspace, field: str, row: TaskResultRow, value: Any) -> Edit | None:
    old = row.entered()
    new = dataclasses.replace(old or TaskResultInput(task_id=row.task_id), **{field: value})
    db, ref, task_id = session.db, row.ref, row.task_id

    def setter(entry: TaskResultInput | None) -> None:
        if entry is None:
            ref.write(lambda report_id: clear_task_result(db, report_id, task_id))
        else:
            ref.write(lambda report_id: set_task_result(db, report_id, entry))

    return value_edit(f"Sửa kết quả nhiệm vụ {row.number}", setter, old, new, REPORTS)


def _value(field: str, default: Any = None) -> Any:
    return lambda r: getattr(r.result, field) if r.result else default


def _columns(session: Workspace) -> list[Column[TaskResultRow]]:
    def editor(field: str, kind: EditorKind, **more: Any) -> Editor[TaskResultRow]:
        return Editor(kind, _value(field, "not_started" if field == "status" else None),
                      lambda r, v: _result_edit(session, field, r, v), **more)  # fmt: skip

    statuses = list(labels.TASK_STATUSES.items())
    return [
        Column("STT", lambda r: r.number, width=9),
        Column("Nhiệm vụ", lambda r: r.text, width=0),
        Column(headings.ROLE, lambda r: r.role, width=10),
        Column(headings.STATUS, lambda r: labels.task_status(r.result.status) if r.result else "",
               width=18, editor=editor("status", EditorKind.CHOICE, choices=lambda: statuses)),
        Column("Tiến độ", _progress_text,
               width=8, right=True, sort=_value("progress"),
               editor=editor("progress", EditorKind.OPTIONAL_PERCENT)),
        Column(headings.RESULT, lambda r: r.result.result if r.result else "", width=48,
               editor=editor("result", EditorKind.LONG_TEXT)),
        Column(headings.SPENT, lambda r: _money(_value("spent")(r)), width=16, right=True,
               sort=_value("spent"), editor=editor("spent", EditorKind.OPTIONAL_MONEY)),
    ]  # fmt: skip


def _progress_text(row: TaskResultRow) -> str:
    progress = row.result.progress if row.result else None
    return "" if progress is None else f"{progress} %"


def _money(value: int | None) -> str:
    return "" if value is None else vnformat.format_money(value)
