"""Task groups and tasks: the plan's contents (section III) and the agencies' duties (section V).

Both are reportable: an agency reports results on every task it leads or coordinates. Where the
plan's text does not name the agencies, an assignment may be a proposal derived from it, stored
with its evidence (the wording it rests on) until the Sở confirms it; a task with no lead agency
at all is a gap the application shows. A task's status comes from its agencies' reports
(`consolidation.task_statuses`) unless the Sở overrides it, with a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from sqlite_utils import Database

from sxtdbv_desktop import rule_words
from sxtdbv_desktop.errors import NotFoundError, ValidationError
from sxtdbv_desktop.headings import COORDINATING_AGENCIES, TASK_TEXT
from sxtdbv_desktop.labels import FIELDS
from sxtdbv_desktop.schema import TASK_STATUSES
from sxtdbv_desktop.storage import insert, select, select_one
from sxtdbv_desktop.text import clean_line, clean_paragraphs

CONTENT, DUTY = "content", "duty"


@dataclass(frozen=True)
class TaskGroup:
    id: int
    plan_id: int
    section: str
    number: int
    title: str
    numeral: str = ""  # the numeral the plan gives its section ("III"); empty: not recorded


@dataclass(frozen=True)
class Task:
    id: int
    plan_id: int
    group_id: int
    position: int
    text: str
    time_frame: str
    planned_output: str
    status: str  # the Sở's override when `status_overridden`, else unused
    note: str
    status_overridden: int = 0
    lead_ids: tuple[int, ...] = field(default=())
    coordinator_ids: tuple[int, ...] = field(default=())
    proposed_ids: tuple[int, ...] = field(default=())  # assignments not yet confirmed

    @property
    def is_assigned(self) -> bool:
        return bool(self.lead_ids)

    @property
    def is_proposal(self) -> bool:
        """Some of its assignments are proposals the Sở has not confirmed."""
        return bool(self.proposed_ids)


@dataclass(frozen=True)
class Assignment:
    """One agency's role on one task, and whether it is still a proposal (with its evidence)."""

    task_id: int
    agency_id: int
    role: str  # "lead" or "coordinator"
    proposed: bool
    evidence: str


def list_groups(db: Database, plan_id: int, section: str | None = None) -> list[TaskGroup]:
    """Groups of section III ("content") then section V ("duty"), in plan order."""
    sql = (
        "SELECT g.*, s.numeral FROM task_groups g LEFT JOIN plan_sections s"
        " ON s.plan_id = g.plan_id AND s.part = g.section WHERE g.plan_id = ?"
    )
    params: list[object] = [plan_id]
    if section is not None:
        sql += " AND g.section = ?"
        params.append(section)
    sql += " ORDER BY g.section = 'duty', g.number"
    return select(db, TaskGroup, sql, params)


def list_tasks(db: Database, plan_id: int, section: str | None = None) -> list[Task]:
    """Tasks with their lead and coordinating agencies, group by group in plan order."""
    # Built straight from the cursor: a plan can hold thousands of tasks, and the window
    # lists them all when its tab opens (benchmarks/bench_ui.py).
    columns = ", ".join(f"t.{name}" for name in _TASK_COLUMNS)
    sql = (
        f"SELECT {columns} FROM tasks t JOIN task_groups g ON g.id = t.group_id"
        " WHERE t.plan_id = ?"
        + (" AND g.section = ?" if section else "")
        + " ORDER BY g.section = 'duty', g.number, t.position, t.id"
    )
    roles = _assignments(db, plan_id)
    return [
        Task(*values, *roles.get(values[0], _UNASSIGNED))
        for values in db.execute(sql, [plan_id, section] if section else [plan_id])
    ]


_TASK_COLUMNS = [
    f.name for f in fields(Task) if f.name not in ("lead_ids", "coordinator_ids", "proposed_ids")
]
_UNASSIGNED: tuple[tuple[int, ...], ...] = ((), (), ())


def get_task(db: Database, task_id: int) -> Task:
    task = select_one(db, Task, "SELECT * FROM tasks WHERE id = ?", [task_id])
    if task is None:
        raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}.")
    rows = db.execute(
        "SELECT a.agency_id, a.role, a.proposed FROM task_assignments a"
        " JOIN agencies g ON g.id = a.agency_id WHERE a.task_id = ? ORDER BY g.position",
        [task_id],
    ).fetchall()
    leads = tuple(a for a, role, _ in rows if role == "lead")
    coordinators = tuple(a for a, role, _ in rows if role == "coordinator")
    proposed = tuple(a for a, _, flag in rows if flag)
    return _with_agencies(task, leads, coordinators, proposed)


def tasks_of_agency(db: Database, plan_id: int, agency_id: int) -> list[Task]:
    """The tasks an agency leads or coordinates: what its results report covers."""
    return [
        t
        for t in list_tasks(db, plan_id)
        if agency_id in t.lead_ids or agency_id in t.coordinator_ids
    ]


