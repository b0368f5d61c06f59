"""The consolidation engine: indicator figures and verdicts, reporting completeness and
timeliness, and the budget position, from every agency's report.

The rules (DOMAIN.md): shares add numerators and denominators; yes/no answers count the yes
over every expected unit; reductions add baselines and current quantities; counts add. A
verdict is computed, never typed, with exact fractions so that 69,96 % is never "Đạt" for 70 %.
Only submitted and accepted reports count; missing data is "no_data", never a division error.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from sqlite_utils import Database

from sxtdbv_desktop.agencies import Agency, list_agencies
from sxtdbv_desktop.budget import FundingSource, list_lines, list_sources
from sxtdbv_desktop.indicators import Indicator, list_indicators, reporter_ids
from sxtdbv_desktop.plans import get_plan
from sxtdbv_desktop.reports import COUNTED, IndicatorValue, Period, Report, list_periods
from sxtdbv_desktop.reports import list_reports as _list_reports
from sxtdbv_desktop.storage import select

MET, NOT_MET, EXCEEDED, NO_DATA = "met", "not_met", "exceeded", "no_data"


@dataclass(frozen=True)
class Contribution:
    """One agency's figures for an indicator, and the figure they make on their own."""

    agency_id: int
    value: IndicatorValue
    figure: Fraction | int | None


@dataclass(frozen=True)
class IndicatorResult:
    """An indicator consolidated over the counted reports.

    `figure` is the count for a count indicator, else the rate as a fraction of 1.
    `numerator`/`denominator` are what the rate was made of: achieved / total for a share,
    yes answers / expected units for yes-no, (baseline − current) / baseline for a reduction.
    """

    indicator: Indicator
    figure: Fraction | int | None
    numerator: int | None
    denominator: int | None
    verdict: str
    reported: int
    expected: int
    contributions: tuple[Contribution, ...]

    @property
    def percent(self) -> Fraction | None:
        if self.figure is None or not self.indicator.is_ratio:
            return None
        return Fraction(self.figure) * 100


def verdict(indicator: Indicator, figure: Fraction | int | None) -> str:
    """Đạt / Chưa đạt / Vượt / Chưa có số liệu, as a code, for a consolidated figure."""
    if figure is None:
        return NO_DATA
    measured = Fraction(figure) * 100 if indicator.is_ratio else Fraction(figure)
    if indicator.exceed_above is not None and measured > indicator.exceed_above:
        return EXCEEDED
    return MET if measured >= indicator.threshold else NOT_MET


def consolidate(
    indicator: Indicator, values: dict[int, IndicatorValue], population: list[int]
) -> IndicatorResult:
    """Consolidate one indicator from the values of the counted reports, by agency id.

    `population` is the expected reporters: for a yes/no indicator it is the denominator.
    """
    complete = {a: v for a, v in values.items() if v.is_complete(indicator.kind)}
    if indicator.kind == "yes_no":
        complete = {a: v for a, v in complete.items() if a in population}
    figure, numerator, denominator = _figure(indicator.kind, list(complete.values()), population)
    contributions = tuple(
        Contribution(a, v, _figure(indicator.kind, [v], [a])[0] if a in complete else None)
        for a, v in values.items()
    )
    return IndicatorResult(
        indicator=indicator,
        figure=figure,
        numerator=numerator,
        denominator=denominator,
        verdict=verdict(indicator, figure),
        reported=len(complete),
        expected=len(population),
        contributions=contributions,
    )


def _figure(
    kind: str, values: list[IndicatorValue], population: list[int]
) -> tuple[Fraction | int | None, int | None, int | None]:
    if not values:
        return None, None, None
    if kind == "count":
        total = sum(v.count_value or 0 for v in values)
        return total, None, None
    if kind == "share":
        numerator = sum(v.numerator or 0 for v in values)
        denominator = sum(v.denominator or 0 for v in values)
        return _rate(numerator, denominator), numerator, denominator
    if kind == "reduction":
        baseline = sum(v.baseline or 0 for v in values)
        reduced = baseline - sum(v.current or 0 for v in values)
        return _rate(reduced, baseline), reduced, baseline
    yes = sum(1 for v in values if v.answer == 1)
    return _rate(yes, len(population)), yes, len(population)


