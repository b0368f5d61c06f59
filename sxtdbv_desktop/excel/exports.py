"""Every table of the application to .xlsx, through the shared table writer (`tables`).

Tables: the tasks, the indicators with their consolidated results, the budget, the reporting
status of every agency, and one agency's report. `export_table` writes one of them to a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlite_utils import Database

from sxtdbv_desktop import consolidation, headings, labels, reports, result_words
from sxtdbv_desktop.agencies import get_agency, list_agencies
from sxtdbv_desktop.budget import list_lines
from sxtdbv_desktop.errors import NotFoundError, ValidationError
from sxtdbv_desktop.excel.files import save_atomically
from sxtdbv_desktop.excel.form_data import collect_form
from sxtdbv_desktop.excel.form_spec import (
    INDICATORS,
    SPENDING,
    TASKS,
    TEXT_FIELDS,
    TEXT_LABELS,
    TEXTS,
)
from sxtdbv_desktop.excel.tables import Column, Value, write_table
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.plans import get_plan, local_unit_name
from sxtdbv_desktop.reports import COUNTED, get_period
from sxtdbv_desktop.tasks import list_groups, list_tasks
from sxtdbv_desktop.vnformat import format_date

TABLES = labels.EXPORT_TABLES

_FILE_STEMS = {
    "tasks": "NhiemVu",
    "indicators": "ChiTieu",
    "budget": "KinhPhi",
    "reporting": "TinhHinhBaoCao",
    "report": "BaoCao",
}


def exported_text(table: str, path: Path) -> str:
    """ "Đã xuất bảng chỉ tiêu ra tệp D:\\ChiTieu_2023.xlsx."."""
    return f"Đã xuất bảng {TABLES[table].lower()} ra tệp {path}."


def default_file_name(db: Database, plan_id: int, table: str, agency_id: int | None = None) -> str:
    """A readable name for the export: ChiTieu_2023.xlsx, BaoCao_SoTNMT_2023_DaNhap.xlsx."""
    year = get_plan(db, plan_id).year
    if table == "report" and agency_id is not None:
        return f"{_FILE_STEMS[table]}_{get_agency(db, agency_id).code}_{year}_DaNhap.xlsx"
    return f"{_FILE_STEMS[table]}_{year}.xlsx"


def export_table(
    db: Database,
    plan_id: int,
    table: str,
    path: Path,
    *,
    agency_id: int | None = None,
    period_id: int | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write `table` (a key of TABLES) of the plan to `path`; return `path`."""
    if table not in TABLES:
        raise ValidationError("Bảng", f"không có bảng «{table}» để xuất.")
    period = get_period(db, period_id) if period_id else consolidation.main_period(db, plan_id)
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    if table == "report":
        if agency_id is None:
            raise ValidationError("Cơ quan", "cần chọn cơ quan có báo cáo cần xuất.")
        _report(wb, db, plan_id, period.id, agency_id)
    else:
        _BUILDERS[table](wb, db, plan_id, period.id, today)
    save_atomically(wb, path)
    return path


def _tasks(wb: Workbook, db: Database, plan_id: int, period_id: int, _: dt.date | None) -> None:
    names = {a.id: a.name for a in list_agencies(db, plan_id)}
    groups = {g.id: g for g in list_groups(db, plan_id)}
    numbers = task_references(db, plan_id)
    spent = _reported_spending(db, plan_id, period_id)
    columns = [
        Column("STT", width=9),
        Column(headings.TASK_GROUP, "text", width=30),
        Column(headings.TASK_TEXT, "long_text"),
        Column(headings.LEAD_AGENCIES, "text", width=28),
        Column(headings.COORDINATING_AGENCIES, "text", width=28),
        Column(headings.TIME_FRAME, width=14),
        Column(headings.PLANNED_OUTPUT, width=18),
        Column(headings.STATUS, width=16),
        Column(headings.in_dong(f"{headings.SPENT} theo báo cáo"), "money"),
    ]
    rows = [
        [
            numbers[t.id],
            groups[t.group_id].title,
            t.text,
            "; ".join(names[a] for a in t.lead_ids) or labels.UNASSIGNED,
            "; ".join(names[a] for a in t.coordinator_ids),
            t.time_frame,
            t.planned_output,
            labels.TASK_STATUSES[t.status],
            spent.get(t.id),
        ]
        for t in list_tasks(db, plan_id)
    ]
    write_table(_sheet(wb, TABLES["tasks"]), columns, rows, title=_title(db, plan_id, "NHIỆM VỤ"))


