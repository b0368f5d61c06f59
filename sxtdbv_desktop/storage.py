"""Opening the one SQLite file that holds everything, safely.

A file is ours when its `application_id` says so; it is opened with foreign keys enforced,
WAL journaling with full sync (a power cut loses at most the write in progress), and the
schema migrated to the newest version. SQLite's own errors are turned into `StorageError`s
that say, in Vietnamese, whether the disk, the file or the lock is at fault.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import typing
from collections.abc import Sequence
from pathlib import Path

from sqlite_utils import Database

from sxtdbv_desktop import audit
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.schema import MIGRATIONS

T = typing.TypeVar("T")

APPLICATION_ID = 0x53585444  # "SXTD"
BUSY_TIMEOUT_MS = 5000

# Primary SQLite result codes (https://sqlite.org/rescode.html).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26


def open_database(
    path: Path | str, actor: audit.Actor | None = None, *, create: bool = True
) -> Database:
    """Open (or create) the database at `path`, migrated and ready; raise `StorageError`."""
    path = Path(path)
    if not create and not path.exists():
        raise StorageError("missing", f"Không tìm thấy tệp dữ liệu: {path}")
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise storage_error(error, path) from error
    try:
        db = Database(conn, execute_plugins=False)
        audit.bind_actor(conn, actor or audit.Actor.current())
        _configure(db, path)
        migrate(db, path)
    except BaseException:
        conn.close()
        raise
    return db


def _configure(db: Database, path: Path) -> None:
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if has_tables and app_id != APPLICATION_ID:
            raise StorageError(
                "not_database",
                f"Tệp {path.name} không phải là dữ liệu của SX&TDBV Desktop. "
                "Hãy chọn đúng tệp dữ liệu (.sqlite) do phần mềm tạo ra.",
            )
        db.execute("PRAGMA foreign_keys = ON")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        if not has_tables:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except sqlite3.Error as error:
        raise storage_error(error, path) from error


def migrate(db: Database, path: Path | None = None) -> None:
    """Bring the schema to the newest version, one recorded transaction per migration."""
    known = {m.name for m in MIGRATIONS._migrations}
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known]
    if unknown:
        raise StorageError(
            "too_new",
            "Tệp dữ liệu được tạo bởi phiên bản mới hơn của phần mềm. "
            "Hãy cập nhật SX&TDBV Desktop rồi mở lại.",
        )
    try:
        MIGRATIONS.apply(db)
    except sqlite3.Error as error:
        raise storage_error(error, path) from error


def schema_version(db: Database) -> list[str]:
    """The names of the migrations applied to `db`, oldest first."""
    return [m.name for m in MIGRATIONS.applied(db)]


def storage_error(error: sqlite3.Error, path: Path | None = None) -> StorageError:
    """Translate an SQLite error caused by the environment into a Vietnamese `StorageError`.

    Errors that are our bugs (constraint violations, SQL mistakes) are not storage errors:
    callers re-raise those unchanged; this function still classifies them as "internal".
    """
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    name = path.name if path else "dữ liệu"
    reasons = {
        _SQLITE_NOTADB: ("not_database", f"Tệp {name} không phải là cơ sở dữ liệu hoặc đã hỏng."),
        _SQLITE_CORRUPT: ("damaged", f"Tệp dữ liệu {name} đã bị hỏng."),
        _SQLITE_FULL: (
            "disk_full",
            "Ổ đĩa đã đầy: không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại; "
            "dữ liệu đã lưu trước đó vẫn còn nguyên.",
        ),
        _SQLITE_READONLY: (
            "read_only",
            f"Tệp dữ liệu {name} chỉ cho phép đọc: không thể lưu thay đổi.",
        ),
        _SQLITE_BUSY: (
            "busy",
            f"Tệp dữ liệu {name} đang được một chương trình khác sử dụng. Hãy thử lại sau.",
        ),
        _SQLITE_LOCKED: (
            "busy",
            f"Tệp dữ liệu {name} đang được một chương trình khác sử dụng. Hãy thử lại sau.",
        ),
        _SQLITE_CANTOPEN: ("missing", f"Không mở được tệp dữ liệu {name}."),
        _SQLITE_IOERR: ("io", f"Lỗi đọc/ghi ổ đĩa với tệp dữ liệu {name}."),
    }
    reason, message = reasons.get(code, ("internal", f"Lỗi cơ sở dữ liệu: {error}"))
    return StorageError(reason, message)


def select(db: Database, cls: type[T], sql: str, params: Sequence[object] = ()) -> list[T]:
    """Rows of `sql` as instances of the dataclass `cls`; ISO text becomes `date` where typed so."""
    dates = _date_fields(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    out = []
    for row in db.query(sql, list(params)):
        values = {k: v for k, v in row.items() if k in names}
        for key in dates & values.keys():
            if values[key] is not None:
                values[key] = dt.date.fromisoformat(values[key])
        out.append(cls(**values))
    return out


def select_one(db: Database, cls: type[T], sql: str, params: Sequence[object] = ()) -> T | None:
    """The first row of `sql` as a `cls`, or None."""
    rows = select(db, cls, sql, params)
    return rows[0] if rows else None


_DATE_FIELDS: dict[type, frozenset[str]] = {}


def _date_fields(cls: type) -> frozenset[str]:
    """The fields of dataclass `cls` typed `date` or `date | None` (computed once per class)."""
    if cls not in _DATE_FIELDS:
        hints = typing.get_type_hints(cls)
        _DATE_FIELDS[cls] = frozenset(
            name for name, hint in hints.items() if hint is dt.date or hint == (dt.date | None)
        )
    return _DATE_FIELDS[cls]


def insert(db: Database, table: str, row: dict[str, object]) -> int:
    """Insert one row and return its integer primary key."""
    pk = db.table(table).insert(row).last_pk
    assert isinstance(pk, int), f"{table} has no integer primary key"
    return pk
