"""Searched words highlighted in the cells that hold them, whatever their accents, case or
spelling ("nilon" lights up "ni-lông").

The delegate is set on a view only while a search is active: painting a cell in Python costs a
call per cell, which the tables pay only when the user is looking for something.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QWidget

from sxtdbv_desktop.search_words import spellings
from sxtdbv_ui.delegates import CellDelegate, Index
from sxtdbv_ui.workspace import Workspace

MATCH_BACKGROUND = QColor("#ffe58f")
_PADDING = 3
_CONTEXT = 12  # characters shown before a match found far into a long text


def fold_chars(text: str) -> str:
    """`text` folded letter by letter (no accents, lower case, đ as d), the same length, so
    that a match in the folded text is a match at the same place in the text."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char.casefold().replace("đ", "d"))
        plain = "".join(c for c in base if not unicodedata.combining(c))
        out.append(plain if len(plain) == 1 else char)
    return "".join(out)


def _word_ranges(folded: str, word: str) -> list[tuple[int, int]]:
    found = []
    for spelling in spellings(word):
        start = folded.find(spelling)
        while start >= 0:
            found.append((start, len(spelling)))
            start = folded.find(spelling, start + len(spelling))
    return _merged(found)


def _merged(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, length in sorted(found):  # "ni-lon" inside "ni-long": one mark
        if merged and start <= merged[-1][0] + merged[-1][1]:
            first, before = merged[-1]
            merged[-1] = (first, max(before, start + length - first))
        else:
            merged.append((start, length))
    return merged


def focus(text: str, words: list[str]) -> tuple[int, int] | None:
    """The match to keep in sight in a long text: the first of its rarest word ("ni-lông"
    rather than the third "túi")."""
    folded = fold_chars(text)
    hits = [found for word in words if (found := _word_ranges(folded, word))]
    return min(hits, key=len)[0] if hits else None


def match_ranges(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the searched `words` (folded and unified) appear in `text`: (start, length)."""
    folded = fold_chars(text)
    return _merged([hit for word in words for hit in _word_ranges(folded, word)])


class HighlightDelegate(CellDelegate):
    """Paints a cell's text with the searched words on a yellow background; edits as usual."""

    def __init__(
        self,
        session: Workspace,
        words: Callable[[], list[str]],
        folded: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self._words = words
        self._folded = folded  # the model's cache of folded cells: most hold no match

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        words = self._words()
        ranges: list[tuple[int, int]] = []
        if isinstance(text, str) and text:
            cell = self._folded(text)
            if any(s in cell for w in words for s in spellings(w)):
                ranges = match_ranges(text, words)
        if not ranges:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""  # the style draws the background, selection and focus; we draw the text
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        kept = focus(text, self._words()) or ranges[0]
        text, ranges = _around(text, ranges, kept, item, area.width() - 2 * _PADDING)
        _draw_text(painter, item, area.adjusted(_PADDING, 0, -_PADDING, 0), text, ranges)


def _around(
    text: str,
    ranges: list[tuple[int, int]],
    kept: tuple[int, int],
    item: QStyleOptionViewItem,
    width: int,
) -> tuple[str, list[tuple[int, int]]]:
    """A long text whose match `kept` lies past the cell's end starts a little before it,
    after an ellipsis, so that what was found shows."""
    start, length = kept
    metrics = item.fontMetrics
    if metrics.horizontalAdvance(text[: start + length]) <= width:
        return text, ranges
    cut = max(0, start - _CONTEXT)
    while cut > 0 and not text[cut - 1].isspace():  # begin at a word
        cut -= 1
    shift = cut - 1  # the ellipsis takes one character
    moved = [(s - shift, n) for s, n in ranges if s >= cut]
    return "…" + text[cut:], moved


def _draw_text(
    painter: QPainter,
    item: QStyleOptionViewItem,
    area: QRect,
    text: str,
    ranges: list[tuple[int, int]],
) -> None:
    shown = item.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
    visible = len(shown) - 1 if shown != text else len(shown)  # the ellipsis is no match
    layout = QTextLayout(shown, item.font)
    marked = QTextCharFormat()
    marked.setBackground(MATCH_BACKGROUND)
    marked.setForeground(QColor("#000000"))
    formats = []
    for start, length in ranges:
        if start < visible:
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, min(length, visible - start), marked
            formats.append(span)
    layout.setFormats(formats)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(max(area.width(), 1) * 4)
    layout.endLayout()
    right = bool(item.displayAlignment & Qt.AlignmentFlag.AlignRight)
    left = area.right() - line.naturalTextWidth() if right else area.left()
    top = area.top() + (area.height() - line.height()) / 2
    selected = bool(item.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    painter.save()
    painter.setPen(item.palette.color(role))  # the model's colour, when it gives one
    layout.draw(painter, QPointF(left, top))
    painter.restore()
