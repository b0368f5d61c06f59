"""An agency's figures for the indicators it reports, in one report: one row per figure to enter
(a count; a numerator and a denominator; the markets, the quantities or an estimated rate with
how it was estimated; a yes/no answer)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sxtdbv_desktop import headings, labels, vnformat
from sxtdbv_desktop.completeness import expected_indicators
from sxtdbv_desktop.indicators import Indicator, list_indicators
from sxtdbv_desktop.report_inputs import entry_inputs, input_label
from sxtdbv_desktop.reports import (
    IndicatorValue,
    clear_indicator_value,
    indicator_values,
    set_indicator_value,
)
from sxtdbv_ui.models.base import Column, Editor, EditorKind, RowTableModel
from sxtdbv_ui.models.report_ref import ReportRef
from sxtdbv_ui.workspace import REPORTS, Edit, Workspace, value_edit

ANSWER, METHOD = "answer", "method"


@dataclass(frozen=True)
class IndicatorInputRow:
    ref: ReportRef
    indicator: Indicator
    name: str  # the IndicatorValue field
    label: str
    first: bool  # the indicator's first figure: the note is shown and edited there
    value: IndicatorValue | None

    @property
    def figure(self) -> int | str | None:
        return None if self.value is None else getattr(self.value, self.name)


class ReportIndicatorModel(RowTableModel[IndicatorInputRow]):
    title = "Số liệu chỉ tiêu của đơn vị"
    entities = frozenset({REPORTS})

    def __init__(self, session: Workspace, ref: ReportRef) -> None:
        super().__init__(session, _columns(session))
        self.ref = ref
        self._lock = ""

    def fetch(self) -> list[IndicatorInputRow]:
        db, ref = self.session.db, self.ref
        report = ref.find()
        self._lock = ref.lock()
        plan_id = ref.plan_id
        values = {v.indicator_id: v for v in indicator_values(db, report.id)} if report else {}
        expected = {i.id for i in expected_indicators(db, plan_id, ref.agency_id)}
        rows = []
        for indicator in list_indicators(db, plan_id):
            if indicator.id not in expected and indicator.id not in values:
                continue  # an indicator the agency does not report
            for position, name in enumerate(entry_inputs(indicator.kind)):
                label = input_label(indicator, name)
                rows.append(IndicatorInputRow(ref, indicator, name, label, position == 0,
                                              values.get(indicator.id)))  # fmt: skip
        return rows

    def key(self, row: IndicatorInputRow) -> object:
        return (row.indicator.id, row.name)

    def lock_reason(self, row: IndicatorInputRow) -> str:
        return self.session.read_only_reason or self._lock


def _value_edit(session: Workspace, field: str, row: IndicatorInputRow, value: Any) -> Edit | None:
    old = row.value
    blank = IndicatorValue(report_id=0, indicator_id=row.indicator.id)
    new = dataclasses.replace(old or blank, **{field: value})
    db, ref, indicator_id = session.db, row.ref, row.indicator.id

    def setter(entry: IndicatorValue | None) -> None:
        if entry is None:
            ref.write(lambda report_id: clear_indicator_value(db, report_id, indicator_id))
        else:
            ref.write(lambda report_id: set_indicator_value(
                db, report_id, dataclasses.replace(entry, report_id=report_id)))  # fmt: skip

    return value_edit(f"Sửa số liệu chỉ tiêu {row.indicator.code}", setter, old, new, REPORTS)


def _figure_text(row: IndicatorInputRow) -> str:
    figure = row.figure
    if figure is None or isinstance(figure, str):
        return figure or ""
    return labels.YES_NO[figure] if row.name == ANSWER else vnformat.format_number(figure)


def _columns(session: Workspace) -> list[Column[IndicatorInputRow]]:
    answers = [(None, "—"), *((v, t) for v, t in labels.YES_NO.items())]

    def figure_editor(row: IndicatorInputRow) -> Editor[IndicatorInputRow]:
        save = lambda r, v: _value_edit(session, r.name, r, v)  # noqa: E731
        if row.name == ANSWER:
            return Editor(EditorKind.CHOICE, lambda r: r.figure, save, choices=lambda: answers)
        if row.name == METHOD:
            return Editor(EditorKind.LONG_TEXT, lambda r: r.figure or "", save)
        if row.name == "estimated_rate":
            return Editor(EditorKind.OPTIONAL_PERCENT, lambda r: r.figure, save)
        return Editor(EditorKind.OPTIONAL_NUMBER, lambda r: r.figure, save)

    note: Editor[IndicatorInputRow] = Editor(
        EditorKind.LONG_TEXT,
        lambda r: r.value.note if r.value else "",
        lambda r, v: _value_edit(session, "note", r, v),
        enabled=lambda r: r.first,
    )
    return [
        Column("Mã", lambda r: r.indicator.code if r.first else "", width=4,
               sort=lambda r: r.indicator.position),
        Column(headings.INDICATOR, lambda r: r.indicator.name if r.first else "", width=28,
               tooltip=lambda r: r.indicator.name),
        Column("Số liệu cần nhập", lambda r: r.label, width=0),
        Column(headings.FIGURES, _figure_text, width=12, right=True,
               sort=lambda r: str(r.figure or ""), editor_for=figure_editor),
        Column(headings.NOTE, lambda r: r.value.note if r.value and r.first else "", width=20,
               editor=note),
    ]  # fmt: skip
