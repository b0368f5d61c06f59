"""Core queries and edits the window needs: task progress from the reports, assignment counts,
and clearing one entry of a report (so that undoing its first entry leaves no trace)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.consolidation import main_period, task_progress
from sxtdbv_desktop.errors import LockedError
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.reports import IndicatorValue, TaskResultInput
from sxtdbv_desktop.tasks import assign, assignment_counts, count_tasks, list_tasks
from tests.factories import agency_id


def _report(db: Database, plan_id: int, code: str) -> reports.Report:
    return reports.ensure_report(db, main_period(db, plan_id).id, agency_id(db, plan_id, code))


def _progress(db: Database, report: reports.Report, task_id: int, progress: int) -> None:
    result = TaskResultInput(task_id=task_id, status="in_progress", progress=progress)
    reports.set_task_result(db, report.id, result)


def test_progress_comes_from_counted_reports_and_prefers_the_lead(
    db: Database, plan_id: int
) -> None:
    task = list_tasks(db, plan_id, "content")[0]
    lead, helper = agency_id(db, plan_id, "SoCT"), agency_id(db, plan_id, "SoTNMT")
    assign(db, task.id, [lead], [helper])
    lead_report, helper_report = _report(db, plan_id, "SoCT"), _report(db, plan_id, "SoTNMT")
    _progress(db, helper_report, task.id, 90)
    assert task_progress(db, plan_id) == {}  # drafts do not count
    reports.submit(db, helper_report.id, dt.date(2023, 12, 1))
    assert task_progress(db, plan_id) == {task.id: 90}
    _progress(db, lead_report, task.id, 45)
    reports.submit(db, lead_report.id, dt.date(2023, 12, 1))
    assert task_progress(db, plan_id) == {task.id: 45}


def test_progress_of_several_leads_is_their_mean_rounded_half_up(
    db: Database, plan_id: int
) -> None:
    task = list_tasks(db, plan_id, "content")[0]
    assign(db, task.id, [agency_id(db, plan_id, "SoCT"), agency_id(db, plan_id, "SoTC")], [])
    for code, figure in (("SoCT", 50), ("SoTC", 55)):
        report = _report(db, plan_id, code)
        _progress(db, report, task.id, figure)
        reports.submit(db, report.id)
    assert task_progress(db, plan_id) == {task.id: 53}


def test_assignment_counts_per_agency(db: Database, plan_id: int) -> None:
    task = list_tasks(db, plan_id, "content")[3]  # led by Sở VH,TT&DL (a proposal)
    soct, sotc = agency_id(db, plan_id, "SoCT"), agency_id(db, plan_id, "SoTC")
    assert soct not in task.lead_ids and sotc not in task.coordinator_ids
    before = assignment_counts(db, plan_id)
    assign(db, task.id, [soct], [sotc])
    after = assignment_counts(db, plan_id)
    assert after[soct] == (before[soct][0] + 1, before[soct][1])
    assert after[sotc] == (before[sotc][0], before[sotc][1] + 1)


def test_counting_tasks_and_those_without_a_lead(db: Database, plan_id: int) -> None:
    assert count_tasks(db, plan_id, "content") == (17, 0)  # every task has a proposed lead
    assert count_tasks(db, plan_id, "duty")[1] == 0
    task = list_tasks(db, plan_id, "content")[0]
    assign(db, task.id, [], [agency_id(db, plan_id, "SoCT")])
    assert count_tasks(db, plan_id, "content") == (17, 1)
    assert count_tasks(db, plan_id)[0] == len(list_tasks(db, plan_id))


def test_clearing_entries_removes_them_but_not_from_an_accepted_report(
    db: Database, plan_id: int
) -> None:
    report = _report(db, plan_id, "SoCT")
    task = list_tasks(db, plan_id)[0]
    indicator = list_indicators(db, plan_id)[0]
    _progress(db, report, task.id, 10)
    value = IndicatorValue(report_id=report.id, indicator_id=indicator.id, count_value=1)
    reports.set_indicator_value(db, report.id, value)
    reports.clear_task_result(db, report.id, task.id)
    reports.clear_indicator_value(db, report.id, indicator.id)
    assert reports.task_results(db, report.id) == []
    assert reports.indicator_values(db, report.id) == []
    _progress(db, report, task.id, 10)
    reports.submit(db, report.id)
    reports.accept(db, report.id)
    with pytest.raises(LockedError):
        reports.clear_task_result(db, report.id, task.id)
    assert len(reports.task_results(db, report.id)) == 1


def test_the_overviews_count_of_proposals_is_the_checks(db: Database, plan_id: int) -> None:
    from sxtdbv_desktop.readiness import check_before_forms, count_proposals

    check = check_before_forms(db, plan_id)
    assert count_proposals(db, plan_id) == check.proposed_assignments + check.proposed_reporters > 0


def test_statuses_from_tasks_already_listed_are_the_same(db: Database, plan_id: int) -> None:
    from sxtdbv_desktop.task_status import task_statuses

    tasks = list_tasks(db, plan_id)
    assert task_statuses(db, plan_id, tasks=tasks) == task_statuses(db, plan_id)
