"""A data file emptied behind the program's back (zero bytes, or no table left) beside backups
that hold data is damage, not a new installation; and pruning never lets days of work on an
empty file push the last backup of the real data out."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from sxtdbv_desktop import backup, installation
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.session import open_session
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.present import present
from tests.test_cli import cli

DAY = dt.datetime(2024, 3, 1, 8, 0)


def opened_once(path: Path) -> Path:
    """Open the file as the window does (which backs it up); the backup made."""
    session = open_session(path, TEST_ACTOR, now=DAY)
    made = session.backup_file
    session.close()
    assert made is not None
    return made


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def no_table(path: Path) -> None:
    path.unlink()
    sqlite3.connect(str(path)).execute("PRAGMA user_version = 0").connection.close()


@pytest.mark.parametrize("empty", [zero_bytes, no_table])
def test_an_emptied_file_beside_backups_is_damaged_everywhere(
    saved: Path, empty: Callable[[Path], None]
) -> None:
    made = opened_once(saved)
    empty(saved)
    size = saved.stat().st_size
    with pytest.raises(StorageError) as caught:
        open_session(saved, TEST_ACTOR)
    assert caught.value.reason == "damaged"  # the window offers the restore
    assert "không còn dữ liệu" in caught.value.message
    assert saved.stat().st_size == size  # nothing was created in it
    summary = cli("summary", "--db", str(saved))
    assert summary.returncode == 1 and "không còn dữ liệu" in summary.stderr
    assert "init" not in summary.stderr
    checked = cli("check", "--db", str(saved))
    assert checked.returncode == 1 and str(made) in checked.stderr
    assert present(backup.last_good_backup(saved)).path == made


def test_an_empty_file_with_no_backup_is_a_new_installation(db_path: Path) -> None:
    db_path.write_bytes(b"")
    session = open_session(db_path, TEST_ACTOR)
    try:
        assert installation.needs_first_start(session.db)
    finally:
        session.close()


def test_the_last_backup_of_the_real_data_outlives_days_on_an_empty_file(
    saved: Path, tmp_path: Path
) -> None:
    folder = backup.backup_dir(saved)
    folder.mkdir()
    real = folder / "sxtdbv-20240301-080000.sqlite"
    shutil.copy(saved, real)
    saved.unlink()
    db = open_database(saved, TEST_ACTOR)  # a new file without a plan, used day after day
    try:
        for day in range(1, 12):  # eleven working days of the same month
            installation.set_user_name(db, f"Người dùng {day}")
            made = backup.auto_backup(db, saved, DAY + dt.timedelta(days=day))
            assert made is not None
    finally:
        db.close()
    kept = [b.path for b in backup.list_backups(saved)]
    assert len(kept) == backup.KEEP_LATEST + 1
    assert real in kept
    assert present(backup.newest_with_plan(saved)).path == real
