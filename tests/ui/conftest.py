"""Fixtures for the window's tests: a real database with the default plan, a session on it
with a fixed "today", real widgets under pytest-qt, and message boxes answered by the test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from ui import msgbox
from ui.app import application
from ui.main_window import MainWindow
from ui.session import Session

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


@pytest.fixture
def session(db: Database, plan_id: int, qapp: QApplication) -> Session:
    opened = Session(db, plan_id)
    opened.today = lambda: TODAY
    return opened


@pytest.fixture
def window(session: Session, qtbot: QtBot) -> MainWindow:
    shown = MainWindow(session)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@dataclass
class Answers:
    """What the user answers to the message boxes, and what they were asked or told."""

    yes: bool = True
    text: str | None = "Thiếu số liệu chỉ tiêu 5."
    asked: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()

    def ask(
        parent: QWidget | None, title: str, text: str, yes: str = "Có", no: str = "Không"
    ) -> bool:
        given.asked.append(text)
        return given.yes

    def ask_text(
        parent: QWidget | None, title: str, label: str, multiline: bool = True
    ) -> str | None:
        given.asked.append(label)
        return given.text

    monkeypatch.setattr(msgbox, "ask", ask)
    monkeypatch.setattr(msgbox, "ask_text", ask_text)
    monkeypatch.setattr(msgbox, "warn", lambda p, t, text: given.warnings.append(text))
    monkeypatch.setattr(msgbox, "inform", lambda p, t, text: given.notices.append(text))
    return given
