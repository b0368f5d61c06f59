"""What importing a form would change, field by field, against the agency's current report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import headings, labels, reports
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.excel.form_data import form_inputs
from sxtdbv_desktop.excel.form_spec import TEXT_FIELDS, TEXT_LABELS, TEXTS
from sxtdbv_desktop.indicators import Indicator, list_indicators
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.plan_sections import roman_value
from sxtdbv_desktop.report_inputs import input_label
from sxtdbv_desktop.reports import IndicatorValue, Report, ReportContent, TaskResultInput
from sxtdbv_desktop.tasks import list_tasks
from sxtdbv_desktop.text import clean_paragraphs
from sxtdbv_desktop.vnformat import format_date, format_money, format_number

EMPTY = "(trống)"
NO_REPORT = labels.NO_REPORT


@dataclass(frozen=True)
class FieldChange:
    """One field whose value the import changes: `item` is the task, indicator or text."""

    item: str
    field: str
    old: str
    new: str


def report_changes(
    db: Database, plan_id: int, existing: Report | None, content: ReportContent
) -> list[FieldChange]:
    """Every field that differs between `existing` (None: no report yet) and `content`."""
    changes = list(_status_change(existing))
    changes += _task_changes(db, plan_id, existing, content)
    changes += _indicator_changes(db, plan_id, existing, content)
    changes += _spending_changes(db, plan_id, existing, content)
    changes += _text_changes(existing, content)
    return changes


def _status_change(existing: Report | None) -> Iterator[FieldChange]:
    old = labels.REPORT_STATUSES[existing.status] if existing else NO_REPORT
    new = labels.REPORT_STATUSES[reports.SUBMITTED]
    if old != new:
        yield FieldChange("Báo cáo", "Tình trạng", old, new)


def _task_changes(
    db: Database, plan_id: int, existing: Report | None, content: ReportContent
) -> Iterator[FieldChange]:
    old = {r.task_id: r for r in reports.task_results(db, existing.id)} if existing else {}
    new = {r.task_id: r for r in content.task_results}
    numbers = task_references(db, plan_id)
    texts = {t.id: t.text for t in list_tasks(db, plan_id)}
    for task_id in sorted(old.keys() | new.keys(), key=lambda t: _order(numbers.get(t, ""))):
        item = f"Nhiệm vụ {numbers.get(task_id, '?')}: {_short(texts.get(task_id, ''))}"
        before, after = _task_fields(old.get(task_id)), _task_fields(new.get(task_id))
        for name, value in after.items():
            if before[name] != value:
                yield FieldChange(item, name, before[name], value)


def _task_fields(result: TaskResultInput | reports.TaskResult | None) -> dict[str, str]:
    if result is None:
        return dict.fromkeys(_TASK_FIELDS, EMPTY)
    return {
        headings.STATUS: labels.TASK_STATUSES[result.status] if result.status else EMPTY,
        headings.PROGRESS: EMPTY if result.progress is None else f"{result.progress} %",
        headings.RESULT: clean_paragraphs(result.result, limit=None) or EMPTY,
        headings.SPENT: EMPTY if result.spent is None else format_money(result.spent),
    }


_TASK_FIELDS = (headings.STATUS, headings.PROGRESS, headings.RESULT, headings.SPENT)


def _indicator_changes(
    db: Database, plan_id: int, existing: Report | None, content: ReportContent
) -> Iterator[FieldChange]:
    old = {v.indicator_id: v for v in reports.indicator_values(db, existing.id)} if existing else {}
    new = {v.indicator_id: v for v in content.indicator_values}
    for indicator in list_indicators(db, plan_id):
        if indicator.id not in old and indicator.id not in new:
            continue
        item = f"Chỉ tiêu {indicator.code}: {_short(indicator.name)}"
        before = _indicator_fields(indicator, old.get(indicator.id))
        after = _indicator_fields(indicator, new.get(indicator.id))
        for name, value in after.items():
            if before[name] != value:
                yield FieldChange(item, name, before[name], value)


def _indicator_fields(indicator: Indicator, value: IndicatorValue | None) -> dict[str, str]:
    fields = {}
    for name in form_inputs(indicator.kind):
        label = input_label(indicator, name)
        given = getattr(value, name) if value else None
        if given is None or given == "":
            fields[label] = EMPTY
        elif name == "answer":
            fields[label] = labels.YES_NO.get(given, str(given))
        elif isinstance(given, str):
            fields[label] = clean_paragraphs(given, limit=None)
        else:
            fields[label] = format_number(given)
    fields[headings.NOTE] = (clean_paragraphs(value.note, limit=None) if value else "") or EMPTY
    return fields


def _spending_changes(
    db: Database, plan_id: int, existing: Report | None, content: ReportContent
) -> Iterator[FieldChange]:
    old = (
        {s.source_id: s.amount for s in reports.source_spending(db, existing.id)}
        if existing
        else {}
    )
    new = {s.source_id: s.amount for s in content.spending}
    for source in list_sources(db, plan_id):
        before, after = old.get(source.id), new.get(source.id)
        if before != after:
            yield FieldChange(
                f"{headings.SOURCE_SPENT} theo nguồn",
                source.name,
                EMPTY if before is None else format_money(before),
                EMPTY if after is None else format_money(after),
            )


def _text_changes(existing: Report | None, content: ReportContent) -> Iterator[FieldChange]:
    number_before = existing.document_number if existing else ""
    if clean_paragraphs(content.document_number, limit=None) != number_before:
        yield FieldChange(
            headings.AGENCY_DOCUMENT, headings.DOCUMENT_NUMBER, number_before or EMPTY,
            clean_paragraphs(content.document_number, limit=None) or EMPTY,
        )  # fmt: skip
    date_before = existing.document_date if existing else None
    if content.document_date != date_before:
        yield FieldChange(
            headings.AGENCY_DOCUMENT,
            headings.DOCUMENT_DATE,
            _date(date_before),
            _date(content.document_date),
        )
    for name in TEXT_FIELDS:
        before = clean_paragraphs(getattr(existing, name), limit=None) if existing else ""
        after = clean_paragraphs(getattr(content, name), limit=None)
        if before != after:
            yield FieldChange(TEXTS, TEXT_LABELS[name], before or EMPTY, after or EMPTY)


def _date(day: dt.date | None) -> str:
    return format_date(day) if day else EMPTY


def _short(text: str, limit: int = 70) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _order(reference: str) -> tuple[int, ...]:
    parts = reference.split(".")
    try:
        return (roman_value(parts[0]), *(int(p) for p in parts[1:]))
    except ValueError:
        return (99,)
