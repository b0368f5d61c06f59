"""The table view of every table of the window, with an Excel user's habits.

- Rows are selected with the mouse, Shift and Ctrl (Ctrl+A: all); the row under the cursor
  is the one the tab's buttons act on.
- Ctrl+C copies the selected rows with the header row, as tab-separated text and as an HTML
  table: pasted into Excel they become cells, figures as numbers.
- A right-click opens the menu: copy, copy this cell, select all, export the selection or the
  whole table to Excel, print the table (A4 landscape).
- Tab and Shift+Tab move to the next and previous cell (Ctrl+Tab leaves the table).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QMimeData
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QWidget

from sxtdbv_ui.tables.snapshot import Snapshot, as_html, as_tsv, take
from sxtdbv_ui.translator import qt_word

Heading = Callable[[], tuple[str, str]]
"""The table's title and subtitle (e.g. the plan), for printing and exporting."""


class DataTable(QTableView):
    def __init__(self, heading: Heading, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heading = heading
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.menu_actions = self._menu_actions()

    # --- what is selected ----------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """The selected rows in the order shown; the current row when none is selected."""
        chosen = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not chosen and self.currentIndex().isValid():
            chosen = [self.currentIndex().row()]
        return chosen

    def snapshot(self, rows: list[int] | None = None) -> Snapshot:
        """The rows (the selection by default) as shown, with the headers and the title."""
        title, subtitle = self._heading()
        wanted = self.selected_rows() if rows is None else rows
        return take(self, wanted, title, subtitle)

    def all_rows(self) -> list[int]:
        return list(range(self.model().rowCount()))

    # --- commands ------------------------------------------------------------------------------

    def copy_selection(self) -> None:
        """The selected rows and the header row to the clipboard (text and HTML)."""
        shot = self.snapshot()
        if not shot.rows:
            return
        mime = QMimeData()
        mime.setText(as_tsv(shot))
        mime.setHtml(as_html(shot))
        QGuiApplication.clipboard().setMimeData(mime)

    def copy_cell(self) -> None:
        """The text of the cell under the cursor, alone."""
        index = self.currentIndex()
        if index.isValid():
            QGuiApplication.clipboard().setText(str(index.data() or ""))

    # Excel (openpyxl) and printing load when first asked for, not at start-up.

    def export_selection(self) -> None:
        from sxtdbv_ui.tables import export  # noqa: PLC0415

        export.export(self, self.snapshot())

    def export_all(self) -> None:
        from sxtdbv_ui.tables import export  # noqa: PLC0415

        export.export(self, self.snapshot(self.all_rows()))

    def print_table(self) -> None:
        from sxtdbv_ui.tables import printing  # noqa: PLC0415

        printing.preview_and_print(self.snapshot(self.all_rows()), self)

    def select_all_rows(self) -> None:
        self.selectAll()
        if not self.currentIndex().isValid() and self.model().rowCount():
            flags = QItemSelectionModel.SelectionFlag.NoUpdate
            self.selectionModel().setCurrentIndex(self.model().index(0, 0), flags)

    # --- keys and menu -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isRowSelected(index.row()):
            self.setCurrentIndex(index)  # a right-click on another row acts on that row
        menu = QMenu(self)
        for action in self.menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        has_rows = self.model().rowCount() > 0
        for action in self.menu_actions:
            if action is not None:
                action.setEnabled(has_rows)
        menu.exec(event.globalPos())

    def _menu_actions(self) -> list[QAction | None]:
        def action(
            text: str, slot: Callable[[], None], keys: QKeySequence | None = None
        ) -> QAction:
            made = QAction(text, self)
            if keys is not None:
                made.setShortcut(keys)  # shown in the menu; the keys are handled by the view
            made.triggered.connect(slot)
            return made

        key = QKeySequence.StandardKey
        return [
            action("&Sao chép các dòng đã chọn", self.copy_selection, QKeySequence(key.Copy)),
            action("Sao chép ô &này", self.copy_cell),
            action(qt_word("Select All"), self.select_all_rows, QKeySequence(key.SelectAll)),
            None,
            action("&Xuất các dòng đã chọn ra Excel…", self.export_selection),
            action("Xuất &cả bảng ra Excel…", self.export_all),
            None,
            action("&In bảng…", self.print_table),
        ]
