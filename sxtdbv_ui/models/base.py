"""A table model over a list of rows read from the core, described by its columns.

A subclass says how to `fetch` its rows (frozen dataclasses made for display) and gives its
`Column`s: the header, the text of a cell, how to sort it, and, for an editable cell, an
`Editor` that turns the new value into an `Edit` for the session. Rows are re-read after each
change; when the same rows come back only the cells that changed are repainted, so the
selection, the scroll position and an open editor survive an edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from fractions import Fraction
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from sxtdbv_desktop.records import collector_paused
from sxtdbv_desktop.search_words import fast_fold, unify
from sxtdbv_ui import text_colors
from sxtdbv_ui.collation import sort_key
from sxtdbv_ui.workspace import Edit, Workspace

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
"""Role of a cell's progress in percent (0–100) for the progress bar delegate, or None."""
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
"""Role of a row's identity (the id of what it shows), the same in every column."""
EDITOR_ROLE = Qt.ItemDataRole.UserRole + 4
"""Role of a cell's `Editor` (how the delegate edits it), or None when it is read-only."""
VALUE_ROLE = Qt.ItemDataRole.UserRole + 5
"""Role of a figure's value for Excel (an int, a Fraction, a date) in the columns that show
figures (right-aligned, with a `sort`); None for text."""

WARNING_BACKGROUND = QColor("#fff4d6")
# The models take the colours of verdicts from here, the overview from `text_colors`.
ERROR_TEXT = text_colors.ERROR_TEXT
GOOD_TEXT = text_colors.GOOD_TEXT
MUTED_TEXT = text_colors.MUTED_TEXT


class EditorKind(Enum):
    TEXT = "text"
    OPTIONAL_TEXT = "optional_text"
    LONG_TEXT = "long_text"
    MONEY = "money"
    OPTIONAL_MONEY = "optional_money"
    NUMBER = "number"
    OPTIONAL_NUMBER = "optional_number"
    PERCENT = "percent"
    OPTIONAL_PERCENT = "optional_percent"
    DATE = "date"
    OPTIONAL_DATE = "optional_date"
    CHOICE = "choice"
    CHECK = "check"


