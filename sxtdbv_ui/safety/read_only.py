"""Telling the user why the file is read-only (the window shows it in its banner)."""

from __future__ import annotations

from sxtdbv_desktop.session import Session as DataFile


def read_only_text(data_file: DataFile) -> str | None:
    """The full explanation for a read-only data file, None when the file is writable."""
    if data_file.read_only_reason is None:
        return None
    if data_file.read_only_by_disk:  # nobody else writes: the disk or the file forbids it
        return (
            f"Tệp dữ liệu đang mở chỉ để xem. {data_file.read_only_reason} Bạn vẫn xem, in và "
            "xuất được mọi thứ."
        )
    return (
        f"Tệp dữ liệu đang mở chỉ để xem. {data_file.read_only_reason} Bạn vẫn xem, in và xuất "
        "được mọi thứ nhưng không lưu được thay đổi, để hai nơi không cùng ghi một tệp. Khi "
        "máy kia đóng chương trình, hãy mở lại tệp để sửa."
    )
