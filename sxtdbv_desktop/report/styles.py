"""Page geometry and paragraph styles of the report, per Nghị định 30/2020/NĐ-CP (Phụ lục I).

A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; body 14 pt justified with a
1,27 cm first-line indent and 6 pt between paragraphs; page numbers 13 pt centred in the top
margin; "Nơi nhận:" 12 pt bold italic with its list in 11 pt. Tables use 11 pt to fit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import Paragraph

from sxtdbv_desktop.report.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from sxtdbv_desktop.text import nfc

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP, BOTTOM, LEFT, RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
FRAME_WIDTH = PAGE_WIDTH - LEFT - RIGHT
PAGE_NUMBER_BASELINE = PAGE_HEIGHT - 12 * mm  # inside the top margin
BODY_SIZE = 14
INDENT = 1.27 * cm
PLACEHOLDER = "……………………"
"""What stands where the plan has no data (a signer's name, a lead agency): to fill by hand."""


def markup(text: str) -> str:
    """User text made safe for a Paragraph: NFC, with <, > and & escaped, lines kept."""
    return "<br/>".join(escape(line) for line in nfc(text).split("\n"))


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    heading3: ParagraphStyle
    title: ParagraphStyle
    summary: ParagraphStyle
    caption: ParagraphStyle
    header_left: ParagraphStyle
    header_left_bold: ParagraphStyle
    header_number: ParagraphStyle
    national_name: ParagraphStyle
    motto: ParagraphStyle
    place_date: ParagraphStyle
    recipients_label: ParagraphStyle
    recipients: ParagraphStyle
    signature: ParagraphStyle
    signer_name: ParagraphStyle
    appendix_title: ParagraphStyle
    appendix_reference: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_group: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The report's styles (the fonts are registered on first use)."""
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=BODY_SIZE,
        leading=17,
        alignment=TA_JUSTIFY,
        firstLineIndent=INDENT,
        spaceBefore=6,
    )
    centered = ParagraphStyle("centered", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    cell = ParagraphStyle(
        "cell", fontName=REGULAR, fontSize=11, leading=13, alignment=TA_LEFT, splitLongWords=True
    )
    return Styles(
        body=body,
        bullet=ParagraphStyle("bullet", parent=body),
        heading1=ParagraphStyle("heading1", parent=body, fontName=BOLD, keepWithNext=True),
        heading2=ParagraphStyle("heading2", parent=body, fontName=BOLD, keepWithNext=True),
        heading3=ParagraphStyle("heading3", parent=body, fontName=BOLD_ITALIC, keepWithNext=True),
        title=ParagraphStyle("title", parent=centered, fontName=BOLD, spaceBefore=24),
        summary=ParagraphStyle("summary", parent=centered, fontName=BOLD, spaceBefore=0),
        caption=ParagraphStyle(
            "caption", parent=centered, fontName=BOLD, fontSize=13, spaceBefore=10, spaceAfter=4
        ),
        header_left=ParagraphStyle("header_left", parent=centered, fontSize=13, spaceBefore=0),
        header_left_bold=ParagraphStyle(
            "header_left_bold", parent=centered, fontName=BOLD, fontSize=13, spaceBefore=0
        ),
        header_number=ParagraphStyle("header_number", parent=centered, fontSize=13, spaceBefore=6),
        national_name=ParagraphStyle(
            "national_name", parent=centered, fontName=BOLD, fontSize=12, spaceBefore=0
        ),
        motto=ParagraphStyle("motto", parent=centered, fontName=BOLD, fontSize=13, spaceBefore=0),
        place_date=ParagraphStyle(
            "place_date", parent=centered, fontName=ITALIC, fontSize=14, spaceBefore=6
        ),
        recipients_label=ParagraphStyle(
            "recipients_label", fontName=BOLD_ITALIC, fontSize=12, leading=14
        ),
        recipients=ParagraphStyle("recipients", fontName=REGULAR, fontSize=11, leading=13),
        signature=ParagraphStyle("signature", parent=centered, fontName=BOLD, spaceBefore=0),
        signer_name=ParagraphStyle("signer_name", parent=centered, fontName=BOLD, spaceBefore=0),
        appendix_title=ParagraphStyle(
            "appendix_title", parent=centered, fontName=BOLD, spaceBefore=0
        ),
        appendix_reference=ParagraphStyle(
            "appendix_reference", parent=centered, fontName=ITALIC, fontSize=13, spaceAfter=8
        ),
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BOLD, alignment=TA_CENTER),
        cell_group=ParagraphStyle("cell_group", parent=cell, fontName=BOLD),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain user text (escaped), in `style`."""
    return Paragraph(markup(text), style)
