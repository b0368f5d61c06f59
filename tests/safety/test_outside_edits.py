"""Guards and the audit log edited outside the program (a "DB Browser" on the file): the
triggers come back at the next writable opening, and the audit log's hash chain shows a row
changed or deleted in its middle."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import audit, locking, plans, tamper
from sxtdbv_desktop.session import open_session
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.factories import old_version_file, raw_connection
from tests.test_cli import cli


def outside(path: Path, *statements: str) -> None:
    """Run SQL on the file as another tool would: no guards of ours on its connection."""
    db = raw_connection(path)
    try:
        for statement in statements:
            db.execute(statement)
        db.conn.commit()
    finally:
        db.close()


def test_dropped_changed_and_foreign_triggers_are_put_back(saved: Path) -> None:
    outside(
        saved,
        "DROP TRIGGER guard_audit_log_delete",
        "DROP TRIGGER audit_tasks_update",
        "DROP TRIGGER guard_reports_update_accepted",
        "CREATE TRIGGER guard_reports_update_accepted BEFORE UPDATE ON reports WHEN 0"
        " BEGIN SELECT 1; END",
        "CREATE TRIGGER xoa_nhat_ky AFTER INSERT ON tasks BEGIN SELECT 1; END",
    )
    session = open_session(saved, TEST_ACTOR)
    try:
        db = session.db
        assert tamper.differing_triggers(db) == []
        assert db.triggers_reinstalled == [
            "audit_tasks_update", "guard_audit_log_delete", "guard_reports_update_accepted",
            "xoa_nhat_ky",
        ]  # fmt: skip
        assert any("vừa được cài lại" in w for w in session.warnings)
        (event,) = [e for e in audit.entries(db, "database") if e.field == "triggers_reinstalled"]
        assert "guard_audit_log_delete" in (event.new_value or "")
        with pytest.raises(Exception, match="Nhật ký thay đổi chỉ được ghi thêm"):
            db.execute("DELETE FROM audit_log WHERE id = 1")
    finally:
        session.close()


def test_whitespace_alone_is_no_difference(saved: Path) -> None:
    db = raw_connection(saved)
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'guard_mode_update'").fetchone()
    db.close()
    outside(saved, "DROP TRIGGER guard_mode_update", sql.replace(" WHEN ", "\n   WHEN  "))
    db = open_database(saved, TEST_ACTOR)
    try:
        assert db.triggers_reinstalled == []
    finally:
        db.close()


def test_a_read_only_opening_warns_and_changes_nothing(saved: Path) -> None:
    outside(saved, "DROP TRIGGER guard_audit_log_update")
    held = locking.acquire(saved)
    assert isinstance(held, locking.WriterLock)
    try:
        viewer = open_session(saved, TEST_ACTOR)
        try:
            assert viewer.read_only
            assert any("chưa cài lại được" in w for w in viewer.warnings)
            assert tamper.differing_triggers(viewer.db) == ["guard_audit_log_update"]
        finally:
            viewer.close()
    finally:
        held.release()


def test_the_chain_holds_through_ordinary_work(db: Database, plan_id: int) -> None:
    for number in range(5):
        plans.update_plan(db, plan_id, title=f"Kế hoạch {number}")
    assert audit.chain_break(db) is None
    rows, head = audit.chain_head(db)
    assert rows > 200 and head is not None and len(head) == 64


def test_an_upgraded_file_is_chained_from_its_first_row(tmp_path: Path) -> None:
    path = tmp_path / "cu.sqlite"
    old_version_file(path, "0004_audit_chain")
    db = open_database(path, TEST_ACTOR)
    try:
        (logged,) = db.execute("SELECT count(*) FROM audit_log").fetchone()
        (linked,) = db.execute("SELECT count(*) FROM audit_chain").fetchone()
        assert logged == linked > 10
        plans.update_plan(db, 1, title="Kế hoạch mới")
        assert audit.chain_break(db) is None
    finally:
        db.close()


@pytest.mark.parametrize(
    "edit",
    [
        "DELETE FROM audit_log WHERE id = 40",
        "DELETE FROM audit_log WHERE id = 40; DELETE FROM audit_chain WHERE log_id = 40",
        "UPDATE audit_log SET new_value = 'khác' WHERE id = 40",
    ],
    ids=["row", "row and link", "value"],
)
def test_a_row_changed_or_deleted_in_the_middle_shows(saved: Path, edit: str) -> None:
    statements = [
        "DROP TRIGGER guard_audit_log_update",
        "DROP TRIGGER guard_audit_log_delete",
        "DROP TRIGGER guard_audit_chain_delete",
        *edit.split("; "),
    ]
    outside(saved, *statements)
    session = open_session(saved, TEST_ACTOR)
    try:
        found = audit.chain_break(session.db)
        assert found is not None and found.log_id in (40, 41)
        assert any("chuỗi mã kiểm tra của nhật ký đứt" in w for w in session.warnings)
    finally:
        session.close()
    checked = cli("check", "--db", str(saved))
    assert checked.returncode == 0  # the data is whole; the log says it was tampered with
    assert "Cảnh báo: Nhật ký thay đổi đã bị sửa" in checked.stdout


def test_check_prints_the_chains_newest_link(saved: Path) -> None:
    checked = cli("check", "--db", str(saved))
    db = open_database(saved, TEST_ACTOR, read_only_reason="xem")
    try:
        rows, head = audit.chain_head(db)
    finally:
        db.close()
    assert head is not None
    assert f"Nhật ký thay đổi: {rows} dòng, mã kiểm tra cuối {head[:16]}." in checked.stdout


def test_a_link_cannot_be_written_by_hand(db: Database) -> None:
    with pytest.raises(Exception, match="chỉ được ghi thêm"):
        db.execute("INSERT INTO audit_chain (log_id, hash) VALUES (999999, 'x')")
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute("UPDATE audit_chain SET hash = 'x'")
    db.conn.rollback()
