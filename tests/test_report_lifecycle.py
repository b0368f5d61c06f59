"""A report's life: draft, submitted, accepted (read-only), returned, reopened; all logged."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import audit, reports
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.errors import LockedError, ValidationError
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.reports import IndicatorValue, ReportContent, TaskResultInput
from sxtdbv_desktop.tasks import tasks_of_agency
from tests.factories import agency_id, file_report


def draft(db: Database, plan_id: int, code: str = "SoCT") -> reports.Report:
    return reports.ensure_report(db, main_period(db, plan_id).id, agency_id(db, plan_id, code))


def test_an_accepted_report_is_read_only_and_says_why(db: Database, plan_id: int) -> None:
    report = draft(db, plan_id)
    reports.submit(db, report.id, dt.date(2023, 12, 1))
    reports.accept(db, report.id)
    with pytest.raises(LockedError, match="đã được chấp nhận"):
        reports.update_texts(db, report.id, difficulties="Thiếu kinh phí.")
    assert reports.get_report(db, report.id).difficulties == ""


def test_reopening_needs_a_reason_and_is_logged(db: Database, plan_id: int) -> None:
    report = draft(db, plan_id)
    reports.submit(db, report.id)
    reports.accept(db, report.id)
    with pytest.raises(ValidationError):
        reports.reopen(db, report.id, "  ")
    reports.reopen(db, report.id, "Đơn vị gửi lại số liệu chỉ tiêu 3.")
    reports.update_texts(db, report.id, proposals="Bổ sung kinh phí.")
    events = [e.field for e in audit.entries(db, "reports", report.id) if e.action == "event"]
    assert events[:3] == ["reopened", "accepted", "submitted"]


def test_only_submitted_reports_can_be_accepted_or_returned(db: Database, plan_id: int) -> None:
    report = draft(db, plan_id)
    with pytest.raises(LockedError):
        reports.accept(db, report.id)
    with pytest.raises(LockedError):
        reports.return_for_correction(db, report.id, "x")


def test_replacing_a_report_is_all_or_nothing(db: Database, plan_id: int) -> None:
    first = file_report(db, plan_id, "HLapVo", values={"5": {"answer": 1}})
    indicator_5 = next(i for i in list_indicators(db, plan_id) if i.code == "5")
    task = tasks_of_agency(db, plan_id, first.agency_id)[0]
    bad = ReportContent(
        difficulties="Không được lưu.",
        task_results=[TaskResultInput(task_id=task.id, status="done", progress=100)],
        indicator_values=[IndicatorValue(report_id=0, indicator_id=indicator_5.id, answer=2)],
    )
    with pytest.raises(ValidationError):
        reports.replace_report(
            db, first.period_id, first.agency_id, bad, received_on=dt.date(2023, 12, 6)
        )
    after = reports.get_report(db, first.id)
    assert after.difficulties == "" and after.received_on == dt.date(2023, 12, 5)
    assert reports.task_results(db, first.id) == []
    assert [v.answer for v in reports.indicator_values(db, first.id)] == [1]


def test_indicator_values_must_fit_the_indicators_kind(db: Database, plan_id: int) -> None:
    report = draft(db, plan_id)
    share = next(i for i in list_indicators(db, plan_id) if i.kind == "share")
    for wrong in (
        IndicatorValue(report_id=report.id, indicator_id=share.id, numerator=5, denominator=4),
        IndicatorValue(report_id=report.id, indicator_id=share.id, answer=1),
        IndicatorValue(report_id=report.id, indicator_id=share.id, numerator=-1, denominator=4),
    ):
        with pytest.raises(ValidationError):
            reports.set_indicator_value(db, report.id, wrong)
    assert reports.indicator_values(db, report.id) == []


def test_task_results_refuse_float_money_and_progress_over_100(db: Database, plan_id: int) -> None:
    report = draft(db, plan_id)
    task = tasks_of_agency(db, plan_id, report.agency_id)[0]
    with pytest.raises(ValidationError, match="số nguyên"):
        reports.set_task_result(
            db,
            report.id,
            TaskResultInput(task_id=task.id, spent=1000.5),  # type: ignore[arg-type]
        )
    with pytest.raises(ValidationError, match="0 đến 100"):
        reports.set_task_result(db, report.id, TaskResultInput(task_id=task.id, progress=101))
    reports.set_task_result(
        db,
        report.id,
        TaskResultInput(task_id=task.id, status="done", progress=100, spent=5_000_000),
    )
    (stored,) = reports.task_results(db, report.id)
    assert stored.spent == 5_000_000 and type(stored.spent) is int
