"""The main window's tabs, one module per tab, in the order the window shows them."""

from __future__ import annotations

from ui.tabs.agencies import AgenciesTab
from ui.tabs.base import Tab
from ui.tabs.budget import BudgetTab
from ui.tabs.indicators import IndicatorsTab
from ui.tabs.overview import OverviewTab
from ui.tabs.reports import ReportsTab
from ui.tabs.tasks import TasksTab
from ui.workspace import Workspace

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
