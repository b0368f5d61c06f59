"""An agency installation changes neither the plan nor another agency's report: not through
the core's functions, not through raw SQL on its connection, not through a crafted import
(the real importer: a form of another agency, a crafted form, a forged check)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop import (
    agencies,
    audit,
    budget,
    deadline_rule,
    indicators,
    installation,
    permissions,
    plan_file,
    plans,
    report_settings,
    reports,
    tasks,
)
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.errors import ConflictError, LockedError, ValidationError
from sxtdbv_desktop.excel.changes import FieldChange
from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.form_spec import TASK_COLUMNS, TASKS
from sxtdbv_desktop.excel.forms import write_form, write_forms
from sxtdbv_desktop.excel.imports import ImportCheck, apply_import, check_file
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.reports import ReportContent, TaskResultInput
from sxtdbv_desktop.schema import MSG_OTHER_AGENCY, MSG_PLAN_LOCKED, MSG_REVIEW
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.excel.filling import fill_file, keyed_rows, meta_cells, rename_key, reseal
from tests.factories import agency_id, file_report
from tests.safety.helpers import snapshot

OWN, OTHER = "HLapVo", "HLaiVung"


@pytest.fixture
def agency_db(db: Database, plan_id: int) -> Database:
    """An agency installation (UBND huyện Lấp Vò) whose file already holds another agency's
    report, as if the Sở had handed over a copy of its own file."""
    period = main_period(db, plan_id).id
    other = agency_id(db, plan_id, OTHER)
    filed = reports.replace_report(
        db,
        period,
        other,
        content(db, plan_id, OTHER, "Của huyện khác"),
        received_on=dt.date(2023, 12, 1),
    )
    indicator_5 = next(i for i in indicators.list_indicators(db, plan_id) if i.code == "5")
    reports.set_indicator_value(
        db, filed.id, reports.IndicatorValue(report_id=0, indicator_id=indicator_5.id, answer=1)
    )
    installation.set_up(db, installation.AGENCY, "Trần Thị Nhập", OWN)
    return db


def other_report(db: Database, plan_id: int) -> reports.Report:
    found = reports.find_report(db, main_period(db, plan_id).id, agency_id(db, plan_id, OTHER))
    assert found is not None
    return found


def content(db: Database, plan_id: int, code: str, text: str) -> ReportContent:
    task = tasks.tasks_of_agency(db, plan_id, agency_id(db, plan_id, code))[0]
    return ReportContent(
        general_assessment=text,
        task_results=[TaskResultInput(task_id=task.id, status="done", progress=100, result=text)],
    )


def test_the_installation_is_recorded_once_with_the_entered_name(agency_db: Database) -> None:
    setup = installation.load(agency_db)
    assert (setup.mode, setup.agency_code, setup.user_name) == ("agency", OWN, "Trần Thị Nhập")
    with pytest.raises(ConflictError):
        installation.set_up(agency_db, installation.CONSOLIDATING, "Ai đó")
    (event,) = [e for e in audit.entries(agency_db, "app_settings") if e.action == "event"]
    assert event.user_name == "Trần Thị Nhập"


def test_its_own_report_can_be_entered_and_replaced(agency_db: Database, plan_id: int) -> None:
    period = main_period(agency_db, plan_id).id
    own = agency_id(agency_db, plan_id, OWN)
    report = reports.replace_report(
        agency_db,
        period,
        own,
        content(agency_db, plan_id, OWN, "Lần 1"),
        received_on=dt.date.today(),
    )
    reports.update_texts(agency_db, report.id, difficulties="Thiếu kinh phí.")
    reports.replace_report(
        agency_db,
        period,
        own,
        content(agency_db, plan_id, OWN, "Lần 2"),
        received_on=dt.date.today(),
    )
    assert [r.result for r in reports.task_results(agency_db, report.id)] == ["Lần 2"]
    assert installation.own_report(agency_db, plan_id, period).id == report.id
    assert permissions.report_lock_reason(agency_db, report) is None


PLAN_CHANGES: dict[str, Callable[[Database, int], object]] = {
    "update_plan": lambda db, p: plans.update_plan(db, p, title="Kế hoạch khác"),
    "copy_plan": lambda db, p: plans.copy_plan(db, p, 2024),
    "add_agency": lambda db, p: agencies.add_agency(db, p, "Moi", "Cơ quan mới", "department"),
    "update_agency": lambda db, p: agencies.update_agency(
        db, agency_id(db, p, OTHER), name="Tên khác"
    ),
    "delete_agency": lambda db, p: agencies.delete_agency(db, agency_id(db, p, OTHER)),
    "update_task": lambda db, p: tasks.update_task(
        db, tasks.list_tasks(db, p)[0].id, time_frame="Quý IV"
    ),
    "override_status": lambda db, p: tasks.override_status(
        db, tasks.list_tasks(db, p)[0].id, "done", "Theo báo cáo"
    ),
    "confirm_assignments": tasks.confirm_assignments,
    "deadline_rule": lambda db, p: deadline_rule.save(db, p, deadline_rule.BY),
    "assign": lambda db, p: tasks.assign(
        db, tasks.list_tasks(db, p)[0].id, [agency_id(db, p, OWN)], []
    ),
    "delete_task": lambda db, p: tasks.delete_task(db, tasks.list_tasks(db, p)[0].id),
    "set_reporters": lambda db, p: indicators.set_reporters(
        db, indicators.list_indicators(db, p)[0].id, [agency_id(db, p, OWN)]
    ),
    "update_threshold": lambda db, p: indicators.update_threshold(
        db, indicators.list_indicators(db, p)[0].id, 0
    ),
    "set_estimate": lambda db, p: budget.set_estimate(db, budget.list_sources(db, p)[0].id, 1),
    "add_line": lambda db, p: budget.add_line(
        db, p, budget.list_sources(db, p)[0].id, allocated=1_000_000
    ),
    "report_settings": lambda db, p: report_settings.save(db, p, report_settings.defaults(db, p)),
    "load_plan": lambda db, p: plan_file.load_plan(db, _plan_of_year(2025)),
}


def _plan_of_year(year: int) -> dict[str, object]:
    data = plan_file.read_plan_file(plan_file.default_plan_path())
    data["plan"]["year"] = year
    return data


@pytest.mark.parametrize("change", PLAN_CHANGES)
def test_the_core_refuses_to_change_the_plan(
    agency_db: Database, plan_id: int, change: str
) -> None:
    before = snapshot(agency_db)
    with pytest.raises(LockedError) as caught:
        PLAN_CHANGES[change](agency_db, plan_id)
    assert caught.value.message == MSG_PLAN_LOCKED
    assert snapshot(agency_db) == before
    assert permissions.plan_lock_reason(agency_db) == MSG_PLAN_LOCKED


REPORT_CHANGES: dict[str, Callable[[Database, int], object]] = {
    "update_texts": lambda db, p: reports.update_texts(
        db, other_report(db, p).id, difficulties="Sửa hộ."
    ),
    "set_received_on": lambda db, p: reports.set_received_on(
        db, other_report(db, p).id, dt.date(2023, 1, 1)
    ),
    "set_task_result": lambda db, p: reports.set_task_result(
        db,
        other_report(db, p).id,
        TaskResultInput(task_id=tasks.list_tasks(db, p)[0].id, status="done"),
    ),
    "set_indicator_value": lambda db, p: reports.set_indicator_value(
        db,
        other_report(db, p).id,
        reports.IndicatorValue(
            report_id=0,
            indicator_id=next(i.id for i in indicators.list_indicators(db, p) if i.code == "5"),
            answer=0,
        ),
    ),
    "new_report_of_another_agency": lambda db, p: reports.ensure_report(
        db, main_period(db, p).id, agency_id(db, p, "HChauThanh")
    ),
    "crafted_import_of_another_agency": lambda db, p: reports.replace_report(
        db,
        main_period(db, p).id,
        agency_id(db, p, OTHER),
        content(db, p, OTHER, "Tệp giả mạo"),
        received_on=dt.date(2023, 12, 1),
        source_file_name="gia-mao.xlsx",
    ),
    "crafted_import_of_a_new_agency_report": lambda db, p: reports.replace_report(
        db,
        main_period(db, p).id,
        agency_id(db, p, "HChauThanh"),
        content(db, p, "HChauThanh", "Tệp giả mạo"),
        received_on=dt.date(2023, 12, 1),
    ),
    "importer_applying_a_check_forged_for_another_agency": lambda db, p: apply_import(
        db, forged_check(db, p, OTHER), today=dt.date(2023, 12, 1)
    ),
    "importer_applying_a_check_forged_for_a_new_agency_report": lambda db, p: apply_import(
        db, forged_check(db, p, "HChauThanh"), today=dt.date(2023, 12, 1)
    ),
}


def forged_check(db: Database, plan_id: int, code: str) -> ImportCheck:
    """What `check_file` never returns on an agency installation (it refuses the form of
    another agency, see below): a checked import of `code`'s report, as a bug or a patched
    program could hand it to `apply_import`. The database's guards still refuse it."""
    agency = agencies.get_agency(db, agency_id(db, plan_id, code))
    period = main_period(db, plan_id)
    return ImportCheck(
        file_name="gia-mao.xlsx",
        file_hash="0" * 64,
        plan=plans.get_plan(db, plan_id),
        period=period,
        agency=agency,
        content=content(db, plan_id, code, "Tệp giả mạo"),
        existing=reports.find_report(db, period.id, agency.id),
        changes=(FieldChange("Báo cáo", "Tình trạng", "Chưa có báo cáo", "Đã gửi"),),
    )


