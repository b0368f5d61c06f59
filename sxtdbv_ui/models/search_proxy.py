"""Accent-insensitive searching over a `RowTableModel`, and sorting delegated to it.

The search text is folded and unified like the rows' search keys (`sxtdbv_desktop.
search_words`), so "dong thap" finds "Đồng Tháp" and "tui nilon" finds "túi ni-lông"; every
word typed must appear somewhere in the row. A tab may add its
own condition (a group, a period) with `set_condition`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from sxtdbv_desktop.search_words import query_words
from sxtdbv_ui.models.base import RowTableModel


class SearchProxy(QSortFilterProxyModel):
    def __init__(self, source: RowTableModel[Any]) -> None:
        super().__init__()
        self.setSourceModel(source)
        self._source = source  # asked once per row when filtering: no call into Qt for it
        self._words: list[str] = []
        self._condition: Callable[[Any], bool] | None = None

    @property
    def rows_model(self) -> RowTableModel[Any]:
        return self._source

    @property
    def words(self) -> list[str]:
        """The words searched for, folded and unified (empty: no search)."""
        return self._words

    def set_search(self, text: str) -> None:
        words = query_words(text)
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_condition(self, condition: Callable[[Any], bool] | None) -> None:
        """Keep only the rows for which `condition(row)` is true (None keeps every row)."""
        self.beginFilterChange()
        self._condition = condition
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._condition is None and not self._words:
            return True
        model = self._source
        if self._condition is not None and not self._condition(model.row(source_row)):
            return False
        if not self._words:
            return True
        key = model.search_key(source_row)
        return all(word in key for word in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model: one Python sort instead of a Python call per comparison."""
        self.rows_model.sort(column, order)
