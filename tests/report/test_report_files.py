"""The report's other outputs: the `report` command, the Excel appendices, safe writing."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sxtdbv_desktop.report.output import ReportOutputError, save_appendix_xlsx, save_pdf
from tests.report.conftest import Built
from tests.test_cli import cli


def test_report_command_writes_the_pdf_and_the_workbook(thirty: Built, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "bao cáo.pdf", tmp_path / "phụ lục.xlsx"
    args = ["--db", str(thirty.db_path), "-o", str(pdf), "--xlsx", str(xlsx)]
    done = cli("report", *args, "--today", "2024-01-05")
    assert done.returncode == 0, done.stderr
    assert f"({thirty.pages} trang)" in done.stdout
    assert len(PdfReader(pdf).pages) == thirty.pages
    assert load_workbook(xlsx, read_only=True).sheetnames[0] == "Bảng 1"
    summary = cli("summary", "--db", str(thirty.db_path), "--json", "--today", "2024-01-05")
    assert json.loads(summary.stdout) == thirty.summary


def test_report_command_names_the_file_it_cannot_write(empty: Built, tmp_path: Path) -> None:
    target = tmp_path / "không-có" / "bc.pdf"
    done = cli("report", "--db", str(empty.db_path), "-o", str(target))
    assert done.returncode == 1
    assert f"Lỗi: Không ghi được tệp {target}: thư mục không tồn tại" in done.stderr


def test_the_workbook_holds_the_same_figures_as_the_report(thirty: Built, tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.xlsx"
    save_appendix_xlsx(thirty.document, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Bảng 1", "Bảng 2", "Phụ lục I", "Phụ lục II", "Phụ lục III"]
    indicators = list(wb["Bảng 1"].iter_rows(min_row=3, values_only=True))
    assert indicators[0] == ("Mã", "Chỉ tiêu", "Kế hoạch", "Kết quả", "Đánh giá")
    for row, expected in zip(indicators[1:], thirty.summary["indicators"], strict=True):
        assert row[0] == expected["code"] and row[4].startswith(expected["verdict_label"])
    budget = thirty.summary["budget"]
    total = list(wb["Bảng 2"].iter_rows(min_row=4, values_only=True))[-1]
    assert total[1:6] == (
        "Tổng cộng",
        budget["total_estimate"],
        budget["allocated"],
        budget["disbursed"],
        budget["reported_spent"],
    )
    assert round(total[6], 6) == round(budget["reported_spent"] / budget["total_estimate"], 6)
    assert wb["Bảng 2"]["G4"].number_format.endswith("%")
    tasks = list(wb["Phụ lục I"].iter_rows(min_row=4, values_only=True))
    assert sum(r[6] or 0 for r in tasks if isinstance(r[6], int)) == budget["task_spent"]
    reporting = list(wb["Phụ lục III"].iter_rows(min_row=4, values_only=True))
    assert len(reporting) == thirty.summary["reporting"]["expected"] + 1  # and the total
    assert isinstance(reporting[0][2], dt.datetime)


def test_the_workbook_keeps_formula_like_text_as_text(thirty: Built, tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.xlsx"
    save_appendix_xlsx(thirty.document, path)
    sheet = load_workbook(path)["Phụ lục I"]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_a_failed_write_leaves_no_file_and_no_leftovers(empty: Built, tmp_path: Path) -> None:
    target = tmp_path / "bc.pdf"

    class Cancelled(Exception):
        pass

    def cancel(page: int) -> None:
        if page == 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        save_pdf(empty.document, target, cancel)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_whole(empty: Built, tmp_path: Path) -> None:
    target = tmp_path / "bc.pdf"
    target.write_bytes(b"old")
    pages = save_pdf(empty.document, target)
    assert len(PdfReader(target).pages) == pages
    assert [p.name for p in tmp_path.iterdir()] == ["bc.pdf"]


def test_a_folder_in_the_way_is_reported_in_vietnamese(empty: Built, tmp_path: Path) -> None:
    (tmp_path / "bc.pdf").mkdir()
    with pytest.raises(ReportOutputError) as caught:
        save_pdf(empty.document, tmp_path / "bc.pdf")
    assert caught.value.message.startswith(f"Không ghi được tệp {tmp_path / 'bc.pdf'}: ")


def test_rates_in_the_content_are_exact_fractions(thirty: Built) -> None:
    results = {s.result.indicator.code: s.result for s in thirty.report.indicators}
    five = results["5"]
    assert five.figure == Fraction(five.numerator or 0, five.denominator or 1)
    assert isinstance(results["1"].figure, int)  # a count has no rate
