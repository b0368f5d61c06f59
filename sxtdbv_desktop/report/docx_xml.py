"""The WordprocessingML that python-docx has no API for, written in one place.

Each helper sets one property on an element python-docx gives us (a paragraph's `w:pPr`, a
run's `w:rPr`, a table's `w:tblPr`, a row's `w:trPr`, a cell's `w:tcPr`, a section's
`w:sectPr`), creating the child where the schema (ECMA-376 Part 1, §17) puts it: Word refuses
out-of-order children with a repair prompt, so every insertion names the elements that must
follow it.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement


def _tags(names: str) -> list[str]:
    return names.split()


# What may follow each child we add, in schema order (CT_PPrBase, CT_RPr, CT_TblPr, CT_TcPr,
# CT_SectPr). A row's properties (CT_TrPrBase) are a choice, in any order.
_AFTER_PBDR = _tags(
    "w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap w:overflowPunct w:topLinePunct "
    "w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd w:snapToGrid w:spacing w:ind "
    "w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc w:textDirection "
    "w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr w:sectPr "
    "w:pPrChange"
)
_AFTER_OUTLINE_LEVEL = _AFTER_PBDR[_AFTER_PBDR.index("w:outlineLvl") + 1 :]
_AFTER_RFONTS = _tags(
    "w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline w:shadow w:emboss "
    "w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color w:spacing w:w w:kern "
    "w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd w:fitText w:vertAlign w:rtl "
    "w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath"
)
_AFTER_LANG = _AFTER_RFONTS[_AFTER_RFONTS.index("w:lang") + 1 :]
_AFTER_TBL_CELL_MAR = _tags("w:tblLook w:tblCaption w:tblDescription w:tblPrChange")
_AFTER_TBL_LAYOUT = ["w:tblCellMar", *_AFTER_TBL_CELL_MAR]
_AFTER_TBL_BORDERS = ["w:shd", "w:tblLayout", *_AFTER_TBL_LAYOUT]
_AFTER_SHD = _tags(
    "w:noWrap w:tcMar w:textDirection w:tcFitText w:vAlign w:hideMark w:headers w:cellIns "
    "w:cellDel w:cellMerge w:tcPrChange"
)
_AFTER_PG_NUM_TYPE = _tags(
    "w:cols w:formProt w:vAlign w:noEndnote w:titlePg w:textDirection w:bidi w:rtlGutter "
    "w:docGrid w:printerSettings w:sectPrChange"
)

TWIPS_PER_POINT = 20
EIGHTHS_PER_POINT = 8  # border widths are in eighths of a point


def child(parent: BaseOxmlElement, tag: str, successors: Sequence[str] = ()) -> BaseOxmlElement:
    """The child `tag` of `parent`, added before the first of `successors` present (or last)."""
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    for name in successors:
        follower = parent.find(qn(name))
        if follower is not None:
            follower.addprevious(element)
            return element
    parent.append(element)
    return element


def set_attributes(element: BaseOxmlElement, **values: str) -> BaseOxmlElement:
    """Set `w:` attributes by their local names (`val="single"` sets `w:val`)."""
    for name, value in values.items():
        element.set(qn(f"w:{name}"), value)
    return element


# --- runs ----------------------------------------------------------------------------------


def set_fonts(r_pr: BaseOxmlElement, family: str) -> None:
    """Use `family` for every script (`w:ascii`, `w:hAnsi`, `w:cs`, `w:eastAsia`), and drop
    the theme fonts, which would otherwise win (Word would show Calibri or Cambria)."""
    fonts = child(r_pr, "w:rFonts", _AFTER_RFONTS)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    set_attributes(fonts, ascii=family, hAnsi=family, cs=family, eastAsia=family)


def set_size(r_pr: BaseOxmlElement, points: float) -> None:
    """The text's size, for every script (`w:sz` and `w:szCs` are in half points)."""
    half_points = str(round(points * 2))
    for tag in ("w:sz", "w:szCs"):
        after = _AFTER_RFONTS[_AFTER_RFONTS.index(tag) + 1 :]
        set_attributes(child(r_pr, tag, after), val=half_points)


def set_language(r_pr: BaseOxmlElement, tag: str) -> None:
    """The language of the text (`vi-VN`), so Word checks the spelling in Vietnamese."""
    set_attributes(child(r_pr, "w:lang", _AFTER_LANG), val=tag, eastAsia=tag)


