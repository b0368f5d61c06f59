"""What goes into one agency's form, read from the database into plain data.

Reading is quick and needs the database; writing the workbook is slow and does not. Keeping
them apart lets the window read on its own thread and write files on a worker thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlite_utils import Database

from sxtdbv_desktop import installation, labels
from sxtdbv_desktop import reports as report_store
from sxtdbv_desktop.agencies import get_agency, list_agencies
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.errors import LockedError, ValidationError
from sxtdbv_desktop.excel.form_spec import FormIdentity
from sxtdbv_desktop.indicators import list_indicators, reporters_by_indicator
from sxtdbv_desktop.numbering import references
from sxtdbv_desktop.plans import get_plan
from sxtdbv_desktop.report_inputs import entry_inputs, input_label
from sxtdbv_desktop.reports import Period, Report, get_period
from sxtdbv_desktop.tasks import list_groups, list_tasks, tasks_of_agency

LEAD, COORDINATOR = labels.ROLES["lead"], labels.ROLES["coordinator"]


@dataclass(frozen=True)
class FormTask:
    reference: str  # its key in the form: database ids differ between installations
    section: str
    group_reference: str
    group_title: str
    text: str
    role: str
    time_frame: str
    planned_output: str
    status: str | None = None
    progress: int | None = None
    result: str = ""
    spent: int | None = None


@dataclass(frozen=True)
class FormIndicator:
    code: str  # its key in the form
    name: str
    plan_text: str
    kind: str
    inputs: tuple[tuple[str, str], ...]  # (input name, Vietnamese label), in form order
    values: dict[str, int | str | None] = field(default_factory=dict)
    note: str = ""
    scope: str = ""  # what this agency counts for the indicator


@dataclass(frozen=True)
class FormSource:
    name: str  # its key in the form
    amount: int | None = None


form_inputs = entry_inputs
"""The inputs a form asks for an indicator (the same as the window)."""


@dataclass(frozen=True)
class FormData:
    """Everything one form shows, identity first."""

    identity: FormIdentity
    plan_title: str
    focal_agency: str
    agency_name: str
    period_name: str
    deadline: dt.date
    created_on: dt.date
    tasks: tuple[FormTask, ...]
    indicators: tuple[FormIndicator, ...]
    texts: dict[str, str] = field(default_factory=dict)
    sources: tuple[FormSource, ...] = ()
    document_number: str = ""
    document_date: dt.date | None = None

    @property
    def plan_phrase(self) -> str:
        """ "Kế hoạch thực hiện Chương trình ... năm 2023 ...", with the period unless it is
        the plan's year, which the title already names."""
        phrase = f"Kế hoạch {self.plan_title[:1].lower()}{self.plan_title[1:]}"
        if self.identity.period_code != str(self.identity.year):
            phrase += f" ({self.period_name.lower()})"
        return phrase

    @property
    def file_name(self) -> str:
        """A name a clerk can read: BaoCao_SoTNMT_2023.xlsx (the period code added if not
        the year itself)."""
        identity = self.identity
        stem = f"BaoCao_{identity.agency_code}_{identity.year}"
        if identity.period_code != str(identity.year):
            stem += "_" + "".join(c for c in identity.period_code if c.isalnum())
        return stem + ".xlsx"


def collect_form(
    db: Database,
    plan_id: int,
    agency_id: int,
    *,
    period_id: int | None = None,
    report: Report | None = None,
    today: dt.date | None = None,
) -> FormData:
    """The form of `agency_id` for the period (the plan's main one by default), empty or
    pre-filled with `report`'s contents."""
    plan = get_plan(db, plan_id)
    agency = get_agency(db, agency_id)
    period = get_period(db, period_id) if period_id is not None else main_period(db, plan_id)
    _check_belongs(plan_id, agency.plan_id, period, report, agency_id)
    _check_installation(db, agency.code)
    focal = next((a.name for a in list_agencies(db, plan_id) if a.id == plan.focal_agency_id), "")
    spent = (
        {s.source_id: s.amount for s in report_store.source_spending(db, report.id)}
        if report
        else {}
    )
    return FormData(
        identity=FormIdentity(plan.province, plan.year, period.code, agency.code),
        plan_title=plan.title,
        focal_agency=focal or plan.issuing_body,
        agency_name=agency.name,
        period_name=period.name,
        deadline=period.deadline,
        created_on=today or dt.date.today(),
        tasks=_tasks(db, plan_id, agency_id, report),
        indicators=_indicators(db, plan_id, agency_id, report),
        texts=_texts(report),
        sources=tuple(FormSource(s.name, spent.get(s.id)) for s in list_sources(db, plan_id)),
        document_number=report.document_number if report else "",
        document_date=report.document_date if report else None,
    )


