"""Backups through SQLite's online backup API, kept beside the database, and restoring one.

Where: a `backups` folder beside the database file (for the default file, in the user's data
folder). The file and its backups travel together, so whoever finds one finds the other, and a
restore needs no other setting. A copy for safekeeping elsewhere (a USB stick, a share) is
the on-demand backup to a file the user picks.

When: automatically each time the program opens a file for writing (before any schema
upgrade), unless nothing changed since the newest automatic backup. Kept: the newest
`KEEP_LATEST` automatic backups, plus the newest of every month, forever (a year costs twelve
small files). Copies kept before a restore are never pruned.

Every backup is written to a temporary name, checked with `integrity_check`, then renamed:
a backup with its final name is always whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import filecmp
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from sxtdbv_desktop import audit, disk, installation_files, integrity, locking, output_files
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.labels import BACKUP
from sxtdbv_desktop.migrations import migration_names
from sxtdbv_desktop.storage import (
    connect_read_only,
    open_database,
    schema_version,
    storage_error,
)

log = logging.getLogger(__name__)

ONTO_ITSELF = "Không thể sao lưu tệp dữ liệu đè lên chính nó."
NOT_RESTORED = "Chưa khôi phục"  # before why: "Chưa khôi phục: …"
BACKED_UP = "Đã sao lưu %s vào %s"  # the program log's line

BACKUP_DIR = "backups"
KEEP_LATEST = 10
AUTO, BEFORE_RESTORE = "auto", "before_restore"
_BEFORE_RESTORE_TAG = "truoc-khoi-phuc"
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    kind: str  # AUTO or BEFORE_RESTORE

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of `db_path` in its backups folder, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = re.compile(
        rf"^{re.escape(db_path.stem)}-(?:({_BEFORE_RESTORE_TAG})-)?(\d{{8}}-\d{{6}})(?:-\d+)?"
        rf"{re.escape(db_path.suffix)}$"
    )
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match and path.is_file():
            taken_at = dt.datetime.strptime(match.group(2), _STAMP)
            found.append(Backup(path, taken_at, BEFORE_RESTORE if match.group(1) else AUTO))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def last_good_backup(db_path: Path) -> Backup | None:
    """The newest automatic backup of `db_path` that passes the integrity check, preferring
    one that holds a plan (a backup taken of an emptied file holds nothing worth restoring)."""
    whole = None
    for candidate in list_backups(db_path):
        if candidate.kind != AUTO or not is_whole(candidate.path):
            continue
        if plan_count(candidate.path):
            return candidate
        whole = whole or candidate
    return whole


def newest_with_plan(db_path: Path) -> Backup | None:
    """The newest backup of `db_path` (of either kind) that is whole and holds a plan."""
    for candidate in list_backups(db_path):
        if is_whole(candidate.path) and plan_count(candidate.path):
            return candidate
    return None


def is_whole(path: Path) -> bool:
    """Whether the file at `path` is one of ours and passes the integrity check."""
    try:
        return not integrity.file_problems(path)
    except StorageError:  # unreadable here and now (disk): not a candidate
        return False


def plan_count(path: Path) -> int:
    """How many plans the data file at `path` holds (0 when it cannot tell)."""
    try:
        conn = connect_read_only(path)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM plans").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def copy_database(
    source: sqlite3.Connection, dest: Path, *, unless_same_as: Path | None = None
) -> bool:
    """Write a consistent copy of the open database `source` to `dest`, atomically; True.

    The copy is a single self-contained file (rollback journal, no -wal beside it), checked
    before it gets its name. With `unless_same_as`, a copy byte-for-byte the same as that
    file (an earlier checked backup) adds nothing: it is dropped before being checked and
    synced to the disk, nothing is written at `dest`, and the answer is False.
    """
    partial = dest.with_name(dest.name + ".partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        target = sqlite3.connect(str(partial))
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            if unless_same_as is not None and _same_bytes(unless_same_as, partial):
                return False
            found = integrity.problems(target)
        finally:
            target.close()
        if found:
            raise integrity.damaged(dest, found)
        _fsync(partial)
        os.replace(partial, dest)
        _fsync_dir(dest.parent)
        return True
    except sqlite3.Error as error:
        raise _copy_error(error, dest) from error
    except OSError as error:
        raise _copy_error(error, dest) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _same_bytes(kept: Path, copy: Path) -> bool:
    """Whether `copy` is byte-for-byte `kept`; an unreadable `kept` is not the same."""
    try:
        return filecmp.cmp(kept, copy, shallow=False)
    except OSError:
        return False


def _copy_error(error: sqlite3.Error | OSError, dest: Path) -> StorageError:
    """Why the copy could not be written at `dest`, said of the copy (not of the data)."""
    raw = error if isinstance(error, OSError) else disk.probe_error(disk.existing_folder(dest))
    if raw is None:  # the destination is fine: the error is SQLite's own
        assert isinstance(error, sqlite3.Error)
        return storage_error(error, dest)
    kind = disk.os_storage_error(raw, dest).reason
    why = output_files.reason(dest, raw)
    return StorageError(kind, f"Không ghi được bản sao lưu {dest}: {why}")


def backup_to(db_path: Path, dest: Path) -> Path:
    """Back the database at `db_path` up to `dest` (on demand, even while another program
    writes it): the source is checked first, so a damaged file is never taken for a backup."""
    if dest.resolve() == db_path.resolve():
        raise StorageError("internal", ONTO_ITSELF)
    found = integrity.file_problems(db_path)
    if found:
        raise integrity.damaged(db_path, found)
    conn = _read_only(db_path)
    try:
        copy_database(conn, dest)
    finally:
        conn.close()
    log.info(BACKED_UP, db_path, dest)
    return dest


def auto_backup(db: Database, db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Back up the open `db` into the backups folder and prune old automatic backups.

    Returns the new backup, or None when nothing changed since the newest one (the new copy
    is byte-for-byte the same, since the online backup copies pages as they are): most
    starts, which then neither check nor sync a copy that would be thrown away.
    """
    now = now or dt.datetime.now()
    dest = _free_name(backup_dir(db_path), f"{db_path.stem}-{now.strftime(_STAMP)}", db_path.suffix)
    newest = next((b for b in list_backups(db_path) if b.kind == AUTO), None)
    if not copy_database(db.conn, dest, unless_same_as=newest.path if newest else None):
        return None
    (plans,) = db.execute("SELECT count(*) FROM plans").fetchone()
    removed = prune(db_path, current_has_plan=plans > 0)
    log.info("Sao lưu tự động %s (xóa %d bản cũ)", dest.name, len(removed))
    return dest


