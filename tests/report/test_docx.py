"""The Word report read back with python-docx: page set-up of every section, numbering, the
fonts and named styles, the letterhead and signature tables, the ruled tables, placeholders,
the chart picture and the file's metadata (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph
from PIL import Image

from sxtdbv_desktop.report.document import MARGINS_MM, STYLES, TABLE_SIZE
from sxtdbv_desktop.report.document import MOTTO as MOTTO_TEXT
from sxtdbv_desktop.report.docx import write_docx
from sxtdbv_desktop.report.docx_letterhead import SHORT_RULE_SHARE
from sxtdbv_desktop.report.docx_styles import FONT, LAYOUT_STYLES, MOTTO, PAGE_NUMBER
from sxtdbv_desktop.report.fonts import BOLD, text_width
from tests.present import present
from tests.report.sample_document import sample_document, used_styles

TWIP = Mm(25.4 / 1440)  # python-docx lengths come from twips


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "bao-cao.docx"
    write_docx(sample_document(), path)
    return path


@pytest.fixture(scope="module")
def word(docx_path: Path) -> WordDocument:
    return docx.Document(str(docx_path))


def paragraphs(word: WordDocument) -> Iterator[WordParagraph]:
    """Every paragraph of the body, those in table cells included, in order."""
    for paragraph in word.element.body.iter(qn("w:p")):
        yield WordParagraph(paragraph, word._body)


def borders(table: WordTable) -> set[str | None]:
    found = table._tbl.tblPr.find(qn("w:tblBorders"))
    return {edge.get(qn("w:val")) for edge in found}


def kinds(word: WordDocument) -> tuple[WordTable, list[WordTable], WordTable]:
    """The letterhead, the ruled tables and the signature."""
    letterhead, *others = word.tables
    (signature,) = [t for t in others if t.rows[0].cells[0].text.startswith("Nơi nhận:")]
    return letterhead, [t for t in others if t is not signature], signature


def close(length: int | None, expected: int) -> bool:
    return length is not None and abs(length - expected) <= TWIP


def test_writes_to_a_stream_too() -> None:
    stream = io.BytesIO()
    write_docx(sample_document(), stream)
    assert docx.Document(io.BytesIO(stream.getvalue())).paragraphs


def test_every_section_is_a4_with_the_margins_of_decree_30(word: WordDocument) -> None:
    sections = word.sections
    assert len(sections) == 1 + len(sample_document().appendices)
    for section, landscape in zip(sections, (False, False, True), strict=True):
        width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
        assert close(section.page_width, width) and close(section.page_height, height)
        assert section.orientation == (WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT)
        assert close(section.top_margin, Mm(MARGINS_MM["top"]))
        assert close(section.bottom_margin, Mm(MARGINS_MM["bottom"]))
        assert close(section.left_margin, Mm(MARGINS_MM["left"]))
        assert close(section.right_margin, Mm(MARGINS_MM["right"]))


def test_page_numbers_from_the_second_page_of_each_section(word: WordDocument) -> None:
    for section in word.sections:
        assert section.different_first_page_header_footer
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        header = section.header
        assert not header.is_linked_to_previous
        instructions = [i.text for i in header._element.iter(qn("w:instrText"))]
        assert instructions == [" PAGE "]
        assert header.paragraphs[0].style.name == LAYOUT_STYLES[PAGE_NUMBER].name
        first = section.first_page_header
        assert not first.is_linked_to_previous
        assert not list(first._element.iter(qn("w:instrText")))
        assert "".join(p.text for p in first.paragraphs) == ""


def test_times_new_roman_everywhere_through_the_styles(word: WordDocument) -> None:
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(f".//{qn('w:rFonts')}")
    every = [defaults, *styles.iter(qn("w:rFonts"))]
    for fonts in every:
        for script in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(qn(f"w:{script}")) == FONT
        assert not [key for key in fonts.attrib if "heme" in key]
    assert word.styles["Normal"].font.name == FONT
    lang = styles.find(qn("w:docDefaults")).find(f".//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "vi-VN"


def test_every_named_style_is_defined_as_the_typography_table_says(word: WordDocument) -> None:
    for style in (*STYLES.values(), *LAYOUT_STYLES.values()):
        found = word.styles[style.name]
        assert found.font.name == FONT
        assert found.font.size.pt == style.size
        assert bool(found.font.bold) == style.bold
        assert bool(found.font.italic) == style.italic
        assert found.paragraph_format.first_line_indent.cm == pytest.approx(
            style.first_indent_cm, abs=0.01
        )
        assert found.paragraph_format.space_before.pt == style.space_before
        assert found.base_style.name == "Normal"


def test_every_style_of_the_table_is_used(word: WordDocument) -> None:
    used = {present(paragraph.style).name for paragraph in paragraphs(word)}
    expected = {STYLES[key].name for key in used_styles()}
    assert expected <= used
    assert set(used) <= {s.name for s in (*STYLES.values(), *LAYOUT_STYLES.values())}


def test_body_paragraphs_are_justified_with_a_first_line_indent(word: WordDocument) -> None:
    body = word.styles[STYLES["body"].name].paragraph_format
    assert body.alignment == 3  # justified
    assert body.first_line_indent.cm == pytest.approx(1.27, abs=0.01)
    assert body.space_before.pt >= 6


def test_the_letterhead_and_the_signature_are_borderless_tables(word: WordDocument) -> None:
    letterhead, ruled, signature = kinds(word)
    assert borders(letterhead) == borders(signature) == {"nil"}
    left, right = (cell.text for cell in letterhead.rows[0].cells)
    assert left.split("\n") == ["UBND TỈNH ĐỒNG THÁP", "SỞ CÔNG THƯƠNG", ""]
    assert right.split("\n") == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", MOTTO_TEXT, ""]
    number, date = letterhead.rows[1].cells
    assert (number.text, date.text) == ("Số: [số]/BC-SCT", "Đồng Tháp, ngày 05 tháng 01 năm 2024")
    assert all(borders(table) == {"single"} for table in ruled)
    assert signature.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"
    assert [p.text for p in signature.rows[0].cells[1].paragraphs] == [
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "[họ và tên người ký]",
    ]
    assert present(signature.rows[0]._tr.trPr).find(qn("w:cantSplit")) is not None


def test_rules_are_bottom_borders_centred_and_as_long_as_decree_30_says(
    word: WordDocument,
) -> None:
    rules = [p for p in paragraphs(word) if p._p.pPr is not None and
             p._p.pPr.find(qn("w:pBdr")) is not None]  # fmt: skip
    assert len(rules) == 3 + len(sample_document().appendices)  # issuing, motto, summary
    for rule in rules:
        assert rule.text == ""
        fmt = rule.paragraph_format
        assert fmt.left_indent == fmt.right_indent
    letterhead = word.tables[0]
    widths = [cell.width.pt for cell in letterhead.rows[0].cells]
    issuing, motto = (rules[0], rules[1])
    issuing_length = widths[0] - 2 * issuing.paragraph_format.left_indent.pt
    issuing_text = text_width("SỞ CÔNG THƯƠNG", BOLD, 13)
    assert issuing_text / 3 <= issuing_length <= issuing_text / 2
    assert issuing_length == pytest.approx(SHORT_RULE_SHARE * issuing_text, abs=0.1)
    motto_length = widths[1] - 2 * motto.paragraph_format.left_indent.pt
    motto_size = LAYOUT_STYLES[MOTTO].size
    assert motto_length == pytest.approx(text_width(MOTTO_TEXT, BOLD, motto_size), abs=0.1)


def test_ruled_tables_repeat_their_header_and_mark_groups_and_totals(word: WordDocument) -> None:
    ruled = kinds(word)[1]
    assert len(ruled) == 3  # the body's, and one in each appendix
    for table in ruled:
        header = present(table.rows[0]._tr.trPr)
        assert header.find(qn("w:tblHeader")) is not None
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert all(
            run.font.size is None and p.style.font.size.pt == TABLE_SIZE
            for cell in table.rows[1].cells
            for p in cell.paragraphs
            for run in p.runs
        )
    indicators = ruled[0]
    assert [c.text for c in indicators.rows[0].cells] == ["STT", "Chỉ tiêu", "Kế hoạch",
                                                         "Kết quả", "Đánh giá"]  # fmt: skip
    group = indicators.rows[1]._tr
    (band,) = group.tc_lst
    assert band.grid_span == 5
    assert present(band.tcPr).find(qn("w:shd")).get(qn("w:fill")) == "E7E6E6"
    assert all(r.bold for r in indicators.rows[1].cells[0].paragraphs[0].runs)
    total = indicators.rows[-1]
    assert total._tr.tc_lst[0].grid_span == 2
    assert all(run.bold for cell in total.cells for p in cell.paragraphs for run in p.runs)
    spanned = indicators.rows[5]._tr.tc_lst
    assert [tc.grid_span for tc in spanned] == [1, 1, 1, 2]
    assert all(
        present(tr.trPr).find(qn("w:cantSplit")) is not None for tr in indicators._tbl.tr_lst
    )


def test_captions_stand_above_their_tables(word: WordDocument) -> None:
    body = list(word.element.body)
    for table in kinds(word)[1]:
        before = body[body.index(table._tbl) - 1]
        assert present(WordParagraph(before, word._body).style).name == STYLES["caption"].name


def test_placeholders_are_highlighted_yellow(word: WordDocument) -> None:
    marked = [run for p in paragraphs(word) for run in p.runs if run.text.startswith("[")]
    expected = sum(
        1
        for p in paragraphs(word)
        for run in p.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    )
    assert len(marked) == expected >= 8
    assert {run.text for run in marked} >= {"[số]", "[số văn bản]", "[họ và tên người ký]"}
    assert all(r.font.highlight_color is None for p in paragraphs(word) for r in p.runs
               if not r.text.startswith("["))  # fmt: skip


def test_the_charts_are_pictures_at_300_dpi(word: WordDocument) -> None:
    shapes = word.inline_shapes
    assert len(shapes) == 2
    for shape, width in zip(shapes, (165, 180), strict=True):  # portrait, landscape
        assert shape.width.mm == pytest.approx(width, abs=0.5)
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = word.part.related_parts[blip.embed]
        assert image.content_type == "image/png"
        picture = Image.open(io.BytesIO(image.blob))
        assert picture.width / (shape.width.inches) == pytest.approx(300, rel=0.01)


def test_appendices_start_with_their_label_title_and_reference(word: WordDocument) -> None:
    texts = [p.text for p in paragraphs(word)]
    for appendix in sample_document().appendices:
        start = texts.index(appendix.label)
        assert texts[start + 1] == appendix.title
        assert texts[start + 2].startswith("(Kèm theo Báo cáo số [số]/BC-SCT")


def test_text_is_nfc_and_complete(word: WordDocument, docx_path: Path) -> None:
    text = "\n".join(p.text for p in paragraphs(word))
    assert unicodedata.is_normalized("NFC", text)
    for expected in ("BÁO CÁO", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "Chưa có số liệu", "Phụ lục II"):
        assert expected in text


def test_metadata_comes_from_the_document(word: WordDocument) -> None:
    properties = word.core_properties
    document = sample_document()
    assert properties.title == document.title
    assert properties.author == properties.last_modified_by == document.author
    assert properties.keywords == "SX&TDBV, 2023"
    assert properties.language == "vi-VN"
    assert "python-docx" not in (properties.comments + properties.author)
    assert not [r for r in word.part.package.rels.values() if r.reltype.endswith("/thumbnail")]
