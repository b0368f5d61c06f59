"""Review, step 3: every point the reader is unsure of, with the sentence it came from. Each
is confirmed (the clerk read it and the draft is right, or corrected it in steps 1–2), or all
the rest are accepted as read; only then can the plan be saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from sxtdbv_desktop.plan_import.draft import Draft
from sxtdbv_ui.plan_import.source_view import SourceView, review_table

HEADERS = ("Đã kiểm tra", "Ở đâu", "Cần kiểm tra")


class FlagsPage(QWizardPage):
    def __init__(self, draft: Draft, source: SourceView) -> None:
        super().__init__()
        self.draft = draft
        self.source = source
        self.setTitle("Bước 3. Các điểm cần kiểm tra")
        self.setSubTitle(
            "Chọn từng dòng để xem câu gốc; đánh dấu «Đã kiểm tra» khi nội dung đúng hoặc đã sửa "
            "ở bước trước. Kế hoạch chỉ được lưu khi mọi điểm đã được kiểm tra."
        )
        self.table = review_table(HEADERS, self._show_source)
        self.table.itemChanged.connect(self._checked)
        self.accept_rest = QCheckBox("Chấp nhận các điểm còn lại như chương trình đã đọc")
        self.accept_rest.toggled.connect(lambda _: self.completeChanged.emit())
        self.left = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.left)
        layout.addWidget(self.accept_rest)

    def initializePage(self) -> None:
        flags = self.draft.flags
        self.table.blockSignals(True)
        self.table.setRowCount(len(flags))
        for row, flag in enumerate(flags):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                           | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
            done = flag.key in self.draft.resolved
            check.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            if flag.blocking:
                check.setFlags(check.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.table.setItem(row, 0, check)
            self.table.setItem(row, 1, QTableWidgetItem(flag.where))
            problem = QTableWidgetItem(flag.problem)
            problem.setToolTip(flag.source)
            self.table.setItem(row, 2, problem)
        self.table.blockSignals(False)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, 180)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self._count()

    def _checked(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        key = self.draft.flags[item.row()].key
        if item.checkState() == Qt.CheckState.Checked:
            self.draft.resolve(key)
        else:
            self.draft.resolved.discard(key)
        self._count()

    def confirm_all(self) -> None:
        """Tick every flag (what a clerk does after reading them all)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked)

    def _count(self) -> None:
        left = self.draft.unresolved()
        blocking = self.draft.blocking()
        text = f"Còn {len(left)} điểm chưa kiểm tra." if left else "Đã kiểm tra mọi điểm."
        if blocking:
            text += " Thông tin bắt buộc còn thiếu (bước 1): " + ", ".join(
                f.where for f in blocking
            )
        self.left.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.draft.blocking():
            return False
        return not self.draft.unresolved() or self.accept_rest.isChecked()

    def _show_source(self, row: int) -> None:
        if 0 <= row < len(self.draft.flags):
            flag = self.draft.flags[row]
            self.source.show_sentence(flag.source or flag.where)
