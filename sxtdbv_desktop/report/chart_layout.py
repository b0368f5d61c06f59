"""A chart's geometry, computed once and drawn twice: as vector shapes in the PDF
(`chart_pdf`) and as a 300 dpi picture in the Word file (`chart_png`).

Units are points, the origin is the top left corner and y grows downwards (as on a page read
top to bottom); text is placed by its baseline. Text is measured with the bundled font's
metrics (`fonts.text_width`), which both renderers draw with, so a label that fits here fits
on paper.

The chart: one band per category, one horizontal bar per series in it, the value written at
the end of each bar; a category without a figure shows "Chưa có số liệu" where its bar would
be; an optional target mark per category (the indicator's threshold) on the same axis; a
scale from 0 to the chart's maximum under the bars; the legend under the scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sxtdbv_desktop.labels import VERDICTS
from sxtdbv_desktop.report.document import Chart
from sxtdbv_desktop.report.fonts import ITALIC, REGULAR, text_width
from sxtdbv_desktop.vnformat import format_number

MISSING_TEXT = VERDICTS["no_data"]  # "Chưa có số liệu"
UNIT_TEXT = "Đơn vị: {}"

LABEL_SIZE = 10.0  # category labels and values: as readable as the tables' 11 pt
SMALL_SIZE = 9.0  # scale and legend
LINE = 1.15  # line height as a multiple of the size (Times' ascent + descent)
LABEL_SHARE = 0.3  # of the width, for the category labels
GAP = 6.0  # between the labels and the bars, and around the plot
BAR = 10.0  # a bar's thickness
BAR_GAP = 2.0  # between the bars of one category
BAND_PAD = 5.0  # above and below each category's bars
MARK_WIDTH = 2.0
SWATCH = (12.0, 8.0)
TEXT_COLOR, MUTED, GRID, AXIS, MARK_COLOR = "#000000", "#595959", "#D0D0D0", "#000000", "#000000"
HALO = "#FFFFFF"

# Roles of texts, for the renderers' tests and for anyone looking for one kind of label.
CATEGORY, VALUE, MISSING, TICK, UNIT, LEGEND = (
    "category",
    "value",
    "missing",
    "tick",
    "unit",
    "legend",
)
START, MIDDLE, END = "start", "middle", "end"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    color: str


@dataclass(frozen=True)
class Stroke:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # the baseline
    text: str
    size: float
    face: str  # a face of `fonts` (REGULAR, ITALIC...)
    anchor: str  # START, MIDDLE or END: which point of the text is at x
    color: str
    role: str


@dataclass(frozen=True)
class Bar:
    category: int
    series: int
    value: float
    box: Box


@dataclass(frozen=True)
class Mark:
    category: int
    value: float
    stroke: Stroke


@dataclass(frozen=True)
class ChartLayout:
    width: float
    height: float
    maximum: float  # the value at the right end of the scale
    plot: Box  # where 0 and the maximum are: x to x + width
    grid: tuple[Stroke, ...]
    bars: tuple[Bar, ...]
    marks: tuple[Mark, ...]
    axes: tuple[Stroke, ...]
    halos: tuple[Box, ...]  # white, behind the values, so that a target mark never crosses one
    swatches: tuple[Box, ...]  # the legend's samples of the series
    legend_marks: tuple[Stroke, ...]  # and of the target mark
    texts: tuple[Text, ...]

    def position(self, value: float) -> float:
        """The x of `value` on the scale (clamped to it)."""
        return self.plot.x + min(max(value, 0.0), self.maximum) / self.maximum * self.plot.width


def lay_out(chart: Chart, width: float) -> ChartLayout:
    """The layout of `chart` drawn `width` points wide (its height follows from the content)."""
    maximum = chart.maximum if chart.maximum > 0 else 1.0
    label_width = max(width * LABEL_SHARE, 60.0)
    values_width = _widest_value_label(chart) + GAP
    plot_x = label_width + GAP
    plot_width = max(width - plot_x - values_width, 40.0)
    builder = _Builder(chart, maximum, plot_x, plot_width, label_width)
    y = GAP / 2
    for index in range(len(chart.categories)):
        y = builder.band(index, y)
    plot = Box(plot_x, GAP / 2, plot_width, y - GAP / 2, "")
    y = builder.scale(plot)
    y = builder.legend(y, width)
    return ChartLayout(
        width=width,
        height=y + GAP / 2,
        maximum=maximum,
        plot=plot,
        grid=tuple(builder.grid),
        bars=tuple(builder.bars),
        marks=tuple(builder.marks),
        axes=tuple(builder.axes),
        halos=tuple(builder.halos),
        swatches=tuple(builder.swatches),
        legend_marks=tuple(builder.legend_marks),
        texts=tuple(builder.texts),
    )


class _Builder:
    def __init__(
        self, chart: Chart, maximum: float, plot_x: float, plot_width: float, label_width: float
    ) -> None:
        self.chart, self.maximum = chart, maximum
        self.plot_x, self.plot_width, self.label_width = plot_x, plot_width, label_width
        self.grid: list[Stroke] = []
        self.bars: list[Bar] = []
        self.marks: list[Mark] = []
        self.axes: list[Stroke] = []
        self.halos: list[Box] = []
        self.swatches: list[Box] = []
        self.legend_marks: list[Stroke] = []
        self.texts: list[Text] = []

    def x(self, value: float) -> float:
        return self.plot_x + min(max(value, 0.0), self.maximum) / self.maximum * self.plot_width

    def band(self, index: int, top: float) -> float:
        """Lay out one category from `top`; return where the next one starts."""
        chart = self.chart
        lines = wrap(chart.categories[index], REGULAR, LABEL_SIZE, self.label_width)
        line_height = LABEL_SIZE * LINE
        series = len(chart.series)
        bars_height = series * BAR + max(series - 1, 0) * BAR_GAP
        height = max(bars_height, len(lines) * line_height) + 2 * BAND_PAD
        middle = top + height / 2
        first_baseline = middle - len(lines) * line_height / 2 + LABEL_SIZE * 0.8
        for number, line in enumerate(lines):
            baseline = first_baseline + number * line_height
            self.text(self.label_width, baseline, line, role=CATEGORY, align=END)
        bar_top = middle - bars_height / 2
        for number in range(series):
            self.bar(index, number, bar_top)
            bar_top += BAR + BAR_GAP
        target = chart.targets[index] if index < len(chart.targets) else None
        if target is not None:
            x = self.x(target)
            stroke = Stroke(x, top + 1, x, top + height - 1, MARK_COLOR, MARK_WIDTH)
            self.marks.append(Mark(index, target, stroke))
        return top + height

    def bar(self, category: int, series: int, top: float) -> None:
        """The bar of one series in one category, its top at `top`, with its value after it
        (or the words for a missing value in its place)."""
        one = self.chart.series[series]
        value = one.values[category] if category < len(one.values) else None
        baseline = top + BAR / 2 + LABEL_SIZE * 0.35
        if value is None:
            self.text(self.plot_x + 3, baseline, MISSING_TEXT, role=MISSING, face=ITALIC,
                      color=MUTED)  # fmt: skip
            self.halo(self.plot_x + 1.5, top, text_width(MISSING_TEXT, ITALIC, LABEL_SIZE))
            return
        end = self.x(value)
        box = Box(self.plot_x, top, end - self.plot_x, BAR, one.color)
        self.bars.append(Bar(category, series, value, box))
        label = one.labels[category] if category < len(one.labels) else ""
        if label:
            self.text(end + 3, baseline, label, role=VALUE)
            self.halo(end + 1.5, top, text_width(label, REGULAR, LABEL_SIZE))

    def halo(self, x: float, top: float, text_width: float) -> None:
        self.halos.append(Box(x, top, text_width + 3, BAR, HALO))

    def scale(self, plot: Box) -> float:
        """The grid, the axes and the scale under the plot; return the y under them."""
        bottom = plot.y + plot.height
        baseline = bottom + 3 + SMALL_SIZE
        for tick in ticks(self.maximum):
            x = self.x(tick)
            if tick > 0:
                self.grid.append(Stroke(x, plot.y, x, bottom, GRID, 0.5))
            self.axes.append(Stroke(x, bottom, x, bottom + 2.5, AXIS, 0.75))
            self.text(x, baseline, format_tick(tick), role=TICK, align=MIDDLE, size=SMALL_SIZE)
        self.axes.append(Stroke(plot.x, plot.y, plot.x, bottom, AXIS, 0.75))
        self.axes.append(Stroke(plot.x, bottom, plot.x + plot.width, bottom, AXIS, 0.75))
        unit_baseline = baseline + SMALL_SIZE * LINE
        unit = UNIT_TEXT.format(self.chart.axis_label)
        self.text(plot.x + plot.width, unit_baseline, unit, role=UNIT, align=END, face=ITALIC,
                  color=MUTED, size=SMALL_SIZE)  # fmt: skip
        return unit_baseline + SMALL_SIZE * 0.4

    def legend(self, top: float, width: float) -> float:
        """The legend from `top`, wrapped to `width`; return the y under it."""
        entries: list[tuple[str, str | None]] = [(s.name, s.color) for s in self.chart.series]
        has_target = any(t is not None for t in self.chart.targets)
        if has_target and self.chart.target_label:
            entries.append((self.chart.target_label, None))
        line_height = SMALL_SIZE * LINE + 2
        x, y = self.plot_x, top + GAP
        for name, color in entries:
            needed = SWATCH[0] + 4 + text_width(name, REGULAR, SMALL_SIZE) + 12
            if x > self.plot_x and x + needed > width:
                x, y = self.plot_x, y + line_height
            middle = y + line_height / 2
            if color is None:
                mark_x = x + SWATCH[0] / 2
                self.legend_marks.append(
                    Stroke(mark_x, middle - 6, mark_x, middle + 6, MARK_COLOR, MARK_WIDTH)
                )
            else:
                self.swatches.append(Box(x, middle - SWATCH[1] / 2, SWATCH[0], SWATCH[1], color))
            baseline = middle + SMALL_SIZE * 0.35
            self.text(x + SWATCH[0] + 4, baseline, name, role=LEGEND, size=SMALL_SIZE)
            x += needed
        return y + line_height if entries else top

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        role: str,
        align: str = START,
        face: str = REGULAR,
        color: str = TEXT_COLOR,
        size: float = LABEL_SIZE,
    ) -> None:
        self.texts.append(Text(x, y, text, size, face, align, color, role))


def _widest_value_label(chart: Chart) -> float:
    widths = [text_width(label, REGULAR, LABEL_SIZE) for s in chart.series for label in s.labels]
    return max([*widths, text_width(MISSING_TEXT, ITALIC, LABEL_SIZE) / 2, 20.0])


def wrap(text: str, face: str, size: float, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` (at spaces; a longer word by letters)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, face, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for letter in word:
            if current and text_width(current + letter, face, size) > width:
                lines.append(current)
                current = ""
            current += letter
    if current:
        lines.append(current)
    return lines or [""]


def ticks(maximum: float, most: int = 6) -> list[float]:
    """Round values from 0 to `maximum`: steps of 1, 2, 2.5 or 5 times a power of ten, at most
    `most` steps."""
    if maximum <= 0:
        return [0.0]
    power = 10.0 ** math.floor(math.log10(maximum / most))
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if maximum / (f * power) <= most)
    count = math.floor(maximum / step + 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


def format_tick(value: float) -> str:
    """A scale value as the report writes numbers: "1.000", "2,5"."""
    if value == int(value):
        return format_number(int(value))
    return f"{value:g}".replace(".", ",")
