"""Trợ giúp → Hướng dẫn sử dụng (F1): the Vietnamese user guide, bundled with the program
(resources/help/huong-dan-su-dung.html and its pictures), shown in a window of its own that
works offline and fits the screen. The guide walks through the year: prepare the plan, send
the forms, receive, review, consolidate, print; then tables, data safety and keys.

`show_help(parent, topic)` opens it (at an anchor of the guide, e.g. "phim-tat"), or brings
the open one to the front.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_desktop.paths import resource_path
from sxtdbv_ui.screen_fit import fit_to_screen

TITLE = "Hướng dẫn sử dụng — SX&TDBV Desktop"
GUIDE = ("help", "huong-dan-su-dung.html")


def guide_path() -> str:
    return str(resource_path(*GUIDE))


class HelpWindow(QDialog):
    """The guide, with Mục lục (contents), back and forward, and the system's browser for
    printing it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(guide_path()))
        contents = QPushButton("&Mục lục")
        contents.clicked.connect(lambda: self.show_topic("muc-luc"))
        back = QPushButton("&Trở lại")
        back.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        outside = QPushButton("Mở bằng trình &duyệt (để in)")
        outside.clicked.connect(self.open_in_browser)
        close = QPushButton("Đó&ng")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (contents, back, outside):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.browser, 1)
        fit_to_screen(self, 1000, 900)

    def show_topic(self, anchor: str) -> None:
        """Scroll to a part of the guide ("nhan-bao-cao", "phim-tat"...)."""
        url = QUrl.fromLocalFile(guide_path())
        url.setFragment(anchor)
        self.browser.setSource(url)

    def open_in_browser(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(guide_path()))


_open: list[HelpWindow] = []


def show_help(parent: QWidget | None, topic: str = "") -> HelpWindow:
    """Open the guide (not modal: the clerk reads and works side by side), at `topic`."""
    window = next((w for w in _open if w.isVisible()), None)
    if window is None:
        window = HelpWindow(parent)
        _open[:] = [window]
    if topic:
        window.show_topic(topic)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
