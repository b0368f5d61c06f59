"""How a task is referred to in the window, the forms, the tables and the report: its place in
the plan, e.g. "III.1.2".

In the Đồng Tháp 2023 plan section III holds the contents (task groups 1–4), section V the
duties of each agency (items 1–12): "III.1.2" is the second task of group 1 of section III;
"V.3.1" the first duty of item 3 of section V. The numerals are the plan's own
(`plan_sections`): another plan may hold its tasks in section II. The number follows the
plan's order, not the database id, so two databases holding the same plan (the Sở's, and an
agency's loaded from its plan file) give every task the same reference. A reference names a
different task once tasks are added before it, deleted or reordered: whoever resolves one must
check it is still the same task.
"""

from __future__ import annotations

import re
from collections import defaultdict

from sqlite_utils import Database

from sxtdbv_desktop.tasks import CONTENT, Task, TaskGroup, list_groups, list_tasks

SECTION_NUMERALS = {CONTENT: "III", "duty": "V"}
"""The numerals of a plan that records none (a plan of the standard skeleton)."""
REFERENCE = re.compile(r"[IVX]{1,5}\.[0-9]{1,4}\.[0-9]{1,4}")
"""A well-formed task reference (match it with `fullmatch`)."""


def task_references(db: Database, plan_id: int) -> dict[int, str]:
    """The reference of every task of the plan, by task id."""
    return references(list_groups(db, plan_id), list_tasks(db, plan_id))


def tasks_by_reference(db: Database, plan_id: int) -> dict[str, Task]:
    """Every task of the plan, by its reference."""
    tasks = list_tasks(db, plan_id)
    numbers = references(list_groups(db, plan_id), tasks)
    return {numbers[task.id]: task for task in tasks}


def references(groups: list[TaskGroup], tasks: list[Task]) -> dict[int, str]:
    group_of = {g.id: g for g in groups}
    seen: dict[int, int] = defaultdict(int)
    found: dict[int, str] = {}
    for task in tasks:  # list_tasks gives the plan's order
        group = group_of[task.group_id]
        seen[group.id] += 1
        found[task.id] = f"{group_reference(group)}.{seen[group.id]}"
    return found


def group_reference(group: TaskGroup) -> str:
    """ "III.1": the group's place in the plan, with the plan's numeral for its section."""
    return f"{group.numeral or SECTION_NUMERALS[group.section]}.{group.number}"
