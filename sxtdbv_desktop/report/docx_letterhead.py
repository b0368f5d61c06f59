"""The fixed parts of the Word report (Nghị định 30/2020/NĐ-CP, Phụ lục I): the two-column
letterhead, the title block, "Nơi nhận" with the signer's block, and each appendix's heading.

The rules under the issuing body, the motto, the summary and an appendix's reference are
paragraph borders, not drawn shapes: they move with the text when the office edits it, and
their length comes from the text's width measured with the font's metrics (Liberation Serif
has Times New Roman's), centred by equal indents on both sides.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from sxtdbv_desktop.report.document import (
    APPENDIX_LABEL,
    APPENDIX_REFERENCE,
    APPENDIX_TITLE,
    STYLES,
    SUMMARY,
    TITLE,
    Appendix,
    Letterhead,
    Runs,
    Signature,
    Style,
    plain,
    text_of,
)
from sxtdbv_desktop.report.document import MOTTO as MOTTO_TEXT
from sxtdbv_desktop.report.document import NATIONAL_NAME as NATIONAL_NAME_TEXT
from sxtdbv_desktop.report.docx_blocks import add_paragraph, add_runs
from sxtdbv_desktop.report.docx_styles import (
    AUTHORITY,
    GOVERNING_BODY,
    ISSUING_BODY,
    LAYOUT_STYLES,
    MOTTO,
    NATIONAL_NAME,
    NUMBER,
    PLACE_DATE,
    RECIPIENTS,
    RECIPIENTS_LABEL,
    RULE,
    SIGNER,
    apply_style,
)
from sxtdbv_desktop.report.docx_tables import add_row, prepare_table
from sxtdbv_desktop.report.docx_xml import keep_row_together, rule_below
from sxtdbv_desktop.report.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, text_width

RECIPIENTS_TEXT = "Nơi nhận:"

LETTERHEAD_COLUMNS = [0.4, 0.6]  # 66 mm and 99 mm of A4 portrait's 165 mm
SIGNATURE_COLUMNS = [0.48, 0.52]
SHORT_RULE_SHARE = 0.4  # of the line above: within the decree's 1/3 to 1/2
SIGNATURE_GAP_PT = 12  # between the body and "Nơi nhận"

Container = WordDocument | _Cell


def face(style: Style) -> str:
    """The font face `style` is set in, for measuring."""
    return {
        (False, False): REGULAR,
        (True, False): BOLD,
        (False, True): ITALIC,
        (True, True): BOLD_ITALIC,
    }[(style.bold, style.italic)]


def widest_line(text: str, style: Style) -> float:
    """The width in points of the widest line of `text` set in `style`."""
    return max(text_width(line, face(style), style.size) for line in text.split("\n"))


def add_rule(container: Container, length_pt: float, available_pt: float) -> WordParagraph:
    """An empty paragraph whose bottom border is a rule `length_pt` long, centred in
    `available_pt` (the width of the text area or of the cell)."""
    paragraph = apply_style(container.add_paragraph(), RULE)
    side = max((available_pt - length_pt) / 2, 0.0)
    paragraph.paragraph_format.left_indent = Pt(side)
    paragraph.paragraph_format.right_indent = Pt(side)
    rule_below(paragraph._p.get_or_add_pPr())
    return paragraph


def _cell_paragraph(cell: _Cell, runs: Runs, key: str) -> WordParagraph:
    """A paragraph in `cell` in the layout style `key` (the cell's own empty one first)."""
    first: WordParagraph = cell.paragraphs[0]
    reusable = not first.runs and first._p.style is None
    paragraph = apply_style(first if reusable else cell.add_paragraph(), key)
    add_runs(paragraph, runs)
    return paragraph


def add_letterhead(word: WordDocument, letterhead: Letterhead, text_width_pt: float) -> None:
    """The borderless two-column table of page 1, then the document type and summary."""
    table = word.add_table(rows=0, cols=2)
    left_width, right_width = prepare_table(table, LETTERHEAD_COLUMNS, text_width_pt, borders=False)
    top, bottom = add_row(table), add_row(table)
    left, right = top.cells
    if letterhead.governing_body:
        for line in letterhead.governing_body.split("\n"):
            _cell_paragraph(left, plain(line), GOVERNING_BODY)
    issuing = LAYOUT_STYLES[ISSUING_BODY]
    for line in letterhead.issuing_body.split("\n"):
        _cell_paragraph(left, plain(line), ISSUING_BODY)
    rule = SHORT_RULE_SHARE * widest_line(letterhead.issuing_body, issuing)
    add_rule(left, rule, left_width)
    _cell_paragraph(right, plain(NATIONAL_NAME_TEXT), NATIONAL_NAME)
    _cell_paragraph(right, plain(MOTTO_TEXT), MOTTO)
    add_rule(right, widest_line(MOTTO_TEXT, LAYOUT_STYLES[MOTTO]), right_width)
    # Number and date on one row, so they share a line whatever the lines above them.
    _cell_paragraph(bottom.cells[0], letterhead.number, NUMBER)
    _cell_paragraph(bottom.cells[1], letterhead.place_date, PLACE_DATE)
    add_title_block(word, letterhead.kind, letterhead.summary, text_width_pt)


def add_title_block(word: WordDocument, kind: str, summary: str, text_width_pt: float) -> None:
    add_paragraph(word, plain(kind), TITLE)
    add_paragraph(word, plain(summary), SUMMARY)
    line = min(widest_line(summary, STYLES[SUMMARY]), text_width_pt)
    add_rule(word, SHORT_RULE_SHARE * line, text_width_pt)


def add_signature(word: WordDocument, signature: Signature, text_width_pt: float) -> None:
    """ "Nơi nhận:" and its list on the left, the signer's block on the right, never split
    across two pages."""
    table = word.add_table(rows=0, cols=2)
    prepare_table(table, SIGNATURE_COLUMNS, text_width_pt, borders=False)
    row = add_row(table)
    keep_row_together(row._tr.get_or_add_trPr())
    left, right = row.cells
    label = _cell_paragraph(left, plain(RECIPIENTS_TEXT), RECIPIENTS_LABEL)
    for line in signature.recipients:
        _cell_paragraph(left, line, RECIPIENTS)
    firsts = [label]
    for number, authority in enumerate(signature.authority):
        paragraph = _cell_paragraph(right, plain(authority), AUTHORITY)
        if number == 0:
            firsts.append(paragraph)
    _cell_paragraph(right, signature.signer, SIGNER)
    for paragraph in firsts:
        paragraph.paragraph_format.space_before = Pt(SIGNATURE_GAP_PT)


def add_appendix_heading(word: WordDocument, appendix: Appendix, text_width_pt: float) -> None:
    """ "Phụ lục I", its title, the reference to the report and a short rule."""
    add_paragraph(word, plain(appendix.label), APPENDIX_LABEL)
    add_paragraph(word, plain(appendix.title), APPENDIX_TITLE)
    add_paragraph(word, appendix.reference, APPENDIX_REFERENCE)
    reference = STYLES[APPENDIX_REFERENCE]
    line = min(widest_line(text_of(appendix.reference), reference), text_width_pt)
    add_rule(word, SHORT_RULE_SHARE * line, text_width_pt)
