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