def _rate(numerator: int, denominator: int) -> Fraction | None:
    return Fraction(numerator, denominator) if denominator > 0 else None


def main_period(db: Database, plan_id: int) -> Period:
    """The period the plan's results report covers: the one ending last (the whole year)."""
    periods = list_periods(db, plan_id)
    if not periods:
        raise LookupError(f"plan {plan_id} has no reporting period")
    return max(periods, key=lambda p: (p.ends_on, p.ends_on - p.starts_on))


def counted_reports(db: Database, plan_id: int, period_id: int) -> list[Report]:
    return [r for r in _list_reports(db, plan_id, period_id) if r.status in COUNTED]


def indicator_results(
    db: Database, plan_id: int, period_id: int | None = None
) -> list[IndicatorResult]:
    """Every indicator of the plan consolidated for the period (the main one by default)."""
    period_id = period_id if period_id is not None else main_period(db, plan_id).id
    agency_of = {r.id: r.agency_id for r in counted_reports(db, plan_id, period_id)}
    by_indicator: dict[int, dict[int, IndicatorValue]] = defaultdict(dict)
    if agency_of:
        marks = ",".join("?" * len(agency_of))
        for value in select(
            db,
            IndicatorValue,
            f"SELECT * FROM indicator_values WHERE report_id IN ({marks})",
            list(agency_of),
        ):
            by_indicator[value.indicator_id][agency_of[value.report_id]] = value
    return [
        consolidate(i, by_indicator.get(i.id, {}), reporter_ids(db, i))
        for i in list_indicators(db, plan_id)
    ]


ON_TIME, LATE, RETURNED_STATE, DRAFT_STATE, MISSING, NOT_DUE = (
    "on_time",
    "late",
    "returned",
    "draft",
    "missing",
    "not_due",
)


@dataclass(frozen=True)
class AgencyReporting:
    """Where one expected agency stands for the period."""

    agency: Agency
    report: Report | None
    state: str

    @property
    def received(self) -> bool:
        return self.state in (ON_TIME, LATE)


@dataclass(frozen=True)
class ReportingSummary:
    """DHIS2's reporting-rate summary: expected, received, on time, and their rates."""

    period: Period
    expected: int
    received: int
    on_time: int
    agencies: tuple[AgencyReporting, ...]

    @property
    def late(self) -> int:
        return self.received - self.on_time

    @property
    def missing(self) -> int:
        return self.expected - self.received

    @property
    def completeness(self) -> Fraction | None:
        return _rate(self.received, self.expected)

    @property
    def timeliness(self) -> Fraction | None:
        return _rate(self.on_time, self.expected)


def reporting_state(report: Report | None, deadline: dt.date, today: dt.date) -> str:
    """On time, late, returned, draft, missing or not yet due."""
    if report is not None and report.status in COUNTED:
        received = report.received_on or deadline + dt.timedelta(days=1)
        return ON_TIME if received <= deadline else LATE
    if report is not None and report.status != "draft":
        return RETURNED_STATE
    if report is not None and today <= deadline:
        return DRAFT_STATE
    return NOT_DUE if today <= deadline else MISSING


def reporting_summary(
    db: Database, plan_id: int, period_id: int | None = None, today: dt.date | None = None
) -> ReportingSummary:
    """Who was expected to report for the period, who did, and who did it on time.

    Every agency that must report is expected, whether or not anything was entered for it.
    A report counts as on time when received on or before the deadline day.
    """
    period = next(p for p in list_periods(db, plan_id) if p.id == period_id) if period_id else None
    period = period or main_period(db, plan_id)
    today = today or dt.date.today()
    reports = {r.agency_id: r for r in _list_reports(db, plan_id, period.id)}
    rows = tuple(
        AgencyReporting(
            a, reports.get(a.id), reporting_state(reports.get(a.id), period.deadline, today)
        )
        for a in list_agencies(db, plan_id)
        if a.must_report
    )
    return ReportingSummary(
        period=period,
        expected=len(rows),
        received=sum(1 for r in rows if r.received),
        on_time=sum(1 for r in rows if r.state == ON_TIME),
        agencies=rows,
    )


