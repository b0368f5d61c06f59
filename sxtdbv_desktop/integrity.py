"""Is the file whole? SQLite's integrity and foreign-key checks, run whenever a file is opened.

`PRAGMA integrity_check`, not `quick_check`: the quick one skips verifying that every index
agrees with its table, which is exactly the silent damage that makes a consolidation wrong
(a report found through one index and missed through another). Our files are small (a
province's plans and reports: a few megabytes), where the full check takes milliseconds; see
`benchmarks/bench_integrity.py` for the figures. The window, every command that reads the
data and `check` run this same check, so they give one verdict.

On a read-only connection SQLite skips the CHECK constraints in `integrity_check`; a file
opened read-only is therefore checked through a copy in memory (the backup API copies its
pages as they are, a few megabytes), so that read-only and writable openings agree.

What the environment causes (a full disk, read-only media, no permission) is not damage: it
raises the `StorageError` that says so instead of being listed as a problem.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.labels import DATA_FILE
from sxtdbv_desktop.storage import APPLICATION_ID, connect_read_only, known_error

MAX_PROBLEMS = 10
NOT_OURS = "không phải tệp dữ liệu của SX&TDBV Desktop"
_NOT_DAMAGE = ("disk_full", "read_only", "busy", "missing")
"""Reasons that are the environment's, not the file's ("io" stays damage: a failing disk)."""


def problems(
    conn: sqlite3.Connection, *, read_only: bool = False, path: Path | None = None
) -> list[str]:
    """What SQLite finds wrong with the open database (empty when it is whole).

    `read_only`: the connection cannot write, so the check runs on a copy in memory (see
    above). An error of the environment raises `StorageError` (`path` names the file).
    """
    if not read_only:
        return _problems(conn, path)
    copy = sqlite3.connect(":memory:")
    try:
        try:
            conn.backup(copy)
        except sqlite3.DatabaseError as error:
            return _damage_or_raise(error, path)
        return _problems(copy, path)
    finally:
        copy.close()


def _problems(conn: sqlite3.Connection, path: Path | None) -> list[str]:
    try:
        rows = conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall()
        found = [str(row[0]) for row in rows if row[0] != "ok"]
        if found:
            return found
        return [
            f"{table} (dòng {rowid}) trỏ tới {parent} không tồn tại"
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall()
        ][:MAX_PROBLEMS]
    except sqlite3.DatabaseError as error:  # too damaged to even run the check
        return _damage_or_raise(error, path)


def _damage_or_raise(error: sqlite3.DatabaseError, path: Path | None) -> list[str]:
    """An error met while checking: damage to list, or the environment's fault to raise."""
    known = known_error(error, path)
    if isinstance(known, StorageError) and known.reason in _NOT_DAMAGE:
        raise known from error
    return [str(error)]


def check(db: Database) -> None:
    """Raise `StorageError("damaged")` unless the open database `db` is whole."""
    path = getattr(db, "path", None)
    found = problems(db.conn, read_only=bool(getattr(db, "read_only", False)), path=path)
    if found:
        raise damaged(path, found)


def file_problems(path: Path) -> list[str]:
    """What is wrong with the file at `path`, opened read-only without changing it.

    A file that is not a database, or not one of ours, is a problem too; a file that cannot
    be read because of the disk (full, read-only, no permission) raises `StorageError`.
    """
    if not path.is_file():
        return [f"không tìm thấy tệp {path}"]
    try:
        conn = connect_read_only(path)
    except sqlite3.DatabaseError as error:
        return _damage_or_raise(error, path)
    try:
        (app_id,) = conn.execute("PRAGMA application_id").fetchone()
        if app_id != APPLICATION_ID:
            return [NOT_OURS]
        return problems(conn, read_only=True, path=path)
    except sqlite3.DatabaseError as error:
        return _damage_or_raise(error, path)
    finally:
        conn.close()


def damaged(path: Path | None, found: list[str]) -> StorageError:
    name = path.name if path else "dữ liệu"
    details = "; ".join(found[:3])
    return StorageError(
        "damaged", f"{DATA_FILE} {name} đã bị hỏng. Chi tiết kỹ thuật (SQLite): {details}"
    )
