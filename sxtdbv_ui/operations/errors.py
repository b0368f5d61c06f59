"""The error policy of the window's commands, in one place.

An error is either the environment's or the data's, which the user can act on (a rule the
core enforces, a locked or damaged file, a full disk, a file open in Excel), or our bug:

- `explain(error)` is the Vietnamese message of the first kind, None for a bug;
- `report(parent, what, error)` shows the message in a warning titled with the command
  (`what`), or, for a bug, logs it with its traceback and hands it to the crash dialog
  (through `sys.excepthook`, which `sxtdbv_ui.safety.crash.CrashHandler` holds in the program),
  wrapped in `CommandFailed` so the dialog names the command.

Callers never write `except Exception`, nor show `str(error)`.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import sys

from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.output_files import NO_FOLDER
from sxtdbv_desktop.storage import known_error
from sxtdbv_ui import msgbox
from sxtdbv_ui.safety.crash import CommandFailed

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised by background work that stops because the user asked it to."""


def explain(error: BaseException) -> str | None:
    """What to tell the user about an error they can act on; None when it is our bug."""
    if isinstance(error, SxtdbvError):
        return error.message
    if isinstance(error, sqlite3.Error) and (known := known_error(error)) is not None:
        return known.message
    if isinstance(error, OSError):
        return describe_os_error(error)
    return None


def describe_os_error(error: OSError) -> str:
    """A file the system refused to read or write, in words that say what to do."""
    where = f" ({error.filename})" if error.filename else ""
    if error.errno == errno.ENOSPC:
        return f"Ổ đĩa đã đầy{where}. Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác."
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Không có quyền ghi hoặc đọc{where}: tệp đang mở trong chương trình khác (Excel, "
            "trình đọc PDF), hoặc thư mục chỉ cho phép đọc. Hãy đóng tệp đó hoặc chọn nơi khác."
        )
    if isinstance(error, FileNotFoundError):
        return f"Không tìm thấy tệp hoặc thư mục{where}."
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return f"{NO_FOLDER}{where}: trên đường dẫn có một tệp trùng tên. Hãy chọn thư mục khác."
    if error.errno == errno.EROFS:
        return f"Ổ đĩa chỉ cho phép đọc{where}. Hãy chọn thư mục khác."
    return f"Lỗi đọc/ghi tệp{where}: {error.strerror or error}."


def report(parent: QWidget | None, what: str, error: BaseException) -> None:
    """Tell the user that the command `what` failed: its reason, or the crash dialog."""
    message = explain(error)
    if message is None:
        report_bug(what, error)
        return
    if isinstance(error, OSError):  # the environment's fault, but support may ask
        log.warning("%s: %s", what, message, exc_info=error)
    else:
        log.info("%s: %s", what, message)
    msgbox.warn(alive(parent), what, message)


def report_bug(what: str, error: BaseException) -> None:
    """Log an unexpected error with its traceback and show the crash dialog, naming `what`."""
    wrapped = CommandFailed(what)
    wrapped.__cause__ = error
    wrapped.__traceback__ = error.__traceback__
    sys.excepthook(CommandFailed, wrapped, error.__traceback__)


def alive(widget: QWidget | None) -> QWidget | None:
    """`widget`, or None once Qt has deleted it (a window closed while its work ran)."""
    return widget if widget is not None and Shiboken.isValid(widget) else None
