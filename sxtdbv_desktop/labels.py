"""Every Vietnamese word the application shows for a code of the domain, in one place.

The window, the Excel forms and exports, the command line and the report all take their labels
from here, so the wording is reviewed once and reads the same everywhere: the labels of codes
(kinds, statuses, verdicts), the names of the plan's parts (`ENTITIES`) and of their fields
(`FIELDS`). Column headings built from them are in `headings`, result phrases in
`result_words`.
"""

from __future__ import annotations

AGENCY_KINDS = {
    "department": "Sở, ban, ngành",
    "district": "UBND huyện, thành phố",  # the default plan's; a plan's own: `agency_kind`
    "press": "Cơ quan báo chí",
    "association": "Hội, đoàn thể",
}

INDICATOR_KINDS = {
    "count": "Số lượng",
    "share": "Tỷ lệ",
    "reduction": "Mức giảm",
    "yes_no": "Có/Không theo đơn vị",
}

INDICATOR_KIND_CHOICES = {
    "share": INDICATOR_KINDS["share"],
    "reduction": INDICATOR_KINDS["reduction"],
    "count": INDICATOR_KINDS["count"],
    "yes_no:district": "Có/Không theo đơn vị cấp địa phương",
    "yes_no:department": "Có/Không theo sở, ban, ngành",
}
"""Kinds of indicator as chosen in a list, a yes/no one with who answers it ("kind:population")."""

INPUT_LABELS = {
    "count_value": "Số lượng",
    "numerator": "Số đạt",
    "denominator": "Tổng số",
    "units": "Số đơn vị (chợ) thuộc phạm vi báo cáo",
    "baseline": "Số lượng năm trước",
    "current": "Số lượng năm báo cáo",
    "estimated_rate": "Tỷ lệ giảm ước tính (%)",
    "answer": "Có/Không",
    "method": "Cách ước tính",
}
"""The figures an agency gives for an indicator, for an indicator whose plan names none of its
own (`report_inputs.input_label`)."""

VERDICTS = {
    "met": "Đạt",
    "not_met": "Chưa đạt",
    "exceeded": "Vượt",
    "no_data": "Chưa có số liệu",
}

PROVISIONAL = "tạm tính"
"""Said of a verdict reached while some expected reporters have not reported."""


def verdict_label(verdict: str, provisional: bool = False) -> str:
    """ "Đạt", or "Đạt (tạm tính)" while reports are still missing."""
    label = VERDICTS[verdict]
    return f"{label} ({PROVISIONAL})" if provisional and verdict != "no_data" else label


TRENDS = {
    "closer": "Gần mục tiêu hơn",
    "further": "Xa mục tiêu hơn",
    "same": "Không đổi",
    "not_comparable": "Chưa so sánh được",
}
"""How this year's result compares with last year's (`year_over_year.trend`), in a column
headed "So với năm trước"; in a sentence, add "năm trước": "gần mục tiêu hơn năm trước"."""


def agency_kind(kind: str, local_units: str = "") -> str:
    """The label of an agency kind in a plan whose local units are `local_units` ("huyện,
    thành phố", "xã, phường"): "UBND huyện, thành phố" for the default plan's districts."""
    if kind == "district":
        return f"UBND {local_units}" if local_units else "UBND cấp địa phương"
    return AGENCY_KINDS[kind]


LOCAL_UNITS = "đơn vị cấp địa phương"
"""What a plan's local units are called when the plan does not say ("huyện, thành phố")."""


def unit_noun(kind: str, local_units: str = "") -> str:
    """How a yes/no indicator's units are counted in a plan: "9/12 huyện, thành phố"."""
    if kind == "district":
        return local_units or LOCAL_UNITS
    return UNIT_NOUNS.get(kind, "đơn vị")


UNIT_NOUNS = {
    "district": "huyện, thành phố",
    "department": "cơ quan, đơn vị",
    "press": "cơ quan báo chí",
    "association": "hội, đoàn thể",
}
"""How a yes/no indicator's units are counted in a sentence: "9/12 huyện, thành phố". The
"district" entry is the default plan's wording; a plan's own is `unit_noun(kind, plan's
local_unit_name)`."""

TASK_STATUSES = {
    "not_started": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "done": "Hoàn thành",
    "cancelled": "Không thực hiện",
}

STATUS_NOT_GIVEN = "Chưa ghi trạng thái"
"""A task's status an agency left blank in its form (the report is received incomplete)."""


