"""Agency results reports: periods, the report of one agency for one period, its contents,
and its life cycle draft → submitted → accepted (or returned for correction), with reopening.

An accepted report is read-only until it is reopened; every transition is an audit event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlite_utils import Database

from sxtdbv_desktop import audit
from sxtdbv_desktop.errors import LockedError, NotFoundError, ValidationError
from sxtdbv_desktop.indicators import Indicator, get_indicator
from sxtdbv_desktop.schema import TASK_STATUSES
from sxtdbv_desktop.storage import insert, select, select_one
from sxtdbv_desktop.text import clean_paragraphs

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


@dataclass(frozen=True)
class TaskResult:
    report_id: int
    task_id: int
    status: str
    progress: int | None
    result: str
    spent: int | None


@dataclass(frozen=True)
class IndicatorValue:
    report_id: int
    indicator_id: int
    count_value: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    baseline: int | None = None
    current: int | None = None
    answer: int | None = None
    note: str = ""

    def is_complete(self, kind: str) -> bool:
        """Whether every input the indicator's kind needs is given."""
        return all(getattr(self, name) is not None for name in INPUTS[kind])


INPUTS: dict[str, tuple[str, ...]] = {
    "count": ("count_value",),
    "share": ("numerator", "denominator"),
    "reduction": ("baseline", "current"),
    "yes_no": ("answer",),
}
"""The inputs an agency gives for each kind of indicator."""


@dataclass(frozen=True)
class TaskResultInput:
    task_id: int
    status: str = "not_started"
    progress: int | None = None
    result: str = ""
    spent: int | None = None


@dataclass(frozen=True)
class ReportContent:
    """Everything an agency says in one report: what an imported form replaces at once."""

    general_assessment: str = ""
    difficulties: str = ""
    proposals: str = ""
    task_results: list[TaskResultInput] = field(default_factory=list)
    indicator_values: list[IndicatorValue] = field(default_factory=list)


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
        return (
            "Báo cáo đã được chấp nhận nên không thể sửa. "
            "Muốn sửa, hãy mở lại báo cáo (thao tác này được ghi vào nhật ký)."
        )
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
        values[name] = clean_paragraphs(value)
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
    row = _task_result_row(report_id, result)
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
    was. An accepted report is not replaced: it must be reopened first.
    """
    existing = find_report(db, period_id, agency_id)
    if existing is not None:
        _check_editable(existing)
    period = get_period(db, period_id)
    indicators = {
        v.indicator_id: get_indicator(db, v.indicator_id) for v in content.indicator_values
    }
    task_rows = [_task_result_row(0, r) for r in content.task_results]
    value_rows = [
        indicator_value_row(0, indicators[v.indicator_id], v) for v in content.indicator_values
    ]
    with db.atomic():
        report = existing or ensure_report(db, period.id, agency_id)
        db.execute("DELETE FROM task_results WHERE report_id = ?", [report.id])
        db.execute("DELETE FROM indicator_values WHERE report_id = ?", [report.id])
        db.table("task_results").insert_all({**row, "report_id": report.id} for row in task_rows)
        db.table("indicator_values").insert_all(
            {**row, "report_id": report.id} for row in value_rows
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
                "updated_at": _now(),
            },
        )
        audit.log_event(db, "reports", report.id, "replaced", source_file_name)
    return get_report(db, report.id)


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


def _task_result_row(report_id: int, result: TaskResultInput) -> dict[str, object]:
    if result.status not in TASK_STATUSES:
        raise ValidationError("Trạng thái nhiệm vụ", "không hợp lệ.")
    progress = _whole("Tiến độ (%)", result.progress)
    if progress is not None and progress > 100:
        raise ValidationError("Tiến độ (%)", "phải từ 0 đến 100.")
    return {
        "report_id": report_id,
        "task_id": result.task_id,
        "status": result.status,
        "progress": progress,
        "result": clean_paragraphs(result.result),
        "spent": _whole("Kinh phí đã chi", result.spent),
    }


def indicator_value_row(
    report_id: int, indicator: Indicator, value: IndicatorValue
) -> dict[str, object]:
    """The stored row for `value`, after checking it fits the indicator's kind."""
    wanted = INPUTS[indicator.kind]
    row: dict[str, object] = {"report_id": report_id, "indicator_id": indicator.id}
    for name in ("count_value", "numerator", "denominator", "baseline", "current", "answer"):
        given = getattr(value, name)
        if name not in wanted:
            if given is not None:
                raise ValidationError(
                    f"Chỉ tiêu {indicator.code}", f"không nhận giá trị '{name}' cho loại này."
                )
            row[name] = None
            continue
        row[name] = _whole(f"Chỉ tiêu {indicator.code}", given)
    if row["answer"] is not None and row["answer"] not in (0, 1):
        raise ValidationError(f"Chỉ tiêu {indicator.code}", "chỉ nhận Có hoặc Không.")
    numerator, denominator = row["numerator"], row["denominator"]
    if isinstance(numerator, int) and isinstance(denominator, int) and numerator > denominator:
        raise ValidationError(f"Chỉ tiêu {indicator.code}", "số đạt không được lớn hơn tổng số.")
    row["note"] = clean_paragraphs(value.note)
    return row


def _whole(field_name: str, value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field_name, "phải là số nguyên.")
    if value < 0:
        raise ValidationError(field_name, "không được âm.")
    return value


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
