"""A crafted file (its digest recomputed, as anyone reading our code could) can only change the
report of the agency its metadata names, on that agency's tasks and indicators, never the plan:
a key naming a task or indicator outside the agency's assignment, or one the plan does not
have, or a task whose text is not the one the row shows, is refused, and nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop.excel.errors import FormError, Problem
from sxtdbv_desktop.excel.form_spec import (
    INDICATORS,
    TASK_COLUMNS,
    TASKS,
    task_key,
)
from sxtdbv_desktop.excel.imports import PLAN_CHANGED, check_file
from sxtdbv_desktop.numbering import task_references
from sxtdbv_desktop.tasks import Task, tasks_of_agency
from tests.excel.filling import fill_file, keyed_rows, meta_cells, rename_key, reseal
from tests.factories import agency_id
from tests.safety.helpers import snapshot


def crafted(source: Path, target: Path, change: Callable[[openpyxl.Workbook], object]) -> Path:
    fill_file(source, target, "craft")
    wb = openpyxl.load_workbook(target)
    change(wb)
    reseal(wb)
    wb.save(target)
    return target


def test_renaming_the_agency_cannot_reach_the_other_agencys_tasks(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    def as_soct(wb: openpyxl.Workbook) -> None:
        meta_cells(wb)["agency_code"].value = "SoCT"

    path = crafted(forms_dir / "BaoCao_SoTNMT_2023.xlsx", tmp_path / "x.xlsx", as_soct)
    before = snapshot(db)
    with pytest.raises(FormError) as caught:
        check_file(db, path)
    message = caught.value.message
    assert f"trang tính «{TASKS}», ô B" in message
    assert "nhiệm vụ V.2.1 không được giao cho Sở Công Thương" in message
    assert "biểu mẫu đã cũ: thiếu nhiệm vụ" in message  # SoCT's own tasks are not in it
    assert snapshot(db) == before


def foreign_task(db: Database, plan_id: int) -> tuple[str, Task]:
    """A task of the Sở Khoa học và Công nghệ that the Sở Công Thương was not given."""
    others = tasks_of_agency(db, plan_id, agency_id(db, plan_id, "SoKHCN"))
    mine = {t.id for t in tasks_of_agency(db, plan_id, agency_id(db, plan_id, "SoCT"))}
    task = next(t for t in others if t.id not in mine)
    return task_references(db, plan_id)[task.id], task


def test_a_row_of_another_agencys_task_is_rejected(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    reference, task = foreign_task(db, excel_plan)

    def steal_row(wb: openpyxl.Workbook) -> None:
        row, _ = keyed_rows(wb, TASKS)[-1]
        rename_key(wb, TASKS, row, task_key(reference))
        wb[TASKS].cell(row, TASK_COLUMNS.reference).value = reference
        wb[TASKS].cell(row, TASK_COLUMNS.text).value = task.text  # shown as that task

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "y.xlsx", steal_row)
    row = keyed_rows(openpyxl.load_workbook(path), TASKS)[-1][0]
    before = snapshot(db)
    with pytest.raises(FormError) as caught:
        check_file(db, path)
    assert (
        f"trang tính «{TASKS}», ô B{row}: nhiệm vụ {reference} không được giao cho Sở Công Thương"
        in caught.value.message
    )
    assert snapshot(db) == before


def test_a_key_of_another_task_with_the_rows_text_left_is_rejected_at_the_text(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    reference, _ = foreign_task(db, excel_plan)

    def rekey(wb: openpyxl.Workbook) -> None:
        rename_key(wb, TASKS, keyed_rows(wb, TASKS)[0][0], task_key(reference))

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "k.xlsx", rekey)
    row = keyed_rows(openpyxl.load_workbook(path), TASKS)[0][0]
    with pytest.raises(FormError) as caught:
        check_file(db, path)
    assert caught.value.problems[0] == Problem(
        f"nội dung nhiệm vụ {reference} trong biểu mẫu khác với nhiệm vụ {reference} của kế "
        f"hoạch Đồng Tháp — năm 2023: {PLAN_CHANGED}",
        TASKS,
        f"C{row}",
    )


def test_a_reference_the_plan_does_not_have_is_rejected(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    def rekey(wb: openpyxl.Workbook) -> None:
        rename_key(wb, TASKS, keyed_rows(wb, TASKS)[0][0], task_key("V.99.1"))

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "r.xlsx", rekey)
    with pytest.raises(FormError) as caught:
        check_file(db, path)
    assert caught.value.problems[0].rule.startswith(
        "nhiệm vụ V.99.1 không có trong kế hoạch Đồng Tháp — năm 2023: kế hoạch đã thay đổi"
    )
    assert "biểu mẫu đã cũ: thiếu nhiệm vụ III.1.1" in caught.value.message


@pytest.mark.parametrize(
    ("code", "rule"),
    [
        ("2b", "chỉ tiêu 2b không thuộc các chỉ tiêu Sở Công Thương phải báo cáo"),
        ("9z", "chỉ tiêu mã «9z» không có trong kế hoạch Đồng Tháp — năm 2023: kế hoạch đã"),
    ],
    ids=["not-reported-by-the-agency", "not-in-the-plan"],
)
def test_an_indicator_code_outside_the_agencys_assignment_is_rejected(
    db: Database, forms_dir: Path, tmp_path: Path, code: str, rule: str
) -> None:
    def rekey(wb: openpyxl.Workbook) -> None:  # 2a (a share) becomes 2b (a share too)
        for row, key in keyed_rows(wb, INDICATORS):
            if key.startswith("indicator:2a:"):
                rename_key(wb, INDICATORS, row, key.replace(":2a:", f":{code}:"))

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "c.xlsx", rekey)
    row = next(r for r, k in keyed_rows(openpyxl.load_workbook(path), INDICATORS) if code in k)
    before = snapshot(db)
    with pytest.raises(FormError) as caught:
        check_file(db, path)
    problems = caught.value.problems
    assert (problems[0].sheet, problems[0].cell) == (INDICATORS, f"B{row}")
    assert problems[0].rule.startswith(rule)
    assert problems[-1].rule.startswith("biểu mẫu đã cũ: thiếu chỉ tiêu 2a")
    assert snapshot(db) == before


def test_an_indicator_with_the_inputs_of_another_kind_is_rejected(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    def count_as_answer(wb: openpyxl.Workbook) -> None:
        row, key = keyed_rows(wb, INDICATORS)[0]  # indicator 1, a count
        rename_key(wb, INDICATORS, row, key.replace("count_value", "answer"))
        wb[INDICATORS].cell(row, 5).value = "Có"

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "z.xlsx", count_as_answer)
    with pytest.raises(FormError) as caught:
        check_file(db, path)
    assert f"trang tính «{INDICATORS}», ô B" in caught.value.message
    assert "chỉ tiêu 1 không thuộc các chỉ tiêu Sở Công Thương phải báo cáo" in (
        caught.value.message
    )


def test_an_unknown_agency_code(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    def unknown(wb: openpyxl.Workbook) -> None:
        meta_cells(wb)["agency_code"].value = "SoNgoaiVu"

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "u.xlsx", unknown)
    with pytest.raises(FormError, match="cơ quan mã «SoNgoaiVu» của biểu mẫu không có"):
        check_file(db, path)


def test_a_newer_form_version_asks_for_an_update(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    def newer(wb: openpyxl.Workbook) -> None:
        meta_cells(wb)["form_version"].value = 3

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "v.xlsx", newer)
    wb = openpyxl.load_workbook(path)
    assert meta_cells(wb)["form_version"].value == 3
    with pytest.raises(FormError, match="phiên bản 3 do phiên bản mới hơn"):
        check_file(db, path)
