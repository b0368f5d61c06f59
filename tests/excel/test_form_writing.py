"""Agency forms out: one readable file per agency, its rows, protection, validations, metadata."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.budget import list_sources
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.excel.form_spec import (
    FORM_FORMAT,
    FORM_VERSION,
    INDICATORS,
    INSTRUCTIONS,
    META,
    SPENDING,
    TASKS,
    TEXTS,
    FormIdentity,
    RowKey,
    parse_key,
    structure_digest,
    task_cell_text,
    task_text_matches,
)
from sxtdbv_desktop.excel.forms import write_form
from sxtdbv_desktop.excel.imports import check_file
from sxtdbv_desktop.indicators import list_indicators
from sxtdbv_desktop.plan_sections import set_section
from sxtdbv_desktop.reports import (
    IndicatorValue,
    ReportContent,
    TaskResultInput,
    replace_report,
)
from sxtdbv_desktop.tasks import tasks_of_agency
from tests.excel.filling import keyed_rows
from tests.factories import agency_id


def load(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def test_every_agency_gets_one_readable_file(
    db: Database, excel_plan: int, forms_dir: Path
) -> None:
    names = sorted(p.name for p in forms_dir.iterdir())
    codes = sorted(a.code for a in list_agencies(db, excel_plan) if a.must_report)
    assert names == sorted(f"BaoCao_{code}_2023.xlsx" for code in codes)
    assert "BaoCao_SoTNMT_2023.xlsx" in names


def test_a_form_has_its_sheets_and_hidden_identity(forms_dir: Path) -> None:
    wb = load(forms_dir / "BaoCao_SoTNMT_2023.xlsx")
    assert wb.sheetnames == [INSTRUCTIONS, TASKS, INDICATORS, SPENDING, TEXTS, META]
    assert wb[META].sheet_state == "veryHidden"
    assert wb.security is not None and wb.security.lockStructure
    meta = {row[0]: row[1] for row in wb[META].iter_rows(values_only=True) if row[0]}
    assert meta["format"] == FORM_FORMAT
    assert meta["form_version"] == FORM_VERSION
    assert (meta["province"], meta["year"]) == ("Đồng Tháp", 2023)
    assert (meta["period_code"], meta["agency_code"]) == ("2023", "SoTNMT")
    keys = [k for s in (TASKS, INDICATORS, SPENDING, TEXTS) for _, k in keyed_rows(wb, s)]
    identity = FormIdentity("Đồng Tháp", 2023, "2023", "SoTNMT")
    assert meta["digest"] == structure_digest(identity, keys)
    instructions = " ".join(
        str(v) for row in wb[INSTRUCTIONS].iter_rows(values_only=True) for v in row if v
    )
    assert "Sở Tài nguyên và Môi trường" in instructions
    assert "10/12/2023" in instructions
    assert "Chỉ nhập vào các ô tô màu vàng nhạt" in instructions


def test_the_tasks_sheet_lists_what_the_agency_leads_or_coordinates(
    db: Database, excel_plan: int, forms_dir: Path
) -> None:
    ws = load(forms_dir / "BaoCao_SoTNMT_2023.xlsx")[TASKS]
    rows = {ws.cell(r, 2).value: ws.cell(r, 4).value for r, _ in keyed_rows(ws.parent, TASKS)}
    assert rows == {
        "III.1.1": "Phối hợp",
        "III.2.2": "Chủ trì",
        "III.2.4": "Chủ trì",
        "III.3.2": "Chủ trì",
        "V.2.1": "Chủ trì",
    }
    assert len(rows) == len(tasks_of_agency(db, excel_plan, agency_id(db, excel_plan, "SoTNMT")))
    texts = [str(c.value) for c in ws["B"] if c.value]
    assert "III. NỘI DUNG CỦA KẾ HOẠCH" in texts
    assert any(t.startswith("V.2. Sở Tài nguyên và Môi trường") for t in texts)


def test_input_cells_are_unlocked_and_shaded_the_rest_protected(forms_dir: Path) -> None:
    wb = load(forms_dir / "BaoCao_SoCT_2023.xlsx")
    for name in (INSTRUCTIONS, TASKS, INDICATORS, SPENDING, TEXTS):
        assert wb[name].protection.sheet, name
    ws = wb[TASKS]
    row = keyed_rows(wb, TASKS)[0][0]
    for column in "EFGH":
        cell = ws[f"{column}{row}"]
        assert cell.protection.locked is False
        assert cell.fill.fgColor.rgb == "00FFF2CC"
    for column in "ABCD":
        assert ws[f"{column}{row}"].protection.locked is True
    assert ws.column_dimensions["A"].hidden


def test_drop_downs_and_ranges_are_data_validations(forms_dir: Path) -> None:
    wb = load(forms_dir / "BaoCao_SoCT_2023.xlsx")
    row = keyed_rows(wb, TASKS)[0][0]
    rules = {
        (v.type, v.formula1, v.formula2, v.operator): str(v.sqref)
        for v in wb[TASKS].data_validations.dataValidation
    }
    status = '"Chưa thực hiện,Đang thực hiện,Hoàn thành,Không thực hiện"'
    assert f"E{row}" in rules[("list", status, None, None)]
    assert f"F{row}" in rules[("whole", "0", "100", "between")]
    assert f"H{row}" in rules[("whole", "0", None, "greaterThanOrEqual")]
    kinds = {v.formula1 for v in wb[INDICATORS].data_validations.dataValidation}
    assert kinds == {'"Có,Không"', "0"}


def test_indicator_rows_follow_each_kind_with_its_labels(forms_dir: Path) -> None:
    wb = load(forms_dir / "BaoCao_SoCT_2023.xlsx")
    ws = wb[INDICATORS]
    inputs = [(ws.cell(r, 2).value, k.rsplit(":", 1)[1]) for r, k in keyed_rows(wb, INDICATORS)]
    codes = [code for code, _ in inputs if code]
    assert codes == ["1", "2a", "3", "4a", "6"]  # the name cell is merged over its rows
    reduction = ["units", "baseline", "current", "estimated_rate", "method"]
    assert [name for _, name in inputs] == [
        "count_value",
        *("numerator", "denominator") * 2,
        *reduction,
        "answer",
    ]
    labels = [ws.cell(r, 4).value for r, _ in keyed_rows(wb, INDICATORS)]
    assert labels[0] == "Số mô hình được hỗ trợ xây dựng"
    assert labels[1] == (
        "Số khu, cụm công nghiệp thuộc phạm vi báo cáo đã được phổ biến, nâng cao nhận thức "
        "về SX&TDBV"
    )
    assert (
        labels[8] == "Tỷ lệ giảm túi nhựa khó phân hủy ước tính của Ban quản lý chợ (%), nếu "
        "không có số lượng"
    )
    names = [str(ws.cell(r, 3).value) for r, _ in keyed_rows(wb, INDICATORS) if ws.cell(r, 3).value]
    assert "Phạm vi báo cáo của đơn vị: Các cụm công nghiệp" in names[1]
    district = load(forms_dir / "BaoCao_HLapVo_2023.xlsx")
    keys = [k for _, k in keyed_rows(district, INDICATORS)]
    assert [k.split(":")[2] for k in keys] == [*reduction, "answer"]  # 4b and 5


def test_the_spending_sheet_asks_every_funding_source_once(
    db: Database, excel_plan: int, forms_dir: Path
) -> None:
    wb = load(forms_dir / "BaoCao_HLapVo_2023.xlsx")
    ws = wb[SPENDING]
    rows = keyed_rows(wb, SPENDING)
    assert [key for _, key in rows] == [f"source:{s.name}" for s in list_sources(db, excel_plan)]
    assert [ws.cell(r, 3).value for r, _ in rows][-1] == "Ngân sách huyện"
    assert all(ws.cell(r, 4).protection.locked is False for r, _ in rows)
    rule = " ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    assert "Mỗi đồng chỉ ghi một lần" in rule


def test_a_form_prefilled_from_a_report_imports_back_unchanged(
    db: Database, excel_plan: int, tmp_path: Path
) -> None:
    soct = agency_id(db, excel_plan, "SoCT")
    period = main_period(db, excel_plan)
    tasks = tasks_of_agency(db, excel_plan, soct)
    indicators = {i.code: i.id for i in list_indicators(db, excel_plan)}
    content = ReportContent(
        general_assessment="Tốt.\nCòn một số hạn chế.",
        proposals='=HYPERLINK("http://x")',
        task_results=[TaskResultInput(t.id, "done", 100, "-Đã xong", 2_500_000) for t in tasks],
        indicator_values=[
            IndicatorValue(0, indicators["1"], count_value=2),
            IndicatorValue(0, indicators["2a"], numerator=3, denominator=4, note="Ước tính"),
            IndicatorValue(0, indicators["3"], numerator=0, denominator=0),
            IndicatorValue(0, indicators["4a"], baseline=1000, current=500),
            IndicatorValue(0, indicators["6"], answer=1),
        ],
    )
    report = replace_report(db, period.id, soct, content, received_on=dt.date(2023, 12, 1))
    path = write_form(db, excel_plan, soct, tmp_path, report=report)
    assert path.name == "BaoCao_SoCT_2023.xlsx"
    wb = load(path)
    row = keyed_rows(wb, TASKS)[0][0]
    assert wb[TASKS][f"E{row}"].value == "Hoàn thành"
    assert wb[TASKS][f"G{row}"].value == "-Đã xong"
    assert wb[TASKS][f"G{row}"].data_type == "s"
    check = check_file(db, path)
    assert check.changes == ()
    assert not check.has_changes
    assert check.content.proposals == '=HYPERLINK("http://x")'


def test_rows_are_keyed_by_task_reference_and_indicator_code(forms_dir: Path) -> None:
    wb = load(forms_dir / "BaoCao_SoTNMT_2023.xlsx")
    assert [key for _, key in keyed_rows(wb, TASKS)] == [
        "task:III.1.1",
        "task:III.2.2",
        "task:III.2.4",
        "task:III.3.2",
        "task:V.2.1",
    ]
    assert [key for _, key in keyed_rows(wb, INDICATORS)] == ["indicator:6:answer"]
    assert [key for _, key in keyed_rows(wb, TEXTS)] == [
        "document:number",
        "document:date",
        "text:general_assessment",
        "text:difficulties",
        "text:proposals",
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("task:V.10.3", RowKey("task", "V.10.3")),
        ("indicator:2a:numerator", RowKey("indicator", "2a", "numerator")),
        ("indicator:A:1:answer", RowKey("indicator", "A:1", "answer")),
        ("text:proposals", RowKey("text", "", "proposals")),
        ("source:Sự nghiệp kinh tế", RowKey("source", "Sự nghiệp kinh tế")),
        ("document:date", RowKey("document", "", "date")),
        ("indicator:4a:method", RowKey("indicator", "4a", "method")),
        ("source: x", None),
        ("document:signer", None),
        ("task:12", None),
        ("task:IV.1.1", RowKey("task", "IV.1.1")),  # section numerals are the plan's own
        ("task:A.1.1", None),
        ("task:III.1.1 ", None),
        ("indicator: 2a:numerator", None),
        ("indicator:2a:total", None),
        ("indicator::answer", None),
        ("text:notes", None),
    ],
)
def test_row_keys_parse_back(text: str, key: RowKey | None) -> None:
    assert parse_key(text) == key
    if key is not None:
        assert key.text == text


SHOWN = task_cell_text("Tuyên truyền về rác thải nhựa.", "Quý III/2023", "Báo cáo")


@pytest.mark.parametrize(
    ("shown", "task_text", "matches"),
    [
        (SHOWN, "Tuyên truyền về rác thải nhựa.", True),
        ("Tuyên truyền về rác thải nhựa.", "Tuyên truyền về rác thải nhựa.", True),
        (unicodedata.normalize("NFD", SHOWN).replace(" ", "  "), "Tuyên truyền về rác thải nhựa.",
         True),
        (SHOWN, "Tuyên truyền về rác thải nhựa và túi ni lông.", False),
        (SHOWN, "Kiểm tra các chợ.", False),
        ("Tuyên truyền về rác thải nhựa.\n(ghi chú)", "Tuyên truyền về rác thải nhựa.", False),
        ("", "Tuyên truyền về rác thải nhựa.", False),
    ],
)  # fmt: skip
def test_the_task_text_shown_is_compared_without_its_time_frame(
    shown: str, task_text: str, matches: bool
) -> None:
    assert SHOWN.endswith("\n(Thời gian: Quý III/2023; Sản phẩm: Báo cáo)")
    assert task_text_matches(shown, task_text) is matches


def test_a_plan_with_its_own_numerals_has_them_on_its_forms(
    db: Database, excel_plan: int, tmp_path: Path
) -> None:
    set_section(db, excel_plan, "content", "II", "NHIỆM VỤ")
    set_section(db, excel_plan, "duty", "IV", "TỔ CHỨC THỰC HIỆN")
    path = write_form(db, excel_plan, agency_id(db, excel_plan, "SoTNMT"), tmp_path / "a.xlsx")
    ws = load(path)[TASKS]
    rows = [ws.cell(r, 2).value for r, _ in keyed_rows(ws.parent, TASKS)]
    assert rows == ["II.1.1", "II.2.2", "II.2.4", "II.3.2", "IV.2.1"]
    texts = [str(c.value) for c in ws["B"] if c.value]
    assert "II. NỘI DUNG CỦA KẾ HOẠCH" in texts
    assert "IV. TỔ CHỨC THỰC HIỆN (NHIỆM VỤ CỦA CƠ QUAN)" in texts
