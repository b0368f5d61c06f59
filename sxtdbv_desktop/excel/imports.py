"""Filled forms in: check a file against the database, preview the change, apply it.

`check_file` reads and checks everything and changes nothing: the right plan and period,
a known agency (on an agency installation, its own agency only), the form's own structure
(see `form_reader`), and that every row is a task or indicator of *that* agency, so a crafted
file can never touch another agency's report or the plan.

Rows name tasks by reference ("III.1.2") and indicators by code ("2a"), never by database id:
the form may come from an agency installation, whose database has other ids. References are
resolved in this database's plan, and since they follow the plan's order, the task text the
row shows must still be the plan's text for that reference; otherwise the plan changed after
the form was made and the file is refused, naming the cell.

A form with blanks is received all the same: the blanks are missing items (`completeness`),
listed in the preview. Only a form that is not ours, tampered, of another plan, or with a
value breaking a rule is refused whole.

`apply_import` then replaces the agency's report for the period in one transaction
(`reports.replace_report`), with the date the clerk says it arrived (today by default) and the
file's SHA-256. The same file imported twice changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter
from sqlite_utils import Database

from sxtdbv_desktop import installation, labels
from sxtdbv_desktop.agencies import Agency, find_agency, get_agency
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.completeness import MissingItem, missing_items
from sxtdbv_desktop.errors import LockedError, ValidationError
from sxtdbv_desktop.excel import plausibility
from sxtdbv_desktop.excel.changes import FieldChange, report_changes
from sxtdbv_desktop.excel.errors import FormError, Problem
from sxtdbv_desktop.excel.files import LoadedWorkbook, load_received
from sxtdbv_desktop.excel.form_data import form_inputs
from sxtdbv_desktop.excel.form_reader import FilledForm, TaskEntry, read_form
from sxtdbv_desktop.excel.form_spec import (
    INDICATOR_COLUMNS,
    INDICATORS,
    SPENDING,
    TASK_COLUMNS,
    TASKS,
    TEXT_FIELDS,
    task_text_matches,
)
from sxtdbv_desktop.indicators import get_indicator, list_indicators, reporter_ids
from sxtdbv_desktop.numbering import task_references, tasks_by_reference
from sxtdbv_desktop.plans import Plan, find_plan, get_plan
from sxtdbv_desktop.reports import (
    IndicatorValue,
    Period,
    Report,
    ReportContent,
    SourceSpending,
    TaskResultInput,
    find_report,
    indicator_value_row,
    list_periods,
    lock_reason,
    replace_report,
)
from sxtdbv_desktop.schema import MSG_OTHER_AGENCY
from sxtdbv_desktop.tasks import Task, tasks_of_agency
from sxtdbv_desktop.vnformat import format_money

NO_CHANGE = "không có thay đổi"


@dataclass(frozen=True)
class ImportCheck:
    """A checked file and what importing it would do; nothing has been written yet."""

    file_name: str
    file_hash: str
    plan: Plan
    period: Period
    agency: Agency
    content: ReportContent
    existing: Report | None
    changes: tuple[FieldChange, ...]
    missing: tuple[MissingItem, ...] = ()  # what the form left blank: received incomplete
    warnings: tuple[str, ...] = ()  # figures hard to believe (`plausibility`), not errors

    @property
    def same_file(self) -> bool:
        """This very file (same SHA-256) is already the agency's report."""
        return self.existing is not None and self.existing.source_file_hash == self.file_hash

    @property
    def has_changes(self) -> bool:
        return not self.same_file and bool(self.changes)

    @property
    def lock_reason(self) -> str | None:
        """Why the import would be refused (the report was accepted), or None."""
        if not self.has_changes or self.existing is None:
            return None
        return lock_reason(self.existing)


def check_file(
    db: Database, path: Path, *, plan_id: int | None = None, agency_id: int | None = None
) -> ImportCheck:
    """Read and check `path`; with `plan_id` / `agency_id`, the form must be theirs."""
    return check_loaded(db, load_received(path), plan_id=plan_id, agency_id=agency_id)


def check_loaded(
    db: Database,
    loaded: LoadedWorkbook,
    *,
    plan_id: int | None = None,
    agency_id: int | None = None,
) -> ImportCheck:
    return check_form(db, read_form(loaded), plan_id=plan_id, agency_id=agency_id)