def _check_installation(db: Database, agency_code: str) -> None:
    """An agency installation makes its own agency's form only."""
    setup = installation.load(db)
    if setup.is_agency and agency_code != setup.agency_code:
        raise LockedError(
            f"Máy này được cài đặt cho đơn vị báo cáo {setup.agency_code} nên chỉ tạo được "
            f"biểu mẫu của chính đơn vị mình, không tạo biểu mẫu của {agency_code}. Biểu mẫu "
            "của các đơn vị khác do Sở Công Thương tạo."
        )


def _check_belongs(
    plan_id: int, agency_plan_id: int, period: Period, report: Report | None, agency_id: int
) -> None:
    if agency_plan_id != plan_id or period.plan_id != plan_id:
        raise ValidationError("Biểu mẫu", "cơ quan và kỳ báo cáo phải thuộc cùng kế hoạch.")
    if report is not None and (report.agency_id != agency_id or report.period_id != period.id):
        raise ValidationError("Biểu mẫu", "báo cáo điền sẵn phải của đúng cơ quan và kỳ.")


def _tasks(
    db: Database, plan_id: int, agency_id: int, report: Report | None
) -> tuple[FormTask, ...]:
    groups = {g.id: g for g in list_groups(db, plan_id)}
    tasks = tasks_of_agency(db, plan_id, agency_id)
    numbers = references(list(groups.values()), list_tasks(db, plan_id))
    results = {r.task_id: r for r in report_store.task_results(db, report.id)} if report else {}
    rows = []
    for task in tasks:
        group = groups[task.group_id]
        result = results.get(task.id)
        rows.append(
            FormTask(
                reference=numbers[task.id],
                section=group.section,
                group_reference=numbers[task.id].rsplit(".", 1)[0],
                group_title=group.title,
                text=task.text,
                role=LEAD if agency_id in task.lead_ids else COORDINATOR,
                time_frame=task.time_frame,
                planned_output=task.planned_output,
                status=result.status if result else None,
                progress=result.progress if result else None,
                result=result.result if result else "",
                spent=result.spent if result else None,
            )
        )
    return tuple(rows)


def _indicators(
    db: Database, plan_id: int, agency_id: int, report: Report | None
) -> tuple[FormIndicator, ...]:
    values = (
        {v.indicator_id: v for v in report_store.indicator_values(db, report.id)} if report else {}
    )
    reporters = reporters_by_indicator(db, plan_id)
    rows = []
    for indicator in list_indicators(db, plan_id):
        own = next((r for r in reporters.get(indicator.id, []) if r.agency_id == agency_id), None)
        if own is None:
            continue
        given = values.get(indicator.id)
        names = form_inputs(indicator.kind)
        rows.append(
            FormIndicator(
                code=indicator.code,
                name=indicator.name,
                plan_text=indicator.plan_text,
                kind=indicator.kind,
                inputs=tuple((name, input_label(indicator, name)) for name in names),
                values={name: getattr(given, name) if given else None for name in names},
                note=given.note if given else "",
                scope=own.scope,
            )
        )
    return tuple(rows)


def _texts(report: Report | None) -> dict[str, str]:
    if report is None:
        return {}
    return {
        "general_assessment": report.general_assessment,
        "difficulties": report.difficulties,
        "proposals": report.proposals,
    }
