"""Amounts in words ("bằng chữ"), read the official Vietnamese way."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sxtdbv_desktop.numwords import amount_in_words, number_in_words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (41, "bốn mươi mốt"),
        (44, "bốn mươi tư"),
        (55, "năm mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (1000, "một nghìn"),
        (1005, "một nghìn không trăm linh năm"),
        (1010, "một nghìn không trăm mười"),
        (1025, "một nghìn không trăm hai mươi lăm"),
        (1500, "một nghìn năm trăm"),
        (2020, "hai nghìn không trăm hai mươi"),
        (10_000, "mười nghìn"),
        (15_000, "mười lăm nghìn"),
        (21_000, "hai mươi mốt nghìn"),
        (100_000, "một trăm nghìn"),
        (505_515, "năm trăm linh năm nghìn năm trăm mười lăm"),
        (1_000_000, "một triệu"),
        (1_000_001, "một triệu không trăm linh một"),
        (1_000_010, "một triệu không trăm mười"),
        # Every group after the leading one is read with its hundreds, zero or not.
        (1_001_000, "một triệu không trăm linh một nghìn"),
        (1_050_000, "một triệu không trăm năm mươi nghìn"),
        (5_000_005, "năm triệu không trăm linh năm"),
        (5_025_110, "năm triệu không trăm hai mươi lăm nghìn một trăm mười"),
        (1_000_000_000, "một tỷ"),
        (1_000_000_005, "một tỷ không trăm linh năm"),
        (
            1_505_555_005,
            "một tỷ năm trăm linh năm triệu năm trăm năm mươi lăm nghìn không trăm linh năm",
        ),
        (3_235_715_000, "ba tỷ hai trăm ba mươi lăm triệu bảy trăm mười lăm nghìn"),
        (
            999_999_999_999,
            "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu"
            " chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
        ),
        (1_000_000_000_000, "một nghìn tỷ"),
        (2_000_003_000_000_000, "hai triệu không trăm linh ba tỷ"),
        (10**18, "một tỷ tỷ"),
        (10**18 + 1, "một tỷ tỷ không trăm linh một"),
        (-21, "âm hai mươi mốt"),
        (-1005, "âm một nghìn không trăm linh năm"),
    ],
)
def test_number_in_words_reads_the_official_way(n: int, words: str) -> None:
    assert number_in_words(n) == words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (1005, "Một nghìn không trăm linh năm đồng"),
        (2020, "Hai nghìn không trăm hai mươi đồng"),
        (3_235_715_000, "Ba tỷ hai trăm ba mươi lăm triệu bảy trăm mười lăm nghìn đồng"),
    ],
)
def test_amount_in_words_is_capitalised_and_in_dong(amount: int, words: str) -> None:
    assert amount_in_words(amount) == words


def test_amount_in_words_rejects_a_negative_amount() -> None:
    with pytest.raises(ValueError, match="-5"):
        amount_in_words(-5)


@pytest.mark.parametrize("bad", [True, False, 1.0, Decimal(5), "5", None])
@pytest.mark.parametrize("function", [number_in_words, amount_in_words])
def test_words_reject_anything_but_an_int(function: object, bad: object) -> None:
    assert callable(function)
    with pytest.raises(TypeError):
        function(bad)


@given(st.integers(min_value=0, max_value=10**15))
def test_words_are_well_formed_for_any_amount(n: int) -> None:
    words = number_in_words(n)
    assert "  " not in words
    assert words == words.strip()
    assert "mươi một" not in words
    assert "mươi bốn" not in words
    assert "mười năm" not in words
    assert "linh lăm" not in words
    assert unicodedata.is_normalized("NFC", words)
    assert amount_in_words(n).endswith(" đồng")
