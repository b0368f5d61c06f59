"""Filled forms in: checked, previewed field by field, applied in one transaction, and read
leniently whichever program or habit typed them."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.errors import LockedError
from sxtdbv_desktop.excel.form_spec import INDICATORS, META, TASKS
from sxtdbv_desktop.excel.imports import apply_import, check_file
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.numbering import task_references
from tests.excel.filling import (
    Filled,
    Style,
    fill_file,
    insert_blank_rows,
    keyed_rows,
    meta_cells,
)
from tests.factories import agency_id

TODAY = dt.date(2023, 12, 8)


def stored(db: Database, plan_id: int, code: str) -> reports.Report:
    report = reports.find_report(db, main_period(db, plan_id).id, agency_id(db, plan_id, code))
    assert report is not None
    return report


def assert_stored(db: Database, plan_id: int, code: str, filled: Filled) -> None:
    """The agency's report holds what was filled in, on the tasks and indicators the form's
    rows named (by reference and code, resolved in `db`'s plan)."""
    report = stored(db, plan_id, code)
    numbers = task_references(db, plan_id)
    results = {
        numbers[r.task_id]: {"status": r.status, "progress": r.progress, "result": r.result,
                             "spent": r.spent}
        for r in reports.task_results(db, report.id)
    }  # fmt: skip
    assert results == filled.tasks
    indicators = {i.id: i for i in list_indicators(db, plan_id)}
    values = {
        indicators[v.indicator_id].code: {
            n: getattr(v, n)
            for n in reports.INPUTS[indicators[v.indicator_id].kind]
            if getattr(v, n) is not None
        }
        for v in reports.indicator_values(db, report.id)
    }
    assert values == filled.indicators
    names = {s.id: s.name for s in list_sources(db, plan_id)}
    spent = {names[s.source_id]: s.amount for s in reports.source_spending(db, report.id)}
    assert spent == filled.spending
    assert report.document_number == filled.document_number
    assert report.general_assessment == filled.texts["general_assessment"]
    assert report.difficulties == filled.texts["difficulties"]
    assert report.proposals == filled.texts["proposals"]


def test_a_filled_form_replaces_the_agencys_report(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    filled = fill_file(forms_dir / path.name, path, "a")
    check = check_file(db, path)
    assert check.agency.code == "SoCT" and check.period.code == "2023"
    fields = {(c.item.split(":")[0], c.field) for c in check.changes}
    assert ("Báo cáo", "Tình trạng") in fields
    assert ("Nhiệm vụ III.1.1", "Trạng thái") in fields
    assert ("Chỉ tiêu 2a", "Tổng số khu, cụm công nghiệp thuộc phạm vi báo cáo") in fields
    assert ("Kinh phí đã sử dụng theo nguồn", "Sự nghiệp kinh tế") in fields
    assert check.missing == ()
    report = apply_import(db, check, today=TODAY)
    assert report is not None
    assert report.status == "submitted"
    assert report.received_on == TODAY
    assert report.source_file_name == path.name
    assert report.source_file_hash == check.file_hash and len(check.file_hash) == 64
    assert_stored(db, excel_plan, "SoCT", filled)


def test_the_same_file_twice_changes_nothing_the_second_time(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_HLapVo_2023.xlsx"
    fill_file(forms_dir / path.name, path, "b")
    apply_import(db, check_file(db, path), today=TODAY)
    audit_rows = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    again = check_file(db, path)
    assert again.same_file and not again.has_changes
    assert apply_import(db, again, today=TODAY + dt.timedelta(days=3)) is None
    assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_rows
    assert stored(db, excel_plan, "HLapVo").received_on == TODAY


def test_the_preview_shows_only_what_changed_field_by_field(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.xlsx"
    fill_file(forms_dir / "BaoCao_SoTNMT_2023.xlsx", first, "c")
    apply_import(db, check_file(db, first), today=TODAY)
    wb = openpyxl.load_workbook(first)
    row = keyed_rows(wb, TASKS)[-1][0]
    old_progress = wb[TASKS][f"F{row}"].value
    wb[TASKS][f"F{row}"] = 100 if old_progress != 100 else 99
    second = tmp_path / "second.xlsx"
    wb.save(second)
    check = check_file(db, second)
    assert [(c.item[:14], c.field, c.old) for c in check.changes] == [
        ("Nhiệm vụ V.2.1", "Tiến độ (%)", f"{old_progress} %")
    ]
    assert check.changes[0].new in ("100 %", "99 %")


def test_an_accepted_report_is_not_replaced(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    fill_file(forms_dir / "BaoCao_SoKHCN_2023.xlsx", first, "d")
    fill_file(forms_dir / "BaoCao_SoKHCN_2023.xlsx", second, "e")
    report = apply_import(db, check_file(db, first), today=TODAY)
    assert report is not None
    reports.accept(db, report.id)
    check = check_file(db, second)
    assert check.lock_reason is not None and "đã được chấp nhận" in check.lock_reason
    with pytest.raises(LockedError, match="đã được chấp nhận"):
        apply_import(db, check, today=TODAY)
    assert stored(db, excel_plan, "SoKHCN").source_file_name == "1.xlsx"


@pytest.mark.parametrize(
    "style",
    [
        Style(numbers_as_text=True),
        Style(nfd=True),
        Style(legacy="tcvn3"),
        Style(legacy="vni"),
        Style(numbers_as_text=True, legacy="tcvn3"),
    ],
    ids=["numbers-as-text", "nfd", "tcvn3", "vni", "text-and-tcvn3"],
)
def test_awkwardly_typed_forms_read_as_meant(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path, style: Style
) -> None:
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    filled = fill_file(forms_dir / path.name, path, "f", style)
    apply_import(db, check_file(db, path), today=TODAY)
    assert_stored(db, excel_plan, "SoCT", filled)


def test_legacy_text_without_its_font_is_recognised_over_the_sheet(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    filled = fill_file(forms_dir / path.name, path, "g", Style(legacy="tcvn3"))
    wb = openpyxl.load_workbook(path)
    for row in wb[TASKS].iter_rows():
        for cell in row:
            cell.font = openpyxl.styles.Font(name="Times New Roman")  # pasted without its font
    wb.save(path)
    apply_import(db, check_file(db, path), today=TODAY)
    assert_stored(db, excel_plan, "SoCT", filled)


def test_lenient_numbers_percent_cells_blank_rows_and_dropped_validations(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    filled = fill_file(forms_dir / path.name, path, "h")
    wb = openpyxl.load_workbook(path)
    ws = wb[TASKS]
    row = keyed_rows(wb, TASKS)[0][0]
    ws[f"F{row}"] = 0.5
    ws[f"F{row}"].number_format = "0%"
    ws[f"H{row}"] = "1.234.000 đồng"
    ws[f"E{row}"] = "  hoan thanh "
    insert_blank_rows(ws, row, 3)  # blank rows a clerk (or Calc) added
    wb[INDICATORS].data_validations.dataValidation.clear()
    ws.data_validations.dataValidation.clear()
    meta_cells(wb)["created_on"].value = 45260  # a date re-saved as its serial number
    wb.save(path)
    reference = keyed_rows(wb, TASKS)[0][1].removeprefix("task:")
    filled.tasks[reference].update(progress=50, spent=1_234_000, status="done")
    check = check_file(db, path)
    apply_import(db, check, today=TODAY)
    assert_stored(db, excel_plan, "SoCT", filled)


def test_the_metadata_sheet_may_come_back_merely_hidden(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    fill_file(forms_dir / path.name, path, "i")
    wb = openpyxl.load_workbook(path)
    wb[META].sheet_state = "hidden"  # what LibreOffice Calc writes for "very hidden"
    wb.security = None
    wb.save(path)
    assert check_file(db, path).has_changes


def test_nfd_texts_are_stored_nfc(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    fill_file(forms_dir / path.name, path, "j", Style(nfd=True))
    apply_import(db, check_file(db, path), today=TODAY)
    text = stored(db, excel_plan, "SoCT").general_assessment
    assert text == unicodedata.normalize("NFC", text) and "đã triển khai" in text
