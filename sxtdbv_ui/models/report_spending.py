"""What an agency spent from each funding source of the plan, in one report: the one count of
its money for the budget (the task rows only say which task it went to)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sxtdbv_desktop import headings, vnformat
from sxtdbv_desktop.budget import FundingSource, list_sources
from sxtdbv_desktop.reports import set_spending, source_spending
from sxtdbv_ui.models.base import Column, Editor, EditorKind, RowTableModel
from sxtdbv_ui.models.report_ref import ReportRef
from sxtdbv_ui.workspace import REPORTS, Edit, Workspace, value_edit


@dataclass(frozen=True)
class SpendingRow:
    source: FundingSource
    amount: int | None  # None: not given


class ReportSpendingModel(RowTableModel[SpendingRow]):
    title = "Kinh phí đơn vị đã sử dụng theo nguồn"
    entities = frozenset({REPORTS})

    def __init__(self, session: Workspace, ref: ReportRef) -> None:
        super().__init__(session, _columns(session, ref))
        self.ref = ref
        self._lock = ""

    def fetch(self) -> list[SpendingRow]:
        db, ref = self.session.db, self.ref
        report = ref.find()
        self._lock = ref.lock()
        spent = {s.source_id: s.amount for s in source_spending(db, report.id)} if report else {}
        return [SpendingRow(s, spent.get(s.id)) for s in list_sources(db, ref.plan_id)]

    def key(self, row: SpendingRow) -> object:
        return row.source.id

    def lock_reason(self, row: SpendingRow) -> str:
        return self.session.read_only_reason or self._lock

    def total(self) -> int:
        return sum(r.amount or 0 for r in self.rows)


def _edit(session: Workspace, ref: ReportRef, row: SpendingRow, value: Any) -> Edit | None:
    db, source_id = session.db, row.source.id

    def setter(amount: int | None) -> None:
        ref.write(lambda report_id: set_spending(db, report_id, source_id, amount))

    text = f"Sửa kinh phí nguồn {row.source.name}"
    return value_edit(text, setter, row.amount, value, REPORTS)


def _columns(session: Workspace, ref: ReportRef) -> list[Column[SpendingRow]]:
    amount: Editor[SpendingRow] = Editor(
        EditorKind.OPTIONAL_MONEY, lambda r: r.amount, lambda r, v: _edit(session, ref, r, v)
    )
    return [
        Column(headings.SOURCE, lambda r: r.source.name, width=0),
        Column(headings.in_dong(headings.SOURCE_SPENT),
               lambda r: "" if r.amount is None else vnformat.format_money(r.amount), width=24,
               right=True, sort=lambda r: r.amount or 0, editor=amount),
    ]  # fmt: skip