def prune(db_path: Path, *, current_has_plan: bool = True) -> list[Path]:
    """Delete the automatic backups that the keeping rule no longer needs; return them.

    While the current file holds no plan, the newest backup that holds one is kept whatever
    its age: days of work on an emptied file must not push the real data out.
    """
    automatic = [b for b in list_backups(db_path) if b.kind == AUTO]
    keep = {b.path for b in automatic[:KEEP_LATEST]}
    if not current_has_plan:
        with_plan = newest_with_plan(db_path)
        if with_plan is not None:
            keep.add(with_plan.path)
    seen_months: set[tuple[int, int]] = set()
    for candidate in automatic:  # newest first: the first seen of a month is its newest
        month = (candidate.taken_at.year, candidate.taken_at.month)
        if month not in seen_months:
            seen_months.add(month)
            keep.add(candidate.path)
    removed = []
    for candidate in automatic:
        if candidate.path not in keep:
            with contextlib.suppress(OSError):
                candidate.path.unlink()
                removed.append(candidate.path)
    return removed


def restore(
    db_path: Path,
    source: Path,
    *,
    lock: locking.WriterLock | None = None,
    actor: audit.Actor | None = None,
    now: dt.datetime | None = None,
    allow_mode_change: bool = False,
) -> Path | None:
    """Replace the database at `db_path` with the backup `source`; return the kept copy.

    The backup is copied and checked first (whole, ours, not from a newer version); what it
    replaces is kept in the backups folder, with its -wal, as found: damaged or not. The caller
    has closed its own connection; the writer lock is taken here unless `lock` is given.
    A backup of another installation (another mode or agency) raises `ModeChangeError`
    unless `allow_mode_change` (the user was told and agreed). The restore is recorded in
    the restored file's audit log.
    """
    change = installation_files.mode_change(db_path, source)
    if change is not None and not allow_mode_change:
        raise installation_files.ModeChangeError(f"{NOT_RESTORED}: {change}")
    now = now or dt.datetime.now()
    owned = lock is None
    if lock is None:
        try:
            taken = locking.acquire(db_path)
        except OSError as error:  # the lock file cannot even be written: a full or read-only disk
            raise _os_error(error, db_path) from error
        if isinstance(taken, locking.Refusal):
            raise StorageError(
                "locked", f"Không thể khôi phục vì tệp đang được dùng. {taken.describe()}"
            )
        lock = taken
    try:
        staged = _stage(db_path, source)
        try:
            kept = _keep_current(db_path, now)
            for suffix in ("-wal", "-shm"):  # an old WAL applied to the new file would ruin it
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            os.replace(staged, db_path)
            _fsync_dir(db_path.parent)
        except OSError as error:
            raise _os_error(error, db_path) from error
        finally:
            staged.unlink(missing_ok=True)
        db = open_database(db_path, actor)
        try:
            detail = f"{source.name}; bản cũ giữ tại {kept}" if kept else source.name
            audit.log_event(db, "database", db_path.name, "restored", detail)
        finally:
            db.close()
    finally:
        if owned:
            lock.release()
    log.info("Đã khôi phục %s từ %s; bản cũ: %s", db_path, source, kept)
    return kept


