"""Vietnamese habits in the tables: alphabetical order as Vietnamese has it, search that knows
the plan's spellings, highlights what it found, says when nothing matched and clears on Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop.agencies import add_agency
from sxtdbv_ui.collation import sorted_texts
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tables.highlight import MATCH_BACKGROUND, HighlightDelegate, match_ranges
from sxtdbv_ui.tabs.agencies import AgenciesTab
from sxtdbv_ui.tabs.tasks import TasksTab
from tests.ui.helpers import shown_texts


def test_vietnamese_order_puts_d_before_dj_and_a_before_aw_and_aa() -> None:
    assert sorted_texts(["Đồng", "Dương", "Ân", "An", "Ăn", "Bình", "Ấp"]) == [
        "An", "Ăn", "Ân", "Ấp", "Bình", "Dương", "Đồng"
    ]  # fmt: skip
    assert sorted_texts(["III.1.10", "III.1.9", "iii.1.2"]) == ["iii.1.2", "III.1.9", "III.1.10"]


def test_sorting_a_table_by_name_follows_vietnamese_order(
    window: MainWindow, db: Database, plan_id: int
) -> None:
    for code, name in (("X1", "Đồng Xuân"), ("X2", "Dương Minh"), ("X3", "Ăn Uống"),
                       ("X4", "An Bình"), ("X5", "Ân Hòa")):  # fmt: skip
        add_agency(db, plan_id, code, name, "association")
    window.reload()
    tab = next(t for t in window.tab_pages if isinstance(t, AgenciesTab))
    window.tabs.setCurrentWidget(tab)
    column = [c.header for c in tab.model.columns].index("Tên cơ quan")
    tab.panel.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    names = [n for n in shown_texts(tab.panel, "Tên cơ quan") if n.split()[0] in
             ("Đồng", "Dương", "Ăn", "An", "Ân")]  # fmt: skip
    assert [n.split(" (")[0] for n in names] == [
        "An Bình", "Ăn Uống", "Ân Hòa", "Dương Minh", "Đồng Xuân"
    ]  # fmt: skip


def tasks(window: MainWindow) -> TasksTab:
    tab = next(t for t in window.tab_pages if isinstance(t, TasksTab))
    window.tabs.setCurrentWidget(tab)
    return tab


@pytest.mark.parametrize("typed", ["tui nilon", "túi nylon", "TUI NI LONG"])
def test_plastic_bags_are_found_as_clerks_spell_them(window: MainWindow, typed: str) -> None:
    tab = tasks(window)
    tab.panel.search.setText(typed)
    found = shown_texts(tab.panel, "Nội dung nhiệm vụ")
    assert found and all("túi ni-lông" in text for text in found)


def test_matches_are_highlighted_while_searching(window: MainWindow, qtbot: QtBot) -> None:
    tab = tasks(window)
    view = tab.panel.view
    assert not isinstance(view.itemDelegate(), HighlightDelegate)
    tab.panel.search.setText("nilon")
    assert isinstance(view.itemDelegate(), HighlightDelegate)
    view.scrollToTop()
    QApplication.processEvents()
    assert _has_colour(view.viewport().grab().toImage(), MATCH_BACKGROUND)
    tab.panel.search.clear()
    assert not isinstance(view.itemDelegate(), HighlightDelegate)
    assert match_ranges("Thay túi ni-lông, túi nylon", ["tui", "nilon"]) == [
        (5, 3), (9, 7), (18, 3), (22, 5)
    ]  # fmt: skip


def _has_colour(image: object, colour: QColor) -> bool:
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    return any(
        image.pixelColor(x, y) == colour
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def test_nothing_found_is_said_and_esc_clears_the_search(window: MainWindow, qtbot: QtBot) -> None:
    tab = tasks(window)
    panel = tab.panel
    panel.search.setFocus()
    panel.search.setText("xe điện mặt trời")
    assert panel.proxy.rowCount() == 0
    assert panel.no_match_label.isVisible()
    assert panel.no_match_label.text() == (
        "Không tìm thấy dòng nào có «xe điện mặt trời». Bấm Esc để xóa ô tìm kiếm."
    )
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == "" and not panel.no_match_label.isVisible()
    assert panel.proxy.rowCount() == panel.model.rowCount() > 0
    panel.search.setText("hội nghị")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)  # in the table too
    assert panel.search.text() == ""


def test_a_filter_with_no_rows_says_so(window: MainWindow) -> None:
    tab = tasks(window)
    tab.group_filter.setCurrentIndex(tab.group_filter.findText("Chưa phân công chủ trì"))
    assert tab.panel.proxy.rowCount() == 0
    assert tab.panel.no_match_label.text() == "Không tìm thấy dòng nào theo điều kiện đã chọn."
