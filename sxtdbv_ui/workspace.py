"""The window's workspace: the plan being worked on in the open data file, the undo history of
its edits, and whether edits are allowed (the core's `sxtdbv_desktop.session.Session` is the
open data file itself: its lock, backups and connection).

Every change the window makes goes through `Workspace.perform` (a value edit that can be undone:
an `Edit` with the core calls that apply and revert it) or `Workspace.change` (adding, deleting,
a report's transition: confirmed by the user, not undoable). Both turn the core's typed errors
into the `error` signal, never into an exception in a slot, and announce what changed so the
tabs re-read it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlite_utils import Database

from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_ui.operations.errors import explain

T = TypeVar("T")

# What a change touches; models name the ones they show.
PLAN, AGENCIES, TASKS, INDICATORS, BUDGET, REPORTS, SETTINGS = (
    "plan",
    "agencies",
    "tasks",
    "indicators",
    "budget",
    "reports",
    "settings",
)


@dataclass(frozen=True)
class Edit:
    """One undoable change: `apply` makes it through the core, `revert` puts the old value back."""

    text: str
    apply: Callable[[], object]
    revert: Callable[[], object]
    entities: frozenset[str]


def value_edit(
    text: str, setter: Callable[[T], object], old: T, new: T, *entities: str
) -> Edit | None:
    """The edit that sets a value from `old` to `new` with `setter`; None when nothing changes."""
    if old == new:
        return None
    return Edit(text, lambda: setter(new), lambda: setter(old), frozenset(entities))


class _EditCommand(QUndoCommand):
    def __init__(self, session: Workspace, edit: Edit) -> None:
        super().__init__(edit.text)
        self._session = session
        self._edit = edit
        self._applied = True  # pushed after the first, checked application

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if not self._session.run_quietly(self._edit.apply, self._edit.entities):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._session.run_quietly(self._edit.revert, self._edit.entities):
            self.setObsolete(True)


class DataSource(Protocol):
    """Where the workspace takes its connection: the open data file, whose connection a restore
    replaces (`sxtdbv_desktop.session.Session`)."""

    @property
    def db(self) -> Database: ...


class _Fixed:
    """A connection that never changes (tests, tools, benchmarks)."""

    def __init__(self, db: Database) -> None:
        self.db = db


class Workspace(QObject):
    """What the window works on; the tabs and dialogs share one (as `session`)."""

    plan_changed = Signal(int)
    data_changed = Signal(object)  # frozenset[str] of entities
    read_only_changed = Signal(str)  # the reason, "" when editing is allowed again
    message = Signal(str)
    error = Signal(str)

    def __init__(
        self, source: Database | DataSource, plan_id: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._source: DataSource = _Fixed(source) if isinstance(source, Database) else source
        self._plan_id = plan_id
        self._read_only = ""
        self.last_error = ""
        self.undo_stack = QUndoStack(self)
        self.today: Callable[[], dt.date] = dt.date.today

    @property
    def db(self) -> Database:
        """The data file's connection, as it is now (a restore opens a new one)."""
        return self._source.db

    @property
    def plan_id(self) -> int:
        return self._plan_id

    def set_plan(self, plan_id: int) -> None:
        """Work on another plan of the file; the undo history belongs to the old one."""
        self._plan_id = plan_id
        self.undo_stack.clear()
        self.plan_changed.emit(plan_id)

    def reload(self) -> None:
        """Re-read everything (e.g. after an import changed the file behind the window)."""
        self.undo_stack.clear()
        self.plan_changed.emit(self._plan_id)

    @property
    def read_only_reason(self) -> str:
        return self._read_only

    @property
    def read_only(self) -> bool:
        return bool(self._read_only)

    def set_read_only(self, reason: str | None) -> None:
        """Forbid every edit and say why (a lock, a read-only file...); None or "" allows again."""
        self._read_only = reason or ""
        self.undo_stack.setActive(not self._read_only)
        self.read_only_changed.emit(self._read_only)

    def undo(self) -> None:
        """Undo the session's last edit (refused, with the reason, while read-only)."""
        if self._allowed():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self._allowed():
            self.undo_stack.redo()

    def perform(self, edit: Edit | None) -> bool:
        """Save an undoable edit now; False (and `error` emitted) if the core refused it."""
        if edit is None:
            return True
        if not self._allowed() or not self.run_quietly(edit.apply, edit.entities):
            return False
        self.undo_stack.push(_EditCommand(self, edit))
        self.message.emit(f"Đã lưu: {edit.text}.")
        return True

    def change(self, text: str, action: Callable[[], object], *entities: str) -> bool:
        """Save a change that cannot be undone (the user confirmed it); False if refused."""
        if not self._allowed() or not self.run_quietly(action, frozenset(entities)):
            return False
        self.undo_stack.clear()
        self.message.emit(f"Đã lưu: {text}.")
        return True

    def run_quietly(self, action: Callable[[], object], entities: Iterable[str]) -> bool:
        """Run a core call; a refusal becomes the `error` signal. Announce what changed."""
        try:
            action()
        except (SxtdbvError, sqlite3.Error, OSError) as error:
            message = explain(error)  # the window's one error policy (sxtdbv_ui.operations.errors)
            if message is None:
                raise  # a bug: the crash handler logs it and shows the crash dialog
            self.fail(message)
            return False
        self.data_changed.emit(frozenset(entities))
        return True

    def fail(self, message: str) -> None:
        """Tell the window that something was not saved, and why."""
        self.last_error = message
        self.error.emit(message)

    def _allowed(self) -> bool:
        if self._read_only:
            self.fail(self._read_only)
            return False
        return True
