"""The audit log: who changed what, when, with the old and the new value.

Every table except the log itself carries triggers that write one row per changed field on
UPDATE and one row (the whole record as JSON) on INSERT and DELETE, so no code path can change
data without leaving a trace. The triggers read the acting user through SQL functions that
`bind_actor` registers on each connection; the application is the only writer of its files.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

_UNAUDITED = {"audit_log", "audit_chain", "_sqlite_migrations"}
_LOGGED = ("id", "at", "os_user", "user_name", "action", "entity", "entity_key", "field",
           "old_value", "new_value")  # fmt: skip
"""The audit log's columns, in the order its hash chain reads them."""


@dataclass(frozen=True)
class Actor:
    """Who is making changes: the Windows login and the name typed in the application."""

    os_user: str
    name: str = ""

    @classmethod
    def current(cls, name: str = "") -> Actor:
        try:
            login = getpass.getuser()
        except (OSError, KeyError):  # no login name in some service contexts
            login = "?"
        return cls(os_user=login, name=name)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    os_user: str
    user_name: str
    action: str
    entity: str
    entity_key: str
    field: str
    old_value: str | None
    new_value: str | None


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def bind_actor(conn: sqlite3.Connection, actor: Actor) -> None:
    """Make the triggers on this connection record `actor` from now on."""
    conn.create_function("sxtdbv_os_user", 0, lambda: actor.os_user, deterministic=False)
    conn.create_function("sxtdbv_user_name", 0, lambda: actor.name, deterministic=False)
    conn.create_function("sxtdbv_now", 0, _now, deterministic=False)
    conn.create_function("sxtdbv_audit_hash", 1 + len(_LOGGED), chain_hash, deterministic=True)


def chain_hash(previous: str | None, *values: object) -> str:
    """The link of one audit row in the log's hash chain (schema 0004): SHA-256 over the
    previous row's link and this row's fields, each written with its length, so that no two
    different rows can hash alike by moving text from one field to another.

    Part of the file format: never change it (another algorithm needs another SQL function
    and a migration that re-links the log).
    """
    digest = hashlib.sha256()
    for value in (previous, *values):
        if value is None:
            digest.update(b"N")
        else:
            data = str(value).encode("utf-8", "surrogatepass")
            digest.update(b"S%d:" % len(data))
            digest.update(data)
    return digest.hexdigest()


def chain_trigger_sql() -> str:
    """The trigger that links each new audit row to the one before it (schema 0004).

    OR REPLACE: should a row at the end of the log be deleted outside the program, its id is
    given again, and the program must go on writing (the chain then shows the break).
    """
    fields = ", ".join(f"NEW.{c}" for c in _LOGGED)
    return (
        "CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN INSERT OR REPLACE INTO"
        " audit_chain (log_id, hash) VALUES (NEW.id, sxtdbv_audit_hash((SELECT hash FROM"
        f" audit_chain ORDER BY log_id DESC LIMIT 1), {fields})); END"
    )


@dataclass(frozen=True)
class ChainBreak:
    """Where the audit log's hash chain no longer holds: `log_id` is the first row whose link
    is wrong or missing (a row at or just before it was changed or deleted outside the
    program), `at` its time."""

    log_id: int
    at: str


def chain_break(db: Database) -> ChainBreak | None:
    """The first break in the audit log's hash chain, or None when every link holds."""
    previous: str | None = None
    columns = ", ".join(f"l.{c}" for c in _LOGGED)
    rows = db.execute(
        f"SELECT {columns}, c.hash FROM audit_log l LEFT JOIN audit_chain c ON c.log_id = l.id"
        " ORDER BY l.id"
    )
    for *values, link in rows:
        if link is None or link != chain_hash(previous, *values):
            return ChainBreak(values[0], values[1])
        previous = link
    orphan = db.execute(
        "SELECT min(log_id) FROM audit_chain WHERE log_id NOT IN (SELECT id FROM audit_log)"
    ).fetchone()[0]
    return None if orphan is None else ChainBreak(int(orphan), "")