@dataclass(frozen=True)
class SourceBudget:
    source: FundingSource
    allocated: int
    disbursed: int

    @property
    def disbursement_rate(self) -> Fraction | None:
        return _rate(self.disbursed, self.allocated)


@dataclass(frozen=True)
class BudgetSummary:
    """The plan's money: the total estimate, what is allocated and disbursed, what is left."""

    total_estimate: int
    sources: tuple[SourceBudget, ...]
    reported_spent: int

    @property
    def allocated(self) -> int:
        return sum(s.allocated for s in self.sources)

    @property
    def disbursed(self) -> int:
        return sum(s.disbursed for s in self.sources)

    @property
    def unallocated(self) -> int:
        """The part of the plan's total not yet allocated (negative when over-allocated)."""
        return self.total_estimate - self.allocated

    @property
    def sources_estimate(self) -> int | None:
        """The sum of the sources' own estimates, or None while any is unknown."""
        estimates = [s.source.estimate for s in self.sources]
        if not estimates or any(e is None for e in estimates):
            return None
        return sum(e for e in estimates if e is not None)

    @property
    def disbursement_rate(self) -> Fraction | None:
        return _rate(self.disbursed, self.allocated)


def budget_summary(db: Database, plan_id: int, period_id: int | None = None) -> BudgetSummary:
    plan = get_plan(db, plan_id)
    allocated: dict[int, int] = defaultdict(int)
    disbursed: dict[int, int] = defaultdict(int)
    for line in list_lines(db, plan_id):
        allocated[line.source_id] += line.allocated
        disbursed[line.source_id] += line.disbursed
    sources = tuple(
        SourceBudget(s, allocated[s.id], disbursed[s.id]) for s in list_sources(db, plan_id)
    )
    period_id = period_id if period_id is not None else main_period(db, plan_id).id
    marks = ",".join("?" * len(COUNTED))
    (spent,) = db.execute(
        "SELECT coalesce(sum(t.spent), 0) FROM task_results t JOIN reports r ON r.id = t.report_id"
        f" WHERE r.plan_id = ? AND r.period_id = ? AND r.status IN ({marks})",
        [plan_id, period_id, *COUNTED],
    ).fetchone()
    return BudgetSummary(total_estimate=plan.total_budget, sources=sources, reported_spent=spent)


def task_progress(db: Database, plan_id: int, period_id: int | None = None) -> dict[int, int]:
    """Each task's progress in percent as the counted reports of the period give it.

    The lead agencies' figures when they gave one, else every reporting agency's; several
    figures are averaged and rounded half up. Tasks nobody reported on are absent.
    """
    period_id = period_id if period_id is not None else main_period(db, plan_id).id
    marks = ",".join("?" * len(COUNTED))
    rows = db.execute(
        "SELECT t.task_id, t.progress, EXISTS (SELECT 1 FROM task_assignments a"
        "  WHERE a.task_id = t.task_id AND a.agency_id = r.agency_id AND a.role = 'lead')"
        " FROM task_results t JOIN reports r ON r.id = t.report_id"
        f" WHERE r.plan_id = ? AND r.period_id = ? AND r.status IN ({marks})"
        " AND t.progress IS NOT NULL",
        [plan_id, period_id, *COUNTED],
    ).fetchall()
    by_lead: dict[int, list[int]] = defaultdict(list)
    by_any: dict[int, list[int]] = defaultdict(list)
    for task_id, progress, is_lead in rows:
        by_any[task_id].append(progress)
        if is_lead:
            by_lead[task_id].append(progress)
    means = {}
    for task_id, everyone in by_any.items():
        figures = by_lead.get(task_id) or everyone
        means[task_id] = (2 * sum(figures) + len(figures)) // (2 * len(figures))  # half up
    return means
