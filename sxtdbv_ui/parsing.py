"""Reading what the user types in a cell, by kind of value; a ValueError says why in Vietnamese.

The same functions check the text while it is typed (the editor turns red and says why) and
once more before anything is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sxtdbv_desktop import rule_words, vnformat
from sxtdbv_desktop.text import TextTooLongError, clean_line, clean_paragraphs
from sxtdbv_ui.models.base import EditorKind


def required_text(text: str) -> str:
    value = _checked(clean_line, text)
    if not value:
        raise ValueError(rule_words.EMPTY)
    return value


def optional_text(text: str) -> str:
    """One line, which may be empty (a short name)."""
    return clean_line(text)


def long_text(text: str) -> str:
    return _checked(clean_paragraphs, text)


def _checked(clean: Callable[[str], str], text: str) -> str:
    """The cleaned text; too long, the rule alone (the editor names its field)."""
    try:
        return clean(text)
    except TextTooLongError as error:
        raise ValueError(error.rule) from None


def money(text: str) -> int:
    return vnformat.parse_money(text)


def optional_money(text: str) -> int | None:
    return money(text) if text.strip() else None


def number(text: str) -> int:
    """A whole, non-negative number: "12", "1.250" (the program's one reading of numbers)."""
    cleaned = text.strip()
    try:
        value = vnformat.parse_whole(cleaned)
    except vnformat.WholeNumberError as error:
        if error.kind != "not_whole":  # say what is wrong with it
            raise ValueError(str(error)) from None
        raise ValueError(_NOT_WHOLE.format(cleaned)) from None
    if value < 0:
        raise ValueError(_NOT_WHOLE.format(cleaned))
    return value


_NOT_WHOLE = "'{}' không phải là số nguyên không âm (ví dụ 12 hoặc 1.250)."


def optional_number(text: str) -> int | None:
    return number(text) if text.strip() else None


def percent(text: str) -> int:
    """A whole percentage from 0 to 100: "80", "80 %"."""
    try:
        rate = vnformat.parse_percent(text)
    except ValueError as error:
        raise ValueError(str(error)) from None
    value = rate * 100
    if value.denominator != 1 or not 0 <= value <= 100:
        raise ValueError(f"'{text.strip()}' phải là số nguyên phần trăm từ 0 đến 100.")
    return int(value)


def optional_percent(text: str) -> int | None:
    return percent(text) if text.strip() else None


def date(text: str) -> dt.date:
    return vnformat.parse_date(text)


def optional_date(text: str) -> dt.date | None:
    return date(text) if text.strip() else None


PARSERS: dict[EditorKind, Callable[[str], Any]] = {
    EditorKind.TEXT: required_text,
    EditorKind.OPTIONAL_TEXT: optional_text,
    EditorKind.LONG_TEXT: long_text,
    EditorKind.MONEY: money,
    EditorKind.OPTIONAL_MONEY: optional_money,
    EditorKind.NUMBER: number,
    EditorKind.OPTIONAL_NUMBER: optional_number,
    EditorKind.PERCENT: percent,
    EditorKind.OPTIONAL_PERCENT: optional_percent,
    EditorKind.DATE: date,
    EditorKind.OPTIONAL_DATE: optional_date,
}


def editor_text(kind: EditorKind, value: Any) -> str:
    """How a stored value is shown in a line editor: money with dots, dates dd/mm/yyyy."""
    if value is None:
        return ""
    if kind in (EditorKind.MONEY, EditorKind.OPTIONAL_MONEY):
        return vnformat.format_number(value)
    if kind in (EditorKind.DATE, EditorKind.OPTIONAL_DATE):
        return vnformat.format_date(value)
    return str(value)
