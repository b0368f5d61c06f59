"""The headings of the columns that the window, the Excel forms, the Excel exports and the
report's tables share, and the names of the fields that messages name, each written once.

Most are the name of a field (`labels.FIELDS`) or of a part of the plan (`labels.ENTITIES`).
A heading over bare amounts in đồng says so, "Kinh phí đã chi (đồng)" (`in_dong`); the window's
cells write "đồng" themselves and their heading does not.

The Excel forms are read back by position and by their hidden row keys, never by these words;
still, the forms already sent out keep theirs: tests/test_one_wording.py pins the sheet names
and headings of the form, so a change made here that would reach the form shows up there.
"""

from __future__ import annotations

from sxtdbv_desktop.labels import ENTITIES, FIELDS


def in_dong(heading: str) -> str:
    """ "Dự toán" → "Dự toán (đồng)": the heading of a column of bare amounts in đồng."""
    return f"{heading} (đồng)"


# --- the plan -----------------------------------------------------------------------------------

PLAN_YEAR = "Năm của kế hoạch"
PLAN_TITLE = "Tên kế hoạch"
THRESHOLD = FIELDS["threshold"]  # "Ngưỡng chỉ tiêu"
PLAN_WORDING = "Lời văn trong kế hoạch"  # an indicator as the plan words it

# --- agencies -----------------------------------------------------------------------------------

AGENCY_CODE = "Mã cơ quan"
AGENCY_NAME = "Tên cơ quan"
MUST_REPORT = FIELDS["must_report"]  # "Phải báo cáo"

# --- tasks and their results ----------------------------------------------------------------

TASK_GROUP = ENTITIES["task_groups"]  # "Nhóm nhiệm vụ"
TASK_TEXT = "Nội dung nhiệm vụ"
LEAD_AGENCIES = "Cơ quan chủ trì"
COORDINATING_AGENCIES = "Cơ quan phối hợp"
TIME_FRAME = "Thời gian"
PLANNED_OUTPUT = "Sản phẩm"
ROLE = "Vai trò"
STATUS = FIELDS["status"]  # "Trạng thái"
PROGRESS = FIELDS["progress"]  # "Tiến độ (%)"
RESULT = "Kết quả thực hiện"
TASK_STATUS = f"{STATUS} nhiệm vụ"  # "Trạng thái nhiệm vụ"
SPENT = FIELDS["spent"]  # "Kinh phí đã chi"

# --- indicators -------------------------------------------------------------------------------

INDICATOR = ENTITIES["indicators"]  # "Chỉ tiêu"
PLANNED = "Kế hoạch"  # what the plan asks of an indicator
INDICATOR_RESULT = "Kết quả"
VERDICT = "Đánh giá"
FIGURES = "Số liệu"  # what an agency gives for an indicator
FIGURES_REPORTED = "Số liệu đã báo cáo"
AGENCY_RESULT = "Kết quả của đơn vị"
SCOPE = FIELDS["scope"]  # "Phạm vi báo cáo"
NOTE = FIELDS["note"]  # "Ghi chú"

# --- money ----------------------------------------------------------------------------------

SOURCE = ENTITIES["funding_sources"]  # "Nguồn kinh phí"
ESTIMATE = FIELDS["estimate"]  # "Dự toán"
ALLOCATED = FIELDS["allocated"]  # "Đã phân bổ"
DISBURSED = FIELDS["disbursed"]  # "Đã giải ngân"
DISBURSEMENT_RATE = "Tỷ lệ giải ngân"
UNALLOCATED = "Chưa phân bổ"
SOURCE_SPENT = "Kinh phí đã sử dụng"  # what an agency spent from a funding source
BY_SOURCE = "Kinh phí theo nguồn"
TOTAL = "Tổng cộng"

# --- changes (the audit log, an import's preview) ----------------------------------------------

OLD_VALUE = "Giá trị cũ"
NEW_VALUE = "Giá trị mới"

# --- reports ----------------------------------------------------------------------------------

PERIOD = ENTITIES["periods"]  # "Kỳ báo cáo"
RECEIVED_ON = FIELDS["received_on"]  # "Ngày nhận"
REPORTING_STATE = "Tình hình"  # on time, late, missing
REPORT_STATUS = "Trạng thái báo cáo"
IMPORTED_FILE = FIELDS["source_file_name"]  # "Tệp đã nhập"
AGENCY_DOCUMENT = "Văn bản của đơn vị"
DOCUMENT_NUMBER = FIELDS["document_number"]  # "Số văn bản"
DOCUMENT_DATE = FIELDS["document_date"]  # "Ngày văn bản"
