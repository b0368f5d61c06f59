"""One agency's report for one period, as the report dialog and its tables hold it: it may not
exist yet. Opening a report creates nothing; the first thing typed into it creates the draft
(in the same transaction as the value), so no empty draft is left by just looking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sxtdbv_desktop.reports import Report, ensure_report, find_report, get_period, lock_reason
from sxtdbv_ui.workspace import Workspace

T = TypeVar("T")


@dataclass(frozen=True)
class ReportRef:
    session: Workspace
    period_id: int
    agency_id: int

    @classmethod
    def of(cls, session: Workspace, report: Report) -> ReportRef:
        return cls(session, report.period_id, report.agency_id)

    @property
    def plan_id(self) -> int:
        return get_period(self.session.db, self.period_id).plan_id

    def find(self) -> Report | None:
        """The report, or None while nothing was entered."""
        return find_report(self.session.db, self.period_id, self.agency_id)

    def lock(self) -> str:
        """Why it cannot be edited now ("" when it can; a report not yet made can be)."""
        report = self.find()
        return (lock_reason(report) or "") if report is not None else ""

    def write(self, change: Callable[[int], T]) -> T:
        """Apply `change(report_id)`, creating the draft first if there is none, in one
        transaction: a refused value leaves no empty draft behind."""
        db = self.session.db
        with db.atomic():
            return change(ensure_report(db, self.period_id, self.agency_id).id)
