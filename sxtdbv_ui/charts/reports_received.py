"""Reports received over time, up to the deadline: how many of the expected agencies had sent
their report on each day, the deadline as a dashed line, the expected number as the ceiling;
reports that came after the deadline in amber."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from sxtdbv_desktop import vnformat
from sxtdbv_desktop.consolidation import ReportingSummary
from sxtdbv_ui.charts.base import AMBER, BLUE, GRID, MUTED, TEXT, Chart, Hotspot

LEAD_DAYS = 21  # the chart starts three weeks before the deadline, or at the first report
LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight


@dataclass(frozen=True)
class Arrivals:
    deadline: dt.date
    expected: int
    days: list[tuple[dt.date, list[str]]]  # each day a report came, and whose


def arrivals_of(reporting: ReportingSummary) -> Arrivals:
    by_day: dict[dt.date, list[str]] = {}
    for row in reporting.agencies:
        if row.received and row.report is not None and row.report.received_on is not None:
            by_day.setdefault(row.report.received_on, []).append(row.agency.display_name)
    return Arrivals(reporting.period.deadline, reporting.expected, sorted(by_day.items()))


@dataclass(frozen=True)
class _Frame:
    """Where days and counts fall in the plotting area."""

    plot: QRectF
    first: dt.date
    last: dt.date
    expected: int

    def x(self, day: dt.date) -> float:
        span = max((self.last - self.first).days, 1)
        return self.plot.left() + (day - self.first).days / span * self.plot.width()

    def y(self, count: int) -> float:
        return self.plot.bottom() - count / self.expected * self.plot.height()


class ReportsChart(Chart):
    empty_text = "Chưa có đơn vị nào phải báo cáo."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: Arrivals | None = None
        self.today = dt.date.today()

    def set_data(self, reporting: ReportingSummary, today: dt.date) -> None:
        self.data, self.today = arrivals_of(reporting), today
        self.update()

    def is_empty(self) -> bool:
        return self.data is None or self.data.expected == 0

    def draw(self, painter: QPainter, area: QRectF) -> None:
        assert self.data is not None
        data, line = self.data, painter.fontMetrics().height()
        days = [d for d, _ in data.days]
        first = min([data.deadline - dt.timedelta(days=LEAD_DAYS), *days])
        last = max([data.deadline + dt.timedelta(days=3), *days])
        margin = painter.fontMetrics().horizontalAdvance("000") + 6
        plot = area.adjusted(margin, line + 4, -8, -line - 6)
        frame = _Frame(plot, first, last, data.expected)
        self._axes(painter, frame, data)
        self._steps(painter, frame, data)

    def _axes(self, painter: QPainter, frame: _Frame, data: Arrivals) -> None:
        plot, line = frame.plot, painter.fontMetrics().height()
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        ceiling = frame.y(data.expected)
        painter.setPen(QPen(MUTED, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(plot.left(), ceiling), QPointF(plot.right(), ceiling))
        painter.setPen(MUTED)
        for count, height in ((data.expected, ceiling), (0, plot.bottom())):
            box = QRectF(plot.left() - 40, height - line / 2, 36, line)
            painter.drawText(box, int(RIGHT), str(count))
        deadline = frame.x(data.deadline)
        painter.setPen(QPen(TEXT, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(deadline, plot.top()), QPointF(deadline, plot.bottom()))
        painter.setPen(TEXT)
        label = QRectF(deadline - 100, plot.top() - line - 2, 200, line)
        painter.drawText(label, int(Qt.AlignmentFlag.AlignHCenter),
                         f"Hạn {vnformat.format_date(data.deadline)}")  # fmt: skip
        painter.setPen(MUTED)
        for day, align in ((frame.first, LEFT), (frame.last, RIGHT)):
            left = frame.x(day) - (0 if align == LEFT else 80)
            box = QRectF(left, plot.bottom() + 2, 80, line)
            painter.drawText(box, int(align), f"{day.day:02d}/{day.month:02d}")

    def _steps(self, painter: QPainter, frame: _Frame, data: Arrivals) -> None:
        path = QPainterPath(QPointF(frame.plot.left(), frame.y(0)))
        count = 0
        for day, names in data.days:
            path.lineTo(QPointF(frame.x(day), frame.y(count)))
            count += len(names)
            path.lineTo(QPointF(frame.x(day), frame.y(count)))
        until = max([self.today, *(d for d, _ in data.days)])
        path.lineTo(QPointF(min(frame.x(until), frame.plot.right()), frame.y(count)))
        painter.setPen(QPen(BLUE, 2))
        painter.drawPath(path)
        self._points(painter, frame, data)
        painter.setPen(TEXT)
        text = f"Đã nhận {count}/{data.expected}"
        painter.drawText(QRectF(frame.plot.left() + 4, frame.plot.top(), frame.plot.width(),
                                painter.fontMetrics().height()), int(LEFT), text)  # fmt: skip

    def _points(self, painter: QPainter, frame: _Frame, data: Arrivals) -> None:
        count = 0
        painter.setPen(Qt.PenStyle.NoPen)
        for day, names in data.days:
            count += len(names)
            late = day > data.deadline
            point = QPointF(frame.x(day), frame.y(count))
            painter.setBrush(AMBER if late else BLUE)
            painter.drawEllipse(point, 3.5, 3.5)
            when = "trễ hạn" if late else "đúng hạn"
            text = (
                f"{vnformat.format_date(day)}: {', '.join(names)} ({when}); "
                f"đã nhận {count}/{data.expected}"
            )
            self.hotspots.append(Hotspot(QRectF(point.x() - 6, point.y() - 6, 12, 12), text))
        painter.setBrush(Qt.BrushStyle.NoBrush)
