"""Message boxes say everything in Vietnamese with the safe answer by default; typed values are
read (or refused, with the reason) the way clerks write them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sxtdbv_ui import msgbox, parsing


def test_a_question_has_vietnamese_buttons_and_defaults_to_no(qapp: QApplication) -> None:
    box = msgbox.build_question(None, "Xóa cơ quan", "Xóa?", yes="Xóa")
    yes, no = (
        box.button(b) for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)
    )
    assert (yes.text(), no.text()) == ("Xóa", "Không")
    assert box.defaultButton() is no and box.escapeButton() is no


def test_notices_and_text_questions_have_vietnamese_buttons(qapp: QApplication) -> None:
    notice = msgbox.build_notice(None, "Lỗi", "Ổ đĩa đầy.", QMessageBox.Icon.Warning)
    assert notice.button(QMessageBox.StandardButton.Close).text() == "Đóng"
    question = msgbox.build_text_question(None, "Trả lại", "Lý do:")
    assert (question.okButtonText(), question.cancelButtonText()) == ("Đồng ý", "Hủy")


@pytest.mark.parametrize(
    ("parse", "text", "value"),
    [
        (parsing.money, "3.235.715.000", 3_235_715_000),
        (parsing.money, "1 500 000 đồng", 1_500_000),
        (parsing.optional_money, " ", None),
        (parsing.number, "1.250", 1250),
        (parsing.percent, "80 %", 80),
        (parsing.optional_percent, "", None),
        (parsing.date, "5/1/2024", dt.date(2024, 1, 5)),
        (parsing.required_text, "  Sở  Y tế ", "Sở Y tế"),
    ],
)
def test_values_are_read_as_clerks_type_them(
    parse: Callable[[str], object], text: str, value: object
) -> None:
    assert parse(text) == value


@pytest.mark.parametrize(
    ("parse", "text", "reason"),
    [
        (parsing.money, "1.000,5", "không có phần thập phân"),
        (parsing.money, "-5", "không âm"),
        (parsing.number, "12,5", "dấu phẩy là dấu thập phân"),
        (parsing.number, "12a", "không phải là số nguyên không âm"),
        (parsing.percent, "66,7", "số nguyên phần trăm từ 0 đến 100"),
        (parsing.percent, "150", "từ 0 đến 100"),
        (parsing.date, "31/02/2023", "Ngày không hợp lệ"),
        (parsing.required_text, "   ", "không được để trống"),
    ],
)
def test_invalid_values_are_refused_with_a_vietnamese_reason(
    parse: Callable[[str], object], text: str, reason: str
) -> None:
    with pytest.raises(ValueError, match=reason):
        parse(text)


def test_qts_own_print_preview_speaks_vietnamese(qapp: QApplication) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QToolBar

    from sxtdbv_ui.app import application

    application()
    dialog = QPrintPreviewDialog()
    texts = [a.text() for bar in dialog.findChildren(QToolBar) for a in bar.actions() if a.text()]
    assert dialog.windowTitle() == "Xem trước khi in"
    assert {"Trang sau", "Phóng to", "In", "Thiết lập trang"} <= set(texts)
    assert not {"Next page", "Zoom in", "Print", "Page setup"} & set(texts)
    dialog.deleteLater()


def test_the_date_question_proposes_a_day_in_vietnamese_format(qapp: QApplication) -> None:
    dialog = msgbox.build_date_question(None, "Nộp báo cáo", "Ngày nhận:", dt.date(2023, 12, 8))
    assert dialog.date_edit.displayFormat() == "dd/MM/yyyy"
    assert dialog.date_edit.text() == "08/12/2023"
    assert dialog.date() == dt.date(2023, 12, 8)


def test_a_message_shows_ampersands_and_brackets_as_written(qapp: QApplication) -> None:
    box = msgbox.build_notice(None, "Lỗi", "Sở KH&CN <b>", QMessageBox.Icon.Warning)
    assert box.textFormat() == Qt.TextFormat.PlainText
