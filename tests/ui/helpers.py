"""Driving tables as a user does: open a cell's editor, type, press Enter or move away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QTreeWidget, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from sxtdbv_ui.delegates import LongTextEditor, ValidatedLineEdit
from sxtdbv_ui.widgets.table_panel import TablePanel


def cell(panel: TablePanel, key: object, header: str) -> QModelIndex:
    """The view's index of the row showing `key`, in the column titled `header`."""
    column = [c.header for c in panel.model.columns].index(header)
    source_row = panel.model.row_of_key(key)
    assert source_row is not None, f"no row {key!r}"
    index = panel.proxy.mapFromSource(panel.model.index(source_row, column))
    assert index.isValid(), f"row {key!r} is filtered out"
    return index


def open_editor(qtbot: QtBot, panel: TablePanel, index: QModelIndex) -> QWidget:
    """Put the cursor on the cell, press F2 and return the editor that opens."""
    view = panel.view
    view.scrollTo(index)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editors = [w for w in view.viewport().findChildren(QWidget) if _is_editor(w)]
    assert editors, "no editor opened (is the cell editable?)"
    return editors[-1]


def _is_editor(widget: QWidget) -> bool:
    return isinstance(widget, ValidatedLineEdit | QComboBox | LongTextEditor) and widget.isVisible()


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key, Vietnamese letters included (as Unikey sends them: one key
    event carrying the composed letter); QTest.keyClicks only knows ASCII."""
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                           Qt.KeyboardModifier.NoModifier)  # fmt: skip


def type_in_cell(
    qtbot: QtBot, panel: TablePanel, index: QModelIndex, text: str
) -> ValidatedLineEdit | LongTextEditor:
    """Open the cell's editor, replace its text with `text` and press Enter."""
    editor = open_editor(qtbot, panel, index)
    assert isinstance(editor, ValidatedLineEdit | LongTextEditor)
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits in a queued call
    return editor


def leave_cell(panel: TablePanel) -> None:
    """Move the cursor to another row, which commits (or refuses) an open editor."""
    view = panel.view
    current = view.currentIndex()
    other = panel.proxy.index((current.row() + 1) % panel.proxy.rowCount(), 0)
    view.setCurrentIndex(other)


def choose_in_cell(qtbot: QtBot, panel: TablePanel, index: QModelIndex, label: str) -> None:
    """Open the cell's picker and choose the item labelled `label`."""
    editor = open_editor(qtbot, panel, index)
    assert isinstance(editor, QComboBox)
    position = editor.findText(label)
    assert position >= 0, f"{label!r} not in {[editor.itemText(i) for i in range(editor.count())]}"
    editor.setCurrentIndex(position)
    editor.activated.emit(position)
    QApplication.processEvents()


def tree_item(tree: QTreeWidget, top: int, *children: int) -> QTreeWidgetItem:
    """The item at top-level row `top`, then at each child row of `children` in turn."""
    item = tree.topLevelItem(top)
    for child in children:
        assert item is not None, f"no item {top}, {children}"
        item = item.child(child)
    assert item is not None, f"no item {top}, {children}"
    return item


def shown_texts(panel: TablePanel, header: str) -> list[Any]:
    column = [c.header for c in panel.model.columns].index(header)
    return [panel.proxy.index(r, column).data() for r in range(panel.proxy.rowCount())]
