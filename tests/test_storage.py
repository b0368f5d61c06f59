"""The SQLite file: migrations from nothing, pragmas, strict types, and refusing foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.migrations import migration_names
from sxtdbv_desktop.storage import open_database, schema_version
from tests.conftest import TEST_ACTOR


def test_a_new_file_gets_every_migration_in_order(db_path: Path) -> None:
    db = open_database(db_path, TEST_ACTOR)
    try:
        assert schema_version(db) == migration_names()
        assert {"plans", "tasks", "reports", "audit_log"} <= set(db.table_names())
    finally:
        db.close()


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    open_database(db_path, TEST_ACTOR).close()
    db = open_database(db_path, TEST_ACTOR)
    try:
        assert len(schema_version(db)) == len(migration_names())
    finally:
        db.close()


def test_connection_enforces_foreign_keys_with_wal_and_full_sync(empty_db: Database) -> None:
    assert empty_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert empty_db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert empty_db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    with pytest.raises(sqlite3.IntegrityError):
        empty_db.execute("INSERT INTO objectives (plan_id, position, text) VALUES (999, 1, 'x')")


def test_money_columns_refuse_floats(db: Database, plan_id: int) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="cannot store REAL"):
        db.execute("UPDATE plans SET total_budget = 1.5 WHERE id = ?", [plan_id])
    (total,) = db.execute("SELECT total_budget FROM plans").fetchone()
    assert total == 3_235_715_000
    assert type(total) is int


def test_a_file_that_is_not_sqlite_is_refused_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "thu.sqlite"
    path.write_bytes(b"Day khong phai la co so du lieu" * 200)
    with pytest.raises(StorageError) as caught:
        open_database(path, TEST_ACTOR)
    assert caught.value.reason == "not_database"
    assert "không phải là cơ sở dữ liệu" in caught.value.message


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "khac.sqlite"
    other = Database(path)
    other.table("contacts").insert({"name": "A"})
    other.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_database(path, TEST_ACTOR)
    assert caught.value.reason == "not_database"
    assert "không phải là dữ liệu của SX&TDBV Desktop" in caught.value.message
    assert path.read_bytes() == before


def test_a_file_from_a_newer_version_is_refused(db_path: Path) -> None:
    db = open_database(db_path, TEST_ACTOR)
    db.table("_sqlite_migrations").insert(
        {"migration_set": "sxtdbv", "name": "9999_future", "applied_at": "2030-01-01"}
    )
    db.close()
    with pytest.raises(StorageError) as caught:
        open_database(db_path, TEST_ACTOR)
    assert caught.value.reason == "too_new"


def test_missing_file_without_create_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        open_database(tmp_path / "khong-co.sqlite", TEST_ACTOR, create=False)
    assert caught.value.reason == "missing"
    assert not (tmp_path / "khong-co.sqlite").exists()
