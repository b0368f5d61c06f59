"""Figures that are allowed but hard to believe, said in the import preview before anything is
written: a clerk who typed three zeros too many sees it while the file can still be refused.

These are warnings, not errors: the agency's report is received as it is if the Sở confirms.
"""

from __future__ import annotations

from sqlite_utils import Database

from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.plans import Plan
from sxtdbv_desktop.reports import ReportContent
from sxtdbv_desktop.vnformat import format_money

_CHECK = "Hãy kiểm tra lại số liệu (có thể đã gõ thừa chữ số 0) trước khi nhập."


def warnings(db: Database, plan: Plan, content: ReportContent) -> list[str]:
    """What in `content` is implausible against the plan `plan`, in Vietnamese."""
    found = []
    by_source = sum(s.amount for s in content.spending)
    by_task = sum(r.spent or 0 for r in content.task_results)
    spent = max(by_source, by_task)
    if plan.total_budget and spent > plan.total_budget:
        found.append(
            f"Kinh phí đơn vị báo cáo đã sử dụng ({format_money(spent)}) lớn hơn tổng kinh "
            f"phí của cả kế hoạch ({format_money(plan.total_budget)}). {_CHECK}"
        )
    sources = {s.id: s for s in list_sources(db, plan.id)}
    for entry in content.spending:
        source = sources.get(entry.source_id)
        if source is not None and source.estimate and entry.amount > source.estimate:
            found.append(
                f"Kinh phí đã sử dụng từ nguồn «{source.name}» ({format_money(entry.amount)}) "
                f"lớn hơn dự toán của nguồn này ({format_money(source.estimate)}). {_CHECK}"
            )
    return found
