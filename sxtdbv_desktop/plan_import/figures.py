"""Figures as administrative Vietnamese writes them: dates, amounts of money, document numbers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)"
    r"|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
)
MONEY = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(tỷ đồng|triệu đồng|nghìn đồng|đồng)"
)
_SCALE = {"đồng": 1, "nghìn đồng": 1_000, "triệu đồng": 1_000_000, "tỷ đồng": 1_000_000_000}
DOCUMENT_KINDS = (
    "Quyết định",
    "Kế hoạch",
    "Nghị quyết",
    "Chỉ thị",
    "Công văn",
    "Thông tư",
    "Nghị định",
    "Chương trình",
    "Đề án",
    "Thông báo",
    "Hướng dẫn",
)
DOCUMENT = re.compile(
    rf"({'|'.join(DOCUMENT_KINDS)})\s+số\s+([0-9]+/[0-9]*/?[A-ZĐa-zđ0-9\-–.]+)"
    r"(?:\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
)
NUMBER_LINE = re.compile(r"Số\s*:\s*([0-9]+\s*/\s*[A-ZĐa-zđ0-9\-–./]+)")


def find_date(text: str) -> dt.date | None:
    """The first valid date of `text` ("10/12/2023", "ngày 08 tháng 3 năm 2024")."""
    for found in DATE.finditer(text):
        day, month, year = (int(g) for g in found.groups() if g is not None)
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def parse_date(text: str) -> dt.date | None:
    """`text` read as one date, or None."""
    return find_date(text)


@dataclass(frozen=True)
class Amount:
    value: int  # whole đồng
    text: str  # as written: "3.235.715.000 đồng"
    exact: bool  # False when a decimal of millions or billions was rounded to the đồng


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money in `text`, in whole đồng."""
    amounts = []
    for found in MONEY.finditer(text):
        whole, decimals, unit = found.groups()
        scale = _SCALE[unit]
        value = int(whole.replace(".", "")) * scale
        exact = True
        if decimals:
            fraction = int(decimals) * scale
            digits = 10 ** len(decimals)
            value += fraction // digits
            exact = fraction % digits == 0
        amounts.append(Amount(value, found.group(0), exact))
    return amounts
