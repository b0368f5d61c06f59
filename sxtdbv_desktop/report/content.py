"""What the consolidated report says, as plain data built from the consolidation engine.

The PDF (`pdf.py`) and the Excel appendices (`appendix_xlsx.py`) lay out the same
`ConsolidatedReport`, so both always show the same figures. Everything here is immutable and
free of the database, so it can be handed to another thread to be laid out. Text is NFC.
A gap in the plan (no lead agency, no signer) stays `None` or empty here: the layout shows it
as a visible placeholder, never as invented text.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from sqlite_utils import Database

from sxtdbv_desktop import consolidation, labels, report_settings
from sxtdbv_desktop.agencies import Agency, list_agencies
from sxtdbv_desktop.consolidation import BudgetSummary, IndicatorResult, ReportingSummary
from sxtdbv_desktop.plans import Plan, get_plan
from sxtdbv_desktop.report.indicator_text import ContributionRow, contribution_rows, result_text
from sxtdbv_desktop.report_settings import ReportSettings
from sxtdbv_desktop.reports import Report, TaskResult
from sxtdbv_desktop.storage import select
from sxtdbv_desktop.tasks import Task, list_groups, list_tasks
from sxtdbv_desktop.text import nfc

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NO_DATA_LABEL = labels.VERDICTS[consolidation.NO_DATA]  # "Chưa có số liệu"


@dataclass(frozen=True)
class Statement:
    """Something an agency wrote in its report (a result, a difficulty, a proposal)."""

    agency: str
    text: str


@dataclass(frozen=True)
class TaskOutcome:
    """One agency's result on one task."""

    agency: str
    agency_short: str
    status: str  # code of labels.TASK_STATUSES, or "" when the agency left it blank
    status_label: str
    progress: int | None
    result: str
    spent: int | None


@dataclass(frozen=True)
class TaskSection:
    number: str  # "1.2"
    text: str
    leads: tuple[str, ...]  # empty: the plan names no lead agency (shown as a placeholder)
    coordinators: tuple[str, ...]
    planned_output: str
    outcomes: tuple[TaskOutcome, ...]


@dataclass(frozen=True)
class GroupSection:
    section: str  # "content" (III. Nội dung) or "duty" (V. Tổ chức thực hiện)
    number: int
    title: str
    tasks: tuple[TaskSection, ...]


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    name: str
    plan_text: str
    result: str  # "8/12 đơn vị", "3 mô hình", or NO_DATA
    rate: Fraction | None  # a fraction of 1, None for counts and missing data
    verdict: str  # consolidation code
    verdict_label: str


@dataclass(frozen=True)
class BudgetRow:
    source: str
    estimate: int | None  # None: the plan's documents do not give it
    allocated: int
    disbursed: int
    rate: Fraction | None


@dataclass(frozen=True)
class BudgetSection:
    total_estimate: int
    sources_estimate: int | None
    allocated: int
    disbursed: int
    unallocated: int
    reported_spent: int
    rate: Fraction | None
    rows: tuple[BudgetRow, ...]
    reference: str


@dataclass(frozen=True)
class ReportingRow:
    agency: str
    received_on: dt.date | None
    state: str  # consolidation code: on_time, late, returned, draft, missing, not_due
    state_label: str

    @property
    def received(self) -> bool:
        return self.state in (consolidation.ON_TIME, consolidation.LATE)


@dataclass(frozen=True)
class ReportingSection:
    deadline: dt.date
    expected: int
    received: int
    on_time: int
    late: int
    missing: int
    completeness: Fraction | None
    rows: tuple[ReportingRow, ...]


@dataclass(frozen=True)
class ConsolidatedReport:
    """The whole consolidated results report of one plan year."""

    settings: ReportSettings
    date: dt.date
    year: int
    summary_line: str  # "Kết quả thực hiện Kế hoạch ... năm 2023 ..."
    plan_reference: str  # "Kế hoạch thực hiện ... của UBND Tỉnh Đồng Tháp"
    reporter: str | None  # the consolidating agency's name, e.g. "Sở Công Thương"
    groups: tuple[GroupSection, ...]
    assessments: tuple[Statement, ...]
    indicators: tuple[IndicatorRow, ...]
    contributions: tuple[ContributionRow, ...]
    budget: BudgetSection
    reporting: ReportingSection
    difficulties: tuple[Statement, ...]
    proposals: tuple[Statement, ...]

    @property
    def has_reports(self) -> bool:
        return self.reporting.received > 0

    @property
    def appendix_reference(self) -> str:
        """ "(Kèm theo Báo cáo số      /BC-SCT ngày 05/01/2024 của Sở Công Thương)"."""
        number = self.settings.number_line.removeprefix("Số: ")
        who = f" của {self.reporter}" if self.reporter else ""
        return f"(Kèm theo Báo cáo số {number} ngày {self.date:%d/%m/%Y}{who})"


