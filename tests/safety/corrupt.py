"""Damaging a database file on purpose, the way a failing disk or a bad copy does."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def checkpoint(path: Path) -> None:
    """Fold the WAL into the main file, so that damage to the file is damage to the data."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def overwrite_middle_pages(path: Path, pages: int = 4) -> None:
    """Overwrite `pages` pages in the middle of the file with garbage."""
    checkpoint(path)
    conn = sqlite3.connect(str(path))
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    size = path.stat().st_size
    middle = (size // page_size // 2) * page_size
    with path.open("r+b") as handle:
        handle.seek(middle)
        handle.write(bytes([0x55, 0xAA]) * (page_size * pages // 2))


def empty_an_index(path: Path, index: str = "idx_agencies_plan") -> None:
    """Leave the index `index` empty while its table keeps its rows: the silent damage a
    failing disk can do, which only `integrity_check` sees (a query through the index then
    finds nothing, without any error)."""
    checkpoint(path)
    conn = sqlite3.connect(str(path))
    try:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [index]).fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [f"{sql} WHERE 0", index])
        conn.commit()
    finally:
        conn.close()
    conn = sqlite3.connect(str(path))
    try:
        conn.execute(f"REINDEX {index}")  # rebuilt as the partial index: empty
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql, index])
        conn.commit()
    finally:
        conn.close()


def break_a_check_constraint(path: Path) -> None:
    """Store a value its column's CHECK forbids (a negative total budget), as a tool that
    switches the checks off would: damage that only a writable `integrity_check` sees."""
    from tests.factories import raw_connection  # tests.factories imports much: only here

    db = raw_connection(path)
    try:
        db.execute("PRAGMA ignore_check_constraints = ON")
        db.execute("UPDATE plans SET total_budget = -1")
        db.conn.commit()
    finally:
        db.close()
