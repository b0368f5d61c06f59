"""What safety tests share: a snapshot of every row, to prove that nothing changed."""

from __future__ import annotations

from sqlite_utils import Database

Snapshot = dict[str, list[tuple[object, ...]]]


def snapshot(db: Database, *, with_audit: bool = True) -> Snapshot:
    """Every row of every table, in a stable order."""
    tables = sorted(db.table_names())
    if not with_audit:
        tables.remove("audit_log")
        if "audit_chain" in tables:
            tables.remove("audit_chain")
    return {
        table: [tuple(row) for row in db.execute(f"SELECT * FROM [{table}] ORDER BY 1, 2")]
        for table in tables
    }
