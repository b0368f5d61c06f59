"""A searchable, sortable table over a `RowTableModel`: the search box, the view and its proxy.

Every tab shows its rows through one of these, so searching (accent-insensitive), sorting,
editing in place with validation, and the column widths behave the same everywhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_desktop.plans import get_plan
from sxtdbv_ui import texts
from sxtdbv_ui.delegates import CellDelegate, ProgressDelegate
from sxtdbv_ui.models.base import EditorKind, RowTableModel
from sxtdbv_ui.models.search_proxy import SearchProxy
from sxtdbv_ui.tables.highlight import HighlightDelegate
from sxtdbv_ui.tables.view import DataTable
from sxtdbv_ui.widgets.search_box import SearchBox


class TablePanel(QWidget):
    def __init__(
        self,
        model: RowTableModel[Any],
        search_hint: str = texts.SEARCH_HINT,
        parent: QWidget | None = None,
        *,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.title = title or model.title
        self.proxy = SearchProxy(model)
        self.search = SearchBox(search_hint)
        self.search.textChanged.connect(self._search)
        self.filters = QHBoxLayout()
        self.filters.setContentsMargins(0, 0, 0, 0)
        self.filters.addWidget(self.search, 1)
        self.count_label = QLabel()
        self.filters.addWidget(self.count_label)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #5f6368; font-style: italic;")
        self.empty_label.hide()
        self.no_match_label = QLabel()
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setTextFormat(Qt.TextFormat.PlainText)
        self.no_match_label.setStyleSheet("color: #a15c00; font-weight: bold;")
        self.no_match_label.hide()
        self._fitted = False
        self.view = self._build_view()
        self.view.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.filters)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.no_match_label)
        layout.addWidget(self.view, 1)
        model.refused.connect(model.session.fail)
        model.modelReset.connect(self._fit_columns)
        self.proxy.modelReset.connect(self._keep_a_current_row)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):  # fmt: skip
            signal.connect(self._update_count)
        self._fit_columns()
        self._update_count()

    def _build_view(self) -> DataTable:
        view = DataTable(self.heading)
        view.setModel(self.proxy)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.horizontalHeader().setSortIndicatorClearable(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        self._set_columns(view)
        return view

    def _set_columns(self, view: QTableView) -> None:
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        self._cells = CellDelegate(self.model.session, view)
        self._highlighter = HighlightDelegate(
            self.model.session, lambda: self.proxy.words, self.model.folded, view
        )
        view.setItemDelegate(self._cells)
        for i, column in enumerate(self.model.columns):
            view.setColumnHidden(i, column.hidden)
            if column.progress is not None:
                view.setItemDelegateForColumn(i, ProgressDelegate(self.model.session, view))
            if column.width == 0:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    def _fit_columns(self) -> None:
        """Size each column to its header and its first rows' texts, up to its `width`, once
        (afterwards the user's own sizes are kept)."""
        rows = [self.model.row(i) for i in range(min(self.model.rowCount(), 200))]
        self.empty_label.setVisible(not self.model.rowCount() and bool(self.empty_label.text()))
        if self._fitted:
            return
        self._fitted = bool(rows)
        bold = QFont(self.view.font())
        bold.setBold(True)
        cells, strong = self.view.fontMetrics(), QFontMetrics(bold)
        titles = self.view.horizontalHeader().fontMetrics()
        char = cells.averageCharWidth()
        for i, column in enumerate(self.model.columns):
            if column.width == 0:
                continue
            metrics = strong if column.bold else cells
            title = titles.horizontalAdvance(column.header) + 4 * char
            texts = [column.text(r) for r in rows]
            if column.editor and column.editor.choices:  # room for any label of its picker
                texts += [label for _, label in column.editor.choices()][:50]
            widths = (metrics.horizontalAdvance(t) for t in set(texts))  # names, dates repeat
            content = max(widths, default=0) + 2 * char
            widest = metrics.horizontalAdvance("0" * column.width)  # digits: wider than average
            if column.editor and column.editor.kind is EditorKind.LONG_TEXT:
                content = widest  # room to read a paragraph, even before anything is typed
            self.view.setColumnWidth(i, max(title, min(content, widest)))

    def heading(self) -> tuple[str, str]:
        """The title of the table and the plan it belongs to, for printing and exporting."""
        session = self.model.session
        plan = get_plan(session.db, session.plan_id)
        return self.title, plan.label

    def add_filter(self, combo: QComboBox) -> None:
        """Put a filter picker (a group, a period...) beside the search box."""
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(28)
        self.filters.insertWidget(self.filters.indexOf(self.search) + 1, combo)

    def set_empty_text(self, text: str) -> None:
        """What to tell the user when the table has no rows at all (what to do next)."""
        self.empty_label.setText(text)
        self.empty_label.setVisible(not self.model.rowCount() and bool(text))

    def hide_search(self) -> None:
        """For short lists (a handful of rows) that need no search box."""
        self.search.hide()
        self.count_label.hide()

    def _keep_a_current_row(self) -> None:
        if not self.view.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        # Highlighting paints cells in Python: only while a search is active.
        self.view.setItemDelegate(self._highlighter if self.proxy.words else self._cells)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{shown}/{total} dòng" if shown != total else f"{total} dòng")
        nothing = total > 0 and shown == 0
        if nothing:
            typed = self.search.text().strip()
            what = f"có «{typed}»" if typed else "theo điều kiện đã chọn"
            clear = " Bấm Esc để xóa ô tìm kiếm." if typed else ""
            self.no_match_label.setText(f"Không tìm thấy dòng nào {what}.{clear}")
        self.no_match_label.setVisible(nothing)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the table (not while editing a cell) clears the search, as in the box."""
        if (
            watched is self.view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.view.state() != QAbstractItemView.State.EditingState
            and self.search.text()
        ):
            self.search.clear()
            return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_row(self) -> Any | None:
        """The row under the cursor (the model's row object), or None."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def select_key(self, key: object) -> bool:
        """Put the cursor on the row showing `key` (e.g. a new task); False if it is hidden."""
        source_row = self.model.row_of_key(key)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def source_index(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapToSource(index)
