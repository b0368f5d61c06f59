"""The report's typography for reportlab, made from the document's style table.

`document.STYLES` (Nghị định 30/2020, Phụ lục I) says what each paragraph looks like; this module
turns it into reportlab `ParagraphStyle`s, and a run of the document into Paragraph markup.
Page geometry comes from `document.MARGINS_MM` too, so the PDF and the Word file agree.
"""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm

from sxtdbv_desktop.report.document import (
    CENTER,
    JUSTIFY,
    LEFT,
    MARGINS_MM,
    PAGE_NUMBER_SIZE,
    RIGHT,
    STYLES,
    TABLE_SIZE,
    Runs,
)
from sxtdbv_desktop.report.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from sxtdbv_desktop.text import nfc

PAGE_WIDTH, PAGE_HEIGHT = A4
LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT = landscape(A4)
TOP, BOTTOM = MARGINS_MM["top"] * mm, MARGINS_MM["bottom"] * mm
LEFT_MARGIN, RIGHT_MARGIN = MARGINS_MM["left"] * mm, MARGINS_MM["right"] * mm
FRAME_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
LANDSCAPE_FRAME_WIDTH = LANDSCAPE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
PAGE_NUMBER_DROP = 12 * mm  # from the page's top edge to the number's baseline
PLACEHOLDER_COLOR = "#FFF200"  # Word's yellow highlight
ALIGNMENTS = {LEFT: TA_LEFT, CENTER: TA_CENTER, RIGHT: TA_RIGHT, JUSTIFY: TA_JUSTIFY}
PAGE_NUMBER = PAGE_NUMBER_SIZE


def face(bold: bool, italic: bool) -> str:
    if bold and italic:
        return BOLD_ITALIC
    return BOLD if bold else ITALIC if italic else REGULAR


def markup(runs: Runs) -> str:
    """Runs as Paragraph markup: escaped, NFC, lines kept, placeholders highlighted."""
    parts = []
    for run in runs:
        text = "<br/>".join(escape(line) for line in nfc(run.text).split("\n"))
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.placeholder:
            text = f'<span backColor="{PLACEHOLDER_COLOR}">{text}</span>'
        parts.append(text)
    return "".join(parts)


def leading(size: float, spacing: float = 1.0) -> float:
    """Single spacing for Times New Roman is about 1,15 × the size."""
    return size * 1.17 * spacing


@functools.cache
def paragraph_style(name: str) -> ParagraphStyle:
    """The reportlab style of a document style."""
    register_fonts()
    style = STYLES[name]
    return ParagraphStyle(
        name,
        fontName=face(style.bold, style.italic),
        fontSize=style.size,
        leading=leading(style.size, style.line_spacing),
        alignment=ALIGNMENTS[style.align],
        firstLineIndent=style.first_indent_cm * cm,
        spaceBefore=style.space_before,
        spaceAfter=style.space_after,
        keepWithNext=int(style.keep_with_next),
    )


@functools.cache
def fixed_style(
    size: float, *, bold: bool = False, italic: bool = False, align: str = CENTER
) -> ParagraphStyle:
    """A style of the letterhead or the signature block (no indent, no space around)."""
    register_fonts()
    return ParagraphStyle(
        f"fixed-{size}-{bold}-{italic}-{align}",
        fontName=face(bold, italic),
        fontSize=size,
        leading=leading(size),
        alignment=ALIGNMENTS[align],
    )


@functools.cache
def cell_style(align: str = LEFT, *, bold: bool = False) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(
        f"cell-{align}-{bold}",
        fontName=BOLD if bold else REGULAR,
        fontSize=TABLE_SIZE,
        leading=leading(TABLE_SIZE),
        alignment=ALIGNMENTS[align],
        splitLongWords=True,
    )
