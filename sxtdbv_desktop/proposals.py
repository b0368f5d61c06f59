"""The assignments proposed from the plan's text, for the Sở to review: each task and each
indicator with its proposed agencies and the wording each rests on.

The plan's appendix that assigned the work is not in the program's copy of the plan; the
proposals stand in for it, count for the forms at once, and stay marked "đề xuất" until the Sở
confirms them (all at once, or item by item) or changes them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import indicators, tasks
from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.numbering import task_references

TASK, INDICATOR = "task", "indicator"
NONE_PENDING = "Không còn phân công đề xuất nào chờ xác nhận."
ROLE_LABELS = {"lead": "chủ trì", "coordinator": "phối hợp", "reporter": "báo cáo"}


@dataclass(frozen=True)
class Basis:
    """Agencies proposed in one role on the same evidence."""

    role: str  # "lead", "coordinator" or "reporter"
    agencies: tuple[str, ...]  # display names, in the plan's order
    evidence: str

    def __str__(self) -> str:
        return f"{', '.join(self.agencies)} ({ROLE_LABELS[self.role]}): {self.evidence}"


@dataclass(frozen=True)
class Proposal:
    kind: str  # TASK or INDICATOR
    item_id: int
    reference: str  # "III.1.2" or "Chỉ tiêu 2a"
    text: str  # the task's text, or the indicator's name
    bases: tuple[Basis, ...]

    @property
    def agencies(self) -> str:
        """ "Chủ trì: Sở Công Thương; phối hợp: Sở TT&TT, BQL Khu Kinh tế"."""
        parts: dict[str, list[str]] = defaultdict(list)
        for basis in self.bases:
            parts[basis.role] += basis.agencies
        text = "; ".join(
            f"{ROLE_LABELS[role]}: {', '.join(names)}" for role, names in parts.items()
        )
        return text[:1].upper() + text[1:]

    @property
    def evidence(self) -> str:
        return "\n".join(str(b) for b in self.bases)


def pending(db: Database, plan_id: int) -> list[Proposal]:
    """Every task and indicator with assignments still proposed, in the plan's order."""
    names = {a.id: a.display_name for a in list_agencies(db, plan_id)}
    found: list[Proposal] = []
    numbers = task_references(db, plan_id)
    texts = {t.id: t.text for t in tasks.list_tasks(db, plan_id)}
    by_task: dict[int, list[tasks.Assignment]] = defaultdict(list)
    for assignment in tasks.assignments(db, plan_id):
        if assignment.proposed:
            by_task[assignment.task_id].append(assignment)
    for task_id, rows in by_task.items():
        bases = _bases([(a.role, names[a.agency_id], a.evidence) for a in rows])
        found.append(Proposal(TASK, task_id, numbers[task_id], texts[task_id], bases))
    reporters = indicators.reporters_by_indicator(db, plan_id)
    for indicator in indicators.list_indicators(db, plan_id):
        proposed = [r for r in reporters.get(indicator.id, []) if r.proposed]
        if proposed:
            bases = _bases([("reporter", names[r.agency_id], r.evidence) for r in proposed])
            reference = f"Chỉ tiêu {indicator.code}"
            found.append(Proposal(INDICATOR, indicator.id, reference, indicator.name, bases))
    return found


def _bases(rows: list[tuple[str, str, str]]) -> tuple[Basis, ...]:
    """Agencies of the same role and evidence together (the 12 districts are one line)."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for role, name, evidence in rows:
        grouped[(role, evidence)].append(name)
    return tuple(Basis(role, tuple(names), evidence) for (role, evidence), names in grouped.items())


def confirm(db: Database, plan_id: int, chosen: list[Proposal] | None = None) -> int:
    """Confirm `chosen` proposals (every one by default); return how many assignments."""
    if chosen is None:
        return tasks.confirm_assignments(db, plan_id) + indicators.confirm_reporters(db, plan_id)
    task_ids = [p.item_id for p in chosen if p.kind == TASK]
    indicator_ids = [p.item_id for p in chosen if p.kind == INDICATOR]
    with db.atomic():
        done = tasks.confirm_assignments(db, plan_id, task_ids) if task_ids else 0
        if indicator_ids:
            done += indicators.confirm_reporters(db, plan_id, indicator_ids)
    return done
