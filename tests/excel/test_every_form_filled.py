"""The yearly cycle on the default plan, out of the box: every form filled and imported gives
every indicator a figure and every task of section III a status; a form with a blank is still
received and counted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from sqlite_utils import Database

from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.completeness import report_missing_items
from sxtdbv_desktop.consolidation import NO_DATA, indicator_results, main_period
from sxtdbv_desktop.excel.form_spec import INDICATOR_COLUMNS, INDICATORS
from sxtdbv_desktop.excel.forms import write_forms
from sxtdbv_desktop.excel.imports import apply_import, check_file
from sxtdbv_desktop.reports import find_report
from sxtdbv_desktop.task_status import task_statuses
from sxtdbv_desktop.tasks import list_tasks
from tests.excel.filling import fill_file, keyed_rows
from tests.factories import agency_id

RECEIVED = dt.date(2023, 12, 8)


def test_every_form_filled_and_imported_leaves_no_indicator_without_data(
    db: Database, plan_id: int, tmp_path: Path
) -> None:
    written = write_forms(db, plan_id, tmp_path / "forms")
    assert len(written) == sum(1 for a in list_agencies(db, plan_id) if a.must_report)
    for path in written:
        filled = tmp_path / path.name
        fill_file(path, filled, path.stem)
        check = check_file(db, filled)
        assert check.missing == (), (path.name, check.missing)
        apply_import(db, check, received_on=RECEIVED)
    results = indicator_results(db, plan_id)
    assert [r.indicator.code for r in results if r.verdict == NO_DATA] == []
    assert all(not r.provisional for r in results)
    statuses = task_statuses(db, plan_id)
    content = list_tasks(db, plan_id, "content")
    assert len(content) == 17
    assert all(statuses[t.id].status is not None for t in content)


def test_a_form_with_one_answer_missing_is_received_incomplete_and_counted(
    db: Database, plan_id: int, tmp_path: Path
) -> None:
    (path,) = write_forms(db, plan_id, tmp_path / "forms", [agency_id(db, plan_id, "HLapVo")])
    filled = tmp_path / path.name
    fill_file(path, filled, "thieu")
    wb = openpyxl.load_workbook(filled)
    rows = {key: row for row, key in keyed_rows(wb, INDICATORS)}
    wb[INDICATORS].cell(rows["indicator:5:answer"], INDICATOR_COLUMNS.value).value = None
    wb.save(filled)
    check = check_file(db, filled)
    assert [str(item) for item in check.missing] == [
        "Chỉ tiêu 5: đơn vị đã tổ chức tuyên truyền, phổ biến nâng cao nhận thức về lối sống, "
        "tiêu dùng bền vững"
    ]
    report = apply_import(db, check, received_on=RECEIVED)
    assert report is not None and report.status == "submitted"
    stored = find_report(db, main_period(db, plan_id).id, agency_id(db, plan_id, "HLapVo"))
    assert stored is not None and len(report_missing_items(db, stored)) == 1
    five = next(r for r in indicator_results(db, plan_id) if r.indicator.code == "5")
    assert five.reported == 0 and five.verdict == NO_DATA  # missing is no data, never "Không"
    four_b = next(r for r in indicator_results(db, plan_id) if r.indicator.code == "4b")
    assert four_b.reported == 1  # the rest of the form counts
