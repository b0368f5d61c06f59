"""Message boxes in Vietnamese (Qt has no Vietnamese translation of its standard buttons).

The flows call these functions rather than QMessageBox directly, so tests can replace them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

TITLE = "SX&TDBV Desktop"


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    box = QMessageBox(icon, TITLE, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy
    return box


def show_error(parent: QWidget | None, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Warning, text)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, text)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
