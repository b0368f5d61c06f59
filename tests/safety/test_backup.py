"""Backups with SQLite's online backup API: automatic ones kept 10 + one a month, on-demand
ones anywhere, and a restore that checks first and keeps what it replaces."""

from __future__ import annotations

import datetime as dt
import filecmp
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import audit, backup, integrity, locking, plans
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.safety.corrupt import overwrite_middle_pages

START = dt.datetime(2023, 10, 1, 8, 0)


def _title(path: Path) -> str:
    db = open_database(path, TEST_ACTOR, create=False)
    try:
        return plans.list_plans(db)[0].title
    finally:
        db.close()


def _retitle(db: Database, title: str) -> None:
    plans.update_plan(db, plans.list_plans(db)[0].id, title=title)


def test_an_automatic_backup_is_a_whole_single_file(db: Database, db_path: Path) -> None:
    made = backup.auto_backup(db, db_path, START)
    assert made == db_path.parent / "backups" / "sxtdbv-20231001-080000.sqlite"
    assert integrity.file_problems(made) == []
    assert not Path(f"{made}-wal").exists()
    assert _title(made) == plans.list_plans(db)[0].title
    (listed,) = backup.list_backups(db_path)
    assert (listed.path, listed.taken_at, listed.kind) == (made, START, backup.AUTO)


def test_no_new_backup_when_nothing_changed(db: Database, db_path: Path) -> None:
    first = backup.auto_backup(db, db_path, START)
    assert backup.auto_backup(db, db_path, START + dt.timedelta(hours=1)) is None
    _retitle(db, "Đã sửa")
    second = backup.auto_backup(db, db_path, START + dt.timedelta(hours=2))
    assert second is not None
    assert [b.path for b in backup.list_backups(db_path)] == [second, first]


