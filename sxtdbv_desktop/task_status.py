"""A task's status as its agencies' reports give it, or as the Sở sets it.

Rule: the statuses of the lead agencies' counted reports decide when any lead reported, else
those of every agency that reported the task. If every one says "Không thực hiện", the task is
not carried out; if every other one says "Hoàn thành", it is done; if all say "Chưa thực hiện",
it has not started; any other mix is "Đang thực hiện". An agency that says "Chưa thực hiện"
beside a progress above 0 % is read as "Đang thực hiện". While some lead agencies have not
reported it, the status is provisional. The Sở may override the status, with a note (a
decision of UBND Tỉnh, a report received on paper): the override wins, and says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.reports import COUNTED
from sxtdbv_desktop.tasks import Task, list_tasks

NOT_STARTED, IN_PROGRESS, DONE, CANCELLED = "not_started", "in_progress", "done", "cancelled"


@dataclass(frozen=True)
class TaskStatus:
    """Where one task stands for the period."""

    task_id: int
    status: str | None  # None: nobody has reported a status for it yet
    progress: int | None  # percent, the mean of the deciding reports that gave one
    reported: int  # lead agencies that reported a status (or agencies, when no lead did)
    expected: int  # lead agencies
    overridden: bool = False
    note: str = ""  # the Sở's reason when overridden

    @property
    def provisional(self) -> bool:
        return not self.overridden and self.status is not None and self.reported < self.expected


def combine(statuses: list[str]) -> str | None:
    """One status for a task from its agencies' statuses (see the module's rule)."""
    if not statuses:
        return None
    carried = set(statuses) - {CANCELLED}
    if not carried:
        return CANCELLED
    if carried == {DONE}:
        return DONE
    if carried == {NOT_STARTED}:
        return NOT_STARTED
    return IN_PROGRESS


def _as_reported(status: str, progress: int | None) -> str:
    """An agency's status read with its progress: "Chưa thực hiện" beside a progress above 0 %
    means the work has begun (so a task never shows "Chưa thực hiện" beside 100 %)."""
    if status == NOT_STARTED and progress:
        return IN_PROGRESS
    return status


def task_statuses(
    db: Database, plan_id: int, period_id: int | None = None, *, tasks: list[Task] | None = None
) -> dict[int, TaskStatus]:
    """Every task's status for the period (the main one by default), by task id; `tasks`, the
    plan's tasks when the caller has them already (listing 5,000 tasks takes 50 ms)."""
    period_id = period_id if period_id is not None else main_period(db, plan_id).id
    tasks = tasks if tasks is not None else list_tasks(db, plan_id)
    leads_of = {task.id: task.lead_ids for task in tasks}
    marks = ",".join("?" * len(COUNTED))
    by_lead: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    by_any: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    for task_id, agency_id, given, progress in db.execute(
        "SELECT t.task_id, r.agency_id, t.status, t.progress"
        " FROM task_results t JOIN reports r ON r.id = t.report_id"
        f" WHERE r.plan_id = ? AND r.period_id = ? AND r.status IN ({marks})"
        " AND t.status IS NOT NULL",
        [plan_id, period_id, *COUNTED],
    ):
        status = _as_reported(given, progress)
        by_any[task_id].append((status, progress))
        if agency_id in leads_of.get(task_id, ()):
            by_lead[task_id].append((status, progress))
    return {
        task.id: _status(task, by_lead.get(task.id, _NONE), by_any.get(task.id, _NONE))
        for task in tasks
    }


_NONE: tuple[tuple[str, int | None], ...] = ()  # what was reported of a task nobody reported


def _status(
    task: Task, leads: Sequence[tuple[str, int | None]], everyone: Sequence[tuple[str, int | None]]
) -> TaskStatus:
    deciding = leads or everyone
    figures = [p for _, p in deciding if p is not None]
    progress = (2 * sum(figures) + len(figures)) // (2 * len(figures)) if figures else None
    if task.status_overridden:
        return TaskStatus(task.id, task.status, progress, len(leads), len(task.lead_ids),
                          overridden=True, note=task.note)  # fmt: skip
    status = combine([s for s, _ in deciding])
    return TaskStatus(task.id, status, progress, len(leads), len(task.lead_ids))
