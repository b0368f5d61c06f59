"""The program's own icon on every window (and so on its Windows taskbar button)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from ui.app import application
from ui.main_window import MainWindow


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