@pytest.mark.parametrize("change", REPORT_CHANGES)
def test_the_core_refuses_to_change_another_agencys_report(
    agency_db: Database, plan_id: int, change: str
) -> None:
    before = snapshot(agency_db)
    with pytest.raises(LockedError) as caught:
        REPORT_CHANGES[change](agency_db, plan_id)
    assert caught.value.message == MSG_OTHER_AGENCY
    assert snapshot(agency_db) == before
    assert permissions.report_lock_reason(agency_db, other_report(agency_db, plan_id)) == (
        MSG_OTHER_AGENCY
    )


# --- the importer on an agency installation ---------------------------------------------------

PLAN_TABLES = ("plans", "agencies", "tasks", "task_groups", "task_assignments",
               "indicators", "indicator_reporters", "targets", "periods", "funding_sources",
               "budget_lines")  # fmt: skip


def filled_form(db: Database, plan_id: int, code: str, folder: Path, seed: str) -> Path:
    """`code`'s form, written from this file's plan and filled in as a clerk would."""
    folder.mkdir(exist_ok=True)
    empty = write_form(db, plan_id, agency_id(db, plan_id, code), folder / "trong.xlsx")
    path = folder / f"BaoCao_{code}_2023.xlsx"
    fill_file(empty, path, seed)
    return path


