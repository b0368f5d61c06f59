"""Helpers that put realistic reports into a test database through the core's own API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TypedDict, cast

from sqlite_utils import Database

from sxtdbv_desktop import audit
from sxtdbv_desktop.agencies import find_agency
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.migrations import MIGRATIONS
from sxtdbv_desktop.reports import IndicatorValue, Report, ReportContent, replace_report
from sxtdbv_desktop.storage import APPLICATION_ID
from tests.conftest import TEST_ACTOR


def agency_id(db: Database, plan_id: int, code: str) -> int:
    agency = find_agency(db, plan_id, code)
    assert agency is not None, code
    return agency.id


class Figures(TypedDict, total=False):
    """An indicator's figures in a report (the numeric fields of `IndicatorValue`)."""

    count_value: int
    numerator: int
    denominator: int
    baseline: int
    current: int
    answer: int
    units: int
    estimated_rate: int


def indicator_value(indicator_id: int, figures: Mapping[str, int]) -> IndicatorValue:
    """An indicator's value with the figures named in `figures` (e.g. {"answer": 1})."""
    unknown = figures.keys() - Figures.__optional_keys__
    assert not unknown, f"not figures of an indicator: {unknown}"
    return IndicatorValue(report_id=0, indicator_id=indicator_id, **cast(Figures, figures))


def file_report(
    db: Database,
    plan_id: int,
    code: str,
    received_on: dt.date = dt.date(2023, 12, 5),
    values: Mapping[str, Mapping[str, int]] | None = None,
) -> Report:
    """Submit `code`'s report with indicator values given by indicator code, e.g.
    `file_report(db, plan, "HLapVo", values={"5": {"answer": 1}})`."""
    values = values or {}
    by_code = {i.code: i.id for i in list_indicators(db, plan_id)}
    content = ReportContent(
        general_assessment="Đã triển khai đầy đủ.",
        indicator_values=[indicator_value(by_code[c], v) for c, v in values.items()],
    )
    return replace_report(
        db,
        main_period(db, plan_id).id,
        agency_id(db, plan_id, code),
        content,
        received_on=received_on,
    )


DISTRICTS = (
    "TPCaoLanh", "TPSaDec", "TPHongNgu", "HTanHong", "HHongNgu", "HTamNong",
    "HThanhBinh", "HThapMuoi", "HCaoLanh", "HLapVo", "HLaiVung", "HChauThanh",
)  # fmt: skip


def raw_connection(path: Path) -> Database:
    """A connection with the functions the triggers call, and no migration applied."""
    db = Database(path)
    audit.bind_actor(db.conn, TEST_ACTOR)
    db.conn.create_function("sxtdbv_plan_loading", 0, lambda: 0)
    return db


def old_version_file(path: Path, stop_before: str) -> None:
    """A file as a version of the program that knew only the migrations before `stop_before`,
    holding a plan with a yes/no indicator, an edited task status and an agency's report."""
    db = raw_connection(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS.apply(db, stop_before=stop_before)
    db.execute(
        "INSERT INTO plans (id, year, province, document_type, title, issuing_body, program_name,"
        " program_period, reporting_deadline, total_budget, created_at) VALUES (1, 2023, 'T',"
        " 'KẾ HOẠCH', 'Kế hoạch', 'UBND', 'CT', '2021-2030', '2023-12-10', 5, '2023-01-01')"
    )
    for agency_id, kind in ((1, "district"), (2, "district"), (3, "department")):
        db.execute(
            "INSERT INTO agencies (id, plan_id, position, code, name, short_name, kind)"
            " VALUES (?, 1, ?, ?, ?, '', ?)",
            [agency_id, agency_id, f"A{agency_id}", f"Cơ quan {agency_id}", kind],
        )
    db.execute("INSERT INTO targets (id, plan_id, number, text) VALUES (1, 1, 5, 'Mục tiêu')")
    db.execute(
        "INSERT INTO indicators (id, plan_id, target_id, position, code, name, kind, threshold,"
        " population_kind) VALUES (1, 1, 1, 1, '5', 'Huyện', 'yes_no', 70, 'district')"
    )
    db.execute(
        "INSERT INTO task_groups (id, plan_id, section, number, title)"
        " VALUES (1, 1, 'content', 1, 'Nhóm')"
    )
    for task_id, status in ((1, "not_started"), (2, "done")):
        db.execute(
            "INSERT INTO tasks (id, plan_id, group_id, position, text, status)"
            " VALUES (?, 1, 1, ?, 'Việc', ?)",
            [task_id, task_id, status],
        )
    db.execute(
        "INSERT INTO periods (id, plan_id, code, name, starts_on, ends_on, deadline)"
        " VALUES (1, 1, '2023', 'Năm 2023', '2023-01-01', '2023-12-31', '2023-12-10')"
    )
    db.execute(
        "INSERT INTO reports (id, plan_id, period_id, agency_id, status, created_at, updated_at)"
        " VALUES (1, 1, 1, 1, 'submitted', 'x', 'x')"
    )
    db.execute(
        "INSERT INTO task_results (report_id, task_id, status, progress)"
        " VALUES (1, 1, 'in_progress', 40)"
    )
    db.conn.commit()
    db.close()
