"""The consolidated report read back from its PDF: the layout rules of Nghị định 30/2020."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from sqlite_utils import Database

from sxtdbv_desktop import report_settings
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.report.compose import document_of
from sxtdbv_desktop.report.output import save_pdf
from sxtdbv_desktop.report.pdf_tables import chunks
from sxtdbv_desktop.reports import ReportContent, TaskResultInput, replace_report
from sxtdbv_desktop.tasks import list_tasks
from tests.factories import agency_id
from tests.report.conftest import Built
from tests.report.pdf_reading import MM, embedded_font_file, flat, fonts, runs, texts, whole_text
from tests.report.test_report_content import HEADINGS

A4 = (595.28, 841.89)
FIXED_TEXTS = (
    "UBND TỈNH ĐỒNG THÁP",
    "SỞ CÔNG THƯƠNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 15/BC-SCT",
    "Đồng Tháp, ngày 05 tháng 01 năm 2024",
    "BÁO CÁO",
    "Kết quả thực hiện Kế hoạch thực hiện Chương trình hành động quốc gia về sản xuất và "
    "tiêu dùng bền vững năm 2023 trên địa bàn tỉnh Đồng Tháp",
    *HEADINGS,
    "Nơi nhận:",
    "KT. GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "Phụ lục I",
    "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ",
    "Phụ lục II",
    "Phụ lục III",
)


def _appendix_starts(pdf: Path) -> list[int]:
    """The index of the first page of each appendix."""
    pages = [flat(t) for t in texts(pdf)]
    return [i for i, t in enumerate(pages) if t.startswith("Phụ lục ")]


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


def test_the_body_is_a4_portrait_and_the_wide_appendices_landscape(thirty: Built) -> None:
    reader = PdfReader(thirty.pdf)
    assert len(reader.pages) == thirty.pages > 20
    first, _, third = _appendix_starts(thirty.pdf)
    for number, page in enumerate(reader.pages):
        size = (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
        wide = first <= number < third
        assert size == (A4[::-1] if wide else A4), f"page {number + 1}"


def test_no_text_starts_left_of_the_30_mm_margin_or_in_the_right_one(thirty: Built) -> None:
    for number, page in enumerate(PdfReader(thirty.pdf).pages, 1):
        found = runs(page)
        assert found
        left = min(r.x for r in found)
        assert left >= 30 * MM - 0.01, f"page {number}: text at {left / MM:.2f} mm"
        assert max(r.x for r in found) < float(page.mediabox.width) - 15 * MM


def test_pages_are_numbered_at_the_top_and_each_appendix_on_its_own(thirty: Built) -> None:
    starts = _appendix_starts(thirty.pdf)
    reader = PdfReader(thirty.pdf)
    for index, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        in_margin = [r for r in runs(page) if r.y > height - 20 * MM]
        start = max([0, *(s for s in starts if s <= index)])
        number = index - start + 1
        if number == 1:  # the first page of the report and of each appendix: no number
            assert in_margin == [], f"page {index + 1}"
            continue
        assert [r.text for r in in_margin] == [str(number)], f"page {index + 1}"
        centre = 30 * MM + (width - 45 * MM) / 2
        assert abs(in_margin[0].x - centre) < 12  # the start of a centred number


def test_quoted_text_keeps_its_special_characters(thirty: Built) -> None:
    text = whole_text(thirty.pdf)
    assert "tiêu chí & hướng dẫn" in text
    assert "(< 50 lao động)" in text


def test_table_headers_repeat_on_every_page_of_the_task_appendix(thirty: Built) -> None:
    pages = [flat(t) for t in texts(thirty.pdf)]
    first, second, _ = _appendix_starts(thirty.pdf)
    assert second - first > 3
    for page in pages[first:second]:
        assert "TT Nhiệm vụ; cơ quan, đơn vị báo cáo Vai trò Trạng thái" in page


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
    pages = save_pdf(document_of(db, plan_id, dt.date(2024, 1, 5)), pdf)
    shorter = save_pdf(document_of(db, plan_id, dt.date(2024, 1, 5)), tmp_path / "ngan.pdf")
    assert pages == shorter
    text = whole_text(pdf)
    assert "hoạt động 399 <đã xong> & báo cáo;" in text
    first, second, _ = _appendix_starts(pdf)
    assert second - first >= 3  # the text takes pages of its own in the appendix
    for page in texts(pdf):  # the table breaks between pieces, never twice on one page
        assert flat(page).count("Nhiệm vụ; cơ quan, đơn vị báo cáo") <= 1


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
            recipients="Bộ Công Thương;\nLưu: VT, {phòng}.",
            drafting_unit="QLCN",
            report_number="7",
        ),
    )
    pdf = tmp_path / "bc.pdf"
    save_pdf(document_of(db, plan_id, dt.date(2024, 2, 3)), pdf)
    text = whole_text(pdf)
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Thị Mẫu" in text
    assert "Nơi nhận: - Bộ Công Thương; - Lưu: VT, QLCN." in text
    assert "[họ và tên người ký]" not in text
    assert "Số: 7/BC-SCT Đồng Tháp, ngày 03 tháng 02 năm 2024" in text
    assert "(Kèm theo Báo cáo số 7/BC-SCT ngày 03/02/2024 của Sở Công Thương)" in text
