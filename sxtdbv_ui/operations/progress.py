"""Progress of background work: what the work reports (any thread), and what the user sees.

`Progress` is handed to the work: `step(done, total, text)` says how far it is and returns
False once the user asked to stop (the `report` callback the core's long functions take);
`check()` raises `Cancelled` instead. `ProgressWindow` is the progress dialog, shown after a
short delay so that quick work does not flash one; from the start, `InputGuard` keeps the
user's clicks and keys away from every window but that dialog, so that nobody starts a
second import in the middle of the first. (The dialog is not Qt-modal: a modal progress
dialog processes events inside `setValue`, a nested event loop in disguise.)
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from sxtdbv_ui.operations.errors import Cancelled

SHOW_AFTER_MS = 400
STEP_EVERY = 0.05  # seconds between the steps shown
STOP = "Dừng"

_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut,
    QEvent.Type.Wheel,
    QEvent.Type.Drop,
    QEvent.Type.Close,
}


class Progress(QObject):
    """Handed to background work; thread-safe. Its signal reaches the GUI thread queued."""

    stepped = Signal(int, int, str)  # done, total (0: unknown), what is being done

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()
        self._last = 0.0

    def step(self, done: int, total: int = 0, text: str = "") -> bool:
        """Report progress; False once the user asked to stop (the work should return).
        Steps closer than 50 ms are not shown (the last one always is)."""
        now = time.monotonic()
        if now - self._last >= STEP_EVERY or (total and done >= total):
            self._last = now
            self.stepped.emit(done, total, text)
        return not self._stop.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if the user asked to stop."""
        if self._stop.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()


class ProgressWindow(QProgressDialog):
    """A progress dialog over `parent`'s window, with an optional Dừng button."""

    def __init__(self, parent: QWidget | None, title: str, label: str, cancellable: bool) -> None:
        super().__init__(label, STOP if cancellable else "", 0, 0, parent)
        self.setWindowTitle(title)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        if not cancellable:
            self.setCancelButton(None)
        self.setValue(0)  # starts the delay after which the dialog shows itself
        self._label = label

    def show_step(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
        self.setLabelText(text or self._label)


class InputGuard(QObject):
    """While installed, the user's input reaches only `allowed` (the progress dialog), and a
    busy cursor says why; the window still paints and the work's signals still arrive."""

    def __init__(self, allowed: QWidget | None) -> None:
        super().__init__()
        self._allowed = allowed

    def install(self) -> None:
        _application().installEventFilter(self)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def remove(self) -> None:
        _application().removeEventFilter(self)
        QGuiApplication.restoreOverrideCursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _INPUT:
            return False
        if event.type() == QEvent.Type.Close and not event.spontaneous():
            return False  # closed by the program itself, not by the user's click
        allowed = self._allowed
        if allowed is None:
            return True
        if isinstance(watched, QWindow):  # Qt delivers input to the native window first
            return watched is not allowed.windowHandle()
        if isinstance(watched, QWidget):
            return not (watched is allowed or allowed.isAncestorOf(watched))
        return True  # a shortcut's action


def _application() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None, "the window's commands run inside the QApplication"
    return app
