"""How a refusal reads: the rules a value breaks, and the refusals several places give, worded
once.

A `ValidationError` names the field, then the rule it breaks: "Tỉnh: không được để trống.".
"""

from __future__ import annotations

EMPTY = "không được để trống."
INVALID = "không hợp lệ."
NOT_TEXT = "phải là văn bản."
NOT_WHOLE = "phải là số nguyên."
NOT_COUNT = "phải là số nguyên không âm."
NEGATIVE = "không được âm."
NEGATIVE_AMOUNT = "số tiền không được âm."
OVER_100_PERCENT = "tỷ lệ không được vượt quá 100 %."
NOT_IN_PLAN = "không thuộc kế hoạch này."
USED = "đã được dùng."


def too_long(length: object, limit: object) -> str:
    """ "dài 1.200 ký tự, quá mức tối đa 1.000 ký tự." (the caller writes the numbers)."""
    return f"dài {length} ký tự, quá mức tối đa {limit} ký tự."


def plan_exists(year: int | str, province: str) -> str:
    """ "Đã có kế hoạch năm 2023 của Đồng Tháp" (the caller ends the sentence)."""
    return f"Đã có kế hoạch năm {year} của {province}"


def no_plan(plan_id: int) -> str:
    return f"Không tìm thấy kế hoạch số {plan_id}."


def no_data_file(path: object) -> str:
    return f"Không tìm thấy tệp dữ liệu: {path}"
