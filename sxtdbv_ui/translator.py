"""Vietnamese for the few strings Qt's own widgets show (context menus, standard buttons).

Qt ships no Vietnamese `.qm` file; a translator that knows these strings keeps every word the
user sees in Vietnamese, whatever widget shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from sxtdbv_ui import texts

_EDITING = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "&Xóa",
    "Select All": "Chọn &tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
}

_BUTTONS = {
    "OK": texts.OK,
    "Cancel": texts.CANCEL,
    "Close": texts.CLOSE,
    "&Yes": f"&{texts.YES}",
    "&No": f"&{texts.NO}",
    "Yes to &All": "Có với &tất cả",
    "N&o to All": "Không với tất &cả",
    "Save": texts.SAVE,
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Help": "Trợ giúp",
    "Discard": "Bỏ thay đổi",
    "Don't Save": "Không lưu",
    "Close without Saving": "Đóng, không lưu",
    "Abort": "Dừng",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Restore Defaults": "Khôi phục mặc định",
}

_MESSAGE_BOX = {"Show Details...": "Xem chi tiết...", "Hide Details...": "Ẩn chi tiết..."}

# Qt draws its print preview itself on every system (Windows too): its window and toolbar.
_PRINT_PREVIEW = {
    "Print Preview": "Xem trước khi in",
    "Next page": "Trang sau",
    "Previous page": "Trang trước",
    "First page": "Trang đầu",
    "Last page": "Trang cuối",
    "Fit width": "Vừa chiều rộng",
    "Fit page": "Vừa trang",
    "Zoom in": "Phóng to",
    "Zoom out": "Thu nhỏ",
    "Portrait": "Khổ dọc",
    "Landscape": "Khổ ngang",
    "Show single page": "Từng trang",
    "Show facing pages": "Hai trang đối diện",
    "Show overview of all pages": "Tất cả các trang",
    "Print": "In",
    "Page setup": "Thiết lập trang",
    "Close": texts.CLOSE,
}

TRANSLATIONS: dict[str, dict[str, str]] = {
    "QLineEdit": _EDITING,
    "QWidgetTextControl": _EDITING,
    "QPlatformTheme": _BUTTONS,
    "QDialogButtonBox": _BUTTONS,
    "QMessageBox": {**_BUTTONS, **_MESSAGE_BOX},
    "QPrintPreviewDialog": _PRINT_PREVIEW,
    "QPrintPreview": _PRINT_PREVIEW,
}


def qt_word(source: str) -> str:
    """The Vietnamese of one of Qt's strings above, for a command of ours that does what Qt's
    does: the report preview's page buttons read as Qt's print preview's."""
    for table in TRANSLATIONS.values():
        if source in table:
            return table[source]
    raise KeyError(source)


class VietnameseTranslator(QTranslator):
    """Answers Qt's `tr()` calls for the strings above; everything else stays as it is."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return TRANSLATIONS.get(context, {}).get(source_text, source_text)

    def isEmpty(self) -> bool:
        return False
