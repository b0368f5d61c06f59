"""Reading what a clerk typed into a cell, whichever program saved the file.

Excel, LibreOffice Calc and WPS store the same answer differently: 12 may arrive as the
number 12, 12.0, the text "12" or "12 " (a cell formatted as text), 1000 as "1.000"
(Vietnamese grouping) or "1,000"; 50 % as 0.5 in a percent-formatted cell; a date as a date,
an Excel serial number or the text "10/12/2023". Each function returns the value or raises
`CellRuleError` with the rule in Vietnamese; the caller adds the file, sheet and cell.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping

from openpyxl.utils.datetime import from_excel

from sxtdbv_desktop import rule_words
from sxtdbv_desktop.legacy_text import to_unicode
from sxtdbv_desktop.text import PARAGRAPHS_MAX, TextTooLongError, clean_paragraphs, fold, nfc
from sxtdbv_desktop.vnformat import (
    MAX_WHOLE,
    WholeNumberError,
    format_date,
    parse_date,
    parse_whole,
)

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_MONEY_WORDS = re.compile(r"\s*(?:đồng|đ|vnđ|vnd|₫)$")


class CellRuleError(Exception):
    """The value of a cell breaks a rule, said in Vietnamese (without the cell's place)."""

    def __init__(self, rule: str) -> None:
        super().__init__(rule)
        self.rule = rule


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not _SPACES.sub("", value))


def shown(value: object) -> str:
    """How a value is quoted back to the clerk in a message."""
    if isinstance(value, dt.datetime | dt.date):
        return format_date(value if isinstance(value, dt.date) else value.date())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text if len(text) <= 40 else text[:37] + "..."


def whole_number(
    value: object,
    *,
    what: str,
    maximum: int | None = None,
    percent_format: bool = False,
) -> int | None:
    """A whole number ≥ 0 (≤ `maximum`), or None for a blank cell.

    With `percent_format` (a cell shown as "50%"), the stored fraction 0.5 means 50.
    """
    if is_blank(value):
        return None
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        raise CellRuleError(f"{what} phải là số nguyên, không phải «{shown(value)}».")
    if isinstance(value, int | float):
        number = _from_number(value, what, percent_format)
    elif isinstance(value, str):
        number = _from_text(value, what, allow_percent=maximum == 100)
    else:
        raise CellRuleError(f"{what} {rule_words.NOT_WHOLE}")
    if number < 0:
        raise CellRuleError(f"{what} không được âm (đang là «{shown(value)}»).")
    limit = MAX_WHOLE if maximum is None else maximum
    if number > limit:
        rule = f"phải từ 0 đến {maximum}" if maximum is not None else "quá lớn"
        raise CellRuleError(f"{what} {rule} (đang là «{shown(value)}»).")
    return number


def _from_number(value: int | float, what: str, percent_format: bool) -> int:
    if percent_format and abs(value) <= 1:
        value = round(value * 100, 9)  # "50%" typed in Excel is stored as 0.5
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellRuleError(f"{what} {rule_words.NOT_WHOLE}")
        if not float(value).is_integer():
            raise CellRuleError(
                f"{what} phải là số nguyên, không có phần thập phân (đang là «{shown(value)}»)."
            )
        if abs(value) > MAX_WHOLE:
            raise CellRuleError(f"{what} quá lớn (đang là «{shown(value)}»).")
    return int(value)


def _from_text(value: str, what: str, *, allow_percent: bool) -> int:
    """Text typed in a cell, read by the program's one number parser (`parse_whole`): what
    the window's editors refuse ("1,500", "1e3", "1_000", other scripts' digits) is refused
    here too. A currency word after an amount, and "%" after a progress, are allowed."""
    text = _MONEY_WORDS.sub("", nfc(value).strip().lower()).strip()
    if allow_percent:
        text = text.removesuffix("%").strip()
    try:
        return parse_whole(text)
    except WholeNumberError as error:
        if error.kind == "too_large":
            raise CellRuleError(f"{what} quá lớn (đang là «{shown(value)}»).") from None
        hint = ""
        if error.kind == "decimal_comma":
            hint = " Dấu phẩy là dấu thập phân; số nghìn viết bằng dấu chấm, ví dụ 1.500."
        raise CellRuleError(
            f"{what} phải là số nguyên (ví dụ 12 hoặc 1.000), không phải «{shown(value)}».{hint}"
        ) from None


def choice(value: object, choices: Mapping[str, str], *, what: str) -> str | None:
    """The code whose label the cell holds (compared without case or accents), or None."""
    if is_blank(value):
        return None
    typed = clean_paragraphs(str(value), limit=None)
    # A short choice ("Cã" for "Có") may not show its legacy encoding; the list is tiny, so
    # reading it as TCVN3 or VNI as well cannot mistake one choice for another.
    readings = [typed, *(to_unicode(typed, encoding) for encoding in ("tcvn3", "vni"))]
    for reading in readings:
        wanted = fold(reading)
        for code, label in choices.items():
            if fold(label) == wanted:
                return code
    allowed = ", ".join(choices.values())
    raise CellRuleError(f"{what} phải là một trong: {allowed} (đang là «{shown(value)}»).")


def yes_no(value: object, *, what: str) -> int | None:
    """1 for "Có", 0 for "Không" (also TRUE/FALSE and 1/0), None for a blank cell."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and value in (0, 1):
        return int(value)
    code = choice(value, {"1": "Có", "0": "Không"}, what=what)
    return None if code is None else int(code)


def text(value: object, *, limit: int = PARAGRAPHS_MAX) -> str:
    """Text of a cell: NFC, tidy lines; numbers and dates as a clerk would write them; a text
    longer than `limit` breaks the field's rule."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return format_date(value.date())
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    try:
        return clean_paragraphs(str(value), limit=limit)
    except TextTooLongError as error:  # the caller adds the file, sheet and cell
        raise CellRuleError(error.rule) from None


def date(value: object) -> dt.date | None:
    """A date from a date cell, an Excel serial number or text such as "10/12/2023"."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        converted = from_excel(value)
        return converted.date() if isinstance(converted, dt.datetime) else None
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError as error:
            raise CellRuleError(str(error)) from None
    raise CellRuleError(f"không phải là ngày tháng («{shown(value)}»).")
