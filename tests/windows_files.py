"""Windows' rule for open files, simulated on Linux: a file that a handle of this process
holds open cannot be deleted (WinError 32, "being used by another process"), so neither can
its folder. On Windows the real rule applies and nothing is replaced.

Linux allows deleting an open file, which hides the Windows fault of deleting a file still
held by a library (QPdfDocument, an open database, a log handler).
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

SHARING_VIOLATION = (
    "The process cannot access the file because it is being used by another process "
    "(WinError 32, simulated)"
)


def files_held_open() -> set[str]:
    """Every file this process has open, by its real path (from /proc/self/fd)."""
    held = set()
    for entry in os.listdir("/proc/self/fd"):
        try:
            held.add(os.path.realpath(os.readlink(f"/proc/self/fd/{entry}")))
        except OSError:  # the descriptor of the listing itself, gone already
            continue
    return held


def refuse_deleting_open_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make os.unlink and os.remove refuse, as Windows does, to delete an open file."""
    if sys.platform == "win32":
        return
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc/self/fd to know which files are open")
    real_unlink = os.unlink

    def unlink(path: str | bytes | os.PathLike[str], *, dir_fd: int | None = None) -> None:
        name = os.fsdecode(path)
        if dir_fd is not None and not os.path.isabs(name):  # shutil.rmtree's fd-based walk
            name = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), name)
        if os.path.realpath(name) in files_held_open():
            raise PermissionError(errno.EACCES, SHARING_VIOLATION, name)
        real_unlink(path, dir_fd=dir_fd)

    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "remove", unlink)
