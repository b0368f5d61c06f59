"""The preview of an import: for each file, what will change field by field, what it still
lacks (it is received incomplete), or why it cannot be imported; and the date the reports
reached the Sở (today unless the clerk says otherwise)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_desktop import headings
from sxtdbv_desktop.excel.imports import NO_CHANGE, ImportCheck
from sxtdbv_ui import texts
from sxtdbv_ui.screen_fit import fit_to_screen

ERROR_COLOUR = QColor("#B00020")
MISSING_COLOUR = QColor("#A15C00")


@dataclass(frozen=True)
class FileOutcome:
    """One chosen file after checking: what it would change, or the error that stops it."""

    path: Path
    check: ImportCheck | None = None
    error: str | None = None

    @property
    def importable(self) -> bool:
        return self.check is not None and self.check.has_changes and self.check.lock_reason is None

    @property
    def summary(self) -> str:
        if self.error is not None:
            return "Lỗi: không nhập được"
        assert self.check is not None
        who = f"{self.check.agency.name}, {self.check.period.name}"
        if self.check.same_file:
            return f"{who}: {NO_CHANGE} (tệp này đã được nhập)"
        if not self.check.changes:
            return f"{who}: {NO_CHANGE}"
        if self.check.lock_reason:
            return f"{who}: không thể nhập"
        missing = f"; còn thiếu {len(self.check.missing)} mục" if self.check.missing else ""
        return f"{who}: {len(self.check.changes)} thay đổi{missing}"


class ImportPreviewDialog(QDialog):
    """Shows every file's changes; the user ticks the files to import and confirms."""

    def __init__(
        self,
        outcomes: Sequence[FileOutcome],
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Xem trước khi nhập báo cáo")
        fit_to_screen(self, 1000, 600)
        self._outcomes = list(outcomes)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Tệp, mục và thông tin", "Giá trị hiện tại", headings.NEW_VALUE])
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((480, 230, 230)):
            self.tree.setColumnWidth(column, width)
        self._file_items: list[QTreeWidgetItem] = []
        for outcome in self._outcomes:
            self._file_items.append(self._add_file(outcome))
        self.tree.itemChanged.connect(self._update_button)

        importable = sum(1 for o in self._outcomes if o.importable)
        refused = sum(1 for o in self._outcomes if o.error is not None)
        self.heading = QLabel(
            f"{len(self._outcomes)} tệp: {importable} có thể nhập, {refused} bị lỗi. "
            "Mỗi tệp thay toàn bộ báo cáo của cơ quan đó trong kỳ; chọn các tệp cần nhập."
        )
        self.heading.setWordWrap(True)
        self.accept_button = QPushButton()
        self.accept_button.setDefault(True)
        self.accept_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(texts.CANCEL if importable else texts.CLOSE)
        self.cancel_button.clicked.connect(self.reject)
        self.received = QDateEdit()
        self.received.setDisplayFormat("dd/MM/yyyy")
        self.received.setCalendarPopup(True)
        day = today or dt.date.today()
        self.received.setDate(QDate(day.year, day.month, day.day))
        self.received.setToolTip(
            "Ngày Sở nhận được báo cáo (thư điện tử, văn thư): dùng để tính đúng hạn hay trễ hạn"
        )
        received_label = QLabel("&Ngày nhận báo cáo:")
        received_label.setBuddy(self.received)
        buttons = QHBoxLayout()
        buttons.addWidget(received_label)
        buttons.addWidget(self.received)
        self.received.setVisible(importable > 0)
        received_label.setVisible(importable > 0)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_button()

    def _add_file(self, outcome: FileOutcome) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [f"{outcome.path.name} — {outcome.summary}"])
        item.setFirstColumnSpanned(True)  # the file's line reads across the whole width
        item.setToolTip(0, str(outcome.path))
        bold = item.font(0)
        bold.setBold(True)
        item.setFont(0, bold)
        if outcome.importable:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
        if outcome.error is not None:
            self._add_note(item, outcome.error)
        elif outcome.check is not None:
            if outcome.check.lock_reason and outcome.check.has_changes:
                self._add_note(item, outcome.check.lock_reason)
            if not outcome.check.same_file:
                for warning in outcome.check.warnings:
                    self._add_note(item, f"Lưu ý: {warning}")
                self._add_missing(item, outcome.check)
                self._add_changes(item, outcome.check)
        first_importable = next((o for o in self._outcomes if o.importable), None)
        item.setExpanded(outcome.error is not None or outcome is first_importable)
        return item

    def _add_changes(self, parent: QTreeWidgetItem, check: ImportCheck) -> None:
        """One line per task, indicator or text, with its changed fields under it."""
        items: dict[str, QTreeWidgetItem] = {}
        for change in check.changes:
            if change.item not in items:
                items[change.item] = QTreeWidgetItem(parent, [change.item])
                items[change.item].setFirstColumnSpanned(True)
                items[change.item].setToolTip(0, change.item)
                items[change.item].setExpanded(True)
            field = QTreeWidgetItem(items[change.item], [change.field, change.old, change.new])
            for column in range(3):
                field.setToolTip(column, field.text(column))

    def _add_missing(self, parent: QTreeWidgetItem, check: ImportCheck) -> None:
        """What the form left blank: it is received, and these count as no data."""
        if not check.missing:
            return
        heading = (
            f"Còn thiếu {len(check.missing)} mục (vẫn nhận báo cáo; các mục này tính là chưa "
            "có số liệu, Sở có thể trả lại để bổ sung):"
        )
        group = QTreeWidgetItem(parent, [heading])
        group.setFirstColumnSpanned(True)
        group.setForeground(0, QBrush(MISSING_COLOUR))
        for missing in check.missing:
            line = QTreeWidgetItem(group, [f"– {missing}"])
            line.setFirstColumnSpanned(True)
            line.setToolTip(0, str(missing))

    def received_on(self) -> dt.date:
        """The day the clerk says the reports reached the Sở."""
        day = self.received.date()
        return dt.date(day.year(), day.month(), day.day())

    def _add_note(self, parent: QTreeWidgetItem, text: str) -> None:
        for line in text.splitlines():
            note = QTreeWidgetItem(parent, [line])
            note.setFirstColumnSpanned(True)
            note.setForeground(0, QBrush(ERROR_COLOUR))
            note.setToolTip(0, line)

    def selected(self) -> list[FileOutcome]:
        """The importable files the user left ticked."""
        return [
            outcome
            for outcome, item in zip(self._outcomes, self._file_items, strict=True)
            if outcome.importable and item.checkState(0) == Qt.CheckState.Checked
        ]

    @Slot()
    def _update_button(self) -> None:
        count = len(self.selected())
        self.accept_button.setText(f"Nhập {count} báo cáo")
        self.accept_button.setEnabled(count > 0)
        self.accept_button.setVisible(any(o.importable for o in self._outcomes))
