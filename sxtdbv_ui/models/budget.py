"""Money of the plan, in whole đồng: funding sources with their estimates and what was
allocated and disbursed from them; budget lines per task and agency."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from sxtdbv_desktop import headings, vnformat
from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.budget import BudgetLine, list_lines, list_sources, set_estimate, update_line
from sxtdbv_desktop.consolidation import SourceBudget, budget_summary
from sxtdbv_desktop.numbering import references
from sxtdbv_desktop.tasks import list_groups, list_tasks
from sxtdbv_ui.models.base import MUTED_TEXT, Column, Editor, EditorKind, RowTableModel
from sxtdbv_ui.texts import BUDGET_LINES, NONE_CHOICE
from sxtdbv_ui.workspace import AGENCIES, BUDGET, PLAN, TASKS, Edit, Workspace, value_edit

UNKNOWN = "Chưa xác định"


def money(value: int | None) -> str:
    return UNKNOWN if value is None else vnformat.format_money(value)


@dataclass(frozen=True)
class SourceRow:
    budget: SourceBudget


class SourceModel(RowTableModel[SourceRow]):
    title = headings.SOURCE
    entities = frozenset({BUDGET, PLAN})

    def __init__(self, session: Workspace) -> None:
        estimate = Editor(EditorKind.OPTIONAL_MONEY, lambda r: r.budget.source.estimate,
                          partial(_estimate_edit, session))  # fmt: skip
        super().__init__(session, [
            Column(headings.SOURCE, lambda r: r.budget.source.name, width=0),
            Column(headings.ESTIMATE, lambda r: money(r.budget.source.estimate), right=True,
                   width=20, sort=lambda r: r.budget.source.estimate, editor=estimate,
                   color=lambda r: MUTED_TEXT if r.budget.source.estimate is None else None,
                   header_tip="Dự toán của nguồn theo văn bản phân bổ; để trống nếu chưa biết"),
            Column(headings.ALLOCATED, lambda r: money(r.budget.allocated), right=True, width=20,
                   sort=lambda r: r.budget.allocated),
            Column(headings.DISBURSED, lambda r: money(r.budget.disbursed), right=True, width=20,
                   sort=lambda r: r.budget.disbursed),
            Column(headings.DISBURSEMENT_RATE,
                   lambda r: vnformat.format_percent(r.budget.disbursement_rate), right=True,
                   width=10, sort=lambda r: r.budget.disbursement_rate),
        ])  # fmt: skip

    def fetch(self) -> list[SourceRow]:
        summary = budget_summary(self.session.db, self.session.plan_id)
        return [SourceRow(s) for s in summary.sources]

    def key(self, row: SourceRow) -> object:
        return row.budget.source.id


def _estimate_edit(session: Workspace, row: SourceRow, value: Any) -> Edit | None:
    source = row.budget.source

    def setter(estimate: int | None) -> None:
        set_estimate(session.db, source.id, estimate)

    return value_edit(f"Sửa dự toán nguồn “{source.name}”", setter, source.estimate, value, BUDGET)


@dataclass(frozen=True)
class LineRow:
    line: BudgetLine
    source: str
    task: str
    agency: str


class BudgetLineModel(RowTableModel[LineRow]):
    title = BUDGET_LINES
    entities = frozenset({BUDGET, TASKS, AGENCIES})

    def __init__(self, session: Workspace) -> None:
        super().__init__(session, _line_columns(session, self))
        self.sources: list[tuple[Any, str]] = []
        self.agencies: list[tuple[Any, str]] = []
        self._tasks: dict[int, str] | None = None

    def task_labels(self) -> dict[int, str]:
        """ "III.1.3 Tổ chức hội nghị…" by task id, read when first needed (a plan may have
        thousands of tasks, and most budget lines name none)."""
        if self._tasks is None:
            db, plan_id = self.session.db, self.session.plan_id
            tasks = list_tasks(db, plan_id)
            numbers = references(list_groups(db, plan_id), tasks)
            self._tasks = {t.id: _task_label(numbers[t.id], t.text) for t in tasks}
        return self._tasks

    def task_choices(self) -> list[tuple[Any, str]]:
        return [(None, NONE_CHOICE), *self.task_labels().items()]

    def fetch(self) -> list[LineRow]:
        db, plan_id = self.session.db, self.session.plan_id
        self._tasks = None
        self.sources = [(s.id, s.name) for s in list_sources(db, plan_id)]
        self.agencies = [(None, NONE_CHOICE), *((a.id, a.name) for a in list_agencies(db, plan_id))]
        lines = list_lines(db, plan_id)
        tasks = self.task_labels() if any(line.task_id for line in lines) else {}
        names = [dict(self.sources), tasks, dict(self.agencies[1:])]
        return [
            LineRow(
                line,
                names[0].get(line.source_id, ""),
                names[1].get(line.task_id, ""),
                names[2].get(line.agency_id, ""),
            )
            for line in lines
        ]

    def key(self, row: LineRow) -> object:
        return row.line.id


def _task_label(number: str, text: str) -> str:
    short = text if len(text) <= 70 else text[:69] + "…"
    return f"{number} {short}"


def _line_edit(session: Workspace, field: str, text: str, row: LineRow, value: Any) -> Edit | None:
    def setter(new: Any) -> None:
        update_line(session.db, row.line.id, **{field: new})

    return value_edit(text, setter, getattr(row.line, field), value, BUDGET)


def _line_columns(session: Workspace, model: BudgetLineModel) -> list[Column[LineRow]]:
    def editor(field: str, text: str, kind: EditorKind, choices: Any = None) -> Editor[LineRow]:
        return Editor(kind, lambda r: getattr(r.line, field),
                      partial(_line_edit, session, field, text), choices=choices)  # fmt: skip

    return [
        Column(headings.SOURCE, lambda r: r.source, width=22,
               editor=editor("source_id", "Đổi nguồn của dòng kinh phí", EditorKind.CHOICE,
                             lambda: model.sources)),
        Column("Nhiệm vụ", lambda r: r.task, width=0,
               editor=editor("task_id", "Đổi nhiệm vụ của dòng kinh phí", EditorKind.CHOICE,
                             model.task_choices)),
        Column("Cơ quan", lambda r: r.agency, width=22,
               editor=editor("agency_id", "Đổi cơ quan của dòng kinh phí", EditorKind.CHOICE,
                             lambda: model.agencies)),
        Column("Nội dung", lambda r: r.line.description, width=20,
               editor=editor("description", "Sửa nội dung dòng kinh phí", EditorKind.LONG_TEXT)),
        Column("Phân bổ", lambda r: vnformat.format_money(r.line.allocated), right=True,
               width=18, sort=lambda r: r.line.allocated,
               editor=editor("allocated", "Sửa kinh phí phân bổ", EditorKind.MONEY)),
        Column("Giải ngân", lambda r: vnformat.format_money(r.line.disbursed), right=True,
               width=18, sort=lambda r: r.line.disbursed,
               editor=editor("disbursed", "Sửa kinh phí giải ngân", EditorKind.MONEY)),
    ]  # fmt: skip
