"""A data file emptied behind the program's back: a bad copy, a sync tool, a disk fault.

A file that exists but holds no database (zero bytes, or a database without a single table)
looks like a new installation. Beside backups that hold a plan it is lost data, not a fresh
start: opening it is refused as damaged, so that the window offers the restore and every
command says so, and nothing is created in it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sxtdbv_desktop import backup
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.labels import DATA_FILE
from sxtdbv_desktop.storage import connect_read_only
from sxtdbv_desktop.vnformat import MOMENT


def holds_no_database(path: Path) -> bool:
    """Whether the existing file at `path` is empty: zero bytes or no table at all."""
    try:
        if path.stat().st_size == 0 and not Path(f"{path}-wal").exists():
            return True
        conn = connect_read_only(path)
    except (OSError, sqlite3.Error):  # not a database at all: the opening says so
        return False
    try:
        (tables,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return int(tables) == 0


def emptied_error(path: Path) -> StorageError | None:
    """The error for an emptied data file beside backups that hold data, or None."""
    if not holds_no_database(path):
        return None
    found = backup.newest_with_plan(path)
    if found is None:  # nothing was ever kept here: a genuinely new file
        return None
    return StorageError(
        "damaged",
        f"{DATA_FILE} {path.name} không còn dữ liệu (tệp trống), trong khi thư mục sao lưu "
        f"{backup.backup_dir(path)} có bản sao lưu chứa dữ liệu, mới nhất lúc "
        f"{found.taken_at:{MOMENT}}. Tệp có thể đã bị chép hỏng, bị phần mềm đồng "
        "bộ ghi đè hoặc do lỗi ổ đĩa. Hãy khôi phục từ bản sao lưu; đừng tạo dữ liệu mới "
        "đè lên.",
    )


def refuse_if_emptied(path: Path) -> None:
    """Raise `StorageError("damaged")` for an emptied data file (see `emptied_error`)."""
    error = emptied_error(path)
    if error is not None:
        raise error
