"""A crafted file (its digest recomputed, as anyone reading our code could) can only change the
report of the agency its metadata names, on that agency's tasks and indicators, never the plan."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.form_spec import INDICATORS, META, TASKS, task_key
from sxtdbv_desktop.excel.imports import check_file
from sxtdbv_desktop.tasks import tasks_of_agency
from tests.excel.filling import fill_file, keyed_rows, meta_cells, reseal
from tests.factories import agency_id


def crafted(source: Path, target: Path, change: object) -> Path:
    fill_file(source, target, "craft")
    wb = openpyxl.load_workbook(target)
    change(wb)  # type: ignore[operator]
    reseal(wb)
    wb.save(target)
    return target


def test_renaming_the_agency_cannot_reach_the_other_agencys_tasks(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    def as_soct(wb: openpyxl.Workbook) -> None:
        meta_cells(wb)["agency_code"].value = "SoCT"

    path = crafted(forms_dir / "BaoCao_SoTNMT_2023.xlsx", tmp_path / "x.xlsx", as_soct)
    with pytest.raises(FormError) as caught:
        check_file(db, path)
    message = caught.value.message
    assert f"trang tính «{TASKS}», ô B" in message
    assert "nhiệm vụ của dòng này không được giao cho Sở Công Thương" in message
    assert "biểu mẫu đã cũ: thiếu nhiệm vụ" in message  # SoCT's own tasks are not in it


def test_a_row_of_another_agencys_task_is_rejected(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    others = tasks_of_agency(db, excel_plan, agency_id(db, excel_plan, "SoKHCN"))
    mine = {t.id for t in tasks_of_agency(db, excel_plan, agency_id(db, excel_plan, "SoCT"))}
    foreign = next(t for t in others if t.id not in mine)

    def add_row(wb: openpyxl.Workbook) -> None:
        row, key = keyed_rows(wb, TASKS)[-1]
        wb[TASKS].cell(row, 1).value = task_key(foreign.id)
        ws = wb[META]
        for r in range(10, ws.max_row + 1):
            if ws.cell(r, 1).value == key:
                ws.cell(r, 1).value = task_key(foreign.id)

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "y.xlsx", add_row)
    with pytest.raises(FormError) as caught:
        check_file(db, path)
    assert "không được giao cho Sở Công Thương" in caught.value.message


def test_an_indicator_with_the_inputs_of_another_kind_is_rejected(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    def count_as_answer(wb: openpyxl.Workbook) -> None:
        row, key = keyed_rows(wb, INDICATORS)[0]  # indicator 1, a count
        new_key = key.replace("count_value", "answer")
        wb[INDICATORS].cell(row, 1).value = new_key
        wb[INDICATORS].cell(row, 5).value = "Có"
        ws = wb[META]
        for r in range(10, ws.max_row + 1):
            if ws.cell(r, 1).value == key:
                ws.cell(r, 1).value = new_key

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "z.xlsx", count_as_answer)
    with pytest.raises(FormError) as caught:
        check_file(db, path)
    assert f"trang tính «{INDICATORS}», ô B" in caught.value.message
    assert "không thuộc các chỉ tiêu Sở Công Thương phải báo cáo" in caught.value.message


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
        meta_cells(wb)["form_version"].value = 2

    path = crafted(forms_dir / "BaoCao_SoCT_2023.xlsx", tmp_path / "v.xlsx", newer)
    wb = openpyxl.load_workbook(path)
    assert meta_cells(wb)["form_version"].value == 2
    with pytest.raises(FormError, match="phiên bản 2 do phiên bản mới hơn"):
        check_file(db, path)
