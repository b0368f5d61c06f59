"""A Word table's frame: column widths from shares of the text width, fixed layout, and either
single rules everywhere (the report's tables) or none (the letterhead and the signature, which
NĐ 30 lays out in two columns)."""

from __future__ import annotations

from docx.shared import Pt
from docx.table import Table as WordTable
from docx.table import _Row

from sxtdbv_desktop.report.docx_xml import (
    set_cell_margins,
    set_fixed_layout,
    set_table_borders,
)

RULE_PT = 0.5  # single lines, as thin as prints cleanly
CELL_MARGIN_PT = (4.0, 4.0, 1.0, 1.0)  # left, right, top, bottom: text clear of the rules


def prepare_table(
    table: WordTable, shares: list[float], width_pt: float, *, borders: bool
) -> list[float]:
    """Fix `table`'s columns to `shares` of `width_pt` (the shares are scaled to add up to 1)
    and set its rules; return the columns' widths in points. Call before adding rows."""
    total = sum(shares) or 1.0
    widths = [width_pt * share / total for share in shares]
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    set_fixed_layout(tbl_pr)
    if borders:
        set_table_borders(tbl_pr, RULE_PT)
        set_cell_margins(tbl_pr, *CELL_MARGIN_PT)
    else:
        set_table_borders(tbl_pr, None)
        set_cell_margins(tbl_pr, 0, 0, 0, 0)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
    return widths


def add_row(table: WordTable) -> _Row:
    """A new last row, its cells as wide as their columns."""
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves it untyped
    return row
