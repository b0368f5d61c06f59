"""The chart drawn twice from one layout: a 300 dpi PNG for Word, a vector Drawing for the
PDF. Both of the layout's size, both with their Vietnamese text drawn in the bundled font."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Rect, String

from sxtdbv_desktop.report import chart_png as png_module
from sxtdbv_desktop.report.chart_layout import lay_out
from sxtdbv_desktop.report.chart_pdf import chart_drawing
from sxtdbv_desktop.report.chart_png import chart_png
from sxtdbv_desktop.report.fonts import FAMILY
from tests.report.pdf_reading import flat
from tests.report.sample_document import indicator_chart

WIDTH = 467.7


@pytest.fixture(scope="module")
def picture() -> Image.Image:
    return Image.open(io.BytesIO(chart_png(indicator_chart(), WIDTH)))


def test_the_png_has_the_layout_size_at_300_dpi(picture: Image.Image) -> None:
    layout = lay_out(indicator_chart(), WIDTH)
    assert picture.format == "PNG"
    assert picture.size == (round(WIDTH / 72 * 300 + 0.5), round(layout.height / 72 * 300 + 0.5))
    assert picture.info["dpi"] == pytest.approx((300, 300), abs=0.01)


def test_the_png_is_drawn_in_the_series_colours(picture: Image.Image) -> None:
    rgb = picture.convert("RGB").getcolors(maxcolors=1 << 20)
    assert rgb is not None  # None: more colours than maxcolors
    colours = {colour for _, colour in rgb}
    assert (255, 255, 255) in colours  # the background
    assert (0x2F, 0x55, 0x97) in colours and (0xA5, 0xA5, 0xA5) in colours
    counted = picture.getcolors(maxcolors=1 << 20)
    assert counted is not None
    ink = sum(count for count, colour in counted if colour != (255, 255, 255))
    assert 0.05 < ink / (picture.width * picture.height) < 0.5


def test_a_bar_is_painted_where_the_layout_puts_it(picture: Image.Image) -> None:
    layout = lay_out(indicator_chart(), WIDTH)
    scale = 300 / 72
    for bar in layout.bars:
        middle = (
            round((bar.box.x + bar.box.width / 2) * scale),
            round((bar.box.y + bar.box.height / 2) * scale),
        )
        expected = tuple(int(bar.box.color[i : i + 2], 16) for i in (1, 3, 5))
        assert picture.getpixel(middle) == expected


def test_every_letter_of_the_charts_text_has_a_glyph() -> None:
    """No box instead of a Vietnamese letter: each one draws differently from the font's
    "missing glyph"."""
    layout = lay_out(indicator_chart(), WIDTH)
    for face in {text.face for text in layout.texts}:
        font = png_module._font(face, 40)
        missing = font.getmask("\ue000")  # a private-use code point: no font has it
        letters = {c for t in layout.texts if t.face == face for c in t.text if not c.isspace()}
        assert any(c in letters for c in "ươếệảĐ")
        for letter in letters:
            mask = font.getmask(letter)
            same = (
                mask.size == missing.size
                and not ImageChops.difference(
                    Image.frombytes("L", mask.size, bytes(mask)),
                    Image.frombytes("L", missing.size, bytes(missing)),
                ).getbbox()
            )
            assert not same, f"{letter!r} has no glyph in {face}"


def test_the_drawing_has_the_layout_size_and_the_bundled_font() -> None:
    layout = lay_out(indicator_chart(), WIDTH)
    drawing = chart_drawing(indicator_chart(), WIDTH)
    assert isinstance(drawing, Drawing)
    assert (drawing.width, drawing.height) == pytest.approx((WIDTH, layout.height))
    strings = [shape for shape in drawing.contents if isinstance(shape, String)]
    assert [s.text for s in strings] == [t.text for t in layout.texts]
    assert {s.fontName.split("-")[0] for s in strings} == {FAMILY}
    bars = [s for s in drawing.contents if isinstance(s, Rect)]
    assert len(bars) >= len(layout.bars) + len(layout.swatches)
    assert drawing.wrap(600, 800) == pytest.approx((WIDTH, layout.height))


def test_the_drawing_as_a_pdf_reads_back_in_vietnamese(tmp_path: Path) -> None:
    target = tmp_path / "bieu-do.pdf"
    renderPDF.drawToFile(chart_drawing(indicator_chart(), WIDTH), str(target))
    text = flat(PdfReader(target).pages[0].extract_text())
    for expected in ("Chưa có số liệu", "Khu, cụm công nghiệp", "Mức kế hoạch", "Đơn vị: %"):
        assert expected in text
