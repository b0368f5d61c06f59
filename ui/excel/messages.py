"""The Excel flows' notices: thin names over `ui.msgbox` (one place builds every message box),
so the Excel tests can stand in for them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui import msgbox, texts


def show_error(parent: QWidget | None, text: str) -> None:
    msgbox.warn(parent, texts.APP_TITLE, text)


def show_info(parent: QWidget | None, text: str) -> None:
    msgbox.inform(parent, texts.APP_TITLE, text)
