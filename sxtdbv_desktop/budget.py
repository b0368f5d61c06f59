"""Funding sources and budget lines, in whole đồng.

The plan gives only the total and the names of the sources; what each source and task
receives is entered by the consolidating unit, and what is left unallocated is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import rule_words
from sxtdbv_desktop.errors import NotFoundError, ValidationError
from sxtdbv_desktop.labels import ENTITIES
from sxtdbv_desktop.storage import insert, select, select_one
from sxtdbv_desktop.text import clean_line


@dataclass(frozen=True)
class FundingSource:
    id: int
    plan_id: int
    position: int
    name: str
    estimate: int | None


@dataclass(frozen=True)
class BudgetLine:
    id: int
    plan_id: int
    source_id: int
    task_id: int | None
    agency_id: int | None
    description: str
    allocated: int
    disbursed: int


def check_money(field: str, value: object, *, optional: bool = False) -> int | None:
    """`value` as a whole, non-negative number of đồng, or a `ValidationError`.

    Floats are refused even when whole: money never passes through binary fractions.
    """
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "số tiền phải là số nguyên đồng (không có phần thập phân).")
    if value < 0:
        raise ValidationError(field, rule_words.NEGATIVE_AMOUNT)
    return value


def list_sources(db: Database, plan_id: int) -> list[FundingSource]:
    return select(
        db,
        FundingSource,
        "SELECT * FROM funding_sources WHERE plan_id = ? ORDER BY position",
        [plan_id],
    )


def list_lines(db: Database, plan_id: int) -> list[BudgetLine]:
    return select(
        db, BudgetLine, "SELECT * FROM budget_lines WHERE plan_id = ? ORDER BY id", [plan_id]
    )


def get_line(db: Database, line_id: int) -> BudgetLine:
    line = select_one(db, BudgetLine, "SELECT * FROM budget_lines WHERE id = ?", [line_id])
    if line is None:
        raise NotFoundError(f"Không tìm thấy dòng kinh phí số {line_id}.")
    return line


def set_estimate(db: Database, source_id: int, estimate: int | None) -> None:
    """The amount the plan's budget document gives a source (None while unknown)."""
    value = check_money("Dự toán của nguồn", estimate, optional=True)
    with db.atomic():
        db.table("funding_sources").update(source_id, {"estimate": value})


def add_line(
    db: Database,
    plan_id: int,
    source_id: int,
    *,
    task_id: int | None = None,
    agency_id: int | None = None,
    description: str = "",
    allocated: int = 0,
    disbursed: int = 0,
) -> int:
    """Add a budget line (an allocation of one source to a task and/or an agency)."""
    row = {
        "plan_id": plan_id,
        "source_id": source_id,
        "task_id": task_id,
        "agency_id": agency_id,
        **_checked(description=description, allocated=allocated, disbursed=disbursed),
    }
    _check_amounts(allocated, disbursed)
    _check_belongs(db, plan_id, row)
    with db.atomic():
        return insert(db, "budget_lines", row)


def update_line(db: Database, line_id: int, **changes: object) -> None:
    """Change a budget line's source, task, agency, description or amounts."""
    line = get_line(db, line_id)
    values = _checked(**changes)
    _check_amounts(
        int(values.get("allocated", line.allocated)),  # type: ignore[call-overload]
        int(values.get("disbursed", line.disbursed)),  # type: ignore[call-overload]
    )
    _check_belongs(db, line.plan_id, values)
    with db.atomic():
        db.table("budget_lines").update(line_id, values)


def delete_line(db: Database, line_id: int) -> None:
    get_line(db, line_id)
    with db.atomic():
        db.table("budget_lines").delete(line_id)


def _checked(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {}
    labels = {"allocated": "Kinh phí được phân bổ", "disbursed": "Kinh phí đã giải ngân"}
    for name, value in changes.items():
        if name in labels:
            values[name] = check_money(labels[name], value)
        elif name == "description":
            values[name] = clean_line(str(value))
        elif name in {"source_id", "task_id", "agency_id"}:
            values[name] = value
        else:
            raise ValidationError(name, "không phải là thông tin có thể sửa của dòng kinh phí.")
    return values


def _check_amounts(allocated: int, disbursed: int) -> None:
    if disbursed > allocated:
        raise ValidationError(
            "Kinh phí đã giải ngân", "không được lớn hơn kinh phí được phân bổ của dòng này."
        )


def _check_belongs(db: Database, plan_id: int, values: dict[str, object]) -> None:
    for key, table, label in (
        ("source_id", "funding_sources", ENTITIES["funding_sources"]),
        ("task_id", "tasks", "Nhiệm vụ"),
        ("agency_id", "agencies", "Cơ quan"),
    ):
        if values.get(key) is None:
            continue
        found = db.execute(
            f"SELECT 1 FROM {table} WHERE id = ? AND plan_id = ?", [values[key], plan_id]
        ).fetchone()
        if found is None:
            raise ValidationError(label, rule_words.NOT_IN_PLAN)
