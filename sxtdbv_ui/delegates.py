"""Cell editing: validated line editors (text, money, numbers, percentages, dates), pickers
(combo boxes with Vietnamese labels) and a progress bar painter, chosen per cell.

A line editor checks the text as it is typed: an invalid value turns the field red, and its
reason shows in a tooltip and in the status bar; Enter does nothing until the value is valid,
and leaving the cell with an invalid value saves nothing and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QTextCursor, QTextOption, QValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from sxtdbv_ui.models.base import EDITOR_ROLE, PROGRESS_ROLE, Editor, EditorKind
from sxtdbv_ui.parsing import PARSERS, editor_text
from sxtdbv_ui.texts import VALUE_NOT_SAVED
from sxtdbv_ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex

INVALID_STYLE = "QLineEdit { background: #fdecea; border: 2px solid #b3261e; }"


class ParseValidator(QValidator):
    """Accepts what `parse` reads; anything else is "intermediate" so typing can go on."""

    def __init__(self, parse: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parse = parse
        self.problem = ""

    def validate(self, text: str, pos: int) -> QValidator.State:
        try:
            self._parse(text)
        except ValueError as error:
            self.problem = str(error)
            return QValidator.State.Intermediate
        self.problem = ""
        return QValidator.State.Acceptable


class ValidatedLineEdit(QLineEdit):
    """A line editor that shows, as it is typed, whether its text is valid and why not."""

    def __init__(self, label: str, parse: Callable[[str], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        self.validator_ = ParseValidator(parse, self)
        self.setValidator(self.validator_)
        self.textChanged.connect(self._show_state)
        self.setProperty("invalid", False)

    @property
    def problem(self) -> str:
        """Why the text is not valid, with the field's name; "" when it is."""
        self.validator_.validate(self.text(), 0)
        return f"{self.label}: {self.validator_.problem}" if self.validator_.problem else ""

    def _show_state(self) -> None:
        problem = self.problem
        self.setProperty("invalid", bool(problem))
        self.setStyleSheet(INVALID_STYLE if problem else "")
        self.setToolTip(problem)
        if problem and self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), problem, self)
        elif not problem:
            QToolTip.hideText()


class LongTextEditor(QPlainTextEdit):
    """A long text (a task's result, a description) edited over several lines, as in an Excel
    cell: Enter saves, Alt+Enter or Shift+Enter starts a new line, Tab saves and moves to the
    next cell, Esc leaves without saving."""

    done = Signal(QAbstractItemDelegate.EndEditHint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setToolTip("Enter: lưu; Alt+Enter: xuống dòng; Tab: lưu và sang ô sau; Esc: bỏ qua")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        new_line = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if modifiers & new_line:
                self.insertPlainText("\n")
            else:
                self.done.emit(QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return
        if key == Qt.Key.Key_Tab:
            self.done.emit(QAbstractItemDelegate.EndEditHint.EditNextItem)
            return
        if key == Qt.Key.Key_Backtab:
            self.done.emit(QAbstractItemDelegate.EndEditHint.EditPreviousItem)
            return
        super().keyPressEvent(event)


class CellDelegate(QStyledItemDelegate):
    """Edits a cell the way its `Editor` says: a validated line editor for text, money,
    numbers, percentages and dates; a multi-line editor for long texts; a picker for choices
    (agencies, statuses, kinds...)."""

    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spec = _editor(index)
        if spec.kind is EditorKind.CHOICE:
            combo = QComboBox(parent)
            for value, label in spec.choices() if spec.choices else []:
                combo.addItem(label, value)
            combo.activated.connect(lambda: self._commit(combo))
            return combo
        if spec.kind is EditorKind.LONG_TEXT:
            long_text = LongTextEditor(parent)
            long_text.done.connect(lambda hint: self._finish(long_text, hint))
            return long_text
        editor = ValidatedLineEdit(_label(index), PARSERS[spec.kind], parent)
        editor.textChanged.connect(lambda: self._session.message.emit(editor.problem))
        return editor

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def _finish(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, hint)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        if not isinstance(editor, LongTextEditor):
            super().updateEditorGeometry(editor, option, index)
            return
        # Room for a paragraph over the rows below, kept inside the table's visible area.
        viewport = editor.parentWidget()
        area = viewport.rect() if viewport is not None else option.rect
        lines = editor.fontMetrics().lineSpacing()
        width = max(option.rect.width(), editor.fontMetrics().averageCharWidth() * 60)
        rect = QRect(option.rect.topLeft(), QSize(width, lines * 7 + 12))
        rect.moveRight(min(rect.right(), area.right()))
        rect.moveBottom(min(rect.bottom(), area.bottom()))
        editor.setGeometry(rect.intersected(area) if rect.intersects(area) else rect)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = [i for i in range(editor.count()) if editor.itemData(i) == value]
            editor.setCurrentIndex(found[0] if found else 0)
        elif isinstance(editor, LongTextEditor):
            editor.setPlainText("" if value is None else str(value))
            editor.moveCursor(QTextCursor.MoveOperation.End)
        elif isinstance(editor, ValidatedLineEdit):
            editor.setText(editor_text(_editor(index).kind, value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, LongTextEditor):
            parse = PARSERS[EditorKind.LONG_TEXT]
            model.setData(index, parse(editor.toPlainText()), Qt.ItemDataRole.EditRole)
            return
        assert isinstance(editor, ValidatedLineEdit)
        problem = editor.problem
        if problem:
            self._session.fail(f"{problem} {VALUE_NOT_SAVED}")
            return
        parse = PARSERS[_editor(index).kind]
        model.setData(index, parse(editor.text()), Qt.ItemDataRole.EditRole)


class ProgressDelegate(CellDelegate):
    """Paints a progress bar (0–100 %) with the cell's text on it, for the columns that show
    one (painting in Python is kept to these columns: it costs a call per cell)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        progress = index.data(PROGRESS_ROLE)
        if progress is None:
            super().paint(painter, option, index)
        else:
            _paint_progress(painter, option, index, int(progress))


def _editor(index: Index) -> Editor[Any]:
    spec = index.data(EDITOR_ROLE)
    assert isinstance(spec, Editor), "the view asked to edit a read-only cell"
    return spec


def _label(index: Index) -> str:
    header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
    return str(header or "")


PROGRESS_TRACK = QColor("#eceff1")
PROGRESS_FILL = QColor("#b9d3f0")
PROGRESS_TEXT = QColor("#202124")
"""A pale fill under dark text: the figure stays readable however far the bar has come (the
style's own progress bar painted its dark chunk over the text)."""


def _paint_progress(
    painter: QPainter, option: QStyleOptionViewItem, index: Index, progress: int
) -> None:
    widget = option.widget
    style = widget.style() if widget is not None else QApplication.style()
    item = QStyleOptionViewItem(option)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, item, painter, widget)
    track = QRectF(option.rect.adjusted(3, 4, -3, -4))
    share = max(0, min(100, progress)) / 100
    painter.save()
    painter.fillRect(track, PROGRESS_TRACK)
    painter.fillRect(QRectF(track.left(), track.top(), track.width() * share, track.height()),
                     PROGRESS_FILL)  # fmt: skip
    painter.setPen(PROGRESS_TEXT)
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    painter.drawText(track, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()
