"""Changing the name recorded with every change (a new clerk takes over the PC)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from sxtdbv_desktop import installation
from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.session import Session
from ui.safety import prompts


def name_dialog(current: str, parent: QWidget | None = None) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Người sử dụng")
    dialog.setLabelText("Họ và tên người sử dụng (được ghi vào nhật ký cùng mỗi thay đổi):")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(current)
    dialog.setOkButtonText("Lưu")
    dialog.setCancelButtonText("Hủy")
    return dialog


def change_user_name(session: Session, parent: QWidget | None = None) -> bool:
    """Ask for the new name and record it; True when it changed."""
    current = installation.load(session.db).user_name
    dialog = name_dialog(current, parent)
    if not dialog.exec():
        return False
    try:
        installation.set_user_name(session.db, dialog.textValue())
    except SxtdbvError as error:
        prompts.warn(parent, error.message)
        return False
    return installation.load(session.db).user_name != current
