"""What the consolidated report is made of, gathered from the database in one go.

`build_report` reads the plan, the consolidation (indicators, task statuses, budget, reporting),
what the agencies wrote, the report's settings for the variant and the Sở's own texts into a
`ConsolidatedReport`: plain immutable data, free of the database, that `compose` turns into the
words of the document. Text is NFC.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import consolidation, labels, plan_sections, report_settings
from sxtdbv_desktop.agencies import Agency, list_agencies
from sxtdbv_desktop.completeness import report_missing_items
from sxtdbv_desktop.consolidation import BudgetSummary, IndicatorResult, ReportingSummary
from sxtdbv_desktop.indicators import reporters_by_indicator
from sxtdbv_desktop.numbering import group_reference, task_references
from sxtdbv_desktop.plan_sections import Section
from sxtdbv_desktop.plans import LegalDocument, Plan, get_plan, legal_documents
from sxtdbv_desktop.report import material, own_texts
from sxtdbv_desktop.report.material import Statement
from sxtdbv_desktop.report_settings import SO, ReportSettings
from sxtdbv_desktop.reports import Period, Report, TaskResult
from sxtdbv_desktop.storage import select
from sxtdbv_desktop.task_status import TaskStatus, task_statuses
from sxtdbv_desktop.tasks import Task, list_groups, list_tasks
from sxtdbv_desktop.text import nfc
from sxtdbv_desktop.year_over_year import PreviousResult, previous_results


@dataclass(frozen=True)
class TaskOutcome:
    """One agency's result on one task, as its report gives it."""

    agency: str
    agency_short: str
    agency_kind: str
    lead: bool
    status: str | None  # None: left blank
    progress: int | None
    result: str
    spent: int | None

    @property
    def status_label(self) -> str:
        return labels.task_status(self.status)


@dataclass(frozen=True)
class TaskSection:
    id: int
    reference: str  # "III.1.2", "V.10.1": never ambiguous
    text: str
    leads: tuple[str, ...]  # agency names
    coordinators: tuple[str, ...]
    lead_kinds: tuple[str, ...]  # the leads' kinds ("district"...), for "09/12 huyện"
    planned_output: str
    status: TaskStatus
    outcomes: tuple[TaskOutcome, ...]


@dataclass(frozen=True)
class GroupSection:
    section: str  # "content" (III) or "duty" (V)
    reference: str  # "III.1", "V.2"
    title: str
    tasks: tuple[TaskSection, ...]


@dataclass(frozen=True)
class Reporter:
    name: str
    scope: str
    reported: bool  # its counted report gives the indicator complete figures


@dataclass(frozen=True)
class IndicatorSection:
    result: IndicatorResult
    reporters: tuple[Reporter, ...]
    agency_names: dict[int, str]  # for the contributions of the appendix
    previous: PreviousResult | None = None  # last year's result, when the plans are linked


@dataclass(frozen=True)
class ReportingRow:
    agency: str
    kind: str
    report: Report | None
    state: str  # consolidation code: on_time, late, returned, draft, missing, not_due
    missing_items: int  # what its received report still lacks

    @property
    def state_label(self) -> str:
        return labels.REPORTING_STATES[self.state]

    @property
    def received(self) -> bool:
        return self.state in (consolidation.ON_TIME, consolidation.LATE)


@dataclass(frozen=True)
class ConsolidatedReport:
    """Everything one variant of the consolidated report says about one plan year."""

    variant: str
    settings: ReportSettings
    date: dt.date
    plan: Plan
    period: Period
    focal: str  # the consolidating agency's name ("Sở Công Thương"); "" if the plan has none
    legal_documents: tuple[LegalDocument, ...]
    groups: tuple[GroupSection, ...]
    indicators: tuple[IndicatorSection, ...]
    budget: BudgetSummary
    reporting: ReportingSummary
    reporting_rows: tuple[ReportingRow, ...]
    assessments: tuple[Statement, ...]
    difficulties: tuple[Statement, ...]
    proposals: tuple[Statement, ...]
    own: dict[str, str]  # the Sở's own sections as saved (absent: the draft is used)
    sections: dict[str, Section]  # the plan's own numerals and headings, by part

    @property
    def year(self) -> int:
        return self.plan.year

    @property
    def local_units(self) -> str:
        """How the plan names its local units: "huyện, thành phố", "xã, phường"."""
        return self.plan.local_unit_name

    def numeral(self, part: str) -> str:
        """The plan's numeral of one of its parts ("III" for the contents in Đồng Tháp's)."""
        found = self.sections.get(part)
        return found.numeral if found else plan_sections.STANDARD[part][0]

    def heading(self, part: str) -> str:
        """ "III. NỘI DUNG": the part's numeral and heading as the plan writes them."""
        found = self.sections.get(part)
        numeral, title = (found.numeral, found.heading) if found else plan_sections.STANDARD[part]
        return f"{numeral}. {nfc(title).upper()}"

    @property
    def has_reports(self) -> bool:
        return self.reporting.received > 0

    @property
    def speaker(self) -> str:
        """Who reports: "Sở Công Thương", or for the draft to the Bộ "UBND Tỉnh Đồng Tháp"."""
        if self.variant == report_settings.UBND:
            return nfc(self.plan.issuing_body)
        return self.focal or nfc(self.settings.issuing_body).title()


