"""When a report counts as on time: a plan setting, because plans word the deadline two ways.

"… báo cáo … về Sở Công Thương trước ngày 10/12/2023" read strictly means received on 9/12 at
the latest: that is the default. "… chậm nhất ngày 10/12/2023" means the deadline day itself
still counts. The Sở chooses; the consolidated report states the rule it applied.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from sxtdbv_desktop import rule_words
from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.vnformat import format_date

BEFORE, BY = "before", "by"
RULES = (BEFORE, BY)
DEFAULT = BEFORE
KEY = "on_time_rule"

LABELS = {
    BEFORE: "Trước ngày hạn (báo cáo nhận đúng ngày hạn là trễ hạn)",
    BY: "Chậm nhất ngày hạn (báo cáo nhận đúng ngày hạn vẫn đúng hạn)",
}


def load(db: Database, plan_id: int) -> str:
    row = db.execute(
        "SELECT value FROM plan_settings WHERE plan_id = ? AND key = ?", [plan_id, KEY]
    ).fetchone()
    return row[0] if row and row[0] in RULES else DEFAULT


def save(db: Database, plan_id: int, rule: str) -> None:
    if rule not in RULES:
        raise ValidationError("Quy tắc tính đúng hạn", rule_words.INVALID)
    with db.atomic():
        db.table("plan_settings").upsert(
            {"plan_id": plan_id, "key": KEY, "value": rule}, pk=("plan_id", "key")
        )


def is_on_time(received: dt.date, deadline: dt.date, rule: str) -> bool:
    return received < deadline if rule == BEFORE else received <= deadline


def last_on_time_day(deadline: dt.date, rule: str) -> dt.date:
    return deadline - dt.timedelta(days=1) if rule == BEFORE else deadline


def sentence(deadline: dt.date, rule: str) -> str:
    """The rule in one sentence of the report."""
    day = format_date(deadline)
    if rule == BEFORE:
        return (
            f"Báo cáo được tính là đúng hạn khi nhận được trước ngày {day} "
            f"(chậm nhất ngày {format_date(last_on_time_day(deadline, rule))})."
        )
    return f"Báo cáo được tính là đúng hạn khi nhận được chậm nhất ngày {day}."
