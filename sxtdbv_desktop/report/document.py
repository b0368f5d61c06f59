"""The consolidated report as a document: what both renderers (PDF and Word) lay out alike.

The content (`compose`) decides every word once and builds a `Document`; `pdf` and `docx`
only lay it out, so the two files always say the same thing. Typography is part of the model
too (`STYLES`, after Nghị định 30/2020/NĐ-CP, Phụ lục I): one table of paragraph styles that
both renderers read, so a size or an indent is changed in one place.

Everything is immutable, NFC text, free of the database and of any rendering library, so a
document can be built on one thread and laid out on another. A `Run` marked `placeholder` is
something the program cannot know (the document's number, the signer's name, an estimate the
plan does not give): Word shows it highlighted for the office to type over, the PDF shows the
same words highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --- typography ------------------------------------------------------------------------------

BODY, BULLET, HEADING1, HEADING2, HEADING3 = "body", "bullet", "heading1", "heading2", "heading3"
CAPTION, NOTE, TITLE, SUMMARY = "caption", "note", "title", "summary"
APPENDIX_LABEL, APPENDIX_TITLE, APPENDIX_REFERENCE = (
    "appendix_label",
    "appendix_title",
    "appendix_reference",
)
LEFT, CENTER, RIGHT, JUSTIFY = "left", "center", "right", "justify"


@dataclass(frozen=True)
class Style:
    """A paragraph style: `name` is what Word users see (and may restyle)."""

    name: str
    size: float  # points
    bold: bool = False
    italic: bool = False
    align: str = JUSTIFY
    first_indent_cm: float = 0.0
    space_before: float = 6.0  # points
    space_after: float = 0.0
    keep_with_next: bool = False
    line_spacing: float = 1.0  # a multiple of single spacing


BODY_SIZE = 14
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
"""The national name and motto at the head of every administrative document (and of the
agencies' Excel forms)."""
STYLES: dict[str, Style] = {
    BODY: Style("Nội dung báo cáo", BODY_SIZE, first_indent_cm=1.27),
    BULLET: Style("Gạch đầu dòng", BODY_SIZE, first_indent_cm=1.27),
    HEADING1: Style("Mục lớn (I, II)", BODY_SIZE, bold=True, first_indent_cm=1.27,
                    keep_with_next=True),
    HEADING2: Style("Mục nhỏ (1, 2)", BODY_SIZE, bold=True, first_indent_cm=1.27,
                    keep_with_next=True),
    HEADING3: Style("Tiểu mục (1.1, a)", BODY_SIZE, bold=True, italic=True,
                    first_indent_cm=1.27, keep_with_next=True),
    CAPTION: Style("Tên bảng, hình", 13, bold=True, align=CENTER, space_before=10,
                   space_after=4, keep_with_next=True),
    NOTE: Style("Ghi chú bảng", 12, italic=True, space_before=3),
    TITLE: Style("Tên loại văn bản", BODY_SIZE, bold=True, align=CENTER, space_before=24),
    SUMMARY: Style("Trích yếu", BODY_SIZE, bold=True, align=CENTER, space_before=0),
    APPENDIX_LABEL: Style("Phụ lục", BODY_SIZE, bold=True, align=CENTER, space_before=0),
    APPENDIX_TITLE: Style("Tên phụ lục", BODY_SIZE, bold=True, align=CENTER, space_before=0),
    APPENDIX_REFERENCE: Style("Chỉ dẫn phụ lục", BODY_SIZE, italic=True, align=CENTER,
                              space_before=0, space_after=2),
}  # fmt: skip
"""Paragraph styles of the body and appendices (the letterhead and the signature have their
own fixed layout, see `Letterhead` and `Signature`)."""

TABLE_SIZE = 11  # points: table text, so that wide tables fit a page
PAGE_NUMBER_SIZE = 13
MARGINS_MM = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}
PAGE_MM = (210.0, 297.0)  # A4 portrait


# --- text ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A piece of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    placeholder: bool = False  # to type over: highlighted in Word and in the PDF


Runs = tuple[Run, ...]


def plain(text: str) -> Runs:
    return (Run(text),) if text else ()


