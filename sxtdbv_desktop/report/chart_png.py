"""A chart as a PNG picture for the Word file: the `chart_layout` geometry drawn with Pillow.

Word cannot take reportlab's vector drawing, so the same layout is painted at 300 dpi (sharp
on paper) with the bundled Liberation Serif, whose metrics the layout was measured with.
Pillow's basic text layout is enough: Vietnamese text is NFC, one precomposed glyph per letter.
"""

from __future__ import annotations

import functools
import io
import math
import threading

from PIL import Image, ImageDraw, ImageFont

from sxtdbv_desktop.report.chart_layout import END, MIDDLE, Box, ChartLayout, Stroke, lay_out
from sxtdbv_desktop.report.document import Chart
from sxtdbv_desktop.report.fonts import font_path

DPI = 300
_FREETYPE = threading.Lock()
"""The cached fonts are FreeType faces, which two threads may not draw with at once."""
_ANCHORS = {MIDDLE: "ms", END: "rs"}  # left-baseline otherwise


def chart_png(chart: Chart, width: float, dpi: int = DPI) -> bytes:
    """`chart` drawn `width` points wide, as PNG bytes at `dpi` (recorded in the file)."""
    layout = lay_out(chart, width)
    with _FREETYPE:
        image = draw_layout(layout, dpi)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi), compress_level=6)  # "optimize": 10x slower
    return out.getvalue()


def draw_layout(layout: ChartLayout, dpi: int = DPI) -> Image.Image:
    """The picture of `layout`, white background, at `dpi`."""
    scale = dpi / 72
    size = (math.ceil(layout.width * scale), math.ceil(layout.height * scale))
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for stroke in (*layout.grid, *layout.axes):
        _line(draw, stroke, scale)
    for box in (*(bar.box for bar in layout.bars), *layout.swatches):
        _box(draw, box, scale)
    for stroke in (*(mark.stroke for mark in layout.marks), *layout.legend_marks):
        _line(draw, stroke, scale)
    for box in layout.halos:
        _box(draw, box, scale)
    for text in layout.texts:
        draw.text(
            (text.x * scale, text.y * scale),
            text.text,
            fill=text.color,
            font=_font(text.face, round(text.size * scale)),
            anchor=_ANCHORS.get(text.anchor, "ls"),
        )
    return image


def _line(draw: ImageDraw.ImageDraw, stroke: Stroke, scale: float) -> None:
    draw.line(
        [(stroke.x1 * scale, stroke.y1 * scale), (stroke.x2 * scale, stroke.y2 * scale)],
        fill=stroke.color,
        width=max(1, round(stroke.width * scale)),
    )


def _box(draw: ImageDraw.ImageDraw, box: Box, scale: float) -> None:
    """Fill the pixels the box covers (rounded to whole pixels, never an empty box)."""
    if box.width <= 0 or box.height <= 0:
        return
    left, top = round(box.x * scale), round(box.y * scale)
    right = max(left, round((box.x + box.width) * scale) - 1)
    bottom = max(top, round((box.y + box.height) * scale) - 1)
    draw.rectangle([left, top, right, bottom], fill=box.color)


@functools.cache
def _font(face: str, pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(face)), pixels, layout_engine=ImageFont.Layout.BASIC)
