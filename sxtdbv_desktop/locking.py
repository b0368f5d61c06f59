"""One writer at a time: a lock file beside the database, held with an operating-system lock.

SQLite's own locking keeps every transaction whole, but it does not stop two programs (two
instances on one PC, or two PCs through a shared folder) from taking turns writing the same
file, each believing its screen is current. So the writer takes `<file>.lock` first: an OS lock
on it (msvcrt on Windows, flock elsewhere) that the system releases when the process dies, and,
inside it, who holds it (computer, login, process, since when, last sign of life). Whoever
cannot take the lock opens the file read-only and is told who writes it.

On a shared folder an OS lock may not reach the other computer. So a lock whose owner is
another computer and whose last sign of life (`heartbeat`) is recent is respected even when the
OS lock was granted; it goes stale after `STALE_AFTER` without a heartbeat. Another computer's
clock may be wrong: a heartbeat further in the future than `STALE_AFTER` says nothing, and the
lock file's own modification time (this file system's clock) decides instead, so that a clock
set a year ahead cannot block writing for a year. A lock file written by a newer version (keys
this one does not know) is still read; one that cannot be read at all, but changed recently,
is respected as "another program" until it too goes stale.

An OS lock is not always released the moment its process dies: Windows releases a dead
process's locks "after a time that depends on available system resources", and a file server
keeps a crashed client's locks until it drops that client's connection (minutes). So a held OS
lock is tried again for `RELEASE_WAIT` before the file opens read-only; longer waits are the
user's, told so by `Refusal.describe`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import logging
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from sxtdbv_desktop import __version__
from sxtdbv_desktop.vnformat import MOMENT

log = logging.getLogger(__name__)

HEARTBEAT_EVERY = dt.timedelta(minutes=2)
STALE_AFTER = dt.timedelta(minutes=10)
RELEASE_WAIT = dt.timedelta(seconds=3)
"""How long a held OS lock is tried again (a second window waits this long, then reads)."""
RETRY_EVERY = dt.timedelta(milliseconds=200)
# The byte range the OS lock covers, far beyond the owner text so that others can still read
# it (a Windows lock forbids reading the locked bytes). SQLite's own locks use a similar trick.
_LOCK_OFFSET = 1 << 30


@dataclass(frozen=True)
class Owner:
    """Who holds the lock, as written in the lock file."""

    host: str
    user: str
    pid: int
    since: str  # ISO date-time, local
    heartbeat: str  # ISO date-time, local: the last sign of life
    version: str = ""

    def describe(self) -> str:
        """In Vietnamese, for the read-only explanation."""
        since = _parse(self.since)
        when = since.strftime(MOMENT) if since else "không rõ lúc nào"
        return f"Tệp đang được mở để ghi trên máy {self.host} (tài khoản {self.user}) từ {when}."

    def is_fresh(self, now: dt.datetime) -> bool:
        """Whether the heartbeat is recent; False for one far in the future (see above)."""
        beat = _parse(self.heartbeat)
        return beat is not None and -STALE_AFTER < now - beat < STALE_AFTER

    def clock_ahead(self, now: dt.datetime) -> bool:
        """Whether the owner's clock runs ahead of ours by more than `STALE_AFTER`."""
        beat = _parse(self.heartbeat)
        return beat is not None and beat - now >= STALE_AFTER


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class WriterLock:
    """The held lock; `release()` (or leaving the `with` block) gives it back."""

    def __init__(self, path: Path, handle: IO[bytes], owner: Owner) -> None:
        self.path = path
        self._handle: IO[bytes] | None = handle
        self.owner = owner

    def heartbeat(self, now: dt.datetime | None = None) -> None:
        """Show the lock is alive (the window calls this every `HEARTBEAT_EVERY`)."""
        if self._handle is None:
            return
        stamp = (now or dt.datetime.now()).isoformat(timespec="seconds")
        self.owner = Owner(**{**asdict(self.owner), "heartbeat": stamp})
        try:
            _write_owner(self._handle, self.owner)
        except OSError:  # a share gone away: the next open will say so
            log.warning("Không cập nhật được tệp khóa %s", self.path, exc_info=True)

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            handle.seek(0)
            handle.truncate()  # an empty lock file means "nobody"
            handle.flush()
        except OSError:
            log.warning("Không xóa được thông tin khóa %s", self.path, exc_info=True)
        finally:
            _os_unlock(handle)
            _close_quietly(handle)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


@dataclass(frozen=True)
class Refusal:
    """The lock is someone else's: who (None when the lock file cannot even be read)."""

    owner: Owner | None

    def describe(self) -> str:
        if self.owner is None:
            return "Tệp đang được một chương trình khác mở để ghi." + _LOCAL_HINT
        hint = _LOCAL_HINT if self.owner.host == _host() else _REMOTE_HINT
        if self.owner.clock_ahead(dt.datetime.now()):
            hint += (
                f" Đồng hồ của máy {self.owner.host} đang chạy nhanh hơn máy này: hãy chỉnh "
                "lại ngày giờ của máy đó."
            )
        return self.owner.describe() + hint


