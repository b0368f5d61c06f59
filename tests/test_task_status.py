"""A task's status consolidated from its agencies' reports, or set by the Sở."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.reports import ReportContent, TaskResultInput, replace_report
from sxtdbv_desktop.task_status import (
    CANCELLED,
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    combine,
    task_statuses,
)
from sxtdbv_desktop.tasks import CONTENT, clear_status_override, list_tasks, override_status
from tests.factories import agency_id

RECEIVED = dt.date(2023, 12, 1)


def report(
    db: Database, plan_id: int, code: str, task_id: int, *, status: str, progress: int
) -> None:
    content = ReportContent(task_results=[TaskResultInput(task_id, status, progress, "", None)])
    period = main_period(db, plan_id).id
    replace_report(db, period, agency_id(db, plan_id, code), content, received_on=RECEIVED)


def test_the_rule_of_combination() -> None:
    assert combine([]) is None
    assert combine([DONE, DONE, CANCELLED]) == DONE
    assert combine([NOT_STARTED, NOT_STARTED]) == NOT_STARTED
    assert combine([CANCELLED, CANCELLED]) == CANCELLED
    assert combine([DONE, NOT_STARTED]) == IN_PROGRESS


def test_the_lead_decides_once_it_has_reported(db: Database, plan_id: int) -> None:
    task = list_tasks(db, plan_id, CONTENT)[1]  # III.1.2: Sở Công Thương leads, 12 districts help
    report(db, plan_id, "HLapVo", task.id, status=DONE, progress=100)
    found = task_statuses(db, plan_id)[task.id]
    assert (found.status, found.provisional) == (DONE, True)  # no lead yet: who reported decides
    assert (found.reported, found.expected) == (0, 1)
    report(db, plan_id, "SoCT", task.id, status=IN_PROGRESS, progress=60)
    found = task_statuses(db, plan_id)[task.id]
    assert (found.status, found.progress, found.reported) == (IN_PROGRESS, 60, 1)


def test_not_started_beside_a_progress_is_work_begun(db: Database, plan_id: int) -> None:
    task = list_tasks(db, plan_id, CONTENT)[0]
    report(db, plan_id, "SoCT", task.id, status=NOT_STARTED, progress=100)
    found = task_statuses(db, plan_id)[task.id]
    assert (found.status, found.progress) == (IN_PROGRESS, 100)


def test_the_sos_override_wins_and_says_why(db: Database, plan_id: int) -> None:
    task = list_tasks(db, plan_id, CONTENT)[0]
    report(db, plan_id, "SoCT", task.id, status=IN_PROGRESS, progress=80)
    override_status(db, task.id, DONE, "Theo Công văn 123/UBND-KT.")
    found = task_statuses(db, plan_id)[task.id]
    assert (found.status, found.overridden, found.note) == (
        DONE,
        True,
        "Theo Công văn 123/UBND-KT.",
    )
    clear_status_override(db, task.id)
    assert task_statuses(db, plan_id)[task.id].status == IN_PROGRESS
