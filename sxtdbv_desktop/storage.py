"""Opening the one SQLite file that holds everything, safely.

A file is ours when its `application_id` says so; it is opened with foreign keys enforced,
WAL journaling with full sync (a power cut loses at most the write in progress), and the
schema migrated to the newest version. A file can also be opened read-only (another program
is writing it): SQLite then refuses every write.

Errors are sorted the way qutebrowser's `misc/sql.py` sorts them: what the environment caused
(disk full, damaged file, read-only, busy) becomes a Vietnamese `StorageError`; a guard
trigger's refusal (schema 0002) becomes a `LockedError` with the guard's own message; anything
else is our bug and propagates unchanged.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import sqlite3
import typing
import urllib.parse
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from sxtdbv_desktop import audit, disk, rule_words, tamper
from sxtdbv_desktop.errors import LockedError, StorageError, SxtdbvError
from sxtdbv_desktop.labels import DATA_FILE
from sxtdbv_desktop.migrations import MIGRATIONS, migration_names

T = typing.TypeVar("T")

APPLICATION_ID = 0x53585444  # "SXTD"
BUSY_TIMEOUT_MS = 5000

# SQLite result codes (https://sqlite.org/rescode.html).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26
_SQLITE_CONSTRAINT_TRIGGER = 1811  # RAISE(ABORT, ...) in a trigger: one of our guards
_DIAGNOSED = {_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_READONLY}
"""Codes whose cause is found by looking at the disk (`disk.diagnose`)."""
_ENVIRONMENT = {
    _SQLITE_BUSY,
    _SQLITE_LOCKED,
    _SQLITE_READONLY,
    _SQLITE_IOERR,
    _SQLITE_CORRUPT,
    _SQLITE_FULL,
    _SQLITE_CANTOPEN,
    _SQLITE_NOTADB,
}


class AppDatabase(Database):
    """A sqlite-utils `Database` on one of our files.

    Every statement it runs (sqlite-utils' table methods included) turns the environment's
    SQLite errors into `StorageError` and the guards' refusals into `LockedError`.
    `read_only_reason` says why the file is open read-only (None when writable), so that a
    refused write can tell the user why.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only_reason: str | None) -> None:
        super().__init__(conn, execute_plugins=False)
        self.path = path
        self.read_only_reason = read_only_reason
        self.plan_loading = False  # see `allow_plan_loading`
        self.triggers_reinstalled: list[str] = []  # by `migrate`: changed outside the program

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def execute(
        self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
    ) -> sqlite3.Cursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as error:
            raise _translated(error, self) from error

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None
    ) -> Generator[dict[str, Any], None, None]:
        was_in_transaction = self.conn.in_transaction
        try:
            return super().query(sql, params)
        except sqlite3.Error as error:
            # sqlite-utils opens a savepoint before its guarded part: if that very statement
            # fails (interrupted, busy), the transaction it began stays open and would swallow
            # every later write until the connection closes. Found by test_all_or_nothing.
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.rollback()
            raise _translated(error, self) from error

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        # COMMIT is where a full disk usually shows up in WAL mode: translate it too.
        try:
            with super().atomic():
                yield self
        except sqlite3.Error as error:
            raise _translated(error, self) from error


def _translated(error: sqlite3.Error, db: AppDatabase) -> BaseException:
    known = known_error(error, db.path, db.read_only_reason)
    return error if known is None else known


def known_error(
    error: sqlite3.Error, path: Path | None = None, read_only_reason: str | None = None
) -> SxtdbvError | None:
    """The typed error for an SQLite error the user can be told about; None for our bugs."""
    code = getattr(error, "sqlite_errorcode", 0)
    if code == _SQLITE_CONSTRAINT_TRIGGER:
        return LockedError(str(error))
    if code & 0xFF in _ENVIRONMENT:
        return storage_error(error, path, read_only_reason)
    return None


@contextlib.contextmanager
def allow_plan_loading(db: Database) -> Generator[None, None, None]:
    """Let an agency installation insert a plan the consolidating unit sent (and nothing else).

    The plan guards of schema 0002 ask the connection through `sxtdbv_plan_loading()`.
    """
    if not isinstance(db, AppDatabase):
        raise TypeError("allow_plan_loading needs a database opened by open_database")
    db.plan_loading = True
    try:
        yield
    finally:
        db.plan_loading = False


