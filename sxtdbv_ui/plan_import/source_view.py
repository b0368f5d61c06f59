"""The document's text beside the draft: the sentence a flag or a field came from is found and
highlighted, so the clerk checks the draft against the plan's own words."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

HIGHLIGHT = QColor("#fff2a8")


def review_table(headers: Sequence[str], on_row: Callable[[int], object]) -> QTableWidget:
    """A wizard page's table of what was read: whole rows selected, wrapped texts, its cells
    changed only through the widgets the page puts in them; `on_row(row)` when the current row
    changes (to show its sentence in the document)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.currentCellChanged.connect(lambda row, *_: on_row(row))
    return table


class SourceView(QWidget):
    """The plan document's text, a paragraph a line, read-only."""

    def __init__(self, name: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        title = QLabel(f"<b>Văn bản gốc:</b> {name}")
        title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(title)
        layout.addWidget(self.text, 1)

    def show_sentence(self, sentence: str) -> bool:
        """Highlight the first place of `sentence` (or its beginning) and scroll to it."""
        self.text.setExtraSelections([])
        for probe in (p.strip() for p in (sentence, sentence[:80], sentence[:40])):
            if not probe:
                continue
            found = self.text.document().find(probe, 0, QTextDocument.FindFlag(0))
            if not found.isNull():
                self._highlight(found)
                return True
        return False

    def highlighted(self) -> str:
        selections = self.text.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""

    def _highlight(self, cursor: QTextCursor) -> None:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        selection.format = fmt
        self.text.setExtraSelections([selection])
        view = QTextCursor(cursor)
        view.setPosition(cursor.selectionStart())
        self.text.setTextCursor(view)
        self.text.centerCursor()
