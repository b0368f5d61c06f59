"""Last year beside this year: a copied plan's indicators are linked to last year's, whose
consolidated result and the trend toward the target each indicator carries."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.plans import copy_plan
from sxtdbv_desktop.summary import build_summary
from sxtdbv_desktop.year_over_year import CLOSER, FURTHER, NOT_COMPARABLE, previous_results
from tests.factories import DISTRICTS, file_report


def test_a_plan_without_links_has_no_previous_results(db: Database, plan_id: int) -> None:
    assert previous_results(db, plan_id) == {}


def test_next_years_indicators_show_last_years_results_and_the_trend(
    db: Database, plan_id: int
) -> None:
    for n, code in enumerate(DISTRICTS):  # 2023: 8 of 12 districts, "Chưa đạt"
        file_report(db, plan_id, code, values={"5": {"answer": int(n < 8)}})
    file_report(db, plan_id, "SoCT", values={"1": {"count_value": 2}})
    new_id = copy_plan(db, plan_id, 2024)
    for n, code in enumerate(DISTRICTS):  # 2024: 10 of 12
        file_report(db, new_id, code, dt.date(2024, 12, 5), values={"5": {"answer": int(n < 10)}})
    file_report(db, new_id, "SoCT", dt.date(2024, 12, 5), values={"1": {"count_value": 1}})
    codes = {i.id: i.code for i in list_indicators(db, new_id)}
    found = {codes[k]: v for k, v in previous_results(db, new_id).items()}
    assert set(found) == set(codes.values())  # every indicator is linked by the copy
    five = found["5"]
    assert five.year == 2023
    assert (five.result.numerator, five.result.denominator) == (8, 12)
    assert five.result.verdict == "not_met"
    assert five.trend == CLOSER
    assert found["1"].result.figure == 2 and found["1"].trend == FURTHER
    assert found["2a"].trend == NOT_COMPARABLE  # no figures either year
    summary = {i["code"]: i["previous"] for i in build_summary(db, new_id)["indicators"]}
    assert summary["5"] == {
        "year": 2023,
        "code": "5",
        "value": None,
        "percent": 66.7,
        "verdict": "not_met",
        "trend": "closer",
        "trend_label": "Gần mục tiêu hơn",
    }


def test_a_link_to_a_deleted_plan_is_dropped(db: Database, plan_id: int) -> None:
    new_id = copy_plan(db, plan_id, 2024)
    db.execute("PRAGMA foreign_keys = ON")
    db.table("plans").delete(plan_id)
    assert previous_results(db, new_id) == {}
