"""The demonstration file of the screenshots and the user guide: the embedded 2023 Đồng Tháp
plan plus a few weeks of a clerk's entries (assignments, budget lines, reports received,
accepted and returned), all made through the core."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from sxtdbv_desktop import budget, indicators, reports, tasks
from sxtdbv_desktop.agencies import find_agency, list_agencies
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.reports import (
    IndicatorValue,
    ReportContent,
    SourceSpending,
    TaskResultInput,
)

TODAY = dt.date(2023, 12, 14)
REPORTING_DISTRICTS = 10  # the first ten districts have reported, the last two not yet


def agency(db: Database, plan_id: int, code: str) -> int:
    found = find_agency(db, plan_id, code)
    assert found is not None, code
    return found.id


def demonstration(db: Database) -> int:
    """The default plan with a few weeks of a clerk's entries."""
    plan_id = load_default_plan(db)
    content = tasks.list_tasks(db, plan_id, "content")
    for task, lead, helpers in (
        (content[0], "SoCT", ["SoTNMT", "SoTTTT"]),
        (content[1], "SoCT", ["HLapVo"]),
        (content[7], "SoCT", ["SoKHCN"]),
        (content[12], "SoNNPTNT", []),
    ):
        helper_ids = [agency(db, plan_id, c) for c in helpers]
        tasks.assign(db, task.id, [agency(db, plan_id, lead)], helper_ids)
        tasks.update_task(db, task.id, time_frame="Năm 2023")  # statuses come from the reports
    by_code = {i.code: i.id for i in indicators.list_indicators(db, plan_id)}
    soct = agency(db, plan_id, "SoCT")
    for code in ("1", "2a", "2b", "3", "4a", "4b"):
        indicators.set_reporters(db, by_code[code], [soct])
    _budget(db, plan_id, soct, content[0].id)
    _reports(db, plan_id, by_code)
    return plan_id


def _budget(db: Database, plan_id: int, soct: int, task_id: int) -> None:
    sources = budget.list_sources(db, plan_id)
    for source, estimate in zip(
        sources, (1_500_000_000, 735_715_000, 300_000_000, 200_000_000, 500_000_000), strict=True
    ):
        budget.set_estimate(db, source.id, estimate)
    budget.add_line(
        db,
        plan_id,
        sources[0].id,
        task_id=task_id,
        agency_id=soct,
        description="Hội nghị sơ kết",
        allocated=120_000_000,
        disbursed=95_500_000,
    )
    budget.add_line(
        db,
        plan_id,
        sources[0].id,
        agency_id=soct,
        description="Tuyên truyền tại chợ",
        allocated=350_000_000,
        disbursed=210_000_000,
    )
    budget.add_line(
        db,
        plan_id,
        sources[1].id,
        agency_id=agency(db, plan_id, "SoTNMT"),
        description="Phân loại rác tại nguồn",
        allocated=400_000_000,
    )


def _reports(db: Database, plan_id: int, by_code: dict[str, int]) -> None:
    period = main_period(db, plan_id).id
    soct = agency(db, plan_id, "SoCT")
    results = [
        TaskResultInput(t.id, "done" if n % 3 == 0 else "in_progress", min(100, 50 + 10 * n),
                        "Đã tổ chức 02 hội nghị.", 95_500_000 if n == 0 else None)
        for n, t in enumerate(tasks.tasks_of_agency(db, plan_id, soct))
    ]  # fmt: skip
    sources = budget.list_sources(db, plan_id)
    spending = [SourceSpending(sources[0].id, 95_500_000), SourceSpending(sources[1].id, 0)]
    values = [
        IndicatorValue(0, by_code["1"], count_value=1),
        IndicatorValue(0, by_code["2a"], numerator=9, denominator=11),
        IndicatorValue(0, by_code["2b"], numerator=5, denominator=12),
        IndicatorValue(0, by_code["3"], numerator=40, denominator=48),
        IndicatorValue(0, by_code["4a"], baseline=12_000, current=6_800),
        IndicatorValue(0, by_code["4b"], baseline=8_000, current=6_900),
        IndicatorValue(0, by_code["6"], answer=1),
    ]
    text = ReportContent(
        "Cơ bản hoàn thành các nhiệm vụ được giao.",
        "Kinh phí tuyên truyền còn hạn chế.",
        "Đề nghị bổ sung kinh phí năm 2024.",
        results,
        values,
        spending,
    )
    accepted = reports.replace_report(db, period, soct, text, received_on=dt.date(2023, 12, 5))
    reports.accept(db, accepted.id)
    districts = [a.code for a in list_agencies(db, plan_id) if a.kind == "district"]
    for n, code in enumerate(districts[:REPORTING_DISTRICTS]):
        answer = IndicatorValue(0, by_code["5"], answer=0 if code == "HLapVo" else 1)
        day = dt.date(2023, 12, 12) if code == "HLapVo" else dt.date(2023, 12, 1 + n % 9)
        reports.replace_report(
            db,
            period,
            agency(db, plan_id, code),
            ReportContent("Đã triển khai.", indicator_values=[answer]),
            received_on=day,
        )
    returned = reports.replace_report(
        db,
        period,
        agency(db, plan_id, "SoKHCN"),
        ReportContent("Đã triển khai."),
        received_on=dt.date(2023, 12, 8),
    )
    reports.return_for_correction(db, returned.id, "Bổ sung kết quả chỉ tiêu 1 (số mô hình).")
    reports.ensure_report(db, period, agency(db, plan_id, "SoTC"))
