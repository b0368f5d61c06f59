"""The PDF's letterhead on page 1, and the "Nơi nhận" / signature block at the end.

Header (Nghị định 30/2020, Phụ lục I): on the left the governing body (not bold), the issuing
body (bold, a rule of 1/3–1/2 its width under it) and "Số: …"; on the right the national name,
the motto with a rule as wide as it, and the place and date in italics on the number's line.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from sxtdbv_desktop.report.document import (
    LEFT,
    MOTTO,
    NATIONAL_NAME,
    STYLES,
    SUMMARY,
    TITLE,
    Letterhead,
    Run,
    Signature,
)
from sxtdbv_desktop.report.fonts import BOLD, REGULAR, text_width
from sxtdbv_desktop.report.styles import FRAME_WIDTH, fixed_style, markup, paragraph_style

LEFT_COLUMN = 66 * mm
SIGNATURE_SPACE = 26 * mm  # for the signature and the seal
HEADER_SIZE, MOTTO_SIZE, DATE_SIZE = 13, 13, 14
_NO_PADDING = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


class Rule(Flowable):  # type: ignore[misc]
    """A short horizontal line centred in the space it is given (under a heading line)."""

    def __init__(self, length: float, gap: float = 1.5, thickness: float = 0.6) -> None:
        super().__init__()
        self.length, self.gap, self.thickness = length, gap, thickness
        self._space = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._space = avail_width
        return avail_width, self.gap + self.thickness + 1

    def draw(self) -> None:
        start = (self._space - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(start, 1, start + self.length, 1)


def issuing_rule(issuing_body: str) -> Rule:
    """1/3–1/2 of the issuing body's longest line."""
    widest = max(text_width(line, BOLD, HEADER_SIZE) for line in issuing_body.split("\n"))
    return Rule(min(0.4 * widest, LEFT_COLUMN / 2))


def header_block(head: Letterhead) -> list[Flowable]:
    """The two-column header of page 1, then the document's kind and summary with a rule."""
    left: list[Flowable] = []
    if head.governing_body:
        left.append(Paragraph(markup((Run(head.governing_body),)), fixed_style(HEADER_SIZE)))
    issuing = head.issuing_body or "[CƠ QUAN BAN HÀNH]"
    left += [
        Paragraph(markup((Run(issuing, bold=True),)), fixed_style(HEADER_SIZE, bold=True)),
        issuing_rule(issuing),
    ]
    right: list[Flowable] = [
        Paragraph(NATIONAL_NAME, fixed_style(12, bold=True)),
        Paragraph(MOTTO, fixed_style(MOTTO_SIZE, bold=True)),
        Rule(text_width(MOTTO, BOLD, MOTTO_SIZE)),
    ]
    number = Paragraph(markup(head.number), fixed_style(HEADER_SIZE))
    place = Paragraph(markup(head.place_date), fixed_style(DATE_SIZE, italic=True))
    table = Table(
        [[left, right], [[Spacer(1, 6), number], [Spacer(1, 6), place]]],
        colWidths=[LEFT_COLUMN, FRAME_WIDTH - LEFT_COLUMN],
    )
    table.setStyle(TableStyle(_NO_PADDING))
    return [
        table,
        Paragraph(markup((Run(head.kind),)), paragraph_style(TITLE)),
        Paragraph(markup((Run(head.summary),)), paragraph_style(SUMMARY)),
        Rule(45 * mm, gap=7),
    ]


def signature_block(signature: Signature) -> Table:
    """ "Nơi nhận" and its list on the left, the signer on the right."""
    left: list[Flowable] = [Paragraph("Nơi nhận:", fixed_style(12, bold=True, italic=True,
                                                                align=LEFT))]  # fmt: skip
    left += [Paragraph(markup(line), fixed_style(11, align=LEFT)) for line in signature.recipients]
    size = STYLES[TITLE].size
    right: list[Flowable] = [
        Paragraph(markup((Run(line),)), fixed_style(size, bold=True))
        for line in signature.authority
    ]
    right += [
        Spacer(1, SIGNATURE_SPACE),
        Paragraph(markup(signature.signer), fixed_style(size, bold=True)),
    ]
    table = Table([[left, right]], colWidths=[FRAME_WIDTH * 0.48, FRAME_WIDTH * 0.52])
    table.setStyle(TableStyle([*_NO_PADDING, ("TOPPADDING", (0, 0), (-1, -1), 12)]))
    return table
