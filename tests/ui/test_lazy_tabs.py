"""The window builds only the tab it opens on before it shows; the others are built one per
idle turn once it is on the screen, or at once when something asks for them (a click, a
command, `tab_pages`), and are then the same tabs as if built at the start."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sxtdbv_desktop import plans
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tabs import TABS
from sxtdbv_ui.tabs.base import Tab
from sxtdbv_ui.tabs.budget import BudgetTab
from sxtdbv_ui.tabs.indicators import IndicatorsTab
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.workspace import Workspace


def read(window: MainWindow) -> list[bool]:
    """Which tabs have read their data (an empty page has not)."""
    return [isinstance(page := window.tabs.widget(i), Tab) and page.is_read
            for i in range(window.tabs.count())]  # fmt: skip


TITLES = ["Tổng quan", "Nhiệm vụ", "Chỉ tiêu", "Kinh phí", "Báo cáo đơn vị", "Cơ quan"]


def built(window: MainWindow) -> list[bool]:
    return [isinstance(window.tabs.widget(i), Tab) for i in range(window.tabs.count())]


def test_only_the_tab_it_opens_on_is_built_before_it_shows(
    session: Workspace, qtbot: QtBot
) -> None:
    window = MainWindow(session, first_tab=3)
    qtbot.addWidget(window)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TITLES
    assert [kind.title for kind in TABS] == TITLES
    assert built(window) == [False, False, False, True, False, False]
    assert window.tabs.currentIndex() == 3 and window.current_tab() is window.tabs.widget(3)


def test_an_unknown_remembered_tab_opens_the_first(session: Workspace, qtbot: QtBot) -> None:
    window = MainWindow(session, first_tab=17)
    qtbot.addWidget(window)
    assert window.tabs.currentIndex() == 0 and built(window)[0]


def test_the_others_are_built_in_the_idle_turns_once_the_window_shows(
    session: Workspace, qtbot: QtBot
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: all(built(window)))
    assert window.tabs.currentIndex() == 0  # the tab the user looks at stays
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TITLES
    assert window.tab_pages == [window.tabs.widget(i) for i in range(len(TITLES))]


def test_a_tab_not_built_yet_is_built_and_read_when_switched_to(
    session: Workspace, qtbot: QtBot
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(2)
    tab = window.current_tab()
    assert isinstance(tab, IndicatorsTab) and window.tabs.currentWidget() is tab
    assert any(panel.model.rowCount() for panel in tab.findChildren(TablePanel))
    assert window.add_item_action.toolTip().startswith(tab.add_text)
    window.search_action.trigger()  # Ctrl+F reaches the tab just built
    assert built(window) == [True, False, True, False, False, False]


def test_the_turn_after_the_user_switches_tab_builds_nothing_else(
    session: Workspace, qtbot: QtBot
) -> None:
    """The tab switched to is drawn before the next one is built; the building goes on."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: built(window)[1])  # one idle turn each: Nhiệm vụ comes first
    window.tabs.setCurrentIndex(5)
    before = built(window)
    assert before[5] and not all(before)
    QApplication.processEvents()
    assert built(window) == before
    qtbot.waitUntil(lambda: all(built(window)))
    assert window.tabs.currentIndex() == 5


def test_a_tab_built_while_the_file_is_read_only_starts_read_only(
    session: Workspace, qtbot: QtBot
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.set_read_only("Tệp dữ liệu đang được sao lưu.")
    budget = window.tab(3)
    assert isinstance(budget, BudgetTab) and budget.edit_buttons
    assert not any(button.isEnabled() for button in budget.edit_buttons)
    window.set_read_only(None)
    assert all(button.isEnabled() for button in budget.edit_buttons)


def test_a_closed_window_builds_nothing_more(session: Workspace, qtbot: QtBot) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.close()
    before = built(window)
    assert not all(before)  # one tab per idle turn: not all of them yet
    qtbot.wait(50)
    assert built(window) == before


def test_once_built_the_tabs_read_their_data_in_the_idle_turns(
    session: Workspace, qtbot: QtBot
) -> None:
    """So that a tab opens at once when first clicked: its rows are already there."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert read(window) == [True, False, False, False, False, False]  # the first alone...
    window.show()
    qtbot.waitUntil(lambda: window.prepared)  # ...then every tab, one per idle turn
    assert read(window) == [True] * 6
    assert window.tabs.currentIndex() == 0
    tables = [panel.model for tab in window.tab_pages for panel in tab.findChildren(TablePanel)]
    assert tables and all(model.search_ready for model in tables)  # the first search is quick
    tasks = window.tab(1).findChildren(TablePanel)[0]
    rows = tasks.model.rowCount()
    assert rows > 0
    window.tabs.setCurrentIndex(1)  # shown as read: no second reading
    assert tasks.model.rowCount() == rows
    tasks.search.setText("tui ni long")  # and searched with the keys made in the idle turns
    assert 0 < tasks.proxy.rowCount() < rows


def test_the_tabs_read_again_in_the_idle_turns_after_the_plan_changes(
    session: Workspace, qtbot: QtBot
) -> None:
    copy = plans.copy_plan(session.db, session.plan_id, 2024)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.prepared)
    session.set_plan(copy)
    assert read(window) == [True, False, False, False, False, False]
    qtbot.waitUntil(lambda: window.prepared)
    budget = window.tab(3).findChildren(TablePanel)
    assert all(panel.model.session.plan_id == copy for panel in budget)


def test_a_closed_window_reads_nothing_more(session: Workspace, qtbot: QtBot) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: all(built(window)))
    window.close()
    before = read(window)
    assert not all(before)
    qtbot.wait(50)
    assert read(window) == before
