"""Fixtures for the window's tests: a real database with the default plan, a session on it
with a fixed "today", real widgets under pytest-qt (prompts: the `prompts` fixture)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_ui.app import application
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.workspace import Workspace
from tests.ui.data_files import data_file_on

TODAY = dt.date(2023, 12, 1)
"""Nine days before the default plan's deadline (10/12/2023)."""


@pytest.fixture(autouse=True)
def _isolated_settings(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """QSettings of each test live in its own folder, never in the user's."""
    application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qt"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: fail instead (a test that expects one
    replaces `exec` of that dialog's class, or answers through the `prompts` fixture)."""

    def refuse(dialog: QDialog) -> int:
        pytest.fail(f"unexpected modal dialog: {dialog.windowTitle()}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def session(db: Database, plan_id: int, qapp: QApplication) -> Workspace:
    opened = Workspace(db, plan_id)
    opened.today = lambda: TODAY
    return opened


@pytest.fixture
def window(session: Workspace, qtbot: QtBot) -> MainWindow:
    shown = MainWindow(session)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def data_file(db_path: Path) -> Iterator[DataFile]:
    """The default plan's data file, installed at the Sở."""
    with data_file_on(db_path) as opened:
        yield opened