def open_database(
    path: Path | str,
    actor: audit.Actor | None = None,
    *,
    create: bool = True,
    read_only_reason: str | None = None,
    migrate_schema: bool = True,
) -> AppDatabase:
    """Open (or create) the database at `path`, migrated and ready; raise `StorageError`.

    With `read_only_reason`, the file is opened read-only (a `mode=ro` URI: SQLite refuses
    every write) and the reason is kept for the messages. `migrate_schema=False` leaves the
    migrations to the caller (`session` backs the file up first).
    """
    path = Path(path)
    read_only = read_only_reason is not None
    if (read_only or not create) and not path.exists():
        raise StorageError("missing", rule_words.no_data_file(path))
    if create and not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if read_only:
            conn = connect_read_only(path)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise storage_error(error, path, read_only_reason) from error
    try:
        db = AppDatabase(conn, path, read_only_reason)
        audit.bind_actor(conn, actor or audit.Actor.current())
        conn.create_function(
            "sxtdbv_plan_loading", 0, lambda: int(db.plan_loading), deterministic=False
        )
        _configure(db, path)
        if migrate_schema:
            migrate(db, path)
    except BaseException:
        conn.close()
        raise
    return db


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """The `file:` URI opening `path` read-only (drive letters and UNC paths included)."""
    posix = path.resolve().as_posix()
    prefix = "file://" if posix.startswith("/") else "file:///"
    query = "?mode=ro&immutable=1" if immutable else "?mode=ro"
    return prefix + urllib.parse.quote(posix, safe="/:") + query


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to `path`, also where SQLite cannot write beside the file.

    Reading a WAL file needs its index (`-shm`), which SQLite creates beside the file: on
    read-only media, in a folder without permission or on a full disk it cannot, and the
    file "cannot be opened". When no WAL is waiting beside the file, nothing is lost by
    reading it as immutable (no index, no locks); with a WAL, the error stands.
    """
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as error:
        conn.close()
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code not in (_SQLITE_CANTOPEN, _SQLITE_IOERR, _SQLITE_READONLY) or _has_wal(path):
            raise
    return sqlite3.connect(read_only_uri(path, immutable=True), uri=True)


def _has_wal(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _configure(db: AppDatabase, path: Path) -> None:
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
        if db.read_only:
            return
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        if not has_tables:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except sqlite3.Error as error:
        raise storage_error(error, path) from error


def migrate(db: AppDatabase, path: Path | None = None) -> None:
    """Bring the schema to the newest version, one recorded transaction per migration.

    A writable file's triggers are then compared with the expected ones and reinstalled
    where they differ (`tamper`). Afterwards the connection refuses to drop triggers or
    tables, so raw SQL cannot remove the audit triggers or the guards.
    """
    known = migration_names()
    applied = schema_version(db)
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StorageError(
            "too_new",
            f"{DATA_FILE} được tạo bởi phiên bản mới hơn của phần mềm. "
            "Hãy cập nhật SX&TDBV Desktop rồi mở lại.",
        )
    if db.read_only and len(applied) < len(known):
        raise StorageError(
            "read_only",
            f"{DATA_FILE} {db.path.name} cần được nâng cấp lên phiên bản mới nhưng đang mở chỉ "
            f"để xem: {db.read_only_reason}",
        )
    if not db.read_only:
        try:
            MIGRATIONS.apply(db)
            # Guards or audit triggers dropped or changed outside the program come back
            # before anything else is written (and before the authorizer forbids dropping).
            db.triggers_reinstalled = tamper.reinstall_triggers(db)
        except sqlite3.Error as error:
            raise storage_error(error, path) from error
    db.conn.set_authorizer(_authorizer(frozenset(db.table_names())))


def needs_migration(db: Database) -> bool:
    """Whether `db` lacks some of the migrations this version of the program knows."""
    return len(schema_version(db)) < len(migration_names())


def _authorizer(tables: frozenset[str]) -> typing.Callable[..., int]:
    """Refuse dropping a trigger, or one of `tables`, and writing the schema by hand.

    (sqlite-utils itself creates and drops scratch tables to probe SQLite's features.)
    """

    def authorize(action: int, arg1: str | None, arg2: str | None, *_: object) -> int:
        if action in (sqlite3.SQLITE_DROP_TRIGGER, sqlite3.SQLITE_DROP_TEMP_TRIGGER):
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_DROP_TABLE and arg1 in tables:
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() == "writable_schema" and arg2:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    return authorize


def schema_version(db: Database) -> list[str]:
    """The names of the migrations applied to `db`, oldest first."""
    if "_sqlite_migrations" not in db.table_names():
        return []
    return [m.name for m in MIGRATIONS.applied(db)]


def storage_error(
    error: sqlite3.Error, path: Path | None = None, read_only_reason: str | None = None
) -> StorageError:
    """Translate an SQLite error caused by the environment into a Vietnamese `StorageError`.

    Errors that are our bugs (constraint violations, SQL mistakes) are not storage errors:
    callers re-raise those unchanged; this function still classifies them as "internal".
    """
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    name = path.name if path else "dữ liệu"
    busy = f"{DATA_FILE} {name} đang được một chương trình khác sử dụng. Hãy thử lại sau."
    read_only = f"{DATA_FILE} {name} chỉ cho phép đọc: không thể lưu thay đổi."
    if read_only_reason:
        read_only += f" {read_only_reason}"
    reasons = {
        _SQLITE_NOTADB: ("not_database", f"Tệp {name} không phải là cơ sở dữ liệu hoặc đã hỏng."),
        _SQLITE_CORRUPT: ("damaged", f"{DATA_FILE} {name} đã bị hỏng."),
        _SQLITE_FULL: (
            "disk_full",
            "Ổ đĩa đã đầy: không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại; "
            "dữ liệu đã lưu trước đó vẫn còn nguyên.",
        ),
        _SQLITE_READONLY: ("read_only", read_only),
        _SQLITE_BUSY: ("busy", busy),
        _SQLITE_LOCKED: ("busy", busy),
        _SQLITE_CANTOPEN: ("missing", f"Không mở được tệp dữ liệu {name}."),
        _SQLITE_IOERR: ("io", f"Lỗi đọc/ghi ổ đĩa với tệp dữ liệu {name}."),
    }
    if code in _DIAGNOSED and path is not None:
        # "disk I/O error", "unable to open": often a full or read-only disk, not the file.
        found = disk.diagnose(path)
        if found is not None:
            if read_only_reason and found.reason == "read_only":
                return StorageError("read_only", read_only)
            return found
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
