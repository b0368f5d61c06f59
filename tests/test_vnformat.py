"""Vietnamese display formats and the parsers of what users type."""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal
from fractions import Fraction

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from sxtdbv_desktop.vnformat import (
    format_date,
    format_header_date,
    format_money,
    format_number,
    format_percent,
    parse_date,
    parse_money,
    parse_percent,
    percent_value,
)

# --- numbers and money ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (12, "12"),
        (999, "999"),
        (1000, "1.000"),
        (1_000_000, "1.000.000"),
        (3_235_715_000, "3.235.715.000"),
        (-1000, "-1.000"),
    ],
)
def test_format_number_groups_digits_with_dots(value: int, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0 đồng"),
        (1000, "1.000 đồng"),
        (3_235_715_000, "3.235.715.000 đồng"),
    ],
)
def test_format_money_shows_whole_dong(value: int, text: str) -> None:
    assert format_money(value) == text
    assert unicodedata.is_normalized("NFC", format_money(value))


@pytest.mark.parametrize("bad", [1000.0, 12.5, True, Decimal("12.5"), Decimal(12), "1000", None])
@pytest.mark.parametrize("function", [format_money, format_number])
def test_money_and_numbers_must_be_int(function: object, bad: object) -> None:
    assert callable(function)
    with pytest.raises(TypeError):
        function(bad)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3.235.715.000", 3_235_715_000),
        ("3235715000", 3_235_715_000),
        ("3.235.715.000 đồng", 3_235_715_000),
        ("3.235.715.000đ", 3_235_715_000),
        ("3.235.715.000 VNĐ", 3_235_715_000),
        ("3 235 715 000", 3_235_715_000),
        ("3\u00a0235\u00a0715\u00a0000", 3_235_715_000),
        (" 1.000 ", 1000),
        ("1.000", 1000),
        ("0", 0),
        ("999", 999),
        # Decomposed "đồng" (as some keyboards type it) is normalised first.
        (unicodedata.normalize("NFD", "1.000 đồng"), 1000),
        (0, 0),
        (3_235_715_000, 3_235_715_000),
    ],
)
def test_parse_money_reads_whole_dong(text: str | int, value: int) -> None:
    assert parse_money(text) == value


@pytest.mark.parametrize(
    "bad",
    [
        "1.000,5",
        "12,5",
        "1,000",
        "1.5",
        "12.50",
        "1.0000",
        "1.000 000",
        "-1.000",
        "-5",
        "",
        "   ",
        "đồng",
        "abc",
        "12a",
        "1e6",
        "+1000",
    ],
)
def test_parse_money_rejects_what_is_not_whole_dong(bad: str) -> None:
    with pytest.raises(ValueError, match="số nguyên đồng") as error:
        parse_money(bad)
    assert f"'{bad.strip()}'" in str(error.value)


@pytest.mark.parametrize("bad", [1000.0, 12.5, -1, True, None, Decimal(1000)])
def test_parse_money_rejects_floats_negatives_and_other_types(bad: object) -> None:
    with pytest.raises(ValueError, match="số nguyên đồng") as error:
        parse_money(bad)
    assert str(bad) in str(error.value)


# --- percentages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "decimals", "text"),
    [
        (Fraction(2, 3), 1, "66,7 %"),
        (Fraction(3, 4), 1, "75,0 %"),
        (Fraction(9, 12), 1, "75,0 %"),
        (1, 1, "100,0 %"),
        (0, 1, "0,0 %"),
        (Fraction(1, 3), 1, "33,3 %"),
        (Fraction(1, 3), 2, "33,33 %"),
        (Fraction(2, 3), 0, "67 %"),
        (Decimal("0.8"), 1, "80,0 %"),
        (Decimal("0.6665"), 1, "66,7 %"),
        (0.5, 1, "50,0 %"),
        # Exactly half way: rounded up, not to even and not lost in binary floats.
        (Fraction(1, 8), 0, "13 %"),
        (Fraction(5, 2000), 1, "0,3 %"),
        (0.0045, 1, "0,5 %"),
        (0.06665, 2, "6,67 %"),
        (Fraction(-1, 8), 0, "-13 %"),
        (Fraction(-1, 10_000), 1, "0,0 %"),
        (10, 1, "1.000,0 %"),
    ],
)
def test_format_percent_rounds_half_up_exactly(
    rate: Fraction | Decimal | int | float, decimals: int, text: str
) -> None:
    assert format_percent(rate, decimals) == text


# vnformat writes vi_VN's separators itself (loading babel's locale data slowed the window's
# start): it must write exactly what babel writes for vi_VN, from CLDR.


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_number_writes_what_babel_writes_for_vi_vn(value: int) -> None:
    assert format_number(value) == format_decimal(value, locale="vi_VN")


@given(
    st.fractions(min_value=-1000, max_value=1000, max_denominator=10**6),
    st.integers(min_value=0, max_value=3),
)
def test_format_percent_writes_what_babel_writes_for_vi_vn(rate: Fraction, decimals: int) -> None:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    expected = format_decimal(percent_value(rate, decimals), format=pattern, locale="vi_VN")
    assert format_percent(rate, decimals) == f"{expected} %"


def test_format_percent_shows_missing_text_for_none() -> None:
    assert format_percent(None) == ""
    assert format_percent(None, missing="Chưa có số liệu") == "Chưa có số liệu"


