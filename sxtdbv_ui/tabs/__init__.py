"""The main window's tabs, one module per tab, in the order the window shows them.

A tab's module is imported when the tab is first built (`TabKind.build`), not with the
window: the window builds the tab it opens on before it shows, and the others in the idle
turns right after (`sxtdbv_ui.main_window`), which keeps their modules off the start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.workspace import Workspace

# Each builder imports its module itself, where PyInstaller's analysis sees the import.
# ruff: noqa: PLC0415


def _overview(session: Workspace) -> Tab:
    from sxtdbv_ui.tabs.overview import OverviewTab

    return OverviewTab(session)


def _tasks(session: Workspace) -> Tab:
    from sxtdbv_ui.tabs.tasks import TasksTab

    return TasksTab(session)


def _indicators(session: Workspace) -> Tab:
    from sxtdbv_ui.tabs.indicators import IndicatorsTab

    return IndicatorsTab(session)


def _budget(session: Workspace) -> Tab:
    from sxtdbv_ui.tabs.budget import BudgetTab

    return BudgetTab(session)


def _reports(session: Workspace) -> Tab:
    from sxtdbv_ui.tabs.reports import ReportsTab

    return ReportsTab(session)


def _agencies(session: Workspace) -> Tab:
    from sxtdbv_ui.tabs.agencies import AgenciesTab

    return AgenciesTab(session)


@dataclass(frozen=True)
class TabKind:
    """A tab as the window lists it: its title, and how to build it on a workspace."""

    title: str
    build: Callable[[Workspace], Tab]


TABS = (
    TabKind("Tổng quan", _overview),
    TabKind("Nhiệm vụ", _tasks),
    TabKind("Chỉ tiêu", _indicators),
    TabKind("Kinh phí", _budget),
    TabKind("Báo cáo đơn vị", _reports),
    TabKind("Cơ quan", _agencies),
)