def _reported_spending(db: Database, plan_id: int, period_id: int) -> dict[int, int]:
    marks = ",".join("?" * len(COUNTED))
    rows = db.execute(
        "SELECT t.task_id, sum(t.spent) FROM task_results t JOIN reports r ON r.id = t.report_id"
        f" WHERE r.plan_id = ? AND r.period_id = ? AND r.status IN ({marks})"
        " AND t.spent IS NOT NULL GROUP BY t.task_id",
        [plan_id, period_id, *COUNTED],
    )
    return dict(rows.fetchall())


def _indicators(
    wb: Workbook, db: Database, plan_id: int, period_id: int, _: dt.date | None
) -> None:
    columns = [
        Column("Mã", width=6),
        Column(headings.INDICATOR, "long_text", width=50),
        Column(headings.PLANNED, "text", width=30),
        Column("Cách tính", width=14),
        Column("Số lượng đạt", "integer"),
        Column("Số đạt / lượng giảm", "integer"),
        Column("Tổng số / mức ban đầu", "integer"),
        Column("Tỷ lệ", "percent"),
        Column(headings.VERDICT, width=16),
        Column("Số đơn vị đã báo cáo", "integer"),
        Column("Số đơn vị phải báo cáo", "integer"),
    ]
    rows: list[list[Value]] = []
    for r in consolidation.indicator_results(db, plan_id, period_id):
        ratio = r.indicator.is_ratio
        rows.append(
            [
                r.indicator.code,
                r.indicator.name,
                r.indicator.plan_text,
                labels.INDICATOR_KINDS[r.indicator.kind],
                None if ratio or r.figure is None else int(r.figure),
                r.numerator,
                r.denominator,
                r.figure if ratio else None,
                labels.VERDICTS[r.verdict],
                r.reported,
                r.expected,
            ]
        )
    title = _title(db, plan_id, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    write_table(_sheet(wb, TABLES["indicators"]), columns, rows, title=title)


def _budget(wb: Workbook, db: Database, plan_id: int, period_id: int, _: dt.date | None) -> None:
    summary = consolidation.budget_summary(db, plan_id, period_id)
    columns = [
        Column(headings.SOURCE, "text", width=40),
        Column(headings.in_dong(headings.ESTIMATE), "money"),
        Column(headings.in_dong(headings.ALLOCATED), "money"),
        Column(headings.in_dong(headings.DISBURSED), "money"),
        Column(headings.DISBURSEMENT_RATE, "percent"),
    ]
    rows: list[list[Value]] = [
        [s.source.name, s.source.estimate, s.allocated, s.disbursed, s.disbursement_rate]
        for s in summary.sources
    ]
    rows.append(
        [headings.TOTAL, summary.sources_estimate, summary.allocated, summary.disbursed,
         summary.disbursement_rate]
    )  # fmt: skip
    rows.append(["Tổng dự toán của kế hoạch", summary.total_estimate, None, None, None])
    rows.append([headings.UNALLOCATED, summary.unallocated, None, None, None])
    rows.append(["Kinh phí các cơ quan báo cáo đã chi", summary.reported_spent, None, None, None])
    write_table(_sheet(wb, headings.SOURCE), columns, rows, title=_title(db, plan_id, "KINH PHÍ"))
    _budget_lines(wb, db, plan_id)


def _budget_lines(wb: Workbook, db: Database, plan_id: int) -> None:
    sources = {
        s.source.id: s.source.name for s in consolidation.budget_summary(db, plan_id).sources
    }
    names = {a.id: a.name for a in list_agencies(db, plan_id)}
    numbers = task_references(db, plan_id)
    columns = [
        Column(headings.SOURCE, "text", width=30),
        Column("Nhiệm vụ", width=10),
        Column("Cơ quan", "text", width=30),
        Column("Nội dung", "long_text", width=50),
        Column(headings.in_dong(headings.ALLOCATED), "money"),
        Column(headings.in_dong(headings.DISBURSED), "money"),
    ]
    rows: list[list[Value]] = [
        [
            sources.get(line.source_id, ""),
            numbers.get(line.task_id, "") if line.task_id else "",
            names.get(line.agency_id, "") if line.agency_id else "",
            line.description,
            line.allocated,
            line.disbursed,
        ]
        for line in list_lines(db, plan_id)
    ]
    write_table(_sheet(wb, "Chi tiết phân bổ"), columns, rows, title="CHI TIẾT PHÂN BỔ KINH PHÍ")


def _reporting(
    wb: Workbook, db: Database, plan_id: int, period_id: int, today: dt.date | None
) -> None:
    summary = consolidation.reporting_summary(db, plan_id, period_id, today)
    local = local_unit_name(db, plan_id)
    columns = [
        Column("Cơ quan", "text", width=45),
        Column("Loại", width=22),
        Column(headings.REPORTING_STATE, width=14),
        Column(headings.RECEIVED_ON, "date"),
        Column(headings.REPORT_STATUS, width=20),
        Column(headings.IMPORTED_FILE, "text", width=30),
    ]
    rows: list[list[Value]] = [
        [
            row.agency.name,
            labels.agency_kind(row.agency.kind, local),
            labels.REPORTING_STATES[row.state],
            row.report.received_on if row.report else None,
            labels.REPORT_STATUSES[row.report.status] if row.report else "",
            row.report.source_file_name if row.report else "",
        ]
        for row in summary.agencies
    ]
    title = (
        f"{_title(db, plan_id, 'TÌNH HÌNH GỬI BÁO CÁO')} — {summary.period.name}: "
        f"{result_words.reporting_progress(summary)}"
    )
    write_table(_sheet(wb, TABLES["reporting"]), columns, rows, title=title)


def _report(wb: Workbook, db: Database, plan_id: int, period_id: int, agency_id: int) -> None:
    agency = get_agency(db, agency_id)
    report = reports.find_report(db, period_id, agency_id)
    if report is None:
        period = get_period(db, period_id)
        raise NotFoundError(f"{agency.name} {labels.NO_REPORT.lower()} {period.name.lower()}.")
    data = collect_form(db, plan_id, agency_id, period_id=period_id, report=report)
    title = f"BÁO CÁO CỦA {agency.name.upper()} — {data.period_name.upper()}"
    task_columns = [
        Column("STT", width=9),
        Column("Nhiệm vụ", "long_text", width=50),
        Column(headings.ROLE, width=10),
        Column(headings.STATUS, width=16),
        Column(headings.PROGRESS, "integer"),
        Column(headings.RESULT, "long_text", width=50),
        Column(headings.in_dong(headings.SPENT), "money"),
    ]
    task_rows: list[list[Value]] = [
        [t.reference, t.text, t.role, labels.TASK_STATUSES[t.status] if t.status else "",
         t.progress, t.result, t.spent]
        for t in data.tasks
    ]  # fmt: skip
    write_table(_sheet(wb, TASKS), task_columns, task_rows, title=title)
    value_columns = [
        Column("Mã", width=6),
        Column(headings.INDICATOR, "long_text", width=40),
        Column("Nội dung", "long_text", width=50),
        Column(headings.FIGURES, "integer"),
        Column(headings.NOTE, "long_text", width=30),
    ]
    value_rows: list[list[Value]] = []
    for i in data.indicators:
        for name, label in i.inputs:
            value = i.values.get(name)
            shown: Value = (
                labels.YES_NO.get(int(value), "")
                if name == "answer" and value is not None
                else value
            )
            value_rows.append([i.code, i.name, label, shown, i.note])
    write_table(_sheet(wb, INDICATORS), value_columns, value_rows, title=title)
    spending_columns = [
        Column(headings.SOURCE, "long_text", width=50),
        Column(headings.in_dong(headings.SOURCE_SPENT), "money"),
    ]
    spending_rows: list[list[Value]] = [[s.name, s.amount] for s in data.sources]
    write_table(_sheet(wb, SPENDING), spending_columns, spending_rows, title=title)
    text_rows: list[list[Value]] = [
        [headings.REPORT_STATUS, labels.REPORT_STATUSES[report.status]],
        [headings.RECEIVED_ON, format_date(report.received_on) if report.received_on else ""],
        [headings.IMPORTED_FILE, report.source_file_name],
        [f"{headings.DOCUMENT_NUMBER} của đơn vị", report.document_number],
        [headings.DOCUMENT_DATE, format_date(report.document_date) if report.document_date else ""],
        *([TEXT_LABELS[name], getattr(report, name)] for name in TEXT_FIELDS),
    ]
    text_columns = [Column("Mục", "text", width=34), Column("Nội dung", "long_text", width=90)]
    write_table(_sheet(wb, TEXTS), text_columns, text_rows, title=title)


def _sheet(wb: Workbook, name: str) -> Worksheet:
    return wb.create_sheet(name)


def _title(db: Database, plan_id: int, what: str) -> str:
    plan = get_plan(db, plan_id)
    return f"{what} — KẾ HOẠCH {plan.province.upper()} NĂM {plan.year}"


_Builder = Callable[[Workbook, Database, int, int, "dt.date | None"], None]
_BUILDERS: dict[str, _Builder] = {
    "tasks": _tasks,
    "indicators": _indicators,
    "budget": _budget,
    "reporting": _reporting,
}