def form_from_the_so(code: str, folder: Path, seed: str) -> Path:
    """`code`'s form as the Sở made it (an agency installation makes only its own)."""
    folder.mkdir(exist_ok=True)
    so = open_database(folder / "so.sqlite", TEST_ACTOR)
    try:
        return filled_form(so, load_default_plan(so), code, folder, seed)
    finally:
        so.close()


def test_an_agency_installation_makes_only_its_own_form(
    agency_db: Database, plan_id: int, tmp_path: Path
) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    with pytest.raises(LockedError, match="chỉ tạo được biểu mẫu của chính đơn vị mình"):
        write_form(agency_db, plan_id, agency_id(agency_db, plan_id, OTHER), folder)
    assert list(folder.iterdir()) == []
    written = write_forms(agency_db, plan_id, folder)
    assert [p.name for p in written] == [f"BaoCao_{OWN}_2023.xlsx"]


def test_the_importer_refuses_another_agencys_form_before_the_preview(
    agency_db: Database, plan_id: int, tmp_path: Path
) -> None:
    path = form_from_the_so(OTHER, tmp_path / "bieu-mau", "khac")
    before = snapshot(agency_db)
    with pytest.raises(FormError) as caught:
        check_file(agency_db, path)
    assert caught.value.message == (
        f"Tệp {path.name}: đây là biểu mẫu của UBND huyện Lai Vung, không phải của UBND huyện "
        f"Lấp Vò. {MSG_OTHER_AGENCY} Hãy gửi tệp này cho Sở Công Thương để nhập."
    )
    assert snapshot(agency_db) == before


def test_a_crafted_form_naming_another_agency_is_refused(
    agency_db: Database, plan_id: int, tmp_path: Path
) -> None:
    path = filled_form(agency_db, plan_id, OWN, tmp_path / "bieu-mau", "gia")
    wb = openpyxl.load_workbook(path)
    meta_cells(wb)["agency_code"].value = OTHER
    reseal(wb)
    wb.save(path)
    before = snapshot(agency_db)
    with pytest.raises(FormError) as caught:
        check_file(agency_db, path)
    assert "đây là biểu mẫu của UBND huyện Lai Vung, không phải của UBND huyện Lấp Vò" in (
        caught.value.message
    )
    assert snapshot(agency_db) == before


