"""Every model of the window passes Qt's model tester (QAbstractItemModelTester), loaded with
data, through its search proxy, and while it is refreshed, sorted and filtered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.agencies import update_agency
from sxtdbv_desktop.budget import add_line, list_sources
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.reports import TaskResultInput, get_report
from sxtdbv_desktop.tasks import tasks_of_agency
from sxtdbv_ui.models.agencies import AgencyModel
from sxtdbv_ui.models.agency_roles import AgencyRoleModel
from sxtdbv_ui.models.base import RowTableModel
from sxtdbv_ui.models.budget import BudgetLineModel, SourceModel
from sxtdbv_ui.models.contributions import ContributionModel
from sxtdbv_ui.models.indicators import IndicatorModel
from sxtdbv_ui.models.report_indicators import ReportIndicatorModel
from sxtdbv_ui.models.report_ref import ReportRef
from sxtdbv_ui.models.report_spending import ReportSpendingModel
from sxtdbv_ui.models.report_tasks import ReportTaskModel
from sxtdbv_ui.models.reports import ReportStatusModel
from sxtdbv_ui.models.search_proxy import SearchProxy
from sxtdbv_ui.models.tasks import TaskModel
from sxtdbv_ui.workspace import Workspace
from tests.factories import agency_id, file_report


@pytest.fixture
def report_id(db: Database, plan_id: int) -> int:
    """A filed report of Sở Công Thương with a task result and a budget line beside it."""
    report = file_report(db, plan_id, "SoCT", values={"6": {"answer": 1}})
    task = tasks_of_agency(db, plan_id, agency_id(db, plan_id, "SoCT"))[0]
    reports.set_task_result(db, report.id, TaskResultInput(task.id, "done", 100, "Xong.", 5000))
    add_line(db, plan_id, list_sources(db, plan_id)[0].id, task_id=task.id, allocated=10_000)
    return report.id


def contributions(session: Workspace) -> ContributionModel:
    model = ContributionModel(session)
    six = next(i for i in list_indicators(session.db, session.plan_id) if i.code == "6")
    model.indicator_id = six.id
    return model


MODELS: dict[str, Callable[[Workspace, int], RowTableModel[Any]]] = {
    "agencies": lambda s, r: AgencyModel(s),
    "agency roles": lambda s, r: AgencyRoleModel(s, {"lead": "Chủ trì"}, {}),
    "tasks": lambda s, r: TaskModel(s),
    "indicators": lambda s, r: IndicatorModel(s),
    "overview indicators": lambda s, r: IndicatorModel(s, compact=True),
    "contributions": lambda s, r: contributions(s),
    "sources": lambda s, r: SourceModel(s),
    "budget lines": lambda s, r: BudgetLineModel(s),
    "report statuses": lambda s, r: ReportStatusModel(s),
    "report tasks": lambda s, r: ReportTaskModel(s, _ref(s, r)),
    "report indicators": lambda s, r: ReportIndicatorModel(s, _ref(s, r)),
    "report spending": lambda s, r: ReportSpendingModel(s, _ref(s, r)),
}


def _ref(session: Workspace, report_id: int) -> ReportRef:
    return ReportRef.of(session, get_report(session.db, report_id))


@pytest.mark.parametrize("name", MODELS)
def test_the_model_passes_the_model_tester(
    name: str, session: Workspace, report_id: int, qtmodeltester: Any
) -> None:
    model = MODELS[name](session, report_id)
    model.load()
    assert model.rowCount() > 0, name
    qtmodeltester.check(model)  # Qt's own QAbstractItemModelTester; a warning fails the test
    proxy = SearchProxy(model)
    proxy_tester = QAbstractItemModelTester(
        proxy, QAbstractItemModelTester.FailureReportingMode.Warning
    )
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    proxy.set_search("so")
    model.refresh()
    proxy.sort(-1)
    model.load()
    assert proxy_tester.model() is proxy


def test_a_refresh_repaints_only_the_changed_row(
    session: Workspace, db: Database, plan_id: int, qtmodeltester: Any
) -> None:
    model = AgencyModel(session)
    model.load()
    qtmodeltester.check(model)
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.modelReset.connect(lambda: resets.append(True))
    update_agency(db, agency_id(db, plan_id, "SoTC"), short_name="STC")
    model.refresh()
    assert changed == [(4, 4)] and resets == []


def test_sorting_keeps_the_selected_row(session: Workspace, db: Database, plan_id: int) -> None:
    model = ReportStatusModel(session)
    model.load()
    proxy = SearchProxy(model)
    period = main_period(db, plan_id).id
    reports.submit(db, reports.ensure_report(db, period, agency_id(db, plan_id, "HLapVo")).id,
                   dt.date(2023, 12, 1))  # fmt: skip
    model.refresh()
    kept = QPersistentModelIndex(proxy.index(21, 0))
    assert kept.data() == "UBND huyện Lấp Vò"
    proxy.sort(3, Qt.SortOrder.AscendingOrder)  # by status: "Chưa có báo cáo" < "Đã nộp"
    assert kept.data() == "UBND huyện Lấp Vò"
    assert kept.row() == 23
