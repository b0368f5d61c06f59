"""Telling the user why the file is read-only, and any warning about where it lives, in a
banner above the window's tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from sxtdbv_desktop.session import Session


def read_only_text(session: Session) -> str | None:
    """The full explanation for a read-only session, None when the file is writable."""
    if session.read_only_reason is None:
        return None
    return (
        f"Tệp dữ liệu đang mở chỉ để xem. {session.read_only_reason} Bạn vẫn xem, in và xuất "
        "được mọi thứ nhưng không lưu được thay đổi, để hai nơi không cùng ghi một tệp. Khi "
        "máy kia đóng chương trình, hãy mở lại tệp để sửa."
    )


def banner_lines(session: Session) -> list[str]:
    explanation = read_only_text(session)
    return [explanation, *session.warnings] if explanation else list(session.warnings)


class SessionBanner(QFrame):
    """A yellow strip with the read-only reason and the warnings; hidden when there are none."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionBanner")
        self.setStyleSheet(
            "#sessionBanner { background: #fff4c2; border: 1px solid #e0c060; }"
            " QLabel { color: #4a3b00; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        self.refresh(session)

    def refresh(self, session: Session) -> None:
        lines = banner_lines(session)
        self.label.setText("\n".join(lines))
        self.setVisible(bool(lines))
