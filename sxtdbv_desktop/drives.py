"""Whether a file lives on a network share, where SQLite's locking and WAL are not reliable.

Windows: a UNC path (\\\\server\\share\\...) or a drive letter mapped to a share
(GetDriveTypeW == DRIVE_REMOTE). Linux: the file system type of its mount in /proc/mounts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "afs",
        "9p",
        "ncpfs",
        "fuse.sshfs",
        "davfs",
        "fuse.davfs2",
    }
)
_DRIVE_REMOTE = 4


def is_network_path(path: Path) -> bool:
    """Whether `path` (existing or not) is on a network share, as far as the system tells."""
    if sys.platform == "win32":
        return _windows_is_remote(path)
    return mount_type(path, Path("/proc/mounts")) in NETWORK_FILE_SYSTEMS


def network_warning(path: Path) -> str | None:
    """The Vietnamese warning to show when `path` is on a network share, else None."""
    if not is_network_path(path):
        return None
    return (
        f"Tệp dữ liệu {path.name} nằm trên thư mục dùng chung qua mạng. SQLite không khóa tệp "
        "tin cậy qua mạng: nếu mạng chập chờn hoặc hai máy cùng ghi, dữ liệu có thể hỏng. Hãy "
        "để tệp dữ liệu trên ổ đĩa của máy này và chỉ chép bản sao lưu lên thư mục dùng chung."
    )


def mount_type(path: Path, mounts: Path) -> str | None:
    """The file system type of the mount holding `path`, read from a /proc/mounts-style file."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, fields[2]
    return best_type


def _unescape(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _windows_is_remote(path: Path) -> bool:
    text = str(path.resolve()) if path.exists() else os.path.abspath(path)
    upper = text.upper()
    if upper.startswith("\\\\?\\UNC\\"):
        return True
    if upper.startswith(("\\\\?\\", "\\\\.\\")):
        text = text[4:]  # an extended-length local path: look at its drive
    elif text.startswith(("\\\\", "//")):
        return True
    drive = os.path.splitdrive(text)[0]
    return bool(drive) and _drive_type(drive + "\\") == _DRIVE_REMOTE


if sys.platform == "win32":
    import ctypes

    def _drive_type(root: str) -> int:
        return int(ctypes.windll.kernel32.GetDriveTypeW(root))

else:

    def _drive_type(root: str) -> int:
        raise OSError("GetDriveTypeW exists only on Windows")
