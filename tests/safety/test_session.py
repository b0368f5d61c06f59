"""Opening a file for work: integrity check, automatic backup before any upgrade, the writer
lock, and a read-only view with the reason for the second comer."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sxtdbv_desktop import audit, backup, drives, installation, locking, permissions, plans
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.session import Session, open_session
from tests.conftest import TEST_ACTOR
from tests.factories import old_version_file
from tests.safety.corrupt import overwrite_middle_pages

NOW = dt.datetime(2024, 1, 5, 9, 30)


@pytest.fixture
def session(saved: Path) -> Iterator[Session]:
    opened = open_session(saved, TEST_ACTOR, now=NOW)
    try:
        yield opened
    finally:
        opened.close()


def test_a_new_file_is_created_locked_and_not_backed_up(db_path: Path) -> None:
    opened = open_session(db_path, TEST_ACTOR)
    try:
        assert not opened.read_only
        assert opened.lock is not None and opened.lock.held
        assert opened.backup_file is None
        assert opened.installation.mode is None
    finally:
        opened.close()
    assert locking.read_owner(locking.lock_path(db_path)) is None


def test_an_existing_file_is_backed_up_when_opened(session: Session, saved: Path) -> None:
    assert session.backup_file == saved.parent / "backups" / "sxtdbv-20240105-093000.sqlite"
    assert session.warnings == []


def test_the_backup_is_taken_before_a_schema_upgrade(db_path: Path) -> None:
    # A file from version 0.1 (only migration 0001): the backup must be of the 0.1 file.
    old_version_file(db_path, stop_before="0002_guards")
    opened = open_session(db_path, TEST_ACTOR, now=NOW)
    opened.close()
    assert opened.backup_file is not None
    with sqlite3.connect(opened.backup_file) as old:
        names = [n for (n,) in old.execute("SELECT name FROM _sqlite_migrations")]
    old.close()
    assert names == ["0001_initial"]


def test_a_second_opener_gets_a_read_only_view_with_the_reason(
    session: Session, saved: Path
) -> None:
    second = open_session(saved, TEST_ACTOR, now=NOW + dt.timedelta(minutes=5))
    try:
        assert second.read_only
        assert second.read_only_reason is not None
        assert "đang được mở để ghi trên máy" in second.read_only_reason
        assert second.backup_file is None
        assert plans.list_plans(second.db)  # reading works
        reason = permissions.plan_lock_reason(second.db)
        assert reason is not None and reason.startswith("Tệp dữ liệu đang mở chỉ để xem:")
        with pytest.raises(StorageError) as caught:
            plans.update_plan(second.db, plans.list_plans(second.db)[0].id, title="Lén sửa")
        assert caught.value.reason == "read_only"
        assert second.read_only_reason in caught.value.message
        with pytest.raises(StorageError):
            second.restore(session.backup_file or saved)
    finally:
        second.close()
    assert session.lock is not None and session.lock.held  # the viewer took nothing away


def test_the_viewer_sees_what_the_writer_saves(session: Session, saved: Path) -> None:
    viewer = open_session(saved, TEST_ACTOR)
    try:
        plan = plans.list_plans(session.db)[0]
        plans.update_plan(session.db, plan.id, title="Mới lưu")
        assert plans.list_plans(viewer.db)[0].title == "Mới lưu"
    finally:
        viewer.close()


def test_a_damaged_file_is_refused_at_open_and_the_last_good_backup_offered(
    session: Session, saved: Path
) -> None:
    session.close()
    overwrite_middle_pages(saved)
    with pytest.raises(StorageError) as caught:
        open_session(saved, TEST_ACTOR)
    assert caught.value.reason == "damaged"
    assert "đã bị hỏng" in caught.value.message
    assert locking.read_owner(locking.lock_path(saved)) is None  # the lock was given back
    good = backup.last_good_backup(saved)
    assert good is not None and good.path == session.backup_file
    backup.restore(saved, good.path, actor=TEST_ACTOR)
    reopened = open_session(saved, TEST_ACTOR)
    reopened.close()


def test_a_file_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "khac.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    with pytest.raises(StorageError) as caught:
        open_session(path, TEST_ACTOR)
    assert caught.value.reason == "not_database"


def test_a_restore_through_the_session_reopens_the_data(session: Session) -> None:
    assert session.backup_file is not None
    plan = plans.list_plans(session.db)[0]
    plans.update_plan(session.db, plan.id, title="Sẽ bị thay")
    kept = session.restore(session.backup_file)
    assert kept is not None
    assert plans.list_plans(session.db)[0].title == plan.title
    assert session.lock is not None and session.lock.held
    assert [e.field for e in audit.entries(session.db, "database")] == ["restored"]


def test_changes_are_recorded_under_the_entered_name(saved: Path) -> None:
    first = open_session(saved)
    installation.set_up(first.db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    first.close()
    second = open_session(saved)
    try:
        plan = plans.list_plans(second.db)[0]
        plans.update_plan(second.db, plan.id, title="Đổi tên")
        (change,) = [e for e in audit.entries(second.db, "plans") if e.field == "title"]
        assert change.user_name == "Nguyễn Thị Lan"
        assert change.os_user == audit.Actor.current().os_user
    finally:
        second.close()


def test_a_network_share_is_warned_about(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drives, "is_network_path", lambda path: True)
    opened = open_session(saved, TEST_ACTOR)
    opened.close()
    assert any("qua mạng" in w for w in opened.warnings)


def test_a_failed_automatic_backup_is_a_warning_not_a_refusal(saved: Path) -> None:
    (saved.parent / "backups").write_text("một tệp chắn chỗ thư mục")
    opened = open_session(saved, TEST_ACTOR)
    opened.close()
    assert opened.backup_file is None
    assert any("Chưa sao lưu tự động" in w for w in opened.warnings)


def test_a_missing_file_is_not_created_when_told_not_to(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        open_session(tmp_path / "khong-co.sqlite", TEST_ACTOR, create=False)
    assert caught.value.reason == "missing"
