"""Starting the window: the program's own icon on every window (and so on its Windows taskbar
button), and the installer's mutex held before the data file is opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication

from sxtdbv_desktop import app_mutex
from sxtdbv_ui import app, texts
from sxtdbv_ui.app import application
from sxtdbv_ui.main_window import MainWindow
from sxtdbv_ui.safety import startup
from sxtdbv_ui.translator import VietnameseTranslator


def test_the_application_and_its_windows_carry_the_program_icon(
    qapp: QApplication, window: MainWindow
) -> None:
    icon = application().windowIcon()
    assert not icon.isNull()
    for size in (16, 32, 256):  # title bar, taskbar, Alt+Tab
        assert not icon.pixmap(QSize(size, size)).isNull()
    image = icon.pixmap(QSize(32, 32)).toImage()
    assert image.pixelColor(4, 16).green() > image.pixelColor(4, 16).red()  # the green tile
    assert not window.windowIcon().isNull()


def test_the_window_holds_the_installers_mutex_before_opening_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: QApplication
) -> None:
    steps: list[str] = []
    monkeypatch.setattr(startup, "install_error_handling", lambda: None)
    monkeypatch.setattr(app_mutex, "hold", lambda: steps.append("mutex"))
    monkeypatch.setattr(startup, "open_for_window", lambda path: steps.append("open"))
    assert app.run(tmp_path / "sxtdbv.sqlite") == 1  # "open" gave up: the program quits
    assert steps == ["mutex", "open"]


def test_the_vietnamese_translator_is_installed_once(qapp: QApplication) -> None:
    application()
    application()  # the tests, and the self-test, call it again
    installed = qapp.findChildren(VietnameseTranslator)
    assert len(installed) == 1
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == texts.CANCEL
