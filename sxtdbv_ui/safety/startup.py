"""What the window does before it shows: error handling first, then the data file opened
safely (restore offer for a damaged file, first-start choices for a new one)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from sxtdbv_desktop import installation, locking, logs
from sxtdbv_desktop.errors import StorageError
from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_desktop.session import open_session
from sxtdbv_ui import msgbox, texts
from sxtdbv_ui.safety.crash import CrashHandler, install_crash_handler
from sxtdbv_ui.safety.first_start import run_first_start
from sxtdbv_ui.safety.restore_dialog import offer_restore

log = logging.getLogger(__name__)
_OFFER_RESTORE = ("damaged", "not_database")


def install_error_handling() -> CrashHandler:
    """The rotating log, the fault log (not on Windows: `logs.fault_log_is_meaningful`) and
    the crash dialog; call once, after QApplication."""
    log_path: Path | None
    try:
        log_path = logs.setup_logging()
        if logs.fault_log_is_meaningful():
            logs.enable_fault_log()
    except OSError:  # a data folder we cannot write: keep working without a log file
        log_path = None
    return install_crash_handler(log_path)


def open_for_window(path: Path, parent: QWidget | None = None) -> DataFile | None:
    """Open `path` for the window; None when the user gave up (the program then quits).

    A damaged or foreign file gets the offer to restore a backup, then is opened again; other
    storage errors are shown. A writable file without first-start choices gets the dialog
    (a read-only viewer leaves that to the writer).
    """
    while True:
        try:
            data_file = open_session(path)
            break
        except StorageError as error:
            log.warning("Không mở được %s: %s", path, error.message)
            if error.reason in _OFFER_RESTORE and offer_restore(path, error, parent):
                continue
            if error.reason not in _OFFER_RESTORE:
                msgbox.warn(parent, texts.APP_TITLE, error.message)
            return None
    first_start = not data_file.read_only and installation.needs_first_start(data_file.db)
    if first_start and not run_first_start(data_file.db, parent):
        data_file.close()
        return None
    return data_file


def start_heartbeat(data_file: DataFile, parent: QObject) -> QTimer:
    """Keep the writer lock fresh, so that another computer sees this one is still working."""
    timer = QTimer(parent)
    timer.setInterval(int(locking.HEARTBEAT_EVERY.total_seconds() * 1000))
    timer.timeout.connect(data_file.heartbeat)
    timer.start()
    return timer
