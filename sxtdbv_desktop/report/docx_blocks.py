"""The body's blocks in the Word file: paragraphs of runs, ruled tables, charts as pictures.

Every paragraph takes its look from a named style (`docx_styles`); runs only add what the text
itself says (bold, italic) and the yellow highlight of a placeholder, which the office types
over before signing.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence

from docx.document import Document as WordDocument
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.table import CT_Row
from docx.shared import Pt
from docx.table import Table as WordTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as WordParagraph

from sxtdbv_desktop.report.chart_png import chart_png
from sxtdbv_desktop.report.document import (
    CAPTION,
    DATA,
    GROUP,
    TOTAL,
    Block,
    Cell,
    Chart,
    Paragraph,
    Row,
    Runs,
    Table,
    plain,
)
from sxtdbv_desktop.report.docx_styles import (
    FIGURE,
    TABLE_HEAD,
    TABLE_TEXT,
    alignment,
    apply_style,
)
from sxtdbv_desktop.report.docx_tables import add_row, prepare_table
from sxtdbv_desktop.report.docx_xml import keep_row_together, repeat_as_header, shade
from sxtdbv_desktop.text import nfc

GROUP_FILL = "E7E6E6"  # a light grey band: still readable when photocopied
UNSPLIT_ROW_CHARACTERS = 400
"""Rows with at most this much text stay on one page; a longer row may break, since a row
taller than a page that may not break is cut off."""
CHART_MAX_WIDTH_PT = 180 / 25.4 * 72  # a chart wider than 18 cm only gets emptier


def add_runs(paragraph: WordParagraph, runs: Runs) -> None:
    """The runs' text with their emphasis; placeholders highlighted yellow."""
    for run in runs:
        added = paragraph.add_run(nfc(run.text))  # "\n" becomes a line break
        if run.bold:
            added.bold = True
        if run.italic:
            added.italic = True
        if run.placeholder:
            added.font.highlight_color = WD_COLOR_INDEX.YELLOW


def add_paragraph(word: WordDocument, runs: Runs, key: str) -> WordParagraph:
    """A paragraph of `runs` in the style `key`."""
    paragraph = apply_style(word.add_paragraph(), key)
    add_runs(paragraph, runs)
    return paragraph


def add_blocks(word: WordDocument, blocks: tuple[Block, ...], text_width_pt: float) -> None:
    """Append `blocks` to the document, laid out for a text area `text_width_pt` wide."""
    for block in blocks:
        if isinstance(block, Paragraph):
            add_paragraph(word, block.runs, block.style)
        elif isinstance(block, Table):
            add_table(word, block, text_width_pt)
        else:
            add_chart(word, block, text_width_pt)


def add_notes(word: WordDocument, notes: tuple[Paragraph, ...]) -> None:
    for note in notes:
        add_paragraph(word, note.runs, note.style)


# --- tables --------------------------------------------------------------------------------


def add_table(word: WordDocument, table: Table, text_width_pt: float) -> WordTable:
    """The caption above, the ruled table (its header row repeated on every page), the notes
    under it."""
    if table.caption:
        add_paragraph(word, plain(table.caption), CAPTION)
    widths = [column.width for column in table.columns]
    grid: WordTable = word.add_table(rows=0, cols=len(table.columns))
    prepare_table(grid, widths, text_width_pt, borders=True)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = add_row(grid)
    repeat_as_header(head._tr.get_or_add_trPr())
    keep_row_together(head._tr.get_or_add_trPr())
    for cell, column in zip(head.cells, table.columns, strict=True):
        _fill(cell, plain(column.title), TABLE_HEAD, None)
    prototype = _prototype(grid, table)
    for row in table.rows:
        _add_row(grid, table, row, prototype)
    add_notes(word, table.notes)
    return grid


def _prototype(grid: WordTable, table: Table) -> CT_Row:
    """An empty data row of `table` with every cell's properties set (centred vertically, the
    table's text style, the column's alignment), taken out of the table again: each data row
    is a copy of it, which is many times faster than setting each cell's properties through
    python-docx (the 30-report year has some 1.800 cells)."""
    row = add_row(grid)
    for cell, column in zip(row.cells, table.columns, strict=True):
        _fill(cell, (), TABLE_TEXT, column.align)
    element = row._tr
    grid._tbl.remove(element)
    return element


def _add_row(grid: WordTable, table: Table, row: Row, prototype: CT_Row) -> None:
    if row.kind not in (DATA, GROUP, TOTAL):
        raise ValueError(f"unknown row kind {row.kind!r}")
    element = copy.deepcopy(prototype)
    grid._tbl.append(element)
    added = _Row(element, grid)
    if sum(len(cell.text) for cell in row.cells) <= UNSPLIT_ROW_CHARACTERS:
        keep_row_together(element.get_or_add_trPr())
    column = 0
    # The row's cells, read once: python-docx walks the whole row for each `cells`. Merging
    # removes only the cells inside a span, never those after it, which are the ones used next.
    cells = added.cells
    for cell in row.cells:
        if column >= len(table.columns):
            raise ValueError(f"a row of {table.caption!r} has more cells than columns")
        target = _spanned(cells, column, cell)
        paragraph = target.paragraphs[0]
        if cell.align is not None and cell.align != table.columns[column].align:
            paragraph.alignment = alignment(cell.align)
        add_runs(paragraph, cell.runs)
        if row.kind != DATA:
            for run in paragraph.runs:
                run.bold = True
        if row.kind == GROUP:
            shade(target._tc.get_or_add_tcPr(), GROUP_FILL)
        column += cell.span


def _spanned(cells: Sequence[_Cell], column: int, cell: Cell) -> _Cell:
    last = min(column + cell.span, len(cells)) - 1
    return cells[column] if last == column else cells[column].merge(cells[last])


def _fill(target: _Cell, runs: Runs, key: str, align: str | None, *, bold: bool = False) -> None:
    target.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    paragraph = apply_style(target.paragraphs[0], key)
    if align is not None:
        paragraph.alignment = alignment(align)
    add_runs(paragraph, runs)
    if bold:
        for run in paragraph.runs:
            run.bold = True


# --- charts --------------------------------------------------------------------------------


def add_chart(word: WordDocument, chart: Chart, text_width_pt: float) -> None:
    """The caption, the chart as a 300 dpi picture, the notes."""
    if chart.caption:
        add_paragraph(word, plain(chart.caption), CAPTION)
    width = min(text_width_pt, CHART_MAX_WIDTH_PT)
    picture = apply_style(word.add_paragraph(), FIGURE)
    picture.add_run().add_picture(io.BytesIO(chart_png(chart, width)), width=Pt(width))
    add_notes(word, chart.notes)
