"""The consolidated status of a plan as plain data: what `summary --json` prints.

The keys are English and stable (documented in the README); money is integer đồng; rates are
given both as exact parts (numerator, denominator) and as a percent rounded to one decimal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from sxtdbv_desktop import consolidation, labels, vnformat
from sxtdbv_desktop.agencies import Agency, list_agencies
from sxtdbv_desktop.consolidation import BudgetSummary, IndicatorResult, ReportingSummary
from sxtdbv_desktop.indicators import list_targets
from sxtdbv_desktop.plans import Plan, get_plan, objectives
from sxtdbv_desktop.tasks import CONTENT, DUTY, list_groups, list_tasks
from sxtdbv_desktop.year_over_year import PreviousResult, previous_results

SUMMARY_VERSION = 1


def build_summary(db: Database, plan_id: int, today: dt.date | None = None) -> dict[str, Any]:
    """Everything `summary` reports about one plan, as JSON-ready data."""
    plan = get_plan(db, plan_id)
    period = consolidation.main_period(db, plan_id)
    tasks = list_tasks(db, plan_id)
    agencies = list_agencies(db, plan_id)
    content_groups = list_groups(db, plan_id, CONTENT)
    content_ids = {g.id for g in content_groups}
    content = [t for t in tasks if t.group_id in content_ids]
    indicators = consolidation.indicator_results(db, plan_id, period.id)
    earlier = previous_results(db, plan_id, indicators)
    budget = consolidation.budget_summary(db, plan_id, period.id)
    return {
        "summary_version": SUMMARY_VERSION,
        "plan": _plan(plan, agencies),
        "counts": {
            "objectives": len(objectives(db, plan_id)),
            "targets": len(list_targets(db, plan_id)),
            "indicators": len(indicators),
            "task_groups": len(content_groups),
            "tasks": len(content),
            "tasks_unassigned": sum(1 for t in content if not t.is_assigned),
            "duty_groups": len(list_groups(db, plan_id, DUTY)),
            "duties": len(tasks) - len(content),
            "agencies": len(agencies),
            "district_units": sum(1 for a in agencies if a.kind == "district"),
            "funding_sources": len(budget.sources),
        },
        "indicators": [
            {**_indicator(r), "previous": _previous(earlier.get(r.indicator.id))}
            for r in indicators
        ],
        "budget": _budget(budget),
        "reporting": _reporting(consolidation.reporting_summary(db, plan_id, period.id, today)),
    }


def _plan(plan: Plan, agencies: list[Agency]) -> dict[str, Any]:
    focal = next((a.name for a in agencies if a.id == plan.focal_agency_id), None)
    return {
        "id": plan.id,
        "year": plan.year,
        "province": plan.province,
        "title": plan.title,
        "issuing_body": plan.issuing_body,
        "focal_agency": focal,
        "reporting_deadline": plan.reporting_deadline.isoformat(),
        "total_budget": plan.total_budget,
        "local_unit_name": plan.local_unit_name,
    }


def _percent(rate: Any) -> float | None:
    return None if rate is None else float(vnformat.percent_value(rate))


def _indicator(result: IndicatorResult) -> dict[str, Any]:
    indicator = result.indicator
    ratio = indicator.is_ratio
    return {
        "code": indicator.code,
        "name": indicator.name,
        "kind": indicator.kind,
        "threshold": indicator.threshold,
        "threshold_unit": "percent" if ratio else "count",
        "exceed_above": indicator.exceed_above,
        "value": None if ratio else result.figure,
        "numerator": result.numerator,
        "denominator": result.denominator,
        "percent": _percent(result.figure) if ratio else None,
        "verdict": result.verdict,
        "verdict_label": labels.VERDICTS[result.verdict],
        "reports": result.reported,
        "expected_reporters": result.expected,
        "provisional": result.provisional,
        "estimated": result.estimated,
    }


def _previous(previous: PreviousResult | None) -> dict[str, Any] | None:
    """Last year's result of a linked indicator, and the trend toward the target."""
    if previous is None:
        return None
    result = previous.result
    return {
        "year": previous.year,
        "code": result.indicator.code,
        "value": None if result.indicator.is_ratio else result.figure,
        "percent": _percent(result.figure) if result.indicator.is_ratio else None,
        "verdict": result.verdict,
        "trend": previous.trend,
        "trend_label": labels.TRENDS[previous.trend],
    }


def _budget(budget: BudgetSummary) -> dict[str, Any]:
    return {
        "total_estimate": budget.total_estimate,
        "allocated": budget.allocated,
        "disbursed": budget.disbursed,
        "unallocated": budget.unallocated,
        "reported_spent": budget.reported_spent,
        "task_spent": budget.task_spent,
        "disbursement_percent": _percent(budget.disbursement_rate),
        "sources": [
            {
                "name": s.source.name,
                "estimate": s.source.estimate,
                "allocated": s.allocated,
                "disbursed": s.disbursed,
                "reported_spent": s.reported,
            }
            for s in budget.sources
        ],
    }


def _reporting(summary: ReportingSummary) -> dict[str, Any]:
    return {
        "period": summary.period.code,
        "deadline": summary.period.deadline.isoformat(),
        "expected": summary.expected,
        "received": summary.received,
        "on_time": summary.on_time,
        "late": summary.late,
        "missing": summary.missing,
        "completeness_percent": _percent(summary.completeness),
        "timeliness_percent": _percent(summary.timeliness),
        "agencies": [
            {
                "code": row.agency.code,
                "name": row.agency.name,
                "state": row.state,
                "received_on": row.report.received_on.isoformat()
                if row.report and row.report.received_on
                else None,
            }
            for row in summary.agencies
        ],
    }
