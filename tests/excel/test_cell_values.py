"""Reading a cell's value leniently, and text typed in legacy encodings, cell by cell."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from sxtdbv_desktop.excel import cell_values
from sxtdbv_desktop.excel.cell_values import CellRuleError
from sxtdbv_desktop.excel.legacy_cells import font_encoding, repair_cells
from sxtdbv_desktop.labels import TASK_STATUSES
from sxtdbv_desktop.legacy_text import LegacyEncoding, from_unicode


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, 12),
        (12.0, 12),
        ("12", 12),
        (" 12 ", 12),
        ("1.000", 1000),
        ("1.234.567", 1234567),
        ("1 234 567", 1234567),
        ("1\u00a0234", 1234),
        ("15.000.000 đồng", 15000000),
        ("15.000.000đ", 15000000),
        (None, None),
        ("   ", None),
    ],
)
def test_whole_numbers_however_they_were_typed(value: object, expected: int | None) -> None:
    assert cell_values.whole_number(value, what="Số liệu") == expected


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        (-1, "Số liệu không được âm (đang là «-1»)."),
        ("-1.000", "Số liệu không được âm (đang là «-1.000»)."),
        (2.5, "Số liệu phải là số nguyên, không có phần thập phân (đang là «2.5»)."),
        (
            "2,5",
            "Số liệu phải là số nguyên (ví dụ 12 hoặc 1.000), không phải «2,5». Dấu phẩy là "
            "dấu thập phân; số nghìn viết bằng dấu chấm, ví dụ 1.500.",
        ),
        ("mười", "Số liệu phải là số nguyên (ví dụ 12 hoặc 1.000), không phải «mười»."),
        (True, "Số liệu phải là số nguyên, không phải «True»."),
        (dt.datetime(2023, 12, 10), "Số liệu phải là số nguyên, không phải «10/12/2023»."),
        (float("nan"), "Số liệu phải là số nguyên."),
        (10**16, "Số liệu quá lớn (đang là «10000000000000000»)."),
    ],
)
def test_what_is_not_a_whole_number_says_why(value: object, rule: str) -> None:
    with pytest.raises(CellRuleError) as caught:
        cell_values.whole_number(value, what="Số liệu")
    assert caught.value.rule == rule


def test_progress_is_a_percentage_from_0_to_100() -> None:
    assert cell_values.whole_number("80%", what="Tiến độ", maximum=100) == 80
    assert cell_values.whole_number(0.8, what="Tiến độ", maximum=100, percent_format=True) == 80
    assert cell_values.whole_number(1, what="Tiến độ", maximum=100, percent_format=True) == 100
    with pytest.raises(CellRuleError, match=r"phải từ 0 đến 100 \(đang là «101»\)"):
        cell_values.whole_number(101, what="Tiến độ", maximum=100)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Hoàn thành", "done"),
        ("  hoàn   thành ", "done"),
        ("HOAN THANH", "done"),
        (unicodedata.normalize("NFD", "Đang thực hiện"), "in_progress"),
        (from_unicode("Chưa thực hiện", "tcvn3"), "not_started"),
        (from_unicode("Không thực hiện", "vni"), "cancelled"),
        (None, None),
    ],
)
def test_a_choice_is_matched_without_case_accents_or_legacy_encoding(
    value: object, code: str | None
) -> None:
    assert cell_values.choice(value, TASK_STATUSES, what="Trạng thái") == code


def test_yes_no_answers() -> None:
    for value, answer in [("Có", 1), ("không", 0), (True, 1), (0, 0), ("Cã", 1), (None, None)]:
        assert cell_values.yes_no(value, what="Câu trả lời") == answer
    with pytest.raises(CellRuleError, match="phải là một trong: Có, Không"):
        cell_values.yes_no("Chưa", what="Câu trả lời")


def test_dates_from_cells_serials_and_text() -> None:
    day = dt.date(2023, 12, 10)
    assert cell_values.date(dt.datetime(2023, 12, 10)) == day
    assert cell_values.date(45270) == day
    assert cell_values.date(45270.0) == day
    assert cell_values.date("10/12/2023") == day
    assert cell_values.date(None) is None
    with pytest.raises(CellRuleError, match="Ngày không hợp lệ"):
        cell_values.date("31/02/2023")


def test_text_cells_become_tidy_nfc_text() -> None:
    assert cell_values.text(unicodedata.normalize("NFD", "  Tốt  \r\n Khá ")) == "Tốt\nKhá"
    assert cell_values.text(12.0) == "12"
    assert cell_values.text(2.5) == "2,5"
    assert cell_values.text(dt.datetime(2023, 1, 5)) == "05/01/2023"


SENTENCE = "Đã tổ chức hội nghị tuyên truyền về tiêu dùng bền vững"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_legacy_cell_is_converted_by_its_font_even_when_short(
    encoding: LegacyEncoding,
) -> None:
    font = ".VnTime" if encoding == "tcvn3" else "VNI-Times"
    short = from_unicode("Tốt", encoding)
    assert repair_cells([(short, font)]) == ["Tốt"]
    assert font_encoding(font) == encoding


def test_the_sheets_text_decides_for_a_short_ambiguous_cell() -> None:
    long, short = from_unicode(SENTENCE, "tcvn3"), from_unicode("Hoàn thành", "tcvn3")
    assert repair_cells([(long, None), (short, None)]) == [SENTENCE, "Hoàn thành"]


def test_unicode_and_foreign_text_are_left_alone() -> None:
    cells = [("Có", None), (SENTENCE, None), ("Café Müller", None), ("=1+1", None)]
    assert repair_cells(cells) == ["Có", SENTENCE, "Café Müller", "=1+1"]
    assert repair_cells([("Có", None), (from_unicode(SENTENCE, "tcvn3"), None)])[0] == "Có"


def test_real_unicode_beside_tcvn3_cells_is_left_as_typed() -> None:
    sheet = [(from_unicode(SENTENCE, "tcvn3"), None), ("25 µg/m³", None), ("Bụi 25 µg", None)]
    assert repair_cells(sheet) == [SENTENCE, "25 µg/m³", "Bụi 25 µg"]


def test_the_sheet_suggests_an_encoding_the_cell_must_confirm() -> None:
    # Too mixed for detect_legacy alone: its own TCVN3 word decides, helped by the sheet.
    mixed = "Email abc " + from_unicode("Tháng", "tcvn3") + " 12"
    sheet = [(from_unicode(SENTENCE, "tcvn3"), None), (mixed, None)]
    assert repair_cells(sheet) == [SENTENCE, "Email abc Tháng 12"]
    assert repair_cells([(mixed, None)]) == [mixed]  # alone, the cell is left as it is
