"""Opening a data file for work: locked for writing, checked, backed up, then migrated; or
read-only, with the reason, when another program writes it.

The window (and any command that writes) opens its file through `open_session`; everything
below it (`storage.open_database`) stays available for tests and tools.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sxtdbv_desktop import (
    audit,
    backup,
    disk,
    drives,
    emptied,
    installation,
    installation_files,
    integrity,
    locking,
    rule_words,
    tamper,
)
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.storage import AppDatabase, migrate, open_database, schema_version

log = logging.getLogger(__name__)

NO_RESTORE_READ_ONLY = "Không thể khôi phục khi tệp đang mở chỉ để xem."


@dataclass
class Session:
    """An open data file. `db` is replaced by `restore`: take it from here, not a copy."""

    path: Path
    db: AppDatabase
    lock: locking.WriterLock | None
    warnings: list[str] = field(default_factory=list)
    backup_file: Path | None = None  # the automatic backup made when opening, if any
    read_only_by_disk: bool = False  # read-only because of the disk, not another writer

    @property
    def read_only_reason(self) -> str | None:
        return self.db.read_only_reason

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def installation(self) -> installation.Installation:
        return installation.load(self.db)

    def heartbeat(self) -> None:
        """Keep the writer lock fresh (every `locking.HEARTBEAT_EVERY`)."""
        if self.lock is not None:
            self.lock.heartbeat()

    def backup_to(self, dest: Path) -> Path:
        """Save a checked copy of the data, as it is now, to `dest` (any folder, a USB stick)."""
        if dest.resolve() == self.path.resolve():
            raise StorageError("internal", backup.ONTO_ITSELF)
        backup.copy_database(self.db.conn, dest)
        log.info(backup.BACKED_UP, self.path, dest)
        return dest

    def restore(self, source: Path, *, allow_mode_change: bool = False) -> Path | None:
        """Replace the data with the backup `source` and reopen it; return the kept copy of
        what was replaced. `db` is a new connection afterwards. Another installation's backup
        needs `allow_mode_change` (see `backup.restore`)."""
        change = installation_files.mode_change(self.path, source)
        if change is not None and not allow_mode_change:  # said before the file is closed
            raise installation_files.ModeChangeError(f"{backup.NOT_RESTORED}: {change}")
        if self.lock is None:
            raise StorageError(
                "read_only",
                f"{NO_RESTORE_READ_ONLY} {self.read_only_reason}",
            )
        actor = installation.bound_actor(self.db)
        self.db.close()
        try:
            kept = backup.restore(
                self.path, source, lock=self.lock, actor=actor, allow_mode_change=True
            )
        finally:
            self.db = _open_writer(self.path, actor)
        return kept

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()


def open_session(
    path: Path | str,
    actor: audit.Actor | None = None,
    *,
    create: bool = True,
    safeguards: bool = True,
    verify: bool = True,
    now: dt.datetime | None = None,
) -> Session:
    """Open the data file at `path` for work.

    Takes the writer lock, or opens read-only with the reason when another program holds it
    or the disk does not let anyone write (read-only media or file, no permission, full).
    With `verify` (the window and every command), an existing file is checked with
    `integrity_check`; a damaged file raises `StorageError("damaged")` and a foreign one
    `StorageError("not_database")`, for the window to offer `backup.last_good_backup`; so
    does a file emptied beside backups that hold data (`emptied`).
    With `safeguards` (the window), a writable file is also backed up before any schema
    upgrade; a failed automatic backup is a warning, not a reason to refuse working. Without
    `actor`, changes are recorded under the Windows login and the name entered at first start.
    """
    path = Path(path)
    obstacle = disk.write_obstacle(path)
    if path.exists():
        emptied.refuse_if_emptied(path)
    else:
        if not create:
            raise StorageError("missing", rule_words.no_data_file(path))
        _create_folder(path, obstacle)
    warnings = [w for w in (drives.network_warning(path),) if w]
    reason: str | None
    if obstacle is not None:
        lock, reason, by_disk = None, obstacle.message, True
    else:
        lock, reason, by_disk = _take_lock(path)
    try:
        db = open_database(
            path, actor, create=create, read_only_reason=reason, migrate_schema=False
        )
        try:
            if verify:
                _verify(db)
            backup_file = _auto_backup(db, path, now, warnings) if safeguards else None
            migrate(db, path)
            if actor is None:
                audit.bind_actor(db.conn, installation.actor(db))
            if verify:
                warnings += _outside_edits(db)
        except BaseException:
            db.close()
            raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    log.info(
        "Mở %s (%s)%s", path, "chỉ xem: " + reason if reason else "ghi", "; " + "; ".join(warnings)
    )
    return Session(path, db, lock, warnings, backup_file, read_only_by_disk=by_disk)


def _create_folder(path: Path, obstacle: StorageError | None) -> None:
    """Make the folder of a new data file, or say why it cannot be made there."""
    if obstacle is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return
        except OSError as error:
            obstacle = disk.os_storage_error(error, path.parent)
    raise StorageError(obstacle.reason, f"Không tạo được tệp dữ liệu {path}. {obstacle.message}")


def _take_lock(path: Path) -> tuple[locking.WriterLock | None, str | None, bool]:
    """The writer lock, or why not, and whether the disk (not another writer) is why."""
    try:
        taken = locking.acquire(path)
    except OSError as error:  # a read-only folder or medium, a full disk: nobody can write
        log.warning("Không tạo được tệp khóa cho %s: %s", path, error)
        return None, disk.os_storage_error(error, path.parent).message, True
    if isinstance(taken, locking.Refusal):
        if not path.exists():
            raise StorageError("missing", rule_words.no_data_file(path))
        return None, taken.describe(), False
    return taken, None, False


def _verify(db: AppDatabase) -> None:
    """Check an existing file before anything reads it.

    The full `integrity_check`, for the window and every command alike: it is the check that
    sees an index disagreeing with its table (which makes a count wrong without any error),
    and on our files of a few megabytes it costs 10-70 ms (`bench_integrity`), less than
    starting Python.
    """
    if schema_version(db):  # a new, empty file has nothing to check
        integrity.check(db)


def _outside_edits(db: AppDatabase) -> list[str]:
    """Warnings about the file's guards and audit log edited outside the program."""
    found = []
    if db.triggers_reinstalled:
        found.append(tamper.trigger_warning(db.triggers_reinstalled, repaired=True))
    elif db.read_only and (differing := tamper.differing_triggers(db)):
        found.append(tamper.trigger_warning(differing, repaired=False))
    chain = tamper.chain_warning(db)
    if chain is not None:
        found.append(chain)
    return found


def _auto_backup(
    db: AppDatabase, path: Path, now: dt.datetime | None, warnings: list[str]
) -> Path | None:
    """Back an existing file up if we are its writer; a failure is a warning."""
    if db.read_only or not schema_version(db):
        return None
    try:
        return backup.auto_backup(db, path, now)
    except StorageError as error:
        warnings.append(f"Chưa sao lưu tự động được: {error.message}")
        return None


def _open_writer(path: Path, actor: audit.Actor) -> AppDatabase:
    return open_database(path, actor, create=False)