@dataclass(frozen=True)
class Editor(Generic[R]):
    """How a cell is edited: the value an editor starts from, and the edit a new value makes.

    `save` returns None when the value did not change. `choices` (value, label) feed a picker.
    """

    kind: EditorKind
    value: Callable[[R], Any]
    save: Callable[[R, Any], Edit | None]
    choices: Callable[[], Sequence[tuple[Any, str]]] | None = None
    enabled: Callable[[R], bool] | None = None


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    editor: Editor[R] | None = None
    editor_for: Callable[[R], Editor[R] | None] | None = None
    """For columns whose rows are edited differently (a number here, a yes/no there)."""
    right: bool = False
    tooltip: Callable[[R], str] | None = None
    color: Callable[[R], QColor | None] | None = None
    bold: Callable[[R], bool] | None = None
    progress: Callable[[R], int | None] | None = None
    width: int = 12
    """Widest the column grows to fit its texts, in average characters; 0 stretches it over
    the free space."""
    searchable: bool = True
    hidden: bool = False
    """Not shown, but searched (e.g. a group's title, shown elsewhere)."""
    header_tip: str = field(default="")


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one kind in a table, with editing through the session and a search key per row."""

    entities: frozenset[str] = frozenset()
    """The kinds of change (`sxtdbv_ui.workspace` names) after which the rows are read again."""
    title = "Bảng"
    """What the table is, for its printed and exported copies ("Nhiệm vụ")."""

    refused = Signal(str)
    """An edit was refused before reaching the core (a read-only view, a locked row)."""

    def __init__(self, session: Workspace, columns: Sequence[Column[R]]) -> None:
        super().__init__()
        self.session = session
        self.columns = list(columns)
        self._rows: list[R] = []
        self._search_keys: dict[object, str] = {}
        self._folded: dict[str, str] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- what subclasses provide -----------------------------------------------------------

    def fetch(self) -> list[R]:
        raise NotImplementedError

    def key(self, row: R) -> object:
        raise NotImplementedError

    def lock_reason(self, row: R) -> str:
        """Why this row cannot be edited now ("" when it can); the session's reason first."""
        return self.session.read_only_reason

    def background(self, row: R) -> QColor | None:
        return None

    # --- rows ------------------------------------------------------------------------------

    @property
    def rows(self) -> list[R]:
        return self._rows

    def row(self, index: int) -> R:
        return self._rows[index]

    def row_of_key(self, key: object) -> int | None:
        return next((i for i, row in enumerate(self._rows) if self.key(row) == key), None)

    def load(self) -> None:
        """Read every row again from the database."""
        self.beginResetModel()
        self._rows = self._read()
        self._search_keys.clear()
        self._folded.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Read the rows again; repaint only what changed when the same rows come back."""
        rows = self._read()
        if [self.key(r) for r in rows] != [self.key(r) for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self._search_keys.clear()
            self.endResetModel()
            return
        last = len(self.columns) - 1
        for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[i] = new
                self._search_keys.pop(self.key(new), None)
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def _read(self) -> list[R]:
        """The rows from the database, in the table's order; thousands of them are read with
        the garbage collector held off (see `records.collector_paused`)."""
        with collector_paused():
            return self._sorted(self.fetch())

    @property
    def search_ready(self) -> bool:
        """Whether every row's search key is computed (the next search reads no row twice)."""
        return len(self._search_keys) >= len(self._rows)

    def prepare_search(self) -> None:
        """Compute every row's search key now, in an idle moment, so that the first search is
        as quick as the next ones (5,000 tasks: 60 ms once)."""
        with collector_paused():
            for index in range(len(self._rows)):
                self.search_key(index)

    def search_key(self, index: int) -> str:
        """The row's searchable text, folded (no accents, lower case) with its spellings
        unified ("ni-long" is also "nilon"), computed once: one pass over the whole row (a
        first search over 5,000 tasks folds them all). Search words hold no space or line
        break, so they never match across two cells."""
        row = self._rows[index]
        identity = self.key(row)
        key = self._search_keys.get(identity)
        if key is None:
            plain = fast_fold("\n".join(c.text(row) for c in self.columns if c.searchable))
            unified = unify(plain)
            key = self._search_keys[identity] = plain if unified == plain else f"{plain}\n{unified}"
        return key

    def folded(self, text: str) -> str:
        """One cell's text as searches see it, cached (for painting what was found)."""
        cache = self._folded
        folded = cache.get(text)
        if folded is None:
            plain = " ".join(fast_fold(text).split())
            unified = unify(plain)
            folded = cache[text] = plain if unified == plain else f"{plain} {unified}"
        return folded

    def editor(self, row: R, column: int) -> Editor[R] | None:
        """How a cell is edited, or None when it is not editable (whatever the lock)."""
        spec = self.columns[column]
        editor = spec.editor_for(row) if spec.editor_for else spec.editor
        if editor is None or (editor.enabled and not editor.enabled(row)):
            return None
        return editor

    def sort_key(self, row: R, column: int) -> Any:
        """What a column sorts by: its `sort` function, else its text in Vietnamese order."""
        spec = self.columns[column]
        value = spec.sort(row) if spec.sort else spec.text(row)
        if isinstance(value, str):
            value = sort_key(value) if value else None
        return (0, 0) if value is None else (1, value)  # empty cells first

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (-1: the order of the plan), keeping selections."""
        wanted = (column, order) if 0 <= column < len(self.columns) else None
        if wanted == self._sort:
            return
        self._sort = wanted
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [self.key(self._rows[i.row()]) for i in before]
        self._rows = self._read() if self._sort is None else self._sorted(self._rows)
        position = {self.key(r): i for i, r in enumerate(self._rows)}
        after = [self.index(position[k], i.column()) for k, i in zip(keys, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[R]) -> list[R]:
        if self._sort is None:
            return rows
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        with collector_paused():  # a sort key for each of thousands of rows
            return sorted(rows, key=lambda r: self.sort_key(r, column), reverse=descending)

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole and column.header_tip:
            return column.header_tip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == EDITOR_ROLE:
            return self.editor(row, index.column())
        getter = _ROLE_GETTERS.get(role)
        return getter(self, row, column) if getter else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        row = self._rows[index.row()]
        editor = self.editor(row, index.column())
        if editor is None or self.lock_reason(row):
            return base
        if editor.kind is EditorKind.CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        editor = self.editor(row, index.column())
        if editor is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and editor.kind is EditorKind.CHECK:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        reason = self.lock_reason(row)
        if reason:
            self.refused.emit(reason)
            return False
        return self.session.perform(editor.save(row, value))


def _value(model: RowTableModel[Any], row: Any, column: Column[Any]) -> Any:
    if not (column.right and column.sort):
        return None
    value = column.sort(row)
    if isinstance(value, bool) or not isinstance(value, int | Fraction | dt.date):
        return None
    return value


def _display(model: RowTableModel[Any], row: Any, column: Column[Any]) -> Any:
    if column.editor and column.editor.kind is EditorKind.CHECK:
        return None
    return column.text(row)


def _edit(model: RowTableModel[Any], row: Any, column: Column[Any]) -> Any:
    editor = column.editor_for(row) if column.editor_for else column.editor
    return editor.value(row) if editor else column.text(row)


def _check(model: RowTableModel[Any], row: Any, column: Column[Any]) -> Any:
    if not column.editor or column.editor.kind is not EditorKind.CHECK:
        return None
    checked = bool(column.editor.value(row))
    return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked


def _tooltip(model: RowTableModel[Any], row: Any, column: Column[Any]) -> Any:
    if column.tooltip:
        return column.tooltip(row) or None
    text = column.text(row)
    return text if len(text) > 40 else None  # long texts are elided in the cell


def _alignment(model: RowTableModel[Any], row: Any, column: Column[Any]) -> Any:
    horizontal = Qt.AlignmentFlag.AlignRight if column.right else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def _foreground(model: RowTableModel[Any], row: Any, column: Column[Any]) -> Any:
    color = column.color(row) if column.color else None
    return QBrush(color) if color else None


def _background(model: RowTableModel[Any], row: Any, column: Column[Any]) -> Any:
    color = model.background(row)
    return QBrush(color) if color else None


def _font(model: RowTableModel[Any], row: Any, column: Column[Any]) -> Any:
    if column.bold and column.bold(row):
        font = QFont()
        font.setBold(True)
        return font
    return None


_ROLE_GETTERS: dict[int, Callable[[RowTableModel[Any], Any, Column[Any]], Any]] = {
    Qt.ItemDataRole.DisplayRole: _display,
    Qt.ItemDataRole.EditRole: _edit,
    Qt.ItemDataRole.CheckStateRole: _check,
    Qt.ItemDataRole.ToolTipRole: _tooltip,
    Qt.ItemDataRole.TextAlignmentRole: _alignment,
    Qt.ItemDataRole.ForegroundRole: _foreground,
    Qt.ItemDataRole.BackgroundRole: _background,
    Qt.ItemDataRole.FontRole: _font,
    PROGRESS_ROLE: lambda m, r, c: c.progress(r) if c.progress else None,
    KEY_ROLE: lambda m, r, c: m.key(r),
    VALUE_ROLE: _value,
}
