"""The WordprocessingML helpers, read back as XML: what they set, and that each child lands
where the schema puts it (Word asks to repair a file whose children are out of order)."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt

from sxtdbv_desktop.report.docx_xml import (
    add_page_number_field,
    child,
    keep_row_together,
    repeat_as_header,
    restart_page_numbers,
    rule_below,
    set_cell_margins,
    set_fixed_layout,
    set_fonts,
    set_language,
    set_outline_level,
    set_size,
    set_table_borders,
    shade,
)
from tests.present import present


def tags(element: BaseOxmlElement) -> list[str]:
    return [node.tag.split("}")[1] for node in element]


def w(element: BaseOxmlElement, name: str) -> str | None:
    value: str | None = element.get(qn(f"w:{name}"))
    return value


def test_child_goes_before_its_first_successor_and_is_not_added_twice() -> None:
    paragraph = docx.Document().add_paragraph("x", style="Normal")
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.alignment = 1
    p_pr = present(paragraph._p.pPr)
    assert tags(p_pr)[-2:] == ["spacing", "jc"]
    first = child(p_pr, "w:pBdr", ["w:spacing", "w:jc"])
    assert child(p_pr, "w:pBdr", ["w:spacing"]) is first
    assert tags(p_pr)[-3:] == ["pBdr", "spacing", "jc"]


def test_rule_below_is_a_bottom_border_before_spacing_and_indents() -> None:
    paragraph = docx.Document().add_paragraph()
    paragraph.paragraph_format.left_indent = Pt(30)
    paragraph.paragraph_format.space_before = Pt(0)
    rule_below(paragraph._p.get_or_add_pPr(), 0.75)
    p_pr = present(paragraph._p.pPr)
    assert tags(p_pr) == ["pBdr", "spacing", "ind"]
    bottom = p_pr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert (w(bottom, "val"), w(bottom, "sz")) == ("single", "6")


def test_outline_level_follows_justification() -> None:
    paragraph = docx.Document().add_paragraph()
    paragraph.paragraph_format.alignment = 3
    set_outline_level(paragraph._p.get_or_add_pPr(), 1)
    assert tags(present(paragraph._p.pPr)) == ["jc", "outlineLvl"]
    assert w(present(paragraph._p.pPr).find(qn("w:outlineLvl")), "val") == "1"


def test_fonts_cover_every_script_and_drop_the_theme() -> None:
    run = docx.Document().add_paragraph().add_run("Đồng Tháp")
    run.bold = True
    r_pr = run._r.get_or_add_rPr()
    fonts = child(r_pr, "w:rFonts", ["w:b"])
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    fonts.set(qn("w:cstheme"), "minorBidi")
    set_fonts(r_pr, "Times New Roman")
    set_size(r_pr, 13)
    set_language(r_pr, "vi-VN")
    assert tags(r_pr) == ["rFonts", "b", "sz", "szCs", "lang"]
    assert {key.split("}")[1]: value for key, value in fonts.attrib.items()} == {
        "ascii": "Times New Roman",
        "hAnsi": "Times New Roman",
        "cs": "Times New Roman",
        "eastAsia": "Times New Roman",
    }
    assert w(r_pr.find(qn("w:sz")), "val") == "26"
    assert w(r_pr.find(qn("w:lang")), "val") == "vi-VN"


def test_page_number_field() -> None:
    paragraph = docx.Document().add_paragraph()
    add_page_number_field(paragraph._p)
    runs = paragraph._p.findall(qn("w:r"))
    kinds = [w(r.find(qn("w:fldChar")), "fldCharType") for r in runs if r.find(qn("w:fldChar"))
             is not None]  # fmt: skip
    assert kinds == ["begin", "separate", "end"]
    assert [r.find(qn("w:instrText")).text for r in runs if r.find(qn("w:instrText")) is not None
            ] == [" PAGE "]  # fmt: skip


def test_table_properties_in_schema_order() -> None:
    table = docx.Document().add_table(rows=1, cols=2)
    tbl_pr = table._tbl.tblPr
    set_cell_margins(tbl_pr, 4, 4, 1, 1)
    set_fixed_layout(tbl_pr)
    set_table_borders(tbl_pr, 0.5)
    assert tags(tbl_pr) == ["tblW", "tblBorders", "tblLayout", "tblCellMar", "tblLook"]
    borders = tbl_pr.find(qn("w:tblBorders"))
    assert tags(borders) == ["top", "left", "bottom", "right", "insideH", "insideV"]
    assert {(w(edge, "val"), w(edge, "sz")) for edge in borders} == {("single", "4")}
    set_table_borders(tbl_pr, None)
    assert {w(edge, "val") for edge in borders} == {"nil"}
    assert {w(edge, "w") for edge in tbl_pr.find(qn("w:tblCellMar"))} == {"80", "20"}


def test_rows_and_cells() -> None:
    table = docx.Document().add_table(rows=1, cols=2)
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat_as_header(tr_pr)
    keep_row_together(tr_pr)
    assert {tags(tr_pr)[0], tags(tr_pr)[1]} == {"tblHeader", "cantSplit"}
    cell = table.rows[0].cells[0]
    cell.vertical_alignment = 1
    shade(cell._tc.get_or_add_tcPr(), "E7E6E6")
    assert tags(cell._tc.tcPr) == ["tcW", "shd", "vAlign"]
    assert w(cell._tc.tcPr.find(qn("w:shd")), "fill") == "E7E6E6"


def test_page_numbers_restart_before_the_first_page_setting() -> None:
    section = docx.Document().sections[0]
    section.different_first_page_header_footer = True
    restart_page_numbers(section._sectPr, 1)
    order = tags(section._sectPr)
    assert order.index("pgMar") < order.index("pgNumType") < order.index("cols")
    assert order.index("pgNumType") < order.index("titlePg")
    assert w(section._sectPr.find(qn("w:pgNumType")), "start") == "1"
