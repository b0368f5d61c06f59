"""Trợ giúp → Hướng dẫn sử dụng (F1): the Vietnamese guide bundled with the program, offline,
walking through the year, with its pictures; opened from the menu, F1, and at a topic."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sxtdbv_desktop.paths import resource_path
from sxtdbv_ui.help_window import GUIDE, HelpWindow
from sxtdbv_ui.main_window import MainWindow

GUIDE_FILE = resource_path(*GUIDE)


def guide_text() -> str:
    return GUIDE_FILE.read_text(encoding="utf-8")


def test_the_guide_walks_through_the_year_in_vietnamese() -> None:
    text = guide_text()
    steps = ["Chuẩn bị kế hoạch", "Gửi biểu mẫu", "Nhận báo cáo", "Xem xét",
             "Theo dõi kết quả tổng hợp", "in và lưu báo cáo tổng hợp"]  # fmt: skip
    positions = [text.find(step) for step in steps]
    assert all(p > 0 for p in positions) and positions == sorted(positions)
    assert 'lang="vi"' in text and "Phím tắt" in text


def test_the_guide_is_whole_and_offline() -> None:
    text = guide_text()
    pictures = re.findall(r'<img src="([^"]+)"', text)
    assert len(pictures) >= 8
    missing = [p for p in pictures if not (GUIDE_FILE.parent / p).is_file()]
    assert missing == []
    anchors = set(re.findall(r'<a name="([^"]+)"', text))
    links = set(re.findall(r'href="#([^"]+)"', text))
    assert links <= anchors, links - anchors
    assert not re.search(r'(src|href)="https?:', text)  # nothing from the network


def test_f1_and_the_help_menu_open_the_guide(window: MainWindow, qtbot: QtBot) -> None:
    titles = [a.text() for a in window.menu("help").actions() if a.text()]
    assert titles == ["&Hướng dẫn sử dụng", "&Phím tắt", "&Giới thiệu SX&&TDBV Desktop"]
    assert window.help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = _shown_guide()
    qtbot.addWidget(guide)
    assert Path(guide.browser.source().toLocalFile()) == GUIDE_FILE
    assert "Hướng dẫn sử dụng SX&TDBV Desktop" in guide.browser.toPlainText()
    window.keys_action.trigger()
    assert _shown_guide() is guide  # one guide window, brought to the front
    assert guide.browser.source().fragment() == "phim-tat"


def _shown_guide() -> HelpWindow:
    shown = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow) and w.isVisible()
    ]
    assert len(shown) == 1
    return shown[0]
