"""The main window's tabs, one module per tab, in the order the window shows them."""

from __future__ import annotations

from sxtdbv_ui.tabs.agencies import AgenciesTab
from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.tabs.budget import BudgetTab
from sxtdbv_ui.tabs.indicators import IndicatorsTab
from sxtdbv_ui.tabs.overview import OverviewTab
from sxtdbv_ui.tabs.reports import ReportsTab
from sxtdbv_ui.tabs.tasks import TasksTab
from sxtdbv_ui.workspace import Workspace

TAB_CLASSES: tuple[type[Tab], ...] = (
    OverviewTab,
    TasksTab,
    IndicatorsTab,
    BudgetTab,
    ReportsTab,
    AgenciesTab,
)


def build_tabs(session: Workspace) -> list[Tab]:
    return [tab_class(session) for tab_class in TAB_CLASSES]
