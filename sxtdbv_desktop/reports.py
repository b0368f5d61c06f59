"""Agency results reports: periods, the report of one agency for one period, its contents,
and its life cycle draft → submitted → accepted (or returned for correction), with reopening.

An accepted report is read-only until it is reopened; every transition is an audit event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlite_utils import Database

from sxtdbv_desktop import audit, rule_words
from sxtdbv_desktop.errors import LockedError, NotFoundError, ValidationError
from sxtdbv_desktop.headings import SOURCE_SPENT
from sxtdbv_desktop.indicators import get_indicator
from sxtdbv_desktop.labels import ENTITIES, FIELDS
from sxtdbv_desktop.report_inputs import (
    INPUTS,
    IndicatorValue,
    SourceSpending,
    TaskResultInput,
    indicator_value_row,
    task_result_row,
)
from sxtdbv_desktop.schema import MSG_ACCEPTED
from sxtdbv_desktop.storage import insert, select, select_one
from sxtdbv_desktop.text import clean_line, clean_paragraphs

# A report's content, defined in `report_inputs`, is also reached from here.
__all__ = ["INPUTS", "IndicatorValue", "SourceSpending", "TaskResultInput", "indicator_value_row"]

DRAFT, SUBMITTED, ACCEPTED, RETURNED = "draft", "submitted", "accepted", "returned"
COUNTED = (SUBMITTED, ACCEPTED)
"""Statuses whose figures enter the consolidation: drafts and returned reports do not."""


@dataclass(frozen=True)
class Period:
    id: int
    plan_id: int
    code: str
    name: str
    starts_on: dt.date
    ends_on: dt.date
    deadline: dt.date


@dataclass(frozen=True)
class Report:
    id: int
    plan_id: int
    period_id: int
    agency_id: int
    status: str
    received_on: dt.date | None
    general_assessment: str
    difficulties: str
    proposals: str
    source_file_name: str
    source_file_hash: str
    review_note: str
    created_at: str
    updated_at: str
    document_number: str = ""
    document_date: dt.date | None = None


@dataclass(frozen=True)
class TaskResult:
    report_id: int
    task_id: int
    status: str | None  # None: the agency left it blank
    progress: int | None
    result: str
    spent: int | None


@dataclass(frozen=True)
class ReportContent:
    """Everything an agency says in one report: what an imported form replaces at once."""

    general_assessment: str = ""
    difficulties: str = ""
    proposals: str = ""
    task_results: list[TaskResultInput] = field(default_factory=list)
    indicator_values: list[IndicatorValue] = field(default_factory=list)
    spending: list[SourceSpending] = field(default_factory=list)
    document_number: str = ""  # the agency's own document ("125/BC-UBND"), if recorded
    document_date: dt.date | None = None


def list_periods(db: Database, plan_id: int) -> list[Period]:
    return select(
        db, Period, "SELECT * FROM periods WHERE plan_id = ? ORDER BY starts_on, id", [plan_id]
    )


def get_period(db: Database, period_id: int) -> Period:
    period = select_one(db, Period, "SELECT * FROM periods WHERE id = ?", [period_id])
    if period is None:
        raise NotFoundError(f"Không tìm thấy kỳ báo cáo số {period_id}.")
    return period


def list_reports(db: Database, plan_id: int, period_id: int | None = None) -> list[Report]:
    sql = "SELECT * FROM reports WHERE plan_id = ?"
    params: list[object] = [plan_id]
    if period_id is not None:
        sql += " AND period_id = ?"
        params.append(period_id)
    return select(db, Report, sql + " ORDER BY id", params)


def get_report(db: Database, report_id: int) -> Report:
    report = select_one(db, Report, "SELECT * FROM reports WHERE id = ?", [report_id])
    if report is None:
        raise NotFoundError(f"Không tìm thấy báo cáo số {report_id}.")
    return report


def find_report(db: Database, period_id: int, agency_id: int) -> Report | None:
    return select_one(
        db,
        Report,
        "SELECT * FROM reports WHERE period_id = ? AND agency_id = ?",
        [period_id, agency_id],
    )


def task_results(db: Database, report_id: int) -> list[TaskResult]:
    return select(
        db,
        TaskResult,
        "SELECT r.* FROM task_results r JOIN tasks t ON t.id = r.task_id"
        " WHERE r.report_id = ? ORDER BY t.group_id, t.position",
        [report_id],
    )


def indicator_values(db: Database, report_id: int) -> list[IndicatorValue]:
    return select(
        db,
        IndicatorValue,
        "SELECT v.* FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id"
        " WHERE v.report_id = ? ORDER BY i.position",
        [report_id],
    )


def ensure_report(db: Database, period_id: int, agency_id: int) -> Report:
    """The agency's report for the period, created as an empty draft if there is none yet."""
    existing = find_report(db, period_id, agency_id)
    if existing is not None:
        return existing
    period = get_period(db, period_id)
    now = _now()
    row = {
        "plan_id": period.plan_id,
        "period_id": period_id,
        "agency_id": agency_id,
        "status": DRAFT,
        "created_at": now,
        "updated_at": now,
    }
    with db.atomic():
        report_id = insert(db, "reports", row)
    return get_report(db, report_id)


