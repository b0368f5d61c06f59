"""A form made by one installation and imported by another: an agency installation, whose
database holds the Sở's plan under other ids, exports its own report as a pre-filled form; the
Sở imports it and every value lands on the right task and indicator. A form made before the
Sở changed the plan's tasks is refused rather than landing on the wrong task."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop import installation, plan_file, reports, tasks
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.form_spec import TASK_COLUMNS, TASKS
from sxtdbv_desktop.excel.forms import write_form
from sxtdbv_desktop.excel.imports import PLAN_CHANGED, apply_import, check_file
from sxtdbv_desktop.indicators import Indicator, list_indicators, reporter_ids
from sxtdbv_desktop.numbering import task_references, tasks_by_reference
from sxtdbv_desktop.reports import TaskResultInput
from sxtdbv_desktop.storage import open_database
from sxtdbv_desktop.summary import build_summary
from tests.conftest import TEST_ACTOR
from tests.excel.filling import Filled, keyed_rows
from tests.excel.test_import_forms import assert_stored
from tests.factories import agency_id, indicator_value
from tests.safety.helpers import snapshot

OWN = "HLapVo"
RECEIVED = dt.date(2023, 12, 4)
NEW_TASK = "Kiểm tra việc sử dụng túi ni lông khó phân hủy tại các chợ trên địa bàn huyện."


@pytest.fixture
def so_db(db: Database, excel_plan: int) -> Database:
    """The Sở's file: the plan prepared for forms, a task added to group III.1 (so its id is
    out of the plan's order) and given to the agency, a time frame on one of the agency's
    duties, then set up as the consolidating unit."""
    own = agency_id(db, excel_plan, OWN)
    group = tasks.list_groups(db, excel_plan, "content")[0]
    added = tasks.add_task(db, group.id, NEW_TASK)
    tasks.assign(db, added, [agency_id(db, excel_plan, "SoCT")], [own])
    task = next(t for t in tasks.tasks_of_agency(db, excel_plan, own) if t.id != added)
    tasks.update_task(db, task.id, time_frame="Quý III/2023", planned_output="Báo cáo")
    installation.set_up(db, installation.CONSOLIDATING, "Nguyễn Văn Sở")
    return db


@dataclass
class AgencyFile:
    db: Database
    plan_id: int


@pytest.fixture
def agency_file(so_db: Database, excel_plan: int, tmp_path: Path) -> Iterator[AgencyFile]:
    """The agency's own installation, built as at a real first start: a fresh file, last
    year's plan chosen then, this year's loaded from the plan file the Sở exported."""
    sent = plan_file.write_plan_file(so_db, excel_plan, tmp_path / "KeHoach_2023.json")
    last_year = plan_file.read_plan_file(plan_file.default_plan_path())
    last_year["plan"]["year"] = 2022
    db = open_database(tmp_path / "don-vi.sqlite", TEST_ACTOR)
    try:
        installation.set_up(db, installation.AGENCY, "Lê Thị Huyện", OWN, plan_data=last_year)
        plan_id = installation.load_plan_file(db, sent)
        yield AgencyFile(db, plan_id)
    finally:
        db.close()


def enter_own_report(agency: AgencyFile) -> tuple[reports.Report, Filled]:
    """The agency enters its whole report in its own installation, as a clerk would."""
    db, plan_id = agency.db, agency.plan_id
    period = main_period(db, plan_id).id
    report = installation.own_report(db, plan_id, period)
    own = agency_id(db, plan_id, OWN)
    numbers = task_references(db, plan_id)
    filled = Filled()
    for index, task in enumerate(tasks.tasks_of_agency(db, plan_id, own)):
        status = ("done", "in_progress", "not_started", "cancelled")[index % 4]
        result = f"Kết quả của nhiệm vụ {numbers[task.id]}:\nđã họp {index + 2} lần."
        values = {"status": status, "progress": 10 * index, "result": result,
                  "spent": 1_500_000 * (index + 1)}  # fmt: skip
        reports.set_task_result(db, report.id, TaskResultInput(task.id, **values))  # type: ignore[arg-type]
        filled.tasks[numbers[task.id]] = values
    for indicator in list_indicators(db, plan_id):
        if own in reporter_ids(db, indicator):
            figures = _values(indicator)
            reports.set_indicator_value(db, report.id, indicator_value(indicator.id, figures))
            filled.indicators[indicator.code] = figures
    on_tasks = sum(int(str(t["spent"])) for t in filled.tasks.values())
    for index, source in enumerate(list_sources(db, plan_id)):
        amount = on_tasks if source.name == "Ngân sách huyện" else 0
        reports.set_spending(db, report.id, source.id, amount + index * 1_000_000)
        filled.spending[source.name] = amount + index * 1_000_000
    filled.texts = {
        "general_assessment": "Huyện đã triển khai đầy đủ.",
        "difficulties": "Thiếu kinh phí.",
        "proposals": "Đề nghị tập huấn thêm.",
    }
    reports.update_texts(db, report.id, **filled.texts)
    reports.set_document(db, report.id, "87/BC-UBND", dt.date(2023, 12, 4))
    filled.document_number = "87/BC-UBND"
    return reports.get_report(db, report.id), filled


def _values(indicator: Indicator) -> dict[str, int]:
    return {
        "count": {"count_value": 3},
        "share": {"numerator": 4, "denominator": 7},
        "reduction": {"baseline": 1200, "current": 900},
        "yes_no": {"answer": 1},
    }[indicator.kind]


def exported_form(agency: AgencyFile, folder: Path) -> tuple[Path, Filled]:
    report, filled = enter_own_report(agency)
    own = agency_id(agency.db, agency.plan_id, OWN)
    return write_form(agency.db, agency.plan_id, own, folder, report=report), filled


def test_the_agency_installation_has_other_ids_than_the_so(
    so_db: Database, excel_plan: int, agency_file: AgencyFile
) -> None:
    theirs = tasks_by_reference(agency_file.db, agency_file.plan_id)
    ours = tasks_by_reference(so_db, excel_plan)
    assert theirs.keys() == ours.keys()
    assert all(theirs[r].text == ours[r].text for r in ours)
    assert all(theirs[r].id != ours[r].id for r in ours)  # a form keyed by id would misfire
    codes = {i.code: i.id for i in list_indicators(so_db, excel_plan)}
    assert all(i.id != codes[i.code] for i in list_indicators(agency_file.db, agency_file.plan_id))


def test_a_form_exported_by_an_agency_installation_lands_on_the_right_rows_at_the_so(
    so_db: Database, excel_plan: int, agency_file: AgencyFile, tmp_path: Path
) -> None:
    path, filled = exported_form(agency_file, tmp_path)
    assert path.name == f"BaoCao_{OWN}_2023.xlsx"
    keys = [key for _, key in keyed_rows(openpyxl.load_workbook(path), TASKS)]
    added = next(r for r, t in tasks_by_reference(so_db, excel_plan).items() if t.text == NEW_TASK)
    assert f"task:{added}" in keys and "task:V.10.1" in keys

    check = check_file(so_db, path, plan_id=excel_plan)
    assert check.agency.code == OWN and check.has_changes
    apply_import(so_db, check, today=RECEIVED)

    assert_stored(so_db, excel_plan, OWN, filled)
    stored = tasks_by_reference(so_db, excel_plan)
    report = reports.find_report(so_db, main_period(so_db, excel_plan).id, check.agency.id)
    assert report is not None
    for result in reports.task_results(so_db, report.id):
        task = tasks.get_task(so_db, result.task_id)
        reference = next(r for r, t in stored.items() if t.id == task.id)
        assert result.result.startswith(f"Kết quả của nhiệm vụ {reference}:")
    assert NEW_TASK in {tasks.get_task(so_db, r.task_id).text
                        for r in reports.task_results(so_db, report.id)}  # fmt: skip

    summary = build_summary(so_db, excel_plan, today=RECEIVED)
    rows = {row["code"]: row for row in summary["indicators"]}
    figures = {code: (row["reports"], row["numerator"], row["denominator"])
               for code, row in rows.items()}  # fmt: skip
    assert figures["4b"] == (1, 1200 - 900, 1200)
    assert figures["5"] == (1, 1, 12)  # one "Có" of the 12 district units
    # Money counts once, by source; the task rows only place it.
    assert summary["budget"]["reported_spent"] == sum(filled.spending.values())
    by_tasks = sum(int(str(t["spent"])) for t in filled.tasks.values())
    assert summary["budget"]["task_spent"] == by_tasks <= summary["budget"]["reported_spent"]
    assert summary["reporting"]["received"] == 1

    again = check_file(so_db, path, plan_id=excel_plan)
    assert again.same_file and apply_import(so_db, again, today=RECEIVED) is None


def test_only_the_time_frame_changed_since_the_form_still_imports(
    so_db: Database, excel_plan: int, agency_file: AgencyFile, tmp_path: Path
) -> None:
    path, filled = exported_form(agency_file, tmp_path)
    for task in tasks.tasks_of_agency(so_db, excel_plan, agency_id(so_db, excel_plan, OWN)):
        tasks.update_task(so_db, task.id, time_frame="Tháng 12/2023", planned_output="")
    apply_import(so_db, check_file(so_db, path), today=RECEIVED)
    assert_stored(so_db, excel_plan, OWN, filled)


def _row_of(path: Path, reference: str) -> int:
    rows = keyed_rows(openpyxl.load_workbook(path), TASKS)
    return next(row for row, key in rows if key == f"task:{reference}")


def test_a_task_edited_after_the_form_was_made_is_refused_at_its_text(
    so_db: Database, excel_plan: int, agency_file: AgencyFile, tmp_path: Path
) -> None:
    path, _ = exported_form(agency_file, tmp_path)
    task = tasks_by_reference(so_db, excel_plan)["V.10.3"]
    tasks.update_task(so_db, task.id, text=task.text + " (sửa đổi theo Công văn 123)")
    before = snapshot(so_db)
    with pytest.raises(FormError) as caught:
        check_file(so_db, path)
    row = _row_of(path, "V.10.3")
    assert caught.value.message == (
        f"Tệp {path.name}, trang tính «{TASKS}», ô C{row}: nội dung nhiệm vụ V.10.3 trong biểu "
        "mẫu khác với nhiệm vụ V.10.3 của kế hoạch Đồng Tháp — năm 2023: " + PLAN_CHANGED
    )
    assert TASK_COLUMNS.text == 3  # column C
    assert snapshot(so_db) == before


def test_a_task_deleted_before_the_agencys_task_is_refused_not_shifted(
    so_db: Database, excel_plan: int, agency_file: AgencyFile, tmp_path: Path
) -> None:
    path, _ = exported_form(agency_file, tmp_path)
    # Deleting V.10.1 moves V.10.2 up to V.10.1, and so on: the form's references would now
    # name the next task; the text each row shows tells that apart.
    tasks.delete_task(so_db, tasks_by_reference(so_db, excel_plan)["V.10.1"].id)
    before = snapshot(so_db)
    with pytest.raises(FormError) as caught:
        check_file(so_db, path)
    problems = caught.value.problems
    cells = [(p.sheet, p.cell) for p in problems]
    expected = [(TASKS, f"C{_row_of(path, r)}") for r in ("V.10.1", "V.10.2", "V.10.3")]
    expected += [(TASKS, f"B{_row_of(path, 'V.10.4')}")]  # V.10.4 no longer exists
    assert cells == expected
    assert all(PLAN_CHANGED in p.rule for p in problems)
    assert caught.value.message.startswith(f"Tệp {path.name} có 4 lỗi nên chưa được nhập:")
    assert snapshot(so_db) == before
