"""The header block at the top of page 1 and the "Nơi nhận" / signature block at the end.

Header (Nghị định 30/2020, Phụ lục I): on the left the governing body (not bold), the issuing
body (bold, a rule of 1/3–1/2 its width under it) and "Số: .../BC-SCT"; on the right the national
name, the motto with a rule as wide as it, and the place and date in italics on the same line
as the number.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from sxtdbv_desktop.report.content import MOTTO, NATIONAL_NAME, ConsolidatedReport
from sxtdbv_desktop.report.fonts import BOLD, REGULAR, text_width
from sxtdbv_desktop.report.styles import FRAME_WIDTH, PLACEHOLDER, para, styles
from sxtdbv_desktop.text import nfc
from sxtdbv_desktop.vnformat import format_header_date

LEFT_COLUMN = 66 * mm
SIGNATURE_SPACE = 26 * mm  # for the signature and the seal
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
        y = 1
        self.canv.setLineWidth(self.thickness)
        self.canv.line(start, y, start + self.length, y)


def header_block(report: ConsolidatedReport) -> Table:
    """The two-column header of page 1."""
    s = styles()
    settings = report.settings
    issuing = nfc(settings.issuing_body).upper() or PLACEHOLDER
    left: list[Flowable] = []
    if settings.governing_body:
        left.append(para(nfc(settings.governing_body).upper(), s.header_left))
    left += [
        para(issuing, s.header_left_bold),
        Rule(min(0.4 * text_width(issuing, BOLD, 13), LEFT_COLUMN / 2)),
    ]
    right: list[Flowable] = [
        para(NATIONAL_NAME, s.national_name),
        para(MOTTO, s.motto),
        Rule(text_width(MOTTO, BOLD, s.motto.fontSize)),
    ]
    place = nfc(settings.place_name).strip()
    date_line = format_header_date(place, report.date) if place else _undated(report)
    rows = [
        [left, right],
        [para(settings.number_line, s.header_number), para(date_line, s.place_date)],
    ]
    table = Table(rows, colWidths=[LEFT_COLUMN, FRAME_WIDTH - LEFT_COLUMN])
    table.setStyle(TableStyle(_NO_PADDING))
    return table


def _undated(report: ConsolidatedReport) -> str:
    return format_header_date(PLACEHOLDER, report.date)


def signature_block(report: ConsolidatedReport) -> Table:
    """ "Nơi nhận" and its list on the left, the signer on the right."""
    s = styles()
    settings = report.settings
    left: list[Flowable] = [Paragraph("Nơi nhận:", s.recipients_label)]
    for line in nfc(settings.recipients).split("\n"):
        if line.strip():
            item = line.strip() if line.lstrip().startswith("-") else f"- {line.strip()}"
            left.append(para(item, s.recipients))
    right: list[Flowable] = [
        para(nfc(line).upper(), s.signature)
        for line in (settings.signer_authority, settings.signer_title)
        if line.strip()
    ]
    right += [
        Spacer(1, SIGNATURE_SPACE),
        para(nfc(settings.signer_name).strip() or PLACEHOLDER, s.signer_name),
    ]
    table = Table([[left, right]], colWidths=[FRAME_WIDTH * 0.48, FRAME_WIDTH * 0.52])
    table.setStyle(TableStyle([*_NO_PADDING, ("TOPPADDING", (0, 0), (-1, -1), 12)]))
    return table