def _assignments(db: Database, plan_id: int) -> dict[int, tuple[tuple[int, ...], ...]]:
    """By task id: its lead agencies' ids, its coordinators', and those still proposals."""
    found: dict[int, tuple[list[int], list[int], list[int]]] = {}
    for task_id, agency_id, role, proposed in db.execute(
        "SELECT a.task_id, a.agency_id, a.role, a.proposed FROM task_assignments a"
        " JOIN tasks t ON t.id = a.task_id JOIN agencies g ON g.id = a.agency_id"
        " WHERE t.plan_id = ? ORDER BY g.position",
        [plan_id],
    ):
        ids = found.get(task_id)
        if ids is None:
            ids = found[task_id] = ([], [], [])
        ids[role != "lead"].append(agency_id)
        if proposed:
            ids[2].append(agency_id)
    return {task_id: tuple(map(tuple, ids)) for task_id, ids in found.items()}


def _with_agencies(
    task: Task, leads: tuple[int, ...], coordinators: tuple[int, ...], proposed: tuple[int, ...]
) -> Task:
    fields_ = {**task.__dict__, "lead_ids": leads, "coordinator_ids": coordinators}
    return Task(**{**fields_, "proposed_ids": proposed})


def assignments(db: Database, plan_id: int) -> list[Assignment]:
    """Every assignment of the plan's tasks, task by task in plan order, agencies in theirs."""
    rows = db.execute(
        "SELECT a.task_id, a.agency_id, a.role, a.proposed, a.evidence FROM task_assignments a"
        " JOIN tasks t ON t.id = a.task_id JOIN task_groups g ON g.id = t.group_id"
        " JOIN agencies c ON c.id = a.agency_id WHERE t.plan_id = ?"
        " ORDER BY g.section = 'duty', g.number, t.position, t.id, a.role = 'coordinator',"
        " c.position",
        [plan_id],
    ).fetchall()
    return [Assignment(t, a, role, bool(p), e) for t, a, role, p, e in rows]


def restore_assignments(db: Database, task_id: int, rows: list[Assignment]) -> None:
    """Put back a task's assignments exactly as they were (undoing a change of the Sở's)."""
    get_task(db, task_id)
    with db.atomic():
        db.execute("DELETE FROM task_assignments WHERE task_id = ?", [task_id])
        db.table("task_assignments").insert_all(
            {"task_id": task_id, "agency_id": r.agency_id, "role": r.role,
             "proposed": int(r.proposed), "evidence": r.evidence}
            for r in rows
        )  # fmt: skip


def task_assignments(db: Database, task_id: int) -> list[Assignment]:
    """One task's assignments, leads first, agencies in the plan's order."""
    rows = db.execute(
        "SELECT a.task_id, a.agency_id, a.role, a.proposed, a.evidence FROM task_assignments a"
        " JOIN agencies c ON c.id = a.agency_id WHERE a.task_id = ?"
        " ORDER BY a.role = 'coordinator', c.position",
        [task_id],
    ).fetchall()
    return [Assignment(t, a, role, bool(p), e) for t, a, role, p, e in rows]


def confirm_assignments(db: Database, plan_id: int, task_ids: list[int] | None = None) -> int:
    """Accept the proposed assignments (of `task_ids`, or of every task); return how many."""
    where = "" if task_ids is None else f" AND task_id IN ({','.join('?' * len(task_ids))})"
    with db.atomic():
        cursor = db.execute(
            "UPDATE task_assignments SET proposed = 0 WHERE proposed = 1 AND task_id IN"
            f" (SELECT id FROM tasks WHERE plan_id = ?){where}",
            [plan_id, *(task_ids or [])],
        )
    return int(cursor.rowcount)


def add_task(db: Database, group_id: int, text: str, **fields: str) -> int:
    """Add a task at the end of its group; return its id."""
    group = select_one(db, TaskGroup, "SELECT * FROM task_groups WHERE id = ?", [group_id])
    if group is None:
        raise NotFoundError(f"Không tìm thấy nhóm nhiệm vụ số {group_id}.")
    values = _checked({"text": text, **fields})
    (last,) = db.execute(
        "SELECT coalesce(max(position), 0) FROM tasks WHERE group_id = ?", [group_id]
    ).fetchone()
    row = {**values, "plan_id": group.plan_id, "group_id": group_id, "position": last + 1}
    with db.atomic():
        return insert(db, "tasks", row)


def update_task(db: Database, task_id: int, **changes: str) -> None:
    """Change a task's text, time frame, planned output or note (its status: `override_status`)."""
    get_task(db, task_id)
    values = _checked(changes)
    with db.atomic():
        db.table("tasks").update(task_id, values)


