"""Vietnamese display formats and input parsing: numbers, đồng, percentages, dates.

Figures follow the vi_VN locale (CLDR): "." groups thousands and ","
marks decimals, so 3235715000 is "3.235.715.000" and two thirds "66,7 %".
Money is whole đồng, always an int. Rates are fractions of 1 and are rounded
exactly (half away from zero) with Fraction arithmetic, never with floats.
Dates are dd/mm/yyyy; document headers use the Nghị định 30/2020/NĐ-CP form.
All text produced is Unicode NFC.
"""

from __future__ import annotations

import datetime
import re
import typing
import unicodedata
from decimal import Decimal
from fractions import Fraction

__all__ = [
    "format_date",
    "format_header_date",
    "format_money",
    "format_number",
    "format_percent",
    "parse_date",
    "parse_money",
    "parse_percent",
    "parse_whole",
    "percent_value",
]

CURRENCY_UNIT = "đồng"
# vi_VN's separators (CLDR), written here rather than read from babel's locale data, whose
# loading took longer than the rest of the first tab's figures (tests compare with babel).
_VI_SEPARATORS = str.maketrans({",": ".", ".": ","})

Rate = Fraction | Decimal | int | float

# Dates typed by users: day/month/year with "/", "-" or "." (the same twice), or ISO.
_DMY_RE = re.compile(r"(?P<d>[0-9]{1,2})(?P<sep>[/.-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})")
_ISO_RE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
# Whole đồng: plain digits, or groups of three separated by one kind of
# separator: "." (vi_VN grouping) or a space (regular, no-break or thin).
_MONEY_RE = re.compile(
    r"[0-9]+|[0-9]{1,3}(?P<sep>[. \u00a0\u2009\u202f])[0-9]{3}(?:(?P=sep)[0-9]{3})*"
)
# A decimal comma: "1,500" is one and a half in Vietnamese, never fifteen hundred.
_DECIMAL_COMMA_RE = re.compile(r"[0-9][0-9.]*,[0-9]+")
MAX_WHOLE = 10**15
"""Larger figures are typing slips (and would not fit Excel's 15 significant digits)."""
# Currency words users append to an amount; compared in lower case.
_MONEY_SUFFIX_RE = re.compile(r"\s*(?:đồng|đ|vnđ|vnd|₫)$")
_PERCENT_RE = re.compile(r"(?P<sign>[-\u2212]?)(?P<int>[0-9]+)(?:[.,](?P<frac>[0-9]+))?")


# --- numbers and money ---------------------------------------------------


def format_number(value: int) -> str:
    """Group an integer's digits with dots: 3235715000 -> "3.235.715.000"."""
    _require_int(value)
    return f"{value:,}".translate(_VI_SEPARATORS)


def format_money(value: int) -> str:
    """Show whole đồng: 3235715000 -> "3.235.715.000 đồng".

    Raises TypeError for anything but an int (float, bool, Decimal, str...).
    """
    _require_int(value)
    return f"{format_number(value)} {CURRENCY_UNIT}"


class WholeNumberError(ValueError):
    """Text that is not a whole number: `kind` is "decimal_comma", "too_large" or
    "not_whole"; `rule` says why in Vietnamese, without naming a field."""

    RULES: typing.ClassVar[dict[str, str]] = {
        "decimal_comma": (
            "không phải là số nguyên: dấu phẩy là dấu thập phân (1,5 là một phẩy năm); số "
            "nghìn viết bằng dấu chấm, ví dụ 1.500."
        ),
        "too_large": "quá lớn: nhiều hơn 15 chữ số, có thể đã gõ thừa số.",
        "not_whole": "không phải là số nguyên (ví dụ 12 hoặc 1.250).",
    }

    def __init__(self, text: str, kind: str) -> None:
        self.text = text
        self.kind = kind
        self.rule = self.RULES[kind]
        super().__init__(f"'{text}' {self.rule}")


def parse_whole(text: str) -> int:
    """Read a whole number as a Vietnamese clerk types it: "12", "1.250", "3 235 715 000".

    The one reading of typed whole numbers in the program: the window's editors and the Excel
    importer both use it. ASCII digits, plain or grouped by threes with "." or a space (one
    kind throughout), an optional minus sign (the caller decides whether it is allowed); at
    most `MAX_WHOLE`. Refused (`WholeNumberError`): a decimal comma ("1,500" is 1,5),
    English grouping, exponents ("1e3", "1E15"), underscores ("1_000"), digits of other
    scripts (Arabic-Indic, full-width), anything else.
    """
    cleaned = unicodedata.normalize("NFC", text).strip()
    negative = cleaned[:1] in ("-", "\u2212")
    digits = cleaned[1:].lstrip() if negative else cleaned
    if not _MONEY_RE.fullmatch(digits):
        kind = "decimal_comma" if _DECIMAL_COMMA_RE.fullmatch(digits) else "not_whole"
        raise WholeNumberError(cleaned, kind)
    value = int(re.sub(r"[^0-9]", "", digits))
    if value > MAX_WHOLE:
        raise WholeNumberError(cleaned, "too_large")
    return -value if negative else value


