"""Power cut, kill -9 and a full disk, each in a separate process on a real file: afterwards
the file passes the integrity check and holds the state before or after each transaction,
never a mixture, and nothing already saved is lost."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import audit, integrity, reports, tasks
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.indicators import list_indicators, reporter_ids
from sxtdbv_desktop.storage import AppDatabase, open_database
from tests.conftest import TEST_ACTOR
from tests.factories import agency_id
from tests.faults import workers
from tests.sizes import size

ROOT = Path(__file__).resolve().parents[2]
# Popen.kill: SIGKILL on POSIX, TerminateProcess on Windows; no clean-up runs either way.
KILLED = 1 if os.name == "nt" else -9


def start(kind: str, path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.workers", kind, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def kill_inside_a_transaction(
    worker: subprocess.Popen[str], after: int, rng: random.Random
) -> tuple[int, int]:
    """Kill the worker (kill -9) soon after it began transaction `after`.

    Returns the last transaction it reported done and the last it began: the file must hold
    one of these two states (the one in flight may or may not have committed).
    """
    assert worker.stdout is not None
    for line in worker.stdout:
        word, number = line.split()
        if word == "begin" and int(number) >= after:
            break
    time.sleep(rng.uniform(0, 0.02))  # vary where inside the transaction the kill lands
    worker.kill()
    rest, _ = worker.communicate()  # what it printed before dying; reaps it, closes pipes
    assert worker.returncode == KILLED
    lines = [line.split() for line in rest.splitlines()]
    begun = max([int(n) for w, n in lines if w == "begin"] + [after])
    done = max([int(n) for w, n in lines if w == "done"] + [after - 1])
    return done, begun


Reopen = Callable[[], AppDatabase]


@pytest.fixture
def reopen(db_path: Path) -> Iterator[Reopen]:
    """The file after the fault, opened as the program would, after its own integrity check."""
    yield_db: list[AppDatabase] = []

    def opened() -> AppDatabase:
        db = open_database(db_path, TEST_ACTOR, create=False)
        yield_db.append(db)
        assert integrity.problems(db.conn) == []
        return db

    yield opened
    for db in yield_db:
        db.close()


def imported_version(db: AppDatabase) -> int:
    """The version of the imported report, after checking every part of it names the same."""
    (plan_id,) = db.execute("SELECT id FROM plans").fetchone()
    report = reports.find_report(
        db, main_period(db, plan_id).id, agency_id(db, plan_id, workers.AGENCY)
    )
    assert report is not None
    version = int(report.general_assessment.removeprefix("phiên bản "))
    expected = workers.import_content(db, plan_id, version)
    results = reports.task_results(db, report.id)
    assert len(results) == len(expected.task_results)
    assert {r.result for r in results} == {expected.task_results[0].result}
    assert report.difficulties == workers.version_text(version)
    assert report.source_file_name == f"{workers.version_text(version)}.xlsx"
    (value,) = reports.indicator_values(db, report.id)
    assert value.count_value == version
    events = [e for e in audit.entries(db, "reports", report.id) if e.field == "replaced"]
    assert len(events) == version  # the audit log moved with the data, not beside it
    return version


@pytest.mark.parametrize("seed", range(size(full=4, quick=1)))
def test_kill_9_during_an_import_leaves_the_old_or_the_new_report(
    saved: Path, reopen: Reopen, seed: int
) -> None:
    rng = random.Random(seed)
    worker = start("imports", saved)
    done, begun = kill_inside_a_transaction(worker, after=rng.randint(2, 4), rng=rng)
    version = imported_version(reopen())
    assert version in (done, begun)  # the last one reported done, or the one in flight


@pytest.fixture
def prepared_forms(saved: Path) -> Path:
    """The file, its agency given every task, and that agency's big filled forms beside it."""
    db = open_database(saved, TEST_ACTOR)
    try:
        (plan_id,) = db.execute("SELECT id FROM plans").fetchone()
        workers.write_big_forms(db, plan_id, workers.forms_folder(saved))
    finally:
        db.close()
    return saved


def form_imported_version(db: Database) -> int:
    """How many forms were imported, after checking that the report is wholly the last one."""
    (plan_id,) = db.execute("SELECT id FROM plans").fetchone()
    agency = agency_id(db, plan_id, workers.AGENCY)
    report = reports.find_report(db, main_period(db, plan_id).id, agency)
    assert report is not None
    events = [e for e in audit.entries(db, "reports", report.id) if e.field == "replaced"]
    version = len(events)  # one per import: the audit log moves with the data
    form = (version - 1) % workers.FORM_VERSIONS + 1
    assert report.source_file_name == workers.form_name(form)
    texts = (report.general_assessment, report.difficulties, report.proposals)
    assert texts == (workers.version_text(form),) * 3
    results = reports.task_results(db, report.id)
    assert len(results) == len(tasks.list_tasks(db, plan_id))
    assert {(r.status, r.progress, r.result, r.spent) for r in results} == {
        ("in_progress", form, workers.form_result(form), form * 1000)
    }
    kinds = {i.id: i.kind for i in list_indicators(db, plan_id) if agency in reporter_ids(db, i)}
    values = {v.indicator_id: v for v in reports.indicator_values(db, report.id)}
    assert values.keys() == kinds.keys()
    for indicator_id, value in values.items():
        inputs = reports.INPUTS[kinds[indicator_id]]
        assert {n: getattr(value, n) for n in inputs} == {
            n: workers.form_value(form, n) for n in inputs
        }
    return version


@pytest.mark.parametrize("seed", range(size(full=4, quick=1)))
def test_kill_9_during_a_real_form_import_leaves_the_old_or_the_new_report(
    prepared_forms: Path, reopen: Reopen, seed: int
) -> None:
    rng = random.Random(seed)
    worker = start("form_imports", prepared_forms)
    done, begun = kill_inside_a_transaction(worker, after=rng.randint(2, 4), rng=rng)
    version = form_imported_version(reopen())
    assert version in (done, begun)


@pytest.mark.parametrize("seed", range(size(full=4, quick=1)))
def test_kill_9_during_an_edit_burst_keeps_each_save_whole(
    saved: Path, reopen: Reopen, seed: int
) -> None:
    rng = random.Random(seed)
    worker = start("edits", saved)
    done, begun = kill_inside_a_transaction(worker, after=rng.randint(20, 200), rng=rng)
    db = reopen()
    (plan_id,) = db.execute("SELECT id FROM plans").fetchone()
    report = reports.find_report(
        db, main_period(db, plan_id).id, agency_id(db, plan_id, workers.AGENCY)
    )
    assert report is not None
    version = int(report.proposals.removeprefix("phiên bản "))
    assert version in (done, begun)
    (result,) = reports.task_results(db, report.id)
    (value,) = reports.indicator_values(db, report.id)
    assert (result.result, value.count_value) == (workers.version_text(version), version)


def test_a_full_disk_gives_the_message_and_loses_nothing_saved(saved: Path, reopen: Reopen) -> None:
    first = start("imports", saved)
    kill_inside_a_transaction(first, after=3, rng=random.Random(0))
    before = imported_version(reopen())
    worker = start("full_disk", saved)
    _, stderr = worker.communicate(timeout=60)
    assert worker.returncode == 1
    assert stderr.startswith("Lỗi: Ổ đĩa đã đầy")
    assert imported_version(reopen()) == before