def check_form(
    db: Database, form: FilledForm, *, plan_id: int | None = None, agency_id: int | None = None
) -> ImportCheck:
    """Check a read form against the database and work out the changes."""
    plan = _plan(db, form, plan_id)
    period = _period(db, form, plan)
    agency = _agency(db, form, plan, agency_id)
    _check_installation(db, form, plan, agency)
    content = _content(db, form, plan, agency)
    existing = find_report(db, period.id, agency.id)
    return ImportCheck(
        file_name=form.file_name,
        file_hash=form.file_hash,
        plan=plan,
        period=period,
        agency=agency,
        content=content,
        existing=existing,
        changes=tuple(report_changes(db, plan.id, existing, content)),
        missing=tuple(missing_items(db, plan.id, agency.id, content)),
        warnings=tuple(plausibility.warnings(db, plan, content)),
    )


def apply_import(
    db: Database,
    check: ImportCheck,
    *,
    today: dt.date | None = None,
    received_on: dt.date | None = None,
) -> Report | None:
    """Replace the agency's report with the checked content; None when nothing changes.

    `received_on` is the day the report reached the Sở (today by default: the clerk corrects
    it for a file that arrived earlier). Raises `LockedError` (the report was accepted
    meanwhile) and changes nothing then.
    """
    if not check.has_changes:
        return None
    existing = find_report(db, check.period.id, check.agency.id)
    if existing != check.existing:
        raise LockedError(
            f"{labels.report_name(check.agency.name, check.period.name)} vừa được thay đổi sau "
            "khi kiểm tra tệp "
            f"{check.file_name}; hãy kiểm tra lại tệp rồi nhập."
        )
    return replace_report(
        db,
        check.period.id,
        check.agency.id,
        check.content,
        received_on=received_on or today or dt.date.today(),
        source_file_name=check.file_name,
        source_file_hash=check.file_hash,
    )


def duplicate_problems(checks: Sequence[ImportCheck]) -> dict[int, str]:
    """Files of one batch that are for the same agency and period as an earlier file."""
    first: dict[tuple[int, int], ImportCheck] = {}
    found = {}
    for index, check in enumerate(checks):
        key = (check.period.id, check.agency.id)
        if key in first:
            found[index] = (
                f"Tệp {check.file_name}: cùng cơ quan ({check.agency.name}) và kỳ báo cáo với "
                f"tệp {first[key].file_name} trong lần nhập này; chỉ nhập một tệp cho mỗi "
                "cơ quan."
            )
        else:
            first[key] = check
    return found


# --- the checks --------------------------------------------------------------------------------


def _plan(db: Database, form: FilledForm, plan_id: int | None) -> Plan:
    identity = form.identity
    plan = find_plan(db, identity.province, identity.year)
    wanted = get_plan(db, plan_id) if plan_id is not None else None
    if plan is None or (wanted is not None and plan.id != wanted.id):
        where = f"kế hoạch đang mở ({wanted.label})" if wanted else "tệp dữ liệu"
        raise FormError(
            form.file_name,
            f"biểu mẫu thuộc kế hoạch {identity.province} năm {identity.year}, không thuộc "
            f"{where}. Hãy chọn đúng kế hoạch, hoặc dùng biểu mẫu của năm này.",
        )
    return plan


def _period(db: Database, form: FilledForm, plan: Plan) -> Period:
    for period in list_periods(db, plan.id):
        if period.code == form.identity.period_code:
            return period
    raise FormError(
        form.file_name,
        f"kỳ báo cáo «{form.identity.period_code}» của biểu mẫu không có trong kế hoạch "
        f"{plan.label}.",
    )


def _agency(db: Database, form: FilledForm, plan: Plan, agency_id: int | None) -> Agency:
    agency = find_agency(db, plan.id, form.identity.agency_code)
    if agency is None:
        raise FormError(
            form.file_name,
            f"cơ quan mã «{form.identity.agency_code}» của biểu mẫu không có trong kế hoạch "
            f"{plan.label}.",
        )
    if agency_id is not None and agency.id != agency_id:
        expected = get_agency(db, agency_id)
        raise FormError(
            form.file_name,
            f"đây là biểu mẫu của {agency.name}, không phải của {expected.name}.",
        )
    return agency


