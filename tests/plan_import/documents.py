"""Plan documents for the tests: the seed's text as a clerk would have typed it in Word (one
paragraph per paragraph of the plan, the recipients and the signature side by side in a
table), the same as a PDF, and small plans written for the tests."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from sxtdbv_desktop.paths import resource_path
from tests.test_default_plan_data import SEED_PATH

DATA = Path(__file__).parent.parent / "data"
HAU_GIANG = DATA / "plan_hau_giang_2024.txt"
FONTS = resource_path("fonts")

_MARK = re.compile(r"^(?:[IVX]+\.|\d+\.|-)\s")
# Lines after which the author pressed Enter though no punctuation ends them: the title block,
# section V's item headings, the signature.
_HEADING_END = re.compile(
    r"^(?:KẾ HOẠCH|_+|[IVX]+\. .*|\d+\.\s+(?:Sở|Ban|Các|Đề nghị) .*|TM\. .*|CHỦ TỊCH)$"
)
_OWN_LINE = re.compile(r"^(?:_+|TM\. .*|CHỦ TỊCH)$")  # the title's rule, the signature


def _lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def seed_paragraphs() -> list[str]:
    """The seed's paragraphs: its lines joined back the way the plan was typed."""
    paragraphs: list[str] = []
    for line in _lines(SEED_PATH.read_text(encoding="utf-8")):
        previous = paragraphs[-1] if paragraphs else ""
        ends = previous.endswith((".", ":")) or _HEADING_END.match(previous)
        if (
            not paragraphs
            or _MARK.match(line)
            or _OWN_LINE.match(line)
            or (ends and not line[:1].islower())
        ):
            paragraphs.append(line)
        elif previous.endswith("ni-"):
            paragraphs[-1] = previous + line
        else:
            paragraphs[-1] = f"{previous} {line}"
    return paragraphs


def split_tail(paragraphs: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Body, "Nơi nhận" with its list, and the signature block."""
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("Nơi nhận"))
    signature = next(i for i, p in enumerate(paragraphs) if p.startswith("TM."))
    return paragraphs[:start], paragraphs[start:signature], paragraphs[signature:]


def write_docx(
    paragraphs: list[str], path: Path, letterhead: list[list[str]] | None = None
) -> Path:
    """A Word document: an optional letterhead table, the body, then "Nơi nhận" and the
    signature in a two-column table, as plans are typed."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(14)
    if letterhead:
        table = document.add_table(rows=len(letterhead), cols=2)
        for row, cells in zip(table.rows, letterhead, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    body, recipients, signature = split_tail(paragraphs)
    for text in body:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = recipients[0]
    for text in recipients[1:]:
        left.add_paragraph(text)
    right.text = signature[0]
    for text in [*signature[1:-1], "", "", signature[-1]]:
        right.add_paragraph(text)
    document.save(str(path))
    return path


def write_pdf(paragraphs: list[str], path: Path) -> Path:
    """A text PDF of the paragraphs: justified, first lines indented, Liberation Serif 14."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("TestSerif", str(FONTS / "LiberationSerif-Regular.ttf")))
    style = ParagraphStyle(
        "body", fontName="TestSerif", fontSize=14, leading=18, alignment=TA_JUSTIFY,
        firstLineIndent=36,
    )  # fmt: skip
    escaped = [p.replace("&", "&amp;").replace("<", "&lt;") for p in paragraphs]
    SimpleDocTemplate(str(path)).build([Paragraph(text, style) for text in escaped])
    return path


def plan_text(*sections: str) -> str:
    """A small plan's text: the title block, then the given sections."""
    head = (
        "KẾ HOẠCH\nThực hiện Chương trình hành động quốc gia về sản xuất và tiêu dùng bền "
        "vững năm 2024 trên địa bàn tỉnh Bình Minh\n"
    )
    return head + "\n".join(sections)