def test_an_unchanged_file_is_compared_before_its_copy_is_checked_or_synced(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Most starts change nothing: the copy that is thrown away costs no check nor sync."""
    backup.auto_backup(db, db_path, START)
    work: list[str] = []

    def check(conn: sqlite3.Connection) -> list[str]:
        work.append("check")
        return []

    monkeypatch.setattr(integrity, "problems", check)
    monkeypatch.setattr(backup, "_fsync", lambda path: work.append("sync"))
    assert backup.auto_backup(db, db_path, START + dt.timedelta(hours=1)) is None
    assert work == []
    assert [p.name for p in db_path.parent.joinpath("backups").iterdir()] == [
        "sxtdbv-20231001-080000.sqlite"
    ]
    _retitle(db, "Đã sửa")
    assert backup.auto_backup(db, db_path, START + dt.timedelta(hours=2)) is not None
    assert work == ["check", "sync"]


def test_a_last_backup_that_cannot_be_read_means_a_new_one(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = backup.auto_backup(db, db_path, START)

    def held(kept: Path, copy: Path, shallow: bool = True) -> bool:
        raise PermissionError(13, "held by a virus scanner", str(kept))

    monkeypatch.setattr(filecmp, "cmp", held)
    second = backup.auto_backup(db, db_path, START + dt.timedelta(hours=1))
    assert second is not None and second != first


def test_the_last_ten_and_one_per_month_are_kept(db: Database, db_path: Path) -> None:
    # One backup a day from 1 October to 31 December, each after a change.
    for day in range(92):
        _retitle(db, f"Phiên bản {day}")
        assert backup.auto_backup(db, db_path, START + dt.timedelta(days=day)) is not None
    kept = [b.taken_at.date() for b in backup.list_backups(db_path)]
    last_ten = [dt.date(2023, 12, 31) - dt.timedelta(days=n) for n in range(10)]
    assert kept == [*last_ten, dt.date(2023, 11, 30), dt.date(2023, 10, 31)]


def test_backups_of_other_files_and_copies_before_restore_are_never_pruned(
    db: Database, db_path: Path
) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    other = folder / "khac-20200101-000000.sqlite"
    other.write_bytes(b"x")
    before_restore = folder / "sxtdbv-truoc-khoi-phuc-20200101-000000.sqlite"
    before_restore.write_bytes(b"x")
    for day in range(15):
        _retitle(db, f"Phiên bản {day}")
        backup.auto_backup(db, db_path, START + dt.timedelta(days=day))
    assert other.exists()
    assert before_restore.exists()
    kinds = [b.kind for b in backup.list_backups(db_path)]
    assert kinds.count(backup.BEFORE_RESTORE) == 1


def test_an_on_demand_backup_works_while_another_program_writes(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    lock = locking.acquire(db_path)  # the window holds the file
    assert isinstance(lock, locking.WriterLock)
    dest = backup.backup_to(db_path, tmp_path / "usb" / "sao-luu.sqlite")
    lock.release()
    assert integrity.file_problems(dest) == []
    assert _title(dest) == plans.list_plans(db)[0].title


def test_an_on_demand_backup_refuses_a_damaged_source(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path, TEST_ACTOR)
    load_default_plan(db)
    db.close()
    overwrite_middle_pages(db_path)
    with pytest.raises(StorageError) as caught:
        backup.backup_to(db_path, tmp_path / "sao-luu.sqlite")
    assert caught.value.reason == "damaged"
    assert not (tmp_path / "sao-luu.sqlite").exists()


def test_a_restore_keeps_what_it_replaces_and_is_logged(db: Database, db_path: Path) -> None:
    good = backup.auto_backup(db, db_path, START)
    assert good is not None
    _retitle(db, "Sửa sau khi sao lưu")
    db.close()
    kept = backup.restore(db_path, good, actor=TEST_ACTOR, now=START + dt.timedelta(days=1))
    assert kept == db_path.parent / "backups" / "sxtdbv-truoc-khoi-phuc-20231002-080000.sqlite"
    assert _title(kept) == "Sửa sau khi sao lưu"
    restored = open_database(db_path, TEST_ACTOR, create=False)
    try:
        assert plans.list_plans(restored)[0].title != "Sửa sau khi sao lưu"
        (event,) = [e for e in audit.entries(restored, "database") if e.field == "restored"]
        assert event.new_value is not None and good.name in event.new_value
    finally:
        restored.close()


def test_a_restore_replaces_a_damaged_file(db: Database, db_path: Path) -> None:
    good = backup.auto_backup(db, db_path, START)
    assert good is not None
    db.close()
    overwrite_middle_pages(db_path)
    assert integrity.file_problems(db_path)
    assert backup.last_good_backup(db_path) == backup.list_backups(db_path)[0]
    kept = backup.restore(db_path, good, actor=TEST_ACTOR)
    assert kept is not None and integrity.file_problems(kept)  # the damaged copy, as found
    assert integrity.file_problems(db_path) == []


def test_a_restore_checks_the_backup_first(db: Database, db_path: Path, tmp_path: Path) -> None:
    db.close()
    before = db_path.read_bytes()
    bad = tmp_path / "hong.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    foreign = tmp_path / "khac.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    for source in (bad, foreign, tmp_path / "khong-co.sqlite"):
        with pytest.raises(StorageError) as caught:
            backup.restore(db_path, source, actor=TEST_ACTOR)
        assert caught.value.reason == "bad_backup"
    assert db_path.read_bytes() == before
    assert backup.list_backups(db_path) == []


def test_a_backup_from_a_newer_version_is_not_restored(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "moi.sqlite"
    backup.copy_database(db.conn, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('sxtdbv', '9999_future', '2030-01-01')"
        )
    conn.close()
    db.close()
    with pytest.raises(StorageError) as caught:
        backup.restore(db_path, newer, actor=TEST_ACTOR)
    assert caught.value.reason == "too_new"


def test_a_restore_is_refused_while_another_program_writes(db: Database, db_path: Path) -> None:
    good = backup.auto_backup(db, db_path, START)
    assert good is not None
    lock = locking.acquire(db_path)
    assert isinstance(lock, locking.WriterLock)
    with pytest.raises(StorageError) as caught:
        backup.restore(db_path, good, actor=TEST_ACTOR)
    lock.release()
    assert caught.value.reason == "locked"
    assert "đang được dùng" in caught.value.message


def test_the_stale_wal_of_the_replaced_file_is_not_replayed(db_path: Path) -> None:
    db = open_database(db_path, TEST_ACTOR)
    load_default_plan(db)
    good = backup.auto_backup(db, db_path, START)
    assert good is not None
    db.close()
    # A program that dies without closing leaves its last changes in the -wal file only.
    script = (
        "import os, sys; from sxtdbv_desktop.storage import open_database;"
        "db = open_database(sys.argv[1]);"
        "db.execute(\"UPDATE plans SET title = 'Chỉ có trong WAL'\"); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", script, str(db_path)], check=True)
    assert Path(f"{db_path}-wal").stat().st_size > 0
    kept = backup.restore(db_path, good, actor=TEST_ACTOR)
    assert kept is not None
    assert Path(f"{kept}-wal").exists()
    assert _title(kept) == "Chỉ có trong WAL"
    assert _title(db_path) != "Chỉ có trong WAL"
    assert integrity.file_problems(db_path) == []
