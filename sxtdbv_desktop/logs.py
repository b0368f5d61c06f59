"""The program's log: rotating files in the data folder, for whoever investigates a problem.

`logs/sxtdbv.log` in the user's data folder (with up to `BACKUP_COUNT` older files beside it,
`sxtdbv.log.1` ...), UTF-8, one line per event: start, files opened, backups, restores, refused
locks, and every unexpected error with its traceback. Nothing personal beyond the login name.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import platform
import sys
from pathlib import Path
from typing import IO

from sxtdbv_desktop import __version__
from sxtdbv_desktop.paths import data_dir

LOG_NAME = "sxtdbv.log"
FAULT_LOG_NAME = "loi-nghiem-trong.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

_fault_file: IO[str] | None = None


def log_dir() -> Path:
    return data_dir() / "logs"


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the root logger to the rotating log file; return its path. Calling it again
    with the same folder does nothing more."""
    folder = directory or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == path.resolve()
        ):
            return path
    handler = QuietRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(min(root.getEffectiveLevel(), level))
    logging.getLogger(__name__).info(
        "SX&TDBV Desktop %s khởi động (Python %s, %s)",
        __version__,
        platform.python_version(),
        system_name(),
    )
    return path


def system_name() -> str:
    """ "Windows 10 10.0.19045 AMD64", "Linux 6.1.0 #1 SMP … x86_64": the system as
    `platform.uname` gives it. Not `platform.platform()`, which on Linux reads the Python
    executable for its C library and runs `uname -p` (7–8 ms at every start)."""
    system = platform.uname()  # its processor field, the slow one, is read only on demand
    return " ".join(part for part in (system.system, system.release, system.version,
                                      system.machine) if part)  # fmt: skip


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log file, failing quietly: a full disk or a vanished folder under the log must
    neither stop the program nor print "--- Logging error ---" tracebacks on its console.

    A record that cannot be written is dropped; the file is closed, so that the next record
    tries to open it again (the clerk may have freed some space meanwhile).
    """

    def handleError(self, record: logging.LogRecord) -> None:
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.close()


def fault_log_is_meaningful(system: str | None = None) -> bool:
    """Whether the fault log would hold only real crashes on `system` (default: this one).

    Not on Windows: there faulthandler also writes every first-chance exception that is then
    handled, as "Windows fatal exception" with a traceback, and COM and the shell raise and
    handle such exceptions in the native file and print dialogs. The log would blame the
    program for crashes that never happened; Windows records real ones itself (Event Viewer,
    "Application Error").
    """
    return (system or sys.platform) != "win32"


def enable_fault_log(directory: Path | None = None) -> Path:
    """Write a traceback to a file if the process dies hard (a crash inside Qt or SQLite),
    where no Python handler runs. The window calls this once at start-up."""
    global _fault_file  # noqa: PLW0603  (one file for the process's life)
    folder = directory or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FAULT_LOG_NAME
    if _fault_file is None:
        _fault_file = path.open("a", encoding="utf-8")
        faulthandler.enable(_fault_file)
    return path


def remove_handlers(directory: Path) -> None:
    """Detach and close the log file handlers writing into `directory` (tests, shutdown)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename).parent == directory.resolve()
        ):
            root.removeHandler(handler)
            handler.close()
