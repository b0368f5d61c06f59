"""Choosing a backup to restore, and the offer made when a data file is damaged."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_desktop import backup, vnformat
from sxtdbv_desktop.errors import StorageError
from sxtdbv_ui import msgbox, operations, texts
from sxtdbv_ui.screen_fit import fit_to_screen

TITLE = texts.RESTORE
KINDS = {backup.AUTO: "sao lưu tự động", backup.BEFORE_RESTORE: "bản giữ lại trước khi khôi phục"}


def describe(item: backup.Backup) -> str:
    """ "05/01/2024 09:30 — sao lưu tự động — 372 KB"."""
    size = vnformat.format_number(max(1, round(item.size / 1024)))
    return f"{item.taken_at:%d/%m/%Y %H:%M} — {KINDS[item.kind]} — {size} KB"


class RestoreDialog(QDialog):
    """The backups beside the file, newest first, plus any other file the user picks."""

    def __init__(
        self,
        db_path: Path,
        intro: str,
        *,
        preselect: Path | None = None,
        cancel_text: str = texts.CANCEL,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.setWindowTitle("Khôi phục dữ liệu từ bản sao lưu")
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.backups = QListWidget()
        for found in backup.list_backups(db_path):
            self._add(describe(found), found.path)
        self.other_button = QPushButton("Chọn tệp sao lưu khác (USB, thư mục khác)...")
        self.other_button.clicked.connect(self._choose_other)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Khôi phục", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.backups.currentItemChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(QLabel("Các bản sao lưu (mới nhất ở trên):"))
        layout.addWidget(self.backups)
        layout.addWidget(self.other_button)
        layout.addWidget(buttons)
        fit_to_screen(self, 600, 420)
        self.select(preselect)
        self._update()

    def _add(self, text: str, path: Path) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        self.backups.addItem(item)
        return item

    def select(self, path: Path | None) -> None:
        for row in range(self.backups.count()):
            if path is not None and self.backups.item(row).data(Qt.ItemDataRole.UserRole) == str(
                path
            ):
                self.backups.setCurrentRow(row)

    def chosen(self) -> Path | None:
        item = self.backups.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _choose_other(self) -> None:
        path = msgbox.open_file(
            self, "Chọn tệp sao lưu", backup.backup_dir(self.db_path), msgbox.DATA_FILES
        )
        if path is not None:
            self.backups.setCurrentItem(self._add(f"{path.name} — {path.parent}", path))

    def _update(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)


def damaged_intro(db_path: Path, error: StorageError) -> str:
    good = backup.last_good_backup(db_path)
    if good is None:
        offer = (
            "Không tìm thấy bản sao lưu tự động còn tốt bên cạnh tệp. Nếu có bản sao lưu trên "
            "USB hoặc thư mục khác, hãy chọn tệp đó."
        )
    else:
        offer = (
            f"Có thể khôi phục từ bản sao lưu tự động gần nhất còn tốt, lúc "
            f"{good.taken_at:{vnformat.MOMENT}}. Những thay đổi sau thời điểm đó sẽ phải "
            "nhập lại."
        )
    return (
        f"{error.message}\n\n{offer}\n\nTệp hỏng không bị xóa: nó được giữ lại trong thư mục "
        f"{backup.backup_dir(db_path)} để kiểm tra sau."
    )


def offer_restore(db_path: Path, error: StorageError, parent: QWidget | None = None) -> bool:
    """Offer to replace a damaged (or foreign) data file by a backup; True once restored."""
    good = backup.last_good_backup(db_path)
    dialog = RestoreDialog(
        db_path,
        damaged_intro(db_path, error),
        preselect=good.path if good else None,
        cancel_text="Thoát",
        parent=parent,
    )
    return run_restore(dialog, parent, lambda chosen: backup.restore(db_path, chosen))


def run_restore(
    dialog: RestoreDialog,
    parent: QWidget | None,
    restore: Callable[[Path], Path | None],
    confirm: Callable[[Path], bool] = lambda chosen: True,
) -> bool:
    """Show `dialog` until a chosen backup is restored (True) or the user gives up (False).

    `restore` replaces the data with the chosen backup and returns the kept copy of what it
    replaced; a refusal is shown and the user may choose again.
    """
    while dialog.exec() == QDialog.DialogCode.Accepted:
        chosen = dialog.chosen()
        if chosen is None or not confirm(chosen):
            continue
        kept: list[Path | None] = []
        if operations.run(parent, TITLE, partial(restore, chosen), success=kept.append):
            msgbox.inform(parent, TITLE, restored_text(chosen, kept[0]))
            return True
    return False


def restored_text(source: Path, kept: Path | None) -> str:
    text = f"Đã khôi phục dữ liệu từ {source.name}."
    if kept is not None:
        text += f"\nDữ liệu bị thay được giữ lại tại {kept}."
    return text
