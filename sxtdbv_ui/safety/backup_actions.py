"""The Tệp menu's "Sao lưu..." and "Khôi phục...": file pickers, confirmation, messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QWidget

from sxtdbv_desktop.installation_files import mode_change
from sxtdbv_desktop.session import NO_RESTORE_READ_ONLY
from sxtdbv_desktop.session import Session as DataFile
from sxtdbv_ui import msgbox, operations, texts
from sxtdbv_ui.folders import in_documents
from sxtdbv_ui.safety.restore_dialog import RestoreDialog, run_restore

BACKUP_TITLE, RESTORE_TITLE = "Sao lưu dữ liệu", texts.RESTORE
RESTORE_INTRO = (
    "Khôi phục thay toàn bộ dữ liệu đang dùng bằng bản sao lưu được chọn. Dữ liệu đang dùng "
    "không mất: nó được giữ lại trong thư mục sao lưu trước khi bị thay."
)


def suggested_backup_name(today: dt.date | None = None) -> str:
    return f"sxtdbv-sao-luu-{(today or dt.date.today()):%Y-%m-%d}.sqlite"


def backup_now(data_file: DataFile, parent: QWidget | None = None) -> Path | None:
    """Ask where, then save a checked copy of the data there; the saved file, or None."""
    dest = msgbox.save_file(
        parent,
        "Sao lưu dữ liệu vào tệp",
        in_documents(suggested_backup_name()),
        msgbox.DATA_FILES,
    )
    if dest is None or not operations.run(parent, BACKUP_TITLE, lambda: data_file.backup_to(dest)):
        return None
    msgbox.inform(parent, BACKUP_TITLE, f"Đã sao lưu dữ liệu vào {dest}.")
    return dest


def restore_backup(data_file: DataFile, parent: QWidget | None = None) -> bool:
    """Choose a backup, confirm, restore. True when the data was replaced: the window must
    then reload everything from `data_file.db` (a new connection)."""
    if data_file.read_only:
        msgbox.warn(
            parent,
            RESTORE_TITLE,
            f"{NO_RESTORE_READ_ONLY}\n{data_file.read_only_reason}",
        )
        return False

    def confirm(chosen: Path) -> bool:
        change = mode_change(data_file.path, chosen)  # another installation's data: say so
        warning = f"\n\nLưu ý: {change}" if change else ""
        return msgbox.ask(
            parent,
            RESTORE_TITLE,
            f"Thay dữ liệu đang dùng bằng bản sao lưu {chosen.name}?\nNhững thay đổi sau thời "
            "điểm sao lưu sẽ không còn trong tệp đang dùng (bản hiện tại vẫn được giữ lại)."
            + warning,
            yes="Khôi phục",
            no=texts.CANCEL,
        )

    def restore(chosen: Path) -> Path | None:  # asked and confirmed above
        return data_file.restore(chosen, allow_mode_change=True)

    dialog = RestoreDialog(data_file.path, RESTORE_INTRO, parent=parent)
    return run_restore(dialog, parent, restore, confirm)
