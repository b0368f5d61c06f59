"""A chart as a reportlab Drawing for the PDF: the `chart_layout` geometry as vector shapes,
its text in the bundled font, which the PDF embeds."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import HexColor

from sxtdbv_desktop.report.chart_layout import Box, ChartLayout, Stroke, lay_out
from sxtdbv_desktop.report.document import Chart
from sxtdbv_desktop.report.fonts import REGULAR, register_fonts


def chart_drawing(chart: Chart, width: float) -> Drawing:
    """`chart` as a flowable `width` points wide (its height follows from the content),
    centred in the frame."""
    return layout_drawing(lay_out(chart, width))


def layout_drawing(layout: ChartLayout) -> Drawing:
    register_fonts()
    height = layout.height
    drawing = Drawing(layout.width, height)
    drawing.hAlign = "CENTER"
    # The renderer starts each drawing in this font: left to its default, every page of the
    # PDF would name Helvetica, a font the PDF does not embed.
    drawing.initialFontName = REGULAR
    for stroke in (*layout.grid, *layout.axes):
        drawing.add(_line(stroke, height))
    for box in (*(bar.box for bar in layout.bars), *layout.swatches):
        if box.width > 0:
            drawing.add(_rect(box, height))
    for stroke in (*(mark.stroke for mark in layout.marks), *layout.legend_marks):
        drawing.add(_line(stroke, height))
    for box in layout.halos:
        drawing.add(_rect(box, height))
    for text in layout.texts:
        drawing.add(
            String(
                text.x,
                height - text.y,
                text.text,
                fontName=text.face,
                fontSize=text.size,
                fillColor=HexColor(text.color),
                textAnchor=text.anchor,
            )
        )
    return drawing


def _line(stroke: Stroke, height: float) -> Line:
    return Line(
        stroke.x1,
        height - stroke.y1,
        stroke.x2,
        height - stroke.y2,
        strokeColor=HexColor(stroke.color),
        strokeWidth=stroke.width,
    )


def _rect(box: Box, height: float) -> Rect:
    return Rect(
        box.x,
        height - box.y - box.height,
        box.width,
        box.height,
        fillColor=HexColor(box.color),
        strokeColor=None,
    )
