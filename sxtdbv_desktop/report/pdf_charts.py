"""A document `Chart` as a vector drawing in the PDF: horizontal bars by category, a target
mark per category, values written at the bars' ends, a legend."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from sxtdbv_desktop.report.document import Chart
from sxtdbv_desktop.report.fonts import REGULAR, register_fonts, text_width

SIZE = 9.5
LABEL_SHARE = 0.36  # of the width, for the category labels
BAR, GAP = 9.0, 6.0


def chart_flowable(chart: Chart, width: float) -> Drawing:
    register_fonts()
    label_width = width * LABEL_SHARE
    plot = width - label_width - 40
    per_category = BAR * len(chart.series) + GAP
    legend = 18.0
    height = per_category * len(chart.categories) + legend + 14
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR  # else the renderer sets Helvetica, a font not embedded
    top = height - 4
    scale = plot / chart.maximum if chart.maximum else 0
    for index, category in enumerate(chart.categories):
        y0 = top - index * per_category
        for line_no, line in enumerate(_wrap(category, label_width - 6)[:2]):
            drawing.add(String(0, y0 - SIZE - line_no * (SIZE + 1), line, fontName=REGULAR,
                               fontSize=SIZE))  # fmt: skip
        for number, series in enumerate(chart.series):
            value = series.values[index]
            y = y0 - (number + 1) * BAR
            if value is None:
                drawing.add(String(label_width, y + 1.5, "Chưa có số liệu", fontName=REGULAR,
                                   fontSize=SIZE - 1, fillColor=colors.grey))  # fmt: skip
                continue
            length = max(0.0, value) * scale
            drawing.add(Rect(label_width, y, length, BAR - 1.5, strokeColor=None,
                             fillColor=colors.HexColor(series.color)))  # fmt: skip
            drawing.add(String(label_width + length + 2, y + 1.5, series.labels[index],
                               fontName=REGULAR, fontSize=SIZE - 1))  # fmt: skip
        if index < len(chart.targets) and chart.targets[index] is not None:
            x = label_width + float(chart.targets[index] or 0) * scale
            drawing.add(Line(x, y0 - per_category + GAP - 2, x, y0 + 1,
                             strokeColor=colors.HexColor("#C00000"), strokeWidth=1.4))  # fmt: skip
    base = top - per_category * len(chart.categories)
    drawing.add(Line(label_width, base + GAP - 2, label_width, top + 1, strokeColor=colors.black,
                     strokeWidth=0.5))  # fmt: skip
    x = label_width
    for series in chart.series:
        drawing.add(Rect(x, 2, 9, 7, strokeColor=None, fillColor=colors.HexColor(series.color)))
        drawing.add(String(x + 12, 2.5, series.name, fontName=REGULAR, fontSize=SIZE))
        x += 24 + text_width(series.name, REGULAR, SIZE)
    if chart.target_label:
        drawing.add(Line(x, 1, x, 10, strokeColor=colors.HexColor("#C00000"), strokeWidth=1.4))
        drawing.add(String(x + 4, 2.5, chart.target_label, fontName=REGULAR, fontSize=SIZE))
    return drawing


def _wrap(text: str, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", REGULAR, SIZE) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines
