"""Reading a file someone handed us: only a regular file, and never more than a limit.

A received form or plan file is named by the user (or dropped on the window). A FIFO would
make `read()` wait forever for a writer; a link to `/dev/zero` or `/dev/urandom` never ends and
exhausts the memory. So the file's kind and size are checked before it is read, on the opened
file itself (no one can swap it in between), and the read stops one byte past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotReadable(Exception):
    """The file cannot be read as asked; `rule` says why in Vietnamese (without its name)."""

    def __init__(self, rule: str) -> None:
        super().__init__(rule)
        self.rule = rule


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, which must not exceed `limit` bytes."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # stat does not wait on a FIFO
            raise NotReadable(_NOT_REGULAR)
        # O_NONBLOCK: should a FIFO appear between the two looks, opening it does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise NotReadable(unreadable(error)) from error
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(_NOT_REGULAR)
        if info.st_size > limit:
            raise NotReadable(too_large(info.st_size, limit))
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise NotReadable(unreadable(error)) from error
    if len(data) > limit:  # it grew while we looked
        raise NotReadable(too_large(len(data), limit))
    return data


def too_large(size: int, limit: int, purpose: str = "") -> str:
    """ "tệp quá lớn (30 MB, tối đa 20 MB)." or, with `purpose`, "… MB) cho một biểu mẫu."."""
    megabytes = max(1, size // (1024 * 1024))
    reason = f"tệp quá lớn ({megabytes} MB, tối đa {limit // (1024 * 1024)} MB)"
    return f"{reason} {purpose}." if purpose else f"{reason}."


def unreadable(error: OSError) -> str:
    return f"không đọc được tệp ({error.strerror or error})."


_NOT_REGULAR = (
    "không phải là một tệp thông thường (có thể là thư mục, thiết bị hoặc đường ống); "
    "hãy chọn đúng tệp."
)
