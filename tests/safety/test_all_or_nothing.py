"""No half-written data: every write of the core is one transaction.

Each operation is interrupted by SQLite itself (a progress handler) at many points spread
over its run; after every interruption the file must be exactly as before, audit log
included. This checks the transactions of every module, not only this one's.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import (
    agencies,
    budget,
    indicators,
    installation,
    plan_file,
    plans,
    report_settings,
    reports,
    tasks,
)
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.reports import ReportContent, TaskResultInput
from tests.factories import agency_id, file_report
from tests.safety.helpers import snapshot
from tests.sizes import size

POINTS = size(full=40, quick=10)  # interruptions spread over each operation
GRANULARITY = 50  # SQLite virtual machine steps between two calls of the progress handler


class _Rollback(Exception):
    pass


def _submitted(db: Database, plan_id: int) -> int:
    return file_report(db, plan_id, "HLapVo", values={"5": {"answer": 1}}).id


def _big_import(db: Database, plan_id: int) -> object:
    return reports.replace_report(
        db,
        main_period(db, plan_id).id,
        agency_id(db, plan_id, "HLapVo"),
        ReportContent(
            general_assessment="Nhập lại",
            task_results=[
                TaskResultInput(task_id=t.id, status="done", progress=100, result="Xong")
                for t in tasks.list_tasks(db, plan_id)
            ],
        ),
        received_on=dt.date(2023, 12, 7),
    )


def _plan_2025() -> dict[str, object]:
    data = plan_file.read_plan_file(plan_file.default_plan_path())
    data["plan"]["year"] = 2025
    return data


OPERATIONS: dict[str, Callable[[Database, int], object]] = {
    "replace_report (import)": _big_import,
    "copy_plan": lambda db, p: plans.copy_plan(db, p, 2024),
    "load_plan": lambda db, p: plan_file.load_plan(db, _plan_2025()),
    "update_plan": lambda db, p: plans.update_plan(db, p, title="Mới", total_budget=1),
    "delete_agency": lambda db, p: agencies.delete_agency(db, agency_id(db, p, "HLapVo")),
    "assign": lambda db, p: tasks.assign(
        db,
        tasks.list_tasks(db, p)[0].id,
        [agency_id(db, p, "SoCT")],
        [agency_id(db, p, c) for c in ("HLapVo", "HLaiVung", "HTamNong")],
    ),
    "delete_task": lambda db, p: tasks.delete_task(db, tasks.list_tasks(db, p)[0].id),
    "set_reporters": lambda db, p: indicators.set_reporters(
        db, indicators.list_indicators(db, p)[0].id, [agency_id(db, p, "SoCT")]
    ),
    "add_budget_line": lambda db, p: budget.add_line(
        db, p, budget.list_sources(db, p)[0].id, allocated=5_000_000, disbursed=1_000_000
    ),
    "report_settings.save": lambda db, p: report_settings.save(
        db, p, report_settings.defaults(db, p)
    ),
    "submit → accept": lambda db, p: reports.accept(db, _submitted_id(db, p)),
    "return_for_correction": lambda db, p: reports.return_for_correction(
        db, _submitted_id(db, p), "Thiếu số liệu."
    ),
    "installation.set_up": lambda db, p: installation.set_up(
        db, installation.AGENCY, "Lê Văn B", "HLapVo"
    ),
}


def _submitted_id(db: Database, plan_id: int) -> int:
    found = reports.find_report(db, main_period(db, plan_id).id, agency_id(db, plan_id, "HLapVo"))
    assert found is not None
    return found.id


def _count_steps(db: Database, operation: Callable[[], object]) -> int:
    """How many times the progress handler runs during `operation` (rolled back after)."""
    calls = 0

    def count() -> int:
        nonlocal calls
        calls += 1
        return 0

    db.conn.set_progress_handler(count, GRANULARITY)
    try:
        with db.atomic():
            operation()
            raise _Rollback
    except _Rollback:
        pass
    finally:
        db.conn.set_progress_handler(None, 0)
    return calls


def _interrupt_at(db: Database, point: int, operation: Callable[[], object]) -> str:
    """Run `operation`, making SQLite abort it at progress call `point`: "interrupted";
    "finished" when it ended before that call; "ignored" when the request landed where
    SQLite did not honour it and the operation completed anyway."""
    calls, fired = 0, False

    def interrupt() -> int:
        nonlocal calls, fired
        calls += 1
        if calls == point and not fired:
            fired = True
            return 1
        return 0

    db.conn.set_progress_handler(interrupt, GRANULARITY)
    try:
        operation()
    except sqlite3.OperationalError as error:
        assert fired, error
        return "interrupted"
    finally:
        db.conn.set_progress_handler(None, 0)
    return "ignored" if fired else "finished"


def _put_back(saved: sqlite3.Connection, db: Database) -> None:
    """Make the file what `saved` holds again (after an operation that was not cut)."""
    saved.backup(db.conn)


@pytest.mark.parametrize("name", OPERATIONS)
def test_an_operation_interrupted_anywhere_changes_nothing(
    db: Database, plan_id: int, name: str
) -> None:
    _submitted(db, plan_id)
    operation = OPERATIONS[name]
    steps = _count_steps(db, lambda: operation(db, plan_id))
    assert steps > 0
    before = snapshot(db)
    saved = sqlite3.connect(":memory:")
    db.conn.backup(saved)
    points = sorted({1 + (steps - 1) * i // (POINTS - 1) for i in range(POINTS)})
    for point in points:
        at = point
        outcome = _interrupt_at(db, at, lambda: operation(db, plan_id))
        while outcome == "ignored":  # landed as a statement ended: cut it a little later
            _put_back(saved, db)
            at += 1
            outcome = _interrupt_at(db, at, lambda: operation(db, plan_id))
        if outcome == "finished":
            break  # it finished before that step (its commit takes fewer steps than a rollback)
        assert not db.conn.in_transaction, f"{name} left a transaction open at {at}"
        assert snapshot(db) == before, f"{name} left changes after an interruption at {at}"
    else:
        operation(db, plan_id)  # uninterrupted, it still works
    saved.close()
    assert snapshot(db) != before