def _check_installation(db: Database, form: FilledForm, plan: Plan, agency: Agency) -> None:
    """An agency installation imports only its own agency's forms.

    The guards of the database refuse any other write anyway (`schema`, `permissions`); this
    says so before the preview, in words about the file rather than about the database.
    """
    setup = installation.load(db)
    if not setup.is_agency or agency.code == setup.agency_code:
        return
    own = installation.own_agency(db, plan.id)
    raise FormError(
        form.file_name,
        f"đây là biểu mẫu của {agency.name}, không phải của "
        f"{own.name if own else setup.agency_code}. {MSG_OTHER_AGENCY} Hãy gửi tệp này cho Sở "
        "Công Thương để nhập.",
    )


def _content(db: Database, form: FilledForm, plan: Plan, agency: Agency) -> ReportContent:
    problems: list[Problem] = []
    task_results = _task_results(db, form, plan, agency, problems)
    values = _indicator_values(db, form, plan, agency, problems)
    spending = _spending(db, form, plan, problems)
    _check_task_spending(form, task_results, spending, problems)
    if problems:
        raise FormError.of(form.file_name, problems)
    return ReportContent(
        general_assessment=form.texts.get(TEXT_FIELDS[0], ""),
        difficulties=form.texts.get(TEXT_FIELDS[1], ""),
        proposals=form.texts.get(TEXT_FIELDS[2], ""),
        task_results=task_results,
        indicator_values=values,
        spending=spending,
        document_number=form.document_number,
        document_date=form.document_date,
    )


def _spending(
    db: Database, form: FilledForm, plan: Plan, problems: list[Problem]
) -> list[SourceSpending]:
    """The amounts by source; all blank means not reported, some blank means 0 for those."""
    sources = {s.name: s for s in list_sources(db, plan.id)}
    given = [e for e in form.spending if e.amount is not None]
    spending = []
    for entry in form.spending:
        source = sources.get(entry.source)
        if source is None:
            rule = f"nguồn kinh phí «{entry.source}» không có trong kế hoạch {plan.label}: "
            problems.append(Problem(rule + PLAN_CHANGED, SPENDING, entry.cell))
        elif given:
            spending.append(SourceSpending(source.id, entry.amount or 0))
    return spending


def _check_task_spending(
    form: FilledForm,
    results: list[TaskResultInput],
    spending: list[SourceSpending],
    problems: list[Problem],
) -> None:
    """The rule that counts each đồng once: the task rows place the money the sources give."""
    by_task = sum(r.spent or 0 for r in results)
    by_source = sum(s.amount for s in spending)
    if spending and by_task > by_source:
        problems.append(
            Problem(
                f"tổng kinh phí đã chi ghi ở các nhiệm vụ (Biểu 01: {format_money(by_task)}) lớn "
                f"hơn tổng kinh phí đã sử dụng theo nguồn (Biểu 03: {format_money(by_source)}). "
                "Mỗi đồng chỉ ghi một lần: hoạt động vừa là nhiệm vụ mục III vừa là nhiệm vụ "
                "mục V chỉ ghi ở dòng mục III; hãy sửa một trong hai biểu.",
                SPENDING,
                form.spending[0].cell if form.spending else None,
            )
        )


PLAN_CHANGED = (
    "kế hoạch đã thay đổi sau khi tạo biểu mẫu (nhiệm vụ hoặc chỉ tiêu đã được sửa, thêm, bớt "
    "hay sắp xếp lại). Hãy dùng biểu mẫu mới (đề nghị Sở Công Thương gửi lại) và điền lại."
)


