"""The whole yearly cycle on the default plan, read the way the Sở's leadership reads the result:
forms out, realistic answers in, the consolidated report out in both variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from sxtdbv_desktop.report.compose import document_of
from sxtdbv_desktop.report.output import save_pdf
from sxtdbv_desktop.report_settings import UBND
from sxtdbv_desktop.storage import open_database
from sxtdbv_desktop.summary import build_summary
from tests.conftest import TEST_ACTOR
from tests.cycle.run import REPORT_DAY, yearly_cycle
from tests.report.pdf_reading import whole_text
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
