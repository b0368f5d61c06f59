"""Saving a reviewed draft as a plan of the data file, and linking its indicators to last
year's.

A draft is saved only when nothing blocks it (year, province, title, reporting deadline) and
every flag is resolved, or the user accepts the flagged values as read. It is then loaded like
a plan file, in one transaction. An indicator is linked to the same indicator of the
province's plan of the year before: proposed here by code and kind, chosen in the review.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from sxtdbv_desktop import headings
from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.indicators import Indicator, list_indicators
from sxtdbv_desktop.labels import FIELDS
from sxtdbv_desktop.plan_file import load_plan
from sxtdbv_desktop.plan_import.draft import Draft, Flag
from sxtdbv_desktop.plans import Plan, find_plan
from sxtdbv_desktop.text import clean_line


def previous_plan(db: Database, draft: Draft) -> Plan | None:
    """The same province's plan of the year before the draft's, if the file holds it."""
    year, province = draft.plan.get("year"), clean_line(draft.plan.get("province") or "")
    if not isinstance(year, int) or not province:
        return None
    return find_plan(db, province, year - 1)


def previous_indicators(db: Database, draft: Draft) -> list[Indicator]:
    """Last year's indicators a draft's indicator may be linked to."""
    plan = previous_plan(db, draft)
    return list_indicators(db, plan.id) if plan else []


def propose_previous(db: Database, draft: Draft) -> int:
    """Link each indicator without a link to last year's of the same code and kind; return
    how many are linked."""
    earlier = {(i.code, i.kind): i.code for i in previous_indicators(db, draft)}
    linked = 0
    for indicator in draft.indicators():
        if not indicator.get("previous"):
            indicator["previous"] = earlier.get((indicator["code"], indicator["kind"]))
        linked += bool(indicator.get("previous"))
    return linked


def check_draft(draft: Draft, *, accept_flagged: bool = False) -> None:
    """Raise `ValidationError` if the draft cannot be saved as it is."""
    blocking = draft.blocking() + _missing(draft)
    if blocking:
        raise ValidationError(
            "Kế hoạch chưa lưu được",
            "còn thiếu: " + "; ".join(dict.fromkeys(f.where for f in blocking)) + ".",
        )
    left = draft.unresolved()
    if left and not accept_flagged:
        raise ValidationError(
            "Kế hoạch chưa lưu",
            f"còn {len(left)} điểm cần kiểm tra; hãy xác nhận hoặc sửa từng điểm (cửa sổ "
            "Nhập kế hoạch từ văn bản), hoặc chấp nhận như đã đọc (--accept-flagged).",
        )


def _missing(draft: Draft) -> list[Flag]:
    plan = draft.plan
    found = []
    if not isinstance(plan.get("year"), int):
        found.append(Flag("plan.year", headings.PLAN_YEAR, "", blocking=True))
    if not clean_line(plan.get("province") or ""):
        found.append(Flag("plan.province", "Tỉnh", "", blocking=True))
    if not clean_line(plan.get("title") or ""):
        found.append(Flag("plan.title", headings.PLAN_TITLE, "", blocking=True))
    if not _is_date(plan.get("reporting_deadline")):
        found.append(
            Flag("plan.reporting_deadline", FIELDS["reporting_deadline"], "", blocking=True)
        )
    return found


def _is_date(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def save_draft(db: Database, draft: Draft, *, accept_flagged: bool = False) -> int:
    """Save the reviewed draft as a new plan; return its id."""
    check_draft(draft, accept_flagged=accept_flagged)
    _with_period(draft)
    return load_plan(db, draft.data)


def _with_period(draft: Draft) -> None:
    """The yearly period follows the year and deadline as reviewed."""
    year, deadline = draft.plan["year"], draft.plan["reporting_deadline"]
    draft.data["periods"] = [
        {
            "code": str(year),
            "name": f"Năm {year}",
            "starts_on": f"{year}-01-01",
            "ends_on": f"{year}-12-31",
            "deadline": deadline,
        }
    ]
