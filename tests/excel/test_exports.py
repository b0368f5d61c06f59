"""Every table to .xlsx: Vietnamese headers, thousands separators, fitted widths, frozen
header, autofilter, and text that looks like a formula kept as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop.budget import add_line, list_sources
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.errors import NotFoundError
from sxtdbv_desktop.excel.exports import TABLES, default_file_name, export_table
from sxtdbv_desktop.reports import ReportContent, TaskResultInput, replace_report
from sxtdbv_desktop.tasks import add_task, list_groups, tasks_of_agency
from tests.factories import DISTRICTS, agency_id, file_report


@pytest.fixture
def busy(db: Database, excel_plan: int) -> int:
    """Reports, a budget line and a task whose text starts like a formula."""
    for code in DISTRICTS[:9]:
        file_report(db, excel_plan, code, values={"5": {"answer": 1}})
    soct = agency_id(db, excel_plan, "SoCT")
    tasks = tasks_of_agency(db, excel_plan, soct)
    content = ReportContent(
        general_assessment="=1+1 là công thức? Không.",
        task_results=[TaskResultInput(t.id, "done", 100, "-Đã xong", 1_500_000) for t in tasks],
    )
    replace_report(
        db, main_period(db, excel_plan).id, soct, content, received_on=dt.date(2023, 12, 12)
    )
    source = list_sources(db, excel_plan)[0]
    add_line(
        db, excel_plan, source.id, agency_id=soct, allocated=500_000_000, disbursed=125_000_000
    )
    group = list_groups(db, excel_plan, "content")[0]
    add_task(db, group.id, '=HYPERLINK("http://x") không phải công thức')
    return excel_plan


def exported(
    db: Database, plan_id: int, table: str, tmp_path: Path, agency_id: int | None = None
) -> openpyxl.Workbook:
    path = export_table(db, plan_id, table, tmp_path / f"{table}.xlsx", agency_id=agency_id)
    return openpyxl.load_workbook(path)


def column(ws: openpyxl.worksheet.worksheet.Worksheet, header: str) -> list[object]:
    headers = [c.value for c in ws[3]]
    index = headers.index(header)
    return [row[index].value for row in ws.iter_rows(min_row=4)]


def assert_table_shape(ws: openpyxl.worksheet.worksheet.Worksheet) -> None:
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A3:")
    assert all(c.font.bold for c in ws[3] if c.value)
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$3:$3"
    for letter in "ABC":
        assert ws.column_dimensions[letter].width >= 6


def test_tasks(db: Database, busy: int, tmp_path: Path) -> None:
    ws = exported(db, busy, "tasks", tmp_path)["Nhiệm vụ"]
    assert_table_shape(ws)
    assert ws["A1"].value == "NHIỆM VỤ — KẾ HOẠCH ĐỒNG THÁP NĂM 2023"
    assert [c.value for c in ws[3]][:4] == ["STT", "Nhóm nhiệm vụ", "Nội dung nhiệm vụ",
                                           "Cơ quan chủ trì"]  # fmt: skip
    assert column(ws, "STT")[:2] == ["III.1.1", "III.1.2"]
    leads = column(ws, "Cơ quan chủ trì")
    assert leads[0] == "Sở Công Thương" and "Chưa phân công" in leads
    formula_like = next(c for c in ws["C"] if str(c.value).startswith("=HYPERLINK"))
    assert formula_like.data_type == "s"
    spent = column(ws, "Kinh phí đã chi theo báo cáo (đồng)")
    assert spent[0] == 1_500_000
    assert ws.cell(4, 9).number_format == "#,##0"


def test_indicators_with_consolidated_results(db: Database, busy: int, tmp_path: Path) -> None:
    ws = exported(db, busy, "indicators", tmp_path)["Chỉ tiêu"]
    assert_table_shape(ws)
    rows = {r[0].value: r for r in ws.iter_rows(min_row=4)}
    five = [c.value for c in rows["5"]]
    assert five[5:9] == [9, 12, 0.75, "Đạt"]
    assert rows["5"][7].number_format == "0.0%"
    assert rows["1"][8].value == "Chưa có số liệu"


def test_budget(db: Database, busy: int, tmp_path: Path) -> None:
    wb = exported(db, busy, "budget", tmp_path)
    ws = wb["Nguồn kinh phí"]
    assert_table_shape(ws)
    totals = {r[0].value: [c.value for c in r[1:]] for r in ws.iter_rows(min_row=4)}
    assert totals["Tổng cộng"][1:4] == [500_000_000, 125_000_000, 0.25]
    assert totals["Tổng dự toán của kế hoạch"][0] == 3_235_715_000
    assert totals["Chưa phân bổ"][0] == 2_735_715_000
    assert ws.cell(4, 3).number_format == "#,##0"
    lines = wb["Chi tiết phân bổ"]
    assert lines.cell(4, 3).value == "Sở Công Thương"


def test_reporting_status(db: Database, busy: int, tmp_path: Path) -> None:
    path = export_table(db, busy, "reporting", tmp_path / "r.xlsx", today=dt.date(2023, 12, 20))
    ws = openpyxl.load_workbook(path)["Tình hình báo cáo"]
    assert_table_shape(ws)
    assert "đã nhận 10/24, đúng hạn 9, trễ hạn 1, chưa nộp 14" in ws["A1"].value
    states = dict(zip(column(ws, "Cơ quan"), column(ws, "Tình hình"), strict=True))
    assert states["Sở Công Thương"] == "Trễ hạn"
    assert states["UBND thành phố Sa Đéc"] == "Đúng hạn"
    assert states["Sở Tài chính"] == "Chưa nộp"
    received = dict(zip(column(ws, "Cơ quan"), column(ws, "Ngày nhận"), strict=True))
    assert received["Sở Công Thương"] == dt.datetime(2023, 12, 12)
    assert ws.cell(4, 4).number_format == "dd/mm/yyyy"


def test_one_agencys_report(db: Database, busy: int, tmp_path: Path) -> None:
    soct = agency_id(db, busy, "SoCT")
    wb = exported(db, busy, "report", tmp_path, agency_id=soct)
    assert wb.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Kinh phí", "Đánh giá chung"]
    tasks = wb["Nhiệm vụ"]
    assert_table_shape(tasks)
    assert column(tasks, "Trạng thái")[0] == "Hoàn thành"
    result = tasks.cell(4, 6)
    assert result.value == "-Đã xong" and result.data_type == "s"
    texts = wb["Đánh giá chung"]
    assert texts["B4"].value == "Đã nộp"
    assert texts["B5"].value == "12/12/2023"
    assert texts["B9"].value == "=1+1 là công thức? Không." and texts["B9"].data_type == "s"
    assert default_file_name(db, busy, "report", soct) == "BaoCao_SoCT_2023_DaNhap.xlsx"


def test_a_report_that_does_not_exist(db: Database, busy: int, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="Sở Tài chính chưa có báo cáo năm 2023"):
        export_table(db, busy, "report", tmp_path / "x.xlsx", agency_id=agency_id(db, busy, "SoTC"))
    assert not (tmp_path / "x.xlsx").exists()


def test_every_table_has_a_readable_default_name(db: Database, busy: int) -> None:
    names = {t: default_file_name(db, busy, t) for t in TABLES}
    assert names["indicators"] == "ChiTieu_2023.xlsx"
    assert names["reporting"] == "TinhHinhBaoCao_2023.xlsx"
