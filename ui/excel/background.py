"""Long file work (writing forms, reading received files) on a worker thread.

The work is a plain function that gets a `report(done, total, text) -> bool` callback (False
once the user asked to stop) and returns a result. It must not touch the database: SQLite
connections belong to the thread that opened them, so callers read what they need first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QThread, Signal, Slot

Report = Callable[[int, int, str], bool]
Work = Callable[[Report], Any]


class Job(QObject):
    """Runs `work` once on its own thread; its signals arrive on the creating thread."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        self._cancelled = False
        self._finished = False
        self._runner = _Runner(self)
        self._thread = QThread()
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.finished.connect(self._finish)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop after the current item."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def wait(self) -> None:
        """Block (keeping the window alive) until the started work has finished."""
        if self._finished:
            return
        loop = QEventLoop()
        self.done.connect(loop.quit)
        loop.exec()
        self.done.disconnect(loop.quit)

    def _report(self, done: int, total: int, text: str) -> bool:
        self.progress.emit(done, total, text)
        return not self._cancelled

    @Slot(object, object)
    def _finish(self, result: object, error: object) -> None:
        self._thread.quit()
        self._thread.wait()
        self._finished = True
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.done.emit()


class _Runner(QObject):
    finished = Signal(object, object)  # result, exception

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    @Slot()
    def run(self) -> None:
        try:
            result = self._job._work(self._job._report)
        except Exception as error:  # handed to the GUI thread, which decides what to show
            self.finished.emit(None, error)
        else:
            self.finished.emit(result, None)
