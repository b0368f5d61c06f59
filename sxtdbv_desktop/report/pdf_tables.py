"""The report's tables: indicators, budget, reporting status, and the two appendices.

Every cell is a Paragraph (so long Vietnamese text wraps and every glyph is in the embedded
font); header rows repeat on each page; rows of the appendices may split across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from sxtdbv_desktop.numbering import SECTION_NUMERALS
from sxtdbv_desktop.report.content import (
    BudgetSection,
    ConsolidatedReport,
    GroupSection,
    IndicatorRow,
    ReportingSection,
    TaskSection,
)
from sxtdbv_desktop.report.fonts import REGULAR
from sxtdbv_desktop.report.styles import FRAME_WIDTH, markup, para, styles
from sxtdbv_desktop.vnformat import format_date, format_number, format_percent

CELL_PLACEHOLDER = "………"
MARK = "x"
BAND = colors.HexColor("#EDEDED")
KEEP_LIMIT = 200  # points: taller rows may be separated from the row before them
RULE = 0.5
AVERAGE_CHAR = 5.5  # points: a generous mean width of a character at 11 pt
LINES_PER_ROW = 22  # at most about a third of a page per row, so rows never need splitting

Cell = Any  # a Paragraph, or "" under a spanned cell
Row = list[Cell]


def _widths(*millimetres: float) -> list[float]:
    """Column widths in points, the last one taking what is left of the frame."""
    widths = [m * mm for m in millimetres]
    return [*widths, FRAME_WIDTH - sum(widths)]


def grid(
    rows: Sequence[Row],
    widths: list[float],
    extra: Sequence[tuple[Any, ...]] = (),
    *,
    keep_with_next: Sequence[int] = (),
    continuations: Sequence[int] = (),
) -> Table:
    """A ruled table with a bold header row repeated on every page.

    Each row of `keep_with_next` stays on the page of the row after it, unless either is too
    tall for that. Rows of `continuations` carry on the text of the row above (see
    `chunks`): no rule separates them from it, and the table may break between them.
    """
    keep = [
        ("NOSPLIT", (0, r), (-1, r + 1))
        for r in keep_with_next
        if r + 1 < len(rows)
        and max(_height(rows[r], widths), _height(rows[r + 1], widths)) < KEEP_LIMIT
    ]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *_rules(len(rows), set(continuations)),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # even empty cells name a font
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *extra,
                *keep,
            ]
        )
    )
    return table


def _rules(count: int, continuations: set[int]) -> list[tuple[Any, ...]]:
    """The box, the column rules, and a rule above every row that is not a continuation."""
    rules: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), RULE, colors.black),
        ("LINEAFTER", (0, 0), (-2, -1), RULE, colors.black),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), RULE, colors.black),
    ]
    if not continuations:
        return [*rules, ("INNERGRID", (0, 0), (-1, -1), RULE, colors.black)]
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


def _height(row: Row, widths: list[float]) -> float:
    """How tall a row of paragraphs will be; a cell followed by "" cells spans them."""
    tallest = 0.0
    for index, cell in enumerate(row):
        if not isinstance(cell, Paragraph):
            continue
        width = widths[index]
        for following, after in zip(row[index + 1 :], widths[index + 1 :], strict=True):
            if following != "":
                break
            width += after
        tallest = max(tallest, cell.wrap(width - 6, KEEP_LIMIT * 4)[1])
    return tallest


def _head(*titles: str) -> Row:
    return [Paragraph(t, styles().cell_head) for t in titles]


def _rate(rate: Fraction | None) -> str:
    return format_percent(rate, missing="—")


def indicator_table(rows: Sequence[IndicatorRow]) -> Table:
    s = styles()
    body: list[Row] = [_head("Mã", "Chỉ tiêu", "Kế hoạch", "Kết quả", "Tỷ lệ", "Đánh giá")]
    for row in rows:
        body.append(
            [
                para(row.code, s.cell_center),
                para(row.name, s.cell),
                para(row.plan_text, s.cell),
                para(row.result, s.cell_center),
                para(_rate(row.rate), s.cell_center),
                para(row.verdict_label, s.cell_center),
            ]
        )
    return grid(body, _widths(11, 50, 36, 25, 19))


def budget_table(budget: BudgetSection) -> Table:
    s = styles()
    head = _head(
        "TT",
        "Nguồn kinh phí",
        "Dự toán (đồng)",
        "Đã phân bổ (đồng)",
        "Đã giải ngân (đồng)",
        "Tỷ lệ giải ngân",
    )
    body: list[Row] = [head]
    for number, row in enumerate(budget.rows, 1):
        estimate = CELL_PLACEHOLDER if row.estimate is None else format_number(row.estimate)
        body.append(
            [
                para(str(number), s.cell_center),
                para(row.source, s.cell),
                para(estimate, s.cell_right),
                para(format_number(row.allocated), s.cell_right),
                para(format_number(row.disbursed), s.cell_right),
                para(_rate(row.rate), s.cell_center),
            ]
        )
    body.append(
        [
            "",
            Paragraph("Tổng cộng", s.cell_group),
            Paragraph(f"<b>{format_number(budget.total_estimate)}</b>", s.cell_right),
            Paragraph(f"<b>{format_number(budget.allocated)}</b>", s.cell_right),
            Paragraph(f"<b>{format_number(budget.disbursed)}</b>", s.cell_right),
            Paragraph(f"<b>{_rate(budget.rate)}</b>", s.cell_center),
        ]
    )
    return grid(body, _widths(10, 45, 29, 29, 29))


def reporting_table(reporting: ReportingSection) -> Table:
    s = styles()
    head = _head("TT", "Cơ quan, đơn vị", "Ngày nhận", "Đúng hạn", "Trễ hạn", "Chưa nộp", "Ghi chú")
    body: list[Row] = [head]
    for number, row in enumerate(reporting.rows, 1):
        on_time, late = row.state == "on_time", row.state == "late"
        note = "" if row.received or row.state == "missing" else row.state_label
        body.append(
            [
                para(str(number), s.cell_center),
                para(row.agency, s.cell),
                para(format_date(row.received_on) if row.received_on else "", s.cell_center),
                para(MARK if on_time else "", s.cell_center),
                para(MARK if late else "", s.cell_center),
                para("" if row.received else MARK, s.cell_center),
                para(note, s.cell_center),
            ]
        )
    totals = [reporting.on_time, reporting.late, reporting.missing]
    body.append(
        [
            "",
            Paragraph("Cộng", s.cell_group),
            Paragraph(f"<b>{reporting.received}/{reporting.expected}</b>", s.cell_center),
            *[Paragraph(f"<b>{n}</b>", s.cell_center) for n in totals],
            "",
        ]
    )
    return grid(body, _widths(10, 66, 23, 16, 16, 16))


TASK_WIDTHS = _widths(10, 27, 21, 15, 67)


@dataclass
class _Rows:
    """A table's rows being built, with their spans, kept pairs and continuation rows."""

    rows: list[Row] = field(default_factory=list)
    extra: list[tuple[Any, ...]] = field(default_factory=list)
    keep: list[int] = field(default_factory=list)
    continuations: list[int] = field(default_factory=list)

    def band(self, title: str, columns: int) -> None:
        """A shaded title row across the table, kept with the row after it."""
        row = len(self.rows)
        self.keep.append(row)
        self.extra += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), BAND)]
        self.rows.append([para(title, styles().cell_group), *[""] * (columns - 1)])

    def spanning(self, first: Cell, texts: list[str], columns: int, *, keep: bool = False) -> None:
        """Rows whose text spans from the second column to the last."""
        for index, text in enumerate(texts):
            row = len(self.rows)
            if keep and index == 0:
                self.keep.append(row)
            if index:
                self.continuations.append(row)
            self.extra.append(("SPAN", (1, row), (-1, row)))
            cell = Paragraph(text, styles().cell)
            self.rows.append([first if index == 0 else "", cell, *[""] * (columns - 2)])

    def record(self, cells: Row, long_column: int, long_text: str, width: float) -> None:
        """A row of `cells` whose `long_column` holds `long_text`, continued on more rows."""
        s = styles()
        for index, piece in enumerate(chunks(long_text, width)):
            if index:
                self.continuations.append(len(self.rows))
                cells = [para("", s.cell) for _ in cells]
            self.rows.append([*cells[:long_column], para(piece, s.cell), *cells[long_column + 1 :]])

    def table(self, widths: list[float]) -> Table:
        return grid(
            self.rows,
            widths,
            self.extra,
            keep_with_next=self.keep,
            continuations=self.continuations,
        )


