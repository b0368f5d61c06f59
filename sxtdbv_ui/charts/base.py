"""What every chart of the window shares: painted with QPainter (QtCharts would add about
4–5 MB of libraries to a bundle that has 5 MB of room: README, "Biểu đồ"), a title, a message
when there is nothing to draw, tooltips over what is drawn, and a picture of itself (PNG) for
documents.

A chart holds plain data (`set_data`), never reads the database, and paints in `draw`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

TEXT = QColor("#202124")
MUTED = QColor("#5f6368")
GRID = QColor("#dadce0")
GOOD = QColor("#5aa469")
BAD = QColor("#e07a6f")
NEUTRAL = QColor("#b0b4ba")
BLUE = QColor("#4a7fc1")
PALE_BLUE = QColor("#c7d7ee")
AMBER = QColor("#d28b1e")


@dataclass(frozen=True)
class Hotspot:
    """A drawn area and what its tooltip says."""

    area: QRectF
    text: str


class Chart(QWidget):
    """A painted chart: subclasses fill `draw(painter, area)` and say `is_empty()`."""

    empty_text = "Chưa có số liệu."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(self.fontMetrics().height() * 7)
        self.hotspots: list[Hotspot] = []

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 60, self.fontMetrics().height() * 14)

    def is_empty(self) -> bool:
        raise NotImplementedError

    def draw(self, painter: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint_on(painter, QRectF(self.rect()), self.font())
        finally:
            painter.end()

    def paint_on(self, painter: QPainter, area: QRectF, font: QFont) -> None:
        """Paint the chart in `area` (of this widget, an image, a printer)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        self.hotspots = []
        if self.is_empty():
            painter.setPen(MUTED)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
            return
        self.draw(painter, area.adjusted(4, 4, -4, -4))

    def to_image(self, size: QSize, font_points: float = 9) -> QImage:
        """The chart drawn on a white image of `size` pixels (for a document, a report)."""
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        font = QFont(self.font())
        font.setPointSizeF(font_points)
        on_screen = self.hotspots  # the widget's tooltips stay where the widget drew them
        try:
            self.paint_on(painter, QRectF(0, 0, size.width(), size.height()), font)
        finally:
            painter.end()
            self.hotspots = on_screen
        return image

    def to_png(self, size: QSize, font_points: float = 9) -> bytes:
        buffer = QBuffer()
        buffer.open(QBuffer.OpenModeFlag.WriteOnly)
        self.to_image(size, font_points).save(buffer, "PNG")  # type: ignore[call-overload]
        return bytes(buffer.data().data())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            spot = self.hotspot_at(QPointF(event.pos()))
            if spot is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), spot.text, self)
            return True
        return super().event(event)

    def hotspot_at(self, point: QPointF) -> Hotspot | None:
        return next((s for s in self.hotspots if s.area.contains(point)), None)


def elided(painter: QPainter, text: str, width: float) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))


def short_money(value: int) -> str:
    """ "1,5 tỷ", "735,7 triệu", "95.500": money in a chart's little room."""
    if abs(value) >= 1_000_000_000:
        return f"{value / 1_000_000_000:.1f} tỷ".replace(".", ",")
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.1f} triệu".replace(".", ",")
    return f"{value:,}".replace(",", ".")
