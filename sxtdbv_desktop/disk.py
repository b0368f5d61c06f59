"""What the disk under a file allows: is it full, read-only media, a folder without permission,
a file marked read-only?

SQLite and the operating system report these with generic words ("disk I/O error", "unable to
open database file", EACCES) that read like damage. This module looks at the place itself, so
that a healthy file on a full or read-only disk is never called damaged, and the user is told
what is wrong and what to do, in Vietnamese.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import uuid
from pathlib import Path

from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.labels import DATA_FILE

PROBE_BYTES = 64 * 1024
"""What a probe writes: a few pages, about what opening a file for work needs (WAL index,
lock file, journal), so that a disk with a handful of bytes left counts as full."""

_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_NO_PERMISSION = (errno.EACCES, errno.EPERM)


def full_message(folder: Path) -> str:
    return (
        f"Ổ đĩa đã đầy (ổ chứa thư mục {folder}): không ghi được gì thêm. Hãy giải phóng dung "
        "lượng (xóa bớt tệp không cần, dọn Thùng rác) rồi thử lại; dữ liệu đã lưu trước đó vẫn "
        "còn nguyên."
    )


def read_only_media_message(folder: Path) -> str:
    return (
        f"Ổ đĩa chứa thư mục {folder} chỉ cho phép đọc (đĩa CD/DVD, USB đã gạt khóa chống ghi, "
        "hoặc thư mục dùng chung chỉ cho đọc): chỉ xem được, không lưu được. Muốn làm việc, hãy "
        "chép tệp dữ liệu vào máy rồi mở bản đã chép."
    )


def no_permission_message(folder: Path) -> str:
    return (
        f"Tài khoản Windows này không có quyền ghi vào thư mục {folder}: chỉ xem được, không lưu "
        "được. Hãy nhờ quản trị máy cấp quyền ghi, hoặc chép tệp dữ liệu sang thư mục khác."
    )


def read_only_file_message(path: Path) -> str:
    return (
        f"{DATA_FILE} {path.name} đang được đặt thuộc tính chỉ đọc (Read-only): chỉ xem được, "
        "không lưu được. Muốn sửa, hãy đóng chương trình, bấm chuột phải vào tệp → Properties "
        "(Thuộc tính) → bỏ chọn «Read-only», rồi mở lại."
    )


def write_obstacle(path: Path) -> StorageError | None:
    """Why the data file `path` (existing or to be created) cannot be written, or None.

    Checked before opening a file for work: what it finds opens the file read-only with this
    reason instead of failing at the first save. The folder is probed by writing a small
    temporary file, which is the only test that sees ACLs, quotas and full disks alike.
    """
    folder = existing_folder(path.parent)
    if is_read_only_media(folder):
        return StorageError("read_only", read_only_media_message(folder))
    if path.exists() and is_read_only_file(path):
        return StorageError("read_only", read_only_file_message(path))
    return probe_folder(folder)


def probe_folder(folder: Path) -> StorageError | None:
    """Write and delete a small temporary file in `folder`; what stopped it, or None."""
    error = probe_error(folder)
    return None if error is None else os_storage_error(error, folder)


def probe_error(folder: Path) -> OSError | None:
    """The operating system's error when writing a small temporary file in `folder`."""
    probe = folder / f".sxtdbv-thu-ghi-{uuid.uuid4().hex[:8]}.tmp"
    try:
        with probe.open("xb") as handle:
            handle.write(b"\0" * PROBE_BYTES)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        return error
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return None


def os_storage_error(error: OSError, place: Path) -> StorageError:
    """The `StorageError` for an operating-system error met while writing at `place`."""
    folder = place if place.is_dir() else place.parent
    if error.errno in _FULL:
        return StorageError("disk_full", full_message(folder))
    if error.errno == errno.EROFS or is_read_only_media(existing_folder(folder)):
        return StorageError("read_only", read_only_media_message(folder))
    if error.errno in _NO_PERMISSION or isinstance(error, PermissionError):
        return StorageError("read_only", no_permission_message(folder))
    if error.errno == errno.ENOENT:
        return StorageError("missing", f"Không tìm thấy thư mục hoặc tệp {place}.")
    if error.errno in (errno.EISDIR, errno.ENOTDIR, errno.EEXIST):
        return StorageError(
            "io", f"Không dùng được {place}: đường dẫn trùng với một thư mục hoặc một tệp có sẵn."
        )
    return StorageError("io", f"Lỗi đọc/ghi ổ đĩa với {place}: {error.strerror or error}.")


def diagnose(path: Path) -> StorageError | None:
    """After SQLite failed to read or write `path` with an I/O error: the environment's
    reason (full disk, read-only media, no permission), or None when the place looks fine
    (then the error is the file's own)."""
    folder = existing_folder(path.parent)
    if is_read_only_media(folder):
        return StorageError("read_only", read_only_media_message(folder))
    return probe_folder(folder)


def is_read_only_file(path: Path) -> bool:
    """Whether the file is marked read-only (Windows' attribute, or no write bit anywhere).

    The mode bits are read as well as `os.access`, so that an administrator account (which
    `os.access` lets write anything) still respects a file someone deliberately protected.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK)


def is_read_only_media(folder: Path) -> bool:
    """Whether the file system holding `folder` is mounted (or marked) read-only."""
    if sys.platform == "win32":
        return _windows_read_only_volume(folder)
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _windows_read_only_volume(folder: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes  # noqa: PLC0415

    file_read_only_volume = 0x00080000
    root = os.path.splitdrive(str(folder.resolve()))[0] + "\\"
    flags = ctypes.c_ulong(0)
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    ok = windll.kernel32.GetVolumeInformationW(
        ctypes.c_wchar_p(root), None, 0, None, None, ctypes.byref(flags), None, 0
    )
    return bool(ok) and bool(flags.value & file_read_only_volume)


def existing_folder(folder: Path) -> Path:
    """`folder`, or its nearest existing parent (a folder still to be created)."""
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            return candidate
    return folder
