"""What an agency's report still lacks: "còn thiếu N mục", item by item.

A report is expected to give a status for every task the agency leads or coordinates, every
input of every indicator it reports, and its spending by funding source (blank sources count as
nothing spent once any source is given; all blank is a missing item). Progress, results, notes
and the three texts are optional. A report with missing items is still received and counted;
what is missing is no data, and the Sở may return it for correction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from sxtdbv_desktop import reports as report_store
from sxtdbv_desktop.indicators import Indicator, list_indicators, reporters_by_indicator
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.report_inputs import input_label, missing_inputs
from sxtdbv_desktop.reports import Report, ReportContent
from sxtdbv_desktop.tasks import tasks_of_agency


@dataclass(frozen=True)
class MissingItem:
    where: str  # "Nhiệm vụ III.1.2", "Chỉ tiêu 2a", "Kinh phí"
    what: str  # "trạng thái", the input's label, "kinh phí đã sử dụng theo nguồn"

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def missing_items(
    db: Database, plan_id: int, agency_id: int, content: ReportContent
) -> list[MissingItem]:
    """What `content` lacks of what `agency_id` must report for the plan, in form order."""
    items: list[MissingItem] = []
    numbers = task_references(db, plan_id)
    statuses = {r.task_id: r.status for r in content.task_results}
    for task in tasks_of_agency(db, plan_id, agency_id):
        if statuses.get(task.id) is None:
            items.append(MissingItem(f"Nhiệm vụ {numbers[task.id]}", "trạng thái"))
    values = {v.indicator_id: v for v in content.indicator_values}
    for indicator in expected_indicators(db, plan_id, agency_id):
        for name in missing_inputs(indicator.kind, values.get(indicator.id)):
            label = input_label(indicator, name).rstrip("?")
            items.append(MissingItem(f"Chỉ tiêu {indicator.code}", label[:1].lower() + label[1:]))
    if not content.spending:
        items.append(
            MissingItem("Kinh phí", "kinh phí đã sử dụng theo nguồn (ghi 0 nếu không sử dụng)")
        )
    return items


def report_missing_items(db: Database, report: Report) -> list[MissingItem]:
    """What a stored report lacks."""
    content = ReportContent(
        task_results=[
            report_store.TaskResultInput(r.task_id, r.status)
            for r in report_store.task_results(db, report.id)
        ],
        indicator_values=report_store.indicator_values(db, report.id),
        spending=report_store.source_spending(db, report.id),
    )
    return missing_items(db, report.plan_id, report.agency_id, content)


def expected_indicators(db: Database, plan_id: int, agency_id: int) -> list[Indicator]:
    """The indicators `agency_id` reports, in the plan's order."""
    reporters = reporters_by_indicator(db, plan_id)
    return [
        indicator
        for indicator in list_indicators(db, plan_id)
        if any(r.agency_id == agency_id for r in reporters.get(indicator.id, []))
    ]


def summary_text(items: list[MissingItem]) -> str:
    """ "Đủ các mục" or "Còn thiếu 3 mục: …"."""
    if not items:
        return "Đủ các mục"
    return f"Còn thiếu {len(items)} mục: " + "; ".join(str(i) for i in items)