def gap(what: str) -> Run:
    """A placeholder run: "[họ và tên người ký]"."""
    return Run(f"[{what}]", placeholder=True)


def text_of(runs: Runs) -> str:
    return "".join(r.text for r in runs)


@dataclass(frozen=True)
class Paragraph:
    runs: Runs
    style: str = BODY

    @property
    def text(self) -> str:
        return text_of(self.runs)


def para(text: str, style: str = BODY) -> Paragraph:
    return Paragraph(plain(text), style)


# --- tables -------------------------------------------------------------------------------------

DATA, GROUP, TOTAL = "data", "group", "total"


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # a share of the text width; a table's shares add up to 1
    align: str = LEFT
    kind: str = "text"  # for the Excel copy: text, long_text, integer, money, percent, date


@dataclass(frozen=True)
class Cell:
    runs: Runs
    span: int = 1  # how many columns it covers (a group's band covers all)
    align: str | None = None  # None: the column's
    value: object = None  # the figure behind the text, for the Excel copy (int, Fraction, date)

    @property
    def text(self) -> str:
        return text_of(self.runs)


def cell(
    text: str,
    *,
    bold: bool = False,
    align: str | None = None,
    span: int = 1,
    value: object = None,
) -> Cell:
    return Cell((Run(text, bold=bold),) if text else (), span, align, value)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: str = DATA  # DATA; GROUP (a band: bold, shaded); TOTAL (bold)


@dataclass(frozen=True)
class Table:
    """A ruled table whose header row repeats on every page; `caption` goes above it."""

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[Paragraph, ...] = ()  # under the table (sources, how a figure is made)


# --- figures ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per category; None: no data
    labels: tuple[str, ...]  # the value as the report writes it ("83,3%", "1,2 tỷ")
    color: str  # "#RRGGBB"


@dataclass(frozen=True)
class Chart:
    """Horizontal bars by category, one bar per series, with an optional target mark per
    category (an indicator's threshold). Values share one axis from 0 to `maximum`."""

    caption: str  # "Hình 1. Kết quả các chỉ tiêu so với mức kế hoạch"
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    maximum: float
    axis_label: str  # "%" or "triệu đồng"
    targets: tuple[float | None, ...] = ()  # one per category, on the same axis
    target_label: str = ""  # what the mark means, for the legend: "Mức kế hoạch"
    notes: tuple[Paragraph, ...] = ()


Block = Paragraph | Table | Chart


# --- the document -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """Page 1's header (Nghị định 30: the two-column table) and the title block."""

    governing_body: str  # "UBND TỈNH ĐỒNG THÁP"; "" when the issuer has none above it
    issuing_body: str  # "SỞ CÔNG THƯƠNG", or the two lines of a UBND ("ỦY BAN NHÂN DÂN\nTỈNH …")
    number: Runs  # "Số: [số]/BC-SCT"
    place_date: Runs  # "Đồng Tháp, ngày 05 tháng 01 năm 2024"
    kind: str  # "BÁO CÁO"
    summary: str  # "Kết quả thực hiện Kế hoạch …"


@dataclass(frozen=True)
class Signature:
    """ "Nơi nhận" with its list, and the signer's block."""

    recipients: tuple[Runs, ...]  # each line, e.g. "- Bộ Công Thương (b/c);"
    authority: tuple[str, ...]  # "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC" (upper case, bold)
    signer: Runs  # the name (bold), or a placeholder


@dataclass(frozen=True)
class Appendix:
    label: str  # "Phụ lục I"
    title: str  # "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ" (upper case)
    reference: Runs  # "(Kèm theo Báo cáo số [số]/BC-SCT ngày … của Sở Công Thương)"
    blocks: tuple[Block, ...]
    landscape: bool = False  # wide tables: A4 landscape, numbered on its own


@dataclass(frozen=True)
class Document:
    letterhead: Letterhead
    body: tuple[Block, ...]
    signature: Signature
    appendices: tuple[Appendix, ...] = ()
    title: str = ""  # the file's metadata
    author: str = ""
    year: int = 0  # the plan's year, for file names
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def blocks(self) -> list[Block]:
        """Body and appendices in reading order (for tests that compare renderings)."""
        found = list(self.body)
        for appendix in self.appendices:
            found += appendix.blocks
        return found
