"""The check before forms go out: is every task and indicator someone's to report?

Gaps: a task with no lead agency (nobody is asked about it), an indicator nobody reports (its
verdict could only be "Chưa có số liệu"), an agency that must report but has nothing to report
(an empty form). Each comes with where to fix it. Proposals not yet confirmed are not gaps: they
count for the forms; the check only says how many there are.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.indicators import list_indicators, reporters_by_indicator
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.tasks import list_tasks

TASK, INDICATOR, AGENCY = "task", "indicator", "agency"

FIXES = {
    TASK: "Thẻ Nhiệm vụ: chọn nhiệm vụ, bấm «Phân công cơ quan…» và chọn cơ quan chủ trì.",
    INDICATOR: "Thẻ Chỉ tiêu: chọn chỉ tiêu, bấm «Chọn đơn vị báo cáo…».",
    AGENCY: (
        "Giao cho cơ quan nhiệm vụ hoặc chỉ tiêu (thẻ Nhiệm vụ, thẻ Chỉ tiêu), hoặc bỏ đánh dấu "
        "«Phải báo cáo» ở thẻ Cơ quan."
    ),
}


@dataclass(frozen=True)
class Gap:
    kind: str  # TASK, INDICATOR or AGENCY
    item_id: int  # the task's, indicator's or agency's id, for the window to go to it
    subject: str  # "Nhiệm vụ III.1.2: Tuyên truyền…"
    problem: str  # "chưa có cơ quan chủ trì"

    @property
    def fix(self) -> str:
        return FIXES[self.kind]

    def __str__(self) -> str:
        return f"{self.subject}: {self.problem}"


@dataclass(frozen=True)
class Readiness:
    gaps: tuple[Gap, ...]
    proposed_assignments: int  # task assignments still proposals
    proposed_reporters: int  # indicator reporters still proposals

    @property
    def ready(self) -> bool:
        return not self.gaps


def gaps_heading(check: Readiness) -> str:
    """ "còn 3 chỗ chưa phân công:", before the gaps listed one a line."""
    return f"còn {len(check.gaps)} chỗ chưa phân công:"


def check_before_forms(db: Database, plan_id: int) -> Readiness:
    """Every gap of the plan's assignments, in plan order: tasks, indicators, agencies."""
    tasks = list_tasks(db, plan_id)
    numbers = task_references(db, plan_id)
    reporters = reporters_by_indicator(db, plan_id)
    gaps = [
        Gap(TASK, t.id, f"Nhiệm vụ {numbers[t.id]}: {_short(t.text)}", "chưa có cơ quan chủ trì")
        for t in tasks
        if not t.lead_ids
    ]
    gaps += [
        Gap(INDICATOR, i.id, f"Chỉ tiêu {i.code}: {i.name}", "chưa có đơn vị nào báo cáo")
        for i in list_indicators(db, plan_id)
        if not reporters.get(i.id)
    ]
    busy = {a for t in tasks for a in (*t.lead_ids, *t.coordinator_ids)}
    busy |= {r.agency_id for found in reporters.values() for r in found}
    gaps += [
        Gap(AGENCY, a.id, a.name, "phải báo cáo nhưng không được giao nhiệm vụ hay chỉ tiêu nào")
        for a in list_agencies(db, plan_id)
        if a.must_report and a.id not in busy
    ]
    return Readiness(
        gaps=tuple(gaps),
        proposed_assignments=sum(len(t.proposed_ids) for t in tasks),
        proposed_reporters=sum(1 for found in reporters.values() for r in found if r.proposed),
    )


def _short(text: str, length: int = 70) -> str:
    """The text cut to `length`, without the full stop a sentence ends with ("…: chưa có")."""
    text = text.strip().rstrip(".")
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def count_proposals(db: Database, plan_id: int) -> int:
    """How many assignments and indicator reporters are still proposals (what
    `check_before_forms` counts, without checking every task: for the overview)."""
    tasks = db.execute(
        "SELECT COUNT(*) FROM task_assignments a JOIN tasks t ON t.id = a.task_id"
        " WHERE t.plan_id = ? AND a.proposed = 1",
        [plan_id],
    ).fetchone()[0]
    reporters = db.execute(
        "SELECT COUNT(*) FROM indicator_reporters r JOIN indicators i ON i.id = r.indicator_id"
        " WHERE i.plan_id = ? AND r.proposed = 1",
        [plan_id],
    ).fetchone()[0]
    return int(tasks) + int(reporters)
