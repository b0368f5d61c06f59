"""The whole yearly cycle on the default plan, read the way the Sở's leadership reads the result:
forms out, realistic answers in, the consolidated report out in both variants."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from sxtdbv_desktop.report.compose import document_of
from sxtdbv_desktop.report.output import save_docx, save_pdf
from sxtdbv_desktop.report_settings import UBND
from sxtdbv_desktop.storage import open_database
from sxtdbv_desktop.summary import build_summary
from tests.conftest import TEST_ACTOR
from tests.cycle.run import REPORT_DAY, yearly_cycle
from tests.report.pdf_reading import MM, flat, runs, whole_text
from tests.report.test_docx_libreoffice import SOFFICE, convert, has_writer, page_number, size
from tests.report.test_report_content import HEADINGS


@pytest.fixture(scope="module")
def cycle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return yearly_cycle(tmp_path_factory.mktemp("chu-ky"))


def test_the_figures_of_the_year(cycle: Path) -> None:
    db = open_database(cycle, TEST_ACTOR)
    try:
        summary = build_summary(db, 1, REPORT_DAY)
    finally:
        db.close()
    reporting = summary["reporting"]
    assert (reporting["expected"], reporting["received"], reporting["late"]) == (24, 22, 2)
    verdicts = {i["code"]: (i["verdict"], i["provisional"]) for i in summary["indicators"]}
    assert verdicts["1"] == ("exceeded", False)  # 03 models for "01 - 02"
    assert verdicts["2a"] == ("not_met", False)  # 11/14 = 78,6 %
    assert verdicts["5"][1] is True  # Tân Hồng never reported, Tam Nông left it blank
    assert summary["counts"]["tasks_unassigned"] == 0
    assert summary["budget"]["reported_spent"] > 0


def test_the_report_reads_as_a_report(cycle: Path, tmp_path: Path) -> None:
    db = open_database(cycle, TEST_ACTOR)
    try:
        document = document_of(db, 1, REPORT_DAY)
        draft = document_of(db, 1, REPORT_DAY, UBND)
    finally:
        db.close()
    save_pdf(document, tmp_path / "so.pdf")
    text = whole_text(tmp_path / "so.pdf")
    for heading in HEADINGS:
        assert heading in text
    assert "đã nhận được báo cáo của 22/24 cơ quan, đơn vị" in text
    assert "Chưa gửi báo cáo: Sở Tài chính và UBND huyện Tân Hồng." in text
    assert "None" not in text and "Không." not in text
    save_pdf(draft, tmp_path / "ubnd.pdf")
    ubnd = whole_text(tmp_path / "ubnd.pdf")
    assert "kính báo cáo Bộ Công Thương" in ubnd and "2. Đối với UBND Tỉnh" not in ubnd


@pytest.mark.skipif(not has_writer(SOFFICE), reason="LibreOffice Writer (soffice) is missing")
def test_the_word_report_through_libreoffice_keeps_the_layout(cycle: Path, tmp_path: Path) -> None:
    """The .docx of the year, laid out by another program, passes the PDF's own checks."""
    db = open_database(cycle, TEST_ACTOR)
    try:
        document = document_of(db, 1, REPORT_DAY)
    finally:
        db.close()
    save_docx(document, tmp_path / "bao-cao.docx")
    reader = PdfReader(convert(tmp_path / "bao-cao.docx", tmp_path))
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    for heading in (*HEADINGS, "Bảng 1. Kết quả thực hiện các chỉ tiêu", "Phụ lục III"):
        assert heading in text
    labels = [a.label for a in document.appendices]
    parts: list[list[PageObject]] = []
    for page in reader.pages:
        first = [run.text for run in runs(page)][:1]
        if not parts or first[0] in labels:
            parts.append([])
        parts[-1].append(page)
    assert len(parts) == 1 + len(labels)
    wide = [False] + [a.landscape for a in document.appendices]
    for pages, landscape in zip(parts, wide, strict=True):
        assert page_number(pages[0]) is None  # no number on a first page
        for number, page in enumerate(pages, start=1):
            width, height = size(page)
            assert (width > height) == landscape
            assert min(run.x for run in runs(page)) >= 30 * MM - 1.0
            if number > 1:
                found = page_number(page)
                assert found is not None and found.text == str(number)
