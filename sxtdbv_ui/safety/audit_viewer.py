"""The audit log viewer: every change with its time, Windows login, entered name, old and new
value; filtered by words (without accents), kind of record and dates; exported to Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from sxtdbv_desktop import audit_view, audit_words, labels, search_words
from sxtdbv_desktop.audit import AuditEntry
from sxtdbv_desktop.audit_words import AuditWords
from sxtdbv_ui import msgbox, operations, texts
from sxtdbv_ui.folders import in_documents
from sxtdbv_ui.screen_fit import fit_to_screen
from sxtdbv_ui.tables.view import DataTable

EXPORT_TITLE = "Xuất nhật ký ra Excel"
_CELL_PREVIEW = 200  # characters shown in a cell; the tooltip holds the whole value
_NO_DATE = QDate(2000, 1, 1)  # the date edits' "no limit" value
_WIDTHS = (110, 110, 130, 60, 130, 220, 140, 200)  # pixels; the last column stretches
Index = QModelIndex | QPersistentModelIndex


class AuditLogModel(QAbstractTableModel):
    """The audit entries of one query, newest first; cells and search keys computed once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []
        self._words: AuditWords | None = None
        self._cells: list[tuple[str, ...] | None] = []
        self._keys: list[str | None] = []

    def load(self, db: Database, wanted: audit_view.AuditFilter) -> None:
        self.beginResetModel()
        self._words = AuditWords(db)
        self._entries = audit_view.search(db, wanted)
        self._cells = [None] * len(self._entries)
        self._keys = [None] * len(self._entries)
        self.endResetModel()

    def entry(self, row: int) -> AuditEntry:
        return self._entries[row]

    def cells(self, row: int) -> tuple[str, ...]:
        cached = self._cells[row]
        if cached is None:
            assert self._words is not None
            cached = self._cells[row] = self._words.cells(self._entries[row])
        return cached

    def search_key(self, row: int) -> str:
        key = self._keys[row]
        if key is None:
            key = self._keys[row] = search_words.key(" ".join(self.cells(row)))
        return key

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(audit_words.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text = self.cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            flat = text.replace("\n", " ")
            return flat if len(flat) <= _CELL_PREVIEW else flat[:_CELL_PREVIEW] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and len(text) > 40:
            return text[:4000]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return audit_words.COLUMNS[section]
        return section + 1


class AuditFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose cells contain the typed words, accents and case ignored."""

    def __init__(self, source: AuditLogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._words: list[str] = []
        self.setSourceModel(source)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = search_words.query_words(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        key = self._source.search_key(source_row) if self._words else ""
        return all(word in key for word in self._words)

    def entries(self) -> list[AuditEntry]:
        """The shown entries, in the shown order."""
        return [
            self._source.entry(self.mapToSource(self.index(row, 0)).row())
            for row in range(self.rowCount())
        ]


class AuditLogDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Nhật ký thay đổi dữ liệu")
        self.model = AuditLogModel(self)
        self.proxy = AuditFilterProxy(self.model, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            "Tìm (gõ có dấu hoặc không dấu): tên người, nhiệm vụ, giá trị..."
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_text)
        self.entity = QComboBox()
        self.entity.addItem("Mọi loại dữ liệu", None)
        for name in audit_view.entities(db):
            self.entity.addItem(labels.ENTITIES.get(name, name), name)
        self.since, self.until = self._date_edit(), self._date_edit()
        for control in (self.since, self.until):
            control.dateChanged.connect(self.reload)
        self.entity.currentIndexChanged.connect(self.reload)
        self.table = DataTable(lambda: ("Nhật ký thay đổi dữ liệu", self.count.text()))
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        self.count = QLabel()
        export = QPushButton("Xuất Excel...")
        export.clicked.connect(self.export)
        close = QPushButton(texts.CLOSE)
        close.clicked.connect(self.accept)
        self._lay_out(export, close)
        fit_to_screen(self, 1280, 640)
        self.reload()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText("—")  # shown at the minimum: no limit
        edit.setDate(_NO_DATE)
        return edit

    def _lay_out(self, export: QPushButton, close: QPushButton) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.entity, 1)
        filters.addWidget(QLabel("Từ ngày"))
        filters.addWidget(self.since)
        filters.addWidget(QLabel("đến ngày"))
        filters.addWidget(self.until)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch()
        bottom.addWidget(export)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(bottom)

    def wanted(self) -> audit_view.AuditFilter:
        return audit_view.AuditFilter(
            entity=self.entity.currentData(), since=_day(self.since), until=_day(self.until)
        )

    def reload(self) -> None:
        self.model.load(self.db, self.wanted())
        self._update_count()

    def _filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, loaded = self.proxy.rowCount(), self.model.rowCount()
        text = f"Hiển thị {shown:,} / {loaded:,} dòng".replace(",", ".")
        if loaded >= audit_view.MAX_ROWS:
            text += f" (chỉ {audit_view.MAX_ROWS:,} dòng mới nhất)".replace(",", ".")
        self.count.setText(text)

    def export(self) -> Path | None:
        """The rows shown, in the words shown, to an Excel workbook."""
        from sxtdbv_desktop.excel.table_file import save_table  # noqa: PLC0415  (openpyxl)

        path = msgbox.save_file(
            self,
            EXPORT_TITLE,
            in_documents(f"nhat-ky-thay-doi-{dt.date.today():%Y-%m-%d}.xlsx"),
            msgbox.EXCEL_FILES,
        )
        rows = [self.model.cells(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]  # fmt: skip
        title, columns = "Nhật ký thay đổi dữ liệu", audit_view.COLUMNS
        if path is None or not operations.run(
            self, EXPORT_TITLE, lambda: save_table(path, title, columns, rows)
        ):
            return None
        msgbox.inform(
            self,
            EXPORT_TITLE,
            f"Đã xuất {self.proxy.rowCount():,} dòng vào {path}.".replace(",", "."),
        )
        return path


def _day(edit: QDateEdit) -> dt.date | None:
    date = edit.date()
    return None if date == _NO_DATE else dt.date(date.year(), date.month(), date.day())


def show_audit_log(db: Database, parent: QWidget | None = None) -> AuditLogDialog:
    """Open the viewer (not modal: the user can keep working beside it)."""
    dialog = AuditLogDialog(db, parent)
    dialog.show()
    return dialog