def test_a_crafted_row_of_another_agencys_task_is_refused(
    agency_db: Database, plan_id: int, tmp_path: Path
) -> None:
    # The districts share their duties (V.10); the Sở Công Thương's are its own.
    theirs = tasks.tasks_of_agency(agency_db, plan_id, agency_id(agency_db, plan_id, "SoCT"))
    reference = task_references(agency_db, plan_id)[theirs[0].id]
    path = filled_form(agency_db, plan_id, OWN, tmp_path / "bieu-mau", "dong")
    wb = openpyxl.load_workbook(path)
    row = keyed_rows(wb, TASKS)[0][0]
    rename_key(wb, TASKS, row, f"task:{reference}")
    wb[TASKS].cell(row, TASK_COLUMNS.text).value = theirs[0].text
    reseal(wb)
    wb.save(path)
    before = snapshot(agency_db)
    with pytest.raises(FormError) as caught:
        check_file(agency_db, path)
    assert f"ô B{row}: nhiệm vụ {reference} không được giao cho UBND huyện Lấp Vò" in (
        caught.value.message
    )
    assert snapshot(agency_db) == before


def test_its_own_form_imports_and_touches_nothing_else(
    agency_db: Database, plan_id: int, tmp_path: Path
) -> None:
    path = filled_form(agency_db, plan_id, OWN, tmp_path / "bieu-mau", "cua-minh")
    other = other_report(agency_db, plan_id)
    before = snapshot(agency_db)
    report = apply_import(agency_db, check_file(agency_db, path), today=dt.date(2023, 12, 2))
    assert report is not None
    assert agencies.get_agency(agency_db, report.agency_id).code == OWN
    after = snapshot(agency_db)
    for table in PLAN_TABLES:
        assert after[table] == before[table], table
    for table in ("reports", "task_results", "indicator_values"):
        theirs = [r for r in before[table] if r[0] == other.id]  # the report id comes first
        assert [r for r in after[table] if r[0] == other.id] == theirs, table


def test_only_the_consolidating_unit_accepts_or_returns(agency_db: Database, plan_id: int) -> None:
    own = file_report(agency_db, plan_id, OWN, values={"5": {"answer": 1}})
    with pytest.raises(LockedError, match=MSG_REVIEW):
        reports.accept(agency_db, own.id)
    with pytest.raises(LockedError, match=MSG_REVIEW):
        reports.return_for_correction(agency_db, own.id, "Sai số liệu.")
    assert reports.get_report(agency_db, own.id).status == reports.SUBMITTED
    assert permissions.review_lock_reason(agency_db) == MSG_REVIEW


RAW_SQL = [
    "UPDATE plans SET title = 'Kế hoạch giả'",
    "DELETE FROM tasks",
    "INSERT INTO objectives (plan_id, position, text) SELECT id, 99, 'x' FROM plans",
    "INSERT INTO budget_lines (plan_id, source_id) SELECT plan_id, id FROM funding_sources",
    "INSERT OR REPLACE INTO plan_settings (plan_id, key, value) SELECT id, 'k', 'v' FROM plans",
    "UPDATE reports SET difficulties = 'Sửa hộ'",
    "DELETE FROM reports",
    "DELETE FROM task_results",
    "UPDATE indicator_values SET answer = 0",
    "INSERT INTO reports (plan_id, period_id, agency_id, created_at, updated_at)"
    " SELECT a.plan_id, p.id, a.id, '', '' FROM agencies a JOIN periods p"
    " ON p.plan_id = a.plan_id WHERE a.code = 'HChauThanh'",
    "UPDATE app_settings SET value = 'consolidating' WHERE key = 'installation_mode'",
    "DELETE FROM app_settings",
    "INSERT OR REPLACE INTO app_settings (key, value)"
    " VALUES ('installation_mode', 'consolidating')",
    "INSERT OR REPLACE INTO app_settings (key, value) VALUES ('installation_agency', 'HLaiVung')",
    "UPDATE audit_log SET user_name = 'ai đó'",
    "DELETE FROM audit_log",
]


@pytest.mark.parametrize("sql", RAW_SQL)
def test_raw_sql_on_its_connection_is_refused(agency_db: Database, sql: str) -> None:
    before = snapshot(agency_db)
    with pytest.raises(LockedError):
        agency_db.execute(sql)
    with pytest.raises(sqlite3.IntegrityError):
        agency_db.conn.execute(sql)
    agency_db.conn.rollback()
    assert snapshot(agency_db) == before


