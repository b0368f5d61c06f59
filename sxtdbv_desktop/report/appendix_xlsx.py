"""The report's tables and appendices as an Excel workbook, from the same `ConsolidatedReport`.

One sheet per table, written with the shared `excel.tables` writer, so the figures are numbers
a clerk can sum and filter (money in đồng, rates as percentages, dates as dates).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from openpyxl import Workbook

from sxtdbv_desktop import labels
from sxtdbv_desktop.excel.tables import Column, Value, write_table
from sxtdbv_desktop.numbering import SECTION_NUMERALS
from sxtdbv_desktop.report.content import NO_DATA_LABEL, ConsolidatedReport
from sxtdbv_desktop.text import printable

TASK_COLUMNS = (
    Column("TT", "text", width=7),
    Column("Nhóm nhiệm vụ", "text"),
    Column("Nhiệm vụ", "long_text", width=60),
    Column("Cơ quan chủ trì", "text"),
    Column("Cơ quan phối hợp", "text"),
    Column("Đơn vị báo cáo", "text"),
    Column("Tình trạng", "text"),
    Column("Tiến độ (%)", "integer"),
    Column("Kết quả thực hiện", "long_text", width=70),
    Column("Kinh phí đã chi (đồng)", "money"),
)
CONTRIBUTION_COLUMNS = (
    Column("Mã chỉ tiêu", "text", width=8),
    Column("Chỉ tiêu", "long_text", width=50),
    Column("Cơ quan, đơn vị", "text"),
    Column("Số liệu báo cáo", "text"),
    Column("Tỷ lệ", "percent"),
    Column("Ghi chú", "long_text"),
)
INDICATOR_COLUMNS = (
    Column("Mã", "text", width=6),
    Column("Chỉ tiêu", "long_text", width=50),
    Column("Kế hoạch", "long_text", width=40),
    Column("Kết quả", "text"),
    Column("Tỷ lệ", "percent"),
    Column("Đánh giá", "text"),
)
BUDGET_COLUMNS = (
    Column("Nguồn kinh phí", "text"),
    Column("Dự toán (đồng)", "money"),
    Column("Đã phân bổ (đồng)", "money"),
    Column("Đã giải ngân (đồng)", "money"),
    Column("Tỷ lệ giải ngân", "percent"),
)
REPORTING_COLUMNS = (
    Column("Cơ quan, đơn vị", "text"),
    Column("Ngày nhận", "date"),
    Column("Tình trạng", "text"),
)


def write_appendix_xlsx(report: ConsolidatedReport, target: str | BinaryIO) -> None:
    """Write the workbook to `target` (a path or a binary file)."""
    wb = Workbook()
    sheets = (
        ("Phụ lục I - Nhiệm vụ", "Phụ lục I. Kết quả thực hiện các nhiệm vụ", TASK_COLUMNS,
         _task_rows(report)),
        ("Phụ lục II - Số liệu chỉ tiêu", "Phụ lục II. Số liệu các chỉ tiêu do các cơ quan, đơn "
         "vị báo cáo", CONTRIBUTION_COLUMNS, _contribution_rows(report)),
        ("Bảng 1 - Chỉ tiêu", "Bảng 1. Kết quả thực hiện các chỉ tiêu", INDICATOR_COLUMNS,
         _indicator_rows(report)),
        ("Bảng 2 - Kinh phí", "Bảng 2. Kinh phí thực hiện theo nguồn", BUDGET_COLUMNS,
         _budget_rows(report)),
        ("Bảng 3 - Gửi báo cáo", "Bảng 3. Tình hình gửi báo cáo của các cơ quan, đơn vị",
         REPORTING_COLUMNS, _reporting_rows(report)),
    )  # fmt: skip
    first = wb.active
    for name, title, columns, rows in sheets:
        ws = wb.create_sheet(name)
        write_table(ws, columns, rows, title=f"{title} {report.appendix_reference}")
    if first is not None:
        wb.remove(first)
    wb.properties.title = printable(report.summary_line)  # document properties are XML too
    wb.properties.creator = "SX&TDBV Desktop"
    wb.save(target)


def _task_rows(report: ConsolidatedReport) -> Iterator[list[Value]]:
    for group in report.groups:
        group_name = f"{SECTION_NUMERALS.get(group.section, '')}.{group.number}. {group.title}"
        for task in group.tasks:
            plan = [
                task.number,
                group_name,
                task.text,
                "; ".join(task.leads) or labels.UNASSIGNED,
                "; ".join(task.coordinators),
            ]
            if not task.outcomes:
                yield [*plan, None, NO_DATA_LABEL, None, None, None]
            for o in task.outcomes:
                yield [*plan, o.agency, o.status_label, o.progress, o.result, o.spent]


def _contribution_rows(report: ConsolidatedReport) -> Iterator[list[Value]]:
    names = {i.code: i.name for i in report.indicators}
    for row in report.contributions:
        yield [row.indicator_code, names[row.indicator_code], row.agency, row.figures, row.rate,
               row.note]  # fmt: skip


def _indicator_rows(report: ConsolidatedReport) -> Iterator[list[Value]]:
    for row in report.indicators:
        yield [row.code, row.name, row.plan_text, row.result, row.rate, row.verdict_label]


def _budget_rows(report: ConsolidatedReport) -> Iterator[list[Value]]:
    budget = report.budget
    for row in budget.rows:
        yield [row.source, row.estimate, row.allocated, row.disbursed, row.rate]
    yield ["Tổng cộng", budget.total_estimate, budget.allocated, budget.disbursed, budget.rate]


def _reporting_rows(report: ConsolidatedReport) -> Iterator[list[Value]]:
    for row in report.reporting.rows:
        yield [row.agency, row.received_on, row.state_label]
