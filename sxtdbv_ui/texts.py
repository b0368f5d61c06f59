"""Words that are purely the window's: its title, menus, buttons, and the titles and field
labels several dialogs share.

Everything the window, the forms, the exports, the command line and the report all say is in
the core: labels of codes and the names of the plan's parts and fields (sxtdbv_desktop.labels),
column headings (sxtdbv_desktop.headings), result phrases (sxtdbv_desktop.result_words),
refusals (sxtdbv_desktop.rule_words). Qt ships no Vietnamese translation, so the texts of
standard buttons are here too; sxtdbv_ui.translator gives them to Qt's own dialogs.
"""

from __future__ import annotations

APP_TITLE = "SX&TDBV Desktop"
ORGANIZATION = "SoCongThuong"
APPLICATION = "SXTDBV Desktop"

YES, NO, OK, CANCEL, CLOSE, SAVE = "Có", "Không", "Đồng ý", "Hủy", "Đóng", "Lưu"

MENU_FILE, MENU_EDIT, MENU_REPORT, MENU_HELP = "&Tệp", "&Chỉnh sửa", "&Báo cáo", "T&rợ giúp"

NOT_SAVED = "Không lưu"
SAVED = "Đã lưu"
READ_ONLY = "Chỉ xem"
NOT_UNDOABLE = "Thao tác này không hoàn tác được."
NONE_CHOICE = "— Không chọn —"

BUDGET_LINES = "Dòng kinh phí theo nhiệm vụ và cơ quan"
ASSIGN_AGENCIES = "Phân công cơ quan"
PROPOSALS = "Đề xuất phân công"
CANNOT_DELETE = "Không xóa được"
WRITING_EXCEL = "Đang ghi tệp Excel…"
RESTORE = "Khôi phục dữ liệu"
CONSOLIDATED_REPORT = "Báo cáo tổng hợp"
VALUE_NOT_SAVED = "Giá trị này không được lưu."

DOCUMENT_NUMBER = "&Số văn bản:"
PLAN_FIELDS = {
    "year": "&Năm:",
    "province": "&Tỉnh:",
    "document_number": DOCUMENT_NUMBER,
    "issuing_body": "&Cơ quan ban hành:",
    "title": "Tên &kế hoạch:",
    "reporting_deadline": "&Hạn báo cáo (dd/mm/yyyy):",
}
"""The plan's fields as the plan editor, the import wizard and a new plan's dialog ask them."""

SEARCH_HINT = "Tìm kiếm (Ctrl+F): gõ không dấu cũng được, ví dụ “dong thap”"


def literal(text: str) -> str:
    """A text shown as written on a menu item, a button, a tab or a group's title, where a
    single "&" would mark the next letter as a shortcut ("Sở KH&CN" showed as "Sở KHCN")."""
    return text.replace("&", "&&")


def html(text: str) -> str:
    """A text shown as written inside a rich-text label ("<", ">", "&" escaped)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