def build_report(db: Database, plan_id: int, today: dt.date | None = None) -> ConsolidatedReport:
    """Gather the consolidated report of the plan's main period from the database."""
    today = today or dt.date.today()
    plan = get_plan(db, plan_id)
    settings = report_settings.load(db, plan_id)
    period = consolidation.main_period(db, plan_id)
    agencies = {a.id: a for a in list_agencies(db, plan_id)}
    counted = consolidation.counted_reports(db, plan_id, period.id)
    reporting = consolidation.reporting_summary(db, plan_id, period.id, today)
    indicators = consolidation.indicator_results(db, plan_id, period.id)
    return ConsolidatedReport(
        settings=settings,
        date=settings.report_date or today,
        year=plan.year,
        summary_line=f"Kết quả thực hiện {_plan_name(plan)}",
        plan_reference=f"{_plan_name(plan)} của {nfc(plan.issuing_body)}",
        reporter=_reporter(plan, agencies),
        groups=_groups(db, plan_id, agencies, counted),
        assessments=_statements(counted, agencies, "general_assessment"),
        indicators=tuple(_indicator_row(r) for r in indicators),
        contributions=tuple(row for r in indicators for row in contribution_rows(r, agencies)),
        budget=_budget(consolidation.budget_summary(db, plan_id, period.id), plan),
        reporting=_reporting(reporting),
        difficulties=_statements(counted, agencies, "difficulties"),
        proposals=_statements(counted, agencies, "proposals"),
    )


def _plan_name(plan: Plan) -> str:
    """ "Kế hoạch thực hiện Chương trình ... năm 2023 trên địa bàn tỉnh Đồng Tháp"."""
    title = nfc(plan.title).strip()
    if len(title) > 1 and not title[1].isupper():  # "Thực hiện..." but not an acronym
        title = title[0].lower() + title[1:]
    return f"{nfc(plan.document_type).strip().capitalize()} {title}"


def _reporter(plan: Plan, agencies: dict[int, Agency]) -> str | None:
    focal = agencies.get(plan.focal_agency_id) if plan.focal_agency_id else None
    return nfc(focal.name) if focal else None


def _groups(
    db: Database, plan_id: int, agencies: dict[int, Agency], counted: list[Report]
) -> tuple[GroupSection, ...]:
    results = _task_results(db, counted)
    agency_of = {r.id: r.agency_id for r in counted}
    by_task: dict[int, list[TaskResult]] = defaultdict(list)
    for result in results:
        by_task[result.task_id].append(result)
    tasks_by_group: dict[int, list[Task]] = defaultdict(list)
    for task in list_tasks(db, plan_id):
        tasks_by_group[task.group_id].append(task)
    sections = []
    for group in list_groups(db, plan_id):
        prefix = str(group.number)
        tasks = tuple(
            _task_section(f"{prefix}.{index}", task, by_task[task.id], agencies, agency_of)
            for index, task in enumerate(tasks_by_group[group.id], 1)
        )
        sections.append(GroupSection(group.section, group.number, nfc(group.title), tasks))
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


def _task_section(
    number: str,
    task: Task,
    results: list[TaskResult],
    agencies: dict[int, Agency],
    agency_of: dict[int, int],
) -> TaskSection:
    outcomes = tuple(
        TaskOutcome(
            agency=nfc(agencies[agency_of[r.report_id]].name),
            agency_short=nfc(agencies[agency_of[r.report_id]].display_name),
            status=r.status or "",
            status_label=labels.task_status(r.status),
            progress=r.progress,
            result=nfc(r.result),
            spent=r.spent,
        )
        for r in results
    )
    return TaskSection(
        number=number,
        text=nfc(task.text),
        leads=tuple(nfc(agencies[a].name) for a in task.lead_ids),
        coordinators=tuple(nfc(agencies[a].name) for a in task.coordinator_ids),
        planned_output=nfc(task.planned_output),
        outcomes=outcomes,
    )


def _statements(
    counted: list[Report], agencies: dict[int, Agency], field: str
) -> tuple[Statement, ...]:
    ordered = sorted(counted, key=lambda r: (agencies[r.agency_id].position, r.agency_id))
    return tuple(
        Statement(nfc(agencies[r.agency_id].name), nfc(getattr(r, field)).strip())
        for r in ordered
        if getattr(r, field).strip()
    )


def _indicator_row(result: IndicatorResult) -> IndicatorRow:
    indicator = result.indicator
    rate = Fraction(result.figure) if indicator.is_ratio and result.figure is not None else None
    return IndicatorRow(
        code=indicator.code,
        name=nfc(indicator.name),
        plan_text=nfc(indicator.plan_text),
        result=result_text(result),
        rate=rate,
        verdict=result.verdict,
        verdict_label=labels.VERDICTS[result.verdict],
    )


def _budget(budget: BudgetSummary, plan: Plan) -> BudgetSection:
    rows = tuple(
        BudgetRow(
            nfc(s.source.name), s.source.estimate, s.allocated, s.disbursed, s.disbursement_rate
        )
        for s in budget.sources
    )
    return BudgetSection(
        total_estimate=budget.total_estimate,
        sources_estimate=budget.sources_estimate,
        allocated=budget.allocated,
        disbursed=budget.disbursed,
        unallocated=budget.unallocated,
        reported_spent=budget.reported_spent,
        rate=budget.disbursement_rate,
        rows=rows,
        reference=nfc(plan.budget_reference),
    )


def _reporting(summary: ReportingSummary) -> ReportingSection:
    rows = tuple(
        ReportingRow(
            agency=nfc(row.agency.name),
            received_on=row.report.received_on if row.report and row.received else None,
            state=row.state,
            state_label=labels.REPORTING_STATES[row.state],
        )
        for row in summary.agencies
    )
    return ReportingSection(
        deadline=summary.period.deadline,
        expected=summary.expected,
        received=summary.received,
        on_time=summary.on_time,
        late=summary.late,
        missing=summary.missing,
        completeness=summary.completeness,
        rows=rows,
    )
