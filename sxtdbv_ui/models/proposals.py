"""The assignments proposed from the plan's text, one row per task or indicator, for review."""

from __future__ import annotations

from sxtdbv_desktop.proposals import Proposal, pending
from sxtdbv_ui import texts
from sxtdbv_ui.models.base import Column, RowTableModel
from sxtdbv_ui.workspace import INDICATORS, TASKS, Workspace


class ProposalModel(RowTableModel[Proposal]):
    title = texts.PROPOSALS
    entities = frozenset({TASKS, INDICATORS})

    def __init__(self, session: Workspace) -> None:
        columns: list[Column[Proposal]] = [
            Column("Mục", lambda p: p.reference, width=11),
            Column("Nội dung", lambda p: p.text, width=0, tooltip=lambda p: p.text),
            Column("Cơ quan đề xuất", lambda p: p.agencies, width=34,
                   tooltip=lambda p: p.agencies),
            Column("Căn cứ", lambda p: p.evidence.replace("\n", " | "), width=40,
                   tooltip=lambda p: p.evidence),
        ]  # fmt: skip
        super().__init__(session, columns)

    def fetch(self) -> list[Proposal]:
        return pending(self.session.db, self.session.plan_id)

    def key(self, row: Proposal) -> object:
        return (row.kind, row.item_id)