def parse_money(text: object) -> int:
    """Read a whole, non-negative đồng amount typed by a user or found in a cell.

    Accepts an int or text such as "3.235.715.000", "3 235 715 000",
    "3235715000" or "3.235.715.000 đồng". Raises ValueError, with a message in
    Vietnamese naming the input, for decimals ("1.000,5"), floats, negative
    amounts, empty text and anything else.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        return _require_non_negative(text, text)
    if not isinstance(text, str):
        raise ValueError(_money_error(text))
    cleaned = unicodedata.normalize("NFC", text).strip()
    cleaned = _MONEY_SUFFIX_RE.sub("", cleaned.lower()).strip()
    try:
        value = parse_whole(cleaned)
    except WholeNumberError as error:
        if error.kind == "too_large":
            raise ValueError(f"Số tiền '{text.strip()}' {error.rule}") from None
        raise ValueError(_money_error(text)) from None
    return _require_non_negative(value, text)


def _require_non_negative(value: int, original: object) -> int:
    if value < 0:
        raise ValueError(_money_error(original))
    return value


def _money_error(original: object) -> str:
    shown = original.strip() if isinstance(original, str) else original
    return (
        f"Số tiền không hợp lệ: '{shown}'. Số tiền là số nguyên đồng, không âm, "
        "không có phần thập phân, ví dụ 3.235.715.000."
    )


def _require_int(value: object) -> None:
    # bool is a subclass of int, but True is never an amount.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an int, got {type(value).__name__}: {value!r}")


# --- percentages ----------------------------------------------------------


def percent_value(rate: Rate, decimals: int = 1) -> Decimal:
    """Turn a rate (a fraction of 1) into a percentage rounded half up: 2/3 -> Decimal("66.7").

    The result has exactly `decimals` decimal places, for JSON and Excel cells.
    Floats are taken by their shortest repr (0.1 is exactly one tenth).
    """
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals must be a non-negative int, got {decimals!r}")
    exact = _as_fraction(rate)
    rounded = int(abs(exact) * 100 * 10**decimals + Fraction(1, 2))  # int() floors it
    sign = "-" if exact < 0 and rounded else ""
    return Decimal(f"{sign}{rounded}E-{decimals}")


def format_percent(rate: Rate | None, decimals: int = 1, *, missing: str = "") -> str:
    """Show a rate (a fraction of 1) as a percentage: Fraction(2, 3) -> "66,7 %".

    Rounds half up (away from zero) exactly; returns `missing` for None.
    """
    if rate is None:
        return missing
    value = percent_value(rate, decimals)  # exact: formatting it rounds nothing
    return f"{value:,.{decimals}f}".translate(_VI_SEPARATORS) + " %"


def parse_percent(text: str) -> Fraction:
    """Read a percentage typed by a user as a fraction of 1: "66,7 %" -> Fraction(667, 1000).

    Accepts "," or "." as the decimal mark, with or without "%", and a minus
    sign; does not check the range. Raises ValueError in Vietnamese otherwise.
    """
    cleaned = unicodedata.normalize("NFC", text).strip().removesuffix("%").strip()
    match = _PERCENT_RE.fullmatch(cleaned)
    if match is None:
        raise ValueError(_percent_error(text))
    number = Fraction(int(match["int"] + (match["frac"] or "")), 10 ** len(match["frac"] or ""))
    return (-number if match["sign"] else number) / 100


def _percent_error(original: str) -> str:
    return f"Tỷ lệ không hợp lệ: '{original.strip()}'. Nhập số phần trăm, ví dụ 66,7 hoặc 66,7 %."


def _as_fraction(rate: Rate) -> Fraction:
    """Exact value of a rate; floats go through their repr, not their binary value."""
    if isinstance(rate, bool) or not isinstance(rate, Fraction | Decimal | int | float):
        raise TypeError(f"expected a Fraction, Decimal, int or float, got {rate!r}")
    if isinstance(rate, float):
        rate = Decimal(str(rate))
    if isinstance(rate, Decimal) and not rate.is_finite():
        raise ValueError(f"a rate must be finite, got {rate!r}")
    return Fraction(rate)


# --- dates ----------------------------------------------------------------

MOMENT = "%H:%M ngày %d/%m/%Y"
"""A moment, for strftime: "14:05 ngày 10/12/2023"."""


def format_date(d: datetime.date) -> str:
    """Show a date as dd/mm/yyyy: date(2023, 12, 10) -> "10/12/2023"."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_header_date(place: str, d: datetime.date) -> str:
    """Place and date of a document header (Nghị định 30/2020/NĐ-CP).

    "Đồng Tháp, ngày 05 tháng 01 năm 2024": a leading zero for days under 10
    and for months 1 and 2 only ("tháng 3" but "tháng 02", so that no digit
    can be added in front of a single-digit January or February).
    """
    place = unicodedata.normalize("NFC", place).strip()
    if not place:
        raise ValueError("Chưa có địa danh để ghi ngày tháng của văn bản.")
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def parse_date(text: str) -> datetime.date:
    """Read a date typed by a user: "10/12/2023", "1/2/2024", "10-12-2023" or "2023-12-10".

    Spaces are ignored. Raises ValueError, in Vietnamese and naming the input,
    for text that is not a date or for an impossible date such as 31/02/2023.
    """
    compact = re.sub(r"\s", "", text)
    match = _DMY_RE.fullmatch(compact) or _ISO_RE.fullmatch(compact)
    if match is None:
        raise ValueError(_date_error(text))
    try:
        return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        raise ValueError(_date_error(text)) from None


def _date_error(original: str) -> str:
    return (
        f"Ngày không hợp lệ: '{original.strip()}'. Nhập theo dạng ngày/tháng/năm, ví dụ 10/12/2023."
    )
