"""One number parser for the whole program: the importer reads typed numbers exactly as the
window's editors do; and the preview warns of figures hard to believe."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop.cli.excel_commands import describe
from sxtdbv_desktop.excel import cell_values
from sxtdbv_desktop.excel.cell_values import CellRuleError
from sxtdbv_desktop.excel.form_spec import SPENDING, SPENDING_COLUMNS
from sxtdbv_desktop.excel.imports import check_file
from sxtdbv_desktop.vnformat import MAX_WHOLE
from sxtdbv_ui import parsing
from tests.excel.filling import fill_file, keyed_rows

TYPED = [
    "12", "1.250", "1 250", "1\u00a0250", "3.235.715.000", "0", "-5", "1,500", "1e3", "1E15",
    "1_000", "١٢٣", "１２３", "1,234,567", "12,0", "7.00", "1.0000", "0x10", "12a", "+12",
    str(MAX_WHOLE), str(MAX_WHOLE + 1),
]  # fmt: skip


def in_window(text: str) -> int | None:
    try:
        return parsing.number(text)
    except ValueError:
        return None


def on_import(text: str) -> int | None:
    try:
        return cell_values.whole_number(text, what="Số liệu")
    except CellRuleError:
        return None


@pytest.mark.parametrize("text", TYPED)
def test_the_importer_reads_a_number_as_the_window_does(text: str) -> None:
    assert on_import(text) == in_window(text)


@pytest.mark.parametrize("text", ["1,500", "1e3", "1E15", "1_000", "١٢٣", "１２３"])
def test_what_the_old_importer_took_for_a_number_is_refused(text: str) -> None:
    assert on_import(text) is None


def test_a_decimal_comma_is_explained() -> None:
    with pytest.raises(CellRuleError, match="Dấu phẩy là dấu thập phân"):
        cell_values.whole_number("1,500", what="Kinh phí đã chi (đồng)")
    with pytest.raises(ValueError, match="dấu phẩy là dấu thập phân"):
        parsing.number("1,500")


def test_spending_beyond_the_plan_is_flagged_in_the_preview(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    fill_file(forms_dir / path.name, path, "so")
    wb = openpyxl.load_workbook(path)
    row, _ = keyed_rows(wb, SPENDING)[0]
    wb[SPENDING].cell(row, SPENDING_COLUMNS.amount).value = 10**15  # three zeros too many, twice
    wb.save(path)
    check = check_file(db, path)
    assert any("lớn hơn tổng kinh phí của cả kế hoạch (3.235.715.000 đồng)" in w
               for w in check.warnings)  # fmt: skip
    said = "Lưu ý: Kinh phí đơn vị báo cáo đã sử dụng (1.000.000.0"
    assert said in describe(check)  # what `import --dry-run` prints


def test_plausible_figures_give_no_warning(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_SoCT_2023.xlsx"
    fill_file(forms_dir / path.name, path, "so")
    assert check_file(db, path).warnings == ()
