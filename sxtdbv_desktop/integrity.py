"""Is the file whole? SQLite's integrity and foreign-key checks, run whenever a file is opened.

`PRAGMA integrity_check`, not `quick_check`: the quick one skips verifying that every index
agrees with its table, which is exactly the silent damage that makes a consolidation wrong
(a report found through one index and missed through another). Our files are small (a
province's plans and reports: a few megabytes), where the full check takes milliseconds; see
`benchmarks/bench_integrity.py` for the figures.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.storage import APPLICATION_ID, read_only_uri

MAX_PROBLEMS = 10


def problems(conn: sqlite3.Connection) -> list[str]:
    """What SQLite finds wrong with the open database (empty when it is whole)."""
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
        return [str(error)]


def check(db: Database) -> None:
    """Raise `StorageError("damaged")` unless the open database `db` is whole."""
    found = problems(db.conn)
    if found:
        raise damaged(getattr(db, "path", None), found)


def file_problems(path: Path) -> list[str]:
    """What is wrong with the file at `path`, opened read-only without changing it.

    A file that is not a database, or not one of ours, is a problem too.
    """
    if not path.is_file():
        return [f"không tìm thấy tệp {path}"]
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        (app_id,) = conn.execute("PRAGMA application_id").fetchone()
        if app_id != APPLICATION_ID:
            return ["không phải tệp dữ liệu của SX&TDBV Desktop"]
        return problems(conn)
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()


def damaged(path: Path | None, found: list[str]) -> StorageError:
    name = path.name if path else "dữ liệu"
    details = "; ".join(found[:3])
    return StorageError(
        "damaged", f"Tệp dữ liệu {name} đã bị hỏng. Chi tiết kỹ thuật (SQLite): {details}"
    )
