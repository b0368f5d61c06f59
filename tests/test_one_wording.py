"""Each concept is worded once: no Vietnamese phrase typed in two modules, one wording of an
indicator's result everywhere, and the Excel form's headings as the forms already sent out."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop import result_words
from sxtdbv_desktop.cli.plan_commands import summary_text
from sxtdbv_desktop.consolidation import indicator_results
from sxtdbv_desktop.excel.form_spec import DATA_SHEETS, INDICATORS, SPENDING, TASKS
from sxtdbv_desktop.excel.forms import write_forms
from sxtdbv_desktop.report.compose import compose
from sxtdbv_desktop.report.compose_results import INDICATOR_COLUMNS
from sxtdbv_desktop.report.content import build_report
from sxtdbv_desktop.report.document import Document, Table
from sxtdbv_desktop.report.wording import DOCUMENT, result_figure
from tests.report.sample_reports import REPORT_DATE, build_sample

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wording_report() -> Iterator[ModuleType]:
    """tools/wording_report.py, which is no package's module."""
    spec = importlib.util.spec_from_file_location(
        "wording_report", ROOT / "tools" / "wording_report.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["wording_report"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules["wording_report"]


# --- no phrase typed twice ---------------------------------------------------------------------


def test_no_vietnamese_phrase_is_typed_in_two_modules(wording_report: ModuleType) -> None:
    found, modules = wording_report.collect(ROOT)
    assert modules > 200 and len(found) > 2000  # it did read the code
    offending = wording_report.offending(found)
    listed = {text: sorted({p.module for p in places}) for text, places in offending.items()}
    # Define the words once (sxtdbv_desktop/labels.py, headings.py, result_words.py,
    # rule_words.py; sxtdbv_ui/texts.py for the window's own) and use them where they are needed.
    assert listed == {}


def test_every_allowed_repeat_is_still_repeated(wording_report: ModuleType) -> None:
    found, _ = wording_report.collect(ROOT)
    repeated = wording_report.repeated(found)
    stale = [text for text in wording_report.ALLOWED_REPEATS if text not in repeated]
    assert stale == []


def test_the_check_finds_a_phrase_typed_in_two_modules(
    wording_report: ModuleType, tmp_path: Path
) -> None:
    package = tmp_path / "sxtdbv_desktop"
    package.mkdir()
    (package / "a.py").write_text(
        '"""Mô-đun a: docstrings are not literals."""\n'
        'HEADING = "Kinh phí đã chi (đồng)"\n'
        'SHORT = "Ghi chú"\n'
        'def f(n: int) -> str:\n    return f"{n} đơn vị đã báo cáo"\n',
        encoding="utf-8",
    )
    (package / "b.py").write_text(
        'COLUMN = "Kinh phí đã chi (đồng)"\n'
        'NOTE = "Ghi chú"\n'
        'ASCII = "Kinh phi da chi (dong)"\n'
        'def g(n: int) -> str:\n    return f"Có {n} đơn vị đã báo cáo"\n',
        encoding="utf-8",
    )
    found, modules = wording_report.collect(tmp_path, ("sxtdbv_desktop",))
    assert modules == 2
    texts = sorted(lit.text for lit in found)
    assert texts == sorted(
        ["Kinh phí đã chi (đồng)"] * 2 + ["Ghi chú"] * 2 + ["đơn vị đã báo cáo"] * 2 + ["Có"]
    )
    offending = wording_report.offending(found)
    # Two words ("Ghi chú") may repeat; four or five may not, f-string pieces included.
    assert sorted(offending) == ["Kinh phí đã chi (đồng)", "đơn vị đã báo cáo"]
    assert wording_report.main(["--check", "--root", str(tmp_path)]) == 1


def test_the_script_prints_its_figures(
    wording_report: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wording_report.main(["--check"]) == 0
    out = capsys.readouterr().out
    assert "Vietnamese literals" in out and "0 refused" in out


# --- one wording of an indicator's result ------------------------------------------------------


@pytest.fixture
def sample(db: Database, plan_id: int) -> int:
    """The default plan with 20 of its agencies' reports: some figures still provisional."""
    build_sample(db, plan_id, reports=20)
    return plan_id


def _indicator_table(document: Document) -> Table:
    tables = [b for b in document.body if isinstance(b, Table) and b.columns == INDICATOR_COLUMNS]
    assert len(tables) == 1
    return tables[0]


def test_a_result_reads_alike_in_the_summary_the_window_and_the_report(
    db: Database, sample: int
) -> None:
    results = {r.indicator.code: r for r in indicator_results(db, sample)}
    reduction, yes_no, count = results["4a"], results["5"], results["1"]
    # The window's and the command line's numbers.
    assert result_words.indicator_result(reduction) == "Giảm 40,4 % (ước tính)"
    assert result_words.indicator_result(yes_no) == "58,3 % (7/12)"
    assert result_words.indicator_result(count) == "5 mô hình"
    assert result_words.threshold(reduction.indicator).startswith("Giảm ≥ ")
    assert result_words.verdict(yes_no) == "Chưa đạt (tạm tính)"
    # The report: the same words in its numbers, and what a yes/no indicator counts.
    assert result_words.indicator_result(reduction, DOCUMENT) == "Giảm 40,4% (ước tính)"
    assert result_figure(yes_no, "huyện, thành phố") == "58,3% (07/12 huyện, thành phố)"
    assert result_figure(count, "huyện, thành phố") == "05 mô hình"
    # summary prints the window's wording, with the verdict as the window gives it.
    lines = summary_text(db, sample, dt.date(2023, 12, 14)).splitlines()
    line = next(text for text in lines if text.startswith("  4a "))
    assert "Giảm 40,4 % (ước tính)" in line and "Đạt (tạm tính)" in line
    assert "None" not in "\n".join(lines)
    # The report's table of indicators holds those cells.
    table = _indicator_table(compose(build_report(db, sample, REPORT_DATE)))
    cells = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows}
    assert cells["4a"][3] == "Giảm 40,4% (ước tính)"
    assert cells["5"][3:] == ["58,3% (07/12 huyện, thành phố)", "Chưa đạt (tạm tính)"]


# --- the form keeps its headings ---------------------------------------------------------------

FORM_HEADINGS = {
    TASKS: [
        "STT",
        "Nhiệm vụ được giao",
        "Vai trò",
        "Trạng thái (*)",
        "Tiến độ (%)",
        "Kết quả thực hiện",
        "Kinh phí đã chi (đồng)",
    ],
    INDICATORS: ["Mã", "Chỉ tiêu (kế hoạch)", "Nội dung cần báo cáo", "Số liệu (*)", "Ghi chú"],
    SPENDING: ["STT", "Nguồn kinh phí của Kế hoạch", "Kinh phí đã sử dụng (đồng)"],
}
"""The headings of the forms sent out since form version 2, now built from shared names."""


def test_the_form_keeps_the_sheet_names_and_headings_already_sent_out(
    db: Database, plan_id: int, tmp_path: Path
) -> None:
    written = write_forms(db, plan_id, tmp_path)
    workbook = openpyxl.load_workbook(next(p for p in written if "SoTNMT" in p.name))
    assert workbook.sheetnames == ["Hướng dẫn", "Nhiệm vụ", "Chỉ tiêu", "Kinh phí",
                                   "Đánh giá chung", "SXTDBV"]  # fmt: skip
    assert DATA_SHEETS == ("Nhiệm vụ", "Chỉ tiêu", "Kinh phí", "Đánh giá chung")
    for sheet, headings in FORM_HEADINGS.items():
        header_row = [c.value for c in workbook[sheet][5] if c.value is not None]
        assert header_row == headings
    prompts = {
        (v.promptTitle, v.errorTitle)
        for sheet in (TASKS, INDICATORS, SPENDING)
        for v in workbook[sheet].data_validations.dataValidation
    }
    assert ("Kinh phí đã chi", "Kinh phí đã chi không hợp lệ") in prompts
    assert ("Trạng thái", "Trạng thái không hợp lệ") in prompts
    texts = [c.value for row in workbook["Đánh giá chung"].iter_rows() for c in row]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts and "Độc lập - Tự do - Hạnh phúc" in texts