def _stage(db_path: Path, source: Path) -> Path:
    """A checked copy of `source` beside `db_path`, ready to be renamed over it."""
    found = integrity.file_problems(source)
    if found:
        raise StorageError(
            "bad_backup",
            f"Không thể khôi phục từ {source.name}: tệp sao lưu bị hỏng hoặc không phải dữ liệu "
            f"của SX&TDBV Desktop ({'; '.join(found[:2])}).",
        )
    staged = db_path.with_name(db_path.name + ".restoring")
    conn = _read_only(source)
    try:
        copy_database(conn, staged)
        with contextlib.closing(sqlite3.connect(str(staged))) as check:
            too_new = _from_newer_version(check)
    finally:
        conn.close()
    if too_new:
        staged.unlink(missing_ok=True)
        raise StorageError(
            "too_new",
            f"{BACKUP} {source.name} được tạo bởi phiên bản mới hơn của phần mềm. "
            "Hãy cập nhật SX&TDBV Desktop trước khi khôi phục.",
        )
    return staged


def _from_newer_version(conn: sqlite3.Connection) -> bool:
    known = set(migration_names())
    return any(name not in known for name in schema_version(Database(conn, execute_plugins=False)))


def _keep_current(db_path: Path, now: dt.datetime) -> Path | None:
    if not db_path.exists():
        return None
    name = f"{db_path.stem}-{_BEFORE_RESTORE_TAG}-{now.strftime(_STAMP)}"
    kept = _free_name(backup_dir(db_path), name, db_path.suffix)
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(db_path, kept)
    wal = Path(f"{db_path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        shutil.copy2(wal, Path(f"{kept}-wal"))  # SQLite replays it when the copy is opened
    _fsync(kept)
    return kept


def _free_name(folder: Path, base: str, suffix: str) -> Path:
    candidate, number = folder / f"{base}{suffix}", 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{base}-{number}{suffix}"
    return candidate


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_only(path: Path) -> sqlite3.Connection:
    try:
        return connect_read_only(path)
    except sqlite3.Error as error:
        raise storage_error(error, path) from error


def _os_error(error: OSError, path: Path) -> StorageError:
    if error.errno == errno.ENOSPC:
        return StorageError("disk_full", disk.full_message(path.parent))
    if isinstance(error, PermissionError) and not disk.is_read_only_media(path.parent):
        return StorageError(
            "read_only",
            f"Không có quyền ghi {path} (tệp đang mở trong chương trình khác, hoặc thư mục chỉ "
            "cho phép đọc).",
        )
    return disk.os_storage_error(error, path)
