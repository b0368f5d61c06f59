"""Helpers that put realistic reports into a test database through the core's own API."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from sxtdbv_desktop.agencies import find_agency
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.reports import IndicatorValue, Report, ReportContent, replace_report


def agency_id(db: Database, plan_id: int, code: str) -> int:
    agency = find_agency(db, plan_id, code)
    assert agency is not None, code
    return agency.id


def file_report(
    db: Database,
    plan_id: int,
    code: str,
    received_on: dt.date = dt.date(2023, 12, 5),
    **values: dict[str, int],
) -> Report:
    """Submit `code`'s report with indicator values given by indicator code, e.g.
    `file_report(db, plan, "HLapVo", **{"5": {"answer": 1}})`."""
    by_code = {i.code: i.id for i in list_indicators(db, plan_id)}
    content = ReportContent(
        general_assessment="Đã triển khai đầy đủ.",
        indicator_values=[
            IndicatorValue(report_id=0, indicator_id=by_code[c], **v) for c, v in values.items()
        ],
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
