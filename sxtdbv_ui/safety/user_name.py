"""Changing the name recorded with every change (a new clerk takes over the PC)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sxtdbv_desktop import installation
from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_ui import msgbox, operations, texts

TITLE = "Người sử dụng"
LABEL = "Họ và tên người sử dụng (được ghi vào nhật ký cùng mỗi thay đổi):"


def change_user_name(data_file: DataFile, parent: QWidget | None = None) -> bool:
    """Ask for the new name and record it; True when it changed."""
    current = installation.load(data_file.db).user_name
    typed = msgbox.ask_text(parent, TITLE, LABEL, multiline=False, text=current, ok=texts.SAVE)
    if typed is None:
        return False
    if not operations.run(parent, TITLE, lambda: installation.set_user_name(data_file.db, typed)):
        return False
    return installation.load(data_file.db).user_name != current
