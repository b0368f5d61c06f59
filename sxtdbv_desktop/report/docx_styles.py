"""The Word file's styles: Times New Roman everywhere, and one named paragraph style per entry
of `document.STYLES` plus the fixed parts of the page (letterhead, signature, tables, page
number), so an office restyles a kind of paragraph once instead of paragraph by paragraph.

Word shows the styles by their Vietnamese names; their identifiers stay ASCII ("SxBody"), which
every Word and LibreOffice version reads alike.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as WordParagraph

from sxtdbv_desktop.labels import SETTINGS
from sxtdbv_desktop.report.document import (
    BODY,
    BODY_SIZE,
    CENTER,
    HEADING1,
    HEADING2,
    HEADING3,
    JUSTIFY,
    LEFT,
    PAGE_NUMBER_SIZE,
    RIGHT,
    STYLES,
    TABLE_SIZE,
    Style,
)
from sxtdbv_desktop.report.docx_xml import (
    child,
    set_fonts,
    set_language,
    set_outline_level,
    set_size,
)

FONT = "Times New Roman"  # Nghị định 30/2020; Word has it on every Windows PC
LANGUAGE = "vi-VN"
SIGNATURE_SPACE_PT = 74  # about 26 mm for the signature and the seal

# The fixed parts of the page (Nghị định 30/2020, Phụ lục I): sizes within the decree's ranges
# (the national name and the motto as in its own example, so the two columns keep apart).
GOVERNING_BODY, ISSUING_BODY, NUMBER = "governing_body", "issuing_body", "number"
NATIONAL_NAME, MOTTO, PLACE_DATE = "national_name", "motto", "place_date"
RECIPIENTS_LABEL, RECIPIENTS = "recipients_label", "recipients"
AUTHORITY, SIGNER = "authority", "signer"
TABLE_TEXT, TABLE_HEAD, FIGURE = "table_text", "table_head", "figure"
PAGE_NUMBER, RULE, SECTION_END = "page_number", "rule", "section_end"
LAYOUT_STYLES: dict[str, Style] = {
    GOVERNING_BODY: Style(SETTINGS["governing_body"], 13, align=CENTER, space_before=0),
    ISSUING_BODY: Style(SETTINGS["issuing_body"], 13, bold=True, align=CENTER, space_before=0),
    NUMBER: Style("Số, ký hiệu", 13, align=CENTER, space_before=6),
    NATIONAL_NAME: Style("Quốc hiệu", 12, bold=True, align=CENTER, space_before=0),
    MOTTO: Style("Tiêu ngữ", 13, bold=True, align=CENTER, space_before=0),
    PLACE_DATE: Style("Địa danh, ngày tháng", 14, italic=True, align=CENTER, space_before=6),
    RECIPIENTS_LABEL: Style("Nơi nhận", 12, bold=True, italic=True, align=LEFT,
                            space_before=0),
    RECIPIENTS: Style("Danh sách nơi nhận", 11, align=LEFT, space_before=0),
    AUTHORITY: Style("Quyền hạn, chức vụ người ký", BODY_SIZE, bold=True, align=CENTER,
                     space_before=0),
    SIGNER: Style("Họ tên người ký", BODY_SIZE, bold=True, align=CENTER,
                  space_before=SIGNATURE_SPACE_PT),
    TABLE_TEXT: Style("Chữ trong bảng", TABLE_SIZE, align=LEFT, space_before=0),
    TABLE_HEAD: Style("Đầu bảng", TABLE_SIZE, bold=True, align=CENTER, space_before=0),
    FIGURE: Style("Hình", BODY_SIZE, align=CENTER, space_before=0, keep_with_next=True),
    PAGE_NUMBER: Style("Số trang", PAGE_NUMBER_SIZE, align=CENTER, space_before=0),
    # An empty paragraph whose bottom border is a rule: small, so the rule hugs the text.
    RULE: Style("Đường kẻ", 3, align=CENTER, space_before=0),
    # The paragraph Word needs to end a section: as small as Word allows, so it never spills
    # onto a page of its own.
    SECTION_END: Style("Ngắt phần", 1, align=LEFT, space_before=0),
}  # fmt: skip

_ALIGNMENT = {
    LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_OUTLINE_LEVELS = {HEADING1: 0, HEADING2: 1, HEADING3: 2}


def alignment(align: str) -> WD_ALIGN_PARAGRAPH:
    return _ALIGNMENT[align]


def style_id(key: str) -> str:
    """The ASCII identifier of the style `key`: "appendix_label" → "SxAppendixLabel"."""
    return "Sx" + "".join(part.capitalize() for part in key.split("_"))


def apply_style(paragraph: WordParagraph, key: str) -> WordParagraph:
    """Give `paragraph` the style `key` (of `STYLES` or `LAYOUT_STYLES`) by its identifier:
    python-docx's lookup by name scans every style of the template, per paragraph."""
    paragraph._p.get_or_add_pPr().style = style_id(key)
    return paragraph


def install_styles(word: WordDocument) -> None:
    """Set the document defaults and Normal, then add every style of the report."""
    styles_element = word.styles.element
    _set_defaults(styles_element)
    normal = word.styles["Normal"]
    _apply(normal, Style("Normal", BODY_SIZE, align=LEFT, space_before=0))
    for key, style in (*STYLES.items(), *LAYOUT_STYLES.items()):
        added = word.styles.add_style(style.name, WD_STYLE_TYPE.PARAGRAPH)
        added.style_id = style_id(key)
        added.base_style = normal
        added.quick_style = key in STYLES
        _apply(added, style)
        if key in _OUTLINE_LEVELS:
            set_outline_level(added.element.get_or_add_pPr(), _OUTLINE_LEVELS[key])
            added.next_paragraph_style = word.styles[STYLES[BODY].name]
    # Word's own styles (headings, lists...) stay available to the office: in the same font.
    for fonts in styles_element.iter(qn("w:rFonts")):
        set_fonts(fonts.getparent(), FONT)


def _set_defaults(styles_element: BaseOxmlElement) -> None:
    """Document defaults: Times New Roman, Vietnamese, no spacing (the template has 10 pt
    after each paragraph and 1.15 lines)."""
    defaults = child(styles_element, "w:docDefaults")
    r_pr = child(child(defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(r_pr, FONT)
    set_language(r_pr, LANGUAGE)
    set_size(r_pr, BODY_SIZE)
    p_pr = child(child(defaults, "w:pPrDefault"), "w:pPr")
    spacing = child(p_pr, "w:spacing")
    spacing.attrib.clear()
    for name, value in (("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(qn(f"w:{name}"), value)


def _apply(target: ParagraphStyle, style: Style) -> None:
    font = target.font
    font.name = FONT
    font.size = Pt(style.size)
    font.bold = style.bold
    font.italic = style.italic
    set_fonts(target.element.get_or_add_rPr(), FONT)
    paragraph = target.paragraph_format
    paragraph.alignment = alignment(style.align)
    paragraph.first_line_indent = Cm(style.first_indent_cm)
    paragraph.left_indent = Cm(0)
    paragraph.right_indent = Cm(0)
    paragraph.space_before = Pt(style.space_before)
    paragraph.space_after = Pt(style.space_after)
    paragraph.line_spacing = style.line_spacing
    paragraph.keep_with_next = style.keep_with_next
    paragraph.widow_control = True
