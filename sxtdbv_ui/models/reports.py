"""One row per reporting agency and period: the report's status, when it was received, and
whether it came on time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QColor

from sxtdbv_desktop import headings, labels, vnformat
from sxtdbv_desktop.agencies import Agency, list_agencies
from sxtdbv_desktop.consolidation import LATE, MISSING, ON_TIME, reporting_state
from sxtdbv_desktop.plans import local_unit_name
from sxtdbv_desktop.reports import Period, Report, list_periods, list_reports, set_received_on
from sxtdbv_ui.models.base import (
    ERROR_TEXT,
    GOOD_TEXT,
    MUTED_TEXT,
    Column,
    Editor,
    EditorKind,
    RowTableModel,
)
from sxtdbv_ui.workspace import AGENCIES, REPORTS, Edit, Workspace, value_edit

NO_REPORT = labels.NO_REPORT
_STATE_COLORS = {ON_TIME: GOOD_TEXT, LATE: QColor("#a15c00"), MISSING: ERROR_TEXT}


@dataclass(frozen=True)
class ReportRow:
    agency: Agency
    period: Period
    report: Report | None
    state: str

    @property
    def status_text(self) -> str:
        return labels.REPORT_STATUSES[self.report.status] if self.report else NO_REPORT


class ReportStatusModel(RowTableModel[ReportRow]):
    title = "Tình hình báo cáo của các đơn vị"
    entities = frozenset({REPORTS, AGENCIES})

    def __init__(self, session: Workspace) -> None:
        super().__init__(session, _columns(session))

    def fetch(self) -> list[ReportRow]:
        db, plan_id, today = self.session.db, self.session.plan_id, self.session.today()
        reports = {(r.period_id, r.agency_id): r for r in list_reports(db, plan_id)}
        agencies = list_agencies(db, plan_id)
        rows = []
        for period in list_periods(db, plan_id):
            for agency in agencies:
                report = reports.get((period.id, agency.id))
                if agency.must_report or report is not None:
                    state = reporting_state(report, period.deadline, today)
                    rows.append(ReportRow(agency, period, report, state))
        return rows

    def key(self, row: ReportRow) -> object:
        return (row.period.id, row.agency.id)


def _received_edit(session: Workspace, row: ReportRow, value: Any) -> Edit | None:
    assert row.report is not None
    report_id = row.report.id

    def setter(day: dt.date | None) -> None:
        set_received_on(session.db, report_id, day)

    text = f"Sửa ngày nhận báo cáo của {row.agency.display_name}"
    return value_edit(text, setter, row.report.received_on, value, REPORTS)


def _columns(session: Workspace) -> list[Column[ReportRow]]:
    received: Editor[ReportRow] = Editor(
        EditorKind.OPTIONAL_DATE,
        lambda r: r.report.received_on if r.report else None,
        lambda r, v: _received_edit(session, r, v),
        enabled=lambda r: r.report is not None and r.report.status != "accepted",
    )
    return [
        Column("Cơ quan", lambda r: r.agency.name, width=0),
        Column("Loại", lambda r: labels.agency_kind(r.agency.kind, local_unit_name(
            session.db, session.plan_id)), width=24),
        Column(headings.PERIOD, lambda r: r.period.name, width=14,
               sort=lambda r: r.period.starts_on),
        Column(headings.STATUS, lambda r: r.status_text, width=22,
               color=lambda r: None if r.report else MUTED_TEXT),
        Column(headings.RECEIVED_ON, lambda r: _date(r.report.received_on if r.report else None),
               width=12, sort=lambda r: r.report.received_on if r.report else None,
               editor=received),
        Column("Hạn nộp", lambda r: vnformat.format_date(r.period.deadline), width=12,
               sort=lambda r: r.period.deadline),
        Column("Đúng hạn / trễ hạn", lambda r: labels.REPORTING_STATES[r.state], width=16,
               color=lambda r: _STATE_COLORS.get(r.state), bold=lambda r: r.state in _STATE_COLORS),
        Column("Ghi chú duyệt", lambda r: r.report.review_note if r.report else "", width=40),
    ]  # fmt: skip


def _date(day: dt.date | None) -> str:
    return vnformat.format_date(day) if day else ""
