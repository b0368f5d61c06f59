"""SQLite errors sorted as qutebrowser does: the environment's fault becomes a Vietnamese
`StorageError`, a guard's refusal a `LockedError`, our own bugs stay what they are."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import integrity, plans, reports, tasks
from sxtdbv_desktop.errors import LockedError, StorageError
from sxtdbv_desktop.reports import ReportContent, TaskResultInput
from sxtdbv_desktop.storage import known_error, open_database
from tests.conftest import TEST_ACTOR
from tests.factories import file_report
from tests.safety.helpers import snapshot


def big_content(db: Database, plan_id: int, text: str) -> ReportContent:
    return ReportContent(
        general_assessment=text,
        task_results=[
            TaskResultInput(
                task_id=t.id, status="done", progress=100, result=(text * 2000)[:30_000]
            )
            for t in tasks.list_tasks(db, plan_id)
        ],
    )


def test_a_full_disk_gives_the_message_and_loses_nothing_saved(db: Database, plan_id: int) -> None:
    saved = file_report(db, plan_id, "HLapVo", values={"5": {"answer": 1}})
    before = snapshot(db)
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    db.execute(f"PRAGMA max_page_count = {pages + 8}")
    with pytest.raises(StorageError) as caught:
        reports.replace_report(
            db,
            saved.period_id,
            saved.agency_id,
            big_content(db, plan_id, "Báo cáo rất dài. "),
            received_on=dt.date(2023, 12, 6),
        )
    assert caught.value.reason == "disk_full"
    assert caught.value.message.startswith("Ổ đĩa đã đầy")
    assert not db.conn.in_transaction
    assert snapshot(db) == before
    assert integrity.problems(db.conn) == []


def test_read_only_files_open_whatever_their_path(tmp_path: Path) -> None:
    folder = tmp_path / "Dữ liệu 100% #1 ?"
    path = folder / "sxtdbv.sqlite"
    open_database(path, TEST_ACTOR).close()
    db = open_database(path, TEST_ACTOR, read_only_reason="thử")
    try:
        assert db.read_only
        with pytest.raises(StorageError) as caught:
            db.execute("INSERT INTO app_settings (key, value) VALUES ('a', 'b')")
        assert caught.value.reason == "read_only"
        assert caught.value.message.endswith("thử")
    finally:
        db.close()


def test_a_read_only_open_never_creates_a_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        open_database(tmp_path / "khong-co.sqlite", TEST_ACTOR, read_only_reason="thử")
    assert caught.value.reason == "missing"
    assert list(tmp_path.iterdir()) == []


def test_errors_are_sorted_by_cause(db: Database, plan_id: int) -> None:
    with pytest.raises(sqlite3.IntegrityError) as check:
        db.execute("UPDATE plans SET total_budget = -1")
    assert known_error(check.value) is None  # a bug of ours: not dressed up
    with pytest.raises(LockedError) as guard:
        db.execute("DELETE FROM audit_log")
    assert guard.value.message.startswith("Nhật ký thay đổi")
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13
    translated = known_error(full, Path("sxtdbv.sqlite"))
    assert isinstance(translated, StorageError) and translated.reason == "disk_full"
    assert plans.list_plans(db)  # the connection is still usable
