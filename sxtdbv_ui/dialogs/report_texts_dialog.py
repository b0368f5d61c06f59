"""Báo cáo → Nội dung báo cáo tổng hợp…: the Sở writes its own parts of the report.

The parts on the left in the report's order (I. Công tác chỉ đạo; each task group of II.1; the
duties; III. Đánh giá chung; IV. Phương hướng; V. Kiến nghị), each marked as still the draft
or written by the Sở; the part's text in the middle, pre-drafted from the figures; on the
right what the agencies wrote that belongs there (by task, by theme of difficulty, by whom a
proposal asks), to insert at the cursor. "Khôi phục bản nháp" puts the draft back. Saving
stores every changed part at once (one undoable edit); a part left as its draft is not frozen,
so it keeps following the figures as reports arrive.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_desktop.report import own_texts
from sxtdbv_desktop.report.content import build_report
from sxtdbv_desktop.report.editing import Material, Part, parts
from sxtdbv_ui import msgbox, texts
from sxtdbv_ui.screen_fit import fit_to_screen
from sxtdbv_ui.translator import qt_word
from sxtdbv_ui.workspace import SETTINGS, Workspace, value_edit

TITLE = "Nội dung báo cáo tổng hợp"
DRAFT_MARK, WRITTEN_MARK = "bản nháp", "Sở đã viết"


class ReportTextsDialog(QDialog):
    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(TITLE)
        report = build_report(session.db, session.plan_id)
        self.period_id = report.period.id
        self.parts: list[Part] = parts(report)
        self.texts = {part.key: part.text for part in self.parts}
        self.saved_texts = dict(self.texts)
        self._current = -1
        self._leaving = False  # the user agreed to lose unsaved changes

        self.part_list = QListWidget()
        self.part_list.setAccessibleName("Các phần của báo cáo")
        self.part_list.setWordWrap(True)
        self.part_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.part_list.setSpacing(1)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Nội dung của phần")
        self.editor.setTabChangesFocus(True)
        self.length_label = QLabel()
        self.restore_button = QPushButton("&Khôi phục bản nháp")
        self.restore_button.setToolTip("Thay nội dung của phần này bằng bản nháp lập từ số liệu")
        self.material_title = QLabel("Tư liệu từ báo cáo của các cơ quan, đơn vị:")
        self.material = QListWidget()
        self.material.setAccessibleName("Tư liệu từ báo cáo của các cơ quan, đơn vị")
        self.material.setWordWrap(True)
        self.material.setResizeMode(QListView.ResizeMode.Adjust)
        self.material.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.insert_button = QPushButton("&Chèn vào nội dung")
        self.insert_button.setToolTip("Chèn dòng đã chọn vào vị trí con trỏ (hoặc nháy đúp)")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Lưu")
        self.save_button.setToolTip("Lưu mọi phần đã sửa (Ctrl+S)")
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(texts.CLOSE)
        self._build_layout()

        for part in self.parts:
            self.part_list.addItem(QListWidgetItem(self._item_text(part.key)))
        self._connect()
        writable = not session.read_only
        self.editor.setReadOnly(not writable)
        if not writable:
            self.hint.setText(session.read_only_reason)
        self.part_list.setCurrentRow(0)
        self._update_buttons()

    def _connect(self) -> None:
        self.part_list.currentRowChanged.connect(self._show_part)
        self.editor.textChanged.connect(self._on_text_changed)
        self.restore_button.clicked.connect(self.restore_draft)
        self.insert_button.clicked.connect(self.insert_material)
        self.material.itemDoubleClicked.connect(lambda *_: self.insert_material())
        self.material.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

    def _build_layout(self) -> None:
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.hint)
        column.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.length_label)
        column.addLayout(row)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.material_title)
        side.addWidget(self.material, 1)
        side.addWidget(self.insert_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(self.part_list)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([280, 540, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1240, 660)

    # --- the parts ------------------------------------------------------------------------

    def _item_text(self, key: str) -> str:
        part = self._part(key)
        mark = DRAFT_MARK if self.texts[key] == part.draft else WRITTEN_MARK
        changed = " *" if self.texts[key] != self.saved_texts[key] else ""
        return f"{part.heading} ({mark}){changed}"

    def _part(self, key: str) -> Part:
        return next(part for part in self.parts if part.key == key)

    @property
    def current(self) -> Part:
        return self.parts[self._current]

    def _show_part(self, row: int) -> None:
        if row < 0:
            return
        self._current = row
        part = self.parts[row]
        self.heading.setText(part.heading)
        if not self.session.read_only:
            self.hint.setText(part.hint)
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.texts[part.key])
        self.editor.blockSignals(False)
        self._show_length()
        self._show_material(part.material)
        self._update_buttons()

    def _show_material(self, found: tuple[Material, ...]) -> None:
        """The material under a bold line per group (a task, a theme, an addressee)."""
        self.material.clear()
        group = None
        for item in found:
            if item.group != group:
                group = item.group
                band = QListWidgetItem(group)
                font = band.font()
                font.setBold(True)
                band.setFont(font)
                band.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable, not insertable
                self.material.addItem(band)
            line = QListWidgetItem(f"{item.text} ({item.agencies})")
            line.setData(Qt.ItemDataRole.UserRole, item.line)
            self.material.addItem(line)
        if not found:
            empty = QListWidgetItem("Không có tư liệu cho phần này.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.material.addItem(empty)

    def _on_text_changed(self) -> None:
        key = self.current.key
        self.texts[key] = self.editor.toPlainText()
        self.part_list.item(self._current).setText(self._item_text(key))
        self._show_length()
        self._update_buttons()

    def _show_length(self) -> None:
        length = len(self.editor.toPlainText())
        self.length_label.setText(f"{length:,} / {own_texts.MAX_LENGTH:,} ký tự".replace(",", "."))

    def _update_buttons(self) -> None:
        writable = not self.session.read_only
        part = self.current if self._current >= 0 else None
        self.restore_button.setEnabled(
            writable and part is not None and self.texts[part.key] != part.draft
        )
        chosen = self.material.currentItem()
        self.insert_button.setEnabled(
            writable and chosen is not None and chosen.data(Qt.ItemDataRole.UserRole) is not None
        )
        self.save_button.setEnabled(writable and self.changed())

    # --- commands ------------------------------------------------------------------------

    def restore_draft(self) -> None:
        """Put the part's draft back (undoable in the editor with Ctrl+Z)."""
        cursor = self.editor.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(self.current.draft)

    def insert_material(self) -> None:
        chosen = self.material.currentItem()
        line = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
        if line is None or self.editor.isReadOnly():
            return
        cursor = self.editor.textCursor()
        if cursor.positionInBlock() > 0:
            cursor.insertText("\n")
        cursor.insertText(str(line))
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def changed(self) -> bool:
        return self.texts != self.saved_texts

    def stored(self, texts_by_key: dict[str, str]) -> dict[str, str]:
        """What is stored for each part: "" where the text is its draft (which then keeps
        following the figures)."""
        return {
            key: "" if text.strip() == self._part(key).draft.strip() else text
            for key, text in texts_by_key.items()
        }

    def save(self) -> bool:
        """Store every changed part (one undoable edit); True when done."""
        if not self.changed() or self.session.read_only:
            return not self.changed()
        keys = [key for key, text in self.texts.items() if text != self.saved_texts[key]]
        old = self.stored({key: self.saved_texts[key] for key in keys})
        new = self.stored({key: self.texts[key] for key in keys})
        db, plan_id, period_id = self.session.db, self.session.plan_id, self.period_id

        def store(values: dict[str, str]) -> None:
            own_texts.save(db, plan_id, period_id, values)

        edit = value_edit("Sửa nội dung báo cáo tổng hợp", store, old, new, SETTINGS)
        if edit is not None and not self.session.perform(edit):
            return False
        self.saved_texts = dict(self.texts)
        for row, part in enumerate(self.parts):
            self.part_list.item(row).setText(self._item_text(part.key))
        self._update_buttons()
        return True

    def may_close(self) -> bool:
        """True when nothing unsaved would be lost, or the user agrees to lose it."""
        if self._leaving or not self.changed():
            return True
        self._leaving = msgbox.ask(
            self,
            TITLE,
            "Có phần đã sửa nhưng chưa lưu. Bỏ các thay đổi đó?",
            yes=qt_word("Discard"),
            no="Quay lại",
        )
        return self._leaving

    def reject(self) -> None:  # Esc, Đóng
        if self.may_close():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # the title bar's close button
        if self.may_close():
            super().closeEvent(event)
        else:
            event.ignore()
