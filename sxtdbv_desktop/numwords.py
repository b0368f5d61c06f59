"""Whole numbers and đồng amounts in Vietnamese words ("bằng chữ").

The official reports print every total in words as well as in figures. We read
numbers ourselves because num2words (lang "vi") drops "không trăm" and
mishandles negatives.

Choices, fixed here and used everywhere (the standard Northern reading):

- "linh" for a zero tens digit after hundreds (105 "một trăm linh năm"), not "lẻ";
- "nghìn", not "ngàn"; "tỷ", not "tỉ";
- after "mươi": 1 is "mốt" (21 "hai mươi mốt"), 4 is "tư" (24 "hai mươi tư");
- after "mươi" or "mười": 5 is "lăm" (15 "mười lăm", 25 "hai mươi lăm");
- after "mười" 1 and 4 stay "một" and "bốn" (11 "mười một", 14 "mười bốn");
- negative numbers start with "âm".

The algorithm splits the number into groups of three digits (đơn vị, nghìn,
triệu) below one tỷ; above that, the part counting tỷ is read the same way
and followed by "tỷ", so 10^12 is "một nghìn tỷ" and 10^18 "một tỷ tỷ".
Groups that are zero are skipped. Every group after the leading one is read
with all three digits, so a zero hundreds digit is said: 1.005 is
"một nghìn không trăm linh năm", 1.050.000 "một triệu không trăm năm mươi
nghìn", and 1.001.000 "một triệu không trăm linh một nghìn".
"""

from __future__ import annotations

__all__ = ["amount_in_words", "number_in_words"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Scale words of the groups below one tỷ, lowest first.
_GROUP_SCALES = ("", "nghìn", "triệu")
_BILLION = 10**9


def number_in_words(n: int) -> str:
    """Read an integer in lower-case Vietnamese words, e.g. 21 -> "hai mươi mốt"."""
    _require_int(n)
    if n == 0:
        return _DIGITS[0]
    if n < 0:
        return "âm " + _read_positive(-n, leading=True)
    return _read_positive(n, leading=True)


def amount_in_words(amount: int) -> str:
    """Write a đồng amount in words for a report, e.g. 1005 -> "Một nghìn không trăm linh năm đồng".

    Raises TypeError for anything but an int and ValueError for a negative amount.
    """
    _require_int(amount)
    if amount < 0:
        raise ValueError(f"Số tiền bằng chữ không thể âm: {amount}")
    words = number_in_words(amount)
    return words[0].upper() + words[1:] + " đồng"


def _require_int(value: object) -> None:
    # bool is a subclass of int, but True is never a quantity.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an int, got {type(value).__name__}: {value!r}")


def _read_positive(n: int, *, leading: bool) -> str:
    """Read n > 0; `leading` is False when n continues a larger number."""
    if n < _BILLION:
        return _read_below_billion(n, leading=leading)
    billions, rest = divmod(n, _BILLION)
    words = _read_positive(billions, leading=leading) + " tỷ"
    if rest:
        words += " " + _read_below_billion(rest, leading=False)
    return words


def _read_below_billion(n: int, *, leading: bool) -> str:
    """Read 0 < n < 10^9 as groups of three digits, skipping zero groups."""
    groups = [(n // 1000**i) % 1000 for i in reversed(range(len(_GROUP_SCALES)))]
    scales = reversed(_GROUP_SCALES)
    parts: list[str] = []
    for group, scale in zip(groups, scales, strict=True):
        if group == 0:
            continue
        parts.append(_read_group(group, full=not (leading and not parts)))
        if scale:
            parts.append(scale)
    return " ".join(parts)


def _read_group(group: int, *, full: bool) -> str:
    """Read 0 < group < 1000; `full` says the hundreds even when zero ("không trăm")."""
    hundreds, tens, units = group // 100, group // 10 % 10, group % 10
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += ["linh", _DIGITS[units]] if words else [_DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append(_unit_after_muoi(units))
    return " ".join(words)


def _unit_after_muoi(units: int) -> str:
    """The units digit after "mươi": 1 "mốt", 4 "tư", 5 "lăm"."""
    return {1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGITS[units])
