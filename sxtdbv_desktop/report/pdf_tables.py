"""A document `Table` as a reportlab table: ruled, its header row repeated on every page.

Every cell is a Paragraph (long Vietnamese text wraps, every glyph is in the embedded font). A
reportlab row cannot continue on the next page, so a cell whose text would make a row taller
than about a third of a page is cut, at line or word ends, into continuation rows drawn with no
rule between them. Group rows are bold bands across the table; total rows are bold.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Paragraph, TableStyle
from reportlab.platypus import Table as PdfTable

from sxtdbv_desktop.report.document import CENTER, GROUP, TOTAL, Cell, Row, Run, Table
from sxtdbv_desktop.report.fonts import REGULAR
from sxtdbv_desktop.report.styles import cell_style, markup

BAND = colors.HexColor("#EDEDED")
RULE = 0.5
PADDING = 3.0
AVERAGE_CHAR = 5.5  # points: a generous mean width of a character at 11 pt
LINES_PER_ROW = 22  # at most about a third of a page per row


def table_flowable(table: Table, width: float) -> PdfTable:
    widths = [column.width * width for column in table.columns]
    head = [
        Paragraph(markup((Run(c.title),)), cell_style(CENTER, bold=True)) for c in table.columns
    ]
    rows: list[list[Any]] = [head]
    commands: list[tuple[Any, ...]] = []
    continuations: set[int] = set()
    for row in table.rows:
        pieces = _pieces(row, widths)
        for index, cells in enumerate(pieces):
            position = len(rows)
            rows.append(_physical(row, cells, table))
            commands += _spans(row, position)
            if row.kind == GROUP:
                commands.append(("BACKGROUND", (0, position), (-1, position), BAND))
            if index:
                continuations.add(position)
    pdf = PdfTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    pdf.setStyle(
        TableStyle(
            [
                *_rules(len(rows), continuations),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # even empty cells name a font
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *commands,
            ]
        )
    )
    return pdf


def _physical(row: Row, cells: list[Cell], table: Table) -> list[Any]:
    """One printed row: a Paragraph per cell, "" under the columns a span covers."""
    found: list[Any] = []
    column = 0
    bold_row = row.kind in (GROUP, TOTAL)
    for cell in cells:
        align = cell.align or table.columns[column].align
        runs = tuple(
            Run(part.text, part.bold or bold_row, part.italic, part.placeholder)
            for part in cell.runs
        )
        found.append(Paragraph(markup(runs), cell_style(align)) if runs else "")
        found += [""] * (cell.span - 1)
        column += cell.span
    found += [""] * (len(table.columns) - column)
    return found


def _pieces(row: Row, widths: list[float]) -> list[list[Cell]]:
    """The row as one or more printed rows: a long plain text cut into continuation rows."""
    column = 0
    parts: list[list[Cell]] = []
    for cell in row.cells:
        width = sum(widths[column : column + cell.span]) - 2 * PADDING
        column += cell.span
        if len(cell.runs) == 1 and not cell.runs[0].placeholder:
            run = cell.runs[0]
            texts = chunks(run.text, width)
            parts.append(
                [Cell((Run(t, run.bold, run.italic),) if t else (), cell.span, cell.align)
                 for t in texts]
            )  # fmt: skip
        else:
            parts.append([cell])
    count = max(len(p) for p in parts) if parts else 1
    return [
        [p[i] if i < len(p) else Cell((), p[0].span, p[0].align) for p in parts]
        for i in range(count)
    ]


def _spans(row: Row, position: int) -> list[tuple[Any, ...]]:
    commands = []
    column = 0
    for cell in row.cells:
        if cell.span > 1:
            commands.append(("SPAN", (column, position), (column + cell.span - 1, position)))
        column += cell.span
    return commands


def _rules(count: int, continuations: set[int]) -> list[tuple[Any, ...]]:
    """The box, the column rules, and a rule above every row that is not a continuation."""
    rules: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), RULE, colors.black),
        ("LINEAFTER", (0, 0), (-2, -1), RULE, colors.black),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), RULE, colors.black),
    ]
    starts = [r for r in range(1, count) if r not in continuations]
    for first, last in _runs(starts):
        rules.append(("LINEABOVE", (0, first), (-1, last), RULE, colors.black))
    return rules


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive numbers as (first, last) pairs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def chunks(text: str, width: float) -> list[str]:
    """`text` cut, at line or word ends, into pieces short enough for a row of a cell `width`
    points wide to stay well under a page: a table row cannot continue on the next page."""
    limit = max(200, int(width / AVERAGE_CHAR * LINES_PER_ROW))
    pieces: list[str] = []
    for whole_line in text.split("\n"):
        line = whole_line
        while len(line) > limit:
            cut = line.rfind(" ", limit // 2, limit)
            cut = cut if cut > 0 else limit
            pieces.append(line[:cut])
            line = line[cut:].lstrip()
        if pieces and len(pieces[-1]) + len(line) + 1 <= limit:
            pieces[-1] += "\n" + line
        else:
            pieces.append(line)
    return pieces or [""]
