"""Last year beside this year: each indicator's consolidated result in the previous year's
plan, and whether the province moved toward the target.

An indicator is linked to the same indicator of the previous year's plan when the plan was
copied from it, or when it was imported and the Sở chose the link (`indicators.previous_id`).
The previous result is that plan's consolidation, as its own report gives it. "Toward the
target" means a higher figure: every kind of indicator here is a minimum to reach (a count,
a share, a share of yes answers, a reduction rate).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from sqlite_utils import Database

from sxtdbv_desktop.consolidation import IndicatorResult, indicator_results
from sxtdbv_desktop.plans import Plan, get_plan

CLOSER, FURTHER, SAME, NOT_COMPARABLE = "closer", "further", "same", "not_comparable"


@dataclass(frozen=True)
class PreviousResult:
    """Last year's consolidated result of an indicator, and how this year's compares."""

    indicator_id: int  # this year's indicator
    plan: Plan  # last year's plan
    result: IndicatorResult  # last year's indicator, consolidated
    trend: str  # CLOSER, FURTHER, SAME or NOT_COMPARABLE

    @property
    def year(self) -> int:
        return self.plan.year


def previous_results(
    db: Database, plan_id: int, current: list[IndicatorResult] | None = None
) -> dict[int, PreviousResult]:
    """For each indicator of plan `plan_id` linked to last year's, last year's consolidated
    result and the trend, by this year's indicator id. `current`: this year's results, if
    the caller has them already."""
    links = dict(
        db.execute(
            "SELECT i.id, i.previous_id FROM indicators i WHERE i.plan_id = ?"
            " AND i.previous_id IS NOT NULL",
            [plan_id],
        ).fetchall()
    )
    if not links:
        return {}
    earlier_plans = {
        plan_of
        for (plan_of,) in db.execute(
            f"SELECT DISTINCT plan_id FROM indicators WHERE id IN ({','.join('?' * len(links))})",
            list(links.values()),
        )
    }
    earlier: dict[int, tuple[Plan, IndicatorResult]] = {}
    for earlier_plan in earlier_plans:
        plan = get_plan(db, earlier_plan)
        for result in indicator_results(db, earlier_plan):
            earlier[result.indicator.id] = (plan, result)
    now = {r.indicator.id: r for r in current or indicator_results(db, plan_id)}
    found = {}
    for indicator_id, previous_id in links.items():
        if previous_id in earlier and indicator_id in now:
            plan, result = earlier[previous_id]
            trend_now = trend(now[indicator_id], result)
            found[indicator_id] = PreviousResult(indicator_id, plan, result, trend_now)
    return found


def measured(result: IndicatorResult) -> Fraction | None:
    """The figure compared across years: a count, or a rate as a fraction of 1."""
    return None if result.figure is None else Fraction(result.figure)


def trend(current: IndicatorResult, previous: IndicatorResult) -> str:
    """Whether this year's figure is closer to the target than last year's."""
    now, before = measured(current), measured(previous)
    if now is None or before is None or current.indicator.kind != previous.indicator.kind:
        return NOT_COMPARABLE
    if now == before:
        return SAME
    return CLOSER if now > before else FURTHER
