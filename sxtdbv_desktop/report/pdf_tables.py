"""The report's tables: indicators, budget, reporting status, and the two appendices.

Every cell is a Paragraph (so long Vietnamese text wraps and every glyph is in the embedded
font); header rows repeat on each page; rows of the appendices may split across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

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
from sxtdbv_desktop.tasks import CONTENT
from sxtdbv_desktop.vnformat import format_date, format_number, format_percent

CELL_PLACEHOLDER = "………"
MARK = "x"
SECTION_NUMERALS = {CONTENT: "III", "duty": "V"}
BAND = colors.HexColor("#EDEDED")
KEEP_LIMIT = 200  # points: taller rows may be separated from the row before them

Row = list[Any]  # Paragraphs, or "" under a spanned cell


def _widths(*millimetres: float) -> list[float]:
    """Column widths in points, the last one taking what is left of the frame."""
    widths = [m * mm for m in millimetres]
    return [*widths, FRAME_WIDTH - sum(widths)]


def grid(
    rows: Sequence[Row],
    widths: list[float],
    extra: Sequence[tuple[Any, ...]] = (),
    *,
    split_rows: bool = False,
    keep_with_next: Sequence[int] = (),
) -> Table:
    """A ruled table with a bold header row repeated on every page.

    `split_rows` lets a row taller than what is left of a page continue on the next one;
    each row of `keep_with_next` stays on the page of the row after it, unless either is so
    tall that keeping them together would make the table impossible to lay out.
    """
    keep = [
        ("NOSPLIT", (0, r), (-1, r + 1))
        for r in keep_with_next
        if r + 1 < len(rows)
        and max(_height(rows[r], widths), _height(rows[r + 1], widths)) < KEEP_LIMIT
    ]
    table = Table(
        rows, colWidths=widths, repeatRows=1, splitInRow=1 if split_rows else 0, hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
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


def _height(row: Row, widths: list[float]) -> float:
    """How tall a row of paragraphs would be (an upper bound when cells are spanned)."""
    return max(
        (
            c.wrap(w - 6, KEEP_LIMIT * 4)[1]
            for c, w in zip(row, widths, strict=True)
            if isinstance(c, Paragraph)
        ),
        default=0,
    )


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


def task_appendix_table(groups: Sequence[GroupSection], no_data: str) -> Table:
    """Appendix I: every task, group by group, with each agency's reported result."""
    s = styles()
    head = _head(
        "TT",
        "Đơn vị báo cáo",
        "Tình trạng",
        "Tiến độ",
        "Kết quả thực hiện",
        "Kinh phí đã chi (đồng)",
    )
    body: list[Row] = [head]
    extra: list[tuple[Any, ...]] = []
    keep: list[int] = []
    for group in groups:
        title = f"{SECTION_NUMERALS.get(group.section, '')}.{group.number}. {group.title}"
        keep.append(len(body))
        extra += _band(len(body))
        body.append([para(title, s.cell_group), "", "", "", "", ""])
        for task in group.tasks:
            keep.append(len(body))
            body += _task_rows(task, no_data, extra, len(body))
    widths = _widths(10, 27, 21, 15, 67)
    return grid(body, widths, extra, split_rows=True, keep_with_next=keep)


def _band(row: int) -> list[tuple[Any, ...]]:
    """A shaded title row across the table."""
    return [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), BAND)]


def _task_rows(
    task: TaskSection, no_data: str, extra: list[tuple[Any, ...]], first: int
) -> list[Row]:
    s = styles()
    lead = "; ".join(task.leads) or CELL_PLACEHOLDER
    text = f"<b>{markup(task.text)}</b><br/><i>Chủ trì: {markup(lead)}</i>"
    if task.coordinators:
        text += f"<i>; phối hợp: {markup('; '.join(task.coordinators))}</i>"
    if task.planned_output:
        text += f"<i>; sản phẩm: {markup(task.planned_output)}</i>"
    rows: list[Row] = [[para(task.number, s.cell_center), Paragraph(text, s.cell), "", "", "", ""]]
    extra.append(("SPAN", (1, first), (-1, first)))
    if not task.outcomes:
        rows.append(["", para(no_data, s.cell), "", "", "", ""])
        extra.append(("SPAN", (1, first + 1), (-1, first + 1)))
    for outcome in task.outcomes:
        progress = "" if outcome.progress is None else f"{outcome.progress} %"
        spent = "" if outcome.spent is None else format_number(outcome.spent)
        rows.append(
            [
                "",
                para(outcome.agency_short, s.cell),
                para(outcome.status_label, s.cell_center),
                para(progress, s.cell_center),
                para(outcome.result, s.cell),
                para(spent, s.cell_right),
            ]
        )
    return rows


def contribution_table(report: ConsolidatedReport, no_data: str) -> Table:
    """Appendix II: each agency's own figures for every indicator."""
    s = styles()
    body: list[Row] = [_head("TT", "Cơ quan, đơn vị", "Số liệu báo cáo", "Tỷ lệ", "Ghi chú")]
    extra: list[tuple[Any, ...]] = []
    keep: list[int] = []
    for indicator in report.indicators:
        title = f"Chỉ tiêu {indicator.code}: {indicator.name} (kế hoạch: {indicator.plan_text})"
        keep.append(len(body))
        extra += _band(len(body))
        body.append([para(title, s.cell_group), "", "", "", ""])
        rows = [c for c in report.contributions if c.indicator_code == indicator.code]
        if not rows:
            body.append(["", para(no_data, s.cell), "", "", ""])
            extra.append(("SPAN", (1, len(body) - 1), (-1, len(body) - 1)))
        for number, row in enumerate(rows, 1):
            body.append(
                [
                    para(str(number), s.cell_center),
                    para(row.agency, s.cell),
                    para(row.figures, s.cell),
                    para(_rate(row.rate) if row.rate is not None else "", s.cell_center),
                    para(row.note, s.cell),
                ]
            )
    return grid(body, _widths(12, 58, 42, 18), extra, split_rows=True, keep_with_next=keep)