def _task_results(
    db: Database, form: FilledForm, plan: Plan, agency: Agency, problems: list[Problem]
) -> list[TaskResultInput]:
    """The form's rows as results on tasks of the importing database, found by reference."""
    by_reference = tasks_by_reference(db, plan.id)
    assigned = {t.id for t in tasks_of_agency(db, plan.id, agency.id)}
    given: set[int] = set()
    results = []
    for entry in form.tasks:
        task = by_reference.get(entry.reference)
        if task is not None:
            given.add(task.id)
        problem = _task_problem(entry, task, assigned, plan, agency)
        if problem is not None:
            problems.append(problem)
        elif task is not None:
            results.append(
                TaskResultInput(task.id, entry.status, entry.progress, entry.result, entry.spent)
            )
    missing = assigned - given
    if missing:
        numbers = task_references(db, plan.id)
        listed = ", ".join(sorted(numbers[t] for t in missing))
        problems.append(
            Problem(
                f"biểu mẫu đã cũ: thiếu nhiệm vụ {listed} mới được giao cho {agency.name}. "
                "Hãy tạo biểu mẫu mới và điền lại.",
                TASKS,
            )
        )
    return results


def _task_problem(
    entry: TaskEntry, task: Task | None, assigned: set[int], plan: Plan, agency: Agency
) -> Problem | None:
    """Why the row cannot be imported: its reference names no task of the plan, or a task
    whose text is not the one the row shows (references follow the plan's order), or a task
    the agency was not given."""
    reference = f"{get_column_letter(TASK_COLUMNS.reference)}{entry.row}"
    if task is None:
        rule = f"nhiệm vụ {entry.reference} không có trong kế hoạch {plan.label}: {PLAN_CHANGED}"
        return Problem(rule, TASKS, reference)
    if not task_text_matches(entry.shown_text, task.text):
        rule = (
            f"nội dung nhiệm vụ {entry.reference} trong biểu mẫu khác với nhiệm vụ "
            f"{entry.reference} của kế hoạch {plan.label}: {PLAN_CHANGED}"
        )
        return Problem(rule, TASKS, f"{get_column_letter(TASK_COLUMNS.text)}{entry.row}")
    if task.id not in assigned:
        rule = (
            f"nhiệm vụ {entry.reference} không được giao cho {agency.name}; biểu mẫu đã bị "
            "sửa hoặc đã cũ. Hãy dùng biểu mẫu mới."
        )
        return Problem(rule, TASKS, reference)
    return None


_VERSION_1_INPUTS = {"reduction": ("baseline", "current")}
"""What a form of version 1 asked for a reduction (no markets, no estimated rate)."""


def _form_inputs(kind: str, form: FilledForm) -> set[str]:
    if form.identity.form_version < 2 and kind in _VERSION_1_INPUTS:
        return set(_VERSION_1_INPUTS[kind])
    return set(form_inputs(kind))


def _indicator_values(
    db: Database, form: FilledForm, plan: Plan, agency: Agency, problems: list[Problem]
) -> list[IndicatorValue]:
    """The form's indicator rows as values of indicators of the importing database, by code."""
    by_code = {i.code: i for i in list_indicators(db, plan.id)}
    reported = {code: i for code, i in by_code.items() if agency.id in reporter_ids(db, i)}
    values = []
    for entry in form.indicators:
        indicator = reported.get(entry.code)
        if indicator is None or set(entry.cells) != _form_inputs(indicator.kind, form):
            rule = (
                f"chỉ tiêu mã «{entry.code}» không có trong kế hoạch {plan.label}: {PLAN_CHANGED}"
                if entry.code not in by_code
                else f"chỉ tiêu {entry.code} không thuộc các chỉ tiêu {agency.name} phải báo "
                "cáo, hoặc đã đổi cách báo cáo; hãy dùng biểu mẫu mới."
            )
            code_cell = f"{get_column_letter(INDICATOR_COLUMNS.code)}{entry.row}"
            problems.append(Problem(rule, INDICATORS, code_cell))
            continue
        value = IndicatorValue(
            report_id=0,
            indicator_id=indicator.id,
            note=entry.note,
            method=entry.method,
            **entry.values,
        )
        try:
            indicator_value_row(0, get_indicator(db, indicator.id), value)
        except ValidationError as error:
            problems.append(Problem(error.rule, INDICATORS, next(iter(entry.cells.values()))))
            continue
        values.append(value)
    given = {e.code for e in form.indicators}
    missing = [code for code in reported if code not in given]  # in the plan's order
    if missing:
        problems.append(
            Problem(
                f"biểu mẫu đã cũ: thiếu chỉ tiêu {', '.join(missing)} mà {agency.name} nay phải "
                "báo cáo. Hãy tạo biểu mẫu mới và điền lại.",
                INDICATORS,
            )
        )
    return values