def build_report(
    db: Database, plan_id: int, today: dt.date | None = None, variant: str = SO
) -> ConsolidatedReport:
    """Gather the consolidated report of the plan's main period from the database."""
    today = today or dt.date.today()
    plan = get_plan(db, plan_id)
    settings = report_settings.load(db, plan_id, variant)
    period = consolidation.main_period(db, plan_id)
    agencies = {a.id: a for a in list_agencies(db, plan_id)}
    counted = consolidation.counted_reports(db, plan_id, period.id)
    reporting = consolidation.reporting_summary(db, plan_id, period.id, today)
    focal = agencies.get(plan.focal_agency_id) if plan.focal_agency_id else None
    return ConsolidatedReport(
        variant=variant,
        settings=settings,
        date=settings.report_date or today,
        plan=plan,
        period=period,
        focal=nfc(focal.name) if focal else "",
        legal_documents=tuple(legal_documents(db, plan_id)),
        groups=_groups(db, plan_id, agencies, counted, plan.local_unit_name),
        indicators=_indicators(db, plan_id, period.id, agencies),
        budget=consolidation.budget_summary(db, plan_id, period.id),
        reporting=reporting,
        reporting_rows=_reporting_rows(db, reporting),
        assessments=_statements(counted, agencies, "general_assessment"),
        difficulties=_statements(counted, agencies, "difficulties"),
        proposals=_statements(counted, agencies, "proposals"),
        own=own_texts.load(db, plan_id, period.id),
        sections=plan_sections.list_sections(db, plan_id),
    )


def _groups(
    db: Database, plan_id: int, agencies: dict[int, Agency], counted: list[Report], local: str
) -> tuple[GroupSection, ...]:
    agency_of = {r.id: r.agency_id for r in counted}
    by_task: dict[int, list[TaskResult]] = defaultdict(list)
    for result in _task_results(db, counted):
        by_task[result.task_id].append(result)
    statuses = task_statuses(db, plan_id)
    numbers = task_references(db, plan_id)
    tasks = list_tasks(db, plan_id)
    sections = []
    for group in list_groups(db, plan_id):
        mine = tuple(
            _task(
                task,
                numbers[task.id],
                statuses[task.id],
                by_task[task.id],
                agencies=agencies,
                agency_of=agency_of,
                local_units=local,
            )
            for task in tasks
            if task.group_id == group.id
        )
        sections.append(GroupSection(group.section, group_reference(group), nfc(group.title), mine))
    return tuple(sections)


def _task_results(db: Database, counted: list[Report]) -> list[TaskResult]:
    if not counted:
        return []
    marks = ",".join("?" * len(counted))
    return select(
        db,
        TaskResult,
        "SELECT r.* FROM task_results r JOIN reports p ON p.id = r.report_id"
        " JOIN agencies a ON a.id = p.agency_id"
        f" WHERE r.report_id IN ({marks}) ORDER BY a.position, a.id",
        [r.id for r in counted],
    )


def _task(
    task: Task,
    reference: str,
    status: TaskStatus,
    results: list[TaskResult],
    *,
    agencies: dict[int, Agency],
    agency_of: dict[int, int],
    local_units: str,
) -> TaskSection:
    outcomes = []
    for r in results:
        agency = agencies[agency_of[r.report_id]]
        outcomes.append(
            TaskOutcome(
                agency=nfc(agency.name),
                agency_short=nfc(agency.display_name),
                agency_kind=agency.kind,
                lead=agency.id in task.lead_ids,
                status=r.status,
                progress=r.progress,
                result=nfc(r.result),
                spent=r.spent,
            )
        )
    return TaskSection(
        id=task.id,
        reference=reference,
        text=nfc(task.text),
        leads=agency_names(task.lead_ids, agencies, local_units),
        coordinators=agency_names(task.coordinator_ids, agencies, local_units),
        lead_kinds=tuple(agencies[a].kind for a in task.lead_ids),
        planned_output=nfc(task.planned_output),
        status=status,
        outcomes=tuple(outcomes),
    )


def agency_names(
    ids: tuple[int, ...], agencies: dict[int, Agency], local_units: str
) -> tuple[str, ...]:
    """The agencies' names; every local unit of the plan at once is one entry, "UBND 12
    huyện, thành phố", as an official would write it."""
    districts = {a.id for a in agencies.values() if a.kind == "district"}
    if len(districts) > 2 and districts <= set(ids):
        rest = tuple(nfc(agencies[a].name) for a in ids if a not in districts)
        whole = f"UBND {len(districts):02d} {labels.unit_noun('district', local_units)}"
        return (*rest, whole)
    return tuple(nfc(agencies[a].name) for a in ids)


def _indicators(
    db: Database, plan_id: int, period_id: int, agencies: dict[int, Agency]
) -> tuple[IndicatorSection, ...]:
    reporters = reporters_by_indicator(db, plan_id)
    names = {a.id: nfc(a.name) for a in agencies.values()}
    results = consolidation.indicator_results(db, plan_id, period_id)
    previous = previous_results(db, plan_id, results)
    sections = []
    for result in results:
        kind = result.indicator.kind
        complete = {c.agency_id for c in result.contributions if c.value.is_complete(kind)}
        found = tuple(
            Reporter(names[r.agency_id], nfc(r.scope), r.agency_id in complete)
            for r in reporters.get(result.indicator.id, [])
        )
        sections.append(IndicatorSection(result, found, names, previous.get(result.indicator.id)))
    return tuple(sections)


def _reporting_rows(db: Database, summary: ReportingSummary) -> tuple[ReportingRow, ...]:
    rows = []
    for row in summary.agencies:
        missing = len(report_missing_items(db, row.report)) if row.report and row.received else 0
        rows.append(
            ReportingRow(nfc(row.agency.name), row.agency.kind, row.report, row.state, missing)
        )
    return tuple(rows)


def _statements(
    counted: list[Report], agencies: dict[int, Agency], field: str
) -> tuple[Statement, ...]:
    ordered = sorted(counted, key=lambda r: (agencies[r.agency_id].position, r.agency_id))
    return material.statements(
        [(nfc(agencies[r.agency_id].name), getattr(r, field)) for r in ordered]
    )
