"""The report's tables and appendices as an Excel workbook, from the same `Document`.

One sheet per table of the document, with the document's own headings, written with the shared
`excel.tables` writer: the figures are numbers a clerk can sum and filter (money in đồng, rates
as percentages, dates as dates) wherever a cell carries its value, and text otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from openpyxl import Workbook

from sxtdbv_desktop.excel.tables import Column, Value, write_table
from sxtdbv_desktop.report.document import Appendix, Document, Row, Table, text_of
from sxtdbv_desktop.text import printable

_BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")


def write_appendix_xlsx(document: Document, target: str | BinaryIO) -> None:
    """Write the workbook to `target` (a path or a binary file)."""
    wb = Workbook()
    first = wb.active
    for name, title, table in tables(document):
        ws = wb.create_sheet(name)
        columns = [Column(c.title, c.kind) for c in table.columns]  # type: ignore[arg-type]
        write_table(ws, columns, list(_rows(table)), title=title)
    if first is not None:
        wb.remove(first)
    wb.properties.title = printable(document.title)  # document properties are XML too
    wb.properties.creator = "SX&TDBV Desktop"
    wb.save(target)


def tables(document: Document) -> Iterator[tuple[str, str, Table]]:
    """(sheet name, title line, table) of every table, the body's first, then the appendices'."""
    for block in document.body:
        if isinstance(block, Table):
            yield _sheet_name(block.caption), block.caption, block
    for appendix in document.appendices:
        for block in appendix.blocks:
            if isinstance(block, Table):
                yield _sheet_name(appendix.label), _title(appendix), block


def _title(appendix: Appendix) -> str:
    return f"{appendix.label}. {appendix.title} {text_of(appendix.reference)}"


def _sheet_name(caption: str) -> str:
    """ "Bảng 1" / "Phụ lục II": short, and only characters Excel allows."""
    short = caption.split(".", maxsplit=1)[0]
    return _BAD_SHEET_CHARACTERS.sub("", short)[:31]


_TEXT_KINDS = ("text", "long_text")


def _rows(table: Table) -> Iterator[list[Value]]:
    kinds = [c.kind for c in table.columns]
    for row in table.rows:
        yield _values(row, kinds)


def _values(row: Row, kinds: list[str]) -> list[Value]:
    """The row's cells: a typed column takes the figure behind the text; a text column the
    words as the report prints them ("68,9% (31/45)" says more than 0.689)."""
    values: list[Value] = []
    for cell in row.cells:
        typed = len(values) < len(kinds) and kinds[len(values)] not in _TEXT_KINDS
        value = cell.value if typed and cell.value is not None else (cell.text or None)
        values.append(value)  # type: ignore[arg-type]
        values += [None] * (cell.span - 1)
    return [*values, *([None] * (len(kinds) - len(values)))]