def chain_head(db: Database) -> tuple[int, str | None]:
    """How many rows the audit log has, and the link of the newest: a figure to note down
    (or print) that a later `check` can be compared with."""
    (count,) = db.execute("SELECT count(*) FROM audit_log").fetchone()
    row = db.execute("SELECT hash FROM audit_chain ORDER BY log_id DESC LIMIT 1").fetchone()
    return int(count), (row[0] if row else None)


def _key_expr(row: str, pks: list[str]) -> str:
    if pks == ["id"]:
        return f"CAST({row}.id AS TEXT)"
    return " || ',' || ".join(f"'{pk}=' || {row}.{pk}" for pk in pks)


def _json_expr(row: str, columns: list[str]) -> str:
    pairs = ", ".join(f"'{c}', {row}.{c}" for c in columns)
    return f"json_object({pairs})"


def trigger_sql(table: str, columns: list[str], pks: list[str]) -> list[str]:
    """The three audit triggers (insert, update, delete) of `table`."""
    head = (
        "INSERT INTO audit_log (at, os_user, user_name, action, entity, entity_key, field,"
        " old_value, new_value) SELECT sxtdbv_now(), sxtdbv_os_user(), sxtdbv_user_name()"
    )
    changes = " UNION ALL ".join(
        f"SELECT '{c}' AS field, OLD.{c} AS old, NEW.{c} AS new WHERE OLD.{c} IS NOT NEW.{c}"
        for c in columns
    )
    return [
        f"CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} BEGIN {head}, 'insert',"
        f" '{table}', {_key_expr('NEW', pks)}, '', NULL, {_json_expr('NEW', columns)}; END",
        f"CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} BEGIN {head}, 'update',"
        f" '{table}', {_key_expr('NEW', pks)}, c.field, c.old, c.new FROM ({changes}) AS c; END",
        f"CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN {head}, 'delete',"
        f" '{table}', {_key_expr('OLD', pks)}, '', {_json_expr('OLD', columns)}, NULL; END",
    ]


def expected_triggers(db: Database) -> list[str]:
    """The audit triggers every table of `db` should carry (one per event, every column).

    The migrations hold these statements frozen; this is the specification a test compares
    them with, and what `tools/schema_sql.py` prints for a new migration to paste.
    """
    tables = _table_columns(db)
    statements = []
    for table, (columns, pks) in tables.items():
        if table not in _UNAUDITED:
            statements += trigger_sql(table, columns, pks)
    if "audit_chain" in tables:
        statements.append(chain_trigger_sql())
    return statements


def _table_columns(db: Database) -> dict[str, tuple[list[str], list[str]]]:
    """Each table's columns in order, and its primary key in declaration order ("rowid" when
    it declares none, as sqlite-utils' `Table.pks` says): one query, not two PRAGMAs a table,
    since every opening compares the triggers (`tamper`)."""
    found: dict[str, tuple[list[str], list[tuple[int, str]]]] = {}
    for table, column, pk in db.execute(
        "SELECT m.name, p.name, p.pk FROM sqlite_master AS m, pragma_table_info(m.name) AS p"
        " WHERE m.type = 'table' ORDER BY m.rowid, p.cid"
    ):
        columns, keys = found.setdefault(table, ([], []))
        columns.append(column)
        if pk:
            keys.append((pk, column))
    return {
        table: (columns, [name for _, name in sorted(keys)] or ["rowid"])
        for table, (columns, keys) in found.items()
    }


def log_event(db: Database, entity: str, key: object, what: str, detail: str = "") -> None:
    """Record something that is not a field change: a report accepted, a file imported..."""
    db.execute(
        "INSERT INTO audit_log (at, os_user, user_name, action, entity, entity_key, field,"
        " new_value) VALUES (sxtdbv_now(), sxtdbv_os_user(), sxtdbv_user_name(), 'event',"
        " ?, ?, ?, ?)",
        [entity, str(key), what, detail],
    )


def entries(
    db: Database, entity: str | None = None, key: object | None = None, limit: int = 10_000
) -> list[AuditEntry]:
    """The newest `limit` entries first, optionally for one entity (and one record of it)."""
    where: list[str] = []
    params: list[object] = []
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if key is not None:
        where.append("entity_key = ?")
        params.append(str(key))
    sql = "SELECT * FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    return [AuditEntry(**row) for row in db.query(sql, [*params, limit])]