@pytest.mark.parametrize(
    ("rate", "decimals", "value"),
    [
        (Fraction(2, 3), 1, Decimal("66.7")),
        (Fraction(3, 4), 1, Decimal("75.0")),
        (Fraction(1, 8), 0, Decimal("13")),
        (Fraction(1, 3), 3, Decimal("33.333")),
        (0.0045, 1, Decimal("0.5")),
    ],
)
def test_percent_value_is_a_rounded_decimal(
    rate: Fraction | float, decimals: int, value: Decimal
) -> None:
    result = percent_value(rate, decimals)
    assert result == value
    assert str(result) == str(value)


@pytest.mark.parametrize("bad", [True, "0.5", None, Decimal("NaN"), Decimal("Infinity")])
def test_percent_value_rejects_what_is_not_a_rate(bad: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        percent_value(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("decimals", [-1, True, 1.0])
def test_percent_value_rejects_bad_decimals(decimals: object) -> None:
    with pytest.raises(ValueError):
        percent_value(Fraction(1, 2), decimals)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("66,7", Fraction(667, 1000)),
        ("66,7 %", Fraction(667, 1000)),
        ("66.7%", Fraction(667, 1000)),
        (" 80 % ", Fraction(4, 5)),
        ("100", Fraction(1)),
        ("0", Fraction(0)),
        ("150", Fraction(3, 2)),
        ("-12,5", Fraction(-1, 8)),
    ],
)
def test_parse_percent_reads_a_fraction_of_one(text: str, rate: Fraction) -> None:
    assert parse_percent(text) == rate


@pytest.mark.parametrize("bad", ["", "%", "abc", "66,7,1", "1.000,5", "66,", ",5", "6 6", "5%%"])
def test_parse_percent_rejects_garbage(bad: str) -> None:
    with pytest.raises(ValueError, match="Tỷ lệ không hợp lệ") as error:
        parse_percent(bad)
    assert f"'{bad.strip()}'" in str(error.value)


def test_parse_percent_round_trips_with_format_percent() -> None:
    assert format_percent(parse_percent(format_percent(Fraction(2, 3)))) == "66,7 %"


# --- dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (datetime.date(2023, 12, 10), "10/12/2023"),
        (datetime.date(2024, 1, 5), "05/01/2024"),
        (datetime.date(2021, 11, 30), "30/11/2021"),
    ],
)
def test_format_date_is_day_month_year_with_two_digits(day: datetime.date, text: str) -> None:
    assert format_date(day) == text


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (datetime.date(2023, 12, 10), "Đồng Tháp, ngày 10 tháng 12 năm 2023"),
        (datetime.date(2024, 1, 5), "Đồng Tháp, ngày 05 tháng 01 năm 2024"),
        (datetime.date(2024, 2, 5), "Đồng Tháp, ngày 05 tháng 02 năm 2024"),
        (datetime.date(2024, 3, 5), "Đồng Tháp, ngày 05 tháng 3 năm 2024"),
        (datetime.date(2024, 9, 15), "Đồng Tháp, ngày 15 tháng 9 năm 2024"),
        (datetime.date(2024, 11, 15), "Đồng Tháp, ngày 15 tháng 11 năm 2024"),
    ],
)
def test_format_header_date_follows_decree_30(day: datetime.date, text: str) -> None:
    assert format_header_date("Đồng Tháp", day) == text


def test_format_header_date_normalises_the_place_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", " Đồng Tháp ")
    text = format_header_date(decomposed, datetime.date(2023, 12, 10))
    assert text == "Đồng Tháp, ngày 10 tháng 12 năm 2023"
    assert unicodedata.is_normalized("NFC", text)


def test_format_header_date_needs_a_place() -> None:
    with pytest.raises(ValueError, match="địa danh"):
        format_header_date("  ", datetime.date(2023, 12, 10))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("10/12/2023", datetime.date(2023, 12, 10)),
        ("1/2/2024", datetime.date(2024, 2, 1)),
        ("05/01/2024", datetime.date(2024, 1, 5)),
        ("10-12-2023", datetime.date(2023, 12, 10)),
        ("10.12.2023", datetime.date(2023, 12, 10)),
        ("2023-12-10", datetime.date(2023, 12, 10)),
        (" 10 / 12 / 2023 ", datetime.date(2023, 12, 10)),
        ("29/02/2024", datetime.date(2024, 2, 29)),
    ],
)
def test_parse_date_reads_what_users_type(text: str, day: datetime.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "abc",
        "31/02/2023",
        "29/02/2023",
        "32/12/2023",
        "10/13/2023",
        "00/12/2023",
        "10/12/23",
        "10/12-2023",
        "2023/12/10",
        "10122023",
        "10/12/2023 9:00",
    ],
)
def test_parse_date_rejects_garbage_and_impossible_dates(bad: str) -> None:
    with pytest.raises(ValueError, match="ngày/tháng/năm, ví dụ 10/12/2023") as error:
        parse_date(bad)
    assert f"Ngày không hợp lệ: '{bad}'" in str(error.value)


@pytest.mark.parametrize("day", [datetime.date(2023, 12, 10), datetime.date(2024, 1, 5)])
def test_parse_date_reads_back_format_date(day: datetime.date) -> None:
    assert parse_date(format_date(day)) == day
