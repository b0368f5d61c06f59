"""Every Vietnamese word the application shows for a code of the domain, in one place.

The window, the Excel forms and the PDF report all take their labels from here, so the
wording is reviewed once and reads the same everywhere.
"""

from __future__ import annotations

AGENCY_KINDS = {
    "department": "Sở, ban, ngành",
    "district": "UBND huyện, thành phố",
    "press": "Cơ quan báo chí",
    "association": "Hội, đoàn thể",
}

INDICATOR_KINDS = {
    "count": "Số lượng",
    "share": "Tỷ lệ",
    "reduction": "Mức giảm",
    "yes_no": "Có/Không theo đơn vị",
}

VERDICTS = {
    "met": "Đạt",
    "not_met": "Chưa đạt",
    "exceeded": "Vượt",
    "no_data": "Chưa có số liệu",
}

TASK_STATUSES = {
    "not_started": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "done": "Hoàn thành",
    "cancelled": "Không thực hiện",
}

REPORT_STATUSES = {
    "draft": "Đang soạn",
    "submitted": "Đã nộp",
    "accepted": "Đã chấp nhận",
    "returned": "Trả lại để chỉnh sửa",
}

REPORTING_STATES = {
    "on_time": "Đúng hạn",
    "late": "Trễ hạn",
    "returned": "Bị trả lại",
    "draft": "Đang soạn",
    "missing": "Chưa nộp",
    "not_due": "Chưa đến hạn",
}

TASK_SECTIONS = {
    "content": "Nội dung",
    "duty": "Tổ chức thực hiện",
}

YES_NO = {1: "Có", 0: "Không"}

UNASSIGNED = "Chưa phân công"
