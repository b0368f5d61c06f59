"""A list of one kind of a plan's parts (objectives, indicators, groups, sources) with
Thêm / Sửa / Xóa; what the rows are and how they change is given by a `Part`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_ui import msgbox
from sxtdbv_ui.dialogs.plan_editor.fields_dialog import Field, FieldsDialog
from sxtdbv_ui.workspace import Workspace


@dataclass(frozen=True)
class Row:
    key: object  # the id the part's functions take
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """One kind of the plan's parts: its rows, its fields, and the core calls that change it."""

    name: str  # "mục tiêu", in the sentences of the dialogs
    headers: tuple[str, ...]
    rows: Callable[[], list[Row]]
    fields: Callable[[object | None], list[Field]]  # None: for a new one
    add: Callable[[dict[str, object]], object]
    update: Callable[[object, dict[str, object]], object]
    delete: Callable[[object], object]
    entities: tuple[str, ...]


class ListTab(QWidget):
    def __init__(self, session: Workspace, part: Part, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.part = part
        self.table = QTableWidget(0, len(part.headers))
        self.table.setHorizontalHeaderLabels(part.headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(lambda _: self.edit())
        buttons = QHBoxLayout()
        for text, slot in (("&Thêm…", self.add), ("&Sửa…", self.edit), ("&Xóa", self.delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.rows: list[Row] = []
        self.reload()

    def reload(self) -> None:
        self.rows = self.part.rows()
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            for column, text in enumerate(row.cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            len(self.part.headers) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.resizeRowsToContents()

    def selected(self) -> Row | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def add(self) -> bool:
        return self._dialog(None, f"Thêm {self.part.name}", self.part.add)

    def edit(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        return self._dialog(row.key, f"Sửa {self.part.name}",
                            lambda values: self.part.update(row.key, values))  # fmt: skip

    def delete(self) -> bool:
        row = self.selected()
        if row is None or not msgbox.ask(
            self, f"Xóa {self.part.name}", f"Xóa {self.part.name} «{row.cells[-1][:80]}»? "
            "Số liệu đơn vị đã báo cáo về phần này cũng bị xóa. Thao tác không hoàn tác được."
        ):  # fmt: skip
            return False
        done = self.session.change(f"Xóa {self.part.name}", lambda: self.part.delete(row.key),
                                   *self.part.entities)  # fmt: skip
        self.reload()
        return done

    def _dialog(self, key: object | None, title: str,
                apply: Callable[[dict[str, object]], object]) -> bool:  # fmt: skip
        def save(values: dict[str, object]) -> bool:
            return self.session.change(title, lambda: apply(values), *self.part.entities)

        dialog = FieldsDialog(self.session, title, self.part.fields(key), save, self)
        done = bool(dialog.exec())
        self.reload()
        return done
