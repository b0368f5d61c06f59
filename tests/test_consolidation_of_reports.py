"""Consolidating real reports in a database: indicators, reporting rates, budget."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import budget, consolidation, deadline_rule, reports
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.errors import ValidationError
from tests.factories import DISTRICTS, agency_id, file_report


def result(db: Database, plan_id: int, code: str) -> consolidation.IndicatorResult:
    return next(r for r in consolidation.indicator_results(db, plan_id) if r.indicator.code == code)


def test_no_reports_means_no_data_for_every_indicator(db: Database, plan_id: int) -> None:
    assert {r.verdict for r in consolidation.indicator_results(db, plan_id)} == {"no_data"}


def test_target_5_from_district_reports(db: Database, plan_id: int) -> None:
    for n, code in enumerate(DISTRICTS):
        file_report(db, plan_id, code, values={"5": {"answer": int(n < 8)}})
    assert (result(db, plan_id, "5").numerator, result(db, plan_id, "5").denominator) == (8, 12)
    assert result(db, plan_id, "5").verdict == "not_met"
    file_report(db, plan_id, DISTRICTS[8], values={"5": {"answer": 1}})
    assert result(db, plan_id, "5").verdict == "met"


def test_drafts_and_returned_reports_do_not_count(db: Database, plan_id: int) -> None:
    report = file_report(db, plan_id, "HLapVo", values={"5": {"answer": 1}})
    reports.return_for_correction(db, report.id, "Thiếu số liệu chỉ tiêu 5.")
    assert result(db, plan_id, "5").verdict == "no_data"


def test_reporting_rates_count_expected_agencies_with_nothing_entered(
    db: Database, plan_id: int
) -> None:
    file_report(db, plan_id, "SoCT", received_on=dt.date(2023, 12, 9))
    file_report(db, plan_id, "SoTNMT", received_on=dt.date(2023, 12, 11))
    summary = consolidation.reporting_summary(db, plan_id, today=dt.date(2023, 12, 20))
    assert (summary.expected, summary.received, summary.on_time, summary.late) == (24, 2, 1, 1)
    assert summary.missing == 22
    states = {row.agency.code: row.state for row in summary.agencies}
    assert states["SoCT"] == "on_time"
    assert states["SoTNMT"] == "late"
    assert states["HLapVo"] == "missing"
    assert "BaoChi" not in states  # the press collective is not expected to report


@pytest.mark.parametrize(
    ("rule", "state"), [(deadline_rule.BEFORE, "late"), (deadline_rule.BY, "on_time")]
)
def test_a_report_received_on_the_deadline_day_follows_the_plans_rule(
    db: Database, plan_id: int, rule: str, state: str
) -> None:
    """ "trước ngày 10/12/2023" read strictly (the default) makes 10/12 late."""
    assert deadline_rule.load(db, plan_id) == deadline_rule.BEFORE
    deadline_rule.save(db, plan_id, rule)
    file_report(db, plan_id, "SoCT", received_on=dt.date(2023, 12, 10))
    summary = consolidation.reporting_summary(db, plan_id, today=dt.date(2023, 12, 20))
    assert {row.agency.code: row.state for row in summary.agencies}["SoCT"] == state
    assert summary.rule == rule
    early = dt.date(2023, 12, 9)
    assert deadline_rule.is_on_time(early, dt.date(2023, 12, 10), rule)
    assert "10/12/2023" in deadline_rule.sentence(dt.date(2023, 12, 10), rule)


def test_an_unknown_deadline_rule_is_refused(db: Database, plan_id: int) -> None:
    with pytest.raises(ValidationError, match="Quy tắc tính đúng hạn"):
        deadline_rule.save(db, plan_id, "sometimes")
    assert deadline_rule.load(db, plan_id) == deadline_rule.BEFORE


def test_a_district_that_has_not_reported_makes_the_verdict_provisional_not_a_no(
    db: Database, plan_id: int
) -> None:
    for n, code in enumerate(DISTRICTS[:9]):
        file_report(db, plan_id, code, values={"5": {"answer": int(n < 8)}})
    five = result(db, plan_id, "5")
    assert (five.reported, five.expected, five.answers_no, five.missing) == (9, 12, 1, 3)
    assert (five.numerator, five.denominator) == (8, 12)  # DOMAIN: yes over every unit
    assert five.verdict == "not_met" and five.provisional
    for code in DISTRICTS[9:]:
        file_report(db, plan_id, code, values={"5": {"answer": 1}})
    five = result(db, plan_id, "5")
    assert five.verdict == "met" and not five.provisional


def test_before_the_deadline_nothing_is_missing_yet(db: Database, plan_id: int) -> None:
    summary = consolidation.reporting_summary(db, plan_id, today=dt.date(2023, 11, 1))
    assert {row.state for row in summary.agencies} == {"not_due"}


def test_empty_plan_rates_are_none_not_division_errors(db: Database, plan_id: int) -> None:
    db.execute("UPDATE agencies SET must_report = 0")
    summary = consolidation.reporting_summary(db, plan_id)
    assert summary.expected == 0
    assert summary.completeness is None and summary.timeliness is None


def test_budget_unallocated_against_the_plans_total(db: Database, plan_id: int) -> None:
    economy = list_sources(db, plan_id)[0]
    budget.add_line(
        db, plan_id, economy.id, agency_id=agency_id(db, plan_id, "SoCT"),
        allocated=1_000_000_000, disbursed=250_000_000,
    )  # fmt: skip
    summary = consolidation.budget_summary(db, plan_id)
    assert summary.total_estimate == 3_235_715_000
    assert summary.allocated == 1_000_000_000
    assert summary.unallocated == 2_235_715_000
    assert summary.sources[0].disbursed == 250_000_000
    assert summary.sources_estimate is None  # the seed gives no per-source estimate
    assert all(isinstance(v, int) for v in (summary.allocated, summary.disbursed))
