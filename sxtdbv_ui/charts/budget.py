"""The budget by funding source: for each source one bar on a common scale, the estimate as
its pale length, what is allocated over it in blue and what is disbursed inside that in green;
the three amounts are written under the bar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QWidget

from sxtdbv_desktop import headings, vnformat
from sxtdbv_desktop.consolidation import BudgetSummary
from sxtdbv_ui.charts.base import (
    BLUE,
    GOOD,
    MUTED,
    PALE_BLUE,
    TEXT,
    Chart,
    Hotspot,
    elided,
    short_money,
)

SERIES = ((headings.ESTIMATE, PALE_BLUE), (headings.ALLOCATED, BLUE), (headings.DISBURSED, GOOD))


@dataclass(frozen=True)
class SourceBars:
    name: str
    estimate: int | None  # None: not known yet
    allocated: int
    disbursed: int

    def words(self) -> str:
        estimate = "chưa rõ" if self.estimate is None else short_money(self.estimate)
        return (
            f"phân bổ {short_money(self.allocated)} · giải ngân {short_money(self.disbursed)}"
            f" · dự toán {estimate}"
        )

    def tooltip(self) -> str:
        estimate = "chưa rõ" if self.estimate is None else vnformat.format_money(self.estimate)
        return (
            f"{self.name}\n{headings.ESTIMATE}: {estimate}\n{headings.ALLOCATED}: "
            f"{vnformat.format_money(self.allocated)}\n{headings.DISBURSED}: "
            f"{vnformat.format_money(self.disbursed)}"
        )


class BudgetChart(Chart):
    empty_text = "Chưa có số liệu kinh phí theo nguồn (dự toán, phân bổ, giải ngân)."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources: list[SourceBars] = []

    def set_data(self, budget: BudgetSummary) -> None:
        self.sources = [
            SourceBars(s.source.name, s.source.estimate, s.allocated, s.disbursed)
            for s in budget.sources
        ]
        self.update()

    def is_empty(self) -> bool:
        return not any(s.estimate or s.allocated or s.disbursed for s in self.sources)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        line = painter.fontMetrics().height()
        area = area.adjusted(0, self._legend(painter, area) + 6, 0, 0)
        top = max(max(s.estimate or 0, s.allocated, s.disbursed) for s in self.sources) or 1
        row = area.height() / len(self.sources)
        label_width = area.width() * 0.32
        left, width = area.left() + label_width + 8, area.width() - label_width - 12
        words = row >= line * 1.9  # room for the amounts under each bar (else: the tooltip)
        bar = min(max(row - line * 1.1, 6), line * 0.9) if words else max(row * 0.7, 4)
        for n, source in enumerate(self.sources):
            y = area.top() + n * row
            painter.setPen(TEXT)
            painter.drawText(QRectF(area.left(), y, label_width, max(bar + 2, line)),
                             int(Qt.AlignmentFlag.AlignVCenter),
                             elided(painter, source.name, label_width))  # fmt: skip
            track = QRectF(left, y + 1, width, bar)
            for amount, color, inset in ((source.estimate or 0, PALE_BLUE, 0.0),
                                         (source.allocated, BLUE, 0.0),
                                         (source.disbursed, GOOD, bar * 0.25)):  # fmt: skip
                length = amount / top * width
                painter.fillRect(QRectF(left, track.top() + inset, length, bar - 2 * inset), color)
            if words:
                _amounts(painter, source, QRectF(left, track.bottom() + 1, width, line))
            spot = QRectF(area.left(), y, area.width(), row)
            self.hotspots.append(Hotspot(spot, source.tooltip()))

    def _legend(self, painter: QPainter, area: QRectF) -> float:
        metrics = painter.fontMetrics()
        x, size = area.left(), metrics.height() * 0.7
        for name, color in SERIES:
            painter.fillRect(QRectF(x, area.top() + 3, size, size), color)
            painter.setPen(TEXT)
            painter.drawText(QRectF(x + size + 4, area.top(), 200, metrics.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), name)  # fmt: skip
            x += size + 16 + metrics.horizontalAdvance(name)
        return float(metrics.height())


def _amounts(painter: QPainter, source: SourceBars, under: QRectF) -> None:
    """The three amounts under the bar, in a smaller, muted type."""
    painter.save()
    small = QFont(painter.font())
    small.setPointSizeF(painter.font().pointSizeF() * 0.85)
    painter.setFont(small)
    painter.setPen(MUTED)
    painter.drawText(under, int(Qt.AlignmentFlag.AlignLeft),
                     elided(painter, source.words(), under.width()))  # fmt: skip
    painter.restore()