def lock_reason(report: Report) -> str | None:
    """Why the report's contents cannot be edited now, in Vietnamese; None if they can."""
    if report.status == ACCEPTED:
        return MSG_ACCEPTED  # what the data file's own guard says too
    return None


def _check_editable(report: Report) -> None:
    reason = lock_reason(report)
    if reason is not None:
        raise LockedError(reason)


def update_texts(db: Database, report_id: int, **texts: str) -> None:
    """Change the general assessment, difficulties or proposals of an editable report."""
    report = get_report(db, report_id)
    _check_editable(report)
    allowed = {"general_assessment", "difficulties", "proposals"}
    values: dict[str, object] = {}
    for name, value in texts.items():
        if name not in allowed:
            raise ValidationError(name, "không phải là nội dung có thể sửa của báo cáo.")
        values[name] = clean_paragraphs(value, what=FIELDS[name])
    values["updated_at"] = _now()
    with db.atomic():
        db.table("reports").update(report_id, values)


def set_received_on(db: Database, report_id: int, received_on: dt.date | None) -> None:
    report = get_report(db, report_id)
    _check_editable(report)
    with db.atomic():
        db.table("reports").update(
            report_id,
            {"received_on": received_on.isoformat() if received_on else None, "updated_at": _now()},
        )


def set_task_result(db: Database, report_id: int, result: TaskResultInput) -> None:
    """Record (or replace) the agency's result on one task."""
    report = get_report(db, report_id)
    _check_editable(report)
    row = task_result_row(report_id, result)
    with db.atomic():
        db.table("task_results").upsert(row, pk=("report_id", "task_id"))
        db.table("reports").update(report_id, {"updated_at": _now()})


def set_indicator_value(db: Database, report_id: int, value: IndicatorValue) -> None:
    """Record (or replace) the agency's figures for one indicator, checked against its kind."""
    report = get_report(db, report_id)
    _check_editable(report)
    indicator = get_indicator(db, value.indicator_id)
    row = indicator_value_row(report_id, indicator, value)
    with db.atomic():
        db.table("indicator_values").upsert(row, pk=("report_id", "indicator_id"))
        db.table("reports").update(report_id, {"updated_at": _now()})


def replace_report(
    db: Database,
    period_id: int,
    agency_id: int,
    content: ReportContent,
    *,
    received_on: dt.date,
    source_file_name: str = "",
    source_file_hash: str = "",
) -> Report:
    """Replace the agency's whole report for the period in one transaction, as submitted.

    This is what importing a filled form does: a failure anywhere leaves the old report as it
    was. An accepted report is not replaced: it must be reopened first. Items the content
    lacks stay missing (see `completeness`), never filled in.
    """
    existing = find_report(db, period_id, agency_id)
    if existing is not None:
        _check_editable(existing)
    period = get_period(db, period_id)
    indicators = {
        v.indicator_id: get_indicator(db, v.indicator_id) for v in content.indicator_values
    }
    task_rows = [task_result_row(0, r) for r in content.task_results]
    value_rows = [
        indicator_value_row(0, indicators[v.indicator_id], v) for v in content.indicator_values
    ]
    spending_rows = [_spending_row(0, s) for s in content.spending]
    with db.atomic():
        report = existing or ensure_report(db, period.id, agency_id)
        for table in ("task_results", "indicator_values", "source_spending"):
            db.execute(f"DELETE FROM {table} WHERE report_id = ?", [report.id])
        db.table("task_results").insert_all({**row, "report_id": report.id} for row in task_rows)
        db.table("indicator_values").insert_all(
            {**row, "report_id": report.id} for row in value_rows
        )
        db.table("source_spending").insert_all(
            {**row, "report_id": report.id} for row in spending_rows
        )
        db.table("reports").update(
            report.id,
            {
                "status": SUBMITTED,
                "received_on": received_on.isoformat(),
                "general_assessment": clean_paragraphs(content.general_assessment),
                "difficulties": clean_paragraphs(content.difficulties),
                "proposals": clean_paragraphs(content.proposals),
                "source_file_name": source_file_name,
                "source_file_hash": source_file_hash,
                "document_number": clean_line(content.document_number),
                "document_date": _iso(content.document_date),
                "updated_at": _now(),
            },
        )
        audit.log_event(db, "reports", report.id, "replaced", source_file_name)
    return get_report(db, report.id)


def source_spending(db: Database, report_id: int) -> list[SourceSpending]:
    """What the report says was spent, by funding source, in the plan's order of sources."""
    rows = db.execute(
        "SELECT s.source_id, s.amount FROM source_spending s"
        " JOIN funding_sources f ON f.id = s.source_id WHERE s.report_id = ? ORDER BY f.position",
        [report_id],
    ).fetchall()
    return [SourceSpending(source_id, amount) for source_id, amount in rows]


