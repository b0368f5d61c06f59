"""How the window runs a user's command, and what it says when the command fails.

Every command is a plain core call (`sxtdbv_desktop`), run one of two ways:

- `run(parent, what, call, success=…, failure=…)`: on the GUI thread, for what takes a
  moment (writing one file, saving a plan file, a backup).
- `run_in_background(parent, what, work, success=…, failure=…, progress=label)`: on a
  worker thread, for what takes seconds (reading received forms, writing forms, laying out
  the consolidated report). `work(progress)` gets a `Progress` to report steps through
  (`progress.step(done, total, text)`, False once the user asked to stop; `progress.check()`
  raises `Cancelled`). With a `progress` label the user sees a progress dialog after a short
  delay and cannot touch the window meanwhile. The work must not touch the database (SQLite
  connections belong to the GUI thread): read what it needs first, write afterwards in
  `success`.

The callbacks run on the GUI thread. One error policy (`sxtdbv_ui.operations.errors`): an error the
user can act on (the core's typed errors, a known SQLite or file-system error) goes to
`failure(message)` if given, else to a warning titled `what`; anything else is our bug: it is
logged with its traceback and shown in the crash dialog, naming `what`. Nobody else writes
`except Exception`, and no `QThread` or `QEventLoop` exists outside this package.

Example, a command that writes a file in the background and says where::

    operations.run_in_background(
        window, "Xuất bảng ra Excel", lambda progress: write(rows, path),
        success=lambda written: msgbox.inform(window, "Xuất bảng ra Excel", f"Đã ghi {written}."),
        progress="Đang ghi tệp Excel…",
    )

Tests wait for background work with `qtbot.waitUntil(operations.idle)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from sxtdbv_ui.operations import errors
from sxtdbv_ui.operations.errors import Cancelled, alive, explain
from sxtdbv_ui.operations.progress import InputGuard, Progress, ProgressWindow
from sxtdbv_ui.operations.taskman import manager

__all__ = [
    "BackgroundOp",
    "Cancelled",
    "Progress",
    "cancel_all",
    "explain",
    "idle",
    "run",
    "run_in_background",
]

log = logging.getLogger(__name__)
T = TypeVar("T")
Failure = Callable[[str], object]

_running: list[BackgroundOp] = []


def run(
    parent: QWidget | None,
    what: str,
    call: Callable[[], T],
    *,
    success: Callable[[T], object] | None = None,
    failure: Failure | None = None,
) -> bool:
    """Run the core call `call()` now, on the GUI thread; True when it succeeded.

    `success(result)` follows; an error the user can act on goes to `failure(message)` (or a
    warning titled `what`); a bug goes to the log and the crash dialog.
    """
    try:
        result = call()
    except Exception as error:  # the one boundary: sorted by the policy
        _failed(parent, what, error, failure)
        return False
    if success is not None:
        success(result)
    return True


class BackgroundOp(QObject):
    """Work running in the background. `progressed` carries its steps (for a dialog that shows
    progress itself); `finished` follows every outcome, after the callbacks."""

    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(self, parent: QWidget | None, what: str) -> None:
        super().__init__()
        self.parent_widget, self.what = parent, what
        self.progress = Progress()
        self.progress.stepped.connect(self.progressed)
        self.done = False

    def cancel(self) -> None:
        """Ask the work to stop at its next step."""
        self.progress.cancel()

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled


def run_in_background(
    parent: QWidget | None,
    what: str,
    work: Callable[[Progress], T],
    *,
    success: Callable[[T], object],
    failure: Failure | None = None,
    progress: str | None = None,
    cancellable: bool = False,
) -> BackgroundOp:
    """Start `work(progress)` on a worker thread; `success(result)` runs on the GUI thread.

    Work that raises `Cancelled` ends without `success`; work that stops early by itself
    (`step` returned False) returns its partial result to `success`, which can read
    `op.cancelled`. See the module's documentation for the error policy.
    """
    op = BackgroundOp(parent, what)
    window: ProgressWindow | None = None
    guard: InputGuard | None = None
    if progress is not None:
        window = ProgressWindow(parent, what, progress, cancellable)
        window.canceled.connect(op.cancel)
        op.progressed.connect(window.show_step)
        guard = InputGuard(window)
        guard.install()

    def finish(future: Future[T]) -> None:
        if guard is not None:
            guard.remove()
        if window is not None:
            window.reset()
            window.hide()
            window.deleteLater()
        op.done = True
        try:
            _deliver(op, future, success, failure)
        finally:
            _running.remove(op)
            op.finished.emit()

    _running.append(op)
    manager().run_in_background(lambda: work(op.progress), finish)
    return op


def _deliver(
    op: BackgroundOp,
    future: Future[T],
    success: Callable[[T], object],
    failure: Failure | None,
) -> None:
    error = future.exception()
    if isinstance(error, Cancelled):
        log.info("%s: dừng theo yêu cầu của người dùng", op.what)
    elif error is not None:
        _failed(op.parent_widget, op.what, error, failure)
    else:
        success(future.result())


def _failed(
    parent: QWidget | None, what: str, error: BaseException, failure: Failure | None
) -> None:
    message = explain(error)
    if message is not None and failure is not None:
        log.info("%s: %s", what, message)
        failure(message)
    else:
        errors.report(alive(parent), what, error)


def idle() -> bool:
    """No background work is running (tests wait for this)."""
    return not _running and manager().idle


def cancel_all() -> None:
    """Ask every background work to stop (the window is closing)."""
    for op in _running:
        op.cancel()