# --- paragraphs ----------------------------------------------------------------------------


def rule_below(p_pr: BaseOxmlElement, width_pt: float = 0.75) -> None:
    """A single line under the paragraph, from its left indent to its right indent."""
    borders = child(p_pr, "w:pBdr", _AFTER_PBDR)
    bottom = child(borders, "w:bottom")
    eighths = str(round(width_pt * EIGHTHS_PER_POINT))
    set_attributes(bottom, val="single", sz=eighths, space="1", color="000000")


def set_outline_level(p_pr: BaseOxmlElement, level: int) -> None:
    """A heading's level in Word's navigation pane and table of contents (0 is the top)."""
    set_attributes(child(p_pr, "w:outlineLvl", _AFTER_OUTLINE_LEVEL), val=str(level))


def add_page_number_field(paragraph: BaseOxmlElement) -> None:
    """Append a PAGE field to the paragraph `w:p`: the page's number, which Word computes."""
    for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None)):
        run = OxmlElement("w:r")
        if kind is not None:
            run.append(set_attributes(OxmlElement("w:fldChar"), fldCharType=kind))
        else:
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = instruction
            run.append(text)
        paragraph.append(run)
    shown = OxmlElement("w:r")  # the last value computed, shown until Word updates it
    shown_text = OxmlElement("w:t")
    shown_text.text = "1"
    shown.append(shown_text)
    paragraph.append(shown)
    end = OxmlElement("w:r")
    end.append(set_attributes(OxmlElement("w:fldChar"), fldCharType="end"))
    paragraph.append(end)


# --- tables --------------------------------------------------------------------------------

_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def set_table_borders(tbl_pr: BaseOxmlElement, width_pt: float | None) -> None:
    """Single lines `width_pt` wide on every edge and between cells, or none at all (None)."""
    borders = child(tbl_pr, "w:tblBorders", _AFTER_TBL_BORDERS)
    for edge in _EDGES:
        element = child(borders, f"w:{edge}")
        element.attrib.clear()
        if width_pt is None:
            set_attributes(element, val="nil")
        else:
            eighths = str(round(width_pt * EIGHTHS_PER_POINT))
            set_attributes(element, val="single", sz=eighths, space="0", color="000000")


def set_cell_margins(
    tbl_pr: BaseOxmlElement, left_pt: float, right_pt: float, top_pt: float, bottom_pt: float
) -> None:
    """The space between each cell's edges and its text, for the whole table."""
    margins = child(tbl_pr, "w:tblCellMar", _AFTER_TBL_CELL_MAR)
    for edge, value in (("top", top_pt), ("left", left_pt), ("bottom", bottom_pt),
                        ("right", right_pt)):  # fmt: skip
        twips = str(round(value * TWIPS_PER_POINT))
        set_attributes(child(margins, f"w:{edge}"), w=twips, type="dxa")


def set_fixed_layout(tbl_pr: BaseOxmlElement) -> None:
    """Column widths as given, not fitted to the contents (Word and LibreOffice agree then)."""
    set_attributes(child(tbl_pr, "w:tblLayout", _AFTER_TBL_LAYOUT), type="fixed")


def repeat_as_header(tr_pr: BaseOxmlElement) -> None:
    """The row repeats at the top of each page the table continues on."""
    set_attributes(child(tr_pr, "w:tblHeader"), val="1")


def keep_row_together(tr_pr: BaseOxmlElement) -> None:
    """The row is never split across two pages."""
    set_attributes(child(tr_pr, "w:cantSplit"), val="1")


def shade(tc_pr: BaseOxmlElement, fill: str) -> None:
    """Fill the cell with the colour `fill` ("F2F2F2")."""
    set_attributes(child(tc_pr, "w:shd", _AFTER_SHD), val="clear", color="auto", fill=fill)


# --- sections ------------------------------------------------------------------------------


def restart_page_numbers(sect_pr: BaseOxmlElement, start: int = 1) -> None:
    """The section's pages are numbered from `start` (an appendix numbered on its own)."""
    set_attributes(child(sect_pr, "w:pgNumType", _AFTER_PG_NUM_TYPE), start=str(start))