def delete_task(db: Database, task_id: int) -> None:
    """Delete a task and the results reported on it (the caller confirms first)."""
    get_task(db, task_id)
    with db.atomic():
        db.table("tasks").delete(task_id)


def assign(db: Database, task_id: int, leads: list[int], coordinators: list[int]) -> None:
    """Set who leads (chủ trì) and who coordinates (phối hợp) a task, as the Sở's decision."""
    task = get_task(db, task_id)
    overlap = set(leads) & set(coordinators)
    if overlap:
        raise ValidationError(
            COORDINATING_AGENCIES, "một cơ quan không thể vừa chủ trì vừa phối hợp cùng nhiệm vụ."
        )
    wanted = [*leads, *coordinators]
    placeholders = ",".join("?" * len(wanted))
    if wanted:
        (known,) = db.execute(
            f"SELECT count(*) FROM agencies WHERE plan_id = ? AND id IN ({placeholders})",
            [task.plan_id, *wanted],
        ).fetchone()
        if known != len(set(wanted)):
            raise ValidationError("Cơ quan", rule_words.NOT_IN_PLAN)
    evidence = dict(
        db.execute(
            "SELECT agency_id, evidence FROM task_assignments WHERE task_id = ?", [task_id]
        ).fetchall()
    )
    chosen = [(a, "lead") for a in dict.fromkeys(leads)]
    chosen += [(a, "coordinator") for a in dict.fromkeys(coordinators)]
    # The Sở decides from now on: nothing it sets is a proposal; kept agencies keep their evidence.
    rows = [
        {"task_id": task_id, "agency_id": a, "role": role, "proposed": 0,
         "evidence": evidence.get(a, "")}
        for a, role in chosen
    ]  # fmt: skip
    with db.atomic():
        db.execute("DELETE FROM task_assignments WHERE task_id = ?", [task_id])
        db.table("task_assignments").insert_all(rows)


def override_status(db: Database, task_id: int, status: str, note: str) -> None:
    """The Sở sets a task's status itself, over what the reports say; the note says why."""
    if status not in TASK_STATUSES:
        raise ValidationError("Trạng thái", rule_words.INVALID)
    note = clean_paragraphs(note)
    if not note:
        raise ValidationError(
            "Ghi chú", "cần ghi lý do Sở điều chỉnh trạng thái (ví dụ theo văn bản nào)."
        )
    get_task(db, task_id)
    with db.atomic():
        db.table("tasks").update(task_id, {"status": status, "note": note, "status_overridden": 1})


def clear_status_override(db: Database, task_id: int) -> None:
    """The task's status comes from its agencies' reports again."""
    get_task(db, task_id)
    with db.atomic():
        db.table("tasks").update(task_id, {"status": "not_started", "status_overridden": 0})


def _checked(changes: dict[str, str]) -> dict[str, str]:
    values = {}
    for name, value in changes.items():
        if not isinstance(value, str):
            raise ValidationError(name, rule_words.NOT_TEXT)
        what = FIELDS.get(name, name)
        if name == "text":
            values[name] = clean_paragraphs(value, what=TASK_TEXT)
            if not values[name]:
                raise ValidationError(TASK_TEXT, rule_words.EMPTY)
        elif name in {"time_frame", "planned_output"}:
            values[name] = clean_line(value, what=what)
        elif name == "note":
            values[name] = clean_paragraphs(value, what=what)
        else:
            raise ValidationError(name, "không phải là thông tin có thể sửa của nhiệm vụ.")
    return values


def assignment_counts(db: Database, plan_id: int) -> dict[int, tuple[int, int]]:
    """How many tasks each agency leads and coordinates, by agency id (absent: none)."""
    counts: dict[int, tuple[int, int]] = {}
    for agency_id, leads, coordinates in db.execute(
        "SELECT a.agency_id, sum(a.role = 'lead'), sum(a.role = 'coordinator')"
        " FROM task_assignments a JOIN tasks t ON t.id = a.task_id"
        " WHERE t.plan_id = ? GROUP BY a.agency_id",
        [plan_id],
    ):
        counts[agency_id] = (leads, coordinates)
    return counts


def count_tasks(db: Database, plan_id: int, section: str | None = None) -> tuple[int, int]:
    """How many tasks the plan (or one section of it) has, and how many have no lead agency."""
    (total, unassigned) = db.execute(
        "SELECT count(*), coalesce(sum(NOT EXISTS (SELECT 1 FROM task_assignments a"
        "  WHERE a.task_id = t.id AND a.role = 'lead')), 0)"
        " FROM tasks t JOIN task_groups g ON g.id = t.group_id"
        " WHERE t.plan_id = ? AND (? IS NULL OR g.section = ?)",
        [plan_id, section, section],
    ).fetchone()
    return total, unassigned
