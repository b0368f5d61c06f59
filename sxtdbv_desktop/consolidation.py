"""The consolidation engine: indicator figures and verdicts, reporting completeness and
timeliness, and the budget position, from every agency's report.

The rules (DOMAIN.md): shares add numerators and denominators; yes/no answers count the yes
over every expected unit; reductions add baselines and current quantities; counts add. A
verdict is computed, never typed, with exact fractions so that 69,96 % is never "Đạt" for 70 %.
Only submitted and accepted reports count; missing data is "no_data", never a division error.

A reduction reported by some agencies as a rate estimated by the markets' boards cannot add
quantities: the figure is then the mean of every agency's rate weighted by its number of
markets (a plain mean if some agency did not say how many), and the result says it is
estimated. A verdict reached while expected reporters have
not reported is provisional ("tạm tính"); an agency that has not reported is never a "no".

Money reported spent is counted once, by funding source: each agency states what it spent from
each source of the plan, and the budget adds those. The amounts on the task rows say which
task the money went to (an activity that is both a section III task and a section V duty is
written on one row only) and may never add up to more than the agency's amounts by source.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from sqlite_utils import Database

from sxtdbv_desktop import deadline_rule
from sxtdbv_desktop.agencies import Agency, list_agencies
from sxtdbv_desktop.budget import FundingSource, list_lines, list_sources
from sxtdbv_desktop.indicators import Indicator, list_indicators, reporters_by_indicator
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
    yes answers / expected units for yes-no, (baseline − current) / baseline for a reduction
    (None for a reduction estimated from rates). `reported` of the `expected` reporters gave
    complete figures; `answers_no` counts the "no" of a yes/no indicator.
    """

    indicator: Indicator
    figure: Fraction | int | None
    numerator: int | None
    denominator: int | None
    verdict: str
    reported: int
    expected: int
    contributions: tuple[Contribution, ...]
    estimated: bool = False
    units: int | None = None  # a reduction's markets, summed
    answers_no: int = 0

    @property
    def percent(self) -> Fraction | None:
        if self.figure is None or not self.indicator.is_ratio:
            return None
        return Fraction(self.figure) * 100

    @property
    def missing(self) -> int:
        """Expected reporters whose figures are not (completely) in yet."""
        return max(0, self.expected - self.reported)

    @property
    def provisional(self) -> bool:
        """The verdict may still change: some expected reporters have not reported."""
        return self.figure is not None and self.missing > 0


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
    Only expected reporters count: figures of an agency no longer assigned stay out.
    """
    values = {a: v for a, v in values.items() if a in population}
    complete = {a: v for a, v in values.items() if v.is_complete(indicator.kind)}
    figure, numerator, denominator = _figure(indicator.kind, list(complete.values()), population)
    contributions = tuple(
        Contribution(a, v, _figure(indicator.kind, [v], [a])[0] if a in complete else None)
        for a, v in values.items()
    )
    reduction = indicator.kind == "reduction"
    return IndicatorResult(
        indicator=indicator,
        figure=figure,
        numerator=numerator,
        denominator=denominator,
        verdict=verdict(indicator, figure),
        reported=len(complete),
        expected=len(population),
        contributions=contributions,
        estimated=reduction and any(not v.has_quantities for v in complete.values()),
        units=sum(v.units or 0 for v in complete.values()) if reduction and complete else None,
        answers_no=sum(1 for v in complete.values() if v.answer == 0),
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
        return _reduction(values)
    yes = sum(1 for v in values if v.answer == 1)
    return _rate(yes, len(population)), yes, len(population)


def _reduction(values: list[IndicatorValue]) -> tuple[Fraction | None, int | None, int | None]:
    """Quantities add when every agency gave them; otherwise rates weighted by markets."""
    if all(v.has_quantities for v in values):
        baseline = sum(v.baseline or 0 for v in values)
        reduced = baseline - sum(v.current or 0 for v in values)
        return _rate(reduced, baseline), reduced, baseline
    rated = [(v.units, rate) for v in values if (rate := own_reduction(v)) is not None]
    if any(units is None for units, _ in rated):
        rated = [(1, rate) for _, rate in rated]
    weight = sum(units or 0 for units, _ in rated)
    if weight == 0:
        return None, None, None
    total = sum(((units or 0) * rate for units, rate in rated), Fraction(0))
    return total / weight, None, None


def own_reduction(value: IndicatorValue) -> Fraction | None:
    """One agency's reduction as a fraction of 1: from its quantities, else its estimate."""
    if value.has_quantities:
        return _rate((value.baseline or 0) - (value.current or 0), value.baseline or 0)
    if value.estimated_rate is not None:
        return Fraction(value.estimated_rate, 100)
    return None


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
    reporters = reporters_by_indicator(db, plan_id)
    return [
        consolidate(i, by_indicator.get(i.id, {}), [r.agency_id for r in reporters.get(i.id, [])])
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
    rule: str = deadline_rule.DEFAULT  # when a report counts as on time (`deadline_rule`)

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


def reporting_state(
    report: Report | None,
    deadline: dt.date,
    today: dt.date,
    rule: str = deadline_rule.DEFAULT,
) -> str:
    """On time, late, returned, draft, missing or not yet due."""
    if report is not None and report.status in COUNTED:
        received = report.received_on or deadline + dt.timedelta(days=1)
        return ON_TIME if deadline_rule.is_on_time(received, deadline, rule) else LATE
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
    Whether a report received on the deadline day is on time is the plan's `deadline_rule`.
    """
    period = next(p for p in list_periods(db, plan_id) if p.id == period_id) if period_id else None
    period = period or main_period(db, plan_id)
    today = today or dt.date.today()
    reports = {r.agency_id: r for r in _list_reports(db, plan_id, period.id)}
    rule = deadline_rule.load(db, plan_id)
    rows = tuple(
        AgencyReporting(
            a, reports.get(a.id), reporting_state(reports.get(a.id), period.deadline, today, rule)
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
        rule=rule,
    )


@dataclass(frozen=True)
class SourceBudget:
    source: FundingSource
    allocated: int
    disbursed: int
    reported: int = 0  # what the counted reports say was spent from this source

    @property
    def disbursement_rate(self) -> Fraction | None:
        return _rate(self.disbursed, self.allocated)


@dataclass(frozen=True)
class BudgetSummary:
    """The plan's money: the total estimate, what is allocated and disbursed, what is left."""

    total_estimate: int
    sources: tuple[SourceBudget, ...]
    reported_spent: int  # by source: the one count of the agencies' đồng
    task_spent: int = 0  # the same money as the task rows place it (never more, per agency)
    spending_reports: int = 0  # how many counted reports gave their spending by source

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
    period_id = period_id if period_id is not None else main_period(db, plan_id).id
    marks = ",".join("?" * len(COUNTED))
    counted = f"r.plan_id = ? AND r.period_id = ? AND r.status IN ({marks})"
    params = [plan_id, period_id, *COUNTED]
    reported = dict(
        db.execute(
            "SELECT s.source_id, sum(s.amount) FROM source_spending s"
            f" JOIN reports r ON r.id = s.report_id WHERE {counted} GROUP BY s.source_id",
            params,
        ).fetchall()
    )
    (reports_with_spending,) = db.execute(
        "SELECT count(DISTINCT s.report_id) FROM source_spending s"
        f" JOIN reports r ON r.id = s.report_id WHERE {counted}",
        params,
    ).fetchone()
    (task_spent,) = db.execute(
        "SELECT coalesce(sum(t.spent), 0) FROM task_results t JOIN reports r"
        f" ON r.id = t.report_id WHERE {counted}",
        params,
    ).fetchone()
    sources = tuple(
        SourceBudget(s, allocated[s.id], disbursed[s.id], reported.get(s.id, 0))
        for s in list_sources(db, plan_id)
    )
    return BudgetSummary(
        total_estimate=plan.total_budget,
        sources=sources,
        reported_spent=sum(s.reported for s in sources),
        task_spent=task_spent,
        spending_reports=reports_with_spending,
    )


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