def task_status(code: str | None) -> str:
    """The label of a task status, or what a blank one reads as."""
    return TASK_STATUSES[code] if code else STATUS_NOT_GIVEN


NO_REPORT = "Chưa có báo cáo"
"""What stands where an agency's report, or any report of a task, is still to come."""

OVERRIDDEN = "Sở điều chỉnh"
"""Said of a task's status the Sở set itself: "Hoàn thành (Sở điều chỉnh)"."""


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

PLAN_PARTS = {
    "objectives": "Mục đích, yêu cầu",
    "targets": "Mục tiêu",
    "content": "Nội dung, nhiệm vụ",
    "budget": "Kinh phí",
    "duty": "Tổ chức thực hiện",
}
"""The five parts every plan of the program has (`plan_sections.PARTS`), by name; a plan
numbers and titles them its own way."""

DATA_FILE = "Tệp dữ liệu"
"""The SQLite file the program keeps everything in, as messages name it."""

BACKUP = "Bản sao lưu"
"""A copy of the data file, as messages name it: "Bản sao lưu sxtdbv-20240105-093015.sqlite"."""

PROGRAM = "Chương trình hành động quốc gia về sản xuất và tiêu dùng bền vững"
"""The national program every plan carries out."""


def program_in(year: int, province: str) -> str:
    """ "Chương trình hành động quốc gia về … bền vững năm 2024 trên địa bàn tỉnh Đồng Tháp"."""
    return f"{PROGRAM} năm {year} trên địa bàn tỉnh {province}"


def report_name(agency: str, period: str) -> str:
    """An agency's report for a period: "Báo cáo của Sở Y tế — Năm 2023"."""
    return f"Báo cáo của {agency} — {period}"


PLAN_HEADER = "Thông tin chung"
"""The plan's own fields (year, province, title, issuing body...), as a whole."""

TASK_SECTIONS = {
    "content": "Nội dung",
    "duty": PLAN_PARTS["duty"],
}

YES_NO = {1: "Có", 0: "Không"}

UNASSIGNED = "Chưa phân công"

EXPORT_TABLES = {
    "tasks": "Nhiệm vụ",
    "indicators": "Chỉ tiêu",
    "budget": "Kinh phí",
    "reporting": "Tình hình báo cáo",
    "report": "Báo cáo của cơ quan",
}
"""The tables that can be exported to Excel, with their Vietnamese names."""

INSTALLATION_MODES = {
    "consolidating": "Đơn vị tổng hợp (Sở Công Thương)",
    "agency": "Đơn vị báo cáo",
}

AUDIT_ACTIONS = {
    "insert": "Thêm",
    "update": "Sửa",
    "delete": "Xóa",
    "event": "Sự kiện",
}

AUDIT_EVENTS = {
    "submitted": "Nộp báo cáo",
    "accepted": "Chấp nhận báo cáo",
    "returned": "Trả lại báo cáo để chỉnh sửa",
    "reopened": "Mở lại báo cáo đã chấp nhận",
    "replaced": "Nhập (thay thế) báo cáo",
    "restored": "Khôi phục từ bản sao lưu",
    "set_up": "Chọn chế độ sử dụng",
}

ENTITIES = {
    "plans": "Kế hoạch",
    "legal_documents": "Căn cứ pháp lý",
    "plan_recipients": "Nơi nhận",
    "objectives": PLAN_PARTS["objectives"],
    "targets": PLAN_PARTS["targets"],
    "agencies": "Cơ quan, đơn vị",
    "indicators": "Chỉ tiêu",
    "indicator_reporters": "Đơn vị báo cáo chỉ tiêu",
    "task_groups": "Nhóm nhiệm vụ",
    "tasks": "Nhiệm vụ",
    "task_assignments": "Phân công nhiệm vụ",
    "funding_sources": "Nguồn kinh phí",
    "budget_lines": "Phân bổ kinh phí",
    "periods": "Kỳ báo cáo",
    "reports": "Báo cáo của đơn vị",
    "task_results": "Kết quả nhiệm vụ",
    "indicator_values": "Số liệu chỉ tiêu",
    "plan_settings": "Thiết lập báo cáo",
    "app_settings": "Thiết lập chương trình",
    "database": DATA_FILE,
}
"""The plan's parts and the program's records, by table: what the audit log, the plan file's
checks, the plan editor and the tables call them."""

