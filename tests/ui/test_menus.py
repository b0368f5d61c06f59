"""Menus a keyboard user can drive: within each menu every item has its own mnemonic (an ASCII
letter, so that Alt+letter works on any keyboard); "&" in names shows as written; the toolbar
keeps its buttons in place whatever the tab or the last edit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QTextDocument, QUndoCommand
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import installation, plans
from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_ui import commands
from sxtdbv_ui.app import build_window
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.tables.view import DataTable
from sxtdbv_ui.tabs.overview import OverviewTab
from tests.ui.data_files import data_file_on

MNEMONIC = re.compile(r"(?<!&)&([^&])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.findall(text.replace("&&", ""))
    assert len(found) <= 1, f"two mnemonics in {text!r}"
    return found[0].lower() if found else None


def check_menu(title: str, actions: list[QAction]) -> None:
    items = [a for a in actions if not a.isSeparator() and a.text()]
    letters = [mnemonic(a.text()) for a in items]
    missing = [a.text() for a, letter in zip(items, letters, strict=True) if letter is None]
    assert missing == [], f"{title}: no mnemonic in {missing}"
    assert all(letter.isascii() and letter.isalnum() for letter in letters if letter), letters
    assert len(set(letters)) == len(letters), f"{title}: {[a.text() for a in items]}"
    for action in items:
        submenu = action.menu()
        if submenu is not None:
            assert isinstance(submenu, QMenu)
            check_menu(action.text(), submenu.actions())


@pytest.fixture(params=[installation.CONSOLIDATING, installation.AGENCY])
def installed(request: pytest.FixtureRequest, db_path: Path) -> Iterator[DataFile]:
    agency = "HLapVo" if request.param == installation.AGENCY else None
    with data_file_on(db_path, request.param, agency=agency) as opened:
        yield opened


def test_mnemonics_are_unique_within_each_menu(installed: DataFile, qtbot: QtBot) -> None:
    window = build_window(installed)
    qtbot.addWidget(window)
    commands.install(window, installed)
    bar = window.menuBar().actions()
    check_menu("thanh menu", bar)
    for tab in range(window.tabs.count()):  # the Thêm/Xóa items follow the tab
        window.tabs.setCurrentIndex(tab)
        for entry in bar:
            menu = entry.menu()
            assert isinstance(menu, QMenu)
            check_menu(entry.text(), menu.actions())


def test_the_tables_menu_has_unique_mnemonics(window: MainWindow) -> None:
    table = window.tab(1).findChild(DataTable)  # Nhiệm vụ, the first tab with a table
    assert table is not None
    check_menu("bảng", [a for a in table.menu_actions if a is not None])


def test_an_ampersand_in_a_name_shows_as_written_in_the_undo_item(window: MainWindow) -> None:
    window.session.undo_stack.push(QUndoCommand("Sửa báo cáo của Sở KH&CN"))
    assert window.undo_action.text() == "&Hoàn tác: Sửa báo cáo của Sở KH&&CN"  # shows "KH&CN"
    assert mnemonic(window.undo_action.text()) == "h"
    assert window.undo_action.toolTip() == "Hoàn tác: Sửa báo cáo của Sở KH&CN (Ctrl+Z)"


def test_names_with_ampersands_and_brackets_read_as_written_in_the_overview(
    window: MainWindow, db: Database, plan_id: int
) -> None:
    plans.update_plan(db, plan_id, title="Thực hiện Chương trình SX&TDBV <năm 2023>")
    window.reload()
    tab = next(t for t in window.tab_pages if isinstance(t, OverviewTab))
    window.tabs.setCurrentWidget(tab)
    document = QTextDocument()
    document.setHtml(tab.heading.text())
    assert "Chương trình SX&TDBV <năm 2023>" in document.toPlainText()


def test_the_toolbar_keeps_its_buttons_in_place(window: MainWindow, qtbot: QtBot) -> None:
    def places() -> list[tuple[str, int, int]]:
        bar = window.toolbar
        return [
            (a.iconText(), bar.widgetForAction(a).x(), bar.widgetForAction(a).width())
            for a in bar.actions()
            if bar.widgetForAction(a) is not None and a.iconText()
        ]

    before = places()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert places() == before, window.tabs.tabText(index)
    window.session.undo_stack.push(QUndoCommand("Sửa ngày nhận, văn bản báo cáo của " * 3))
    assert places() == before
    assert window.undo_action.iconText() == "Hoàn tác"
