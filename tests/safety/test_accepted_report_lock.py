"""An accepted report cannot be edited through any path until it is reopened, which is logged;
the audit log itself only grows."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import agencies, audit, installation, reports, tasks
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.errors import LockedError
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.reports import IndicatorValue, ReportContent, TaskResultInput
from sxtdbv_desktop.schema import MSG_ACCEPTED, MSG_ACCEPTED_DELETE, MSG_AUDIT
from tests.factories import agency_id
from tests.safety.helpers import snapshot

CODE = "HLapVo"


@pytest.fixture
def accepted(db: Database, plan_id: int) -> reports.Report:
    installation.set_up(db, installation.CONSOLIDATING, "Nguyễn Văn Sở")
    task = tasks.tasks_of_agency(db, plan_id, agency_id(db, plan_id, CODE))[0]
    indicator_5 = next(i for i in list_indicators(db, plan_id) if i.code == "5")
    report = reports.replace_report(
        db,
        main_period(db, plan_id).id,
        agency_id(db, plan_id, CODE),
        ReportContent(
            general_assessment="Hoàn thành.",
            task_results=[TaskResultInput(task_id=task.id, status="done", progress=100)],
            indicator_values=[IndicatorValue(report_id=0, indicator_id=indicator_5.id, answer=1)],
        ),
        received_on=dt.date(2023, 12, 5),
    )
    reports.accept(db, report.id)
    return reports.get_report(db, report.id)


def _task(db: Database, report: reports.Report) -> int:
    return reports.task_results(db, report.id)[0].task_id


def _indicator(db: Database, report: reports.Report) -> int:
    return reports.indicator_values(db, report.id)[0].indicator_id


CORE_PATHS: dict[str, Callable[[Database, reports.Report], object]] = {
    "update_texts": lambda db, r: reports.update_texts(db, r.id, proposals="Thêm."),
    "set_received_on": lambda db, r: reports.set_received_on(db, r.id, dt.date(2023, 12, 1)),
    "set_task_result": lambda db, r: reports.set_task_result(
        db, r.id, TaskResultInput(task_id=_task(db, r), status="in_progress", progress=10)
    ),
    "set_indicator_value": lambda db, r: reports.set_indicator_value(
        db, r.id, IndicatorValue(report_id=0, indicator_id=_indicator(db, r), answer=0)
    ),
    "replace_report (an import)": lambda db, r: reports.replace_report(
        db, r.period_id, r.agency_id, ReportContent(), received_on=dt.date(2023, 12, 9)
    ),
    "submit": lambda db, r: reports.submit(db, r.id),
    "accept again": lambda db, r: reports.accept(db, r.id),
    "return_for_correction": lambda db, r: reports.return_for_correction(db, r.id, "Sai."),
}


@pytest.mark.parametrize("path", CORE_PATHS)
def test_no_core_function_edits_an_accepted_report(
    db: Database, accepted: reports.Report, path: str
) -> None:
    before = snapshot(db)
    with pytest.raises(LockedError):
        CORE_PATHS[path](db, accepted)
    assert snapshot(db) == before


RAW_SQL = [
    "UPDATE reports SET general_assessment = 'Sửa lén' WHERE id = :id",
    "UPDATE reports SET received_on = '2023-01-01' WHERE id = :id",
    "UPDATE task_results SET progress = 5 WHERE report_id = :id",
    "DELETE FROM task_results WHERE report_id = :id",
    "INSERT INTO task_results (report_id, task_id) SELECT :id, id FROM tasks"
    " WHERE id NOT IN (SELECT task_id FROM task_results WHERE report_id = :id) LIMIT 1",
    "UPDATE indicator_values SET answer = 0 WHERE report_id = :id",
    "DELETE FROM indicator_values WHERE report_id = :id",
    "INSERT OR REPLACE INTO indicator_values (report_id, indicator_id, answer)"
    " SELECT report_id, indicator_id, 0 FROM indicator_values WHERE report_id = :id",
]


@pytest.mark.parametrize("sql", RAW_SQL)
def test_raw_sql_cannot_edit_an_accepted_report(
    db: Database, accepted: reports.Report, sql: str
) -> None:
    before = snapshot(db)
    with pytest.raises(LockedError, match=MSG_ACCEPTED.split(".")[0]):
        db.execute(sql, {"id": accepted.id})
    assert snapshot(db) == before


def test_reopening_is_logged_with_reason_and_name_then_allows_edits(
    db: Database, accepted: reports.Report
) -> None:
    reports.reopen(db, accepted.id, "Đơn vị gửi lại số liệu.")
    reports.update_texts(db, accepted.id, proposals="Bổ sung kinh phí.")
    entries = audit.entries(db, "reports", accepted.id)
    (reopened,) = [e for e in entries if e.field == "reopened"]
    assert (reopened.new_value, reopened.user_name) == ("Đơn vị gửi lại số liệu.", "Nguyễn Văn Sở")
    (status,) = [e for e in entries if e.field == "status" and e.old_value == "accepted"]
    assert status.new_value == "submitted"
    assert reports.get_report(db, accepted.id).proposals == "Bổ sung kinh phí."


def test_an_accepted_report_stays_when_its_agency_is_deleted(
    db: Database, plan_id: int, accepted: reports.Report
) -> None:
    # Deleting one of its tasks was already refused; deleting its agency took it along.
    before = snapshot(db)
    with pytest.raises(LockedError, match="đã được chấp nhận"):
        agencies.delete_agency(db, accepted.agency_id)
    with pytest.raises(LockedError, match=MSG_ACCEPTED_DELETE.split(",")[0]):
        db.execute("DELETE FROM agencies WHERE id = ?", [accepted.agency_id])  # the guard
    assert snapshot(db) == before
    reports.reopen(db, accepted.id, "Cơ quan đã giải thể.")
    found = agencies.footprint(db, accepted.agency_id)
    assert (found.reports, found.accepted) == (1, ())
    agencies.delete_agency(db, accepted.agency_id)
    assert reports.list_reports(db, plan_id) == []


@pytest.mark.parametrize(
    "sql", ["UPDATE audit_log SET new_value = 'khác'", "DELETE FROM audit_log WHERE id = 1"]
)
def test_the_audit_log_only_grows(db: Database, sql: str) -> None:
    before = snapshot(db)
    with pytest.raises(LockedError, match=MSG_AUDIT):
        db.execute(sql)
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute(sql)
    db.conn.rollback()
    assert snapshot(db) == before