FIELDS = {
    "title": "Tên",
    "text": "Nội dung",
    "name": "Tên",
    "short_name": "Tên ngắn",
    "code": "Mã",
    "status": "Trạng thái",
    "progress": "Tiến độ (%)",
    "result": "Kết quả",
    "spent": "Kinh phí đã chi",
    "note": "Ghi chú",
    "time_frame": "Thời gian thực hiện",
    "planned_output": "Sản phẩm dự kiến",
    "general_assessment": "Đánh giá chung",
    "difficulties": "Khó khăn, vướng mắc",
    "proposals": "Kiến nghị",
    "received_on": "Ngày nhận",
    "review_note": "Ý kiến của Sở",
    "source_file_name": "Tệp đã nhập",
    "total_budget": "Tổng kinh phí",
    "estimate": "Dự toán",
    "allocated": "Đã phân bổ",
    "disbursed": "Đã giải ngân",
    "threshold": "Ngưỡng chỉ tiêu",
    "reporting_deadline": "Hạn báo cáo",
    **INPUT_LABELS,
    "must_report": "Phải báo cáo",
    "value": "Giá trị",
    # Every other column of the audited tables, so that the log never shows a column name.
    "id": "Số hiệu",
    "plan_id": "Kế hoạch",
    "agency_id": "Cơ quan",
    "task_id": "Nhiệm vụ",
    "group_id": "Nhóm nhiệm vụ",
    "indicator_id": "Chỉ tiêu",
    "target_id": "Mục tiêu",
    "source_id": "Nguồn kinh phí",
    "period_id": "Kỳ báo cáo",
    "report_id": "Báo cáo",
    "focal_agency_id": "Cơ quan đầu mối",
    "copied_from_id": "Sao chép từ kế hoạch",
    "position": "Thứ tự",
    "number": "Số",
    "kind": "Loại",
    "role": "Vai trò",
    "section": "Mục",
    "year": "Năm",
    "province": "Tỉnh",
    "document_type": "Loại văn bản",
    "issuing_body": "Cơ quan ban hành",
    "issuer": "Cơ quan ban hành",
    "summary": "Trích yếu",
    "signed_on": "Ngày ký",
    "document_number": "Số văn bản",
    "document_date": "Ngày văn bản",
    "program_name": "Tên chương trình",
    "program_period": "Giai đoạn",
    "preamble": "Căn cứ ban hành",
    "targets_intro": "Câu dẫn mục tiêu",
    "reporting_rule": "Quy định báo cáo",
    "closing_text": "Đoạn kết",
    "budget_text": "Nội dung kinh phí",
    "budget_reference": "Văn bản về kinh phí",
    "signature_authority": "Quyền hạn ký",
    "signature_title": "Chức vụ người ký",
    "signer_name": "Người ký",
    "created_at": "Thời điểm tạo",
    "updated_at": "Thời điểm cập nhật",
    "source_file_hash": "Mã kiểm tra của tệp đã nhập",
    "basis": "Căn cứ",
    "plan_text": "Chỉ tiêu theo kế hoạch",
    "exceed_above": "Mức vượt",
    "unit": "Đơn vị tính",
    "population_kind": "Đơn vị tính tỷ lệ",
    "input_labels": "Tên các số liệu",
    "proposed": "Đề xuất, chưa xác nhận",
    "evidence": "Căn cứ đề xuất",
    "scope": "Phạm vi báo cáo",
    "status_overridden": "Sở điều chỉnh trạng thái",
    "starts_on": "Ngày bắt đầu",
    "ends_on": "Ngày kết thúc",
    "deadline": "Hạn nộp",
    "description": "Nội dung",
    "amount": "Số tiền",
    "key": "Thiết lập",
}
"""The fields of the records, by column: what the audit log, messages and headings call them."""

ROLES = {"lead": "Chủ trì", "coordinator": "Phối hợp"}
"""An agency's role in a task."""

SETTINGS = {
    "user_name": "Tên người sử dụng",
    "installation_mode": "Chế độ sử dụng",
    "installation_agency": "Đơn vị của máy",
    "governing_body": "Cơ quan chủ quản",
    "issuing_body": "Cơ quan ban hành",
    "place_name": "Địa danh",
    "report_number": "Số văn bản",
    "report_symbol": "Ký hiệu văn bản",
    "report_date": "Ngày báo cáo",
    "signer_authority": "Quyền hạn ký",
    "signer_title": "Chức vụ người ký",
    "signer_name": "Người ký",
    "recipients": "Nơi nhận",
    "on_time_rule": "Cách tính báo cáo đúng hạn",
}
"""The settings of the program and of a plan's report, as the audit log names them."""