def test_moving_rows_to_another_agency_is_refused(agency_db: Database, plan_id: int) -> None:
    own = reports.replace_report(
        agency_db,
        main_period(agency_db, plan_id).id,
        agency_id(agency_db, plan_id, OWN),
        content(agency_db, plan_id, OWN, "Của mình"),
        received_on=dt.date(2023, 12, 1),
    )
    other = other_report(agency_db, plan_id)
    before = snapshot(agency_db)
    for sql, params in [
        ("UPDATE reports SET agency_id = ? WHERE id = ?", [other.agency_id, own.id]),
        ("UPDATE task_results SET report_id = ? WHERE report_id = ?", [other.id, own.id]),
        (
            "INSERT INTO task_results (report_id, task_id) SELECT ?, id FROM tasks LIMIT 1",
            [other.id],
        ),
    ]:
        with pytest.raises(LockedError):
            agency_db.execute(sql, params)
    assert snapshot(agency_db) == before


def test_the_guards_cannot_be_dropped(agency_db: Database) -> None:
    for sql in (
        "DROP TRIGGER guard_plans_update_plan",
        "DROP TRIGGER audit_plans_update",
        "DROP TABLE audit_log",
        "PRAGMA writable_schema = ON",
    ):
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            agency_db.conn.execute(sql)


def test_a_plan_file_from_the_consolidating_unit_can_be_loaded(
    agency_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "ke-hoach-2024.json"
    path.write_text(json.dumps(_plan_of_year(2024), ensure_ascii=False), encoding="utf-8")
    new_plan = installation.load_plan_file(agency_db, path)
    assert plans.get_plan(agency_db, new_plan).year == 2024
    with pytest.raises(LockedError):  # loading opened no lasting door
        plans.update_plan(agency_db, new_plan, title="Khác")


def test_agency_mode_needs_an_agency_of_the_plan(db: Database) -> None:
    with pytest.raises(ValidationError, match="Đơn vị"):
        installation.set_up(db, installation.AGENCY, "Trần Thị Nhập")
    with pytest.raises(ValidationError, match="KhongCo"):
        installation.set_up(db, installation.AGENCY, "Trần Thị Nhập", "KhongCo")
    with pytest.raises(ValidationError, match="Họ và tên"):
        installation.set_up(db, installation.CONSOLIDATING, "   ")
    assert installation.needs_first_start(db)


def test_an_agency_installation_can_start_from_a_plan_file(empty_db: Database) -> None:
    data = plan_file.read_plan_file(plan_file.default_plan_path())
    installation.set_up(empty_db, installation.AGENCY, "Lê Văn B", OWN, plan_data=data)
    (plan,) = plans.list_plans(empty_db)
    assert installation.own_agency(empty_db, plan.id) is not None


def test_a_failed_set_up_loads_no_plan(empty_db: Database) -> None:
    data = plan_file.read_plan_file(plan_file.default_plan_path())
    with pytest.raises(ValidationError):
        installation.set_up(empty_db, installation.AGENCY, "Lê Văn B", "KhongCo", plan_data=data)
    assert plans.list_plans(empty_db) == []


def test_the_consolidating_unit_is_not_restricted(db: Database, plan_id: int) -> None:
    installation.set_up(db, installation.CONSOLIDATING, "Nguyễn Văn Sở")
    plans.update_plan(db, plan_id, title="Kế hoạch đã sửa")
    report = file_report(db, plan_id, OTHER)
    reports.accept(db, report.id)
    assert permissions.plan_lock_reason(db) is None
    assert permissions.review_lock_reason(db) is None


def test_the_entered_name_is_recorded_with_each_change(db: Database, plan_id: int) -> None:
    installation.set_up(db, installation.CONSOLIDATING, "Nguyễn Văn Sở")
    plans.update_plan(db, plan_id, title="Kế hoạch A")
    installation.set_user_name(db, "Phạm Thị Mới")
    plans.update_plan(db, plan_id, title="Kế hoạch B")
    titles = [e for e in audit.entries(db, "plans") if e.field == "title"]
    assert [(e.new_value, e.user_name, e.os_user) for e in titles] == [
        ("Kế hoạch B", "Phạm Thị Mới", "tester"),
        ("Kế hoạch A", "Nguyễn Văn Sở", "tester"),
    ]
