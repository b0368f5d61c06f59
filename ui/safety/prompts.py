"""The safety dialogs' questions and notices: thin names over `ui.msgbox` (one place builds
every message box), so the safety tests can stand in for them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui import msgbox, texts

TITLE = texts.APP_TITLE
DATA_FILTER = "Tệp dữ liệu SX&TDBV (*.sqlite);;Mọi tệp (*)"
EXCEL_FILTER = "Bảng tính Excel (*.xlsx)"

save_file = msgbox.save_file
open_file = msgbox.open_file


def inform(parent: QWidget | None, text: str) -> None:
    msgbox.inform(parent, TITLE, text)


def warn(parent: QWidget | None, text: str) -> None:
    msgbox.warn(parent, TITLE, text)


def confirm(parent: QWidget | None, text: str, yes: str, no: str = "Hủy") -> bool:
    """Ask a yes/no question; the buttons say what they do. Declining is the default."""
    return msgbox.ask(parent, TITLE, text, yes=yes, no=no)
