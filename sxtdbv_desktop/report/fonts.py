"""The report's typeface: Liberation Serif, bundled in resources/fonts and embedded in the PDF.

It has the metrics of Times New Roman, which Nghị định 30/2020 asks for, and every Vietnamese
letter in its four styles, so no glyph falls back to a box. Registered once per process as a
family so that <b> and <i> in paragraphs pick the right face.
"""

from __future__ import annotations

import functools
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sxtdbv_desktop.paths import resource_path

FAMILY = "LiberationSerif"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    FAMILY,
    f"{FAMILY}-Bold",
    f"{FAMILY}-Italic",
    f"{FAMILY}-BoldItalic",
)
FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


def font_path(face: str) -> Path:
    return resource_path("fonts", FILES[face])


@functools.cache
def register_fonts() -> str:
    """Register the four faces and the family with reportlab; return the family name."""
    for face in FILES:
        pdfmetrics.registerFont(TTFont(face, str(font_path(face))))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return FAMILY


def text_width(text: str, face: str, size: float) -> float:
    """The width of `text` set in `face` at `size` points."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, face, size))
