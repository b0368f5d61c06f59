"""Whether a file lives where SQLite's locking and WAL are not reliable: on a network share, or
in a folder that a sync client (OneDrive and the like) copies to and from the cloud.

Windows: a UNC path (\\\\server\\share\\...) or a drive letter mapped to a share
(GetDriveTypeW == DRIVE_REMOTE); a synced folder is one of OneDrive's folders (its environment
variables) or a path whose file or folders carry the cloud-file attributes. Linux: the file
system type of its mount in /proc/mounts. The Windows decisions are plain functions of a path
and of the OS call, so that they are tested anywhere with the call replaced.
"""

from __future__ import annotations

import ntpath
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from sxtdbv_desktop.labels import DATA_FILE

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
DRIVE_REMOTE = 4  # GetDriveTypeW

# GetFileAttributesW bits that only files managed by a cloud sync client carry (Windows 10's
# cloud files API: OneDrive's Files On-Demand, and other providers built on it): a placeholder
# whose data is fetched on access, or a file the user pinned to or freed from this device.
# A synced file that is simply present carries none of them, hence the sync folders too.
FILE_ATTRIBUTE_OFFLINE = 0x1000
FILE_ATTRIBUTE_RECALL_ON_OPEN = 0x40000
FILE_ATTRIBUTE_PINNED = 0x80000
FILE_ATTRIBUTE_UNPINNED = 0x100000
FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS = 0x400000
CLOUD_FILE_ATTRIBUTES = (
    FILE_ATTRIBUTE_OFFLINE
    | FILE_ATTRIBUTE_RECALL_ON_OPEN
    | FILE_ATTRIBUTE_PINNED
    | FILE_ATTRIBUTE_UNPINNED
    | FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS
)
# Set by the OneDrive client for each signed-in account (personal, work or school).
SYNC_FOLDER_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def is_network_path(path: Path) -> bool:
    """Whether `path` (existing or not) is on a network share, as far as the system tells."""
    if _on_windows():
        return windows_path_is_remote(_windows_full_path(path), _drive_type)
    return mount_type(path, Path("/proc/mounts")) in NETWORK_FILE_SYSTEMS


def is_synced_path(path: Path) -> bool:
    """Whether `path` is in a folder a sync client copies to the cloud (Windows only: elsewhere
    such clients do not present themselves to programs)."""
    if _on_windows():
        return windows_path_is_synced(_windows_full_path(path), _file_attributes, os.environ)
    return False


def network_warning(path: Path) -> str | None:
    """The Vietnamese warning to show when `path` is on a network share or in a synced folder,
    else None."""
    if is_network_path(path):
        return (
            f"{DATA_FILE} {path.name} nằm trên thư mục dùng chung qua mạng. SQLite không khóa "
            "tệp tin cậy qua mạng: nếu mạng chập chờn hoặc hai máy cùng ghi, dữ liệu có thể "
            "hỏng. Hãy để tệp dữ liệu trên ổ đĩa của máy này và chỉ chép bản sao lưu lên thư "
            "mục dùng chung."
        )
    if is_synced_path(path):
        return (
            f"{DATA_FILE} {path.name} nằm trong thư mục được đồng bộ lên mạng (OneDrive hoặc "
            "dịch vụ tương tự). Chương trình đồng bộ có thể chép tệp khi đang ghi dở, hoặc thay "
            "nó bằng bản của máy khác: dữ liệu có thể hỏng hoặc mất. Hãy để tệp dữ liệu ở thư "
            "mục không đồng bộ trên máy này và chỉ chép bản sao lưu vào thư mục đồng bộ."
        )
    return None


def mount_type(path: Path, mounts: Path) -> str | None:
    """The file system type of the mount holding `path`, read from a /proc/mounts-style file
    (Linux only: the paths compared are POSIX paths)."""
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


def windows_path_is_remote(full_path: str, drive_type: Callable[[str], int]) -> bool:
    """Whether the full Windows path `full_path` is on a share: a UNC path, or a drive that
    `drive_type` (GetDriveTypeW on a root such as "D:\\") calls remote."""
    upper = full_path.upper()
    if upper.startswith("\\\\?\\UNC\\"):
        return True
    if upper.startswith(("\\\\?\\", "\\\\.\\")):
        full_path = full_path[4:]  # an extended-length local path: look at its drive
    elif full_path.startswith(("\\\\", "//")):
        return True
    drive = ntpath.splitdrive(full_path)[0]
    return bool(drive) and drive_type(drive + "\\") == DRIVE_REMOTE


def windows_path_is_synced(
    full_path: str, attributes: Callable[[str], int | None], environ: Mapping[str, str]
) -> bool:
    """Whether the full Windows path `full_path` is in a synced folder: inside a OneDrive
    folder named by `environ`, or with a cloud-file attribute on the file or a folder above
    it. `attributes` is GetFileAttributesW (None for a path that does not exist)."""
    roots = [environ[name] for name in SYNC_FOLDER_VARIABLES if environ.get(name)]
    if any(_windows_inside(full_path, root) for root in roots):
        return True
    return any(
        (attributes(candidate) or 0) & CLOUD_FILE_ATTRIBUTES
        for candidate in _windows_self_and_parents(full_path)
    )


def _windows_inside(path: str, folder: str) -> bool:
    path, folder = ntpath.normcase(path), ntpath.normcase(folder).rstrip("\\")
    return path == folder or path.startswith(folder + "\\")


def _windows_self_and_parents(path: str) -> Iterator[str]:
    while True:
        yield path
        parent = ntpath.dirname(path)
        if parent == path:
            return
        path = parent


def _on_windows() -> bool:
    # A call rather than an inline test, so that mypy checks both branches on either system
    # (inline, it calls the other system's branch unreachable) and tests can fake Windows.
    return sys.platform == "win32"


def _windows_full_path(path: Path) -> str:
    return str(path.resolve()) if path.exists() else os.path.abspath(path)


if sys.platform == "win32":
    import ctypes

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.GetDriveTypeW.argtypes = [ctypes.c_wchar_p]
    _kernel32.GetDriveTypeW.restype = ctypes.c_uint
    _kernel32.GetFileAttributesW.argtypes = [ctypes.c_wchar_p]
    _kernel32.GetFileAttributesW.restype = ctypes.c_uint32
    _INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF

    def _drive_type(root: str) -> int:
        return int(_kernel32.GetDriveTypeW(root))

    def _file_attributes(path: str) -> int | None:
        value = int(_kernel32.GetFileAttributesW(path))
        return None if value == _INVALID_FILE_ATTRIBUTES else value

else:

    def _drive_type(root: str) -> int:
        raise OSError("GetDriveTypeW exists only on Windows")

    def _file_attributes(path: str) -> int | None:
        raise OSError("GetFileAttributesW exists only on Windows")
