"""The report as a Word document (.docx), from the same `Document` as the PDF.

Every real report is corrected in Word before it is signed, so this file is the office's
working copy: A4 with the margins of Nghị định 30/2020/NĐ-CP, Times New Roman through named
styles, the letterhead and the signature as borderless tables, the page number as a field in
the top margin from page 2, tables with a header row Word repeats, charts as pictures, and
what the program could not know highlighted in yellow.

Sections: the report itself, then one per appendix, each on a new page (landscape when its
tables are wide), numbered on its own from 1 with no number on its first page (Phụ lục I,
Phần I, mục III.1.đ: "Số trang của Phụ lục được đánh số riêng theo từng Phụ lục").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.section import Section
from docx.shared import Mm

from sxtdbv_desktop import __version__
from sxtdbv_desktop.report.document import MARGINS_MM, PAGE_MM, Document
from sxtdbv_desktop.report.docx_blocks import add_blocks
from sxtdbv_desktop.report.docx_letterhead import (
    add_appendix_heading,
    add_letterhead,
    add_signature,
)
from sxtdbv_desktop.report.docx_styles import (
    LANGUAGE,
    PAGE_NUMBER,
    SECTION_END,
    apply_style,
    install_styles,
    style_id,
)
from sxtdbv_desktop.report.docx_xml import add_page_number_field, restart_page_numbers
from sxtdbv_desktop.text import nfc

HEADER_DISTANCE_MM = 10.0  # the page number sits in the 20 mm top margin
POINTS_PER_MM = 72 / 25.4


def write_docx(document: Document, target: Path | BinaryIO) -> None:
    """Lay `document` out as a .docx into `target` (a path or a binary file)."""
    word = docx.Document()  # python-docx's own template: its styles, no content
    install_styles(word)
    _set_properties(word, document)
    body = word.sections[0]
    _set_up_section(body, landscape=False)
    width = text_width_pt(landscape=False)
    add_letterhead(word, document.letterhead, width)
    add_blocks(word, document.body, width)
    add_signature(word, document.signature, width)
    for appendix in document.appendices:
        section = _new_section(word)
        _set_up_section(section, landscape=appendix.landscape)
        width = text_width_pt(landscape=appendix.landscape)
        add_appendix_heading(word, appendix, width)
        add_blocks(word, appendix.blocks, width)
    _make_tiny(word.add_paragraph()._p)  # Word wants a paragraph after a last table
    word.save(str(target) if isinstance(target, Path) else target)


def text_width_pt(*, landscape: bool) -> float:
    """The width between the margins, in points."""
    page_width = PAGE_MM[1] if landscape else PAGE_MM[0]
    return (page_width - MARGINS_MM["left"] - MARGINS_MM["right"]) * POINTS_PER_MM


def _new_section(word: WordDocument) -> Section:
    """A section starting on a new page; the paragraph that ends the previous one (Word keeps
    section breaks in a paragraph) is made tiny so that it never fills a page alone."""
    section: Section = word.add_section(WD_SECTION.NEW_PAGE)
    breaks = word.element.body.findall(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:sectPr')}")
    _make_tiny(breaks[-1].getparent().getparent())
    return section


def _make_tiny(paragraph: CT_P) -> None:
    paragraph.get_or_add_pPr().style = style_id(SECTION_END)


def _set_up_section(section: Section, *, landscape: bool) -> None:
    """A4 in the orientation asked, the NĐ 30 margins, and the page number centred in the
    header of every page but the section's first."""
    width, height = PAGE_MM if not landscape else (PAGE_MM[1], PAGE_MM[0])
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    section.footer_distance = Mm(HEADER_DISTANCE_MM)
    section.different_first_page_header_footer = True
    restart_page_numbers(section._sectPr, 1)
    # Each header its own (not linked to the previous section's), so that Word and
    # LibreOffice agree on what a landscape appendix shows.
    first = section.first_page_header
    first.is_linked_to_previous = False
    apply_style(first.paragraphs[0], PAGE_NUMBER)
    header = section.header
    header.is_linked_to_previous = False
    add_page_number_field(apply_style(header.paragraphs[0], PAGE_NUMBER)._p)


def _set_properties(word: WordDocument, document: Document) -> None:
    """The file's metadata from the document, none of the template's."""
    properties = word.core_properties
    properties.title = nfc(document.title)
    properties.author = nfc(document.author)
    properties.last_modified_by = nfc(document.author)
    properties.subject = nfc(document.letterhead.summary)
    properties.keywords = nfc(", ".join(document.keywords))
    properties.comments = f"SX&TDBV Desktop {__version__}"
    properties.language = LANGUAGE
    properties.category = nfc(document.letterhead.kind)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    properties.revision = 1
    # The template's thumbnail shows an empty page: Explorer would preview that.
    package_rels = word.part.package.rels
    for r_id, relationship in list(package_rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package_rels.pop(r_id)