def set_spending(db: Database, report_id: int, source_id: int, amount: int | None) -> None:
    """Record (or, with None, remove) what the agency spent from one funding source."""
    report = get_report(db, report_id)
    _check_editable(report)
    with db.atomic():
        if amount is None:
            db.execute(
                "DELETE FROM source_spending WHERE report_id = ? AND source_id = ?",
                [report_id, source_id],
            )
        else:
            row = _spending_row(report_id, SourceSpending(source_id, amount))
            _check_source(db, report, source_id)
            db.table("source_spending").upsert(row, pk=("report_id", "source_id"))
        db.table("reports").update(report_id, {"updated_at": _now()})


def set_document(db: Database, report_id: int, number: str, date: dt.date | None) -> None:
    """Record the agency's own document: its number ("125/BC-UBND") and date."""
    report = get_report(db, report_id)
    _check_editable(report)
    with db.atomic():
        db.table("reports").update(
            report_id,
            {"document_number": clean_line(number), "document_date": _iso(date),
             "updated_at": _now()},
        )  # fmt: skip


def _spending_row(report_id: int, spending: SourceSpending) -> dict[str, object]:
    amount = whole_money(spending.amount)
    return {"report_id": report_id, "source_id": spending.source_id, "amount": amount}


def whole_money(amount: object) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError(SOURCE_SPENT, "phải là số nguyên đồng.")
    if amount < 0:
        raise ValidationError(SOURCE_SPENT, rule_words.NEGATIVE)
    return amount


def _check_source(db: Database, report: Report, source_id: int) -> None:
    found = db.execute(
        "SELECT 1 FROM funding_sources WHERE id = ? AND plan_id = ?", [source_id, report.plan_id]
    ).fetchone()
    if found is None:
        raise ValidationError(ENTITIES["funding_sources"], "không thuộc kế hoạch của báo cáo.")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def submit(db: Database, report_id: int, received_on: dt.date | None = None) -> None:
    """Mark a draft or returned report as received by the consolidating unit."""
    report = get_report(db, report_id)
    if report.status not in (DRAFT, RETURNED):
        raise LockedError("Chỉ báo cáo đang soạn hoặc bị trả lại mới có thể nộp.")
    day = received_on or report.received_on or dt.date.today()
    _transition(db, report, SUBMITTED, "submitted", extra={"received_on": day.isoformat()})


def accept(db: Database, report_id: int) -> None:
    """Accept a submitted report: its figures are final and it becomes read-only."""
    report = get_report(db, report_id)
    if report.status != SUBMITTED:
        raise LockedError("Chỉ báo cáo đã nộp mới có thể được chấp nhận.")
    _transition(db, report, ACCEPTED, "accepted")


def return_for_correction(db: Database, report_id: int, note: str) -> None:
    """Send a submitted report back to its agency with the reason."""
    report = get_report(db, report_id)
    if report.status != SUBMITTED:
        raise LockedError("Chỉ báo cáo đã nộp mới có thể bị trả lại để chỉnh sửa.")
    note = clean_paragraphs(note)
    if not note:
        raise ValidationError("Lý do trả lại", "cần ghi rõ để đơn vị biết phải sửa gì.")
    _transition(db, report, RETURNED, "returned", extra={"review_note": note})


def reopen(db: Database, report_id: int, reason: str) -> None:
    """Unlock an accepted report for correction; the reason goes to the audit log."""
    report = get_report(db, report_id)
    if report.status != ACCEPTED:
        raise LockedError("Chỉ báo cáo đã được chấp nhận mới cần mở lại.")
    reason = clean_paragraphs(reason)
    if not reason:
        raise ValidationError("Lý do mở lại", "cần ghi rõ (được lưu vào nhật ký).")
    _transition(db, report, SUBMITTED, "reopened", extra={"review_note": reason}, detail=reason)


def _transition(
    db: Database,
    report: Report,
    status: str,
    event: str,
    *,
    extra: dict[str, object] | None = None,
    detail: str = "",
) -> None:
    with db.atomic():
        db.table("reports").update(
            report.id, {"status": status, "updated_at": _now(), **(extra or {})}
        )
        audit.log_event(db, "reports", report.id, event, detail)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def clear_task_result(db: Database, report_id: int, task_id: int) -> None:
    """Remove the agency's result on one task (undoing its first entry)."""
    _check_editable(get_report(db, report_id))
    with db.atomic():
        db.execute(
            "DELETE FROM task_results WHERE report_id = ? AND task_id = ?", [report_id, task_id]
        )
        db.table("reports").update(report_id, {"updated_at": _now()})


def clear_indicator_value(db: Database, report_id: int, indicator_id: int) -> None:
    """Remove the agency's figures for one indicator (undoing their first entry)."""
    _check_editable(get_report(db, report_id))
    with db.atomic():
        db.execute(
            "DELETE FROM indicator_values WHERE report_id = ? AND indicator_id = ?",
            [report_id, indicator_id],
        )
        db.table("reports").update(report_id, {"updated_at": _now()})
