"""Who may change what, asked before trying: the window greys out what is refused, with why.

The rules themselves are enforced by SQLite (the guards of schema 0002) and by the core's
functions; these questions only let the window say so before the user types anything.
Each answer is None (allowed) or the Vietnamese reason it is not.
"""

from __future__ import annotations

from sqlite_utils import Database

from sxtdbv_desktop import installation, reports
from sxtdbv_desktop.agencies import get_agency
from sxtdbv_desktop.errors import LockedError
from sxtdbv_desktop.schema import MSG_OTHER_AGENCY, MSG_PLAN_LOCKED, MSG_REVIEW


def read_only_reason(db: Database) -> str | None:
    """Why the whole file is open read-only (another program writes it), or None."""
    reason = getattr(db, "read_only_reason", None)
    return f"Tệp dữ liệu đang mở chỉ để xem: {reason}" if reason else None


def plan_lock_reason(db: Database) -> str | None:
    """Why the plan (targets, tasks, agencies, budget, periods...) cannot be changed here."""
    if reason := read_only_reason(db):
        return reason
    return MSG_PLAN_LOCKED if installation.load(db).is_agency else None


def report_lock_reason(db: Database, report: reports.Report) -> str | None:
    """Why the contents of `report` cannot be changed here."""
    if reason := read_only_reason(db):
        return reason
    setup = installation.load(db)
    if setup.is_agency and get_agency(db, report.agency_id).code != setup.agency_code:
        return MSG_OTHER_AGENCY
    return reports.lock_reason(report)


def review_lock_reason(db: Database) -> str | None:
    """Why reports cannot be accepted, returned or reopened here."""
    if reason := read_only_reason(db):
        return reason
    return MSG_REVIEW if installation.load(db).is_agency else None


def require(reason: str | None) -> None:
    """Raise `LockedError(reason)` unless `reason` is None."""
    if reason is not None:
        raise LockedError(reason)
