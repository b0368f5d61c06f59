"""The consolidated report read back from its PDF: layout rules of Nghị định 30/2020 and the
figures of `summary --json`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from sqlite_utils import Database

from sxtdbv_desktop import report_settings
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.numwords import amount_in_words
from sxtdbv_desktop.report.body import HEADINGS
from sxtdbv_desktop.report.content import build_report
from sxtdbv_desktop.report.output import save_pdf
from sxtdbv_desktop.report.pdf_tables import chunks
from sxtdbv_desktop.reports import ReportContent, TaskResultInput, replace_report
from sxtdbv_desktop.tasks import list_tasks
from sxtdbv_desktop.vnformat import format_number
from tests.factories import agency_id
from tests.report.conftest import Built
from tests.report.pdf_reading import MM, embedded_font_file, flat, fonts, runs, texts

A4 = (595.28, 841.89)
FIXED_TEXTS = (
    "UBND TỈNH ĐỒNG THÁP",
    "SỞ CÔNG THƯƠNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Đồng Tháp, ngày 05 tháng 01 năm 2024",
    "BÁO CÁO",
    "Kết quả thực hiện Kế hoạch thực hiện Chương trình hành động quốc gia về sản xuất và "
    "tiêu dùng bền vững năm 2023 trên địa bàn tỉnh Đồng Tháp",
    *HEADINGS,
    "Nơi nhận:",
    "KT. GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "Phụ lục I",
    "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
    "Phụ lục II",
)


def whole_text(path: Path) -> str:
    return flat(" ".join(texts(path)))


def test_the_vietnamese_headings_come_out_nfc_exact(thirty: Built) -> None:
    raw = "\n".join(texts(thirty.pdf))
    assert unicodedata.is_normalized("NFC", raw)
    text = flat(raw)
    for heading in FIXED_TEXTS:
        assert heading in text, heading


def test_every_font_is_the_bundled_family_and_embedded(thirty: Built) -> None:
    used = fonts(PdfReader(thirty.pdf))
    assert used, "no font found"
    for name, font in used.items():
        assert "LiberationSerif" in name, name
        assert embedded_font_file(font) is not None, f"{name} is not embedded"
    faces = {name.split("+")[-1] for name in used}
    assert faces == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


def test_every_page_is_a4_portrait(thirty: Built) -> None:
    reader = PdfReader(thirty.pdf)
    assert len(reader.pages) == thirty.pages > 20
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4


def test_no_text_starts_left_of_the_30_mm_margin_or_in_the_right_one(thirty: Built) -> None:
    for number, page in enumerate(PdfReader(thirty.pdf).pages, 1):
        found = runs(page)
        assert found
        left = min(r.x for r in found)
        assert left >= 30 * MM - 0.01, f"page {number}: text at {left / MM:.2f} mm"
        assert max(r.x for r in found) < A4[0] - 15 * MM


def test_page_numbers_are_centred_at_the_top_from_page_2(thirty: Built) -> None:
    top_margin = A4[1] - 20 * MM
    for number, page in enumerate(PdfReader(thirty.pdf).pages, 1):
        in_margin = [r for r in runs(page) if r.y > top_margin]
        if number == 1:
            assert in_margin == []
            continue
        assert [r.text for r in in_margin] == [str(number)]
        centre = 30 * MM + (A4[0] - 45 * MM) / 2
        assert abs(in_margin[0].x - centre) < 12  # the start of a centred number


def test_the_figures_are_those_of_summary_json(thirty: Built) -> None:
    text = whole_text(thirty.pdf)
    verdicts = {i["verdict_label"] for i in thirty.summary["indicators"]}
    assert {"Đạt", "Chưa đạt", "Vượt"} <= verdicts  # the sample exercises every verdict
    for indicator in thirty.summary["indicators"]:
        if indicator["percent"] is not None:
            percent = f"{indicator['percent']:.1f}".replace(".", ",") + " %"
            parts = f"{format_number(indicator['numerator'])}/"
            parts += format_number(indicator["denominator"])
            parts = {"reduction": f"Giảm {parts}", "yes_no": f"{parts} đơn vị"}.get(
                indicator["kind"], parts
            )
            assert f"{parts} {percent} {indicator['verdict_label']}" in text, indicator["code"]
        else:
            row = f"{indicator['value']} mô hình — {indicator['verdict_label']}"
            assert row in text, indicator["code"]
    budget = thirty.summary["budget"]
    total = format_number(budget["total_estimate"])
    assert f"Tổng cộng {total} {format_number(budget['allocated'])}" in text
    assert f"{format_number(budget['disbursed'])}" in text
    assert f"{total} đồng (Bằng chữ: {amount_in_words(budget['total_estimate'])})" in text
    reporting = thirty.summary["reporting"]
    counts = [reporting[k] for k in ("received", "expected", "on_time", "late", "missing")]
    assert "Cộng {}/{} {} {} {}".format(*counts) in text


def test_quoted_text_keeps_its_special_characters(thirty: Built) -> None:
    text = whole_text(thirty.pdf)
    assert "tiêu chí & hướng dẫn" in text
    assert "(< 50 lao động)" in text


def test_table_headers_repeat_on_every_page_of_the_appendix(thirty: Built) -> None:
    pages = [flat(t) for t in texts(thirty.pdf)]
    first = next(i for i, t in enumerate(pages) if "CÁC NHIỆM VỤ (Kèm theo Báo cáo" in t)
    last = next(i for i, t in enumerate(pages) if "DO CÁC CƠ QUAN, ĐƠN VỊ BÁO CÁO (Kèm" in t)
    assert last - first > 3
    for page in pages[first:last]:
        assert "TT Đơn vị báo cáo Tình trạng Tiến độ Kết quả thực hiện Kinh phí đã chi" in page


def test_a_plan_without_reports_says_there_is_no_data(empty: Built) -> None:
    text = whole_text(empty.pdf)
    assert "chưa nhận được báo cáo kết quả thực hiện của cơ quan, đơn vị nào" in text
    assert text.count("Chưa có số liệu — Chưa có số liệu") == 8  # every indicator row
    assert "Cộng 0/24 0 0 24" in text
    assert "0 chỉ tiêu đạt" in text and "8 chỉ tiêu chưa có số liệu" in text
    for heading in HEADINGS[4:]:
        assert f"{heading} Chưa có số liệu." in text


def test_gaps_of_the_plan_show_as_placeholders_not_invented_text(empty: Built) -> None:
    text = whole_text(empty.pdf)
    assert "Chủ trì: ………" not in text  # section III has proposed lead agencies
    assert "PHÓ GIÁM ĐỐC …………………… " in text  # the signer's name is left to write
    assert "Số: /BC-SCT" in text  # the number is written by hand when registered


def test_a_result_longer_than_a_page_flows_onto_the_next_pages(
    db: Database, plan_id: int, tmp_path: Path
) -> None:
    task = list_tasks(db, plan_id)[0]
    words = " ".join(f"hoạt động {n} <đã xong> & báo cáo;" for n in range(400))
    content = ReportContent(task_results=[TaskResultInput(task.id, "done", 100, words, 1000)])
    period = main_period(db, plan_id).id
    replace_report(
        db, period, agency_id(db, plan_id, "SoCT"), content, received_on=dt.date(2023, 12, 1)
    )
    pdf = tmp_path / "dai.pdf"
    pages = save_pdf(build_report(db, plan_id, dt.date(2024, 1, 5)), pdf)
    assert pages >= 14  # 11 without it: the text takes pages of its own in the appendix
    text = whole_text(pdf)
    assert "hoạt động 399 <đã xong> & báo cáo;" in text
    for page in texts(pdf):  # the table breaks between pieces, never twice on one page
        assert page.count("Đơn vị báo cáo") <= 1


def test_long_text_is_cut_at_word_ends_into_pieces_that_fit_a_row() -> None:
    text = "Đoạn đầu.\n" + " ".join(f"việc{n}" for n in range(2000)) + "\nĐoạn cuối."
    pieces = chunks(text, 190)
    assert len(pieces) > 5
    assert max(len(p) for p in pieces) <= 760
    assert " ".join(" ".join(pieces).split()) == " ".join(text.split())
    assert chunks("", 190) == [""]


def test_the_signature_block_comes_from_the_report_settings(
    db: Database, plan_id: int, tmp_path: Path
) -> None:
    settings = report_settings.load(db, plan_id)
    report_settings.save(
        db,
        plan_id,
        dataclasses.replace(
            settings,
            signer_authority="TM. ỦY BAN NHÂN DÂN",
            signer_title="CHỦ TỊCH",
            signer_name="Trần Thị Mẫu",
            recipients="Bộ Công Thương;\nLưu: VT, P.QLCN.",
            report_number="7",
        ),
    )
    pdf = tmp_path / "bc.pdf"
    save_pdf(build_report(db, plan_id, dt.date(2024, 2, 3)), pdf)
    text = whole_text(pdf)
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Thị Mẫu" in text
    assert "Nơi nhận: - Bộ Công Thương; - Lưu: VT, P.QLCN." in text
    assert "……………………" not in text
    assert "Số: 7/BC-SCT Đồng Tháp, ngày 03 tháng 02 năm 2024" in text
    assert "(Kèm theo Báo cáo số 7/BC-SCT ngày 03/02/2024 của Sở Công Thương)" in text
