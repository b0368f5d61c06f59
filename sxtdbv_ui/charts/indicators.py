"""Each indicator's result against its threshold: one bar per indicator on its own scale (a
share in percent, a count in its unit), a mark at the threshold, the figure written at the
bar's end where nothing covers it, and the verdict in words."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from sxtdbv_desktop import labels, result_words
from sxtdbv_desktop.consolidation import EXCEEDED, MET, NO_DATA, IndicatorResult
from sxtdbv_desktop.year_over_year import NOT_COMPARABLE, PreviousResult
from sxtdbv_ui.charts.base import BAD, GOOD, GRID, MUTED, NEUTRAL, TEXT, Chart, Hotspot, elided
from sxtdbv_ui.formatting import reported_tooltip


@dataclass(frozen=True)
class IndicatorBar:
    code: str
    name: str
    value: float | None  # on the indicator's own scale (percent, or its unit)
    threshold: float
    top: float  # the end of the scale
    figure: str  # "66,7 % (8/12)"
    threshold_text: str  # "≥ 70 %"
    verdict: str
    color: QColor
    tooltip: str
    previous: str = ""  # "Năm 2022: 66,7 % (8/12) — gần mục tiêu hơn"; "" when not linked


@dataclass(frozen=True)
class FigurePlace:
    left: float
    width: float
    inside: bool  # written in white on the filled bar


def figure_place(width: float, area: QRectF, end: float, mark: float) -> FigurePlace:
    """Where a bar's figure of `width` goes, never under the threshold's `mark` nor in white
    beyond the filled part (which ends at `end`): after the bar's end (and after the mark when
    the mark is there), else inside the filled part before the mark, else inside it after the
    mark, else after the bar, shortened to the room left ("Giảm 48,9 % (ước…")."""
    after = end + 4
    if after <= mark <= after + width:
        after = mark + 5
    if after + width <= area.right():
        return FigurePlace(after, width, inside=False)
    before_mark = min(end, mark)
    if before_mark - area.left() - 6 >= width:
        return FigurePlace(before_mark - width - 4, width, inside=True)
    if end - mark - 8 >= width:
        return FigurePlace(mark + 4, width, inside=True)
    return FigurePlace(after, max(area.right() - after, 0.0), inside=False)


def previous_text(previous: PreviousResult | None) -> str:
    """Last year beside this year: "Năm 2022: 66,7 % (8/12), gần mục tiêu hơn năm trước"."""
    if previous is None:
        return ""
    text = f"Năm {previous.year}: {result_words.indicator_result(previous.result)}"
    if previous.trend != NOT_COMPARABLE:
        text += f", {labels.TRENDS[previous.trend].lower()} năm trước"
    return text


def bar_of(
    result: IndicatorResult, local_units: str = "", previous: PreviousResult | None = None
) -> IndicatorBar:
    indicator = result.indicator
    value: float | None = None
    if result.figure is not None:
        value = float(Fraction(result.figure) * (100 if indicator.is_ratio else 1))
    threshold = float(indicator.threshold)
    top = 100.0 if indicator.is_ratio else max(threshold * 1.5, (value or 0) * 1.1, 1.0)
    if indicator.is_ratio:
        top = max(top, value or 0)
    color = GOOD if result.verdict in (MET, EXCEEDED) else NEUTRAL
    if result.verdict not in (MET, EXCEEDED, NO_DATA):
        color = BAD
    verdict = result_words.verdict(result)
    figure, wanted = result_words.indicator_result(result), result_words.threshold(indicator)
    tip = f"{indicator.code}. {indicator.name}\nKết quả: {figure}; ngưỡng đạt: {wanted}; "
    tip += f"{verdict}.\n{reported_tooltip(result, local_units)}"
    earlier = previous_text(previous)
    if earlier:
        tip += f"\n{earlier}."
    return IndicatorBar(indicator.code, indicator.name, value, threshold, top, figure, wanted,
                        verdict, color, tip, earlier)  # fmt: skip


class IndicatorChart(Chart):
    empty_text = "Kế hoạch chưa có chỉ tiêu nào."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[IndicatorBar] = []

    def set_data(
        self,
        results: list[IndicatorResult],
        previous: dict[int, PreviousResult] | None = None,
        local_units: str = "",
    ) -> None:
        """The bars of `results`; with `previous` (by indicator id), last year under each name."""
        earlier = previous or {}
        self.bars = [bar_of(r, local_units, earlier.get(r.indicator.id)) for r in results]
        self.update()

    def is_empty(self) -> bool:
        return not self.bars

    def draw(self, painter: QPainter, area: QRectF) -> None:
        metrics = painter.fontMetrics()
        row = min(area.height() / len(self.bars), metrics.height() * 2.6)
        label_width = area.width() * 0.36
        verdict_width = metrics.horizontalAdvance("Chưa có số liệu (tạm tính)") + 8
        bar_left = area.left() + label_width + 8
        bar_width = max(area.width() - label_width - verdict_width - 16, 40)
        for n, bar in enumerate(self.bars):
            top = area.top() + n * row
            line = QRectF(area.left(), top, area.width(), row)
            self._label(painter, bar, QRectF(area.left(), top, label_width, row))
            self._bar(painter, bar, QRectF(bar_left, top + row * 0.2, bar_width, row * 0.6))
            verdict = QRectF(area.right() - verdict_width, top, verdict_width, row)
            painter.setPen(bar.color.darker(160) if bar.value is not None else MUTED)
            painter.drawText(verdict, int(Qt.AlignmentFlag.AlignVCenter), bar.verdict)
            self.hotspots.append(Hotspot(line, bar.tooltip))

    def _label(self, painter: QPainter, bar: IndicatorBar, area: QRectF) -> None:
        painter.setPen(TEXT)
        text = elided(painter, f"{bar.code}. {bar.name}", area.width())
        if not bar.previous:
            painter.drawText(area, int(Qt.AlignmentFlag.AlignVCenter), text)
            return
        half = area.height() / 2
        painter.drawText(QRectF(area.left(), area.top(), area.width(), half),
                         int(Qt.AlignmentFlag.AlignBottom), text)  # fmt: skip
        painter.setPen(MUTED)
        earlier = elided(painter, bar.previous, area.width())
        painter.drawText(QRectF(area.left(), area.top() + half, area.width(), half),
                         int(Qt.AlignmentFlag.AlignTop), earlier)  # fmt: skip

    def _bar(self, painter: QPainter, bar: IndicatorBar, area: QRectF) -> None:
        painter.fillRect(area, QColor("#f1f3f4"))
        scale = area.width() / bar.top
        end = area.left()
        if bar.value is not None:
            filled = QRectF(area.left(), area.top(), min(bar.value, bar.top) * scale, area.height())
            painter.fillRect(filled, bar.color)
            end = filled.right()
        mark = area.left() + min(bar.threshold, bar.top) * scale
        painter.setPen(QPen(TEXT, 2))
        painter.drawLine(QPointF(mark, area.top() - 3), QPointF(mark, area.bottom() + 3))
        self._figure(painter, bar, area, end, mark)

    def _figure(
        self, painter: QPainter, bar: IndicatorBar, area: QRectF, end: float, mark: float
    ) -> None:
        """The figure where nothing covers it (see `figure_place`)."""
        text = bar.figure if bar.value is not None else "chưa có số liệu"
        metrics = painter.fontMetrics()
        place = figure_place(metrics.horizontalAdvance(text) + 6, area, end, mark)
        if place.inside:
            painter.setPen(Qt.GlobalColor.white)
        else:
            painter.setPen(TEXT if bar.value is not None else MUTED)
            text = elided(painter, text, place.width)
        painter.drawText(QRectF(place.left, area.top(), place.width, area.height()),
                         int(Qt.AlignmentFlag.AlignVCenter), text)  # fmt: skip
        painter.setPen(GRID)