def task_appendix_table(groups: Sequence[GroupSection], no_data: str) -> Table:
    """Appendix I: every task, group by group, with each agency's reported result."""
    rows = _Rows(
        [
            _head(
                "TT",
                "Đơn vị báo cáo",
                "Tình trạng",
                "Tiến độ",
                "Kết quả thực hiện",
                "Kinh phí đã chi (đồng)",
            )
        ]
    )
    for group in groups:
        rows.band(f"{SECTION_NUMERALS.get(group.section, '')}.{group.number}. {group.title}", 6)
        for task in group.tasks:
            _task_rows(rows, task, no_data)
    return rows.table(TASK_WIDTHS)


def _task_rows(rows: _Rows, task: TaskSection, no_data: str) -> None:
    s = styles()
    span = sum(TASK_WIDTHS[1:])
    texts = [f"<b>{markup(piece)}</b>" for piece in chunks(task.text, span)]
    lead = "; ".join(task.leads) or CELL_PLACEHOLDER
    roles = f"Chủ trì: {markup(lead)}"
    if task.coordinators:
        roles += f"; phối hợp: {markup('; '.join(task.coordinators))}"
    if task.planned_output:
        roles += f"; sản phẩm: {markup(task.planned_output)}"
    texts[-1] += f"<br/><i>{roles}</i>"
    rows.spanning(para(task.number, s.cell_center), texts, 6, keep=True)
    if not task.outcomes:
        rows.spanning("", [markup(no_data)], 6)
    for outcome in task.outcomes:
        progress = "" if outcome.progress is None else f"{outcome.progress} %"
        spent = "" if outcome.spent is None else format_number(outcome.spent)
        cells = [
            "",
            para(outcome.agency_short, s.cell),
            para(outcome.status_label, s.cell_center),
            para(progress, s.cell_center),
            None,
            para(spent, s.cell_right),
        ]
        rows.record(cells, 4, outcome.result, TASK_WIDTHS[4])


def contribution_table(report: ConsolidatedReport, no_data: str) -> Table:
    """Appendix II: each agency's own figures for every indicator."""
    s = styles()
    widths = _widths(12, 58, 42, 18)
    rows = _Rows([_head("TT", "Cơ quan, đơn vị", "Số liệu báo cáo", "Tỷ lệ", "Ghi chú")])
    for indicator in report.indicators:
        rows.band(
            f"Chỉ tiêu {indicator.code}: {indicator.name} (kế hoạch: {indicator.plan_text})", 5
        )
        found = [c for c in report.contributions if c.indicator_code == indicator.code]
        if not found:
            rows.spanning("", [markup(no_data)], 5)
        for number, row in enumerate(found, 1):
            cells = [
                para(str(number), s.cell_center),
                para(row.agency, s.cell),
                para(row.figures, s.cell),
                para(_rate(row.rate) if row.rate is not None else "", s.cell_center),
                None,
            ]
            rows.record(cells, 4, row.note, widths[4])
    return rows.table(widths)
