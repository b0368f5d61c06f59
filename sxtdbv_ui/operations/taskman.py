"""The one place where the window's work leaves the GUI thread.

`TaskManager` runs functions on a small pool of Python threads (`concurrent.futures`) and
hands their outcome back to the GUI thread through a queued Qt signal, as Anki's `taskman`
does: no `QThread` to manage, no nested event loop, and the window keeps painting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

Closure = Callable[[], None]

_WORKERS = 2  # enough for a report and an import at once; the GUI thread stays free


class TaskManager(QObject):
    """Runs work in the background; its `on_done` callbacks run on the GUI thread."""

    _closures_pending = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(_WORKERS, thread_name_prefix="sxtdbv-work")
        self._closures: list[Closure] = []
        self._lock = threading.Lock()
        self._running = 0
        self._closures_pending.connect(self._run_closures)

    def run_in_background(
        self, task: Callable[[], Any], on_done: Callable[[Future[Any]], None]
    ) -> Future[Any]:
        """Start `task` on a worker thread; `on_done(future)` runs on the GUI thread after."""
        self._running += 1

        def done(future: Future[Any]) -> None:
            self._running -= 1
            on_done(future)

        future = self._executor.submit(task)
        future.add_done_callback(lambda finished: self.run_on_gui(lambda: done(finished)))
        return future

    def run_on_gui(self, closure: Closure) -> None:
        """Run `closure` on the GUI thread, soon (callable from any thread)."""
        with self._lock:
            self._closures.append(closure)
        self._closures_pending.emit()

    @property
    def idle(self) -> bool:
        """No work is running nor waiting for its callback."""
        return self._running == 0

    def _run_closures(self) -> None:
        with self._lock:
            closures, self._closures = self._closures, []
        for closure in closures:
            closure()


_manager: TaskManager | None = None


def manager() -> TaskManager:
    """The application's task manager, made on first use and owned by the QApplication."""
    global _manager  # noqa: PLW0603  (one per application, like the QApplication itself)
    if _manager is None:
        _manager = TaskManager(QCoreApplication.instance())
        _manager.destroyed.connect(_forget)
    return _manager


def _forget() -> None:
    global _manager  # noqa: PLW0603
    _manager = None