# What to do when the writer is in fact gone (a crash, a power cut): the lock outlives it for
# a while, on this computer (Windows) or on the file server.
_LOCAL_HINT = (
    " Nếu không còn cửa sổ nào của chương trình đang mở (chương trình vừa bị tắt đột ngột), hãy "
    "đóng chương trình và mở lại sau ít phút: hệ thống có thể còn giữ khóa một lúc, nhất là với "
    "thư mục dùng chung qua mạng."
)
_REMOTE_HINT = (
    " Nếu máy đó đã tắt hoặc chương trình trên máy đó bị tắt đột ngột, tệp sẽ mở được để ghi "
    "khi máy chủ chia sẻ tệp nhả khóa của máy đó và máy đó đã không báo hoạt động quá "
    f"{STALE_AFTER.seconds // 60} phút."
)


def acquire(
    db_path: Path, now: dt.datetime | None = None, wait: dt.timedelta | None = None
) -> WriterLock | Refusal:
    """Take the writer lock of `db_path`, or say who holds it. A held OS lock is tried again
    for `wait` (default `RELEASE_WAIT`): it may belong to a process that just died."""
    now = now or dt.datetime.now()
    path = lock_path(db_path)
    handle = _open(path)
    if not _os_lock_within(handle, RELEASE_WAIT if wait is None else wait):
        owner = read_owner(path)
        handle.close()
        return Refusal(owner)
    previous = read_owner(path)
    if previous is not None and previous.host != _host() and _is_live(previous, path, now):
        # The OS granted the lock, but another computer signed its life recently: an OS lock
        # that does not reach across the share. Respect the other writer.
        _os_unlock(handle)
        handle.close()
        return Refusal(previous)
    if previous is None and _unreadable_but_recent(path):
        # Someone wrote there lately what this version cannot read: not "nobody".
        _os_unlock(handle)
        handle.close()
        return Refusal(None)
    if previous is not None:
        log.warning(
            "Phiên làm việc trước (%s) không đóng tệp đúng cách; tiếp quản khóa %s",
            previous,
            path,
        )
    stamp = now.isoformat(timespec="seconds")
    owner = Owner(_host(), _user(), os.getpid(), stamp, stamp, __version__)
    try:
        _write_owner(handle, owner)
    except OSError:
        _os_unlock(handle)
        _close_quietly(handle)  # closing flushes again, and fails again on a full disk
        raise
    return WriterLock(path, handle, owner)


def _close_quietly(handle: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        handle.close()


def _os_lock_within(handle: IO[bytes], wait: dt.timedelta) -> bool:
    """Take the OS lock, trying again every `RETRY_EVERY` until `wait` has passed."""
    deadline = time.monotonic() + wait.total_seconds()
    while not _os_lock(handle):
        if time.monotonic() >= deadline:
            return False
        time.sleep(RETRY_EVERY.total_seconds())
    return True


def _is_live(owner: Owner, path: Path, now: dt.datetime) -> bool:
    """Whether another computer's lock shows a recent sign of life."""
    if owner.clock_ahead(now):  # its clock is wrong: trust the file system's instead
        return _changed_within(path, STALE_AFTER)
    return owner.is_fresh(now)


def _unreadable_but_recent(path: Path) -> bool:
    try:
        has_text = bool(path.read_bytes().strip())
    except OSError:
        return False
    return has_text and _changed_within(path, STALE_AFTER)


def _changed_within(path: Path, span: dt.timedelta) -> bool:
    """Whether the file changed less than `span` ago, by this computer's clock."""
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    return -span.total_seconds() < age < span.total_seconds()


def read_owner(path: Path) -> Owner | None:
    """The owner written in the lock file at `path`, or None (empty, missing or unreadable).

    Keys this version does not know (a newer version's) are ignored; the computer and the
    heartbeat are required, the rest has defaults.
    """
    try:
        with path.open("rb") as handle:
            text = handle.read(4096).decode("utf-8")
        data = json.loads(text) if text.strip() else None
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    host, beat = data.get("host"), data.get("heartbeat")
    if not isinstance(host, str) or not host or not isinstance(beat, str):
        return None
    pid = data.get("pid")
    return Owner(
        host=host,
        user=str(data.get("user") or "?"),
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else 0,
        since=str(data.get("since") or beat),
        heartbeat=beat,
        version=str(data.get("version") or ""),
    )


def _open(path: Path) -> IO[bytes]:
    # "a+b" creates the file without truncating someone else's owner text.
    handle = path.open("a+b")
    handle.seek(0)
    return handle


def _write_owner(handle: IO[bytes], owner: Owner) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(asdict(owner), ensure_ascii=False).encode("utf-8"))
    handle.flush()
    os.fsync(handle.fileno())


if sys.platform == "win32":
    import msvcrt

    def _os_lock(handle: IO[bytes]) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(0)
        return True

    def _os_unlock(handle: IO[bytes]) -> None:
        handle.seek(_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        handle.seek(0)

else:
    import fcntl

    def _os_lock(handle: IO[bytes]) -> bool:
        # flock belongs to the open file, not the process: a second open in the same
        # process is refused too, like a second instance.
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _os_unlock(handle: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _host() -> str:
    return socket.gethostname() or "?"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def _parse(stamp: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
